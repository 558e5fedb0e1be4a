//! Who may claim reimbursement of which bill, and how payers authorise organisations.

use super::*;
use crate::{ClaimAuthorisations, Claimant, ClaimantCount, Reimbursers};
use civitas_primitives::{BillKind, Role, SubjectKind};
use polkadot_sdk::sp_runtime::DispatchError;

fn root() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

fn claim(who: u64, id: BillId, amount: u128) -> polkadot_sdk::sp_runtime::DispatchResult {
	EBills::claim_reimbursement(signed(who), id, amount, H256::zero())
}

#[test]
fn an_unrelated_enterprise_cannot_claim_a_persons_bill_but_the_authorised_employer_can() {
	ExtBuilder.build_and_execute(|| {
		let id = paid("E-1", 100);
		assert_noop!(claim(STRANGER_ACCOUNT, id, 100), Error::<Test>::NotEntitled);
		assert_ok!(claim(EMPLOYER_ACCOUNT, id, 100));
		assert_eq!(status(id), BillStatus::Reimbursed);
	});
}

#[test]
fn a_person_cannot_claim_its_own_bill() {
	ExtBuilder.build_and_execute(|| {
		let id = paid("E-1", 100);
		assert_noop!(claim(PERSON_ACCOUNT, id, 100), Error::<Test>::NotClaimant);
	});
}

#[test]
fn an_enterprise_payer_claims_its_own_bill() {
	ExtBuilder.build_and_execute(|| {
		let mut bill = new_bill("E-1", 100);
		bill.payer = Some(stranger());
		assert_ok!(EBills::issue(signed(POWER_OFFICER), bill));
		let id = EBills::bill_id(&Issuer::Department(POWER), b"E-1");
		assert_ok!(EBills::mark_paid(signed(POWER_OFFICER), id, H256::zero()));
		assert_noop!(claim(EMPLOYER_ACCOUNT, id, 100), Error::<Test>::NotEntitled);
		assert_ok!(claim(STRANGER_ACCOUNT, id, 100));
	});
}

#[test]
fn a_reimburser_claims_only_the_kinds_assigned_to_it() {
	ExtBuilder.build_and_execute(|| {
		let electricity = paid("E-1", 100);
		let mut medical = new_bill("M-1", 100);
		medical.kind = BillKind::Medical;
		assert_ok!(EBills::issue(signed(POWER_OFFICER), medical));
		let medical = EBills::bill_id(&Issuer::Department(POWER), b"M-1");
		assert_ok!(EBills::mark_paid(signed(POWER_OFFICER), medical, H256::zero()));

		// The insurance fund reimburses electricity, not medical bills; the employing department
		// reimburses neither and holds no authorisation.
		assert_noop!(claim(INSURER_OFFICER, medical, 1), Error::<Test>::NotEntitled);
		assert_noop!(claim(EMPLOYING_OFFICER, electricity, 1), Error::<Test>::NotEntitled);
		assert_ok!(claim(INSURER_OFFICER, electricity, 1));

		assert_ok!(EBills::set_reimbursers(
			root(),
			BillKind::Medical,
			vec![EMPLOYING_DEPARTMENT, INSURER].try_into().unwrap()
		));
		assert_eq!(
			last_event(),
			Event::ReimbursersSet {
				kind: BillKind::Medical,
				departments: vec![EMPLOYING_DEPARTMENT, INSURER].try_into().unwrap()
			}
		);
		assert_ok!(claim(INSURER_OFFICER, medical, 1));
		assert_ok!(claim(EMPLOYING_OFFICER, medical, 1));

		// An empty list leaves the kind without reimburser.
		assert_ok!(EBills::set_reimbursers(root(), BillKind::Medical, Default::default()));
		assert!(!Reimbursers::<Test>::contains_key(BillKind::Medical));
		assert_noop!(claim(INSURER_OFFICER, medical, 1), Error::<Test>::NotEntitled);
	});
}

