use super::*;
use crate::{BillsByIssuer, BillsByPayer};
use civitas_primitives::BillKind;

#[test]
fn a_department_issues_a_bill() {
	ExtBuilder.build_and_execute(|| {
		let id = power_bill("E-2026-0001", 12_000);
		let bill = Bills::<Test>::get(id).unwrap();
		assert_eq!(
			(bill.issuer, bill.amount, bill.tax_amount),
			(Issuer::Department(POWER), 12_000, 1_080)
		);
		assert_eq!((bill.status, bill.reimbursed, bill.issued_at), (BillStatus::Issued, 0, 1));
		assert!(BillsByPayer::<Test>::contains_key(person(), id));
		assert!(BillsByIssuer::<Test>::contains_key(Issuer::Department(POWER), id));
		assert_eq!(
			last_event(),
			Event::BillIssued {
				bill: id,
				issuer: Issuer::Department(POWER),
				by: POWER_OFFICER,
				kind: BillKind::Electricity,
				amount: 12_000,
				payer: Some(person())
			}
		);
	});
}

#[test]
fn an_enabled_enterprise_issues_an_invoice_and_a_duplicate_number_is_refused() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(EBills::issue(signed(SHOP_ACCOUNT), new_bill("INV-1", 500)));
		let id = EBills::bill_id(&Issuer::Enterprise(shop()), b"INV-1");
		assert_eq!(Bills::<Test>::get(id).unwrap().issuer, Issuer::Enterprise(shop()));
		assert_noop!(
			EBills::issue(signed(SHOP_ACCOUNT), new_bill("INV-1", 600)),
			Error::<Test>::NumberAlreadyExists
		);
		// Another issuer may use the same number.
		assert_ok!(EBills::issue(signed(POWER_OFFICER), new_bill("INV-1", 600)));
	});
}

#[test]
fn issue_fails_for_anyone_but_an_issuer() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(EBills::issue(signed(OUTSIDER), new_bill("X", 1)), Error::<Test>::NotIssuer);
		// An officer whose department does not issue bills is told why.
		assert_noop!(EBills::issue(signed(TAX_OFFICER), new_bill("X", 1)), ROLE_NOT_HELD);
		// The employer is an enterprise, but not enabled.
		assert_noop!(
			EBills::issue(signed(EMPLOYER_ACCOUNT), new_bill("X", 1)),
			Error::<Test>::IssuerNotEnabled
		);
	});
}

#[test]
fn issue_checks_the_bill() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			EBills::issue(signed(POWER_OFFICER), new_bill("", 1)),
			Error::<Test>::NumberEmpty
		);
		assert_noop!(
			EBills::issue(signed(POWER_OFFICER), new_bill("A", 0)),
			Error::<Test>::AmountZero
		);
		let mut taxed = new_bill("B", 100);
		taxed.tax_amount = 101;
		assert_noop!(EBills::issue(signed(POWER_OFFICER), taxed), Error::<Test>::TaxExceedsAmount);
		let mut stranger = new_bill("C", 100);
		stranger.payer = Some(H256::repeat_byte(0x55));
		assert_noop!(EBills::issue(signed(POWER_OFFICER), stranger), Error::<Test>::PayerNotFound);
	});
}

#[test]
fn a_batch_is_issued_all_or_nothing() {
	ExtBuilder.build_and_execute(|| {
		let batch: Vec<_> = (0..5).map(|i| new_bill(&format!("E-{i}"), 1_000 + i)).collect();
		assert_ok!(EBills::issue_batch(signed(POWER_OFFICER), bounded(batch)));
		assert_eq!(BillsByIssuer::<Test>::iter_prefix(Issuer::Department(POWER)).count(), 5);
		let Event::BatchIssued { bills, .. } = last_event() else { panic!("a batch event") };
		assert_eq!(bills.len(), 5);

		// A duplicate in the middle undoes the whole batch.
		let batch = vec![new_bill("F-1", 1), new_bill("E-3", 1), new_bill("F-2", 1)];
		assert_noop!(
			EBills::issue_batch(signed(POWER_OFFICER), bounded(batch)),
			Error::<Test>::NumberAlreadyExists
		);
		let batch = vec![new_bill("F-1", 1), new_bill("F-1", 1)];
		assert_noop!(
			EBills::issue_batch(signed(POWER_OFFICER), bounded(batch)),
			Error::<Test>::NumberAlreadyExists
		);
	});
}

