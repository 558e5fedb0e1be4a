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
	Amount, Bill, BillId, BillStatus, ClaimAuthorisation, Claimant, DepartmentId, EnsureOfficer,
	IdentityProvider, Issuer, NewBill, ReimbursementStatus, Resolution, RoleAuthority, SubjectId,
};
use civitas_primitives::{all_distinct, BillKind, SubjectKind};

impl<T: Config> Pallet<T> {
	/// The organisation the signed `origin` acts for, with the account: the department it serves
	/// if it passes `O`, else the subject its account is linked to. Anyone else is refused with
	/// `O`'s reason if an officer (suspended department, role not held), `otherwise` if not.
	fn organisation_of<O: EnsureOfficer<OriginFor<T>, T::AccountId>>(
		origin: OriginFor<T>,
		otherwise: Error<T>,
	) -> Result<(Issuer, T::AccountId), DispatchError> {
		let refusal = match O::ensure_officer(origin.clone()) {
			Ok((department, who)) => return Ok((Issuer::Department(department), who)),
			Err(refusal) => refusal,
		};
		let who = ensure_signed(origin)?;
		match T::Identity::subject_of(&who) {
			Some(subject) => Ok((Issuer::Enterprise(subject), who)),
			None => Err(Self::officer_refusal(refusal, &who, otherwise)),
		}
	}

	/// The issuer the signed `origin` acts for, with the account: its department if it passes
	/// `IssuerOrigin`, else its enterprise if that is enabled and active.
	pub(crate) fn issuer_of(origin: OriginFor<T>) -> Result<(Issuer, T::AccountId), DispatchError> {
		let (issuer, who) =
			Self::organisation_of::<T::IssuerOrigin>(origin, Error::<T>::NotIssuer)?;
		if let Issuer::Enterprise(subject) = issuer {
			ensure!(EnabledIssuers::<T>::contains_key(subject), Error::<T>::IssuerNotEnabled);
			ensure!(T::Identity::is_active(&subject), Error::<T>::IssuerNotActive);
		}
		Ok((issuer, who))
	}

	/// The claimant the signed `origin` acts for, with the account: its department if it passes
	/// `ReimburserOrigin`, else its enterprise if that is active.
	pub(crate) fn claimant_of(
		origin: OriginFor<T>,
	) -> Result<(Claimant, T::AccountId), DispatchError> {
		let (claimant, who) =
			Self::organisation_of::<T::ReimburserOrigin>(origin, Error::<T>::NotClaimant)?;
		if let Claimant::Enterprise(subject) = claimant {
			ensure!(
				T::Identity::kind(&subject) == Some(SubjectKind::Enterprise),
				Error::<T>::NotClaimant
			);
			ensure!(T::Identity::is_active(&subject), Error::<T>::ClaimantNotActive);
		}
		Ok((claimant, who))
	}

	/// Why `who`, not acting for a subject, was refused: the origin's `refusal` for an officer
	/// (suspended department, role not held), `otherwise` for anyone else.
	fn officer_refusal(
		refusal: DispatchError,
		who: &T::AccountId,
		otherwise: Error<T>,
	) -> DispatchError {
		if T::Roles::department_of(who).is_some() {
			refusal
		} else {
			otherwise.into()
		}
	}

	/// `Ok` if `department` is `payer`'s registrar.
	pub(crate) fn ensure_payer_registrar(
		payer: &SubjectId,
		department: DepartmentId,
	) -> DispatchResult {
		ensure!(
			T::Identity::registrar_of(payer) == Some(department),
			Error::<T>::NotPayerRegistrar
		);
		Ok(())
	}

	/// The signed `origin` if it is a linked account of `payer` (`None`), or an officer of the
	/// payer's registrar passing `RegistrarOrigin` (its department).
	pub(crate) fn payer_or_registrar(
		origin: OriginFor<T>,
		payer: &SubjectId,
	) -> Result<(T::AccountId, Option<DepartmentId>), DispatchError> {
		let who = ensure_signed(origin.clone())?;
		if T::Identity::subject_of(&who) == Some(*payer) {
			return Ok((who, None));
		}
		let (department, officer) = T::RegistrarOrigin::ensure_officer(origin)
			.map_err(|refusal| Self::officer_refusal(refusal, &who, Error::<T>::NotPayer))?;
		Self::ensure_payer_registrar(payer, department)?;
		Ok((officer, Some(department)))
	}

	/// The id of `issuer`'s bill `number`, as given or already normalised.
	pub fn bill_id(issuer: &Issuer, number: &[u8]) -> BillId {
		Self::id_of(issuer, &Self::normalise_number(number).unwrap_or_default())
	}

	/// The id of `issuer`'s bill with the normalised `number`.
	fn id_of(issuer: &Issuer, number: &[u8]) -> BillId {
		H256::from(blake2_256(&(issuer, number).encode()))
	}

	/// A bill number as the chain keeps it: surrounding ASCII whitespace trimmed, ASCII letters
	/// upper-cased; only printable ASCII (and inner spaces) accepted.
	pub(crate) fn normalise_number(number: &[u8]) -> Result<Vec<u8>, Error<T>> {
		let trimmed = number.trim_ascii();
		ensure!(!trimmed.is_empty(), Error::<T>::NumberEmpty);
		ensure!(
			trimmed.iter().all(|b| b.is_ascii_graphic() || *b == b' '),
			Error::<T>::InvalidNumber
		);
		Ok(trimmed.to_ascii_uppercase())
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
	fn insert_authorisation(
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

	/// The pallet's invariants: every bill is consistent in itself and with both indexes, every
	/// index entry names a bill of that payer or issuer, credit notes and reversals pair up, and
	/// the authorisation counts match.
	#[cfg(any(test, feature = "try-runtime"))]
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

	/// Builds the genesis state.
	pub(crate) fn seed(genesis: &GenesisConfig<T>) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		for (kind, departments) in &genesis.reimbursers {
			let departments =
				departments.clone().try_into().map_err(|_| Error::<T>::MaxReimbursersExceeded)?;
			Self::do_set_reimbursers(*kind, departments)?;
		}
		for (payer, claimant) in &genesis.claim_authorisations {
			Self::insert_authorisation(*payer, *claimant, None, None)?;
		}
		for (subject, department) in &genesis.enabled_issuers {
			ensure!(Self::is_active_enterprise(subject), Error::<T>::NotActiveEnterprise);
			EnabledIssuers::<T>::insert(subject, (*department, now));
		}
		for b in &genesis.bills {
			if let Issuer::Enterprise(subject) = &b.issuer {
				ensure!(EnabledIssuers::<T>::contains_key(subject), Error::<T>::NotIssuer);
			}
			let number = b
				.number
				.as_bytes()
				.to_vec()
				.try_into()
				.map_err(|_| Error::<T>::MaxNumberLengthExceeded)?;
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
			let id = Self::do_issue(bill, None, b.issuer)?;
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
