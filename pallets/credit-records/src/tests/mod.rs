//! Unit tests, one file per call or feature.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod expiry;
mod integrity;
mod objection;
mod publication_limits;
mod record;
mod revoke;
mod score;

use crate::{mock::*, Error, Event, RecordStatus, Records};
use civitas_primitives::{
	testing::{NOT_OFFICER, ROLE_NOT_HELD},
	CreditCategory, RecordId, SubjectId,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	frame_system::RawOrigin,
	sp_core::H256,
	sp_runtime::{DispatchError, DispatchResult},
};

type CreditRecords = crate::Pallet<Test>;

fn root() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

fn signed(who: u64) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

/// The tax bureau records a tax entry of `delta` about `subject`, published `period` blocks,
/// each with a decision document of its own.
fn record_tax(subject: SubjectId, delta: i32, period: u64) -> DispatchResult {
	let document = H256::from_low_u64_be(crate::NextRecordId::<Test>::get().saturating_add(0x1000));
	CreditRecords::record(
		signed(TAX_OFFICER),
		subject,
		CreditCategory::Tax,
		delta,
		document,
		period,
	)
}

/// Like [`record_tax`], returning the new record's id.
fn recorded(subject: SubjectId, delta: i32, period: u64) -> RecordId {
	let id = crate::NextRecordId::<Test>::get();
	assert_ok!(record_tax(subject, delta, period));
	id
}

fn status(id: RecordId) -> RecordStatus {
	Records::<Test>::get(id).unwrap().status
}

fn score(subject: SubjectId) -> i32 {
	CreditRecords::credit_profile(subject).score
}
