#!/usr/bin/env bash
# One command that runs every check: formatting, lints, unit and benchmark tests, and the
# Polkadot.js end-to-end suite against a freshly started node, and the zombienet network tests. Installs what is missing first.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

"$ROOT/scripts/setup.sh"

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (warnings denied)"
SKIP_WASM_BUILD=1 cargo clippy --locked --release --workspace --exclude civitas-node --all-targets "${TEST_FEATURES[@]}" -- -D warnings
# The node apart, as it ships and as weight generation builds it. (In one build with the
# runtime's try-runtime feature, its benchmarking CLI's pallet-staking 50.0.0 does not compile:
# it misses pallet-session's try-runtime-only `peek_disabled`; the node has no try-runtime code.)
SKIP_WASM_BUILD=1 cargo clippy --locked --release -p civitas-node --all-targets -- -D warnings
SKIP_WASM_BUILD=1 cargo clippy --locked --release -p civitas-node --all-targets "${BENCH_FEATURES[@]}" -- -D warnings

# The node has no unit tests; the build below builds it. The parachain runtime's tests run its
# WASM (`validate_block`), so they run apart, with the WASM built.
step "cargo test: unit tests, benchmark tests, runtime and upgrade tests"
SKIP_WASM_BUILD=1 cargo test --locked --release --workspace --exclude civitas-node \
	--exclude civitas-parachain-runtime "${TEST_FEATURES[@]}"

step "parachain runtime: the city pallets' metadata, validate_block, cross-city XCM"
cargo test --locked --release -p civitas-parachain-runtime

"$ROOT/scripts/build.sh" --next-runtime

step "upgrade dry run on a state the node exports (the dev chain's genesis)"
"$ROOT/scripts/upgrade-dry-run.sh" --chain dev

step "Polkadot.js end-to-end suite"
(cd "$ROOT/tests/e2e" && CIVITAS_NODE="$NODE_BIN" CIVITAS_CLI="$CLI_BIN" npm test --silent)

step "zombienet network tests (four validators and an auditors' full node)"
"$ROOT/scripts/zombienet.sh"
