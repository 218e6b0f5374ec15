/**
 * The GC and scheduler breakdown of flagged rows (regressions and improvements, after
 * confirmation): one diagnostic run per side of each flagged leaf benchmark, through the pairs
 * runner (one leaf per process, selected by its anchored per-level pattern, with the test binaries
 * the measuring run kept), then per side: gctrace → GC figures, the CPU profile → mark-assist share,
 * `go tool trace -pprof=sched` → scheduler latency (diagnosis.ts). The edge: processes and files;
 * the figures are computed by the pure functions of diagnosis.ts and gotool/gctrace.ts.
 */
import { spawn } from 'node:child_process';
import { open, readFile } from 'node:fs/promises';
import { parseBenchText } from '../benchfmt/index.js';
import type { EngineLog } from '../engine.js';
import { BenchgateError } from '../errors.js';
import type { DiagnosticFiles } from '../gotool/alternate.js';
import { parseGcTrace, type GcCycle } from '../gotool/gctrace.js';
import type { ProgressSink, Side } from '../gotool/progress.js';
import { runBothSides } from '../local.js';
import type { Profile } from '../pprof/model.js';
import { readProfileFile } from '../pprof/read.js';
import type { RunSettings } from '../settings.js';
import type { StoredRun } from '../store/dir.js';
import type { CompareReport, CompareRow, DiagnosisSide, Run } from '../types.js';
import { diagnosisOf } from './diagnosis.js';

export interface DiagnoseOptions {
  /** Where to run the two sides: the same trees confirmation runs. */
  target: { moduleDir: string; baseRef: string; headRef?: string };
  run: RunSettings;
  /** The measured runs: b.N per leaf, and their kept test binaries. */
  base: StoredRun;
  head: StoredRun;
  /** More binaries of the same two trees (confirmation's), preferred over the measured runs'. */
  confirmBinaries?: { base?: ReadonlyMap<string, string>; head?: ReadonlyMap<string, string> };
  /** The diagnostic runs' directory (`<out>/diagnose`). */
  outDir: string;
  goBin?: string;
  log: EngineLog;
  onProgress?: ProgressSink;
}

/** The rows that get a diagnosis: what the report calls a change. */
export function flaggedRows(report: CompareReport): CompareRow[] {
  return report.rows.filter((r) => r.verdict === 'regression' || r.verdict === 'improvement');
}

export const UNMEASURED: DiagnosisSide = {
  gcCyclesPerOp: null,
  stwSweepTermNsPerOp: null,
  stwMarkTermNsPerOp: null,
  concurrentMarkNsPerOp: null,
  gcCpuFraction: null,
  heapGoalBytes: null,
  assistShare: null,
  schedLatencyNsPerOp: null,
};

/**
 * Diagnoses the flagged rows of `report` in place (`row.diagnosis`). Returns how many benchmarks
 * were run. A failure to run is a warning, and the rows keep no diagnosis.
 */
