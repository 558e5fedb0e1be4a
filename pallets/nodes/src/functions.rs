//! The logic behind the calls and the offchain worker. Each `do_*` function checks everything
//! first and writes last; a failing call changes nothing.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_core::{Bytes, OpaquePeerId},
	sp_io::{self, hashing::blake2_256},
	sp_runtime::offchain::storage::StorageValueRef,
};

use civitas_primitives::NODES_APPLIED_KEY;

use crate::{
	is_peer_id, pallet::*, DepartmentId, NodeId, NodeRecord, Role, RoleAuthority, LOG_TARGET,
};

impl<T: Config> Pallet<T> {
	/// `node` if it has a peer id's shape, else [`Error::InvalidNodeId`].
	fn valid(node: NodeId) -> Result<NodeId, DispatchError> {
		ensure!(is_peer_id(&node), Error::<T>::InvalidNodeId);
		Ok(node)
	}

	pub(crate) fn do_register(node: NodeId, department: DepartmentId) -> DispatchResult {
		let node = Self::valid(node)?;
		T::Roles::ensure_department_role(department, Role::NodeOperator)?;
		let mut nodes = Nodes::<T>::get();
		ensure!(!nodes.contains_key(&node), Error::<T>::NodeAlreadyExists);
		nodes
			.try_insert(node.clone(), NodeRecord { department, connections: Default::default() })
			.map_err(|_| Error::<T>::MaxNodesExceeded)?;
		Nodes::<T>::put(nodes);
		Self::deposit_event(Event::NodeRegistered { node, department });
		Ok(())
	}

	pub(crate) fn do_deregister(node: NodeId) -> DispatchResult {
		let mut nodes = Nodes::<T>::get();
		let removed = nodes.remove(&node).ok_or(Error::<T>::NodeNotFound)?;
		ensure!(!nodes.is_empty(), Error::<T>::LastNode);
		// A node the council removes is nobody's exception either.
		for (_, record) in nodes.iter_mut() {
			record.connections.remove(&node);
		}
		Nodes::<T>::put(nodes);
		Self::deposit_event(Event::NodeDeregistered { node, department: removed.department });
		Ok(())
	}

	/// The connections of `department`'s `node`, changed by `change`, which names its own error.
	fn change_connections(
		node: &NodeId,
		department: DepartmentId,
		change: impl FnOnce(&mut NodeRecord<T::MaxConnections>) -> DispatchResult,
	) -> DispatchResult {
		let mut nodes = Nodes::<T>::get();
		let record = nodes.get_mut(node).ok_or(Error::<T>::NodeNotFound)?;
		ensure!(record.department == department, Error::<T>::NotNodeDepartment);
		change(record)?;
		Nodes::<T>::put(nodes);
		Ok(())
	}

	pub(crate) fn do_add_connection(
		node: NodeId,
		peer: NodeId,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		let peer = Self::valid(peer)?;
		ensure!(peer != node, Error::<T>::SelfConnection);
		Self::change_connections(&node, department, |record| {
			ensure!(!record.connections.contains(&peer), Error::<T>::ConnectionAlreadyExists);
			record
				.connections
				.try_insert(peer.clone())
				.map_err(|_| Error::<T>::MaxConnectionsExceeded)?;
			Ok(())
		})?;
		Self::deposit_event(Event::ConnectionAdded { node, peer, department, officer });
		Ok(())
	}

	pub(crate) fn do_remove_connection(
		node: NodeId,
		peer: NodeId,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		Self::change_connections(&node, department, |record| {
			ensure!(record.connections.remove(&peer), Error::<T>::ConnectionNotFound);
			Ok(())
		})?;
		Self::deposit_event(Event::ConnectionRemoved { node, peer, department, officer });
		Ok(())
	}

	/// Builds the genesis registry; an empty one leaves the network open.
	pub(crate) fn seed(genesis: &[(Bytes, DepartmentId)]) -> DispatchResult {
		for (node, department) in genesis {
			let node = NodeId::try_from(node.0.clone()).map_err(|_| Error::<T>::InvalidNodeId)?;
			Self::do_register(node, *department)?;
		}
		Ok(())
	}

	/// The peers the node `me` may exchange blocks with, or `None` where this node has nothing to
	/// enforce. A registered node: every other registered node and its own connections. A peer
	/// some registered nodes list as a connection: those nodes only (it holds the ledger, and must
	/// not pass it on). `None` while the registry is empty (an open network), and for a node no
	/// one lists: the registered nodes refuse it, so it gets nothing to pass on, and restricting
	/// it would keep it from syncing once the council registers it.
	pub fn authorized_peers(me: &[u8]) -> Option<Vec<NodeId>> {
		let nodes = Nodes::<T>::get();
		if let Some((_, own)) = nodes.iter().find(|(id, _)| id.as_slice() == me) {
			return Some(
				nodes
					.keys()
					.filter(|id| id.as_slice() != me)
					.chain(own.connections.iter().filter(|peer| !nodes.contains_key(*peer)))
					.cloned()
					.collect(),
			);
		}
		let connectors: Vec<NodeId> = nodes
			.iter()
			.filter(|(_, record)| record.connections.iter().any(|peer| peer.as_slice() == me))
			.map(|(id, _)| id.clone())
			.collect();
		(!connectors.is_empty()).then_some(connectors)
	}

	/// The offchain worker: tells this node's network which peers it may exchange blocks with,
	/// and to refuse every other, when that set differs from the one it last applied (kept under
	/// [`NODES_APPLIED_KEY`], which the node clears at startup).
	///
	/// Applying an unchanged set again is not free: litep2p's peerset (sc-network 0.60) handles
	/// every `SetReservedOnly(true)` by marking all its connected peers closing and all its
	/// opening ones cancelled, reserved or not, so applying the set after every block kept
	/// cancelling a peer that was reconnecting, and a node could stay one peer short for minutes.
	pub(crate) fn enforce(now: BlockNumberFor<T>) {
		let Ok(state) = sp_io::offchain::network_state() else {
			log::error!(target: LOG_TARGET, "no network state at block {now:?}");
			return;
		};
		// The node hands its peer id over SCALE-encoded.
		let Ok(me) = Vec::<u8>::decode(&mut &state.peer_id.0[..]) else {
			log::error!(target: LOG_TARGET, "undecodable peer id at block {now:?}");
			return;
		};
		let Some(peers) = Self::authorized_peers(&me) else { return };
		let digest = blake2_256(&peers.encode());
		let applied = StorageValueRef::persistent(NODES_APPLIED_KEY);
		if applied.get::<[u8; 32]>().ok().flatten() == Some(digest) {
			return;
		}
		log::info!(target: LOG_TARGET, "block {now:?}: applying {} authorised peers", peers.len());
		sp_io::offchain::set_authorized_nodes(
			peers.into_iter().map(|peer| OpaquePeerId::new(peer.into_inner())).collect(),
			true,
		);
		applied.set(&digest);
	}

	/// Every node id and connection has a peer id's shape, and no node is its own connection.
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		for (node, record) in Nodes::<T>::get() {
			ensure!(is_peer_id(&node), "a node id that is no peer id");
			ensure!(!record.connections.contains(&node), "a node connected to itself");
			ensure!(record.connections.iter().all(|p| is_peer_id(p)), "a connection no peer id");
		}
		Ok(())
	}
}
