//! Unit tests, one file per call or feature.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod ensure_role;
mod genesis;
mod officers;
mod queries;
mod register_department;
mod roles;
mod status;

use crate::{mock::*, Error, Event};
use civitas_primitives::testing::{bounded, call_decodes};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	frame_system::RawOrigin,
	sp_runtime::DispatchError,
};

type Departments = crate::Pallet<Test>;

fn root() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

fn signed(who: u64) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}
