//! The logic behind the calls and the session hooks. Each `do_*` function checks everything
//! first and writes last; a failing call changes nothing.

use alloc::{vec, vec::Vec};
use pallet_session::{historical, SessionInterface, SessionManager};
use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*, traits::KeyOwnerProofSystem},
	frame_system::pallet_prelude::{BlockNumberFor, HeaderFor},
	sp_consensus_slots::EquivocationProof,
	sp_runtime::{Perbill, RuntimeAppPublic},
	sp_session::{GetSessionNumber, GetValidatorCount},
	sp_staking::{
		offence::{OffenceDetails, OffenceError, OffenceSeverity, OnOffenceHandler, ReportOffence},
		SessionIndex,
	},
};

use crate::{
	equivocation::{is_aura_equivocation, AuraEquivocationOffence},
	pallet::*,
	runtime_api::{ValidatorInfo, ValidatorSet},
	DepartmentId, Role, RoleAuthority, Validator, WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// Whether `account` is an admitted validator. One read.
	pub fn is_validator(account: &T::AccountId) -> bool {
		Validators::<T>::get().binary_search_by(|v| v.account.cmp(account)).is_ok()
	}

	/// `Ok` if replacing the set last handed to the session pallet with `next` keeps finality
	/// safe and the set large enough.
	fn ensure_safe(next: &[Validator<T::AccountId>]) -> DispatchResult {
		ensure!(next.len() as u32 >= MinValidators::<T>::get(), Error::<T>::ValidatorsBelowMinimum);
		let planned = Planned::<T>::get();
		let kept = |account: &T::AccountId| next.iter().any(|v| v.account == *account);
		let removed = planned.iter().filter(|a| !kept(a)).count();
		let added = next.iter().filter(|v| !planned.contains(&v.account)).count();
		// Fewer than a third of the old set may be missing for it to finalize the change, and
		// fewer than a third of the new set may be newcomers for it to finalize after.
		ensure!(
			removed == 0 || removed.saturating_mul(3) < planned.len(),
			Error::<T>::MaxChangesExceeded
		);
		ensure!(added == 0 || added.saturating_mul(3) < next.len(), Error::<T>::MaxChangesExceeded);
		Ok(())
	}

	pub(crate) fn do_add(account: T::AccountId, department: DepartmentId) -> DispatchResult {
		T::Roles::ensure_department_role(department, Role::NodeOperator)?;
		let mut validators = Validators::<T>::get();
		let at = match validators.binary_search_by(|v| v.account.cmp(&account)) {
			Ok(_) => return Err(Error::<T>::AlreadyValidator.into()),
			Err(at) => at,
		};
		validators
			.try_insert(at, Validator { account: account.clone(), department })
			.map_err(|_| Error::<T>::MaxValidatorsExceeded)?;
		Self::ensure_safe(&validators)?;
		Validators::<T>::put(validators);
		Self::deposit_event(Event::ValidatorAdded { account, department });
		Ok(())
	}

	pub(crate) fn do_remove(account: T::AccountId) -> DispatchResult {
		let mut validators = Validators::<T>::get();
		let at = validators
			.binary_search_by(|v| v.account.cmp(&account))
			.map_err(|_| Error::<T>::NotValidator)?;
		let removed = validators.remove(at);
		Self::ensure_safe(&validators)?;
		Validators::<T>::put(validators);
		Self::deposit_event(Event::ValidatorRemoved { account, department: removed.department });
		Ok(())
	}

	pub(crate) fn do_set_min(min: u32) -> DispatchResult {
		ensure!(min > 0 && min <= Validators::<T>::get().len() as u32, Error::<T>::InvalidMinimum);
		MinValidators::<T>::put(min);
		Self::deposit_event(Event::MinValidatorsSet { min });
		Ok(())
	}

	/// The admitted validators' accounts, remembered as the set handed to the session pallet;
	/// `None` (nothing remembered) while none are admitted. One read.
	fn plan() -> Option<Vec<T::AccountId>> {
		let validators = Validators::<T>::get();
		if validators.is_empty() {
			return None;
		}
		let accounts: Vec<T::AccountId> = validators.into_iter().map(|v| v.account).collect();
		Planned::<T>::put(BoundedVec::truncate_from(accounts.clone()));
		Some(accounts)
	}

	/// The department operating `account` among `admitted` (sorted by account), if any.
	fn department_in(
		admitted: &[Validator<T::AccountId>],
		account: &T::AccountId,
	) -> Option<DepartmentId> {
		admitted
			.binary_search_by(|v| v.account.cmp(account))
			.ok()
			.and_then(|at| admitted.get(at))
			.map(|v| v.department)
	}

	/// Whether `validators` are in ascending order of account, none twice.
	fn strictly_sorted(validators: &[Validator<T::AccountId>]) -> bool {
		validators.windows(2).all(|w| matches!(w, [a, b] if a.account < b.account))
	}

	/// Builds the genesis state. An empty genesis (no validators, no minimum) leaves the set to
	/// the session pallet's own genesis keys, as a chain without this pallet would.
	pub(crate) fn seed(genesis: &GenesisConfig<T>) -> DispatchResult {
		if genesis.validators.is_empty() && genesis.min_validators == 0 {
			SessionLength::<T>::put(genesis.session_length);
			return Ok(());
		}
		ensure!(!genesis.session_length.is_zero(), Error::<T>::InvalidSessionLength);
		let mut validators = genesis.validators.clone();
		validators.sort_by(|a, b| a.account.cmp(&b.account));
		ensure!(Self::strictly_sorted(&validators), Error::<T>::AlreadyValidator);
		let validators: BoundedVec<_, T::MaxValidators> =
			validators.try_into().map_err(|_| Error::<T>::MaxValidatorsExceeded)?;
		ensure!(
			genesis.min_validators > 0 && genesis.min_validators <= validators.len() as u32,
			Error::<T>::InvalidMinimum
		);
		Validators::<T>::put(validators);
		MinValidators::<T>::put(genesis.min_validators);
		SessionLength::<T>::put(genesis.session_length);
		Self::plan();
		Ok(())
	}

	/// The admitted validators are sorted and distinct, at least `MinValidators` (itself
	/// positive), and sessions last at least a block.
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		let validators = Validators::<T>::get();
		ensure!(Self::strictly_sorted(&validators), "validators not sorted and distinct");
		let min = MinValidators::<T>::get();
		if validators.is_empty() && min == 0 {
			return Ok(());
		}
		ensure!(min > 0 && validators.len() as u32 >= min, "fewer validators than the minimum");
		ensure!(!SessionLength::<T>::get().is_zero(), "a session of no blocks");
		Ok(())
	}
}