#[test]
fn a_department_claims_only_while_it_holds_the_reimburser_role_and_is_active() {
	ExtBuilder.build_and_execute(|| {
		let id = paid("E-1", 100);
		// Any officer could claim before; now an officer without the role is told why.
		assert_noop!(claim(POWER_OFFICER, id, 1), ROLE_NOT_HELD);
		MockRoles::suspend(INSURER);
		assert_noop!(claim(INSURER_OFFICER, id, 1), DEPARTMENT_NOT_ACTIVE);
		assert_noop!(claim(OUTSIDER, id, 1), Error::<Test>::NotClaimant);
	});
}

#[test]
fn a_payer_authorises_a_department_which_then_claims() {
	ExtBuilder.build_and_execute(|| {
		let id = paid("E-1", 100);
		assert_noop!(claim(EMPLOYING_OFFICER, id, 10), Error::<Test>::NotEntitled);
		assert_ok!(EBills::authorise_claimant(
			signed(PERSON_ACCOUNT),
			Claimant::Department(EMPLOYING_DEPARTMENT)
		));
		assert_eq!(
			last_event(),
			Event::ClaimantAuthorised {
				payer: person(),
				claimant: Claimant::Department(EMPLOYING_DEPARTMENT),
				by: PERSON_ACCOUNT,
				registrar: None,
				evidence: None,
			}
		);
		assert_ok!(claim(EMPLOYING_OFFICER, id, 10));
	});
}

#[test]
fn an_inactive_enterprise_cannot_claim() {
	ExtBuilder.build_and_execute(|| {
		let id = paid("E-1", 100);
		MockIdentity::set_active(employer(), false);
		assert_noop!(claim(EMPLOYER_ACCOUNT, id, 1), Error::<Test>::ClaimantNotActive);
	});
}

#[test]
fn a_revoked_authorisation_stops_later_claims() {
	ExtBuilder.build_and_execute(|| {
		let id = paid("E-1", 100);
		assert_ok!(claim(EMPLOYER_ACCOUNT, id, 40));
		assert_ok!(EBills::revoke_claimant(
			signed(PERSON_ACCOUNT),
			person(),
			Claimant::Enterprise(employer())
		));
		assert_eq!(
			last_event(),
			Event::ClaimantRevoked {
				payer: person(),
				claimant: Claimant::Enterprise(employer()),
				by: PERSON_ACCOUNT,
				registrar: None,
			}
		);
		assert_eq!(ClaimantCount::<Test>::get(person()), 0);
		assert_noop!(claim(EMPLOYER_ACCOUNT, id, 10), Error::<Test>::NotEntitled);
		assert_noop!(
			EBills::revoke_claimant(
				signed(PERSON_ACCOUNT),
				person(),
				Claimant::Enterprise(employer())
			),
			Error::<Test>::AuthorisationNotFound
		);
	});
}

#[test]
fn the_registrar_records_and_withdraws_an_authorisation_for_a_payer_without_keys() {
	ExtBuilder.build_and_execute(|| {
		let claimant = Claimant::Enterprise(stranger());
		assert_ok!(EBills::record_claimant_authorisation(
			signed(REGISTRAR_OFFICER),
			person(),
			claimant,
			H256::repeat_byte(9)
		));
		assert_eq!(
			last_event(),
			Event::ClaimantAuthorised {
				payer: person(),
				claimant,
				by: REGISTRAR_OFFICER,
				registrar: Some(REGISTRAR),
				evidence: Some(H256::repeat_byte(9)),
			}
		);
		let id = paid("E-1", 100);
		assert_ok!(claim(STRANGER_ACCOUNT, id, 1));
		assert_ok!(EBills::revoke_claimant(signed(REGISTRAR_OFFICER), person(), claimant));
		assert!(!ClaimAuthorisations::<Test>::contains_key(person(), claimant));
	});
}

