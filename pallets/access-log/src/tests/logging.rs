use super::*;
use crate::{Accesses, DepartmentAccesses, OrderedId, SubjectAccesses};

#[test]
fn a_tax_officer_logs_an_access_under_a_purpose_its_role_allows() {
	ExtBuilder.build_and_execute(|| {
		let id = tax_officer_logs();
		assert_eq!(id, 0);
		assert_eq!(
			last_event(),
			Event::AccessLogged {
				access: 0,
				department: TAX,
				officer: TAX_OFFICER,
				purpose: TAX_AUDIT,
				case: Some(case(1)),
				subjects: bounded(vec![(person(), RecordKind::Bills)]),
			}
		);
		let access = Accesses::<Test>::get(0).unwrap();
		assert_eq!((access.department, access.officer, access.at), (TAX, TAX_OFFICER, 1));
		assert_eq!(
			SubjectAccesses::<Test>::get(person(), OrderedId::from(0)).unwrap().into_inner(),
			vec![RecordKind::Bills]
		);
		assert!(DepartmentAccesses::<Test>::contains_key((TAX, TAX_AUDIT, OrderedId::from(0))));
		// An auditor may invoke the same purpose: it names both roles.
		assert_ok!(AccessLog::log_access(
			signed(AUDITOR),
			enterprise(),
			RecordKind::Property,
			TAX_AUDIT,
			None
		));
		assert_eq!(Accesses::<Test>::get(1).unwrap().department, AUDIT);
	});
}

#[test]
fn an_officer_whose_role_the_purpose_does_not_allow_is_refused() {
	ExtBuilder.build_and_execute(|| {
		// Housing holds LandRegistrar; the tax audit allows TaxAuthority and Auditor.
		assert_noop!(
			AccessLog::log_access(
				signed(HOUSING_OFFICER),
				person(),
				RecordKind::Property,
				TAX_AUDIT,
				None
			),
			ROLE_NOT_HELD
		);
		// Its own purpose is fine.
		assert_ok!(AccessLog::log_access(
			signed(HOUSING_OFFICER),
			person(),
			RecordKind::Property,
			TITLE_CHECK,
			None
		));
	});
}

#[test]
fn only_officers_of_active_departments_log() {
	ExtBuilder.build_and_execute(|| {
		let log =
			|who| AccessLog::log_access(signed(who), person(), RecordKind::Bills, TAX_AUDIT, None);
		assert_noop!(log(OUTSIDER), NOT_OFFICER);
		assert_noop!(log(PERSON_ACCOUNT), NOT_OFFICER);
		assert_noop!(
			AccessLog::log_access(
				RawOrigin::None.into(),
				person(),
				RecordKind::Bills,
				TAX_AUDIT,
				None
			),
			DispatchError::BadOrigin
		);
		civitas_primitives::testing::MockRoles::suspend(TAX);
		assert_noop!(log(TAX_OFFICER), DEPARTMENT_NOT_ACTIVE);
	});
}

#[test]
fn the_purpose_must_exist_be_active_and_cover_the_kind() {
	ExtBuilder.build_and_execute(|| {
		let log = |kind, purpose| {
			AccessLog::log_access(signed(TAX_OFFICER), person(), kind, purpose, None)
		};
		assert_noop!(log(RecordKind::Bills, 9), Error::<Test>::PurposeNotFound);
		assert_noop!(log(RecordKind::Grants, TAX_AUDIT), Error::<Test>::KindNotCovered);
		assert_ok!(AccessLog::retire_purpose(RawOrigin::Root.into(), TAX_AUDIT));
		assert_noop!(log(RecordKind::Bills, TAX_AUDIT), Error::<Test>::PurposeNotActive);
	});
}

#[test]
fn the_subject_must_be_registered_whatever_its_status() {
	ExtBuilder.build_and_execute(|| {
		let log = |subject| {
			AccessLog::log_access(signed(TAX_OFFICER), subject, RecordKind::Bills, TAX_AUDIT, None)
		};
		assert_noop!(log(case(0x77)), Error::<Test>::SubjectNotFound);
		// A closed enterprise's records are still audited.
		assert_ok!(log(dissolved()));
	});
}

#[test]
fn a_batch_logs_many_subjects_in_one_access() {
	ExtBuilder.build_and_execute(|| {
		let entries = bounded(vec![
			(enterprise(), RecordKind::Bills),
			(dissolved(), RecordKind::Bills),
			(enterprise(), RecordKind::Identity),
			(person(), RecordKind::Property),
		]);
		assert_ok!(AccessLog::log_batch(signed(TAX_OFFICER), entries.clone(), TAX_AUDIT, None));
		assert_eq!(
			last_event(),
			Event::AccessLogged {
				access: 0,
				department: TAX,
				officer: TAX_OFFICER,
				purpose: TAX_AUDIT,
				case: None,
				subjects: entries,
			}
		);
		// One index entry per subject, with every kind of its records used.
		let mut kinds =
			SubjectAccesses::<Test>::get(enterprise(), OrderedId::from(0)).unwrap().into_inner();
		kinds.sort();
		assert_eq!(kinds, vec![RecordKind::Identity, RecordKind::Bills]);
		assert!(SubjectAccesses::<Test>::contains_key(dissolved(), OrderedId::from(0)));
		assert!(SubjectAccesses::<Test>::contains_key(person(), OrderedId::from(0)));
		assert_eq!(crate::NextAccessId::<Test>::get(), 1);
	});
}

#[test]
fn a_batch_is_refused_whole() {
	ExtBuilder.build_and_execute(|| {
		let batch = |entries: Vec<_>| {
			AccessLog::log_batch(signed(TAX_OFFICER), bounded(entries), TAX_AUDIT, None)
		};
		assert_noop!(batch(vec![]), Error::<Test>::EntriesEmpty);
		assert_noop!(
			batch(vec![(person(), RecordKind::Bills), (person(), RecordKind::Bills)]),
			Error::<Test>::DuplicateEntry
		);
		// One unknown subject or uncovered kind refuses the whole batch: nothing is logged.
		assert_noop!(
			batch(vec![(person(), RecordKind::Bills), (case(0x77), RecordKind::Bills)]),
			Error::<Test>::SubjectNotFound
		);
		assert_noop!(
			batch(vec![(person(), RecordKind::Bills), (enterprise(), RecordKind::Credit)]),
			Error::<Test>::KindNotCovered
		);
	});
}

/// Over `MaxBatch` entries, a batch does not decode as a call.
#[test]
fn a_batch_is_bounded() {
	let batch = |n: usize| (vec![(person(), RecordKind::Bills); n], TAX_AUDIT, None::<[u8; 32]>);
	assert!(call_decodes::<crate::Call<Test>>(3, batch(MAX_BATCH as usize)));
	assert!(!call_decodes::<crate::Call<Test>>(3, batch(MAX_BATCH as usize + 1)));
}

#[test]
fn ids_are_never_reused_and_run_out_cleanly() {
	ExtBuilder.build_and_execute(|| {
		crate::NextAccessId::<Test>::put(u64::MAX);
		assert_noop!(
			AccessLog::log_access(
				signed(TAX_OFFICER),
				person(),
				RecordKind::Bills,
				TAX_AUDIT,
				None
			),
			Error::<Test>::IdsExhausted
		);
		crate::NextAccessId::<Test>::put(0);
	});
}
