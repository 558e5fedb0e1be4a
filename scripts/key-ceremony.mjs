#!/usr/bin/env node
// The key ceremony of a real Civitas deployment: no development key, no Sudo key.
//
// 1. Each department, on its own machine:
//      node scripts/key-ceremony.mjs department --out DIR --name NAME --kind KIND --roles R1,R2
//        [--validator] [--address /ip4/10.0.0.5/tcp/30333]
//    generates its admin officer's account and, with --validator, its validator's account, Aura
//    and GRANDPA keys and the node's network key. Secrets stay in DIR (secrets.json, node-key,
//    mode 600); DIR/public.json is what it hands to the coordinator.
// 2. The coordinator, from every department's public.json (in department-id order):
//      node scripts/key-ceremony.mjs chain-spec --out DIR --name NAME --id ID
//        [--session-length BLOCKS] [--endowment UNITS] public1.json public2.json ...
//    writes DIR/plain.json and DIR/raw.json: the departments with their roles and admin
//    officers, the council (every department holding Councillor, the standard policy table),
//    the validators with their session keys, boot nodes from the validators' addresses and
//    network keys, the node registry (the validators' nodes, each for its department: no other
//    node exchanges blocks with them until the council registers it), fee balances for the
//    accounts, and no Sudo key.
// 3. Each department with a validator, once it has raw.json:
//      node scripts/key-ceremony.mjs install --dir DIR --spec raw.json
//    puts its Aura and GRANDPA keys into its node's keystore (DIR/base), then starts
//      civitas-node --chain raw.json --base-path DIR/base --node-key-file DIR/node-key --validator
//
// The node binary is $CIVITAS_NODE, else ${CARGO_TARGET_DIR:-target}/release/civitas-node.

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = process.env.CIVITAS_NODE
  || path.join(process.env.CARGO_TARGET_DIR || path.join(repo, 'target'), 'release', 'civitas-node');

/** Runs the node binary; returns its standard output. */
function civitas(args) {
  return execFileSync(node, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

/** `key generate` in `scheme`: { secretPhrase, publicKey, ss58Address, ... }. */
function generate(scheme) {
  return JSON.parse(civitas(['key', 'generate', '--scheme', scheme, '--output-type', 'json']));
}

function options(argv) {
  const flags = {};
  const rest = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i].startsWith('--')) {
      const name = argv[i].slice(2);
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) flags[name] = true;
      else { flags[name] = next; i += 1; }
    } else rest.push(argv[i]);
  }
  return { flags, rest };
}

