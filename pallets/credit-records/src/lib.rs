//! # Credit records
//!
//! Accountable credit records of people and enterprises, shared by every department: each record
//! names its department, its source and the hash of its decision document; the subject may object
//! and an independent adjudicator decides; records leave publication when their period ends.
//!
//! ## Rules
//!
//! - An officer of a department holding [`Role::CreditRecorder`](civitas_primitives::Role::CreditRecorder) records an entry about an active
//!   subject: a category, a score delta (at most `MaxScoreDelta` either way), the evidence hash
//!   and a publication period no longer than the category's limit (set by governance). Other
//!   pallets record through [`CreditRecorder`](civitas_primitives::CreditRecorder) with their own
//!   tag as the source. The recording department may revoke its record, with a reason.
//! - Each subject's score is the baseline plus the deltas of its *active* records, clamped to
//!   `0..=MaxScore`, and its standing (Commended / Normal / Watch / Restricted) follows from
//!   thresholds. Both are kept up to date by every change, never recomputed by iteration.
//! - The subject, through an account linked to it, may object once to an active record. The
//!   record then stops counting until a department holding [`Role::CreditAdjudicator`](civitas_primitives::Role::CreditAdjudicator) — not the
//!   recording department — upholds it (it counts again) or rectifies it (it never counts again).
//! - An objection not decided within `ObjectionPeriod` is **escalated**: an event flags it to
//!   governance and auditors, the record keeps not counting (the subject has the benefit of the
//!   doubt while the city is late), and an adjudicator may still decide it.
//! - Records expire when their publication period ends, in `on_initialize`, from a queue keyed
//!   by block: at most `MaxDuePerBlock` records per block (the rest the next block), with the
//!   weight of exactly the work done. No transaction is needed.
//! - A subject's index keeps at most `MaxRecordsPerSubject` records; when it is full, the oldest
//!   record whose publication period has ended, or that was revoked or rectified, is pruned from
//!   storage to make room (its events remain the audit trail). One decision document is one
//!   record: the same evidence hash is refused for a subject while its record is on file.
//! - Other pallets' records (through `CreditRecorder`) land on registered subjects whatever
//!   their status (a clawback from a dissolved grantee), and their recording department cannot
//!   revoke them: only the objection procedure can rectify them. A department's own records need
//!   an active subject.
//! - Objecting stays open to a suspended or closed subject's linked accounts: due process about
//!   a record does not end with the subject's activity.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
mod impls;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use civitas_primitives::{
	CreditCategory, CreditStanding, DepartmentId, EnsureOfficer, IdentityProvider, ReasonCode,
	RecordId, SubjectId,
};

