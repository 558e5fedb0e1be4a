//! The logic behind the calls. Each `do_*` function checks everything first and writes last, so a
//! failing call changes nothing.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::*},
	sp_core::H256,
	sp_runtime::Saturating,
};

use civitas_primitives::{all_distinct, EnsureOfficer};

use crate::{
	pallet::*,
	runtime_api::{CredentialVerification, SchemaInfo, SubjectInfo},
	Actor, Credential, CredentialChange, CredentialId, CredentialStatus, DepartmentId, LinkOfferer,
	PendingLink, ReasonCode, Role, RoleAuthority, Schema, SchemaId, Subject, SubjectId,
	SubjectKind, SubjectStatus,
};

impl<T: Config> Pallet<T> {
	/// The subject, if `department` is its registrar.
	fn registered_by(
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

	/// Checks that `account` may be linked to the active `subject` now.
	fn check_linkable(
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

	/// Checks a schema's issuers: at least one, each named once.
	fn check_issuers(issuers: &[DepartmentId]) -> DispatchResult {
		ensure!(!issuers.is_empty(), Error::<T>::SchemaIssuersEmpty);
		ensure!(all_distinct(issuers), Error::<T>::DuplicateSchemaIssuer);
		Ok(())
	}

	/// Registers a certificate schema and returns its id.
	pub(crate) fn do_register_schema(
		name: Vec<u8>,
		issuer_role: Role,
		issuers: BoundedVec<DepartmentId, T::MaxSchemaIssuers>,
		max_validity: Option<BlockNumberFor<T>>,
		revocable: bool,
	) -> Result<SchemaId, DispatchError> {
		let name: BoundedVec<u8, T::MaxSchemaNameLength> =
			name.try_into().map_err(|_| Error::<T>::MaxSchemaNameLengthExceeded)?;
		ensure!(!name.is_empty(), Error::<T>::SchemaNameEmpty);
		Self::check_issuers(&issuers)?;
		ensure!(max_validity != Some(Zero::zero()), Error::<T>::ValidityPeriodEmpty);
		let schema = NextSchemaId::<T>::get();
		let next = schema.checked_add(1).ok_or(Error::<T>::MaxSchemasExceeded)?;

		NextSchemaId::<T>::put(next);
		Schemas::<T>::insert(
			schema,
			Schema::<T> {
				name: name.clone(),
				issuer_role,
				issuers: issuers.clone(),
				max_validity,
				revocable,
				registered_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Self::deposit_event(Event::SchemaRegistered {
			schema,
			name,
			issuer_role,
			issuers,
			max_validity,
			revocable,
		});
		Ok(schema)
	}

	pub(crate) fn do_set_schema_issuers(
		schema: SchemaId,
		issuers: BoundedVec<DepartmentId, T::MaxSchemaIssuers>,
	) -> DispatchResult {
		let mut record = Schemas::<T>::get(schema).ok_or(Error::<T>::SchemaNotFound)?;
		Self::check_issuers(&issuers)?;
		record.issuers = issuers.clone();
		Schemas::<T>::insert(schema, record);
		Self::deposit_event(Event::SchemaIssuersSet { schema, issuers });
		Ok(())
	}

	/// Checks a new certificate and returns it and its holder's updated record.
	fn new_credential(
		issuer: DepartmentId,
		credential: &CredentialId,
		schema_id: SchemaId,
		schema: &Schema<T>,
		subject: &SubjectId,
		valid_from: BlockNumberFor<T>,
		valid_until: Option<BlockNumberFor<T>>,
	) -> Result<(Credential<BlockNumberFor<T>>, Subject<BlockNumberFor<T>>), DispatchError> {
		ensure!(!Credentials::<T>::contains_key(credential), Error::<T>::CredentialAlreadyExists);
		let mut holder = Subjects::<T>::get(subject).ok_or(Error::<T>::SubjectNotFound)?;
		ensure!(holder.status == SubjectStatus::Active, Error::<T>::SubjectNotActive);
		let now = frame_system::Pallet::<T>::block_number();
		if let Some(until) = valid_until {
			ensure!(until > now, Error::<T>::ValidityInPast);
			ensure!(until > valid_from, Error::<T>::ValidityPeriodEmpty);
		}
		if let Some(max) = schema.max_validity {
			let until = valid_until.ok_or(Error::<T>::MaxValidityExceeded)?;
			ensure!(until.saturating_sub(valid_from) <= max, Error::<T>::MaxValidityExceeded);
		}
		ensure!(
			holder.credentials < T::MaxCredentialsPerSubject::get(),
			Error::<T>::MaxCredentialsExceeded
		);
		holder.credentials =
			holder.credentials.checked_add(1).ok_or(Error::<T>::MaxCredentialsExceeded)?;
		let record = Credential {
			schema: schema_id,
			subject: *subject,
			issuer,
			issued_at: now,
			valid_from,
			valid_until,
			status: CredentialStatus::Active,
			reason: None,
			updated_at: now,
		};
		Ok((record, holder))
	}

	/// Writes a new certificate and its holder's count.
	fn insert_credential(
		credential: CredentialId,
		record: Credential<BlockNumberFor<T>>,
		holder: Subject<BlockNumberFor<T>>,
	) {
		Subjects::<T>::insert(record.subject, holder);
		SubjectCredentials::<T>::insert(record.subject, credential, ());
		Credentials::<T>::insert(credential, record);
	}

	/// Issues a certificate.
	pub(crate) fn do_issue_credential(
		credential: CredentialId,
		schema_id: SchemaId,
		subject: SubjectId,
		valid_from: BlockNumberFor<T>,
		valid_until: Option<BlockNumberFor<T>>,
		who: T::AccountId,
	) -> DispatchResult {
		let schema = Schemas::<T>::get(schema_id).ok_or(Error::<T>::SchemaNotFound)?;
		let department = T::Roles::ensure_role(&who, schema.issuer_role)?;
		ensure!(schema.issuers.contains(&department), Error::<T>::NotSchemaIssuer);
		let (record, holder) = Self::new_credential(
			department,
			&credential,
			schema_id,
			&schema,
			&subject,
			valid_from,
			valid_until,
		)?;

		Self::insert_credential(credential, record, holder);
		Self::deposit_event(Event::CredentialIssued {
			credential,
			schema: schema_id,
			subject,
			department,
			officer: who,
			valid_from,
			valid_until,
		});
		Ok(())
	}

	/// Governance, or a signed account (the origin check of the calls that suspend, reinstate and
	/// revoke; whether the account may act on the certificate is [`Self::do_change_credential`]'s
	/// check, on the record it reads anyway).
	pub(crate) fn governance_or_signed(
		origin: OriginFor<T>,
	) -> Result<Actor<T::AccountId>, DispatchError> {
		match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => Ok(Actor::Governance),
			Err(origin) => Ok(Actor::Account(ensure_signed(origin)?)),
		}
	}

	/// Suspends, reinstates or revokes a certificate, for governance or for an officer of its
	/// issuing department holding the schema's role.
	pub(crate) fn do_change_credential(
		credential: CredentialId,
		change: CredentialChange,
		by: Actor<T::AccountId>,
	) -> DispatchResult {
		let mut record = Credentials::<T>::get(credential).ok_or(Error::<T>::CredentialNotFound)?;
		let schema = Schemas::<T>::get(record.schema).ok_or(Error::<T>::SchemaNotFound)?;
		if let Actor::Account(who) = &by {
			let department = T::Roles::ensure_role(who, schema.issuer_role)?;
			ensure!(department == record.issuer, Error::<T>::NotIssuer);
		}
		ensure!(record.status != CredentialStatus::Revoked, Error::<T>::CredentialAlreadyRevoked);
		let issuer = record.issuer;
		let event = match change {
			CredentialChange::Suspend(reason) => {
				ensure!(schema.revocable, Error::<T>::NotRevocable);
				ensure!(record.status == CredentialStatus::Active, Error::<T>::CredentialNotActive);
				record.status = CredentialStatus::Suspended;
				record.reason = Some(reason);
				Event::CredentialSuspended { credential, issuer, reason, by }
			},
			CredentialChange::Reinstate => {
				ensure!(record.status == CredentialStatus::Suspended, Error::<T>::NotSuspended);
				record.status = CredentialStatus::Active;
				Event::CredentialReinstated { credential, issuer, by }
			},
			CredentialChange::Revoke(reason) => {
				ensure!(schema.revocable, Error::<T>::NotRevocable);
				record.status = CredentialStatus::Revoked;
				record.reason = Some(reason);
				Event::CredentialRevoked { credential, issuer, reason, by }
			},
		};

		record.updated_at = frame_system::Pallet::<T>::block_number();
		Credentials::<T>::insert(credential, record);
		Self::deposit_event(event);
		Ok(())
	}

	/// Builds the genesis state: schemas, then subjects and their links, then certificates.
	pub(crate) fn seed(genesis: &GenesisConfig<T>) -> DispatchResult {
		for s in &genesis.schemas {
			let issuers =
				s.issuers.clone().try_into().map_err(|_| Error::<T>::MaxSchemaIssuersExceeded)?;
			Self::do_register_schema(
				s.name.as_bytes().to_vec(),
				s.issuer_role,
				issuers,
				s.max_validity,
				s.revocable,
			)?;
		}
		for s in &genesis.subjects {
			let record = Self::new_subject(
				s.registrar,
				&s.id,
				s.kind,
				s.commitment,
				s.legal_representative,
			)?;
			Subjects::<T>::insert(s.id, record.clone());
			for account in &s.accounts {
				Self::check_linkable(&record, &s.id, account)?;
				Self::insert_link(s.id, account)?;
			}
		}
		for c in &genesis.credentials {
			let schema = Schemas::<T>::get(c.schema).ok_or(Error::<T>::SchemaNotFound)?;
			T::Roles::ensure_department_role(c.issuer, schema.issuer_role)?;
			ensure!(schema.issuers.contains(&c.issuer), Error::<T>::NotSchemaIssuer);
			let (record, holder) = Self::new_credential(
				c.issuer,
				&c.id,
				c.schema,
				&schema,
				&c.subject,
				c.valid_from,
				c.valid_until,
			)?;
			Self::insert_credential(c.id, record, holder);
		}
		Ok(())
	}

	/// The storage invariants: links and the per-subject account lists agree; each subject's
	/// certificate count matches its index; every certificate's holder and schema exist.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		for (account, subject) in Links::<T>::iter() {
			ensure!(
				SubjectAccounts::<T>::get(subject).contains(&account),
				"linked account missing from its subject's list"
			);
		}
		for (subject, accounts) in SubjectAccounts::<T>::iter() {
			ensure!(Subjects::<T>::contains_key(subject), "accounts of an unknown subject");
			for account in &accounts {
				ensure!(Links::<T>::get(account) == Some(subject), "listed account not linked");
			}
		}
		for (subject, record) in Subjects::<T>::iter() {
			let issued = SubjectCredentials::<T>::iter_prefix(subject).count();
			ensure!(issued == record.credentials as usize, "credential count out of step");
			ensure!(
				record.credentials <= T::MaxCredentialsPerSubject::get(),
				"too many credentials"
			);
		}
		let next = NextSchemaId::<T>::get();
		ensure!(Schemas::<T>::iter_keys().all(|id| id < next), "schema id not below NextSchemaId");
		for (id, c) in Credentials::<T>::iter() {
			ensure!(SubjectCredentials::<T>::contains_key(c.subject, id), "credential not indexed");
			ensure!(Schemas::<T>::contains_key(c.schema), "credential of an unknown schema");
		}
		Ok(())
	}
}

/// Queries behind the `CivicIdentityApi` runtime API and the shared traits.
impl<T: Config> Pallet<T> {
	/// A certificate as a verifier sees it now: its status, validity and holder's status, and
	/// whether it may be relied on (`valid_now`).
	pub fn verify(credential: CredentialId) -> Option<CredentialVerification<BlockNumberFor<T>>> {
		Self::verification(credential).map(|(verification, _)| verification)
	}

