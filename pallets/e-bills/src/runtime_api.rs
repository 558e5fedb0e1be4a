//! `EBillsApi`: what issuers, payers, employers and auditors ask the runtime about bills.

use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;

use crate::{BillStatus, Issuer, ReimbursementStatus};
use civitas_primitives::{Amount, BillId, BillKind, SubjectId};
use polkadot_sdk::sp_core::H256;

/// The most entries one page returns: the one limit of every Civitas runtime API.
pub use civitas_primitives::MAX_PAGE;

/// A bill as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct BillInfo<BlockNumber> {
	/// Its id.
	pub id: BillId,
	/// Its issuer.
	pub issuer: Issuer,
	/// The issuer's number.
	pub number: Vec<u8>,
	/// Its payer.
	pub payer: Option<SubjectId>,
	/// What it is for.
	pub kind: BillKind,
	/// Its amount, tax included, in the currency's minor unit.
	pub amount: Amount,
	/// The tax within it.
	pub tax_amount: Amount,
	/// ISO 4217 currency code.
	pub currency: [u8; 3],
	/// The hash of the document.
	pub content_hash: H256,
	/// The block in which it was issued.
	pub issued_at: BlockNumber,
	/// The block by which it should be paid.
	pub due: Option<BlockNumber>,
	/// Where it stands.
	pub status: BillStatus,
	/// How much has been reimbursed.
	pub reimbursed: Amount,
	/// For a credit note: the bill it reverses.
	pub reverses: Option<BillId>,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Read access to electronic bills.
	pub trait EBillsApi<BlockNumber>
	where
		BlockNumber: Codec,
	{
		/// One bill.
		fn bill(id: BillId) -> Option<BillInfo<BlockNumber>>;

		/// A page of `payer`'s bills: up to `limit` (at most `MAX_PAGE`) after `start_after` (the last id of the
		/// previous page; `None` for the first page).
		fn bills_of_payer(payer: SubjectId, start_after: Option<BillId>, limit: u32) -> Vec<BillInfo<BlockNumber>>;

		/// A page of `issuer`'s bills.
		fn bills_of_issuer(issuer: Issuer, start_after: Option<BillId>, limit: u32) -> Vec<BillInfo<BlockNumber>>;

		/// Where a bill's reimbursement stands.
		fn reimbursement_status(id: BillId) -> Option<ReimbursementStatus>;
	}
}
