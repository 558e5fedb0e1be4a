//! The logic behind the calls. Each `do_*` function checks everything first and writes last; a
//! failing call changes nothing.

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::*},
	sp_core::H256,
};

use crate::{
	pallet::*, Actor, Amount, Application, ApplicationId, ApplicationStatus, CreditProfile,
	CreditRecorder, DepartmentId, IdentityProvider, Milestone, MilestonePlan, MilestoneStatus,
	Program, ProgramId, ProgramStatus, ProgramTerms, RoleAuthority, SubjectId, Vote, CREDIT_SOURCE,
};
use civitas_primitives::{all_distinct, CreditCategory, EnsureOfficer, SubjectKind};

impl<T: Config> Pallet<T> {
	/// Governance, or a treasurer (`TreasurerOrigin`) with its department, which the `do_*`
	/// function then checks against the program it reads ([`Self::ensure_treasury_of`]).
	pub(crate) fn ensure_treasury(
		origin: OriginFor<T>,
	) -> Result<(Actor<T::AccountId>, Option<DepartmentId>), DispatchError> {
		match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => Ok((Actor::Governance, None)),
			Err(origin) => {
				let (department, officer) = T::TreasurerOrigin::ensure_officer(origin)?;
				Ok((Actor::Account(officer), Some(department)))
			},
		}
	}

	/// `Ok` for governance (`None`), or if `department` manages `program`'s budget.
	fn ensure_treasury_of(
		program: &Program<T>,
		department: Option<DepartmentId>,
	) -> DispatchResult {
		ensure!(
			department.is_none_or(|d| d == program.terms.treasury),
			Error::<T>::NotProgramTreasury
		);
		Ok(())
	}

	/// `Ok` if `applicant` is active and its standing, counting penalties still under objection,
	/// meets `program`'s minimum: checked when applying, when approved, and before every
	/// milestone's approval and payout.
	fn ensure_eligible(applicant: &SubjectId, program: &Program<T>) -> DispatchResult {
		ensure!(T::Identity::is_active(applicant), Error::<T>::ApplicantNotActive);
		ensure!(
			T::CreditProfile::standing_counting_objections(applicant)
				.at_least(program.terms.min_credit_standing),
			Error::<T>::CreditBelowMinimum
		);
		Ok(())
	}

	/// Checks a review panel: at least `reviews_needed` distinct officers of `committee`.
	fn check_panel(
		committee: DepartmentId,
		panel: &BoundedVec<T::AccountId, T::MaxPanel>,
		reviews_needed: u32,
	) -> DispatchResult {
		ensure!(reviews_needed > 0, Error::<T>::ReviewsNeededZero);
		ensure!(reviews_needed as usize <= panel.len(), Error::<T>::ReviewsExceedPanel);
		ensure!(
			panel.iter().all(|member| T::Roles::department_of(member) == Some(committee)),
			Error::<T>::PanelMemberNotOnCommittee
		);
		ensure!(all_distinct(panel), Error::<T>::DuplicatePanelMember);
		Ok(())
	}

	/// `Ok` if `department` (a committee officer's, as `CommitteeOrigin` found) is `program`'s
	/// committee.
	fn ensure_committee(department: DepartmentId, program: &Program<T>) -> DispatchResult {
		ensure!(department == program.terms.committee, Error::<T>::NotOnCommittee);
		Ok(())
	}

	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	pub(crate) fn do_create_program(
		terms: ProgramTerms<T>,
		by: Actor<T::AccountId>,
	) -> DispatchResult {
		ensure!(!terms.name.is_empty(), Error::<T>::NameEmpty);
		ensure!(T::CommitteeOrigin::allows(terms.committee), Error::<T>::NotACommittee);
		ensure!(terms.budget > 0 && terms.max_award > 0, Error::<T>::AmountZero);
		ensure!(terms.max_award <= terms.budget, Error::<T>::MaxAwardExceedsBudget);
		ensure!(terms.opens_at < terms.closes_at, Error::<T>::InvalidPeriod);
		ensure!(T::TreasurerOrigin::allows(terms.treasury), Error::<T>::NotATreasury);
		Self::check_panel(terms.committee, &terms.panel, terms.reviews_needed)?;
		let program = NextProgramId::<T>::get();
		let next = program.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

		let budget = terms.budget;
		NextProgramId::<T>::put(next);
		Programs::<T>::insert(
			program,
			Program::<T> {
				terms,
				allocated: 0,
				disbursed: 0,
				status: ProgramStatus::Open,
				created_by: by.clone(),
			},
		);
		Self::deposit_event(Event::ProgramCreated { program, budget, by });
		Ok(())
	}

	pub(crate) fn do_set_panel(
		program: ProgramId,
		panel: BoundedVec<T::AccountId, T::MaxPanel>,
	) -> DispatchResult {
		let mut record = Programs::<T>::get(program).ok_or(Error::<T>::ProgramNotFound)?;
		Self::check_panel(record.terms.committee, &panel, record.terms.reviews_needed)?;
		record.terms.panel = panel.clone();
		Programs::<T>::insert(program, record);
		Self::deposit_event(Event::PanelSet { program, panel });
		Ok(())
	}

	pub(crate) fn do_top_up(
		program: ProgramId,
		amount: Amount,
		by: Actor<T::AccountId>,
		treasury: Option<DepartmentId>,
	) -> DispatchResult {
		let mut record = Programs::<T>::get(program).ok_or(Error::<T>::ProgramNotFound)?;
		Self::ensure_treasury_of(&record, treasury)?;
		ensure!(amount > 0, Error::<T>::AmountZero);
		record.terms.budget =
			record.terms.budget.checked_add(amount).ok_or(Error::<T>::BudgetOverflow)?;
		let budget = record.terms.budget;
		Programs::<T>::insert(program, record);
		Self::deposit_event(Event::BudgetToppedUp { program, amount, budget, by });
		Ok(())
	}

	pub(crate) fn do_close_program(
		program: ProgramId,
		by: Actor<T::AccountId>,
		treasury: Option<DepartmentId>,
	) -> DispatchResult {
		let mut record = Programs::<T>::get(program).ok_or(Error::<T>::ProgramNotFound)?;
		Self::ensure_treasury_of(&record, treasury)?;
		ensure!(record.status == ProgramStatus::Open, Error::<T>::ProgramAlreadyClosed);
		record.status = ProgramStatus::Closed;
		Programs::<T>::insert(program, record);
		Self::deposit_event(Event::ProgramClosed { program, by });
		Ok(())
	}

	/// Checks the milestones of an application for `requested`.
	fn checked_milestones(
		requested: Amount,
		plans: BoundedVec<MilestonePlan<BlockNumberFor<T>>, T::MaxMilestones>,
	) -> Result<BoundedVec<Milestone<BlockNumberFor<T>>, T::MaxMilestones>, DispatchError> {
		ensure!(!plans.is_empty(), Error::<T>::MilestonesEmpty);
		let now = Self::now();
		let mut previous_due = now;
		let mut total: Amount = 0;
		for plan in &plans {
			ensure!(plan.amount > 0, Error::<T>::AmountZero);
			ensure!(plan.due > now, Error::<T>::MilestoneDueInPast);
			ensure!(plan.due >= previous_due, Error::<T>::MilestonesNotInOrder);
			previous_due = plan.due;
			total = total.checked_add(plan.amount).ok_or(Error::<T>::MilestonesMismatch)?;
		}
		ensure!(total == requested, Error::<T>::MilestonesMismatch);
		let milestones: Vec<_> = plans
			.into_iter()
			.map(|plan| Milestone { plan, status: MilestoneStatus::Pending })
			.collect();
		// One milestone per plan, under the bound the plans have already kept: nothing is cut off.
		Ok(BoundedVec::truncate_from(milestones))
	}

	pub(crate) fn do_apply(
		program: ProgramId,
		requested: Amount,
		proposal: H256,
		plans: BoundedVec<MilestonePlan<BlockNumberFor<T>>, T::MaxMilestones>,
		who: T::AccountId,
	) -> DispatchResult {
		let applicant = T::Identity::subject_of(&who).ok_or(Error::<T>::NotLinkedToSubject)?;
		let record = Programs::<T>::get(program).ok_or(Error::<T>::ProgramNotFound)?;
		ensure!(record.status == ProgramStatus::Open, Error::<T>::ProgramAlreadyClosed);
		let now = Self::now();
		ensure!(
			record.terms.opens_at <= now && now <= record.terms.closes_at,
			Error::<T>::ProgramNotOpen
		);
		let is_enterprise = T::Identity::kind(&applicant) == Some(SubjectKind::Enterprise);
		ensure!(is_enterprise || record.terms.open_to_persons, Error::<T>::PersonsNotEligible);
		Self::ensure_eligible(&applicant, &record)?;
		ensure!(requested > 0, Error::<T>::AmountZero);
		ensure!(requested <= record.terms.max_award, Error::<T>::MaxAwardExceeded);
		let milestones = Self::checked_milestones(requested, plans)?;
		ensure!(
			!OpenApplications::<T>::contains_key(program, applicant),
			Error::<T>::ApplicationAlreadyOpen
		);
		let application = NextApplicationId::<T>::get();
		let next = application.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;

		NextApplicationId::<T>::put(next);
		OpenApplications::<T>::insert(program, applicant, application);
		ApplicationsOf::<T>::insert(applicant, application, ());
		ApplicationsOfProgram::<T>::insert(program, application, ());
		Applications::<T>::insert(
			application,
			Application::<T> {
				program,
				applicant,
				requested,
				proposal,
				milestones,
				status: ApplicationStatus::Pending,
				approvals: 0,
				rejections: 0,
				applied_at: now,
				paid: 0,
				to_recover: 0,
			},
		);
		Self::deposit_event(Event::ApplicationSubmitted {
			application,
			program,
			applicant,
			requested,
			account: who,
		});
		Ok(())
	}

	/// The application, if `who` is linked to its applicant and the applicant is active (a
	/// suspended, closed or dissolved applicant acts no more).
	fn own_application(
		who: &T::AccountId,
		application: ApplicationId,
	) -> Result<Application<T>, DispatchError> {
		let record = Applications::<T>::get(application).ok_or(Error::<T>::ApplicationNotFound)?;
		ensure!(T::Identity::subject_of(who) == Some(record.applicant), Error::<T>::NotApplicant);
		ensure!(T::Identity::is_active(&record.applicant), Error::<T>::ApplicantNotActive);
		Ok(record)
	}

	/// The application and its program.
	fn application_and_program(
		application: ApplicationId,
	) -> Result<(Application<T>, Program<T>), DispatchError> {
		let record = Applications::<T>::get(application).ok_or(Error::<T>::ApplicationNotFound)?;
		let program = Programs::<T>::get(record.program).ok_or(Error::<T>::ProgramNotFound)?;
		Ok((record, program))
	}

	/// Ends `record`'s openness: another application to the program may follow.
	fn close_application(record: &Application<T>) {
		OpenApplications::<T>::remove(record.program, record.applicant);
	}

	pub(crate) fn do_withdraw(application: ApplicationId, who: T::AccountId) -> DispatchResult {
		let mut record = Self::own_application(&who, application)?;
		ensure!(record.status == ApplicationStatus::Pending, Error::<T>::NotPending);
		record.status = ApplicationStatus::Withdrawn;
		Self::close_application(&record);
		Applications::<T>::insert(application, record);
		Self::deposit_event(Event::ApplicationWithdrawn { application, account: who });
		Ok(())
	}

	pub(crate) fn do_review(
		application: ApplicationId,
		approve: bool,
		comment: H256,
		department: DepartmentId,
		who: T::AccountId,
	) -> DispatchResult {
		let (mut record, mut program) = Self::application_and_program(application)?;
		ensure!(record.status == ApplicationStatus::Pending, Error::<T>::NotPending);
		Self::ensure_committee(department, &program)?;
		ensure!(program.terms.panel.contains(&who), Error::<T>::NotOnPanel);
		ensure!(!Votes::<T>::contains_key(application, &who), Error::<T>::AlreadyVoted);

		let needed = program.terms.reviews_needed;
		if approve {
			record.approvals = record.approvals.saturating_add(1);
		} else {
			record.rejections = record.rejections.saturating_add(1);
		}
		let approved = record.approvals >= needed;
		if approved {
			// The applicant's eligibility is checked again when the money is committed.
			Self::ensure_eligible(&record.applicant, &program)?;
			let allocated = program
				.allocated
				.checked_add(record.requested)
				.filter(|total| *total <= program.terms.budget)
				.ok_or(Error::<T>::BudgetExhausted)?;
			program.allocated = allocated;
			record.status = ApplicationStatus::Approved;
		} else {
			// Approval is out of reach once the panel members who have not voted cannot bring
			// the approvals up to the number needed (this vote is not stored yet).
			let undecided = program
				.terms
				.panel
				.iter()
				.filter(|m| **m != who && !Votes::<T>::contains_key(application, *m))
				.count();
			let undecided = u32::try_from(undecided).unwrap_or(u32::MAX);
			if record.approvals.saturating_add(undecided) < needed {
				record.status = ApplicationStatus::Rejected;
				Self::close_application(&record);
			}
		}
		let (status, requested, program_id) = (record.status, record.requested, record.program);
		Votes::<T>::insert(application, &who, Vote { approve, comment });
		Applications::<T>::insert(application, record);
		if approved {
			Programs::<T>::insert(program_id, program);
		}
		Self::deposit_event(Event::ApplicationReviewed {
			application,
			approve,
			comment,
			department,
			officer: who,
		});
		match status {
			ApplicationStatus::Approved => Self::deposit_event(Event::ApplicationApproved {
				application,
				allocated: requested,
			}),
			ApplicationStatus::Rejected => {
				Self::deposit_event(Event::ApplicationRejected { application })
			},
			_ => {},
		}
		Ok(())
	}

	pub(crate) fn do_submit_milestone(
		application: ApplicationId,
		index: u32,
		evidence: H256,
		who: T::AccountId,
	) -> DispatchResult {
		let mut record = Self::own_application(&who, application)?;
		ensure!(record.status == ApplicationStatus::Approved, Error::<T>::NotApproved);
		let at = index as usize;
		ensure!(at < record.milestones.len(), Error::<T>::MilestoneNotFound);
		if let Some(previous) = at.checked_sub(1).and_then(|p| record.milestones.get(p)) {
			ensure!(
				matches!(previous.status, MilestoneStatus::Approved | MilestoneStatus::Paid(_)),
				Error::<T>::MilestoneOutOfOrder
			);
		}
		let milestone = record.milestones.get_mut(at).ok_or(Error::<T>::MilestoneNotFound)?;
		ensure!(
			matches!(milestone.status, MilestoneStatus::Pending | MilestoneStatus::Rejected(_)),
			Error::<T>::MilestoneNotOpen
		);
		milestone.status = MilestoneStatus::Submitted(evidence);
		Applications::<T>::insert(application, record);
		Self::deposit_event(Event::MilestoneSubmitted {
			application,
			index,
			evidence,
			account: who,
		});
		Ok(())
	}

	/// Approves (`reason` `None`) or rejects a submitted milestone.
	pub(crate) fn do_decide_milestone(
		application: ApplicationId,
		index: u32,
		reason: Option<H256>,
		department: DepartmentId,
		who: T::AccountId,
	) -> DispatchResult {
		let (mut record, program) = Self::application_and_program(application)?;
		Self::ensure_committee(department, &program)?;
		ensure!(record.status == ApplicationStatus::Approved, Error::<T>::NotApproved);
		if reason.is_none() {
			Self::ensure_eligible(&record.applicant, &program)?;
		}
		let milestone =
			record.milestones.get_mut(index as usize).ok_or(Error::<T>::MilestoneNotFound)?;
		ensure!(
			matches!(milestone.status, MilestoneStatus::Submitted(_)),
			Error::<T>::MilestoneNotSubmitted
		);
		milestone.status = match reason {
			None => MilestoneStatus::Approved,
			Some(reason) => MilestoneStatus::Rejected(reason),
		};
		Applications::<T>::insert(application, record);
		let event = match reason {
			None => Event::MilestoneApproved { application, index, department, officer: who },
			Some(reason) => {
				Event::MilestoneRejected { application, index, reason, department, officer: who }
			},
		};
		Self::deposit_event(event);
		Ok(())
	}

	pub(crate) fn do_record_payout(
		application: ApplicationId,
		index: u32,
		reference: H256,
		department: DepartmentId,
		officer: T::AccountId,
	) -> DispatchResult {
		let (mut record, mut program) = Self::application_and_program(application)?;
		Self::ensure_treasury_of(&program, Some(department))?;
		ensure!(record.status == ApplicationStatus::Approved, Error::<T>::NotApproved);
		Self::ensure_eligible(&record.applicant, &program)?;
		let milestone =
			record.milestones.get_mut(index as usize).ok_or(Error::<T>::MilestoneNotFound)?;
		ensure!(!matches!(milestone.status, MilestoneStatus::Paid(_)), Error::<T>::AlreadyPaid);
		ensure!(milestone.status == MilestoneStatus::Approved, Error::<T>::MilestoneNotApproved);
		let amount = milestone.plan.amount;
		milestone.status = MilestoneStatus::Paid(reference);
		record.paid = record.paid.checked_add(amount).ok_or(Error::<T>::BudgetOverflow)?;
		program.disbursed = program
			.disbursed
			.checked_add(amount)
			.filter(|total| *total <= program.allocated)
			.ok_or(Error::<T>::BudgetExhausted)?;
		let completed =
			record.milestones.iter().all(|m| matches!(m.status, MilestoneStatus::Paid(_)));
		if completed {
			record.status = ApplicationStatus::Completed;
			Self::close_application(&record);
		}
		let program_id = record.program;
		Applications::<T>::insert(application, record);
		Programs::<T>::insert(program_id, program);
		Self::deposit_event(Event::MilestonePaid {
			application,
			index,
			amount,
			reference,
			department,
			officer,
		});
		if completed {
			Self::deposit_event(Event::ApplicationCompleted { application });
		}
		Ok(())
	}

	pub(crate) fn do_claw_back(
		application: ApplicationId,
		reason: H256,
		to_recover: Amount,
		department: DepartmentId,
		who: T::AccountId,
	) -> DispatchResult {
		let (mut record, mut program) = Self::application_and_program(application)?;
		Self::ensure_committee(department, &program)?;
		// A completed grant can still be clawed back (misuse found after the last payout); the
		// applicant may have applied to the program again since, so only an approved
		// application holds the open slot.
		let was_open = match record.status {
			ApplicationStatus::Approved => true,
			ApplicationStatus::Completed => false,
			_ => return Err(Error::<T>::NotApproved.into()),
		};
		ensure!(to_recover <= record.paid, Error::<T>::RecoverExceedsPaid);
		// What was allocated but not paid goes back to the program.
		let returned = record.requested.saturating_sub(record.paid);
		program.allocated = program.allocated.saturating_sub(returned);

		let credit_record = T::CreditRecorder::record(
			&record.applicant,
			department,
			CREDIT_SOURCE,
			CreditCategory::GrantCompliance,
			T::ClawbackScoreDelta::get(),
			reason,
		)?;
		for milestone in record.milestones.iter_mut() {
			if !matches!(milestone.status, MilestoneStatus::Paid(_)) {
				milestone.status = MilestoneStatus::Cancelled;
			}
		}
		record.status = ApplicationStatus::ClawedBack;
		record.to_recover = to_recover;
		if was_open {
			Self::close_application(&record);
		}
		let program_id = record.program;
		Applications::<T>::insert(application, record);
		Programs::<T>::insert(program_id, program);
		Self::deposit_event(Event::GrantClawedBack {
			application,
			returned,
			to_recover,
			reason,
			credit_record,
			department,
			officer: who,
		});
		Ok(())
	}

	/// Builds the genesis state.
	pub(crate) fn seed(genesis: &GenesisConfig<T>) -> DispatchResult {
		let now = Self::now();
		for p in &genesis.programs {
			let terms = ProgramTerms::<T> {
				name: p
					.name
					.as_bytes()
					.to_vec()
					.try_into()
					.map_err(|_| Error::<T>::MaxNameLengthExceeded)?,
				kind: p.kind,
				committee: p.committee,
				panel: p.panel.clone().try_into().map_err(|_| Error::<T>::MaxPanelExceeded)?,
				treasury: p.treasury,
				budget: p.budget,
				max_award: p.max_award,
				opens_at: now,
				closes_at: p.closes_at.into(),
				min_credit_standing: p.min_credit_standing,
				open_to_persons: p.open_to_persons,
				reviews_needed: p.reviews_needed,
			};
			Self::do_create_program(terms, Actor::Governance)?;
		}
		Ok(())
	}
}

