//! Cross-city XCM proven in-process: two city chains of this runtime (para 2000, Beijing, and
//! para 2001, Tianjin), each with its own state, exchange messages over an HRMP channel as the
//! relay chain would carry them. A department of one notarises a record on the other, which
//! receives it through its real XCMP queue, message queue and XCM configuration; a city the
//! other has not admitted, and a message that asks for anything but the receiving call, are
//! refused there. A registrar of one asks the other whether a certificate is valid, and the
//! answer comes back as the other's message.

use codec::Encode;
use polkadot_sdk::{
	pallet_message_queue,
	sp_core::H256,
	sp_keyring::Sr25519Keyring::{Alice, Bob, Eve, Ferdie},
	sp_runtime::traits::Dispatchable,
	staging_xcm::latest::prelude::*,
};

use super::chain::{deliver, Built, City};
use crate::{genesis_config_presets::CITY_2001_PRESET, RuntimeCall, RuntimeEvent, RuntimeOrigin};
use pallet_cross_city::{Event as CrossCityEvent, Notarisation};

const BEIJING: u32 = 2000;
const TIANJIN: u32 = 2001;
/// The Housing Commission (`//Eve`): issues certificates, so it may notarise.
const HOUSING: u32 = 3;

fn notarise(city: u32, record_hash: H256) -> RuntimeCall {
	RuntimeCall::CrossCity(pallet_cross_city::Call::notarise { city, record_hash })
}

/// Whether the message queue processed a message in `built`, and with what outcome.
fn processed(built: &Built) -> Vec<bool> {
	built
		.events
		.iter()
		.filter_map(|e| match e {
			RuntimeEvent::MessageQueue(pallet_message_queue::Event::Processed {
				success, ..
			}) => Some(*success),
			_ => None,
		})
		.collect()
}

/// Each city's first block, at relay block 1: from it on, a chain knows the relay chain's
/// configuration, which limits the messages its next blocks may send (a chain's first block
/// sends none).
fn first_blocks(beijing: &mut City, tianjin: &mut City) {
	for city in [beijing, tianjin] {
		let built = city.block(1, vec![]);
		assert!(built.outbound.is_empty());
	}
}

/// The two cities, at genesis.
fn cities() -> (City, City) {
	let beijing = City::new("development");
	let tianjin = City::new(CITY_2001_PRESET);
	assert_eq!(u32::from(beijing.para), BEIJING);
	assert_eq!(u32::from(tianjin.para), TIANJIN);
	(beijing, tianjin)
}

#[test]
fn a_department_notarises_a_record_on_another_citys_chain() {
	let (mut beijing, mut tianjin) = cities();
	let record = H256::repeat_byte(0x42);
	first_blocks(&mut beijing, &mut tianjin);

	// Relay block 2: Beijing's Housing Commission sends the record's hash.
	let tx = beijing.sign(Eve, notarise(TIANJIN, record));
	let sent = beijing.block(2, vec![tx]);
	assert_eq!(sent.results, vec![Ok(Ok(()))]);
	let message_id = sent
		.events
		.iter()
		.find_map(|e| match e {
			RuntimeEvent::CrossCity(CrossCityEvent::NotarisationSent {
				city,
				record_hash,
				department,
				officer,
				message_id,
			}) => {
				assert_eq!((*city, *record_hash, *department), (TIANJIN, record, HOUSING));
				assert_eq!(*officer, Eve.to_account_id());
				Some(*message_id)
			},
			_ => None,
		})
		.expect("NotarisationSent");
	assert_eq!(sent.outbound.len(), 1, "one HRMP message");
	assert_eq!(u32::from(sent.outbound[0].recipient), TIANJIN);

	// Relay block 3: Tianjin receives it through its XCMP queue and executes it from its message
	// queue, under Beijing's origin.
	deliver(&beijing, &sent, &mut tianjin, 2);
	let received = tianjin.block(3, vec![]);
	assert_eq!(processed(&received), vec![true], "{:?}", received.events);
	assert!(received.events.iter().any(|e| matches!(
		e,
		RuntimeEvent::MessageQueue(pallet_message_queue::Event::Processed { id, success: true, .. })
			if id.as_ref() == message_id.as_slice()
	)));
	assert!(received.events.contains(&RuntimeEvent::CrossCity(
		CrossCityEvent::NotarisationReceived {
			city: BEIJING,
			record_hash: record,
			department: HOUSING,
			officer: Eve.to_account_id(),
		}
	)));
	tianjin.execute_with(|| {
		assert_eq!(
			pallet_cross_city::Received::<crate::Runtime>::get(BEIJING, record),
			Some(Notarisation { department: HOUSING, officer: Eve.to_account_id(), at: 2 })
		);
	});
	beijing.execute_with(|| {
		assert!(pallet_cross_city::Sent::<crate::Runtime>::get(TIANJIN, record).is_some());
	});
}

