use super::*;
use crate::{GenesisConfig, GenesisCredential, GenesisSubject};
use civitas_primitives::{IdentityProvider, SubjectKind};
use polkadot_sdk::sp_runtime::BuildStorage;

#[test]
fn genesis_seeds_schemas_subjects_links_and_certificates() {
	ExtBuilder::default().with_link(enterprise(), CITIZEN).build_and_execute(|| {
		assert_eq!(CivicIdentity::schemas_info().len(), 3);
		assert!(CivicIdentity::is_active(&person()));
		assert_eq!(CivicIdentity::kind(&enterprise()), Some(SubjectKind::Enterprise));
		assert_eq!(CivicIdentity::subject_of(&CITIZEN), Some(enterprise()));
		assert!(CivicIdentity::verify(licence()).unwrap().valid_now);
	});
}

/// Whether `genesis` builds, with the mock departments in place (an invalid genesis panics, so
/// that no chain is ever built from it).
fn builds(genesis: GenesisConfig<Test>) -> bool {
	set_up_departments();
	std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| genesis.build_storage()))
		.is_ok_and(|built| built.is_ok())
}

#[test]
fn genesis_rejects_a_certificate_from_a_department_without_the_role() {
	let genesis = |issuer| GenesisConfig::<Test> {
		subjects: vec![GenesisSubject {
			id: person(),
			kind: SubjectKind::Person,
			commitment: commitment(1),
			registrar: POLICE,
			legal_representative: None,
			accounts: vec![],
		}],
		schemas: vec![crate::GenesisSchema {
			name: "Licence".into(),
			issuer_role: civitas_primitives::Role::CredentialIssuer,
			issuers: vec![MARKET],
			max_validity: None,
			revocable: true,
		}],
		credentials: vec![GenesisCredential {
			id: licence(),
			schema: 0,
			subject: person(),
			issuer,
			valid_from: 0,
			valid_until: None,
		}],
	};
	assert!(!builds(genesis(POLICE)));
	assert!(builds(genesis(MARKET)));
}

#[test]
fn genesis_rejects_a_duplicate_subject_or_link() {
	let person = GenesisSubject {
		id: person(),
		kind: SubjectKind::Person,
		commitment: commitment(1),
		registrar: POLICE,
		legal_representative: None,
		accounts: vec![CITIZEN],
	};
	let twice = GenesisConfig::<Test> {
		subjects: vec![person.clone(), person.clone()],
		..Default::default()
	};
	assert!(!builds(twice));
	let mut other = person.clone();
	other.id = subject("other");
	let shared_account =
		GenesisConfig::<Test> { subjects: vec![person, other], ..Default::default() };
	assert!(!builds(shared_account));
}
