//! # Council
//!
//! The city's departments govern the chain together: no single key rules it.
//!
//! ## Model
//!
//! - The council's **members are departments**, not accounts. Each member department has exactly
//!   one vote, cast by any of its officers holding [`Role::Councillor`] (the runtime's
//!   `CouncillorOrigin`); a department that adds officers gains no votes, and replacing its
//!   councillor needs no motion. An officer of a suspended department cannot propose or vote.
//! - A **motion** carries one runtime call (a batch is one call), the hash of its reasons and an
//!   expiry. The proposing department votes aye. A motion closes as soon as its outcome is
//!   certain: approved when its ayes meet the threshold (the call is dispatched with the
//!   council's origin, and the result is evented), rejected when they no longer can; undecided
//!   motions expire at their last block.
//! - The **threshold** depends on what the call does: the runtime classes every call
//!   ([`ClassifyCall`]) and the policy table (`Policy`) says which [`Threshold`] each
//!   [`CallClass`] needs. The table changes only by a motion of class `Policy`, which always
//!   needs the strongest threshold the table holds.
//! - The origin an approved call carries ([`Approval`]) says how many members voted aye out of
//!   how many; [`EnsureCouncil`] lets a pallet or the runtime require a given threshold, so a
//!   sensitive call can demand a stronger rule than the table's.
//! - Removing a member drops its votes from every open motion; votes are counted against the
//!   members at the moment of counting.
//!
//! `pallet-collective` counts accounts: one department with more officers would have more
//! votes, and replacing a councillor would need a membership motion. This pallet counts
//! departments instead, through the same role registry every other pallet uses.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[allow(unused_imports)]
use civitas_primitives::Role;
use civitas_primitives::{DepartmentId, EnsureOfficer};
use core::marker::PhantomData;
use polkadot_sdk::frame_support::traits::{Contains, EnsureOrigin, Get, GetCallMetadata};

/// Classes the runtime's calls for the council's policy table.
pub trait ClassifyCall<Call> {
	/// The class of `call` (for a batch, the strongest class of its calls).
	fn classify(call: &Call) -> CallClass;
}

/// The origin check of a council decision meeting at least `R`: succeeds for an [`Approval`]
/// whose ayes meet `R` on its council, and yields the approval.
pub struct EnsureCouncil<R>(PhantomData<R>);

