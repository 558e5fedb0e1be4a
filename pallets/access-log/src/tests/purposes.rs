use super::*;
use crate::{PurposeStatus, Purposes};

fn set_purpose(
	origin: RuntimeOrigin,
	code: u16,
	roles: &[Role],
	kinds: &[RecordKind],
) -> polkadot_sdk::sp_runtime::DispatchResult {
	AccessLog::set_purpose(
		origin,
		code,
		bounded(b"Credit review".to_vec()),
		bounded(b"Social Credit Regulation, art. 12".to_vec()),
		bounded(roles.to_vec()),
		bounded(kinds.to_vec()),
	)
}

#[test]
fn governance_adds_changes_and_retires_a_purpose() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(set_purpose(RawOrigin::Root.into(), 7, &[Role::Auditor], &[RecordKind::Credit]));
		assert_eq!(
			last_event(),
			Event::PurposeSet {
				purpose: 7,
				name: bounded(b"Credit review".to_vec()),
				legal_basis: bounded(b"Social Credit Regulation, art. 12".to_vec()),
				roles: bounded(vec![Role::Auditor]),
				kinds: bounded(vec![RecordKind::Credit]),
			}
		);
		// Changed: the auditors may now also read grants.
		assert_ok!(set_purpose(
			RawOrigin::Root.into(),
			7,
			&[Role::Auditor],
			&[RecordKind::Credit, RecordKind::Grants]
		));
		assert_eq!(Purposes::<Test>::get(7).unwrap().kinds.len(), 2);

		assert_ok!(AccessLog::retire_purpose(RawOrigin::Root.into(), 7));
		assert_eq!(last_event(), Event::PurposeRetired { purpose: 7 });
		assert_eq!(Purposes::<Test>::get(7).unwrap().status, PurposeStatus::Retired);
		// A retired code is never reused, and retiring twice is refused.
		assert_noop!(
			set_purpose(RawOrigin::Root.into(), 7, &[Role::Auditor], &[RecordKind::Credit]),
			Error::<Test>::PurposeAlreadyRetired
		);
		assert_noop!(
			AccessLog::retire_purpose(RawOrigin::Root.into(), 7),
			Error::<Test>::PurposeAlreadyRetired
		);
		assert_noop!(
			AccessLog::retire_purpose(RawOrigin::Root.into(), 8),
			Error::<Test>::PurposeNotFound
		);
	});
}

#[test]
fn only_governance_keeps_the_catalogue() {
	ExtBuilder.build_and_execute(|| {
		for who in [TAX_OFFICER, AUDITOR, OUTSIDER] {
			assert_noop!(
				set_purpose(signed(who), 7, &[Role::Auditor], &[RecordKind::Credit]),
				DispatchError::BadOrigin
			);
			assert_noop!(
				AccessLog::retire_purpose(signed(who), TAX_AUDIT),
				DispatchError::BadOrigin
			);
		}
	});
}

#[test]
fn a_purpose_must_be_complete_and_name_each_role_and_kind_once() {
	ExtBuilder.build_and_execute(|| {
		let root = || RuntimeOrigin::from(RawOrigin::Root);
		let credit = [RecordKind::Credit];
		assert_noop!(set_purpose(root(), 7, &[], &credit), Error::<Test>::RolesEmpty);
		assert_noop!(
			set_purpose(root(), 7, &[Role::Auditor, Role::Auditor], &credit),
			Error::<Test>::DuplicateRole
		);
		assert_noop!(set_purpose(root(), 7, &[Role::Auditor], &[]), Error::<Test>::KindsEmpty);
		assert_noop!(
			set_purpose(root(), 7, &[Role::Auditor], &[RecordKind::Credit, RecordKind::Credit]),
			Error::<Test>::DuplicateKind
		);
		let roles: BoundedVec<Role, _> = bounded(vec![Role::Auditor]);
		let kinds: BoundedVec<RecordKind, _> = bounded(credit.to_vec());
		assert_noop!(
			AccessLog::set_purpose(
				root(),
				7,
				bounded(vec![]),
				bounded(b"law".to_vec()),
				roles.clone(),
				kinds.clone()
			),
			Error::<Test>::NameEmpty
		);
		assert_noop!(
			AccessLog::set_purpose(
				root(),
				7,
				bounded(b"n".to_vec()),
				bounded(vec![]),
				roles,
				kinds
			),
			Error::<Test>::LegalBasisEmpty
		);
	});
}

/// Over their bounds, a purpose's name, legal basis and roles do not decode as a call.
#[test]
fn purpose_arguments_are_bounded() {
	let call = |name: usize, roles: usize| {
		(
			7u16,
			vec![b'n'; name],
			b"law".to_vec(),
			vec![Role::Auditor; roles],
			vec![RecordKind::Credit],
		)
	};
	assert!(call_decodes::<crate::Call<Test>>(0, call(32, 2)));
	assert!(!call_decodes::<crate::Call<Test>>(0, call(33, 2)));
	assert!(!call_decodes::<crate::Call<Test>>(0, call(32, 3)));
}

#[test]
fn genesis_refuses_a_broken_catalogue_by_name() {
	use crate::{GenesisConfig, GenesisPurpose};
	ExtBuilder.build_and_execute(|| {
		let config = |name: &str, legal_basis: &str, roles: Vec<Role>| GenesisConfig::<Test> {
			purposes: vec![GenesisPurpose {
				code: 9,
				name: name.into(),
				legal_basis: legal_basis.into(),
				roles,
				kinds: vec![RecordKind::Identity],
			}],
			_config: Default::default(),
		};
		let tax = || vec![Role::TaxAuthority];
		let seed = |c: GenesisConfig<Test>| AccessLog::seed(&c);
		assert_eq!(
			seed(config(&"x".repeat(33), "law", tax())),
			Err(Error::<Test>::MaxNameLengthExceeded.into())
		);
		assert_eq!(
			seed(config("Tax audit", &"x".repeat(65), tax())),
			Err(Error::<Test>::MaxLegalBasisLengthExceeded.into())
		);
		assert_eq!(
			seed(config("Tax audit", "law", vec![Role::TaxAuthority, Role::Auditor, Role::Court])),
			Err(Error::<Test>::MaxPurposeRolesExceeded.into())
		);
		assert_eq!(seed(config("", "law", tax())), Err(Error::<Test>::NameEmpty.into()));
		assert!(!crate::Purposes::<Test>::contains_key(9));
		assert_ok!(seed(config("Tax audit", "law", tax())));
		assert!(crate::Purposes::<Test>::contains_key(9));
	});
}
