# Shared by the scripts: paths, build settings and the one build configuration every script uses.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
# Link against the system OpenSSL instead of compiling one.
export OPENSSL_NO_VENDOR=1
# The runtime's WASM build must find this workspace's Cargo.lock even when the target directory
# is outside the repository.
export WASM_BUILD_WORKSPACE_HINT="$ROOT"
# The node and tests are always built with the benchmarking machinery, so one build serves the
# dev chain, the tests, the benchmark tests and weight generation. A production build omits it:
# `cargo build --release -p civitas-node`.
CARGO_FEATURES=(--features runtime-benchmarks)
NODE_BIN="$CARGO_TARGET_DIR/release/civitas-node"

step() { printf '\n==> %s\n' "$*"; }
