#!/usr/bin/env bash
# Builds the release node with its production WASM runtime into ${CARGO_TARGET_DIR:-target}/release.
# With `--next-runtime`, also the next release's runtime WASM the live upgrade test applies.
set -euo pipefail
source "$(dirname "$0")/common.sh"

step "Building civitas-node (release; a cold build takes about 35 minutes on 2 cores)"
cargo build --locked --release -p civitas-node -p civitas-cli

if [ "${1:-}" = "--next-runtime" ]; then
	# `cargo check` runs the runtime's build script, which compiles the WASM in full; the native
	# crates are only checked. Its own target directory keeps the node's WASM untouched.
	step "Building the next release's runtime WASM (spec_version + 1) for the upgrade test"
	CARGO_TARGET_DIR="$NEXT_RUNTIME_TARGET_DIR" \
		cargo check --locked --release -p civitas-runtime --features next-spec-version
	ls -l "$CIVITAS_NEXT_RUNTIME"
fi
