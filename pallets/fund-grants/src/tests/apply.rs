use super::*;
use crate::{runtime_api::ApplicationInfo, ApplicationsOf, OpenApplications};
use civitas_primitives::{testing::MockCredit, CreditStanding};

#[test]
fn an_enterprise_applies_with_milestones() {
	ExtBuilder.build_and_execute(|| {
		let id = lab_applies();
		assert_eq!(
			last_event(),
			Event::ApplicationSubmitted {
				application: id,
				program: RESEARCH,
				applicant: lab(),
				requested: 500_000,
				account: LAB_ACCOUNT,
			}
		);
		let app = application(id);
		assert_eq!(
			(app.status, app.requested, app.milestones.len()),
			(ApplicationStatus::Pending, 500_000, 2)
		);
		assert_eq!(OpenApplications::<Test>::get(RESEARCH, lab()), Some(id));
		assert!(ApplicationsOf::<Test>::contains_key(lab(), id));
		assert_eq!(FundGrants::applications_of(lab(), None, 10).len(), 1);
		assert_eq!(FundGrants::applications_of_program(RESEARCH, None, 10)[0].id, id);
		// Nothing is allocated before approval.
		assert_eq!(research_money(), (1_000_000, 0, 0));
	});
}

#[test]
fn one_open_application_per_applicant_and_program() {
	ExtBuilder.build_and_execute(|| {
		let id = lab_applies();
		assert_noop!(
			FundGrants::apply(signed(LAB_ACCOUNT), RESEARCH, 1, H256::zero(), plan(&[1])),
			Error::<Test>::ApplicationAlreadyOpen
		);
		assert_ok!(FundGrants::withdraw(signed(LAB_ACCOUNT), id));
		assert_eq!(
			last_event(),
			Event::ApplicationWithdrawn { application: id, account: LAB_ACCOUNT }
		);
		assert_eq!(application(id).status, ApplicationStatus::Withdrawn);
		assert_ok!(FundGrants::apply(signed(LAB_ACCOUNT), RESEARCH, 1, H256::zero(), plan(&[1])));
	});
}

#[test]
fn the_applicant_must_be_eligible() {
	ExtBuilder.build_and_execute(|| {
		let apply = |who| FundGrants::apply(signed(who), RESEARCH, 1, H256::zero(), plan(&[1]));
		assert_noop!(apply(OUTSIDER), Error::<Test>::NotLinkedToSubject);
		assert_noop!(apply(RESEARCHER_ACCOUNT), Error::<Test>::PersonsNotEligible);
		MockCredit::set_standing(lab(), CreditStanding::Restricted);
		assert_noop!(apply(LAB_ACCOUNT), Error::<Test>::CreditBelowMinimum);
		MockCredit::set_standing(lab(), CreditStanding::Watch);
		civitas_primitives::testing::MockIdentity::set_subject(
			lab(),
			civitas_primitives::SubjectKind::Enterprise,
			false,
		);
		assert_noop!(apply(LAB_ACCOUNT), Error::<Test>::ApplicantNotActive);
	});
}

#[test]
fn the_program_must_be_open_now() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			FundGrants::apply(signed(LAB_ACCOUNT), 7, 1, H256::zero(), plan(&[1])),
			Error::<Test>::ProgramNotFound
		);
		System::set_block_number(1_001);
		assert_noop!(
			FundGrants::apply(
				signed(LAB_ACCOUNT),
				RESEARCH,
				1,
				H256::zero(),
				bounded(vec![MilestonePlan { amount: 1, due: 2_000, description: H256::zero() }])
			),
			Error::<Test>::ProgramNotOpen
		);
	});
}

