#!/usr/bin/env bash
# Regenerates the weights from the node's `benchmark pallet` on this machine:
#   pallets/<pallet>/src/weights.rs      every Civitas pallet (its `WeightInfo` trait and weights)
#   runtime/src/weights/<pallet>.rs      the SDK's pallets the runtime uses, and frame_system's
#                                        transaction extensions (their `WeightInfo` for Runtime)
# Usage: scripts/benchmark.sh [pallet_name ...] (default: every pallet runtime/src/benchmarks.rs
# lists; a pallet with a crate under pallets/ is a Civitas pallet, any other is the SDK's).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

step "Building civitas-node with the benchmarks into $BENCH_TARGET_DIR"
CARGO_TARGET_DIR="$BENCH_TARGET_DIR" cargo build --locked --release -p civitas-node "${BENCH_FEATURES[@]}"

pallets=("$@")
if [ ${#pallets[@]} -eq 0 ]; then
	mapfile -t pallets < <("$BENCH_NODE_BIN" benchmark pallet --chain dev --list=pallets 2>/dev/null | tail -n +2)
	[ ${#pallets[@]} -gt 0 ] || { echo "the node lists no benchmarks" >&2; exit 1; }
fi
for pallet in "${pallets[@]}"; do
	read -r output template < <(weights_target "$pallet" runtime/src/weights)
	step "Benchmarking $pallet into $output"
	"$BENCH_NODE_BIN" benchmark pallet \
		--chain dev \
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
