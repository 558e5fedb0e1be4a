//! Unit tests, one file per call or feature.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod bill_issuer;
mod credit_notes;
mod entitlement;
mod issue;
mod issuers;
mod lifecycle;
mod reimbursement;

use crate::{mock::*, BillStatus, Bills, Error, Event, Issuer};
use civitas_primitives::{
	testing::{
		call_decodes, MockIdentity, MockRoles, DEPARTMENT_NOT_ACTIVE, NOT_OFFICER, ROLE_NOT_HELD,
	},
	BillId,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	frame_system::RawOrigin,
	sp_core::H256,
};

type EBills = crate::Pallet<Test>;

/// A call's bounded argument from the test's list (which must be within the bound; a test of
/// the bound itself encodes the plain list and shows the call does not decode).
fn bounded<T: core::fmt::Debug, S: polkadot_sdk::sp_core::Get<u32>>(
	items: impl IntoIterator<Item = T>,
) -> polkadot_sdk::sp_runtime::BoundedVec<T, S> {
	items.into_iter().collect::<Vec<_>>().try_into().unwrap()
}

fn signed(who: u64) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

/// The power company issues bill `number` for `amount`; returns its id.
fn power_bill(number: &str, amount: u128) -> BillId {
	assert_ok!(EBills::issue(signed(POWER_OFFICER), new_bill(number, amount)));
	EBills::bill_id(&Issuer::Department(POWER), number.as_bytes())
}

/// Like [`power_bill`], then marked paid.
fn paid(number: &str, amount: u128) -> BillId {
	let id = power_bill(number, amount);
	assert_ok!(EBills::mark_paid(signed(POWER_OFFICER), id, H256::repeat_byte(1)));
	id
}

fn status(id: BillId) -> BillStatus {
	Bills::<Test>::get(id).unwrap().status
}
