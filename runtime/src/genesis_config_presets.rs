//! Genesis presets: the `development`, `local_testnet` and `civitas-local` chains.
//!
//! Every preset seeds the same city: the departments below, their roles, and an admin officer for
//! each, all taken from the well-known development keyring (`//Alice`, `//Bob//stash`, ...). The
//! README lists which key is which officer. The first five departments form the council and hold
//! `Councillor`: their officers propose and vote for them. `//Alice` is the Sudo key of the
//! development chain only (no other preset has a Sudo key) and is no department's officer;
//! `//Two` is no one's officer (a plain account, e.g. a citizen's).
//!
//! Every preset also seeds a few certificate schemas, people, enterprises and certificates, so a
//! development chain has identities to look at. Their ids are `blake2_256` of the labels in
//! [`city_identities`] (for example `blake2_256("civitas-dev/enterprise/1")`); a real registrar
//! derives ids from salted off-chain data instead.

use alloc::{string::String, vec, vec::Vec};
use polkadot_sdk::{
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa::AuthorityId as GrandpaId,
	sp_genesis_builder::{self, PresetId},
	sp_keyring::{Ed25519Keyring, Sr25519Keyring},
};

use crate::{
	AccountId, BalancesConfig, BlockNumber, CivicIdentityConfig, CouncilConfig,
	CreditRecordsConfig, DepartmentsConfig, EBillsConfig, FundGrantsConfig, NodesConfig,
	RealEstateConfig, RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig,
	ValidatorsConfig, DAYS, HOURS, MINUTES, UNIT,
};
use civitas_primitives::BillKind;
use civitas_primitives::{CreditCategory, DepartmentId, Role, SubjectId, SubjectKind};
use pallet_civic_identity::{GenesisCredential, GenesisSchema, GenesisSubject};
use pallet_credit_records::GenesisRecord;
use pallet_departments::{DepartmentKind, GenesisDepartment};
use pallet_e_bills::{GenesisBill, Issuer};
use pallet_fund_grants::{GenesisProgram, ProgramKind};
use pallet_nodes::ed25519_peer_id;
use pallet_real_estate::{GenesisProperty, LicenceKind, LicenceRule, Usage};
use pallet_validators::Validator;
use polkadot_sdk::{
	sp_core::{Bytes, H256},
	sp_io::hashing::blake2_256,
};

/// The preset of the four-validator network the zombienet tests run.
pub const CIVITAS_LOCAL_PRESET: &str = "civitas-local";

