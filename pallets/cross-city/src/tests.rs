//! The cross-city pallet's behaviour: admission by governance only, notarising by a notary
//! officer to admitted cities only, once per hash, and receiving from admitted cities only;
//! certificate queries asked by registrars, answered from this chain's certificates, and their
//! answers accepted from the city asked only, once.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use crate::{
	mock::*, Call, CertificateAnswer, CertificateQueries, CertificateQuery, Cities, Error, Event,
	NextQueryId, Notarisation, Received, Sent,
};
use civitas_primitives::testing::{DEPARTMENT_NOT_ACTIVE, NOT_OFFICER, ROLE_NOT_HELD};
use codec::Decode;
use polkadot_sdk::{
	frame_support::{assert_noop, assert_ok, BoundedVec},
	sp_core::H256,
	sp_runtime::DispatchError,
	staging_xcm::latest::prelude::*,
};

fn name(bytes: &[u8]) -> BoundedVec<u8, polkadot_sdk::frame_support::traits::ConstU32<16>> {
	bytes.to_vec().try_into().unwrap()
}

fn city(n: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(n)
}

const HASH: H256 = H256::repeat_byte(7);

#[test]
fn governance_admits_and_removes_cities() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			CrossCity::admit_city(RuntimeOrigin::signed(NOTARY), STRANGER, name(b"Hebei")),
			DispatchError::BadOrigin
		);
		assert_ok!(CrossCity::admit_city(RuntimeOrigin::root(), STRANGER, name(b"Hebei")));
		System::assert_last_event(
			Event::CityAdmitted { city: STRANGER, name: name(b"Hebei") }.into(),
		);
		assert_eq!(Cities::<Test>::get(STRANGER).unwrap().admitted_at, 1);
		assert!(CrossCity::is_admitted(STRANGER));

		assert_noop!(
			CrossCity::admit_city(RuntimeOrigin::root(), NEIGHBOUR, name(b"again")),
			Error::<Test>::CityAlreadyAdmitted
		);
		// MaxCities is two.
		assert_noop!(
			CrossCity::admit_city(RuntimeOrigin::root(), 2003, name(b"third")),
			Error::<Test>::MaxCitiesExceeded
		);
		assert_noop!(
			CrossCity::admit_city(RuntimeOrigin::root(), HOME, name(b"home")),
			Error::<Test>::CityIsOwnChain
		);

		assert_noop!(
			CrossCity::remove_city(RuntimeOrigin::signed(NOTARY), STRANGER),
			DispatchError::BadOrigin
		);
		assert_ok!(CrossCity::remove_city(RuntimeOrigin::root(), STRANGER));
		System::assert_last_event(Event::CityRemoved { city: STRANGER }.into());
		assert!(!CrossCity::is_admitted(STRANGER));
		assert_noop!(
			CrossCity::remove_city(RuntimeOrigin::root(), STRANGER),
			Error::<Test>::CityNotFound
		);
		// Room again for another city.
		assert_ok!(CrossCity::admit_city(RuntimeOrigin::root(), 2003, name(b"third")));
	});
}

#[test]
fn a_notary_sends_a_transact_of_the_receiving_call_to_the_city() {
	new_test_ext().execute_with(|| {
		assert_ok!(CrossCity::notarise(RuntimeOrigin::signed(NOTARY), NEIGHBOUR, HASH));

		let sent = sent();
		assert_eq!(sent.len(), 1);
		let (dest, message) = &sent[0];
		assert_eq!(*dest, Location::new(1, [Parachain(NEIGHBOUR)]));
		let [UnpaidExecution { weight_limit: Unlimited, check_origin: None }, Transact { origin_kind: OriginKind::Native, fallback_max_weight: None, call }] =
			message.0.as_slice()
		else {
			panic!("unexpected message {message:?}");
		};
		let call = RuntimeCall::decode(&mut call.encoded()).unwrap();
		assert_eq!(
			call,
			RuntimeCall::CrossCity(Call::receive_notarisation {
				record_hash: HASH,
				department: NOTARY_DEPT,
				officer: NOTARY,
			})
		);

		assert_eq!(
			Sent::<Test>::get(NEIGHBOUR, HASH),
			Some(Notarisation { department: NOTARY_DEPT, officer: NOTARY, at: 1 })
		);
		let message_id = codec::Encode::using_encoded(message, polkadot_sdk::sp_io::hashing::blake2_256);
		System::assert_last_event(
			Event::NotarisationSent {
				city: NEIGHBOUR,
				record_hash: HASH,
				department: NOTARY_DEPT,
				officer: NOTARY,
				message_id,
			}
			.into(),
		);

		// Once per city and hash.
		assert_noop!(
			CrossCity::notarise(RuntimeOrigin::signed(NOTARY), NEIGHBOUR, HASH),
			Error::<Test>::NotarisationAlreadySent
		);
	});
}