	/// A certificate's verification (without its holder) and its holder.
	fn verification(
		credential: CredentialId,
	) -> Option<(CredentialVerification<BlockNumberFor<T>>, SubjectId)> {
		let c = Credentials::<T>::get(credential)?;
		let now = frame_system::Pallet::<T>::block_number();
		let subject_status = Subjects::<T>::get(c.subject).map(|s| s.status);
		let valid_now = c.status == CredentialStatus::Active
			&& c.in_period(now)
			&& subject_status == Some(SubjectStatus::Active);
		let verification = CredentialVerification {
			credential,
			schema: c.schema,
			holder_matches: None,
			issuer: c.issuer,
			status: c.status,
			reason: c.reason,
			issued_at: c.issued_at,
			valid_from: c.valid_from,
			valid_until: c.valid_until,
			subject_status,
			valid_now,
		};
		Some((verification, c.subject))
	}

	/// A certificate as its holder presents it: verified now, and whether it belongs to
	/// `holder` (`valid_now` only if it does). The verifier learns the holder from the holder,
	/// never from the chain.
	pub fn verify_presentation(
		credential: CredentialId,
		holder: SubjectId,
	) -> Option<CredentialVerification<BlockNumberFor<T>>> {
		let (mut verification, actual) = Self::verification(credential)?;
		let matches = actual == holder;
		verification.holder_matches = Some(matches);
		verification.valid_now = verification.valid_now && matches;
		Some(verification)
	}

