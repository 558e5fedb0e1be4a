#!/usr/bin/env bash
# A load run as the README reports it: a dev chain, a full node of the same chain that imports
# its blocks and authors none, and `civitas bench` keeping the pool full with a workload for a
# while. Writes the report (JSON), the chart (PNG) and the summary line into OUT.
#
#   scripts/bench.sh [--workload bill-batches] [--duration 10m] [--out bench/runs/<workload>]
#                    [--keep <dir>] [--node-args "<flags for both nodes>"]
#                    [more `civitas bench` options]
#
# Both nodes keep their databases in a temporary directory, removed at the end, except the dev
# node's with `--keep`: its base path is then <dir>, left for `scripts/benchmark-machine.sh`. The
# report follows the nodes' memory and database size block by block. Ports: 19944/19945 (RPC), 30533/30534
# (p2p), 19615/19616 (Prometheus).
set -euo pipefail
source "$(dirname "$0")/common.sh"

workload=bill-batches
duration=10m
out=""
keep=""
node_args=()
while [ $# -gt 0 ]; do
	case "$1" in
	--workload) workload="$2"; shift 2 ;;
	--duration) duration="$2"; shift 2 ;;
	--out) out="$2"; shift 2 ;;
	--keep) keep="$2"; shift 2 ;;
	--node-args) read -ra node_args <<<"$2"; shift 2 ;;
	*) break ;;
	esac
done
out="${out:-$ROOT/bench/runs/$workload}"
mkdir -p "$out"
for bin in "$NODE_BIN" "$CLI_BIN"; do
	[ -x "$bin" ] || { echo "$bin not found: build it with scripts/build.sh" >&2; exit 1; }
done

work="$(mktemp -d)"
pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

# Room in the pool for three blocks waiting and four not yet finalized, of any workload.
pool=20000
author_db="${keep:-$work/author}"
"$NODE_BIN" key generate-node-key --file "$work/node-key" 2>/dev/null
peer="$("$NODE_BIN" key inspect-node-key --file "$work/node-key")"
"$NODE_BIN" --dev --base-path "$author_db" --node-key-file "$work/node-key" --pool-limit "$pool" \
	--rpc-port 19944 --port 30533 --prometheus-port 19615 --no-mdns --no-telemetry "${node_args[@]}" \
	>"$work/author.log" 2>&1 &
author=$!
pids+=("$author")
"$NODE_BIN" --chain dev --base-path "$work/importer" --rpc-port 19945 --port 30534 \
	--prometheus-port 19616 --no-mdns --no-telemetry "${node_args[@]}" \
	--bootnodes "/ip4/127.0.0.1/tcp/30533/p2p/$peer" >"$work/importer.log" 2>&1 &
importer=$!
pids+=("$importer")

# Both nodes answer, and the importing one has the chain's first block.
best() { curl -s "http://127.0.0.1:$1/metrics" | sed -n 's/^substrate_block_height{status="best"[^}]*} //p'; }
for _ in $(seq 120); do
	[ "$(best 19616)" -ge 1 ] 2>/dev/null && break
	sleep 1
done
[ "$(best 19616)" -ge 1 ] 2>/dev/null || {
	echo "the nodes did not start:" >&2
	tail -20 "$work/author.log" "$work/importer.log" >&2
	exit 1
}

step "civitas bench --workload $workload --duration $duration (into $out)"
"$CLI_BIN" bench --url ws://127.0.0.1:19944 --workload "$workload" --duration "$duration" \
	--metrics http://127.0.0.1:19615/metrics --import-metrics http://127.0.0.1:19616/metrics \
	--pool-limit "$pool" --author-pid "$author" --author-database "$author_db" \
	--import-pid "$importer" --import-database "$work/importer" \
	--report "$out/report.json" --chart "$out/chart.png" "$@" | tee "$out/summary.txt"
