//! The bills' invariants, checked by `try_state` and after every unit test.

use polkadot_sdk::frame_support::ensure;

use crate::{pallet::*, BillStatus, SubjectId};

use civitas_primitives::BillKind;

impl<T: Config> Pallet<T> {
	/// The pallet's invariants: every bill is consistent in itself and with both indexes, every
	/// index entry names a bill of that payer or issuer, credit notes and reversals pair up, and
	/// the authorisation counts match.
	pub(crate) fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		use polkadot_sdk::sp_runtime::TryRuntimeError;
		for (id, bill) in Bills::<T>::iter() {
			ensure!(bill.reimbursed <= bill.amount, TryRuntimeError::Other("over-reimbursed"));
			let reimbursed_fits = match bill.status {
				BillStatus::Reimbursed => bill.reimbursed == bill.amount,
				BillStatus::PartiallyReimbursed => {
					bill.reimbursed > 0 && bill.reimbursed < bill.amount
				},
				_ => bill.reimbursed == 0,
			};
			ensure!(reimbursed_fits, TryRuntimeError::Other("status and reimbursed disagree"));
			ensure!(
				BillsByIssuer::<T>::contains_key(bill.issuer, id),
				TryRuntimeError::Other("bill missing from its issuer's index")
			);
			if let Some(payer) = bill.payer {
				ensure!(
					BillsByPayer::<T>::contains_key(payer, id),
					TryRuntimeError::Other("bill missing from its payer's index")
				);
			}
			ensure!(
				(bill.kind == BillKind::CreditNote) == bill.reverses.is_some(),
				TryRuntimeError::Other("a credit note without original, or an original marked")
			);
			if let Some(original) = bill.reverses {
				ensure!(
					bill.status == BillStatus::Issued
						&& Bills::<T>::get(original)
							.is_some_and(|o| o.status == BillStatus::Reversed),
					TryRuntimeError::Other("credit note and reversed bill disagree")
				);
			}
		}
		for (issuer, id, ()) in BillsByIssuer::<T>::iter() {
			ensure!(
				Bills::<T>::get(id).is_some_and(|b| b.issuer == issuer),
				TryRuntimeError::Other("issuer index names a bill of another issuer")
			);
		}
		for (payer, id, ()) in BillsByPayer::<T>::iter() {
			ensure!(
				Bills::<T>::get(id).is_some_and(|b| b.payer == Some(payer)),
				TryRuntimeError::Other("payer index names a bill of another payer")
			);
		}
		let mut counts = alloc::collections::BTreeMap::<SubjectId, u32>::new();
		for (payer, _, _) in ClaimAuthorisations::<T>::iter() {
			let count = counts.entry(payer).or_default();
			*count = count.saturating_add(1);
		}
		ensure!(
			ClaimantCount::<T>::iter().all(|(payer, n)| counts.get(&payer) == Some(&n))
				&& counts.iter().all(|(payer, n)| ClaimantCount::<T>::get(payer) == *n),
			TryRuntimeError::Other("claimant counts disagree with the authorisations")
		);
		Ok(())
	}
}
