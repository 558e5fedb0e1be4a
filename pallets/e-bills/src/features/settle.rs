//! A bill's life after issue: paid, voided, resolved by governance when its issuer can no longer
//! act, reversed by a credit note.

use alloc::vec::Vec;

use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	sp_core::H256,
};

use crate::{pallet::*, Bill, BillId, BillStatus, Issuer, NewBill, Resolution};

use civitas_primitives::BillKind;

use civitas_primitives::{EnsureOfficer, IdentityProvider};

impl<T: Config> Pallet<T> {
	/// The bill, if `issuer` issued it and it is not a credit note.
	fn issued_by(issuer: &Issuer, bill: &BillId) -> Result<Bill<T>, DispatchError> {
		let record = Bills::<T>::get(bill).ok_or(Error::<T>::BillNotFound)?;
		ensure!(record.issuer == *issuer, Error::<T>::NotBillIssuer);
		ensure!(record.kind != BillKind::CreditNote, Error::<T>::IsCreditNote);
		Ok(record)
	}

	pub(crate) fn do_mark_paid(
		bill: BillId,
		payment_reference: H256,
		issuer: Issuer,
		by: T::AccountId,
	) -> DispatchResult {
		let mut record = Self::issued_by(&issuer, &bill)?;
		ensure!(record.status == BillStatus::Issued, Error::<T>::NotUnpaid);
		record.status = BillStatus::Paid;
		record.payment_reference = Some(payment_reference);
		Bills::<T>::insert(bill, record);
		Self::deposit_event(Event::BillPaid { bill, issuer, by, payment_reference });
		Ok(())
	}

	pub(crate) fn do_void(bill: BillId, issuer: Issuer, by: T::AccountId) -> DispatchResult {
		let mut record = Self::issued_by(&issuer, &bill)?;
		ensure!(record.status == BillStatus::Issued, Error::<T>::NotUnpaid);
		record.status = BillStatus::Voided;
		Bills::<T>::insert(bill, record);
		Self::deposit_event(Event::BillVoided { bill, issuer, by });
		Ok(())
	}

	/// Whether `issuer` can still act on its bills itself.
	fn issuer_can_act(issuer: &Issuer) -> bool {
		match issuer {
			Issuer::Department(department) => T::IssuerOrigin::allows(*department),
			Issuer::Enterprise(subject) => {
				EnabledIssuers::<T>::contains_key(subject) && T::Identity::is_active(subject)
			},
		}
	}

	pub(crate) fn do_resolve_unpaid(bill: BillId, resolution: Resolution) -> DispatchResult {
		let mut record = Bills::<T>::get(bill).ok_or(Error::<T>::BillNotFound)?;
		ensure!(record.kind != BillKind::CreditNote, Error::<T>::IsCreditNote);
		ensure!(record.status == BillStatus::Issued, Error::<T>::NotUnpaid);
		ensure!(!Self::issuer_can_act(&record.issuer), Error::<T>::IssuerCanAct);
		match resolution {
			Resolution::Paid { payment_reference } => {
				record.status = BillStatus::Paid;
				record.payment_reference = Some(payment_reference);
			},
			Resolution::Voided => record.status = BillStatus::Voided,
		}
		let issuer = record.issuer;
		Bills::<T>::insert(bill, record);
		Self::deposit_event(Event::BillResolved { bill, issuer, resolution });
		Ok(())
	}

	pub(crate) fn do_reverse(
		bill: BillId,
		credit_note_number: Vec<u8>,
		content_hash: H256,
		issuer: Issuer,
		by: T::AccountId,
	) -> DispatchResult {
		let mut record = Self::issued_by(&issuer, &bill)?;
		ensure!(record.status == BillStatus::Paid, Error::<T>::NotReversible);
		let number: BoundedVec<u8, T::MaxNumberLength> =
			credit_note_number.try_into().map_err(|_| Error::<T>::MaxNumberLengthExceeded)?;
		let note = NewBill::<T> {
			number,
			payer: record.payer,
			kind: BillKind::CreditNote,
			amount: record.amount,
			tax_amount: record.tax_amount,
			currency: record.currency,
			content_hash,
			due: None,
		};
		let credit_note = Self::do_issue(note, Some(bill), issuer)?;
		record.status = BillStatus::Reversed;
		Bills::<T>::insert(bill, record);
		Self::deposit_event(Event::BillReversed { bill, credit_note, issuer, by });
		Ok(())
	}
}
