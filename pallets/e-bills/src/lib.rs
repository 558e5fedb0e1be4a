//! # E-bills
//!
//! Electronic bills and invoices issued at city scale, whose payment happens off chain and whose
//! reimbursement status every organisation shares, so the same bill can never be claimed twice.
//!
//! ## Rules
//!
//! - Departments passing `IssuerOrigin` (in the Civitas runtime: holding `BillIssuer`) issue bills
//!   in their own name. An enterprise issues invoices once a `TaxAuthorityOrigin` officer has
//!   enabled it; its linked accounts then issue in its name while it is active (an account that
//!   is also an issuing officer issues for its department).
//! - A bill number is normalised before anything else: surrounding whitespace trimmed, ASCII
//!   letters upper-cased, and only printable ASCII accepted. A bill's id is
//!   `blake2_256(SCALE((issuer, normalised number)))`, so an issuer's number is used once
//!   however it is spelt. Currency codes are three upper-case ASCII letters (ISO 4217).
//! - `issue_batch` issues up to `MaxBatch` bills in one extrinsic, all or nothing.
//! - The issuer marks a bill paid (with the hash of the payment reference), voids an unpaid bill,
//!   or reverses a paid one with a red-letter credit note that references it. A credit note
//!   exists only as such a reversal: it is never issued on its own, paid, voided, reversed or
//!   reimbursed.
//! - Reimbursement of a paid bill, in part or in full, never exceeds its amount in total, and
//!   only an organisation entitled to the bill may claim it:
//!   - the payer itself, when the payer is an enterprise (through its linked account);
//!   - an organisation the payer authorised (an employer or insurer): authorised by the payer's
//!     linked account, or recorded with evidence by the payer's identity registrar for people
//!     without keys; the payer or its registrar may withdraw it;
//!   - a department that governance made a reimburser of the bill's kind (for example the
//!     medical insurance fund for `Medical` bills).
//!
//!   Departments claim through `ReimburserOrigin` (in the Civitas runtime: holding `Reimburser`,
//!   department active); enterprises through a linked account while active.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
mod impls;
#[cfg(test)]
mod mock;
mod queries;
pub mod runtime_api;
#[cfg(test)]
mod tests;
#[cfg(any(test, feature = "try-runtime"))]
mod try_state;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use civitas_primitives::{
	Amount, BillId, BillKind, DepartmentId, EnsureOfficer, IdentityProvider, RoleAuthority,
	SubjectId,
};

