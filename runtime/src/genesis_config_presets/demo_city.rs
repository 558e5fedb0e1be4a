//! The demo city every preset seeds: eleven departments with their roles and officers (keys of
//! the well-known development keyring), a council of the first five, certificate schemas, two
//! people and two enterprises with certificates, credit records, bills, two properties, a
//! special-fund program and the catalogue of purposes under which departments use personal
//! records.
//!
//! Its ids are named here once. The runtime's tests use these names; the Polkadot.js suites and
//! the network tests read them from `tests/e2e/demo-city.json`, which [`manifest`] renders and a
//! runtime test keeps current (`CIVITAS_BLESS_DEMO_CITY=1` rewrites it). Subject, certificate
//! and licence ids are `blake2_256` of their labels (for example
//! `blake2_256("civitas-dev/enterprise/1")`); a real registrar derives ids from salted off-chain
//! data instead.

use alloc::{string::String, vec, vec::Vec};
use polkadot_sdk::{sp_core::H256, sp_io::hashing::blake2_256, sp_keyring::Sr25519Keyring};

use crate::{
	AccessLogConfig, AccountId, BlockNumber, CivicIdentityConfig, CouncilConfig,
	CreditRecordsConfig, EBillsConfig, FundGrantsConfig, RealEstateConfig, ValidatorsConfig, DAYS,
};
use civitas_primitives::{BillKind, CreditCategory, DepartmentId, Role, SubjectId, SubjectKind};
use pallet_access_log::{GenesisPurpose, PurposeCode, RecordKind};
use pallet_civic_identity::{GenesisCredential, GenesisSchema, GenesisSubject};
use pallet_credit_records::GenesisRecord;
use pallet_departments::{DepartmentKind, GenesisDepartment};
use pallet_e_bills::{GenesisBill, Issuer};
use pallet_fund_grants::{GenesisProgram, ProgramKind};
use pallet_real_estate::{GenesisProperty, LicenceKind, LicenceRule, PropertyId, Usage};
use pallet_validators::Validator;

// The departments' ids, in the order [`departments`] seeds them.

/// Public Security Bureau (`//Bob`): registers people; councillor; runs a validator.
pub const PUBLIC_SECURITY: DepartmentId = 0;
/// Market Regulation Administration (`//Charlie`, `//One`): registers enterprises, issues
/// business licences, records credit; councillor; runs a validator.
pub const MARKET_REGULATION: DepartmentId = 1;
/// Planning and Natural Resources Commission (`//Dave`): the land registry; councillor.
pub const PLANNING: DepartmentId = 2;
/// Housing and Urban-Rural Development Commission (`//Eve`): completion and fire-safety
/// acceptances; councillor.
pub const HOUSING: DepartmentId = 3;
/// Tax Bureau (`//Ferdie`): enables invoicing, assesses tax, records credit; councillor.
pub const TAX: DepartmentId = 4;
/// Finance Bureau (`//Alice//stash`): the special fund's treasury; reimburses medical bills.
pub const FINANCE: DepartmentId = 5;
/// Science and Technology Commission (`//Bob//stash`): the fund's committee.
pub const SCIENCE: DepartmentId = 6;
/// Intermediate People's Court (`//Charlie//stash`): freezes; adjudicates credit.
pub const COURT: DepartmentId = 7;
/// Audit Office (`//Dave//stash`): audits; adjudicates credit; runs the archive node.
pub const AUDIT: DepartmentId = 8;
/// Municipal Power Supply Company (`//Eve//stash`): issues electricity bills.
pub const POWER: DepartmentId = 9;
/// City Commercial Bank (`//Ferdie//stash`): lends against mortgages.
pub const BANK: DepartmentId = 10;

