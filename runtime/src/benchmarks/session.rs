//! `pallet_session`'s calls, benchmarked on this runtime. The SDK's own benchmarks
//! (`pallet-session-benchmarking`) make their validators through pallet-staking, which this chain
//! does not have: here a validator is an account the validators pallet admitted, and its keys
//! are a new Aura and GRANDPA pair with the proof that it holds them.

use alloc::vec::Vec;
use codec::Encode;
use core::marker::PhantomData;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::traits::fungible::Mutate,
	frame_system::{self, RawOrigin},
	pallet_session::{self, Call, NextKeys},
};

use crate::{AccountId, Balances, Runtime, SessionKeys, EXISTENTIAL_DEPOSIT};

/// The benchmarks' pallet: `pallet_session` on this runtime.
pub struct Pallet<T: Config>(PhantomData<T>);

/// What the benchmarks need of the runtime.
pub trait Config:
	pallet_session::Config<ValidatorId = <Self as frame_system::Config>::AccountId>
{
	/// Makes `account` an admitted validator with an existential deposit.
	fn admit(account: &Self::AccountId) -> Result<(), BenchmarkError>;
	/// New session keys for `owner`, and the proof that `owner` holds them.
	fn keys_and_proof(owner: &Self::AccountId) -> (Self::Keys, Vec<u8>);
}

impl Config for Runtime {
	/// Writes the admitted set directly: the validators pallet's `add_validator` refuses to
	/// double the dev chain's one-validator set (finality safety), which is beside the point here.
	fn admit(account: &AccountId) -> Result<(), BenchmarkError> {
		Balances::set_balance(account, EXISTENTIAL_DEPOSIT.saturating_mul(1_000));
		pallet_validators::Validators::<Runtime>::try_mutate(|set| {
			match set.binary_search_by(|v| v.account.cmp(account)) {
				Ok(_) => Ok(()),
				Err(at) => {
					let validator =
						pallet_validators::Validator { account: account.clone(), department: 0 };
					set.try_insert(at, validator)
						.map_err(|_| BenchmarkError::Stop("the validator set is full"))
				},
			}
		})
	}

	fn keys_and_proof(owner: &AccountId) -> (SessionKeys, Vec<u8>) {
		let generated = SessionKeys::generate(&owner.encode(), None);
		(generated.keys, generated.proof.encode())
	}
}

/// An admitted validator (the whitelisted caller) that has set session keys, and its origin.
fn validator_with_keys<T: Config>(
) -> Result<(T::AccountId, RawOrigin<T::AccountId>), BenchmarkError> {
	let validator: T::AccountId = whitelisted_caller();
	T::admit(&validator)?;
	let (keys, proof) = T::keys_and_proof(&validator);
	let origin = RawOrigin::Signed(validator.clone());
	pallet_session::Pallet::<T>::set_keys(origin.clone().into(), keys, proof)?;
	Ok((validator, origin))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// At its worst: the validator replaces keys it set before, so each old key's owner is
	/// cleared as the new one's is recorded.
	#[benchmark]
	fn set_keys() -> Result<(), BenchmarkError> {
		let (validator, origin) = validator_with_keys::<T>()?;
		let (keys, proof) = T::keys_and_proof(&validator);

		#[extrinsic_call]
		_(origin, keys.clone(), proof);

		assert!(NextKeys::<T>::get(&validator) == Some(keys));
		Ok(())
	}

	#[benchmark]
	fn purge_keys() -> Result<(), BenchmarkError> {
		let (validator, origin) = validator_with_keys::<T>()?;

		#[extrinsic_call]
		_(origin);

		assert!(NextKeys::<T>::get(&validator).is_none());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::tests::dev_chain_with_keystore(), crate::Runtime);
}
