use super::*;
use crate::{runtime_api::CredentialVerification, CredentialStatus, SubjectStatus};
use civitas_primitives::{CredentialVerifier, IdentityProvider, SubjectKind};
use polkadot_sdk::sp_core::H256;

#[test]
fn verify_reports_a_valid_certificate() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(
			CivicIdentity::verify(licence()),
			Some(CredentialVerification {
				credential: licence(),
				schema: LICENCE,
				holder_matches: None,
				issuer: MARKET,
				status: CredentialStatus::Active,
				reason: None,
				issued_at: 0,
				valid_from: 0,
				valid_until: None,
				subject_status: Some(SubjectStatus::Active),
				valid_now: true,
			})
		);
		assert!(CivicIdentity::is_valid(&licence(), LICENCE));
		assert!(!CivicIdentity::is_valid(&licence(), FIRE_PERMIT));
		assert_eq!(CivicIdentity::holder_of(&licence()), Some(enterprise()));
		assert_eq!(CivicIdentity::verify(H256::zero()), None);
		assert!(!CivicIdentity::is_valid(&H256::zero(), LICENCE));
	});
}

#[test]
fn verify_accounts_for_the_validity_period_at_the_current_block() {
	ExtBuilder::default().build_and_execute(|| {
		let permit = H256::repeat_byte(7);
		assert_ok!(CivicIdentity::issue_credential(
			signed(HOUSING_OFFICER),
			permit,
			FIRE_PERMIT,
			enterprise(),
			5,
			Some(20)
		));
		let valid_at = |block| {
			System::set_block_number(block);
			CivicIdentity::verify(permit).unwrap().valid_now
		};
		assert!(!valid_at(4));
		assert!(valid_at(5));
		assert!(valid_at(19));
		assert!(!valid_at(20));
		assert!(!CivicIdentity::is_valid(&permit, FIRE_PERMIT));
	});
}

#[test]
fn verify_shows_suspended_and_revoked_certificates_as_not_valid() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CivicIdentity::suspend_credential(signed(MARKET_OFFICER), licence(), 5));
		let v = CivicIdentity::verify(licence()).unwrap();
		assert_eq!(
			(v.status, v.reason, v.valid_now),
			(CredentialStatus::Suspended, Some(5), false)
		);
		assert_ok!(CivicIdentity::revoke_credential(signed(MARKET_OFFICER), licence(), 6));
		let v = CivicIdentity::verify(licence()).unwrap();
		assert_eq!((v.status, v.reason, v.valid_now), (CredentialStatus::Revoked, Some(6), false));
	});
}

#[test]
fn a_certificate_of_an_inactive_subject_does_not_verify() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CivicIdentity::set_status(
			signed(MARKET_OFFICER),
			enterprise(),
			SubjectStatus::Closed,
			1
		));
		let v = CivicIdentity::verify(licence()).unwrap();
		assert_eq!(v.status, CredentialStatus::Active);
		assert_eq!(v.subject_status, Some(SubjectStatus::Closed));
		assert!(!v.valid_now);
		assert!(!CivicIdentity::is_active(&enterprise()));
	});
}

#[test]
fn credentials_of_lists_a_subjects_certificates() {
	ExtBuilder::default().build_and_execute(|| {
		let permit = H256::repeat_byte(7);
		assert_ok!(CivicIdentity::issue_credential(
			signed(HOUSING_OFFICER),
			permit,
			FIRE_PERMIT,
			enterprise(),
			1,
			Some(50)
		));
		let mut ids: Vec<_> =
			CivicIdentity::credentials_of(enterprise()).into_iter().map(|v| v.credential).collect();
		ids.sort();
		let mut expected = vec![licence(), permit];
		expected.sort();
		assert_eq!(ids, expected);
		assert!(CivicIdentity::credentials_of(person()).is_empty());
	});
}

#[test]
fn queries_report_subjects_links_and_schemas() {
	ExtBuilder::default().with_link(person(), CITIZEN).build_and_execute(|| {
		let info = CivicIdentity::subject_info(person()).unwrap();
		assert_eq!((info.record.kind, info.accounts), (SubjectKind::Person, vec![CITIZEN]));
		assert_eq!(CivicIdentity::subject_of(&CITIZEN), Some(person()));
		assert_eq!(CivicIdentity::subject_info(subject("nobody")), None);
		let names: Vec<_> =
			CivicIdentity::schemas_info().into_iter().map(|s| (s.id, s.name)).collect();
		assert_eq!(
			names,
			vec![
				(0, b"Business licence".to_vec()),
				(1, b"Fire-safety permit".to_vec()),
				(2, b"Completion acceptance".to_vec())
			]
		);
	});
}

#[test]
fn verification_names_no_holder_but_checks_the_one_presented() {
	ExtBuilder::default().build_and_execute(|| {
		// The verifier is told nothing of the holder...
		assert_eq!(CivicIdentity::verify(licence()).unwrap().holder_matches, None);
		// ...but the holder's presentation is checked against the certificate.
		let shown = CivicIdentity::verify_presentation(licence(), enterprise()).unwrap();
		assert_eq!((shown.holder_matches, shown.valid_now), (Some(true), true));
		let forged = CivicIdentity::verify_presentation(licence(), person()).unwrap();
		assert_eq!((forged.holder_matches, forged.valid_now), (Some(false), false));
		assert!(CivicIdentity::verify_presentation(H256::zero(), person()).is_none());
		// A subject's own list confirms each certificate is its own.
		assert!(CivicIdentity::credentials_of(enterprise())
			.iter()
			.all(|c| c.holder_matches == Some(true)));
	});
}
