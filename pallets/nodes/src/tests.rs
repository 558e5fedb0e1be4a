//! Unit tests: registering and deregistering nodes, connections, and what the offchain worker
//! tells the node's network.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::panic,
	clippy::unimplemented,
	clippy::arithmetic_side_effects
)]

use crate::{mock::*, Error, Event, GenesisConfig, NodeId, Nodes as NodesStore};
use civitas_primitives::{
	testing::{MockRoles, DEPARTMENT_NOT_ACTIVE, NOT_OFFICER, ROLE_NOT_HELD},
	DepartmentId,
};
use codec::Encode;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, traits::Hooks},
	frame_system::RawOrigin,
	sp_core::{
		offchain::{
			storage::OffchainDb, testing::TestPersistentOffchainDB, HttpError, HttpRequestId,
			HttpRequestStatus, OffchainDbExt, OffchainWorkerExt, OpaqueNetworkState, Timestamp,
		},
		OpaquePeerId,
	},
	sp_runtime::{BuildStorage, DispatchError},
};
use std::sync::{Arc, Mutex};

fn root() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

fn signed(who: u64) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

fn registered() -> Vec<(NodeId, DepartmentId)> {
	NodesStore::<Test>::get().into_iter().map(|(id, r)| (id, r.department)).collect()
}

#[test]
fn genesis_registers_the_nodes() {
	build_and_execute(|| {
		assert_eq!(registered(), vec![(node(1), DEPT_A), (node(2), DEPT_A), (node(3), DEPT_B)]);
	});
}

#[test]
fn an_invalid_genesis_registry_stops_the_chain_from_being_built() {
	let builds = |nodes: Vec<(Vec<u8>, DepartmentId)>| {
		let nodes = nodes.into_iter().map(|(id, d)| (id.into(), d)).collect();
		std::panic::catch_unwind(|| {
			MockRoles::grant(DEPT_A, civitas_primitives::Role::NodeOperator);
			GenesisConfig::<Test> { nodes, ..Default::default() }.build_storage().unwrap()
		})
		.is_ok()
	};
	assert!(!builds(vec![(vec![1, 2, 3], DEPT_A)]));
	assert!(!builds(vec![(node(1).into_inner(), DEPT_A), (node(1).into_inner(), DEPT_A)]));
	assert!(!builds(vec![(node(1).into_inner(), 99)]));
	assert!(builds(vec![(node(1).into_inner(), DEPT_A)]));
	assert!(builds(vec![]));
}

#[test]
fn the_genesis_registry_reads_peer_ids_as_hex() {
	let json = serde_json::json!({ "nodes": [[format!("0x002408011220{}", "07".repeat(32)), 1]] });
	let genesis: GenesisConfig<Test> = serde_json::from_value(json).unwrap();
	assert_eq!(genesis.nodes[0].0 .0, node(7).into_inner());
}

#[test]
fn the_council_registers_a_node_of_an_operating_department() {
	build_and_execute(|| {
		assert_ok!(Nodes::register_node(root(), node(4), DEPT_B));
		assert_eq!(events(), vec![Event::NodeRegistered { node: node(4), department: DEPT_B }]);
		assert!(registered().contains(&(node(4), DEPT_B)));
	});
}

#[test]
fn registering_needs_the_network_origin_a_peer_id_and_an_operator() {
	build_and_execute(|| {
		assert_noop!(
			Nodes::register_node(signed(OFFICER_A), node(4), DEPT_A),
			DispatchError::BadOrigin
		);
		let garbage = NodeId::try_from(vec![0x12, 0x20, 1, 2]).unwrap();
		assert_noop!(Nodes::register_node(root(), garbage, DEPT_A), Error::<Test>::InvalidNodeId);
		assert_noop!(Nodes::register_node(root(), node(4), NO_OPERATOR), ROLE_NOT_HELD);
		MockRoles::suspend(DEPT_B);
		assert_noop!(Nodes::register_node(root(), node(4), DEPT_B), DEPARTMENT_NOT_ACTIVE);
	});
}

#[test]
fn a_node_is_registered_once_and_the_registry_is_bounded() {
	build_and_execute(|| {
		assert_noop!(
			Nodes::register_node(root(), node(1), DEPT_B),
			Error::<Test>::NodeAlreadyExists
		);
		assert_ok!(Nodes::register_node(root(), node(4), DEPT_A));
		assert_noop!(
			Nodes::register_node(root(), node(5), DEPT_A),
			Error::<Test>::MaxNodesExceeded
		);
	});
}

