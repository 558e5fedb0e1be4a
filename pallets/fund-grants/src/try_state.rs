//! The fund's invariants, checked by `try_state` and after every unit test.

use polkadot_sdk::frame_support::ensure;

use crate::{pallet::*, Amount, ApplicationStatus, MilestoneStatus, ProgramId};

impl<T: Config> Pallet<T> {
	/// Every program's money adds up: `disbursed ≤ allocated ≤ budget`, `allocated` is what its
	/// approved, completed and clawed-back applications hold, `disbursed` what they were paid.
	/// Every application is indexed, its `paid` is its paid milestones, its vote counts are its
	/// votes, and exactly the pending and approved ones hold their applicant's open slot.
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
