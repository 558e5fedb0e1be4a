//! The Civitas node.

// Host-side code: a node may stop on a broken invariant at start-up; the no-panic rule is for
// runtime code.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::arithmetic_side_effects)]
// `sc_cli::Error` and `sc_service::Error` are large by design; every node built on them returns
// them.
#![allow(clippy::result_large_err)]
#![allow(missing_docs)]

mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> polkadot_sdk::sc_cli::Result<()> {
	command::run()
}
