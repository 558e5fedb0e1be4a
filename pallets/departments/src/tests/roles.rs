use super::*;
use crate::{Departments as Stored, Role};
use civitas_primitives::RoleAuthority;

#[test]
fn grant_role_adds_a_role_until_revoked() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Departments::grant_role(root(), COURT, Role::CreditRecorder, None));

		assert_eq!(
			Stored::<Test>::get(COURT).unwrap().roles.get(&Role::CreditRecorder),
			Some(&None)
		);
		assert!(Departments::has_role(COURT, Role::CreditRecorder));
		assert_eq!(
			last_event(),
			Event::RoleGranted { department: COURT, role: Role::CreditRecorder, expires_at: None }
		);
	});
}

#[test]
fn a_role_granted_until_a_block_lapses_at_that_block() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Departments::grant_role(root(), COURT, Role::Auditor, Some(5)));
		assert_eq!(
			last_event(),
			Event::RoleGranted { department: COURT, role: Role::Auditor, expires_at: Some(5) }
		);

		System::set_block_number(4);
		assert!(Departments::has_role(COURT, Role::Auditor));
		System::set_block_number(5);
		assert!(!Departments::has_role(COURT, Role::Auditor));
		assert_eq!(Departments::department_with_role(&COURT_ADMIN, Role::Auditor), None);
	});
}

#[test]
fn granting_a_held_role_again_renews_its_expiry() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Departments::grant_role(root(), COURT, Role::Auditor, Some(5)));
		System::set_block_number(6);
		assert!(!Departments::has_role(COURT, Role::Auditor));

		assert_ok!(Departments::grant_role(root(), COURT, Role::Auditor, Some(50)));
		assert!(Departments::has_role(COURT, Role::Auditor));
		assert_eq!(Stored::<Test>::get(COURT).unwrap().roles.len(), 2);
	});
}

#[test]
fn grant_role_refunds_the_weight_of_roles_not_held() {
	ExtBuilder::default().build_and_execute(|| {
		let info = Departments::grant_role(root(), COURT, Role::Auditor, None).unwrap();
		assert!(info.actual_weight.is_some());
	});
}

#[test]
fn grant_role_fails_for_an_expiry_not_in_the_future() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(10);
		assert_noop!(
			Departments::grant_role(root(), COURT, Role::Auditor, Some(10)),
			Error::<Test>::ExpiryInPast
		);
		assert_noop!(
			Departments::grant_role(root(), COURT, Role::Auditor, Some(3)),
			Error::<Test>::ExpiryInPast
		);
	});
}

#[test]
fn grant_role_fails_for_an_unknown_department() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::grant_role(root(), 42, Role::Auditor, None),
			Error::<Test>::DepartmentNotFound
		);
	});
}

#[test]
fn grant_role_fails_for_non_governance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::grant_role(signed(COURT_ADMIN), COURT, Role::Auditor, None),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn grant_role_fails_past_max_roles() {
	ExtBuilder::default().build_and_execute(|| {
		// The registrar holds two roles; the mock allows three.
		assert_ok!(Departments::grant_role(root(), REGISTRAR, Role::Auditor, None));
		assert_noop!(
			Departments::grant_role(root(), REGISTRAR, Role::Court, None),
			Error::<Test>::MaxRolesExceeded
		);
	});
}

#[test]
fn grant_role_prunes_lapsed_grants_to_make_room() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Departments::grant_role(root(), REGISTRAR, Role::Auditor, Some(3)));
		System::set_block_number(3);

		assert_ok!(Departments::grant_role(root(), REGISTRAR, Role::Court, None));
		let roles = Stored::<Test>::get(REGISTRAR).unwrap().roles;
		assert!(!roles.contains_key(&Role::Auditor));
		assert!(roles.contains_key(&Role::Court));
		assert_eq!(roles.len(), 3);
	});
}

#[test]
fn revoke_role_removes_the_role_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(
			Departments::department_with_role(&REGISTRAR_CLERK, Role::CreditRecorder),
			Some(REGISTRAR)
		);
		assert_ok!(Departments::revoke_role(root(), REGISTRAR, Role::CreditRecorder));

		assert!(!Stored::<Test>::get(REGISTRAR).unwrap().roles.contains_key(&Role::CreditRecorder));
		assert_eq!(Departments::department_with_role(&REGISTRAR_CLERK, Role::CreditRecorder), None);
		assert_eq!(
			last_event(),
			Event::RoleRevoked { department: REGISTRAR, role: Role::CreditRecorder }
		);
	});
}

#[test]
fn revoke_role_fails_for_a_role_not_held() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::revoke_role(root(), COURT, Role::Lender),
			Error::<Test>::RoleNotHeld
		);
	});
}

#[test]
fn revoke_role_fails_for_an_unknown_department() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::revoke_role(root(), 42, Role::Court),
			Error::<Test>::DepartmentNotFound
		);
	});
}

#[test]
fn revoke_role_fails_for_non_governance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::revoke_role(signed(COURT_ADMIN), COURT, Role::Court),
			DispatchError::BadOrigin
		);
	});
}
