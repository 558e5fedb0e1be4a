//! The Civitas pallets of the city's administration: the same on both chains (the parachain
//! runtime includes this file by path).

use polkadot_sdk::frame_support::{parameter_types, traits::ConstU32};

use super::{CouncilMajority, CouncilOrRoot};
use crate::{BlockNumber, CivicIdentity, CreditRecords, Departments, EBills, Runtime, DAYS};
use civitas_primitives::Role;
use polkadot_sdk::frame_support::traits::ConstI32;

/// The chain's governance, as every pallet's `GovernanceOrigin` sees it: a council motion
/// approved by at least a majority of the member departments (whatever the policy table says,
/// no weaker rule reaches these calls), or Root, which only the development chain's Sudo key
/// reaches (no other preset has a Sudo key).
pub type Governance = CouncilOrRoot<CouncilMajority>;

/// A signed officer of an active department holding role `R` unexpired; refusals are the
/// departments pallet's named errors (`NotOfficer`, `DepartmentNotActive`, `RoleNotHeld`).
pub type Officer<R> = pallet_departments::EnsureRole<Runtime, R>;

// The city's permission table: the role behind each permission a pallet declares in its
// `Config` (`type XOrigin`). The pallets check, on top, that the department is entitled to the
// record at hand (it registered the subject, issued the bill, owns the transfer).
parameter_types! {
	pub const IdentityRegistrar: Role = Role::IdentityRegistrar;
	pub const CredentialIssuer: Role = Role::CredentialIssuer;
	pub const CreditRecorder: Role = Role::CreditRecorder;
	pub const CreditAdjudicator: Role = Role::CreditAdjudicator;
	pub const LandRegistrar: Role = Role::LandRegistrar;
	pub const Lender: Role = Role::Lender;
	pub const Court: Role = Role::Court;
	pub const TaxAuthority: Role = Role::TaxAuthority;
	pub const BillIssuer: Role = Role::BillIssuer;
	pub const FundCommittee: Role = Role::FundCommittee;
	pub const FundTreasurer: Role = Role::FundTreasurer;
	pub const Reimburser: Role = Role::Reimburser;
	pub const NodeOperator: Role = Role::NodeOperator;
}

parameter_types! {
	/// Long enough for "Planning and Natural Resources Commission of the Municipality" in UTF-8
	/// Chinese or English.
	pub const MaxDepartmentNameLength: u32 = 128;
	/// A week for the other side to answer a link offer.
	pub const LinkOfferPeriod: BlockNumber = 7 * DAYS;
	/// Three years: the longest publication of a penalty unless governance sets a category's
	/// own limit.
	pub const DefaultPublicationLimit: BlockNumber = 3 * 365 * DAYS;
	/// Fifteen days for an adjudicator to decide an objection before it is escalated.
	pub const ObjectionPeriod: BlockNumber = 15 * DAYS;
	/// Sixty days from opening a transfer to completing it.
	pub const TransferPeriod: BlockNumber = 60 * DAYS;
	/// A year of accesses on chain; the events keep the full history in the auditors' archive.
	pub const AccessRetention: BlockNumber = 365 * DAYS;
}

impl pallet_departments::Config for Runtime {
	type GovernanceOrigin = Governance;
	type MaxNameLength = MaxDepartmentNameLength;
	/// Room for every current role and a few more.
	type MaxRoles = ConstU32<16>;
	type MaxOfficers = ConstU32<256>;
	type MaxDepartments = ConstU32<1024>;
	type WeightInfo = pallet_departments::weights::SubstrateWeight<Runtime>;
}

impl pallet_civic_identity::Config for Runtime {
	type Roles = Departments;
	type RegistrarOrigin = Officer<IdentityRegistrar>;
	type GovernanceOrigin = Governance;
	/// A citizen's phone, a hardware key and a few more; an enterprise's staff accounts.
	type MaxLinkedAccounts = ConstU32<8>;
	type LinkOfferPeriod = LinkOfferPeriod;
	type MaxSchemaNameLength = ConstU32<128>;
	/// The departments that issue one kind of certificate (a district office each, at most).
	type MaxSchemaIssuers = ConstU32<16>;
	/// A large enterprise's licences, permits and certificates over its lifetime.
	type MaxCredentialsPerSubject = ConstU32<1024>;
	type WeightInfo = pallet_civic_identity::weights::SubstrateWeight<Runtime>;
}

