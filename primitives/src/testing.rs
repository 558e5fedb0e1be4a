//! In-memory implementations of the shared traits, for the mock runtimes of pallet tests (std
//! only). Accounts are `u64`, as in FRAME's test configs. State lives in thread-locals, and every
//! test runs on its own thread, so tests do not see each other's state.
//!
//! A pallet's test says exactly what it expects from its neighbours: "account 10 is an officer of
//! department 0, which holds `CreditRecorder`", "subject S is an active enterprise".

// Test scaffolding, never part of a runtime.
#![allow(clippy::arithmetic_side_effects)]

use std::{
	cell::RefCell,
	collections::{BTreeMap, BTreeSet},
};

use codec::Encode;
use polkadot_sdk::{
	sp_core::H256,
	sp_runtime::{
		traits::{BlakeTwo256, Hash},
		DispatchError, DispatchResult,
	},
};

use crate::{
	Amount, BillId, BillIssuer, BillKind, CredentialId, CredentialVerifier, CreditCategory,
	CreditProfile, CreditRecorder, CreditStanding, DepartmentId, IdentityProvider, RecordId, Role,
	RoleAuthority, SchemaId, SubjectId, SubjectKind,
};

/// Whether a pallet call with index `call_index` and arguments encoded as `args` (plain lists,
/// as any client may send them) decodes as `Call`, as the chain decodes a transaction.
pub fn call_decodes<Call: codec::Decode>(call_index: u8, args: impl Encode) -> bool {
	let mut encoded = vec![call_index];
	args.encode_to(&mut encoded);
	<Call as codec::DecodeAll>::decode_all(&mut &encoded[..]).is_ok()
}

thread_local! {
	static OFFICERS: RefCell<BTreeMap<u64, DepartmentId>> = const { RefCell::new(BTreeMap::new()) };
	static GRANTS: RefCell<BTreeSet<(DepartmentId, Role)>> = const { RefCell::new(BTreeSet::new()) };
	static SUSPENDED: RefCell<BTreeSet<DepartmentId>> = const { RefCell::new(BTreeSet::new()) };
	static SUBJECTS: RefCell<BTreeMap<SubjectId, (SubjectKind, bool)>> =
		const { RefCell::new(BTreeMap::new()) };
	static LINKS: RefCell<BTreeMap<u64, SubjectId>> = const { RefCell::new(BTreeMap::new()) };
	static REGISTRARS: RefCell<BTreeMap<SubjectId, DepartmentId>> =
		const { RefCell::new(BTreeMap::new()) };
	static CREDENTIALS: RefCell<BTreeMap<CredentialId, (SchemaId, SubjectId, bool)>> =
		const { RefCell::new(BTreeMap::new()) };
	static BILLS: RefCell<BTreeMap<BillId, MockBill>> = const { RefCell::new(BTreeMap::new()) };
	static STANDINGS: RefCell<BTreeMap<SubjectId, CreditStanding>> =
		const { RefCell::new(BTreeMap::new()) };
	static OBJECTED_STANDINGS: RefCell<BTreeMap<SubjectId, CreditStanding>> =
		const { RefCell::new(BTreeMap::new()) };
	static CREDIT_RECORDS: RefCell<Vec<MockCreditRecord>> = const { RefCell::new(Vec::new()) };
}

/// Departments, roles and officers: a [`RoleAuthority`] over `u64` accounts. Its refusals are
/// [`NOT_OFFICER`], [`DEPARTMENT_NOT_ACTIVE`] and [`ROLE_NOT_HELD`], standing for the departments
/// pallet's named errors.
pub struct MockRoles;

/// [`MockRoles`]' refusal of an account that is no officer.
pub const NOT_OFFICER: DispatchError = DispatchError::Other("NotOfficer");
/// [`MockRoles`]' refusal of an officer whose department is suspended.
pub const DEPARTMENT_NOT_ACTIVE: DispatchError = DispatchError::Other("DepartmentNotActive");
/// [`MockRoles`]' refusal of a department that does not hold the role.
pub const ROLE_NOT_HELD: DispatchError = DispatchError::Other("RoleNotHeld");

