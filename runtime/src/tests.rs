//! Tests of the runtime's own code: its genesis presets, and flows across pallets on the real
//! runtime (departments deciding roles, identities, credit, bills).

#![allow(clippy::expect_used, clippy::panic)]

use crate::genesis_config_presets::{demo_city, get_preset, preset_names};
use alloc::{string::ToString, vec::Vec};
use polkadot_sdk::{sp_genesis_builder::PresetId, sp_keyring::Sr25519Keyring};
use presets::preset_config;

/// The development chain's genesis state, at block 1.
fn dev_chain() -> polkadot_sdk::sp_io::TestExternalities {
	chain("development")
}

/// The development chain's genesis state, at block 1, with a keystore to make session keys in.
#[cfg(feature = "runtime-benchmarks")]
pub(crate) fn dev_chain_with_keystore() -> polkadot_sdk::sp_io::TestExternalities {
	use polkadot_sdk::sp_keystore::{testing::MemoryKeystore, KeystoreExt};

	let mut ext = dev_chain();
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext
}

/// Preset `id`'s genesis state, at block 1.
fn chain(id: &str) -> polkadot_sdk::sp_io::TestExternalities {
	use polkadot_sdk::sp_runtime::BuildStorage;

	let mut ext = polkadot_sdk::sp_io::TestExternalities::new(
		preset_config(id).build_storage().expect("genesis builds"),
	);
	ext.execute_with(|| crate::System::set_block_number(1));
	ext
}

/// Dispatches `call` signed by `who`, as the transaction would.
fn dispatch(
	who: Sr25519Keyring,
	call: crate::RuntimeCall,
) -> Result<(), polkadot_sdk::sp_runtime::DispatchError> {
	dispatch_from(who.to_account_id(), call)
}

/// Dispatches `call` signed by `account`.
fn dispatch_from(
	account: crate::AccountId,
	call: crate::RuntimeCall,
) -> Result<(), polkadot_sdk::sp_runtime::DispatchError> {
	use polkadot_sdk::sp_runtime::traits::Dispatchable;

	call.dispatch(crate::RuntimeOrigin::signed(account)).map(|_| ()).map_err(|e| e.error)
}

/// `registrar` proposes linking `account` to `subject`; the account accepts.
fn link(
	registrar: Sr25519Keyring,
	subject: civitas_primitives::SubjectId,
	account: Sr25519Keyring,
) {
	use pallet_civic_identity::Call;

	let propose =
		Call::<crate::Runtime>::propose_link { subject, account: account.to_account_id() };
	assert_eq!(dispatch(registrar, crate::RuntimeCall::CivicIdentity(propose)), Ok(()));
	let accept = Call::<crate::Runtime>::accept_link { subject };
	assert_eq!(dispatch(account, crate::RuntimeCall::CivicIdentity(accept)), Ok(()));
}

#[test]
fn every_preset_builds_a_genesis_state() {
	use polkadot_sdk::sp_runtime::BuildStorage;

	for id in preset_names() {
		let name = core::str::from_utf8(id.as_ref()).expect("utf-8 preset name");
		// A patch: only what the preset sets, nothing FRAME's defaults already say.
		let patch: serde_json::Value =
			serde_json::from_slice(&get_preset(&id).expect("preset exists")).expect("JSON");
		let keys: Vec<_> = patch.as_object().expect("an object").keys().cloned().collect();
		assert!(keys.contains(&"departments".to_string()), "{name}: {keys:?}");
		assert!(!keys.contains(&"system".to_string()), "{name}: {keys:?}");
		let config = preset_config(name);
		assert_eq!(config.departments.departments.len(), demo_city::departments().len());
		config.build_storage().unwrap_or_else(|e| panic!("preset {name} does not build: {e}"));
	}
	assert!(get_preset(&PresetId::from("no-such-preset")).is_none());
}

#[test]
fn every_department_has_an_admin_and_officers_serve_one_department() {
	let departments = demo_city::departments();
	assert!(departments.len() >= 11);
	let mut officers: Vec<_> =
		departments.iter().flat_map(|d| d.officers.iter().map(|(a, _)| a.clone())).collect();
	let all = officers.len();
	officers.sort();
	officers.dedup();
	assert_eq!(officers.len(), all);
	assert!(departments.iter().all(|d| d.officers.iter().any(|(_, admin)| *admin)));
	assert!(!officers.contains(&Sr25519Keyring::Alice.to_account_id()));
	assert!(!officers.contains(&Sr25519Keyring::Two.to_account_id()));
}

/// The pallets of `pallets/` only the parachain runtime has.
const PALLETS_ELSEWHERE: [&str; 1] = ["pallet_cross_city"];

mod api_shape;
mod demo_city_ids;
mod presets;
mod upgrade;
mod vocabulary;

/// The civic identity flow on the real runtime, with the departments pallet deciding who holds
/// which role: registrars register and link, one department issues, another verifies, the issuer
/// revokes.
mod civic_identity_flow {
	use super::*;
	use crate::{
		genesis_config_presets::demo_city::{dev_id, schemas},
		CivicIdentity, Runtime, RuntimeCall,
	};
	use civitas_primitives::{CredentialVerifier, IdentityProvider, SubjectKind};
	use pallet_civic_identity::{Call, CredentialStatus, Error};
	use polkadot_sdk::{sp_core::H256, sp_runtime::DispatchError};

	fn call(who: Sr25519Keyring, call: Call<Runtime>) -> Result<(), DispatchError> {
		dispatch(who, RuntimeCall::CivicIdentity(call))
	}

	#[test]
	fn the_seeded_identities_verify() {
		dev_chain().execute_with(|| {
			let enterprise = dev_id("civitas-dev/enterprise/1");
			assert!(CivicIdentity::is_active(&enterprise));
			assert_eq!(CivicIdentity::kind(&enterprise), Some(SubjectKind::Enterprise));
			let licence = dev_id("civitas-dev/credential/business-licence/1");
			assert!(CivicIdentity::is_valid(&licence, schemas::BUSINESS_LICENCE));
			assert_eq!(CivicIdentity::credentials_of(enterprise).len(), 2);
			assert_eq!(CivicIdentity::schemas_info().len(), 4);
		});
	}

