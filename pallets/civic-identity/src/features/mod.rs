//! The logic behind the calls, one file per feature (as in `pallet-real-estate`): each call is an
//! origin check plus one `do_*` function, which checks everything first and writes last, so a
//! failing call changes nothing, and emits the call's events. This file holds the genesis build.

mod credentials;
mod links;
mod subjects;

use polkadot_sdk::frame_support::{ensure, pallet_prelude::*};

use crate::pallet::*;

use civitas_primitives::RoleAuthority;

impl<T: Config> Pallet<T> {
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
}
