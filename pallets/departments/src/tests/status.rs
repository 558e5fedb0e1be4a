use super::*;
use crate::{DepartmentStatus, Departments as Stored, Role};
use civitas_primitives::RoleAuthority;

#[test]
fn suspend_department_takes_every_role_away_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Departments::suspend_department(root(), REGISTRAR));

		assert_eq!(Stored::<Test>::get(REGISTRAR).unwrap().status, DepartmentStatus::Suspended);
		assert!(!Departments::has_role(REGISTRAR, Role::IdentityRegistrar));
		assert_eq!(
			Departments::department_with_role(&REGISTRAR_CLERK, Role::IdentityRegistrar),
			None
		);
		// The officer still serves the department; it just may not act.
		assert_eq!(Departments::department_of(&REGISTRAR_CLERK), Some(REGISTRAR));
		assert_eq!(last_event(), Event::DepartmentSuspended { department: REGISTRAR });
	});
}

#[test]
fn suspend_department_fails_when_already_suspended() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Departments::suspend_department(root(), REGISTRAR));
		assert_noop!(
			Departments::suspend_department(root(), REGISTRAR),
			Error::<Test>::AlreadySuspended
		);
	});
}

#[test]
fn suspend_department_fails_for_an_unknown_department() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::suspend_department(root(), 42),
			Error::<Test>::DepartmentNotFound
		);
	});
}

#[test]
fn suspend_department_fails_for_non_governance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::suspend_department(signed(REGISTRAR_ADMIN), REGISTRAR),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn reinstate_department_restores_its_roles() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Departments::suspend_department(root(), REGISTRAR));
		assert_ok!(Departments::reinstate_department(root(), REGISTRAR));

		assert_eq!(Stored::<Test>::get(REGISTRAR).unwrap().status, DepartmentStatus::Active);
		assert_eq!(
			Departments::department_with_role(&REGISTRAR_CLERK, Role::IdentityRegistrar),
			Some(REGISTRAR)
		);
		assert_eq!(last_event(), Event::DepartmentReinstated { department: REGISTRAR });
	});
}

#[test]
fn reinstate_department_fails_when_not_suspended() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::reinstate_department(root(), REGISTRAR),
			Error::<Test>::NotSuspended
		);
	});
}

#[test]
fn reinstate_department_fails_for_an_unknown_department() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::reinstate_department(root(), 42),
			Error::<Test>::DepartmentNotFound
		);
	});
}

#[test]
fn reinstate_department_fails_for_non_governance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Departments::suspend_department(root(), REGISTRAR));
		assert_noop!(
			Departments::reinstate_department(signed(REGISTRAR_ADMIN), REGISTRAR),
			DispatchError::BadOrigin
		);
	});
}
