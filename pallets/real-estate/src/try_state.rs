//! The register's invariants, checked by `try_state` and after every unit test.

use alloc::vec::Vec;
use polkadot_sdk::{frame_support::ensure, sp_runtime::TryRuntimeError};

use civitas_primitives::all_distinct;

use crate::{
	pallet::*, transfer_terms, EncumbranceKind, LicenceKind, PropertyStatus, TitleHistory,
	Transfers, WHOLE,
};

impl<T: Config> Pallet<T> {
	/// Every property is found under its cadastral reference, has one title entry per version,
	/// and (unless retired) owners whose shares make the whole, each indexed under its share;
	/// every index entry names a live property it owns that share of; a property is frozen exactly
	/// while a court freeze is registered; mortgage ranks run 1..=n; encumbrance ids are below the
	/// property's next id; licence documents appear once per property; transfers are open only on
	/// live properties, numbered below the next number, with the hash of their own terms; every
	/// licence kind has a valid rule in the current layout (or none has, before governance sets
	/// them); a tax assessment's parts sum to its amount and every period counted outstanding was
	/// assessed.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next = NextPropertyId::<T>::get();
		for (id, property) in Properties::<T>::iter() {
			ensure!(id < next, "property id not below NextPropertyId");
			ensure!(
				PropertyByCadastre::<T>::get(&property.cadastral_ref) == Some(id),
				"property missing from the cadastral index"
			);
			let entries = TitleHistory::<T>::iter_prefix(id).count();
			ensure!(entries == property.version as usize, "title history out of step with version");

			let encumbrances = Encumbrances::<T>::get(id);
			let retired = property.status == PropertyStatus::Retired;
			if !retired {
				let total =
					property.owners.iter().fold(0u32, |t, (_, s)| t.saturating_add(u32::from(*s)));
				ensure!(total == u32::from(WHOLE), "owners' shares do not make the whole");
				for (owner, share) in &property.owners {
					ensure!(
						PropertiesOf::<T>::get(owner, id) == Some(*share),
						"owner's share not indexed"
					);
				}
				let frozen = encumbrances
					.iter()
					.any(|e| matches!(e.kind, EncumbranceKind::CourtFreeze { .. }));
				ensure!(
					frozen == (property.status == PropertyStatus::Frozen),
					"frozen status out of step with the court freezes"
				);
			}
			let mut ranks: Vec<u8> = encumbrances
				.iter()
				.filter_map(|e| match e.kind {
					EncumbranceKind::Mortgage { rank, .. } => Some(rank),
					_ => None,
				})
				.collect();
			ranks.sort_unstable();
			ensure!(
				ranks.iter().enumerate().all(|(i, r)| usize::from(*r) == i.saturating_add(1)),
				"mortgage ranks do not run 1..=n"
			);
			let next_encumbrance = NextEncumbranceId::<T>::get(id);
			ensure!(
				encumbrances.iter().all(|e| e.id < next_encumbrance),
				"encumbrance id not below the property's next id"
			);
			let documents: Vec<_> =
				Licences::<T>::get(id).iter().map(|l| l.document_hash).collect();
			ensure!(all_distinct(&documents), "a licence document appears twice");
			if retired {
				ensure!(!Transfers::<T>::contains_key(id), "a transfer open on a retired property");
			}
		}
		for (owner, id, share) in PropertiesOf::<T>::iter() {
			let owns = Properties::<T>::get(id).is_some_and(|p| {
				p.status != PropertyStatus::Retired && p.owners.contains(&(owner, share))
			});
			ensure!(owns, "owner index names a property the subject does not own");
		}
		for (_, id) in PropertyByCadastre::<T>::iter() {
			ensure!(Properties::<T>::contains_key(id), "cadastral index names no property");
		}
		let next_transfer = NextTransferId::<T>::get();
		for (id, transfer) in Transfers::<T>::iter() {
			ensure!(Properties::<T>::contains_key(id), "a transfer on no property");
			ensure!(transfer.id < next_transfer, "transfer number not below NextTransferId");
			ensure!(
				transfer.terms
					== transfer_terms(
						transfer.id,
						id,
						&transfer.buyers,
						transfer.price,
						&transfer.deed
					),
				"transfer terms hash out of step with its terms"
			);
		}
		let rules: Vec<_> = LicenceKind::ALL.iter().map(LicenceRules::<T>::get).collect();
		ensure!(
			rules.iter().all(Option::is_some) || rules.iter().all(Option::is_none),
			"some licence kinds have a rule and others none"
		);
		ensure!(
			LicenceRules::<T>::iter_keys().count() == rules.iter().flatten().count(),
			"a stored licence rule does not decode in the current layout"
		);
		ensure!(
			rules.iter().flatten().all(|rule| Self::check_licence_rule(rule).is_ok()),
			"a licence rule set_licence_rule would refuse"
		);
		for (id, _, assessment) in TaxAssessments::<T>::iter() {
			ensure!(Properties::<T>::contains_key(id), "a tax assessment of no property");
			let sum =
				assessment.bills.iter().fold(0u128, |sum, part| sum.saturating_add(part.amount));
			ensure!(sum == assessment.amount, "tax parts do not sum to the assessed amount");
		}
		for (id, periods) in OutstandingTax::<T>::iter() {
			ensure!(
				periods.iter().all(|p| TaxAssessments::<T>::contains_key(id, p)),
				"an outstanding tax period without an assessment"
			);
		}
		Ok(())
	}
}