#[test]
fn a_city_not_admitted_is_refused_at_the_barrier() {
	let (mut beijing, mut tianjin) = cities();
	let record = H256::repeat_byte(0x43);
	// Tianjin's governance (the dev chain's Sudo here) removes Beijing.
	tianjin.execute_with(|| {
		let remove = RuntimeCall::CrossCity(pallet_cross_city::Call::remove_city { city: BEIJING });
		let sudo =
			RuntimeCall::Sudo(polkadot_sdk::pallet_sudo::Call::sudo { call: Box::new(remove) });
		sudo.dispatch(RuntimeOrigin::signed(Alice.to_account_id())).expect("sudo dispatches");
	});

	first_blocks(&mut beijing, &mut tianjin);
	let tx = beijing.sign(Eve, notarise(TIANJIN, record));
	let sent = beijing.block(2, vec![tx]);
	assert_eq!(sent.results, vec![Ok(Ok(()))]);
	assert_eq!(sent.outbound.len(), 1);
	deliver(&beijing, &sent, &mut tianjin, 2);
	let received = tianjin.block(3, vec![]);

	assert_eq!(processed(&received), vec![false], "{:?}", received.events);
	assert!(!received.events.iter().any(|e| matches!(e, RuntimeEvent::CrossCity(_))));
	tianjin.execute_with(|| {
		assert!(pallet_cross_city::Received::<crate::Runtime>::get(BEIJING, record).is_none());
	});
}

#[test]
fn an_admitted_city_can_only_make_the_receiving_call() {
	let (mut beijing, mut tianjin) = cities();
	// Beijing's chain sends, unpaid and as itself, a call Tianjin's departments pallet guards:
	// registering a department is governance's, and a sibling chain is not governance.
	let call = RuntimeCall::Departments(pallet_departments::Call::register_department {
		name: b"Beijing's office in Tianjin".to_vec().try_into().unwrap(),
		kind: pallet_departments::DepartmentKind::Government,
	});
	first_blocks(&mut beijing, &mut tianjin);
	let sent = beijing.execute_with(|| {
		let message = Xcm(vec![
			UnpaidExecution { weight_limit: Unlimited, check_origin: None },
			Transact {
				origin_kind: OriginKind::Native,
				fallback_max_weight: None,
				call: call.encode().into(),
			},
		]);
		send_xcm::<crate::configs::xcm::XcmRouter>(Location::new(1, [Parachain(TIANJIN)]), message)
			.expect("the channel takes it")
	});
	assert_ne!(sent.0, [0; 32]);
	let built = beijing.block(2, vec![]);
	let departments_before =
		tianjin.execute_with(|| pallet_departments::Departments::<crate::Runtime>::iter().count());
	deliver(&beijing, &built, &mut tianjin, 2);
	let received = tianjin.block(3, vec![]);

	// The message executes (the barrier admits Beijing), but its call fails on the origin: XCM
	// records a failed `Transact` in the message's status, and nothing changes.
	assert_eq!(processed(&received), vec![true], "{:?}", received.events);
	assert!(!received.events.iter().any(|e| matches!(e, RuntimeEvent::Departments(_))));
	let after =
		tianjin.execute_with(|| pallet_departments::Departments::<crate::Runtime>::iter().count());
	assert_eq!(after, departments_before);
	// Ferdie (the Tax Bureau) holds no `CredentialIssuer`: he cannot send at all.
	let tx = tianjin.sign(Ferdie, notarise(BEIJING, H256::repeat_byte(1)));
	let built = tianjin.block(4, vec![tx]);
	assert!(matches!(built.results[0], Ok(Err(_))), "{:?}", built.results);
	assert!(built.outbound.is_empty());
}

