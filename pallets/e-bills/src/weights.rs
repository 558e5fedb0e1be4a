// Bootstrap only: replaced by scripts/benchmark.sh before this pallet is used.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(missing_docs)]

use polkadot_sdk::frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

pub trait WeightInfo {
	fn enable_issuer() -> Weight;
	fn disable_issuer() -> Weight;
	fn issue() -> Weight;
	fn issue_batch(n: u32, ) -> Weight;
	fn mark_paid() -> Weight;
	fn void() -> Weight;
	fn reverse() -> Weight;
	fn claim_reimbursement() -> Weight;
}
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn enable_issuer() -> Weight { Weight::from_parts(1_000_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn disable_issuer() -> Weight { Weight::from_parts(1_000_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn issue() -> Weight { Weight::from_parts(1_000_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn issue_batch(_n: u32, ) -> Weight { Weight::from_parts(1_000_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn mark_paid() -> Weight { Weight::from_parts(1_000_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn void() -> Weight { Weight::from_parts(1_000_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn reverse() -> Weight { Weight::from_parts(1_000_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn claim_reimbursement() -> Weight { Weight::from_parts(1_000_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
}
impl WeightInfo for () {
	fn enable_issuer() -> Weight { Weight::from_parts(1_000_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(5, 5)) }
	fn disable_issuer() -> Weight { Weight::from_parts(1_000_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(5, 5)) }
	fn issue() -> Weight { Weight::from_parts(1_000_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(5, 5)) }
	fn issue_batch(_n: u32, ) -> Weight { Weight::from_parts(1_000_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(5, 5)) }
	fn mark_paid() -> Weight { Weight::from_parts(1_000_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(5, 5)) }
	fn void() -> Weight { Weight::from_parts(1_000_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(5, 5)) }
	fn reverse() -> Weight { Weight::from_parts(1_000_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(5, 5)) }
	fn claim_reimbursement() -> Weight { Weight::from_parts(1_000_000_000, 10_000).saturating_add(ParityDbWeight::get().reads_writes(5, 5)) }
}
