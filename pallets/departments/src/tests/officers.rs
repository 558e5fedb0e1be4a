use super::*;
use crate::{Actor, DepartmentOfficers, Departments as Stored, Officer, Officers, Role};
use civitas_primitives::RoleAuthority;

#[test]
fn governance_adds_an_officer_to_any_department() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(3);
		assert_ok!(Departments::add_officer(root(), COURT, 21, false));

		assert_eq!(
			Officers::<Test>::get(21),
			Some(Officer { department: COURT, admin: false, added_at: 3 })
		);
		assert!(DepartmentOfficers::<Test>::contains_key(COURT, 21));
		assert_eq!(Stored::<Test>::get(COURT).unwrap().officers, 2);
		assert_eq!(Departments::department_with_role(&21, Role::Court), Some(COURT));
		assert_eq!(
			last_event(),
			Event::OfficerAdded {
				department: COURT,
				officer: 21,
				admin: false,
				by: Actor::Governance
			}
		);
	});
}

#[test]
fn an_admin_adds_an_officer_to_its_own_department() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Departments::add_officer(signed(COURT_ADMIN), COURT, 21, true));

		assert!(Officers::<Test>::get(21).unwrap().admin);
		assert_eq!(
			last_event(),
			Event::OfficerAdded {
				department: COURT,
				officer: 21,
				admin: true,
				by: Actor::Account(COURT_ADMIN)
			}
		);
	});
}

#[test]
fn add_officer_fails_for_an_admin_of_another_department() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::add_officer(signed(REGISTRAR_ADMIN), COURT, 21, false),
			Error::<Test>::NotAuthorized
		);
	});
}

#[test]
fn add_officer_fails_for_an_officer_who_is_not_admin() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::add_officer(signed(REGISTRAR_CLERK), REGISTRAR, 12, false),
			Error::<Test>::NotAuthorized
		);
	});
}

#[test]
fn add_officer_fails_for_a_non_officer() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::add_officer(signed(OUTSIDER), REGISTRAR, 12, false),
			Error::<Test>::NotAuthorized
		);
	});
}

#[test]
fn add_officer_fails_for_an_admin_of_a_suspended_department() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Departments::suspend_department(root(), COURT));
		assert_noop!(
			Departments::add_officer(signed(COURT_ADMIN), COURT, 21, false),
			Error::<Test>::NotAuthorized
		);
		// Governance still may.
		assert_ok!(Departments::add_officer(root(), COURT, 21, false));
	});
}

#[test]
fn add_officer_fails_for_an_account_that_already_serves() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::add_officer(root(), COURT, REGISTRAR_CLERK, false),
			Error::<Test>::OfficerAlreadyExists
		);
		assert_noop!(
			Departments::add_officer(signed(COURT_ADMIN), COURT, COURT_ADMIN, false),
			Error::<Test>::OfficerAlreadyExists
		);
	});
}

#[test]
fn add_officer_fails_for_an_unknown_department() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::add_officer(root(), 42, 21, false),
			Error::<Test>::DepartmentNotFound
		);
	});
}

#[test]
fn add_officer_fails_past_max_officers() {
	ExtBuilder::default().build_and_execute(|| {
		// The registrar has two officers; the mock allows three.
		assert_ok!(Departments::add_officer(root(), REGISTRAR, 12, false));
		assert_noop!(
			Departments::add_officer(root(), REGISTRAR, 13, false),
			Error::<Test>::MaxOfficersExceeded
		);
	});
}

#[test]
fn governance_removes_an_officer_who_loses_its_rights_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Departments::remove_officer(root(), REGISTRAR_CLERK));

		assert_eq!(Officers::<Test>::get(REGISTRAR_CLERK), None);
		assert!(!DepartmentOfficers::<Test>::contains_key(REGISTRAR, REGISTRAR_CLERK));
		assert_eq!(Stored::<Test>::get(REGISTRAR).unwrap().officers, 1);
		assert_eq!(
			Departments::department_with_role(&REGISTRAR_CLERK, Role::IdentityRegistrar),
			None
		);
		assert_eq!(
			last_event(),
			Event::OfficerRemoved {
				department: REGISTRAR,
				officer: REGISTRAR_CLERK,
				by: Actor::Governance
			}
		);
	});
}

#[test]
fn an_admin_removes_an_officer_of_its_own_department() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Departments::remove_officer(signed(REGISTRAR_ADMIN), REGISTRAR_CLERK));
		assert_eq!(
			last_event(),
			Event::OfficerRemoved {
				department: REGISTRAR,
				officer: REGISTRAR_CLERK,
				by: Actor::Account(REGISTRAR_ADMIN)
			}
		);
		// A removed account can be added again, to any department.
		assert_ok!(Departments::add_officer(root(), COURT, REGISTRAR_CLERK, false));
	});
}

#[test]
fn remove_officer_fails_for_an_admin_of_another_department() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::remove_officer(signed(COURT_ADMIN), REGISTRAR_CLERK),
			Error::<Test>::NotAuthorized
		);
	});
}

#[test]
fn remove_officer_fails_for_an_officer_who_is_not_admin() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::remove_officer(signed(REGISTRAR_CLERK), REGISTRAR_ADMIN),
			Error::<Test>::NotAuthorized
		);
	});
}

#[test]
fn remove_officer_fails_for_an_account_that_is_not_an_officer() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Departments::remove_officer(root(), OUTSIDER), Error::<Test>::OfficerNotFound);
	});
}
