use super::*;
use crate::PublicationLimits;

#[test]
fn governance_sets_a_publication_limit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(CreditRecords::publication_limit(CreditCategory::Other), DEFAULT_LIMIT);
		assert_ok!(CreditRecords::set_publication_limit(root(), CreditCategory::Other, 90));
		assert_eq!(PublicationLimits::<Test>::get(CreditCategory::Other), Some(90));
		assert_eq!(CreditRecords::publication_limit(CreditCategory::Other), 90);
		assert_eq!(
			last_event(),
			Event::PublicationLimitSet { category: CreditCategory::Other, limit: 90 }
		);
		assert_noop!(
			CreditRecords::record(
				signed(TAX_OFFICER),
				enterprise(),
				CreditCategory::Other,
				-1,
				evidence(1),
				91
			),
			Error::<Test>::MaxPublicationPeriodExceeded
		);
	});
}

#[test]
fn set_publication_limit_fails_for_an_officer_or_a_zero_limit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CreditRecords::set_publication_limit(signed(TAX_OFFICER), CreditCategory::Tax, 5),
			DispatchError::BadOrigin
		);
		assert_noop!(
			CreditRecords::set_publication_limit(root(), CreditCategory::Tax, 0),
			Error::<Test>::PublicationPeriodZero
		);
	});
}