	/// Every certificate of `subject` (at most `MaxCredentialsPerSubject`), verified now.
	pub fn credentials_of(subject: SubjectId) -> Vec<CredentialVerification<BlockNumberFor<T>>> {
		SubjectCredentials::<T>::iter_key_prefix(subject)
			.filter_map(|credential| Self::verify_presentation(credential, subject))
			.collect()
	}

	/// A subject and its linked accounts.
	pub fn subject_info(
		subject: SubjectId,
	) -> Option<SubjectInfo<T::AccountId, BlockNumberFor<T>>> {
		let record = Subjects::<T>::get(subject)?;
		Some(SubjectInfo {
			subject,
			record,
			accounts: SubjectAccounts::<T>::get(subject).into_inner(),
		})
	}

	/// The subject `account` is linked to.
	pub fn linked_subject(account: &T::AccountId) -> Option<SubjectId> {
		Links::<T>::get(account)
	}

	/// The link offer or request pending for `account`.
	pub fn pending_link(
		account: &T::AccountId,
	) -> Option<PendingLink<T::AccountId, BlockNumberFor<T>>> {
		PendingLinks::<T>::get(account)
	}

	/// Every schema, by id.
	pub fn schemas_info() -> Vec<SchemaInfo<BlockNumberFor<T>>> {
		let mut all: Vec<_> = Schemas::<T>::iter()
			.map(|(id, s)| SchemaInfo {
				id,
				name: s.name.into_inner(),
				issuer_role: s.issuer_role,
				issuers: s.issuers.into_inner(),
				max_validity: s.max_validity,
				revocable: s.revocable,
				registered_at: s.registered_at,
			})
			.collect();
		all.sort_by_key(|s| s.id);
		all
	}
}
