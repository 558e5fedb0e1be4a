//! The logic behind the calls. Each `do_*` function checks everything first and writes last, and
//! every call runs in a storage transaction, so a failing call (a batch included) changes nothing.

use alloc::vec::Vec;
use codec::Encode;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::*},
	sp_core::H256,
	sp_io::hashing::blake2_256,
};

use crate::{
	pallet::*,
	runtime_api::{BillInfo, MAX_PAGE},
	Amount, Bill, BillId, BillStatus, Claimant, DepartmentId, IdentityProvider, Issuer, NewBill,
	ReimbursementStatus, Role, RoleAuthority, SubjectId,
};
use civitas_primitives::{BillKind, RoleError, SubjectKind};

impl<T: Config> Pallet<T> {
	/// The department of the signed officer `origin` if it holds `role` now, with the officer.
	pub(crate) fn ensure_officer(
		origin: OriginFor<T>,
		role: Role,
	) -> Result<(DepartmentId, T::AccountId), DispatchError> {
		let who = ensure_signed(origin)?;
		let department = T::Roles::ensure_role(&who, role).map_err(|e| match e {
			RoleError::NotOfficer => Error::<T>::NotOfficer,
			RoleError::RoleNotHeld => Error::<T>::RoleNotHeld,
		})?;
		Ok((department, who))
	}

	/// The issuer `who` acts for: its department if it is a `BillIssuer` officer, else its
	/// enterprise if that is enabled and active.
	pub(crate) fn issuer_of(who: &T::AccountId) -> Result<Issuer, DispatchError> {
		if let Some(department) = T::Roles::department_with_role(who, Role::BillIssuer) {
			return Ok(Issuer::Department(department));
		}
		let subject = T::Identity::subject_of(who).ok_or(Error::<T>::NotIssuer)?;
		ensure!(EnabledIssuers::<T>::contains_key(subject), Error::<T>::IssuerNotEnabled);
		ensure!(T::Identity::is_active(&subject), Error::<T>::IssuerInactive);
		Ok(Issuer::Enterprise(subject))
	}

	/// The claimant `who` acts for: its department if it is an officer, else its active
	/// enterprise.
	fn claimant_of(who: &T::AccountId) -> Result<Claimant, DispatchError> {
		if let Some(department) = T::Roles::department_of(who) {
			return Ok(Claimant::Department(department));
		}
		let subject = T::Identity::subject_of(who).ok_or(Error::<T>::NotClaimant)?;
		ensure!(
			T::Identity::is_active(&subject)
				&& T::Identity::kind(&subject) == Some(SubjectKind::Enterprise),
			Error::<T>::NotClaimant
		);
		Ok(Claimant::Enterprise(subject))
	}

	/// The id of `issuer`'s bill `number`.
	pub fn bill_id(issuer: &Issuer, number: &[u8]) -> BillId {
		H256::from(blake2_256(&(issuer, number).encode()))
	}

	fn is_active_enterprise(subject: &SubjectId) -> bool {
		T::Identity::is_active(subject)
			&& T::Identity::kind(subject) == Some(SubjectKind::Enterprise)
	}

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