	#[test]
	fn register_link_issue_verify_and_revoke() {
		use Sr25519Keyring::{Bob, Charlie, Eve, Ferdie, One, Two};
		dev_chain().execute_with(|| {
			let person = H256::repeat_byte(1);
			let enterprise = H256::repeat_byte(2);
			let licence = H256::repeat_byte(3);

			// The Public Security Bureau (Bob) registers a person; Market Regulation (Charlie)
			// an enterprise the person represents.
			assert_eq!(
				call(
					Bob,
					Call::register_subject {
						subject: person,
						kind: SubjectKind::Person,
						commitment: H256::repeat_byte(0xa1),
						legal_representative: None,
					}
				),
				Ok(())
			);
			assert_eq!(
				call(
					Charlie,
					Call::register_subject {
						subject: enterprise,
						kind: SubjectKind::Enterprise,
						commitment: H256::repeat_byte(0xa2),
						legal_representative: Some(person),
					}
				),
				Ok(())
			);

			// Bob proposes linking //Two, and //Two accepts with its own signature.
			assert_eq!(
				call(Bob, Call::propose_link { subject: person, account: Two.to_account_id() }),
				Ok(())
			);
			assert_eq!(call(Two, Call::accept_link { subject: person }), Ok(()));
			assert_eq!(CivicIdentity::subject_of(&Two.to_account_id()), Some(person));

			// A Market Regulation officer (//One) issues a business licence.
			assert_eq!(
				call(
					One,
					Call::issue_credential {
						credential: licence,
						schema: schemas::BUSINESS_LICENCE,
						subject: enterprise,
						valid_from: 1,
						valid_until: None,
					}
				),
				Ok(())
			);
			// Anyone, for example the Tax Bureau, verifies it.
			assert!(CivicIdentity::verify(licence).is_some_and(|v| v.valid_now));

			// The Tax Bureau (Ferdie) holds no CredentialIssuer role; Housing (Eve) does, but is
			// not the issuer.
			assert_eq!(
				call(Ferdie, Call::revoke_credential { credential: licence, reason: 1 }),
				Err(pallet_departments::Error::<Runtime>::RoleNotHeld.into())
			);
			assert_eq!(
				call(Eve, Call::revoke_credential { credential: licence, reason: 1 }),
				Err(Error::<Runtime>::NotIssuer.into())
			);
			// A citizen is no officer at all.
			assert_eq!(
				call(
					Two,
					Call::register_subject {
						subject: H256::repeat_byte(9),
						kind: SubjectKind::Person,
						commitment: H256::zero(),
						legal_representative: None,
					}
				),
				Err(pallet_departments::Error::<Runtime>::NotOfficer.into())
			);

			assert_eq!(
				call(Charlie, Call::revoke_credential { credential: licence, reason: 7 }),
				Ok(())
			);
			let verification = CivicIdentity::verify(licence).expect("issued");
			assert_eq!(verification.status, CredentialStatus::Revoked);
			assert!(!verification.valid_now);
		});
	}
}

/// Credit records on the real runtime: the Tax Bureau records, the enterprise objects through its
/// linked account, the court rectifies; records expire in `on_initialize`.
mod credit_records_flow {
	use super::*;
	use crate::{
		genesis_config_presets::demo_city::dev_id, BlockNumber, CreditRecords, Runtime,
		RuntimeCall, System,
	};
	use civitas_primitives::{CreditCategory, CreditProfile, CreditStanding};
	use pallet_credit_records::{Call, Error, RecordStatus};
	use polkadot_sdk::{
		frame_support::traits::OnInitialize, sp_core::H256, sp_runtime::DispatchError,
	};

	fn credit(who: Sr25519Keyring, call: Call<Runtime>) -> Result<(), DispatchError> {
		dispatch(who, RuntimeCall::CreditRecords(call))
	}

	#[test]
	fn seeded_records_count() {
		dev_chain().execute_with(|| {
			assert_eq!(CreditRecords::score(&dev_id("civitas-dev/enterprise/1")), 1060);
			assert_eq!(CreditRecords::score(&dev_id("civitas-dev/enterprise/2")), 850);
			assert_eq!(
				CreditRecords::standing(&dev_id("civitas-dev/enterprise/2")),
				CreditStanding::Watch
			);
		});
	}

	#[test]
	fn penalty_objection_rectification_and_expiry() {
		use Sr25519Keyring::{CharlieStash, DaveStash, Ferdie, Two};
		dev_chain().execute_with(|| {
			let enterprise = dev_id("civitas-dev/enterprise/1");
			// Market Regulation links the enterprise's own account (//Two).
			link(Sr25519Keyring::Charlie, enterprise, Two);

			// The Tax Bureau (Ferdie) records a penalty; one decision document is one record.
			let record = |period, document| Call::record {
				subject: enterprise,
				category: CreditCategory::Tax,
				score_delta: -200,
				evidence: H256::repeat_byte(document),
				publication_period: period,
			};
			assert_eq!(credit(Ferdie, record(1_000, 1)), Ok(()));
			assert_eq!(
				credit(Ferdie, record(1_000, 1)),
				Err(Error::<Runtime>::EvidenceAlreadyExists.into())
			);
			let id = 2; // after the two seeded records
			assert_eq!(CreditRecords::score(&enterprise), 860);

			// The enterprise objects; the Tax Bureau cannot decide its own record, and holds no
			// adjudicator role anyway; the court (//Charlie//stash) rectifies.
			let object = Call::object { record: id, evidence: H256::repeat_byte(2) };
			assert_eq!(credit(Two, object), Ok(()));
			assert_eq!(CreditRecords::score(&enterprise), 1060);
			assert_eq!(
				credit(Ferdie, Call::rectify { record: id, reason: 1 }),
				Err(pallet_departments::Error::<Runtime>::RoleNotHeld.into())
			);
			assert_eq!(credit(CharlieStash, Call::rectify { record: id, reason: 1 }), Ok(()));
			let info = CreditRecords::record_info(id).expect("on file");
			assert_eq!(info.record.status, RecordStatus::Rectified);
			assert_eq!(CreditRecords::score(&enterprise), 1060);

			// A short record expires in the hook, with no transaction.
			assert_eq!(credit(Ferdie, record(3, 4)), Ok(()));
			assert_eq!(CreditRecords::score(&enterprise), 860);
			for n in 2..=4 {
				System::set_block_number(n);
				<CreditRecords as OnInitialize<BlockNumber>>::on_initialize(n);
			}
			assert_eq!(
				CreditRecords::record_info(3).expect("on file").record.status,
				RecordStatus::Expired
			);
			assert_eq!(CreditRecords::score(&enterprise), 1060);

			// The Audit Office may adjudicate too, but nothing is under objection.
			assert_eq!(
				credit(DaveStash, Call::uphold { record: 3, reason: 1 }),
				Err(Error::<Runtime>::NotUnderObjection.into())
			);
		});
	}
}

/// E-bills on the real runtime: the power company (//Eve//stash) bills a batch, records a
/// payment, an employer is reimbursed once; a property-tax bill issued through `BillIssuer` (as
/// the real-estate pallet will) is outstanding until paid.
mod e_bills_flow {
	use super::*;
	use crate::{genesis_config_presets::demo_city::dev_id, EBills, Runtime, RuntimeCall};
	use civitas_primitives::{BillIssuer, BillKind};
	use pallet_e_bills::{BillStatus, Bills, Call, Error, Issuer, NewBill};
	use polkadot_sdk::{sp_core::H256, sp_runtime::DispatchError};

