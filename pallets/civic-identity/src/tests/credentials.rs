use super::*;
use crate::{
	Credential, CredentialStatus, Credentials, SubjectCredentials, SubjectStatus, Subjects,
};
use civitas_primitives::{testing::MockRoles, CredentialId, Role};
use polkadot_sdk::sp_core::H256;

fn permit() -> CredentialId {
	H256::repeat_byte(0xf1)
}

fn issue(
	who: u64,
	schema: u32,
	from: u64,
	until: Option<u64>,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	CivicIdentity::issue_credential(signed(who), permit(), schema, enterprise(), from, until)
}

#[test]
fn a_department_holding_the_schema_role_issues_a_certificate() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(10);
		assert_ok!(issue(HOUSING_OFFICER, FIRE_PERMIT, 10, Some(110)));

		assert_eq!(
			Credentials::<Test>::get(permit()),
			Some(Credential {
				schema: FIRE_PERMIT,
				subject: enterprise(),
				issuer: HOUSING,
				issued_at: 10,
				valid_from: 10,
				valid_until: Some(110),
				status: CredentialStatus::Active,
				reason: None,
				updated_at: 10,
			})
		);
		assert!(SubjectCredentials::<Test>::contains_key(enterprise(), permit()));
		assert_eq!(Subjects::<Test>::get(enterprise()).unwrap().credentials, 2);
		assert_eq!(
			last_event(),
			Event::CredentialIssued {
				credential: permit(),
				schema: FIRE_PERMIT,
				subject: enterprise(),
				department: HOUSING,
				officer: HOUSING_OFFICER,
				valid_from: 10,
				valid_until: Some(110)
			}
		);
	});
}

#[test]
fn issue_fails_without_the_schema_role() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(issue(POLICE_OFFICER, LICENCE, 1, None), ROLE_NOT_HELD);
		assert_noop!(issue(OUTSIDER, LICENCE, 1, None), NOT_OFFICER);
		MockRoles::revoke(HOUSING, Role::CredentialIssuer);
		assert_noop!(issue(HOUSING_OFFICER, LICENCE, 1, None), ROLE_NOT_HELD);
	});
}

#[test]
fn issue_fails_for_an_unknown_schema_or_subject_or_a_used_id() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(issue(HOUSING_OFFICER, 9, 1, None), Error::<Test>::SchemaNotFound);
		assert_noop!(
			CivicIdentity::issue_credential(
				signed(HOUSING_OFFICER),
				permit(),
				LICENCE,
				subject("nobody"),
				1,
				None
			),
			Error::<Test>::SubjectNotFound
		);
		assert_noop!(
			CivicIdentity::issue_credential(
				signed(HOUSING_OFFICER),
				licence(),
				LICENCE,
				enterprise(),
				1,
				None
			),
			Error::<Test>::CredentialAlreadyExists
		);
	});
}

#[test]
fn issue_fails_for_a_revoked_id() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CivicIdentity::revoke_credential(signed(MARKET_OFFICER), licence(), 1));
		assert_noop!(
			CivicIdentity::issue_credential(
				signed(MARKET_OFFICER),
				licence(),
				LICENCE,
				enterprise(),
				1,
				None
			),
			Error::<Test>::CredentialAlreadyExists
		);
	});
}

#[test]
fn issue_fails_for_an_inactive_subject() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CivicIdentity::set_status(
			signed(MARKET_OFFICER),
			enterprise(),
			SubjectStatus::Suspended,
			1
		));
		assert_noop!(issue(HOUSING_OFFICER, LICENCE, 1, None), Error::<Test>::SubjectNotActive);
	});
}

#[test]
fn issue_checks_the_validity_period() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(50);
		assert_noop!(issue(HOUSING_OFFICER, LICENCE, 1, Some(50)), Error::<Test>::ValidityInPast);
		assert_noop!(
			issue(HOUSING_OFFICER, LICENCE, 60, Some(60)),
			Error::<Test>::ValidityPeriodEmpty
		);
		assert_noop!(
			issue(HOUSING_OFFICER, FIRE_PERMIT, 50, Some(151)),
			Error::<Test>::MaxValidityExceeded
		);
		assert_noop!(
			issue(HOUSING_OFFICER, FIRE_PERMIT, 50, None),
			Error::<Test>::MaxValidityExceeded
		);
		// Backdated to when the inspection happened, within the maximum.
		assert_ok!(issue(HOUSING_OFFICER, FIRE_PERMIT, 40, Some(140)));
	});
}