#[test]
fn peer_ids_are_checked_for_their_multihash_shape() {
	let ok = |bytes: Vec<u8>| crate::is_peer_id(&bytes);
	assert!(ok(node(1).into_inner()));
	let mut sha = vec![0x12, 32];
	sha.extend([7u8; 32]);
	assert!(ok(sha.clone()));
	sha.pop();
	assert!(!ok(sha));
	assert!(!ok(vec![]));
	assert!(!ok(vec![0x00, 0]));
	assert!(!ok(vec![0x00, 3, 1, 2]));
	assert!(!ok(vec![0x13, 1, 1]));
}

#[test]
fn deregistering_strikes_the_node_from_every_connection_list() {
	build_and_execute(|| {
		assert_ok!(Nodes::add_connection(signed(OFFICER_B), node(3), node(1)));
		assert_ok!(Nodes::deregister_node(root(), node(1)));
		assert_eq!(
			events().last(),
			Some(&Event::NodeDeregistered { node: node(1), department: DEPT_A })
		);
		assert_eq!(registered(), vec![(node(2), DEPT_A), (node(3), DEPT_B)]);
		assert!(NodesStore::<Test>::get()[&node(3)].connections.is_empty());
	});
}

#[test]
fn deregistering_needs_the_network_origin_a_node_and_leaves_one() {
	build_and_execute(|| {
		assert_noop!(Nodes::deregister_node(signed(OFFICER_A), node(1)), DispatchError::BadOrigin);
		assert_noop!(Nodes::deregister_node(root(), node(9)), Error::<Test>::NodeNotFound);
		assert_ok!(Nodes::deregister_node(root(), node(1)));
		assert_ok!(Nodes::deregister_node(root(), node(2)));
		assert_noop!(Nodes::deregister_node(root(), node(3)), Error::<Test>::LastNode);
	});
}

#[test]
fn a_department_manages_its_own_nodes_connections() {
	build_and_execute(|| {
		assert_ok!(Nodes::add_connection(signed(OFFICER_A), node(2), node(9)));
		assert_eq!(
			events(),
			vec![Event::ConnectionAdded {
				node: node(2),
				peer: node(9),
				department: DEPT_A,
				officer: OFFICER_A
			}]
		);
		assert!(NodesStore::<Test>::get()[&node(2)].connections.contains(&node(9)));
		assert_ok!(Nodes::remove_connection(signed(OFFICER_A), node(2), node(9)));
		assert_eq!(
			events().last(),
			Some(&Event::ConnectionRemoved {
				node: node(2),
				peer: node(9),
				department: DEPT_A,
				officer: OFFICER_A
			})
		);
		assert!(NodesStore::<Test>::get()[&node(2)].connections.is_empty());
	});
}

#[test]
fn another_departments_node_is_out_of_reach() {
	build_and_execute(|| {
		assert_noop!(
			Nodes::add_connection(signed(OFFICER_B), node(1), node(9)),
			Error::<Test>::NotNodeDepartment
		);
		assert_ok!(Nodes::add_connection(signed(OFFICER_A), node(1), node(9)));
		assert_noop!(
			Nodes::remove_connection(signed(OFFICER_B), node(1), node(9)),
			Error::<Test>::NotNodeDepartment
		);
	});
}

#[test]
fn connections_need_an_operating_officer_of_an_active_department() {
	build_and_execute(|| {
		assert_noop!(Nodes::add_connection(signed(99), node(1), node(9)), NOT_OFFICER);
		assert_noop!(Nodes::add_connection(signed(OFFICER_NONE), node(1), node(9)), ROLE_NOT_HELD);
		assert_noop!(Nodes::add_connection(root(), node(1), node(9)), DispatchError::BadOrigin);
		assert_ok!(Nodes::add_connection(signed(OFFICER_A), node(1), node(9)));
		MockRoles::suspend(DEPT_A);
		assert_noop!(
			Nodes::remove_connection(signed(OFFICER_A), node(1), node(9)),
			DEPARTMENT_NOT_ACTIVE
		);
	});
}

