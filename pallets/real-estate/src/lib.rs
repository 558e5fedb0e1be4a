//! # Real estate
//!
//! The city's real-estate register: properties and their owners' shares, title history,
//! transfers with every party's consent, ranked mortgages, court freezes, leases and easements,
//! licences issued by many departments, and property tax through e-bills.
//!
//! ## Rules
//!
//! - A [`Role::LandRegistrar`] officer registers a property under a unique cadastral reference,
//!   with active owners whose shares sum to 1000 (parts per thousand), and retires it (merged or
//!   split) naming its successors.
//! - Every change of ownership or encumbrance appends an entry to the property's title history
//!   (`TitleHistory`, keyed by property and sequence number), so an auditor reads who owned what
//!   when without replaying blocks.
//! - Each property is kept by one registry (the department that registered it); only its
//!   registrars act on the property's title, transfers and registrar encumbrances. Governance
//!   moves a property to another registry.
//! - A transfer is opened by a registrar, gets a number and a hash of its terms
//!   ([`transfer_terms`]), and needs the consent of every current owner, every buyer, and every
//!   bank holding a mortgage on the property. A consent names the transfer and its terms, so it
//!   never counts for another (a cancelled and reopened transfer starts with none). Owners and
//!   buyers consent with their own linked account; a registrar records the consent of a party
//!   without keys with an evidence hash. Completion needs a second officer (neither the opener
//!   nor a consent recorder) and checks, at that moment: all consents, no court freeze, no
//!   outstanding tax bill, and every licence the property's usage requires present and valid. A
//!   transfer not completed within `TransferPeriod` is stale: it can no longer be completed, and
//!   a new one replaces it.
//! - A bank ([`Role::Lender`]) requests a mortgage and a registrar registers it: both must act.
//!   Only the bank, or a court, releases it. A [`Role::Court`] freezes a property; only that court
//!   lifts its freeze. A frozen property can neither be transferred nor newly mortgaged.
//! - Each licence kind has a rule (set by governance): the role the issuing department must hold,
//!   the departments allowed, and optionally the longest a licence may run. Anyone verifies a
//!   presented licence document by its hash.
//! - A [`Role::TaxAuthority`] officer assesses a property for a period once; each owner is billed
//!   its share in the tax department's name through [`BillIssuer`], and a transfer waits until
//!   every bill is settled.
//!
//! [`Role::LandRegistrar`]: civitas_primitives::Role::LandRegistrar
//! [`Role::Lender`]: civitas_primitives::Role::Lender
//! [`Role::Court`]: civitas_primitives::Role::Court
//! [`Role::TaxAuthority`]: civitas_primitives::Role::TaxAuthority

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
pub mod migrations;
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

/// The target of the pallet's log lines.
const LOG_TARGET: &str = "runtime::real-estate";

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use civitas_primitives::{
	Amount, BillIssuer, DepartmentId, EnsureOfficer, IdentityProvider, RoleAuthority, SubjectId,
};

