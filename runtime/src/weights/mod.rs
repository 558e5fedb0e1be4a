//! What a transaction's weight assumes of the machine, measured on the reference machine by
//! `scripts/benchmark-machine.sh` (the node's `benchmark storage` and `benchmark overhead`); the
//! runtime README says on what and how to measure them again.
//!
//! - [`paritydb_weights`]: one storage read and one write in ParityDB, on a state of a million
//!   bills. Every pallet's weights charge their reads and writes with these (`T::DbWeight`).
//! - [`block_weights`]: executing an empty block.
//! - [`extrinsic_weights`]: a transaction's base cost, whatever it calls.
//!
//! And the weights of the SDK's pallets the runtime uses, measured on the same machine by
//! `scripts/benchmark.sh` (the Civitas pallets keep theirs in their crates): `frame_system`'s
//! calls and transaction extensions, balances, transaction payment, timestamp, Sudo, Utility,
//! Multisig, session (its benchmarks are the runtime's own, `benchmarks/session.rs`) and
//! GRANDPA ([`GrandpaWeights`]).

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_grandpa;
pub mod pallet_multisig;
pub mod pallet_session;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_utility;
// The SDK's template documents the fields of the weight it writes, which rustdoc cannot show.
#[allow(unused_doc_comments)]
pub mod paritydb_weights;

use polkadot_sdk::frame_support::weights::Weight;

use crate::Runtime;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use paritydb_weights::constants::ParityDbWeight;

/// GRANDPA's calls' weights on this machine. Its benchmarks measure the equivocation proof's
/// check and `note_stalled` ([`pallet_grandpa`]); a report weighs that check and what reporting
/// the offence weighs beyond it, the same as an Aura report's
/// ([`pallet_validators::Pallet::offence_report_weight`]: the key-ownership check, the offences
/// pallet and the validators pallet's handler), at the largest validator set.
pub struct GrandpaWeights;

impl polkadot_sdk::pallet_grandpa::WeightInfo for GrandpaWeights {
	fn report_equivocation(_validators: u32, _nominators: u32) -> Weight {
		pallet_grandpa::WeightInfo::<Runtime>::check_equivocation_proof(1)
			.saturating_add(pallet_validators::Pallet::<Runtime>::offence_report_weight())
	}

	fn note_stalled() -> Weight {
		pallet_grandpa::WeightInfo::<Runtime>::note_stalled()
	}
}
