//! The runtime APIs: what the node, Polkadot.js and auditors may ask the runtime. Those both
//! runtimes share are in `city_apis.rs` ([`impl_city_runtime_apis!`]); here are the standalone
//! chain's own: GRANDPA and the validator set.

include!("city_apis.rs");

use polkadot_sdk::{
	pallet_grandpa::AuthorityId as GrandpaId, sp_consensus_grandpa, sp_runtime::traits::NumberFor,
};

use crate::{Grandpa, Validators};
use pallet_validators::runtime_api::ValidatorSet;

/// The encoded proof (`MembershipProof`) that session key `key` of type `key_type` belongs to a
/// current validator: what GRANDPA's and Aura's equivocation reports carry.
fn key_ownership_proof(
	key_type: polkadot_sdk::sp_core::crypto::KeyTypeId,
	key: &[u8],
) -> Option<Vec<u8>> {
	use codec::Encode;
	use polkadot_sdk::frame_support::traits::KeyOwnerProofSystem;
	crate::Historical::prove((key_type, key)).map(|proof| proof.encode())
}

impl_city_runtime_apis! {
	consensus {
		impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
			fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
				Grandpa::grandpa_authorities()
			}

			fn current_set_id() -> sp_consensus_grandpa::SetId {
				Grandpa::current_set_id()
			}

			fn submit_report_equivocation_unsigned_extrinsic(
				equivocation_proof: sp_consensus_grandpa::EquivocationProof<
					<Block as BlockT>::Hash,
					NumberFor<Block>,
				>,
				key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
			) -> Option<()> {
				let key_owner_proof = key_owner_proof.decode()?;
				Grandpa::submit_unsigned_equivocation_report(equivocation_proof, key_owner_proof)
			}

			fn generate_key_ownership_proof(
				_set_id: sp_consensus_grandpa::SetId,
				authority_id: GrandpaId,
			) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
				// A proof against the current session; the set id is checked when the report is.
				key_ownership_proof(sp_consensus_grandpa::KEY_TYPE, authority_id.as_ref())
					.map(sp_consensus_grandpa::OpaqueKeyOwnershipProof::new)
			}
		}
	}
	other {
		impl pallet_validators::runtime_api::ValidatorsApi<Block, AccountId, BlockNumber> for Runtime {
			fn validator_set() -> ValidatorSet<AccountId, BlockNumber> {
				use polkadot_sdk::pallet_session;
				let next = pallet_session::QueuedKeys::<Runtime>::get()
					.into_iter()
					.map(|(account, _)| account)
					.collect();
				Validators::validator_set(
					pallet_session::CurrentIndex::<Runtime>::get(),
					pallet_session::Validators::<Runtime>::get(),
					next,
				)
			}

			fn key_ownership_proof(key_type: [u8; 4], key: Vec<u8>) -> Option<Vec<u8>> {
				key_ownership_proof(polkadot_sdk::sp_core::crypto::KeyTypeId(key_type), &key)
			}
		}
	}
}
