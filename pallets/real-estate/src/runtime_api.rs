//! `RealEstateApi`: what departments, owners and auditors ask the runtime about properties.
//!
//! Every Civitas runtime API answers in one shape: a record as an `*Info` struct that carries its
//! own id and plain (unbounded) fields, `Option` for a lookup, a `Vec` of them for a page
//! (`start_after` the last id seen, at most [`MAX_PAGE`] entries).

use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;

use crate::{
	Consent, Encumbrance, Licence, PropertyId, PropertyStatus, Share, TransferBlockers, TransferId,
	Usage,
};
use civitas_primitives::{Amount, DepartmentId, SubjectId};
use polkadot_sdk::sp_core::H256;

/// The most entries one page returns: the one limit of every Civitas runtime API.
pub use civitas_primitives::MAX_PAGE;

/// A property and its current title.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct PropertyInfo {
	/// Its id.
	pub id: PropertyId,
	/// The cadastral reference (district-block-lot).
	pub cadastral_ref: Vec<u8>,
	/// A salted hash of the address and boundaries, kept off chain.
	pub location_commitment: H256,
	/// The floor or land area in square metres.
	pub area_m2: u32,
	/// What it is used for.
	pub usage: Usage,
	/// The owners and their shares (in thousandths).
	pub owners: Vec<(SubjectId, Share)>,
	/// The hash of the current title certificate.
	pub title_certificate: H256,
	/// Where it stands.
	pub status: PropertyStatus,
	/// The registry department that keeps its record.
	pub registry: DepartmentId,
	/// The number of entries in its title history.
	pub version: u32,
	/// For a retired property: the properties that succeed it.
	pub successors: Vec<PropertyId>,
}

/// A subject's share of one property (`properties_of`).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct Holding {
	/// The property.
	pub property: PropertyId,
	/// The subject's share of it, in thousandths.
	pub share: Share,
}

/// What one entry of a title history changed.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum TitleChangeInfo<BlockNumber> {
	/// First registration, to these owners.
	Registered {
		/// The first owners.
		owners: Vec<(SubjectId, Share)>,
	},
	/// A completed transfer, to these owners.
	Transferred {
		/// The new owners.
		owners: Vec<(SubjectId, Share)>,
		/// The price.
		price: Amount,
		/// The deed's hash.
		deed: H256,
	},
	/// An encumbrance was registered.
	Encumbered {
		/// It, as registered.
		encumbrance: Encumbrance<BlockNumber>,
	},
	/// An encumbrance was released (or a freeze lifted).
	Released {
		/// Its number on the register.
		encumbrance: u32,
	},
	/// The property was retired in favour of its successors.
	Retired {
		/// The successors.
		successors: Vec<PropertyId>,
	},
}

/// One entry of a property's title history.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct TitleEntryInfo<BlockNumber> {
	/// Its sequence number in the property's history, from 0.
	pub seq: u32,
	/// The block of the change.
	pub at: BlockNumber,
	/// The department that made it.
	pub department: DepartmentId,
	/// The title certificate in force after it.
	pub title_certificate: H256,
	/// What changed.
	pub change: TitleChangeInfo<BlockNumber>,
}

/// A presented licence document as a verifier sees it at the queried block.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct LicenceVerification<BlockNumber> {
	/// The property it is attached to.
	pub property: PropertyId,
	/// The licence on record.
	pub licence: Licence<BlockNumber>,
	/// Whether it may be relied on at the queried block: active, not expired, on a property that
	/// is not retired.
	pub valid_now: bool,
}

/// A property's open transfer and what still blocks its completion.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct TransferInfo<AccountId, BlockNumber> {
	/// The property.
	pub property: PropertyId,
	/// The transfer's number.
	pub id: TransferId,
	/// The hash of its terms, which each consent names.
	pub terms: H256,
	/// The new owners and their shares.
	pub buyers: Vec<(SubjectId, Share)>,
	/// The price, in fen.
	pub price: Amount,
	/// The hash of the deed of sale.
	pub deed: H256,
	/// The registrar department that opened it.
	pub opened_by: DepartmentId,
	/// The officer who opened it (who may not complete it).
	pub opener: AccountId,
	/// When.
	pub opened_at: BlockNumber,
	/// The last block it may be completed.
	pub expires_at: BlockNumber,
	/// The consents given so far.
	pub consents: Vec<Consent<AccountId>>,
	/// What blocks its completion at the queried block.
	pub blockers: TransferBlockers,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Read access to the real-estate register.
	///
	/// Version 2: records as `*Info` structs (version 1 returned the stored types and tuples).
	#[api_version(2)]
	pub trait RealEstateApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// A property and its current title.
		fn property(id: PropertyId) -> Option<PropertyInfo>;

		/// The property with this cadastral reference.
		fn property_by_cadastre(cadastral_ref: Vec<u8>) -> Option<PropertyId>;

		/// A page of `subject`'s current properties with its share: up to `limit` (at most
		/// `MAX_PAGE`) after `start_after`.
		fn properties_of(subject: SubjectId, start_after: Option<PropertyId>, limit: u32) -> Vec<Holding>;

		/// A page of a property's title history, oldest first: up to `limit` entries after the
		/// sequence number `start_after`.
		fn title_history(id: PropertyId, start_after: Option<u32>, limit: u32) -> Vec<TitleEntryInfo<BlockNumber>>;

		/// The encumbrances on a property, in registration order.
		fn encumbrances(id: PropertyId) -> Vec<Encumbrance<BlockNumber>>;

		/// The licences attached to a property.
		fn licences(id: PropertyId) -> Vec<Licence<BlockNumber>>;

		/// Verifies a presented licence document by its hash.
		fn verify_licence(property: PropertyId, document_hash: H256) -> Option<LicenceVerification<BlockNumber>>;

		/// The open transfer of a property and what still blocks its completion.
		fn transfer_status(id: PropertyId) -> Option<TransferInfo<AccountId, BlockNumber>>;
	}
}
