use super::*;
use crate::{OutstandingTax, TaxAssessments};
use civitas_primitives::{testing::MockBills, BillKind};

fn assess(period: u32) -> civitas_primitives::BillId {
	assert_ok!(RealEstate::assess_tax(signed(TAX_OFFICER), FLAT, period, 120_000));
	TaxAssessments::<Test>::get(FLAT, period).unwrap().bill
}

#[test]
fn tax_is_billed_to_the_largest_owner_through_e_bills() {
	ExtBuilder.build_and_execute(|| {
		let id = register("HD-05-0001", vec![(buyer(), 300), (co_buyer(), 700)]);
		assert_ok!(RealEstate::assess_tax(signed(TAX_OFFICER), id, 2026, 50_000));
		let assessment = TaxAssessments::<Test>::get(id, 2026).unwrap();
		let bill = MockBills::get(&assessment.bill).unwrap();
		assert_eq!(
			(bill.department, bill.payer, bill.kind, bill.amount),
			(TAX, Some(co_buyer()), BillKind::Tax, 50_000)
		);
		assert_eq!(
			last_event(),
			Event::TaxAssessed {
				property: id,
				period: 2026,
				bill: assessment.bill,
				amount: 50_000,
				payer: co_buyer(),
				department: TAX,
				officer: TAX_OFFICER,
			}
		);
		assert_eq!(RealEstate::tax_bill_number(id, 2026), b"PT-1-2026".to_vec());
	});
}

#[test]
fn a_period_is_assessed_once() {
	ExtBuilder.build_and_execute(|| {
		assess(2026);
		assert_noop!(
			RealEstate::assess_tax(signed(TAX_OFFICER), FLAT, 2026, 1),
			Error::<Test>::AlreadyAssessed
		);
		assert_noop!(
			RealEstate::assess_tax(signed(TAX_OFFICER), FLAT, 2027, 0),
			Error::<Test>::AmountZero
		);
		assert_noop!(RealEstate::assess_tax(signed(REGISTRAR), FLAT, 2027, 1), ROLE_NOT_HELD);
		assert_noop!(
			RealEstate::assess_tax(signed(TAX_OFFICER), 42, 2027, 1),
			Error::<Test>::PropertyNotFound
		);
	});
}

#[test]
fn transfer_waits_until_the_tax_is_paid() {
	ExtBuilder.build_and_execute(|| {
		let bill = assess(2026);
		open_sale();
		both_consent();
		assert_noop!(
			RealEstate::complete_transfer(signed(REGISTRAR), FLAT, H256::zero()),
			Error::<Test>::TaxOutstanding
		);
		assert_eq!(RealEstate::transfer_status(FLAT).unwrap().1.outstanding_tax, vec![bill]);
		MockBills::pay(&bill);
		assert_ok!(RealEstate::complete_transfer(signed(REGISTRAR), FLAT, H256::zero()));
		assert!(OutstandingTax::<Test>::get(FLAT).is_empty());
	});
}

#[test]
fn settled_bills_make_room_for_new_assessments() {
	ExtBuilder.build_and_execute(|| {
		let first = assess(2024);
		let second = assess(2025);
		assert_noop!(
			RealEstate::assess_tax(signed(TAX_OFFICER), FLAT, 2026, 1),
			Error::<Test>::TooManyOutstandingTax
		);
		MockBills::pay(&first);
		MockBills::void(&second);
		assess(2026);
		assert_eq!(OutstandingTax::<Test>::get(FLAT).len(), 1);
	});
}
