//! Benchmarks of the e-bills pallet (frame-benchmarking v2), each at its worst case.

#![allow(
	clippy::expect_used,
	clippy::unwrap_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use alloc::{vec, vec::Vec};
use civitas_primitives::{BillKind, SubjectKind};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::Get,
	frame_system::{self, RawOrigin},
	sp_core::H256,
};

/// A bill with the longest number (ending in `i`) for a registered payer.
fn new_bill<T: Config>(i: u32, payer: SubjectId) -> NewBill<T> {
	let mut number = vec![b'0'; T::MaxNumberLength::get() as usize];
	let digits = i.to_be_bytes();
	let at = number.len().saturating_sub(digits.len());
	number[at..].copy_from_slice(&digits);
	NewBill {
		number: number.try_into().unwrap(),
		payer: Some(payer),
		kind: BillKind::Electricity,
		amount: 12_345,
		tax_amount: 1_111,
		currency: *b"CNY",
		content_hash: H256::repeat_byte(7),
		due: Some(100u32.into()),
	}
}

/// A `BillIssuer` officer and an active payer.
fn issuer<T: Config>() -> (T::AccountId, SubjectId) {
	let officer = T::Roles::successful_officer(Role::BillIssuer).unwrap();
	let payer = T::Identity::successful_subject(SubjectKind::Person, None).unwrap();
	(officer, payer)
}

/// A paid bill of `officer`'s department, with nothing reimbursed.
fn paid_bill<T: Config>(officer: &T::AccountId, payer: SubjectId) -> BillId {
	let issuer = Pallet::<T>::issuer_of(officer).unwrap();
	let id = Pallet::<T>::do_issue(issuer, new_bill::<T>(0, payer), None).unwrap();
	Pallet::<T>::do_mark_paid(officer.clone(), id, H256::repeat_byte(1)).unwrap();
	id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn enable_issuer() {
		let officer = T::Roles::successful_officer(Role::TaxAuthority).unwrap();
		let subject = T::Identity::successful_subject(SubjectKind::Enterprise, None).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), subject);

		assert!(EnabledIssuers::<T>::contains_key(subject));
	}

	#[benchmark]
	fn disable_issuer() {
		let officer = T::Roles::successful_officer(Role::TaxAuthority).unwrap();
		let subject = T::Identity::successful_subject(SubjectKind::Enterprise, None).unwrap();
		let department = T::Roles::department_of(&officer).unwrap();
		Pallet::<T>::do_enable_issuer(subject, department, officer.clone()).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), subject);

		assert!(!EnabledIssuers::<T>::contains_key(subject));
	}

	/// By an enabled enterprise's linked account (the longer issuer check), with a payer.
	#[benchmark]
	fn issue() {
		let account: T::AccountId = account("shop", 0, 0);
		let shop = T::Identity::successful_subject(SubjectKind::Enterprise, Some(account.clone()))
			.unwrap();
		EnabledIssuers::<T>::insert(shop, (0, frame_system::Pallet::<T>::block_number()));
		let payer = T::Identity::successful_subject(SubjectKind::Person, None).unwrap();
		let bill = new_bill::<T>(0, payer);
		let id = Pallet::<T>::bill_id(&Issuer::Enterprise(shop), &bill.number);

		#[extrinsic_call]
		_(RawOrigin::Signed(account), bill);

		assert!(Bills::<T>::contains_key(id));
	}

	/// Every bill for a different payer, as in a utility's monthly run.
	#[benchmark]
	fn issue_batch(n: Linear<1, { T::MaxBatch::get() }>) {
		let officer = T::Roles::successful_officer(Role::BillIssuer).unwrap();
		let payers = T::Identity::successful_subjects(SubjectKind::Person, n).unwrap();
		let bills: Vec<_> =
			payers.into_iter().zip(0..n).map(|(p, i)| new_bill::<T>(i, p)).collect();

		#[extrinsic_call]
		_(RawOrigin::Signed(officer.clone()), bills);

		let issuer = Pallet::<T>::issuer_of(&officer).unwrap();
		assert_eq!(BillsByIssuer::<T>::iter_prefix(issuer).count(), n as usize);
	}

	#[benchmark]
	fn mark_paid() {
		let (officer, payer) = issuer::<T>();
		let issuer = Pallet::<T>::issuer_of(&officer).unwrap();
		let id = Pallet::<T>::do_issue(issuer, new_bill::<T>(0, payer), None).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), id, H256::repeat_byte(1));

		assert_eq!(Bills::<T>::get(id).unwrap().status, BillStatus::Paid);
	}

	#[benchmark]
	fn void() {
		let (officer, payer) = issuer::<T>();
		let issuer = Pallet::<T>::issuer_of(&officer).unwrap();
		let id = Pallet::<T>::do_issue(issuer, new_bill::<T>(0, payer), None).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), id);

		assert_eq!(Bills::<T>::get(id).unwrap().status, BillStatus::Voided);
	}

	#[benchmark]
	fn reverse() {
		let (officer, payer) = issuer::<T>();
		let id = paid_bill::<T>(&officer, payer);
		let number = vec![b'r'; T::MaxNumberLength::get() as usize];

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), id, number, H256::repeat_byte(2));

		assert_eq!(Bills::<T>::get(id).unwrap().status, BillStatus::Reversed);
	}

	/// By an enterprise's linked account (the longer claimant check), a partial claim.
	#[benchmark]
	fn claim_reimbursement() {
		let (officer, payer) = issuer::<T>();
		let id = paid_bill::<T>(&officer, payer);
		let account: T::AccountId = account("employer", 0, 0);
		T::Identity::successful_subject(SubjectKind::Enterprise, Some(account.clone())).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(account), id, 100, H256::repeat_byte(3));

		assert_eq!(Bills::<T>::get(id).unwrap().reimbursed, 100);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
