// Starts a fresh `civitas-node --dev --tmp` on free ports and stops it again.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The node binary: $CIVITAS_NODE, else ${CARGO_TARGET_DIR:-target}/release/civitas-node. */
export function nodeBinary() {
  if (process.env.CIVITAS_NODE) return process.env.CIVITAS_NODE;
  const target = process.env.CARGO_TARGET_DIR || path.join(repo, 'target');
  return path.join(target, 'release', 'civitas-node');
}

/**
 * `n` distinct free ports. All are held open together before any is released, so the RPC, p2p
 * and Prometheus ports can never be the same one (the kernel may hand a just-closed port out
 * again; the node then binds its RPC server elsewhere and never answers on the expected port).
 */
async function freePorts(n) {
  const servers = await Promise.all(Array.from({ length: n }, () => new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  })));
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

async function rpcReady(url) {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'system_health', params: [] }),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Starts a node with `chainArgs` (the chain, base path, role, ...) on free RPC, p2p and
 * Prometheus ports. Resolves with { wsUrl, p2pPort, prometheusPort, stop, logs } once its RPC
 * answers.
 */
export async function startNode(chainArgs, { timeoutMs = 60_000 } = {}) {
  const bin = nodeBinary();
  if (!existsSync(bin)) {
    throw new Error(`civitas-node not found at ${bin}: build it with scripts/build.sh first`);
  }
  const [rpcPort, p2pPort, prometheusPort] = await freePorts(3);
  const args = [
    ...chainArgs,
    '--rpc-port', String(rpcPort),
    '--port', String(p2pPort),
    '--prometheus-port', String(prometheusPort),
    '--no-mdns',
    '--no-telemetry',
  ];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const logs = [];
  const keep = (chunk) => {
    logs.push(...chunk.toString().split('\n').filter(Boolean));
    if (logs.length > 400) logs.splice(0, logs.length - 400);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });

  const stop = async () => {
    if (exited) return;
    const done = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await done;
    clearTimeout(timer);
  };
  // Never leave a node behind, whatever happens to the test process.
  process.once('exit', () => { if (!exited) child.kill('SIGKILL'); });

  // The node moves its RPC server to a random port when the one asked for is taken by another
  // process; it logs where it listens, so follow that.
  const listening = () => {
    for (const line of logs) {
      const m = /Running JSON-RPC server: addr=127\.0\.0\.1:(\d+)/.exec(line);
      if (m) return Number(m[1]);
    }
    return rpcPort;
  };
  const deadline = Date.now() + timeoutMs;
  let port = rpcPort;
  while (!(await rpcReady(`http://127.0.0.1:${(port = listening())}`))) {
    if (exited) {
      throw new Error(`civitas-node exited (${JSON.stringify(exited)}):\n${logs.slice(-30).join('\n')}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`civitas-node not ready after ${timeoutMs} ms:\n${logs.slice(-30).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { wsUrl: `ws://127.0.0.1:${port}`, p2pPort, prometheusPort, stop, logs };
}

/**
 * Starts a dev node and connects Polkadot.js to it. Resolves with the node, the API, an sr25519
 * keyring (generic SS58 prefix) and `stop()`, which disconnects and stops the node.
 */
export function connectDevChain() {
  return connectChain(['--dev', '--tmp']);
}

/** Starts a node with `chainArgs` and connects Polkadot.js to it, as `connectDevChain` does. */
export async function connectChain(chainArgs) {
  await cryptoWaitReady();
  const node = await startNode(chainArgs);
  let api;
  try {
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
  } catch (e) {
    await node.stop();
    throw e;
  }
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const stop = async () => {
    await api.disconnect();
    await node.stop();
  };
  return { node, api, keyring, stop };
}
