//! # Cross-city
//!
//! City chains built from Civitas talk to each other over XCM: a department on one city's chain
//! notarises a record's hash on another's, which keeps it under the sending city's name. This is
//! the first of the "internet of blockchains" exchanges (a city asks another to hold proof that a
//! document existed, unchanged, when it sent it); the message and origin checks are the ones
//! further exchanges reuse.
//!
//! ## Model
//!
//! - A **city** is a sibling parachain, known by its para id, that this chain's governance
//!   admitted (`admit_city`, in the Civitas runtime two thirds of the council) under a name, and
//!   may remove again. Messages go only to admitted cities, and only admitted cities' messages
//!   are accepted: the runtime's XCM barrier lets a sibling's message execute only if
//!   [`Pallet::is_admitted`] says so, and this pallet checks again when the message's call
//!   arrives.
//! - **Notarising**: an officer allowed by `NotaryOrigin` (in the Civitas runtime, of a department
//!   holding `CredentialIssuer`) sends a record hash to an admitted city ([`Call::notarise`]).
//!   The message is an unpaid `Transact` of [`Call::receive_notarisation`] with the sending
//!   department and officer, dispatched there with the origin of this chain as a sibling.
//!   Each (city, hash) is sent once; the chain keeps when and by whom.
//! - **Receiving**: [`Call::receive_notarisation`] succeeds only with `CityOrigin` (in the
//!   Civitas runtime, a sibling chain's XCM origin) of an admitted city, and records the hash
//!   under that city with the department and officer the message names: department ids and
//!   accounts of the *sending* city, which this chain does not check (the sending chain did; the
//!   city's admission is the trust).
//! - **Asking about a certificate**: an officer allowed by `VerifierOrigin` (in the Civitas
//!   runtime, of a department holding `IdentityRegistrar`: the departments that register people
//!   and enterprises check the certificates they present) asks an admitted city whether a
//!   certificate it issued is valid ([`Call::ask_certificate`]: its id and schema, never whose it
//!   is). The city's chain answers with its own `Credentials` ([`Call::check_certificate`],
//!   arriving as this chain's message) by a message back ([`Call::receive_certificate_answer`]),
//!   which this chain accepts only from the city asked, once per query. Each query is kept with
//!   who asked and the answer; the answering chain keeps only its event (who asked is the asking
//!   city's record).
//! - Events name the city (its para id) at both ends, and the officer and department at the
//!   sending end.
//!
//! Both ends run the same runtime, so the call a city sends is this pallet's own call encoded at
//! this pallet's index.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;

pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use civitas_primitives::{CredentialId, CredentialVerifier, DepartmentId, EnsureOfficer, SchemaId};
use polkadot_sdk::{
	frame_support::{pallet_prelude::*, traits::EnsureOrigin},
	frame_system::pallet_prelude::*,
	sp_core::H256,
	staging_xcm::latest::prelude::*,
};

