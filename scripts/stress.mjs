#!/usr/bin/env node
/**
 * `npm run test:stress`: the whole test suite, several times in a row, on a machine kept busy by a
 * CPU hog, then the failures per test. A test that fails here depends on the machine's load (a
 * timing, a noise verdict, a wall-clock limit) and will fail some day on a shared CI runner.
 *
 *   npm run test:stress                      5 runs, one busy process per core
 *   npm run test:stress -- --runs 1 --hogs 4
 *   npm run test:stress -- -- cli-run        anything after a second `--` goes to jest
 *
 * The hog is one `node -e 'for (;;) {}'` per core (or --hogs N), started before the first run and
 * killed after the last, also on Ctrl-C, on SIGTERM and when this script fails. Each run is jest
 * as `npm test` runs it, with `--json` into a temporary file; the summary reads those files.
 * Exit status: 0 when every run passed, 1 otherwise, 2 on a usage error.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const USAGE = 'usage: npm run test:stress -- [--runs N] [--hogs N] [-- jest arguments]';

function fail(message) {
  console.error(`test:stress: ${message}\n${USAGE}`);
  process.exit(2);
}

let values;
let positionals;
try {
  ({ values, positionals } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, hogs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  }));
} catch (e) {
  fail(e.message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const count = (name, text) => {
  if (!/^\d+$/.test(text)) fail(`--${name} must be a whole number, got "${text}"`);
  return Number(text);
};
const runs = count('runs', values.runs);
if (runs < 1) fail('--runs must be at least 1');
const hogCount = values.hogs === undefined ? availableParallelism() : count('hogs', values.hogs);
const jestArgs = positionals;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const jestBin = createRequire(join(root, 'package.json')).resolve('jest/bin/jest');
const work = mkdtempSync(join(tmpdir(), 'benchgate-stress-'));

/** Every child this script started and has not seen exit: the hogs and the current jest. */
const children = new Set();
function track(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}
function killAll() {
  for (const child of children) {
    try {
      // jest runs in a process group of its own (detached), so its workers and the go processes
      // they started go with it; a hog is a single process.
      if (child.groupLeader) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  children.clear();
}
// Whatever ends this script, the hog goes with it: a normal end, a signal, or an error.
process.on('exit', () => {
  killAll();
  rmSync(work, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\ntest:stress: ${signal}: stopping the hog and jest`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}
process.on('uncaughtException', (e) => {
  console.error(`test:stress: ${e.stack ?? e}`);
  process.exit(1);
});

function startHogs(n) {
  for (let i = 0; i < n; i++) track(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

/** One jest run as `npm test` does it, with its JSON results in `file`; resolves to its exit code. */
function runJest(file) {
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() };
  const child = spawn(process.execPath, [jestBin, '--json', `--outputFile=${file}`, ...jestArgs], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  child.groupLeader = true;
  track(child);
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? `signal ${signal}` : 'unknown'))));
}

/** A test's name for the summary: its file, then describe blocks and title. */
function testName(fileResult, assertion) {
  return `${relative(root, fileResult.name)} › ${[...assertion.ancestorTitles, assertion.title].join(' › ')}`;
}

const firstLine = (text) => (text ?? '').split('\n').find((l) => l.trim() !== '')?.trim() ?? '';

const failures = new Map(); // test name → { runs: number[], message: string }
const summaries = [];

startHogs(hogCount);
console.error(`test:stress: ${runs} run(s) of the test suite beside ${hogCount} busy process(es) on ${availableParallelism()} core(s)`);
for (let run = 1; run <= runs; run++) {
  const file = join(work, `run-${run}.json`);
  const started = Date.now();
  console.error(`test:stress: run ${run} of ${runs}…`);
  const code = await runJest(file);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (!existsSync(file)) {
    summaries.push(`run ${run}: jest wrote no results (exit ${code}) after ${seconds} s`);
    failures.set(`(run ${run}) jest itself`, { runs: [run], message: `exit ${code}, no --json output` });
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  summaries.push(
    `run ${run}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped, ` +
      `${r.numFailedTestSuites} suite(s) failed, ${seconds} s`,
  );
  for (const f of r.testResults) {
    const failed = f.assertionResults.filter((a) => a.status === 'failed');
    // A suite that failed outside its tests (a hook, a compile error) has no failed assertion.
    if (failed.length === 0 && f.status === 'failed') {
      const name = `${relative(root, f.name)} (the suite: ${firstLine(f.message).slice(0, 120)})`;
      const entry = failures.get(name) ?? { runs: [], message: firstLine(f.message) };
      entry.runs.push(run);
      failures.set(name, entry);
    }
    for (const a of failed) {
      const name = testName(f, a);
      const entry = failures.get(name) ?? { runs: [], message: '' };
      entry.runs.push(run);
      entry.message = firstLine(a.failureMessages?.join('\n'));
      failures.set(name, entry);
    }
  }
}
killAll();

console.log(`\ntest:stress: ${runs} run(s) beside ${hogCount} busy process(es)`);
for (const line of summaries) console.log(`  ${line}`);
if (failures.size === 0) {
  console.log('no test failed in any run');
  process.exit(0);
}
console.log('\nfailures per test (runs failed / runs):');
const sorted = [...failures].sort((a, b) => b[1].runs.length - a[1].runs.length || (a[0] < b[0] ? -1 : 1));
for (const [name, { runs: failedIn, message }] of sorted) {
  console.log(`  ${failedIn.length}/${runs}  ${name}  (run ${failedIn.join(', ')})`);
  if (message) console.log(`         ${message.slice(0, 200)}`);
}
process.exit(1);