impl MockRoles {
	/// Makes `who` an officer of `department`.
	pub fn add_officer(who: u64, department: DepartmentId) {
		OFFICERS.with(|o| o.borrow_mut().insert(who, department));
	}

	/// Removes `who` as an officer.
	pub fn remove_officer(who: u64) {
		OFFICERS.with(|o| o.borrow_mut().remove(&who));
	}

	/// Grants `role` to `department`.
	pub fn grant(department: DepartmentId, role: Role) {
		GRANTS.with(|g| g.borrow_mut().insert((department, role)));
	}

	/// Revokes `role` from `department` (as an expiry would).
	pub fn revoke(department: DepartmentId, role: Role) {
		GRANTS.with(|g| g.borrow_mut().remove(&(department, role)));
	}

	/// Suspends `department`: its grants stay, but it may act under none of them.
	pub fn suspend(department: DepartmentId) {
		SUSPENDED.with(|s| s.borrow_mut().insert(department));
	}
}

impl RoleAuthority<u64> for MockRoles {
	fn department_of(who: &u64) -> Option<DepartmentId> {
		OFFICERS.with(|o| o.borrow().get(who).copied())
	}

	fn ensure_role(who: &u64, role: Role) -> Result<DepartmentId, DispatchError> {
		let department = Self::department_of(who).ok_or(NOT_OFFICER)?;
		Self::ensure_department_role(department, role).map(|()| department)
	}

	fn ensure_department_role(department: DepartmentId, role: Role) -> DispatchResult {
		if SUSPENDED.with(|s| s.borrow().contains(&department)) {
			return Err(DEPARTMENT_NOT_ACTIVE);
		}
		if !GRANTS.with(|g| g.borrow().contains(&(department, role))) {
			return Err(ROLE_NOT_HELD);
		}
		Ok(())
	}

