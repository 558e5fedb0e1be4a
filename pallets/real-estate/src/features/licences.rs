//! Licences from many departments: who may issue each kind, issuing and revoking.

use polkadot_sdk::{
	frame_support::{ensure, pallet_prelude::*},
	frame_system::pallet_prelude::*,
	sp_core::H256,
	sp_runtime::{traits::Zero, Saturating},
};

use crate::{
	pallet::*, DepartmentId, Licence, LicenceKind, LicenceRule, LicenceStatus, PropertyId,
	RoleAuthority,
};
use civitas_primitives::all_distinct;

impl<T: Config> Pallet<T> {
	/// Sets who may issue licences of `kind` (governance).
	pub(crate) fn do_set_licence_rule(
		kind: LicenceKind,
		rule: LicenceRule<BlockNumberFor<T>>,
	) -> DispatchResult {
		Self::check_licence_rule(&rule)?;
		LicenceRules::<T>::insert(kind, rule.clone());
		Self::deposit_event(Event::LicenceRuleSet { kind, rule });
		Ok(())
	}

	/// Sets the licence kinds a transfer of a property of `usage` requires (governance).
	pub(crate) fn do_set_required_licences(
		usage: crate::Usage,
		kinds: BoundedVec<LicenceKind, T::MaxRequiredLicences>,
	) -> DispatchResult {
		RequiredLicences::<T>::insert(usage, &kinds);
		Self::deposit_event(Event::RequiredLicencesSet { usage, kinds });
		Ok(())
	}

	/// The department of `who` and the rule of `kind`, if the rule lets the department issue
	/// such licences now.
	fn licence_issuer(
		who: &T::AccountId,
		kind: LicenceKind,
	) -> Result<(DepartmentId, LicenceRule<BlockNumberFor<T>>), DispatchError> {
		let rule = LicenceRules::<T>::get(kind).ok_or(Error::<T>::LicenceRuleNotFound)?;
		let department = T::Roles::ensure_role(who, rule.role)?;
		ensure!(rule.departments.contains(&department), Error::<T>::NotLicenceIssuer);
		Ok((department, rule))
	}

	/// `Ok` if `rule` names at least one department, each once, and a longest validity of at
	/// least one block if any.
	pub(crate) fn check_licence_rule(rule: &LicenceRule<BlockNumberFor<T>>) -> DispatchResult {
		ensure!(!rule.departments.is_empty(), Error::<T>::LicenceIssuersEmpty);
		ensure!(all_distinct(&rule.departments), Error::<T>::DuplicateIssuer);
		ensure!(!rule.max_validity.is_some_and(|v| v.is_zero()), Error::<T>::InvalidMaxValidity);
		Ok(())
	}

	pub(crate) fn do_issue_licence(
		property: PropertyId,
		kind: LicenceKind,
		document_hash: H256,
		valid_until: Option<BlockNumberFor<T>>,
		who: T::AccountId,
	) -> DispatchResult {
		Self::live_property(property)?;
		let (department, rule) = Self::licence_issuer(&who, kind)?;
		let now = Self::now();
		ensure!(valid_until.is_none_or(|until| until > now), Error::<T>::ValidityInPast);
		if let Some(max) = rule.max_validity {
			let latest = now.saturating_add(max);
			ensure!(
				valid_until.is_some_and(|until| until <= latest),
				Error::<T>::MaxValidityExceeded
			);
		}
		let mut licences = Licences::<T>::get(property);
		ensure!(
			!licences.iter().any(|l| l.document_hash == document_hash),
			Error::<T>::LicenceAlreadyExists
		);
		// A full register makes room by dropping its oldest revoked or expired licence, so it
		// can never be filled for good (the events keep the dropped licence's history).
		let pruned = if licences.is_full() {
			licences.iter().position(|l| !l.valid_at(&now)).map(|at| licences.remove(at))
		} else {
			None
		};
		let licence = Licence {
			kind,
			document_hash,
			issuer: department,
			issued_at: now,
			valid_until,
			status: LicenceStatus::Active,
		};
		licences.try_push(licence).map_err(|_| Error::<T>::MaxLicencesExceeded)?;
		Licences::<T>::insert(property, licences);
		if let Some(old) = pruned {
			Self::deposit_event(Event::LicencePruned {
				property,
				document_hash: old.document_hash,
			});
		}
		Self::deposit_event(Event::LicenceIssued {
			property,
			kind,
			document_hash,
			department,
			officer: who,
		});
		Ok(())
	}

	pub(crate) fn do_revoke_licence(
		property: PropertyId,
		document_hash: H256,
		who: T::AccountId,
	) -> DispatchResult {
		let mut licences = Licences::<T>::get(property);
		let licence = licences
			.iter_mut()
			.find(|l| l.document_hash == document_hash)
			.ok_or(Error::<T>::LicenceNotFound)?;
		// Only the issuing department, while it is active and still holds the role the kind's
		// rule names, revokes a licence.
		let rule = LicenceRules::<T>::get(licence.kind).ok_or(Error::<T>::LicenceRuleNotFound)?;
		let department = T::Roles::ensure_role(&who, rule.role)?;
		ensure!(licence.issuer == department, Error::<T>::NotLicenceHolder);
		ensure!(licence.status == LicenceStatus::Active, Error::<T>::LicenceAlreadyRevoked);
		licence.status = LicenceStatus::Revoked;
		Licences::<T>::insert(property, licences);
		Self::deposit_event(Event::LicenceRevoked {
			property,
			document_hash,
			department,
			officer: who,
		});
		Ok(())
	}
}
