use super::*;
use crate::EnabledIssuers;
use civitas_primitives::{testing::MockIdentity, SubjectKind};

#[test]
fn the_tax_bureau_enables_and_disables_an_enterprise() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(EBills::enable_issuer(signed(TAX_OFFICER), employer()));
		assert_eq!(EnabledIssuers::<Test>::get(employer()), Some((TAX, 1)));
		assert_eq!(
			last_event(),
			Event::IssuerEnabled { subject: employer(), department: TAX, officer: TAX_OFFICER }
		);
		assert_ok!(EBills::issue(signed(EMPLOYER_ACCOUNT), new_bill("INV-9", 10)));

		assert_ok!(EBills::disable_issuer(signed(TAX_OFFICER), employer()));
		assert!(!EnabledIssuers::<Test>::contains_key(employer()));
		assert_noop!(
			EBills::issue(signed(EMPLOYER_ACCOUNT), new_bill("INV-10", 10)),
			Error::<Test>::IssuerNotEnabled
		);
	});
}

#[test]
fn enabling_needs_the_tax_role_and_an_active_enterprise() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(EBills::enable_issuer(signed(POWER_OFFICER), employer()), ROLE_NOT_HELD);
		assert_noop!(EBills::enable_issuer(signed(OUTSIDER), employer()), NOT_OFFICER);
		assert_noop!(
			EBills::enable_issuer(signed(TAX_OFFICER), person()),
			Error::<Test>::NotActiveEnterprise
		);
		assert_noop!(
			EBills::enable_issuer(signed(TAX_OFFICER), shop()),
			Error::<Test>::AlreadyEnabled
		);
		assert_noop!(
			EBills::disable_issuer(signed(TAX_OFFICER), employer()),
			Error::<Test>::NotEnabled
		);
	});
}

#[test]
fn a_suspended_enterprise_cannot_issue_even_when_enabled() {
	ExtBuilder.build_and_execute(|| {
		// The shop is enabled in the test genesis.
		assert_ok!(EBills::issue(signed(SHOP_ACCOUNT), new_bill("S-1", 10)));
		MockIdentity::set_subject(shop(), SubjectKind::Enterprise, false);
		assert_noop!(
			EBills::issue(signed(SHOP_ACCOUNT), new_bill("S-2", 10)),
			Error::<Test>::IssuerNotActive
		);
		let id = EBills::bill_id(&Issuer::Enterprise(shop()), b"S-1");
		assert_noop!(
			EBills::mark_paid(signed(SHOP_ACCOUNT), id, H256::zero()),
			Error::<Test>::IssuerNotActive
		);
	});
}
