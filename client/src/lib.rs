//! The Civitas chain as the city's tools see it.
//!
//! The runtime's metadata is checked in (`artifacts/civitas.scale`) and the chain's types are
//! generated from it at compile time, so a tool built from this crate speaks the runtime it was
//! built with; `tests/metadata.rs` fails when the checked-in metadata differs from the runtime's.

pub mod disclosure;

/// The chain's calls, events, storage and runtime APIs, generated from the checked-in metadata.
#[subxt::subxt(runtime_metadata_path = "artifacts/civitas.scale")]
pub mod civitas {}

/// How the tools talk to a Civitas node: Substrate's defaults (sr25519 accounts, 32-byte
/// account ids, `u32` block numbers) are Civitas's.
pub type CivitasConfig = subxt::SubstrateConfig;
