use super::*;
use crate::{NextSchemaId, Schemas};
use civitas_primitives::{DepartmentId, Role};
use polkadot_sdk::{
	frame_support::{traits::ConstU32, BoundedVec},
	sp_core::H256,
};

fn issuers(departments: &[DepartmentId]) -> BoundedVec<DepartmentId, ConstU32<3>> {
	departments.to_vec().try_into().unwrap()
}

/// Registers a schema of `name` issued by `CredentialIssuer` departments `by`.
fn register(
	origin: RuntimeOrigin,
	name: &[u8],
	by: &[DepartmentId],
	max_validity: Option<u64>,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	CivicIdentity::register_schema(
		origin,
		bounded(name.to_vec()),
		Role::CredentialIssuer,
		issuers(by),
		max_validity,
		true,
	)
}

#[test]
fn governance_registers_a_schema() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(4);
		assert_ok!(CivicIdentity::register_schema(
			root(),
			bounded(b"Real-estate certificate".to_vec()),
			Role::LandRegistrar,
			issuers(&[HOUSING]),
			None,
			true
		));

		let schema = Schemas::<Test>::get(3).unwrap();
		assert_eq!(schema.name.as_slice(), b"Real-estate certificate");
		assert_eq!(
			(schema.issuer_role, schema.max_validity, schema.revocable, schema.registered_at),
			(Role::LandRegistrar, None, true, 4)
		);
		assert_eq!(schema.issuers.into_inner(), vec![HOUSING]);
		assert_eq!(NextSchemaId::<Test>::get(), 4);
		assert_eq!(
			last_event(),
			Event::SchemaRegistered {
				schema: 3,
				name: b"Real-estate certificate".to_vec().try_into().unwrap(),
				issuer_role: Role::LandRegistrar,
				issuers: issuers(&[HOUSING]),
				max_validity: None,
				revocable: true
			}
		);
	});
}

#[test]
fn register_schema_fails_for_anyone_but_governance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			register(signed(MARKET_OFFICER), b"x", &[MARKET], None),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn register_schema_fails_for_a_bad_name_or_an_empty_maximum() {
	ExtBuilder::default().build_and_execute(|| {
		// A call's name over `MaxSchemaNameLength` does not decode (call index 7); genesis is
		// refused by name.
		let args =
			|name: &[u8]| (name.to_vec(), Role::CredentialIssuer, vec![MARKET], None::<u64>, true);
		assert!(!call_decodes::<crate::Call<Test>>(7, args(&[b'x'; 33])));
		assert!(call_decodes::<crate::Call<Test>>(7, args(&[b'x'; 32])));
		assert_noop!(
			CivicIdentity::do_register_schema(
				vec![b'x'; 33],
				Role::CredentialIssuer,
				issuers(&[MARKET]),
				None,
				true
			),
			Error::<Test>::MaxSchemaNameLengthExceeded
		);
		assert_noop!(register(root(), b"", &[MARKET], None), Error::<Test>::SchemaNameEmpty);
		assert_noop!(
			register(root(), b"x", &[MARKET], Some(0)),
			Error::<Test>::ValidityPeriodEmpty
		);
	});
}

#[test]
fn register_schema_fails_without_issuers_or_with_one_twice() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(register(root(), b"x", &[], None), Error::<Test>::SchemaIssuersEmpty);
		assert_noop!(
			register(root(), b"x", &[MARKET, HOUSING, MARKET], None),
			Error::<Test>::DuplicateSchemaIssuer
		);
	});
}

#[test]
fn register_schema_fails_when_ids_run_out() {
	ExtBuilder::default().build_and_execute(|| {
		NextSchemaId::<Test>::put(u32::MAX);
		assert_noop!(register(root(), b"x", &[MARKET], None), Error::<Test>::MaxSchemasExceeded);
	});
}

#[test]
fn a_department_with_the_role_but_not_named_by_the_schema_cannot_issue() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(root(), b"Food permit", &[MARKET], None));
		// Housing holds `CredentialIssuer` too, but the schema names market regulation only.
		assert_noop!(
			CivicIdentity::issue_credential(
				signed(HOUSING_OFFICER),
				H256::repeat_byte(0xc1),
				3,
				enterprise(),
				1,
				None
			),
			Error::<Test>::NotSchemaIssuer
		);
		assert_ok!(CivicIdentity::issue_credential(
			signed(MARKET_OFFICER),
			H256::repeat_byte(0xc1),
			3,
			enterprise(),
			1,
			None
		));
	});
}

#[test]
fn governance_changes_a_schemas_issuers() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(root(), b"Food permit", &[MARKET], None));
		assert_noop!(
			CivicIdentity::set_schema_issuers(signed(MARKET_OFFICER), 3, issuers(&[HOUSING])),
			DispatchError::BadOrigin
		);
		assert_noop!(
			CivicIdentity::set_schema_issuers(root(), 9, issuers(&[HOUSING])),
			Error::<Test>::SchemaNotFound
		);
		assert_noop!(
			CivicIdentity::set_schema_issuers(root(), 3, issuers(&[])),
			Error::<Test>::SchemaIssuersEmpty
		);
		assert_ok!(CivicIdentity::set_schema_issuers(root(), 3, issuers(&[HOUSING])));
		assert_eq!(
			last_event(),
			Event::SchemaIssuersSet { schema: 3, issuers: issuers(&[HOUSING]) }
		);
		assert_noop!(
			CivicIdentity::issue_credential(
				signed(MARKET_OFFICER),
				H256::repeat_byte(0xc1),
				3,
				enterprise(),
				1,
				None
			),
			Error::<Test>::NotSchemaIssuer
		);
	});
}
