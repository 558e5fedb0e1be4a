//! The checked-in metadata is the runtime's: a client never drifts from the chain it is built
//! for. `CIVITAS_BLESS_METADATA=1` rewrites it from the runtime.

#![allow(clippy::expect_used)]

use std::path::PathBuf;

#[test]
fn the_checked_in_metadata_is_the_runtimes() {
	let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("artifacts/civitas.scale");
	let runtime: Vec<u8> = civitas_runtime::Runtime::metadata_at_version(15)
		.expect("the runtime serves metadata V15")
		.to_vec();
	if std::env::var_os("CIVITAS_BLESS_METADATA").is_some() {
		std::fs::write(&path, &runtime).expect("the metadata file is writable");
	}
	let checked_in = std::fs::read(&path).expect("artifacts/civitas.scale exists");
	assert!(
		checked_in == runtime,
		"client/artifacts/civitas.scale differs from the runtime's metadata: rebuild it with \
		 `CIVITAS_BLESS_METADATA=1 cargo test -p civitas-client --test metadata`"
	);
}
