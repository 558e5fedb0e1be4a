# Shared by the scripts: paths, build settings and the build configurations the scripts use.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
# Link against the system OpenSSL instead of compiling one.
export OPENSSL_NO_VENDOR=1
# The runtime's WASM build must find this workspace's Cargo.lock even when the target directory
# is outside the repository.
export WASM_BUILD_WORKSPACE_HINT="$ROOT"
# The node is built as a city deploys it: the production runtime, without the benchmarking
# machinery. The dev chain, the end-to-end and the network tests run that build.
NODE_BIN="$CARGO_TARGET_DIR/release/civitas-node"
CLI_BIN="$CARGO_TARGET_DIR/release/civitas"
# Lints and unit tests build the benchmarks (as tests) and the try-runtime checks (every pallet's
# `try_state`, the migrations' pre- and post-checks, the runtime's upgrade dry runs), natively:
# no WASM.
TEST_FEATURES=(--features runtime-benchmarks,try-runtime)
# Weight generation needs a node built with the benchmarks: its own target directory, so the
# two builds never overwrite each other's runtime WASM.
BENCH_FEATURES=(--features runtime-benchmarks)
BENCH_TARGET_DIR="$CARGO_TARGET_DIR/benchmarks"
BENCH_NODE_BIN="$BENCH_TARGET_DIR/release/civitas-node"
# The next release of the runtime (`spec_version` + 1), which the live upgrade test applies to a
# running chain; its own target directory for the same reason.
NEXT_RUNTIME_TARGET_DIR="$CARGO_TARGET_DIR/next-runtime"
export CIVITAS_NEXT_RUNTIME="$NEXT_RUNTIME_TARGET_DIR/release/wbuild/civitas-runtime/civitas_runtime.compact.compressed.wasm"

step() { printf '\n==> %s\n' "$*"; }

# Where `benchmark pallet` writes pallet $1's weights, and with which template: a Civitas pallet's
# own `weights.rs` (its `WeightInfo` trait and weights), or an SDK pallet's weights for the runtime
# whose weights directory is $2. Prints "<output> <template>", paths from the repository root.
weights_target() {
	local dir="pallets/${1#pallet_}"
	dir="${dir//_/-}"
	if [ -d "$ROOT/$dir" ]; then
		echo "$dir/src/weights.rs scripts/frame-weight-template.hbs"
	else
		echo "$2/$1.rs scripts/runtime-weight-template.hbs"
	fi
}
