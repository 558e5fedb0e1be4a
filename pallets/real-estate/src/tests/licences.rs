use super::*;
use crate::{LicenceKind, LicenceRule, LicenceStatus};
use civitas_primitives::Role;

#[test]
fn the_allowed_department_issues_and_anyone_verifies() {
	ExtBuilder.build_and_execute(|| {
		let doc = H256::repeat_byte(0xf1);
		assert_ok!(RealEstate::issue_licence(
			signed(HOUSING_OFFICER),
			FLAT,
			LicenceKind::FireSafety,
			doc,
			Some(20)
		));
		assert_eq!(
			last_event(),
			Event::LicenceIssued {
				property: FLAT,
				kind: LicenceKind::FireSafety,
				document_hash: doc,
				department: HOUSING,
				officer: HOUSING_OFFICER,
			}
		);
		let verification = RealEstate::verify_licence(FLAT, doc).unwrap();
		assert_eq!(verification.property, FLAT);
		let (licence, valid) = (verification.licence, verification.valid_now);
		assert_eq!((licence.kind, licence.issuer, valid), (LicenceKind::FireSafety, HOUSING, true));
		// Expired after its last block.
		System::set_block_number(21);
		assert!(!RealEstate::verify_licence(FLAT, doc).unwrap().valid_now);
		assert!(RealEstate::verify_licence(FLAT, H256::zero()).is_none());
	});
}

#[test]
fn issuing_follows_the_kind_rule() {
	ExtBuilder.build_and_execute(|| {
		let issue = |who, kind| {
			RealEstate::issue_licence(signed(who), FLAT, kind, H256::repeat_byte(0xf2), None)
		};
		// Planning permits need `LandRegistrar`, which the housing commission does not hold.
		assert_noop!(issue(HOUSING_OFFICER, LicenceKind::PlanningPermit), ROLE_NOT_HELD);
		assert_noop!(issue(OUTSIDER, LicenceKind::FireSafety), NOT_OFFICER);
		// The bank holds no `CredentialIssuer` role: the registry says so.
		assert_noop!(issue(BANKER, LicenceKind::FireSafety), ROLE_NOT_HELD);
		// With the role, a department the rule does not name still may not issue.
		civitas_primitives::testing::MockRoles::grant(BANK, Role::CredentialIssuer);
		for kind in [LicenceKind::ConstructionCompletion, LicenceKind::FireSafety] {
			assert_noop!(issue(BANKER, kind), Error::<Test>::NotLicenceIssuer);
		}
		// Fire safety names two departments: either issues.
		civitas_primitives::testing::MockRoles::grant(COURT, Role::CredentialIssuer);
		assert_ok!(issue(JUDGE, LicenceKind::FireSafety));
		assert_noop!(
			issue(HOUSING_OFFICER, LicenceKind::FireSafety),
			Error::<Test>::LicenceAlreadyExists
		);
		assert_noop!(
			RealEstate::issue_licence(
				signed(HOUSING_OFFICER),
				FLAT,
				LicenceKind::FireSafety,
				H256::zero(),
				Some(1)
			),
			Error::<Test>::ValidityInPast
		);
		assert_noop!(
			RealEstate::issue_licence(
				signed(HOUSING_OFFICER),
				42,
				LicenceKind::FireSafety,
				H256::zero(),
				None
			),
			Error::<Test>::PropertyNotFound
		);
		for i in 0..2u8 {
			assert_ok!(RealEstate::issue_licence(
				signed(HOUSING_OFFICER),
				FLAT,
				LicenceKind::FireSafety,
				H256::repeat_byte(i),
				None
			));
		}
		assert_noop!(
			RealEstate::issue_licence(
				signed(HOUSING_OFFICER),
				FLAT,
				LicenceKind::FireSafety,
				H256::repeat_byte(9),
				None
			),
			Error::<Test>::MaxLicencesExceeded
		);
	});
}

