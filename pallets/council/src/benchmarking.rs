//! Benchmarks of the council pallet (frame-benchmarking v2), each at its worst case: the most
//! members, every vote cast, the longest call decoded.

#![allow(
	clippy::expect_used,
	clippy::unwrap_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use alloc::{boxed::Box, vec, vec::Vec};
use codec::Encode;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{pallet_prelude::BoundedVec, traits::Hooks},
	frame_system::{self, pallet_prelude::BlockNumberFor, RawOrigin},
	sp_core::H256,
	sp_io::hashing::blake2_256,
	sp_runtime::Weight,
};

/// A remark whose encoded call is `b` bytes long at most (`b` at least 8).
fn remark<T: Config>(b: u32) -> <T as Config>::Proposal {
	// The call's index bytes and the remark's length prefix take the rest.
	let remark = vec![0u8; b.saturating_sub(8) as usize];
	frame_system::Call::<T>::remark { remark }.into()
}

/// A council of `m` departments that includes the councillor's; returns the councillor's
/// department and account, and the other members.
fn council<T: Config>(m: u32) -> (DepartmentId, T::AccountId, Vec<DepartmentId>) {
	let (department, councillor) = T::CouncillorOrigin::successful_officer().unwrap();
	let others: Vec<DepartmentId> =
		(0..).map(|i| 10_000 + i).filter(|d| *d != department).take(m as usize - 1).collect();
	let members: Vec<_> = others.iter().copied().chain([department]).collect();
	Pallet::<T>::do_set_members(members.try_into().unwrap()).unwrap();
	// Ordinary calls need a majority.
	Policy::<T>::insert(CallClass::Ordinary, Threshold::Majority);
	(department, councillor, others)
}

/// Stores an open motion carrying `call`, proposed by `proposer`, with these votes.
fn motion<T: Config>(
	call: &<T as Config>::Proposal,
	proposer: DepartmentId,
	ayes: Vec<DepartmentId>,
	nays: Vec<DepartmentId>,
	expires_at: BlockNumberFor<T>,
) -> MotionId {
	let id = NextMotionId::<T>::get();
	let encoded: BoundedVec<u8, T::MaxCallSize> = call.encode().try_into().unwrap();
	let record = Motion::<T> {
		call_hash: H256::from(blake2_256(&encoded)),
		class: CallClass::Ordinary,
		call_weight: Weight::zero(),
		reason: H256::zero(),
		proposer,
		officer: account("proposer", 0, 0),
		proposed_at: frame_system::Pallet::<T>::block_number(),
		expires_at,
		ayes: ayes.try_into().unwrap(),
		nays: nays.try_into().unwrap(),
	};
	Motions::<T>::insert(id, record);
	MotionCalls::<T>::insert(id, encoded);
	OpenMotions::<T>::mutate(|open| open.try_push((id, expires_at)).unwrap());
	NextMotionId::<T>::put(id + 1);
	id
}

/// Fills the open motions but one.
fn other_motions<T: Config>(proposer: DepartmentId, votes: Vec<DepartmentId>, spare: u32) {
	let far: BlockNumberFor<T> = 1_000_000u32.into();
	for _ in 0..T::MaxMotions::get() - spare {
		motion::<T>(&remark::<T>(16), proposer, votes.clone(), vec![], far);
	}
}

/// The first pallet the runtime lets the council pause.
fn pausable<T: Config>() -> PalletName {
	let name = T::Pausable::get().first().copied().expect("the runtime names a pausable pallet");
	name.as_bytes().to_vec().try_into().unwrap()
}

