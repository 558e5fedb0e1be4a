use super::*;
use crate::{LinkOfferer, Links, PendingLink, PendingLinks, SubjectAccounts, SubjectStatus};
use civitas_primitives::{testing::MockRoles, IdentityProvider, Role};

fn linked(account: u64) -> Option<civitas_primitives::SubjectId> {
	CivicIdentity::subject_of(&account)
}

#[test]
fn the_registrar_proposes_and_the_account_accepts() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CivicIdentity::propose_link(signed(POLICE_OFFICER), person(), CITIZEN));
		let expires_at = 1 + LINK_OFFER_PERIOD;
		assert_eq!(
			PendingLinks::<Test>::get(CITIZEN),
			Some(PendingLink {
				subject: person(),
				offered_by: LinkOfferer::Registrar { department: POLICE, officer: POLICE_OFFICER },
				expires_at
			})
		);
		assert_eq!(
			last_event(),
			Event::LinkProposed {
				subject: person(),
				account: CITIZEN,
				department: POLICE,
				officer: POLICE_OFFICER,
				expires_at
			}
		);
		assert_eq!(linked(CITIZEN), None);

		assert_ok!(CivicIdentity::accept_link(signed(CITIZEN), person()));

		assert_eq!(linked(CITIZEN), Some(person()));
		assert_eq!(SubjectAccounts::<Test>::get(person()).into_inner(), vec![CITIZEN]);
		assert!(!PendingLinks::<Test>::contains_key(CITIZEN));
		assert_eq!(
			last_event(),
			Event::AccountLinked {
				subject: person(),
				account: CITIZEN,
				department: POLICE,
				officer: POLICE_OFFICER
			}
		);
	});
}

#[test]
fn the_account_asks_and_the_registrar_approves() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CivicIdentity::accept_link(signed(CITIZEN), person()));
		assert_eq!(
			last_event(),
			Event::LinkRequested {
				subject: person(),
				account: CITIZEN,
				expires_at: 1 + LINK_OFFER_PERIOD
			}
		);
		assert_eq!(linked(CITIZEN), None);

		assert_ok!(CivicIdentity::propose_link(signed(POLICE_OFFICER), person(), CITIZEN));

		assert_eq!(linked(CITIZEN), Some(person()));
		assert_eq!(
			last_event(),
			Event::AccountLinked {
				subject: person(),
				account: CITIZEN,
				department: POLICE,
				officer: POLICE_OFFICER
			}
		);
	});
}

#[test]
fn a_lapsed_offer_does_not_link() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CivicIdentity::propose_link(signed(POLICE_OFFICER), person(), CITIZEN));
		System::set_block_number(1 + LINK_OFFER_PERIOD);

		assert_ok!(CivicIdentity::accept_link(signed(CITIZEN), person()));

		assert_eq!(linked(CITIZEN), None);
		assert_eq!(PendingLinks::<Test>::get(CITIZEN).unwrap().offered_by, LinkOfferer::Account);
	});
}

#[test]
fn an_offer_for_another_subject_or_from_a_registrar_that_lost_its_role_does_not_link() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CivicIdentity::propose_link(signed(MARKET_OFFICER), enterprise(), CITIZEN));
		assert_ok!(CivicIdentity::accept_link(signed(CITIZEN), person()));
		assert_eq!(linked(CITIZEN), None);

		assert_ok!(CivicIdentity::propose_link(signed(POLICE_OFFICER), person(), CITIZEN_2));
		MockRoles::revoke(POLICE, Role::IdentityRegistrar);
		assert_ok!(CivicIdentity::accept_link(signed(CITIZEN_2), person()));
		assert_eq!(linked(CITIZEN_2), None);
	});
}

#[test]
fn the_same_side_offering_twice_does_not_link() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CivicIdentity::accept_link(signed(CITIZEN), person()));
		assert_ok!(CivicIdentity::accept_link(signed(CITIZEN), person()));
		assert_eq!(linked(CITIZEN), None);
		assert_ok!(CivicIdentity::propose_link(signed(POLICE_OFFICER), person(), CITIZEN_2));
		assert_ok!(CivicIdentity::propose_link(signed(POLICE_OFFICER), person(), CITIZEN_2));
		assert_eq!(linked(CITIZEN_2), None);
	});
}