impl<O, R> EnsureOrigin<O> for EnsureCouncil<R>
where
	O: Into<Result<Approval, O>> + From<Approval>,
	R: Get<Threshold>,
{
	type Success = Approval;

	fn try_origin(o: O) -> Result<Approval, O> {
		let approval = o.into()?;
		if approval.ayes >= R::get().required(approval.members) {
			Ok(approval)
		} else {
			Err(O::from(approval))
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Approval { class: CallClass::Policy, ayes: 1, members: 1 }))
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
		frame_support::{
			dispatch::{GetDispatchInfo, PostDispatchInfo},
			pallet_prelude::*,
			traits::UnfilteredDispatchable,
		},
		frame_system::pallet_prelude::*,
		sp_core::H256,
		sp_runtime::traits::Dispatchable,
	};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The origin approved motions dispatch with.
		type RuntimeOrigin: From<Approval>;

		/// The calls motions carry.
		type Proposal: Parameter
			+ Dispatchable<
				RuntimeOrigin = <Self as Config>::RuntimeOrigin,
				PostInfo = PostDispatchInfo,
			> + UnfilteredDispatchable<RuntimeOrigin = <Self as Config>::RuntimeOrigin>
			+ From<polkadot_sdk::frame_system::Call<Self>>
			+ GetDispatchInfo
			+ GetCallMetadata;

		/// Classes each call for the policy table.
		type Classify: ClassifyCall<Self::Proposal>;

		/// Proposes and votes for a member department (in the Civitas runtime: an officer of an
		/// active department holding `Councillor`).
		type CouncillorOrigin: EnsureOfficer<
			<Self as polkadot_sdk::frame_system::Config>::RuntimeOrigin,
			Self::AccountId,
		>;

		/// Sets the members (in the Civitas runtime: the council itself, class `Council`).
		type MembershipOrigin: EnsureOrigin<
			<Self as polkadot_sdk::frame_system::Config>::RuntimeOrigin,
		>;

		/// Sets a class's threshold (in the Civitas runtime: the council itself, class `Policy`).
		type PolicyOrigin: EnsureOrigin<<Self as polkadot_sdk::frame_system::Config>::RuntimeOrigin>;

		/// Authorizes a runtime upgrade (in the Civitas runtime: two thirds of the council).
		type UpgradeOrigin: EnsureOrigin<
			<Self as polkadot_sdk::frame_system::Config>::RuntimeOrigin,
		>;

		/// Pauses a pallet's calls for a while (in the Civitas runtime: any two members).
		type EmergencyOrigin: EnsureOrigin<
			<Self as polkadot_sdk::frame_system::Config>::RuntimeOrigin,
		>;

		/// Lifts a pause before it expires (in the Civitas runtime: a majority).
		type LiftOrigin: EnsureOrigin<<Self as polkadot_sdk::frame_system::Config>::RuntimeOrigin>;

		/// The names of the pallets whose calls may be paused (never the council's own, nor the
		/// ones blocks need).
		#[pallet::constant]
		type Pausable: Get<&'static [&'static str]>;

		/// The most pallets paused at once.
		#[pallet::constant]
		type MaxPauses: Get<u32>;

		/// The longest a pause lasts, in blocks.
		#[pallet::constant]
		type MaxPauseDuration: Get<BlockNumberFor<Self>>;

		/// The most member departments.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// The most motions open at once.
		#[pallet::constant]
		type MaxMotions: Get<u32>;

		/// The longest encoded call a motion carries, in bytes.
		#[pallet::constant]
		type MaxCallSize: Get<u32>;

		/// The heaviest call a motion carries.
		#[pallet::constant]
		type MaxCallWeight: Get<Weight>;

		/// How long a motion stays open unless its proposer says otherwise.
		#[pallet::constant]
		type MotionDuration: Get<BlockNumberFor<Self>>;

		/// The longest a motion may stay open.
		#[pallet::constant]
		type MaxMotionDuration: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls, generated by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The origin of approved motions.
	#[pallet::origin]
	pub type Origin = Approval;

	/// The member departments, in ascending order.
	#[pallet::storage]
	pub type Members<T: Config> =
		StorageValue<_, BoundedVec<DepartmentId, T::MaxMembers>, ValueQuery>;

	/// The threshold each class of call needs.
	// `Twox64Concat`: a small enum, not chosen by users.
	#[pallet::storage]
	pub type Policy<T: Config> = StorageMap<_, Twox64Concat, CallClass, Threshold>;

	/// The next motion id.
	#[pallet::storage]
	pub type NextMotionId<T: Config> = StorageValue<_, MotionId, ValueQuery>;

	/// The open motions.
	#[pallet::storage]
	pub type Motions<T: Config> = StorageMap<_, Twox64Concat, MotionId, Motion<T>>;

	/// The encoded call of each open motion.
	#[pallet::storage]
	pub type MotionCalls<T: Config> =
		StorageMap<_, Twox64Concat, MotionId, BoundedVec<u8, T::MaxCallSize>>;

	/// The open motions with their last block, in proposal order: one read a block finds the
	/// expired ones.
	#[pallet::storage]
	pub type OpenMotions<T: Config> =
		StorageValue<_, BoundedVec<(MotionId, BlockNumberFor<T>), T::MaxMotions>, ValueQuery>;

	/// The paused pallets, each until its last paused block.
	#[pallet::storage]
	pub type Paused<T: Config> =
		StorageValue<_, BoundedVec<Pause<BlockNumberFor<T>>, T::MaxPauses>, ValueQuery>;

	/// Every proposal, vote and closing names the department and the officer.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A member department proposed a motion (and voted aye).
		MotionProposed {
			/// The motion.
			motion: MotionId,
			/// The hash of its encoded call.
			call_hash: H256,
			/// The call's class.
			class: CallClass,
			/// The ayes it needs on the council as it is now.
			threshold: u32,
			/// The last block it may be decided in.
			expires_at: BlockNumberFor<T>,
			/// The hash of its reasons.
			reason: H256,
			/// The proposing department.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
		},
		/// A member department voted.
		VoteCast {
			/// The motion.
			motion: MotionId,
			/// For or against.
			aye: bool,
			/// The ayes now.
			ayes: u32,
			/// The nays now.
			nays: u32,
			/// The voting department.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
		},
		/// A motion closed.
		MotionClosed {
			/// The motion.
			motion: MotionId,
			/// How it ended.
			outcome: Outcome,
			/// The ayes counted.
			ayes: u32,
			/// The nays counted.
			nays: u32,
			/// The proposing department.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
		},
		/// An approved motion's call was dispatched.
		MotionExecuted {
			/// The motion.
			motion: MotionId,
			/// The call's result.
			result: DispatchResult,
			/// The proposing department.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
		},
		/// The council's members changed.
		MembersSet {
			/// The member departments.
			members: BoundedVec<DepartmentId, T::MaxMembers>,
		},
		/// A class of calls needs another threshold.
		ThresholdSet {
			/// The class.
			class: CallClass,
			/// Its threshold.
			threshold: Threshold,
		},
		/// A pallet's calls are refused until a block (a pause again moves its end).
		PalletPaused {
			/// The pallet.
			pallet: PalletName,
			/// The last block its calls are refused in.
			until: BlockNumberFor<T>,
		},
		/// A pallet's calls work again: lifted early, or expired.
		PalletUnpaused {
			/// The pallet.
			pallet: PalletName,
			/// Whether the council lifted the pause before its end.
			early: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The officer's department is not a member of the council.
		NotMember,
		/// No open motion has this id.
		MotionNotFound,
		/// The motion's last block has passed.
		MotionAlreadyExpired,
		/// The department has already voted this way on the motion.
		AlreadyVoted,
		/// The motion's outcome is not certain yet and it has not expired.
		MotionUndecided,
		/// `MaxMotions` motions are open already.
		MaxMotionsExceeded,
		/// The encoded call is longer than `MaxCallSize`.
		MaxCallSizeExceeded,
		/// The call is heavier than `MaxCallWeight`.
		MaxCallWeightExceeded,
		/// The duration is zero or longer than `MaxMotionDuration`.
		InvalidDuration,
		/// The council has more than `MaxMembers` members (genesis only; calls take a bounded
		/// list).
		MaxMembersExceeded,
		/// A department appears twice among the members.
		DuplicateMember,
		/// A threshold of `AtLeast(0)` would pass anything.
		InvalidThreshold,
		/// The stored call no longer decodes (the runtime changed under it); the motion can only
		/// expire.
		UndecodableCall,
		/// The chain ran out of ids (never expected).
		IdsExhausted,
		/// The runtime has no pallet of this name, or its calls may never be paused.
		NotPausable,
		/// The pallet is not paused.
		NotPaused,
		/// `MaxPauses` pallets are paused already.
		MaxPausesExceeded,
	}

	#[pallet::genesis_config]
	#[derive(polkadot_sdk::frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The member departments.
		pub members: Vec<DepartmentId>,
		/// The threshold of each class; a class left out needs every member.
		pub policy: Vec<(CallClass, Threshold)>,
		#[serde(skip)]
		#[allow(missing_docs)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		// An invalid genesis must stop the chain from being built at all.
		fn build(&self) {
			Pallet::<T>::seed(self).expect("genesis council must be valid");
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Closes the motions whose last block has passed and lifts the pauses that ended.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::expire(now).saturating_add(Self::lift_ended(now))
		}

		fn integrity_test() {
			assert!(T::MaxMembers::get() > 0, "MaxMembers must be positive");
			assert!(T::MaxMotions::get() > 0, "MaxMotions must be positive");
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
		/// Propose `call` to the council, with the hash of the reasons, open for `duration`
		/// blocks (default `MotionDuration`). The proposing department votes aye; on a council
		/// where that meets the threshold, the call is dispatched at once.
		///
		/// # Origin
		/// A `CouncillorOrigin` officer of a member department.
		///
		/// # Events
		/// [`Event::MotionProposed`], [`Event::VoteCast`]; if decided at once
		/// [`Event::MotionClosed`] and [`Event::MotionExecuted`].
		///
		/// # Errors
		/// The origin's, [`Error::NotMember`], [`Error::MaxCallSizeExceeded`], [`Error::MaxCallWeightExceeded`],
		/// [`Error::InvalidDuration`], [`Error::MaxMotionsExceeded`].
		#[pallet::call_index(0)]
		#[pallet::weight(
			T::WeightInfo::propose(T::MaxMembers::get(), T::MaxCallSize::get())
				.saturating_add(call.get_dispatch_info().call_weight)
		)]
		pub fn propose(
			origin: OriginFor<T>,
			call: Box<<T as Config>::Proposal>,
			reason: H256,
			duration: Option<BlockNumberFor<T>>,
		) -> DispatchResultWithPostInfo {
			let (department, officer) = T::CouncillorOrigin::ensure_officer(origin)?;
			Self::do_propose(*call, reason, duration, department, officer)
		}

		/// Vote on `motion` for the officer's department (again, to change its vote). When the
		/// outcome becomes certain the motion closes, and an approved call is dispatched.
		///
		/// # Origin
		/// A `CouncillorOrigin` officer of a member department.
		///
		/// # Events
		/// [`Event::VoteCast`]; if decided [`Event::MotionClosed`] (and [`Event::MotionExecuted`]).
		///
		/// # Errors
		/// The origin's, [`Error::NotMember`], [`Error::MotionNotFound`],
		/// [`Error::MotionAlreadyExpired`], [`Error::AlreadyVoted`].
		#[pallet::call_index(1)]
		#[pallet::weight(
			T::WeightInfo::vote(T::MaxMembers::get(), T::MaxCallSize::get())
				.saturating_add(T::MaxCallWeight::get())
		)]
		pub fn vote(
			origin: OriginFor<T>,
			motion: MotionId,
			aye: bool,
		) -> DispatchResultWithPostInfo {
			let (department, officer) = T::CouncillorOrigin::ensure_officer(origin)?;
			Self::do_vote(motion, aye, department, officer)
		}

		/// Close `motion` once its outcome is certain (after the members changed) or it has
		/// expired.
		///
		/// # Origin
		/// Any signed account.
		///
		/// # Events
		/// [`Event::MotionClosed`] (and [`Event::MotionExecuted`]).
		///
		/// # Errors
		/// [`Error::MotionNotFound`], [`Error::MotionUndecided`].
		#[pallet::call_index(2)]
		#[pallet::weight(
			T::WeightInfo::close(T::MaxMembers::get(), T::MaxCallSize::get())
				.saturating_add(T::MaxCallWeight::get())
		)]
		pub fn close(origin: OriginFor<T>, motion: MotionId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_close(motion)
		}

		/// Replace the member departments. A removed member's votes stop counting on every open
		/// motion.
		///
		/// # Origin
		/// `MembershipOrigin`.
		///
		/// # Events
		/// [`Event::MembersSet`].
		///
		/// # Errors
		/// [`Error::DuplicateMember`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_members(T::MaxMembers::get(), T::MaxMotions::get()))]
		pub fn set_members(
			origin: OriginFor<T>,
			members: BoundedVec<DepartmentId, T::MaxMembers>,
		) -> DispatchResult {
			T::MembershipOrigin::ensure_origin(origin)?;
			Self::do_set_members(members)
		}

		/// Set the threshold `class` needs.
		///
		/// # Origin
		/// `PolicyOrigin`.
		///
		/// # Events
		/// [`Event::ThresholdSet`].
		///
		/// # Errors
		/// [`Error::InvalidThreshold`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_threshold())]
		pub fn set_threshold(
			origin: OriginFor<T>,
			class: CallClass,
			threshold: Threshold,
		) -> DispatchResult {
			T::PolicyOrigin::ensure_origin(origin)?;
			Self::do_set_threshold(class, threshold)
		}

		/// Authorize the runtime whose code hashes to `code_hash`; anyone may then apply it
		/// with `System::apply_authorized_upgrade`, which checks its version.
		///
		/// # Origin
		/// `UpgradeOrigin`.
		///
		/// # Events
		/// `System::UpgradeAuthorized`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::authorize_upgrade())]
		pub fn authorize_upgrade(origin: OriginFor<T>, code_hash: T::Hash) -> DispatchResult {
			T::UpgradeOrigin::ensure_origin(origin)?;
			polkadot_sdk::frame_system::Pallet::<T>::do_authorize_upgrade(code_hash, true);
			Ok(())
		}

		/// Refuse every call of `pallet` (by its name in the runtime) for `blocks` blocks, the
		/// current one included; pausing a paused pallet sets its new end. The council's own
		/// calls and the calls its motions dispatch are never paused.
		///
		/// # Origin
		/// `EmergencyOrigin`.
		///
		/// # Events
		/// [`Event::PalletPaused`].
		///
		/// # Errors
		/// [`Error::NotPausable`], [`Error::InvalidDuration`], [`Error::MaxPausesExceeded`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::pause(T::MaxPauses::get()))]
		pub fn pause(
			origin: OriginFor<T>,
			pallet: PalletName,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			T::EmergencyOrigin::ensure_origin(origin)?;
			Self::do_pause(pallet, blocks)
		}

		/// Lift the pause of `pallet` before its end.
		///
		/// # Origin
		/// `LiftOrigin`.
		///
		/// # Events
		/// [`Event::PalletUnpaused`].
		///
		/// # Errors
		/// [`Error::NotPaused`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::unpause(T::MaxPauses::get()))]
		pub fn unpause(origin: OriginFor<T>, pallet: PalletName) -> DispatchResult {
			T::LiftOrigin::ensure_origin(origin)?;
			Self::do_unpause(pallet)
		}
	}
}

/// The runtime's call filter (`BaseCallFilter`) for the council's pauses: lets a call through
/// unless its pallet is paused now.
pub struct NotPaused<T>(PhantomData<T>);

impl<T: Config> Contains<T::Proposal> for NotPaused<T> {
	fn contains(call: &T::Proposal) -> bool {
		!Pallet::<T>::is_paused(call.get_call_metadata().pallet_name)
	}
}
