//! Unit tests: admitting and removing validators, the safety rules, keys, sessions.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::panic,
	clippy::arithmetic_side_effects
)]

use crate::{mock::*, Error, Event, GenesisConfig, MinValidators, Pallet, Validator};
use civitas_primitives::testing::ROLE_NOT_HELD;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok},
	frame_system::RawOrigin,
	pallet_session,
	sp_runtime::{testing::UintAuthorityId, DispatchError},
};

fn root() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

fn set_keys(account: u64) -> polkadot_sdk::sp_runtime::DispatchResult {
	Session::set_keys(RawOrigin::Signed(account).into(), UintAuthorityId(account), vec![])
}

#[test]
fn genesis_validators_validate_from_the_first_session() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(current(), vec![1, 2, 3, 4]);
		let set = Validators::validator_set(0, current(), vec![4]);
		assert_eq!(set.admitted.len(), 4);
		assert_eq!(set.current[0].department, Some(1));
		assert_eq!((set.min_validators, set.session_length), (2, SESSION));
	});
}

#[test]
fn an_admitted_validator_validates_from_the_session_after_next_once_its_keys_are_set() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Validators::add_validator(root(), 5, SPARE_OPERATOR));
		assert_eq!(
			events(),
			vec![Event::ValidatorAdded { account: 5, department: SPARE_OPERATOR }]
		);
		// Without keys it is left out.
		run_to_session(2);
		assert_eq!(current(), vec![1, 2, 3, 4]);
		// Its operator sets its keys, no motion needed; two boundaries later it validates.
		assert_ok!(set_keys(5));
		run_to_session(3);
		assert_eq!(current(), vec![1, 2, 3, 4]);
		run_to_session(4);
		assert_eq!(current(), vec![1, 2, 3, 4, 5]);
		let set = Validators::validator_set(4, current(), vec![]);
		assert_eq!(set.current[4].department, Some(SPARE_OPERATOR));
	});
}

#[test]
fn a_removed_validator_stops_at_the_session_after_next() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Validators::remove_validator(root(), 4));
		assert_eq!(events(), vec![Event::ValidatorRemoved { account: 4, department: 4 }]);
		run_to_session(1);
		assert_eq!(current(), vec![1, 2, 3, 4]);
		run_to_session(2);
		assert_eq!(current(), vec![1, 2, 3]);
		// A former validator's session reads as no department's.
		let set = Validators::validator_set(2, vec![4], vec![]);
		assert_eq!(set.current[0].department, None);
	});
}

#[test]
fn only_admitted_validators_set_session_keys() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(set_keys(7), pallet_session::Error::<Test>::NoAssociatedValidatorId);
		assert_ok!(set_keys(4));
	});
}

#[test]
fn only_the_network_origin_changes_the_set() {
	ExtBuilder::default().build_and_execute(|| {
		let signed = || RuntimeOrigin::signed(1);
		assert_noop!(
			Validators::add_validator(signed(), 5, SPARE_OPERATOR),
			DispatchError::BadOrigin
		);
		assert_noop!(Validators::remove_validator(signed(), 4), DispatchError::BadOrigin);
		assert_noop!(Validators::set_min_validators(signed(), 3), DispatchError::BadOrigin);
	});
}

#[test]
fn a_validator_is_operated_by_a_department_holding_node_operator() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Validators::add_validator(root(), 5, NO_OPERATOR), ROLE_NOT_HELD);
		assert_noop!(
			Validators::add_validator(root(), 4, SPARE_OPERATOR),
			Error::<Test>::AlreadyValidator
		);
	});
}

#[test]
fn newcomers_stay_under_a_third_of_the_new_set() {
	ExtBuilder::default().build_and_execute(|| {
		// Four to five: one newcomer of five.
		assert_ok!(Validators::add_validator(root(), 5, SPARE_OPERATOR));
		// Two newcomers of six would be a third.
		assert_noop!(
			Validators::add_validator(root(), 6, SPARE_OPERATOR),
			Error::<Test>::MaxChangesExceeded
		);
		// Once the five are handed to the session pallet, the next one may join.
		run_to_session(1);
		assert_ok!(Validators::add_validator(root(), 6, SPARE_OPERATOR));
	});
}

