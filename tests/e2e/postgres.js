// A throwaway PostgreSQL server for the tests: `initdb` into a temporary directory, `pg_ctl
// start` on a free port, and `stop()` removes it all again. Uses Debian's `postgresql` package
// (scripts/setup.sh installs it). As root, the server runs as the `postgres` user, as initdb
// refuses root.

import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The directory of `initdb` and `pg_ctl`: Debian keeps them out of PATH, per major version. */
function binDir() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    if (existsSync(path.join(root, v, 'bin', 'pg_ctl'))) return path.join(root, v, 'bin');
  }
  throw new Error('PostgreSQL is not installed: run scripts/setup.sh (Debian package postgresql)');
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a server; resolves with { url, stop }. */
export async function startPostgres() {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'civitas-pg-'));
  const root = process.getuid?.() === 0;
  if (root) {
    chmodSync(dir, 0o755);
    execFileSync('chown', ['postgres:postgres', dir]);
  }
  const run = (tool, args) => execFileSync(
    root ? 'runuser' : path.join(bin, tool),
    root ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args,
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir },
  );
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'civitas', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgres://civitas@127.0.0.1:${port}/postgres`, stop };
}
