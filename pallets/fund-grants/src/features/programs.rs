//! Programs: created by governance, their review panel, top-ups and closing by the treasury.

use polkadot_sdk::frame_support::{ensure, pallet_prelude::*};

use crate::{
	pallet::*, Actor, Amount, DepartmentId, Program, ProgramId, ProgramStatus, ProgramTerms,
};

use civitas_primitives::EnsureOfficer;

impl<T: Config> Pallet<T> {
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
}