	fn bills(who: Sr25519Keyring, call: Call<Runtime>) -> Result<(), DispatchError> {
		dispatch(who, RuntimeCall::EBills(call))
	}

	fn electricity(number: &str, payer: &str) -> NewBill<Runtime> {
		NewBill {
			number: number.as_bytes().to_vec().try_into().expect("short number"),
			payer: Some(dev_id(payer)),
			kind: BillKind::Electricity,
			amount: 20_000,
			tax_amount: 2_300,
			currency: *b"CNY",
			content_hash: H256::repeat_byte(5),
			due: None,
		}
	}

	#[test]
	fn a_batch_is_paid_and_reimbursed_once() {
		use Sr25519Keyring::{AliceStash, Charlie, EveStash, FerdieStash, Two};
		dev_chain().execute_with(|| {
			link(Charlie, dev_id("civitas-dev/enterprise/1"), Two);
			let power = Issuer::Department(9);
			let batch = (0..10)
				.map(|i| electricity(&alloc::format!("E-11-{i}"), "civitas-dev/person/1"))
				.collect::<Vec<_>>()
				.try_into()
				.expect("within MaxBatch");
			assert_eq!(bills(EveStash, Call::issue_batch { bills: batch }), Ok(()));
			let id = EBills::bill_id(&power, b"E-11-3");
			let paid = Call::mark_paid { bill: id, payment_reference: H256::repeat_byte(1) };
			assert_eq!(bills(EveStash, paid), Ok(()));

			// The Finance Bureau (//Alice//stash), which person 1 authorised, reimburses it; the
			// bank holds no reimburser role; enterprise 1, also authorised, may not claim again.
			let claim = |amount| Call::claim_reimbursement {
				bill: id,
				amount,
				claim_reference: H256::zero(),
			};
			assert_eq!(
				bills(FerdieStash, claim(1)),
				Err(pallet_departments::Error::<Runtime>::RoleNotHeld.into())
			);
			assert_eq!(bills(AliceStash, claim(20_000)), Ok(()));
			assert_eq!(bills(Two, claim(1)), Err(Error::<Runtime>::AlreadyReimbursed.into()));
			assert_eq!(Bills::<Runtime>::get(id).expect("issued").status, BillStatus::Reimbursed);
			assert_eq!(
				EBills::bills_of_payer(dev_id("civitas-dev/person/1"), None, 100).len(),
				11 // ten new, one seeded
			);
		});
	}

	#[test]
	fn a_tax_bill_issued_by_another_pallet_is_outstanding_until_paid() {
		use Sr25519Keyring::Ferdie;
		dev_chain().execute_with(|| {
			let id = <EBills as BillIssuer<_>>::issue(
				&Ferdie.to_account_id(),
				4,
				b"PT-2026-0001",
				Some(dev_id("civitas-dev/person/2")),
				BillKind::Tax,
				150_000,
				0,
				H256::repeat_byte(6),
			)
			.expect("issued");
			assert!(<EBills as BillIssuer<crate::AccountId>>::is_outstanding(&id));
			// The Tax Bureau holds BillIssuer, so its officer records the payment.
			let paid = Call::mark_paid { bill: id, payment_reference: H256::repeat_byte(2) };
			assert_eq!(bills(Ferdie, paid), Ok(()));
			assert!(!<EBills as BillIssuer<crate::AccountId>>::is_outstanding(&id));
			assert!(<EBills as BillIssuer<crate::AccountId>>::is_paid(&id));
		});
	}
}

/// Real estate on the real runtime: the registrar (//Dave) registers a flat, the bank
/// (//Ferdie//stash) and the registrar register a mortgage, the court (//Charlie//stash) freezes
/// and lifts, the Tax Bureau (//Ferdie) assesses tax through e-bills and records its payment,
/// seller, buyer and bank consent, and a second registrar completes the transfer.
mod real_estate_flow {
	use super::*;
	use crate::{genesis_config_presets::demo_city::dev_id, RealEstate, Runtime, RuntimeCall};
	use pallet_real_estate::{runtime_api::TitleChangeInfo, Call, Error, PropertyStatus, Usage};
	use polkadot_sdk::{sp_core::H256, sp_runtime::DispatchError};

	fn estate(who: Sr25519Keyring, call: Call<Runtime>) -> Result<(), DispatchError> {
		dispatch(who, RuntimeCall::RealEstate(call))
	}

	#[test]
	fn the_seeded_register_has_two_properties_with_licences() {
		dev_chain().execute_with(|| {
			let shop =
				RealEstate::property_by_cadastre(b"BJ-CY-0207-0012".to_vec()).expect("seeded");
			let verification = RealEstate::verify_licence(
				shop,
				dev_id("civitas-dev/licence/fire-safety/BJ-CY-0207-0012"),
			)
			.expect("attached");
			assert!(verification.valid_now);
			assert_eq!(
				RealEstate::properties_of(dev_id("civitas-dev/person/1"), None, 10).len(),
				1
			);
		});
	}

