// Bootstrap weights, replaced by scripts/benchmark.sh pallet_fund_grants before use.

#![allow(unused_parens, unused_imports, missing_docs, unused_variables)]

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

pub trait WeightInfo {
	fn create_program() -> Weight;
	fn top_up() -> Weight;
	fn close_program() -> Weight;
	fn apply(m: u32) -> Weight;
	fn withdraw() -> Weight;
	fn review() -> Weight;
	fn submit_milestone() -> Weight;
	fn decide_milestone() -> Weight;
	fn record_payout() -> Weight;
	fn claw_back() -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_program() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn top_up() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn close_program() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn apply(m: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn withdraw() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn review() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn submit_milestone() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn decide_milestone() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn record_payout() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn claw_back() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
}

impl WeightInfo for () {
	fn create_program() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn top_up() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn close_program() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn apply(m: u32) -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn withdraw() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn review() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn submit_milestone() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn decide_milestone() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn record_payout() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
	fn claw_back() -> Weight {
		Weight::from_parts(100_000_000, 10_000)
	}
}
