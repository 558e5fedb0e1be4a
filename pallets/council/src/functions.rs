//! The logic behind the calls. Each `do_*` function checks everything first and writes last; a
//! failing call changes nothing.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use polkadot_sdk::{
	frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		ensure,
		pallet_prelude::*,
		traits::UnfilteredDispatchable,
	},
	frame_system::{self, pallet_prelude::*},
	sp_core::H256,
	sp_io::hashing::blake2_256,
	sp_runtime::{traits::One, Saturating},
};

use crate::runtime_api::{ClassPolicy, MotionInfo};
use crate::{
	pallet::*, Approval, CallClass, ClassifyCall, DepartmentId, Motion, MotionId, Outcome,
	PalletName, Pause, Threshold, WeightInfo,
};
use civitas_primitives::all_distinct;

/// How a count stands.
enum Standing {
	Approved,
	Rejected,
	Open,
}

/// What asks to settle a motion.
enum Settling {
	/// A new motion: stored if undecided.
	Proposal,
	/// A vote: the motion is stored with it if undecided.
	Vote,
	/// `close`: fails if undecided and not expired.
	Close {
		/// Whether its last block has passed.
		expired: bool,
	},
}

impl<T: Config> Pallet<T> {
	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// The members, if `department` is one of them (one read, shared with the rest of the call).
	fn members_with(department: DepartmentId) -> Result<Vec<DepartmentId>, DispatchError> {
		let members = Members::<T>::get().into_inner();
		ensure!(members.binary_search(&department).is_ok(), Error::<T>::NotMember);
		Ok(members)
	}

	/// Whether the runtime lets the council pause the pallet named `pallet`.
	fn is_pausable(pallet: &PalletName) -> bool {
		T::Pausable::get().iter().any(|name| name.as_bytes() == pallet.as_slice())
	}

	/// The ayes `class` needs on a council of `members`: the table's threshold, or for the policy
	/// itself the strongest threshold the table holds. A class missing from the table needs
	/// every member.
	pub fn required(class: CallClass, members: u32) -> u32 {
		let of =
			|class: CallClass| Policy::<T>::get(class).unwrap_or(Threshold::All).required(members);
		match class {
			CallClass::Policy => CallClass::ALL.into_iter().map(of).max().unwrap_or(members),
			other => of(other),
		}
	}

	/// Of `classes`, the one that needs the most ayes on the council now (`Ordinary` if none):
	/// the class of a batch.
	pub fn strongest(classes: impl Iterator<Item = CallClass>) -> CallClass {
		let members = Members::<T>::get().len() as u32;
		classes.max_by_key(|class| Self::required(*class, members)).unwrap_or(CallClass::Ordinary)
	}

	/// The motion's ayes and nays among the current `members`, and where that leaves it.
	fn count(motion: &Motion<T>, members: &[DepartmentId]) -> (u32, u32, Standing) {
		let counted = |votes: &[DepartmentId]| {
			votes.iter().filter(|d| members.binary_search(d).is_ok()).count() as u32
		};
		let (ayes, nays) = (counted(&motion.ayes), counted(&motion.nays));
		let seats = members.len() as u32;
		let needed = Self::required(motion.class, seats);
		let undecided = seats.saturating_sub(ayes).saturating_sub(nays);
		let standing = if ayes >= needed {
			Standing::Approved
		} else if ayes.saturating_add(undecided) < needed {
			Standing::Rejected
		} else {
			Standing::Open
		};
		(ayes, nays, standing)
	}

