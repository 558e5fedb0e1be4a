//! The storage migrations, run on registers written in the old layout.

use super::*;
use crate::{
	migrations::v2::{v1, MigrateV1ToV2},
	LicenceKind, LicenceRule, LicenceRules,
};
use civitas_primitives::Role;
use codec::Encode;
use polkadot_sdk::frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

/// Rewrites the seeded register as storage version 1 stored it: every kind's rule without a
/// longest validity, and the version key at 1. Returns the rules written.
fn write_version_1() -> Vec<(LicenceKind, v1::LicenceRule)> {
	let rules: Vec<_> = LicenceKind::ALL
		.into_iter()
		.map(|kind| {
			let rule = LicenceRules::<Test>::get(kind).unwrap();
			(kind, v1::LicenceRule { role: rule.role, departments: rule.departments })
		})
		.collect();
	for (kind, rule) in &rules {
		v1::LicenceRules::<Test>::insert(kind, rule);
	}
	StorageVersion::new(1).put::<RealEstate>();
	rules
}

#[test]
fn version_1_rules_become_open_ended_version_2_rules() {
	ExtBuilder.build_and_execute(|| {
		let old = write_version_1();
		// In the old layout the current code reads no rule at all: the migration is needed.
		assert_eq!(LicenceRules::<Test>::get(LicenceKind::FireSafety), None);
		assert!(RealEstate::do_try_state().is_err());

		let weight = MigrateV1ToV2::<Test>::on_runtime_upgrade();

		assert_eq!(RealEstate::on_chain_storage_version(), 2);
		assert_eq!(RealEstate::on_chain_storage_version(), RealEstate::in_code_storage_version());
		for (kind, rule) in old {
			assert_eq!(
				LicenceRules::<Test>::get(kind),
				Some(LicenceRule {
					role: rule.role,
					departments: rule.departments,
					max_validity: None
				})
			);
		}
		// Reads and writes every rule (one read more, to end the iteration), plus the
		// version's read and write.
		let db = <Test as polkadot_sdk::frame_system::Config>::DbWeight::get();
		let rules = LicenceKind::ALL.len() as u64;
		assert_eq!(weight, db.reads_writes(rules + 2, rules + 1));
		// The migrated rules work: fire-safety licences are issued as before, open-ended.
		assert_ok!(RealEstate::issue_licence(
			signed(HOUSING_OFFICER),
			FLAT,
			LicenceKind::FireSafety,
			H256::repeat_byte(9),
			None
		));
	});
}

#[test]
fn the_migration_runs_once_and_only_from_version_1() {
	ExtBuilder.build_and_execute(|| {
		// A register already at version 2 (a new chain's genesis) is left alone: one read.
		let before = LicenceRules::<Test>::get(LicenceKind::FireSafety);
		let weight = MigrateV1ToV2::<Test>::on_runtime_upgrade();
		let db = <Test as polkadot_sdk::frame_system::Config>::DbWeight::get();
		assert_eq!(weight, db.reads(1));
		assert_eq!(LicenceRules::<Test>::get(LicenceKind::FireSafety), before);

		write_version_1();
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		let migrated: Vec<_> = LicenceRules::<Test>::iter().collect();
		// Running it again changes nothing.
		assert_eq!(MigrateV1ToV2::<Test>::on_runtime_upgrade(), db.reads(1));
		let mut again: Vec<_> = LicenceRules::<Test>::iter().collect();
		let mut migrated = migrated;
		migrated.sort_by_key(|(kind, _)| kind.encode());
		again.sort_by_key(|(kind, _)| kind.encode());
		assert_eq!(migrated, again);
	});
}

#[test]
fn version_1_rules_keep_their_departments_and_roles() {
	ExtBuilder.build_and_execute(|| {
		write_version_1();
		// A rule governance had changed under version 1: a second department for planning.
		let changed = v1::LicenceRule {
			role: Role::LandRegistrar,
			departments: vec![REGISTRY, OTHER_REGISTRY].try_into().unwrap(),
		};
		v1::LicenceRules::<Test>::insert(LicenceKind::PlanningPermit, &changed);
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		let rule = LicenceRules::<Test>::get(LicenceKind::PlanningPermit).unwrap();
		assert_eq!(
			(rule.role, rule.departments, rule.max_validity),
			(changed.role, changed.departments, None)
		);
	});
}

#[cfg(feature = "try-runtime")]
mod checks {
	use super::*;
	use polkadot_sdk::frame_support::storage::unhashed;

	#[test]
	fn pre_and_post_checks_pass_on_a_version_1_register() {
		ExtBuilder.build_and_execute(|| {
			write_version_1();
			assert!(MigrateV1ToV2::<Test>::try_on_runtime_upgrade(true).is_ok());
			assert!(RealEstate::do_try_state().is_ok());
		});
	}

	#[test]
	fn an_undecodable_rule_fails_the_pre_check_and_changes_nothing() {
		ExtBuilder.build_and_execute(|| {
			write_version_1();
			// A value in neither layout: the pre-check stops the dry run before anything runs.
			let key = v1::LicenceRules::<Test>::hashed_key_for(LicenceKind::FireSafety);
			unhashed::put_raw(&key, &[0xff]);
			let root =
				polkadot_sdk::sp_io::storage::root(polkadot_sdk::sp_runtime::StateVersion::V1);
			assert!(MigrateV1ToV2::<Test>::try_on_runtime_upgrade(true).is_err());
			assert_eq!(
				polkadot_sdk::sp_io::storage::root(polkadot_sdk::sp_runtime::StateVersion::V1),
				root
			);
			// Put it right again so the test's closing invariants hold.
			write_version_1_fire_safety();
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
		});
	}

	fn write_version_1_fire_safety() {
		let rule = v1::LicenceRule {
			role: Role::CredentialIssuer,
			departments: vec![HOUSING, COURT].try_into().unwrap(),
		};
		v1::LicenceRules::<Test>::insert(LicenceKind::FireSafety, rule);
	}
}