/// What every development account starts with, to pay transaction fees.
const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// The departments every preset seeds, in id order (0, 1, 2, ...), each with its roles and
/// officers. Changing the order changes the ids: append instead.
pub fn city_departments() -> Vec<GenesisDepartment<AccountId>> {
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

/// The schema ids of [`city_identities`].
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
pub fn city_identities() -> CivicIdentityConfig {
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
	const PSB: u32 = 0;
	const MARKET: u32 = 1;
	const PLANNING: u32 = 2;
	const HOUSING: u32 = 3;
	CivicIdentityConfig {
		schemas: vec![
			schema("Business licence", Role::CredentialIssuer, &[MARKET], None, true),
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
			subject("civitas-dev/person/1", Person, PSB, None),
			subject("civitas-dev/person/2", Person, PSB, None),
			subject(
				"civitas-dev/enterprise/1",
				Enterprise,
				MARKET,
				Some(dev_id("civitas-dev/person/1")),
			),
			subject(
				"civitas-dev/enterprise/2",
				Enterprise,
				MARKET,
				Some(dev_id("civitas-dev/person/2")),
			),
		],
		credentials: vec![
			credential(
				"civitas-dev/credential/business-licence/1",
				schemas::BUSINESS_LICENCE,
				"civitas-dev/enterprise/1",
				MARKET,
				None,
			),
			credential(
				"civitas-dev/credential/fire-safety/1",
				schemas::FIRE_SAFETY_PERMIT,
				"civitas-dev/enterprise/1",
				HOUSING,
				Some(365 * DAYS),
			),
			credential(
				"civitas-dev/credential/completion/2",
				schemas::COMPLETION_ACCEPTANCE,
				"civitas-dev/enterprise/2",
				HOUSING,
				None,
			),
		],
	}
}

/// The publication limits of credit records by category, and a few seeded records: enterprise 1
/// commended by Market Regulation (+60, a year), enterprise 2 penalised by the Tax Bureau (-150,
/// three years).
pub fn city_credit() -> CreditRecordsConfig {
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
				subject: dev_id("civitas-dev/enterprise/1"),
				department: 1,
				category: Commendation,
				score_delta: 60,
				evidence: dev_id("civitas-dev/decision/commendation/1"),
				publication_period: YEAR,
			},
			GenesisRecord {
				subject: dev_id("civitas-dev/enterprise/2"),
				department: 4,
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
pub fn city_bills() -> EBillsConfig {
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
	let power = Issuer::Department(9);
	let enterprise = Issuer::Enterprise(dev_id("civitas-dev/enterprise/1"));
	EBillsConfig {
		reimbursers: vec![(BillKind::Medical, vec![5])],
		claim_authorisations: vec![
			(dev_id("civitas-dev/person/1"), enterprise),
			(dev_id("civitas-dev/person/1"), Issuer::Department(5)),
			(dev_id("civitas-dev/person/2"), enterprise),
		],
		enabled_issuers: vec![(dev_id("civitas-dev/enterprise/1"), 4)],
		bills: vec![
			bill(
				power,
				"E-2026-10-000001",
				"civitas-dev/person/1",
				BillKind::Electricity,
				23_456,
				true,
			),
			bill(
				power,
				"E-2026-10-000002",
				"civitas-dev/person/2",
				BillKind::Electricity,
				18_800,
				false,
			),
			bill(
				enterprise,
				"INV-2026-0001",
				"civitas-dev/person/2",
				BillKind::Invoice,
				113_000,
				true,
			),
		],
	}
}

/// The real-estate register: who issues which licence, what each usage requires for a transfer,
/// and two properties: person 1's flat `BJ-HD-0101-0001` (with its completion acceptance) and
/// enterprise 1's shop `BJ-CY-0207-0012` (completion and fire safety), both registered by the
/// Planning and Natural Resources Commission (department 2).
pub fn city_real_estate() -> RealEstateConfig {
	use LicenceKind::*;
	const PLANNING: u32 = 2;
	const HOUSING: u32 = 3;
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
				owners: vec![(dev_id("civitas-dev/person/1"), 1000)],
				registry: PLANNING,
				licences: vec![licence(
					ConstructionCompletion,
					"civitas-dev/licence/completion/BJ-HD-0101-0001",
					HOUSING,
				)],
			},
			GenesisProperty {
				cadastral_ref: String::from("BJ-CY-0207-0012"),
				area_m2: 420,
				usage: Usage::Commercial,
				owners: vec![(dev_id("civitas-dev/enterprise/1"), 1000)],
				registry: PLANNING,
				licences: vec![
					licence(
						ConstructionCompletion,
						"civitas-dev/licence/completion/BJ-CY-0207-0012",
						HOUSING,
					),
					licence(FireSafety, "civitas-dev/licence/fire-safety/BJ-CY-0207-0012", HOUSING),
				],
			},
		],
		..Default::default()
	}
}

