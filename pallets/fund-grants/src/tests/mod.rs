//! Unit tests, one file per feature.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::panic,
	clippy::arithmetic_side_effects
)]

mod apply;
mod clawback;
mod entitlement;
mod milestones;
mod programs;
mod queries;
mod review;

use crate::{
	mock::*, Application, ApplicationId, ApplicationStatus, Applications, Error, Event,
	MilestonePlan, MilestoneStatus, Programs,
};
use civitas_primitives::testing::{call_decodes, NOT_OFFICER, ROLE_NOT_HELD};
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	frame_system::RawOrigin,
	sp_core::H256,
	sp_runtime::BoundedVec,
};

type FundGrants = crate::Pallet<Test>;

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

/// Milestones of `amounts`, due at blocks 100, 200, ...
fn plans(amounts: &[u128]) -> Vec<MilestonePlan<u64>> {
	amounts
		.iter()
		.enumerate()
		.map(|(i, amount)| MilestonePlan {
			amount: *amount,
			due: 100 * (i as u64 + 1),
			description: H256::repeat_byte(i as u8),
		})
		.collect()
}

/// [`plans`] as the bounded argument `apply` takes.
fn plan(
	amounts: &[u128],
) -> BoundedVec<MilestonePlan<u64>, <Test as crate::Config>::MaxMilestones> {
	bounded(plans(amounts))
}

/// The lab applies to the research program for 300,000 + 200,000; returns the application.
fn lab_applies() -> ApplicationId {
	assert_ok!(FundGrants::apply(
		signed(LAB_ACCOUNT),
		RESEARCH,
		500_000,
		H256::repeat_byte(0xaa),
		plan(&[300_000, 200_000]),
	));
	crate::NextApplicationId::<Test>::get() - 1
}

/// [`lab_applies`], then two reviewers approve.
fn approved() -> ApplicationId {
	let id = lab_applies();
	assert_ok!(FundGrants::review(signed(REVIEWER_1), id, true, H256::zero()));
	assert_ok!(FundGrants::review(signed(REVIEWER_2), id, true, H256::zero()));
	id
}

/// [`approved`], then milestone 0 submitted and approved.
fn first_milestone_approved() -> ApplicationId {
	let id = approved();
	assert_ok!(FundGrants::submit_milestone(signed(LAB_ACCOUNT), id, 0, H256::repeat_byte(0xe0)));
	assert_ok!(FundGrants::approve_milestone(signed(REVIEWER_3), id, 0));
	id
}

/// [`first_milestone_approved`], then both milestones paid: the application is completed.
fn completed() -> ApplicationId {
	let id = first_milestone_approved();
	assert_ok!(FundGrants::record_payout(signed(TREASURER), id, 0, H256::zero()));
	assert_ok!(FundGrants::submit_milestone(signed(LAB_ACCOUNT), id, 1, H256::zero()));
	assert_ok!(FundGrants::approve_milestone(signed(REVIEWER_1), id, 1));
	assert_ok!(FundGrants::record_payout(signed(TREASURER), id, 1, H256::zero()));
	assert_eq!(application(id).status, ApplicationStatus::Completed);
	id
}

fn application(id: ApplicationId) -> Application<Test> {
	Applications::<Test>::get(id).unwrap()
}

/// (budget, allocated, disbursed) of the research program.
fn research_money() -> (u128, u128, u128) {
	let p = Programs::<Test>::get(RESEARCH).unwrap();
	(p.terms.budget, p.allocated, p.disbursed)
}