#[test]
fn fewer_than_a_third_leave_before_a_boundary_and_never_below_the_minimum() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Validators::remove_validator(root(), 4));
		// A second of four would be half of the set that must finalize the change.
		assert_noop!(Validators::remove_validator(root(), 3), Error::<Test>::MaxChangesExceeded);
		run_to_session(1);
		// Three validators tolerate no fault: none may leave.
		assert_noop!(Validators::remove_validator(root(), 3), Error::<Test>::MaxChangesExceeded);
		assert_noop!(Validators::remove_validator(root(), 9), Error::<Test>::NotValidator);
	});
	ExtBuilder::default().min(4).build_and_execute(|| {
		assert_noop!(
			Validators::remove_validator(root(), 4),
			Error::<Test>::ValidatorsBelowMinimum
		);
	});
}

#[test]
fn the_set_is_bounded() {
	ExtBuilder::default().validators((1..=8).collect()).build_and_execute(|| {
		assert_noop!(
			Validators::add_validator(root(), 9, SPARE_OPERATOR),
			Error::<Test>::MaxValidatorsExceeded
		);
	});
}

#[test]
fn the_minimum_is_positive_and_met() {
	ExtBuilder::default().build_and_execute(|| {
		for min in [0, 5] {
			assert_noop!(
				Validators::set_min_validators(root(), min),
				Error::<Test>::InvalidMinimum
			);
		}
		assert_ok!(Validators::set_min_validators(root(), 4));
		assert_eq!(MinValidators::<Test>::get(), 4);
		assert_eq!(events(), vec![Event::MinValidatorsSet { min: 4 }]);
	});
}

#[test]
fn an_invalid_genesis_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let genesis = |validators: Vec<u64>, min, session_length| GenesisConfig::<Test> {
			validators: validators
				.into_iter()
				.map(|account| Validator { account, department: 1 })
				.collect(),
			min_validators: min,
			session_length,
		};
		let refused = |g: GenesisConfig<Test>| Pallet::<Test>::seed(&g).unwrap_err();
		assert_eq!(refused(genesis(vec![1], 1, 0)), Error::<Test>::InvalidSessionLength.into());
		assert_eq!(refused(genesis(vec![1, 1], 1, 5)), Error::<Test>::AlreadyValidator.into());
		assert_eq!(refused(genesis(vec![1], 2, 5)), Error::<Test>::InvalidMinimum.into());
		assert_eq!(
			refused(genesis((1..=9).collect(), 1, 5)),
			Error::<Test>::MaxValidatorsExceeded.into()
		);
	});
}

#[test]
fn an_offender_is_disabled_for_the_session_and_named_with_its_department() {
	use polkadot_sdk::{
		sp_runtime::Perbill,
		sp_staking::offence::{OffenceDetails, OnOffenceHandler},
	};
	let offence = |account: u64| OffenceDetails { offender: (account, ()), reporters: vec![9] };
	ExtBuilder::default().build_and_execute(|| {
		run_to_session(1);
		<Pallet<Test> as OnOffenceHandler<u64, (u64, ()), _>>::on_offence(
			&[offence(2)],
			&[Perbill::from_percent(10)],
			1,
		);
		assert_eq!(
			events().last(),
			Some(&Event::OffenceReported { account: 2, department: Some(2), session: 1 })
		);
		// Validator 2 is the second of the session's validators.
		assert_eq!(Session::disabled_validators(), vec![1]);

		// A validator removed since is still reported, with no department; the session pallet
		// disables at most a third of the set (one of four), so it stays enabled.
		assert_ok!(Validators::remove_validator(root(), 3));
		<Pallet<Test> as OnOffenceHandler<u64, (u64, ()), _>>::on_offence(
			&[offence(3)],
			&[Perbill::from_percent(10)],
			1,
		);
		assert_eq!(
			events().last(),
			Some(&Event::OffenceReported { account: 3, department: None, session: 1 })
		);
		assert_eq!(Session::disabled_validators(), vec![1]);
		// Disabling ends with the session.
		run_to_session(2);
		assert!(Session::disabled_validators().is_empty());
	});
}

mod aura_equivocation {
	use super::*;
	use crate::equivocation::seal_header;
	use polkadot_sdk::{
		frame_support::traits::KeyOwnerProofSystem,
		sp_consensus_slots::{EquivocationProof, Slot},
		sp_core::{crypto::key_types::DUMMY, H256},
		sp_runtime::{testing::Header, traits::Header as _},
		sp_session::MembershipProof,
	};

