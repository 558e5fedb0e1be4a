#!/usr/bin/env bash
# Regenerates the weights of the pallets only the parachain runtime has (parachain-runtime/src/
# benchmarks.rs), from the benchmark node's `benchmark pallet` run on the parachain runtime's WASM
# (built with the benchmarks) on this machine:
#   pallets/<pallet>/src/weights.rs                  a Civitas pallet (the cross-city pallet)
#   parachain-runtime/src/weights/<pallet>.rs        the SDK's (Cumulus' and the message queue)
# Usage: scripts/benchmark-parachain.sh [pallet_name ...] (default: every pallet it lists).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

step "Building civitas-node with the benchmarks into $BENCH_TARGET_DIR"
CARGO_TARGET_DIR="$BENCH_TARGET_DIR" cargo build --locked --release -p civitas-node "${BENCH_FEATURES[@]}"
# `cargo check` runs the runtime's build script, which compiles its WASM in full.
step "Building the parachain runtime's WASM with the benchmarks"
CARGO_TARGET_DIR="$BENCH_TARGET_DIR" cargo check --locked --release -p civitas-parachain-runtime "${BENCH_FEATURES[@]}"
wasm="$BENCH_TARGET_DIR/release/wbuild/civitas-parachain-runtime/civitas_parachain_runtime.compact.compressed.wasm"

# The benchmark node's executor lacks Cumulus' proof-size host function; the benchmarks do not
# call it (a call would fail the run, not skew it).
run() {
	"$BENCH_NODE_BIN" benchmark pallet --runtime "$wasm" --genesis-builder runtime \
		--genesis-builder-preset development --allow-missing-host-functions "$@"
}

pallets=("$@")
if [ ${#pallets[@]} -eq 0 ]; then
	mapfile -t pallets < <(run --list=pallets 2>/dev/null | tail -n +2)
	[ ${#pallets[@]} -gt 0 ] || { echo "the parachain runtime lists no benchmarks" >&2; exit 1; }
fi
for pallet in "${pallets[@]}"; do
	read -r output template < <(weights_target "$pallet" parachain-runtime/src/weights)
	step "Benchmarking $pallet into $output"
	run \
		--pallet "$pallet" \
		--extrinsic '*' \
		--wasm-execution compiled \
		--steps 50 \
		--repeat 20 \
		--heap-pages 4096 \
		--template "$template" \
		--header scripts/weights-header.txt \
		--output "$output"
done
