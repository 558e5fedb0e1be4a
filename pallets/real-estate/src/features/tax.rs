//! Property tax: assessment split among the owners, one bill each.

use alloc::vec::Vec;
use codec::Encode;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	sp_core::H256,
	sp_io::hashing::blake2_256,
};

use crate::{
	pallet::*, Amount, BillIssuer, DepartmentId, Owners, PropertyId, Share, SubjectId,
	TaxAssessment, TaxShare, WHOLE,
};
use civitas_primitives::{BillId, BillKind};

impl<T: Config> Pallet<T> {
	/// The bill number of the `n`th owner's (from 0, in title order) tax on `property` for
	/// `period`: `PT-<property>-<period>-<n>`.
	pub fn tax_bill_number(property: PropertyId, period: u32, n: u32) -> Vec<u8> {
		alloc::format!("PT-{property}-{period}-{n}").into_bytes()
	}

	/// The bills of `property`'s assessments for `periods` that are still outstanding.
	pub(super) fn outstanding_tax(
		property: PropertyId,
		periods: BoundedVec<u32, T::MaxOutstandingTax>,
	) -> Vec<BillId> {
		periods
			.into_iter()
			.filter_map(|period| TaxAssessments::<T>::get(property, period))
			.flat_map(|assessment| assessment.bills.into_iter().map(|part| part.bill))
			.filter(T::Bills::is_outstanding)
			.collect()
	}

	/// Each owner's part of `amount`, by share, rounded down; the remainder goes to the owner
	/// with the largest share (the first listed on a tie), so the parts sum to `amount`.
	pub(crate) fn tax_parts(owners: &Owners<T>, amount: Amount) -> Vec<(SubjectId, Share, Amount)> {
		let mut parts: Vec<(SubjectId, Share, Amount)> = owners
			.iter()
			.map(|(subject, share)| {
				let (share_of, whole) = (Amount::from(*share), Amount::from(WHOLE));
				let part = match amount.checked_mul(share_of) {
					Some(n) => n.checked_div(whole).unwrap_or_default(),
					// Beyond u128 / 1000: divide first (the remainder still goes to the top).
					None => amount.checked_div(whole).unwrap_or_default().saturating_mul(share_of),
				};
				(*subject, *share, part)
			})
			.collect();
		let assigned = parts.iter().fold(0, |sum: Amount, (_, _, part)| sum.saturating_add(*part));
		let top =
			parts.iter().enumerate().fold(0, |best, (i, (_, share, _))| match parts.get(best) {
				Some((_, top, _)) if top >= share => best,
				_ => i,
			});
		if let Some((_, _, part)) = parts.get_mut(top) {
			*part = part.saturating_add(amount.saturating_sub(assigned));
		}
		parts
	}

	/// Assesses `property` for `period`; returns the number of owners (for the weight).
	pub(crate) fn do_assess_tax(
		property: PropertyId,
		period: u32,
		amount: Amount,
		department: DepartmentId,
		officer: T::AccountId,
	) -> Result<u32, DispatchError> {
		let record = Self::live_property(property)?;
		ensure!(amount > 0, Error::<T>::AmountZero);
		ensure!(!TaxAssessments::<T>::contains_key(property, period), Error::<T>::AlreadyAssessed);
		// Periods whose bills are all settled need not be looked at again.
		let mut outstanding = OutstandingTax::<T>::get(property);
		outstanding.retain(|earlier| {
			TaxAssessments::<T>::get(property, *earlier).is_some_and(|assessment| {
				assessment.bills.iter().any(|part| T::Bills::is_outstanding(&part.bill))
			})
		});
		outstanding.try_push(period).map_err(|_| Error::<T>::MaxOutstandingTaxExceeded)?;

		// Co-owners each owe the tax on their share: one bill each, numbered
		// `PT-<property>-<period>-<n>` by the owner's place on the title.
		let mut bills: BoundedVec<TaxShare, T::MaxOwners> = BoundedVec::new();
		for (n, (payer, share, part)) in
			Self::tax_parts(&record.owners, amount).into_iter().enumerate()
		{
			if part == 0 {
				continue;
			}
			let content = H256::from(blake2_256(
				&(b"civitas/property-tax", property, period, payer, part).encode(),
			));
			let bill = T::Bills::issue(
				&officer,
				department,
				&Self::tax_bill_number(property, period, n as u32),
				Some(payer),
				BillKind::Tax,
				part,
				0,
				content,
			)?;
			bills
				.try_push(TaxShare { payer, share, amount: part, bill })
				.map_err(|_| Error::<T>::MaxOwnersExceeded)?;
		}
		OutstandingTax::<T>::insert(property, outstanding);
		let assessment = TaxAssessment::<T> { amount, bills: bills.clone(), department };
		TaxAssessments::<T>::insert(property, period, assessment);
		Self::deposit_event(Event::TaxAssessed {
			property,
			period,
			amount,
			bills,
			department,
			officer,
		});
		Ok(record.owners.len() as u32)
	}
}