/// Person 1: represents enterprise 1, owns the flat.
pub const PERSON_1: &str = "civitas-dev/person/1";
/// Person 2: represents enterprise 2; owes an electricity bill and an invoice.
pub const PERSON_2: &str = "civitas-dev/person/2";
/// Enterprise 1: business licence and fire-safety permit, enabled to invoice, owns the shop,
/// commended (+60).
pub const ENTERPRISE_1: &str = "civitas-dev/enterprise/1";
/// Enterprise 2: a completion acceptance; penalised by the Tax Bureau (-150).
pub const ENTERPRISE_2: &str = "civitas-dev/enterprise/2";

/// Enterprise 1's business licence from Market Regulation (open-ended).
pub const BUSINESS_LICENCE_1: &str = "civitas-dev/credential/business-licence/1";
/// Enterprise 1's fire-safety permit from Housing (a year).
pub const FIRE_SAFETY_1: &str = "civitas-dev/credential/fire-safety/1";
/// Enterprise 2's completion acceptance from Housing (a record of fact: not revocable).
pub const COMPLETION_2: &str = "civitas-dev/credential/completion/2";

/// The flat's completion acceptance (a licence on the real-estate register).
pub const FLAT_COMPLETION: &str = "civitas-dev/licence/completion/BJ-HD-0101-0001";
/// The shop's completion acceptance.
pub const SHOP_COMPLETION: &str = "civitas-dev/licence/completion/BJ-CY-0207-0012";
/// The shop's fire-safety licence.
pub const SHOP_FIRE_SAFETY: &str = "civitas-dev/licence/fire-safety/BJ-CY-0207-0012";

/// Person 1's flat `BJ-HD-0101-0001`.
pub const FLAT: PropertyId = 0;
/// Enterprise 1's shop `BJ-CY-0207-0012`.
pub const SHOP: PropertyId = 1;

/// The departments every preset seeds, in id order (0, 1, 2, ...), each with its roles and
/// officers. Changing the order changes the ids: append instead.
pub fn departments() -> Vec<GenesisDepartment<AccountId>> {
	use DepartmentKind::{Bank, Government, Utility};
	use Role::*;
	use Sr25519Keyring as K;

	let department =
		|name: &str, kind, roles: Vec<Role>, officers: Vec<(K, bool)>| GenesisDepartment {
			name: String::from(name),
			kind,
			roles,
			officers: officers.into_iter().map(|(k, admin)| (k.to_account_id(), admin)).collect(),
		};
	vec![
		department(
			"Public Security Bureau",
			Government,
			vec![IdentityRegistrar, Councillor, NodeOperator],
			vec![(K::Bob, true)],
		),
		department(
			"Market Regulation Administration",
			Government,
			vec![IdentityRegistrar, CredentialIssuer, CreditRecorder, Councillor, NodeOperator],
			vec![(K::Charlie, true), (K::One, false)],
		),
		department(
			"Planning and Natural Resources Commission",
			Government,
			vec![LandRegistrar, CredentialIssuer, Councillor, NodeOperator],
			vec![(K::Dave, true)],
		),
		department(
			"Housing and Urban-Rural Development Commission",
			Government,
			vec![CredentialIssuer, Councillor, NodeOperator],
			vec![(K::Eve, true)],
		),
		department(
			"Tax Bureau",
			Government,
			vec![TaxAuthority, BillIssuer, CreditRecorder, Councillor],
			vec![(K::Ferdie, true)],
		),
		department(
			"Finance Bureau",
			Government,
			vec![FundTreasurer, BillIssuer, Reimburser],
			vec![(K::AliceStash, true)],
		),
		department(
			"Science and Technology Commission",
			Government,
			vec![FundCommittee, CreditRecorder],
			vec![(K::BobStash, true)],
		),
		department(
			"Intermediate People's Court",
			DepartmentKind::Court,
			vec![Court, CreditRecorder, CreditAdjudicator],
			vec![(K::CharlieStash, true)],
		),
		department(
			"Audit Office",
			Government,
			vec![Auditor, CreditAdjudicator, NodeOperator],
			vec![(K::DaveStash, true)],
		),
		department(
			"Municipal Power Supply Company",
			Utility,
			vec![BillIssuer],
			vec![(K::EveStash, true)],
		),
		department(
			"City Commercial Bank",
			Bank,
			vec![Lender, BillIssuer],
			vec![(K::FerdieStash, true)],
		),
	]
}

