//! Benchmarks of the validators pallet (frame-benchmarking v2), each at its worst case: the most
//! validators, the set last handed to the session pallet as large.

#![allow(
	clippy::expect_used,
	clippy::unwrap_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{pallet_prelude::BoundedVec, traits::EnsureOrigin},
	frame_system::pallet_prelude::HeaderFor,
	sp_consensus_slots::{EquivocationProof, Slot},
	sp_runtime::{
		traits::{Hash, Header},
		RuntimeAppPublic,
	},
};

/// `n` validators operated by `department`, all handed to the session pallet already.
fn validators<T: Config>(n: u32, department: DepartmentId) -> Vec<T::AccountId> {
	let mut set: Vec<Validator<T::AccountId>> =
		(0..n).map(|i| Validator { account: account("validator", i, 0), department }).collect();
	set.sort_by(|a, b| a.account.cmp(&b.account));
	let accounts: Vec<T::AccountId> = set.iter().map(|v| v.account.clone()).collect();
	Validators::<T>::put(BoundedVec::try_from(set).unwrap());
	Planned::<T>::put(BoundedVec::try_from(accounts.clone()).unwrap());
	MinValidators::<T>::put(1);
	accounts
}

/// Two different headers `offender` sealed for slot 7 (its key must be in the keystore).
fn aura_equivocation<T: Config>(
	offender: T::AuraId,
) -> Option<EquivocationProof<HeaderFor<T>, T::AuraId>> {
	let header = |parent: u8| {
		let parent = T::Hashing::hash(&[parent]);
		HeaderFor::<T>::new(1u32.into(), parent, parent, parent, Default::default())
	};
	let slot = Slot::from(7);
	Some(EquivocationProof {
		first_header: equivocation::seal_header(header(1), slot, &offender)?,
		second_header: equivocation::seal_header(header(2), slot, &offender)?,
		offender,
		slot,
	})
}

/// A department holding `NodeOperator`.
fn operator<T: Config>() -> DepartmentId {
	T::Roles::successful_officer_of(Role::NodeOperator).expect("the registry makes an operator").0
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A newcomer joining `n` validators (at least four, so one newcomer is under a third).
	#[benchmark]
	fn add_validator(n: Linear<4, { T::MaxValidators::get() - 1 }>) -> Result<(), BenchmarkError> {
		let department = operator::<T>();
		validators::<T>(n, department);
		let newcomer: T::AccountId = account("newcomer", 0, 0);
		let origin =
			T::NetworkOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, newcomer.clone(), department);

		assert!(Pallet::<T>::is_validator(&newcomer));
		Ok(())
	}

	/// One of `n` validators leaving.
	#[benchmark]
	fn remove_validator(n: Linear<4, { T::MaxValidators::get() }>) -> Result<(), BenchmarkError> {
		let accounts = validators::<T>(n, operator::<T>());
		let leaving = accounts[accounts.len() - 1].clone();
		let origin =
			T::NetworkOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, leaving.clone());

		assert!(!Pallet::<T>::is_validator(&leaving));
		Ok(())
	}

	#[benchmark]
	fn set_min_validators() -> Result<(), BenchmarkError> {
		validators::<T>(T::MaxValidators::get(), operator::<T>());
		let origin =
			T::NetworkOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 3);

		assert_eq!(MinValidators::<T>::get(), 3);
		Ok(())
	}

	/// The proof check of an Aura equivocation report: two sealed headers of one slot.
	#[benchmark]
	fn check_aura_equivocation_proof() -> Result<(), BenchmarkError> {
		let offender = T::AuraId::generate_pair(None);
		let proof = aura_equivocation::<T>(offender).ok_or(BenchmarkError::Weightless)?;
		let valid;

		#[block]
		{
			valid = equivocation::is_aura_equivocation(&proof);
		}

		assert!(valid);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
