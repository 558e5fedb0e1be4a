//! The logic behind the calls, one file per feature (as in `pallet-real-estate`): each call is an
//! origin check plus one `do_*` function, which checks everything first and writes last and emits
//! the call's events; every call runs in a storage transaction, so a failing call (a batch
//! included) changes nothing. This file holds who may act (issuers, claimants, payers and their
//! registrars), bill numbers and ids, and the genesis build.

mod issue;
mod reimburse;
mod settle;

use alloc::vec::Vec;

use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::*},
	sp_core::H256,
	sp_io::hashing::blake2_256,
};

use crate::{
	pallet::*, BillId, BillStatus, Claimant, DepartmentId, EnsureOfficer, Issuer, NewBill,
	SubjectId,
};

use civitas_primitives::SubjectKind;

use civitas_primitives::{IdentityProvider, RoleAuthority};

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
