//! Benchmarks of the real-estate pallet (frame-benchmarking v2), each at its worst case: full
//! owner lists, full encumbrance and licence registers, every tax bill looked up.

#![allow(
	clippy::expect_used,
	clippy::unwrap_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use alloc::{vec, vec::Vec};
use civitas_primitives::{Role, SubjectKind};
use polkadot_sdk::{
	frame_benchmarking::v2::*,
	frame_support::{
		traits::{EnsureOrigin, Get},
		BoundedVec,
	},
	frame_system::{self, pallet_prelude::BlockNumberFor, RawOrigin},
	sp_core::H256,
};

const LICENCE_KINDS: [LicenceKind; 6] = LicenceKind::ALL;

/// A distinct hash for each `n` (`H256::from_low_u64_be` needs std).
fn hash_of(n: u64) -> H256 {
	let mut bytes = [0u8; 32];
	bytes[24..].copy_from_slice(&n.to_be_bytes());
	H256(bytes)
}

fn officer<T: Config>(role: Role) -> (DepartmentId, T::AccountId) {
	T::Roles::successful_officer_of(role).unwrap()
}

/// `n` new active people with shares summing to 1000.
fn owners<T: Config>(n: u32) -> Vec<(SubjectId, Share)> {
	let subjects = T::Identity::successful_subjects(SubjectKind::Person, n).unwrap();
	let each = WHOLE / n as Share;
	let first = WHOLE - each * (n as Share - 1);
	subjects.into_iter().enumerate().map(|(i, s)| (s, if i == 0 { first } else { each })).collect()
}

/// A cadastral reference of the longest length, unique per `seed`.
fn cadastral<T: Config>(seed: u64) -> Vec<u8> {
	let mut reference = vec![b'C'; T::MaxCadastralLength::get() as usize];
	let digits = seed.to_be_bytes();
	let at = reference.len() - digits.len();
	reference[at..].copy_from_slice(&digits);
	reference
}

/// A residential property with `n` owners, kept by the registry of
/// `RegistrarOrigin::successful_officer`.
fn property<T: Config>(n: u32) -> PropertyId {
	let (registry, _) = T::RegistrarOrigin::successful_officer().unwrap();
	let seed = NextPropertyId::<T>::get();
	Pallet::<T>::do_register(
		cadastral::<T>(seed),
		H256::repeat_byte(1),
		100,
		Usage::Residential,
		owners::<T>(n),
		H256::repeat_byte(2),
		registry,
	)
	.unwrap()
}

/// Fills the register of `property` with `n` mortgages of `lender`.
fn mortgages<T: Config>(property: PropertyId, lender: DepartmentId, n: u32) {
	let now = frame_system::Pallet::<T>::block_number();
	let list: Vec<_> = (0..n)
		.map(|i| Encumbrance {
			id: i,
			kind: EncumbranceKind::Mortgage { lender, amount: 1_000, rank: (i + 1) as u8 },
			registered_by: 0,
			registered_at: now,
		})
		.collect();
	Encumbrances::<T>::insert(property, BoundedVec::try_from(list).unwrap());
	NextEncumbranceId::<T>::insert(property, n);
}

/// Opens a transfer of `property` to `n` new buyers; returns the buyers.
fn transfer<T: Config>(property: PropertyId, n: u32) -> Vec<(SubjectId, Share)> {
	let (registry, registrar) = T::RegistrarOrigin::successful_officer().unwrap();
	let buyers = owners::<T>(n);
	Pallet::<T>::do_open_transfer(
		property,
		buyers.clone(),
		1_000,
		H256::zero(),
		registry,
		registrar,
	)
	.unwrap();
	buyers
}

/// A rule for `role` naming the most departments, `issuer` last.
fn rule<BlockNumber>(role: Role, issuer: DepartmentId) -> LicenceRule<BlockNumber> {
	let mut departments: Vec<DepartmentId> =
		(0..MAX_LICENCE_ISSUERS - 1).map(|d| issuer.wrapping_add(d + 1)).collect();
	departments.push(issuer);
	LicenceRule { role, departments: departments.try_into().unwrap(), max_validity: None }
}

/// Every consent `transfer` of `property` needs, recorded by `by`, except `skip`'s.
fn consents<T: Config>(
	property: PropertyId,
	bank: DepartmentId,
	by: &T::AccountId,
	skip: Option<SubjectId>,
) {
	let sellers = Properties::<T>::get(property).unwrap().owners;
	Transfers::<T>::mutate(property, |t| {
		let t = t.as_mut().unwrap();
		let subjects = sellers.iter().chain(t.buyers.iter()).map(|(s, _)| *s);
		let parties = subjects
			.filter(|s| Some(*s) != skip)
			.map(Party::Subject)
			.chain(core::iter::once(Party::Lender(bank)));
		for party in parties {
			let evidence = ConsentEvidence::Recorded(H256::repeat_byte(3));
			t.consents.try_push(Consent { party, evidence, by: by.clone() }).unwrap();
		}
	});
}

