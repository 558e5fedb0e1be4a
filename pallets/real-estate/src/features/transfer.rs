//! Transfers: opening, consents (given or recorded), completion and cancellation.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::pallet_prelude::*,
	sp_core::H256,
	sp_runtime::Saturating,
};

use crate::{
	pallet::*, transfer_terms, Amount, Consent, ConsentEvidence, DepartmentId, Encumbrance,
	EncumbranceKind, IdentityProvider, Party, Property, PropertyId, PropertyStatus, RoleAuthority,
	Share, SubjectId, TitleChange, Transfer, TransferBlockers, TransferId,
};
use civitas_primitives::EnsureOfficer;

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
}
