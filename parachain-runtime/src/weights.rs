//! Weights: the standalone runtime's, measured on the reference machine and included here by
//! path (one source: the same machine, database and SDK pallets), and this runtime's own,
//! measured on the same machine by `scripts/benchmark-parachain.sh`.
//!
//! - `paritydb_weights`, `block_weights`, `extrinsic_weights`: a read and a write in ParityDB,
//!   an empty block and a transaction's base cost (`scripts/benchmark-machine.sh`).
//! - `frame_system`, its transaction extensions, balances, transaction payment, timestamp,
//!   session, Sudo, Utility and Multisig (`scripts/benchmark.sh`).
//! - `cumulus_pallet_parachain_system`, `cumulus_pallet_xcmp_queue`, `pallet_message_queue`
//!   (in `weights/`): the pallets only the parachain has, measured in this runtime.

pub mod cumulus_pallet_parachain_system;
pub mod cumulus_pallet_xcmp_queue;
pub mod pallet_message_queue;

#[path = "../../runtime/src/weights/block_weights.rs"]
pub mod block_weights;
#[path = "../../runtime/src/weights/extrinsic_weights.rs"]
pub mod extrinsic_weights;
#[path = "../../runtime/src/weights/frame_system.rs"]
pub mod frame_system;
#[path = "../../runtime/src/weights/frame_system_extensions.rs"]
pub mod frame_system_extensions;
#[path = "../../runtime/src/weights/pallet_balances.rs"]
pub mod pallet_balances;
#[path = "../../runtime/src/weights/pallet_multisig.rs"]
pub mod pallet_multisig;
#[path = "../../runtime/src/weights/pallet_session.rs"]
pub mod pallet_session;
#[path = "../../runtime/src/weights/pallet_sudo.rs"]
pub mod pallet_sudo;
#[path = "../../runtime/src/weights/pallet_timestamp.rs"]
pub mod pallet_timestamp;
#[path = "../../runtime/src/weights/pallet_transaction_payment.rs"]
pub mod pallet_transaction_payment;
#[path = "../../runtime/src/weights/pallet_utility.rs"]
pub mod pallet_utility;
// The SDK's template documents the fields of the weight it writes, which rustdoc cannot show.
#[allow(unused_doc_comments)]
#[path = "../../runtime/src/weights/paritydb_weights.rs"]
pub mod paritydb_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use paritydb_weights::constants::ParityDbWeight;
