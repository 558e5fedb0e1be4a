#!/usr/bin/env bash
# Dry-runs an upgrade to this source's runtime on a chain's state, with every migration's pre- and
# post-checks, each pallet's storage version against its code, and every pallet's `try_state`.
#
#   scripts/upgrade-dry-run.sh [--chain <spec>] [--base-path <node database>] [<block>]
#
# The state is exported from a node's database with `civitas-node export-state` (run it on a
# stopped node or a copy of its database: ParityDB admits one process), by default the finalized
# block's; without `--base-path`, the genesis of `--chain` (default `dev`). The checks run in
# process, natively, in the runtime's test build; the script exits non-zero when one fails.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

chain=dev
base_path=""
block=()
while (($#)); do
	case "$1" in
	--chain) chain="$2"; shift 2 ;;
	--base-path) base_path="$2"; shift 2 ;;
	-*) echo "unknown option $1" >&2; exit 2 ;;
	*) block=("$1"); shift ;;
	esac
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [[ -z "$base_path" ]]; then
	base_path="$work/db"
	block=(0)
fi

state="$work/state.json"
"$NODE_BIN" export-state --chain "$chain" --base-path "$base_path" "${block[@]}" >"$state" 2>"$work/export.log" || {
	cat "$work/export.log" >&2
	exit 1
}
echo "exported the state of $chain ($base_path${block:+, block ${block[0]}}): $(wc -c <"$state") bytes"

# The same build as the unit tests (same packages and features), so nothing is rebuilt.
CIVITAS_UPGRADE_STATE="$state" SKIP_WASM_BUILD=1 cargo test --locked --release --workspace \
	--exclude civitas-node --lib "${TEST_FEATURES[@]}" -- --ignored --exact --nocapture \
	tests::upgrade::try_runtime::an_exported_state_upgrades_with_every_check