	pub(crate) fn do_propose(
		call: <T as Config>::Proposal,
		reason: H256,
		duration: Option<BlockNumberFor<T>>,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResultWithPostInfo {
		let members = Self::members_with(department)?;
		let encoded: BoundedVec<u8, T::MaxCallSize> =
			call.encode().try_into().map_err(|_| Error::<T>::MaxCallSizeExceeded)?;
		let call_weight = call.get_dispatch_info().call_weight;
		ensure!(call_weight.all_lte(T::MaxCallWeight::get()), Error::<T>::MaxCallWeightExceeded);
		let duration = duration.unwrap_or_else(T::MotionDuration::get);
		ensure!(
			!duration.is_zero() && duration <= T::MaxMotionDuration::get(),
			Error::<T>::InvalidDuration
		);
		let id = NextMotionId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let now = Self::now();
		let expires_at = now.saturating_add(duration);
		let mut open = OpenMotions::<T>::get();
		open.try_push((id, expires_at)).map_err(|_| Error::<T>::MaxMotionsExceeded)?;

		let class = T::Classify::classify(&call);
		let call_hash = H256::from(blake2_256(&encoded));
		let motion = Motion::<T> {
			call_hash,
			class,
			call_weight,
			reason,
			proposer: department,
			officer: officer.clone(),
			proposed_at: now,
			expires_at,
			ayes: BoundedVec::truncate_from(alloc::vec![department]),
			nays: BoundedVec::new(),
		};
		NextMotionId::<T>::put(next);
		OpenMotions::<T>::put(open);
		Self::deposit_event(Event::MotionProposed {
			motion: id,
			call_hash,
			class,
			threshold: Self::required(class, members.len() as u32),
			expires_at,
			reason,
			department,
			officer: officer.clone(),
		});
		Self::deposit_event(Event::VoteCast {
			motion: id,
			aye: true,
			ayes: 1,
			nays: 0,
			department,
			officer,
		});
		let base = T::WeightInfo::propose(members.len() as u32, encoded.len() as u32);
		Self::settle(id, motion, Some(call), encoded, &members, base, Settling::Proposal)
	}

	pub(crate) fn do_vote(
		id: MotionId,
		aye: bool,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResultWithPostInfo {
		let members = Self::members_with(department)?;
		let mut motion = Motions::<T>::get(id).ok_or(Error::<T>::MotionNotFound)?;
		ensure!(motion.expires_at >= Self::now(), Error::<T>::MotionAlreadyExpired);
		let (mine, theirs) = if aye {
			(&mut motion.ayes, &mut motion.nays)
		} else {
			(&mut motion.nays, &mut motion.ayes)
		};
		ensure!(!mine.contains(&department), Error::<T>::AlreadyVoted);
		theirs.retain(|d| *d != department);
		// At most one entry per member, and at most `MaxMembers` members.
		mine.try_push(department).map_err(|_| Error::<T>::MaxMembersExceeded)?;
		let (ayes, nays, _) = Self::count(&motion, &members);
		Self::deposit_event(Event::VoteCast { motion: id, aye, ayes, nays, department, officer });
		let encoded = MotionCalls::<T>::get(id).unwrap_or_default();
		let base = T::WeightInfo::vote(members.len() as u32, encoded.len() as u32);
		Self::settle(id, motion, None, encoded, &members, base, Settling::Vote)
	}

	pub(crate) fn do_close(id: MotionId) -> DispatchResultWithPostInfo {
		let motion = Motions::<T>::get(id).ok_or(Error::<T>::MotionNotFound)?;
		let members = Members::<T>::get();
		let encoded = MotionCalls::<T>::get(id).unwrap_or_default();
		let base = T::WeightInfo::close(members.len() as u32, encoded.len() as u32);
		let expired = motion.expires_at < Self::now();
		Self::settle(id, motion, None, encoded, &members, base, Settling::Close { expired })
	}

	/// Closes motion `id` if its outcome is certain (or it expired), dispatching an approved
	/// call; else stores it (a proposal or vote) or fails (`close`). `call` is the decoded call
	/// when the caller has it. Returns the actual weight: `base` plus the call's.
	fn settle(
		id: MotionId,
		motion: Motion<T>,
		call: Option<<T as Config>::Proposal>,
		encoded: BoundedVec<u8, T::MaxCallSize>,
		members: &[DepartmentId],
		base: Weight,
		settling: Settling,
	) -> DispatchResultWithPostInfo {
		let (ayes, nays, standing) = Self::count(&motion, members);
		let outcome = match (standing, settling) {
			(Standing::Approved, _) => Outcome::Approved,
			(Standing::Rejected, _) => Outcome::Rejected,
			(Standing::Open, Settling::Close { expired: true }) => Outcome::Expired,
			(Standing::Open, Settling::Close { expired: false }) => {
				return Err(Error::<T>::MotionUndecided.into())
			},
			(Standing::Open, Settling::Proposal) => {
				MotionCalls::<T>::insert(id, encoded);
				Motions::<T>::insert(id, motion);
				return Ok(Some(base).into());
			},
			(Standing::Open, Settling::Vote) => {
				Motions::<T>::insert(id, motion);
				return Ok(Some(base).into());
			},
		};
		Self::remove(id);
		let (department, officer) = (motion.proposer, motion.officer.clone());
		Self::deposit_event(Event::MotionClosed {
			motion: id,
			outcome,
			ayes,
			nays,
			department,
			officer: officer.clone(),
		});
		if outcome != Outcome::Approved {
			return Ok(Some(base).into());
		}
		let call = match call {
			Some(call) => call,
			None => <T as Config>::Proposal::decode(&mut &encoded[..])
				.map_err(|_| Error::<T>::UndecodableCall)?,
		};
		let origin = Approval { class: motion.class, ayes, members: members.len() as u32 };
		// The council's decisions are not stopped by its own pauses.
		let result = call.dispatch_bypass_filter(origin.into());
		let call_weight = match &result {
			Ok(post) => post.actual_weight,
			Err(e) => e.post_info.actual_weight,
		}
		.unwrap_or(motion.call_weight);
		Self::deposit_event(Event::MotionExecuted {
			motion: id,
			result: result.map(|_| ()).map_err(|e| e.error),
			department,
			officer,
		});
		Ok(PostDispatchInfo {
			actual_weight: Some(base.saturating_add(call_weight)),
			pays_fee: Pays::Yes,
		})
	}

	/// Forgets motion `id`.
	fn remove(id: MotionId) {
		Motions::<T>::remove(id);
		MotionCalls::<T>::remove(id);
		OpenMotions::<T>::mutate(|open| open.retain(|(m, _)| *m != id));
	}

	pub(crate) fn do_set_threshold(class: CallClass, threshold: Threshold) -> DispatchResult {
		ensure!(threshold.is_valid(), Error::<T>::InvalidThreshold);
		Policy::<T>::insert(class, threshold);
		Self::deposit_event(Event::ThresholdSet { class, threshold });
		Ok(())
	}

	pub(crate) fn do_set_members(
		members: BoundedVec<DepartmentId, T::MaxMembers>,
	) -> DispatchResult {
		let mut sorted = members.into_inner();
		sorted.sort_unstable();
		let members: BoundedVec<DepartmentId, T::MaxMembers> = BoundedVec::truncate_from(sorted);
		ensure!(all_distinct(&members), Error::<T>::DuplicateMember);
		// A removed member's votes stop counting anywhere.
		for (id, _) in OpenMotions::<T>::get() {
			Motions::<T>::mutate(id, |motion| {
				if let Some(motion) = motion {
					motion.ayes.retain(|d| members.binary_search(d).is_ok());
					motion.nays.retain(|d| members.binary_search(d).is_ok());
				}
			});
		}
		Members::<T>::put(&members);
		Self::deposit_event(Event::MembersSet { members });
		Ok(())
	}

	/// Closes every open motion whose last block is before `now`; returns the weight used.
	pub(crate) fn expire(now: BlockNumberFor<T>) -> Weight {
		let open = OpenMotions::<T>::get();
		let expired: Vec<MotionId> =
			open.iter().filter(|(_, last)| *last < now).map(|(id, _)| *id).collect();
		if expired.is_empty() {
			return T::WeightInfo::on_initialize(0);
		}
		let members = Members::<T>::get();
		for id in &expired {
			MotionCalls::<T>::remove(id);
			if let Some(motion) = Motions::<T>::take(id) {
				let (ayes, nays, _) = Self::count(&motion, &members);
				Self::deposit_event(Event::MotionClosed {
					motion: *id,
					outcome: Outcome::Expired,
					ayes,
					nays,
					department: motion.proposer,
					officer: motion.officer,
				});
			}
		}
		OpenMotions::<T>::mutate(|open| open.retain(|(_, last)| *last >= now));
		T::WeightInfo::on_initialize(expired.len() as u32)
	}

	/// Whether the calls of the pallet named `pallet` are refused now.
	pub fn is_paused(pallet: &str) -> bool {
		let now = Self::now();
		Paused::<T>::get()
			.iter()
			.any(|pause| pause.until >= now && pause.pallet.as_slice() == pallet.as_bytes())
	}

	pub(crate) fn do_pause(pallet: PalletName, blocks: BlockNumberFor<T>) -> DispatchResult {
		ensure!(Self::is_pausable(&pallet), Error::<T>::NotPausable);
		ensure!(
			!blocks.is_zero() && blocks <= T::MaxPauseDuration::get(),
			Error::<T>::InvalidDuration
		);
		// The current block is the first paused one.
		let until = Self::now().saturating_add(blocks).saturating_sub(One::one());
		let mut paused = Paused::<T>::get();
		match paused.iter_mut().find(|pause| pause.pallet == pallet) {
			Some(pause) => pause.until = until,
			None => paused
				.try_push(Pause { pallet: pallet.clone(), until })
				.map_err(|_| Error::<T>::MaxPausesExceeded)?,
		}
		Paused::<T>::put(paused);
		Self::deposit_event(Event::PalletPaused { pallet, until });
		Ok(())
	}

	pub(crate) fn do_unpause(pallet: PalletName) -> DispatchResult {
		let mut paused = Paused::<T>::get();
		let before = paused.len();
		paused.retain(|pause| pause.pallet != pallet);
		ensure!(paused.len() < before, Error::<T>::NotPaused);
		Paused::<T>::put(paused);
		Self::deposit_event(Event::PalletUnpaused { pallet, early: true });
		Ok(())
	}

	/// Forgets the pauses whose last block is before `now`; returns the weight used.
	pub(crate) fn lift_ended(now: BlockNumberFor<T>) -> Weight {
		let mut paused = Paused::<T>::get();
		let before = paused.len();
		paused.retain(|pause| {
			let ended = pause.until < now;
			if ended {
				Self::deposit_event(Event::PalletUnpaused {
					pallet: pause.pallet.clone(),
					early: false,
				});
			}
			!ended
		});
		if paused.len() == before {
			return T::WeightInfo::lift_ended(0);
		}
		let lifted = before.saturating_sub(paused.len()) as u32;
		Paused::<T>::put(paused);
		T::WeightInfo::lift_ended(lifted)
	}

	/// Builds the genesis state.
	pub(crate) fn seed(genesis: &GenesisConfig<T>) -> DispatchResult {
		let members: BoundedVec<DepartmentId, T::MaxMembers> =
			genesis.members.clone().try_into().map_err(|_| Error::<T>::MaxMembersExceeded)?;
		for (class, threshold) in &genesis.policy {
			ensure!(threshold.is_valid(), Error::<T>::InvalidThreshold);
			Policy::<T>::insert(class, threshold);
		}
		Self::do_set_members(members)
	}

	/// The members are sorted and distinct; every open motion is listed once with its last
	/// block, has its call, and its votes are distinct departments voting one way.
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		let members = Members::<T>::get();
		ensure!(
			members.windows(2).all(|w| w.first() < w.get(1)),
			"members not sorted and distinct"
		);
		let open = OpenMotions::<T>::get();
		ensure!(
			open.len() == Motions::<T>::iter_keys().count(),
			"open motions out of step with the motions"
		);
		let next = NextMotionId::<T>::get();
		for (id, last) in open.iter() {
			let motion = Motions::<T>::get(id).ok_or("an open motion without its record")?;
			ensure!(*id < next, "motion id not below NextMotionId");
			ensure!(motion.expires_at == *last, "open motion's last block out of step");
			let call = MotionCalls::<T>::get(id).ok_or("an open motion without its call")?;
			ensure!(H256::from(blake2_256(&call)) == motion.call_hash, "call hash out of step");
			ensure!(all_distinct(&motion.ayes) && all_distinct(&motion.nays), "a repeated vote");
			ensure!(!motion.ayes.iter().any(|d| motion.nays.contains(d)), "a vote both ways");
		}
		let paused = Paused::<T>::get();
		ensure!(
			paused.iter().all(|pause| Self::is_pausable(&pause.pallet)),
			"a pause of a pallet that may not be paused"
		);
		let pallets: Vec<&PalletName> = paused.iter().map(|pause| &pause.pallet).collect();
		ensure!(all_distinct(&pallets), "a pallet paused twice");
		Ok(())
	}
}

/// Queries behind the council's runtime API.
impl<T: Config> Pallet<T> {
	/// The member departments, in ascending order.
	pub fn members() -> Vec<DepartmentId> {
		Members::<T>::get().into_inner()
	}

