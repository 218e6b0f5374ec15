/**
 * A shard's result on disk, and the merge of several (the I/O around merge.ts). A part is a
 * directory: a baseline part is a run directory (`run.json` naming its shard); a compare part holds
 * `part.json` (where the base came from) and the two sides, `base/` and `head/`, each a run
 * directory restricted to the shard. Each part carries everything the merge needs, so the merge
 * job downloads nothing else.
 */
import { uncheckedNote } from '../store/checksums.js';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchgateError } from '../errors.js';
import { joinHistories, type History } from '../history/history.js';
import { readHistory, writeHistory } from '../history/store.js';
import type { BaselineInfo } from '../report/markdown.js';
import { HISTORY_FILE, loadRun, saveRun, type StoredRun } from '../store/dir.js';
import type { Run, ShardInfo } from '../types.js';
import { checkCoverage, mergeRuns, restrictRun, type Coverage } from './merge.js';

export const PART_FILE = 'part.json';

/** What a compare part says besides its runs: where the base came from and how it was measured. */
export interface ComparePartMeta {
  schema: 1;
  kind: 'compare';
  baseline: BaselineInfo;
  /** The base is a run stored elsewhere (an artifact, a baseline dir), not measured beside the head. */
  baseIsStored: boolean;
  rounds?: number;
  minRounds?: number;
}

/** `shard-2-of-4`: in artifact names and merged directories. */
export function shardSuffix(s: Pick<ShardInfo, 'index' | 'count'>): string {
  return `shard-${s.index}-of-${s.count}`;
}

/** Whether `name` is `<prefix>-` followed by a shardSuffix: a part of that prefix. */
export function isShardOf(name: string, prefix: string): boolean {
  return name.startsWith(`${prefix}-`) && /^shard-\d+-of-\d+$/.test(name.slice(prefix.length + 1));
}

/**
 * Copies a stored run's files into `dest`, with the history it carries (a baseline artifact's
 * history.json: the merged comment's trend column comes from it), and writes `run` (default: the
 * stored one) there.
 */
async function copyRun(stored: StoredRun, dest: string, run: Run = stored.run): Promise<StoredRun> {
  if (stored.dir !== dest) {
    await mkdir(dest, { recursive: true });
    const files = run.packages.flatMap((p) => [
      ...p.outputFiles,
      ...p.cpuProfiles,
      ...p.memProfiles,
      ...Object.values(p.benchmarkProfiles ?? {}).flatMap((b) => [...b.cpu, ...b.mem]),
    ]);
    for (const f of new Set([...files, HISTORY_FILE])) await cp(join(stored.dir, f), join(dest, f)).catch(() => undefined);
  }
  await saveRun(run, dest);
  return { run, dir: dest };
}

/**
 * Writes a compare part into `dir`: the head (which names its shard) and the base, restricted to
 * the shard when it is a run stored whole elsewhere.
 */
export async function writeComparePart(
  dir: string,
  o: { base: StoredRun; head: StoredRun; meta: Omit<ComparePartMeta, 'schema' | 'kind'> },
): Promise<void> {
  const shard = o.head.run.shard;
  if (!shard) throw new BenchgateError('the head run names no shard: not a partial result', 'run');
  await copyRun(o.head, join(dir, 'head'));
  await copyRun(o.base, join(dir, 'base'), o.base.run.shard ? o.base.run : restrictRun(o.base.run, shard));
  const meta: ComparePartMeta = { schema: 1, kind: 'compare', ...o.meta };
  await writeFile(join(dir, PART_FILE), JSON.stringify(meta, null, 1) + '\n');
}

