//! A test runtime with System and Nodes; departments replaced by [`MockRoles`]. Departments 1
//! and 2 hold `NodeOperator` (officers 11 and 21, 22), department 3 does not (officer 31).
//! Nodes 1 and 2 (see [`node`]) are registered for department 1, node 3 for department 2.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::arithmetic_side_effects)]

use crate as pallet_nodes;
use crate::NodeId;
use civitas_primitives::{testing::MockRoles, DepartmentId, EnsureRole, Role};
use polkadot_sdk::{
	frame_support::{derive_impl, parameter_types, traits::ConstU32},
	frame_system::{self, EnsureRoot},
	sp_io,
	sp_runtime::BuildStorage,
};

type Block = frame_system::mocking::MockBlock<Test>;

#[polkadot_sdk::frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Nodes = pallet_nodes;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	pub const NodeOperator: Role = Role::NodeOperator;
}

impl pallet_nodes::Config for Test {
	type NetworkOrigin = EnsureRoot<u64>;
	type OperatorOrigin = EnsureRole<MockRoles, NodeOperator, u64>;
	type Roles = MockRoles;
	type MaxNodes = ConstU32<4>;
	type MaxConnections = ConstU32<2>;
	type WeightInfo = ();
}

/// The operating department of nodes 1 and 2.
pub const DEPT_A: DepartmentId = 1;
/// The operating department of node 3.
pub const DEPT_B: DepartmentId = 2;
/// A department without `NodeOperator`.
pub const NO_OPERATOR: DepartmentId = 3;
/// Officers of [`DEPT_A`], [`DEPT_B`] and [`NO_OPERATOR`].
pub const OFFICER_A: u64 = 11;
pub const OFFICER_B: u64 = 21;
pub const OFFICER_NONE: u64 = 31;

/// Peer id number `n`: the identity multihash of an ed25519 key, as libp2p writes it.
pub fn node(n: u8) -> NodeId {
	NodeId::try_from(crate::ed25519_peer_id(&[n; 32])).unwrap()
}

/// The state a test starts from: nodes 1, 2 (department A) and 3 (department B).
pub fn new_test_ext() -> sp_io::TestExternalities {
	MockRoles::grant(DEPT_A, Role::NodeOperator);
	MockRoles::grant(DEPT_B, Role::NodeOperator);
	MockRoles::grant(NO_OPERATOR, Role::Auditor);
	MockRoles::add_officer(OFFICER_A, DEPT_A);
	MockRoles::add_officer(OFFICER_B, DEPT_B);
	MockRoles::add_officer(OFFICER_NONE, NO_OPERATOR);
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_nodes::GenesisConfig::<Test> {
		nodes: vec![
			(node(1).into_inner().into(), DEPT_A),
			(node(2).into_inner().into(), DEPT_A),
			(node(3).into_inner().into(), DEPT_B),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on [`new_test_ext`], then checks the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Nodes::do_try_state().expect("invariants hold");
	});
}

/// The pallet's events, oldest first.
pub fn events() -> Vec<pallet_nodes::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Nodes(e) => Some(e),
			_ => None,
		})
		.collect()
}