// FRAME's macros expand to `expect` on values they construct themselves (storage prefixes, the
// genesis build); the pallet's own logic lives in `functions.rs` and `impls.rs`, under the full
// lint set.
#[allow(clippy::expect_used)]
#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use polkadot_sdk::{
		frame_support::pallet_prelude::*, frame_system::pallet_prelude::*, sp_core::H256,
	};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Records credit entries and revokes its department's own (in the Civitas runtime: an
		/// officer of an active department holding `CreditRecorder`).
		type RecorderOrigin: EnsureOfficer<Self::RuntimeOrigin, Self::AccountId>;

		/// Decides objections (in the Civitas runtime: holding `CreditAdjudicator`).
		type AdjudicatorOrigin: EnsureOfficer<Self::RuntimeOrigin, Self::AccountId>;

		/// Which subjects exist and are active, and which account acts for which subject.
		type Identity: IdentityProvider<Self::AccountId>;

		/// Sets the publication limit of each category.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The largest score delta of one record, either way.
		#[pallet::constant]
		type MaxScoreDelta: Get<u32>;

		/// The score of a subject without active records.
		#[pallet::constant]
		type BaselineScore: Get<i32>;

		/// The highest score (the lowest is 0).
		#[pallet::constant]
		type MaxScore: Get<i32>;

		/// A score at or above this is `Commended`.
		#[pallet::constant]
		type CommendedFrom: Get<i32>;

		/// A score below this is `Watch`.
		#[pallet::constant]
		type WatchBelow: Get<i32>;

		/// A score below this is `Restricted`.
		#[pallet::constant]
		type RestrictedBelow: Get<i32>;

		/// The publication limit of a category governance has not set, in blocks.
		#[pallet::constant]
		type DefaultPublicationLimit: Get<BlockNumberFor<Self>>;

		/// How long an adjudicator has to decide an objection before it is escalated, in blocks.
		#[pallet::constant]
		type ObjectionPeriod: Get<BlockNumberFor<Self>>;

		/// The most records one subject's index holds.
		#[pallet::constant]
		type MaxRecordsPerSubject: Get<u32>;

		/// The most expiries and escalations processed in one block.
		#[pallet::constant]
		type MaxDuePerBlock: Get<u32>;

		/// The most blocks of the due queue looked at in one block (to catch up after a backlog).
		#[pallet::constant]
		type MaxDueScan: Get<u32>;

		/// Weights of this pallet's calls and hook, generated by its benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The id the next record gets.
	#[pallet::storage]
	pub type NextRecordId<T> = StorageValue<_, RecordId, ValueQuery>;

	/// The records on file, by id.
	// `Twox64Concat`: ids are sequential and assigned by the chain, not chosen by users.
	#[pallet::storage]
	pub type Records<T: Config> =
		StorageMap<_, Twox64Concat, RecordId, Record<T::AccountId, BlockNumberFor<T>>>;

	/// Each subject's records on file, oldest first (at most `MaxRecordsPerSubject`), each with
	/// the block from which its slot may be reused: its expiry, or the block it was revoked or
	/// rectified.
	#[pallet::storage]
	pub type SubjectRecords<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		SubjectId,
		BoundedVec<(RecordId, BlockNumberFor<T>), T::MaxRecordsPerSubject>,
		ValueQuery,
	>;

	/// The evidence hashes of each subject's records on file: one record per decision document.
	#[pallet::storage]
	pub type EvidenceOf<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, SubjectId, Blake2_128Concat, H256, RecordId>;

	/// Each subject's running score and standing.
	#[pallet::storage]
	pub type Profiles<T: Config> = StorageMap<_, Blake2_128Concat, SubjectId, Profile, ValueQuery>;

	/// The objection filed against a record (at most one per record).
	#[pallet::storage]
	pub type Objections<T: Config> =
		StorageMap<_, Twox64Concat, RecordId, Objection<T::AccountId, BlockNumberFor<T>>>;

	/// The publication limit of each category governance has set, in blocks.
	#[pallet::storage]
	pub type PublicationLimits<T: Config> =
		StorageMap<_, Twox64Concat, CreditCategory, BlockNumberFor<T>>;

	/// Work due at each block: expiries and objection deadlines.
	// `Twox64Concat`: block numbers and record ids are assigned by the chain.
	#[pallet::storage]
	pub type DueQueue<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		Twox64Concat,
		(RecordId, Due),
		(),
		OptionQuery,
	>;

	/// The first block of [`DueQueue`] not yet fully processed.
	#[pallet::storage]
	pub type DueCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// Every change names the department and officer (or source) that made it.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A department recorded an entry about a subject.
		RecordCreated {
			/// The record.
			record: RecordId,
			/// Its subject.
			subject: SubjectId,
			/// Its category.
			category: CreditCategory,
			/// Its effect on the score.
			score_delta: i32,
			/// The recording department.
			department: DepartmentId,
			/// The officer or pallet that recorded it.
			source: RecordSource<T::AccountId>,
			/// The block from which it is no longer published.
			expires_at: BlockNumberFor<T>,
		},
		/// The recording department revoked a record.
		RecordRevoked {
			/// The record.
			record: RecordId,
			/// The recording department.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
			/// The reason code.
			reason: ReasonCode,
		},
		/// The subject objected to a record; it stops counting until decided.
		ObjectionFiled {
			/// The record.
			record: RecordId,
			/// Its subject.
			subject: SubjectId,
			/// The subject's linked account that filed it.
			account: T::AccountId,
			/// The hash of the subject's statement.
			evidence: H256,
			/// The block by which it should be decided.
			deadline: BlockNumberFor<T>,
		},
		/// An adjudicator found the record right: it counts again.
		ObjectionRejected {
			/// The record.
			record: RecordId,
			/// The adjudicating department.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
			/// The reason code.
			reason: ReasonCode,
		},
		/// An adjudicator found the objection well-founded: the record is rectified and never
		/// counts again.
		RecordRectified {
			/// The record.
			record: RecordId,
			/// The adjudicating department.
			department: DepartmentId,
			/// Its officer.
			officer: T::AccountId,
			/// The reason code.
			reason: ReasonCode,
		},
		/// An objection's deadline passed undecided; governance and auditors should act.
		ObjectionEscalated {
			/// The record.
			record: RecordId,
			/// Its subject.
			subject: SubjectId,
			/// The recording department.
			department: DepartmentId,
			/// The block in which the objection was filed.
			filed_at: BlockNumberFor<T>,
		},
		/// A record's publication period ended.
		RecordExpired {
			/// The record.
			record: RecordId,
			/// Its subject.
			subject: SubjectId,
		},
		/// An expired record was removed from storage to make room in its subject's index.
		RecordPruned {
			/// The record.
			record: RecordId,
			/// Its subject.
			subject: SubjectId,
		},
		/// A subject's standing changed.
		StandingChanged {
			/// The subject.
			subject: SubjectId,
			/// The standing before.
			from: CreditStanding,
			/// The standing now.
			to: CreditStanding,
			/// The score now.
			score: i32,
		},
		/// Governance set a category's publication limit.
		PublicationLimitSet {
			/// The category.
			category: CreditCategory,
			/// The limit, in blocks.
			limit: BlockNumberFor<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The subject is not registered or not active.
		SubjectNotActive,
		/// The score delta is larger than `MaxScoreDelta` either way.
		ScoreDeltaOutOfRange,
		/// The publication period is zero.
		PublicationPeriodZero,
		/// The publication period is longer than the category's limit.
		MaxPublicationPeriodExceeded,
		/// The subject's index is full of records still published.
		MaxRecordsExceeded,
		/// No more record ids are available.
		IdsExhausted,
		/// No record has this id (or it was pruned).
		RecordNotFound,
		/// The caller's department did not record this record.
		NotRecorder,
		/// The record is rectified, revoked or expired.
		RecordAlreadyClosed,
		/// The record is not active.
		RecordNotActive,
		/// The caller is not an account linked to the record's subject.
		NotLinkedToSubject,
		/// An objection to this record was already filed.
		AlreadyObjected,
		/// The record is not under objection.
		NotUnderObjection,
		/// The recording department may not adjudicate its own record.
		AdjudicatorIsRecorder,
		/// A record with this evidence hash is already on file for the subject.
		EvidenceAlreadyExists,
		/// The record was written by another pallet as the outcome of its own procedure (a
		/// grant's clawback): its department cannot revoke it; the subject's objection and an
		/// adjudicator can rectify it.
		RecordNotRevocable,
	}

	#[pallet::genesis_config]
	#[derive(polkadot_sdk::frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Publication limits by category, in blocks.
		pub publication_limits: Vec<(CreditCategory, BlockNumberFor<T>)>,
		/// Records to seed (their subjects must be active in civic identity).
		pub records: Vec<GenesisRecord<BlockNumberFor<T>>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		// An invalid genesis must stop the chain from being built at all.
		fn build(&self) {
			Pallet::<T>::seed(self).expect("genesis credit records must be valid");
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Processes the expiries and objection deadlines due, at most `MaxDuePerBlock`.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::process_due(now)
		}

		fn integrity_test() {
			let (restricted, watch, commended) =
				(T::RestrictedBelow::get(), T::WatchBelow::get(), T::CommendedFrom::get());
			assert!(0 <= restricted && restricted <= watch, "0 <= RestrictedBelow <= WatchBelow");
			assert!(
				watch <= T::BaselineScore::get() && T::BaselineScore::get() < commended,
				"a subject without records must be Normal"
			);
			assert!(commended <= T::MaxScore::get(), "CommendedFrom <= MaxScore");
			assert!(T::MaxRecordsPerSubject::get() > 0, "MaxRecordsPerSubject must be positive");
			assert!(T::MaxDuePerBlock::get() > 0, "MaxDuePerBlock must be positive");
			assert!(T::MaxDueScan::get() > 0, "MaxDueScan must be positive");
			assert!(!T::ObjectionPeriod::get().is_zero(), "ObjectionPeriod must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Record an entry about the active `subject`: `category`, `score_delta`, the hash of the
		/// decision document, published for `publication_period` blocks (at most the category's
		/// limit). If the subject's index is full, its oldest record whose period has ended is
		/// pruned.
		///
		/// # Origin
		/// Signed by an officer of a department holding `CreditRecorder`.
		///
		/// # Events
		/// [`Event::RecordCreated`], [`Event::StandingChanged`] if the standing changes,
		/// [`Event::RecordPruned`] (and [`Event::RecordExpired`]) if a record is pruned.
		///
		/// # Errors
		/// The origin's, [`Error::SubjectNotActive`],
		/// [`Error::ScoreDeltaOutOfRange`], [`Error::PublicationPeriodZero`],
		/// [`Error::MaxPublicationPeriodExceeded`], [`Error::EvidenceAlreadyExists`],
		/// [`Error::MaxRecordsExceeded`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::record())]
		pub fn record(
			origin: OriginFor<T>,
			subject: SubjectId,
			category: CreditCategory,
			score_delta: i32,
			evidence: H256,
			publication_period: BlockNumberFor<T>,
		) -> DispatchResult {
			let (department, officer) = T::RecorderOrigin::ensure_officer(origin)?;
			Self::do_record(
				subject,
				category,
				score_delta,
				evidence,
				publication_period,
				department,
				RecordSource::Officer(officer),
			)
			.map(|_| ())
		}

		/// Revoke a record (active or under objection), with a reason code. It never counts
		/// again.
		///
		/// # Origin
		/// Signed by an officer of the recording department, holding `CreditRecorder`.
		///
		/// # Events
		/// [`Event::RecordRevoked`], [`Event::StandingChanged`] if the standing changes.
		///
		/// # Errors
		/// The origin's, [`Error::RecordNotFound`], [`Error::NotRecorder`],
		/// [`Error::RecordNotRevocable`], [`Error::RecordAlreadyClosed`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(
			origin: OriginFor<T>,
			record: RecordId,
			reason: ReasonCode,
		) -> DispatchResult {
			let (department, officer) = T::RecorderOrigin::ensure_officer(origin)?;
			Self::do_revoke(record, department, officer, reason)
		}

		/// Object to an active record about the caller's subject, with the hash of the
		/// subject's statement. The record stops counting until an adjudicator decides. One
		/// objection per record.
		///
		/// # Origin
		/// Signed by an account linked to the record's subject.
		///
		/// # Events
		/// [`Event::ObjectionFiled`], [`Event::StandingChanged`] if the standing changes.
		///
		/// # Errors
		/// [`Error::RecordNotFound`], [`Error::NotLinkedToSubject`], [`Error::AlreadyObjected`],
		/// [`Error::RecordNotActive`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::object())]
		pub fn object(origin: OriginFor<T>, record: RecordId, evidence: H256) -> DispatchResult {
			let account = ensure_signed(origin)?;
			Self::do_object(record, evidence, account)
		}

		/// Reject the objection to a record: it stands and counts again.
		///
		/// # Origin
		/// Signed by an officer of a department holding `CreditAdjudicator` other than the
		/// recording department.
		///
		/// # Events
		/// [`Event::ObjectionRejected`], [`Event::StandingChanged`] if the standing changes.
		///
		/// # Errors
		/// The origin's, [`Error::RecordNotFound`],
		/// [`Error::AdjudicatorIsRecorder`], [`Error::NotUnderObjection`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::uphold())]
		pub fn uphold(
			origin: OriginFor<T>,
			record: RecordId,
			reason: ReasonCode,
		) -> DispatchResult {
			let (department, officer) = T::AdjudicatorOrigin::ensure_officer(origin)?;
			Self::do_decide(record, department, officer, reason, false)
		}

		/// Accept the objection to a record: it is rectified and never counts again (the score
		/// stays restored).
		///
		/// # Origin
		/// Signed by an officer of a department holding `CreditAdjudicator` other than the
		/// recording department.
		///
		/// # Events
		/// [`Event::RecordRectified`].
		///
		/// # Errors
		/// The origin's, [`Error::RecordNotFound`],
		/// [`Error::AdjudicatorIsRecorder`], [`Error::NotUnderObjection`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::rectify())]
		pub fn rectify(
			origin: OriginFor<T>,
			record: RecordId,
			reason: ReasonCode,
		) -> DispatchResult {
			let (department, officer) = T::AdjudicatorOrigin::ensure_officer(origin)?;
			Self::do_decide(record, department, officer, reason, true)
		}

		/// Set the longest a record of `category` may be published, in blocks. Records already
		/// on file keep their expiry.
		///
		/// # Origin
		/// `GovernanceOrigin`.
		///
		/// # Events
		/// [`Event::PublicationLimitSet`].
		///
		/// # Errors
		/// [`Error::PublicationPeriodZero`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_publication_limit())]
		pub fn set_publication_limit(
			origin: OriginFor<T>,
			category: CreditCategory,
			limit: BlockNumberFor<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_publication_limit(category, limit)
		}
	}
}
