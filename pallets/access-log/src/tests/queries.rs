use super::*;

/// Three accesses to the person's records at blocks 1, 3 and 5 (tax, housing, tax), and one to
/// the enterprise's.
fn three_accesses() {
	tax_officer_logs();
	run_to_block(3);
	assert_ok!(AccessLog::log_access(
		signed(HOUSING_OFFICER),
		person(),
		RecordKind::Property,
		TITLE_CHECK,
		None
	));
	run_to_block(5);
	assert_ok!(AccessLog::log_batch(
		signed(TAX_OFFICER),
		bounded(vec![(enterprise(), RecordKind::Bills), (person(), RecordKind::Identity)]),
		TAX_AUDIT,
		Some(case(2))
	));
}

fn ids(page: Vec<crate::runtime_api::SubjectAccessInfo<u64, u64>>) -> Vec<u64> {
	page.into_iter().map(|a| a.access).collect()
}

#[test]
fn a_subject_sees_who_used_its_records_when_and_why() {
	ExtBuilder.build_and_execute(|| {
		three_accesses();
		let mine = AccessLog::accesses_of(person(), None, None, None, 10);
		assert_eq!(ids(mine.clone()), vec![0, 1, 2]);
		let first = &mine[0];
		assert_eq!(
			(first.at, first.department, first.officer, first.purpose, first.case),
			(1, TAX, TAX_OFFICER, TAX_AUDIT, Some(case(1)))
		);
		assert_eq!(first.kinds, vec![RecordKind::Bills]);
		assert_eq!(mine[2].kinds, vec![RecordKind::Identity]);
		// Its own account reads the same; an account linked to nobody reads nothing.
		assert_eq!(AccessLog::accesses_of_account(PERSON_ACCOUNT, None, None, None, 10), mine);
		assert!(AccessLog::accesses_of_account(OUTSIDER, None, None, None, 10).is_empty());
		// The enterprise sees only its own.
		assert_eq!(ids(AccessLog::accesses_of(enterprise(), None, None, None, 10)), vec![2]);
	});
}

#[test]
fn a_subjects_accesses_page_by_id_and_time_range() {
	ExtBuilder.build_and_execute(|| {
		three_accesses();
		let page =
			|from, to, after, limit| ids(AccessLog::accesses_of(person(), from, to, after, limit));
		assert_eq!(page(None, None, None, 2), vec![0, 1]);
		assert_eq!(page(None, None, Some(1), 2), vec![2]);
		assert_eq!(page(None, None, Some(2), 2), Vec::<u64>::new());
		assert_eq!(page(None, None, Some(u64::MAX), 2), Vec::<u64>::new());
		// Blocks 2..=4 hold only the housing access; 3..=3 too; from 4 on the last one.
		assert_eq!(page(Some(2), Some(4), None, 10), vec![1]);
		assert_eq!(page(Some(3), Some(3), None, 10), vec![1]);
		assert_eq!(page(Some(4), None, None, 10), vec![2]);
		assert_eq!(page(None, Some(0), None, 10), Vec::<u64>::new());
		assert_eq!(page(Some(6), None, None, 10), Vec::<u64>::new());
		// A time range and a cursor together.
		assert_eq!(page(Some(1), Some(5), Some(0), 10), vec![1, 2]);
	});
}

#[test]
fn auditors_read_a_departments_accesses_by_purpose() {
	ExtBuilder.build_and_execute(|| {
		three_accesses();
		let by = |department, purpose, after| {
			AccessLog::accesses_by_department(department, purpose, after, 10)
				.into_iter()
				.map(|a| (a.access, a.subjects.len()))
				.collect::<Vec<_>>()
		};
		assert_eq!(by(TAX, TAX_AUDIT, None), vec![(0, 1), (2, 2)]);
		assert_eq!(by(TAX, TAX_AUDIT, Some(0)), vec![(2, 2)]);
		assert_eq!(by(HOUSING, TITLE_CHECK, None), vec![(1, 1)]);
		assert!(by(HOUSING, TAX_AUDIT, None).is_empty());
		let batch = AccessLog::access_info(2).unwrap();
		assert_eq!(
			batch.subjects,
			vec![(enterprise(), RecordKind::Bills), (person(), RecordKind::Identity)]
		);
		assert_eq!(AccessLog::access_info(3), None);
	});
}

#[test]
fn a_gateway_finds_the_access_that_covers_a_request() {
	ExtBuilder.build_and_execute(|| {
		three_accesses();
		let covering = |kind, department, since| {
			AccessLog::covering_access(person(), kind, department, since).map(|a| a.access)
		};
		assert_eq!(covering(RecordKind::Bills, TAX, 1), Some(0));
		assert_eq!(covering(RecordKind::Identity, TAX, 1), Some(2));
		// Not since block 2; not for another department or kind.
		assert_eq!(covering(RecordKind::Bills, TAX, 2), None);
		assert_eq!(covering(RecordKind::Bills, HOUSING, 1), None);
		assert_eq!(covering(RecordKind::Property, TAX, 1), None);
		assert_eq!(covering(RecordKind::Property, HOUSING, 1), Some(1));
	});
}

#[test]
fn the_catalogue_lists_every_purpose_by_code() {
	ExtBuilder.build_and_execute(|| {
		let purposes = AccessLog::purposes_info();
		assert_eq!(
			purposes.iter().map(|p| p.purpose).collect::<Vec<_>>(),
			vec![TAX_AUDIT, TITLE_CHECK]
		);
		assert_eq!(purposes[1].roles, vec![Role::LandRegistrar]);
		assert_eq!(purposes[0].name, b"Tax audit".to_vec());
	});
}

#[test]
fn pruned_accesses_leave_the_queries() {
	ExtBuilder.build_and_execute(|| {
		three_accesses();
		run_to_block(2 + RETENTION);
		assert_eq!(ids(AccessLog::accesses_of(person(), None, None, None, 10)), vec![1, 2]);
		assert_eq!(ids(AccessLog::accesses_of(person(), Some(1), None, None, 10)), vec![1, 2]);
		assert_eq!(AccessLog::covering_access(person(), RecordKind::Bills, TAX, 0), None);
	});
}
