#!/usr/bin/env bash
# One command for a fresh machine: installs what is missing, builds, and starts a development
# chain (Alice producing and finalizing blocks, the city's departments seeded, state in a
# temporary directory). Connect Polkadot.js Apps to ws://127.0.0.1:9944. Extra arguments go to
# the node, e.g. `scripts/run-dev.sh --rpc-external`.
set -euo pipefail
source "$(dirname "$0")/common.sh"

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
step "Starting the development chain: ws://127.0.0.1:9944 (Ctrl-C to stop)"
exec "$NODE_BIN" --dev --rpc-cors all "$@"
