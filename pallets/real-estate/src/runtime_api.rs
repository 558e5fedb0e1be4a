//! `RealEstateApi`: what departments, owners and auditors ask the runtime about properties.
//!
//! The results are the pallet's own stored types instantiated for the runtime (`Property`,
//! `Transfer`, `HistoryEntry`), so their layout is in the metadata and Polkadot.js decodes them.

use alloc::vec::Vec;
use codec::Codec;

use crate::{Encumbrance, Licence, PropertyId, Share, TransferBlockers};
use civitas_primitives::SubjectId;
use polkadot_sdk::sp_core::H256;

/// The most entries one page returns: the one limit of every Civitas runtime API.
pub use civitas_primitives::MAX_PAGE;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Read access to the real-estate register.
	pub trait RealEstateApi<BlockNumber, Property, Transfer, HistoryEntry>
	where
		BlockNumber: Codec,
		Property: Codec,
		Transfer: Codec,
		HistoryEntry: Codec,
	{
		/// A property and its current title.
		fn property(id: PropertyId) -> Option<Property>;

		/// The property with this cadastral reference.
		fn property_by_cadastre(cadastral_ref: Vec<u8>) -> Option<PropertyId>;

		/// A page of `subject`'s current properties with its share: up to `limit` (at most
		/// `MAX_PAGE`) after `start_after`.
		fn properties_of(subject: SubjectId, start_after: Option<PropertyId>, limit: u32) -> Vec<(PropertyId, Share)>;

		/// A page of a property's title history from sequence number `from`, oldest first.
		fn title_history(id: PropertyId, from: u32, limit: u32) -> Vec<(u32, HistoryEntry)>;

		/// The encumbrances on a property, in registration order.
		fn encumbrances(id: PropertyId) -> Vec<Encumbrance<BlockNumber>>;

		/// The licences attached to a property.
		fn licences(id: PropertyId) -> Vec<Licence<BlockNumber>>;

		/// Verifies a presented licence document by its hash: the licence on record and whether
		/// it is valid now (active, not expired, on a property that is not retired).
		fn verify_licence(property: PropertyId, document_hash: H256) -> Option<(Licence<BlockNumber>, bool)>;

		/// The open transfer of a property and what still blocks its completion.
		fn transfer_status(id: PropertyId) -> Option<(Transfer, TransferBlockers)>;
	}
}