	/// The threshold of every class, as the ayes it needs on the council now.
	pub fn policy() -> Vec<ClassPolicy> {
		let members = Members::<T>::get().len() as u32;
		CallClass::ALL
			.into_iter()
			.map(|class| ClassPolicy {
				class,
				threshold: Policy::<T>::get(class),
				required: Self::required(class, members),
			})
			.collect()
	}

	/// The open motions with their votes, oldest first.
	pub fn motions() -> Vec<MotionInfo<T::AccountId, BlockNumberFor<T>>> {
		OpenMotions::<T>::get().into_iter().filter_map(|(id, _)| Self::motion(id)).collect()
	}

	/// Open motion `id` with the votes of the current members.
	pub fn motion(id: MotionId) -> Option<MotionInfo<T::AccountId, BlockNumberFor<T>>> {
		let motion = Motions::<T>::get(id)?;
		let members = Members::<T>::get();
		let current = |votes: &[DepartmentId]| -> Vec<DepartmentId> {
			votes.iter().copied().filter(|d| members.binary_search(d).is_ok()).collect()
		};
		Some(MotionInfo {
			id,
			call: MotionCalls::<T>::get(id).map(|c| c.into_inner()).unwrap_or_default(),
			call_hash: motion.call_hash,
			class: motion.class,
			reason: motion.reason,
			proposer: motion.proposer,
			ayes: current(&motion.ayes),
			nays: current(&motion.nays),
			required: Self::required(motion.class, members.len() as u32),
			officer: motion.officer,
			proposed_at: motion.proposed_at,
			expires_at: motion.expires_at,
		})
	}

	/// The pauses in force now.
	pub fn paused() -> Vec<Pause<BlockNumberFor<T>>> {
		let now = Self::now();
		Paused::<T>::get().into_iter().filter(|pause| pause.until >= now).collect()
	}
}
