//! The `EnsureRole` origin that every other pallet relies on.

use super::*;
use crate::{EnsureRole, Role};
use polkadot_sdk::frame_support::{parameter_types, traits::EnsureOrigin};

parameter_types! {
	pub const IdentityRegistrar: Role = Role::IdentityRegistrar;
	pub const Court: Role = Role::Court;
}

type RegistrarOrigin = EnsureRole<Test, IdentityRegistrar>;
type CourtOrigin = EnsureRole<Test, Court>;

#[test]
fn ensure_role_yields_the_department_and_the_officer() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(
			RegistrarOrigin::try_origin(signed(REGISTRAR_CLERK)).ok(),
			Some((REGISTRAR, REGISTRAR_CLERK))
		);
		assert_eq!(CourtOrigin::try_origin(signed(COURT_ADMIN)).ok(), Some((COURT, COURT_ADMIN)));
	});
}

#[test]
fn ensure_role_rejects_an_officer_of_a_department_without_the_role() {
	ExtBuilder::default().build_and_execute(|| {
		assert!(CourtOrigin::try_origin(signed(REGISTRAR_CLERK)).is_err());
	});
}

#[test]
fn ensure_role_rejects_non_officers_root_and_none() {
	ExtBuilder::default().build_and_execute(|| {
		assert!(RegistrarOrigin::try_origin(signed(OUTSIDER)).is_err());
		assert!(RegistrarOrigin::try_origin(root()).is_err());
		assert!(RegistrarOrigin::try_origin(RuntimeOrigin::from(RawOrigin::None)).is_err());
	});
}

#[test]
fn ensure_role_follows_suspension_expiry_and_removal_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Departments::suspend_department(root(), REGISTRAR));
		assert!(RegistrarOrigin::try_origin(signed(REGISTRAR_CLERK)).is_err());
		assert_ok!(Departments::reinstate_department(root(), REGISTRAR));
		assert!(RegistrarOrigin::try_origin(signed(REGISTRAR_CLERK)).is_ok());

		assert_ok!(Departments::grant_role(root(), REGISTRAR, Role::IdentityRegistrar, Some(9)));
		System::set_block_number(9);
		assert!(RegistrarOrigin::try_origin(signed(REGISTRAR_CLERK)).is_err());
		assert_ok!(Departments::grant_role(root(), REGISTRAR, Role::IdentityRegistrar, None));
		assert!(RegistrarOrigin::try_origin(signed(REGISTRAR_CLERK)).is_ok());

		assert_ok!(Departments::remove_officer(root(), REGISTRAR_CLERK));
		assert!(RegistrarOrigin::try_origin(signed(REGISTRAR_CLERK)).is_err());
	});
}

#[test]
fn ensure_officer_names_why_it_refuses() {
	use civitas_primitives::EnsureOfficer;
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(
			RegistrarOrigin::ensure_officer(signed(REGISTRAR_CLERK)),
			Ok((REGISTRAR, REGISTRAR_CLERK))
		);
		assert_eq!(
			RegistrarOrigin::ensure_officer(signed(OUTSIDER)),
			Err(Error::<Test>::NotOfficer.into())
		);
		assert_eq!(
			CourtOrigin::ensure_officer(signed(REGISTRAR_CLERK)),
			Err(Error::<Test>::RoleNotHeld.into())
		);
		assert_eq!(RegistrarOrigin::ensure_officer(root()), Err(DispatchError::BadOrigin));

		assert_ok!(Departments::suspend_department(root(), REGISTRAR));
		assert_eq!(
			RegistrarOrigin::ensure_officer(signed(REGISTRAR_CLERK)),
			Err(Error::<Test>::DepartmentNotActive.into())
		);
		assert_ok!(Departments::reinstate_department(root(), REGISTRAR));

		assert_ok!(Departments::grant_role(root(), REGISTRAR, Role::IdentityRegistrar, Some(9)));
		System::set_block_number(9);
		assert_eq!(
			RegistrarOrigin::ensure_officer(signed(REGISTRAR_CLERK)),
			Err(Error::<Test>::RoleNotHeld.into())
		);
	});
}

#[test]
fn ensure_department_role_agrees_with_has_role() {
	use civitas_primitives::RoleAuthority;
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Departments::ensure_department_role(COURT, Role::Court));
		assert!(Departments::has_role(COURT, Role::Court));
		assert_noop!(
			Departments::ensure_department_role(COURT, Role::LandRegistrar),
			Error::<Test>::RoleNotHeld
		);
		assert_noop!(
			Departments::ensure_department_role(99, Role::Court),
			Error::<Test>::DepartmentNotFound
		);
		assert_ok!(Departments::suspend_department(root(), COURT));
		assert!(!Departments::has_role(COURT, Role::Court));
		assert_noop!(
			Departments::ensure_department_role(COURT, Role::Court),
			Error::<Test>::DepartmentNotActive
		);
	});
}
