// Real estate on a dev chain through Polkadot.js: the registrar registers a flat, a bank
// registers a mortgage, a court freezes the flat and a transfer cannot open, the freeze is lifted,
// tax is assessed and paid through e-bills, seller, buyer and bank consent to the transfer's terms
// (the hash each wallet computes), a second registrar completes it (four eyes), another
// department verifies the new certificate, and the history shows both owners.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { stringToU8a, u8aConcat } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import { departments, licences, schemas, subjects } from './city.js';
import { errorName, findEvent, linkAccounts, submit, submitOk as ok } from './chain.js';
import { connectDevChain } from './node.js';

// Planning is the LandRegistrar; Housing issues completion acceptances.
const { PLANNING, HOUSING, TAX: TAX_BUREAU, COURT, BANK } = departments;
const { REAL_ESTATE_CERTIFICATE } = schemas; // issued by LandRegistrar departments
const SELLER = subjects.PERSON_1;
const BUYER = subjects.PERSON_2;

describe('real estate through Polkadot.js', { timeout: 900_000 }, () => {
  let chain;
  let api;
  let k;
  let flat;
  let mortgage;
  let freeze;
  let taxBill;
  let transfer;
  const price = 320_000_000;
  const deed = blake2AsHex('deed of sale');
  const completion = blake2AsHex('completion acceptance HD-0305-0101, 2026-09-30');
  const newCertificate = blake2AsHex('real-estate certificate 2026-0042117');

  const property = async (id) => (await api.call.realEstateApi.property(id)).unwrap();
  const blockers = async () => (await api.call.realEstateApi.transferStatus(flat)).unwrap().blockers;

  before(async () => {
    chain = await connectDevChain();
    ({ api } = chain);
    const { keyring } = chain;
    k = {
      alice: keyring.addFromUri('//Alice'), // Governance, and fee tokens for the buyer.
      bob: keyring.addFromUri('//Bob'), // Public Security Bureau: the people's registrar.
      dave: keyring.addFromUri('//Dave'), // Planning and Natural Resources: LandRegistrar.
      eve: keyring.addFromUri('//Eve'), // Housing: issues completion acceptances.
      ferdie: keyring.addFromUri('//Ferdie'), // Tax Bureau.
      court: keyring.addFromUri('//Charlie//stash'), // Intermediate People's Court.
      bank: keyring.addFromUri('//Ferdie//stash'), // City Commercial Bank: Lender.
      auditor: keyring.addFromUri('//Dave//stash'), // Audit Office: only reads.
      seller: keyring.addFromUri('//Two'), // Person 1's own account.
      buyer: keyring.addFromUri('//real-estate//buyer'), // Person 2's own account.
      // A second registrar of the Planning Commission, added by its admin: completes (four eyes).
      registrar: keyring.addFromUri('//real-estate//second-registrar'),
    };
  });

  after(async () => {
    await chain?.stop();
  });

  test('the seeded register is readable', async () => {
    const shop = await api.call.realEstateApi.propertyByCadastre('BJ-CY-0207-0012');
    const seeded = await property(shop.unwrap());
    assert.equal(seeded.id.toNumber(), shop.unwrap().toNumber());
    assert.equal(seeded.usage.toString(), 'Commercial');
    assert.equal(seeded.owners[0][0].toHex(), subjects.ENTERPRISE_1);
    const fire = await api.call.realEstateApi.verifyLicence(
      shop.unwrap(), licences.SHOP_FIRE_SAFETY);
    assert.equal(fire.unwrap().validNow.isTrue, true);
  });

  test('seller and buyer link their own accounts', { timeout: 120_000 }, async () => {
    const fund = [k.buyer, k.registrar]
      .map((who) => api.tx.balances.transferKeepAlive(who.address, 1_000_000_000_000_000n));
    await ok(api, api.tx.utility.batchAll(fund), k.alice);
    await linkAccounts(api, k.bob, [[SELLER, k.seller], [BUYER, k.buyer]]);
    await ok(api, api.tx.departments.addOfficer(PLANNING, k.registrar.address, false), k.dave);
  });

  test('the registrar registers a flat and housing attaches its completion acceptance', { timeout: 120_000 }, async () => {
    const events = await ok(api, api.tx.realEstate.registerProperty(
      'BJ-HD-0305-0101', blake2AsHex('salted location record'), 76, 'Residential',
      [[SELLER, 1000]], blake2AsHex('real-estate certificate 2019-0031772')), k.dave);
    const registered = findEvent(events, 'realEstate', 'PropertyRegistered');
    flat = registered.data.property.toNumber();
    assert.equal(registered.data.department.toNumber(), PLANNING);
    assert.equal(registered.data.officer.toString(), k.dave.address);

    const duplicate = await submit(api, api.tx.realEstate.registerProperty(
      'BJ-HD-0305-0101', blake2AsHex('x'), 76, 'Residential', [[BUYER, 1000]], blake2AsHex('y')), k.dave);
    assert.equal(errorName(api, duplicate.dispatchError), 'realEstate.CadastralRefAlreadyExists');
    const shares = await submit(api, api.tx.realEstate.registerProperty(
      'BJ-HD-0305-0102', blake2AsHex('x'), 76, 'Residential', [[SELLER, 600], [BUYER, 300]], blake2AsHex('y')), k.dave);
    assert.equal(errorName(api, shares.dispatchError), 'realEstate.SharesNotWhole');

    const wrong = await submit(api, api.tx.realEstate.issueLicence(
      flat, 'ConstructionCompletion', completion, null), k.dave);
    assert.equal(errorName(api, wrong.dispatchError), 'realEstate.NotLicenceIssuer');
    const issued = await ok(api, api.tx.realEstate.issueLicence(
      flat, 'ConstructionCompletion', completion, null), k.eve);
    assert.equal(findEvent(issued, 'realEstate', 'LicenceIssued').data.department.toNumber(), HOUSING);
  });

  test('a bank registers a mortgage with the registrar', { timeout: 120_000 }, async () => {
    const early = await submit(api, api.tx.realEstate.registerMortgage(flat, BANK), k.dave);
    assert.equal(errorName(api, early.dispatchError), 'realEstate.MortgageRequestNotFound');
    await ok(api, api.tx.realEstate.requestMortgage(flat, 150_000_000, blake2AsHex('loan contract 88-2026')), k.bank);
    const events = await ok(api, api.tx.realEstate.registerMortgage(flat, BANK), k.dave);
    const registered = findEvent(events, 'realEstate', 'EncumbranceRegistered').data;
    mortgage = registered.encumbrance.id.toNumber();
    const kind = registered.encumbrance.kind.asMortgage;
    assert.equal(kind.lender.toNumber(), BANK);
    assert.equal(kind.rank.toNumber(), 1);
  });

  test('a court freezes the flat and no transfer can open', { timeout: 120_000 }, async () => {
    const events = await ok(api, api.tx.realEstate.freeze(flat, blake2AsHex('(2026) Jing 0108 Zhi 1234')), k.court);
    const frozen = findEvent(events, 'realEstate', 'EncumbranceRegistered').data;
    freeze = frozen.encumbrance.id.toNumber();
    assert.equal(frozen.department.toNumber(), COURT);
    assert.equal((await property(flat)).status.toString(), 'Frozen');

    const sale = await submit(api, api.tx.realEstate.openTransfer(
      flat, [[BUYER, 1000]], 320_000_000, blake2AsHex('deed of sale')), k.dave);
    assert.equal(errorName(api, sale.dispatchError), 'realEstate.PropertyUnderFreeze');
    const loan = await submit(api, api.tx.realEstate.requestMortgage(flat, 1, blake2AsHex('second loan')), k.bank);
    assert.equal(errorName(api, loan.dispatchError), 'realEstate.PropertyUnderFreeze');
  });

  test('only the court lifts its freeze', { timeout: 120_000 }, async () => {
    const bank = await submit(api, api.tx.realEstate.releaseEncumbrance(flat, freeze), k.bank);
    assert.equal(errorName(api, bank.dispatchError), 'realEstate.NotReleaser');
    await ok(api, api.tx.realEstate.releaseEncumbrance(flat, freeze), k.court);
    assert.equal((await property(flat)).status.toString(), 'Active');
  });

  test('tax is assessed, and the open transfer waits for it and for consents', { timeout: 120_000 }, async () => {
    const events = await ok(api, api.tx.realEstate.assessTax(flat, 2026, 380_000), k.ferdie);
    const assessed = findEvent(events, 'realEstate', 'TaxAssessed').data;
    // One owner: one bill, for the whole amount.
    assert.equal(assessed.bills.length, 1);
    taxBill = assessed.bills[0].bill.toHex();
    assert.equal(assessed.bills[0].payer.toHex(), SELLER);
    assert.equal(assessed.bills[0].amount.toNumber(), 380_000);
    assert.equal(assessed.department.toNumber(), TAX_BUREAU);
    const bill = (await api.call.eBillsApi.bill(taxBill)).unwrap();
    assert.equal(bill.kind.toString(), 'Tax');
    assert.equal(bill.status.toString(), 'Issued');
    const again = await submit(api, api.tx.realEstate.assessTax(flat, 2026, 1), k.ferdie);
    assert.equal(errorName(api, again.dispatchError), 'realEstate.AlreadyAssessed');

    const opened = findEvent(await ok(api, api.tx.realEstate.openTransfer(
      flat, [[BUYER, 1000]], price, deed), k.dave), 'realEstate', 'TransferOpened').data;
    transfer = opened.transfer.toNumber();
    // A wallet shows the terms and hashes them itself: SCALE of the label's raw bytes, the
    // transfer's number, the property, the buyers with shares, the price and the deed.
    const terms = blake2AsHex(u8aConcat(
      stringToU8a('civitas/transfer-terms'),
      api.createType('(u64, u64, Vec<(H256, u16)>, u128, H256)',
        [transfer, flat, [[BUYER, 1000]], price, deed]).toU8a(),
    ));
    assert.equal(opened.terms.toHex(), terms);
    const waiting = await blockers();
    assert.deepEqual(waiting.outstandingTax.map((b) => b.toHex()), [taxBill]);
    assert.equal(waiting.missingConsents.length, 3); // seller, buyer, bank
    const early = await submit(api, api.tx.realEstate.completeTransfer(flat, newCertificate), k.registrar);
    assert.equal(errorName(api, early.dispatchError), 'realEstate.ConsentMissing');
  });

  test('the tax bureau records the payment; seller, buyer and bank consent', { timeout: 180_000 }, async () => {
    await ok(api, api.tx.eBills.markPaid(taxBill, blake2AsHex('tax payment 2026-77120')), k.ferdie);
    const { terms } = (await api.call.realEstateApi.transferStatus(flat)).unwrap();
    const stranger = await submit(api, api.tx.realEstate.consent(flat, transfer, terms), k.auditor);
    assert.equal(errorName(api, stranger.dispatchError), 'realEstate.NotAParty');
    // A consent to other terms (a price the seller was never shown) does not count.
    const other = await submit(api, api.tx.realEstate.consent(flat, transfer, blake2AsHex('other terms')), k.seller);
    assert.equal(errorName(api, other.dispatchError), 'realEstate.TermsMismatch');
    // The registrar may not sign for a party that holds keys.
    const forSeller = await submit(api, api.tx.realEstate.recordConsent(
      flat, transfer, terms, SELLER, blake2AsHex('paper')), k.dave);
    assert.equal(errorName(api, forSeller.dispatchError), 'realEstate.PartyHasKeys');
    for (const [who, party] of [[k.seller, 'Subject'], [k.buyer, 'Subject'], [k.bank, 'Lender']]) {
      const events = await ok(api, api.tx.realEstate.consent(flat, transfer, terms), who);
      const given = findEvent(events, 'realEstate', 'ConsentGiven').data;
      assert.equal(given.party.type, party);
      assert.equal(given.by.toString(), who.address);
      assert.equal(given.transfer.toNumber(), transfer);
    }
    const ready = await blockers();
    assert.equal(ready.missingConsents.length + ready.outstandingTax.length + ready.missingLicences.length, 0);
  });

  test('a second registrar completes and another department verifies the new certificate', { timeout: 180_000 }, async () => {
    const opener = await submit(api, api.tx.realEstate.completeTransfer(flat, newCertificate), k.dave);
    assert.equal(errorName(api, opener.dispatchError), 'realEstate.SecondOfficerRequired');
    const events = await ok(api, api.tx.realEstate.completeTransfer(flat, newCertificate), k.registrar);
    const completed = findEvent(events, 'realEstate', 'TransferCompleted').data;
    assert.equal(completed.titleCertificate.toHex(), newCertificate);
    assert.equal(completed.officer.toString(), k.registrar.address);
    assert.equal(completed.transfer.toNumber(), transfer);

    const now = await property(flat);
    assert.deepEqual(now.owners.map(([s, share]) => [s.toHex(), share.toNumber()]), [[BUYER, 1000]]);
    assert.equal(now.titleCertificate.toHex(), newCertificate);
    const held = await api.call.realEstateApi.propertiesOf(BUYER, null, 50);
    assert.ok(held.some((h) => h.property.toNumber() === flat && h.share.toNumber() === 1000));
    const sold = await api.call.realEstateApi.propertiesOf(SELLER, null, 50);
    assert.ok(!sold.some((h) => h.property.toNumber() === flat));
    // The mortgage stays with the flat.
    const encumbrances = await api.call.realEstateApi.encumbrances(flat);
    assert.deepEqual(encumbrances.map((e) => e.id.toNumber()), [mortgage]);

    // The registrar issues the electronic certificate; the bank verifies it by its hash and the
    // holder the buyer shows it.
    await ok(api, api.tx.civicIdentity.issueCredential(newCertificate, REAL_ESTATE_CERTIFICATE, BUYER, 0, null), k.dave);
    const verified = (await api.call.civicIdentityApi.verifyPresentation(newCertificate, BUYER)).unwrap();
    assert.equal(verified.validNow.isTrue, true);
    assert.equal(verified.holderMatches.unwrap().isTrue, true);
    assert.equal(verified.issuer.toNumber(), PLANNING);
    const licence = (await api.call.realEstateApi.verifyLicence(flat, completion)).unwrap();
    assert.equal(licence.validNow.isTrue, true);
  });

  test('the title history shows both owners', async () => {
    const history = await api.call.realEstateApi.titleHistory(flat, null, 100);
    assert.deepEqual(history.map((e) => e.seq.toNumber()), [0, 1, 2, 3, 4]);
    const changes = history.map((entry) => entry.change.type);
    assert.deepEqual(changes, ['Registered', 'Encumbered', 'Encumbered', 'Released', 'Transferred']);
    const owners = history
      .filter((e) => e.change.isRegistered || e.change.isTransferred)
      .map((e) => (e.change.isRegistered ? e.change.asRegistered : e.change.asTransferred).owners[0][0].toHex());
    assert.deepEqual(owners, [SELLER, BUYER]);
    const last = history[history.length - 1];
    assert.equal(last.titleCertificate.toHex(), newCertificate);
    assert.equal(last.department.toNumber(), PLANNING);
  });
});
