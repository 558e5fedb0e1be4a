//! The pallet as other pallets see it, through `civitas_primitives::BillIssuer`.

use super::*;
use civitas_primitives::{testing::MockRoles, BillIssuer, BillKind, Role};

fn tax_bill(number: &str) -> Result<BillId, polkadot_sdk::sp_runtime::DispatchError> {
	<EBills as BillIssuer<u64>>::issue(
		&TAX_OFFICER,
		TAX,
		number.as_bytes(),
		Some(person()),
		BillKind::Tax,
		5_000,
		0,
		H256::repeat_byte(4),
	)
}

#[test]
fn another_pallet_issues_a_bill_naming_the_officer() {
	ExtBuilder.build_and_execute(|| {
		let id = tax_bill("PT-2026-1").unwrap();
		assert_eq!(id, EBills::bill_id(&Issuer::Department(TAX), b"PT-2026-1"));
		assert_eq!(
			last_event(),
			Event::BillIssued {
				bill: id,
				issuer: Issuer::Department(TAX),
				by: TAX_OFFICER,
				kind: BillKind::Tax,
				amount: 5_000,
				payer: Some(person()),
			}
		);
		assert_eq!(crate::BillsByPayer::<Test>::get(person(), id), Some(()));
	});
}

#[test]
fn a_pallet_issued_bill_is_checked_like_any_other() {
	ExtBuilder.build_and_execute(|| {
		tax_bill("PT-2026-1").unwrap();
		assert_noop!(tax_bill("PT-2026-1"), Error::<Test>::NumberAlreadyExists);
		assert_noop!(tax_bill(""), Error::<Test>::NumberEmpty);
		assert_noop!(tax_bill(&"9".repeat(40)), Error::<Test>::MaxNumberLengthExceeded);
	});
}

#[test]
fn paid_and_outstanding_follow_the_bill_status() {
	ExtBuilder.build_and_execute(|| {
		let id = tax_bill("PT-2026-1").unwrap();
		let state = || {
			(
				<EBills as BillIssuer<u64>>::is_paid(&id),
				<EBills as BillIssuer<u64>>::is_outstanding(&id),
			)
		};
		assert_eq!(state(), (false, true));
		// The tax bureau is a `BillIssuer` department, so its officer records the payment.
		MockRoles::grant(TAX, Role::BillIssuer);
		assert_ok!(EBills::mark_paid(signed(TAX_OFFICER), id, H256::repeat_byte(1)));
		assert_eq!(state(), (true, false));
		assert_ok!(EBills::claim_reimbursement(signed(INSURER_OFFICER), id, 5_000, H256::zero()));
		assert_eq!(state(), (true, false));

		let voided = tax_bill("PT-2026-2").unwrap();
		assert_ok!(EBills::void(signed(TAX_OFFICER), voided));
		assert!(!<EBills as BillIssuer<u64>>::is_paid(&voided));
		assert!(!<EBills as BillIssuer<u64>>::is_outstanding(&voided));
		assert!(!<EBills as BillIssuer<u64>>::is_outstanding(&H256::zero()));
	});
}