type Part =
  | { kind: 'baseline'; source: string; run: StoredRun }
  | { kind: 'compare'; source: string; base: StoredRun; head: StoredRun; meta: ComparePartMeta };

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export async function readPart(source: string, dir: string): Promise<Part> {
  const metaPath = join(dir, PART_FILE);
  if (await exists(metaPath)) {
    let meta: ComparePartMeta;
    try {
      meta = JSON.parse(await readFile(metaPath, 'utf8')) as ComparePartMeta;
    } catch (e) {
      throw new BenchgateError(`not valid JSON: ${(e as Error).message}`, 'baseline', { file: metaPath });
    }
    const head = await loadRun(join(dir, 'head'));
    checkShard(head.run.shard, join(dir, 'head', 'run.json'));
    return { kind: 'compare', source, base: await loadRun(join(dir, 'base')), head, meta: validateMeta(meta, metaPath) };
  }
  const run = await loadRun(dir);
  checkShard(run.run.shard, join(dir, 'run.json'));
  return { kind: 'baseline', source, run };
}

/** The shard a part names becomes directory names and report lines: whole numbers and strings only. */
function checkShard(s: unknown, file: string): void {
  if (s === undefined) return;
  const v = s as Partial<ShardInfo> | null;
  const whole = (x: unknown, max: number) => Number.isInteger(x) && (x as number) >= 1 && (x as number) <= max;
  const ok =
    typeof v === 'object' &&
    v !== null &&
    whole(v.count, 256) &&
    whole(v.index, v.count as number) &&
    typeof v.suite === 'string' &&
    Number.isInteger(v.units) &&
    Array.isArray(v.planned) &&
    v.planned.every((u) => typeof u?.pkg === 'string' && (u.benchmark === undefined || typeof u.benchmark === 'string'));
  if (!ok) throw new BenchgateError('"shard" is not {index, count, planned: [{pkg, benchmark?}], suite, units} with 1 ≤ index ≤ count ≤ 256', 'baseline', { file });
}

/**
 * A part is data written by a job that built and ran the PR's code: only known fields of known
 * types pass (the comment renders some of them).
 */
function validateMeta(v: unknown, file: string): ComparePartMeta {
  const m = v as Partial<ComparePartMeta> | null;
  const b = m?.baseline as Partial<BaselineInfo> | undefined;
  if (m?.schema !== 1 || m.kind !== 'compare' || typeof b !== 'object' || b === null || !['artifact', 'rerun', 'files', 'stored'].includes(String(b.source))) {
    throw new BenchgateError('not a benchgate compare part (expected schema 1, kind "compare", baseline.source)', 'baseline', { file });
  }
  const str = (x: unknown) => (typeof x === 'string' ? x.slice(0, 200) : undefined);
  const int = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : undefined);
  return {
    schema: 1,
    kind: 'compare',
    baseline: {
      source: b.source!,
      ref: str(b.ref),
      commit: str(b.commit)?.replace(/[^0-9a-f]/g, ''),
      runId: int(b.runId),
      runNumber: int(b.runNumber),
      environmentNote: str(b.environmentNote),
    },
    baseIsStored: m.baseIsStored === true,
    rounds: int(m.rounds),
    minRounds: int(m.minRounds),
  };
}

export type Merged = (
  | {
      kind: 'baseline';
      run: StoredRun;
      /** The merged baseline's history (written beside its run.json), null when no part carries one. */
      history: History | null;
    }
  | {
      kind: 'compare';
      base: StoredRun;
      head: StoredRun;
      meta: ComparePartMeta;
      /** The directory whose history.json gives the comment's trend column: the stored baseline's, which every part carries. */
      baseHistoryDir: string | undefined;
    }
) & {
  coverage: Coverage;
  /** Where the parts disagree (commits, environments), or a part's history was refused, one line each. */
  warnings: string[];
  /** For the log: how the history was joined, what was read unverified. */
  notes: string[];
};

/**
 * Reads the parts, checks that they cover one plan exactly once, and merges them into `outDir`
 * (`base/` and `head/`, or the run itself for baselines), each part's files under `shard-i-of-n/`.
 * Missing shards are in `coverage`: the merge of the others still happens, and the caller reports
 * the verdict as incomplete.
 */
