use super::*;
use crate::{
	DepartmentKind, DepartmentNames, DepartmentStatus, Departments as Stored, NextDepartmentId,
};

#[test]
fn register_department_stores_an_active_department_without_roles() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(7);
		assert_ok!(Departments::register_department(
			root(),
			bounded(b"Audit Office".to_vec()),
			DepartmentKind::Government
		));

		let d = Stored::<Test>::get(2).unwrap();
		assert_eq!(d.name.to_vec(), b"Audit Office".to_vec());
		assert_eq!(d.kind, DepartmentKind::Government);
		assert_eq!(d.status, DepartmentStatus::Active);
		assert!(d.roles.is_empty());
		assert_eq!(d.officers, 0);
		assert_eq!(d.registered_at, 7);
		assert_eq!(NextDepartmentId::<Test>::get(), 3);
		assert_eq!(DepartmentNames::<Test>::get(d.name.clone()), Some(2));
		assert_eq!(
			last_event(),
			Event::DepartmentRegistered {
				department: 2,
				name: d.name,
				kind: DepartmentKind::Government
			}
		);
	});
}

#[test]
fn register_department_fails_for_non_governance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::register_department(
				signed(REGISTRAR_ADMIN),
				bounded(b"X".to_vec()),
				DepartmentKind::Other
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn register_department_fails_when_the_name_is_too_long() {
	ExtBuilder::default().build_and_execute(|| {
		// A call's name over `MaxNameLength` does not decode (call index 0); genesis is refused
		// by name.
		assert!(!call_decodes::<crate::Call<Test>>(0, (vec![b'x'; 33], DepartmentKind::Other)));
		assert!(call_decodes::<crate::Call<Test>>(0, (vec![b'x'; 32], DepartmentKind::Other)));
		assert_noop!(
			Departments::do_register_department(vec![b'x'; 33], DepartmentKind::Other),
			Error::<Test>::MaxNameLengthExceeded
		);
		// Exactly the limit is fine.
		assert_ok!(Departments::register_department(
			root(),
			bounded(vec![b'x'; 32]),
			DepartmentKind::Other
		));
	});
}

#[test]
fn register_department_fails_when_the_name_is_empty() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::register_department(root(), bounded(vec![]), DepartmentKind::Other),
			Error::<Test>::NameEmpty
		);
	});
}

#[test]
fn register_department_fails_when_the_name_is_taken() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Departments::register_department(
				root(),
				bounded(b"District Court".to_vec()),
				DepartmentKind::Court
			),
			Error::<Test>::NameAlreadyExists
		);
	});
}

#[test]
fn register_department_fails_past_max_departments() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Departments::register_department(
			root(),
			bounded(b"Third".to_vec()),
			DepartmentKind::Other
		));
		assert_ok!(Departments::register_department(
			root(),
			bounded(b"Fourth".to_vec()),
			DepartmentKind::Other
		));
		assert_noop!(
			Departments::register_department(
				root(),
				bounded(b"Fifth".to_vec()),
				DepartmentKind::Other
			),
			Error::<Test>::MaxDepartmentsExceeded
		);
	});
}