/// A development id or commitment: `blake2_256(label)`.
pub fn dev_id(label: &str) -> H256 {
	H256::from(blake2_256(label.as_bytes()))
}

/// The schema ids of [`identities`].
pub mod schemas {
	/// Business licence (issued by `CredentialIssuer`, open-ended, revocable).
	pub const BUSINESS_LICENCE: u32 = 0;
	/// Real-estate certificate (issued by `LandRegistrar`, open-ended, revocable).
	pub const REAL_ESTATE_CERTIFICATE: u32 = 1;
	/// Construction completion acceptance (issued by `CredentialIssuer`, a record of fact: not
	/// revocable).
	pub const COMPLETION_ACCEPTANCE: u32 = 2;
	/// Fire-safety inspection permit (issued by `CredentialIssuer`, at most a year, revocable).
	pub const FIRE_SAFETY_PERMIT: u32 = 3;
}

/// The schemas, subjects and certificates every preset seeds. Subject `civitas-dev/person/1`
/// legally represents `civitas-dev/enterprise/1`, which holds a business licence from Market
/// Regulation (department 1) and a fire-safety permit from Housing (department 3).
pub fn identities() -> CivicIdentityConfig {
	let schema =
		|name: &str, issuer_role, issuers: &[u32], max_validity, revocable| GenesisSchema {
			name: String::from(name),
			issuer_role,
			issuers: issuers.to_vec(),
			max_validity,
			revocable,
		};
	let subject =
		|label: &str, kind, registrar, legal_representative: Option<SubjectId>| GenesisSubject {
			id: dev_id(label),
			kind,
			commitment: dev_id(&alloc::format!("{label}/record")),
			registrar,
			legal_representative,
			accounts: Vec::new(),
		};
	let credential =
		|label: &str, schema, holder: &str, issuer, until: Option<BlockNumber>| GenesisCredential {
			id: dev_id(label),
			schema,
			subject: dev_id(holder),
			issuer,
			valid_from: 0,
			valid_until: until,
		};
	use SubjectKind::{Enterprise, Person};
	CivicIdentityConfig {
		schemas: vec![
			schema("Business licence", Role::CredentialIssuer, &[MARKET_REGULATION], None, true),
			schema("Real-estate certificate", Role::LandRegistrar, &[PLANNING], None, true),
			schema(
				"Construction completion acceptance",
				Role::CredentialIssuer,
				&[HOUSING],
				None,
				false,
			),
			schema(
				"Fire-safety inspection permit",
				Role::CredentialIssuer,
				&[HOUSING],
				Some(365 * DAYS),
				true,
			),
		],
		subjects: vec![
			subject(PERSON_1, Person, PUBLIC_SECURITY, None),
			subject(PERSON_2, Person, PUBLIC_SECURITY, None),
			subject(ENTERPRISE_1, Enterprise, MARKET_REGULATION, Some(dev_id(PERSON_1))),
			subject(ENTERPRISE_2, Enterprise, MARKET_REGULATION, Some(dev_id(PERSON_2))),
		],
		credentials: vec![
			credential(
				BUSINESS_LICENCE_1,
				schemas::BUSINESS_LICENCE,
				ENTERPRISE_1,
				MARKET_REGULATION,
				None,
			),
			credential(
				FIRE_SAFETY_1,
				schemas::FIRE_SAFETY_PERMIT,
				ENTERPRISE_1,
				HOUSING,
				Some(365 * DAYS),
			),
			credential(COMPLETION_2, schemas::COMPLETION_ACCEPTANCE, ENTERPRISE_2, HOUSING, None),
		],
	}
}