impl pallet_credit_records::Config for Runtime {
	type RecorderOrigin = Officer<CreditRecorder>;
	type AdjudicatorOrigin = Officer<CreditAdjudicator>;
	type Identity = CivicIdentity;
	type GovernanceOrigin = Governance;
	type MaxScoreDelta = ConstU32<500>;
	type BaselineScore = ConstI32<1000>;
	type MaxScore = ConstI32<2000>;
	type CommendedFrom = ConstI32<1100>;
	type WatchBelow = ConstI32<900>;
	type RestrictedBelow = ConstI32<700>;
	type DefaultPublicationLimit = DefaultPublicationLimit;
	type ObjectionPeriod = ObjectionPeriod;
	/// Room for every record a large enterprise accumulates within the publication periods.
	type MaxRecordsPerSubject = ConstU32<128>;
	type MaxDuePerBlock = ConstU32<64>;
	type MaxDueScan = ConstU32<16>;
	type WeightInfo = pallet_credit_records::weights::SubstrateWeight<Runtime>;
}

impl pallet_e_bills::Config for Runtime {
	type Roles = Departments;
	type Identity = CivicIdentity;
	type GovernanceOrigin = Governance;
	type TaxAuthorityOrigin = Officer<TaxAuthority>;
	type IssuerOrigin = Officer<BillIssuer>;
	type RegistrarOrigin = Officer<IdentityRegistrar>;
	type ReimburserOrigin = Officer<Reimburser>;
	/// Chinese e-invoice numbers are 20 digits; room for issuers' own schemes.
	type MaxNumberLength = ConstU32<32>;
	/// A utility's run of a thousand bills in one extrinsic.
	type MaxBatch = ConstU32<1000>;
	/// An employer, an insurer or two, a guardian's organisation.
	type MaxClaimantsPerPayer = ConstU32<8>;
	type MaxReimbursersPerKind = ConstU32<8>;
	type WeightInfo = pallet_e_bills::weights::SubstrateWeight<Runtime>;
}

impl pallet_real_estate::Config for Runtime {
	type Roles = Departments;
	type Identity = CivicIdentity;
	type Bills = EBills;
	type GovernanceOrigin = Governance;
	type RegistrarOrigin = Officer<LandRegistrar>;
	type LenderOrigin = Officer<Lender>;
	type CourtOrigin = Officer<Court>;
	type TaxAuthorityOrigin = Officer<TaxAuthority>;
	/// Co-owners of one flat or building share; a large building has its own register.
	type MaxOwners = ConstU32<16>;
	/// "District-block-lot-unit" with room for the national 28-character unit code.
	type MaxCadastralLength = ConstU32<48>;
	type MaxEncumbrances = ConstU32<16>;
	type MaxLicences = ConstU32<32>;
	type MaxRequiredLicences = ConstU32<4>;
	type MaxSuccessors = ConstU32<16>;
	/// A few years of unpaid assessments before new ones are refused.
	type MaxOutstandingTax = ConstU32<8>;
	type TransferPeriod = TransferPeriod;
	type WeightInfo = pallet_real_estate::weights::SubstrateWeight<Runtime>;
}

impl pallet_fund_grants::Config for Runtime {
	type Roles = Departments;
	type Identity = CivicIdentity;
	type CreditProfile = CreditRecords;
	type CreditRecorder = CreditRecords;
	type GovernanceOrigin = Governance;
	type TreasurerOrigin = Officer<FundTreasurer>;
	type CommitteeOrigin = Officer<FundCommittee>;
	type MaxNameLength = ConstU32<128>;
	/// A year of monthly milestones.
	type MaxMilestones = ConstU32<12>;
	/// A committee's review panel for one program.
	type MaxPanel = ConstU32<16>;
	/// Enough to move a normal enterprise towards `Watch` (below 900).
	type ClawbackScoreDelta = ConstI32<-150>;
	type WeightInfo = pallet_fund_grants::weights::SubstrateWeight<Runtime>;
}

impl pallet_access_log::Config for Runtime {
	type Roles = Departments;
	type Identity = CivicIdentity;
	type GovernanceOrigin = Governance;
	type Retention = AccessRetention;
	/// A department checking a thousand enterprises in one run.
	type MaxBatch = ConstU32<1000>;
	/// 14.4 million entries a day, far above what a city logs; a backlog after a burst is
	/// pruned within a few blocks. At most about 250 ms of a block's 2 s (a thousand accesses of
	/// one entry each, at the generated weights), 55 ms for one batch of a thousand.
	type MaxPrunePerBlock = ConstU32<1000>;
	type MaxNameLength = ConstU32<128>;
	/// Room for a citation of a law's article and paragraph, in Chinese or English.
	type MaxLegalBasisLength = ConstU32<256>;
	type MaxPurposeRoles = ConstU32<8>;
	type WeightInfo = pallet_access_log::weights::SubstrateWeight<Runtime>;
}