#[test]
fn only_the_issuer_revokes_and_a_revoked_licence_fails_verification() {
	ExtBuilder.build_and_execute(|| {
		// The court holds no `CredentialIssuer` role; the bank, given it, is not the issuer.
		assert_noop!(RealEstate::revoke_licence(signed(JUDGE), FLAT, completion()), ROLE_NOT_HELD);
		civitas_primitives::testing::MockRoles::grant(BANK, Role::CredentialIssuer);
		assert_noop!(
			RealEstate::revoke_licence(signed(BANKER), FLAT, completion()),
			Error::<Test>::NotLicenceHolder
		);
		assert_noop!(RealEstate::revoke_licence(signed(OUTSIDER), FLAT, completion()), NOT_OFFICER);
		assert_noop!(
			RealEstate::revoke_licence(signed(HOUSING_OFFICER), FLAT, H256::zero()),
			Error::<Test>::LicenceNotFound
		);
		assert_ok!(RealEstate::revoke_licence(signed(HOUSING_OFFICER), FLAT, completion()));
		assert_eq!(
			last_event(),
			Event::LicenceRevoked {
				property: FLAT,
				document_hash: completion(),
				department: HOUSING,
				officer: HOUSING_OFFICER,
			}
		);
		let verification = RealEstate::verify_licence(FLAT, completion()).unwrap();
		assert_eq!(
			(verification.licence.status, verification.valid_now),
			(LicenceStatus::Revoked, false)
		);
		assert_noop!(
			RealEstate::revoke_licence(signed(HOUSING_OFFICER), FLAT, completion()),
			Error::<Test>::LicenceAlreadyRevoked
		);
	});
}

#[test]
fn governance_sets_rules_and_requirements() {
	ExtBuilder.build_and_execute(|| {
		let rule = |departments: Vec<u32>| LicenceRule {
			role: Role::LandRegistrar,
			departments: departments.try_into().unwrap(),
			max_validity: None,
		};
		assert_noop!(
			RealEstate::set_licence_rule(
				signed(REGISTRAR),
				LicenceKind::PlanningPermit,
				rule(vec![OTHER_REGISTRY])
			),
			polkadot_sdk::sp_runtime::DispatchError::BadOrigin
		);
		let root = || -> RuntimeOrigin { RawOrigin::Root.into() };
		// A rule names at least one department, each once.
		assert_noop!(
			RealEstate::set_licence_rule(root(), LicenceKind::PlanningPermit, rule(vec![])),
			Error::<Test>::LicenceIssuersEmpty
		);
		assert_noop!(
			RealEstate::set_licence_rule(
				root(),
				LicenceKind::PlanningPermit,
				rule(vec![OTHER_REGISTRY, OTHER_REGISTRY])
			),
			Error::<Test>::DuplicateIssuer
		);
		assert_ok!(RealEstate::set_licence_rule(
			root(),
			LicenceKind::PlanningPermit,
			rule(vec![OTHER_REGISTRY])
		));
		assert_eq!(
			last_event(),
			Event::LicenceRuleSet {
				kind: LicenceKind::PlanningPermit,
				rule: rule(vec![OTHER_REGISTRY])
			}
		);
		let permit = |who| {
			RealEstate::issue_licence(
				signed(who),
				FLAT,
				LicenceKind::PlanningPermit,
				H256::zero(),
				None,
			)
		};
		assert_noop!(permit(REGISTRAR), Error::<Test>::NotLicenceIssuer);
		assert_ok!(permit(OTHER_REGISTRAR));

		let kinds: polkadot_sdk::frame_support::BoundedVec<_, _> =
			vec![LicenceKind::ConstructionCompletion, LicenceKind::FireSafety].try_into().unwrap();
		assert_ok!(RealEstate::set_required_licences(
			RawOrigin::Root.into(),
			crate::Usage::Residential,
			kinds.clone()
		));
		assert_eq!(
			last_event(),
			Event::RequiredLicencesSet { usage: crate::Usage::Residential, kinds }
		);
		open_sale();
		both_consent();
		assert_noop!(complete(FLAT), Error::<Test>::LicenceMissing);
	});
}

#[test]
fn a_suspended_issuer_cannot_revoke() {
	ExtBuilder.build_and_execute(|| {
		civitas_primitives::testing::MockRoles::suspend(HOUSING);
		assert_noop!(
			RealEstate::revoke_licence(signed(HOUSING_OFFICER), FLAT, completion()),
			DEPARTMENT_NOT_ACTIVE
		);
	});
}

#[test]
fn an_issuer_without_the_role_cannot_revoke() {
	use civitas_primitives::testing::MockRoles;
	ExtBuilder.build_and_execute(|| {
		MockRoles::revoke(HOUSING, Role::CredentialIssuer);
		assert_noop!(
			RealEstate::revoke_licence(signed(HOUSING_OFFICER), FLAT, completion()),
			ROLE_NOT_HELD
		);
	});
}

