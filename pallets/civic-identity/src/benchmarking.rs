//! Benchmarks of the civic identity pallet (frame-benchmarking v2), each at its worst case.

#![allow(
	clippy::expect_used,
	clippy::unwrap_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use alloc::{vec, vec::Vec};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		pallet_prelude::BoundedVec,
		traits::{EnsureOrigin, Get},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor, RawOrigin},
	sp_core::H256,
};

/// An officer of a department holding `role`, and that department.
fn officer<T: Config>(role: Role) -> (DepartmentId, T::AccountId) {
	T::Roles::successful_officer_of(role).expect("an officer can be made")
}

/// A registrar officer and its department.
fn registrar<T: Config>() -> (DepartmentId, T::AccountId) {
	T::RegistrarOrigin::successful_officer().expect("an officer can be made")
}

/// An active subject of `kind` registered by `department`.
fn subject<T: Config>(
	department: DepartmentId,
	officer: &T::AccountId,
	label: u8,
	kind: SubjectKind,
) -> SubjectId {
	let id = H256::repeat_byte(label);
	Pallet::<T>::do_register_subject(id, kind, id, None, department, officer.clone()).unwrap();
	id
}

/// Links accounts to `subject` until one place is left.
fn fill_links<T: Config>(subject: SubjectId) {
	for i in 1..T::MaxLinkedAccounts::get() {
		let account: T::AccountId = account("linked", i, 0);
		Pallet::<T>::insert_link(subject, &account).unwrap();
	}
}

/// The most schema issuers, the department of `officer::<T>(Role::CredentialIssuer)` last (the
/// longest search).
fn issuers<T: Config>() -> BoundedVec<DepartmentId, T::MaxSchemaIssuers> {
	let (issuer, _) = officer::<T>(Role::CredentialIssuer);
	let others = T::MaxSchemaIssuers::get().saturating_sub(1);
	let mut issuers: Vec<DepartmentId> =
		(0..others).map(|i| issuer.wrapping_add(1).wrapping_add(i)).collect();
	issuers.push(issuer);
	issuers.try_into().unwrap()
}

/// A revocable schema issued by `CredentialIssuer`, with a maximum validity (the longer check).
fn schema<T: Config>() -> SchemaId {
	let name = vec![b's'; T::MaxSchemaNameLength::get() as usize];
	let issuers = issuers::<T>();
	Pallet::<T>::do_register_schema(
		name,
		Role::CredentialIssuer,
		issuers,
		Some(1_000u32.into()),
		true,
	)
	.unwrap()
}