	#[test]
	fn a_mortgaged_flat_is_frozen_taxed_and_sold() {
		use Sr25519Keyring::{Bob, CharlieStash, Dave, Eve, Ferdie, FerdieStash, One, Two};
		dev_chain().execute_with(|| {
			let (seller, buyer) = (dev_id("civitas-dev/person/1"), dev_id("civitas-dev/person/2"));
			link(Bob, seller, Two);
			link(Bob, buyer, One);
			let register = Call::register_property {
				cadastral_ref: b"BJ-HD-0305-0101".to_vec().try_into().expect("short"),
				location_commitment: H256::repeat_byte(1),
				area_m2: 76,
				usage: Usage::Residential,
				owners: vec![(seller, 1000)].try_into().expect("one owner"),
				title_certificate: H256::repeat_byte(2),
			};
			assert_eq!(estate(Dave, register), Ok(()));
			let flat = RealEstate::property_by_cadastre(b"BJ-HD-0305-0101".to_vec()).expect("new");
			let completion = Call::issue_licence {
				property: flat,
				kind: pallet_real_estate::LicenceKind::ConstructionCompletion,
				document_hash: H256::repeat_byte(3),
				valid_until: None,
			};
			assert_eq!(estate(Eve, completion), Ok(()));

			let request = Call::request_mortgage {
				property: flat,
				amount: 1_000_000,
				contract: H256::zero(),
			};
			assert_eq!(estate(FerdieStash, request), Ok(()));
			assert_eq!(
				estate(Dave, Call::register_mortgage { property: flat, lender: 10 }),
				Ok(())
			);
			assert_eq!(
				estate(CharlieStash, Call::freeze { property: flat, case: H256::zero() }),
				Ok(())
			);
			let open = || Call::open_transfer {
				property: flat,
				buyers: vec![(buyer, 1000)].try_into().expect("one buyer"),
				price: 3_000_000,
				deed: H256::repeat_byte(4),
			};
			assert_eq!(estate(Dave, open()), Err(Error::<Runtime>::PropertyUnderFreeze.into()));
			let lift = Call::release_encumbrance { property: flat, encumbrance: 1 };
			assert_eq!(estate(CharlieStash, lift), Ok(()));

			assert_eq!(
				estate(Ferdie, Call::assess_tax { property: flat, period: 2026, amount: 380_000 }),
				Ok(())
			);
			assert_eq!(estate(Dave, open()), Ok(()));
			let transfer = pallet_real_estate::Transfers::<Runtime>::get(flat).expect("open");
			assert_eq!(
				transfer.terms,
				pallet_real_estate::transfer_terms(
					transfer.id,
					flat,
					&[(buyer, 1000)],
					3_000_000,
					&H256::repeat_byte(4)
				)
			);
			for who in [Two, One, FerdieStash] {
				let consent =
					Call::consent { property: flat, transfer: transfer.id, terms: transfer.terms };
				assert_eq!(estate(who, consent), Ok(()));
			}
			let complete = || {
				RuntimeCall::RealEstate(Call::complete_transfer {
					property: flat,
					title_certificate: H256::repeat_byte(5),
				})
			};
			// Four eyes: the registrar who opened it does not complete it; the department's
			// admin adds a second registrar, who does.
			assert_eq!(
				dispatch(Dave, complete()),
				Err(Error::<Runtime>::SecondOfficerRequired.into())
			);
			let second = crate::AccountId::from([0x2e; 32]);
			let add = pallet_departments::Call::<Runtime>::add_officer {
				department: 2,
				officer: second.clone(),
				admin: false,
			};
			assert_eq!(dispatch(Dave, RuntimeCall::Departments(add)), Ok(()));
			assert_eq!(
				dispatch_from(second.clone(), complete()),
				Err(Error::<Runtime>::TaxOutstanding.into())
			);

			// The Tax Bureau holds BillIssuer: it records the payment in e-bills.
			let bill = pallet_real_estate::TaxAssessments::<Runtime>::get(flat, 2026)
				.expect("assessed")
				.bills
				.first()
				.expect("one owner, one bill")
				.bill;
			let paid = pallet_e_bills::Call::<Runtime>::mark_paid {
				bill,
				payment_reference: H256::zero(),
			};
			assert_eq!(dispatch(Ferdie, RuntimeCall::EBills(paid)), Ok(()));
			assert_eq!(dispatch_from(second, complete()), Ok(()));

			let now = pallet_real_estate::Properties::<Runtime>::get(flat).expect("exists");
			assert_eq!(now.owners.into_inner(), vec![(buyer, 1000)]);
			assert_eq!(now.status, PropertyStatus::Active);
			let owners: Vec<_> = RealEstate::title_history(flat, None, 100)
				.into_iter()
				.filter_map(|e| match e.change {
					TitleChangeInfo::Registered { owners }
					| TitleChangeInfo::Transferred { owners, .. } => owners.first().map(|(subject, _)| *subject),
					_ => None,
				})
				.collect();
			assert_eq!(owners, vec![seller, buyer]);
		});
	}
}

/// The special fund on the real runtime: enterprise 1 (through //Two) applies to the seeded
/// rent subsidy, the Science Commission (//Bob//stash) approves, a milestone is paid by the
/// Finance Bureau (//Alice//stash), the grant is clawed back and credit records shows it.
mod fund_grants_flow {
	use super::*;
	use crate::{
		genesis_config_presets::demo_city::dev_id, CreditRecords, FundGrants, Runtime, RuntimeCall,
	};
	use civitas_primitives::CreditProfile;
	use pallet_fund_grants::{ApplicationStatus, Call, Error, MilestonePlan};
	use polkadot_sdk::{sp_core::H256, sp_runtime::DispatchError};

	fn fund(who: Sr25519Keyring, call: Call<Runtime>) -> Result<(), DispatchError> {
		dispatch(who, RuntimeCall::FundGrants(call))
	}

	fn apply_for(program: u32, requested: u128) -> Call<Runtime> {
		let milestones =
			vec![MilestonePlan { amount: requested, due: 1_000, description: H256::zero() }]
				.try_into()
				.expect("one milestone");
		Call::apply { program, requested, proposal: H256::repeat_byte(1), milestones }
	}

	/// Enterprise 2 is on `Watch` after its seeded tax penalty; the seeded program wants `Normal`.
	#[test]
	fn credit_standing_from_credit_records_decides_eligibility() {
		use Sr25519Keyring::{Charlie, Two};
		dev_chain().execute_with(|| {
			let enterprise = dev_id("civitas-dev/enterprise/2");
			link(Charlie, enterprise, Two);
			assert_eq!(
				fund(Two, apply_for(0, 100_000)),
				Err(Error::<Runtime>::CreditBelowMinimum.into())
			);
		});
	}

	#[test]
	fn a_grant_is_approved_paid_in_part_and_clawed_back() {
		use Sr25519Keyring::{AliceStash, BobStash, Charlie, Two};
		dev_chain().execute_with(|| {
			let enterprise = dev_id("civitas-dev/enterprise/1");
			link(Charlie, enterprise, Two);
			let milestone = |amount, due| MilestonePlan { amount, due, description: H256::zero() };
			let apply = Call::apply {
				program: 0,
				requested: 500_000,
				proposal: H256::repeat_byte(1),
				milestones: vec![milestone(300_000, 1_000), milestone(200_000, 2_000)]
					.try_into()
					.expect("two milestones"),
			};
			assert_eq!(fund(Two, apply), Ok(()));
			let review = Call::review { application: 0, approve: true, comment: H256::zero() };
			// The Finance Bureau holds no committee role.
			assert_eq!(
				fund(AliceStash, review.clone()),
				Err(pallet_departments::Error::<Runtime>::RoleNotHeld.into())
			);
			assert_eq!(fund(BobStash, review), Ok(()));
			let submit =
				Call::submit_milestone { application: 0, index: 0, evidence: H256::repeat_byte(2) };
			assert_eq!(fund(Two, submit), Ok(()));
			assert_eq!(
				fund(BobStash, Call::approve_milestone { application: 0, index: 0 }),
				Ok(())
			);
			let pay = Call::record_payout { application: 0, index: 0, reference: H256::zero() };
			assert_eq!(fund(AliceStash, pay), Ok(()));

			let before = CreditRecords::score(&enterprise);
			let claw = Call::claw_back {
				application: 0,
				reason: H256::repeat_byte(3),
				to_recover: 50_000,
			};
			assert_eq!(fund(BobStash, claw), Ok(()));
			let program = FundGrants::program_info(0).expect("seeded");
			assert_eq!((program.allocated, program.disbursed), (300_000, 300_000));
			assert_eq!(program.unallocated, program.budget.saturating_sub(300_000));
			let application = pallet_fund_grants::Applications::<Runtime>::get(0).expect("filed");
			assert_eq!(application.status, ApplicationStatus::ClawedBack);
			assert_eq!(CreditRecords::score(&enterprise), before.saturating_sub(150));
		});
	}
}

