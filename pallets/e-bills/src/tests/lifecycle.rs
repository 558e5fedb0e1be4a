use super::*;
use civitas_primitives::BillKind;

#[test]
fn the_issuer_marks_a_bill_paid() {
	ExtBuilder.build_and_execute(|| {
		let id = power_bill("E-1", 100);
		assert_ok!(EBills::mark_paid(signed(POWER_OFFICER), id, H256::repeat_byte(9)));
		let bill = Bills::<Test>::get(id).unwrap();
		assert_eq!(
			(bill.status, bill.payment_reference),
			(BillStatus::Paid, Some(H256::repeat_byte(9)))
		);
		assert_noop!(
			EBills::mark_paid(signed(POWER_OFFICER), id, H256::zero()),
			Error::<Test>::NotUnpaid
		);
	});
}

#[test]
fn only_the_issuer_changes_a_bill() {
	ExtBuilder.build_and_execute(|| {
		let id = power_bill("E-1", 100);
		assert_noop!(
			EBills::mark_paid(signed(SHOP_ACCOUNT), id, H256::zero()),
			Error::<Test>::NotBillIssuer
		);
		assert_noop!(EBills::void(signed(OUTSIDER), id), Error::<Test>::NotIssuer);
		assert_noop!(
			EBills::void(signed(POWER_OFFICER), H256::zero()),
			Error::<Test>::BillNotFound
		);
	});
}

#[test]
fn an_unpaid_bill_is_voided_and_a_paid_one_is_not() {
	ExtBuilder.build_and_execute(|| {
		let unpaid = power_bill("E-1", 100);
		assert_ok!(EBills::void(signed(POWER_OFFICER), unpaid));
		assert_eq!(status(unpaid), BillStatus::Voided);
		assert_eq!(
			last_event(),
			Event::BillVoided {
				bill: unpaid,
				issuer: Issuer::Department(POWER),
				by: POWER_OFFICER
			}
		);
		let settled = paid("E-2", 100);
		assert_noop!(EBills::void(signed(POWER_OFFICER), settled), Error::<Test>::NotUnpaid);
	});
}

#[test]
fn a_paid_bill_is_reversed_by_a_credit_note() {
	ExtBuilder.build_and_execute(|| {
		let id = paid("E-1", 100);
		assert_ok!(EBills::reverse(
			signed(POWER_OFFICER),
			id,
			b"R-1".to_vec(),
			H256::repeat_byte(4)
		));
		assert_eq!(status(id), BillStatus::Reversed);
		let note_id = EBills::bill_id(&Issuer::Department(POWER), b"R-1");
		let note = Bills::<Test>::get(note_id).unwrap();
		assert_eq!((note.kind, note.reverses, note.amount), (BillKind::CreditNote, Some(id), 100));
		assert_eq!(
			last_event(),
			Event::BillReversed {
				bill: id,
				credit_note: note_id,
				issuer: Issuer::Department(POWER),
				by: POWER_OFFICER
			}
		);
	});
}

#[test]
fn reverse_fails_for_an_unpaid_or_reimbursed_bill_or_a_used_number() {
	ExtBuilder.build_and_execute(|| {
		let unpaid = power_bill("E-1", 100);
		assert_noop!(
			EBills::reverse(signed(POWER_OFFICER), unpaid, b"R-1".to_vec(), H256::zero()),
			Error::<Test>::NotReversible
		);
		let settled = paid("E-2", 100);
		assert_noop!(
			EBills::reverse(signed(POWER_OFFICER), settled, b"E-1".to_vec(), H256::zero()),
			Error::<Test>::DuplicateNumber
		);
		assert_noop!(
			EBills::reverse(signed(POWER_OFFICER), settled, vec![b'r'; 17], H256::zero()),
			Error::<Test>::NumberTooLong
		);
		assert_ok!(EBills::claim_reimbursement(signed(INSURER_OFFICER), settled, 10, H256::zero()));
		assert_noop!(
			EBills::reverse(signed(POWER_OFFICER), settled, b"R-2".to_vec(), H256::zero()),
			Error::<Test>::NotReversible
		);
	});
}
