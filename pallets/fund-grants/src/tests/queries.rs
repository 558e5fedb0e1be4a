use super::*;
use crate::{runtime_api::ProgramInfo, ProgramKind, ProgramStatus};
use civitas_primitives::{Actor, CreditStanding};

/// The runtime API's program: the terms as seeded, where the money stands, and what remains to
/// allocate.
#[test]
fn program_info_reports_terms_and_money() {
	ExtBuilder.build_and_execute(|| {
		let id = first_milestone_approved();
		assert_ok!(FundGrants::record_payout(signed(TREASURER), id, 0, H256::repeat_byte(0xbb)));
		assert_eq!(
			FundGrants::program_info(RESEARCH),
			Some(ProgramInfo {
				id: RESEARCH,
				name: b"Key research 2026".to_vec(),
				kind: ProgramKind::Research,
				committee: SCIENCE,
				panel: vec![REVIEWER_1, REVIEWER_2, REVIEWER_3],
				treasury: FINANCE,
				budget: 1_000_000,
				max_award: 600_000,
				opens_at: 0,
				closes_at: 1_000,
				min_credit_standing: CreditStanding::Watch,
				open_to_persons: false,
				reviews_needed: 2,
				allocated: 500_000,
				disbursed: 300_000,
				unallocated: 500_000,
				status: ProgramStatus::Open,
				created_by: Actor::Governance,
			})
		);
		assert_eq!(FundGrants::program_info(RESEARCH + 1), None);
	});
}

/// The runtime API's application carries its id, its milestones and what was paid.
#[test]
fn application_info_reports_milestones_and_payments() {
	ExtBuilder.build_and_execute(|| {
		let id = first_milestone_approved();
		assert_ok!(FundGrants::record_payout(signed(TREASURER), id, 0, H256::repeat_byte(0xbb)));
		let info = FundGrants::application_info(id).unwrap();
		assert_eq!((info.id, info.program, info.applicant), (id, RESEARCH, lab()));
		assert_eq!((info.requested, info.paid, info.to_recover), (500_000, 300_000, 0));
		assert_eq!(
			(info.status, info.approvals, info.rejections),
			(ApplicationStatus::Approved, 2, 0)
		);
		assert_eq!(
			info.milestones.iter().map(|m| (m.plan.amount, m.status)).collect::<Vec<_>>(),
			vec![
				(300_000, MilestoneStatus::Paid(H256::repeat_byte(0xbb))),
				(200_000, MilestoneStatus::Pending)
			]
		);
		assert_eq!(FundGrants::applications_of(lab(), None, 10), vec![info]);
		assert_eq!(FundGrants::application_info(id + 1), None);
	});
}
