//! The stored types of the real-estate pallet, and the types of its runtime API.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{
		pallet_prelude::{BoundedVec, ConstU32, Get},
		CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_core::H256,
};
use scale_info::TypeInfo;

use crate::Config;
use civitas_primitives::{Amount, BillId, DepartmentId, Role, SubjectId};

/// Identifies a property; sequential, never reused.
pub type PropertyId = u64;

/// Identifies a transfer; sequential over the whole register, never reused, so a consent given
/// to one transfer can never count for another (a cancelled and reopened one included).
pub type TransferId = u64;

/// The most departments a licence rule names.
pub const MAX_LICENCE_ISSUERS: u32 = 8;

/// The departments a licence rule allows to issue its kind.
pub type LicenceIssuers = BoundedVec<DepartmentId, ConstU32<MAX_LICENCE_ISSUERS>>;

/// A share of a property, in parts per thousand; the shares of a property sum to 1000.
pub type Share = u16;

/// What every property's owners' shares sum to.
pub const WHOLE: Share = 1000;

/// The owners of a property (or the buyers in a transfer), each with a share.
pub type Owners<T> = BoundedVec<(SubjectId, Share), <T as Config>::MaxOwners>;

/// What a property is used for; decides which licences a transfer needs.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Usage {
	/// Housing.
	Residential,
	/// Shops and offices.
	Commercial,
	/// Factories and warehouses.
	Industrial,
	/// Farmland.
	Agricultural,
	/// Schools, hospitals, government buildings.
	Public,
}

/// Where a property stands.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum PropertyStatus {
	/// Registered; may be transferred and encumbered.
	Active,
	/// Under at least one court freeze: no transfer, no new mortgage.
	Frozen,
	/// Retired (merged or split into its successors); kept for the record.
	Retired,
}

/// A registered property and its current title.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Property<T: Config> {
	/// The cadastral reference (district-block-lot), unique.
	pub cadastral_ref: BoundedVec<u8, T::MaxCadastralLength>,
	/// A salted hash of the address and boundaries, kept off chain.
	pub location_commitment: H256,
	/// The floor or land area in square metres.
	pub area_m2: u32,
	/// What it is used for.
	pub usage: Usage,
	/// The owners and their shares (summing to [`WHOLE`]).
	pub owners: Owners<T>,
	/// The hash of the current title certificate.
	pub title_certificate: H256,
	/// Where it stands.
	pub status: PropertyStatus,
	/// The registry: the land-registration department that registered it and keeps its record.
	/// Only its registrars act on the property; governance may move it to another registry.
	pub registry: DepartmentId,
	/// The number of entries in its title history (each change adds one).
	pub version: u32,
	/// For a retired property: the properties that succeed it.
	pub successors: BoundedVec<PropertyId, T::MaxSuccessors>,
}

/// A right or restriction registered against a property.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum EncumbranceKind<BlockNumber> {
	/// A mortgage held by a lending department; `rank` 1 is the most senior.
	Mortgage {
		/// The bank (a department holding `Lender`).
		lender: DepartmentId,
		/// The secured amount, in fen.
		amount: Amount,
		/// Its rank among the property's mortgages, by registration order.
		rank: u8,
	},
	/// A court's freeze: blocks every transfer and new mortgage until the court lifts it.
	CourtFreeze {
		/// The hash of the case reference.
		case: H256,
	},
	/// A registered lease.
	Lease {
		/// The lessee.
		lessee: SubjectId,
		/// The block the lease ends.
		until: BlockNumber,
	},
	/// A registered easement (right of way, utilities).
	Easement {
		/// The hash of its description.
		note: H256,
	},
}

/// The kinds of encumbrance a land registrar registers alone.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum RegistrarEncumbrance<BlockNumber> {
	/// A lease to `lessee` until `until`.
	Lease {
		/// The lessee.
		lessee: SubjectId,
		/// The block the lease ends.
		until: BlockNumber,
	},
	/// An easement described by `note`.
	Easement {
		/// The hash of its description.
		note: H256,
	},
}

/// An encumbrance on a property's register.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Encumbrance<BlockNumber> {
	/// Its number on the property's register (never reused for that property).
	pub id: u32,
	/// What it is.
	pub kind: EncumbranceKind<BlockNumber>,
	/// The department that registered it (the court for a freeze, the registrar otherwise).
	pub registered_by: DepartmentId,
	/// When.
	pub registered_at: BlockNumber,
}