/// The publication limits of credit records by category, and a few seeded records: enterprise 1
/// commended by Market Regulation (+60, a year), enterprise 2 penalised by the Tax Bureau (-150,
/// three years).
pub fn credit() -> CreditRecordsConfig {
	use CreditCategory::*;
	const YEAR: BlockNumber = 365 * DAYS;
	CreditRecordsConfig {
		publication_limits: vec![
			(Tax, 3 * YEAR),
			(CourtJudgement, 5 * YEAR),
			(MarketRegulation, 3 * YEAR),
			(Environmental, 3 * YEAR),
			(ContractPerformance, YEAR),
			(GrantCompliance, 3 * YEAR),
			(Commendation, YEAR),
			// Minor matters: three months.
			(Other, 90 * DAYS),
		],
		records: vec![
			GenesisRecord {
				subject: dev_id(ENTERPRISE_1),
				department: MARKET_REGULATION,
				category: Commendation,
				score_delta: 60,
				evidence: dev_id("civitas-dev/decision/commendation/1"),
				publication_period: YEAR,
			},
			GenesisRecord {
				subject: dev_id(ENTERPRISE_2),
				department: TAX,
				category: Tax,
				score_delta: -150,
				evidence: dev_id("civitas-dev/decision/tax-penalty/2"),
				publication_period: 3 * YEAR,
			},
		],
	}
}

/// E-bills: enterprise 1 enabled by the Tax Bureau to issue invoices; a paid electricity bill from
/// the power company (department 9) to person 1, an unpaid one to person 2, and an invoice from
/// enterprise 1 to person 2. Who may claim reimbursement: the Finance Bureau (5), as the civil
/// service's employer, reimburses medical bills; both people authorised enterprise 1 (their
/// employer), and person 1 also the Finance Bureau.
pub fn bills() -> EBillsConfig {
	let bill = |issuer, number: &str, payer: &str, kind, amount, paid| GenesisBill {
		issuer,
		number: String::from(number),
		payer: Some(dev_id(payer)),
		kind,
		amount,
		tax_amount: amount * 13 / 113,
		due: Some(30 * DAYS),
		paid,
	};
	let power = Issuer::Department(POWER);
	let enterprise = Issuer::Enterprise(dev_id(ENTERPRISE_1));
	EBillsConfig {
		reimbursers: vec![(BillKind::Medical, vec![FINANCE])],
		claim_authorisations: vec![
			(dev_id(PERSON_1), enterprise),
			(dev_id(PERSON_1), Issuer::Department(FINANCE)),
			(dev_id(PERSON_2), enterprise),
		],
		enabled_issuers: vec![(dev_id(ENTERPRISE_1), TAX)],
		bills: vec![
			bill(power, "E-2026-10-000001", PERSON_1, BillKind::Electricity, 23_456, true),
			bill(power, "E-2026-10-000002", PERSON_2, BillKind::Electricity, 18_800, false),
			bill(enterprise, "INV-2026-0001", PERSON_2, BillKind::Invoice, 113_000, true),
		],
	}
}

