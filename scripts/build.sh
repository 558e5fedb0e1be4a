#!/usr/bin/env bash
# Builds the release node (with its WASM runtime) into ${CARGO_TARGET_DIR:-target}/release.
set -euo pipefail
source "$(dirname "$0")/common.sh"

step "Building civitas-node (release; a cold build takes about 35 minutes on 2 cores)"
cargo build --locked --release --workspace "${CARGO_FEATURES[@]}"