#[test]
fn linking_fails_for_another_registrar_or_an_inactive_subject() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CivicIdentity::propose_link(signed(MARKET_OFFICER), person(), CITIZEN),
			Error::<Test>::NotSubjectRegistrar
		);
		assert_noop!(
			CivicIdentity::propose_link(signed(HOUSING_OFFICER), person(), CITIZEN),
			ROLE_NOT_HELD
		);
		assert_noop!(
			CivicIdentity::accept_link(signed(CITIZEN), subject("nobody")),
			Error::<Test>::SubjectNotFound
		);
		assert_ok!(CivicIdentity::set_status(
			signed(POLICE_OFFICER),
			person(),
			SubjectStatus::Suspended,
			1
		));
		assert_noop!(
			CivicIdentity::propose_link(signed(POLICE_OFFICER), person(), CITIZEN),
			Error::<Test>::SubjectNotActive
		);
		assert_noop!(
			CivicIdentity::accept_link(signed(CITIZEN), person()),
			Error::<Test>::SubjectNotActive
		);
	});
}

#[test]
fn an_account_links_to_one_subject_only() {
	ExtBuilder::default().with_link(person(), CITIZEN).build_and_execute(|| {
		assert_noop!(
			CivicIdentity::accept_link(signed(CITIZEN), enterprise()),
			Error::<Test>::AccountAlreadyLinked
		);
		assert_noop!(
			CivicIdentity::propose_link(signed(MARKET_OFFICER), enterprise(), CITIZEN),
			Error::<Test>::AccountAlreadyLinked
		);
	});
}

#[test]
fn a_subject_links_at_most_max_accounts() {
	ExtBuilder::default()
		.with_link(person(), CITIZEN)
		.with_link(person(), CITIZEN_2)
		.build_and_execute(|| {
			assert_noop!(
				CivicIdentity::accept_link(signed(CITIZEN_3), person()),
				Error::<Test>::MaxLinkedAccountsExceeded
			);
			assert_noop!(
				CivicIdentity::propose_link(signed(POLICE_OFFICER), person(), CITIZEN_3),
				Error::<Test>::MaxLinkedAccountsExceeded
			);
		});
}

#[test]
fn the_account_unlinks_itself() {
	ExtBuilder::default().with_link(person(), CITIZEN).build_and_execute(|| {
		assert_ok!(CivicIdentity::unlink_account(signed(CITIZEN), CITIZEN));

		assert_eq!(linked(CITIZEN), None);
		assert!(SubjectAccounts::<Test>::get(person()).is_empty());
		assert_eq!(
			last_event(),
			Event::AccountUnlinked {
				subject: person(),
				account: CITIZEN,
				by: CITIZEN,
				department: None
			}
		);
	});
}

#[test]
fn the_registrar_unlinks_an_account() {
	ExtBuilder::default()
		.with_link(person(), CITIZEN)
		.with_link(person(), CITIZEN_2)
		.build_and_execute(|| {
			assert_ok!(CivicIdentity::unlink_account(signed(POLICE_OFFICER), CITIZEN));

			assert_eq!(linked(CITIZEN), None);
			assert_eq!(linked(CITIZEN_2), Some(person()));
			assert_eq!(SubjectAccounts::<Test>::get(person()).into_inner(), vec![CITIZEN_2]);
			assert_eq!(
				last_event(),
				Event::AccountUnlinked {
					subject: person(),
					account: CITIZEN,
					by: POLICE_OFFICER,
					department: Some(POLICE)
				}
			);
		});
}

#[test]
fn either_side_withdraws_a_pending_offer() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(CivicIdentity::propose_link(signed(POLICE_OFFICER), person(), CITIZEN));
		assert_ok!(CivicIdentity::unlink_account(signed(CITIZEN), CITIZEN));
		assert!(!PendingLinks::<Test>::contains_key(CITIZEN));
		assert_eq!(
			last_event(),
			Event::LinkOfferWithdrawn {
				subject: person(),
				account: CITIZEN,
				by: CITIZEN,
				department: None
			}
		);

		assert_ok!(CivicIdentity::accept_link(signed(CITIZEN), person()));
		assert_ok!(CivicIdentity::unlink_account(signed(POLICE_OFFICER), CITIZEN));
		assert!(!PendingLinks::<Test>::contains_key(CITIZEN));
		assert_eq!(
			last_event(),
			Event::LinkOfferWithdrawn {
				subject: person(),
				account: CITIZEN,
				by: POLICE_OFFICER,
				department: Some(POLICE)
			}
		);
	});
}

#[test]
fn unlink_fails_for_a_stranger_or_an_unlinked_account() {
	ExtBuilder::default().with_link(person(), CITIZEN).build_and_execute(|| {
		assert_noop!(
			CivicIdentity::unlink_account(signed(OUTSIDER), CITIZEN),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(
			CivicIdentity::unlink_account(signed(MARKET_OFFICER), CITIZEN),
			Error::<Test>::NotAuthorized
		);
		assert_noop!(
			CivicIdentity::unlink_account(signed(CITIZEN_2), CITIZEN_2),
			Error::<Test>::LinkNotFound
		);
		assert_eq!(Links::<Test>::get(CITIZEN), Some(person()));
	});
}
