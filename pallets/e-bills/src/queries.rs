//! The queries behind the `EBillsApi` runtime API and the shared traits.

use alloc::vec::Vec;

use polkadot_sdk::frame_system::pallet_prelude::*;

use crate::{
	pallet::*,
	runtime_api::{BillInfo, MAX_PAGE},
	Bill, BillId, BillStatus, Issuer, ReimbursementStatus, SubjectId,
};

impl<T: Config> Pallet<T> {
	/// One bill as the runtime API reports it.
	pub fn bill_info(id: BillId) -> Option<BillInfo<BlockNumberFor<T>>> {
		Bills::<T>::get(id).map(|b| Self::info(id, b))
	}

	fn info(id: BillId, b: Bill<T>) -> BillInfo<BlockNumberFor<T>> {
		BillInfo {
			id,
			issuer: b.issuer,
			number: b.number.into_inner(),
			payer: b.payer,
			kind: b.kind,
			amount: b.amount,
			tax_amount: b.tax_amount,
			currency: b.currency,
			content_hash: b.content_hash,
			issued_at: b.issued_at,
			due: b.due,
			status: b.status,
			reimbursed: b.reimbursed,
			reverses: b.reverses,
		}
	}

	/// Where a bill's reimbursement stands.
	pub fn reimbursement_status(bill: BillId) -> Option<ReimbursementStatus> {
		Bills::<T>::get(bill).map(|b| {
			let claimable = matches!(b.status, BillStatus::Paid | BillStatus::PartiallyReimbursed);
			ReimbursementStatus {
				status: b.status,
				amount: b.amount,
				reimbursed: b.reimbursed,
				remaining: if claimable { b.amount.saturating_sub(b.reimbursed) } else { 0 },
			}
		})
	}

	/// Up to `limit` (at most [`MAX_PAGE`]) bills of `payer`, after `start_after` (the last id of the previous page).
	pub fn bills_of_payer(
		payer: SubjectId,
		start_after: Option<BillId>,
		limit: u32,
	) -> Vec<BillInfo<BlockNumberFor<T>>> {
		let ids = match start_after {
			Some(last) => BillsByPayer::<T>::iter_key_prefix_from(
				payer,
				BillsByPayer::<T>::hashed_key_for(payer, last),
			),
			None => BillsByPayer::<T>::iter_key_prefix(payer),
		};
		ids.take(limit.min(MAX_PAGE) as usize).filter_map(Self::bill_info).collect()
	}

	/// Up to `limit` (at most [`MAX_PAGE`]) bills of `issuer`, after `start_after` (the last id of the previous page).
	pub fn bills_of_issuer(
		issuer: Issuer,
		start_after: Option<BillId>,
		limit: u32,
	) -> Vec<BillInfo<BlockNumberFor<T>>> {
		let ids = match start_after {
			Some(last) => BillsByIssuer::<T>::iter_key_prefix_from(
				issuer,
				BillsByIssuer::<T>::hashed_key_for(issuer, last),
			),
			None => BillsByIssuer::<T>::iter_key_prefix(issuer),
		};
		ids.take(limit.min(MAX_PAGE) as usize).filter_map(Self::bill_info).collect()
	}
}
