//! Unit tests, one file per feature.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::panic,
	clippy::arithmetic_side_effects
)]

mod encumbrances;
mod licences;
mod migrations;
mod register;
mod tax;
mod transfer;

use crate::{
	mock::*,
	runtime_api::{Holding, TitleChangeInfo},
	Error, Event, Properties, PropertyId, PropertyStatus,
};
use civitas_primitives::{
	testing::{call_decodes, DEPARTMENT_NOT_ACTIVE, NOT_OFFICER, ROLE_NOT_HELD},
	SubjectId,
};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	frame_system::RawOrigin,
	sp_core::H256,
};

type RealEstate = crate::Pallet<Test>;

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

/// Registers a residential property `cadastral` owned by `owners`; returns its id.
fn register(cadastral: &str, owners: Vec<(SubjectId, u16)>) -> PropertyId {
	assert_ok!(RealEstate::register_property(
		signed(REGISTRAR),
		bounded(cadastral.as_bytes().to_vec()),
		H256::repeat_byte(1),
		75,
		crate::Usage::Residential,
		bounded(owners),
		H256::repeat_byte(2),
	));
	crate::NextPropertyId::<Test>::get() - 1
}

/// Opens a transfer of the seeded flat to [`buyer`] alone.
fn open_sale() {
	assert_ok!(RealEstate::open_transfer(
		signed(REGISTRAR),
		FLAT,
		bounded(vec![(buyer(), 1000)]),
		200_000_000,
		H256::repeat_byte(0xde),
	));
}

/// Opens a transfer of the seeded flat to [`buyer`] and [`co_buyer`] (who has no keys), half
/// each.
fn open_joint_sale() {
	assert_ok!(RealEstate::open_transfer(
		signed(REGISTRAR),
		FLAT,
		bounded(vec![(buyer(), 500), (co_buyer(), 500)]),
		1_000,
		H256::zero(),
	));
}

/// Tries to open a transfer of the flat to [`buyer`] for 1 fen.
fn try_sale() -> polkadot_sdk::sp_runtime::DispatchResult {
	RealEstate::open_transfer(
		signed(REGISTRAR),
		FLAT,
		bounded(vec![(buyer(), 1000)]),
		1,
		H256::zero(),
	)
}

/// The number and terms hash of the open transfer of `property`.
fn named(property: PropertyId) -> (crate::TransferId, H256) {
	let transfer = crate::Transfers::<Test>::get(property).expect("a transfer is open");
	(transfer.id, transfer.terms)
}

/// `who` consents to the open transfer of `property`, naming it.
fn consent(who: u64, property: PropertyId) -> polkadot_sdk::sp_runtime::DispatchResult {
	let (id, terms) = named(property);
	RealEstate::consent(signed(who), property, id, terms)
}

/// The registrar records `subject`'s consent to the open transfer of `property`.
fn record(
	who: u64,
	property: PropertyId,
	subject: SubjectId,
) -> polkadot_sdk::sp_runtime::DispatchResult {
	let (id, terms) = named(property);
	RealEstate::record_consent(signed(who), property, id, terms, subject, H256::repeat_byte(7))
}

/// A second registrar completes the open transfer of `property`.
fn complete(property: PropertyId) -> polkadot_sdk::sp_runtime::DispatchResult {
	RealEstate::complete_transfer(signed(REGISTRAR_2), property, H256::zero())
		.map(|_| ())
		.map_err(|e| e.error)
}

/// Both sides of [`open_sale`] consent with their own accounts.
fn both_consent() {
	assert_ok!(consent(SELLER_ACCOUNT, FLAT));
	assert_ok!(consent(BUYER_ACCOUNT, FLAT));
}

fn status(property: PropertyId) -> PropertyStatus {
	Properties::<Test>::get(property).unwrap().status
}

/// The owners recorded by each history entry that changed ownership, oldest first.
fn ownership_history(property: PropertyId) -> Vec<Vec<(SubjectId, u16)>> {
	RealEstate::title_history(property, None, 100)
		.into_iter()
		.filter_map(|e| match e.change {
			TitleChangeInfo::Registered { owners }
			| TitleChangeInfo::Transferred { owners, .. } => Some(owners),
			_ => None,
		})
		.collect()
}