/// Stores `n` pauses of made-up pallets, each until `until`.
fn other_pauses<T: Config>(n: u32, until: BlockNumberFor<T>) {
	let paused: Vec<Pause<BlockNumberFor<T>>> = (0..n)
		.map(|i| Pause {
			pallet: alloc::format!("Other{i}").into_bytes().try_into().unwrap(),
			until,
		})
		.collect();
	Paused::<T>::put(BoundedVec::try_from(paused).unwrap());
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A motion that stays open on a council of `m`, carrying a call of `b` bytes, with every
	/// other motion slot taken.
	#[benchmark]
	fn propose(m: Linear<3, { T::MaxMembers::get() }>, b: Linear<16, { T::MaxCallSize::get() }>) {
		let (department, councillor, _) = council::<T>(m);
		other_motions::<T>(department, vec![department], 1);
		let call = Box::new(remark::<T>(b));

		#[extrinsic_call]
		_(RawOrigin::Signed(councillor), call, H256::zero(), None);

		assert_eq!(OpenMotions::<T>::get().len() as u32, T::MaxMotions::get());
	}

	/// The deciding aye on a council of `m`: the call of `b` bytes is decoded and dispatched
	/// (a remark, refused to the council's origin: the dispatch itself is the call's weight).
	#[benchmark]
	fn vote(m: Linear<3, { T::MaxMembers::get() }>, b: Linear<16, { T::MaxCallSize::get() }>) {
		let (_, councillor, others) = council::<T>(m);
		let needed = Threshold::Majority.required(m) as usize;
		let ayes = others[..needed - 1].to_vec();
		let nays = others[needed - 1..].to_vec();
		let far: BlockNumberFor<T> = 1_000_000u32.into();
		let id = motion::<T>(&remark::<T>(b), others[0], ayes, nays, far);

		#[extrinsic_call]
		_(RawOrigin::Signed(councillor), id, true);

		assert!(!Motions::<T>::contains_key(id));
	}

	/// A motion approved by a council that shrank under it: `m` votes counted, the call of `b`
	/// bytes decoded and dispatched.
	#[benchmark]
	fn close(m: Linear<3, { T::MaxMembers::get() }>, b: Linear<16, { T::MaxCallSize::get() }>) {
		let (_, councillor, others) = council::<T>(m);
		let far: BlockNumberFor<T> = 1_000_000u32.into();
		let id = motion::<T>(&remark::<T>(b), others[0], others.clone(), vec![], far);

		#[extrinsic_call]
		_(RawOrigin::Signed(councillor), id);

		assert!(!Motions::<T>::contains_key(id));
	}

	/// `m` new members replacing `m` others on `n` open motions, each with every old member's
	/// vote to drop.
	#[benchmark]
	fn set_members(
		m: Linear<1, { T::MaxMembers::get() }>,
		n: Linear<0, { T::MaxMotions::get() }>,
	) -> Result<(), BenchmarkError> {
		let old: Vec<DepartmentId> = (0..m).map(|i| 20_000 + i).collect();
		Pallet::<T>::do_set_members(old.clone().try_into().unwrap()).unwrap();
		let far: BlockNumberFor<T> = 1_000_000u32.into();
		for _ in 0..n {
			motion::<T>(&remark::<T>(16), old[0], old.clone(), vec![], far);
		}
		let new: BoundedVec<DepartmentId, T::MaxMembers> =
			(0..m).map(|i| 30_000 + i).collect::<Vec<_>>().try_into().unwrap();
		let origin =
			T::MembershipOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, new.clone());

		assert_eq!(Members::<T>::get(), new);
		Ok(())
	}

	#[benchmark]
	fn set_threshold() -> Result<(), BenchmarkError> {
		let origin =
			T::PolicyOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(
			origin as <T as frame_system::Config>::RuntimeOrigin,
			CallClass::Emergency,
			Threshold::AtLeast(2),
		);

		assert_eq!(Policy::<T>::get(CallClass::Emergency), Some(Threshold::AtLeast(2)));
		Ok(())
	}

	/// `n` motions expire in one block, each with every member's vote counted.
	#[benchmark]
	fn on_initialize(n: Linear<0, { T::MaxMotions::get() }>) {
		let (department, _, others) = council::<T>(T::MaxMembers::get());
		let now = frame_system::Pallet::<T>::block_number();
		for _ in 0..n {
			motion::<T>(&remark::<T>(16), department, others.clone(), vec![], now);
		}
		let next = now + 1u32.into();

		#[block]
		{
			Pallet::<T>::on_initialize(next);
		}

		assert!(OpenMotions::<T>::get().is_empty());
	}

	#[benchmark]
	fn authorize_upgrade() -> Result<(), BenchmarkError> {
		let origin =
			T::UpgradeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let code_hash = T::Hash::default();

		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, code_hash);

		assert!(frame_system::Pallet::<T>::authorized_upgrade().is_some());
		Ok(())
	}

	/// A new pause after `n` others.
	#[benchmark]
	fn pause(n: Linear<0, { T::MaxPauses::get() - 1 }>) -> Result<(), BenchmarkError> {
		other_pauses::<T>(n, 1_000_000u32.into());
		let origin =
			T::EmergencyOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let pallet = pausable::<T>();

		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, pallet, 10u32.into());

		assert_eq!(Paused::<T>::get().len() as u32, n + 1);
		Ok(())
	}

	/// Lifting the last of `n` pauses.
	#[benchmark]
	fn unpause(n: Linear<1, { T::MaxPauses::get() }>) -> Result<(), BenchmarkError> {
		other_pauses::<T>(n - 1, 1_000_000u32.into());
		let pallet = pausable::<T>();
		Pallet::<T>::do_pause(pallet.clone(), 10u32.into()).unwrap();
		let origin =
			T::LiftOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, pallet);

		assert_eq!(Paused::<T>::get().len() as u32, n - 1);
		Ok(())
	}

	/// `n` pauses end in one block.
	#[benchmark]
	fn lift_ended(n: Linear<0, { T::MaxPauses::get() }>) {
		let now = frame_system::Pallet::<T>::block_number();
		other_pauses::<T>(n, now);
		let next = now + 1u32.into();

		#[block]
		{
			Pallet::<T>::lift_ended(next);
		}

		assert!(Paused::<T>::get().is_empty());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