/// Storage invariants, checked by `try_state` and after every unit test.
impl<T: Config> Pallet<T> {
	/// Every program's money adds up: `disbursed ≤ allocated ≤ budget`, `allocated` is what its
	/// approved, completed and clawed-back applications hold, `disbursed` what they were paid.
	/// Every application is indexed, its `paid` is its paid milestones, its vote counts are its
	/// votes, and exactly the pending and approved ones hold their applicant's open slot.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;

		let mut held: BTreeMap<ProgramId, (Amount, Amount)> = BTreeMap::new();
		let next_application = NextApplicationId::<T>::get();
		for (id, app) in Applications::<T>::iter() {
			ensure!(id < next_application, "application id not below NextApplicationId");
			ensure!(Programs::<T>::contains_key(app.program), "application of a missing program");
			ensure!(
				ApplicationsOf::<T>::contains_key(app.applicant, id),
				"not indexed by applicant"
			);
			ensure!(
				ApplicationsOfProgram::<T>::contains_key(app.program, id),
				"not indexed by program"
			);
			let paid = app
				.milestones
				.iter()
				.filter(|m| matches!(m.status, MilestoneStatus::Paid(_)))
				.fold(0, |sum: Amount, m| sum.saturating_add(m.plan.amount));
			ensure!(paid == app.paid, "paid out of step with the paid milestones");
			let planned =
				app.milestones.iter().fold(0, |sum: Amount, m| sum.saturating_add(m.plan.amount));
			ensure!(planned == app.requested, "milestones do not sum to the request");
			let votes = Votes::<T>::iter_prefix(id).count();
			ensure!(
				votes == app.approvals.saturating_add(app.rejections) as usize,
				"vote counts out of step with the votes"
			);
			let open =
				matches!(app.status, ApplicationStatus::Pending | ApplicationStatus::Approved);
			let slot = OpenApplications::<T>::get(app.program, app.applicant);
			ensure!(open == (slot == Some(id)), "open slot out of step with the status");
			let allocation = match app.status {
				ApplicationStatus::Approved | ApplicationStatus::Completed => app.requested,
				ApplicationStatus::ClawedBack => app.paid,
				_ => 0,
			};
			let entry = held.entry(app.program).or_default();
			*entry = (entry.0.saturating_add(allocation), entry.1.saturating_add(app.paid));
		}
		let next_program = NextProgramId::<T>::get();
		for (id, program) in Programs::<T>::iter() {
			ensure!(id < next_program, "program id not below NextProgramId");
			ensure!(program.allocated <= program.terms.budget, "allocated exceeds the budget");
			ensure!(program.disbursed <= program.allocated, "disbursed exceeds the allocation");
			let (allocated, disbursed) = held.get(&id).copied().unwrap_or_default();
			ensure!(program.allocated == allocated, "allocated out of step with applications");
			ensure!(program.disbursed == disbursed, "disbursed out of step with applications");
		}
		for (program, applicant, id) in OpenApplications::<T>::iter() {
			let app = Applications::<T>::get(id).ok_or("open slot of a missing application")?;
			ensure!((app.program, app.applicant) == (program, applicant), "open slot misfiled");
		}
		Ok(())
	}
}

