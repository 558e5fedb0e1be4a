use super::*;
use crate::{Due, DueQueue, Objection, Objections};

#[test]
fn the_subject_objects_and_the_record_stops_counting() {
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -150, 100);
		System::set_block_number(3);
		assert_ok!(CreditRecords::object(signed(ENTERPRISE_ACCOUNT), id, evidence(2)));

		assert_eq!(status(id), RecordStatus::UnderObjection);
		assert_eq!(score(enterprise()), 1000);
		assert_eq!(CreditRecords::credit_profile(enterprise()).under_objection, 1);
		let deadline = 3 + OBJECTION_PERIOD;
		assert_eq!(
			Objections::<Test>::get(id),
			Some(Objection {
				account: ENTERPRISE_ACCOUNT,
				evidence: evidence(2),
				filed_at: 3,
				deadline,
				escalated: false
			})
		);
		assert!(DueQueue::<Test>::contains_key(deadline, (id, Due::ObjectionDeadline)));
		assert!(events().contains(&Event::ObjectionFiled {
			record: id,
			subject: enterprise(),
			account: ENTERPRISE_ACCOUNT,
			evidence: evidence(2),
			deadline
		}));
	});
}

#[test]
fn object_fails_for_an_account_not_linked_to_the_subject() {
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -150, 100);
		assert_noop!(
			CreditRecords::object(signed(PERSON_ACCOUNT), id, evidence(2)),
			Error::<Test>::NotLinkedToSubject
		);
		assert_noop!(
			CreditRecords::object(signed(OUTSIDER), id, evidence(2)),
			Error::<Test>::NotLinkedToSubject
		);
		assert_noop!(
			CreditRecords::object(signed(ENTERPRISE_ACCOUNT), 7, evidence(2)),
			Error::<Test>::RecordNotFound
		);
	});
}

#[test]
fn a_record_takes_one_objection_only() {
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -150, 100);
		assert_ok!(CreditRecords::object(signed(ENTERPRISE_ACCOUNT), id, evidence(2)));
		assert_noop!(
			CreditRecords::object(signed(ENTERPRISE_ACCOUNT), id, evidence(3)),
			Error::<Test>::AlreadyObjected
		);
		assert_ok!(CreditRecords::uphold(signed(AUDITOR), id, 1));
		assert_noop!(
			CreditRecords::object(signed(ENTERPRISE_ACCOUNT), id, evidence(3)),
			Error::<Test>::AlreadyObjected
		);
	});
}

#[test]
fn object_fails_for_a_closed_record() {
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -150, 100);
		assert_ok!(CreditRecords::revoke(signed(TAX_OFFICER), id, 1));
		assert_noop!(
			CreditRecords::object(signed(ENTERPRISE_ACCOUNT), id, evidence(2)),
			Error::<Test>::RecordNotActive
		);
	});
}

#[test]
fn the_court_rectifies_and_the_score_stays_restored() {
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -150, 100);
		assert_eq!(score(enterprise()), 850);
		assert_ok!(CreditRecords::object(signed(ENTERPRISE_ACCOUNT), id, evidence(2)));
		assert_ok!(CreditRecords::rectify(signed(COURT_OFFICER), id, 41));

		let record = Records::<Test>::get(id).unwrap();
		assert_eq!((record.status, record.reason), (RecordStatus::Rectified, Some(41)));
		assert_eq!(score(enterprise()), 1000);
		assert_eq!(CreditRecords::credit_profile(enterprise()).under_objection, 0);
		assert!(!DueQueue::<Test>::contains_key(101, (id, Due::Expiry)));
		assert!(!DueQueue::<Test>::contains_key(
			1 + OBJECTION_PERIOD,
			(id, Due::ObjectionDeadline)
		));
		assert_eq!(
			last_event(),
			Event::RecordRectified {
				record: id,
				department: COURT,
				officer: COURT_OFFICER,
				reason: 41
			}
		);
	});
}