/// The access log on the real runtime: the departments registry decides who may invoke a
/// purpose, the council keeps the catalogue, the citizen reads its accesses through its own
/// linked account.
mod access_log_flow {
	use super::{
		council::{outcome, propose, vote},
		*,
	};
	use crate::{AccessLog, Runtime, RuntimeCall, RuntimeOrigin};
	use demo_city::{dev_id, purposes, HOUSING, PERSON_1, PERSON_2, TAX};
	use pallet_access_log::{Call, Error, PurposeStatus, RecordKind};
	use polkadot_sdk::{
		frame_support::BoundedVec,
		sp_core::H256,
		sp_runtime::{traits::Dispatchable, DispatchError},
	};
	use Sr25519Keyring::{Bob, Charlie, Eve, Ferdie, Two};

	fn log(who: Sr25519Keyring, subject: &str, kind: RecordKind, purpose: u16) -> DispatchResult {
		let call = Call::log_access {
			subject: dev_id(subject),
			kind,
			purpose,
			case: Some(H256::repeat_byte(7)),
		};
		dispatch(who, RuntimeCall::AccessLog(call))
	}

	type DispatchResult = Result<(), DispatchError>;

	#[test]
	fn every_preset_seeds_the_catalogue_under_the_named_codes() {
		for id in preset_names() {
			chain(id.as_ref()).execute_with(|| {
				let codes: Vec<u16> =
					AccessLog::purposes_info().into_iter().map(|p| p.purpose).collect();
				assert_eq!(
					codes,
					[
						purposes::TAX_AUDIT,
						purposes::CREDIT_SUPERVISION,
						purposes::PROPERTY_REGISTRATION,
						purposes::LICENSING,
						purposes::FUND_REVIEW,
						purposes::COURT_ENFORCEMENT,
						purposes::PUBLIC_AUDIT,
					]
				);
			});
		}
	}

	#[test]
	fn the_registry_decides_who_invokes_a_purpose_and_a_suspended_department_logs_nothing() {
		dev_chain().execute_with(|| {
			assert_eq!(log(Ferdie, PERSON_1, RecordKind::Bills, purposes::TAX_AUDIT), Ok(()));
			// Housing holds no tax role; nor is Sudo's key holder an officer.
			assert_eq!(
				log(Eve, PERSON_1, RecordKind::Bills, purposes::TAX_AUDIT),
				Err(pallet_departments::Error::<Runtime>::RoleNotHeld.into())
			);
			assert_eq!(
				log(Sr25519Keyring::Alice, PERSON_1, RecordKind::Bills, purposes::TAX_AUDIT),
				Err(pallet_departments::Error::<Runtime>::NotOfficer.into())
			);
			// Housing's own purpose, for a kind it covers.
			assert_eq!(log(Eve, PERSON_2, RecordKind::Property, purposes::LICENSING), Ok(()));
			assert_eq!(
				log(Eve, PERSON_2, RecordKind::Bills, purposes::LICENSING),
				Err(Error::<Runtime>::KindNotCovered.into())
			);

			let suspend = RuntimeCall::Departments(pallet_departments::Call::suspend_department {
				department: TAX,
			});
			assert!(suspend.dispatch(RuntimeOrigin::root()).is_ok());
			assert_eq!(
				log(Ferdie, PERSON_1, RecordKind::Bills, purposes::TAX_AUDIT),
				Err(pallet_departments::Error::<Runtime>::DepartmentNotActive.into())
			);
			let logged = pallet_access_log::Accesses::<Runtime>::iter_values()
				.map(|a| a.department)
				.collect::<Vec<_>>();
			assert_eq!(logged.len(), 2);
			assert!(logged.contains(&TAX) && logged.contains(&HOUSING));
		});
	}

	#[test]
	fn the_citizen_reads_its_own_accesses_through_its_linked_account() {
		dev_chain().execute_with(|| {
			assert_eq!(log(Ferdie, PERSON_1, RecordKind::Bills, purposes::TAX_AUDIT), Ok(()));
			assert_eq!(log(Eve, PERSON_2, RecordKind::Property, purposes::LICENSING), Ok(()));
			let two = Two.to_account_id();
			assert!(AccessLog::accesses_of_account(two.clone(), None, None, None, 10).is_empty());
			link(Bob, dev_id(PERSON_1), Two);
			let mine = AccessLog::accesses_of_account(two, None, None, None, 10);
			assert_eq!(mine.len(), 1);
			assert_eq!(mine[0].department, TAX);
			assert_eq!(mine[0].officer, Ferdie.to_account_id());
			assert_eq!(mine[0].kinds, [RecordKind::Bills]);
		});
	}

	#[test]
	fn a_council_majority_changes_and_retires_purposes() {
		dev_chain().execute_with(|| {
			let set = RuntimeCall::AccessLog(Call::set_purpose {
				purpose: 40,
				name: BoundedVec::truncate_from(b"Housing subsidy review".to_vec()),
				legal_basis: BoundedVec::truncate_from(b"Municipal Housing Measures".to_vec()),
				roles: BoundedVec::truncate_from(vec![civitas_primitives::Role::CredentialIssuer]),
				kinds: BoundedVec::truncate_from(vec![RecordKind::Identity, RecordKind::Property]),
			});
			// An officer alone is not governance.
			assert_eq!(dispatch(Ferdie, set.clone()), Err(DispatchError::BadOrigin));
			let motion = propose(Ferdie, set);
			vote(Bob, motion);
			assert_eq!(outcome(motion).1, None);
			vote(Charlie, motion);
			assert_eq!(outcome(motion).1, Some(Ok(())));
			assert_eq!(log(Eve, PERSON_2, RecordKind::Property, 40), Ok(()));

			let retire = RuntimeCall::AccessLog(Call::retire_purpose { purpose: 40 });
			let motion = propose(Ferdie, retire);
			vote(Bob, motion);
			vote(Charlie, motion);
			assert_eq!(outcome(motion).1, Some(Ok(())));
			assert_eq!(
				pallet_access_log::Purposes::<Runtime>::get(40).map(|p| p.status),
				Some(PurposeStatus::Retired)
			);
			assert_eq!(
				log(Eve, PERSON_2, RecordKind::Property, 40),
				Err(Error::<Runtime>::PurposeNotActive.into())
			);
		});
	}
}

