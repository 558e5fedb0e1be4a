use super::*;
use crate::{Accesses, DepartmentAccesses, OrderedId, PruneCursor, Pruned, SubjectAccesses};

#[test]
fn an_access_is_kept_for_the_retention_period_then_pruned_without_a_transaction() {
	ExtBuilder.build_and_execute(|| {
		tax_officer_logs();
		run_to_block(RETENTION);
		assert!(Accesses::<Test>::contains_key(0));
		// Logged at block 1: gone at block 1 + RETENTION.
		run_to_block(1 + RETENTION);
		assert!(!Accesses::<Test>::contains_key(0));
		assert!(!SubjectAccesses::<Test>::contains_key(person(), OrderedId::from(0)));
		assert!(!DepartmentAccesses::<Test>::contains_key((TAX, TAX_AUDIT, OrderedId::from(0))));
		assert_eq!(Pruned::<Test>::get(), PruneCursor { next: 1, done: 0 });
		assert_eq!(last_event(), Event::AccessesPruned { before: 1 });
	});
}

#[test]
fn pruning_takes_at_most_max_prune_per_block_entries_oldest_first() {
	ExtBuilder.build_and_execute(|| {
		// Block 1: a batch of four entries (three subjects); block 2: one access.
		assert_ok!(AccessLog::log_batch(
			signed(TAX_OFFICER),
			bounded(vec![
				(enterprise(), RecordKind::Bills),
				(dissolved(), RecordKind::Bills),
				(enterprise(), RecordKind::Identity),
				(person(), RecordKind::Property),
			]),
			TAX_AUDIT,
			None
		));
		run_to_block(2);
		tax_officer_logs();
		run_to_block(1 + RETENTION);
		// Three of the batch's four entries: the batch stays until its last one is gone.
		assert_eq!(Pruned::<Test>::get(), PruneCursor { next: 0, done: MAX_PRUNE });
		assert!(Accesses::<Test>::contains_key(0));
		assert!(!SubjectAccesses::<Test>::contains_key(dissolved(), OrderedId::from(0)));
		assert!(SubjectAccesses::<Test>::contains_key(person(), OrderedId::from(0)));
		// The next block finishes the batch and prunes the second access, due now too.
		run_to_block(2 + RETENTION);
		assert!(!Accesses::<Test>::contains_key(0));
		assert!(!SubjectAccesses::<Test>::contains_key(person(), OrderedId::from(0)));
		assert!(!Accesses::<Test>::contains_key(1));
		assert_eq!(Pruned::<Test>::get(), PruneCursor { next: 2, done: 0 });
	});
}

#[test]
fn nothing_is_pruned_early_and_an_idle_block_writes_nothing() {
	ExtBuilder.build_and_execute(|| {
		run_to_block(5);
		tax_officer_logs();
		System::reset_events();
		run_to_block(4 + RETENTION);
		assert!(Accesses::<Test>::contains_key(0));
		assert_eq!(Pruned::<Test>::get(), PruneCursor::default());
		assert!(events().is_empty());
	});
}

#[test]
fn the_hook_reports_the_weight_of_the_work_done() {
	use crate::WeightInfo;
	use polkadot_sdk::frame_support::traits::Hooks;
	ExtBuilder.build_and_execute(|| {
		tax_officer_logs();
		let idle = AccessLog::on_initialize(2);
		assert_eq!(idle, <() as WeightInfo>::prune_idle());
		System::set_block_number(1 + RETENTION);
		let busy = AccessLog::on_initialize(1 + RETENTION);
		assert_eq!(busy, <() as WeightInfo>::prune_idle() + <() as WeightInfo>::prune(1));
	});
}
