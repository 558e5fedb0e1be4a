//! The logic behind the calls and the hook. Each `do_*` function checks everything first and
//! writes last, so a failing call changes nothing.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::*},
	sp_core::H256,
	sp_runtime::Saturating,
};

use crate::WeightInfo;
use crate::{
	pallet::*,
	runtime_api::{CreditProfileInfo, RecordInfo},
	CreditCategory, CreditStanding, DepartmentId, Due, IdentityProvider, Objection, Profile,
	ReasonCode, Record, RecordId, RecordSource, RecordStatus, SubjectId,
};

impl<T: Config> Pallet<T> {
	/// The longest a record of `category` may be published.
	pub fn publication_limit(category: CreditCategory) -> BlockNumberFor<T> {
		PublicationLimits::<T>::get(category).unwrap_or_else(T::DefaultPublicationLimit::get)
	}

	/// Records an entry and returns its id.
	pub(crate) fn do_record(
		subject: SubjectId,
		category: CreditCategory,
		score_delta: i32,
		evidence: H256,
		publication_period: BlockNumberFor<T>,
		department: DepartmentId,
		source: RecordSource<T::AccountId>,
	) -> Result<RecordId, DispatchError> {
		// A department records only about active subjects; another pallet's record (a grant's
		// clawback) must land whatever has become of the subject since, if it is registered.
		let known = match source {
			RecordSource::Pallet(_) => T::Identity::kind(&subject).is_some(),
			RecordSource::Officer(_) | RecordSource::Genesis => T::Identity::is_active(&subject),
		};
		ensure!(known, Error::<T>::SubjectNotActive);
		ensure!(
			!EvidenceOf::<T>::contains_key(subject, evidence),
			Error::<T>::EvidenceAlreadyExists
		);
		ensure!(
			score_delta.unsigned_abs() <= T::MaxScoreDelta::get(),
			Error::<T>::ScoreDeltaOutOfRange
		);
		ensure!(!publication_period.is_zero(), Error::<T>::PublicationPeriodZero);
		ensure!(
			publication_period <= Self::publication_limit(category),
			Error::<T>::MaxPublicationPeriodExceeded
		);
		let id = NextRecordId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let now = frame_system::Pallet::<T>::block_number();
		let expires_at = now.saturating_add(publication_period);
		let mut index = SubjectRecords::<T>::get(subject);
		// Make room by pruning the oldest record whose publication period has ended.
		let pruned = if index.is_full() {
			let oldest = index
				.iter()
				.position(|(_, expiry)| *expiry <= now)
				.ok_or(Error::<T>::MaxRecordsExceeded)?;
			Some(index.remove(oldest).0)
		} else {
			None
		};
		index.try_push((id, expires_at)).map_err(|_| Error::<T>::MaxRecordsExceeded)?;

		if let Some(old) = pruned {
			Self::prune(old, subject);
		}
		NextRecordId::<T>::put(next);
		SubjectRecords::<T>::insert(subject, index);
		EvidenceOf::<T>::insert(subject, evidence, id);
		DueQueue::<T>::insert(expires_at, (id, Due::Expiry), ());
		let record = Record {
			subject,
			department,
			source: source.clone(),
			category,
			score_delta,
			evidence,
			issued_at: now,
			expires_at,
			status: RecordStatus::Active,
			reason: None,
			updated_at: now,
		};
		Self::deposit_event(Event::RecordCreated {
			record: id,
			subject,
			category,
			score_delta,
			department,
			source,
			expires_at,
		});
		Self::change_status(id, record, RecordStatus::Active, None, true);
		Ok(id)
	}

	/// Removes a record whose publication period has ended, expiring it first if the due queue
	/// has not reached it yet.
	fn prune(id: RecordId, subject: SubjectId) {
		if let Some(record) = Records::<T>::get(id) {
			EvidenceOf::<T>::remove(subject, record.evidence);
			if record.status.is_open() {
				DueQueue::<T>::remove(record.expires_at, (id, Due::Expiry));
				Self::deposit_event(Event::RecordExpired { record: id, subject });
				Self::change_status(id, record, RecordStatus::Expired, None, false);
			}
		}
		Records::<T>::remove(id);
		Objections::<T>::remove(id);
		Self::deposit_event(Event::RecordPruned { record: id, subject });
	}