/// The special fund: a start-up rent subsidy reviewed by a panel of the Science and Technology
/// Commission (department 6: `//Bob//stash`, one approval), managed by the Finance Bureau
/// (department 5), open a year from genesis to enterprises of `Normal` standing or better.
pub fn city_fund() -> FundGrantsConfig {
	FundGrantsConfig {
		programs: vec![GenesisProgram {
			name: String::from("Start-up rent subsidy 2026"),
			kind: ProgramKind::RentSubsidy,
			committee: 6,
			panel: vec![Sr25519Keyring::BobStash.to_account_id()],
			treasury: 5,
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
pub fn city_council() -> CouncilConfig {
	use pallet_council::{CallClass::*, Threshold::*};
	CouncilConfig {
		members: vec![0, 1, 2, 3, 4],
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

/// The validators: the `i`-th of `authorities` is operated by department `i` (so on
/// `civitas-local` Alice, Bob, Charlie and Dave are the machines of the Public Security Bureau,
/// Market Regulation, Planning and Housing), with its keyring keys as session keys.
fn city_validators(
	authorities: &[Sr25519Keyring],
	min_validators: u32,
	session_length: BlockNumber,
) -> (ValidatorsConfig, SessionConfig) {
	let validators = authorities
		.iter()
		.zip(0..)
		.map(|(k, department)| Validator { account: k.to_account_id(), department })
		.collect();
	let keys = authorities
		.iter()
		.filter_map(|k| {
			let keys = SessionKeys { aura: AuraId::from(k.public()), grandpa: grandpa_key(*k)? };
			Some((k.to_account_id(), k.to_account_id(), keys))
		})
		.collect();
	(
		ValidatorsConfig { validators, min_validators, session_length },
		SessionConfig { keys, ..Default::default() },
	)
}

/// The nodes of the network tests' chain (`civitas-local`), by name, with the ed25519 public key
/// of node key `sha256(name)` (the key zombienet gives a node called `name`; by hand:
/// `--node-key $(printf alice | sha256sum | cut -c1-64)`) and the operating department: the four
/// validators, Eve's machine (Housing's; the tests admit it as a validator) and the auditors'
/// archive node (Audit Office's). Any other node is refused by these.
pub const TEST_NETWORK_NODES: [(&str, [u8; 32], DepartmentId); 6] = [
	// 12D3KooWQCkBm1BYtkHpocxCwMgR8yjitEeHGx8spzcDLGt2gkBm
	(
		"alice",
		[
			0xd5, 0xbf, 0x4a, 0x3f, 0xcc, 0xe7, 0x17, 0xb0, 0x38, 0x8b, 0xcc, 0x27, 0x49, 0xeb,
			0xc1, 0x48, 0xad, 0x99, 0x69, 0xb2, 0x3f, 0x45, 0xee, 0x1b, 0x60, 0x5f, 0xd5, 0x87,
			0x78, 0x57, 0x6a, 0xc4,
		],
		0,
	),
	// 12D3KooWRkZhiRhsqmrQ28rt73K7V3aCBpqKrLGSXmZ99PTcTZby
	(
		"bob",
		[
			0xec, 0xc1, 0xb5, 0x87, 0x27, 0xf3, 0xf1, 0x2b, 0x31, 0x94, 0x88, 0x1a, 0x9e, 0xcb,
			0x9d, 0xe0, 0xb2, 0x8c, 0xe7, 0xb2, 0x07, 0x23, 0x0d, 0x8e, 0x93, 0x0f, 0xe1, 0xbc,
			0xe7, 0x5e, 0x25, 0x6c,
		],
		1,
	),
	// 12D3KooWPKzmmE2uYgF3z13xjpbFTp63g9dZFag8pG6MgnpSLF4S
	(
		"charlie",
		[
			0xc8, 0xbf, 0x29, 0x59, 0xa9, 0x6b, 0xd9, 0x9f, 0xfd, 0xe4, 0xe7, 0x27, 0x7b, 0x41,
			0xe5, 0x73, 0x31, 0xdb, 0xa7, 0xf7, 0x91, 0x81, 0x86, 0xc3, 0x59, 0xcf, 0x7d, 0xce,
			0x14, 0x9b, 0xb5, 0x67,
		],
		2,
	),
	// 12D3KooWKM1HeSv61ryZwAiBTZnqmass5pYM48k9Z7obzhTbnphm
	(
		"dave",
		[
			0x8d, 0x92, 0x93, 0xc3, 0x27, 0x66, 0x2b, 0xe3, 0xc0, 0xfa, 0xeb, 0x57, 0x9b, 0x2a,
			0xed, 0xd3, 0xb2, 0xce, 0xc3, 0x3d, 0x74, 0xda, 0xde, 0xdc, 0xee, 0xa7, 0x6b, 0x7a,
			0x94, 0xdc, 0x90, 0xc0,
		],
		3,
	),
	// 12D3KooWFdSt4JnBmxWXwD5yp7wq2WzPaMA1nscSf6qt8pfge8Tk
	(
		"eve",
		[
			0x56, 0x5a, 0x0f, 0x95, 0x55, 0xcb, 0x4f, 0x4d, 0x4e, 0x06, 0xb8, 0x11, 0x12, 0x57,
			0x86, 0x5d, 0xcc, 0xd7, 0x5c, 0xc7, 0x51, 0x35, 0xa9, 0xb1, 0x0c, 0x9a, 0x44, 0xec,
			0xa5, 0x04, 0x13, 0x43,
		],
		3,
	),
	// 12D3KooWDksxzr2MGYDSmCkpQD2CfqdwUb9wZGsVdcq944Eg8JzV
	(
		"auditor",
		[
			0x3a, 0x8a, 0x1d, 0xd8, 0x79, 0xac, 0xa8, 0x4f, 0xca, 0xaa, 0xf4, 0x5c, 0x17, 0x04,
			0xb3, 0xec, 0x54, 0x12, 0x68, 0x7d, 0x9b, 0x25, 0x45, 0x96, 0x2d, 0x81, 0x7b, 0x89,
			0x90, 0x3e, 0x00, 0x52,
		],
		8,
	),
];

/// A genesis with `authorities` producing and finalizing blocks in sessions of `session_length`
/// blocks, `sudo` as the Sudo key (the development chain's only), every keyring account endowed,
/// the city's departments, and `nodes` the only nodes that exchange blocks (with their
/// departments; none for an open network).
fn city_genesis(
	authorities: &[Sr25519Keyring],
	session_length: BlockNumber,
	sudo: Option<Sr25519Keyring>,
	nodes: Vec<(Bytes, DepartmentId)>,
) -> serde_json::Value {
	// As many may be lost as GRANDPA tolerates: a third, rounded down.
	let count = authorities.len() as u32;
	let min_validators = count.saturating_sub(count.saturating_sub(1) / 3).max(1);
	let (validators, session) = city_validators(authorities, min_validators, session_length);
	let config = RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: Sr25519Keyring::iter().map(|k| (k.to_account_id(), ENDOWMENT)).collect(),
			..Default::default()
		},
		// The session pallet hands Aura and GRANDPA their authorities.
		validators,
		session,
		nodes: NodesConfig { nodes, ..Default::default() },
		sudo: SudoConfig { key: sudo.map(|k| k.to_account_id()) },
		departments: DepartmentsConfig { departments: city_departments() },
		civic_identity: city_identities(),
		credit_records: city_credit(),
		e_bills: city_bills(),
		real_estate: city_real_estate(),
		fund_grants: city_fund(),
		council: city_council(),
		..Default::default()
	};
	serde_json::to_value(config).unwrap_or_default()
}

/// The GRANDPA (ed25519) key of the same development seed as the sr25519 key `k`.
fn grandpa_key(k: Sr25519Keyring) -> Option<GrandpaId> {
	let seed: &'static str = k.into();
	seed.parse::<Ed25519Keyring>().ok().map(|k| GrandpaId::from(k.public()))
}

/// The preset called `id`, as JSON.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	use Sr25519Keyring::*;

	let genesis = match id.as_ref() {
		// Development chains are open to any node.
		sp_genesis_builder::DEV_RUNTIME_PRESET => {
			city_genesis(&[Alice], HOURS, Some(Alice), vec![])
		},
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => {
			city_genesis(&[Alice, Bob], HOURS, None, vec![])
		},
		// The network tests' chain: one-minute sessions, so that validator changes take effect
		// within a test, and only the test network's nodes.
		CIVITAS_LOCAL_PRESET => city_genesis(
			&[Alice, Bob, Charlie, Dave],
			MINUTES,
			None,
			TEST_NETWORK_NODES
				.iter()
				.map(|(_, key, d)| (ed25519_peer_id(key).into(), *d))
				.collect(),
		),
		_ => return None,
	};
	serde_json::to_vec(&genesis).ok()
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(CIVITAS_LOCAL_PRESET),
	]
}
