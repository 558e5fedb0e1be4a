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
	frame_support::{
		pallet_prelude::BoundedVec,
		traits::{EnsureOrigin, Get},
	},
	frame_system::{self, RawOrigin},
	sp_core::H256,
};

/// A bill with the longest number (ending in `i`'s decimal digits) for a registered payer.
fn new_bill<T: Config>(i: u32, payer: SubjectId) -> NewBill<T> {
	let mut number = vec![b'0'; T::MaxNumberLength::get() as usize];
	let mut rest = i;
	for digit in number.iter_mut().rev() {
		*digit = b'0' + (rest % 10) as u8;
		rest /= 10;
		if rest == 0 {
			break;
		}
	}
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

/// An issuing officer's department and account, and an active payer.
fn issuer<T: Config>() -> (Issuer, T::AccountId, SubjectId) {
	let (department, officer) = T::IssuerOrigin::successful_officer().unwrap();
	let payer = T::Identity::successful_subject(SubjectKind::Person, None).unwrap();
	(Issuer::Department(department), officer, payer)
}

/// A paid bill of `issuer`, with nothing reimbursed.
fn paid_bill<T: Config>(issuer: Issuer, officer: &T::AccountId, payer: SubjectId) -> BillId {
	let id = Pallet::<T>::do_issue(new_bill::<T>(0, payer), None, issuer).unwrap();
	Pallet::<T>::do_mark_paid(id, H256::repeat_byte(1), issuer, officer.clone()).unwrap();
	id
}

/// `payer` authorises `n` enterprises other than the one a benchmark uses.
fn fill_authorisations<T: Config>(payer: SubjectId, n: u32) {
	for claimant in T::Identity::successful_subjects(SubjectKind::Enterprise, n).unwrap() {
		let since = frame_system::Pallet::<T>::block_number();
		ClaimAuthorisations::<T>::insert(
			payer,
			Issuer::Enterprise(claimant),
			ClaimAuthorisation { since, registrar: None, evidence: None },
		);
	}
	ClaimantCount::<T>::insert(payer, n);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn enable_issuer() {
		let (_, officer) = T::TaxAuthorityOrigin::successful_officer().unwrap();
		let subject = T::Identity::successful_subject(SubjectKind::Enterprise, None).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), subject);

		assert!(EnabledIssuers::<T>::contains_key(subject));
	}

	#[benchmark]
	fn disable_issuer() {
		let (department, officer) = T::TaxAuthorityOrigin::successful_officer().unwrap();
		let subject = T::Identity::successful_subject(SubjectKind::Enterprise, None).unwrap();
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
		let (issuer, officer, _) = issuer::<T>();
		let payers = T::Identity::successful_subjects(SubjectKind::Person, n).unwrap();
		let bills: Vec<_> =
			payers.into_iter().zip(0..n).map(|(p, i)| new_bill::<T>(i, p)).collect();

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), bills.try_into().unwrap());

		assert_eq!(BillsByIssuer::<T>::iter_prefix(issuer).count(), n as usize);
	}

	#[benchmark]
	fn mark_paid() {
		let (issuer, officer, payer) = issuer::<T>();
		let id = Pallet::<T>::do_issue(new_bill::<T>(0, payer), None, issuer).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), id, H256::repeat_byte(1));

		assert_eq!(Bills::<T>::get(id).unwrap().status, BillStatus::Paid);
	}

	#[benchmark]
	fn void() {
		let (issuer, officer, payer) = issuer::<T>();
		let id = Pallet::<T>::do_issue(new_bill::<T>(0, payer), None, issuer).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), id);

		assert_eq!(Bills::<T>::get(id).unwrap().status, BillStatus::Voided);
	}

	#[benchmark]
	fn reverse() {
		let (issuer, officer, payer) = issuer::<T>();
		let id = paid_bill::<T>(issuer, &officer, payer);
		let number = vec![b'R'; T::MaxNumberLength::get() as usize];

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), id, number.try_into().unwrap(), H256::repeat_byte(2));

		assert_eq!(Bills::<T>::get(id).unwrap().status, BillStatus::Reversed);
	}

	/// By a reimbursing department the payer authorised, while the bill's kind has the most
	/// reimbursers, none of them the claimant (every entitlement rule is read), a partial claim.
	#[benchmark]
	fn claim_reimbursement() {
		let (issuer, officer, payer) = issuer::<T>();
		let id = paid_bill::<T>(issuer, &officer, payer);
		let (department, claimant) = T::ReimburserOrigin::successful_officer().unwrap();
		let others: Vec<DepartmentId> = (0..T::MaxReimbursersPerKind::get())
			.map(|i| department.wrapping_add(1).wrapping_add(i))
			.collect();
		Reimbursers::<T>::insert(BillKind::Electricity, BoundedVec::try_from(others).unwrap());
		let since = frame_system::Pallet::<T>::block_number();
		ClaimAuthorisations::<T>::insert(
			payer,
			Issuer::Department(department),
			ClaimAuthorisation { since, registrar: None, evidence: None },
		);
		ClaimantCount::<T>::insert(payer, 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(claimant), id, 100, H256::repeat_byte(3));

		assert_eq!(Bills::<T>::get(id).unwrap().reimbursed, 100);
	}

	#[benchmark]
	fn set_reimbursers(
		n: Linear<0, { T::MaxReimbursersPerKind::get() }>,
	) -> Result<(), BenchmarkError> {
		let departments: BoundedVec<DepartmentId, T::MaxReimbursersPerKind> =
			BoundedVec::try_from((0..n).collect::<Vec<_>>()).unwrap();
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, BillKind::Medical, departments);

		assert_eq!(Reimbursers::<T>::get(BillKind::Medical).len(), n as usize);
		Ok(())
	}

	/// The payer already authorised all but one organisation.
	#[benchmark]
	fn authorise_claimant() {
		let account: T::AccountId = account("payer", 0, 0);
		let payer =
			T::Identity::successful_subject(SubjectKind::Person, Some(account.clone())).unwrap();
		fill_authorisations::<T>(payer, T::MaxClaimantsPerPayer::get() - 1);
		let employer = T::Identity::successful_subject(SubjectKind::Enterprise, None).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(account), Issuer::Enterprise(employer));

		assert!(ClaimAuthorisations::<T>::contains_key(payer, Issuer::Enterprise(employer)));
	}

	/// The payer already authorised all but one organisation.
	#[benchmark]
	fn record_claimant_authorisation() {
		let (department, officer) = T::RegistrarOrigin::successful_officer().unwrap();
		let payer = T::Identity::successful_subject(SubjectKind::Person, None).unwrap();
		T::Identity::set_registrar(&payer, department).unwrap();
		fill_authorisations::<T>(payer, T::MaxClaimantsPerPayer::get() - 1);
		let employer = T::Identity::successful_subject(SubjectKind::Enterprise, None).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), payer, Issuer::Enterprise(employer), H256::repeat_byte(4));

		assert!(ClaimAuthorisations::<T>::contains_key(payer, Issuer::Enterprise(employer)));
	}

	/// By the payer's registrar (the longer check).
	#[benchmark]
	fn revoke_claimant() {
		let (department, officer) = T::RegistrarOrigin::successful_officer().unwrap();
		let payer = T::Identity::successful_subject(SubjectKind::Person, None).unwrap();
		T::Identity::set_registrar(&payer, department).unwrap();
		fill_authorisations::<T>(payer, T::MaxClaimantsPerPayer::get());
		let claimant = ClaimAuthorisations::<T>::iter_key_prefix(payer).next().unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), payer, claimant);

		assert!(!ClaimAuthorisations::<T>::contains_key(payer, claimant));
	}

	/// An enterprise's bill, the enterprise no longer enabled (the most reads to decide that
	/// the issuer cannot act).
	#[benchmark]
	fn resolve_unpaid() -> Result<(), BenchmarkError> {
		let enterprise = T::Identity::successful_subject(SubjectKind::Enterprise, None).unwrap();
		let payer = T::Identity::successful_subject(SubjectKind::Person, None).unwrap();
		let id =
			Pallet::<T>::do_issue(new_bill::<T>(0, payer), None, Issuer::Enterprise(enterprise))
				.unwrap();
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let resolution = Resolution::Paid { payment_reference: H256::repeat_byte(1) };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, resolution);

		assert_eq!(Bills::<T>::get(id).unwrap().status, BillStatus::Paid);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