#[test]
fn only_notaries_of_active_departments_notarise_and_only_to_admitted_cities() {
	new_test_ext().execute_with(|| {
		assert_noop!(CrossCity::notarise(RuntimeOrigin::signed(99), NEIGHBOUR, HASH), NOT_OFFICER);
		assert_noop!(
			CrossCity::notarise(RuntimeOrigin::signed(OTHER), NEIGHBOUR, HASH),
			ROLE_NOT_HELD
		);
		assert_noop!(
			CrossCity::notarise(RuntimeOrigin::signed(NOTARY), STRANGER, HASH),
			Error::<Test>::CityNotFound
		);
		assert_noop!(
			CrossCity::notarise(RuntimeOrigin::none(), NEIGHBOUR, HASH),
			DispatchError::BadOrigin
		);
		civitas_primitives::testing::MockRoles::suspend(NOTARY_DEPT);
		assert_noop!(
			CrossCity::notarise(RuntimeOrigin::signed(NOTARY), NEIGHBOUR, HASH),
			DEPARTMENT_NOT_ACTIVE
		);
		assert!(sent().is_empty());
	});
}

#[test]
fn a_message_that_cannot_be_sent_changes_nothing() {
	new_test_ext().execute_with(|| {
		close_channel();
		assert_noop!(
			CrossCity::notarise(RuntimeOrigin::signed(NOTARY), NEIGHBOUR, HASH),
			Error::<Test>::MessageNotSent
		);
		assert!(Sent::<Test>::get(NEIGHBOUR, HASH).is_none());
	});
}

#[test]
fn admitted_cities_notarise_here_once_per_hash() {
	new_test_ext().execute_with(|| {
		assert_ok!(CrossCity::receive_notarisation(city(NEIGHBOUR as u64), HASH, 5, 55));
		assert_eq!(
			Received::<Test>::get(NEIGHBOUR, HASH),
			Some(Notarisation { department: 5, officer: 55, at: 1 })
		);
		System::assert_last_event(
			Event::NotarisationReceived {
				city: NEIGHBOUR,
				record_hash: HASH,
				department: 5,
				officer: 55,
			}
			.into(),
		);
		assert_noop!(
			CrossCity::receive_notarisation(city(NEIGHBOUR as u64), HASH, 5, 55),
			Error::<Test>::NotarisationAlreadyReceived
		);
	});
}

#[test]
fn only_admitted_cities_messages_are_received() {
	new_test_ext().execute_with(|| {
		// Not a city's message at all: a department's officer, Root.
		assert_noop!(
			CrossCity::receive_notarisation(RuntimeOrigin::signed(NOTARY), HASH, 5, 55),
			DispatchError::BadOrigin
		);
		assert_noop!(
			CrossCity::receive_notarisation(RuntimeOrigin::root(), HASH, 5, 55),
			DispatchError::BadOrigin
		);
		assert_noop!(
			CrossCity::receive_notarisation(city(STRANGER as u64), HASH, 5, 55),
			Error::<Test>::CityNotFound
		);
		// A removed city's later messages are refused; what it notarised stays.
		assert_ok!(CrossCity::receive_notarisation(city(NEIGHBOUR as u64), HASH, 5, 55));
		assert_ok!(CrossCity::remove_city(RuntimeOrigin::root(), NEIGHBOUR));
		assert_noop!(
			CrossCity::receive_notarisation(city(NEIGHBOUR as u64), H256::repeat_byte(8), 5, 55),
			Error::<Test>::CityNotFound
		);
		assert!(Received::<Test>::get(NEIGHBOUR, HASH).is_some());
	});
}

/// The `i`-th message sent: its destination and the call its `Transact` carries (after an
/// unpaid execution, as every message of this pallet).
fn sent_call(i: usize) -> (Location, RuntimeCall, [u8; 32]) {
	let (dest, message) = sent()[i].clone();
	let [UnpaidExecution { weight_limit: Unlimited, check_origin: None }, Transact { origin_kind: OriginKind::Native, fallback_max_weight: None, call }] =
		message.0.as_slice()
	else {
		panic!("unexpected message {message:?}");
	};
	let call = RuntimeCall::decode(&mut call.encoded()).unwrap();
	let id = codec::Encode::using_encoded(&message, polkadot_sdk::sp_io::hashing::blake2_256);
	(dest, call, id)
}