/// A bank's request to register a mortgage, waiting for the land registrar.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct MortgageRequest<BlockNumber> {
	/// The secured amount.
	pub amount: Amount,
	/// The hash of the mortgage contract.
	pub contract: H256,
	/// When the bank asked.
	pub requested_at: BlockNumber,
}

/// The kinds of licence departments attach to a property.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum LicenceKind {
	/// Planning permit (planning commission).
	PlanningPermit,
	/// Construction completion acceptance (housing commission).
	ConstructionCompletion,
	/// Fire-safety acceptance.
	FireSafety,
	/// Pre-sale permit for flats sold before completion.
	PresalePermit,
	/// Land-use right certificate.
	LandUseRight,
	/// Environmental impact approval.
	EnvironmentalApproval,
}

impl LicenceKind {
	/// Every kind: each has a rule.
	pub const ALL: [LicenceKind; 6] = [
		LicenceKind::PlanningPermit,
		LicenceKind::ConstructionCompletion,
		LicenceKind::FireSafety,
		LicenceKind::PresalePermit,
		LicenceKind::LandUseRight,
		LicenceKind::EnvironmentalApproval,
	];
}

/// Who may issue a kind of licence (the departments named, while they hold `role`) and for how
/// long.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct LicenceRule<BlockNumber> {
	/// The role the issuing department must hold.
	pub role: Role,
	/// The departments that may issue it (at least one).
	pub departments: LicenceIssuers,
	/// The longest a licence of this kind may run, in blocks from its issue (a fire-safety
	/// inspection lasts a year); `None`: licences may be open-ended. Added in storage version 2:
	/// rules written before it migrate to `None`, the behaviour they had.
	#[serde(default)]
	pub max_validity: Option<BlockNumber>,
}

/// Where a licence stands.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum LicenceStatus {
	/// In force (until `valid_until`, if any).
	Active,
	/// Revoked by its issuer.
	Revoked,
}

/// A licence attached to a property; the document stays off chain, `document_hash` proves it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Licence<BlockNumber> {
	/// What it licenses.
	pub kind: LicenceKind,
	/// The hash of the licence document.
	pub document_hash: H256,
	/// The issuing department.
	pub issuer: DepartmentId,
	/// When it was issued.
	pub issued_at: BlockNumber,
	/// The last block it is valid, if it expires.
	pub valid_until: Option<BlockNumber>,
	/// Where it stands.
	pub status: LicenceStatus,
}

impl<BlockNumber: PartialOrd> Licence<BlockNumber> {
	/// Whether it is active and not expired at `now`.
	pub fn valid_at(&self, now: &BlockNumber) -> bool {
		self.status == LicenceStatus::Active && self.valid_until.as_ref().is_none_or(|u| now <= u)
	}
}

/// A party whose consent a transfer needs.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Party {
	/// A current owner or a buyer.
	Subject(SubjectId),
	/// A bank holding a mortgage on the property.
	Lender(DepartmentId),
}

/// How a consent was given.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum ConsentEvidence {
	/// Signed on chain by the party's own linked account (or the bank's officer).
	Signed,
	/// Recorded by a land registrar, with the hash of the signed paper or notarised statement.
	Recorded(H256),
}

/// An open transfer of a property.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Transfer<T: Config> {
	/// Its number.
	pub id: TransferId,
	/// The hash of its terms ([`transfer_terms`]): what each party consents to.
	pub terms: H256,
	/// The new owners and their shares.
	pub buyers: Owners<T>,
	/// The price, in fen.
	pub price: Amount,
	/// The hash of the deed of sale.
	pub deed: H256,
	/// The registrar department that opened it.
	pub opened_by: DepartmentId,
	/// The officer who opened it (who may not complete it).
	pub opener: T::AccountId,
	/// When.
	pub opened_at: BlockNumberFor<T>,
	/// The last block it may be completed; after it the transfer is stale.
	pub expires_at: BlockNumberFor<T>,
	/// The consents given so far.
	pub consents: BoundedVec<Consent<T::AccountId>, MaxParties<T>>,
}

