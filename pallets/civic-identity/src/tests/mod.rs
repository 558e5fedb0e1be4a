//! Unit tests, one file per call or feature.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use crate::{mock::*, Error, Event};
use civitas_primitives::testing::{bounded, call_decodes, NOT_OFFICER, ROLE_NOT_HELD};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	frame_system::RawOrigin,
	sp_runtime::DispatchError,
};

type CivicIdentity = crate::Pallet<Test>;

fn root() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

fn signed(who: u64) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

mod credentials;
mod genesis;
mod links;
mod schemas;
mod subjects;
mod verification;
