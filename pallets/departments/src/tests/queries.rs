//! The queries behind the `DepartmentsApi` runtime API.

use super::*;
use crate::{DepartmentKind, DepartmentStatus, Role};

#[test]
fn departments_info_lists_every_department_by_id() {
	ExtBuilder::default().build_and_execute(|| {
		let all = Departments::departments_info();
		assert_eq!(all.iter().map(|d| d.id).collect::<Vec<_>>(), vec![REGISTRAR, COURT]);
		assert_eq!(all[1].name, b"District Court".to_vec());
		assert_eq!(all[1].kind, DepartmentKind::Court);
		assert_eq!(all[1].status, DepartmentStatus::Active);
		assert_eq!(all[1].officers, 1);
		assert_eq!(all[1].grants, vec![(Role::Court, None)]);
	});
}

#[test]
fn roles_of_lists_only_roles_in_force() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Departments::grant_role(root(), COURT, Role::Auditor, Some(4)));
		assert_eq!(Departments::roles_of(COURT), vec![Role::Court, Role::Auditor]);
		System::set_block_number(4);
		assert_eq!(Departments::roles_of(COURT), vec![Role::Court]);
		let info = Departments::department_info(COURT).unwrap();
		assert_eq!(info.grants, vec![(Role::Court, None), (Role::Auditor, Some(4))]);
		assert_eq!(info.roles_in_force, vec![Role::Court]);
		assert!(Departments::roles_of(42).is_empty());
	});
}

#[test]
fn officers_of_lists_a_departments_officers() {
	ExtBuilder::default().build_and_execute(|| {
		let mut officers: Vec<_> = Departments::officers_of(REGISTRAR)
			.into_iter()
			.map(|o| (o.account, o.department, o.admin))
			.collect();
		officers.sort();
		assert_eq!(
			officers,
			vec![(REGISTRAR_ADMIN, REGISTRAR, true), (REGISTRAR_CLERK, REGISTRAR, false)]
		);
		let clerk = Departments::officer_info(REGISTRAR_CLERK).unwrap();
		assert_eq!(
			(clerk.account, clerk.department, clerk.admin),
			(REGISTRAR_CLERK, REGISTRAR, false)
		);
		assert_eq!(Departments::officer_info(999), None);
		assert!(Departments::officers_of(42).is_empty());
	});
}