#[test]
fn a_batch_may_be_neither_empty_nor_too_large() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			EBills::issue_batch(signed(POWER_OFFICER), bounded(vec![])),
			Error::<Test>::BatchEmpty
		);
		// A batch over `MaxBatch` does not decode (call index 3): no transaction carries it.
		let mut batch: Vec<_> = (0..=MAX_BATCH).map(|i| new_bill(&format!("G-{i}"), 1)).collect();
		assert!(!call_decodes::<crate::Call<Test>>(3, &batch));
		batch.pop();
		assert!(call_decodes::<crate::Call<Test>>(3, &batch));
	});
}

#[test]
fn bills_are_paged_by_payer_and_issuer() {
	ExtBuilder.build_and_execute(|| {
		let batch: Vec<_> = (0..5).map(|i| new_bill(&format!("P-{i}"), 10)).collect();
		assert_ok!(EBills::issue_batch(signed(POWER_OFFICER), bounded(batch)));
		let first = EBills::bills_of_payer(person(), None, 2);
		assert_eq!(first.len(), 2);
		let second = EBills::bills_of_payer(person(), Some(first[1].id), 2);
		let third = EBills::bills_of_payer(person(), Some(second[1].id), 2);
		assert_eq!((second.len(), third.len()), (2, 1));
		let mut all: Vec<_> = first.iter().chain(&second).chain(&third).map(|b| b.id).collect();
		all.sort();
		all.dedup();
		assert_eq!(all.len(), 5);
		assert_eq!(EBills::bills_of_issuer(Issuer::Department(POWER), None, 10).len(), 5);
	});
}

#[test]
fn a_page_never_exceeds_max_page() {
	ExtBuilder.build_and_execute(|| {
		for i in 0..=crate::runtime_api::MAX_PAGE {
			assert_ok!(EBills::issue(signed(POWER_OFFICER), new_bill(&format!("M-{i}"), 1)));
		}
		assert_eq!(
			EBills::bills_of_payer(person(), None, u32::MAX).len(),
			crate::runtime_api::MAX_PAGE as usize
		);
		assert_eq!(
			EBills::bills_of_issuer(Issuer::Department(POWER), None, u32::MAX).len(),
			crate::runtime_api::MAX_PAGE as usize
		);
	});
}

#[test]
fn an_officer_of_a_suspended_issuer_cannot_issue() {
	ExtBuilder.build_and_execute(|| {
		MockRoles::suspend(POWER);
		assert_noop!(
			EBills::issue(signed(POWER_OFFICER), new_bill("E-1", 1)),
			DEPARTMENT_NOT_ACTIVE
		);
	});
}

#[test]
fn bill_numbers_are_normalised_before_the_duplicate_check() {
	ExtBuilder.build_and_execute(|| {
		let id = power_bill("  e-2026-7 ", 100);
		assert_eq!(id, EBills::bill_id(&Issuer::Department(POWER), b"E-2026-7"));
		assert_eq!(Bills::<Test>::get(id).unwrap().number.into_inner(), b"E-2026-7".to_vec());
		assert_noop!(
			EBills::issue(signed(POWER_OFFICER), new_bill("E-2026-7", 100)),
			Error::<Test>::NumberAlreadyExists
		);
		assert_noop!(
			EBills::issue(signed(POWER_OFFICER), new_bill("\te-2026-7", 100)),
			Error::<Test>::NumberAlreadyExists
		);
	});
}

#[test]
fn bill_numbers_and_currencies_are_validated() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			EBills::issue(signed(POWER_OFFICER), new_bill("   ", 1)),
			Error::<Test>::NumberEmpty
		);
		assert_noop!(
			EBills::issue(signed(POWER_OFFICER), new_bill("E-\u{1}", 1)),
			Error::<Test>::InvalidNumber
		);
		assert_noop!(
			EBills::issue(signed(POWER_OFFICER), new_bill("E-\u{e9}", 1)),
			Error::<Test>::InvalidNumber
		);
		for currency in [*b"cny", *b"C1Y", [0, 0, 0]] {
			let mut bill = new_bill("E-1", 1);
			bill.currency = currency;
			assert_noop!(
				EBills::issue(signed(POWER_OFFICER), bill),
				Error::<Test>::InvalidCurrency
			);
		}
	});
}