	fn officer_count(department: DepartmentId) -> u32 {
		OFFICERS.with(|o| o.borrow().values().filter(|d| **d == department).count() as u32)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn successful_colleagues(department: DepartmentId, n: u32) -> Result<Vec<u64>, ()> {
		let first = 2_000_000 + u64::from(department) * 1_000;
		let colleagues: Vec<u64> = (0..u64::from(n)).map(|i| first + i).collect();
		for who in &colleagues {
			Self::add_officer(*who, department);
		}
		Ok(colleagues)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn successful_officer(role: Role) -> Result<u64, ()> {
		let department = 1_000 + role as DepartmentId;
		let officer = 1_000_000 + u64::from(department);
		Self::add_officer(officer, department);
		Self::grant(department, role);
		Ok(officer)
	}
}

/// Subjects and linked accounts: an [`IdentityProvider`] over `u64` accounts.
pub struct MockIdentity;

impl MockIdentity {
	/// Registers `subject` as `kind`, active or not.
	pub fn set_subject(subject: SubjectId, kind: SubjectKind, active: bool) {
		SUBJECTS.with(|s| s.borrow_mut().insert(subject, (kind, active)));
	}

	/// Links `account` to `subject`.
	pub fn link(account: u64, subject: SubjectId) {
		LINKS.with(|l| l.borrow_mut().insert(account, subject));
	}

	/// Makes `department` the registrar of `subject` (subjects have none until set).
	pub fn set_subject_registrar(subject: SubjectId, department: DepartmentId) {
		REGISTRARS.with(|r| r.borrow_mut().insert(subject, department));
	}

	/// Forgets `subject` altogether, as if it had never been registered.
	pub fn forget(subject: SubjectId) {
		SUBJECTS.with(|s| s.borrow_mut().remove(&subject));
	}

	/// Sets `subject` active or not (suspended, closed), keeping its kind.
	pub fn set_active(subject: SubjectId, active: bool) {
		SUBJECTS.with(|s| s.borrow_mut().get_mut(&subject).map(|(_, a)| *a = active));
	}
}

impl IdentityProvider<u64> for MockIdentity {
	fn is_active(subject: &SubjectId) -> bool {
		SUBJECTS.with(|s| s.borrow().get(subject).is_some_and(|(_, active)| *active))
	}

	fn kind(subject: &SubjectId) -> Option<SubjectKind> {
		SUBJECTS.with(|s| s.borrow().get(subject).map(|(kind, _)| *kind))
	}

	fn subject_of(account: &u64) -> Option<SubjectId> {
		LINKS.with(|l| l.borrow().get(account).copied())
	}

	fn registrar_of(subject: &SubjectId) -> Option<DepartmentId> {
		REGISTRARS.with(|r| r.borrow().get(subject).copied())
	}

	fn has_linked_account(subject: &SubjectId) -> bool {
		LINKS.with(|l| l.borrow().values().any(|s| s == subject))
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_registrar(subject: &SubjectId, registrar: DepartmentId) -> Result<(), ()> {
		Self::set_subject_registrar(*subject, registrar);
		Ok(())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn successful_subject(kind: SubjectKind, account: Option<u64>) -> Result<SubjectId, ()> {
		let n = SUBJECTS.with(|s| s.borrow().len()) as u64;
		let subject = SubjectId::from_low_u64_be(0xb0_0000 + n);
		Self::set_subject(subject, kind, true);
		if let Some(account) = account {
			Self::link(account, subject);
		}
		Ok(subject)
	}
}

/// Electronic certificates: a [`CredentialVerifier`].
pub struct MockCredentials;

impl MockCredentials {
	/// Records `credential` of `schema` held by `subject`, valid or not.
	pub fn set(credential: CredentialId, schema: SchemaId, subject: SubjectId, valid: bool) {
		CREDENTIALS.with(|c| c.borrow_mut().insert(credential, (schema, subject, valid)));
	}
}

impl CredentialVerifier for MockCredentials {
	fn is_valid(credential: &CredentialId, schema: SchemaId) -> bool {
		CREDENTIALS.with(|c| {
			c.borrow().get(credential).is_some_and(|(s, _, valid)| *s == schema && *valid)
		})
	}

	fn holder_of(credential: &CredentialId) -> Option<SubjectId> {
		CREDENTIALS.with(|c| c.borrow().get(credential).map(|(_, subject, _)| *subject))
	}
}

/// A bill as [`MockBills`] keeps it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct MockBill {
	/// The issuing department.
	pub department: DepartmentId,
	/// The payer.
	pub payer: Option<SubjectId>,
	/// What it is for.
	pub kind: BillKind,
	/// Its amount.
	pub amount: Amount,
	/// Whether it has been paid.
	pub paid: bool,
	/// Whether it has been voided.
	pub voided: bool,
}

/// Electronic bills: a [`BillIssuer`]. Ids are `blake2_256(SCALE((department, number)))`; a
/// repeated number fails as e-bills would.
pub struct MockBills;

impl MockBills {
	/// The bill `bill`, if issued.
	pub fn get(bill: &BillId) -> Option<MockBill> {
		BILLS.with(|b| b.borrow().get(bill).copied())
	}

	fn update(bill: &BillId, change: impl FnOnce(&mut MockBill)) {
		BILLS.with(|b| b.borrow_mut().get_mut(bill).map(change));
	}

	/// Marks `bill` paid.
	pub fn pay(bill: &BillId) {
		Self::update(bill, |b| b.paid = true);
	}

	/// Marks `bill` voided.
	pub fn void(bill: &BillId) {
		Self::update(bill, |b| b.voided = true);
	}
}

impl BillIssuer<u64> for MockBills {
	fn issue(
		_: &u64,
		department: DepartmentId,
		number: &[u8],
		payer: Option<SubjectId>,
		kind: BillKind,
		amount: Amount,
		_: Amount,
		_: H256,
	) -> Result<BillId, DispatchError> {
		let id = BlakeTwo256::hash(&(department, number).encode());
		if Self::get(&id).is_some() {
			return Err(DispatchError::Other("duplicate bill number"));
		}
		let bill = MockBill { department, payer, kind, amount, paid: false, voided: false };
		BILLS.with(|b| b.borrow_mut().insert(id, bill));
		Ok(id)
	}

	fn is_paid(bill: &BillId) -> bool {
		Self::get(bill).is_some_and(|b| b.paid)
	}

	fn is_outstanding(bill: &BillId) -> bool {
		Self::get(bill).is_some_and(|b| !b.paid && !b.voided)
	}
}

/// A credit record as [`MockCredit`] keeps it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct MockCreditRecord {
	/// The subject.
	pub subject: SubjectId,
	/// The recording department.
	pub department: DepartmentId,
	/// The source tag.
	pub source: [u8; 8],
	/// The category.
	pub category: CreditCategory,
	/// The score delta.
	pub score_delta: i32,
	/// The evidence hash.
	pub evidence: H256,
}

/// Credit records and standings: a [`CreditRecorder`] and [`CreditProfile`]. Every subject is
/// `Normal` (score 1000) unless a test sets its standing; records are refused for subjects that
/// [`MockIdentity`] does not know (inactive ones are accepted, as the credit records pallet does
/// for other pallets' records).
pub struct MockCredit;

impl MockCredit {
	/// Sets `subject`'s standing.
	pub fn set_standing(subject: SubjectId, standing: CreditStanding) {
		STANDINGS.with(|s| s.borrow_mut().insert(subject, standing));
	}

	/// Sets the standing `subject` would have if its records under objection counted (by
	/// default its standing).
	pub fn set_standing_counting_objections(subject: SubjectId, standing: CreditStanding) {
		OBJECTED_STANDINGS.with(|s| s.borrow_mut().insert(subject, standing));
	}

	/// The records added so far, oldest first.
	pub fn records() -> Vec<MockCreditRecord> {
		CREDIT_RECORDS.with(|r| r.borrow().clone())
	}
}

impl CreditRecorder for MockCredit {
	fn record(
		subject: &SubjectId,
		department: DepartmentId,
		source: [u8; 8],
		category: CreditCategory,
		score_delta: i32,
		evidence: H256,
	) -> Result<RecordId, DispatchError> {
		// As the credit records pallet does for other pallets: registered subjects get records,
		// whatever their status.
		if <MockIdentity as IdentityProvider<u64>>::kind(subject).is_none() {
			return Err(DispatchError::Other("subject not registered"));
		}
		let record = MockCreditRecord {
			subject: *subject,
			department,
			source,
			category,
			score_delta,
			evidence,
		};
		Ok(CREDIT_RECORDS.with(|r| {
			let mut records = r.borrow_mut();
			records.push(record);
			records.len() as RecordId - 1
		}))
	}
}

impl CreditProfile for MockCredit {
	fn score(subject: &SubjectId) -> i32 {
		match Self::standing(subject) {
			CreditStanding::Commended => 1200,
			CreditStanding::Normal => 1000,
			CreditStanding::Watch => 800,
			CreditStanding::Restricted => 600,
		}
	}

	fn standing(subject: &SubjectId) -> CreditStanding {
		STANDINGS.with(|s| s.borrow().get(subject).copied().unwrap_or_default())
	}

	fn standing_counting_objections(subject: &SubjectId) -> CreditStanding {
		OBJECTED_STANDINGS
			.with(|s| s.borrow().get(subject).copied())
			.unwrap_or_else(|| Self::standing(subject))
	}
}
