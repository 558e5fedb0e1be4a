//! Milestones of an approved grant: submission, the committee's decision, the treasury's payout,
//! and clawback.

use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	sp_core::H256,
};

use crate::{
	pallet::*, Amount, ApplicationId, ApplicationStatus, CreditRecorder, DepartmentId,
	MilestoneStatus, CREDIT_SOURCE,
};

use civitas_primitives::CreditCategory;

impl<T: Config> Pallet<T> {
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
}
