//! Tests of the parachain runtime: its configuration against the standalone runtime's, and the
//! chain run in-process as collators and relay chain validators would run it.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

mod chain;
mod metadata;
#[path = "../../runtime/src/tests/presets.rs"]
mod presets;
mod validate_block;
#[path = "../../runtime/src/tests/vocabulary.rs"]
mod vocabulary;
mod xcm;

/// The pallets of `pallets/` only the standalone runtime has: its validator set and node
/// registry (the relay chain validates a parachain's blocks; collators are Aura authorities).
const PALLETS_ELSEWHERE: [&str; 2] = ["pallet_nodes", "pallet_validators"];
