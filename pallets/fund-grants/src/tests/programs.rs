use super::*;
use crate::{ProgramKind, ProgramStatus, ProgramTerms};
use civitas_primitives::{Actor, CreditStanding};

fn terms(committee: u32) -> ProgramTerms<Test> {
	ProgramTerms {
		name: b"Start-up rent 2027".to_vec().try_into().unwrap(),
		kind: ProgramKind::RentSubsidy,
		committee,
		budget: 2_000_000,
		max_award: 50_000,
		opens_at: 10,
		closes_at: 500,
		min_credit_standing: CreditStanding::Normal,
		open_to_persons: true,
		reviews_needed: 1,
	}
}

#[test]
fn the_finance_bureau_or_governance_creates_programs() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(FundGrants::create_program(signed(TREASURER), terms(SCIENCE)));
		assert_eq!(
			last_event(),
			Event::ProgramCreated { program: 1, budget: 2_000_000, by: Actor::Account(TREASURER) }
		);
		assert_ok!(FundGrants::create_program(RawOrigin::Root.into(), terms(OTHER_COMMITTEE)));
		assert_eq!(
			last_event(),
			Event::ProgramCreated { program: 2, budget: 2_000_000, by: Actor::Governance }
		);
		let program = Programs::<Test>::get(2).unwrap();
		assert_eq!(
			(program.allocated, program.disbursed, program.status),
			(0, 0, ProgramStatus::Open)
		);
		assert_noop!(
			FundGrants::create_program(signed(REVIEWER_1), terms(SCIENCE)),
			Error::<Test>::RoleNotHeld
		);
		assert_noop!(
			FundGrants::create_program(signed(OUTSIDER), terms(SCIENCE)),
			Error::<Test>::NotOfficer
		);
	});
}

#[test]
fn program_terms_are_checked() {
	ExtBuilder.build_and_execute(|| {
		let create = |t| FundGrants::create_program(signed(TREASURER), t);
		assert_noop!(
			create(ProgramTerms { name: Default::default(), ..terms(SCIENCE) }),
			Error::<Test>::NameEmpty
		);
		assert_noop!(create(terms(FINANCE)), Error::<Test>::NotACommittee);
		assert_noop!(
			create(ProgramTerms { budget: 0, ..terms(SCIENCE) }),
			Error::<Test>::AmountZero
		);
		assert_noop!(
			create(ProgramTerms { max_award: 0, ..terms(SCIENCE) }),
			Error::<Test>::AmountZero
		);
		assert_noop!(
			create(ProgramTerms { max_award: 3_000_000, ..terms(SCIENCE) }),
			Error::<Test>::MaxAwardExceedsBudget
		);
		assert_noop!(
			create(ProgramTerms { closes_at: 10, ..terms(SCIENCE) }),
			Error::<Test>::InvalidPeriod
		);
		assert_noop!(
			create(ProgramTerms { reviews_needed: 0, ..terms(SCIENCE) }),
			Error::<Test>::NoReviewsNeeded
		);
		// The science commission has three officers.
		assert_noop!(
			create(ProgramTerms { reviews_needed: 4, ..terms(SCIENCE) }),
			Error::<Test>::ReviewsExceedCommittee
		);
		assert_ok!(create(ProgramTerms { reviews_needed: 3, ..terms(SCIENCE) }));
	});
}

#[test]
fn top_up_adds_to_the_budget() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(FundGrants::top_up(signed(TREASURER), RESEARCH, 250_000));
		assert_eq!(
			last_event(),
			Event::BudgetToppedUp {
				program: RESEARCH,
				amount: 250_000,
				budget: 1_250_000,
				by: Actor::Account(TREASURER),
			}
		);
		assert_noop!(FundGrants::top_up(signed(TREASURER), RESEARCH, 0), Error::<Test>::AmountZero);
		assert_noop!(FundGrants::top_up(signed(TREASURER), 9, 1), Error::<Test>::ProgramNotFound);
		assert_noop!(
			FundGrants::top_up(signed(TREASURER), RESEARCH, u128::MAX),
			Error::<Test>::BudgetOverflow
		);
	});
}

#[test]
fn a_closed_program_takes_no_applications_but_approved_ones_continue() {
	ExtBuilder.build_and_execute(|| {
		let id = approved();
		assert_ok!(FundGrants::close_program(signed(TREASURER), RESEARCH));
		assert_eq!(
			last_event(),
			Event::ProgramClosed { program: RESEARCH, by: Actor::Account(TREASURER) }
		);
		assert_noop!(
			FundGrants::close_program(signed(TREASURER), RESEARCH),
			Error::<Test>::ProgramClosed
		);
		assert_noop!(
			FundGrants::apply(signed(RESEARCHER_ACCOUNT), RESEARCH, 1, H256::zero(), plan(&[1])),
			Error::<Test>::ProgramClosed
		);
		assert_ok!(FundGrants::submit_milestone(signed(LAB_ACCOUNT), id, 0, H256::zero()));
	});
}

#[test]
fn program_ids_never_wrap() {
	ExtBuilder.build_and_execute(|| {
		crate::NextProgramId::<Test>::put(u32::MAX);
		assert_noop!(
			FundGrants::create_program(signed(TREASURER), terms(SCIENCE)),
			Error::<Test>::IdsExhausted
		);
	});
}

#[test]
fn programs_close_and_top_up_only_by_the_treasury() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			FundGrants::top_up(signed(REVIEWER_1), RESEARCH, 1),
			Error::<Test>::RoleNotHeld
		);
		assert_noop!(
			FundGrants::close_program(signed(OUTSIDER), RESEARCH),
			Error::<Test>::NotOfficer
		);
		assert_noop!(
			FundGrants::close_program(signed(TREASURER), 9),
			Error::<Test>::ProgramNotFound
		);
		assert_ok!(FundGrants::close_program(RawOrigin::Root.into(), RESEARCH));
		assert_eq!(last_event(), Event::ProgramClosed { program: RESEARCH, by: Actor::Governance });
	});
}
