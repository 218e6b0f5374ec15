// Times whole processes the way a user meets them (start-up included), the same way for every
// tool: wall time around the spawn, and the child's CPU time and peak RSS as GNU time reports
// them (`/usr/bin/time -v`; without it, from /proc while the child runs: RSS sampled, CPU from
// the last stat read). Output goes to a file, not through a pipe the parent must drain.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';
const work = mkdtempSync(join(tmpdir(), 'benchgate-whole-'));
let runNo = 0;

/**
 * @param {string} file
 * @param {string[]} args
 * @param {{cwd?: string, okCodes?: number[], keepStdout?: boolean}} [opts]
 * @returns {Promise<{wallMs: number, cpuMs: number, peakMiB: number, stdout?: string}>}
 */
export async function timeProcess(file, args, opts = {}) {
  const okCodes = opts.okCodes ?? [0];
  const n = runNo++;
  const outPath = join(work, `out-${n}`);
  const timePath = join(work, `time-${n}`);
  const useGnuTime = existsSync(GNU_TIME);
  const [cmd, argv] = useGnuTime ? [GNU_TIME, ['-v', '-o', timePath, file, ...args]] : [file, args];
  const outFd = openSync(outPath, 'w');
  const started = performance.now();
  let procPeak = 0;
  let procCpu = 0;
  const code = await new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: opts.cwd, stdio: ['ignore', outFd, 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const sample = useGnuTime ? null : setInterval(() => {
      const s = readProc(child.pid);
      if (s) {
        procPeak = Math.max(procPeak, s.rssKiB);
        procCpu = s.cpuMs;
      }
    }, 5);
    child.on('error', reject);
    child.on('close', (c) => {
      if (sample) clearInterval(sample);
      if (!okCodes.includes(c ?? -1)) reject(new Error(`${file} ${args.join(' ')} exited ${c}: ${stderr.slice(-2000)}`));
      else resolve(c);
    });
  });
  const wallMs = performance.now() - started;
  closeSync(outFd);
  void code;
  const stdout = opts.keepStdout ? readFileSync(outPath, 'utf8') : undefined;
  rmSync(outPath, { force: true });
  if (!useGnuTime) return { wallMs, cpuMs: procCpu, peakMiB: procPeak / 1024, stdout };
  const t = readFileSync(timePath, 'utf8');
  rmSync(timePath, { force: true });
  const num = (re) => Number(re.exec(t)?.[1] ?? NaN);
  const cpuMs = (num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/)) * 1000;
  const peakMiB = num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024;
  return { wallMs, cpuMs, peakMiB, stdout };
}

function readProc(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hz = 100;
    return {
      cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / hz,
      rssKiB: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0),
    };
  } catch {
    return null;
  }
}

/**
 * Runs each tool `reps` times, alternating which goes first from one repetition to the next
 * (ABBA…), after one untimed warm-up run each (page cache, `go tool` builds).
 * @param {{name: string, run: () => Promise<{wallMs: number, cpuMs: number, peakMiB: number}>}[]} tools
 */
export async function alternate(tools, reps, log = console.log) {
  const load = [loadavg()[0]];
  for (const t of tools) await t.run();
  const results = Object.fromEntries(tools.map((t) => [t.name, []]));
  for (let r = 0; r < reps; r++) {
    const order = r % 2 === 0 ? tools : [...tools].reverse();
    for (const t of order) {
      const m = await t.run();
      results[t.name].push(m);
      log(`  run ${r + 1} ${t.name.padEnd(12)} ${fmtMs(m.wallMs).padStart(8)} wall ${fmtMs(m.cpuMs).padStart(8)} CPU ${m.peakMiB.toFixed(0).padStart(5)} MiB`);
    }
    load.push(loadavg()[0]);
  }
  return { results, load };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** One line per tool: median and min–max of wall, CPU and peak RSS. */
export function summarize(results, log = console.log) {
  for (const [name, runs] of Object.entries(results)) {
    const col = (f, fmt) => {
      const xs = runs.map(f);
      return `${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`;
    };
    log(
      `  ${name.padEnd(12)} wall ${col((r) => r.wallMs, fmtMs)}   CPU ${col((r) => r.cpuMs, fmtMs)}   peak RSS ${col((r) => r.peakMiB, (x) => `${x.toFixed(0)} MiB`)}`,
    );
  }
}

/** The ratio of medians, first tool over second, for wall, CPU and peak RSS. */
export function ratios(results, a, b, log = console.log) {
  const m = (name, f) => median(results[name].map(f));
  const r = (f) => (m(a, f) / m(b, f)).toFixed(2);
  log(`  ratio ${a}/${b} (medians): wall ${r((x) => x.wallMs)}×, CPU ${r((x) => x.cpuMs)}×, peak RSS ${r((x) => x.peakMiB)}×`);
}

export function loadLine(load, log = console.log) {
  const [one, five, fifteen] = loadavg();
  log(
    `  load average during the runs: ${Math.min(...load).toFixed(2)}–${Math.max(...load).toFixed(2)} (1 min); now ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)} on ${availableParallelism()} cores`,
  );
}