#[test]
fn a_registrar_asks_a_city_about_a_certificate_and_keeps_its_answer() {
	new_test_ext().execute_with(|| {
		assert_ok!(CrossCity::ask_certificate(
			RuntimeOrigin::signed(VERIFIER),
			NEIGHBOUR,
			LICENCE,
			1
		));

		let (dest, call, message_id) = sent_call(0);
		assert_eq!(dest, Location::new(1, [Parachain(NEIGHBOUR)]));
		assert_eq!(
			call,
			RuntimeCall::CrossCity(Call::check_certificate {
				query: 0,
				credential: LICENCE,
				schema: 1
			})
		);
		let asked = CertificateQuery {
			city: NEIGHBOUR,
			credential: LICENCE,
			schema: 1,
			department: VERIFIER_DEPT,
			officer: VERIFIER,
			asked_at: 1,
			answer: None,
		};
		assert_eq!(CertificateQueries::<Test>::get(0), Some(asked.clone()));
		assert_eq!(NextQueryId::<Test>::get(), 1);
		System::assert_last_event(
			Event::CertificateQuerySent {
				city: NEIGHBOUR,
				query: 0,
				credential: LICENCE,
				schema: 1,
				department: VERIFIER_DEPT,
				officer: VERIFIER,
				message_id,
			}
			.into(),
		);

		// Another city's answer, or an answer to a query never asked, is no answer.
		assert_ok!(CrossCity::admit_city(RuntimeOrigin::root(), STRANGER, name(b"Hebei")));
		assert_noop!(
			CrossCity::receive_certificate_answer(city(STRANGER as u64), 0, true),
			Error::<Test>::QueryNotFound
		);
		assert_noop!(
			CrossCity::receive_certificate_answer(city(NEIGHBOUR as u64), 1, true),
			Error::<Test>::QueryNotFound
		);
		assert_noop!(
			CrossCity::receive_certificate_answer(RuntimeOrigin::signed(VERIFIER), 0, true),
			DispatchError::BadOrigin
		);

		System::set_block_number(3);
		assert_ok!(CrossCity::receive_certificate_answer(city(NEIGHBOUR as u64), 0, true));
		assert_eq!(
			CertificateQueries::<Test>::get(0),
			Some(CertificateQuery {
				answer: Some(CertificateAnswer { valid: true, at: 3 }),
				..asked
			})
		);
		System::assert_last_event(
			Event::CertificateAnswerReceived {
				city: NEIGHBOUR,
				query: 0,
				credential: LICENCE,
				valid: true,
			}
			.into(),
		);
		// Once.
		assert_noop!(
			CrossCity::receive_certificate_answer(city(NEIGHBOUR as u64), 0, false),
			Error::<Test>::QueryAlreadyAnswered
		);
	});
}

#[test]
fn only_registrars_of_active_departments_ask_and_only_admitted_cities() {
	new_test_ext().execute_with(|| {
		let ask =
			|who: u64, to| CrossCity::ask_certificate(RuntimeOrigin::signed(who), to, LICENCE, 1);
		assert_noop!(ask(99, NEIGHBOUR), NOT_OFFICER);
		// A notary holds `CredentialIssuer`, not `IdentityRegistrar`.
		assert_noop!(ask(NOTARY, NEIGHBOUR), ROLE_NOT_HELD);
		assert_noop!(ask(VERIFIER, STRANGER), Error::<Test>::CityNotFound);
		assert_noop!(
			CrossCity::ask_certificate(RuntimeOrigin::root(), NEIGHBOUR, LICENCE, 1),
			DispatchError::BadOrigin
		);
		close_channel();
		assert_noop!(ask(VERIFIER, NEIGHBOUR), Error::<Test>::MessageNotSent);
		civitas_primitives::testing::MockRoles::suspend(VERIFIER_DEPT);
		assert_noop!(ask(VERIFIER, NEIGHBOUR), DEPARTMENT_NOT_ACTIVE);
		assert!(sent().is_empty());
		assert_eq!(NextQueryId::<Test>::get(), 0);
	});
}

#[test]
fn a_citys_query_is_answered_from_this_chains_certificates() {
	new_test_ext().execute_with(|| {
		issue_licence();
		let check = |query, credential, schema| {
			CrossCity::check_certificate(city(NEIGHBOUR as u64), query, credential, schema)
		};
		assert_ok!(check(4, LICENCE, 1));
		// Of another schema, or unknown here: not valid.
		assert_ok!(check(5, LICENCE, 2));
		assert_ok!(check(6, H256::repeat_byte(9), 1));

		for (i, (query, schema, credential, valid)) in
			[(4, 1, LICENCE, true), (5, 2, LICENCE, false), (6, 1, H256::repeat_byte(9), false)]
				.into_iter()
				.enumerate()
		{
			let (dest, call, message_id) = sent_call(i);
			assert_eq!(dest, Location::new(1, [Parachain(NEIGHBOUR)]));
			assert_eq!(
				call,
				RuntimeCall::CrossCity(Call::receive_certificate_answer { query, valid })
			);
			System::assert_has_event(
				Event::CertificateQueryAnswered {
					city: NEIGHBOUR,
					query,
					credential,
					schema,
					valid,
					message_id,
				}
				.into(),
			);
		}

		// Only admitted cities ask.
		assert_noop!(
			CrossCity::check_certificate(RuntimeOrigin::signed(VERIFIER), 7, LICENCE, 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			CrossCity::check_certificate(city(STRANGER as u64), 7, LICENCE, 1),
			Error::<Test>::CityNotFound
		);
		assert_eq!(sent().len(), 3);
	});
}
