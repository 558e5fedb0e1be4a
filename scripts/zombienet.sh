#!/usr/bin/env bash
# Runs the zombienet network tests (zombienet/*.zndsl, in order) against the release node built by
# scripts/build.sh, with zombienet's native provider. Every node is stopped afterwards, also when a
# test fails. Usage: scripts/zombienet.sh [test.zndsl ...] (default: all).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT/zombienet"

if [ ! -x "$NODE_BIN" ]; then
	echo "civitas-node not found at $NODE_BIN: run scripts/build.sh first" >&2
	exit 1
fi
export CIVITAS_NODE="$NODE_BIN"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	step "Installing zombienet"
	npm ci --no-audit --no-fund --loglevel=error
fi

# Nodes zombienet started from its temporary directories; none may outlive the run.
cleanup() { pkill -f "$NODE_BIN --chain /tmp/zombie-" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(*.zndsl)
for t in "${tests[@]}"; do
	step "zombienet: $t"
	start=$SECONDS
	# Each test bounds its own assertions; the whole file gets ten minutes at most.
	timeout 600 npx --no-install zombienet test --provider native "$t"
	echo "zombienet: $t passed in $((SECONDS - start)) s"
	cleanup
done
