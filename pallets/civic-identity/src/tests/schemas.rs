use super::*;
use crate::{NextSchemaId, Schemas};
use civitas_primitives::Role;

#[test]
fn governance_registers_a_schema() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(4);
		assert_ok!(CivicIdentity::register_schema(
			root(),
			b"Real-estate certificate".to_vec(),
			Role::LandRegistrar,
			None,
			true
		));

		let schema = Schemas::<Test>::get(3).unwrap();
		assert_eq!(schema.name.as_slice(), b"Real-estate certificate");
		assert_eq!(
			(schema.issuer_role, schema.max_validity, schema.revocable, schema.registered_at),
			(Role::LandRegistrar, None, true, 4)
		);
		assert_eq!(NextSchemaId::<Test>::get(), 4);
		assert_eq!(
			last_event(),
			Event::SchemaRegistered {
				schema: 3,
				name: b"Real-estate certificate".to_vec().try_into().unwrap(),
				issuer_role: Role::LandRegistrar,
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
			CivicIdentity::register_schema(
				signed(MARKET_OFFICER),
				b"x".to_vec(),
				Role::CredentialIssuer,
				None,
				true
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn register_schema_fails_for_a_bad_name_or_an_empty_maximum() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CivicIdentity::register_schema(
				root(),
				vec![b'x'; 33],
				Role::CredentialIssuer,
				None,
				true
			),
			Error::<Test>::SchemaNameTooLong
		);
		assert_noop!(
			CivicIdentity::register_schema(root(), vec![], Role::CredentialIssuer, None, true),
			Error::<Test>::SchemaNameEmpty
		);
		assert_noop!(
			CivicIdentity::register_schema(
				root(),
				b"x".to_vec(),
				Role::CredentialIssuer,
				Some(0),
				true
			),
			Error::<Test>::ValidityPeriodEmpty
		);
	});
}

#[test]
fn register_schema_fails_when_ids_run_out() {
	ExtBuilder::default().build_and_execute(|| {
		NextSchemaId::<Test>::put(u32::MAX);
		assert_noop!(
			CivicIdentity::register_schema(
				root(),
				b"x".to_vec(),
				Role::CredentialIssuer,
				None,
				true
			),
			Error::<Test>::MaxSchemasExceeded
		);
	});
}
