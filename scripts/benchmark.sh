#!/usr/bin/env bash
# Regenerates the weights from the node's `benchmark pallet` on this machine:
#   pallets/<pallet>/src/weights.rs      every Civitas pallet (its `WeightInfo` trait and weights)
#   runtime/src/weights/<pallet>.rs      the SDK's pallets the runtime uses, and frame_system's
#                                        transaction extensions (their `WeightInfo` for Runtime)
# Usage: scripts/benchmark.sh [pallet_name ...] (default: all of them).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

# The SDK's pallets the runtime benchmarks (runtime/src/benchmarks.rs) and takes weights of.
SDK_PALLETS=(frame_system frame_system_extensions pallet_balances pallet_transaction_payment
	pallet_timestamp pallet_sudo pallet_utility pallet_multisig)

pallets=("$@")
if [ ${#pallets[@]} -eq 0 ]; then
	pallets=("${SDK_PALLETS[@]}")
	for dir in pallets/*/; do pallets+=("pallet_$(basename "$dir" | tr - _)"); done
fi

step "Building civitas-node with the benchmarks into $BENCH_TARGET_DIR"
CARGO_TARGET_DIR="$BENCH_TARGET_DIR" cargo build --locked --release -p civitas-node "${BENCH_FEATURES[@]}"
for pallet in "${pallets[@]}"; do
	if [[ " ${SDK_PALLETS[*]} " == *" $pallet "* ]]; then
		output="runtime/src/weights/$pallet.rs"
		template=scripts/runtime-weight-template.hbs
	else
		dir="pallets/${pallet#pallet_}"
		output="${dir//_/-}/src/weights.rs"
		template=scripts/frame-weight-template.hbs
	fi
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
