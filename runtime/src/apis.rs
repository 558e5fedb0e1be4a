//! The runtime APIs: what the node, Polkadot.js and auditors may ask the runtime. Those both
//! runtimes share are in `city_apis.rs` ([`impl_city_runtime_apis!`]); here are the standalone
//! chain's own: GRANDPA's.

include!("city_apis.rs");

use polkadot_sdk::{
	pallet_grandpa::AuthorityId as GrandpaId, sp_consensus_grandpa, sp_runtime::traits::NumberFor,
};

use crate::Grandpa;

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
	other {}
}
