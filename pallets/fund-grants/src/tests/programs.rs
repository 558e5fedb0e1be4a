use super::*;
use crate::{ProgramKind, ProgramStatus, ProgramTerms};
use civitas_primitives::{Actor, CreditStanding};
use polkadot_sdk::sp_runtime::DispatchError;

fn terms(committee: u32, panel: Vec<u64>) -> ProgramTerms<Test> {
	ProgramTerms {
		name: b"Start-up rent 2027".to_vec().try_into().unwrap(),
		kind: ProgramKind::RentSubsidy,
		committee,
		panel: panel.try_into().unwrap(),
		treasury: FINANCE,
		budget: 2_000_000,
		max_award: 50_000,
		opens_at: 10,
		closes_at: 500,
		min_credit_standing: CreditStanding::Normal,
		open_to_persons: true,
		reviews_needed: 1,
	}
}

fn science() -> ProgramTerms<Test> {
	terms(SCIENCE, vec![REVIEWER_1, REVIEWER_2])
}

fn root() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

#[test]
fn governance_creates_programs() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(FundGrants::create_program(
			root(),
			terms(OTHER_COMMITTEE, vec![OTHER_REVIEWER])
		));
		assert_eq!(
			last_event(),
			Event::ProgramCreated { program: 1, budget: 2_000_000, by: Actor::Governance }
		);
		let program = Programs::<Test>::get(1).unwrap();
		assert_eq!(
			(program.allocated, program.disbursed, program.status),
			(0, 0, ProgramStatus::Open)
		);
		assert_eq!(program.terms.panel.into_inner(), vec![OTHER_REVIEWER]);
	});
}

#[test]
fn a_treasurer_cannot_create_a_program() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			FundGrants::create_program(signed(TREASURER), science()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			FundGrants::create_program(signed(OUTSIDER), science()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn program_terms_are_checked() {
	ExtBuilder.build_and_execute(|| {
		let create = |t| FundGrants::create_program(root(), t);
		assert_noop!(
			create(ProgramTerms { name: Default::default(), ..science() }),
			Error::<Test>::NameEmpty
		);
		assert_noop!(create(terms(FINANCE, vec![TREASURER])), Error::<Test>::NotACommittee);
		assert_noop!(create(ProgramTerms { budget: 0, ..science() }), Error::<Test>::AmountZero);
		assert_noop!(create(ProgramTerms { max_award: 0, ..science() }), Error::<Test>::AmountZero);
		assert_noop!(
			create(ProgramTerms { max_award: 3_000_000, ..science() }),
			Error::<Test>::MaxAwardExceedsBudget
		);
		assert_noop!(
			create(ProgramTerms { closes_at: 10, ..science() }),
			Error::<Test>::InvalidPeriod
		);
		assert_noop!(
			create(ProgramTerms { treasury: SCIENCE, ..science() }),
			Error::<Test>::NotATreasury
		);
		assert_noop!(
			create(ProgramTerms { reviews_needed: 0, ..science() }),
			Error::<Test>::ReviewsNeededZero
		);
		// Two reviewers on the panel.
		assert_noop!(
			create(ProgramTerms { reviews_needed: 3, ..science() }),
			Error::<Test>::ReviewsExceedPanel
		);
		assert_noop!(
			create(terms(SCIENCE, vec![REVIEWER_1, OTHER_REVIEWER])),
			Error::<Test>::PanelMemberNotOnCommittee
		);
		assert_noop!(
			create(terms(SCIENCE, vec![REVIEWER_1, REVIEWER_1])),
			Error::<Test>::DuplicatePanelMember
		);
		assert_ok!(create(ProgramTerms { reviews_needed: 2, ..science() }));
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
			Error::<Test>::ProgramAlreadyClosed
		);
		assert_noop!(
			FundGrants::apply(signed(RESEARCHER_ACCOUNT), RESEARCH, 1, H256::zero(), plan(&[1])),
			Error::<Test>::ProgramAlreadyClosed
		);
		assert_ok!(FundGrants::submit_milestone(signed(LAB_ACCOUNT), id, 0, H256::zero()));
	});
}

#[test]
fn program_ids_never_wrap() {
	ExtBuilder.build_and_execute(|| {
		crate::NextProgramId::<Test>::put(u32::MAX);
		assert_noop!(FundGrants::create_program(root(), science()), Error::<Test>::IdsExhausted);
	});
}

#[test]
fn programs_close_and_top_up_only_by_their_own_treasury() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(FundGrants::top_up(signed(REVIEWER_1), RESEARCH, 1), ROLE_NOT_HELD);
		assert_noop!(FundGrants::close_program(signed(OUTSIDER), RESEARCH), NOT_OFFICER);
		// A treasurer of another department holds the role, but the program is not its own.
		assert_noop!(
			FundGrants::top_up(signed(OTHER_TREASURER), RESEARCH, 1),
			Error::<Test>::NotProgramTreasury
		);
		assert_noop!(
			FundGrants::close_program(signed(OTHER_TREASURER), RESEARCH),
			Error::<Test>::NotProgramTreasury
		);
		assert_noop!(
			FundGrants::close_program(signed(TREASURER), 9),
			Error::<Test>::ProgramNotFound
		);
		assert_ok!(FundGrants::close_program(root(), RESEARCH));
		assert_eq!(last_event(), Event::ProgramClosed { program: RESEARCH, by: Actor::Governance });
	});
}

#[test]
fn governance_replaces_the_panel() {
	ExtBuilder.build_and_execute(|| {
		let panel = || vec![REVIEWER_2, NEW_OFFICER].try_into().unwrap();
		assert_noop!(
			FundGrants::set_panel(signed(TREASURER), RESEARCH, panel()),
			DispatchError::BadOrigin
		);
		assert_noop!(FundGrants::set_panel(root(), 9, panel()), Error::<Test>::ProgramNotFound);
		// Two approvals are needed: a panel of one cannot give them.
		assert_noop!(
			FundGrants::set_panel(root(), RESEARCH, vec![REVIEWER_2].try_into().unwrap()),
			Error::<Test>::ReviewsExceedPanel
		);
		assert_ok!(FundGrants::set_panel(root(), RESEARCH, panel()));
		assert_eq!(last_event(), Event::PanelSet { program: RESEARCH, panel: panel() });
		assert_eq!(
			Programs::<Test>::get(RESEARCH).unwrap().terms.panel.into_inner(),
			vec![REVIEWER_2, NEW_OFFICER]
		);
	});
}
