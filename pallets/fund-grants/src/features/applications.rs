//! Applications: submitted and withdrawn by the applicant, reviewed by the program's panel.

use alloc::vec::Vec;

use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::pallet_prelude::*,
	sp_core::H256,
};

use crate::{
	pallet::*, Amount, Application, ApplicationId, ApplicationStatus, DepartmentId, Milestone,
	MilestonePlan, MilestoneStatus, Program, ProgramId, ProgramStatus, Vote,
};

use civitas_primitives::SubjectKind;

use civitas_primitives::IdentityProvider;

impl<T: Config> Pallet<T> {
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
	pub(super) fn own_application(
		who: &T::AccountId,
		application: ApplicationId,
	) -> Result<Application<T>, DispatchError> {
		let record = Applications::<T>::get(application).ok_or(Error::<T>::ApplicationNotFound)?;
		ensure!(T::Identity::subject_of(who) == Some(record.applicant), Error::<T>::NotApplicant);
		ensure!(T::Identity::is_active(&record.applicant), Error::<T>::ApplicantNotActive);
		Ok(record)
	}

	/// The application and its program.
	pub(super) fn application_and_program(
		application: ApplicationId,
	) -> Result<(Application<T>, Program<T>), DispatchError> {
		let record = Applications::<T>::get(application).ok_or(Error::<T>::ApplicationNotFound)?;
		let program = Programs::<T>::get(record.program).ok_or(Error::<T>::ProgramNotFound)?;
		Ok((record, program))
	}

	/// Ends `record`'s openness: another application to the program may follow.
	pub(super) fn close_application(record: &Application<T>) {
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
}