#[test]
fn only_the_payers_registrar_records_for_it() {
	ExtBuilder.build_and_execute(|| {
		let claimant = Claimant::Enterprise(stranger());
		// Another registrar.
		MockRoles::add_officer(41, 5);
		MockRoles::grant(5, Role::IdentityRegistrar);
		assert_noop!(
			EBills::record_claimant_authorisation(signed(41), person(), claimant, H256::zero()),
			Error::<Test>::NotPayerRegistrar
		);
		assert_noop!(
			EBills::record_claimant_authorisation(
				signed(TAX_OFFICER),
				person(),
				claimant,
				H256::zero()
			),
			ROLE_NOT_HELD
		);
		assert_noop!(
			EBills::record_claimant_authorisation(
				signed(OUTSIDER),
				person(),
				claimant,
				H256::zero()
			),
			NOT_OFFICER
		);
		let employer = Claimant::Enterprise(employer());
		assert_noop!(
			EBills::revoke_claimant(signed(41), person(), employer),
			Error::<Test>::NotPayerRegistrar
		);
		assert_noop!(
			EBills::revoke_claimant(signed(OUTSIDER), person(), employer),
			Error::<Test>::NotPayer
		);
		assert_noop!(
			EBills::revoke_claimant(signed(STRANGER_ACCOUNT), person(), employer),
			Error::<Test>::NotPayer
		);
	});
}

#[test]
fn authorise_claimant_errors() {
	ExtBuilder.build_and_execute(|| {
		let employer = Claimant::Enterprise(employer());
		assert_noop!(
			EBills::authorise_claimant(signed(OUTSIDER), employer),
			Error::<Test>::NotPayer
		);
		assert_noop!(
			EBills::authorise_claimant(signed(PERSON_ACCOUNT), employer),
			Error::<Test>::AlreadyAuthorised
		);
		assert_noop!(
			EBills::authorise_claimant(signed(STRANGER_ACCOUNT), Claimant::Enterprise(stranger())),
			Error::<Test>::ClaimantIsPayer
		);
		assert_noop!(
			EBills::authorise_claimant(signed(PERSON_ACCOUNT), Claimant::Department(77)),
			Error::<Test>::ClaimantNotFound
		);
		assert_noop!(
			EBills::authorise_claimant(
				signed(PERSON_ACCOUNT),
				Claimant::Enterprise(H256::repeat_byte(0x77))
			),
			Error::<Test>::ClaimantNotFound
		);
		// A person is no claimant organisation.
		MockIdentity::set_subject(H256::repeat_byte(0xa2), SubjectKind::Person, true);
		assert_noop!(
			EBills::authorise_claimant(
				signed(PERSON_ACCOUNT),
				Claimant::Enterprise(H256::repeat_byte(0xa2))
			),
			Error::<Test>::ClaimantNotFound
		);
		MockIdentity::set_active(person(), false);
		assert_noop!(
			EBills::authorise_claimant(signed(PERSON_ACCOUNT), Claimant::Enterprise(stranger())),
			Error::<Test>::PayerNotActive
		);
	});
}

#[test]
fn a_payer_authorises_at_most_max_claimants() {
	ExtBuilder.build_and_execute(|| {
		// The employer is the first; two more fill the bound.
		assert_ok!(EBills::authorise_claimant(
			signed(PERSON_ACCOUNT),
			Claimant::Enterprise(shop())
		));
		assert_ok!(EBills::authorise_claimant(
			signed(PERSON_ACCOUNT),
			Claimant::Enterprise(stranger())
		));
		assert_eq!(ClaimantCount::<Test>::get(person()), MAX_CLAIMANTS);
		assert_noop!(
			EBills::authorise_claimant(signed(PERSON_ACCOUNT), Claimant::Department(INSURER)),
			Error::<Test>::MaxClaimantsExceeded
		);
		// Withdrawing one frees its slot.
		assert_ok!(EBills::revoke_claimant(
			signed(PERSON_ACCOUNT),
			person(),
			Claimant::Enterprise(shop())
		));
		assert_ok!(EBills::authorise_claimant(
			signed(PERSON_ACCOUNT),
			Claimant::Department(INSURER)
		));
	});
}

#[test]
fn set_reimbursers_needs_governance_and_distinct_departments() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			EBills::set_reimbursers(signed(INSURER_OFFICER), BillKind::Medical, Default::default()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			EBills::set_reimbursers(root(), BillKind::Medical, vec![2, 4, 2].try_into().unwrap()),
			Error::<Test>::DuplicateReimburser
		);
	});
}
