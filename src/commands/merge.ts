/**
 * Sharded runs on the CLI. `benchgate run --shard i/n` and `benchgate baseline --shard i/n` write a
 * partial result (a part, src/shard/parts.ts); `benchgate merge --out DIR PART...` checks that the
 * parts cover the plan exactly once, merges them, and judges the whole suite as `run` does: one
 * comparison with FDR over every benchmark, confirmation (with `--base`), one report, one exit status.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { compareRuns, localChanges, type ChangeSet } from '../engine.js';
import { BenchgateError } from '../errors.js';
import { evaluateGate, type GateResult } from '../compare/gate.js';
import type { History } from '../history/history.js';
import { readHistoryForReport } from '../history/store.js';
import { repoRoot } from '../local.js';
import { judgePullRequest } from '../pipeline.js';
import { annotationsFor } from '../report/annotations.js';
import { toJsonReport } from '../report/json.js';
import { renderMarkdown, type MarkdownContext } from '../report/markdown.js';
import { DEFAULT_DUET, DEFAULT_RUN, DEFAULT_VERDICT, DUET_CHOICES, parseChoice, parseDuration, parseInteger, usageError } from '../settings.js';
import type { Coverage } from '../shard/merge.js';
import { mergeParts, writeComparePart, type ComparePartMeta } from '../shard/parts.js';
import { saveRun, type StoredRun } from '../store/dir.js';
import { failedPackageLines } from '../types.js';
import {
  EXIT_OK,
  EXIT_REGRESSION,
  VERDICT_OPTIONS,
  commandProgress,
  failOnFrom,
  formatFrom,
  parseFlags,
  render,
  reportError,
  str,
  verdictFrom,
  type CommandOutput,
} from './common.js';
import { runSettingsFrom, stderrLog } from './run.js';
import { MERGE_USAGE } from './usage.js';

/**
 * The end of `benchgate run --shard`: the part (both sides, restricted to the shard) and this
 * shard's own comparison for a look, marked partial. No verdict: FDR and the gate belong to the
 * whole suite, after the merge.
 */
export async function finishShard(
  outDir: string,
  part: { base: StoredRun; head: StoredRun; meta: Omit<ComparePartMeta, 'schema' | 'kind'> },
  out: CommandOutput,
): Promise<number> {
  const shard = part.head.run.shard!;
  await writeComparePart(outDir, part);
  // For a look only: the default settings, no gate (FDR and the verdict belong to the merged suite).
  const report = compareRuns(part.base.run, part.head.run, DEFAULT_VERDICT);
  await writeFile(join(outDir, 'report.json'), toJsonReport(report, { partial: true, shard, baseline: part.meta.baseline }));
  const benchmarks = new Set(part.head.run.results.map((r) => `${r.pkg} ${r.name}`)).size;
  out.stdout(
    `benchgate: shard ${shard.index}/${shard.count} measured ${benchmarks} benchmarks in ${part.head.run.packages.length} packages ` +
      `(${shard.planned.length} of the suite's ${shard.units} units, placed by ${shard.method === 'measured' ? "the baseline's measured times" : 'a hash of their names'}); ` +
      `its part is ${outDir}: judge the suite with benchgate merge --out DIR ${outDir} <the other parts>\n`,
  );
  return EXIT_OK;
}