	/// Moves `record` to `to` (a new record: from nothing), keeps its subject's profile in step
	/// and emits [`Event::StandingChanged`] if the standing moves. Writes the record.
	fn change_status(
		id: RecordId,
		mut record: Record<T::AccountId, BlockNumberFor<T>>,
		to: RecordStatus,
		reason: Option<ReasonCode>,
		new: bool,
	) {
		let from = record.status;
		let delta = i64::from(record.score_delta);
		let mut profile = Profiles::<T>::get(record.subject);
		// The counters cannot saturate: a subject has at most `MaxRecordsPerSubject` records,
		// each of at most `MaxScoreDelta`. `try_state` checks them against the records.
		if !new {
			if from.counts() {
				profile.sum = profile.sum.saturating_sub(delta);
				profile.active = profile.active.saturating_sub(1);
			}
			if from == RecordStatus::UnderObjection {
				profile.under_objection = profile.under_objection.saturating_sub(1);
				profile.objected_sum = profile.objected_sum.saturating_sub(delta);
			}
		}
		if to.counts() {
			profile.sum = profile.sum.saturating_add(delta);
			profile.active = profile.active.saturating_add(1);
		}
		if to == RecordStatus::UnderObjection {
			profile.under_objection = profile.under_objection.saturating_add(1);
			profile.objected_sum = profile.objected_sum.saturating_add(delta);
		}
		let score = Self::score_of(&profile);
		let standing = Self::standing_for(score);
		if standing != profile.standing {
			Self::deposit_event(Event::StandingChanged {
				subject: record.subject,
				from: profile.standing,
				to: standing,
				score,
			});
			profile.standing = standing;
		}
		Profiles::<T>::insert(record.subject, profile);

		record.status = to;
		if reason.is_some() {
			record.reason = reason;
		}
		record.updated_at = frame_system::Pallet::<T>::block_number();
		Records::<T>::insert(id, record);
	}

	/// The score of a profile: the baseline plus its active deltas, clamped to `0..=MaxScore`.
	pub fn score_of(profile: &Profile) -> i32 {
		let score = i64::from(T::BaselineScore::get()).saturating_add(profile.sum);
		let clamped = score.clamp(0, i64::from(T::MaxScore::get()));
		i32::try_from(clamped).unwrap_or_default()
	}

	/// The standing a score earns.
	pub fn standing_for(score: i32) -> CreditStanding {
		if score >= T::CommendedFrom::get() {
			CreditStanding::Commended
		} else if score < T::RestrictedBelow::get() {
			CreditStanding::Restricted
		} else if score < T::WatchBelow::get() {
			CreditStanding::Watch
		} else {
			CreditStanding::Normal
		}
	}

	/// Revokes a record on behalf of its recording department.
	pub(crate) fn do_revoke(
		id: RecordId,
		department: DepartmentId,
		officer: T::AccountId,
		reason: ReasonCode,
	) -> DispatchResult {
		let record = Records::<T>::get(id).ok_or(Error::<T>::RecordNotFound)?;
		ensure!(record.department == department, Error::<T>::NotRecorder);
		ensure!(!matches!(record.source, RecordSource::Pallet(_)), Error::<T>::RecordNotRevocable);
		ensure!(record.status.is_open(), Error::<T>::RecordAlreadyClosed);

		Self::close_dues(id, &record);
		Self::free_slot(record.subject, id);
		Self::deposit_event(Event::RecordRevoked { record: id, department, officer, reason });
		Self::change_status(id, record, RecordStatus::Revoked, Some(reason), false);
		Ok(())
	}

	/// Lets a revoked or rectified record's slot in its subject's index be reused from now on:
	/// the record stays on file (and readable) until a new record needs the room.
	fn free_slot(subject: SubjectId, id: RecordId) {
		let now = frame_system::Pallet::<T>::block_number();
		SubjectRecords::<T>::mutate(subject, |index| {
			if let Some(entry) = index.iter_mut().find(|(i, _)| *i == id) {
				entry.1 = now;
			}
		});
	}

	/// Removes a closing record's pending expiry and objection deadline from the due queue.
	fn close_dues(id: RecordId, record: &Record<T::AccountId, BlockNumberFor<T>>) {
		DueQueue::<T>::remove(record.expires_at, (id, Due::Expiry));
		if let Some(objection) = Objections::<T>::get(id) {
			DueQueue::<T>::remove(objection.deadline, (id, Due::ObjectionDeadline));
		}
	}

