//! Links between a subject and its own accounts: proposed by one side, accepted by the other.

use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::*},
	sp_runtime::Saturating,
};

use crate::{pallet::*, DepartmentId, LinkOfferer, PendingLink, Subject, SubjectId, SubjectStatus};

use civitas_primitives::{EnsureOfficer, RoleAuthority};

impl<T: Config> Pallet<T> {
	/// Checks that `account` may be linked to the active `subject` now.
	pub(super) fn check_linkable(
		record: &Subject<BlockNumberFor<T>>,
		subject: &SubjectId,
		account: &T::AccountId,
	) -> DispatchResult {
		ensure!(record.status == SubjectStatus::Active, Error::<T>::SubjectNotActive);
		ensure!(!Links::<T>::contains_key(account), Error::<T>::AccountAlreadyLinked);
		let linked = SubjectAccounts::<T>::decode_len(subject).unwrap_or_default();
		ensure!(
			linked < T::MaxLinkedAccounts::get() as usize,
			Error::<T>::MaxLinkedAccountsExceeded
		);
		Ok(())
	}

	/// The registrar's side of a link.
	pub(crate) fn do_propose_link(
		subject: SubjectId,
		account: T::AccountId,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		let record = Self::registered_by(department, &subject)?;
		Self::check_linkable(&record, &subject, &account)?;
		let now = frame_system::Pallet::<T>::block_number();

		let requested = PendingLinks::<T>::get(&account).is_some_and(|p| {
			p.subject == subject && p.offered_by == LinkOfferer::Account && now < p.expires_at
		});
		if requested {
			return Self::link(subject, account, department, officer);
		}
		let expires_at = now.saturating_add(T::LinkOfferPeriod::get());
		PendingLinks::<T>::insert(
			&account,
			PendingLink {
				subject,
				offered_by: LinkOfferer::Registrar { department, officer: officer.clone() },
				expires_at,
			},
		);
		Self::deposit_event(Event::LinkProposed {
			subject,
			account,
			department,
			officer,
			expires_at,
		});
		Ok(())
	}

	/// The account's side of a link.
	pub(crate) fn do_accept_link(subject: SubjectId, account: T::AccountId) -> DispatchResult {
		let record = Subjects::<T>::get(subject).ok_or(Error::<T>::SubjectNotFound)?;
		Self::check_linkable(&record, &subject, &account)?;
		let now = frame_system::Pallet::<T>::block_number();

		// An offer counts only while it is unexpired and its department is still the subject's
		// registrar and still holds the registrar role.
		let offer = PendingLinks::<T>::get(&account).and_then(|p| match p.offered_by {
			LinkOfferer::Registrar { department, officer }
				if p.subject == subject
					&& now < p.expires_at
					&& department == record.registrar
					&& T::RegistrarOrigin::allows(department) =>
			{
				Some((department, officer))
			},
			_ => None,
		});
		if let Some((department, officer)) = offer {
			return Self::link(subject, account, department, officer);
		}
		let expires_at = now.saturating_add(T::LinkOfferPeriod::get());
		PendingLinks::<T>::insert(
			&account,
			PendingLink { subject, offered_by: LinkOfferer::Account, expires_at },
		);
		Self::deposit_event(Event::LinkRequested { subject, account, expires_at });
		Ok(())
	}

	/// Makes a link both sides agreed to.
	fn link(
		subject: SubjectId,
		account: T::AccountId,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		Self::insert_link(subject, &account)?;
		PendingLinks::<T>::remove(&account);
		Self::deposit_event(Event::AccountLinked { subject, account, department, officer });
		Ok(())
	}

	/// Writes a link (the only fallible step comes first).
	pub(crate) fn insert_link(subject: SubjectId, account: &T::AccountId) -> DispatchResult {
		SubjectAccounts::<T>::try_mutate(subject, |accounts| {
			accounts.try_push(account.clone()).map_err(|_| Error::<T>::MaxLinkedAccountsExceeded)
		})?;
		Links::<T>::insert(account, subject);
		Ok(())
	}

	/// Unlinks an account, or withdraws its pending offer.
	pub(crate) fn do_unlink_account(account: T::AccountId, who: T::AccountId) -> DispatchResult {
		if let Some(subject) = Links::<T>::get(&account) {
			let department = Self::ensure_link_party(&who, &account, &subject)?;
			SubjectAccounts::<T>::mutate(subject, |accounts| accounts.retain(|a| a != &account));
			Links::<T>::remove(&account);
			Self::deposit_event(Event::AccountUnlinked { subject, account, by: who, department });
			return Ok(());
		}
		let pending = PendingLinks::<T>::get(&account).ok_or(Error::<T>::LinkNotFound)?;
		let department = Self::ensure_link_party(&who, &account, &pending.subject)?;
		PendingLinks::<T>::remove(&account);
		Self::deposit_event(Event::LinkOfferWithdrawn {
			subject: pending.subject,
			account,
			by: who,
			department,
		});
		Ok(())
	}

	/// `who` is the account itself (`None`), or an officer of the subject's registrar holding the
	/// registrar role (its department).
	fn ensure_link_party(
		who: &T::AccountId,
		account: &T::AccountId,
		subject: &SubjectId,
	) -> Result<Option<DepartmentId>, DispatchError> {
		if who == account {
			return Ok(None);
		}
		let department = T::Roles::department_of(who)
			.filter(|d| T::RegistrarOrigin::allows(*d))
			.ok_or(Error::<T>::NotAuthorized)?;
		let registrar = Subjects::<T>::get(subject).map(|s| s.registrar);
		ensure!(registrar == Some(department), Error::<T>::NotAuthorized);
		Ok(Some(department))
	}
}
