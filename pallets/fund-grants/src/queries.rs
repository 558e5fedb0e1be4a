//! The queries behind the `FundGrantsApi` runtime API.

use alloc::vec::Vec;

use polkadot_sdk::frame_system::pallet_prelude::*;

use crate::{
	pallet::*,
	runtime_api::{ApplicationInfo, ProgramInfo, MAX_PAGE},
	Application, ApplicationId, Program, ProgramId, SubjectId,
};

impl<T: Config> Pallet<T> {
	/// The program `id`, with what remains of its budget.
	pub fn program_info(id: ProgramId) -> Option<ProgramInfo<T::AccountId, BlockNumberFor<T>>> {
		let Program { terms, allocated, disbursed, status, created_by } = Programs::<T>::get(id)?;
		Some(ProgramInfo {
			id,
			name: terms.name.into_inner(),
			kind: terms.kind,
			committee: terms.committee,
			panel: terms.panel.into_inner(),
			treasury: terms.treasury,
			budget: terms.budget,
			max_award: terms.max_award,
			opens_at: terms.opens_at,
			closes_at: terms.closes_at,
			min_credit_standing: terms.min_credit_standing,
			open_to_persons: terms.open_to_persons,
			reviews_needed: terms.reviews_needed,
			allocated,
			disbursed,
			unallocated: terms.budget.saturating_sub(allocated),
			status,
			created_by,
		})
	}

	/// The application `id`, with its milestones.
	pub fn application_info(id: ApplicationId) -> Option<ApplicationInfo<BlockNumberFor<T>>> {
		Applications::<T>::get(id).map(|a| Self::info(id, a))
	}

	fn info(id: ApplicationId, a: Application<T>) -> ApplicationInfo<BlockNumberFor<T>> {
		ApplicationInfo {
			id,
			program: a.program,
			applicant: a.applicant,
			requested: a.requested,
			proposal: a.proposal,
			milestones: a.milestones.into_inner(),
			status: a.status,
			approvals: a.approvals,
			rejections: a.rejections,
			applied_at: a.applied_at,
			paid: a.paid,
			to_recover: a.to_recover,
		}
	}

	/// Up to `limit` (at most [`MAX_PAGE`]) of `subject`'s applications, after `start_after`.
	pub fn applications_of(
		subject: SubjectId,
		start_after: Option<ApplicationId>,
		limit: u32,
	) -> Vec<ApplicationInfo<BlockNumberFor<T>>> {
		let ids = match start_after {
			Some(last) => ApplicationsOf::<T>::iter_key_prefix_from(
				subject,
				ApplicationsOf::<T>::hashed_key_for(subject, last),
			),
			None => ApplicationsOf::<T>::iter_key_prefix(subject),
		};
		Self::page(ids, limit)
	}

	/// Up to `limit` (at most [`MAX_PAGE`]) of `program`'s applications, after `start_after`.
	pub fn applications_of_program(
		program: ProgramId,
		start_after: Option<ApplicationId>,
		limit: u32,
	) -> Vec<ApplicationInfo<BlockNumberFor<T>>> {
		let ids = match start_after {
			Some(last) => ApplicationsOfProgram::<T>::iter_key_prefix_from(
				program,
				ApplicationsOfProgram::<T>::hashed_key_for(program, last),
			),
			None => ApplicationsOfProgram::<T>::iter_key_prefix(program),
		};
		Self::page(ids, limit)
	}

	/// The first `limit` (at most [`MAX_PAGE`]) of `ids`, with their applications.
	fn page(
		ids: impl Iterator<Item = ApplicationId>,
		limit: u32,
	) -> Vec<ApplicationInfo<BlockNumberFor<T>>> {
		ids.take(limit.min(MAX_PAGE) as usize)
			.filter_map(|id| Applications::<T>::get(id).map(|a| Self::info(id, a)))
			.collect()
	}
}
