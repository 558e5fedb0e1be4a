#!/usr/bin/env bash
# Installs what building and testing Civitas needs and is missing. Safe to run again.
set -euo pipefail
source "$(dirname "$0")/common.sh"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v protoc >/dev/null || missing+=(protobuf-compiler)
command -v pkg-config >/dev/null || missing+=(pkg-config)
dpkg -s libssl-dev >/dev/null 2>&1 || missing+=(libssl-dev)
# The auditors' index is tested against a real PostgreSQL server (tests/e2e/postgres.js).
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
# The auditors' portal is tested in Debian's headless Chromium, driven by playwright-core.
command -v chromium >/dev/null || missing+=(chromium)
# The load harness draws its charts with this font (`civitas bench --chart`).
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
	step "Installing Debian packages: ${missing[*]}"
	as_root apt-get update -qq
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"
fi

if ! rustup target list --installed | grep -qx wasm32v1-none; then
	step "Installing the wasm32v1-none Rust target"
	rustup target add wasm32v1-none
fi
for component in rustfmt clippy; do
	if ! rustup component list --installed | grep -q "^$component"; then
		rustup component add "$component"
	fi
done

# The Polkadot.js end-to-end suite's packages, exactly as locked.
e2e="$ROOT/tests/e2e"
if [ ! -d "$e2e/node_modules" ] || [ "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]; then
	step "Installing the end-to-end suite's npm packages"
	(cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi
