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
			bounded(*b"R-1"),
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
			EBills::reverse(signed(POWER_OFFICER), unpaid, bounded(*b"R-1"), H256::zero()),
			Error::<Test>::NotReversible
		);
		let settled = paid("E-2", 100);
		assert_noop!(
			EBills::reverse(signed(POWER_OFFICER), settled, bounded(*b"E-1"), H256::zero()),
			Error::<Test>::NumberAlreadyExists
		);
		// A credit-note number over `MaxNumberLength` does not decode (call index 6).
		assert!(!call_decodes::<crate::Call<Test>>(6, (settled, vec![b'r'; 17], H256::zero())));
		assert!(call_decodes::<crate::Call<Test>>(6, (settled, vec![b'r'; 16], H256::zero())));
		assert_ok!(EBills::claim_reimbursement(signed(INSURER_OFFICER), settled, 10, H256::zero()));
		assert_noop!(
			EBills::reverse(signed(POWER_OFFICER), settled, bounded(*b"R-2"), H256::zero()),
			Error::<Test>::NotReversible
		);
	});
}

#[test]
fn governance_resolves_a_bill_only_once_its_issuer_cannot_act() {
	ExtBuilder.build_and_execute(|| {
		let root: RuntimeOrigin = RawOrigin::Root.into();
		let settled = power_bill("E-1", 100);
		let withdrawn = power_bill("E-2", 100);
		let paid_already = paid("E-3", 100);
		let reference = H256::repeat_byte(4);
		let pay = crate::Resolution::Paid { payment_reference: reference };
		// While the power company can act, its bills are its own business.
		assert_noop!(
			EBills::resolve_unpaid(root.clone(), settled, pay),
			Error::<Test>::IssuerCanAct
		);
		assert_noop!(
			EBills::resolve_unpaid(signed(POWER_OFFICER), settled, pay),
			polkadot_sdk::sp_runtime::DispatchError::BadOrigin
		);

		MockRoles::suspend(POWER);
		assert_noop!(
			EBills::mark_paid(signed(POWER_OFFICER), settled, reference),
			DEPARTMENT_NOT_ACTIVE
		);
		assert_ok!(EBills::resolve_unpaid(root.clone(), settled, pay));
		let bill = Bills::<Test>::get(settled).unwrap();
		assert_eq!((bill.status, bill.payment_reference), (BillStatus::Paid, Some(reference)));
		assert_eq!(
			last_event(),
			Event::BillResolved {
				bill: settled,
				issuer: Issuer::Department(POWER),
				resolution: pay
			}
		);
		assert_ok!(EBills::resolve_unpaid(root.clone(), withdrawn, crate::Resolution::Voided));
		assert_eq!(status(withdrawn), BillStatus::Voided);
		assert_noop!(
			EBills::resolve_unpaid(root.clone(), paid_already, crate::Resolution::Voided),
			Error::<Test>::NotUnpaid
		);
		assert_noop!(
			EBills::resolve_unpaid(root, H256::zero(), crate::Resolution::Voided),
			Error::<Test>::BillNotFound
		);
	});
}

#[test]
fn governance_resolves_the_bills_of_a_disabled_enterprise() {
	ExtBuilder.build_and_execute(|| {
		let root: RuntimeOrigin = RawOrigin::Root.into();
		assert_ok!(EBills::issue(signed(SHOP_ACCOUNT), new_bill("S-1", 100)));
		let id = EBills::bill_id(&Issuer::Enterprise(shop()), b"S-1");
		assert_noop!(
			EBills::resolve_unpaid(root.clone(), id, crate::Resolution::Voided),
			Error::<Test>::IssuerCanAct
		);
		assert_ok!(EBills::disable_issuer(signed(TAX_OFFICER), shop()));
		assert_ok!(EBills::resolve_unpaid(root, id, crate::Resolution::Voided));
		assert_eq!(status(id), BillStatus::Voided);
	});
}