/// An active certificate of an active enterprise, and the issuing officer.
fn credential<T: Config>() -> (CredentialId, T::AccountId) {
	let (department, registrar) = registrar::<T>();
	let holder = subject::<T>(department, &registrar, 1, SubjectKind::Enterprise);
	let schema = schema::<T>();
	let (_, issuer) = officer::<T>(Role::CredentialIssuer);
	let id = H256::repeat_byte(0xc0);
	let now = frame_system::Pallet::<T>::block_number();
	Pallet::<T>::do_issue_credential(
		id,
		schema,
		holder,
		now,
		Some(now + 100u32.into()),
		issuer.clone(),
	)
	.unwrap();
	(id, issuer)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// An enterprise with a legal representative (one more read).
	#[benchmark]
	fn register_subject() {
		let (department, officer) = registrar::<T>();
		let person = subject::<T>(department, &officer, 1, SubjectKind::Person);
		let id = H256::repeat_byte(2);

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), id, SubjectKind::Enterprise, id, Some(person));

		assert!(Subjects::<T>::contains_key(id));
	}

	#[benchmark]
	fn update_commitment() {
		let (department, officer) = registrar::<T>();
		let id = subject::<T>(department, &officer, 1, SubjectKind::Person);
		let commitment = H256::repeat_byte(0xee);

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), id, commitment);

		assert_eq!(Subjects::<T>::get(id).unwrap().commitment, commitment);
	}

	#[benchmark]
	fn set_status() {
		let (department, officer) = registrar::<T>();
		let id = subject::<T>(department, &officer, 1, SubjectKind::Person);

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), id, SubjectStatus::Closed, 7);

		assert_eq!(Subjects::<T>::get(id).unwrap().status, SubjectStatus::Closed);
	}

	#[benchmark]
	fn set_legal_representative() {
		let (department, officer) = registrar::<T>();
		let person = subject::<T>(department, &officer, 1, SubjectKind::Person);
		let id = subject::<T>(department, &officer, 2, SubjectKind::Enterprise);

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), id, Some(person));

		assert_eq!(Subjects::<T>::get(id).unwrap().legal_representative, Some(person));
	}

	/// Completing a link the account asked for, with the subject one link short of the maximum.
	#[benchmark]
	fn propose_link() {
		let (department, officer) = registrar::<T>();
		let id = subject::<T>(department, &officer, 1, SubjectKind::Person);
		fill_links::<T>(id);
		let citizen: T::AccountId = account("citizen", 0, 0);
		Pallet::<T>::do_accept_link(id, citizen.clone()).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), id, citizen.clone());

		assert_eq!(Links::<T>::get(&citizen), Some(id));
	}

	/// Completing a link the registrar offered, with the subject one link short of the maximum.
	#[benchmark]
	fn accept_link() {
		let (department, officer) = registrar::<T>();
		let id = subject::<T>(department, &officer, 1, SubjectKind::Person);
		fill_links::<T>(id);
		let citizen: T::AccountId = account("citizen", 0, 0);
		Pallet::<T>::do_propose_link(id, citizen.clone(), department, officer).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(citizen.clone()), id);

		assert_eq!(Links::<T>::get(&citizen), Some(id));
	}

	/// By a registrar officer (role and subject read besides), from a full list of links.
	#[benchmark]
	fn unlink_account() {
		let (department, officer) = registrar::<T>();
		let id = subject::<T>(department, &officer, 1, SubjectKind::Person);
		fill_links::<T>(id);
		let citizen: T::AccountId = account("citizen", 0, 0);
		Pallet::<T>::insert_link(id, &citizen).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), citizen.clone());

		assert!(!Links::<T>::contains_key(&citizen));
	}

	#[benchmark]
	fn register_schema(
		n: Linear<1, { T::MaxSchemaNameLength::get() }>,
		i: Linear<1, { T::MaxSchemaIssuers::get() }>,
	) {
		let origin =
			T::GovernanceOrigin::try_successful_origin().expect("governance origin can be built");
		let name: BoundedVec<u8, T::MaxSchemaNameLength> =
			vec![b'n'; n as usize].try_into().unwrap();
		let issuers: BoundedVec<DepartmentId, T::MaxSchemaIssuers> =
			(0..i).collect::<Vec<_>>().try_into().unwrap();
		let max_validity = Some(BlockNumberFor::<T>::from(1_000u32));
		let id = NextSchemaId::<T>::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, name, Role::CredentialIssuer, issuers, max_validity, true);

		assert_eq!(Schemas::<T>::get(id).unwrap().name.len(), n as usize);
	}

	#[benchmark]
	fn set_schema_issuers(i: Linear<1, { T::MaxSchemaIssuers::get() }>) {
		let origin =
			T::GovernanceOrigin::try_successful_origin().expect("governance origin can be built");
		let id = schema::<T>();
		let issuers: BoundedVec<DepartmentId, T::MaxSchemaIssuers> =
			(0..i).collect::<Vec<_>>().try_into().unwrap();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, issuers.clone());

		assert_eq!(Schemas::<T>::get(id).unwrap().issuers, issuers);
	}

	#[benchmark]
	fn issue_credential() {
		let (department, registrar) = registrar::<T>();
		let holder = subject::<T>(department, &registrar, 1, SubjectKind::Enterprise);
		let schema = schema::<T>();
		let (_, issuer) = officer::<T>(Role::CredentialIssuer);
		let id = H256::repeat_byte(0xc0);
		let now = frame_system::Pallet::<T>::block_number();

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), id, schema, holder, now, Some(now + 100u32.into()));

		assert!(Credentials::<T>::contains_key(id));
	}

	/// By the issuing officer (the governance check fails first, then the role is read).
	#[benchmark]
	fn suspend_credential() {
		let (id, issuer) = credential::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), id, 3);

		assert_eq!(Credentials::<T>::get(id).unwrap().status, CredentialStatus::Suspended);
	}

	#[benchmark]
	fn reinstate_credential() {
		let (id, issuer) = credential::<T>();
		let by = Actor::Account(issuer.clone());
		Pallet::<T>::do_change_credential(id, CredentialChange::Suspend(3), by).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), id);

		assert_eq!(Credentials::<T>::get(id).unwrap().status, CredentialStatus::Active);
	}

	#[benchmark]
	fn revoke_credential() {
		let (id, issuer) = credential::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), id, 4);

		assert_eq!(Credentials::<T>::get(id).unwrap().status, CredentialStatus::Revoked);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