/// The council governs every chain: `civitas-local` has no Sudo key and is run by motions alone.
mod council {
	use super::*;
	use crate::{pallet_sudo, Council, Departments, Runtime, RuntimeCall, System};
	use civitas_primitives::{DepartmentId, Role, RoleAuthority};
	use pallet_council::{MotionId, Outcome};
	use pallet_departments::DepartmentKind;
	use polkadot_sdk::{
		frame_support::traits::Hooks,
		sp_core::H256,
		sp_runtime::{traits::Dispatchable, DispatchError},
	};
	use Sr25519Keyring::{Bob, Charlie, Dave, Eve, Ferdie};

	/// `who` proposes `call`; returns the motion.
	pub(super) fn propose(who: Sr25519Keyring, call: RuntimeCall) -> MotionId {
		let id = pallet_council::NextMotionId::<Runtime>::get();
		let propose = pallet_council::Call::<Runtime>::propose {
			call: Box::new(call),
			reason: H256::repeat_byte(1),
			duration: None,
		};
		assert_eq!(dispatch(who, RuntimeCall::Council(propose)), Ok(()));
		id
	}

	/// `who` votes aye on `motion`.
	pub(super) fn vote(who: Sr25519Keyring, motion: MotionId) {
		let vote = pallet_council::Call::<Runtime>::vote { motion, aye: true };
		assert_eq!(dispatch(who, RuntimeCall::Council(vote)), Ok(()));
	}

	/// How motion `id` closed, and its call's result if dispatched.
	pub(super) fn outcome(id: MotionId) -> (Option<Outcome>, Option<Result<(), DispatchError>>) {
		let mut found = (None, None);
		for record in System::events() {
			match record.event {
				crate::RuntimeEvent::Council(pallet_council::Event::MotionClosed {
					motion,
					outcome,
					..
				}) if motion == id => found.0 = Some(outcome),
				crate::RuntimeEvent::Council(pallet_council::Event::MotionExecuted {
					motion,
					result,
					..
				}) if motion == id => found.1 = Some(result),
				_ => {},
			}
		}
		found
	}

	#[test]
	fn only_the_development_chain_has_a_sudo_key_and_every_chain_a_council() {
		for id in preset_names() {
			let name: &str = id.as_ref();
			chain(name).execute_with(|| {
				let dev = name == "development";
				assert_eq!(pallet_sudo::Key::<Runtime>::get().is_some(), dev, "Sudo key on {id:?}");
				let members = pallet_council::Members::<Runtime>::get();
				assert_eq!(members.to_vec(), vec![0, 1, 2, 3, 4]);
				for d in members {
					assert!(
						<Departments as RoleAuthority<crate::AccountId>>::has_role(
							d,
							Role::Councillor
						),
						"{d} holds Councillor"
					);
				}
			});
		}
	}

	#[test]
	fn a_majority_registers_a_department_on_a_chain_without_sudo() {
		chain("civitas-local").execute_with(|| {
			let register =
				RuntimeCall::Departments(pallet_departments::Call::register_department {
					name: b"Ecology and Environment Bureau".to_vec().try_into().expect("short"),
					kind: DepartmentKind::Government,
				});
			let next: DepartmentId = pallet_departments::NextDepartmentId::<Runtime>::get();
			// Alone, the call is refused to an officer, and Sudo has no key to make it.
			assert_eq!(dispatch(Bob, register.clone()), Err(DispatchError::BadOrigin));
			let motion = propose(Bob, register);
			vote(Charlie, motion);
			assert_eq!(outcome(motion), (None, None));
			vote(Dave, motion);
			assert_eq!(outcome(motion), (Some(Outcome::Approved), Some(Ok(()))));
			assert!(pallet_departments::Departments::<Runtime>::contains_key(next));
		});
	}

	#[test]
	fn an_upgrade_needs_four_of_five_members() {
		chain("civitas-local").execute_with(|| {
			let code_hash = H256::repeat_byte(0xc0);
			let motion = propose(
				Bob,
				RuntimeCall::Council(pallet_council::Call::authorize_upgrade { code_hash }),
			);
			for who in [Charlie, Dave] {
				vote(who, motion);
			}
			assert_eq!(outcome(motion), (None, None));
			assert!(System::authorized_upgrade().is_none());
			vote(Eve, motion);
			assert_eq!(outcome(motion), (Some(Outcome::Approved), Some(Ok(()))));
			assert!(System::authorized_upgrade().is_some());
			// `System::set_code` itself stays Root's: a motion carrying it fails to dispatch.
			let motion = propose(
				Bob,
				RuntimeCall::System(polkadot_sdk::frame_system::Call::set_code { code: vec![] }),
			);
			for who in [Charlie, Dave, Eve] {
				vote(who, motion);
			}
			assert_eq!(outcome(motion).1, Some(Err(DispatchError::BadOrigin)));
		});
	}

	#[test]
	fn two_members_pause_real_estate_until_the_pause_ends() {
		chain("civitas-local").execute_with(|| {
			let cancel = || {
				RuntimeCall::RealEstate(pallet_real_estate::Call::cancel_transfer { property: 0 })
			};
			let filtered: DispatchError =
				polkadot_sdk::frame_system::Error::<Runtime>::CallFiltered.into();
			assert_ne!(dispatch(Dave, cancel()), Err(filtered));
			let motion = propose(
				Bob,
				RuntimeCall::Council(pallet_council::Call::pause {
					pallet: b"RealEstate".to_vec().try_into().expect("short"),
					blocks: 2,
				}),
			);
			vote(Ferdie, motion);
			assert_eq!(outcome(motion), (Some(Outcome::Approved), Some(Ok(()))));
			assert_eq!(dispatch(Dave, cancel()), Err(filtered));
			// Inside a batch too.
			let batch = RuntimeCall::Utility(crate::pallet_utility::Call::batch_all {
				calls: vec![cancel()],
			});
			assert!(batch
				.dispatch(crate::RuntimeOrigin::signed(Dave.to_account_id()))
				.is_err_and(|e| e.error == filtered));
			for block in [2, 3] {
				System::set_block_number(block);
				Council::on_initialize(block);
			}
			assert!(!Council::is_paused("RealEstate"));
			assert_ne!(dispatch(Dave, cancel()), Err(filtered));
		});
	}

