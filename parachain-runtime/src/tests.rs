//! Tests of the parachain runtime: its configuration against the standalone runtime's, and the
//! chain run in-process as collators and relay chain validators would run it.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

mod chain;
mod collators;
mod metadata;
#[path = "../../runtime/src/tests/presets.rs"]
mod presets;
mod validate_block;
#[path = "../../runtime/src/tests/vocabulary.rs"]
mod vocabulary;
mod xcm;

/// The pallets of `pallets/` only the standalone runtime has: its node registry (which nodes may
/// exchange blocks; a parachain's collators reach the relay chain's validators as the relay
/// chain's network allows).
const PALLETS_ELSEWHERE: [&str; 1] = ["pallet_nodes"];
