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
use civitas_primitives::testing::call_decodes;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	frame_system::RawOrigin,
	sp_runtime::DispatchError,
};

type Departments = crate::Pallet<Test>;

/// A call's bounded argument from the test's list (which must be within the bound; a test of
/// the bound itself encodes the plain list and shows the call does not decode).
fn bounded<T: core::fmt::Debug, S: polkadot_sdk::sp_core::Get<u32>>(
	items: impl IntoIterator<Item = T>,
) -> polkadot_sdk::sp_runtime::BoundedVec<T, S> {
	items.into_iter().collect::<Vec<_>>().try_into().unwrap()
}

fn root() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

fn signed(who: u64) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}