// FRAME's macros expand to `expect` on values they construct themselves.
#[allow(clippy::expect_used)]
#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
	use super::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config:
		polkadot_sdk::frame_system::Config<
		RuntimeEvent: From<Event<Self>>,
		RuntimeCall: From<Call<Self>>,
	>
	{
		/// Admits and removes cities (in the Civitas runtime: two thirds of the council).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// An officer who may notarise records on other cities' chains (in the Civitas runtime:
		/// of a department holding `CredentialIssuer`).
		type NotaryOrigin: EnsureOfficer<Self::RuntimeOrigin, Self::AccountId>;

		/// An officer who may ask other cities whether a certificate is valid (in the Civitas
		/// runtime: of a department holding `IdentityRegistrar`).
		type VerifierOrigin: EnsureOfficer<Self::RuntimeOrigin, Self::AccountId>;

		/// This chain's certificates, which other cities ask about (in the Civitas runtime: the
		/// civic identity pallet).
		type Credentials: CredentialVerifier;

		/// A message from another city's chain, yielding its para id (in the Civitas runtime: a
		/// sibling parachain's XCM origin).
		type CityOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = CityId>;

		/// Delivers messages to other chains (in the Civitas runtime: the XCMP queue).
		type XcmSender: SendXcm;

		/// This chain's own para id, which is no other city.
		type SelfCity: Get<CityId>;

		/// The most admitted cities.
		#[pallet::constant]
		type MaxCities: Get<u32>;

		/// The longest city name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Weights of this pallet's calls, generated by its benchmarks.
		type WeightInfo: WeightInfo;

		/// Benchmarks only: opens the route to a city, as the relay chain's state would.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper;
	}

	/// The admitted cities, by para id.
	#[pallet::storage]
	pub type Cities<T: Config> = CountedStorageMap<_, Twox64Concat, CityId, City<T>, OptionQuery>;

	/// The record hashes this chain sent to each city.
	#[pallet::storage]
	pub type Sent<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CityId,
		Identity,
		H256,
		Notarisation<T::AccountId, BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// The record hashes each city notarised on this chain.
	#[pallet::storage]
	pub type Received<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CityId,
		Identity,
		H256,
		Notarisation<T::AccountId, BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// The id the next certificate query gets.
	#[pallet::storage]
	pub type NextQueryId<T: Config> = StorageValue<_, CertificateQueryId, ValueQuery>;

	/// The certificate queries this chain asked, with their answers.
	#[pallet::storage]
	pub type CertificateQueries<T: Config> = StorageMap<
		_,
		Twox64Concat,
		CertificateQueryId,
		CertificateQuery<T::AccountId, BlockNumberFor<T>>,
		OptionQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance admitted a city: messages go to it and come from it.
		CityAdmitted {
			/// Its para id.
			city: CityId,
			/// Its name.
			name: BoundedVec<u8, T::MaxNameLength>,
		},
		/// Governance removed a city: no more messages to or from it.
		CityRemoved {
			/// Its para id.
			city: CityId,
		},
		/// A department sent a record hash to a city's chain to be notarised there.
		NotarisationSent {
			/// The city.
			city: CityId,
			/// The record's hash.
			record_hash: H256,
			/// The sending department.
			department: DepartmentId,
			/// The officer who sent it.
			officer: T::AccountId,
			/// The message's id (its XCM topic), as the receiving chain's message queue names it.
			message_id: [u8; 32],
		},
		/// A city notarised a record hash on this chain.
		NotarisationReceived {
			/// The sending city.
			city: CityId,
			/// The record's hash.
			record_hash: H256,
			/// The sending department, on the city's chain.
			department: DepartmentId,
			/// The sending officer, on the city's chain.
			officer: T::AccountId,
		},
		/// A department asked a city whether a certificate it issued is valid.
		CertificateQuerySent {
			/// The city asked.
			city: CityId,
			/// The query.
			query: CertificateQueryId,
			/// The certificate, by its id on the city's chain.
			credential: CredentialId,
			/// The schema it must be of.
			schema: SchemaId,
			/// The asking department.
			department: DepartmentId,
			/// The officer who asked.
			officer: T::AccountId,
			/// The message's id (its XCM topic).
			message_id: [u8; 32],
		},
		/// A city asked whether one of this chain's certificates is valid, and this chain
		/// answered.
		CertificateQueryAnswered {
			/// The asking city.
			city: CityId,
			/// The query, by the asking city's id.
			query: CertificateQueryId,
			/// The certificate.
			credential: CredentialId,
			/// The schema asked about.
			schema: SchemaId,
			/// The answer sent.
			valid: bool,
			/// The answering message's id (its XCM topic).
			message_id: [u8; 32],
		},
		/// A city's answer to this chain's certificate query arrived.
		CertificateAnswerReceived {
			/// The city that answered.
			city: CityId,
			/// The query.
			query: CertificateQueryId,
			/// The certificate.
			credential: CredentialId,
			/// Whether it is valid on the city's chain.
			valid: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The city is admitted already.
		CityAlreadyAdmitted,
		/// The city is not admitted.
		CityNotFound,
		/// `MaxCities` cities are admitted already.
		MaxCitiesExceeded,
		/// This chain is not another city.
		CityIsOwnChain,
		/// This chain sent that record hash to that city already.
		NotarisationAlreadySent,
		/// That city notarised that record hash on this chain already.
		NotarisationAlreadyReceived,
		/// The message could not be sent (no channel to the city's chain, or the channel is
		/// full or suspended).
		MessageNotSent,
		/// This chain asked that city no such certificate query.
		QueryNotFound,
		/// That certificate query was answered already.
		QueryAlreadyAnswered,
		/// The query ids ran out.
		IdsExhausted,
	}

	#[pallet::genesis_config]
	#[derive(polkadot_sdk::frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The cities admitted from the start: para id and name.
		pub cities: Vec<(CityId, Vec<u8>)>,
		#[serde(skip)]
		#[allow(missing_docs)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		// An invalid genesis must stop the chain from being built at all.
		fn build(&self) {
			for (city, name) in &self.cities {
				let name = name.clone().try_into().expect("genesis city names must fit");
				Pallet::<T>::admit(*city, name).expect("genesis cities must be valid");
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxCities::get() > 0, "MaxCities must be positive");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Admits `city` under `name`: messages go to its chain and come from it.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::admit_city())]
		pub fn admit_city(
			origin: OriginFor<T>,
			city: CityId,
			name: BoundedVec<u8, T::MaxNameLength>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::admit(city, name)
		}

		/// Removes `city`: its messages are refused from the next one on; what it notarised
		/// stays on record.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_city())]
		pub fn remove_city(origin: OriginFor<T>, city: CityId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Cities::<T>::take(city).ok_or(Error::<T>::CityNotFound)?;
			Self::deposit_event(Event::CityRemoved { city });
			Ok(())
		}

		/// Sends `record_hash` to `city`'s chain to be notarised there under this city's name.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::notarise())]
		pub fn notarise(origin: OriginFor<T>, city: CityId, record_hash: H256) -> DispatchResult {
			let (department, officer) = T::NotaryOrigin::ensure_officer(origin)?;
			ensure!(Cities::<T>::contains_key(city), Error::<T>::CityNotFound);
			ensure!(
				!Sent::<T>::contains_key(city, record_hash),
				Error::<T>::NotarisationAlreadySent
			);
			let call = Call::<T>::receive_notarisation {
				record_hash,
				department,
				officer: officer.clone(),
			};
			let message_id = Self::send(city, call)?;
			let at = polkadot_sdk::frame_system::Pallet::<T>::block_number();
			Sent::<T>::insert(
				city,
				record_hash,
				Notarisation { department, officer: officer.clone(), at },
			);
			Self::deposit_event(Event::NotarisationSent {
				city,
				record_hash,
				department,
				officer,
				message_id,
			});
			Ok(())
		}

		/// A city's notarisation of `record_hash` by its `department`'s `officer`, arriving as
		/// that city's message.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::receive_notarisation())]
		pub fn receive_notarisation(
			origin: OriginFor<T>,
			record_hash: H256,
			department: DepartmentId,
			officer: T::AccountId,
		) -> DispatchResult {
			let city = Self::ensure_city(origin)?;
			ensure!(
				!Received::<T>::contains_key(city, record_hash),
				Error::<T>::NotarisationAlreadyReceived
			);
			let at = polkadot_sdk::frame_system::Pallet::<T>::block_number();
			Received::<T>::insert(
				city,
				record_hash,
				Notarisation { department, officer: officer.clone(), at },
			);
			Self::deposit_event(Event::NotarisationReceived {
				city,
				record_hash,
				department,
				officer,
			});
			Ok(())
		}

		/// Asks `city` whether `credential`, a certificate its chain issued, is valid and of
		/// `schema`; the answer arrives as the city's message.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::ask_certificate())]
		pub fn ask_certificate(
			origin: OriginFor<T>,
			city: CityId,
			credential: CredentialId,
			schema: SchemaId,
		) -> DispatchResult {
			let (department, officer) = T::VerifierOrigin::ensure_officer(origin)?;
			ensure!(Cities::<T>::contains_key(city), Error::<T>::CityNotFound);
			let query = NextQueryId::<T>::get();
			let next = query.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
			let message_id =
				Self::send(city, Call::<T>::check_certificate { query, credential, schema })?;
			NextQueryId::<T>::put(next);
			let asked_at = polkadot_sdk::frame_system::Pallet::<T>::block_number();
			CertificateQueries::<T>::insert(
				query,
				CertificateQuery {
					city,
					credential,
					schema,
					department,
					officer: officer.clone(),
					asked_at,
					answer: None,
				},
			);
			Self::deposit_event(Event::CertificateQuerySent {
				city,
				query,
				credential,
				schema,
				department,
				officer,
				message_id,
			});
			Ok(())
		}

		/// A city's query `query`: is `credential`, a certificate of this chain, valid and of
		/// `schema`? Arrives as the city's message; answers with a message back.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::check_certificate())]
		pub fn check_certificate(
			origin: OriginFor<T>,
			query: CertificateQueryId,
			credential: CredentialId,
			schema: SchemaId,
		) -> DispatchResult {
			let city = Self::ensure_city(origin)?;
			let valid = T::Credentials::is_valid(&credential, schema);
			let message_id =
				Self::send(city, Call::<T>::receive_certificate_answer { query, valid })?;
			Self::deposit_event(Event::CertificateQueryAnswered {
				city,
				query,
				credential,
				schema,
				valid,
				message_id,
			});
			Ok(())
		}

		/// `city`'s answer to this chain's query `query`, arriving as the city's message.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::receive_certificate_answer())]
		pub fn receive_certificate_answer(
			origin: OriginFor<T>,
			query: CertificateQueryId,
			valid: bool,
		) -> DispatchResult {
			let city = Self::ensure_city(origin)?;
			CertificateQueries::<T>::try_mutate(query, |entry| {
				// Only the city asked answers; to anyone else the query does not exist.
				let asked = entry
					.as_mut()
					.filter(|asked| asked.city == city)
					.ok_or(Error::<T>::QueryNotFound)?;
				ensure!(asked.answer.is_none(), Error::<T>::QueryAlreadyAnswered);
				let at = polkadot_sdk::frame_system::Pallet::<T>::block_number();
				asked.answer = Some(CertificateAnswer { valid, at });
				Self::deposit_event(Event::CertificateAnswerReceived {
					city,
					query,
					credential: asked.credential,
					valid,
				});
				Ok(())
			})
		}
	}
}