function writeSecret(file, content) {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** The bytes of a base58 string (a peer id such as `12D3KooW...`), as `0x` hex. */
function base58Hex(text) {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let value = 0n;
  for (const c of text) {
    const digit = alphabet.indexOf(c);
    if (digit < 0) throw new Error(`not base58: ${text}`);
    value = value * 58n + BigInt(digit);
  }
  let hex = value === 0n ? '' : value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const zeros = text.length - text.replace(/^1+/, '').length;
  return `0x${'00'.repeat(zeros)}${hex}`;
}

function department(flags) {
  for (const required of ['out', 'name', 'kind', 'roles']) {
    if (!flags[required]) throw new Error(`department: --${required} is required`);
  }
  mkdirSync(flags.out, { recursive: true, mode: 0o700 });
  const admin = generate('sr25519');
  const secrets = { admin: admin.secretPhrase };
  const pub = {
    name: flags.name,
    kind: flags.kind,
    roles: flags.roles.split(',').filter(Boolean),
    admin: admin.ss58Address,
  };
  if (flags.validator) {
    const account = generate('sr25519');
    const aura = generate('sr25519');
    const grandpa = generate('ed25519');
    const nodeKey = path.join(flags.out, 'node-key');
    // The node's network key; its peer id goes to the coordinator for the boot nodes.
    execFileSync(node, ['key', 'generate-node-key', '--file', nodeKey], { stdio: 'ignore' });
    chmodSync(nodeKey, 0o600);
    const peerId = civitas(['key', 'inspect-node-key', '--file', nodeKey]).trim();
    Object.assign(secrets, { validator: account.secretPhrase, aura: aura.secretPhrase, grandpa: grandpa.secretPhrase });
    pub.validator = {
      account: account.ss58Address,
      aura: aura.ss58Address,
      grandpa: grandpa.ss58Address,
      peerId,
      address: flags.address || null,
    };
  }
  writeSecret(path.join(flags.out, 'secrets.json'), `${JSON.stringify(secrets, null, 2)}\n`);
  writeFileSync(path.join(flags.out, 'public.json'), `${JSON.stringify(pub, null, 2)}\n`);
  console.log(`${flags.name}: ${path.join(flags.out, 'public.json')} (secrets stay in ${flags.out})`);
}

function chainSpec(flags, files) {
  for (const required of ['out', 'name', 'id']) {
    if (!flags[required]) throw new Error(`chain-spec: --${required} is required`);
  }
  if (files.length === 0) throw new Error('chain-spec: give every department\'s public.json, in id order');
  const departments = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
  const validators = departments
    .map((d, id) => (d.validator ? { ...d.validator, department: id } : null))
    .filter(Boolean);
  if (validators.length === 0) throw new Error('chain-spec: no department runs a validator');
  // Fee tokens for every account (in units of 10^12), as a JSON number: at most 9,000 units.
  const endowment = Number(flags.endowment || '1000') * 1e12;
  if (!Number.isSafeInteger(endowment)) throw new Error('chain-spec: --endowment at most 9000');
  const accounts = [...departments.map((d) => d.admin), ...validators.map((v) => v.account)];
  const count = validators.length;
  // The runtime's own presets give the code and the council's policy table every city starts
  // from (the council can change it); everything else comes from the departments.
  const base = JSON.parse(civitas(['export-chain-spec', '--chain', 'civitas-local']));
  const patch = {
    balances: { balances: accounts.map((a) => [a, endowment]) },
    departments: {
      departments: departments.map((d) => ({
        name: d.name, kind: d.kind, roles: d.roles, officers: [[d.admin, true]],
      })),
    },
    council: {
      members: departments.map((d, id) => (d.roles.includes('Councillor') ? id : null)).filter((id) => id !== null),
      policy: base.genesis.runtimeGenesis.patch.council.policy,
    },
    validators: {
      validators: validators.map((v) => ({ account: v.account, department: v.department })),
      // As many must stay as GRANDPA needs when a third are lost.
      minValidators: Math.max(1, count - Math.floor((count - 1) / 3)),
      sessionLength: Number(flags['session-length'] || 600),
    },
    session: {
      keys: validators.map((v) => [v.account, v.account, { aura: v.aura, grandpa: v.grandpa }]),
    },
    // Only these nodes exchange blocks; the council registers more (`nodes.registerNode`).
    nodes: { nodes: validators.map((v) => [base58Hex(v.peerId), v.department]) },
    sudo: { key: null },
  };
  base.name = flags.name;
  base.id = flags.id;
  base.chainType = 'Live';
  base.bootNodes = validators.filter((v) => v.address).map((v) => `${v.address}/p2p/${v.peerId}`);
  base.genesis.runtimeGenesis.patch = patch;
  mkdirSync(flags.out, { recursive: true });
  const plain = path.join(flags.out, 'plain.json');
  writeFileSync(plain, `${JSON.stringify(base, null, 2)}\n`);
  writeFileSync(path.join(flags.out, 'raw.json'), civitas(['build-spec', '--chain', plain, '--raw', '--disable-default-bootnode']));
  console.log(`${flags.name}: ${departments.length} departments, ${count} validators -> ${plain}, raw.json`);
}

function install(flags) {
  if (!flags.dir || !flags.spec) throw new Error('install: --dir and --spec are required');
  const secrets = JSON.parse(readFileSync(path.join(flags.dir, 'secrets.json'), 'utf8'));
  if (!secrets.aura) throw new Error(`install: ${flags.dir} has no validator keys`);
  const base = path.join(flags.dir, 'base');
  for (const [type, scheme, suri] of [['aura', 'sr25519', secrets.aura], ['gran', 'ed25519', secrets.grandpa]]) {
    civitas(['key', 'insert', '--base-path', base, '--chain', flags.spec, '--scheme', scheme, '--suri', suri, '--key-type', type]);
  }
  console.log(`keys installed in ${base}`);
}

const [command, ...argv] = process.argv.slice(2);
const { flags, rest } = options(argv);
try {
  if (command === 'department') department(flags);
  else if (command === 'chain-spec') chainSpec(flags, rest);
  else if (command === 'install') install(flags);
  else throw new Error('usage: key-ceremony.mjs department|chain-spec|install ... (see the header)');
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