/// Queries behind the `FundGrantsApi` runtime API.
impl<T: Config> Pallet<T> {
	/// The application `id`, with its milestones.
	pub fn application(id: ApplicationId) -> Option<Application<T>> {
		Applications::<T>::get(id)
	}

	/// Up to `limit` (at most [`crate::runtime_api::MAX_PAGE`]) of `subject`'s applications,
	/// after `start_after`.
	pub fn applications_of(
		subject: SubjectId,
		start_after: Option<ApplicationId>,
		limit: u32,
	) -> Vec<(ApplicationId, Application<T>)> {
		let ids = match start_after {
			Some(last) => ApplicationsOf::<T>::iter_key_prefix_from(
				subject,
				ApplicationsOf::<T>::hashed_key_for(subject, last),
			),
			None => ApplicationsOf::<T>::iter_key_prefix(subject),
		};
		Self::page(ids, limit)
	}

	/// Up to `limit` (at most [`crate::runtime_api::MAX_PAGE`]) of `program`'s applications,
	/// after `start_after`.
	pub fn applications_of_program(
		program: ProgramId,
		start_after: Option<ApplicationId>,
		limit: u32,
	) -> Vec<(ApplicationId, Application<T>)> {
		let ids = match start_after {
			Some(last) => ApplicationsOfProgram::<T>::iter_key_prefix_from(
				program,
				ApplicationsOfProgram::<T>::hashed_key_for(program, last),
			),
			None => ApplicationsOfProgram::<T>::iter_key_prefix(program),
		};
		Self::page(ids, limit)
	}

	/// The first `limit` (at most [`crate::runtime_api::MAX_PAGE`]) of `ids`, with their
	/// applications.
	fn page(
		ids: impl Iterator<Item = ApplicationId>,
		limit: u32,
	) -> Vec<(ApplicationId, Application<T>)> {
		ids.take(limit.min(crate::runtime_api::MAX_PAGE) as usize)
			.filter_map(|id| Applications::<T>::get(id).map(|a| (id, a)))
			.collect()
	}

	/// A program and what remains of its budget (budget less allocation).
	pub fn program_info(program: ProgramId) -> Option<(Program<T>, Amount)> {
		Programs::<T>::get(program).map(|p| {
			let remaining = p.terms.budget.saturating_sub(p.allocated);
			(p, remaining)
		})
	}
}
