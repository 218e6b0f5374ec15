/** The process edge: real child processes (node itself), no shell. */
import { BenchgateError } from '../src/errors.js';
import { run } from '../src/exec.js';

const NODE = process.execPath;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('exit code, stdout and stderr; arguments reach the child verbatim', async () => {
  const tricky = `a b "c" $(d) ; 'e'`;
  const r = await run(NODE, ['-e', 'console.log(process.argv[1]); console.error("err"); process.exit(3)', tricky]);
  expect(r).toMatchObject({ code: 3, signal: null, stdout: `${tricky}\n`, stderr: 'err\n', timedOut: false, truncated: false });
});

test('cwd and env are the child’s', async () => {
  const r = await run(NODE, ['-e', 'console.log(process.cwd(), process.env.BENCHGATE_X)'], {
    cwd: '/',
    env: { ...process.env, BENCHGATE_X: 'yes' },
  });
  expect(r.stdout).toBe('/ yes\n');
});

test('a timeout kills the whole process group, grandchildren included', async () => {
  // The child starts a grandchild that would sleep for a minute, prints its pid, then waits too.
  const script = `
    const { spawn } = require('node:child_process');
    const g = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    console.log(g.pid);
    setTimeout(() => {}, 60000);`;
  // The limit leaves a loaded machine time to start node and the grandchild (whose pid must be
  // printed before the kill); what is checked is that the limit, not the minute, ended the run.
  const r = await run(NODE, ['-e', script], { timeoutMs: 8000 });
  expect(r.timedOut).toBe(true);
  expect(r.code).toBeNull();
  expect(r.durationMs).toBeLessThan(45_000);
  const grandchild = Number(r.stdout.trim());
  expect(grandchild).toBeGreaterThan(0);
  // SIGKILL follows SIGTERM; give the kernel a moment to reap.
  for (let i = 0; i < 50 && alive(grandchild); i++) await new Promise((res) => setTimeout(res, 100));
  expect(alive(grandchild)).toBe(false);
});

test('huge output keeps its tail within the cap', async () => {
  const r = await run(NODE, ['-e', 'process.stdout.write("x".repeat(300000) + "THE END")'], { maxOutputBytes: 1000 });
  expect(r.stdout).toHaveLength(1000);
  expect(r.stdout.endsWith('xTHE END')).toBe(true);
  expect(r.truncated).toBe(true);
});

test('stdout lines arrive one by one, across chunks, the last one without a newline too', async () => {
  const lines: string[] = [];
  const script = `
    process.stdout.write('one\\ntw');
    setTimeout(() => { process.stdout.write('o\\r\\nthr'); setTimeout(() => process.stdout.write('ee'), 50); }, 50);`;
  await run(NODE, ['-e', script], { onStdoutLine: (l) => lines.push(l) });
  expect(lines).toEqual(['one', 'two', 'three']);
});

test('a command that does not exist is a typed error', async () => {
  await expect(run('benchgate-no-such-command', [])).rejects.toThrow(BenchgateError);
  await expect(run('benchgate-no-such-command', [])).rejects.toThrow(/cannot run benchgate-no-such-command.*PATH/);
});

test('a grandchild that escapes the group and keeps stdout open does not hang the run', async () => {
  // The grandchild starts its own process group (detached) and inherits stdout; the child exits.
  const script = `
    const { spawn } = require('node:child_process');
    const g = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: ['ignore', 'inherit', 'ignore'], detached: true });
    console.log(g.pid);
    g.unref();`;
  const r = await run(NODE, ['-e', script]);
  const grandchild = Number(r.stdout.trim());
  try {
    expect(r.code).toBe(0);
    // Back a few seconds after the child exits (the pipe wait), long before the grandchild's two
    // minutes end: the bound is generous so that a loaded machine's slow starts cannot reach it.
    expect(r.durationMs).toBeLessThan(60_000);
  } finally {
    if (grandchild > 0 && alive(grandchild)) process.kill(grandchild, 'SIGKILL');
  }
}, 90_000);