	/// Checks and writes one bill; `reverses` marks a credit note. Returns its id.
	pub(crate) fn do_issue(
		issuer: Issuer,
		bill: NewBill<T>,
		reverses: Option<BillId>,
	) -> Result<BillId, DispatchError> {
		ensure!(!bill.number.is_empty(), Error::<T>::NumberEmpty);
		ensure!(bill.amount > 0, Error::<T>::AmountZero);
		ensure!(bill.tax_amount <= bill.amount, Error::<T>::TaxExceedsAmount);
		if let Some(payer) = &bill.payer {
			ensure!(T::Identity::kind(payer).is_some(), Error::<T>::UnknownPayer);
		}
		let id = Self::bill_id(&issuer, &bill.number);
		ensure!(!Bills::<T>::contains_key(id), Error::<T>::DuplicateNumber);

		if let Some(payer) = bill.payer {
			BillsByPayer::<T>::insert(payer, id, ());
		}
		BillsByIssuer::<T>::insert(issuer, id, ());
		Bills::<T>::insert(
			id,
			Bill::<T> {
				issuer,
				number: bill.number,
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

	/// Issues a batch, all or nothing (the call's storage transaction undoes earlier bills if a
	/// later one fails).
	pub(crate) fn do_issue_batch(
		issuer: Issuer,
		by: T::AccountId,
		bills: Vec<NewBill<T>>,
	) -> DispatchResult {
		ensure!(!bills.is_empty(), Error::<T>::BatchEmpty);
		ensure!(bills.len() <= T::MaxBatch::get() as usize, Error::<T>::BatchTooLarge);
		let mut ids = BoundedVec::<BillId, T::MaxBatch>::new();
		for bill in bills {
			let id = Self::do_issue(issuer, bill, None)?;
			ids.try_push(id).map_err(|_| Error::<T>::BatchTooLarge)?;
		}
		Self::deposit_event(Event::BatchIssued { issuer, by, bills: ids });
		Ok(())
	}

	/// The bill, if `who` acts for its issuer.
	fn issued_by(who: &T::AccountId, bill: &BillId) -> Result<(Issuer, Bill<T>), DispatchError> {
		let issuer = Self::issuer_of(who)?;
		let record = Bills::<T>::get(bill).ok_or(Error::<T>::BillNotFound)?;
		ensure!(record.issuer == issuer, Error::<T>::NotBillIssuer);
		Ok((issuer, record))
	}

	pub(crate) fn do_mark_paid(
		who: T::AccountId,
		bill: BillId,
		payment_reference: H256,
	) -> DispatchResult {
		let (issuer, mut record) = Self::issued_by(&who, &bill)?;
		ensure!(record.status == BillStatus::Issued, Error::<T>::NotUnpaid);
		record.status = BillStatus::Paid;
		record.payment_reference = Some(payment_reference);
		Bills::<T>::insert(bill, record);
		Self::deposit_event(Event::BillPaid { bill, issuer, by: who, payment_reference });
		Ok(())
	}

	pub(crate) fn do_void(who: T::AccountId, bill: BillId) -> DispatchResult {
		let (issuer, mut record) = Self::issued_by(&who, &bill)?;
		ensure!(record.status == BillStatus::Issued, Error::<T>::NotUnpaid);
		record.status = BillStatus::Voided;
		Bills::<T>::insert(bill, record);
		Self::deposit_event(Event::BillVoided { bill, issuer, by: who });
		Ok(())
	}

	pub(crate) fn do_reverse(
		who: T::AccountId,
		bill: BillId,
		credit_note_number: Vec<u8>,
		content_hash: H256,
	) -> DispatchResult {
		let (issuer, mut record) = Self::issued_by(&who, &bill)?;
		ensure!(record.status == BillStatus::Paid, Error::<T>::NotReversible);
		let number: BoundedVec<u8, T::MaxNumberLength> =
			credit_note_number.try_into().map_err(|_| Error::<T>::NumberTooLong)?;
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
		let credit_note = Self::do_issue(issuer, note, Some(bill))?;
		record.status = BillStatus::Reversed;
		Bills::<T>::insert(bill, record);
		Self::deposit_event(Event::BillReversed { bill, credit_note, issuer, by: who });
		Ok(())
	}

	pub(crate) fn do_claim(
		who: T::AccountId,
		bill: BillId,
		amount: Amount,
		claim_reference: H256,
	) -> DispatchResult {
		let claimant = Self::claimant_of(&who)?;
		let mut record = Bills::<T>::get(bill).ok_or(Error::<T>::BillNotFound)?;
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
		ensure!(amount <= remaining, Error::<T>::ExceedsRemaining);
		let reimbursed =
			record.reimbursed.checked_add(amount).ok_or(Error::<T>::ExceedsRemaining)?;
		let remaining = record.amount.saturating_sub(reimbursed);

		record.reimbursed = reimbursed;
		record.status =
			if remaining == 0 { BillStatus::Reimbursed } else { BillStatus::PartiallyReimbursed };
		Bills::<T>::insert(bill, record);
		Self::deposit_event(Event::ReimbursementClaimed {
			bill,
			claimant,
			by: who,
			amount,
			remaining,
			claim_reference,
		});
		Ok(())
	}

	/// Builds the genesis state.
	pub(crate) fn seed(genesis: &GenesisConfig<T>) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		for (subject, department) in &genesis.enabled_issuers {
			ensure!(Self::is_active_enterprise(subject), Error::<T>::NotActiveEnterprise);
			EnabledIssuers::<T>::insert(subject, (*department, now));
		}
		for b in &genesis.bills {
			if let Issuer::Enterprise(subject) = &b.issuer {
				ensure!(EnabledIssuers::<T>::contains_key(subject), Error::<T>::NotIssuer);
			}
			let number =
				b.number.as_bytes().to_vec().try_into().map_err(|_| Error::<T>::NumberTooLong)?;
			let bill = NewBill::<T> {
				number,
				payer: b.payer,
				kind: b.kind,
				amount: b.amount,
				tax_amount: b.tax_amount,
				currency: *b"CNY",
				content_hash: H256::from(blake2_256(b.number.as_bytes())),
				due: b.due,
			};
			let id = Self::do_issue(b.issuer, bill, None)?;
			if b.paid {
				Bills::<T>::mutate(id, |bill| {
					if let Some(bill) = bill {
						bill.status = BillStatus::Paid;
					}
				});
			}
		}
		Ok(())
	}
}

/// Queries behind the `EBillsApi` runtime API and the shared traits.
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
