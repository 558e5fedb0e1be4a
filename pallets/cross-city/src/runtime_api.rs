//! `CrossCityApi`: what auditors and clients ask the runtime about other cities.

use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use polkadot_sdk::sp_core::H256;
use scale_info::TypeInfo;

use crate::{CertificateQuery, CertificateQueryId, CityId, Notarisation};

/// An admitted city as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct CityInfo<BlockNumber> {
	/// Its para id.
	pub city: CityId,
	/// Its name.
	pub name: Vec<u8>,
	/// When it was admitted.
	pub admitted_at: BlockNumber,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Read access to the city register, the notarisations between cities and the certificate
	/// queries this chain asked.
	pub trait CrossCityApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// The admitted cities, by para id.
		fn cities() -> Vec<CityInfo<BlockNumber>>;

		/// `city`'s notarisation of `record_hash` on this chain: by which of its departments and
		/// officers, received when.
		fn notarisation(city: CityId, record_hash: H256) -> Option<Notarisation<AccountId, BlockNumber>>;

		/// This chain's notarisation of `record_hash` sent to `city`: by which department and
		/// officer, sent when.
		fn sent(city: CityId, record_hash: H256) -> Option<Notarisation<AccountId, BlockNumber>>;

		/// Certificate query `id` this chain asked: of which city, about which certificate, by
		/// whom, and the city's answer once it came.
		fn certificate_query(id: CertificateQueryId) -> Option<CertificateQuery<AccountId, BlockNumber>>;
	}
}