#[test]
fn issue_fails_when_the_subject_holds_the_maximum() {
	ExtBuilder::default().build_and_execute(|| {
		for byte in [1u8, 2] {
			assert_ok!(CivicIdentity::issue_credential(
				signed(HOUSING_OFFICER),
				H256::repeat_byte(byte),
				LICENCE,
				enterprise(),
				1,
				None
			));
		}
		assert_noop!(
			issue(HOUSING_OFFICER, LICENCE, 1, None),
			Error::<Test>::MaxCredentialsExceeded
		);
	});
}

#[test]
fn the_issuer_suspends_and_reinstates_a_certificate() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(3);
		assert_ok!(CivicIdentity::suspend_credential(signed(MARKET_OFFICER), licence(), 21));
		let record = Credentials::<Test>::get(licence()).unwrap();
		assert_eq!(
			(record.status, record.reason, record.updated_at),
			(CredentialStatus::Suspended, Some(21), 3)
		);
		assert_eq!(
			last_event(),
			Event::CredentialSuspended {
				credential: licence(),
				issuer: MARKET,
				reason: 21,
				by: civitas_primitives::Actor::Account(MARKET_OFFICER)
			}
		);

		assert_ok!(CivicIdentity::reinstate_credential(signed(MARKET_OFFICER), licence()));
		assert_eq!(Credentials::<Test>::get(licence()).unwrap().status, CredentialStatus::Active);
		assert_eq!(
			last_event(),
			Event::CredentialReinstated {
				credential: licence(),
				issuer: MARKET,
				by: civitas_primitives::Actor::Account(MARKET_OFFICER)
			}
		);
	});
}

#[test]
fn governance_revokes_a_certificate_and_it_stays_revoked() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CivicIdentity::suspend_credential(signed(MARKET_OFFICER), licence(), 21));
		assert_ok!(CivicIdentity::revoke_credential(root(), licence(), 22));
		let record = Credentials::<Test>::get(licence()).unwrap();
		assert_eq!((record.status, record.reason), (CredentialStatus::Revoked, Some(22)));
		assert_eq!(
			last_event(),
			Event::CredentialRevoked {
				credential: licence(),
				issuer: MARKET,
				reason: 22,
				by: civitas_primitives::Actor::Governance
			}
		);

		assert_noop!(
			CivicIdentity::reinstate_credential(root(), licence()),
			Error::<Test>::CredentialAlreadyRevoked
		);
		assert_noop!(
			CivicIdentity::revoke_credential(signed(MARKET_OFFICER), licence(), 1),
			Error::<Test>::CredentialAlreadyRevoked
		);
		assert_noop!(
			CivicIdentity::suspend_credential(signed(MARKET_OFFICER), licence(), 1),
			Error::<Test>::CredentialAlreadyRevoked
		);
	});
}

#[test]
fn only_the_issuing_department_changes_a_certificate() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CivicIdentity::revoke_credential(signed(HOUSING_OFFICER), licence(), 1),
			Error::<Test>::NotIssuer
		);
		assert_noop!(
			CivicIdentity::suspend_credential(signed(POLICE_OFFICER), licence(), 1),
			ROLE_NOT_HELD
		);
		assert_noop!(
			CivicIdentity::suspend_credential(signed(OUTSIDER), licence(), 1),
			NOT_OFFICER
		);
		MockRoles::revoke(MARKET, Role::CredentialIssuer);
		assert_noop!(
			CivicIdentity::revoke_credential(signed(MARKET_OFFICER), licence(), 1),
			ROLE_NOT_HELD
		);
	});
}

#[test]
fn changing_fails_for_an_unknown_certificate_or_the_wrong_status() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CivicIdentity::suspend_credential(root(), permit(), 1),
			Error::<Test>::CredentialNotFound
		);
		assert_noop!(
			CivicIdentity::reinstate_credential(signed(MARKET_OFFICER), licence()),
			Error::<Test>::NotSuspended
		);
		assert_ok!(CivicIdentity::suspend_credential(signed(MARKET_OFFICER), licence(), 1));
		assert_noop!(
			CivicIdentity::suspend_credential(signed(MARKET_OFFICER), licence(), 1),
			Error::<Test>::CredentialNotActive
		);
	});
}

#[test]
fn a_certificate_of_a_non_revocable_schema_cannot_be_suspended_or_revoked() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(issue(HOUSING_OFFICER, COMPLETION, 1, None));
		assert_noop!(
			CivicIdentity::suspend_credential(signed(HOUSING_OFFICER), permit(), 1),
			Error::<Test>::NotRevocable
		);
		assert_noop!(
			CivicIdentity::revoke_credential(root(), permit(), 1),
			Error::<Test>::NotRevocable
		);
	});
}
