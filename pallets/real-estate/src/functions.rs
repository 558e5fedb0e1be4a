//! The logic behind the calls. Each `do_*` function checks everything first and writes last; a
//! failing call changes nothing.

use alloc::vec::Vec;
use codec::Encode;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::*},
	sp_core::H256,
	sp_io::hashing::blake2_256,
	sp_runtime::{traits::Zero, Saturating},
};

use crate::{
	pallet::*, transfer_terms, Amount, BillIssuer, Consent, ConsentEvidence, DepartmentId,
	Encumbrance, EncumbranceKind, HistoryEntry, IdentityProvider, Licence, LicenceKind,
	LicenceRule, LicenceStatus, MortgageRequest, Owners, Party, Property, PropertyId,
	PropertyStatus, RoleAuthority, Share, SubjectId, TaxAssessment, TaxShare, TitleChange,
	Transfer, TransferId, WHOLE,
};
use civitas_primitives::{all_distinct, BillId, BillKind, EnsureOfficer};

/// Why a transfer cannot complete now; empty lists and `false` mean it can.
#[derive(Clone, PartialEq, Eq, Debug, Encode, codec::Decode, scale_info::TypeInfo)]
pub struct TransferBlockers {
	/// The period ended.
	pub expired: bool,
	/// The property is under a court freeze.
	pub frozen: bool,
	/// The parties that have not consented.
	pub missing_consents: Vec<Party>,
	/// The unpaid tax bills.
	pub outstanding_tax: Vec<BillId>,
	/// The required licence kinds with no valid licence.
	pub missing_licences: Vec<LicenceKind>,
}