/// A party's consent to a transfer.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Consent<AccountId> {
	/// Who consented.
	pub party: Party,
	/// Signed by the party, or recorded by a registrar with evidence.
	pub evidence: ConsentEvidence,
	/// The account that submitted it (the party's own, the bank's officer, or the registrar's
	/// officer who recorded it).
	pub by: AccountId,
}

/// The hash of a transfer's terms, which each consent names: the transfer's number, the
/// property, the buyers with their shares, the price and the deed, as
/// `blake2_256(SCALE(("civitas/transfer-terms", id, property, buyers, price, deed)))` (the label
/// as raw bytes without a length prefix). A party's wallet computes it from the terms it shows.
pub fn transfer_terms(
	id: TransferId,
	property: PropertyId,
	buyers: &[(SubjectId, Share)],
	price: Amount,
	deed: &H256,
) -> H256 {
	H256::from(polkadot_sdk::sp_io::hashing::blake2_256(
		&(b"civitas/transfer-terms", id, property, buyers, price, deed).encode(),
	))
}

/// The most parties a transfer can have: the owners, the buyers and one bank per encumbrance.
pub struct MaxParties<T>(core::marker::PhantomData<T>);

impl<T: Config> Get<u32> for MaxParties<T> {
	fn get() -> u32 {
		T::MaxOwners::get().saturating_mul(2).saturating_add(T::MaxEncumbrances::get())
	}
}

/// A change in a property's title history.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub enum TitleChange<T: Config> {
	/// First registration, to these owners.
	Registered {
		/// The first owners.
		owners: Owners<T>,
	},
	/// A completed transfer, to these owners.
	Transferred {
		/// The new owners.
		owners: Owners<T>,
		/// The price.
		price: Amount,
		/// The deed's hash.
		deed: H256,
	},
	/// An encumbrance was registered.
	Encumbered {
		/// It, as registered.
		encumbrance: Encumbrance<BlockNumberFor<T>>,
	},
	/// An encumbrance was released (or a freeze lifted).
	Released {
		/// Its number on the register.
		encumbrance: u32,
	},
	/// The property was retired in favour of its successors.
	Retired {
		/// The successors.
		successors: BoundedVec<PropertyId, T::MaxSuccessors>,
	},
}

/// One entry of a property's title history.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct HistoryEntry<T: Config> {
	/// The block of the change.
	pub at: BlockNumberFor<T>,
	/// The department that made it.
	pub department: DepartmentId,
	/// The title certificate in force after it.
	pub title_certificate: H256,
	/// What changed.
	pub change: TitleChange<T>,
}

/// One owner's part of a property-tax assessment.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct TaxShare {
	/// The owner who pays it.
	pub payer: SubjectId,
	/// The owner's share of the property.
	pub share: Share,
	/// Its part of the assessed amount.
	pub amount: Amount,
	/// The bill, in e-bills.
	pub bill: BillId,
}

/// A property-tax assessment for one property and period: one bill per owner, by share.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct TaxAssessment<T: Config> {
	/// The assessed amount, the sum of the owners' parts.
	pub amount: Amount,
	/// The owners' parts and their bills.
	pub bills: BoundedVec<TaxShare, T::MaxOwners>,
	/// The assessing department.
	pub department: DepartmentId,
}

/// A property to seed at genesis.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
pub struct GenesisProperty {
	/// The cadastral reference.
	pub cadastral_ref: alloc::string::String,
	/// The area in square metres.
	pub area_m2: u32,
	/// The usage.
	pub usage: Usage,
	/// The owners and their shares.
	pub owners: alloc::vec::Vec<(SubjectId, Share)>,
	/// The registry department.
	pub registry: DepartmentId,
	/// Licences attached at genesis: kind, document hash, issuer.
	pub licences: alloc::vec::Vec<(LicenceKind, H256, DepartmentId)>,
}

/// Why a transfer cannot complete now; empty lists and `false` mean it can.
#[derive(Clone, PartialEq, Eq, Debug, Encode, codec::Decode, scale_info::TypeInfo)]
pub struct TransferBlockers {
	/// The period ended.
	pub expired: bool,
	/// The property is under a court freeze.
	pub frozen: bool,
	/// The parties that have not consented.
	pub missing_consents: Vec<Party>,
	/// The unpaid tax bills.
	pub outstanding_tax: Vec<BillId>,
	/// The required licence kinds with no valid licence.
	pub missing_licences: Vec<LicenceKind>,
}
