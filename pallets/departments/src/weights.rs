//! BOOTSTRAP ONLY: replaced by `scripts/benchmark.sh` output before commit.
#![allow(missing_docs)]
use core::marker::PhantomData;
use polkadot_sdk::frame_support::weights::Weight;
pub trait WeightInfo {
	fn register_department(n: u32) -> Weight;
	fn grant_role(r: u32) -> Weight;
	fn revoke_role(r: u32) -> Weight;
	fn suspend_department() -> Weight;
	fn reinstate_department() -> Weight;
	fn add_officer() -> Weight;
	fn remove_officer() -> Weight;
}
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T> WeightInfo for SubstrateWeight<T> {
	fn register_department(_n: u32) -> Weight {
		Weight::MAX
	}
	fn grant_role(_r: u32) -> Weight {
		Weight::MAX
	}
	fn revoke_role(_r: u32) -> Weight {
		Weight::MAX
	}
	fn suspend_department() -> Weight {
		Weight::MAX
	}
	fn reinstate_department() -> Weight {
		Weight::MAX
	}
	fn add_officer() -> Weight {
		Weight::MAX
	}
	fn remove_officer() -> Weight {
		Weight::MAX
	}
}
impl WeightInfo for () {
	fn register_department(_n: u32) -> Weight {
		Weight::zero()
	}
	fn grant_role(_r: u32) -> Weight {
		Weight::zero()
	}
	fn revoke_role(_r: u32) -> Weight {
		Weight::zero()
	}
	fn suspend_department() -> Weight {
		Weight::zero()
	}
	fn reinstate_department() -> Weight {
		Weight::zero()
	}
	fn add_officer() -> Weight {
		Weight::zero()
	}
	fn remove_officer() -> Weight {
		Weight::zero()
	}
}