/// The real-estate register: who issues which licence, what each usage requires for a transfer,
/// and two properties: person 1's flat `BJ-HD-0101-0001` (with its completion acceptance) and
/// enterprise 1's shop `BJ-CY-0207-0012` (completion and fire safety), both registered by the
/// Planning and Natural Resources Commission (department 2).
pub fn real_estate() -> RealEstateConfig {
	use LicenceKind::*;
	// One or two departments per rule here, well within a rule's bound of eight.
	let rule = |role, departments: Vec<u32>| LicenceRule {
		role,
		departments: polkadot_sdk::frame_support::BoundedVec::truncate_from(departments),
		max_validity: None,
	};
	let licence = |kind, label: &str, issuer| (kind, dev_id(label), issuer);
	RealEstateConfig {
		// Every kind names its departments. Since the 2019 reform, fire-safety acceptance of
		// construction works is the housing commission's; environmental approvals stand with
		// the planning commission until the city seeds an ecology bureau.
		licence_rules: vec![
			(PlanningPermit, rule(Role::LandRegistrar, vec![PLANNING])),
			(LandUseRight, rule(Role::LandRegistrar, vec![PLANNING])),
			(ConstructionCompletion, rule(Role::CredentialIssuer, vec![HOUSING])),
			(PresalePermit, rule(Role::CredentialIssuer, vec![HOUSING])),
			(FireSafety, rule(Role::CredentialIssuer, vec![HOUSING])),
			(EnvironmentalApproval, rule(Role::CredentialIssuer, vec![PLANNING])),
		],
		required_licences: vec![
			(Usage::Residential, vec![ConstructionCompletion]),
			(Usage::Commercial, vec![ConstructionCompletion, FireSafety]),
			(Usage::Industrial, vec![ConstructionCompletion, FireSafety, EnvironmentalApproval]),
		],
		properties: vec![
			GenesisProperty {
				cadastral_ref: String::from("BJ-HD-0101-0001"),
				area_m2: 89,
				usage: Usage::Residential,
				owners: vec![(dev_id(PERSON_1), 1000)],
				registry: PLANNING,
				licences: vec![licence(ConstructionCompletion, FLAT_COMPLETION, HOUSING)],
			},
			GenesisProperty {
				cadastral_ref: String::from("BJ-CY-0207-0012"),
				area_m2: 420,
				usage: Usage::Commercial,
				owners: vec![(dev_id(ENTERPRISE_1), 1000)],
				registry: PLANNING,
				licences: vec![
					licence(ConstructionCompletion, SHOP_COMPLETION, HOUSING),
					licence(FireSafety, SHOP_FIRE_SAFETY, HOUSING),
				],
			},
		],
		..Default::default()
	}
}

/// The special fund: a start-up rent subsidy reviewed by a panel of the Science and Technology
/// Commission (department 6: `//Bob//stash`, one approval), managed by the Finance Bureau
/// (department 5), open a year from genesis to enterprises of `Normal` standing or better.
pub fn fund() -> FundGrantsConfig {
	FundGrantsConfig {
		programs: vec![GenesisProgram {
			name: String::from("Start-up rent subsidy 2026"),
			kind: ProgramKind::RentSubsidy,
			committee: SCIENCE,
			panel: vec![Sr25519Keyring::BobStash.to_account_id()],
			treasury: FINANCE,
			budget: 5_000_000_000,
			max_award: 60_000_000,
			closes_at: 365 * DAYS,
			min_credit_standing: civitas_primitives::CreditStanding::Normal,
			open_to_persons: false,
			reviews_needed: 1,
		}],
		..Default::default()
	}
}

/// The council: the first five departments (Public Security, Market Regulation, Planning,
/// Housing, Tax), and the policy table saying which share of them each class of call needs.
/// With five members a majority is three and two thirds is four.
pub fn council() -> CouncilConfig {
	use pallet_council::{CallClass::*, Threshold::*};
	CouncilConfig {
		members: vec![PUBLIC_SECURITY, MARKET_REGULATION, PLANNING, HOUSING, TAX],
		policy: vec![
			(Ordinary, Majority),
			(Departments, Majority),
			(Council, TwoThirds),
			(Network, TwoThirds),
			(Upgrade, TwoThirds),
			(Emergency, AtLeast(2)),
			(Policy, TwoThirds),
		],
		..Default::default()
	}
}

/// The codes of [`access_purposes`].
pub mod purposes {
	use super::PurposeCode;

