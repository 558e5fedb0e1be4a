//! The e-bills pallet as the chain's [`BillIssuer`].

use polkadot_sdk::{sp_core::H256, sp_runtime::DispatchError};

use crate::{pallet::*, BillStatus, Issuer, NewBill};
use civitas_primitives::{Amount, BillId, BillIssuer, BillKind, DepartmentId, SubjectId};

impl<T: Config> BillIssuer<T::AccountId> for Pallet<T> {
	fn issue(
		by: &T::AccountId,
		department: DepartmentId,
		number: &[u8],
		payer: Option<SubjectId>,
		kind: BillKind,
		amount: Amount,
		tax_amount: Amount,
		content_hash: H256,
	) -> Result<BillId, DispatchError> {
		let number = number.to_vec().try_into().map_err(|_| Error::<T>::MaxNumberLengthExceeded)?;
		let bill = NewBill::<T> {
			number,
			payer,
			kind,
			amount,
			tax_amount,
			currency: *b"CNY",
			content_hash,
			due: None,
		};
		let issuer = Issuer::Department(department);
		let id = Self::do_issue(bill, None, issuer)?;
		Self::deposit_event(Event::BillIssued {
			bill: id,
			issuer,
			by: by.clone(),
			kind,
			amount,
			payer,
		});
		Ok(id)
	}

	fn is_paid(bill: &BillId) -> bool {
		Bills::<T>::get(bill).is_some_and(|b| {
			matches!(
				b.status,
				BillStatus::Paid | BillStatus::PartiallyReimbursed | BillStatus::Reimbursed
			)
		})
	}

	fn is_outstanding(bill: &BillId) -> bool {
		Bills::<T>::get(bill).is_some_and(|b| b.status == BillStatus::Issued)
	}
}
