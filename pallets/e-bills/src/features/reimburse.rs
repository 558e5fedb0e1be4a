//! Reimbursement exactly once: claims by entitled claimants, the payer's reimbursers and the
//! claimants it authorises.

use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system,
	sp_core::H256,
};

use crate::{
	pallet::*, Amount, Bill, BillId, BillStatus, ClaimAuthorisation, Claimant, DepartmentId,
	SubjectId,
};

use civitas_primitives::{all_distinct, BillKind};

use civitas_primitives::{IdentityProvider, RoleAuthority};

impl<T: Config> Pallet<T> {
	/// `Ok` if `claimant` may claim `bill`: its payer (an enterprise), an organisation the payer
	/// authorised, or a reimburser of its kind.
	fn ensure_entitled(claimant: &Claimant, bill: &Bill<T>) -> DispatchResult {
		let entitled = match claimant {
			Claimant::Enterprise(subject) if bill.payer == Some(*subject) => true,
			Claimant::Department(department)
				if Reimbursers::<T>::get(bill.kind).contains(department) =>
			{
				true
			},
			_ => bill
				.payer
				.is_some_and(|payer| ClaimAuthorisations::<T>::contains_key(payer, claimant)),
		};
		ensure!(entitled, Error::<T>::NotEntitled);
		Ok(())
	}

	pub(crate) fn do_claim(
		bill: BillId,
		amount: Amount,
		claim_reference: H256,
		claimant: Claimant,
		by: T::AccountId,
	) -> DispatchResult {
		let mut record = Bills::<T>::get(bill).ok_or(Error::<T>::BillNotFound)?;
		ensure!(record.kind != BillKind::CreditNote, Error::<T>::IsCreditNote);
		Self::ensure_entitled(&claimant, &record)?;
		ensure!(amount > 0, Error::<T>::AmountZero);
		match record.status {
			BillStatus::Paid | BillStatus::PartiallyReimbursed => {},
			BillStatus::Issued => return Err(Error::<T>::NotPaid.into()),
			BillStatus::Reimbursed => return Err(Error::<T>::AlreadyReimbursed.into()),
			BillStatus::Voided | BillStatus::Reversed => {
				return Err(Error::<T>::NotReimbursable.into())
			},
		}
		let remaining = record.amount.saturating_sub(record.reimbursed);
		ensure!(amount <= remaining, Error::<T>::ClaimExceedsRemaining);
		let reimbursed =
			record.reimbursed.checked_add(amount).ok_or(Error::<T>::ClaimExceedsRemaining)?;
		let remaining = record.amount.saturating_sub(reimbursed);

		record.reimbursed = reimbursed;
		record.status =
			if remaining == 0 { BillStatus::Reimbursed } else { BillStatus::PartiallyReimbursed };
		Bills::<T>::insert(bill, record);
		Self::deposit_event(Event::ReimbursementClaimed {
			bill,
			claimant,
			by,
			amount,
			remaining,
			claim_reference,
		});
		Ok(())
	}

	pub(crate) fn do_set_reimbursers(
		kind: BillKind,
		departments: BoundedVec<DepartmentId, T::MaxReimbursersPerKind>,
	) -> DispatchResult {
		ensure!(kind != BillKind::CreditNote, Error::<T>::IsCreditNote);
		ensure!(all_distinct(&departments), Error::<T>::DuplicateReimburser);
		if departments.is_empty() {
			Reimbursers::<T>::remove(kind);
		} else {
			Reimbursers::<T>::insert(kind, departments.clone());
		}
		Self::deposit_event(Event::ReimbursersSet { kind, departments });
		Ok(())
	}

	pub(crate) fn do_authorise_claimant(
		payer: SubjectId,
		claimant: Claimant,
		evidence: Option<H256>,
		by: T::AccountId,
		registrar: Option<DepartmentId>,
	) -> DispatchResult {
		Self::insert_authorisation(payer, claimant, registrar, evidence)?;
		Self::deposit_event(Event::ClaimantAuthorised { payer, claimant, by, registrar, evidence });
		Ok(())
	}

	/// Checks and writes an authorisation.
	pub(super) fn insert_authorisation(
		payer: SubjectId,
		claimant: Claimant,
		registrar: Option<DepartmentId>,
		evidence: Option<H256>,
	) -> DispatchResult {
		ensure!(T::Identity::is_active(&payer), Error::<T>::PayerNotActive);
		ensure!(claimant != Claimant::Enterprise(payer), Error::<T>::ClaimantIsPayer);
		let exists = match claimant {
			Claimant::Enterprise(subject) => Self::is_active_enterprise(&subject),
			Claimant::Department(department) => T::Roles::officer_count(department) > 0,
		};
		ensure!(exists, Error::<T>::ClaimantNotFound);
		ensure!(
			!ClaimAuthorisations::<T>::contains_key(payer, claimant),
			Error::<T>::AlreadyAuthorised
		);
		let count = ClaimantCount::<T>::get(payer);
		ensure!(count < T::MaxClaimantsPerPayer::get(), Error::<T>::MaxClaimantsExceeded);

		ClaimantCount::<T>::insert(payer, count.saturating_add(1));
		let since = frame_system::Pallet::<T>::block_number();
		ClaimAuthorisations::<T>::insert(
			payer,
			claimant,
			ClaimAuthorisation { since, registrar, evidence },
		);
		Ok(())
	}

	pub(crate) fn do_revoke_claimant(
		payer: SubjectId,
		claimant: Claimant,
		by: T::AccountId,
		registrar: Option<DepartmentId>,
	) -> DispatchResult {
		ensure!(
			ClaimAuthorisations::<T>::contains_key(payer, claimant),
			Error::<T>::AuthorisationNotFound
		);
		ClaimAuthorisations::<T>::remove(payer, claimant);
		let count = ClaimantCount::<T>::get(payer).saturating_sub(1);
		if count == 0 {
			ClaimantCount::<T>::remove(payer);
		} else {
			ClaimantCount::<T>::insert(payer, count);
		}
		Self::deposit_event(Event::ClaimantRevoked { payer, claimant, by, registrar });
		Ok(())
	}
}