impl TransferBlockers {
	/// The error completing the transfer now would fail with, if any.
	fn error<T: Config>(&self) -> Option<Error<T>> {
		if self.expired {
			Some(Error::<T>::TransferAlreadyExpired)
		} else if self.frozen {
			Some(Error::<T>::PropertyUnderFreeze)
		} else if !self.missing_consents.is_empty() {
			Some(Error::<T>::ConsentMissing)
		} else if !self.outstanding_tax.is_empty() {
			Some(Error::<T>::TaxOutstanding)
		} else if !self.missing_licences.is_empty() {
			Some(Error::<T>::LicenceMissing)
		} else {
			None
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The current block.
	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// Checks a list of owners (or buyers): 1..=MaxOwners distinct active subjects with
	/// non-zero shares summing to 1000.
	pub(crate) fn checked_owners(
		owners: Vec<(SubjectId, Share)>,
	) -> Result<Owners<T>, DispatchError> {
		ensure!(!owners.is_empty(), Error::<T>::OwnersEmpty);
		let owners: Owners<T> = owners.try_into().map_err(|_| Error::<T>::MaxOwnersExceeded)?;
		let mut total: u32 = 0;
		for (i, (subject, share)) in owners.iter().enumerate() {
			ensure!(*share > 0, Error::<T>::ShareZero);
			total = total.saturating_add(u32::from(*share));
			ensure!(
				!owners.iter().take(i).any(|(other, _)| other == subject),
				Error::<T>::DuplicateOwner
			);
		}
		ensure!(total == u32::from(WHOLE), Error::<T>::SharesNotWhole);
		ensure!(owners.iter().all(|(s, _)| T::Identity::is_active(s)), Error::<T>::OwnerNotActive);
		Ok(owners)
	}

	/// A property that exists and is not retired.
	fn live_property(property: PropertyId) -> Result<Property<T>, DispatchError> {
		let record = Properties::<T>::get(property).ok_or(Error::<T>::PropertyNotFound)?;
		ensure!(record.status != PropertyStatus::Retired, Error::<T>::PropertyAlreadyRetired);
		Ok(record)
	}

	/// `property` if `registry` keeps it (retired or not): a registrar acts only on its own
	/// registry's properties.
	fn in_registry(
		property: PropertyId,
		registry: DepartmentId,
	) -> Result<Property<T>, DispatchError> {
		let record = Properties::<T>::get(property).ok_or(Error::<T>::PropertyNotFound)?;
		ensure!(record.registry == registry, Error::<T>::NotPropertyRegistry);
		Ok(record)
	}

	/// A live property kept by `registry`.
	fn kept_by(property: PropertyId, registry: DepartmentId) -> Result<Property<T>, DispatchError> {
		let record = Self::in_registry(property, registry)?;
		ensure!(record.status != PropertyStatus::Retired, Error::<T>::PropertyAlreadyRetired);
		Ok(record)
	}

	/// `Ok` if `property` exists and `registry` keeps it.
	pub(crate) fn ensure_registry(property: PropertyId, registry: DepartmentId) -> DispatchResult {
		Self::in_registry(property, registry).map(|_| ())
	}

	/// The number of `property`'s open transfer if it is stale (it may be replaced), `None` if
	/// there is none; fails with `TransferAlreadyOpen` while one is in time.
	fn stale_transfer(property: PropertyId) -> Result<Option<TransferId>, DispatchError> {
		match Transfers::<T>::get(property) {
			Some(open) if open.expires_at >= Self::now() => {
				Err(Error::<T>::TransferAlreadyOpen.into())
			},
			Some(open) => Ok(Some(open.id)),
			None => Ok(None),
		}
	}

	/// Appends `change` to `property`'s history and bumps its version (the caller writes
	/// `record` back).
	fn record_history(
		property: PropertyId,
		record: &mut Property<T>,
		department: DepartmentId,
		change: TitleChange<T>,
	) -> DispatchResult {
		let seq = record.version;
		record.version = seq.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let entry = HistoryEntry::<T> {
			at: Self::now(),
			department,
			title_certificate: record.title_certificate,
			change,
		};
		TitleHistory::<T>::insert(property, seq, entry);
		Ok(())
	}

	pub(crate) fn do_register(
		department: DepartmentId,
		cadastral_ref: Vec<u8>,
		location_commitment: H256,
		area_m2: u32,
		usage: crate::Usage,
		owners: Vec<(SubjectId, Share)>,
		title_certificate: H256,
	) -> Result<PropertyId, DispatchError> {
		ensure!(!cadastral_ref.is_empty(), Error::<T>::CadastralRefEmpty);
		let cadastral_ref: BoundedVec<u8, T::MaxCadastralLength> =
			cadastral_ref.try_into().map_err(|_| Error::<T>::MaxCadastralLengthExceeded)?;
		ensure!(
			!PropertyByCadastre::<T>::contains_key(&cadastral_ref),
			Error::<T>::CadastralRefAlreadyExists
		);
		let owners = Self::checked_owners(owners)?;
		let property = NextPropertyId::<T>::get();
		let next = property.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

		let mut record = Property::<T> {
			cadastral_ref: cadastral_ref.clone(),
			location_commitment,
			area_m2,
			usage,
			owners: owners.clone(),
			title_certificate,
			status: PropertyStatus::Active,
			registry: department,
			version: 0,
			successors: BoundedVec::new(),
		};
		Self::record_history(
			property,
			&mut record,
			department,
			TitleChange::Registered { owners: owners.clone() },
		)?;
		for (subject, share) in &owners {
			PropertiesOf::<T>::insert(subject, property, share);
		}
		NextPropertyId::<T>::put(next);
		PropertyByCadastre::<T>::insert(&cadastral_ref, property);
		Properties::<T>::insert(property, record);
		Ok(property)
	}

	pub(crate) fn do_retire(
		property: PropertyId,
		successors: BoundedVec<PropertyId, T::MaxSuccessors>,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		let mut record = Self::kept_by(property, department)?;
		ensure!(record.status != PropertyStatus::Frozen, Error::<T>::PropertyUnderFreeze);
		ensure!(
			Encumbrances::<T>::decode_len(property).unwrap_or(0) == 0,
			Error::<T>::EncumbrancesOutstanding
		);
		ensure!(!Transfers::<T>::contains_key(property), Error::<T>::TransferAlreadyOpen);
		ensure!(!successors.is_empty(), Error::<T>::SuccessorsEmpty);
		for (i, successor) in successors.iter().enumerate() {
			ensure!(
				*successor != property && !successors.iter().take(i).any(|s| s == successor),
				Error::<T>::InvalidSuccessor
			);
			let live = Properties::<T>::get(successor)
				.is_some_and(|s| s.status != PropertyStatus::Retired);
			ensure!(live, Error::<T>::InvalidSuccessor);
		}

		Self::record_history(
			property,
			&mut record,
			department,
			TitleChange::Retired { successors: successors.clone() },
		)?;
		for (subject, _) in &record.owners {
			PropertiesOf::<T>::remove(subject, property);
		}
		record.status = PropertyStatus::Retired;
		record.successors = successors.clone();
		Properties::<T>::insert(property, record);
		Self::deposit_event(Event::PropertyRetired { property, successors, department, officer });
		Ok(())
	}

	pub(crate) fn do_open_transfer(
		property: PropertyId,
		buyers: Vec<(SubjectId, Share)>,
		price: Amount,
		deed: H256,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		let record = Self::kept_by(property, department)?;
		ensure!(record.status != PropertyStatus::Frozen, Error::<T>::PropertyUnderFreeze);
		let now = Self::now();
		let stale = Self::stale_transfer(property)?;
		ensure!(price > 0, Error::<T>::PriceZero);
		let buyers = Self::checked_owners(buyers)?;
		let expires_at = now.saturating_add(T::TransferPeriod::get());
		let id = NextTransferId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let terms = transfer_terms(id, property, &buyers, price, &deed);

		if let Some(transfer) = stale {
			Self::deposit_event(Event::TransferLapsed { property, transfer });
		}
		NextTransferId::<T>::put(next);
		Transfers::<T>::insert(
			property,
			Transfer::<T> {
				id,
				terms,
				buyers: buyers.clone(),
				price,
				deed,
				opened_by: department,
				opener: officer.clone(),
				opened_at: now,
				expires_at,
				consents: BoundedVec::new(),
			},
		);
		Self::deposit_event(Event::TransferOpened {
			property,
			transfer: id,
			terms,
			buyers,
			price,
			deed,
			expires_at,
			department,
			officer,
		});
		Ok(())
	}

	pub(crate) fn do_cancel_transfer(
		property: PropertyId,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		Self::ensure_registry(property, department)?;
		let transfer = Transfers::<T>::take(property).ok_or(Error::<T>::TransferNotFound)?;
		Self::deposit_event(Event::TransferCancelled {
			property,
			transfer: transfer.id,
			department,
			officer,
		});
		Ok(())
	}

	pub(crate) fn do_set_registry(property: PropertyId, registry: DepartmentId) -> DispatchResult {
		let mut record = Properties::<T>::get(property).ok_or(Error::<T>::PropertyNotFound)?;
		ensure!(T::RegistrarOrigin::allows(registry), Error::<T>::NotARegistrar);
		let stale = Self::stale_transfer(property)?;
		if let Some(transfer) = stale {
			Transfers::<T>::remove(property);
			Self::deposit_event(Event::TransferLapsed { property, transfer });
		}
		let from = core::mem::replace(&mut record.registry, registry);
		Properties::<T>::insert(property, record);
		Self::deposit_event(Event::RegistryChanged { property, from, to: registry });
		Ok(())
	}

	/// The parties whose consent the open transfer needs now: the owners, the buyers and the
	/// banks holding mortgages, each once.
	fn parties(
		record: &Property<T>,
		transfer: &Transfer<T>,
		encumbrances: &[Encumbrance<BlockNumberFor<T>>],
	) -> Vec<Party> {
		let mut parties: Vec<Party> = Vec::new();
		let subjects =
			record.owners.iter().chain(transfer.buyers.iter()).map(|(s, _)| Party::Subject(*s));
		let lenders = encumbrances.iter().filter_map(|e| match e.kind {
			EncumbranceKind::Mortgage { lender, .. } => Some(Party::Lender(lender)),
			_ => None,
		});
		for party in subjects.chain(lenders) {
			if !parties.contains(&party) {
				parties.push(party);
			}
		}
		parties
	}

	/// The open, unexpired transfer of `property`, if it is number `id` on `terms`: a consent
	/// counts only for the transfer and terms it names.
	fn transfer_named(
		property: PropertyId,
		id: TransferId,
		terms: H256,
	) -> Result<Transfer<T>, DispatchError> {
		let transfer = Transfers::<T>::get(property).ok_or(Error::<T>::TransferNotFound)?;
		ensure!(transfer.id == id, Error::<T>::TransferMismatch);
		ensure!(transfer.terms == terms, Error::<T>::TermsMismatch);
		ensure!(transfer.expires_at >= Self::now(), Error::<T>::TransferAlreadyExpired);
		Ok(transfer)
	}

	/// Records `party`'s consent, if it is a party that has not consented yet.
	fn add_consent(
		property: PropertyId,
		record: &Property<T>,
		mut transfer: Transfer<T>,
		party: Party,
		evidence: ConsentEvidence,
		by: T::AccountId,
	) -> DispatchResult {
		let encumbrances = Encumbrances::<T>::get(property);
		ensure!(
			Self::parties(record, &transfer, &encumbrances).contains(&party),
			Error::<T>::NotAParty
		);
		ensure!(!transfer.consents.iter().any(|c| c.party == party), Error::<T>::AlreadyConsented);
		let consent = Consent { party, evidence, by: by.clone() };
		transfer.consents.try_push(consent).map_err(|_| Error::<T>::NotAParty)?;
		let id = transfer.id;
		Transfers::<T>::insert(property, transfer);
		Self::deposit_event(Event::ConsentGiven { property, transfer: id, party, evidence, by });
		Ok(())
	}

	pub(crate) fn do_consent(
		property: PropertyId,
		id: TransferId,
		terms: H256,
		who: T::AccountId,
	) -> DispatchResult {
		let transfer = Self::transfer_named(property, id, terms)?;
		// A bank's officer consents for the bank; anyone else for the subject it is linked to.
		let bank = T::Roles::department_of(&who).filter(|d| T::LenderOrigin::allows(*d));
		let party = match bank {
			Some(bank) => Party::Lender(bank),
			None => {
				let subject = T::Identity::subject_of(&who).ok_or(Error::<T>::NotAParty)?;
				// A suspended, closed or dissolved party acts through its keys no more.
				ensure!(T::Identity::is_active(&subject), Error::<T>::PartyNotActive);
				Party::Subject(subject)
			},
		};
		let record = Properties::<T>::get(property).ok_or(Error::<T>::PropertyNotFound)?;
		Self::add_consent(property, &record, transfer, party, ConsentEvidence::Signed, who)
	}

	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_record_consent(
		property: PropertyId,
		id: TransferId,
		terms: H256,
		subject: SubjectId,
		evidence: H256,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		let record = Self::in_registry(property, department)?;
		let transfer = Self::transfer_named(property, id, terms)?;
		// A registrar stands in only for a party without keys, and not for one that may no
		// longer act at all.
		ensure!(!T::Identity::has_linked_account(&subject), Error::<T>::PartyHasKeys);
		ensure!(T::Identity::is_active(&subject), Error::<T>::PartyNotActive);
		let party = Party::Subject(subject);
		let evidence = ConsentEvidence::Recorded(evidence);
		Self::add_consent(property, &record, transfer, party, evidence, officer)
	}

	/// What stands in the way of completing `transfer` of `property` now.
	pub fn blockers(
		property: PropertyId,
		record: &Property<T>,
		transfer: &Transfer<T>,
	) -> TransferBlockers {
		let now = Self::now();
		let encumbrances = Encumbrances::<T>::get(property);
		let missing_consents = Self::parties(record, transfer, &encumbrances)
			.into_iter()
			.filter(|party| !transfer.consents.iter().any(|c| c.party == *party))
			.collect();
		let outstanding_tax = Self::outstanding_tax(property, OutstandingTax::<T>::get(property));
		let licences = Licences::<T>::get(property);
		let missing_licences = RequiredLicences::<T>::get(record.usage)
			.into_iter()
			.filter(|kind| !licences.iter().any(|l| l.kind == *kind && l.valid_at(&now)))
			.collect();
		TransferBlockers {
			expired: transfer.expires_at < now,
			frozen: record.status == PropertyStatus::Frozen,
			missing_consents,
			outstanding_tax,
			missing_licences,
		}
	}

	/// Completes the transfer; returns the larger of the old and new owner counts (for the
	/// weight).
	pub(crate) fn do_complete_transfer(
		property: PropertyId,
		title_certificate: H256,
		department: DepartmentId,
		officer: T::AccountId,
	) -> Result<u32, DispatchError> {
		let mut record = Self::kept_by(property, department)?;
		let transfer = Transfers::<T>::get(property).ok_or(Error::<T>::TransferNotFound)?;
		// Four eyes: neither the opener nor a registrar who recorded a consent completes.
		ensure!(
			transfer.opener != officer
				&& !transfer.consents.iter().any(|c| {
					matches!(c.evidence, ConsentEvidence::Recorded(_)) && c.by == officer
				}),
			Error::<T>::SecondOfficerRequired
		);
		if let Some(error) = Self::blockers(property, &record, &transfer).error::<T>() {
			return Err(error.into());
		}
		ensure!(
			transfer.buyers.iter().all(|(s, _)| T::Identity::is_active(s)),
			Error::<T>::OwnerNotActive
		);

		let counted = record.owners.len().max(transfer.buyers.len()) as u32;
		for (subject, _) in &record.owners {
			PropertiesOf::<T>::remove(subject, property);
		}
		for (subject, share) in &transfer.buyers {
			PropertiesOf::<T>::insert(subject, property, share);
		}
		record.owners = transfer.buyers.clone();
		record.title_certificate = title_certificate;
		Self::record_history(
			property,
			&mut record,
			department,
			TitleChange::Transferred {
				owners: transfer.buyers.clone(),
				price: transfer.price,
				deed: transfer.deed,
			},
		)?;
		// Settled tax bills need not be looked at again.
		OutstandingTax::<T>::remove(property);
		Transfers::<T>::remove(property);
		Properties::<T>::insert(property, record);
		Self::deposit_event(Event::TransferCompleted {
			property,
			transfer: transfer.id,
			title_certificate,
			department,
			officer,
		});
		Ok(counted)
	}

	pub(crate) fn do_request_mortgage(
		property: PropertyId,
		lender: DepartmentId,
		amount: Amount,
		contract: H256,
		officer: T::AccountId,
	) -> DispatchResult {
		let record = Self::live_property(property)?;
		ensure!(record.status != PropertyStatus::Frozen, Error::<T>::PropertyUnderFreeze);
		ensure!(amount > 0, Error::<T>::AmountZero);
		ensure!(
			!MortgageRequests::<T>::contains_key(property, lender),
			Error::<T>::MortgageAlreadyRequested
		);
		let request = MortgageRequest { amount, contract, requested_at: Self::now() };
		MortgageRequests::<T>::insert(property, lender, request);
		Self::deposit_event(Event::MortgageRequested { property, lender, amount, officer });
		Ok(())
	}

	pub(crate) fn do_register_mortgage(
		property: PropertyId,
		lender: DepartmentId,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		Self::ensure_registry(property, department)?;
		let request = MortgageRequests::<T>::get(property, lender)
			.ok_or(Error::<T>::MortgageRequestNotFound)?;
		ensure!(T::LenderOrigin::allows(lender), Error::<T>::NotLender);
		let mortgages = Encumbrances::<T>::get(property)
			.iter()
			.filter(|e| matches!(e.kind, EncumbranceKind::Mortgage { .. }))
			.count();
		let rank = u8::try_from(mortgages.saturating_add(1))
			.map_err(|_| Error::<T>::MaxMortgagesExceeded)?;
		let kind = EncumbranceKind::Mortgage { lender, amount: request.amount, rank };
		Self::do_encumber(property, kind, department, officer)?;
		MortgageRequests::<T>::remove(property, lender);
		Ok(())
	}

	/// Registers `kind` on `property`. A freeze blocks new mortgages, not further freezes, leases
	/// or easements.
	pub(crate) fn do_encumber(
		property: PropertyId,
		kind: EncumbranceKind<BlockNumberFor<T>>,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		let mut record = Self::live_property(property)?;
		let is_mortgage = matches!(kind, EncumbranceKind::Mortgage { .. });
		ensure!(
			!(is_mortgage && record.status == PropertyStatus::Frozen),
			Error::<T>::PropertyUnderFreeze
		);
		let mut encumbrances = Encumbrances::<T>::get(property);
		let id = NextEncumbranceId::<T>::get(property);
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let encumbrance =
			Encumbrance { id, kind, registered_by: department, registered_at: Self::now() };
		encumbrances.try_push(encumbrance).map_err(|_| Error::<T>::MaxEncumbrancesExceeded)?;

		if matches!(kind, EncumbranceKind::CourtFreeze { .. }) {
			record.status = PropertyStatus::Frozen;
		}
		Self::record_history(
			property,
			&mut record,
			department,
			TitleChange::Encumbered { encumbrance },
		)?;
		NextEncumbranceId::<T>::insert(property, next);
		Encumbrances::<T>::insert(property, encumbrances);
		Properties::<T>::insert(property, record);
		Self::deposit_event(Event::EncumbranceRegistered {
			property,
			encumbrance,
			department,
			officer,
		});
		Ok(())
	}

	/// The department of `who` if it may release `encumbrance`.
	fn releaser(
		who: &T::AccountId,
		encumbrance: &Encumbrance<BlockNumberFor<T>>,
		registry: DepartmentId,
	) -> Result<DepartmentId, DispatchError> {
		let department = T::Roles::department_of(who).ok_or(Error::<T>::NotReleaser)?;
		let court = || T::CourtOrigin::allows(department);
		let allowed = match encumbrance.kind {
			EncumbranceKind::Mortgage { lender, .. } => {
				(department == lender && T::LenderOrigin::allows(department)) || court()
			},
			EncumbranceKind::CourtFreeze { .. } => {
				department == encumbrance.registered_by && court()
			},
			EncumbranceKind::Lease { .. } | EncumbranceKind::Easement { .. } => {
				department == registry && T::RegistrarOrigin::allows(department)
			},
		};
		ensure!(allowed, Error::<T>::NotReleaser);
		Ok(department)
	}

	pub(crate) fn do_release(property: PropertyId, id: u32, who: T::AccountId) -> DispatchResult {
		let mut record = Properties::<T>::get(property).ok_or(Error::<T>::PropertyNotFound)?;
		let mut encumbrances = Encumbrances::<T>::get(property);
		let at =
			encumbrances.iter().position(|e| e.id == id).ok_or(Error::<T>::EncumbranceNotFound)?;
		let released = encumbrances.remove(at);
		let department = Self::releaser(&who, &released, record.registry)?;

		// Junior mortgages move up one rank.
		if let EncumbranceKind::Mortgage { rank: gone, .. } = released.kind {
			for e in encumbrances.iter_mut() {
				if let EncumbranceKind::Mortgage { rank, .. } = &mut e.kind {
					if *rank > gone {
						*rank = rank.saturating_sub(1);
					}
				}
			}
		}
		let frozen =
			encumbrances.iter().any(|e| matches!(e.kind, EncumbranceKind::CourtFreeze { .. }));
		if record.status == PropertyStatus::Frozen && !frozen {
			record.status = PropertyStatus::Active;
		}
		Self::record_history(
			property,
			&mut record,
			department,
			TitleChange::Released { encumbrance: id },
		)?;
		Encumbrances::<T>::insert(property, encumbrances);
		Properties::<T>::insert(property, record);
		Self::deposit_event(Event::EncumbranceReleased {
			property,
			encumbrance: id,
			department,
			officer: who,
		});
		Ok(())
	}

	/// The department of `who` and the rule of `kind`, if the rule lets the department issue
	/// such licences now.
	fn licence_issuer(
		who: &T::AccountId,
		kind: LicenceKind,
	) -> Result<(DepartmentId, LicenceRule<BlockNumberFor<T>>), DispatchError> {
		let rule = LicenceRules::<T>::get(kind).ok_or(Error::<T>::LicenceRuleNotFound)?;
		let department = T::Roles::ensure_role(who, rule.role)?;
		ensure!(rule.departments.contains(&department), Error::<T>::NotLicenceIssuer);
		Ok((department, rule))
	}

	/// `Ok` if `rule` names at least one department, each once, and a longest validity of at
	/// least one block if any.
	pub(crate) fn check_licence_rule(rule: &LicenceRule<BlockNumberFor<T>>) -> DispatchResult {
		ensure!(!rule.departments.is_empty(), Error::<T>::LicenceIssuersEmpty);
		ensure!(all_distinct(&rule.departments), Error::<T>::DuplicateIssuer);
		ensure!(!rule.max_validity.is_some_and(|v| v.is_zero()), Error::<T>::InvalidMaxValidity);
		Ok(())
	}

	pub(crate) fn do_issue_licence(
		property: PropertyId,
		kind: LicenceKind,
		document_hash: H256,
		valid_until: Option<BlockNumberFor<T>>,
		who: T::AccountId,
	) -> DispatchResult {
		Self::live_property(property)?;
		let (department, rule) = Self::licence_issuer(&who, kind)?;
		let now = Self::now();
		ensure!(valid_until.is_none_or(|until| until > now), Error::<T>::ValidityInPast);
		if let Some(max) = rule.max_validity {
			let latest = now.saturating_add(max);
			ensure!(
				valid_until.is_some_and(|until| until <= latest),
				Error::<T>::MaxValidityExceeded
			);
		}
		let mut licences = Licences::<T>::get(property);
		ensure!(
			!licences.iter().any(|l| l.document_hash == document_hash),
			Error::<T>::LicenceAlreadyExists
		);
		// A full register makes room by dropping its oldest revoked or expired licence, so it
		// can never be filled for good (the events keep the dropped licence's history).
		let pruned = if licences.is_full() {
			licences.iter().position(|l| !l.valid_at(&now)).map(|at| licences.remove(at))
		} else {
			None
		};
		let licence = Licence {
			kind,
			document_hash,
			issuer: department,
			issued_at: now,
			valid_until,
			status: LicenceStatus::Active,
		};
		licences.try_push(licence).map_err(|_| Error::<T>::MaxLicencesExceeded)?;
		Licences::<T>::insert(property, licences);
		if let Some(old) = pruned {
			Self::deposit_event(Event::LicencePruned {
				property,
				document_hash: old.document_hash,
			});
		}
		Self::deposit_event(Event::LicenceIssued {
			property,
			kind,
			document_hash,
			department,
			officer: who,
		});
		Ok(())
	}

	pub(crate) fn do_revoke_licence(
		property: PropertyId,
		document_hash: H256,
		who: T::AccountId,
	) -> DispatchResult {
		let mut licences = Licences::<T>::get(property);
		let licence = licences
			.iter_mut()
			.find(|l| l.document_hash == document_hash)
			.ok_or(Error::<T>::LicenceNotFound)?;
		// Only the issuing department, while it is active and still holds the role the kind's
		// rule names, revokes a licence.
		let rule = LicenceRules::<T>::get(licence.kind).ok_or(Error::<T>::LicenceRuleNotFound)?;
		let department = T::Roles::ensure_role(&who, rule.role)?;
		ensure!(licence.issuer == department, Error::<T>::NotLicenceHolder);
		ensure!(licence.status == LicenceStatus::Active, Error::<T>::LicenceAlreadyRevoked);
		licence.status = LicenceStatus::Revoked;
		Licences::<T>::insert(property, licences);
		Self::deposit_event(Event::LicenceRevoked {
			property,
			document_hash,
			department,
			officer: who,
		});
		Ok(())
	}

	/// The bill number of the `n`th owner's (from 0, in title order) tax on `property` for
	/// `period`: `PT-<property>-<period>-<n>`.
	pub fn tax_bill_number(property: PropertyId, period: u32, n: u32) -> Vec<u8> {
		alloc::format!("PT-{property}-{period}-{n}").into_bytes()
	}

	/// The bills of `property`'s assessments for `periods` that are still outstanding.
	fn outstanding_tax(
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

	/// Builds the genesis state.
	pub(crate) fn seed(genesis: &GenesisConfig<T>) -> DispatchResult {
		for (kind, rule) in &genesis.licence_rules {
			Self::check_licence_rule(rule)?;
			LicenceRules::<T>::insert(kind, rule);
		}
		// No rules at all leaves licensing closed until governance sets them; once there are
		// rules, every kind has one.
		ensure!(
			genesis.licence_rules.is_empty()
				|| LicenceKind::ALL.iter().all(LicenceRules::<T>::contains_key),
			Error::<T>::LicenceRuleNotFound
		);
		for (usage, kinds) in &genesis.required_licences {
			let kinds: BoundedVec<LicenceKind, T::MaxRequiredLicences> =
				kinds.clone().try_into().map_err(|_| Error::<T>::MaxLicencesExceeded)?;
			RequiredLicences::<T>::insert(usage, kinds);
		}
		for p in &genesis.properties {
			let certificate =
				H256::from(blake2_256(&(b"title", p.cadastral_ref.as_bytes()).encode()));
			let location =
				H256::from(blake2_256(&(b"location", p.cadastral_ref.as_bytes()).encode()));
			let id = Self::do_register(
				p.registry,
				p.cadastral_ref.as_bytes().to_vec(),
				location,
				p.area_m2,
				p.usage,
				p.owners.clone(),
				certificate,
			)?;
			let mut licences = Licences::<T>::get(id);
			for (kind, document_hash, issuer) in &p.licences {
				let licence = Licence {
					kind: *kind,
					document_hash: *document_hash,
					issuer: *issuer,
					issued_at: Self::now(),
					valid_until: None,
					status: LicenceStatus::Active,
				};
				licences.try_push(licence).map_err(|_| Error::<T>::MaxLicencesExceeded)?;
			}
			Licences::<T>::insert(id, licences);
		}
		Ok(())
	}
}

/// Queries behind the `RealEstateApi` runtime API.
impl<T: Config> Pallet<T> {
	/// The property `id`'s record.
	pub fn property(id: PropertyId) -> Option<Property<T>> {
		Properties::<T>::get(id)
	}

	/// The encumbrances registered on `property`, oldest first.
	pub fn encumbrances_of(property: PropertyId) -> Vec<Encumbrance<BlockNumberFor<T>>> {
		Encumbrances::<T>::get(property).into_inner()
	}

	/// The licences attached to `property`, in force or not.
	pub fn licences_of(property: PropertyId) -> Vec<Licence<BlockNumberFor<T>>> {
		Licences::<T>::get(property).into_inner()
	}

	/// Up to `limit` (at most [`crate::runtime_api::MAX_PAGE`]) of `subject`'s properties with
	/// its share, after `start_after`.
	pub fn properties_of(
		subject: SubjectId,
		start_after: Option<PropertyId>,
		limit: u32,
	) -> Vec<(PropertyId, Share)> {
		let limit = limit.min(crate::runtime_api::MAX_PAGE) as usize;
		match start_after {
			Some(last) => PropertiesOf::<T>::iter_prefix_from(
				subject,
				PropertiesOf::<T>::hashed_key_for(subject, last),
			)
			.take(limit)
			.collect(),
			None => PropertiesOf::<T>::iter_prefix(subject).take(limit).collect(),
		}
	}

	/// Up to `limit` (at most [`crate::runtime_api::MAX_PAGE`]) entries of `property`'s title
	/// history from sequence number `from`, oldest first.
	pub fn title_history(
		property: PropertyId,
		from: u32,
		limit: u32,
	) -> Vec<(u32, HistoryEntry<T>)> {
		let limit = limit.min(crate::runtime_api::MAX_PAGE);
		(from..from.saturating_add(limit))
			.map_while(|seq| TitleHistory::<T>::get(property, seq).map(|e| (seq, e)))
			.collect()
	}

	/// The property with this cadastral reference.
	pub fn property_by_cadastre(cadastral_ref: Vec<u8>) -> Option<PropertyId> {
		let key: BoundedVec<u8, T::MaxCadastralLength> = cadastral_ref.try_into().ok()?;
		PropertyByCadastre::<T>::get(key)
	}

	/// The licence of `property` whose document hashes to `document_hash`, and whether it is
	/// valid now.
	pub fn verify_licence(
		property: PropertyId,
		document_hash: H256,
	) -> Option<(Licence<BlockNumberFor<T>>, bool)> {
		let now = Self::now();
		let live =
			Properties::<T>::get(property).is_some_and(|p| p.status != PropertyStatus::Retired);
		Licences::<T>::get(property).into_iter().find(|l| l.document_hash == document_hash).map(
			|l| {
				let valid = live && l.valid_at(&now);
				(l, valid)
			},
		)
	}

	/// The open transfer of `property` and what blocks its completion now.
	pub fn transfer_status(property: PropertyId) -> Option<(Transfer<T>, TransferBlockers)> {
		let record = Properties::<T>::get(property)?;
		let transfer = Transfers::<T>::get(property)?;
		let blockers = Self::blockers(property, &record, &transfer);
		Some((transfer, blockers))
	}
}
