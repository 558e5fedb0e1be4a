//! The credit records pallet as the chain's [`CreditRecorder`] and [`CreditProfile`].

use polkadot_sdk::{sp_core::H256, sp_runtime::DispatchError};

use crate::{pallet::*, CreditCategory, DepartmentId, RecordId, RecordSource, SubjectId};
use civitas_primitives::{CreditProfile, CreditRecorder, CreditStanding};

impl<T: Config> CreditRecorder for Pallet<T> {
	fn record(
		subject: &SubjectId,
		department: DepartmentId,
		source: [u8; 8],
		category: CreditCategory,
		score_delta: i32,
		evidence: H256,
	) -> Result<RecordId, DispatchError> {
		Self::do_record(
			*subject,
			category,
			score_delta,
			evidence,
			Self::publication_limit(category),
			department,
			RecordSource::Pallet(source),
		)
	}
}

impl<T: Config> CreditProfile for Pallet<T> {
	fn score(subject: &SubjectId) -> i32 {
		Self::score_of(&Profiles::<T>::get(subject))
	}

	fn standing(subject: &SubjectId) -> CreditStanding {
		Profiles::<T>::get(subject).standing
	}

	fn standing_counting_objections(subject: &SubjectId) -> CreditStanding {
		let mut profile = Profiles::<T>::get(subject);
		profile.sum = profile.sum.saturating_add(profile.objected_sum);
		Self::standing_for(Self::score_of(&profile))
	}
}
