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
cargo clippy --locked --release --workspace --all-targets "${CARGO_FEATURES[@]}" -- -D warnings

step "cargo test: unit tests, benchmark tests, runtime tests"
cargo test --locked --release --workspace "${CARGO_FEATURES[@]}"

"$ROOT/scripts/build.sh"

step "Polkadot.js end-to-end suite"
(cd "$ROOT/tests/e2e" && CIVITAS_NODE="$NODE_BIN" npm test --silent)

step "zombienet network tests (four validators and an auditors' node)"
"$ROOT/scripts/zombienet.sh"
