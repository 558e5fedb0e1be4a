use super::*;
use crate::{Subject, SubjectStatus, Subjects};
use civitas_primitives::{testing::MockRoles, IdentityProvider, Role, SubjectKind};

#[test]
fn a_registrar_registers_a_person() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(5);
		let id = subject("new person");
		assert_ok!(CivicIdentity::register_subject(
			signed(POLICE_OFFICER),
			id,
			SubjectKind::Person,
			commitment(9),
			None
		));

		assert_eq!(
			Subjects::<Test>::get(id),
			Some(Subject {
				kind: SubjectKind::Person,
				commitment: commitment(9),
				status: SubjectStatus::Active,
				reason: None,
				registrar: POLICE,
				legal_representative: None,
				credentials: 0,
				registered_at: 5,
				updated_at: 5,
			})
		);
		assert!(CivicIdentity::is_active(&id));
		assert_eq!(CivicIdentity::kind(&id), Some(SubjectKind::Person));
		assert_eq!(
			last_event(),
			Event::SubjectRegistered {
				subject: id,
				kind: SubjectKind::Person,
				department: POLICE,
				officer: POLICE_OFFICER
			}
		);
	});
}

#[test]
fn a_registrar_registers_an_enterprise_with_its_legal_representative() {
	ExtBuilder::default().build_and_execute(|| {
		let id = subject("new enterprise");
		assert_ok!(CivicIdentity::register_subject(
			signed(MARKET_OFFICER),
			id,
			SubjectKind::Enterprise,
			commitment(9),
			Some(person())
		));

		assert_eq!(Subjects::<Test>::get(id).unwrap().legal_representative, Some(person()));
		assert_eq!(
			events().split_off(events().len() - 2),
			vec![
				Event::SubjectRegistered {
					subject: id,
					kind: SubjectKind::Enterprise,
					department: MARKET,
					officer: MARKET_OFFICER
				},
				Event::LegalRepresentativeSet {
					subject: id,
					legal_representative: Some(person()),
					department: MARKET,
					officer: MARKET_OFFICER
				}
			]
		);
	});
}

#[test]
fn register_subject_fails_for_a_non_officer() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CivicIdentity::register_subject(
				signed(OUTSIDER),
				subject("x"),
				SubjectKind::Person,
				commitment(1),
				None
			),
			NOT_OFFICER
		);
		assert_noop!(
			CivicIdentity::register_subject(
				root(),
				subject("x"),
				SubjectKind::Person,
				commitment(1),
				None
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn register_subject_fails_for_an_officer_without_the_registrar_role() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CivicIdentity::register_subject(
				signed(HOUSING_OFFICER),
				subject("x"),
				SubjectKind::Person,
				commitment(1),
				None
			),
			ROLE_NOT_HELD
		);
	});
}

#[test]
fn register_subject_fails_once_the_role_has_lapsed() {
	ExtBuilder::default().build_and_execute(|| {
		MockRoles::revoke(POLICE, Role::IdentityRegistrar);
		assert_noop!(
			CivicIdentity::register_subject(
				signed(POLICE_OFFICER),
				subject("x"),
				SubjectKind::Person,
				commitment(1),
				None
			),
			ROLE_NOT_HELD
		);
	});
}

#[test]
fn register_subject_fails_for_an_existing_or_closed_id() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CivicIdentity::register_subject(
				signed(POLICE_OFFICER),
				person(),
				SubjectKind::Person,
				commitment(1),
				None
			),
			Error::<Test>::SubjectAlreadyExists
		);
		assert_ok!(CivicIdentity::set_status(
			signed(POLICE_OFFICER),
			person(),
			SubjectStatus::Closed,
			1
		));
		assert_noop!(
			CivicIdentity::register_subject(
				signed(POLICE_OFFICER),
				person(),
				SubjectKind::Person,
				commitment(1),
				None
			),
			Error::<Test>::SubjectAlreadyExists
		);
	});
}

#[test]
fn register_subject_checks_the_legal_representative() {
	ExtBuilder::default().build_and_execute(|| {
		let register = |kind, representative| {
			CivicIdentity::register_subject(
				signed(MARKET_OFFICER),
				subject("new"),
				kind,
				commitment(1),
				Some(representative),
			)
		};
		assert_noop!(
			register(SubjectKind::Person, person()),
			Error::<Test>::RepresentativeNotAllowed
		);
		assert_noop!(
			register(SubjectKind::Enterprise, subject("nobody")),
			Error::<Test>::RepresentativeNotFound
		);
		assert_noop!(
			register(SubjectKind::Enterprise, enterprise()),
			Error::<Test>::RepresentativeNotPerson
		);
		assert_ok!(CivicIdentity::set_status(
			signed(POLICE_OFFICER),
			person(),
			SubjectStatus::Suspended,
			2
		));
		assert_noop!(
			register(SubjectKind::Enterprise, person()),
			Error::<Test>::RepresentativeNotActive
		);
	});
}

#[test]
fn the_registrar_updates_a_commitment() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(7);
		assert_ok!(CivicIdentity::update_commitment(
			signed(POLICE_OFFICER),
			person(),
			commitment(8)
		));

		let record = Subjects::<Test>::get(person()).unwrap();
		assert_eq!(
			(record.commitment, record.updated_at, record.registered_at),
			(commitment(8), 7, 0)
		);
		assert_eq!(
			last_event(),
			Event::CommitmentUpdated {
				subject: person(),
				commitment: commitment(8),
				department: POLICE,
				officer: POLICE_OFFICER
			}
		);
	});
}

