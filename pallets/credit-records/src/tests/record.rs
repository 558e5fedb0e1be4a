use super::*;
use crate::{Due, DueQueue, Record, RecordSource, SubjectRecords};
use civitas_primitives::{testing::MockRoles, Role};

#[test]
fn a_recorder_records_a_penalty() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(5);
		assert_ok!(CreditRecords::record(
			signed(TAX_OFFICER),
			enterprise(),
			CreditCategory::Tax,
			-150,
			evidence(1),
			100
		));

		assert_eq!(
			Records::<Test>::get(0),
			Some(Record {
				subject: enterprise(),
				department: TAX,
				source: RecordSource::Officer(TAX_OFFICER),
				category: CreditCategory::Tax,
				score_delta: -150,
				evidence: evidence(1),
				issued_at: 5,
				expires_at: 105,
				status: RecordStatus::Active,
				reason: None,
				updated_at: 5,
			})
		);
		assert_eq!(SubjectRecords::<Test>::get(enterprise()).into_inner(), vec![(0, 105)]);
		assert!(DueQueue::<Test>::contains_key(105, (0, Due::Expiry)));
		assert_eq!(score(enterprise()), 850);
		assert_eq!(CreditRecords::credit_profile(enterprise()).active_records, 1);
		assert!(events().contains(&Event::RecordCreated {
			record: 0,
			subject: enterprise(),
			category: CreditCategory::Tax,
			score_delta: -150,
			department: TAX,
			source: RecordSource::Officer(TAX_OFFICER),
			expires_at: 105
		}));
	});
}

#[test]
fn record_fails_without_the_recorder_role() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::record(
				signed(AUDITOR),
				enterprise(),
				CreditCategory::Tax,
				-1,
				evidence(1),
				10
			),
			ROLE_NOT_HELD
		);
		assert_noop!(
			CreditRecords::record(
				signed(OUTSIDER),
				enterprise(),
				CreditCategory::Tax,
				-1,
				evidence(1),
				10
			),
			NOT_OFFICER
		);
		MockRoles::revoke(TAX, Role::CreditRecorder);
		assert_noop!(record_tax(enterprise(), -1, 10), ROLE_NOT_HELD);
	});
}

#[test]
fn record_fails_for_an_unknown_or_inactive_subject() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(record_tax(dissolved(), -1, 10), Error::<Test>::SubjectNotActive);
		assert_noop!(
			record_tax(polkadot_sdk::sp_core::H256::zero(), -1, 10),
			Error::<Test>::SubjectNotActive
		);
	});
}

#[test]
fn record_checks_the_delta_and_the_publication_period() {
	ExtBuilder::default().with_limit(CreditCategory::Tax, 50).build_and_execute(|| {
		assert_noop!(record_tax(enterprise(), -201, 10), Error::<Test>::ScoreDeltaOutOfRange);
		assert_noop!(record_tax(enterprise(), 201, 10), Error::<Test>::ScoreDeltaOutOfRange);
		assert_noop!(record_tax(enterprise(), i32::MIN, 10), Error::<Test>::ScoreDeltaOutOfRange);
		assert_noop!(record_tax(enterprise(), -1, 0), Error::<Test>::PublicationPeriodZero);
		assert_noop!(record_tax(enterprise(), -1, 51), Error::<Test>::MaxPublicationPeriodExceeded);
		assert_ok!(record_tax(enterprise(), -200, 50));
	});
}

#[test]
fn a_full_index_prunes_the_oldest_record_whose_period_ended() {
	ExtBuilder::default().build_and_execute(|| {
		let short = recorded(enterprise(), -10, 2);
		let long = recorded(enterprise(), -20, 100);
		let third = recorded(enterprise(), -30, 2);
		// Block 3: both short records' periods have ended, but the queue has not run.
		System::set_block_number(3);

		let fourth = recorded(enterprise(), -40, 100);

		assert!(!Records::<Test>::contains_key(short));
		let index: Vec<_> =
			SubjectRecords::<Test>::get(enterprise()).into_iter().map(|(id, _)| id).collect();
		assert_eq!(index, vec![long, third, fourth]);
		assert!(events().contains(&Event::RecordExpired { record: short, subject: enterprise() }));
		assert!(events().contains(&Event::RecordPruned { record: short, subject: enterprise() }));
		// The pruned record no longer counts; the third has ended but is still on file until
		// the queue reaches it.
		assert_eq!(score(enterprise()), 1000 - 20 - 30 - 40);
	});
}

#[test]
fn record_fails_when_the_index_is_full_of_published_records() {
	ExtBuilder::default().build_and_execute(|| {
		for _ in 0..3 {
			assert_ok!(record_tax(enterprise(), -1, 100));
		}
		assert_noop!(record_tax(enterprise(), -1, 100), Error::<Test>::MaxRecordsExceeded);
	});
}

#[test]
fn record_fails_when_ids_run_out() {
	ExtBuilder::default().build_and_execute(|| {
		crate::NextRecordId::<Test>::put(u64::MAX);
		assert_noop!(record_tax(enterprise(), -1, 100), Error::<Test>::IdsExhausted);
	});
}

#[test]
fn another_pallet_records_through_the_trait_with_the_category_limit() {
	use civitas_primitives::CreditRecorder;
	ExtBuilder::default().with_limit(CreditCategory::GrantCompliance, 300).build_and_execute(
		|| {
			let id = <CreditRecords as CreditRecorder>::record(
				&enterprise(),
				COURT,
				*b"fundgrnt",
				CreditCategory::GrantCompliance,
				-100,
				evidence(4),
			)
			.unwrap();
			let record = Records::<Test>::get(id).unwrap();
			assert_eq!(record.source, RecordSource::Pallet(*b"fundgrnt"));
			assert_eq!((record.department, record.expires_at), (COURT, 301));
			assert_eq!(score(enterprise()), 900);
			// Unlike an officer's record, it also reaches a dissolved subject (see
			// `integrity::another_pallets_record_reaches_an_inactive_subject_and_cannot_be_revoked`).
			assert_ok!(<CreditRecords as CreditRecorder>::record(
				&dissolved(),
				COURT,
				*b"fundgrnt",
				CreditCategory::GrantCompliance,
				-100,
				evidence(4),
			));
		},
	);
}
