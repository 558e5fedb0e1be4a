#!/usr/bin/env bash
# Regenerates `pallets/<pallet>/src/weights.rs` from the node's `benchmark pallet` on this
# machine. Usage: scripts/benchmark.sh [pallet_name ...] (default: every Civitas pallet).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

pallets=("$@")
if [ ${#pallets[@]} -eq 0 ]; then
	pallets=()
	for dir in pallets/*/; do pallets+=("pallet_$(basename "$dir" | tr - _)"); done
fi

step "Building civitas-node with the benchmarks into $BENCH_TARGET_DIR"
CARGO_TARGET_DIR="$BENCH_TARGET_DIR" cargo build --locked --release -p civitas-node "${BENCH_FEATURES[@]}"
for pallet in "${pallets[@]}"; do
	dir="pallets/${pallet#pallet_}"
	dir="${dir//_/-}"
	step "Benchmarking $pallet into $dir/src/weights.rs"
	"$BENCH_NODE_BIN" benchmark pallet \
		--chain dev \
		--pallet "$pallet" \
		--extrinsic '*' \
		--wasm-execution compiled \
		--steps 50 \
		--repeat 20 \
		--heap-pages 4096 \
		--template scripts/frame-weight-template.hbs \
		--header scripts/weights-header.txt \
		--output "$dir/src/weights.rs"
done
