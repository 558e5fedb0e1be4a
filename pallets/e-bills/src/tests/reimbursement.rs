use super::*;
use crate::Claimant;

#[test]
fn an_employer_is_reimbursed_once_and_a_second_claim_fails() {
	ExtBuilder.build_and_execute(|| {
		let id = paid("E-1", 100);
		assert_ok!(EBills::claim_reimbursement(
			signed(EMPLOYER_ACCOUNT),
			id,
			100,
			H256::repeat_byte(5)
		));
		let bill = Bills::<Test>::get(id).unwrap();
		assert_eq!((bill.status, bill.reimbursed), (BillStatus::Reimbursed, 100));
		assert_eq!(
			last_event(),
			Event::ReimbursementClaimed {
				bill: id,
				claimant: Claimant::Enterprise(employer()),
				by: EMPLOYER_ACCOUNT,
				amount: 100,
				remaining: 0,
				claim_reference: H256::repeat_byte(5)
			}
		);
		assert_noop!(
			EBills::claim_reimbursement(signed(INSURER_OFFICER), id, 100, H256::zero()),
			Error::<Test>::AlreadyReimbursed
		);
		assert_noop!(
			EBills::claim_reimbursement(signed(EMPLOYER_ACCOUNT), id, 1, H256::zero()),
			Error::<Test>::AlreadyReimbursed
		);
	});
}

#[test]
fn partial_claims_add_up_to_the_amount_at_most() {
	ExtBuilder.build_and_execute(|| {
		let id = paid("E-1", 100);
		assert_ok!(EBills::claim_reimbursement(signed(INSURER_OFFICER), id, 60, H256::zero()));
		assert_eq!(status(id), BillStatus::PartiallyReimbursed);
		let state = EBills::reimbursement_status(id).unwrap();
		assert_eq!((state.reimbursed, state.remaining), (60, 40));
		assert_noop!(
			EBills::claim_reimbursement(signed(EMPLOYER_ACCOUNT), id, 41, H256::zero()),
			Error::<Test>::ClaimExceedsRemaining
		);
		assert_ok!(EBills::claim_reimbursement(signed(EMPLOYER_ACCOUNT), id, 40, H256::zero()));
		assert_eq!(status(id), BillStatus::Reimbursed);
	});
}

#[test]
fn only_paid_bills_are_reimbursed() {
	ExtBuilder.build_and_execute(|| {
		let unpaid = power_bill("E-1", 100);
		assert_noop!(
			EBills::claim_reimbursement(signed(INSURER_OFFICER), unpaid, 1, H256::zero()),
			Error::<Test>::NotPaid
		);
		assert_ok!(EBills::void(signed(POWER_OFFICER), unpaid));
		assert_noop!(
			EBills::claim_reimbursement(signed(INSURER_OFFICER), unpaid, 1, H256::zero()),
			Error::<Test>::NotReimbursable
		);
		let reversed = paid("E-2", 100);
		assert_ok!(EBills::reverse(
			signed(POWER_OFFICER),
			reversed,
			bounded(*b"R-2"),
			H256::zero()
		));
		assert_noop!(
			EBills::claim_reimbursement(signed(INSURER_OFFICER), reversed, 1, H256::zero()),
			Error::<Test>::NotReimbursable
		);
	});
}

#[test]
fn claims_need_a_claimant_an_amount_and_a_bill() {
	ExtBuilder.build_and_execute(|| {
		let id = paid("E-1", 100);
		assert_noop!(
			EBills::claim_reimbursement(signed(OUTSIDER), id, 1, H256::zero()),
			Error::<Test>::NotClaimant
		);
		assert_noop!(
			EBills::claim_reimbursement(signed(PERSON_ACCOUNT), id, 1, H256::zero()),
			Error::<Test>::NotClaimant
		);
		assert_noop!(
			EBills::claim_reimbursement(signed(INSURER_OFFICER), id, 0, H256::zero()),
			Error::<Test>::AmountZero
		);
		assert_noop!(
			EBills::claim_reimbursement(signed(INSURER_OFFICER), H256::zero(), 1, H256::zero()),
			Error::<Test>::BillNotFound
		);
	});
}
