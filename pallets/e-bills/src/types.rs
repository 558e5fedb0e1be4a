//! The stored types of the e-bills pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{
		pallet_prelude::BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_core::H256,
};
use scale_info::TypeInfo;

use crate::Config;
use civitas_primitives::{Amount, BillId, BillKind, DepartmentId, SubjectId};

/// Who issued a bill: a department (a utility, a hospital, a fee office, the tax bureau), or an
/// enterprise the tax bureau has enabled.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Issuer {
	/// A department holding `BillIssuer`.
	Department(DepartmentId),
	/// An enabled enterprise, acting through its linked accounts.
	Enterprise(SubjectId),
}

/// Who claimed a reimbursement: an employer or insurer.
pub type Claimant = Issuer;

/// How governance resolves an unpaid bill its issuer can no longer act on.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Resolution {
	/// It was paid (off chain): the hash of the payment reference.
	Paid {
		/// The hash of the payment reference.
		payment_reference: H256,
	},
	/// It is withdrawn: nothing is owed.
	Voided,
}

/// Where a bill stands.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum BillStatus {
	/// Issued, not yet paid.
	Issued,
	/// Paid (off chain), nothing reimbursed yet.
	Paid,
	/// Paid and reimbursed in part.
	PartiallyReimbursed,
	/// Paid and reimbursed in full: no further claim is possible.
	Reimbursed,
	/// Withdrawn by the issuer before payment.
	Voided,
	/// Cancelled by a red-letter credit note after payment: never reimbursable.
	Reversed,
}

/// An electronic bill or invoice. The document stays off chain; `content_hash` proves it.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Bill<T: Config> {
	/// Its issuer.
	pub issuer: Issuer,
	/// The issuer's own number (unique per issuer).
	pub number: BoundedVec<u8, T::MaxNumberLength>,
	/// Who owes it, if a registered subject.
	pub payer: Option<SubjectId>,
	/// What it is for.
	pub kind: BillKind,
	/// The amount due, tax included, in the currency's minor unit.
	pub amount: Amount,
	/// The tax within `amount`.
	pub tax_amount: Amount,
	/// ISO 4217 currency code, e.g. `CNY`.
	pub currency: [u8; 3],
	/// The hash of the off-chain document.
	pub content_hash: H256,
	/// The block in which it was issued.
	pub issued_at: BlockNumberFor<T>,
	/// The block by which it should be paid.
	pub due: Option<BlockNumberFor<T>>,
	/// Where it stands.
	pub status: BillStatus,
	/// How much has been reimbursed, across all claimants.
	pub reimbursed: Amount,
	/// The hash of the payment reference, once paid.
	pub payment_reference: Option<H256>,
	/// For a credit note: the bill it reverses.
	pub reverses: Option<BillId>,
}

/// A bill as submitted to `issue` or `issue_batch`.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct NewBill<T: Config> {
	/// The issuer's number for it.
	pub number: BoundedVec<u8, T::MaxNumberLength>,
	/// Who owes it.
	pub payer: Option<SubjectId>,
	/// What it is for.
	pub kind: BillKind,
	/// The amount due, tax included.
	pub amount: Amount,
	/// The tax within `amount`.
	pub tax_amount: Amount,
	/// ISO 4217 currency code.
	pub currency: [u8; 3],
	/// The hash of the document.
	pub content_hash: H256,
	/// The block by which it should be paid.
	pub due: Option<BlockNumberFor<T>>,
}

/// Where a bill's reimbursement stands, for the runtime API.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ReimbursementStatus {
	/// The bill's status.
	pub status: BillStatus,
	/// Its amount.
	pub amount: Amount,
	/// How much has been reimbursed.
	pub reimbursed: Amount,
	/// How much may still be claimed (zero unless paid).
	pub remaining: Amount,
}

/// A bill seeded at genesis.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisBill<BlockNumber> {
	/// Its issuer (an enterprise must be enabled above).
	pub issuer: Issuer,
	/// The issuer's number.
	pub number: alloc::string::String,
	/// Its payer.
	pub payer: Option<SubjectId>,
	/// What it is for.
	pub kind: BillKind,
	/// The amount, tax included, in fen.
	pub amount: Amount,
	/// The tax within it.
	pub tax_amount: Amount,
	/// The block by which it should be paid.
	pub due: Option<BlockNumber>,
	/// Whether it has been paid.
	pub paid: bool,
}

/// A payer's authorisation of an organisation to claim reimbursement of its bills.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct ClaimAuthorisation<BlockNumber> {
	/// The block in which it was given.
	pub since: BlockNumber,
	/// The payer's registrar, when it recorded the authorisation for a payer without keys.
	pub registrar: Option<DepartmentId>,
	/// The hash of the signed mandate the registrar keeps off chain, when it recorded it.
	pub evidence: Option<H256>,
}
