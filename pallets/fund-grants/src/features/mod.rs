//! The logic behind the calls, one file per feature (as in `pallet-real-estate`): each call is an
//! origin check plus one `do_*` function, which checks everything first and writes last, so a
//! failing call changes nothing, and emits the call's events. This file holds what the features
//! share and the genesis build.

mod applications;
mod milestones;
mod programs;

use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::{self, pallet_prelude::*},
};

use crate::{pallet::*, Actor, CreditProfile, DepartmentId, Program, ProgramTerms, SubjectId};

use civitas_primitives::all_distinct;

use civitas_primitives::{EnsureOfficer, IdentityProvider, RoleAuthority};

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
