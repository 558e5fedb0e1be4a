//! The runtime APIs: those both runtimes share (the standalone runtime's `city_apis.rs`,
//! included by path: [`impl_city_runtime_apis!`]), and the parachain's own: what a collator asks
//! Cumulus (collation info, the unincluded segment, the relay parent), and the cross-city
//! register.

include!("../../runtime/src/city_apis.rs");

use polkadot_sdk::{cumulus_primitives_aura, cumulus_primitives_core};

use crate::{configs::ConsensusHook, CrossCity, ParachainSystem};

impl_city_runtime_apis! {
	consensus {
		impl cumulus_primitives_aura::AuraUnincludedSegmentApi<Block> for Runtime {
			fn can_build_upon(
				included_hash: <Block as BlockT>::Hash,
				slot: cumulus_primitives_aura::Slot,
			) -> bool {
				ConsensusHook::can_build_upon(included_hash, slot)
			}
		}

		impl cumulus_primitives_core::CollectCollationInfo<Block> for Runtime {
			fn collect_collation_info(
				header: &<Block as BlockT>::Header,
			) -> cumulus_primitives_core::CollationInfo {
				ParachainSystem::collect_collation_info(header)
			}
		}

		impl cumulus_primitives_core::GetParachainInfo<Block> for Runtime {
			fn parachain_id() -> cumulus_primitives_core::ParaId {
				crate::ParachainInfo::parachain_id()
			}
		}

		impl cumulus_primitives_core::RelayParentOffsetApi<Block> for Runtime {
			fn relay_parent_offset() -> u32 {
				use polkadot_sdk::frame_support::traits::Get;
				<Runtime as polkadot_sdk::cumulus_pallet_parachain_system::Config>::RelayParentOffset::get()
			}

			fn max_claim_queue_offset() -> u8 {
				1
			}
		}
	}
	other {
		impl pallet_cross_city::runtime_api::CrossCityApi<Block, AccountId, BlockNumber> for Runtime {
			fn cities() -> Vec<pallet_cross_city::runtime_api::CityInfo<BlockNumber>> {
				CrossCity::cities()
			}

			fn notarisation(
				city: pallet_cross_city::CityId,
				record_hash: H256,
			) -> Option<pallet_cross_city::Notarisation<AccountId, BlockNumber>> {
				pallet_cross_city::Received::<Runtime>::get(city, record_hash)
			}

			fn sent(
				city: pallet_cross_city::CityId,
				record_hash: H256,
			) -> Option<pallet_cross_city::Notarisation<AccountId, BlockNumber>> {
				pallet_cross_city::Sent::<Runtime>::get(city, record_hash)
			}

			fn certificate_query(
				id: pallet_cross_city::CertificateQueryId,
			) -> Option<pallet_cross_city::CertificateQuery<AccountId, BlockNumber>> {
				pallet_cross_city::CertificateQueries::<Runtime>::get(id)
			}
		}
	}
}
