//! A credit note exists only as the reversal of a paid bill, and is final.

use super::*;
use civitas_primitives::BillKind;

/// A paid bill reversed; returns the credit note's id.
fn credit_note() -> BillId {
	let id = paid("E-1", 100);
	assert_ok!(EBills::reverse(signed(POWER_OFFICER), id, bounded(*b"R-1"), H256::zero()));
	EBills::bill_id(&Issuer::Department(POWER), b"R-1")
}

#[test]
fn a_credit_note_cannot_be_issued_on_its_own() {
	ExtBuilder.build_and_execute(|| {
		let mut bill = new_bill("R-9", 100);
		bill.kind = BillKind::CreditNote;
		assert_noop!(
			EBills::issue(signed(POWER_OFFICER), bill.clone()),
			Error::<Test>::CreditNoteWithoutOriginal
		);
		assert_noop!(
			EBills::issue_batch(signed(POWER_OFFICER), bounded(vec![new_bill("E-1", 1), bill])),
			Error::<Test>::CreditNoteWithoutOriginal
		);
	});
}

#[test]
fn a_credit_note_cannot_be_paid_voided_or_reversed() {
	ExtBuilder.build_and_execute(|| {
		let note = credit_note();
		assert_noop!(
			EBills::mark_paid(signed(POWER_OFFICER), note, H256::zero()),
			Error::<Test>::IsCreditNote
		);
		assert_noop!(EBills::void(signed(POWER_OFFICER), note), Error::<Test>::IsCreditNote);
		assert_noop!(
			EBills::reverse(signed(POWER_OFFICER), note, bounded(*b"R-2"), H256::zero()),
			Error::<Test>::IsCreditNote
		);
	});
}

#[test]
fn a_credit_note_cannot_be_reimbursed() {
	ExtBuilder.build_and_execute(|| {
		let note = credit_note();
		assert_noop!(
			EBills::claim_reimbursement(signed(INSURER_OFFICER), note, 1, H256::zero()),
			Error::<Test>::IsCreditNote
		);
		assert_noop!(
			EBills::claim_reimbursement(signed(EMPLOYER_ACCOUNT), note, 1, H256::zero()),
			Error::<Test>::IsCreditNote
		);
	});
}

#[test]
fn reimbursers_cannot_be_assigned_to_credit_notes() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			EBills::set_reimbursers(
				RawOrigin::Root.into(),
				BillKind::CreditNote,
				vec![INSURER].try_into().unwrap()
			),
			Error::<Test>::IsCreditNote
		);
	});
}
