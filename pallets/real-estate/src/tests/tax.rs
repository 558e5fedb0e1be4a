use super::*;
use crate::{OutstandingTax, TaxAssessments, TaxShare};
use civitas_primitives::{testing::MockBills, BillKind};

/// Assesses the flat (owned by the seller alone) for `period`; returns its one bill.
fn assess(period: u32) -> civitas_primitives::BillId {
	assert_ok!(RealEstate::assess_tax(signed(TAX_OFFICER), FLAT, period, 120_000));
	TaxAssessments::<Test>::get(FLAT, period).unwrap().bills[0].bill
}

#[test]
fn each_owner_is_billed_its_share_through_e_bills() {
	ExtBuilder.build_and_execute(|| {
		let id = register("HD-05-0001", vec![(buyer(), 333), (co_buyer(), 667)]);
		assert_ok!(RealEstate::assess_tax(signed(TAX_OFFICER), id, 2026, 50_001));
		let assessment = TaxAssessments::<Test>::get(id, 2026).unwrap();
		// 333 / 1000 of 50 001 is 16 650.333: rounded down; the remainder goes to the largest
		// share, so the parts sum to the assessed amount.
		let parts: Vec<_> = assessment.bills.iter().map(|p| (p.payer, p.share, p.amount)).collect();
		assert_eq!(parts, vec![(buyer(), 333, 16_650), (co_buyer(), 667, 33_351)]);
		for part in &assessment.bills {
			let bill = MockBills::get(&part.bill).unwrap();
			assert_eq!(
				(bill.department, bill.payer, bill.kind, bill.amount),
				(TAX, Some(part.payer), BillKind::Tax, part.amount)
			);
		}
		assert_eq!(
			last_event(),
			Event::TaxAssessed {
				property: id,
				period: 2026,
				amount: 50_001,
				bills: assessment.bills.clone(),
				department: TAX,
				officer: TAX_OFFICER,
			}
		);
		assert_eq!(RealEstate::tax_bill_number(id, 2026, 1), b"PT-1-2026-1".to_vec());
	});
}

#[test]
fn a_part_rounded_to_nothing_is_not_billed() {
	ExtBuilder.build_and_execute(|| {
		let id = register("HD-05-0002", vec![(buyer(), 999), (co_buyer(), 1)]);
		assert_ok!(RealEstate::assess_tax(signed(TAX_OFFICER), id, 2026, 500));
		let bills = TaxAssessments::<Test>::get(id, 2026).unwrap().bills;
		assert_eq!(bills.len(), 1);
		assert_eq!((bills[0].payer, bills[0].amount), (buyer(), 500));
	});
}

#[test]
fn a_tie_gives_the_remainder_to_the_first_listed() {
	ExtBuilder.build_and_execute(|| {
		let id = register("HD-05-0003", vec![(buyer(), 500), (co_buyer(), 500)]);
		assert_ok!(RealEstate::assess_tax(signed(TAX_OFFICER), id, 2026, 3));
		let bills: Vec<TaxShare> = TaxAssessments::<Test>::get(id, 2026).unwrap().bills.into();
		assert_eq!(
			bills.iter().map(|b| (b.payer, b.amount)).collect::<Vec<_>>(),
			vec![(buyer(), 2), (co_buyer(), 1)]
		);
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
fn transfer_waits_until_every_owner_has_paid() {
	ExtBuilder.build_and_execute(|| {
		let bill = assess(2026);
		open_sale();
		both_consent();
		assert_noop!(complete(FLAT), Error::<Test>::TaxOutstanding);
		assert_eq!(RealEstate::transfer_status(FLAT).unwrap().blockers.outstanding_tax, vec![bill]);
		MockBills::pay(&bill);
		assert_ok!(complete(FLAT));
		assert!(OutstandingTax::<Test>::get(FLAT).is_empty());
	});
}

#[test]
fn settled_assessments_make_room_for_new_ones() {
	ExtBuilder.build_and_execute(|| {
		let first = assess(2024);
		let second = assess(2025);
		assert_noop!(
			RealEstate::assess_tax(signed(TAX_OFFICER), FLAT, 2026, 1),
			Error::<Test>::MaxOutstandingTaxExceeded
		);
		// A bill governance voided in e-bills (its issuer could no longer act) is settled too.
		MockBills::pay(&first);
		MockBills::void(&second);
		assess(2026);
		assert_eq!(OutstandingTax::<Test>::get(FLAT).into_inner(), vec![2026]);
	});
}
