//! Issuing: enterprises enabled as issuers, single bills and batches.

use alloc::vec::Vec;

use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system,
};

use crate::{pallet::*, Bill, BillId, BillStatus, DepartmentId, Issuer, NewBill, SubjectId};

use civitas_primitives::BillKind;

use civitas_primitives::IdentityProvider;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_enable_issuer(
		subject: SubjectId,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		ensure!(Self::is_active_enterprise(&subject), Error::<T>::NotActiveEnterprise);
		ensure!(!EnabledIssuers::<T>::contains_key(subject), Error::<T>::AlreadyEnabled);
		let now = frame_system::Pallet::<T>::block_number();
		EnabledIssuers::<T>::insert(subject, (department, now));
		Self::deposit_event(Event::IssuerEnabled { subject, department, officer });
		Ok(())
	}

	pub(crate) fn do_disable_issuer(
		subject: SubjectId,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		ensure!(EnabledIssuers::<T>::contains_key(subject), Error::<T>::NotEnabled);
		EnabledIssuers::<T>::remove(subject);
		Self::deposit_event(Event::IssuerDisabled { subject, department, officer });
		Ok(())
	}

	/// Checks and writes one bill; `reverses` marks a credit note (only a reversal issues one).
	/// Returns its id.
	pub(crate) fn do_issue(
		bill: NewBill<T>,
		reverses: Option<BillId>,
		issuer: Issuer,
	) -> Result<BillId, DispatchError> {
		let number: BoundedVec<u8, T::MaxNumberLength> = Self::normalise_number(&bill.number)?
			.try_into()
			.map_err(|_| Error::<T>::MaxNumberLengthExceeded)?;
		ensure!(bill.currency.iter().all(u8::is_ascii_uppercase), Error::<T>::InvalidCurrency);
		ensure!(bill.amount > 0, Error::<T>::AmountZero);
		ensure!(bill.tax_amount <= bill.amount, Error::<T>::TaxExceedsAmount);
		ensure!(
			(bill.kind == BillKind::CreditNote) == reverses.is_some(),
			Error::<T>::CreditNoteWithoutOriginal
		);
		if let Some(payer) = &bill.payer {
			ensure!(T::Identity::kind(payer).is_some(), Error::<T>::PayerNotFound);
		}
		let id = Self::id_of(&issuer, &number);
		ensure!(!Bills::<T>::contains_key(id), Error::<T>::NumberAlreadyExists);

		if let Some(payer) = bill.payer {
			BillsByPayer::<T>::insert(payer, id, ());
		}
		BillsByIssuer::<T>::insert(issuer, id, ());
		Bills::<T>::insert(
			id,
			Bill::<T> {
				issuer,
				number,
				payer: bill.payer,
				kind: bill.kind,
				amount: bill.amount,
				tax_amount: bill.tax_amount,
				currency: bill.currency,
				content_hash: bill.content_hash,
				issued_at: frame_system::Pallet::<T>::block_number(),
				due: bill.due,
				status: BillStatus::Issued,
				reimbursed: 0,
				payment_reference: None,
				reverses,
			},
		);
		Ok(id)
	}

	/// Issues one bill, as its issuer's call asks.
	pub(crate) fn do_issue_bill(
		bill: NewBill<T>,
		issuer: Issuer,
		by: T::AccountId,
	) -> DispatchResult {
		let (kind, amount, payer) = (bill.kind, bill.amount, bill.payer);
		let id = Self::do_issue(bill, None, issuer)?;
		Self::deposit_event(Event::BillIssued { bill: id, issuer, by, kind, amount, payer });
		Ok(())
	}

	/// Issues a batch, all or nothing (the call's storage transaction undoes earlier bills if a
	/// later one fails).
	pub(crate) fn do_issue_batch(
		bills: BoundedVec<NewBill<T>, T::MaxBatch>,
		issuer: Issuer,
		by: T::AccountId,
	) -> DispatchResult {
		ensure!(!bills.is_empty(), Error::<T>::BatchEmpty);
		let ids = bills
			.into_iter()
			.map(|bill| Self::do_issue(bill, None, issuer))
			.collect::<Result<Vec<_>, _>>()?;
		// One id per bill, under the bound the batch has already kept: nothing is cut off.
		let ids = BoundedVec::<BillId, T::MaxBatch>::truncate_from(ids);
		Self::deposit_event(Event::BatchIssued { issuer, by, bills: ids });
		Ok(())
	}
}