/// The session pallet asks for the set of each new session: the admitted validators, every time
/// (so a validator whose keys were set since is taken in), unless none were ever admitted (an
/// empty genesis leaves the first set to the session pallet's keys).
impl<T: Config> SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(_: u32) -> Option<Vec<T::AccountId>> {
		Self::plan()
	}

	fn new_session_genesis(_: u32) -> Option<Vec<T::AccountId>> {
		Self::plan()
	}

	fn end_session(_: u32) {}

	fn start_session(_: u32) {}
}

/// Aura equivocation reports.
impl<T: Config> Pallet<T> {
	pub(crate) fn do_report_aura_equivocation(
		proof: EquivocationProof<HeaderFor<T>, T::AuraId>,
		key_owner_proof: T::KeyOwnerProof,
		reporter: T::AccountId,
	) -> DispatchResult {
		ensure!(is_aura_equivocation(&proof), Error::<T>::InvalidEquivocationProof);
		let session_index = key_owner_proof.session();
		let validator_set_count = key_owner_proof.validator_count();
		let offender = T::KeyOwnership::check_proof(
			(<T::AuraId as RuntimeAppPublic>::ID, proof.offender),
			key_owner_proof,
		)
		.ok_or(Error::<T>::InvalidKeyOwnershipProof)?;
		let offence = AuraEquivocationOffence {
			slot: proof.slot,
			session_index,
			validator_set_count,
			offender,
		};
		T::ReportOffence::report_offence(vec![reporter], offence).map_err(|e| match e {
			OffenceError::DuplicateReport => Error::<T>::OffenceAlreadyReported,
			OffenceError::Other(_) => Error::<T>::InvalidEquivocationProof,
		})?;
		Ok(())
	}

