//! Benchmarks of the cross-city pallet (frame-benchmarking v2), each at its worst case: the
//! city registry full but for the city at hand, the message through the runtime's real router.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::arithmetic_side_effects)]

use super::*;
use polkadot_sdk::{frame_benchmarking::v2::*, frame_system::RawOrigin};

/// The longest name.
fn long_name<T: Config>() -> BoundedVec<u8, T::MaxNameLength> {
	alloc::vec![b'c'; T::MaxNameLength::get() as usize].try_into().unwrap()
}

/// Admits cities numbered from 3000 (away from the city under benchmark) until `count` are.
fn fill<T: Config>(count: u32) {
	let mut n = 3000;
	while Cities::<T>::count() < count {
		Pallet::<T>::admit(n, long_name::<T>()).unwrap();
		n += 1;
	}
}

/// The city the benchmarks send to and receive from: the one `CityOrigin`'s successful origin
/// names, admitted.
fn admitted_city<T: Config>() -> Result<(CityId, T::RuntimeOrigin), BenchmarkError> {
	let origin = T::CityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
	let city =
		T::CityOrigin::ensure_origin(origin.clone()).map_err(|_| BenchmarkError::Weightless)?;
	Pallet::<T>::admit(city, long_name::<T>()).map_err(|_| BenchmarkError::Weightless)?;
	Ok((city, origin))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn admit_city() -> Result<(), BenchmarkError> {
		fill::<T>(T::MaxCities::get() - 1);
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let name = long_name::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 2999, name);

		assert!(Pallet::<T>::is_admitted(2999));
		Ok(())
	}

	#[benchmark]
	fn remove_city() -> Result<(), BenchmarkError> {
		fill::<T>(T::MaxCities::get());
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 3000);

		assert!(!Pallet::<T>::is_admitted(3000));
		Ok(())
	}

	#[benchmark]
	fn notarise() -> Result<(), BenchmarkError> {
		let (city, _) = admitted_city::<T>()?;
		let (_, officer) =
			T::NotaryOrigin::successful_officer().map_err(|_| BenchmarkError::Weightless)?;
		T::BenchmarkHelper::open_channel(city);
		let record_hash = H256::repeat_byte(1);

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), city, record_hash);

		assert!(Sent::<T>::contains_key(city, record_hash));
		Ok(())
	}

	#[benchmark]
	fn receive_notarisation() -> Result<(), BenchmarkError> {
		let (city, origin) = admitted_city::<T>()?;
		let record_hash = H256::repeat_byte(1);
		let officer: T::AccountId = account("officer", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, record_hash, 3, officer);

		assert!(Received::<T>::contains_key(city, record_hash));
		Ok(())
	}

	#[benchmark]
	fn ask_certificate() -> Result<(), BenchmarkError> {
		let (city, _) = admitted_city::<T>()?;
		let (_, officer) =
			T::VerifierOrigin::successful_officer().map_err(|_| BenchmarkError::Weightless)?;
		T::BenchmarkHelper::open_channel(city);
		let query = NextQueryId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(officer), city, H256::repeat_byte(1), 1);

		assert!(CertificateQueries::<T>::contains_key(query));
		Ok(())
	}

	#[benchmark]
	fn check_certificate() -> Result<(), BenchmarkError> {
		let (city, origin) = admitted_city::<T>()?;
		T::BenchmarkHelper::open_channel(city);
		let (credential, schema) = T::BenchmarkHelper::valid_certificate();
		// The worst case: the certificate is found valid, every read succeeding.
		assert!(T::Credentials::is_valid(&credential, schema), "the certificate is valid");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0, credential, schema);

		Ok(())
	}

	#[benchmark]
	fn receive_certificate_answer() -> Result<(), BenchmarkError> {
		let (city, origin) = admitted_city::<T>()?;
		CertificateQueries::<T>::insert(
			0,
			CertificateQuery {
				city,
				credential: H256::repeat_byte(1),
				schema: 1,
				department: 3,
				officer: account("officer", 0, 0),
				asked_at: 0u32.into(),
				answer: None,
			},
		);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0, true);

		assert!(CertificateQueries::<T>::get(0).and_then(|q| q.answer).is_some());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