#[test]
fn a_registrar_asks_another_city_whether_its_certificate_is_valid() {
	use crate::genesis_config_presets::demo_city::{dev_id, schemas, BUSINESS_LICENCE_1};
	let (mut beijing, mut tianjin) = cities();
	first_blocks(&mut beijing, &mut tianjin);

	// Relay block 2: Beijing's Public Security Bureau (`//Bob`, a registrar) asks Tianjin about
	// a business licence Tianjin issued (both demo cities seed it) and about an id Tianjin never
	// issued.
	let licence = dev_id(BUSINESS_LICENCE_1);
	let unknown = H256::repeat_byte(0x99);
	let ask = |credential| {
		RuntimeCall::CrossCity(pallet_cross_city::Call::ask_certificate {
			city: TIANJIN,
			credential,
			schema: schemas::BUSINESS_LICENCE,
		})
	};
	let txs = vec![beijing.sign(Bob, ask(licence)), beijing.sign(Bob, ask(unknown))];
	let asked = beijing.block(2, txs);
	assert_eq!(asked.results, vec![Ok(Ok(())); 2]);
	assert_eq!(asked.outbound.len(), 1, "both queries in one HRMP message to Tianjin");

	// Relay block 3: Tianjin checks its own certificates and answers each query by a message.
	deliver(&beijing, &asked, &mut tianjin, 2);
	let checked = tianjin.block(3, vec![]);
	assert_eq!(processed(&checked), vec![true, true], "{:?}", checked.events);
	for (query, credential, valid) in [(0, licence, true), (1, unknown, false)] {
		assert!(
			checked.events.iter().any(|e| matches!(
				e,
				RuntimeEvent::CrossCity(CrossCityEvent::CertificateQueryAnswered {
					city: BEIJING, query: q, credential: c, valid: v, ..
				}) if (*q, *c, *v) == (query, credential, valid)
			)),
			"query {query} answered {valid}"
		);
	}
	assert_eq!(checked.outbound.len(), 1);
	assert_eq!(u32::from(checked.outbound[0].recipient), BEIJING);

	// Relay block 4: the answers reach Beijing, kept with the queries.
	deliver(&tianjin, &checked, &mut beijing, 3);
	let answered = beijing.block(4, vec![]);
	assert_eq!(processed(&answered), vec![true, true], "{:?}", answered.events);
	beijing.execute_with(|| {
		for (query, credential, valid) in [(0, licence, true), (1, unknown, false)] {
			let kept = pallet_cross_city::CertificateQueries::<crate::Runtime>::get(query)
				.expect("the query is kept");
			assert_eq!((kept.city, kept.credential), (TIANJIN, credential));
			assert_eq!(kept.officer, Bob.to_account_id());
			assert_eq!(kept.answer.map(|a| a.valid), Some(valid), "query {query}");
		}
	});
	assert!(answered.events.contains(&RuntimeEvent::CrossCity(
		CrossCityEvent::CertificateAnswerReceived {
			city: TIANJIN,
			query: 0,
			credential: licence,
			valid: true,
		}
	)));

	// The Housing Commission registers no one: it may not ask.
	let tx = beijing.sign(Eve, ask(licence));
	let refused = beijing.block(5, vec![tx]);
	assert!(matches!(refused.results[0], Ok(Err(_))), "{:?}", refused.results);
	assert!(refused.outbound.is_empty());
}
