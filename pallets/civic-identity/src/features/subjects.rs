//! Subjects: registration by a registrar department, commitments, status and legal representatives.

use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::*},
	sp_core::H256,
};

use crate::{pallet::*, DepartmentId, ReasonCode, Subject, SubjectId, SubjectKind, SubjectStatus};

impl<T: Config> Pallet<T> {
	/// The subject, if `department` is its registrar.
	pub(super) fn registered_by(
		department: DepartmentId,
		subject: &SubjectId,
	) -> Result<Subject<BlockNumberFor<T>>, DispatchError> {
		let record = Subjects::<T>::get(subject).ok_or(Error::<T>::SubjectNotFound)?;
		ensure!(record.registrar == department, Error::<T>::NotSubjectRegistrar);
		Ok(record)
	}

	/// Checks that a subject of `kind` may be represented by `representative`.
	fn check_representative(
		kind: SubjectKind,
		representative: Option<SubjectId>,
	) -> DispatchResult {
		let Some(representative) = representative else { return Ok(()) };
		ensure!(kind == SubjectKind::Enterprise, Error::<T>::RepresentativeNotAllowed);
		let person =
			Subjects::<T>::get(representative).ok_or(Error::<T>::RepresentativeNotFound)?;
		ensure!(person.kind == SubjectKind::Person, Error::<T>::RepresentativeNotPerson);
		ensure!(person.status == SubjectStatus::Active, Error::<T>::RepresentativeNotActive);
		Ok(())
	}

	/// Checks a new subject and returns its record, registered now by `department`.
	pub(crate) fn new_subject(
		department: DepartmentId,
		subject: &SubjectId,
		kind: SubjectKind,
		commitment: H256,
		legal_representative: Option<SubjectId>,
	) -> Result<Subject<BlockNumberFor<T>>, DispatchError> {
		ensure!(!Subjects::<T>::contains_key(subject), Error::<T>::SubjectAlreadyExists);
		Self::check_representative(kind, legal_representative)?;
		let now = frame_system::Pallet::<T>::block_number();
		Ok(Subject {
			kind,
			commitment,
			status: SubjectStatus::Active,
			reason: None,
			registrar: department,
			legal_representative,
			credentials: 0,
			registered_at: now,
			updated_at: now,
		})
	}

	/// Registers a subject.
	pub(crate) fn do_register_subject(
		subject: SubjectId,
		kind: SubjectKind,
		commitment: H256,
		legal_representative: Option<SubjectId>,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		let record =
			Self::new_subject(department, &subject, kind, commitment, legal_representative)?;
		Subjects::<T>::insert(subject, record);
		Self::deposit_event(Event::SubjectRegistered {
			subject,
			kind,
			department,
			officer: officer.clone(),
		});
		if legal_representative.is_some() {
			Self::deposit_event(Event::LegalRepresentativeSet {
				subject,
				legal_representative,
				department,
				officer,
			});
		}
		Ok(())
	}

	/// Applies `change` to a subject that `department` registered and that is not closed, and
	/// stamps it as updated now. Nothing is written if `change` fails.
	fn update_subject(
		department: DepartmentId,
		subject: &SubjectId,
		change: impl FnOnce(&mut Subject<BlockNumberFor<T>>) -> DispatchResult,
	) -> DispatchResult {
		let mut record = Self::registered_by(department, subject)?;
		ensure!(record.status != SubjectStatus::Closed, Error::<T>::SubjectAlreadyClosed);
		change(&mut record)?;
		record.updated_at = frame_system::Pallet::<T>::block_number();
		Subjects::<T>::insert(subject, record);
		Ok(())
	}

	/// Replaces a subject's commitment.
	pub(crate) fn do_update_commitment(
		subject: SubjectId,
		commitment: H256,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		Self::update_subject(department, &subject, |record| {
			record.commitment = commitment;
			Ok(())
		})?;
		Self::deposit_event(Event::CommitmentUpdated { subject, commitment, department, officer });
		Ok(())
	}

	/// Suspends, reinstates or closes a subject.
	pub(crate) fn do_set_status(
		subject: SubjectId,
		status: SubjectStatus,
		reason: ReasonCode,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		Self::update_subject(department, &subject, |record| {
			ensure!(record.status != status, Error::<T>::StatusUnchanged);
			record.status = status;
			record.reason = Some(reason);
			Ok(())
		})?;
		Self::deposit_event(Event::SubjectStatusChanged {
			subject,
			status,
			reason,
			department,
			officer,
		});
		Ok(())
	}

	/// Sets or clears an enterprise's legal representative.
	pub(crate) fn do_set_legal_representative(
		subject: SubjectId,
		legal_representative: Option<SubjectId>,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		Self::update_subject(department, &subject, |record| {
			ensure!(record.kind == SubjectKind::Enterprise, Error::<T>::RepresentativeNotAllowed);
			Self::check_representative(record.kind, legal_representative)?;
			record.legal_representative = legal_representative;
			Ok(())
		})?;
		Self::deposit_event(Event::LegalRepresentativeSet {
			subject,
			legal_representative,
			department,
			officer,
		});
		Ok(())
	}
}