#[test]
fn the_request_and_its_milestones_are_checked() {
	ExtBuilder.build_and_execute(|| {
		let apply = |requested, milestones| {
			FundGrants::apply(signed(LAB_ACCOUNT), RESEARCH, requested, H256::zero(), milestones)
		};
		assert_noop!(apply(0, plan(&[1])), Error::<Test>::AmountZero);
		assert_noop!(apply(600_001, plan(&[600_001])), Error::<Test>::MaxAwardExceeded);
		assert_noop!(apply(10, plan(&[])), Error::<Test>::MilestonesEmpty);
		// More than `MaxMilestones` milestones do not decode (call index 3).
		let args = |amounts: &[u128]| (RESEARCH, 4u128, H256::zero(), plans(amounts));
		assert!(!call_decodes::<crate::Call<Test>>(3, args(&[1, 1, 1, 1])));
		assert!(call_decodes::<crate::Call<Test>>(3, args(&[1, 1, 2])));
		assert_noop!(apply(10, plan(&[4, 5])), Error::<Test>::MilestonesMismatch);
		assert_noop!(apply(10, plan(&[10, 0])), Error::<Test>::AmountZero);
		let late = vec![MilestonePlan { amount: 10, due: 1, description: H256::zero() }];
		assert_noop!(apply(10, bounded(late)), Error::<Test>::MilestoneDueInPast);
		let mut backwards = plans(&[4, 6]);
		backwards.reverse();
		assert_noop!(apply(10, bounded(backwards)), Error::<Test>::MilestonesNotInOrder);
		let same_day = |amount| MilestonePlan { amount, due: 100, description: H256::zero() };
		assert_ok!(apply(10, bounded(vec![same_day(4), same_day(6)])));
	});
}

#[test]
fn only_the_applicant_withdraws_and_only_while_pending() {
	ExtBuilder.build_and_execute(|| {
		let id = lab_applies();
		assert_noop!(
			FundGrants::withdraw(signed(RESEARCHER_ACCOUNT), id),
			Error::<Test>::NotApplicant
		);
		assert_noop!(
			FundGrants::withdraw(signed(LAB_ACCOUNT), 9),
			Error::<Test>::ApplicationNotFound
		);
		assert_ok!(FundGrants::review(signed(REVIEWER_1), id, true, H256::zero()));
		assert_ok!(FundGrants::review(signed(REVIEWER_2), id, true, H256::zero()));
		assert_noop!(FundGrants::withdraw(signed(LAB_ACCOUNT), id), Error::<Test>::NotPending);
	});
}

#[test]
fn application_ids_never_wrap() {
	ExtBuilder.build_and_execute(|| {
		crate::NextApplicationId::<Test>::put(u64::MAX);
		assert_noop!(
			FundGrants::apply(signed(LAB_ACCOUNT), RESEARCH, 1, H256::zero(), plan(&[1])),
			Error::<Test>::IdsExhausted
		);
	});
}

#[test]
fn people_apply_where_the_program_allows() {
	ExtBuilder.build_and_execute(|| {
		let terms = crate::ProgramTerms::<Test> {
			open_to_persons: true,
			..Programs::<Test>::get(RESEARCH).unwrap().terms
		};
		assert_ok!(FundGrants::create_program(RawOrigin::Root.into(), terms));
		assert_ok!(FundGrants::apply(signed(RESEARCHER_ACCOUNT), 1, 1, H256::zero(), plan(&[1])));
		assert_eq!(application(0).applicant, researcher());
		assert_eq!(FundGrants::applications_of_program(1, None, 10).len(), 1);
		assert!(FundGrants::applications_of_program(RESEARCH, None, 10).is_empty());
	});
}

/// Pages follow the index (hashed ids, not filing order): walking them from `None`, passing the
/// last id of each page, visits every application exactly once.
#[test]
fn applications_are_paged() {
	ExtBuilder.build_and_execute(|| {
		for _ in 0..5 {
			let id = lab_applies();
			assert_ok!(FundGrants::withdraw(signed(LAB_ACCOUNT), id));
		}
		type Page = Vec<ApplicationInfo<u64>>;
		let walk = |page: &dyn Fn(Option<ApplicationId>) -> Page| {
			let (mut seen, mut after) = (Vec::new(), None);
			loop {
				let ids: Vec<_> = page(after).into_iter().map(|a| a.id).collect();
				assert!(ids.len() <= 2);
				let Some(last) = ids.last().copied() else { break };
				seen.extend(ids);
				after = Some(last);
			}
			seen
		};
		for seen in [
			walk(&|after| FundGrants::applications_of(lab(), after, 2)),
			walk(&|after| FundGrants::applications_of_program(RESEARCH, after, 2)),
		] {
			let mut sorted = seen.clone();
			sorted.sort();
			assert_eq!(sorted, vec![0, 1, 2, 3, 4]);
		}
		assert!(FundGrants::applications_of(researcher(), None, 2).is_empty());
	});
}
