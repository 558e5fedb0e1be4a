//! Benchmarks of the nodes pallet (frame-benchmarking v2), each at its worst case: the registry
//! full but for the node at hand, every node with its most connections.

#![allow(
	clippy::expect_used,
	clippy::unwrap_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use alloc::collections::BTreeSet;
use alloc::vec::Vec;
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{EnsureOrigin, Get},
		BoundedBTreeMap, BoundedBTreeSet,
	},
	frame_system::RawOrigin,
};

/// Peer id number `n`: the identity multihash of an ed25519 key.
fn node(n: u32) -> NodeId {
	let key: [u8; 32] = n.to_le_bytes().repeat(8).try_into().unwrap();
	NodeId::try_from(ed25519_peer_id(&key)).unwrap()
}

/// `count` nodes of `department`, numbered from 0, each with its most connections but one
/// (peers numbered from 1,000,000); the registry's largest encoding.
fn fill<T: Config>(count: u32, department: DepartmentId) {
	let mut nodes = BoundedBTreeMap::new();
	for n in 0..count {
		let connections: Vec<NodeId> =
			(0..T::MaxConnections::get().saturating_sub(1)).map(|c| node(1_000_000 + c)).collect();
		let record = NodeRecord {
			department,
			connections: BoundedBTreeSet::try_from(
				connections.into_iter().collect::<BTreeSet<_>>(),
			)
			.unwrap(),
		};
		nodes.try_insert(node(n), record).unwrap();
	}
	Nodes::<T>::put(nodes);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_node() -> Result<(), BenchmarkError> {
		let (department, _) = T::Roles::successful_officer_of(Role::NodeOperator)
			.map_err(|_| BenchmarkError::Weightless)?;
		fill::<T>(T::MaxNodes::get() - 1, department);
		let origin =
			T::NetworkOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let newcomer = node(T::MaxNodes::get());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, newcomer.clone(), department);

		assert!(Nodes::<T>::get().contains_key(&newcomer));
		Ok(())
	}

	/// Every other node lists the leaving one as a connection.
	#[benchmark]
	fn deregister_node() -> Result<(), BenchmarkError> {
		fill::<T>(T::MaxNodes::get(), 0);
		let leaving = node(0);
		Nodes::<T>::mutate(|nodes| {
			for (id, record) in nodes.iter_mut() {
				if *id != leaving {
					record.connections.try_insert(leaving.clone()).unwrap();
				}
			}
		});
		let origin =
			T::NetworkOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, leaving.clone());

		assert!(!Nodes::<T>::get().contains_key(&leaving));
		Ok(())
	}

	#[benchmark]
	fn add_connection() -> Result<(), BenchmarkError> {
		let (department, officer) =
			T::OperatorOrigin::successful_officer().map_err(|_| BenchmarkError::Weightless)?;
		fill::<T>(T::MaxNodes::get(), department);
		let peer = node(2_000_000);

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), node(0), peer.clone());

		assert!(Nodes::<T>::get()[&node(0)].connections.contains(&peer));
		Ok(())
	}

	#[benchmark]
	fn remove_connection() -> Result<(), BenchmarkError> {
		let (department, officer) =
			T::OperatorOrigin::successful_officer().map_err(|_| BenchmarkError::Weightless)?;
		fill::<T>(T::MaxNodes::get(), department);
		let peer = node(1_000_000);

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), node(0), peer.clone());

		assert!(!Nodes::<T>::get()[&node(0)].connections.contains(&peer));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
