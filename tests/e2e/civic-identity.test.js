// Civic identity on a dev chain through Polkadot.js: registrars register a person and an
// enterprise, link a citizen's account, a second department issues a business licence, a third
// verifies it through the runtime API (and checks one disclosed claim), the issuer revokes it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { stringToU8a, u8aConcat, u8aToString } from '@polkadot/util';
import { blake2AsHex, randomAsU8a } from '@polkadot/util-crypto';

import { credentials, departments, schemas, subjects } from './city.js';
import { errorName, findEvent, submit, submitOk as ok } from './chain.js';
import { disclose, saltedCertificate, verifyDisclosure } from './disclosure.js';
import { connectDevChain } from './node.js';

const { PUBLIC_SECURITY: PSB, MARKET_REGULATION } = departments;
const { BUSINESS_LICENCE } = schemas;

/** What a registrar does off chain: a salted hash of an identifier, never the identifier. */
function saltedId(identifier) {
  return blake2AsHex(u8aConcat(randomAsU8a(32), stringToU8a(identifier)));
}


describe('civic identity through Polkadot.js', { timeout: 600_000 }, () => {
  let chain;
  let api;
  let k;
  const person = saltedId('110101199003071234');
  const enterprise = saltedId('91110108MA01ABCD2X');
  const certificate = saltedCertificate({
    'unified social credit code': '91110108MA01ABCD2X',
    'business scope': 'software development; data processing services',
    'registered capital': '5000000 CNY',
  });

  before(async () => {
    chain = await connectDevChain();
    ({ api } = chain);
    const { keyring } = chain;
    k = {
      bob: keyring.addFromUri('//Bob'), // Public Security Bureau: IdentityRegistrar.
      charlie: keyring.addFromUri('//Charlie'), // Market Regulation: registrar and issuer.
      one: keyring.addFromUri('//One'), // Market Regulation officer (not an admin).
      eve: keyring.addFromUri('//Eve'), // Housing: CredentialIssuer, but not this issuer.
      two: keyring.addFromUri('//Two'), // A citizen: nobody's officer.
    };
  });

  after(async () => {
    await chain?.stop();
  });

  test('the seeded schemas, subjects and certificates are readable', async () => {
    const schemas = await api.call.civicIdentityApi.schemas();
    assert.deepEqual(schemas.map((s) => u8aToString(s.name)), [
      'Business licence', 'Real-estate certificate', 'Construction completion acceptance',
      'Fire-safety inspection permit']);
    const seeded = await api.call.civicIdentityApi.verifyCredential(
      credentials.BUSINESS_LICENCE_1);
    assert.equal(seeded.unwrap().validNow.isTrue, true);
    const held = await api.call.civicIdentityApi.credentialsOf(subjects.ENTERPRISE_1);
    assert.equal(held.length, 2);
  });

  test('registrars register a person and an enterprise', { timeout: 120_000 }, async () => {
    const commitment = (record) => blake2AsHex(u8aConcat(randomAsU8a(32), stringToU8a(JSON.stringify(record))));
    // The enterprise names the person as its legal representative, so the person comes first.
    const personEvents = await ok(api, api.tx.civicIdentity.registerSubject(
      person, 'Person', commitment({ name: 'Zhang San', address: 'Haidian' }), null), k.bob);
    const registered = findEvent(personEvents, 'civicIdentity', 'SubjectRegistered');
    assert.equal(registered.data.subject.toHex(), person);
    assert.equal(registered.data.department.toNumber(), PSB);
    assert.equal(registered.data.officer.toString(), k.bob.address);

    const events = await ok(api, api.tx.civicIdentity.registerSubject(
      enterprise, 'Enterprise', commitment({ name: 'Civitas Software Ltd.' }), person), k.charlie);
    const represented = findEvent(events, 'civicIdentity', 'LegalRepresentativeSet');
    assert.equal(represented.data.legalRepresentative.unwrap().toHex(), person);

    const info = (await api.call.civicIdentityApi.subject(enterprise)).unwrap();
    assert.equal(info.record.kind.toString(), 'Enterprise');
    assert.equal(info.record.status.toString(), 'Active');
    assert.equal(info.record.registrar.toNumber(), MARKET_REGULATION);
    // Nothing but hashes: the stored record holds no name or number.
    const stored = (await api.query.civicIdentity.subjects(person)).toU8a();
    assert.equal(Buffer.from(stored).includes(Buffer.from('Zhang')), false);
  });

  test('the registrar proposes a link and the citizen accepts it', { timeout: 120_000 }, async () => {
    const proposed = await ok(api, api.tx.civicIdentity.proposeLink(person, k.two.address), k.bob);
    assert.ok(findEvent(proposed, 'civicIdentity', 'LinkProposed'));
    const pending = (await api.call.civicIdentityApi.pendingLink(k.two.address)).unwrap();
    assert.equal(pending.offeredBy.isRegistrar, true);
    assert.equal((await api.call.civicIdentityApi.subjectOf(k.two.address)).isNone, true);

    const accepted = await ok(api, api.tx.civicIdentity.acceptLink(person), k.two);
    const linked = findEvent(accepted, 'civicIdentity', 'AccountLinked');
    assert.equal(linked.data.account.toString(), k.two.address);
    assert.equal(linked.data.department.toNumber(), PSB);
    assert.equal((await api.call.civicIdentityApi.subjectOf(k.two.address)).unwrap().toHex(), person);
    const info = (await api.call.civicIdentityApi.subject(person)).unwrap();
    assert.deepEqual(info.accounts.map((a) => a.toString()), [k.two.address]);
  });

  test('market regulation issues a business licence', { timeout: 120_000 }, async () => {
    const events = await ok(api, api.tx.civicIdentity.issueCredential(
      certificate.id, BUSINESS_LICENCE, enterprise, 0, null), k.one);
    const issued = findEvent(events, 'civicIdentity', 'CredentialIssued');
    assert.equal(issued.data.credential.toHex(), certificate.id);
    assert.equal(issued.data.department.toNumber(), MARKET_REGULATION);
    assert.equal(issued.data.officer.toString(), k.one.address);
  });

  test('a third department verifies the licence and one disclosed claim', async () => {
    // The holder shows the tax bureau only its business scope.
    const revealed = disclose(certificate, 'business scope');
    assert.equal(verifyDisclosure(certificate.id, revealed), true);

    const verification = (await api.call.civicIdentityApi.verifyCredential(certificate.id)).unwrap();
    assert.equal(verification.validNow.isTrue, true);
    assert.equal(verification.status.toString(), 'Active');
    assert.equal(verification.schema.toNumber(), BUSINESS_LICENCE);
    assert.equal(verification.issuer.toNumber(), MARKET_REGULATION);
    // The chain's answer names no holder; the holder's own claim to it is checked instead.
    assert.equal(verification.holderMatches.isNone, true);
    const shown = (await api.call.civicIdentityApi.verifyPresentation(certificate.id, enterprise)).unwrap();
    assert.equal(shown.holderMatches.unwrap().isTrue, true);
    assert.equal(shown.validNow.isTrue, true);
    const forged = (await api.call.civicIdentityApi.verifyPresentation(
      certificate.id, subjects.ENTERPRISE_2)).unwrap();
    assert.equal(forged.holderMatches.unwrap().isFalse, true);
    assert.equal(forged.validNow.isFalse, true);
    const held = await api.call.civicIdentityApi.credentialsOf(enterprise);
    assert.deepEqual(held.map((c) => c.credential.toHex()), [certificate.id]);
  });

  test('unauthorised accounts are refused with named errors', { timeout: 120_000 }, async () => {
    const [citizen, housing] = await Promise.all([
      submit(api, api.tx.civicIdentity.issueCredential(
        saltedCertificate({ forged: 'yes' }).id, BUSINESS_LICENCE, enterprise, 0, null), k.two),
      submit(api, api.tx.civicIdentity.revokeCredential(certificate.id, 1), k.eve),
    ]);
    // Housing holds `CredentialIssuer`, but business licences are market regulation's.
    const housingIssues = await submit(api, api.tx.civicIdentity.issueCredential(
      saltedCertificate({ forged: 'housing' }).id, BUSINESS_LICENCE, enterprise, 0, null), k.eve);
    assert.equal(errorName(api, citizen.dispatchError), 'departments.NotOfficer');
    assert.equal(errorName(api, housing.dispatchError), 'civicIdentity.NotIssuer');
    assert.equal(errorName(api, housingIssues.dispatchError), 'civicIdentity.NotSchemaIssuer');
    const verification = (await api.call.civicIdentityApi.verifyCredential(certificate.id)).unwrap();
    assert.equal(verification.status.toString(), 'Active');
  });

  test('the issuer revokes the licence and verification shows it', { timeout: 120_000 }, async () => {
    const events = await ok(api, api.tx.civicIdentity.revokeCredential(certificate.id, 7), k.charlie);
    const revoked = findEvent(events, 'civicIdentity', 'CredentialRevoked');
    assert.equal(revoked.data.by.asAccount.toString(), k.charlie.address);
    assert.equal(revoked.data.reason.toNumber(), 7);

    const verification = (await api.call.civicIdentityApi.verifyCredential(certificate.id)).unwrap();
    assert.equal(verification.status.toString(), 'Revoked');
    assert.equal(verification.validNow.isFalse, true);
    // The disclosed claim still matches the id, but the chain says the certificate is revoked.
    assert.equal(verifyDisclosure(certificate.id, disclose(certificate, 'business scope')), true);
  });
});