	/// A header of block 1 whose parent is `parent`, sealed by validator `author` for `slot`.
	fn sealed(parent: u8, slot: u64, author: u64) -> Header {
		let header = Header::new(
			1,
			H256::zero(),
			H256::zero(),
			H256::repeat_byte(parent),
			Default::default(),
		);
		seal_header(header, Slot::from(slot), &UintAuthorityId(author)).unwrap()
	}

	fn proof(
		offender: u64,
		first: Header,
		second: Header,
	) -> Box<EquivocationProof<Header, UintAuthorityId>> {
		Box::new(EquivocationProof {
			offender: UintAuthorityId(offender),
			slot: Slot::from(7),
			first_header: first,
			second_header: second,
		})
	}

	fn owner(validator: u64) -> MembershipProof {
		Historical::prove((DUMMY, UintAuthorityId(validator))).expect("a validator's key")
	}

	fn report(
		proof: Box<EquivocationProof<Header, UintAuthorityId>>,
		owner: MembershipProof,
	) -> polkadot_sdk::sp_runtime::DispatchResult {
		Validators::report_aura_equivocation(RawOrigin::Signed(9).into(), proof, owner)
			.map(|_| ())
			.map_err(|e| e.error)
	}

	#[test]
	fn two_blocks_sealed_for_one_slot_are_an_offence_that_disables_the_validator() {
		ExtBuilder::default().build_and_execute(|| {
			run_to_session(1);
			let equivocation = proof(2, sealed(1, 7, 2), sealed(2, 7, 2));
			let post = Validators::report_aura_equivocation(
				RawOrigin::Signed(9).into(),
				equivocation.clone(),
				owner(2),
			)
			.unwrap();
			assert_eq!(post.pays_fee, polkadot_sdk::frame_support::dispatch::Pays::No);
			assert_eq!(
				events().last(),
				Some(&Event::OffenceReported { account: 2, department: Some(2), session: 1 })
			);
			assert!(System::events().iter().any(|r| matches!(
				r.event,
				RuntimeEvent::Offences(polkadot_sdk::pallet_offences::Event::Offence { .. })
			)));
			assert_eq!(Session::disabled_validators(), vec![1]);
			assert_noop!(report(equivocation, owner(2)), Error::<Test>::OffenceAlreadyReported);
		});
	}

	#[test]
	fn a_report_that_proves_no_equivocation_is_refused() {
		ExtBuilder::default().build_and_execute(|| {
			run_to_session(1);
			let invalid = || Error::<Test>::InvalidEquivocationProof;
			// The same block twice.
			assert_noop!(report(proof(2, sealed(1, 7, 2), sealed(1, 7, 2)), owner(2)), invalid());
			// Two slots.
			assert_noop!(report(proof(2, sealed(1, 7, 2), sealed(2, 8, 2)), owner(2)), invalid());
			// Another validator's seal.
			assert_noop!(report(proof(2, sealed(1, 7, 2), sealed(2, 7, 3)), owner(2)), invalid());
			// No seal.
			let mut unsealed = sealed(2, 7, 2);
			unsealed.digest.logs.pop();
			assert_noop!(report(proof(2, sealed(1, 7, 2), unsealed), owner(2)), invalid());
			assert_noop!(
				Validators::report_aura_equivocation(
					RawOrigin::None.into(),
					proof(2, sealed(1, 7, 2), sealed(2, 7, 2)),
					owner(2)
				),
				DispatchError::BadOrigin
			);
			assert!(Session::disabled_validators().is_empty());
		});
	}

	#[test]
	fn the_key_must_be_proven_the_offenders_in_a_kept_session() {
		ExtBuilder::default().build_and_execute(|| {
			run_to_session(1);
			// Key 7 seals two blocks, but is no validator's key.
			assert_noop!(
				report(proof(7, sealed(1, 7, 7), sealed(2, 7, 7)), owner(2)),
				Error::<Test>::InvalidKeyOwnershipProof
			);
			let equivocation = proof(2, sealed(1, 7, 2), sealed(2, 7, 2));
			// Sessions older than `HISTORY` are pruned: their proofs no longer check.
			let old = owner(2);
			run_to_session(1 + HISTORY + 2);
			let kept = pallet_session::historical::StoredRange::<Test>::get().unwrap();
			assert_eq!(kept.0, 2);
			assert_noop!(report(equivocation, old), Error::<Test>::InvalidKeyOwnershipProof);
		});
	}
}