	/// Files the subject's objection to a record.
	pub(crate) fn do_object(id: RecordId, evidence: H256, account: T::AccountId) -> DispatchResult {
		let record = Records::<T>::get(id).ok_or(Error::<T>::RecordNotFound)?;
		ensure!(
			T::Identity::subject_of(&account) == Some(record.subject),
			Error::<T>::NotLinkedToSubject
		);
		ensure!(!Objections::<T>::contains_key(id), Error::<T>::AlreadyObjected);
		ensure!(record.status == RecordStatus::Active, Error::<T>::RecordNotActive);

		let now = frame_system::Pallet::<T>::block_number();
		let deadline = now.saturating_add(T::ObjectionPeriod::get());
		Objections::<T>::insert(
			id,
			Objection {
				account: account.clone(),
				evidence,
				filed_at: now,
				deadline,
				escalated: false,
			},
		);
		DueQueue::<T>::insert(deadline, (id, Due::ObjectionDeadline), ());
		Self::deposit_event(Event::ObjectionFiled {
			record: id,
			subject: record.subject,
			account,
			evidence,
			deadline,
		});
		Self::change_status(id, record, RecordStatus::UnderObjection, None, false);
		Ok(())
	}

	/// Decides an objection: rectify the record, or uphold it.
	pub(crate) fn do_decide(
		id: RecordId,
		department: DepartmentId,
		officer: T::AccountId,
		reason: ReasonCode,
		rectify: bool,
	) -> DispatchResult {
		let record = Records::<T>::get(id).ok_or(Error::<T>::RecordNotFound)?;
		ensure!(record.department != department, Error::<T>::AdjudicatorIsRecorder);
		ensure!(record.status == RecordStatus::UnderObjection, Error::<T>::NotUnderObjection);

		let to = if rectify {
			Self::close_dues(id, &record);
			Self::free_slot(record.subject, id);
			Self::deposit_event(Event::RecordRectified { record: id, department, officer, reason });
			RecordStatus::Rectified
		} else {
			if let Some(objection) = Objections::<T>::get(id) {
				DueQueue::<T>::remove(objection.deadline, (id, Due::ObjectionDeadline));
			}
			Self::deposit_event(Event::ObjectionRejected {
				record: id,
				department,
				officer,
				reason,
			});
			RecordStatus::Active
		};
		Self::change_status(id, record, to, Some(reason), false);
		Ok(())
	}

	/// Sets a category's publication limit.
	pub(crate) fn do_set_publication_limit(
		category: CreditCategory,
		limit: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(!limit.is_zero(), Error::<T>::PublicationPeriodZero);
		PublicationLimits::<T>::insert(category, limit);
		Self::deposit_event(Event::PublicationLimitSet { category, limit });
		Ok(())
	}

	/// Processes the work due up to `now`: at most `MaxDuePerBlock` items, looking at most at
	/// `MaxDueScan` blocks of the queue. Returns the weight of the work done.
	pub(crate) fn process_due(now: BlockNumberFor<T>) -> Weight {
		let mut cursor = DueCursor::<T>::get().unwrap_or(now);
		let (mut processed, mut scanned) = (0u32, 0u32);
		let max = T::MaxDuePerBlock::get();
		while cursor <= now && scanned < T::MaxDueScan::get() {
			let room = max.saturating_sub(processed);
			if room == 0 {
				break;
			}
			let batch: Vec<_> =
				DueQueue::<T>::iter_key_prefix(cursor).take(room as usize).collect();
			let drained = batch.len() < room as usize;
			for (id, due) in batch {
				DueQueue::<T>::remove(cursor, (id, due));
				match due {
					Due::Expiry => Self::expire(id),
					Due::ObjectionDeadline => Self::escalate(id),
				}
				processed = processed.saturating_add(1);
			}
			scanned = scanned.saturating_add(1);
			if !drained {
				break;
			}
			cursor = cursor.saturating_add(One::one());
		}
		DueCursor::<T>::put(cursor);
		T::WeightInfo::on_initialize(processed, scanned)
	}

	/// Ends a record's publication.
	fn expire(id: RecordId) {
		let Some(record) = Records::<T>::get(id) else { return };
		if !record.status.is_open() {
			return;
		}
		Self::deposit_event(Event::RecordExpired { record: id, subject: record.subject });
		Self::change_status(id, record, RecordStatus::Expired, None, false);
	}