#[test]
fn connection_errors_are_named() {
	build_and_execute(|| {
		let garbage = NodeId::try_from(vec![0x00, 5]).unwrap();
		assert_noop!(
			Nodes::add_connection(signed(OFFICER_A), node(1), garbage),
			Error::<Test>::InvalidNodeId
		);
		assert_noop!(
			Nodes::add_connection(signed(OFFICER_A), node(9), node(8)),
			Error::<Test>::NodeNotFound
		);
		assert_noop!(
			Nodes::add_connection(signed(OFFICER_A), node(1), node(1)),
			Error::<Test>::SelfConnection
		);
		assert_ok!(Nodes::add_connection(signed(OFFICER_A), node(1), node(8)));
		assert_noop!(
			Nodes::add_connection(signed(OFFICER_A), node(1), node(8)),
			Error::<Test>::ConnectionAlreadyExists
		);
		assert_ok!(Nodes::add_connection(signed(OFFICER_A), node(1), node(7)));
		assert_noop!(
			Nodes::add_connection(signed(OFFICER_A), node(1), node(6)),
			Error::<Test>::MaxConnectionsExceeded
		);
		assert_noop!(
			Nodes::remove_connection(signed(OFFICER_A), node(1), node(6)),
			Error::<Test>::ConnectionNotFound
		);
		assert_noop!(
			Nodes::remove_connection(signed(OFFICER_A), node(9), node(6)),
			Error::<Test>::NodeNotFound
		);
	});
}

#[test]
fn registered_nodes_accept_each_other_and_their_own_connections() {
	build_and_execute(|| {
		assert_ok!(Nodes::add_connection(signed(OFFICER_A), node(1), node(9)));
		// A connection to a registered node is listed once.
		assert_ok!(Nodes::add_connection(signed(OFFICER_A), node(1), node(3)));
		assert_eq!(Nodes::authorized_peers(&node(1)), Some(vec![node(2), node(3), node(9)]));
		assert_eq!(Nodes::authorized_peers(&node(3)), Some(vec![node(1), node(2)]));
		// The outsider node 9 is accepted by node 1 alone, and accepts node 1 alone.
		assert_eq!(Nodes::authorized_peers(&node(9)), Some(vec![node(1)]));
		// A node no one lists is refused by all, and left to itself.
		assert_eq!(Nodes::authorized_peers(&node(8)), None);
	});
}

#[test]
fn an_empty_registry_leaves_the_network_open() {
	let mut ext: polkadot_sdk::sp_io::TestExternalities =
		polkadot_sdk::frame_system::GenesisConfig::<Test>::default()
			.build_storage()
			.unwrap()
			.into();
	ext.execute_with(|| assert_eq!(Nodes::authorized_peers(&node(1)), None));
}

/// What the offchain worker told the node's network: the authorised peers and the
/// authorised-only flag.
type Applied = Arc<Mutex<Vec<(Vec<OpaquePeerId>, bool)>>>;

/// A node's offchain externalities: its peer id, and a record of `set_authorized_nodes`.
struct Network {
	me: NodeId,
	applied: Applied,
}

impl polkadot_sdk::sp_core::offchain::Externalities for Network {
	fn is_validator(&self) -> bool {
		true
	}
	fn network_state(&self) -> Result<OpaqueNetworkState, ()> {
		// The node hands its peer id SCALE-encoded, as `sc-offchain` does.
		Ok(OpaqueNetworkState {
			peer_id: OpaquePeerId::new(self.me.to_vec().encode()),
			external_addresses: vec![],
		})
	}
	fn set_authorized_nodes(&mut self, nodes: Vec<OpaquePeerId>, authorized_only: bool) {
		self.applied.lock().unwrap().push((nodes, authorized_only));
	}
	fn timestamp(&mut self) -> Timestamp {
		unimplemented!()
	}
	fn sleep_until(&mut self, _: Timestamp) {
		unimplemented!()
	}
	fn random_seed(&mut self) -> [u8; 32] {
		unimplemented!()
	}
	fn http_request_start(&mut self, _: &str, _: &str, _: &[u8]) -> Result<HttpRequestId, ()> {
		unimplemented!()
	}
	fn http_request_add_header(&mut self, _: HttpRequestId, _: &str, _: &str) -> Result<(), ()> {
		unimplemented!()
	}
	fn http_request_write_body(
		&mut self,
		_: HttpRequestId,
		_: &[u8],
		_: Option<Timestamp>,
	) -> Result<(), HttpError> {
		unimplemented!()
	}
	fn http_response_wait(
		&mut self,
		_: &[HttpRequestId],
		_: Option<Timestamp>,
	) -> Vec<HttpRequestStatus> {
		unimplemented!()
	}
	fn http_response_headers(&mut self, _: HttpRequestId) -> Vec<(Vec<u8>, Vec<u8>)> {
		unimplemented!()
	}
	fn http_response_read_body(
		&mut self,
		_: HttpRequestId,
		_: &mut [u8],
		_: Option<Timestamp>,
	) -> Result<usize, HttpError> {
		unimplemented!()
	}
}