export async function diagnoseFlagged(report: CompareReport, o: DiagnoseOptions): Promise<number> {
  const flagged = flaggedRows(report);
  const all = diagnosisOrder(flagged);
  const suspects = all.slice(0, MAX_DIAGNOSED);
  if (suspects.length === 0) return 0;
  const keys = new Set(suspects.map((s) => `${s.pkg}\u0000${s.name}`));
  const rows = flagged.filter((r) => keys.has(`${r.package}\u0000${r.name}`));
  const left = all.length > suspects.length ? ` (the ${suspects.length} largest changes of ${all.length})` : '';
  o.log.info(`benchgate: GC and scheduler diagnosis of ${suspects.length} flagged benchmark(s)${left}, one run per side`);
  const iterations = (side: Side, pkg: string, name: string) => medianIterations((side === 'base' ? o.base : o.head).run, pkg, name);
  const prebuilt = {
    base: merged(o.base.binaries, o.confirmBinaries?.base),
    head: merged(o.head.binaries, o.confirmBinaries?.head),
  };
  const started = Date.now();
  let files: DiagnosticFiles[];
  try {
    const sides = await runBothSides({
      ...o.target,
      // One run a side, alone on the machine (no duet), and its binaries not kept again.
      run: { ...o.run, duet: 'off', diagnose: false },
      rounds: 1,
      outDir: o.outDir,
      suspects,
      onProgress: o.onProgress,
      runner: { prebuilt, diagnostic: { iterations } },
    });
    files = sides.diagnostics ?? [];
  } catch (e) {
    if (!(e instanceof BenchgateError)) throw e;
    o.log.warning(`benchgate: the GC and scheduler diagnosis could not run: ${e.message}`);
    return 0;
  }
  const bySide = new Map<string, DiagnosisSide>();
  for (const f of files) bySide.set(`${f.side}\u0000${f.pkg}\u0000${f.benchmark}`, await sideFigures(f, o));
  for (const r of rows) {
    const of = (side: Side) => bySide.get(`${side}\u0000${r.package}\u0000${r.name}`) ?? UNMEASURED;
    r.diagnosis = { base: of('base'), head: of('head') };
  }
  o.log.info(`benchgate: the diagnosis took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return suspects.length;
}

/** At most this many benchmarks are diagnosed (two runs each): the largest changes. */
export const MAX_DIAGNOSED = 10;

/** The flagged benchmarks, once each, the largest change (any of its rows, by |Δ%|) first. */
export function diagnosisOrder(rows: readonly CompareRow[]): { pkg: string; name: string }[] {
  const size = new Map<string, { pkg: string; name: string; delta: number }>();
  for (const r of rows) {
    const key = `${r.package}\u0000${r.name}`;
    const d = Math.abs(r.deltaPercent ?? 0);
    const seen = size.get(key);
    if (!seen || d > seen.delta) size.set(key, { pkg: r.package, name: r.name, delta: Number.isFinite(d) ? d : 0 });
  }
  return [...size.values()].sort((a, b) => b.delta - a.delta).map(({ pkg, name }) => ({ pkg, name }));
}

/** The measured runs' median b.N of one leaf (undefined when that side has no sample of it). */
export function medianIterations(run: Run, pkg: string, name: string): number | undefined {
  const ns = run.results
    .filter((r) => r.pkg === pkg && r.name === name)
    .map((r) => r.iterations)
    .sort((a, b) => a - b);
  return ns.length === 0 ? undefined : ns[(ns.length - 1) >> 1];
}

function merged(...maps: (ReadonlyMap<string, string> | undefined)[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of maps) for (const [k, v] of m ?? []) out.set(k, v);
  return out;
}

/** One side's figures from its files; each source that fails leaves its own figures null, with a warning. */
async function sideFigures(f: DiagnosticFiles, o: DiagnoseOptions): Promise<DiagnosisSide> {
  const warn = (what: string, e: unknown) =>
    o.log.warning(`benchgate: diagnosis of ${f.benchmark} (${f.side}): ${what}: ${(e as Error).message}`);
  let output: string;
  try {
    output = await readFile(f.output, 'utf8');
  } catch {
    return UNMEASURED; // the sample failed; its failure is already reported by the runner
  }
  const result = parseBenchText(output, f.output).results.find((r) => r.name === f.benchmark);
  const secPerOp = result?.values.find((v) => v.unit === 'sec/op')?.value;
  if (!result || secPerOp === undefined) return UNMEASURED;
  let cycles: GcCycle[] | null = null;
  try {
    cycles = parseGcTrace(await readFile(f.stderr, 'utf8'), f.stderr);
  } catch (e) {
    warn('gctrace', e);
  }
  let cpu: Profile | null = null;
  if (f.cpuProfile) cpu = await readProfileFile(f.cpuProfile).catch((e: unknown) => (warn('CPU profile', e), null));
  const sched = await schedProfile(f.trace, o.goBin ?? 'go').catch((e: unknown) => (warn('scheduler latency', e), null));
  return diagnosisOf({ cycles, iterations: result.iterations, nsPerOp: secPerOp * 1e9, procs: f.procs, cpu, sched });
}

/**
 * `go tool trace -pprof=sched TRACE`: the scheduler-latency profile (pprof protobuf on stdout,
 * written straight to a file beside the trace: binary, so not through a string), decoded with the
 * pprof reader.
 */
async function schedProfile(trace: string, goBin: string): Promise<Profile> {
  const out = `${trace}.sched.pprof`;
  const fh = await open(out, 'w');
  try {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(goBin, ['tool', 'trace', '-pprof=sched', trace], { stdio: ['ignore', fh.fd, 'pipe'] });
      let err = '';
      child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      child.on('error', reject);
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve({ code: c, stderr: err });
      });
    });
    if (code !== 0)
      throw new BenchgateError(`go tool trace -pprof=sched failed: ${stderr.trim().slice(0, 500) || `exit ${code}`}`, 'trace', {
        file: trace,
      });
  } finally {
    await fh.close();
  }
  return readProfileFile(out);
}
