//! Electronic bills as other pallets see them: issuing a bill on a department's behalf (for
//! example a property-tax bill) and asking whether it has been paid.

use polkadot_sdk::{sp_core::H256, sp_runtime::DispatchError};

use crate::{DepartmentId, SubjectId};

/// Identifies a bill: `blake2_256(SCALE((issuer, number)))`, so an issuer's invoice number can
/// be used once only.
pub type BillId = H256;

/// An amount in the currency's minor unit (fen for CNY).
pub type Amount = u128;

/// What a bill is for.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum BillKind {
	/// A VAT or ordinary invoice.
	Invoice,
	/// An electricity bill.
	Electricity,
	/// A water bill.
	Water,
	/// A gas bill.
	Gas,
	/// An administrative fee.
	Fee,
	/// A tax assessment.
	Tax,
	/// A medical bill.
	Medical,
	/// A red-letter credit note reversing another bill.
	CreditNote,
}

/// Issuing bills from another pallet, and asking where they stand.
///
/// Implemented by the e-bills pallet. A calling pallet's
/// benchmark goes through the runtime's implementation, so the caller's generated weight already
/// includes this work: the one convention for weights that cross pallets (see the crate docs).
pub trait BillIssuer<AccountId> {
	/// Issues a bill in `department`'s name to `payer` and returns its id. `by` is the officer
	/// whose call caused it; the bill's event names them.
	#[allow(clippy::too_many_arguments)]
	fn issue(
		by: &AccountId,
		department: DepartmentId,
		number: &[u8],
		payer: Option<SubjectId>,
		kind: BillKind,
		amount: Amount,
		tax_amount: Amount,
		content_hash: H256,
	) -> Result<BillId, DispatchError>;

	/// Whether `bill` has been paid (paid, partially or fully reimbursed).
	fn is_paid(bill: &BillId) -> bool;

	/// Whether `bill` still awaits payment: issued and neither paid, voided nor reversed.
	fn is_outstanding(bill: &BillId) -> bool;
}

/// No bills: issuing fails, nothing is paid or outstanding.
impl<AccountId> BillIssuer<AccountId> for () {
	fn issue(
		_: &AccountId,
		_: DepartmentId,
		_: &[u8],
		_: Option<SubjectId>,
		_: BillKind,
		_: Amount,
		_: Amount,
		_: H256,
	) -> Result<BillId, DispatchError> {
		Err(DispatchError::Other("no e-bills in this runtime"))
	}

	fn is_paid(_: &BillId) -> bool {
		false
	}

	fn is_outstanding(_: &BillId) -> bool {
		false
	}
}