#[test]
fn revoked_and_expired_licences_free_their_slot() {
	ExtBuilder.build_and_execute(|| {
		let issue = |doc: u8, until| {
			RealEstate::issue_licence(
				signed(HOUSING_OFFICER),
				FLAT,
				LicenceKind::FireSafety,
				H256::repeat_byte(doc),
				until,
			)
		};
		// The flat holds its completion acceptance; three more fill its four slots, one of them
		// expiring at block 5.
		assert_ok!(issue(1, Some(5)));
		assert_ok!(issue(2, None));
		assert_ok!(issue(3, None));
		assert_noop!(issue(4, None), Error::<Test>::MaxLicencesExceeded);
		// Once expired, its slot is reused.
		System::set_block_number(6);
		assert_ok!(issue(4, None));
		assert_eq!(
			System::events().iter().rev().find_map(|r| match &r.event {
				RuntimeEvent::RealEstate(Event::LicencePruned { document_hash, .. }) =>
					Some(*document_hash),
				_ => None,
			}),
			Some(H256::repeat_byte(1))
		);
		assert!(RealEstate::verify_licence(FLAT, H256::repeat_byte(1)).is_none());
		// A revoked one too.
		assert_ok!(RealEstate::revoke_licence(signed(HOUSING_OFFICER), FLAT, H256::repeat_byte(2)));
		assert_ok!(issue(5, None));
		assert!(RealEstate::verify_licence(FLAT, H256::repeat_byte(2)).is_none());
		assert_noop!(issue(6, None), Error::<Test>::MaxLicencesExceeded);
	});
}

#[test]
fn every_licence_kind_needs_a_rule_at_genesis() {
	polkadot_sdk::sp_io::TestExternalities::default().execute_with(|| {
		let only_one = crate::GenesisConfig::<Test> {
			licence_rules: vec![(
				LicenceKind::FireSafety,
				LicenceRule {
					role: Role::CredentialIssuer,
					departments: vec![HOUSING].try_into().unwrap(),
					max_validity: None,
				},
			)],
			..Default::default()
		};
		assert_eq!(RealEstate::seed(&only_one), Err(Error::<Test>::LicenceRuleNotFound.into()));
		let empty = crate::GenesisConfig::<Test> {
			licence_rules: vec![(
				LicenceKind::FireSafety,
				LicenceRule {
					role: Role::CredentialIssuer,
					departments: Default::default(),
					max_validity: None,
				},
			)],
			..Default::default()
		};
		assert_eq!(RealEstate::seed(&empty), Err(Error::<Test>::LicenceIssuersEmpty.into()));
	});
}

#[test]
fn a_rule_bounds_how_long_licences_of_its_kind_run() {
	ExtBuilder.build_and_execute(|| {
		let root = || -> RuntimeOrigin { RawOrigin::Root.into() };
		let rule = |max_validity| LicenceRule {
			role: Role::CredentialIssuer,
			departments: vec![HOUSING].try_into().unwrap(),
			max_validity,
		};
		// A longest validity of zero blocks would forbid the kind outright: refused.
		assert_noop!(
			RealEstate::set_licence_rule(root(), LicenceKind::FireSafety, rule(Some(0))),
			Error::<Test>::InvalidMaxValidity
		);
		assert_ok!(RealEstate::set_licence_rule(root(), LicenceKind::FireSafety, rule(Some(10))));
		let issue = |doc: u8, until| {
			RealEstate::issue_licence(
				signed(HOUSING_OFFICER),
				FLAT,
				LicenceKind::FireSafety,
				H256::repeat_byte(doc),
				until,
			)
		};
		let now = System::block_number();
		// Open-ended, or a block past the longest validity: refused.
		assert_noop!(issue(1, None), Error::<Test>::MaxValidityExceeded);
		assert_noop!(issue(1, Some(now + 11)), Error::<Test>::MaxValidityExceeded);
		// Exactly the longest validity is allowed.
		assert_ok!(issue(1, Some(now + 10)));
		// Other kinds keep their open-ended rules.
		assert_ok!(RealEstate::issue_licence(
			signed(HOUSING_OFFICER),
			FLAT,
			LicenceKind::ConstructionCompletion,
			H256::repeat_byte(2),
			None
		));
		// Lifting the bound lets open-ended licences through again.
		assert_ok!(RealEstate::set_licence_rule(root(), LicenceKind::FireSafety, rule(None)));
		assert_ok!(issue(3, None));
	});
}