	/// Tax audit (`TaxAuthority`): identity, credit, property and bills.
	pub const TAX_AUDIT: PurposeCode = 1;
	/// Credit supervision (`CreditRecorder`, `CreditAdjudicator`): identity, certificates and
	/// credit.
	pub const CREDIT_SUPERVISION: PurposeCode = 2;
	/// Real-estate registration (`LandRegistrar`): identity, certificates and property.
	pub const PROPERTY_REGISTRATION: PurposeCode = 3;
	/// Licensing and inspection (`CredentialIssuer`): identity, certificates and property.
	pub const LICENSING: PurposeCode = 4;
	/// Special-fund review (`FundCommittee`, `FundTreasurer`): identity, certificates, credit
	/// and grants.
	pub const FUND_REVIEW: PurposeCode = 5;
	/// Court enforcement (`Court`): every kind.
	pub const COURT_ENFORCEMENT: PurposeCode = 6;
	/// Public audit (`Auditor`): every kind.
	pub const PUBLIC_AUDIT: PurposeCode = 7;
}

/// The catalogue of purposes: for each, the law that allows it, the roles whose officers may
/// invoke it and the kinds of records it covers.
pub fn access_purposes() -> AccessLogConfig {
	use purposes::*;
	use RecordKind::*;
	use Role::*;
	let purpose =
		|code, name: &str, legal_basis: &str, roles: Vec<Role>, kinds: Vec<RecordKind>| {
			GenesisPurpose {
				code,
				name: String::from(name),
				legal_basis: String::from(legal_basis),
				roles,
				kinds,
			}
		};
	let every_kind = vec![Identity, Credentials, Credit, Property, Bills, Grants];
	AccessLogConfig {
		purposes: vec![
			purpose(
				TAX_AUDIT,
				"Tax audit",
				"Law on the Administration of Tax Collection, art. 54",
				vec![TaxAuthority],
				vec![Identity, Credit, Property, Bills],
			),
			purpose(
				CREDIT_SUPERVISION,
				"Credit supervision",
				"Municipal Social Credit Regulations, ch. 3",
				vec![CreditRecorder, CreditAdjudicator],
				vec![Identity, Credentials, Credit],
			),
			purpose(
				PROPERTY_REGISTRATION,
				"Real-estate registration",
				"Interim Regulations on Real Estate Registration, art. 17",
				vec![LandRegistrar],
				vec![Identity, Credentials, Property],
			),
			purpose(
				LICENSING,
				"Licensing and inspection",
				"Administrative Licensing Law, art. 34",
				vec![CredentialIssuer],
				vec![Identity, Credentials, Property],
			),
			purpose(
				FUND_REVIEW,
				"Special-fund review",
				"Municipal Special Fund Management Measures, art. 12",
				vec![FundCommittee, FundTreasurer],
				vec![Identity, Credentials, Credit, Grants],
			),
			purpose(
				COURT_ENFORCEMENT,
				"Court enforcement",
				"Civil Procedure Law, art. 252",
				vec![Court],
				every_kind.clone(),
			),
			purpose(PUBLIC_AUDIT, "Public audit", "Audit Law, art. 34", vec![Auditor], every_kind),
		],
		..Default::default()
	}
}

/// The block authors (the standalone chain's validators, the parachain's collators): the `i`-th
/// of `authorities` operated by department `i` (Alice, Bob, Charlie and Dave are the machines of
/// the Public Security Bureau, Market Regulation, Planning and Housing), in sessions of
/// `session_length` blocks. The set may lose as many as GRANDPA tolerates: a third, rounded down.
pub fn block_authors(
	authorities: &[Sr25519Keyring],
	session_length: BlockNumber,
) -> ValidatorsConfig {
	let validators = authorities
		.iter()
		.zip(0..)
		.map(|(k, department)| Validator { account: k.to_account_id(), department })
		.collect();
	let count = authorities.len() as u32;
	let min_validators = count.saturating_sub(count.saturating_sub(1) / 3).max(1);
	ValidatorsConfig { validators, min_validators, session_length }
}