/// `MaxOutstandingTax - spare` assessed periods of `property`, each with the most parts, whose
/// bills are settled (so every one is looked up).
fn settled_tax<T: Config>(property: PropertyId, spare: u32) {
	let parts = T::MaxOwners::get();
	let periods: Vec<u32> = (0..T::MaxOutstandingTax::get() - spare).collect();
	for period in &periods {
		let bills: Vec<_> = (0..parts)
			.map(|i| TaxShare {
				payer: hash_of(u64::from(i)),
				share: 1,
				amount: 1,
				bill: hash_of(1_000 * u64::from(*period + 1) + u64::from(i)),
			})
			.collect();
		let assessment = TaxAssessment::<T> {
			amount: u128::from(parts),
			bills: bills.try_into().unwrap(),
			department: 0,
		};
		TaxAssessments::<T>::insert(property, period, assessment);
	}
	OutstandingTax::<T>::insert(property, BoundedVec::try_from(periods).unwrap());
}

/// Fills `property`'s licences so that the required kinds come last, all valid, and requires as
/// many kinds as allowed.
fn licences<T: Config>(property: PropertyId, issuer: DepartmentId, count: u32) {
	let required = (T::MaxRequiredLicences::get() as usize).min(LICENCE_KINDS.len());
	let kinds: Vec<_> = LICENCE_KINDS[..required].to_vec();
	RequiredLicences::<T>::insert(Usage::Residential, BoundedVec::try_from(kinds.clone()).unwrap());
	let now = frame_system::Pallet::<T>::block_number();
	let list: Vec<_> = (0..count)
		.map(|i| Licence {
			kind: kinds[(i as usize) % kinds.len()],
			document_hash: hash_of(u64::from(i) + 1),
			issuer,
			issued_at: now,
			valid_until: None,
			status: LicenceStatus::Active,
		})
		.collect();
	Licences::<T>::insert(property, BoundedVec::try_from(list).unwrap());
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_property(o: Linear<1, { T::MaxOwners::get() }>) {
		let (_, registrar) = T::RegistrarOrigin::successful_officer().unwrap();
		let owners = owners::<T>(o);
		let next = NextPropertyId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(registrar),
			cadastral::<T>(u64::MAX).try_into().unwrap(),
			H256::repeat_byte(1),
			100,
			Usage::Residential,
			owners.try_into().unwrap(),
			H256::repeat_byte(2),
		);

		assert_eq!(NextPropertyId::<T>::get(), next + 1);
	}

	/// With the most owners to drop from the index.
	#[benchmark]
	fn retire_property(s: Linear<1, { T::MaxSuccessors::get() }>) {
		let (_, registrar) = T::RegistrarOrigin::successful_officer().unwrap();
		let id = property::<T>(T::MaxOwners::get());
		let successors: Vec<_> = (0..s).map(|_| property::<T>(1)).collect();

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), id, successors.try_into().unwrap());

		assert_eq!(Properties::<T>::get(id).unwrap().status, PropertyStatus::Retired);
	}

	/// Replacing a stale transfer.
	#[benchmark]
	fn open_transfer(b: Linear<1, { T::MaxOwners::get() }>) {
		let (_, registrar) = T::RegistrarOrigin::successful_officer().unwrap();
		let id = property::<T>(T::MaxOwners::get());
		transfer::<T>(id, 1);
		let later =
			frame_system::Pallet::<T>::block_number() + T::TransferPeriod::get() + 1u32.into();
		frame_system::Pallet::<T>::set_block_number(later);
		let buyers = owners::<T>(b);

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), id, buyers.try_into().unwrap(), 1_000, H256::zero());

		assert_eq!(Transfers::<T>::get(id).unwrap().buyers.len() as u32, b);
	}

	/// The last buyer consents through its own account; every other party has, and the register
	/// is full of mortgages.
	#[benchmark]
	fn consent() {
		let (bank, _) = T::LenderOrigin::successful_officer().unwrap();
		let id = property::<T>(T::MaxOwners::get());
		mortgages::<T>(id, bank, T::MaxEncumbrances::get());
		transfer::<T>(id, T::MaxOwners::get());
		let account: T::AccountId = account("buyer", 0, 0);
		let linked =
			T::Identity::successful_subject(SubjectKind::Person, Some(account.clone())).unwrap();
		Transfers::<T>::mutate(id, |t| {
			let t = t.as_mut().unwrap();
			let at = t.buyers.len() - 1;
			t.buyers[at].0 = linked;
			t.terms = transfer_terms(t.id, id, &t.buyers, t.price, &t.deed);
		});
		consents::<T>(id, bank, &account, Some(linked));
		let open = Transfers::<T>::get(id).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(account), id, open.id, open.terms);

		let consents = Transfers::<T>::get(id).unwrap().consents;
		assert_eq!(consents.last().unwrap().party, Party::Subject(linked));
	}

	/// As [`consent`], recorded by a registrar.
	#[benchmark]
	fn record_consent() {
		let (_, registrar) = T::RegistrarOrigin::successful_officer().unwrap();
		let (bank, _) = T::LenderOrigin::successful_officer().unwrap();
		let id = property::<T>(T::MaxOwners::get());
		mortgages::<T>(id, bank, T::MaxEncumbrances::get());
		let buyers = transfer::<T>(id, T::MaxOwners::get());
		let (last, _) = *buyers.last().unwrap();
		consents::<T>(id, bank, &registrar, Some(last));
		let open = Transfers::<T>::get(id).unwrap();
		let before = open.consents.len();

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), id, open.id, open.terms, last, H256::repeat_byte(3));

		assert_eq!(Transfers::<T>::get(id).unwrap().consents.len(), before + 1);
	}

	/// `o` owners replaced by `o` buyers; full registers of mortgages, tax assessments and
	/// licences; every consent recorded by the opener, so the second officer is compared with
	/// each.
	#[benchmark]
	fn complete_transfer(o: Linear<1, { T::MaxOwners::get() }>) {
		let (registry, registrar) = T::RegistrarOrigin::successful_officer().unwrap();
		let second = T::Roles::successful_colleagues(registry, 1).unwrap().remove(0);
		let (bank, _) = T::LenderOrigin::successful_officer().unwrap();
		let id = property::<T>(o);
		mortgages::<T>(id, bank, T::MaxEncumbrances::get());
		licences::<T>(id, 0, T::MaxLicences::get());
		settled_tax::<T>(id, 0);
		transfer::<T>(id, o);
		consents::<T>(id, bank, &registrar, None);

		#[extrinsic_call]
		_(RawOrigin::Signed(second), id, H256::repeat_byte(9));

		assert!(!Transfers::<T>::contains_key(id));
	}

	#[benchmark]
	fn cancel_transfer() {
		let (_, registrar) = T::RegistrarOrigin::successful_officer().unwrap();
		let id = property::<T>(1);
		transfer::<T>(id, T::MaxOwners::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), id);

		assert!(!Transfers::<T>::contains_key(id));
	}

	#[benchmark]
	fn request_mortgage() {
		let (bank, banker) = T::LenderOrigin::successful_officer().unwrap();
		let id = property::<T>(1);

		#[extrinsic_call]
		_(RawOrigin::Signed(banker), id, 1_000_000, H256::zero());

		assert!(MortgageRequests::<T>::contains_key(id, bank));
	}

	/// Ranked after a nearly full register of mortgages.
	#[benchmark]
	fn register_mortgage() {
		let (_, registrar) = T::RegistrarOrigin::successful_officer().unwrap();
		let (bank, banker) = T::LenderOrigin::successful_officer().unwrap();
		let id = property::<T>(1);
		mortgages::<T>(id, bank, T::MaxEncumbrances::get() - 1);
		Pallet::<T>::do_request_mortgage(id, bank, 1_000, H256::zero(), banker).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), id, bank);

		assert_eq!(Encumbrances::<T>::get(id).len() as u32, T::MaxEncumbrances::get());
	}

	/// A lease (the lessee is checked) on a nearly full register.
	#[benchmark]
	fn register_encumbrance() {
		let (_, registrar) = T::RegistrarOrigin::successful_officer().unwrap();
		let (bank, _) = T::LenderOrigin::successful_officer().unwrap();
		let id = property::<T>(1);
		mortgages::<T>(id, bank, T::MaxEncumbrances::get() - 1);
		let lessee = T::Identity::successful_subject(SubjectKind::Enterprise, None).unwrap();
		let until: BlockNumberFor<T> = 1_000_000u32.into();

		#[extrinsic_call]
		_(RawOrigin::Signed(registrar), id, RegistrarEncumbrance::Lease { lessee, until });

		assert_eq!(Encumbrances::<T>::get(id).len() as u32, T::MaxEncumbrances::get());
	}

	#[benchmark]
	fn freeze() {
		let (_, judge) = T::CourtOrigin::successful_officer().unwrap();
		let (bank, _) = T::LenderOrigin::successful_officer().unwrap();
		let id = property::<T>(1);
		mortgages::<T>(id, bank, T::MaxEncumbrances::get() - 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(judge), id, H256::repeat_byte(5));

		assert_eq!(Properties::<T>::get(id).unwrap().status, PropertyStatus::Frozen);
	}

	/// The bank releases its most senior mortgage: every other one moves up a rank.
	#[benchmark]
	fn release_encumbrance() {
		let (bank, banker) = T::LenderOrigin::successful_officer().unwrap();
		let id = property::<T>(1);
		mortgages::<T>(id, bank, T::MaxEncumbrances::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(banker), id, 0);

		assert_eq!(Encumbrances::<T>::get(id).len() as u32, T::MaxEncumbrances::get() - 1);
	}

	/// On a full licence register whose only revoked licence is the last: every document hash
	/// compared, every licence looked at for room, the revoked one pruned.
	#[benchmark]
	fn issue_licence() {
		let (issuer, officer) = officer::<T>(Role::CredentialIssuer);
		let id = property::<T>(1);
		licences::<T>(id, issuer, T::MaxLicences::get());
		Licences::<T>::mutate(id, |l| {
			if let Some(last) = l.last_mut() {
				last.status = LicenceStatus::Revoked;
			}
		});
		LicenceRules::<T>::insert(LicenceKind::FireSafety, rule(Role::CredentialIssuer, issuer));

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), id, LicenceKind::FireSafety, H256::repeat_byte(0xee), None);

		let licences = Licences::<T>::get(id);
		assert_eq!(licences.len() as u32, T::MaxLicences::get());
		assert!(licences.iter().all(|l| l.status == LicenceStatus::Active));
	}

	/// The last licence of a full register.
	#[benchmark]
	fn revoke_licence() {
		let (issuer, officer) = officer::<T>(Role::CredentialIssuer);
		let id = property::<T>(1);
		licences::<T>(id, issuer, T::MaxLicences::get());
		let last = hash_of(u64::from(T::MaxLicences::get()));
		// Revoking needs the role the licence kind's rule names.
		for kind in LICENCE_KINDS {
			LicenceRules::<T>::insert(kind, rule(Role::CredentialIssuer, issuer));
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), id, last);

		assert!(!Pallet::<T>::verify_licence(id, last).unwrap().valid_now);
	}

	/// `o` owners, one bill each, issued through the runtime's `Bills`; every earlier
	/// assessment's bills looked up.
	#[benchmark]
	fn assess_tax(o: Linear<1, { T::MaxOwners::get() }>) {
		let (_, officer) = T::TaxAuthorityOrigin::successful_officer().unwrap();
		let id = property::<T>(o);
		settled_tax::<T>(id, 1);
		// A period per `o`: the test suite runs every component value on one thread, and the
		// mock's bills outlive the storage the suite reverts.
		let period = T::MaxOutstandingTax::get() + o;

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), id, period, 1_000_000);

		assert_eq!(TaxAssessments::<T>::get(id, period).unwrap().bills.len() as u32, o);
	}

	#[benchmark]
	fn set_licence_rule() {
		let origin = T::GovernanceOrigin::try_successful_origin().unwrap();
		let rule = rule(Role::CredentialIssuer, 1);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, LicenceKind::FireSafety, rule.clone());

		assert_eq!(LicenceRules::<T>::get(LicenceKind::FireSafety), Some(rule));
	}

	/// From another registry, dropping a stale transfer.
	#[benchmark]
	fn set_registry() {
		let origin = T::GovernanceOrigin::try_successful_origin().unwrap();
		let (registry, _) = T::RegistrarOrigin::successful_officer().unwrap();
		let id = property::<T>(1);
		transfer::<T>(id, 1);
		let later =
			frame_system::Pallet::<T>::block_number() + T::TransferPeriod::get() + 1u32.into();
		frame_system::Pallet::<T>::set_block_number(later);
		Properties::<T>::mutate(id, |p| p.as_mut().unwrap().registry = registry.wrapping_add(1));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, registry);

		assert_eq!(Properties::<T>::get(id).unwrap().registry, registry);
		assert!(!Transfers::<T>::contains_key(id));
	}

	#[benchmark]
	fn set_required_licences() {
		let origin = T::GovernanceOrigin::try_successful_origin().unwrap();
		let count = (T::MaxRequiredLicences::get() as usize).min(LICENCE_KINDS.len());
		let kinds = BoundedVec::try_from(LICENCE_KINDS[..count].to_vec()).unwrap();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Usage::Commercial, kinds);

		assert_eq!(RequiredLicences::<T>::get(Usage::Commercial).len(), count);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
