//! The Civitas chain as the city's tools see it.
//!
//! The runtime's metadata is checked in (`artifacts/civitas.scale`) and the chain's types are
//! generated from it at compile time, so a tool built from this crate speaks the runtime it was
//! built with. The end-to-end test `tests/e2e/civitas-cli.test.js` fails when the checked-in metadata
//! differs from what the production node serves (`CIVITAS_BLESS_METADATA=1` rewrites it).

pub mod disclosure;

/// The chain's hash of documents and ids.
pub use polkadot_sdk::sp_crypto_hashing::blake2_256;

/// The chain's calls, events, storage and runtime APIs, generated from the checked-in metadata.
#[subxt::subxt(runtime_metadata_path = "artifacts/civitas.scale")]
pub mod civitas {}

/// How the tools talk to a Civitas node: Substrate's defaults (sr25519 accounts, 32-byte
/// account ids, `u32` block numbers) are Civitas's.
pub type CivitasConfig = subxt::SubstrateConfig;