#[test]
fn an_adjudicator_upholds_and_the_record_counts_again() {
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -150, 100);
		assert_ok!(CreditRecords::object(signed(ENTERPRISE_ACCOUNT), id, evidence(2)));
		assert_ok!(CreditRecords::uphold(signed(AUDITOR), id, 42));

		let record = Records::<Test>::get(id).unwrap();
		assert_eq!((record.status, record.reason), (RecordStatus::Active, Some(42)));
		assert_eq!(score(enterprise()), 850);
		assert!(DueQueue::<Test>::contains_key(101, (id, Due::Expiry)));
		assert!(events().contains(&Event::ObjectionRejected {
			record: id,
			department: AUDIT,
			officer: AUDITOR,
			reason: 42
		}));
	});
}

#[test]
fn the_recording_department_may_not_adjudicate_its_own_record() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CreditRecords::record(
			signed(COURT_OFFICER),
			enterprise(),
			CreditCategory::CourtJudgement,
			-100,
			evidence(1),
			100,
		));
		let id = 0;
		assert_ok!(CreditRecords::object(signed(ENTERPRISE_ACCOUNT), id, evidence(2)));
		assert_noop!(
			CreditRecords::rectify(signed(COURT_OFFICER), id, 1),
			Error::<Test>::AdjudicatorIsRecorder
		);
		assert_noop!(
			CreditRecords::uphold(signed(COURT_OFFICER), id, 1),
			Error::<Test>::AdjudicatorIsRecorder
		);
		assert_ok!(CreditRecords::rectify(signed(AUDITOR), id, 1));
	});
}

#[test]
fn deciding_fails_without_an_objection_or_the_adjudicator_role() {
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -150, 100);
		assert_noop!(
			CreditRecords::uphold(signed(AUDITOR), id, 1),
			Error::<Test>::NotUnderObjection
		);
		assert_noop!(
			CreditRecords::rectify(signed(AUDITOR), id, 1),
			Error::<Test>::NotUnderObjection
		);
		assert_noop!(CreditRecords::rectify(signed(AUDITOR), 5, 1), Error::<Test>::RecordNotFound);
		assert_ok!(CreditRecords::object(signed(ENTERPRISE_ACCOUNT), id, evidence(2)));
		assert_noop!(CreditRecords::rectify(signed(TAX_OFFICER), id, 1), ROLE_NOT_HELD);
		assert_noop!(CreditRecords::uphold(signed(OUTSIDER), id, 1), NOT_OFFICER);
	});
}

#[test]
fn an_undecided_objection_is_escalated_at_its_deadline_and_may_still_be_decided() {
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -150, 100);
		assert_ok!(CreditRecords::object(signed(ENTERPRISE_ACCOUNT), id, evidence(2)));
		let deadline = 1 + OBJECTION_PERIOD;

		run_to_block(deadline - 1);
		assert!(!Objections::<Test>::get(id).unwrap().escalated);
		run_to_block(deadline);

		assert!(Objections::<Test>::get(id).unwrap().escalated);
		assert!(events().contains(&Event::ObjectionEscalated {
			record: id,
			subject: enterprise(),
			department: TAX,
			filed_at: 1
		}));
		// Still not counted, and still decidable.
		assert_eq!(status(id), RecordStatus::UnderObjection);
		assert_eq!(score(enterprise()), 1000);
		assert_ok!(CreditRecords::uphold(signed(AUDITOR), id, 1));
		assert_eq!(score(enterprise()), 850);
	});
}

#[test]
fn a_decided_objection_is_not_escalated() {
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -150, 100);
		assert_ok!(CreditRecords::object(signed(ENTERPRISE_ACCOUNT), id, evidence(2)));
		assert_ok!(CreditRecords::uphold(signed(AUDITOR), id, 1));
		run_to_block(2 + OBJECTION_PERIOD);
		assert!(!Objections::<Test>::get(id).unwrap().escalated);
		assert!(!events().iter().any(|e| matches!(e, Event::ObjectionEscalated { .. })));
	});
}