// FRAME's macros expand to `expect` on values they construct themselves (storage prefixes, the
// genesis build); the pallet's own logic lives in `features/` (one file per feature) and
// `queries.rs`, under the full lint set.
#[allow(clippy::expect_used)]
#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use polkadot_sdk::{
		frame_support::pallet_prelude::*, frame_system::pallet_prelude::*, sp_core::H256,
	};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Which department an officer serves and which roles it holds.
		type Roles: RoleAuthority<Self::AccountId>;

		/// Which subjects exist and are active, and which account acts for which subject.
		type Identity: IdentityProvider<Self::AccountId>;

		/// Issues property-tax bills and reports whether they are paid.
		type Bills: BillIssuer<Self::AccountId>;

		/// Sets the licence rules and the licences each usage requires.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Registers properties and transfers (in the Civitas runtime: an officer of an active
		/// department holding `LandRegistrar`).
		type RegistrarOrigin: EnsureOfficer<Self::RuntimeOrigin, Self::AccountId>;

		/// Requests mortgages on a bank's behalf (holding `Lender`).
		type LenderOrigin: EnsureOfficer<Self::RuntimeOrigin, Self::AccountId>;

		/// Orders freezes (holding `Court`).
		type CourtOrigin: EnsureOfficer<Self::RuntimeOrigin, Self::AccountId>;

		/// Assesses property tax (holding `TaxAuthority`).
		type TaxAuthorityOrigin: EnsureOfficer<Self::RuntimeOrigin, Self::AccountId>;

		/// The most owners of one property (and buyers in one transfer).
		#[pallet::constant]
		type MaxOwners: Get<u32>;

		/// The longest cadastral reference, in bytes.
		#[pallet::constant]
		type MaxCadastralLength: Get<u32>;

		/// The most encumbrances on one property at a time.
		#[pallet::constant]
		type MaxEncumbrances: Get<u32>;

		/// The most licences attached to one property.
		#[pallet::constant]
		type MaxLicences: Get<u32>;

		/// The most licence kinds one usage may require.
		#[pallet::constant]
		type MaxRequiredLicences: Get<u32>;

		/// The most successors of a retired property.
		#[pallet::constant]
		type MaxSuccessors: Get<u32>;

		/// The most tax bills of one property not yet known to be settled.
		#[pallet::constant]
		type MaxOutstandingTax: Get<u32>;

		/// How long an open transfer may wait for completion.
		#[pallet::constant]
		type TransferPeriod: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls, generated by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The next property id.
	#[pallet::storage]
	pub type NextPropertyId<T: Config> = StorageValue<_, PropertyId, ValueQuery>;

	/// The next transfer number.
	#[pallet::storage]
	pub type NextTransferId<T: Config> = StorageValue<_, TransferId, ValueQuery>;

	/// The properties.
	// `Twox64Concat`: ids are sequential, assigned by the chain.
	#[pallet::storage]
	pub type Properties<T: Config> = StorageMap<_, Twox64Concat, PropertyId, Property<T>>;

	/// The property of each cadastral reference (references are never reused).
	#[pallet::storage]
	pub type PropertyByCadastre<T: Config> =
		StorageMap<_, Blake2_128Concat, BoundedVec<u8, T::MaxCadastralLength>, PropertyId>;

	/// Each subject's current properties, with its share; iterable by prefix.
	#[pallet::storage]
	pub type PropertiesOf<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		SubjectId,
		Twox64Concat,
		PropertyId,
		Share,
		OptionQuery,
	>;

	/// Each property's title history, by sequence number from 0.
	#[pallet::storage]
	pub type TitleHistory<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PropertyId,
		Twox64Concat,
		u32,
		HistoryEntry<T>,
		OptionQuery,
	>;

	/// The encumbrances on each property, in registration order.
	#[pallet::storage]
	pub type Encumbrances<T: Config> = StorageMap<
		_,
		Twox64Concat,
		PropertyId,
		BoundedVec<Encumbrance<BlockNumberFor<T>>, T::MaxEncumbrances>,
		ValueQuery,
	>;

	/// The next encumbrance number of each property.
	#[pallet::storage]
	pub type NextEncumbranceId<T: Config> =
		StorageMap<_, Twox64Concat, PropertyId, u32, ValueQuery>;

	/// Banks' mortgage requests waiting for a registrar, by property and bank.
	#[pallet::storage]
	pub type MortgageRequests<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PropertyId,
		Twox64Concat,
		DepartmentId,
		MortgageRequest<BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// The licences attached to each property.
	#[pallet::storage]
	pub type Licences<T: Config> = StorageMap<
		_,
		Twox64Concat,
		PropertyId,
		BoundedVec<Licence<BlockNumberFor<T>>, T::MaxLicences>,
		ValueQuery,
	>;

	/// Who may issue each kind of licence; a kind without a rule cannot be issued.
	// `Twox64Concat`: a small enum, not chosen by users.
	#[pallet::storage]
	pub type LicenceRules<T: Config> =
		StorageMap<_, Twox64Concat, LicenceKind, LicenceRule<BlockNumberFor<T>>>;

	/// The licences a transfer of a property of each usage requires.
	#[pallet::storage]
	pub type RequiredLicences<T: Config> = StorageMap<
		_,
		Twox64Concat,
		Usage,
		BoundedVec<LicenceKind, T::MaxRequiredLicences>,
		ValueQuery,
	>;

	/// The open transfer of each property, at most one.
	#[pallet::storage]
	pub type Transfers<T: Config> = StorageMap<_, Twox64Concat, PropertyId, Transfer<T>>;

	/// Property-tax assessments, by property and period (e.g. the year).
	#[pallet::storage]
	pub type TaxAssessments<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		PropertyId,
		Twox64Concat,
		u32,
		TaxAssessment<T>,
		OptionQuery,
	>;

	/// Each property's assessed periods with a bill that was outstanding when last looked at.
	#[pallet::storage]
	pub type OutstandingTax<T: Config> =
		StorageMap<_, Twox64Concat, PropertyId, BoundedVec<u32, T::MaxOutstandingTax>, ValueQuery>;

	/// Every change names the department and the account that made it.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A property was registered.
		PropertyRegistered {
			/// The property.
			property: PropertyId,
			/// The registrar department.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
		},
		/// A property was retired in favour of its successors.
		PropertyRetired {
			/// The property.
			property: PropertyId,
			/// Its successors.
			successors: BoundedVec<PropertyId, T::MaxSuccessors>,
			/// The registrar department.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
		},
		/// A transfer was opened.
		TransferOpened {
			/// The property.
			property: PropertyId,
			/// The transfer's number.
			transfer: TransferId,
			/// The hash of its terms, which each consent names.
			terms: H256,
			/// The buyers and their shares.
			buyers: Owners<T>,
			/// The price.
			price: Amount,
			/// The hash of the deed.
			deed: H256,
			/// The last block it may be completed.
			expires_at: BlockNumberFor<T>,
			/// The registrar department.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
		},
		/// A party consented to the open transfer.
		ConsentGiven {
			/// The property.
			property: PropertyId,
			/// The transfer.
			transfer: TransferId,
			/// The party.
			party: Party,
			/// Signed by the party, or recorded by a registrar with evidence.
			evidence: ConsentEvidence,
			/// The account that submitted it.
			by: T::AccountId,
		},
		/// A transfer completed: the buyers own the property.
		TransferCompleted {
			/// The property.
			property: PropertyId,
			/// The transfer.
			transfer: TransferId,
			/// The new title certificate.
			title_certificate: H256,
			/// The registrar department.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
		},
		/// An open transfer was cancelled by a registrar.
		TransferCancelled {
			/// The property.
			property: PropertyId,
			/// The transfer.
			transfer: TransferId,
			/// The registrar department.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
		},
		/// A stale transfer was replaced by a new one.
		TransferLapsed {
			/// The property.
			property: PropertyId,
			/// The stale transfer.
			transfer: TransferId,
		},
		/// A bank asked for a mortgage to be registered.
		MortgageRequested {
			/// The property.
			property: PropertyId,
			/// The bank.
			lender: DepartmentId,
			/// The secured amount.
			amount: Amount,
			/// The bank's officer.
			officer: T::AccountId,
		},
		/// An encumbrance (mortgage, court freeze, lease, easement) was registered.
		EncumbranceRegistered {
			/// The property.
			property: PropertyId,
			/// It, as registered.
			encumbrance: Encumbrance<BlockNumberFor<T>>,
			/// The department that registered it.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
		},
		/// An encumbrance was released, or a freeze lifted.
		EncumbranceReleased {
			/// The property.
			property: PropertyId,
			/// Its number on the register.
			encumbrance: u32,
			/// The department that released it.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
		},
		/// A department attached a licence to a property.
		LicenceIssued {
			/// The property.
			property: PropertyId,
			/// The licence's kind.
			kind: LicenceKind,
			/// The hash of its document.
			document_hash: H256,
			/// The issuing department.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
		},
		/// A full licence register dropped its oldest revoked or expired licence to make room.
		LicencePruned {
			/// The property.
			property: PropertyId,
			/// The dropped licence's document hash.
			document_hash: H256,
		},
		/// The issuing department revoked a licence.
		LicenceRevoked {
			/// The property.
			property: PropertyId,
			/// The hash of its document.
			document_hash: H256,
			/// The issuing department.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
		},
		/// Governance set who may issue a kind of licence.
		LicenceRuleSet {
			/// The kind.
			kind: LicenceKind,
			/// The rule.
			rule: LicenceRule<BlockNumberFor<T>>,
		},
		/// Governance moved a property to another registry.
		RegistryChanged {
			/// The property.
			property: PropertyId,
			/// The registry that kept it.
			from: DepartmentId,
			/// The registry that keeps it now.
			to: DepartmentId,
		},
		/// Governance set the licences a usage requires for a transfer.
		RequiredLicencesSet {
			/// The usage.
			usage: Usage,
			/// The licence kinds.
			kinds: BoundedVec<LicenceKind, T::MaxRequiredLicences>,
		},
		/// A property was assessed for tax: one bill per owner, by share, in e-bills.
		TaxAssessed {
			/// The property.
			property: PropertyId,
			/// The period (e.g. the year).
			period: u32,
			/// The assessed amount.
			amount: Amount,
			/// Each owner's part and bill.
			bills: BoundedVec<TaxShare, T::MaxOwners>,
			/// The tax department.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The cadastral reference is empty.
		CadastralRefEmpty,
		/// The cadastral reference is longer than `MaxCadastralLength` (genesis only; calls take a bounded reference).
		MaxCadastralLengthExceeded,
		/// Another property has this cadastral reference.
		CadastralRefAlreadyExists,
		/// No owners (or buyers) were given.
		OwnersEmpty,
		/// More than `MaxOwners` owners or buyers (genesis only; calls take bounded lists).
		MaxOwnersExceeded,
		/// A share is zero.
		ShareZero,
		/// The shares do not sum to 1000.
		SharesNotWhole,
		/// A subject appears twice among the owners (or buyers).
		DuplicateOwner,
		/// An owner (or buyer) is unknown or not active.
		OwnerNotActive,
		/// No property has this id.
		PropertyNotFound,
		/// The property is retired.
		PropertyAlreadyRetired,
		/// The property is under a court freeze.
		PropertyUnderFreeze,
		/// The property has encumbrances; release them first.
		EncumbrancesOutstanding,
		/// A successor is unknown, retired, repeated, or the property itself.
		InvalidSuccessor,
		/// No successors were given.
		SuccessorsEmpty,
		/// The property already has an open, unexpired transfer.
		TransferAlreadyOpen,
		/// The property has no open transfer.
		TransferNotFound,
		/// The transfer's period has ended; open a new one.
		TransferAlreadyExpired,
		/// The caller (or subject) is not a party to the transfer.
		NotAParty,
		/// The consenting party is suspended, closed or dissolved: it acts through its keys no
		/// more.
		PartyNotActive,
		/// This party has already consented.
		AlreadyConsented,
		/// A party has not consented yet.
		ConsentMissing,
		/// A tax bill of the property is unpaid.
		TaxOutstanding,
		/// A licence the property's usage requires is missing, revoked or expired.
		LicenceMissing,
		/// The price is zero.
		PriceZero,
		/// The amount is zero.
		AmountZero,
		/// The bank already has a mortgage request for this property.
		MortgageAlreadyRequested,
		/// No mortgage request from this bank (a mortgage needs the lender).
		MortgageRequestNotFound,
		/// The department does not hold `Lender`.
		NotLender,
		/// The property has `MaxEncumbrances` encumbrances already.
		MaxEncumbrancesExceeded,
		/// The property has 255 mortgages already.
		MaxMortgagesExceeded,
		/// No encumbrance has this number on the property's register.
		EncumbranceNotFound,
		/// The caller's department may not release this encumbrance.
		NotReleaser,
		/// A lease must end in the future.
		LeaseEndInPast,
		/// No rule says who may issue this kind of licence.
		LicenceRuleNotFound,
		/// The caller's department may not issue this kind of licence.
		NotLicenceIssuer,
		/// The property has `MaxLicences` licences already.
		MaxLicencesExceeded,
		/// A licence with this document hash is already attached.
		LicenceAlreadyExists,
		/// No licence with this document hash is attached.
		LicenceNotFound,
		/// The licence is already revoked.
		LicenceAlreadyRevoked,
		/// Only the issuing department may revoke the licence.
		NotLicenceHolder,
		/// A licence must be valid until a future block.
		ValidityInPast,
		/// The property was already assessed for this period.
		AlreadyAssessed,
		/// The property has `MaxOutstandingTax` unpaid tax bills.
		MaxOutstandingTaxExceeded,
		/// The chain ran out of ids (never expected).
		IdsExhausted,
		/// The consent names a transfer that is not the property's open one (it was cancelled or
		/// replaced): consents never carry over.
		TransferMismatch,
		/// The consent names other terms than the open transfer's.
		TermsMismatch,
		/// The party has linked accounts: it consents with its own key, a registrar may not
		/// consent for it.
		PartyHasKeys,
		/// Four eyes: the officer completing a transfer must not be the one who opened it or
		/// recorded a consent to it.
		SecondOfficerRequired,
		/// The property is kept by another registry; only its registrars act on it.
		NotPropertyRegistry,
		/// A licence rule must name at least one department.
		LicenceIssuersEmpty,
		/// The department does not hold `LandRegistrar`.
		NotARegistrar,
		/// A department appears twice in a licence rule.
		DuplicateIssuer,
		/// The licence would run longer than its kind's rule allows (or open-ended where the rule
		/// sets a longest validity).
		MaxValidityExceeded,
		/// A licence rule's longest validity must be at least one block.
		InvalidMaxValidity,
	}

	#[pallet::genesis_config]
	#[derive(polkadot_sdk::frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Who may issue each kind of licence: every kind needs a rule.
		pub licence_rules: Vec<(LicenceKind, LicenceRule<BlockNumberFor<T>>)>,
		/// The licences each usage requires for a transfer.
		pub required_licences: Vec<(Usage, Vec<LicenceKind>)>,
		/// Properties to seed, with their licences.
		pub properties: Vec<GenesisProperty>,
		#[serde(skip)]
		#[allow(missing_docs)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		// An invalid genesis must stop the chain from being built at all.
		fn build(&self) {
			Pallet::<T>::seed(self).expect("genesis properties must be valid");
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxOwners::get() > 0, "MaxOwners must be positive");
			assert!(T::MaxCadastralLength::get() > 0, "MaxCadastralLength must be positive");
			assert!(T::MaxEncumbrances::get() > 0, "MaxEncumbrances must be positive");
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
		/// Register a property with its first owners and title certificate.
		///
		/// # Origin
		/// Signed by a `LandRegistrar` officer.
		///
		/// # Events
		/// [`Event::PropertyRegistered`].
		///
		/// # Errors
		/// The origin's, [`Error::CadastralRefEmpty`],
		/// [`Error::MaxCadastralLengthExceeded`], [`Error::CadastralRefAlreadyExists`], [`Error::OwnersEmpty`],
		/// [`Error::MaxOwnersExceeded`], [`Error::ShareZero`], [`Error::SharesNotWhole`],
		/// [`Error::DuplicateOwner`], [`Error::OwnerNotActive`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_property(owners.len() as u32))]
		pub fn register_property(
			origin: OriginFor<T>,
			cadastral_ref: BoundedVec<u8, T::MaxCadastralLength>,
			location_commitment: H256,
			area_m2: u32,
			usage: Usage,
			owners: BoundedVec<(SubjectId, Share), T::MaxOwners>,
			title_certificate: H256,
		) -> DispatchResult {
			let (department, officer) = T::RegistrarOrigin::ensure_officer(origin)?;
			Self::do_register_property(
				cadastral_ref,
				location_commitment,
				area_m2,
				usage,
				owners,
				title_certificate,
				department,
				officer,
			)
		}

		/// Retire a property (merged or split), naming its successors. It must be free of
		/// encumbrances and open transfers.
		///
		/// # Origin
		/// Signed by a `LandRegistrar` officer.
		///
		/// # Events
		/// [`Event::PropertyRetired`].
		///
		/// # Errors
		/// [`Error::PropertyNotFound`], [`Error::PropertyAlreadyRetired`], [`Error::PropertyUnderFreeze`],
		/// [`Error::EncumbrancesOutstanding`], [`Error::TransferAlreadyOpen`], [`Error::SuccessorsEmpty`],
		/// [`Error::InvalidSuccessor`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::retire_property(successors.len() as u32))]
		pub fn retire_property(
			origin: OriginFor<T>,
			property: PropertyId,
			successors: BoundedVec<PropertyId, T::MaxSuccessors>,
		) -> DispatchResult {
			let (department, officer) = T::RegistrarOrigin::ensure_officer(origin)?;
			Self::do_retire(property, successors, department, officer)
		}

		/// Open a transfer of a property to `buyers` for `price`, with the deed's hash. A stale
		/// transfer of the property is replaced.
		///
		/// # Origin
		/// Signed by a `LandRegistrar` officer.
		///
		/// # Events
		/// [`Event::TransferOpened`] (after [`Event::TransferLapsed`] if one was replaced).
		///
		/// # Errors
		/// [`Error::PropertyNotFound`], [`Error::PropertyAlreadyRetired`], [`Error::PropertyUnderFreeze`],
		/// [`Error::TransferAlreadyOpen`], [`Error::PriceZero`], and those of the buyers' shares
		/// as for [`Pallet::register_property`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::open_transfer(buyers.len() as u32))]
		pub fn open_transfer(
			origin: OriginFor<T>,
			property: PropertyId,
			buyers: BoundedVec<(SubjectId, Share), T::MaxOwners>,
			price: Amount,
			deed: H256,
		) -> DispatchResult {
			let (department, officer) = T::RegistrarOrigin::ensure_officer(origin)?;
			Self::do_open_transfer(property, buyers.into_inner(), price, deed, department, officer)
		}

		/// Consent to transfer number `transfer` of `property` on the terms hashing to `terms`
		/// (see [`transfer_terms`]): as a current owner or buyer through the subject's own linked
		/// account, or as a bank holding a mortgage on it through the bank's `Lender` officer.
		///
		/// # Origin
		/// Signed by a linked account of an active owner or buyer, or by a mortgagee bank's
		/// officer.
		///
		/// # Events
		/// [`Event::ConsentGiven`].
		///
		/// # Errors
		/// [`Error::TransferNotFound`], [`Error::TransferMismatch`], [`Error::TermsMismatch`],
		/// [`Error::TransferAlreadyExpired`], [`Error::NotAParty`], [`Error::PartyNotActive`],
		/// [`Error::AlreadyConsented`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::consent())]
		pub fn consent(
			origin: OriginFor<T>,
			property: PropertyId,
			transfer: TransferId,
			terms: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_consent(property, transfer, terms, who)
		}

		/// Record, as the property's registry, the consent of an owner or buyer **without
		/// linked accounts** to transfer number `transfer` on the terms hashing to `terms`, with
		/// the hash of the signed paper or notarised statement. A party with keys consents
		/// itself.
		///
		/// # Origin
		/// Signed by a `LandRegistrar` officer of the property's registry.
		///
		/// # Events
		/// [`Event::ConsentGiven`].
		///
		/// # Errors
		/// [`Error::NotPropertyRegistry`], [`Error::TransferNotFound`], [`Error::TransferMismatch`],
		/// [`Error::TermsMismatch`], [`Error::TransferAlreadyExpired`], [`Error::NotAParty`],
		/// [`Error::PartyHasKeys`], [`Error::PartyNotActive`], [`Error::AlreadyConsented`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::record_consent())]
		pub fn record_consent(
			origin: OriginFor<T>,
			property: PropertyId,
			transfer: TransferId,
			terms: H256,
			subject: SubjectId,
			evidence: H256,
		) -> DispatchResult {
			let (department, officer) = T::RegistrarOrigin::ensure_officer(origin)?;
			Self::do_record_consent(
				property, transfer, terms, subject, evidence, department, officer,
			)
		}

		/// Complete the open transfer: the buyers become the owners under the new title
		/// certificate, atomically. Four eyes: the completing officer is neither the one who
		/// opened the transfer nor one who recorded a consent to it.
		///
		/// # Origin
		/// Signed by a `LandRegistrar` officer of the property's registry.
		///
		/// # Events
		/// [`Event::TransferCompleted`].
		///
		/// # Errors
		/// [`Error::NotPropertyRegistry`], [`Error::SecondOfficerRequired`],
		/// [`Error::TransferNotFound`], [`Error::TransferAlreadyExpired`], [`Error::PropertyUnderFreeze`],
		/// [`Error::ConsentMissing`], [`Error::TaxOutstanding`], [`Error::LicenceMissing`],
		/// [`Error::OwnerNotActive`] (a buyer closed meanwhile).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::complete_transfer(T::MaxOwners::get()))]
		pub fn complete_transfer(
			origin: OriginFor<T>,
			property: PropertyId,
			title_certificate: H256,
		) -> DispatchResultWithPostInfo {
			let (department, officer) = T::RegistrarOrigin::ensure_officer(origin)?;
			let owners =
				Self::do_complete_transfer(property, title_certificate, department, officer)?;
			Ok(Some(T::WeightInfo::complete_transfer(owners)).into())
		}

		/// Cancel the open transfer of `property`. The consents given to it lapse with it: a
		/// new transfer has a new number.
		///
		/// # Origin
		/// Signed by a `LandRegistrar` officer of the property's registry.
		///
		/// # Events
		/// [`Event::TransferCancelled`].
		///
		/// # Errors
		/// [`Error::PropertyNotFound`], [`Error::NotPropertyRegistry`], [`Error::TransferNotFound`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::cancel_transfer())]
		pub fn cancel_transfer(origin: OriginFor<T>, property: PropertyId) -> DispatchResult {
			let (department, officer) = T::RegistrarOrigin::ensure_officer(origin)?;
			Self::do_cancel_transfer(property, department, officer)
		}

		/// As a bank, ask for a mortgage of `amount` on `property` to be registered, with the
		/// hash of the mortgage contract. A registrar completes it with
		/// [`Pallet::register_mortgage`].
		///
		/// # Origin
		/// Signed by a `Lender` officer.
		///
		/// # Events
		/// [`Event::MortgageRequested`].
		///
		/// # Errors
		/// [`Error::PropertyNotFound`], [`Error::PropertyAlreadyRetired`], [`Error::PropertyUnderFreeze`],
		/// [`Error::AmountZero`], [`Error::MortgageAlreadyRequested`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::request_mortgage())]
		pub fn request_mortgage(
			origin: OriginFor<T>,
			property: PropertyId,
			amount: Amount,
			contract: H256,
		) -> DispatchResult {
			let (lender, officer) = T::LenderOrigin::ensure_officer(origin)?;
			Self::do_request_mortgage(property, lender, amount, contract, officer)
		}

		/// Register the mortgage `lender` requested on `property`, ranked after the existing
		/// ones.
		///
		/// # Origin
		/// Signed by a `LandRegistrar` officer.
		///
		/// # Events
		/// [`Event::EncumbranceRegistered`].
		///
		/// # Errors
		/// [`Error::MortgageRequestNotFound`], [`Error::NotLender`], [`Error::PropertyUnderFreeze`],
		/// [`Error::PropertyAlreadyRetired`], [`Error::MaxEncumbrancesExceeded`],
		/// [`Error::MaxMortgagesExceeded`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::register_mortgage())]
		pub fn register_mortgage(
			origin: OriginFor<T>,
			property: PropertyId,
			lender: DepartmentId,
		) -> DispatchResult {
			let (department, officer) = T::RegistrarOrigin::ensure_officer(origin)?;
			Self::do_register_mortgage(property, lender, department, officer)
		}

		/// Register a lease or an easement.
		///
		/// # Origin
		/// Signed by a `LandRegistrar` officer of the property's registry.
		///
		/// # Events
		/// [`Event::EncumbranceRegistered`].
		///
		/// # Errors
		/// [`Error::PropertyNotFound`], [`Error::NotPropertyRegistry`],
		/// [`Error::PropertyAlreadyRetired`], [`Error::LeaseEndInPast`],
		/// [`Error::OwnerNotActive`] (the lessee), [`Error::MaxEncumbrancesExceeded`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::register_encumbrance())]
		pub fn register_encumbrance(
			origin: OriginFor<T>,
			property: PropertyId,
			encumbrance: RegistrarEncumbrance<BlockNumberFor<T>>,
		) -> DispatchResult {
			let (department, officer) = T::RegistrarOrigin::ensure_officer(origin)?;
			Self::do_register_encumbrance(property, encumbrance, department, officer)
		}

		/// Freeze a property by court order: no transfer and no new mortgage until the same
		/// court lifts it with [`Pallet::release_encumbrance`].
		///
		/// # Origin
		/// Signed by a `Court` officer.
		///
		/// # Events
		/// [`Event::EncumbranceRegistered`].
		///
		/// # Errors
		/// [`Error::PropertyNotFound`], [`Error::PropertyAlreadyRetired`],
		/// [`Error::MaxEncumbrancesExceeded`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(origin: OriginFor<T>, property: PropertyId, case: H256) -> DispatchResult {
			let (court, officer) = T::CourtOrigin::ensure_officer(origin)?;
			Self::do_encumber(property, EncumbranceKind::CourtFreeze { case }, court, officer)
		}

		/// Release encumbrance number `encumbrance`: a mortgage by its bank or a court, a freeze
		/// by the court that ordered it, a lease or easement by a registrar.
		///
		/// # Origin
		/// Signed by an officer of a department allowed to release it (above).
		///
		/// # Events
		/// [`Event::EncumbranceReleased`].
		///
		/// # Errors
		/// [`Error::PropertyNotFound`], [`Error::EncumbranceNotFound`],
		/// [`Error::NotReleaser`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::release_encumbrance())]
		pub fn release_encumbrance(
			origin: OriginFor<T>,
			property: PropertyId,
			encumbrance: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_release(property, encumbrance, who)
		}

		/// Attach a licence to a property.
		///
		/// # Origin
		/// Signed by an officer of a department the kind's [`LicenceRule`] allows.
		///
		/// # Events
		/// [`Event::LicenceIssued`].
		///
		/// # Errors
		/// [`Error::PropertyNotFound`], [`Error::PropertyAlreadyRetired`], [`Error::LicenceRuleNotFound`],
		/// the role check's, [`Error::NotLicenceIssuer`], [`Error::ValidityInPast`],
		/// [`Error::MaxValidityExceeded`], [`Error::LicenceAlreadyExists`], [`Error::MaxLicencesExceeded`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::issue_licence())]
		pub fn issue_licence(
			origin: OriginFor<T>,
			property: PropertyId,
			kind: LicenceKind,
			document_hash: H256,
			valid_until: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_issue_licence(property, kind, document_hash, valid_until, who)
		}

		/// Revoke a licence the caller's department issued.
		///
		/// # Origin
		/// Signed by an officer of the issuing department.
		///
		/// # Events
		/// [`Event::LicenceRevoked`].
		///
		/// # Errors
		/// [`Error::LicenceNotFound`], the role check's, [`Error::NotLicenceHolder`],
		/// [`Error::LicenceAlreadyRevoked`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::revoke_licence())]
		pub fn revoke_licence(
			origin: OriginFor<T>,
			property: PropertyId,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke_licence(property, document_hash, who)
		}

		/// Assess `property` for tax for `period` (e.g. the year): issues one tax bill per owner
		/// in the tax department's name, for the owner's share of `amount` (rounded down; the
		/// remainder goes to the owner with the largest share, the first listed on a tie).
		///
		/// # Origin
		/// Signed by a `TaxAuthority` officer.
		///
		/// # Events
		/// [`Event::TaxAssessed`] (and e-bills' `BillIssued`).
		///
		/// # Errors
		/// [`Error::PropertyNotFound`], [`Error::PropertyAlreadyRetired`], [`Error::AmountZero`],
		/// [`Error::AlreadyAssessed`], [`Error::MaxOutstandingTaxExceeded`], and the bill's errors.
		#[pallet::call_index(14)]
		// Benchmarked with the runtime's `Bills`, so the weight includes issuing the bill.
		#[pallet::weight(T::WeightInfo::assess_tax(T::MaxOwners::get()))]
		pub fn assess_tax(
			origin: OriginFor<T>,
			property: PropertyId,
			period: u32,
			amount: Amount,
		) -> DispatchResultWithPostInfo {
			let (department, officer) = T::TaxAuthorityOrigin::ensure_officer(origin)?;
			let owners = Self::do_assess_tax(property, period, amount, department, officer)?;
			Ok(Some(T::WeightInfo::assess_tax(owners)).into())
		}

		/// Set who may issue a kind of licence (the role and the departments, at least one) and
		/// the longest a licence of the kind may run. Every kind has a rule; a kind no department
		/// should issue any more names the department that keeps its register. A new longest
		/// validity binds licences issued from now on; licences in force keep their term.
		///
		/// # Origin
		/// Governance.
		///
		/// # Events
		/// [`Event::LicenceRuleSet`].
		///
		/// # Errors
		/// [`Error::LicenceIssuersEmpty`], [`Error::DuplicateIssuer`], [`Error::InvalidMaxValidity`].
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::set_licence_rule())]
		pub fn set_licence_rule(
			origin: OriginFor<T>,
			kind: LicenceKind,
			rule: LicenceRule<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_licence_rule(kind, rule)
		}

		/// Set the licences a transfer of a property of `usage` requires.
		///
		/// # Origin
		/// Governance.
		///
		/// # Events
		/// [`Event::RequiredLicencesSet`].
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::set_required_licences())]
		pub fn set_required_licences(
			origin: OriginFor<T>,
			usage: Usage,
			kinds: BoundedVec<LicenceKind, T::MaxRequiredLicences>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_required_licences(usage, kinds)
		}

		/// Move `property` to the registry `registry` (a department holding `LandRegistrar`),
		/// e.g. when districts are reorganised or a registry is closed. Not while a transfer is
		/// open: the old registry completes or cancels it first (a stale one is dropped).
		///
		/// # Origin
		/// Governance.
		///
		/// # Events
		/// [`Event::RegistryChanged`].
		///
		/// # Errors
		/// [`Error::PropertyNotFound`], [`Error::NotARegistrar`], [`Error::TransferAlreadyOpen`].
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::set_registry())]
		pub fn set_registry(
			origin: OriginFor<T>,
			property: PropertyId,
			registry: DepartmentId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_registry(property, registry)
		}
	}
}
