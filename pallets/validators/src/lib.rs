//! # Validators
//!
//! Which machines produce and finalize the city's blocks is the council's decision, not the
//! genesis file's.
//!
//! ## Model
//!
//! - A **validator** is an account (the one its session keys are registered under) operated by a
//!   department holding [`Role::NodeOperator`]. `NetworkOrigin` (in the Civitas runtime: two
//!   thirds of the council) admits and removes validators; the change takes effect at the next
//!   session boundary, when this pallet hands the session pallet the new set
//!   ([`SessionManager`]), and the session after that produces with it.
//! - **Keys are the operator's business.** An admitted validator's account sets and rotates its
//!   Aura and GRANDPA keys with `session.setKeys` (after `author_rotateKeys` on its node), with no
//!   motion; the new keys are used from the session after next. Only admitted validators may set
//!   keys ([`ValidatorOf`]); a validator without keys is left out of a session by the session
//!   pallet.
//! - **Changes never stall finality.** GRANDPA finalizes with more than two thirds of a set. Each
//!   change is checked against the set last handed to the session pallet: at most a third (less
//!   than a third, strictly) of that set may be removed before the next boundary, and newcomers
//!   (who may not be online yet) must stay under a third of the new set; the set never shrinks
//!   below `MinValidators`.
//! - **Offences** proven on chain (GRANDPA equivocations, reported to the GRANDPA pallet, and Aura
//!   equivocations, reported here with [`Pallet::report_aura_equivocation`]; both with
//!   key-ownership proofs from the session pallet's `historical` module, through the offences
//!   pallet) reach this pallet as their handler (`OnOffenceHandler`): it reports the offender to the session pallet, which
//!   disables it for the rest of the session, and emits [`Event::OffenceReported`] with its
//!   department; the council decides whether it stays.
//! - **Sessions** last `SessionLength` blocks, set per chain at genesis ([`SessionPeriod`] feeds
//!   the session pallet's `PeriodicSessions`).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod equivocation;
mod functions;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use equivocation::AuraEquivocationOffence;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use civitas_primitives::{DepartmentId, Role, RoleAuthority};
use core::marker::PhantomData;
use polkadot_sdk::{
	frame_support::traits::Get, frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::traits::Convert,
};

/// The session length the session pallet's `PeriodicSessions` reads: `SessionLength`, at least
/// one block.
pub struct SessionPeriod<T>(PhantomData<T>);

impl<T: Config> Get<BlockNumberFor<T>> for SessionPeriod<T> {
	fn get() -> BlockNumberFor<T> {
		SessionLength::<T>::get().max(1u32.into())
	}
}

/// The session pallet's `ValidatorIdOf`: an account may set session keys only while it is an
/// admitted validator. One read.
pub struct ValidatorOf<T>(PhantomData<T>);

impl<T: Config> Convert<T::AccountId, Option<T::AccountId>> for ValidatorOf<T> {
	fn convert(account: T::AccountId) -> Option<T::AccountId> {
		Pallet::<T>::is_validator(&account).then_some(account)
	}
}

/// The `historical` session module's `FullIdentificationOf`: a validator is identified by its
/// account alone (its department is looked up when an offence is reported, so a validator
/// removed since stays provable for the sessions it served).
pub struct IdentifiedByAccount;

impl<AccountId> Convert<AccountId, Option<()>> for IdentifiedByAccount {
	fn convert(_: AccountId) -> Option<()> {
		Some(())
	}
}