// FRAME's macros expand to `expect` on values they construct themselves (storage prefixes, the
// genesis build); the pallet's own logic lives in `features/` (one file per feature), `queries.rs`
// and `try_state.rs` (and `impls.rs`), under the full lint set.
#[allow(clippy::expect_used)]
#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use polkadot_sdk::{
		frame_support::pallet_prelude::*, frame_system::pallet_prelude::*, sp_core::H256,
		sp_runtime::SaturatedConversion,
	};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Which department an officer serves (to name why an officer is refused).
		type Roles: RoleAuthority<Self::AccountId>;

		/// Which subjects exist and are active, which account acts for which subject, and which
		/// department is a subject's registrar.
		type Identity: IdentityProvider<Self::AccountId>;

		/// Assigns bill kinds to the departments that reimburse them.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Enables and disables enterprises' invoicing (the tax authority).
		type TaxAuthorityOrigin: EnsureOfficer<Self::RuntimeOrigin, Self::AccountId>;

		/// Issues bills in a department's own name.
		type IssuerOrigin: EnsureOfficer<Self::RuntimeOrigin, Self::AccountId>;

		/// Records and withdraws reimbursement authorisations for the subjects whose registrar
		/// the officer's department is (people without keys).
		type RegistrarOrigin: EnsureOfficer<Self::RuntimeOrigin, Self::AccountId>;

		/// Claims reimbursement on a department's behalf.
		type ReimburserOrigin: EnsureOfficer<Self::RuntimeOrigin, Self::AccountId>;

		/// The longest bill number, in bytes.
		#[pallet::constant]
		type MaxNumberLength: Get<u32>;

		/// The most bills in one `issue_batch`.
		#[pallet::constant]
		type MaxBatch: Get<u32>;

		/// The most organisations one payer may authorise to claim its bills.
		#[pallet::constant]
		type MaxClaimantsPerPayer: Get<u32>;

		/// The most departments that reimburse one bill kind.
		#[pallet::constant]
		type MaxReimbursersPerKind: Get<u32>;

		/// Weights of this pallet's calls, generated by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The bills, by id.
	// `Identity`: the id is already a blake2-256 hash computed by the chain.
	#[pallet::storage]
	pub type Bills<T: Config> = StorageMap<_, Identity, BillId, Bill<T>>;

	/// The bills of each payer, iterable by prefix.
	#[pallet::storage]
	pub type BillsByPayer<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, SubjectId, Identity, BillId, (), OptionQuery>;

	/// The bills of each issuer, iterable by prefix.
	#[pallet::storage]
	pub type BillsByIssuer<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Issuer, Identity, BillId, (), OptionQuery>;

	/// The enterprises the tax bureau has enabled to issue invoices, with the enabling
	/// department and block.
	#[pallet::storage]
	pub type EnabledIssuers<T: Config> =
		StorageMap<_, Blake2_128Concat, SubjectId, (DepartmentId, BlockNumberFor<T>)>;

	/// The organisations each payer authorised to claim reimbursement of its bills.
	#[pallet::storage]
	pub type ClaimAuthorisations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		SubjectId,
		Blake2_128Concat,
		Claimant,
		ClaimAuthorisation<BlockNumberFor<T>>,
	>;

	/// How many organisations each payer has authorised (at most `MaxClaimantsPerPayer`).
	#[pallet::storage]
	pub type ClaimantCount<T: Config> = StorageMap<_, Blake2_128Concat, SubjectId, u32, ValueQuery>;

	/// The departments that reimburse each bill kind, as governance assigned them.
	#[pallet::storage]
	pub type Reimbursers<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		BillKind,
		BoundedVec<DepartmentId, T::MaxReimbursersPerKind>,
		ValueQuery,
	>;

	/// Every change names the issuer or claimant and the account that made it.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A tax authority enabled an enterprise to issue invoices.
		IssuerEnabled {
			/// The enterprise.
			subject: SubjectId,
			/// The tax authority.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
		},
		/// A tax authority disabled an enterprise's invoicing.
		IssuerDisabled {
			/// The enterprise.
			subject: SubjectId,
			/// The tax authority.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
		},
		/// A bill was issued.
		BillIssued {
			/// The bill.
			bill: BillId,
			/// Its issuer.
			issuer: Issuer,
			/// The issuing account.
			by: T::AccountId,
			/// What it is for.
			kind: civitas_primitives::BillKind,
			/// Its amount.
			amount: Amount,
			/// Its payer.
			payer: Option<SubjectId>,
		},
		/// A batch of bills was issued.
		BatchIssued {
			/// Their issuer.
			issuer: Issuer,
			/// The issuing account.
			by: T::AccountId,
			/// The bills, in the order submitted.
			bills: BoundedVec<BillId, T::MaxBatch>,
		},
		/// The issuer recorded a bill's payment.
		BillPaid {
			/// The bill.
			bill: BillId,
			/// Its issuer.
			issuer: Issuer,
			/// The issuing account that recorded it.
			by: T::AccountId,
			/// The hash of the payment reference.
			payment_reference: H256,
		},
		/// The issuer voided an unpaid bill.
		BillVoided {
			/// The bill.
			bill: BillId,
			/// Its issuer.
			issuer: Issuer,
			/// The issuing account.
			by: T::AccountId,
		},
		/// The issuer reversed a paid bill with a credit note.
		BillReversed {
			/// The bill.
			bill: BillId,
			/// The credit note (a bill of kind `CreditNote`).
			credit_note: BillId,
			/// Their issuer.
			issuer: Issuer,
			/// The issuing account.
			by: T::AccountId,
		},
		/// Governance settled (marked paid) or voided an unpaid bill whose issuer can no longer
		/// act on it.
		BillResolved {
			/// The bill.
			bill: BillId,
			/// Its issuer.
			issuer: Issuer,
			/// How it was resolved.
			resolution: Resolution,
		},
		/// Governance assigned the departments that reimburse a bill kind.
		ReimbursersSet {
			/// The bill kind.
			kind: BillKind,
			/// The departments (none: the kind has no reimburser).
			departments: BoundedVec<DepartmentId, T::MaxReimbursersPerKind>,
		},
		/// A payer authorised an organisation to claim reimbursement of its bills.
		ClaimantAuthorised {
			/// The payer.
			payer: SubjectId,
			/// The organisation authorised.
			claimant: Claimant,
			/// The payer's linked account, or the registrar's officer who recorded it.
			by: T::AccountId,
			/// The payer's registrar, when it recorded the authorisation.
			registrar: Option<DepartmentId>,
			/// The hash of the signed mandate the registrar holds, when it recorded it.
			evidence: Option<H256>,
		},
		/// A payer's authorisation of an organisation was withdrawn.
		ClaimantRevoked {
			/// The payer.
			payer: SubjectId,
			/// The organisation no longer authorised.
			claimant: Claimant,
			/// The payer's linked account, or the registrar's officer.
			by: T::AccountId,
			/// The payer's registrar, when its officer withdrew it.
			registrar: Option<DepartmentId>,
		},
		/// An employer or insurer was reimbursed (part of) a bill.
		ReimbursementClaimed {
			/// The bill.
			bill: BillId,
			/// The claimant.
			claimant: Claimant,
			/// The claiming account.
			by: T::AccountId,
			/// The amount claimed.
			amount: Amount,
			/// What remains claimable.
			remaining: Amount,
			/// The hash of the claimant's own reference.
			claim_reference: H256,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The caller is neither an issuing officer nor a linked account of an enterprise.
		NotIssuer,
		/// The caller's enterprise is not (or no longer) enabled by the tax bureau to issue
		/// invoices.
		IssuerNotEnabled,
		/// The caller's enterprise is enabled but no longer active (suspended or closed).
		IssuerNotActive,
		/// The caller is not (acting for) the bill's issuer.
		NotBillIssuer,
		/// The caller is neither a reimbursing officer nor a linked account of an enterprise.
		NotClaimant,
		/// The subject is not an active enterprise.
		NotActiveEnterprise,
		/// The enterprise is already enabled.
		AlreadyEnabled,
		/// The enterprise is not enabled.
		NotEnabled,
		/// The payer is not a registered subject.
		PayerNotFound,
		/// The issuer already used this number.
		NumberAlreadyExists,
		/// The bill number is empty.
		NumberEmpty,
		/// The bill number is longer than `MaxNumberLength` (through `BillIssuer` and at genesis; calls take bounded numbers).
		MaxNumberLengthExceeded,
		/// The amount is zero.
		AmountZero,
		/// The tax is larger than the amount.
		TaxExceedsAmount,
		/// The batch is empty.
		BatchEmpty,
		/// No bill has this id.
		BillNotFound,
		/// The bill is not in `Issued` status (already paid, voided or reversed).
		NotUnpaid,
		/// The bill is not paid, or already (partly) reimbursed, so it cannot be reversed.
		NotReversible,
		/// The bill has not been paid: nothing to reimburse.
		NotPaid,
		/// The bill was voided or reversed: it can never be reimbursed.
		NotReimbursable,
		/// The bill has been reimbursed in full already.
		AlreadyReimbursed,
		/// The claim is larger than what remains of the bill.
		ClaimExceedsRemaining,
		/// The bill number holds a byte that is not printable ASCII.
		InvalidNumber,
		/// The currency is not three upper-case ASCII letters.
		InvalidCurrency,
		/// A credit note is issued only by reversing a paid bill.
		CreditNoteWithoutOriginal,
		/// The bill is a credit note: it cannot be paid, voided, reversed or reimbursed.
		IsCreditNote,
		/// The claimant is not entitled to this bill: it is not the payer, the payer has not
		/// authorised it, and it is no reimburser of the bill's kind.
		NotEntitled,
		/// The claiming enterprise is suspended, closed or dissolved.
		ClaimantNotActive,
		/// The caller is neither a linked account of the payer nor an officer of its registrar.
		NotPayer,
		/// The caller's department is not the payer's registrar.
		NotPayerRegistrar,
		/// The payer is suspended, closed or dissolved.
		PayerNotActive,
		/// An organisation cannot be authorised to claim its own bills.
		ClaimantIsPayer,
		/// The organisation to authorise is no active enterprise and no department with officers.
		ClaimantNotFound,
		/// The payer has already authorised this organisation.
		AlreadyAuthorised,
		/// The payer has not authorised this organisation.
		AuthorisationNotFound,
		/// The payer has authorised `MaxClaimantsPerPayer` organisations already.
		MaxClaimantsExceeded,
		/// A department appears twice in the list.
		DuplicateReimburser,
		/// More than `MaxReimbursersPerKind` departments for one kind (genesis only; calls take
		/// a bounded list).
		MaxReimbursersExceeded,
		/// The bill's issuer can still act on it (its department holds the issuing role and is
		/// active, or its enterprise is enabled and active): it marks paid or voids its own bills.
		IssuerCanAct,
	}

	#[pallet::genesis_config]
	#[derive(polkadot_sdk::frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Enterprises enabled to issue invoices, with the enabling department.
		pub enabled_issuers: Vec<(SubjectId, DepartmentId)>,
		/// Bills to seed, in order.
		pub bills: Vec<GenesisBill<BlockNumberFor<T>>>,
		/// The departments that reimburse each bill kind.
		pub reimbursers: Vec<(BillKind, Vec<DepartmentId>)>,
		/// Organisations payers have authorised to claim their bills.
		pub claim_authorisations: Vec<(SubjectId, Claimant)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		// An invalid genesis must stop the chain from being built at all.
		fn build(&self) {
			Pallet::<T>::seed(self).expect("genesis bills must be valid");
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxNumberLength::get() > 0, "MaxNumberLength must be positive");
			assert!(T::MaxBatch::get() > 0, "MaxBatch must be positive");
			assert!(T::MaxClaimantsPerPayer::get() > 0, "MaxClaimantsPerPayer must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Enable an active enterprise to issue invoices through its linked accounts.
		///
		/// # Origin
		/// `TaxAuthorityOrigin`: an officer of a department holding `TaxAuthority`.
		///
		/// # Events
		/// [`Event::IssuerEnabled`].
		///
		/// # Errors
		/// The origin's, [`Error::NotActiveEnterprise`], [`Error::AlreadyEnabled`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::enable_issuer())]
		pub fn enable_issuer(origin: OriginFor<T>, subject: SubjectId) -> DispatchResult {
			let (department, officer) = T::TaxAuthorityOrigin::ensure_officer(origin)?;
			Self::do_enable_issuer(subject, department, officer)
		}

		/// Disable an enterprise's invoicing. Bills it issued stay as they are.
		///
		/// # Origin
		/// `TaxAuthorityOrigin`.
		///
		/// # Events
		/// [`Event::IssuerDisabled`].
		///
		/// # Errors
		/// The origin's, [`Error::NotEnabled`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::disable_issuer())]
		pub fn disable_issuer(origin: OriginFor<T>, subject: SubjectId) -> DispatchResult {
			let (department, officer) = T::TaxAuthorityOrigin::ensure_officer(origin)?;
			Self::do_disable_issuer(subject, department, officer)
		}

		/// Issue one bill in the caller's issuer's name.
		///
		/// # Origin
		/// `IssuerOrigin` (for its department) or a linked account of an enabled, active
		/// enterprise (for the enterprise).
		///
		/// # Events
		/// [`Event::BillIssued`].
		///
		/// # Errors
		/// [`Error::NotIssuer`] or `IssuerOrigin`'s, [`Error::IssuerNotEnabled`],
		/// [`Error::IssuerNotActive`], [`Error::NumberEmpty`], [`Error::InvalidNumber`],
		/// [`Error::InvalidCurrency`], [`Error::AmountZero`], [`Error::TaxExceedsAmount`],
		/// [`Error::CreditNoteWithoutOriginal`], [`Error::PayerNotFound`],
		/// [`Error::NumberAlreadyExists`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::issue())]
		pub fn issue(origin: OriginFor<T>, bill: NewBill<T>) -> DispatchResult {
			let (issuer, who) = Self::issuer_of(origin)?;
			Self::do_issue_bill(bill, issuer, who)
		}

		/// Issue up to `MaxBatch` bills in one extrinsic, all or nothing (a utility's monthly
		/// run). Weighed per bill.
		///
		/// # Origin
		/// As for [`Pallet::issue`].
		///
		/// # Events
		/// [`Event::BatchIssued`].
		///
		/// # Errors
		/// [`Error::BatchEmpty`], and those of [`Pallet::issue`] for any bill. A batch of more than
		/// `MaxBatch` bills does not decode: the transaction is invalid.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::issue_batch(bills.len() as u32))]
		pub fn issue_batch(
			origin: OriginFor<T>,
			bills: BoundedVec<NewBill<T>, T::MaxBatch>,
		) -> DispatchResult {
			let (issuer, who) = Self::issuer_of(origin)?;
			Self::do_issue_batch(bills, issuer, who)
		}

		/// Record that a bill was paid (off chain), with the hash of the payment reference.
		///
		/// # Origin
		/// The bill's issuer (as for [`Pallet::issue`]).
		///
		/// # Events
		/// [`Event::BillPaid`].
		///
		/// # Errors
		/// Those of the issuer check, [`Error::BillNotFound`], [`Error::NotBillIssuer`],
		/// [`Error::IsCreditNote`], [`Error::NotUnpaid`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::mark_paid())]
		pub fn mark_paid(
			origin: OriginFor<T>,
			bill: BillId,
			payment_reference: H256,
		) -> DispatchResult {
			let (issuer, who) = Self::issuer_of(origin)?;
			Self::do_mark_paid(bill, payment_reference, issuer, who)
		}

		/// Void an unpaid bill.
		///
		/// # Origin
		/// The bill's issuer.
		///
		/// # Events
		/// [`Event::BillVoided`].
		///
		/// # Errors
		/// Those of the issuer check, [`Error::BillNotFound`], [`Error::NotBillIssuer`],
		/// [`Error::IsCreditNote`], [`Error::NotUnpaid`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::void())]
		pub fn void(origin: OriginFor<T>, bill: BillId) -> DispatchResult {
			let (issuer, who) = Self::issuer_of(origin)?;
			Self::do_void(bill, issuer, who)
		}

		/// Reverse a paid, unreimbursed bill by issuing a red-letter credit note under
		/// `credit_note_number` that references it. The bill becomes `Reversed` and can never be
		/// reimbursed.
		///
		/// # Origin
		/// The bill's issuer.
		///
		/// # Events
		/// [`Event::BillReversed`].
		///
		/// # Errors
		/// Those of the issuer check, [`Error::BillNotFound`], [`Error::NotBillIssuer`],
		/// [`Error::IsCreditNote`], [`Error::NotReversible`], [`Error::NumberEmpty`],
		/// [`Error::MaxNumberLengthExceeded`], [`Error::InvalidNumber`], [`Error::NumberAlreadyExists`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::reverse())]
		pub fn reverse(
			origin: OriginFor<T>,
			bill: BillId,
			credit_note_number: BoundedVec<u8, T::MaxNumberLength>,
			content_hash: H256,
		) -> DispatchResult {
			let (issuer, who) = Self::issuer_of(origin)?;
			Self::do_reverse(bill, credit_note_number.into_inner(), content_hash, issuer, who)
		}

		/// Claim reimbursement of `amount` of a paid bill. The total reimbursed across all
		/// claimants never exceeds the bill's amount.
		///
		/// # Origin
		/// `ReimburserOrigin` (for its department), or a linked account of an active enterprise
		/// (for the enterprise); either must be entitled to the bill (see the crate docs).
		///
		/// # Events
		/// [`Event::ReimbursementClaimed`].
		///
		/// # Errors
		/// [`Error::NotClaimant`] or `ReimburserOrigin`'s, [`Error::ClaimantNotActive`],
		/// [`Error::BillNotFound`], [`Error::IsCreditNote`], [`Error::NotEntitled`],
		/// [`Error::AmountZero`], [`Error::NotPaid`], [`Error::NotReimbursable`],
		/// [`Error::AlreadyReimbursed`], [`Error::ClaimExceedsRemaining`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::claim_reimbursement())]
		pub fn claim_reimbursement(
			origin: OriginFor<T>,
			bill: BillId,
			amount: Amount,
			claim_reference: H256,
		) -> DispatchResult {
			let (claimant, who) = Self::claimant_of(origin)?;
			Self::do_claim(bill, amount, claim_reference, claimant, who)
		}

		/// Assign the departments that reimburse bills of `kind` (replacing the earlier list; an
		/// empty list leaves the kind without reimburser). They claim as `ReimburserOrigin`.
		///
		/// # Origin
		/// `GovernanceOrigin`.
		///
		/// # Events
		/// [`Event::ReimbursersSet`].
		///
		/// # Errors
		/// [`Error::IsCreditNote`], [`Error::DuplicateReimburser`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::set_reimbursers(departments.len().saturated_into()))]
		pub fn set_reimbursers(
			origin: OriginFor<T>,
			kind: BillKind,
			departments: BoundedVec<DepartmentId, T::MaxReimbursersPerKind>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_reimbursers(kind, departments)
		}

		/// Authorise an organisation (an employer, an insurer) to claim reimbursement of the
		/// caller's subject's bills.
		///
		/// # Origin
		/// Signed by a linked account of an active payer.
		///
		/// # Events
		/// [`Event::ClaimantAuthorised`].
		///
		/// # Errors
		/// [`Error::NotPayer`], [`Error::PayerNotActive`], [`Error::ClaimantIsPayer`],
		/// [`Error::ClaimantNotFound`], [`Error::AlreadyAuthorised`],
		/// [`Error::MaxClaimantsExceeded`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::authorise_claimant())]
		pub fn authorise_claimant(origin: OriginFor<T>, claimant: Claimant) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let payer = T::Identity::subject_of(&who).ok_or(Error::<T>::NotPayer)?;
			Self::do_authorise_claimant(payer, claimant, None, who, None)
		}

		/// Record, for a payer without keys, its authorisation of an organisation, with the hash
		/// of the signed mandate the registrar keeps off chain.
		///
		/// # Origin
		/// `RegistrarOrigin`, of the payer's registrar.
		///
		/// # Events
		/// [`Event::ClaimantAuthorised`].
		///
		/// # Errors
		/// The origin's, [`Error::NotPayerRegistrar`], and those of
		/// [`Pallet::authorise_claimant`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::record_claimant_authorisation())]
		pub fn record_claimant_authorisation(
			origin: OriginFor<T>,
			payer: SubjectId,
			claimant: Claimant,
			evidence: H256,
		) -> DispatchResult {
			let (department, officer) = T::RegistrarOrigin::ensure_officer(origin)?;
			Self::ensure_payer_registrar(&payer, department)?;
			Self::do_authorise_claimant(payer, claimant, Some(evidence), officer, Some(department))
		}

		/// Withdraw a payer's authorisation of an organisation. Claims already made stay.
		///
		/// # Origin
		/// Signed by a linked account of the payer (whatever its status), or `RegistrarOrigin`
		/// of the payer's registrar.
		///
		/// # Events
		/// [`Event::ClaimantRevoked`].
		///
		/// # Errors
		/// [`Error::NotPayer`] or the registrar origin's, [`Error::NotPayerRegistrar`],
		/// [`Error::AuthorisationNotFound`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::revoke_claimant())]
		pub fn revoke_claimant(
			origin: OriginFor<T>,
			payer: SubjectId,
			claimant: Claimant,
		) -> DispatchResult {
			let (who, registrar) = Self::payer_or_registrar(origin, &payer)?;
			Self::do_revoke_claimant(payer, claimant, who, registrar)
		}

		/// Settle (mark paid, with the payment reference) or void an unpaid bill whose issuer can
		/// no longer act on it: its department suspended or without the issuing role, its
		/// enterprise disabled or inactive. Without this, such a bill would stay outstanding for
		/// ever and block what waits on it (a property's transfer waits on its tax bills).
		///
		/// # Origin
		/// `GovernanceOrigin`.
		///
		/// # Events
		/// [`Event::BillResolved`].
		///
		/// # Errors
		/// [`Error::BillNotFound`], [`Error::IsCreditNote`], [`Error::NotUnpaid`],
		/// [`Error::IssuerCanAct`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::resolve_unpaid())]
		pub fn resolve_unpaid(
			origin: OriginFor<T>,
			bill: BillId,
			resolution: Resolution,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_resolve_unpaid(bill, resolution)
		}
	}
}
