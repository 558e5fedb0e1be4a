// Runs the suite: every `*.test.js` here, each file in its own process with its own nodes.
//
// The files that load the machine (thousands of bills, a browser and PostgreSQL, several nodes
// that must finalize in time) run one after another, alone. The others mostly wait for their own
// dev chain's six-second blocks, so they run a few at a time: their chains are separate, and two
// cores carry several dev nodes that are idle between blocks. Arguments, if any, are the files to
// run (all of them one at a time).

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const here = import.meta.dirname;
const heavy = new Set(['audit.test.js', 'bench.test.js', 'ceremony.test.js', 'e-bills.test.js']);
const together = 3;

const run = (files, concurrency) => {
  if (files.length === 0) return 0;
  const args = ['--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files];
  return spawnSync(process.execPath, args, { cwd: here, stdio: 'inherit' }).status ?? 1;
};

const asked = process.argv.slice(2);
let status;
if (asked.length > 0) {
  status = run(asked, 1);
} else {
  const files = readdirSync(here).filter((f) => f.endsWith('.test.js')).sort();
  const alone = files.filter((f) => heavy.has(f));
  const missing = [...heavy].filter((f) => !files.includes(f));
  if (missing.length > 0) {
    console.error(`run.js names files that do not exist: ${missing.join(', ')}`);
    process.exit(1);
  }
  // Both groups run even when the first fails, so one failure does not hide another.
  const first = run(alone, 1);
  const second = run(files.filter((f) => !heavy.has(f)), together);
  status = first || second;
}
process.exit(status);
