//! The stored types of the nodes pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::frame_support::{
	traits::{ConstU32, Get},
	BoundedBTreeSet, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;

use civitas_primitives::DepartmentId;

/// The longest peer id accepted, in bytes. A libp2p peer id is a multihash of the node's public
/// key: 38 bytes for an ed25519 key inlined (the identity multihash), 34 for a SHA2-256 hash of a
/// larger key.
pub const MAX_NODE_ID_LEN: u32 = 44;

/// A node's libp2p peer id in binary form (`PeerId::to_bytes()`, the base58 text `12D3KooW...`
/// decoded).
pub type NodeId = BoundedVec<u8, ConstU32<MAX_NODE_ID_LEN>>;

/// Whether `bytes` have a peer id's shape: a one-byte multihash code, identity (`0x00`, the key
/// itself, at most 42 bytes) or SHA2-256 (`0x12`, 32 bytes), then the one-byte digest length,
/// then exactly that many bytes. What the node's network accepts as a `PeerId`.
pub fn is_peer_id(bytes: &[u8]) -> bool {
	match bytes {
		[0x00, len, digest @ ..] => *len as usize == digest.len() && (1..=42).contains(len),
		[0x12, 32, digest @ ..] => digest.len() == 32,
		_ => false,
	}
}

/// The peer id of a node whose network key is the ed25519 key `public`: the identity multihash
/// of the key's protobuf encoding (the bytes behind `12D3KooW...`).
pub fn ed25519_peer_id(public: &[u8; 32]) -> alloc::vec::Vec<u8> {
	let mut bytes = alloc::vec![0x00, 0x24, 0x08, 0x01, 0x12, 0x20];
	bytes.extend_from_slice(public);
	bytes
}

/// A registered node: the department that operates it and the extra peers that department lets
/// it exchange blocks with (its own unregistered machines, say).
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxConnections))]
pub struct NodeRecord<MaxConnections: Get<u32>> {
	/// The operating department.
	pub department: DepartmentId,
	/// Peers, registered or not, this node accepts besides the registered nodes.
	pub connections: BoundedBTreeSet<NodeId, MaxConnections>,
}