#[test]
fn update_commitment_fails_for_another_registrar_an_unknown_or_a_closed_subject() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CivicIdentity::update_commitment(signed(MARKET_OFFICER), person(), commitment(8)),
			Error::<Test>::NotSubjectRegistrar
		);
		assert_noop!(
			CivicIdentity::update_commitment(signed(POLICE_OFFICER), subject("no"), commitment(8)),
			Error::<Test>::SubjectNotFound
		);
		assert_noop!(
			CivicIdentity::update_commitment(signed(HOUSING_OFFICER), person(), commitment(8)),
			ROLE_NOT_HELD
		);
		assert_ok!(CivicIdentity::set_status(
			signed(POLICE_OFFICER),
			person(),
			SubjectStatus::Closed,
			1
		));
		assert_noop!(
			CivicIdentity::update_commitment(signed(POLICE_OFFICER), person(), commitment(8)),
			Error::<Test>::SubjectAlreadyClosed
		);
	});
}

#[test]
fn the_registrar_suspends_reinstates_and_closes_a_subject() {
	ExtBuilder::default().build_and_execute(|| {
		for (status, reason) in [
			(SubjectStatus::Suspended, 11),
			(SubjectStatus::Active, 12),
			(SubjectStatus::Closed, 13),
		] {
			assert_ok!(CivicIdentity::set_status(
				signed(MARKET_OFFICER),
				enterprise(),
				status,
				reason
			));
			let record = Subjects::<Test>::get(enterprise()).unwrap();
			assert_eq!((record.status, record.reason), (status, Some(reason)));
			assert_eq!(CivicIdentity::is_active(&enterprise()), status == SubjectStatus::Active);
			assert_eq!(
				last_event(),
				Event::SubjectStatusChanged {
					subject: enterprise(),
					status,
					reason,
					department: MARKET,
					officer: MARKET_OFFICER
				}
			);
		}
	});
}

#[test]
fn set_status_fails_when_unchanged_after_closure_or_for_another_registrar() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CivicIdentity::set_status(signed(POLICE_OFFICER), person(), SubjectStatus::Active, 1),
			Error::<Test>::StatusUnchanged
		);
		assert_noop!(
			CivicIdentity::set_status(signed(MARKET_OFFICER), person(), SubjectStatus::Closed, 1),
			Error::<Test>::NotSubjectRegistrar
		);
		assert_noop!(
			CivicIdentity::set_status(signed(AUDITOR), person(), SubjectStatus::Closed, 1),
			ROLE_NOT_HELD
		);
		assert_ok!(CivicIdentity::set_status(
			signed(POLICE_OFFICER),
			person(),
			SubjectStatus::Closed,
			1
		));
		assert_noop!(
			CivicIdentity::set_status(signed(POLICE_OFFICER), person(), SubjectStatus::Active, 1),
			Error::<Test>::SubjectAlreadyClosed
		);
	});
}

#[test]
fn the_registrar_sets_and_clears_a_legal_representative() {
	ExtBuilder::default().build_and_execute(|| {
		let other = subject("other person");
		assert_ok!(CivicIdentity::register_subject(
			signed(POLICE_OFFICER),
			other,
			SubjectKind::Person,
			commitment(3),
			None
		));
		assert_ok!(CivicIdentity::set_legal_representative(
			signed(MARKET_OFFICER),
			enterprise(),
			Some(other)
		));
		assert_eq!(Subjects::<Test>::get(enterprise()).unwrap().legal_representative, Some(other));
		assert_eq!(
			last_event(),
			Event::LegalRepresentativeSet {
				subject: enterprise(),
				legal_representative: Some(other),
				department: MARKET,
				officer: MARKET_OFFICER
			}
		);
		assert_ok!(CivicIdentity::set_legal_representative(
			signed(MARKET_OFFICER),
			enterprise(),
			None
		));
		assert_eq!(Subjects::<Test>::get(enterprise()).unwrap().legal_representative, None);
	});
}

#[test]
fn set_legal_representative_fails_for_a_person_a_bad_representative_or_a_closed_enterprise() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CivicIdentity::set_legal_representative(signed(POLICE_OFFICER), person(), None),
			Error::<Test>::RepresentativeNotAllowed
		);
		assert_noop!(
			CivicIdentity::set_legal_representative(
				signed(MARKET_OFFICER),
				enterprise(),
				Some(enterprise())
			),
			Error::<Test>::RepresentativeNotPerson
		);
		assert_noop!(
			CivicIdentity::set_legal_representative(
				signed(POLICE_OFFICER),
				enterprise(),
				Some(person())
			),
			Error::<Test>::NotSubjectRegistrar
		);
		assert_ok!(CivicIdentity::set_status(
			signed(MARKET_OFFICER),
			enterprise(),
			SubjectStatus::Closed,
			1
		));
		assert_noop!(
			CivicIdentity::set_legal_representative(signed(MARKET_OFFICER), enterprise(), None),
			Error::<Test>::SubjectAlreadyClosed
		);
	});
}