	#[test]
	fn a_safe_mode_pauses_every_pausable_pallet_in_one_motion() {
		use crate::configs::PausablePallets;
		chain("civitas-local").execute_with(|| {
			let pauses = PausablePallets::get()
				.iter()
				.map(|name| {
					RuntimeCall::Council(pallet_council::Call::pause {
						pallet: name.as_bytes().to_vec().try_into().expect("short"),
						blocks: 10,
					})
				})
				.collect();
			let motion = propose(
				Bob,
				RuntimeCall::Utility(crate::pallet_utility::Call::batch_all { calls: pauses }),
			);
			vote(Eve, motion);
			assert_eq!(outcome(motion), (Some(Outcome::Approved), Some(Ok(()))));
			for name in PausablePallets::get() {
				assert!(Council::is_paused(name), "{name} paused");
			}
			// The council still works: a majority lifts the pause of one pallet early.
			let lift = propose(
				Bob,
				RuntimeCall::Council(pallet_council::Call::unpause {
					pallet: b"Balances".to_vec().try_into().expect("short"),
				}),
			);
			for who in [Charlie, Dave] {
				vote(who, lift);
			}
			assert_eq!(outcome(lift), (Some(Outcome::Approved), Some(Ok(()))));
			assert!(!Council::is_paused("Balances"));
			assert!(Council::is_paused("RealEstate"));
		});
	}
}

/// The council admits and removes validators; sessions hand their keys to Aura and GRANDPA.
mod validators {
	use super::{
		council::{outcome, propose, vote},
		*,
	};
	use crate::{Runtime, RuntimeCall, Session, SessionKeys, System};
	use pallet_validators::Validator;
	use polkadot_sdk::{
		frame_support::traits::Hooks, sp_consensus_aura::sr25519::AuthorityId as AuraId,
		sp_runtime::DispatchError,
	};
	use Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};

	fn run_to_session(index: u32) {
		while Session::current_index() < index {
			let next = System::block_number() + 1;
			System::set_block_number(next);
			Session::on_initialize(next);
		}
	}

	fn aura_authorities() -> Vec<AuraId> {
		polkadot_sdk::pallet_aura::Authorities::<Runtime>::get().into_inner()
	}

	#[test]
	fn genesis_validators_are_operated_by_departments_and_author() {
		chain("civitas-local").execute_with(|| {
			let set = pallet_validators::Validators::<Runtime>::get();
			assert_eq!(set.len(), 4);
			for (k, department) in [(Alice, 0), (Bob, 1), (Charlie, 2), (Dave, 3)] {
				assert!(set.contains(&Validator { account: k.to_account_id(), department }));
			}
			assert_eq!(aura_authorities().len(), 4);
			assert_eq!(
				polkadot_sdk::pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(),
				4
			);
			assert_eq!(pallet_validators::MinValidators::<Runtime>::get(), 3);
		});
	}

	#[test]
	fn two_thirds_of_the_council_admit_a_validator_that_authors_after_setting_keys() {
		use codec::Encode;
		use polkadot_sdk::sp_keystore::{testing::MemoryKeystore, KeystoreExt};

		let mut ext = chain("civitas-local");
		ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
		ext.execute_with(|| {
			let machine = Ferdie.to_account_id();
			let add = RuntimeCall::Validators(pallet_validators::Call::add_validator {
				account: machine.clone(),
				department: 3,
			});
			// A majority is not enough for the network.
			let motion = propose(Bob, add.clone());
			for who in [Charlie, Dave] {
				vote(who, motion);
			}
			assert_eq!(outcome(motion).1, None);
			assert_eq!(dispatch(Bob, add), Err(DispatchError::BadOrigin));
			vote(Eve, motion);
			assert!(pallet_validators::Pallet::<Runtime>::is_validator(&machine));

			// Its operator generates keys on the machine and sets them (no motion), with the
			// proof that it holds them; the same keys for another account are refused.
			let generated = SessionKeys::generate(&machine.encode(), None);
			let keys = generated.keys.clone();
			let set_keys = |who: Sr25519Keyring| {
				dispatch(
					who,
					RuntimeCall::Session(polkadot_sdk::pallet_session::Call::set_keys {
						keys: keys.clone(),
						proof: generated.proof.encode(),
					}),
				)
			};
			assert!(set_keys(Eve).is_err());
			assert_eq!(set_keys(Ferdie), Ok(()));
			run_to_session(2);
			assert!(aura_authorities().contains(&keys.aura));
			assert_eq!(aura_authorities().len(), 5);
		});
	}

	/// Two prevotes of `voter` in round 1 of GRANDPA set `set_id`, for different blocks, the
	/// second signed by `second_signer` (a forgery unless it is `voter`).
	fn double_prevote(
		voter: polkadot_sdk::sp_keyring::Ed25519Keyring,
		second_signer: polkadot_sdk::sp_keyring::Ed25519Keyring,
		set_id: u64,
	) -> polkadot_sdk::sp_consensus_grandpa::EquivocationProof<crate::Hash, crate::BlockNumber> {
		use polkadot_sdk::sp_consensus_grandpa::{localized_payload, Equivocation};
		let signed = |target: u8, signer: polkadot_sdk::sp_keyring::Ed25519Keyring| {
			let prevote = finality_grandpa::Prevote {
				target_hash: crate::Hash::repeat_byte(target),
				target_number: 1,
			};
			let message = finality_grandpa::Message::Prevote(prevote.clone());
			(prevote, signer.sign(&localized_payload(1, set_id, &message)).into())
		};
		polkadot_sdk::sp_consensus_grandpa::EquivocationProof::new(
			set_id,
			Equivocation::Prevote(finality_grandpa::Equivocation {
				round_number: 1,
				identity: voter.public().into(),
				first: signed(1, voter),
				second: signed(2, second_signer),
			}),
		)
	}

	#[test]
	fn an_aura_equivocation_is_proven_on_chain_and_the_validator_disabled() {
		use crate::{Header, Historical, RuntimeEvent};
		use pallet_validators::equivocation::seal_header;
		use polkadot_sdk::{
			frame_support::traits::KeyOwnerProofSystem,
			sp_consensus_aura::AURA_ENGINE_ID,
			sp_consensus_slots::{EquivocationProof, Slot},
			sp_core::{crypto::KeyTypeId, H256},
			sp_keystore::{testing::MemoryKeystore, Keystore, KeystoreExt},
			sp_runtime::traits::Header as _,
		};

		// Bob's node's keystore: his Aura key, which seals his blocks.
		let keystore = MemoryKeystore::new();
		keystore
			.sr25519_generate_new(KeyTypeId(AURA_ENGINE_ID), Some("//Bob"))
			.expect("a development key");
		let mut ext = chain("civitas-local");
		ext.register_extension(KeystoreExt::new(keystore));
		ext.execute_with(|| {
			run_to_session(1);
			let bob = AuraId::from(Bob.public());
			let header = |parent: u8| {
				let header = Header::new(
					2,
					H256::zero(),
					H256::zero(),
					H256::repeat_byte(parent),
					Default::default(),
				);
				seal_header(header, Slot::from(1_000), &bob).expect("Bob's key is in the keystore")
			};
			let proof = EquivocationProof {
				offender: bob.clone(),
				slot: Slot::from(1_000),
				first_header: header(1),
				second_header: header(2),
			};
			let owner = Historical::prove((KeyTypeId(AURA_ENGINE_ID), bob)).expect("Bob's key");
			let report =
				RuntimeCall::Validators(pallet_validators::Call::report_aura_equivocation {
					equivocation_proof: alloc::boxed::Box::new(proof),
					key_owner_proof: owner,
				});
			// Any signed account may report: here an officer of another department.
			assert_eq!(dispatch(Charlie, report.clone()), Ok(()));
			let events: Vec<RuntimeEvent> =
				System::events().into_iter().map(|record| record.event).collect();
			assert!(events.contains(&RuntimeEvent::Validators(
				pallet_validators::Event::OffenceReported {
					account: Bob.to_account_id(),
					department: Some(1),
					session: 1,
				}
			)));
			assert_eq!(Session::disabled_validators().len(), 1);
			assert!(dispatch(Charlie, report).is_err());
		});
	}

	#[test]
	fn a_grandpa_equivocation_is_proven_on_chain_and_the_validator_disabled() {
		use crate::{Grandpa, Historical, RuntimeEvent};
		use polkadot_sdk::{
			frame_support::traits::KeyOwnerProofSystem,
			frame_system::RawOrigin,
			pallet_grandpa::Call as GrandpaCall,
			sp_consensus_grandpa::{AuthorityId as GrandpaId, KEY_TYPE},
			sp_keyring::Ed25519Keyring,
			sp_runtime::traits::Dispatchable,
		};

		chain("civitas-local").execute_with(|| {
			run_to_session(1);
			let set_id = Grandpa::current_set_id();
			let proof = double_prevote(Ed25519Keyring::Bob, Ed25519Keyring::Bob, set_id);
			let bob: GrandpaId = Ed25519Keyring::Bob.public().into();
			let owner = Historical::prove((KEY_TYPE, bob)).expect("Bob's key is in the session");
			let report = |proof, owner| {
				RuntimeCall::Grandpa(GrandpaCall::report_equivocation_unsigned {
					equivocation_proof: alloc::boxed::Box::new(proof),
					key_owner_proof: owner,
				})
				.dispatch(RawOrigin::None.into())
			};

			// A proof with a forged second signature is refused.
			let forged = double_prevote(Ed25519Keyring::Bob, Ed25519Keyring::Charlie, set_id);
			assert!(report(forged, owner.clone()).is_err());
			assert!(Session::disabled_validators().is_empty());

			assert!(report(proof.clone(), owner.clone()).is_ok());
			let events: Vec<RuntimeEvent> =
				System::events().into_iter().map(|record| record.event).collect();
			assert!(events.iter().any(|e| matches!(e, RuntimeEvent::Offences(_))));
			assert!(events.contains(&RuntimeEvent::Validators(
				pallet_validators::Event::OffenceReported {
					account: Bob.to_account_id(),
					department: Some(1),
					session: 1,
				}
			)));
			let bob_index = polkadot_sdk::pallet_session::Validators::<Runtime>::get()
				.iter()
				.position(|v| *v == Bob.to_account_id())
				.expect("Bob validates") as u32;
			assert_eq!(Session::disabled_validators(), vec![bob_index]);
			// The same offence is reported once.
			assert!(report(proof, owner).is_err());
		});
	}
}