// FRAME's macros expand to `expect` on values they construct themselves; the pallet's own logic
// lives in `functions.rs`, under the full lint set.
#[allow(clippy::expect_used)]
#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{boxed::Box, vec::Vec};
	use polkadot_sdk::{
		frame_support::{pallet_prelude::*, traits::KeyOwnerProofSystem},
		frame_system::pallet_prelude::*,
		sp_consensus_slots::EquivocationProof,
		sp_core::crypto::KeyTypeId,
		sp_runtime::RuntimeAppPublic,
		sp_session::{GetSessionNumber, GetValidatorCount},
		sp_staking::offence::ReportOffence,
	};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Admits and removes validators and sets the minimum (in the Civitas runtime: two thirds
		/// of the council, class `Network`).
		type NetworkOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The departments registry: an operating department must be active and hold
		/// `NodeOperator`.
		type Roles: RoleAuthority<Self::AccountId>;

		/// The session pallet, which disables an offending validator for the rest of its session
		/// (within its disabling strategy's limit).
		type Session: pallet_session::SessionInterface<ValidatorId = Self::AccountId>;

		/// Sessions whose validators' keys stay provable: older equivocations can no longer be
		/// reported (the session pallet's historical roots are pruned past them).
		#[pallet::constant]
		type HistoryDepth: Get<u32>;

		/// Aura's authority id: the key whose seals an Aura equivocation report proves.
		type AuraId: Parameter + RuntimeAppPublic;

		/// A proof that a key was a validator's in a session (in the Civitas runtime: the session
		/// pallet's `MembershipProof`).
		type KeyOwnerProof: Parameter + GetSessionNumber + GetValidatorCount;

		/// Checks [`Config::KeyOwnerProof`]s (in the Civitas runtime: `Historical`).
		type KeyOwnership: KeyOwnerProofSystem<
			(KeyTypeId, Self::AuraId),
			Proof = Self::KeyOwnerProof,
			IdentificationTuple = (Self::AccountId, ()),
		>;

		/// Where proven Aura equivocations go (in the Civitas runtime: the offences pallet).
		type ReportOffence: ReportOffence<
			Self::AccountId,
			(Self::AccountId, ()),
			AuraEquivocationOffence<(Self::AccountId, ())>,
		>;

		/// The most validators.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Weights of this pallet's calls, generated by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The admitted validators, by account; the set the next session boundary hands on.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<Validator<T::AccountId>, T::MaxValidators>, ValueQuery>;

	/// The set last handed to the session pallet, by account: what changes are measured against.
	#[pallet::storage]
	pub type Planned<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// The fewest validators the set may have.
	#[pallet::storage]
	pub type MinValidators<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// How many blocks a session lasts.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Every change names the validator and its operating department; the council's
	/// `MotionExecuted` before it names who proposed it.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A validator was admitted; it validates from the session after next, once its keys
		/// are set.
		ValidatorAdded {
			/// Its account.
			account: T::AccountId,
			/// The operating department.
			department: DepartmentId,
		},
		/// A validator was removed; it stops validating from the session after next.
		ValidatorRemoved {
			/// Its account.
			account: T::AccountId,
			/// The department that operated it.
			department: DepartmentId,
		},
		/// A validator was reported for an offence (a GRANDPA equivocation: the offences
		/// pallet's `Offence` event in the same block names the kind and time slot) and handed to
		/// the session pallet for disabling (`session.ValidatorDisabled` when it is disabled).
		/// Removing it is the council's decision. An offence several validators committed
		/// together is reported again, with every offender, when another one is proven.
		OffenceReported {
			/// The offender's account.
			account: T::AccountId,
			/// Its operating department, if it is still admitted.
			department: Option<DepartmentId>,
			/// The session of the offence.
			session: u32,
		},
		/// The fewest validators the set may have changed.
		MinValidatorsSet {
			/// The new minimum.
			min: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is a validator already.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// `MaxValidators` validators are admitted already.
		MaxValidatorsExceeded,
		/// The set would have fewer than `MinValidators` validators.
		ValidatorsBelowMinimum,
		/// Too many changes before the next session boundary: a third or more of the set would
		/// leave at once, or newcomers would make up a third or more of it; finality could stall.
		MaxChangesExceeded,
		/// A minimum of zero, or above the validators admitted.
		InvalidMinimum,
		/// A genesis session length of zero.
		InvalidSessionLength,
		/// The headers are not two different blocks sealed by the offender for the slot.
		InvalidEquivocationProof,
		/// The key-ownership proof does not show the key as a validator's (or its session is
		/// older than `HistoryDepth`).
		InvalidKeyOwnershipProof,
		/// This offence was reported already.
		OffenceAlreadyReported,
	}

	#[pallet::genesis_config]
	#[derive(polkadot_sdk::frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The validators and their operating departments.
		pub validators: Vec<Validator<T::AccountId>>,
		/// The fewest validators the set may have.
		pub min_validators: u32,
		/// How many blocks a session lasts.
		pub session_length: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		// An invalid genesis must stop the chain from being built at all.
		fn build(&self) {
			Pallet::<T>::seed(self).expect("genesis validators must be valid");
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxValidators::get() > 0, "MaxValidators must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Admit `account` as a validator operated by `department`, from the session after next.
		///
		/// # Origin
		/// `NetworkOrigin`.
		///
		/// # Events
		/// [`Event::ValidatorAdded`].
		///
		/// # Errors
		/// The registry's (`DepartmentNotActive`, `RoleNotHeld`, ...), [`Error::AlreadyValidator`],
		/// [`Error::MaxValidatorsExceeded`], [`Error::MaxChangesExceeded`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator(T::MaxValidators::get()))]
		pub fn add_validator(
			origin: OriginFor<T>,
			account: T::AccountId,
			department: DepartmentId,
		) -> DispatchResult {
			T::NetworkOrigin::ensure_origin(origin)?;
			Self::do_add(account, department)
		}

		/// Remove validator `account`, from the session after next.
		///
		/// # Origin
		/// `NetworkOrigin`.
		///
		/// # Events
		/// [`Event::ValidatorRemoved`].
		///
		/// # Errors
		/// [`Error::NotValidator`], [`Error::ValidatorsBelowMinimum`], [`Error::MaxChangesExceeded`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator(T::MaxValidators::get()))]
		pub fn remove_validator(origin: OriginFor<T>, account: T::AccountId) -> DispatchResult {
			T::NetworkOrigin::ensure_origin(origin)?;
			Self::do_remove(account)
		}

		/// Set the fewest validators the set may have.
		///
		/// # Origin
		/// `NetworkOrigin`.
		///
		/// # Events
		/// [`Event::MinValidatorsSet`].
		///
		/// # Errors
		/// [`Error::InvalidMinimum`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_min_validators())]
		pub fn set_min_validators(origin: OriginFor<T>, min: u32) -> DispatchResult {
			T::NetworkOrigin::ensure_origin(origin)?;
			Self::do_set_min(min)
		}

		/// Report an Aura equivocation: two different blocks sealed by one validator for one
		/// slot, with a proof that the key was that validator's. The offender is disabled for the
		/// rest of the session ([`Event::OffenceReported`]); a valid report pays no fee.
		///
		/// # Origin
		/// Signed: anyone (a node operator, an auditor).
		///
		/// # Events
		/// [`Event::OffenceReported`] (with the offences pallet's `Offence`).
		///
		/// # Errors
		/// [`Error::InvalidEquivocationProof`], [`Error::InvalidKeyOwnershipProof`],
		/// [`Error::OffenceAlreadyReported`].
		#[pallet::call_index(3)]
		#[pallet::weight(Pallet::<T>::report_weight())]
		pub fn report_aura_equivocation(
			origin: OriginFor<T>,
			equivocation_proof: Box<EquivocationProof<HeaderFor<T>, T::AuraId>>,
			key_owner_proof: T::KeyOwnerProof,
		) -> DispatchResultWithPostInfo {
			let reporter = ensure_signed(origin)?;
			Self::do_report_aura_equivocation(*equivocation_proof, key_owner_proof, reporter)?;
			Ok(Pays::No.into())
		}
	}
}