/// The test state with node `me`'s offchain externalities: its network (recording what it is
/// told) and its persistent offchain storage.
fn node_ext(
	me: NodeId,
) -> (polkadot_sdk::sp_io::TestExternalities, Applied, TestPersistentOffchainDB) {
	let applied = Applied::default();
	let db = TestPersistentOffchainDB::new();
	let mut ext = new_test_ext();
	ext.register_extension(OffchainWorkerExt::new(Network { me, applied: applied.clone() }));
	ext.register_extension(OffchainDbExt::new(OffchainDb::new(db.clone())));
	(ext, applied, db)
}

/// Runs the offchain worker as node `me` on the test state and returns what it applied.
fn offchain_worker_as(me: NodeId, setup: impl FnOnce()) -> Vec<(Vec<OpaquePeerId>, bool)> {
	let (mut ext, applied, _) = node_ext(me);
	ext.execute_with(|| {
		setup();
		Nodes::offchain_worker(1);
	});
	let applied = applied.lock().unwrap().clone();
	applied
}

fn opaque(nodes: &[u8]) -> Vec<OpaquePeerId> {
	nodes.iter().map(|n| OpaquePeerId::new(node(*n).into_inner())).collect()
}

#[test]
fn the_offchain_worker_makes_a_registered_node_refuse_everyone_else() {
	assert_eq!(offchain_worker_as(node(2), || {}), vec![(opaque(&[1, 3]), true)]);
}

/// The worker applies each set once: after every block it compares the set with the one it last
/// applied, and tells the network again only when the registry changed it, or when the node
/// restarted (the node clears the record at startup).
#[test]
fn the_offchain_worker_applies_each_set_once() {
	let (mut ext, applied, mut db) = node_ext(node(2));
	ext.execute_with(|| {
		for block in 1..=3 {
			Nodes::offchain_worker(block);
		}
	});
	assert_eq!(applied.lock().unwrap().clone(), vec![(opaque(&[1, 3]), true)]);
	ext.execute_with(|| {
		assert_ok!(Nodes::add_connection(signed(OFFICER_A), node(2), node(9)));
		Nodes::offchain_worker(4);
		Nodes::offchain_worker(5);
	});
	assert_eq!(applied.lock().unwrap().len(), 2);
	assert_eq!(applied.lock().unwrap()[1], (opaque(&[1, 3, 9]), true));
	// A restart: the node forgets what it applied, and the next block applies the set again.
	use polkadot_sdk::sp_core::offchain::{OffchainStorage, STORAGE_PREFIX};
	db.remove(STORAGE_PREFIX, civitas_primitives::NODES_APPLIED_KEY);
	ext.execute_with(|| Nodes::offchain_worker(6));
	assert_eq!(applied.lock().unwrap().len(), 3);
	assert_eq!(applied.lock().unwrap()[2], (opaque(&[1, 3, 9]), true));
}

#[test]
fn the_offchain_worker_binds_a_connected_outsider_to_its_connectors() {
	// Unlisted: refused by every registered node, and not restricted itself (so that it syncs
	// once registered).
	assert_eq!(offchain_worker_as(node(9), || {}), vec![]);
	let applied = offchain_worker_as(node(9), || {
		assert_ok!(Nodes::add_connection(signed(OFFICER_B), node(3), node(9)));
	});
	assert_eq!(applied, vec![(opaque(&[3]), true)]);
}

#[test]
fn the_offchain_worker_leaves_an_unregistered_chain_open() {
	let applied = Applied::default();
	let mut ext: polkadot_sdk::sp_io::TestExternalities =
		polkadot_sdk::frame_system::GenesisConfig::<Test>::default()
			.build_storage()
			.unwrap()
			.into();
	ext.register_extension(OffchainWorkerExt::new(Network {
		me: node(1),
		applied: applied.clone(),
	}));
	ext.execute_with(|| Nodes::offchain_worker(1));
	assert!(applied.lock().unwrap().is_empty());
}