	/// The weight of an Aura equivocation report: the benchmarked proof check (two header
	/// hashes, two signature checks) and [`Self::offence_report_weight`].
	pub(crate) fn report_weight() -> Weight {
		T::WeightInfo::check_aura_equivocation_proof().saturating_add(Self::offence_report_weight())
	}

	/// What reporting a proven equivocation weighs beyond checking its proof, whichever
	/// consensus it is of (a GRANDPA report goes the same way): the storage the key-ownership
	/// check (the current session's validators and their keys, or a past session's root), the
	/// offences pallet (its report index and report) and the offence handler (the admitted set,
	/// the session's validators and disabled list) touch, priced by the runtime's database
	/// weights.
	pub fn offence_report_weight() -> Weight {
		let validators = u64::from(T::MaxValidators::get());
		T::DbWeight::get().reads_writes(validators.saturating_add(8), 4)
	}
}

/// The same sets for the session pallet's `historical` module, which keeps each session's keys
/// provable (for equivocation reports). A validator needs no identification beyond its account:
/// its department is looked up when an offence is reported.
impl<T: Config> historical::SessionManager<T::AccountId, ()> for Pallet<T> {
	fn new_session(_: SessionIndex) -> Option<Vec<(T::AccountId, ())>> {
		Self::plan().map(|set| set.into_iter().map(|a| (a, ())).collect())
	}

	fn start_session(_: SessionIndex) {}

	/// Past `HistoryDepth`, a session's keys need no longer be provable: its root is pruned, so
	/// the historical record stays bounded.
	fn end_session(index: SessionIndex) {
		T::Session::prune_up_to(index.saturating_sub(T::HistoryDepth::get()));
	}
}

/// Offences proven on chain: each offender is reported to the session pallet, which disables it
/// for the rest of the session (every offence at the highest severity: in a city's network one
/// equivocation is as grave as another), and named in [`Event::OffenceReported`].
impl<T: Config, Id> OnOffenceHandler<T::AccountId, (T::AccountId, Id), Weight> for Pallet<T> {
	fn on_offence(
		offenders: &[OffenceDetails<T::AccountId, (T::AccountId, Id)>],
		_: &[Perbill],
		session: SessionIndex,
	) -> Weight {
		let admitted = Validators::<T>::get();
		for details in offenders {
			let account = details.offender.0.clone();
			let department = Self::department_in(&admitted, &account);
			T::Session::report_offence(account.clone(), OffenceSeverity::default());
			Self::deposit_event(Event::OffenceReported { account, department, session });
		}
		// Ours: the admitted set. The session pallet's, per offender: its validators and
		// disabled validators read, the disabled validators written.
		let n = offenders.len() as u64;
		T::DbWeight::get().reads_writes(n.saturating_mul(2).saturating_add(1), n)
	}
}

/// Queries behind the validators' runtime API.
impl<T: Config> Pallet<T> {
	/// The validator set as auditors see it: `session` with its `current` validators, the
	/// `next` session's, and the admitted ones, each with its operating department.
	pub fn validator_set(
		session: u32,
		current: Vec<T::AccountId>,
		next: Vec<T::AccountId>,
	) -> ValidatorSet<T::AccountId, BlockNumberFor<T>> {
		let admitted = Validators::<T>::get();
		let info = |account: T::AccountId| ValidatorInfo {
			department: Self::department_in(&admitted, &account),
			account,
		};
		ValidatorSet {
			session,
			current: current.into_iter().map(info).collect(),
			next: next.into_iter().map(info).collect(),
			admitted: admitted.to_vec(),
			min_validators: MinValidators::<T>::get(),
			session_length: SessionLength::<T>::get(),
		}
	}
}