/// Benchmarks only: what the runtime sets up for a message to reach a city, and for a
/// certificate query's worst case.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// Makes a channel to `city`'s chain usable (in a parachain runtime: an open HRMP channel).
	fn open_channel(city: CityId);

	/// A certificate `Credentials` holds valid (the longest check: every read succeeds), made
	/// or found.
	fn valid_certificate() -> (CredentialId, SchemaId);
}

impl<T: Config> Pallet<T> {
	/// Whether `city` is admitted: the runtime's XCM barrier asks before a sibling's message
	/// executes. One read.
	pub fn is_admitted(city: CityId) -> bool {
		Cities::<T>::contains_key(city)
	}

	/// The admitted cities, by para id.
	pub fn cities() -> Vec<runtime_api::CityInfo<BlockNumberFor<T>>> {
		Cities::<T>::iter()
			.map(|(city, info)| runtime_api::CityInfo {
				city,
				name: info.name.into_inner(),
				admitted_at: info.admitted_at,
			})
			.collect()
	}

	/// The admitted city whose message `origin` is.
	fn ensure_city(origin: OriginFor<T>) -> Result<CityId, DispatchError> {
		let city = T::CityOrigin::ensure_origin(origin)?;
		ensure!(Self::is_admitted(city), Error::<T>::CityNotFound);
		Ok(city)
	}

