//! Certificate schemas and the certificates their issuing departments issue, suspend,
//! reinstate and revoke.

use alloc::vec::Vec;

use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::*},
	sp_runtime::Saturating,
};

use civitas_primitives::all_distinct;

use crate::{
	pallet::*, Actor, Credential, CredentialChange, CredentialId, CredentialStatus, DepartmentId,
	Role, Schema, SchemaId, Subject, SubjectId, SubjectStatus,
};

use civitas_primitives::RoleAuthority;

impl<T: Config> Pallet<T> {
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
	pub(super) fn new_credential(
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
	pub(super) fn insert_credential(
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
}
