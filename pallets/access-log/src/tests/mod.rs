//! Unit tests, one file per feature.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::panic,
	clippy::arithmetic_side_effects
)]

mod logging;
mod pruning;
mod purposes;
mod queries;

use crate::{mock::*, Error, Event, RecordKind};
use civitas_primitives::{
	testing::{call_decodes, DEPARTMENT_NOT_ACTIVE, NOT_OFFICER, ROLE_NOT_HELD},
	Role,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	frame_system::RawOrigin,
	sp_runtime::{BoundedVec, DispatchError},
};

type AccessLog = crate::Pallet<Test>;

fn signed(who: u64) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

/// A bounded list of `items` (panics if over the bound: for test inputs only).
fn bounded<T: core::fmt::Debug, S: polkadot_sdk::frame_support::traits::Get<u32>>(
	items: impl IntoIterator<Item = T>,
) -> BoundedVec<T, S> {
	items.into_iter().collect::<Vec<_>>().try_into().unwrap()
}

/// The tax officer logs a tax-audit access to the person's bills; returns its id.
fn tax_officer_logs() -> u64 {
	assert_ok!(AccessLog::log_access(
		signed(TAX_OFFICER),
		person(),
		RecordKind::Bills,
		TAX_AUDIT,
		Some(case(1))
	));
	crate::NextAccessId::<Test>::get() - 1
}
