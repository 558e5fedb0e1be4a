use super::*;
use crate::{DepartmentKind, GenesisConfig, GenesisDepartment, NextDepartmentId, Role};
use civitas_primitives::RoleAuthority;
use polkadot_sdk::sp_runtime::BuildStorage;

#[test]
fn genesis_registers_departments_roles_and_officers_in_order() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(NextDepartmentId::<Test>::get(), 2);
		assert_eq!(
			Departments::department_info(REGISTRAR).unwrap().name,
			b"Registry Office".to_vec()
		);
		assert_eq!(
			Departments::department_with_role(&REGISTRAR_CLERK, Role::CreditRecorder),
			Some(REGISTRAR)
		);
		assert_eq!(Departments::department_with_role(&COURT_ADMIN, Role::Court), Some(COURT));
	});
}

#[test]
#[should_panic(expected = "genesis departments must be valid")]
fn genesis_with_an_officer_in_two_departments_is_rejected() {
	let seed = |name: &str| GenesisDepartment {
		name: name.into(),
		kind: DepartmentKind::Other,
		roles: vec![],
		officers: vec![(1u64, true)],
	};
	let _ = GenesisConfig::<Test> { departments: vec![seed("A"), seed("B")] }.build_storage();
}