export async function mergeParts(parts: readonly { source: string; dir: string }[], outDir: string): Promise<Merged> {
  if (parts.length === 0) throw new BenchgateError('no partial results to merge', 'usage');
  const read = await Promise.all(parts.map((p) => readPart(p.source, p.dir)));
  const kinds = new Set(read.map((p) => p.kind));
  if (kinds.size > 1) {
    throw new BenchgateError(`the parts mix baselines and comparisons: ${read.map((p) => `${p.source} (${p.kind})`).join(', ')}`, 'usage');
  }
  const shardOf = (p: Part) => (p.kind === 'baseline' ? p.run.run.shard : p.head.run.shard);
  const coverage = checkCoverage(read.map((p) => ({ source: p.source, shard: shardOf(p) })));
  // A part that is no shard of the plan (another suite, a duplicate) is left out of the merge.
  const usable = read.filter((p, i) => {
    const s = shardOf(p);
    return s && s.count === coverage.count && read.findIndex((q) => shardOf(q)?.index === s.index) === i;
  });
  if (usable.length === 0) throw new BenchgateError(`no usable shard results: ${coverage.problems.join('; ')}`, 'run');
  const notes: string[] = [];
  const side = async (runs: { stored: StoredRun; shard: ShardInfo }[], dest: string, withHistory: boolean) => {
    const copied = [];
    for (const { stored, shard } of runs) {
      const prefix = shardSuffix(shard);
      await rm(join(dest, prefix), { recursive: true, force: true });
      await cp(stored.dir, join(dest, prefix), { recursive: true });
      copied.push({ run: stored.run, prefix });
    }
    await rm(join(dest, HISTORY_FILE), { force: true });
    const { run, warnings } = mergeRuns(copied);
    // A sharded baseline's parts each carry the history with their own shard's medians: the suite's
    // is their union. (Every compare part's stored base carries the same history: its union is that
    // history.) Written before run.json, so that it is checksummed with the run.
    const joined = withHistory ? await joinPartHistories(runs.map((r) => r.stored.dir), warnings, notes) : null;
    if (joined) await writeHistory(dest, joined);
    await saveRun(run, dest);
    return { stored: { run, dir: dest }, warnings, history: joined };
  };
  if (read[0].kind === 'baseline') {
    const runs = usable.map((p) => (p.kind === 'baseline' ? { stored: p.run, shard: p.run.run.shard! } : null)).filter((x) => x !== null);
    const merged = await side(runs, outDir, true);
    return { kind: 'baseline', run: merged.stored, history: merged.history, coverage, warnings: merged.warnings, notes };
  }
  const compares = usable.filter((p): p is Extract<Part, { kind: 'compare' }> => p.kind === 'compare');
  const base = await side(
    compares.map((p) => ({ stored: p.base, shard: p.head.run.shard! })),
    join(outDir, 'base'),
    // A base measured by the PR's run has no history of the branch; a stored one carries it.
    compares[0].meta.baseIsStored,
  );
  const head = await side(
    compares.map((p) => ({ stored: p.head, shard: p.head.run.shard! })),
    join(outDir, 'head'),
    false,
  );
  const meta = compares[0].meta;
  return {
    kind: 'compare',
    base: base.stored,
    head: head.stored,
    meta,
    baseHistoryDir: base.history ? base.stored.dir : undefined,
    coverage,
    warnings: [...base.warnings, ...head.warnings],
    notes,
  };
}

/**
 * The union of the parts' histories (joinHistories), each verified against its part's run.json;
 * null when no part carries one. A part whose history is refused costs only its own
 * shard's newest medians (said in `warnings`): the others still make the history.
 */
async function joinPartHistories(dirs: readonly string[], warnings: string[], notes: string[]): Promise<History | null> {
  const histories: History[] = [];
  for (const dir of dirs) {
    try {
      const read = await readHistory(dir);
      if (!read) continue;
      const note = uncheckedNote(read.integrity);
      if (note) notes.push(note);
      histories.push(read.history);
    } catch (e) {
      if (!(e instanceof BenchgateError)) throw e;
      warnings.push(`a part's history is left out of the merged history: ${e.message}`);
    }
  }
  if (histories.length === 0) {
    notes.push(`no part carries a ${HISTORY_FILE}: the merged run has no history`);
    return null;
  }
  const history = joinHistories(histories);
  notes.push(`history: ${history.entries.length} run(s), joined from ${histories.length} of ${dirs.length} part(s)`);
  return history;
}