	/// Flags an objection whose deadline passed undecided.
	fn escalate(id: RecordId) {
		let Some(record) = Records::<T>::get(id) else { return };
		if record.status != RecordStatus::UnderObjection {
			return;
		}
		Objections::<T>::mutate(id, |objection| {
			if let Some(objection) = objection {
				objection.escalated = true;
				Self::deposit_event(Event::ObjectionEscalated {
					record: id,
					subject: record.subject,
					department: record.department,
					filed_at: objection.filed_at,
				});
			}
		});
	}

	/// Builds the genesis state.
	pub(crate) fn seed(genesis: &GenesisConfig<T>) -> DispatchResult {
		for (category, limit) in &genesis.publication_limits {
			Self::do_set_publication_limit(*category, *limit)?;
		}
		for r in &genesis.records {
			Self::do_record(
				r.subject,
				r.category,
				r.score_delta,
				r.evidence,
				r.publication_period,
				r.department,
				RecordSource::Genesis,
			)?;
		}
		DueCursor::<T>::put(frame_system::Pallet::<T>::block_number());
		Ok(())
	}

	/// The storage invariants: every profile matches its subject's records on file; every
	/// indexed record exists and belongs to its subject; every open record is due to expire.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		for (subject, index) in SubjectRecords::<T>::iter() {
			let mut expected = Profile::default();
			for (id, expiry) in &index {
				let record = Records::<T>::get(id).ok_or("indexed record missing")?;
				ensure!(record.subject == subject, "record indexed under another subject");
				let freed_at = match record.status {
					RecordStatus::Revoked | RecordStatus::Rectified => record.updated_at,
					_ => record.expires_at,
				};
				ensure!(freed_at == *expiry, "index out of step with the record");
				ensure!(
					EvidenceOf::<T>::get(subject, record.evidence) == Some(*id),
					"record's evidence not indexed"
				);
				if record.status.counts() {
					expected.sum = expected.sum.saturating_add(i64::from(record.score_delta));
					expected.active = expected.active.saturating_add(1);
				}
				if record.status == RecordStatus::UnderObjection {
					expected.under_objection = expected.under_objection.saturating_add(1);
					expected.objected_sum =
						expected.objected_sum.saturating_add(i64::from(record.score_delta));
				}
				if record.status.is_open() {
					ensure!(
						DueQueue::<T>::contains_key(record.expires_at, (id, Due::Expiry)),
						"open record not due to expire"
					);
				}
			}
			let profile = Profiles::<T>::get(subject);
			ensure!(
				(profile.sum, profile.active, profile.under_objection, profile.objected_sum)
					== (
						expected.sum,
						expected.active,
						expected.under_objection,
						expected.objected_sum
					),
				"profile out of step with records"
			);
			ensure!(
				profile.standing == Self::standing_for(Self::score_of(&profile)),
				"standing out of step with score"
			);
		}
		for (subject, _, id) in EvidenceOf::<T>::iter() {
			ensure!(
				Records::<T>::get(id).is_some_and(|r| r.subject == subject),
				"evidence index names a record not on file"
			);
		}
		let next = NextRecordId::<T>::get();
		for (id, record) in Records::<T>::iter() {
			ensure!(id < next, "record id not below NextRecordId");
			ensure!(
				SubjectRecords::<T>::get(record.subject).iter().any(|(i, _)| *i == id),
				"record missing from its subject's index"
			);
		}
		Ok(())
	}
}

/// Queries behind the `CreditRecordsApi` runtime API and the shared traits.
impl<T: Config> Pallet<T> {
	/// A subject's score, standing and counts.
	pub fn credit_profile(subject: SubjectId) -> CreditProfileInfo {
		let profile = Profiles::<T>::get(subject);
		CreditProfileInfo {
			score: Self::score_of(&profile),
			standing: profile.standing,
			active_records: profile.active,
			under_objection: profile.under_objection,
		}
	}

	/// One record with its objection.
	pub fn record_info(id: RecordId) -> Option<RecordInfo<T::AccountId, BlockNumberFor<T>>> {
		Records::<T>::get(id).map(|record| RecordInfo {
			id,
			record,
			objection: Objections::<T>::get(id),
		})
	}

	/// A subject's records on file, oldest first.
	pub fn records_of(subject: SubjectId) -> Vec<RecordInfo<T::AccountId, BlockNumberFor<T>>> {
		SubjectRecords::<T>::get(subject)
			.into_iter()
			.filter_map(|(id, _)| Self::record_info(id))
			.collect()
	}
}
