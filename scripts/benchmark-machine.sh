#!/usr/bin/env bash
# Measures what a transaction's weight assumes of the machine, into runtime/src/weights/:
#   paritydb_weights.rs    one storage read and one write (`benchmark storage`), on a chain state
#                          as large as the city's: a stopped dev node's database (--state)
#   block_weights.rs       an empty block's execution (`benchmark overhead`)
#   extrinsic_weights.rs   a transaction's base cost (`benchmark overhead`: blocks of remarks)
# and prints `benchmark extrinsic` (remarks, transfers, single e-bills): the time a block of
# each takes to execute, per transaction. The SDK's overhead and extrinsic benchmarks execute
# their blocks on the genesis state, so they run on a new dev chain.
#
#   scripts/benchmark-machine.sh --state <base path of a stopped `civitas-node --dev`>
#
# A state of a million bills or more: `scripts/bench.sh --duration 15m --keep <dir>` leaves one.
# Every pallet's weights add `T::DbWeight` for their reads and writes, so new database weights
# reach every call without regenerating the pallets' files (scripts/benchmark.sh does those).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

state=""
while [ $# -gt 0 ]; do
	case "$1" in
	--state) state="$2"; shift 2 ;;
	*) echo "unknown option $1" >&2; exit 2 ;;
	esac
done
[ -d "$state/chains" ] || { echo "--state: no chain database in '$state'" >&2; exit 2; }
for bin in "$NODE_BIN" "$BENCH_NODE_BIN"; do
	[ -x "$bin" ] || { echo "$bin not found: scripts/build.sh, then scripts/benchmark.sh builds it" >&2; exit 1; }
done

out=runtime/src/weights
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The dev chain as the production node built it: the benchmarking node's own `--dev` genesis
# holds another runtime and would not match the database.
"$NODE_BIN" build-spec --chain dev --raw --disable-default-bootnode >"$work/dev.json" 2>/dev/null

step "benchmark storage on $state (every key read, then written in batches)"
"$BENCH_NODE_BIN" benchmark storage --chain "$work/dev.json" --base-path "$state" \
	--database paritydb --state-version 1 --header scripts/weights-header.txt \
	--weight-path "$out"

step "benchmark overhead (an empty block, a block of remarks) on a new dev chain"
"$NODE_BIN" benchmark overhead --chain dev --base-path "$work/genesis" \
	--header scripts/weights-header.txt --weight-path "$out"

# The generated files name the SDK's crates; the runtime reaches them through the umbrella
# crate's `frame_support`, which re-exports what they use.
sed -i -E \
	-e 's/^(\s*)use sp_core::parameter_types;/\1use polkadot_sdk::frame_support::parameter_types;/' \
	-e 's/^(\s*)use sp_weights::/\1use polkadot_sdk::frame_support::weights::/' \
	-e 's/^(\s*)use frame_support::/\1use polkadot_sdk::frame_support::/' \
	"$out/paritydb_weights.rs" "$out/block_weights.rs" "$out/extrinsic_weights.rs"

step "benchmark extrinsic: a block of each on a new dev chain"
for extrinsic in "system remark" "balances transfer_keep_alive" "e_bills issue"; do
	set -- $extrinsic
	"$NODE_BIN" benchmark extrinsic --chain dev --base-path "$work/genesis" \
		--pallet "$1" --extrinsic "$2"
done