	/// Admits `city` under `name`.
	fn admit(city: CityId, name: BoundedVec<u8, T::MaxNameLength>) -> DispatchResult {
		ensure!(city != T::SelfCity::get(), Error::<T>::CityIsOwnChain);
		ensure!(!Cities::<T>::contains_key(city), Error::<T>::CityAlreadyAdmitted);
		ensure!(Cities::<T>::count() < T::MaxCities::get(), Error::<T>::MaxCitiesExceeded);
		let admitted_at = polkadot_sdk::frame_system::Pallet::<T>::block_number();
		Cities::<T>::insert(city, City { name: name.clone(), admitted_at });
		Self::deposit_event(Event::CityAdmitted { city, name });
		Ok(())
	}

	/// Sends `call` to `city`'s chain, to be dispatched there with this chain's origin as a
	/// sibling, unpaid (the receiving chain's barrier admits admitted cities' messages without
	/// fees). The message's id.
	fn send(city: CityId, call: Call<T>) -> Result<[u8; 32], DispatchError> {
		let call: <T as polkadot_sdk::frame_system::Config>::RuntimeCall = call.into();
		let message = Xcm(alloc::vec![
			UnpaidExecution { weight_limit: Unlimited, check_origin: None },
			Transact {
				origin_kind: OriginKind::Native,
				fallback_max_weight: None,
				call: call.encode().into(),
			},
		]);
		let (message_id, _price) =
			send_xcm::<T::XcmSender>(Location::new(1, [Parachain(city)]), message)
				.map_err(|_| Error::<T>::MessageNotSent)?;
		Ok(message_id)
	}
}