export async function mergeCommand(argv: string[], out: CommandOutput): Promise<number> {
  try {
    const { values, positionals } = parseFlags(argv, {
      ...VERDICT_OPTIONS,
      out: { type: 'string' },
      quiet: { type: 'boolean' },
      packages: { type: 'string' },
      bench: { type: 'string' },
      benchtime: { type: 'string' },
      cpu: { type: 'string' },
      timeout: { type: 'string' },
      'go-test-flags': { type: 'string' },
      'no-profiles': { type: 'boolean' },
      base: { type: 'string' },
      head: { type: 'string' },
      confirm: { type: 'string' },
      'confirm-rounds': { type: 'string' },
      'confirm-budget': { type: 'string' },
      'min-rounds': { type: 'string' },
      duet: { type: 'string' },
    });
    const outArg = str(values, 'out');
    if (!outArg) throw usageError('--out <dir> is required');
    if (positionals.length === 0) throw usageError('name the parts to merge: benchgate merge --out DIR PART_DIR...');
    const outDir = resolve(outArg);
    const quiet = values.quiet === true;
    const progress = commandProgress(out, quiet);
    out = progress.out;
    const log = stderrLog(out, quiet);
    await mkdir(outDir, { recursive: true });
    const merged = await mergeParts(
      positionals.map((p) => ({ source: p, dir: resolve(p) })),
      outDir,
    );
    for (const w of merged.warnings) log.warning(w);
    for (const p of merged.coverage.problems) log.warning(p);
    for (const n of merged.notes) log.info(`benchgate: ${n}`);
    if (merged.kind === 'baseline') return await finishBaselineMerge(merged.run, merged.history, merged.coverage, out);

    const verdict = verdictFrom(values);
    const format = formatFrom(values);
    const failOn = failOnFrom(values);
    const confirmRounds = parseInteger('--confirm-rounds', str(values, 'confirm-rounds') ?? '10', 2, 1000);
    const settings = {
      ...runSettingsFrom(values, confirmRounds),
      minRounds: parseInteger('--min-rounds', str(values, 'min-rounds') ?? String(DEFAULT_RUN.minRounds), 2, 1000),
      duet: parseChoice('--duet', str(values, 'duet') ?? DEFAULT_DUET, DUET_CHOICES),
    };
    const baseRef = str(values, 'base');
    const headRef = str(values, 'head');
    const moduleDir = process.cwd();
    let changes: ChangeSet | null = null;
    if (baseRef) {
      try {
        changes = await localChanges({ repoDir: await repoRoot(moduleDir), moduleDir, baseRef, headRef });
      } catch (e) {
        if (!(e instanceof BenchgateError)) throw e;
        log.warning(`the diff is not available, attribution will not mark changed functions: ${e.message}`);
      }
    }
    const { report, confirmRounds: confirmed } = await judgePullRequest({
      base: merged.base,
      head: merged.head,
      baseIsStored: merged.meta.baseIsStored,
      changes,
      verdict,
      run: settings,
      confirm: {
        policy: parseChoice('--confirm', str(values, 'confirm') ?? 'auto', ['auto', 'always', 'never'] as const),
        rounds: confirmRounds,
        budgetMs: parseDuration('--confirm-budget', str(values, 'confirm-budget') ?? '15m'),
      },
      confirmTarget: async () =>
        baseRef
          ? { moduleDir, baseRef, headRef }
          : { reason: 'suspects are not confirmed: --base <git-ref> is needed to re-run them against the base', suspects: 'counted' },
      outDir,
      log,
      track: (work) => progress.track(work),
    });
    const gate = evaluateGate(report, { failOn, gateUnits: verdict.gateUnits, failOnUnconfirmed: false });
    const ctx: MarkdownContext = {
      gate,
      baseline: merged.meta.baseline,
      rounds: merged.meta.rounds,
      minRounds: merged.meta.minRounds,
      confirmRounds: confirmed,
      incomplete: failedPackageLines(report),
      missingShards: merged.coverage.problems,
      fullReportHint: `see ${join(outDir, 'report.json')}`,
      // The parts carry the stored baseline's history (shard/parts.ts): the trend column of `mode: merge`.
      history: await readHistoryForReport(merged.baseHistoryDir, log),
    };
    const extra = { ...mergedExtra(gate, merged.coverage), baseline: ctx.baseline, rounds: ctx.rounds, annotations: annotationsFor(report, 10) };
    await writeFile(join(outDir, 'report.json'), toJsonReport(report, extra));
    await writeFile(join(outDir, 'report.md'), renderMarkdown(report, ctx));
    out.stdout(render(report, format, ctx, extra));
    if (gate.failed) return EXIT_REGRESSION;
    if (merged.coverage.problems.length > 0) {
      throw new BenchgateError(`incomplete: ${merged.coverage.problems.join('; ')}`, 'run');
    }
    return EXIT_OK;
  } catch (e) {
    return reportError(e, 'merge', MERGE_USAGE, out);
  }
}

/** What report.json says of a merged suite: the verdict, and every shard that is missing or unusable. */
export function mergedExtra(gate: GateResult, coverage: Coverage) {
  const verdict = gate.regressions.length > 0 ? 'regression' : coverage.problems.length > 0 ? 'incomplete' : 'pass';
  return { verdict, shards: { count: coverage.count, missing: coverage.missing, problems: coverage.problems } };
}

async function finishBaselineMerge(stored: StoredRun, history: History | null, coverage: Coverage, out: CommandOutput): Promise<number> {
  // The merged run is the baseline: run.json (and the parts' joined history.json) in --out, each part's files under shard-i-of-n/.
  const run = coverage.problems.length > 0 ? { ...stored.run, incomplete: true } : stored.run;
  await saveRun(run, stored.dir);
  const kept = history ? `; history: ${history.entries.length} run(s)` : '';
  out.stdout(`benchgate: merged ${coverage.count} shards into the baseline ${stored.dir}: ${run.results.length} results in ${run.packages.length} packages${kept}\n`);
  if (coverage.problems.length > 0) throw new BenchgateError(`incomplete baseline: ${coverage.problems.join('; ')}`, 'run');
  return EXIT_OK;
}
