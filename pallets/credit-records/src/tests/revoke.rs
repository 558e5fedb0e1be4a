use super::*;
use crate::{Due, DueQueue};

#[test]
fn the_recording_department_revokes_a_record() {
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -150, 100);
		System::set_block_number(4);
		assert_ok!(CreditRecords::revoke(signed(TAX_OFFICER), id, 31));

		let record = Records::<Test>::get(id).unwrap();
		assert_eq!(
			(record.status, record.reason, record.updated_at),
			(RecordStatus::Revoked, Some(31), 4)
		);
		assert_eq!(score(enterprise()), 1000);
		assert!(!DueQueue::<Test>::contains_key(101, (id, Due::Expiry)));
		assert!(events().contains(&Event::RecordRevoked {
			record: id,
			department: TAX,
			officer: TAX_OFFICER,
			reason: 31
		}));
	});
}

#[test]
fn a_record_under_objection_may_be_revoked() {
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -150, 100);
		assert_ok!(CreditRecords::object(signed(ENTERPRISE_ACCOUNT), id, evidence(2)));
		assert_ok!(CreditRecords::revoke(signed(TAX_OFFICER), id, 31));
		assert_eq!(status(id), RecordStatus::Revoked);
		assert_eq!(CreditRecords::credit_profile(enterprise()).under_objection, 0);
		assert!(!DueQueue::<Test>::contains_key(
			1 + OBJECTION_PERIOD,
			(id, Due::ObjectionDeadline)
		));
	});
}

#[test]
fn revoke_fails_for_another_department_or_a_closed_record() {
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -150, 100);
		assert_noop!(
			CreditRecords::revoke(signed(COURT_OFFICER), id, 1),
			Error::<Test>::NotRecorder
		);
		assert_noop!(CreditRecords::revoke(signed(AUDITOR), id, 1), ROLE_NOT_HELD);
		assert_noop!(
			CreditRecords::revoke(signed(TAX_OFFICER), 9, 1),
			Error::<Test>::RecordNotFound
		);
		assert_ok!(CreditRecords::revoke(signed(TAX_OFFICER), id, 1));
		assert_noop!(
			CreditRecords::revoke(signed(TAX_OFFICER), id, 1),
			Error::<Test>::RecordAlreadyClosed
		);
	});
}