/// The council registers the nodes that may exchange blocks; departments manage their own
/// nodes' connections.
mod nodes {
	use super::{
		council::{outcome, propose, vote},
		*,
	};
	use crate::{genesis_config_presets::TEST_NETWORK_NODES, Runtime, RuntimeCall};
	use pallet_nodes::{ed25519_peer_id as peer_id, Call, NodeId};
	use polkadot_sdk::{
		sp_core::{ed25519, Pair},
		sp_io::hashing::sha2_256,
		sp_runtime::DispatchError,
	};
	use Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve};

	#[test]
	fn the_test_networks_peer_ids_are_the_node_keys_zombienet_derives_from_names() {
		for (name, public, _) in TEST_NETWORK_NODES {
			let pair = ed25519::Pair::from_seed(&sha2_256(name.as_bytes()));
			assert_eq!(pair.public().0, public, "node {name}");
		}
	}

	#[test]
	fn only_the_network_tests_chain_registers_nodes() {
		dev_chain().execute_with(|| assert!(pallet_nodes::Nodes::<Runtime>::get().is_empty()));
		chain("civitas-local").execute_with(|| {
			let nodes = pallet_nodes::Nodes::<Runtime>::get();
			assert_eq!(nodes.len(), TEST_NETWORK_NODES.len());
			for (name, public, department) in TEST_NETWORK_NODES {
				let id = NodeId::try_from(peer_id(&public)).expect("a peer id");
				assert_eq!(nodes.get(&id).map(|r| r.department), Some(department), "{name}");
			}
		});
	}

	#[test]
	fn two_thirds_of_the_council_register_a_node_and_its_department_connects_a_peer() {
		chain("civitas-local").execute_with(|| {
			let node = NodeId::try_from(peer_id(&[7; 32])).expect("a peer id");
			let register =
				RuntimeCall::Nodes(Call::register_node { node: node.clone(), department: 1 });
			assert_eq!(dispatch(Bob, register.clone()), Err(DispatchError::BadOrigin));
			let motion = propose(Bob, register);
			for who in [Charlie, Dave] {
				vote(who, motion);
			}
			assert_eq!(outcome(motion).1, None);
			vote(Eve, motion);
			assert_eq!(outcome(motion).1, Some(Ok(())));

			// Market Regulation's officer (//Charlie) connects a peer to its node; the Public
			// Security Bureau's (//Bob) cannot, nor can Sudo's key holder, no officer.
			let peer = NodeId::try_from(peer_id(&[8; 32])).expect("a peer id");
			let connect = RuntimeCall::Nodes(Call::add_connection { node, peer: peer.clone() });
			assert!(dispatch(Bob, connect.clone()).is_err());
			assert!(dispatch(Alice, connect.clone()).is_err());
			assert_eq!(dispatch(Charlie, connect), Ok(()));
			assert!(pallet_nodes::Pallet::<Runtime>::authorized_peers(&peer)
				.is_some_and(|p| p.len() == 1));
		});
	}
}
