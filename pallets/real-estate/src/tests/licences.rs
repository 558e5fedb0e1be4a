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
		let (licence, valid) = RealEstate::verify_licence(FLAT, doc).unwrap();
		assert_eq!((licence.kind, licence.issuer, valid), (LicenceKind::FireSafety, HOUSING, true));
		// Expired after its last block.
		System::set_block_number(21);
		assert!(!RealEstate::verify_licence(FLAT, doc).unwrap().1);
		assert!(RealEstate::verify_licence(FLAT, H256::zero()).is_none());
	});
}

#[test]
fn issuing_follows_the_kind_rule() {
	ExtBuilder.build_and_execute(|| {
		let issue = |who, kind| {
			RealEstate::issue_licence(signed(who), FLAT, kind, H256::repeat_byte(0xf2), None)
		};
		assert_noop!(
			issue(HOUSING_OFFICER, LicenceKind::PlanningPermit),
			Error::<Test>::NoLicenceRule
		);
		assert_noop!(issue(OUTSIDER, LicenceKind::FireSafety), NOT_OFFICER);
		// The bank holds no `CredentialIssuer` role: the registry says so.
		assert_noop!(issue(BANKER, LicenceKind::FireSafety), ROLE_NOT_HELD);
		// Completion acceptances only from the housing commission, whatever the role.
		civitas_primitives::testing::MockRoles::grant(BANK, Role::CredentialIssuer);
		assert_noop!(
			issue(BANKER, LicenceKind::ConstructionCompletion),
			Error::<Test>::NotLicenceIssuer
		);
		assert_ok!(issue(BANKER, LicenceKind::FireSafety));
		assert_noop!(issue(HOUSING_OFFICER, LicenceKind::FireSafety), Error::<Test>::LicenceExists);
		assert_noop!(
			RealEstate::issue_licence(
				signed(HOUSING_OFFICER),
				FLAT,
				LicenceKind::FireSafety,
				H256::zero(),
				Some(1)
			),
			Error::<Test>::LicenceExpired
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
			Error::<Test>::TooManyLicences
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
		let (licence, valid) = RealEstate::verify_licence(FLAT, completion()).unwrap();
		assert_eq!((licence.status, valid), (LicenceStatus::Revoked, false));
		assert_noop!(
			RealEstate::revoke_licence(signed(HOUSING_OFFICER), FLAT, completion()),
			Error::<Test>::LicenceRevoked
		);
	});
}

#[test]
fn governance_sets_rules_and_requirements() {
	ExtBuilder.build_and_execute(|| {
		let rule = LicenceRule { role: Role::LandRegistrar, department: None };
		assert_noop!(
			RealEstate::set_licence_rule(
				signed(REGISTRAR),
				LicenceKind::PlanningPermit,
				Some(rule)
			),
			polkadot_sdk::sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(RealEstate::set_licence_rule(
			RawOrigin::Root.into(),
			LicenceKind::PlanningPermit,
			Some(rule)
		));
		assert_eq!(
			last_event(),
			Event::LicenceRuleSet { kind: LicenceKind::PlanningPermit, rule: Some(rule) }
		);
		assert_ok!(RealEstate::issue_licence(
			signed(REGISTRAR),
			FLAT,
			LicenceKind::PlanningPermit,
			H256::zero(),
			None
		));

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
		assert_noop!(
			RealEstate::complete_transfer(signed(REGISTRAR), FLAT, H256::zero()),
			Error::<Test>::LicenceMissing
		);
	});
}

#[test]
fn a_suspended_issuer_cannot_revoke() {
	ExtBuilder.build_and_execute(|| {
		civitas_primitives::testing::MockRoles::suspend(HOUSING);
		assert_noop!(
			RealEstate::revoke_licence(signed(HOUSING_OFFICER), FLAT, completion()),
			DEPARTMENT_SUSPENDED
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
		assert_noop!(issue(4, None), Error::<Test>::TooManyLicences);
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
		assert_noop!(issue(6, None), Error::<Test>::TooManyLicences);
	});
}
