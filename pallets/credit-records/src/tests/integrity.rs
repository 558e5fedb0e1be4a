//! A subject's record index cannot be flooded, one decision document is one record, and records
//! written by other pallets (a clawback) are out of their department's reach.

use super::*;
use crate::{EvidenceOf, RecordSource, SubjectRecords};
use civitas_primitives::{testing::MockIdentity, CreditRecorder};

const LONG: u64 = 1_000;

/// Fills `subject`'s index (three records in the mock) with records still published.
fn fill(subject: SubjectId) -> Vec<RecordId> {
	(0..3).map(|_| recorded(subject, -10, LONG)).collect()
}

#[test]
fn a_revoked_record_frees_its_slot() {
	ExtBuilder::default().build_and_execute(|| {
		let ids = fill(enterprise());
		// The index holds three records still published: no room.
		assert_noop!(record_tax(enterprise(), -10, LONG), Error::<Test>::MaxRecordsExceeded);
		assert_ok!(CreditRecords::revoke(signed(TAX_OFFICER), ids[1], 3));
		let id = recorded(enterprise(), -10, LONG);
		let index: Vec<_> =
			SubjectRecords::<Test>::get(enterprise()).iter().map(|(i, _)| *i).collect();
		assert_eq!(index, vec![ids[0], ids[2], id]);
		assert!(!Records::<Test>::contains_key(ids[1]), "the revoked record was pruned");
	});
}

#[test]
fn a_rectified_record_frees_its_slot() {
	ExtBuilder::default().build_and_execute(|| {
		let ids = fill(enterprise());
		assert_ok!(CreditRecords::object(signed(ENTERPRISE_ACCOUNT), ids[0], evidence(2)));
		assert_ok!(CreditRecords::rectify(signed(AUDITOR), ids[0], 4));
		assert_eq!(status(ids[0]), RecordStatus::Rectified);
		// Still readable until a new record needs the room.
		assert_eq!(CreditRecords::records_of(enterprise()).len(), 3);
		recorded(enterprise(), -10, LONG);
		assert!(!Records::<Test>::contains_key(ids[0]));
		assert_eq!(score(enterprise()), 1000 - 30);
	});
}

#[test]
fn the_same_evidence_cannot_be_recorded_twice_for_a_subject() {
	ExtBuilder::default().build_and_execute(|| {
		let record = |who, subject| {
			CreditRecords::record(signed(who), subject, CreditCategory::Tax, -5, evidence(7), LONG)
		};
		assert_ok!(record(TAX_OFFICER, enterprise()));
		assert_eq!(EvidenceOf::<Test>::get(enterprise(), evidence(7)), Some(0));
		assert_noop!(record(TAX_OFFICER, enterprise()), Error::<Test>::EvidenceAlreadyExists);
		assert_noop!(record(COURT_OFFICER, enterprise()), Error::<Test>::EvidenceAlreadyExists);
		// Another subject's record may cite the same document (a joint decision).
		assert_ok!(record(TAX_OFFICER, person()));
	});
}

#[test]
fn evidence_is_free_again_once_its_record_is_pruned() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CreditRecords::record(
			signed(TAX_OFFICER),
			enterprise(),
			CreditCategory::Tax,
			-5,
			evidence(7),
			2
		));
		recorded(enterprise(), -1, LONG);
		recorded(enterprise(), -1, LONG);
		// The index is full; the first record's period ended at block 3, so the next record
		// prunes it, and its evidence with it.
		System::set_block_number(3);
		recorded(enterprise(), -1, LONG);
		assert!(!Records::<Test>::contains_key(0));
		assert!(!EvidenceOf::<Test>::contains_key(enterprise(), evidence(7)));
	});
}

#[test]
fn another_pallets_record_reaches_an_inactive_subject_and_cannot_be_revoked() {
	ExtBuilder::default().build_and_execute(|| {
		// A department records only about active subjects.
		assert_noop!(record_tax(dissolved(), -10, LONG), Error::<Test>::SubjectNotActive);
		// A clawback through `CreditRecorder` reaches the dissolved grantee.
		let id = <CreditRecords as CreditRecorder>::record(
			&dissolved(),
			TAX,
			*b"grants00",
			CreditCategory::GrantCompliance,
			-100,
			evidence(8),
		)
		.unwrap();
		assert_eq!(Records::<Test>::get(id).unwrap().source, RecordSource::Pallet(*b"grants00"));
		assert_eq!(score(dissolved()), 900);
		// Its department cannot take it back.
		assert_noop!(
			CreditRecords::revoke(signed(TAX_OFFICER), id, 1),
			Error::<Test>::RecordNotRevocable
		);
		// An unregistered subject gets nothing.
		assert_noop!(
			<CreditRecords as CreditRecorder>::record(
				&SubjectId::repeat_byte(0x77),
				TAX,
				*b"grants00",
				CreditCategory::GrantCompliance,
				-100,
				evidence(9),
			),
			Error::<Test>::SubjectNotActive
		);
	});
}

#[test]
fn a_suspended_subject_may_still_object() {
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -100, LONG);
		MockIdentity::set_active(enterprise(), false);
		assert_ok!(CreditRecords::object(signed(ENTERPRISE_ACCOUNT), id, evidence(2)));
		assert_eq!(status(id), RecordStatus::UnderObjection);
	});
}

#[test]
fn a_penalty_under_objection_counts_for_benefits_until_decided() {
	use civitas_primitives::{CreditProfile, CreditStanding};
	ExtBuilder::default().build_and_execute(|| {
		let id = recorded(enterprise(), -150, LONG);
		assert_eq!(CreditRecords::standing(&enterprise()), CreditStanding::Watch);
		assert_ok!(CreditRecords::object(signed(ENTERPRISE_ACCOUNT), id, evidence(2)));
		// The subject has the benefit of the doubt in its standing...
		assert_eq!(CreditRecords::standing(&enterprise()), CreditStanding::Normal);
		// ...but not for benefits, until an adjudicator decides.
		assert_eq!(
			CreditRecords::standing_counting_objections(&enterprise()),
			CreditStanding::Watch
		);
		assert_ok!(CreditRecords::rectify(signed(AUDITOR), id, 1));
		assert_eq!(
			CreditRecords::standing_counting_objections(&enterprise()),
			CreditStanding::Normal
		);
	});
}
