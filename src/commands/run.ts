/**
 * `benchgate run --base <ref>`: both sides measured here in alternating rounds, compared,
 * attributed to the changed functions. With `--baseline <dir>` the base side is a stored run
 * (as in CI with an artifact) and suspects are confirmed against `--base` in alternating rounds.
 * `benchgate baseline --out <dir>`: records a run the way the action does on main.
 */
import { uncheckedNote } from '../store/checksums.js';
import { MAX_WARNINGS_PER_STEP } from '../github/limits.js';
import { mkdtemp, rm, writeFile, mkdir, readdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { localChanges, moduleRootOf, requireGoModule, type ChangeSet, type EngineLog } from '../engine.js';
import { BenchgateError } from '../errors.js';
import { failureSummary, formatFailure, packageFailures } from '../failures.js';
import { evaluateGate } from '../compare/gate.js';
import { runBothSides, runOneSide, repoRoot } from '../local.js';
import { judgePullRequest } from '../pipeline.js';
import { annotationsFor } from '../report/annotations.js';
import { renderMarkdown } from '../report/markdown.js';
import { toJsonReport } from '../report/json.js';
import { DEFAULT_DUET, DEFAULT_RUN, DUET_CHOICES, PROFILE_KINDS, parseBenchtime, parseChoice, parseCpuList, parseDuration, parseInteger, parseList, splitWords, usageError, type RunSettings } from '../settings.js';
import { loadRun, saveRun, type StoredRun } from '../store/dir.js';
import { removeOnInterrupt } from '../interrupt.js';
import { failedPackageLines, type CompareReport } from '../types.js';
import { git, requireRef } from '../git/git.js';
import { CAUSAL_MODES, DEFAULT_CAUSAL_BUDGET } from '../causal/index.js';
import { DEFAULT_HISTORY_LENGTH } from '../history/history.js';
import { carryHistory, readHistoryForReport, writeHistory } from '../history/store.js';
import { withWorktree } from '../git/worktree.js';
import { withBenchmarkPrefix } from '../gotool/benchfuncs.js';
import { logSelection, planLocalAffected } from '../affected.js';
import type { SkippedPackage } from '../types.js';
import { parseShard, weightsFromRun } from '../shard/plan.js';
import { finishShard } from './merge.js';
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
  type ParsedFlags,
} from './common.js';

const RUN_OPTIONS = {
  packages: { type: 'string' },
  bench: { type: 'string' },
  benchtime: { type: 'string' },
  cpu: { type: 'string' },
  timeout: { type: 'string' },
  'go-test-flags': { type: 'string' },
  'no-profiles': { type: 'boolean' },
  out: { type: 'string' },
  quiet: { type: 'boolean' },
  shard: { type: 'string' },
} as const;

import { RUN_USAGE, BASELINE_USAGE } from './usage.js';

export { RUN_USAGE, BASELINE_USAGE };

export function runSettingsFrom(values: ParsedFlags['values'], count: number): RunSettings {
  const timeout = str(values, 'timeout');
  if (timeout) parseDuration('--timeout', timeout);
  const shard = str(values, 'shard');
  return {
    ...(shard ? { shard: parseShard('--shard', shard) } : {}),
    ...DEFAULT_RUN,
    packages: parseList(str(values, 'packages') ?? './...'),
    bench: str(values, 'bench') ?? '.',
    count,
    benchtime: str(values, 'benchtime') !== undefined ? parseBenchtime('--benchtime', str(values, 'benchtime')!) : undefined,
    cpu: str(values, 'cpu') !== undefined ? parseCpuList('--cpu', str(values, 'cpu')!) : undefined,
    timeout,
    extraFlags: splitWords('--go-test-flags', str(values, 'go-test-flags') ?? ''),
    profiles: values['no-profiles'] === true ? [] : [...PROFILE_KINDS],
  };
}

/** When nothing ran and nothing failed: what was looked for, and where. */
function noMatch(settings: RunSettings): string {
  return `--bench ${JSON.stringify(settings.bench)} matched no benchmark in --packages ${settings.packages.join(' ')}; check --packages and --bench`;
}

/** When nothing ran: the likeliest slip in a `--bench` pattern, `^Parse$` for `^BenchmarkParse$`. */
function prefixHint(bench: string): string {
  const fixed = withBenchmarkPrefix(bench);
  return fixed ? ` (--bench is matched against the whole function name: did you mean '${fixed}'?)` : '';
}

export function stderrLog(out: CommandOutput, quiet: boolean): EngineLog {
  return {
    info: (m) => (quiet ? undefined : out.stderr(m + '\n')),
    warning: (m) => out.stderr(`warning: ${m}\n`),
  };
}

export async function runCommand(argv: string[], out: CommandOutput): Promise<number> {
  let tmp: string | undefined;
  let unregisterTmp = (): void => undefined;
  try {
    const { values, positionals } = parseFlags(argv, {
      ...VERDICT_OPTIONS,
      ...RUN_OPTIONS,
      base: { type: 'string' },
      head: { type: 'string' },
      baseline: { type: 'string' },
      rounds: { type: 'string' },
      'min-rounds': { type: 'string' },
      'max-rounds': { type: 'string' },
      confirm: { type: 'string' },
      'confirm-rounds': { type: 'string' },
      'confirm-budget': { type: 'string' },
      causal: { type: 'string' },
      'causal-budget': { type: 'string' },
      duet: { type: 'string' },
      affected: { type: 'boolean' },
      'no-diagnose': { type: 'boolean' },
    });
    if (positionals.length) throw usageError(`unexpected argument "${positionals[0]}"`);
    const baseRef = str(values, 'base');
    const stored = str(values, 'baseline');
    if (!baseRef && !stored) throw usageError('--base <git-ref> is required (or --baseline <dir>)');
    if (values.affected === true && !baseRef) throw usageError('--affected needs --base <git-ref>: the change it selects from is the diff against it');
    const rounds = parseInteger('--rounds', str(values, 'rounds') ?? '10', 1, 1000);
    let settings: RunSettings = {
      ...runSettingsFrom(values, rounds),
      minRounds: parseInteger('--min-rounds', str(values, 'min-rounds') ?? String(DEFAULT_RUN.minRounds), 2, 1000),
      maxRounds: str(values, 'max-rounds') ? parseInteger('--max-rounds', str(values, 'max-rounds')!, 1, 10000) : undefined,
      // Pairs at once where the machine allows (gotool/duet.ts); the rounds and the confirmation alike.
      duet: parseChoice('--duet', str(values, 'duet') ?? DEFAULT_DUET, DUET_CHOICES),
      // The GC and scheduler breakdown of flagged rows (src/diagnose/).
      diagnose: values['no-diagnose'] !== true,
    };
    const verdict = verdictFrom(values);
    const format = formatFrom(values);
    const failOn = failOnFrom(values);
    const confirm = parseChoice('--confirm', str(values, 'confirm') ?? 'auto', ['auto', 'always', 'never'] as const);
    const confirmRounds = parseInteger('--confirm-rounds', str(values, 'confirm-rounds') ?? '10', 2, 1000);
    const confirmBudgetMs = parseDuration('--confirm-budget', str(values, 'confirm-budget') ?? '15m');
    const causal = parseChoice('--causal', str(values, 'causal') ?? 'auto', CAUSAL_MODES);
    const causalBudgetMs = parseDuration('--causal-budget', str(values, 'causal-budget') ?? DEFAULT_CAUSAL_BUDGET);
    const quiet = values.quiet === true;
    const progress = commandProgress(out, quiet);
    out = progress.out;
    const log = stderrLog(out, quiet);

    const outDir = str(values, 'out') ? resolve(str(values, 'out')!) : (tmp = await mkdtemp(join(tmpdir(), 'benchgate-')));
    if (tmp) unregisterTmp = removeOnInterrupt(tmp);
    await mkdir(outDir, { recursive: true });
    const moduleDir = process.cwd();
    requireGoModule(moduleDir);
    const repoDir = await repoRoot(moduleDir);
    const headRef = str(values, 'head');
    if (baseRef) await requireRef('--base', baseRef, repoDir);
    if (headRef) await requireRef('--head', headRef, repoDir);
    let skipped: SkippedPackage[] = [];
    if (values.affected === true) {
      const plan = await planLocalAffected({ repoDir, moduleDir, baseRef: baseRef!, headRef, run: settings });
      // The selection and every skipped package on stderr, --quiet or not: it is part of the verdict.
      logSelection(plan, { info: (m) => out.stderr(m + '\n'), warning: log.warning });
      settings = plan.run;
      skipped = plan.skipped;
    }
    const nothingAffected = settings.only?.length === 0;

    let base: StoredRun;
    let head: StoredRun;
    let baselineSource: 'rerun' | 'stored';
    if (stored) {
      base = await loadRun(resolve(stored));
      const note = uncheckedNote(base.integrity);
      if (note) log.info(`benchgate: note: ${note}`);
      // Shards balance by what the baseline measured (every job reads the same one: the same plan).
      if (settings.shard) settings.shard = { ...settings.shard, weights: weightsFromRun(base.run) };
      // --head names a commit to measure: run it in a worktree, as the confirmation will.
      const headCommit = await git(['rev-parse', '--verify', `${headRef ?? 'HEAD'}^{commit}`], repoDir).then((s) => s.trim()).catch(() => '');
      const measureHead = (dir: string) =>
        progress.track((onProgress) =>
          runOneSide({ moduleDir: dir, run: settings, outDir: join(outDir, 'head'), commit: headCommit, ref: headRef ?? 'working tree', onProgress }),
        );
      const result = headRef
        ? await withWorktree(repoDir, headRef, (tree) => measureHead(join(tree.dir, relative(repoDir, moduleDir))))
        : await measureHead(moduleDir);
      for (const w of result.warnings) log.warning(w);
      await saveRun(result.run, join(outDir, 'head'));
      head = { run: result.run, dir: join(outDir, 'head') };
      baselineSource = 'stored';
    } else {
      const sides = await progress.track((onProgress) =>
        runBothSides({ moduleDir, baseRef: baseRef!, headRef, run: settings, rounds, outDir, verdict, onProgress }),
      );
      base = sides.base;
      head = sides.head;
      baselineSource = 'rerun';
      for (const w of sides.warnings) log.warning(w);
    }
    // Every package that failed, with its reason, on the terminal (run.json keeps them too).
    const failures = [...packageFailures(base.run, 'base'), ...packageFailures(head.run, 'head')];
    for (const f of failures) log.warning(formatFailure(f));
    if (settings.shard) {
      const baseline = { source: baselineSource, ref: baseRef ?? base.run.ref, commit: base.run.commit };
      return await finishShard(outDir, { base, head, meta: { baseline, baseIsStored: !!stored, rounds, minRounds: stored ? undefined : settings.minRounds } }, out);
    }
    if (head.run.results.length === 0 && base.run.results.length === 0 && !nothingAffected) {
      throw new BenchgateError(
        failures.length
          ? `no benchmark results on either side: ${failureSummary(failures)}`
          : `no benchmark results on either side: ${noMatch(settings)}${prefixHint(settings.bench)}`,
        'run',
      );
    }

    let changes: ChangeSet | null = null;
    if (baseRef) {
      try {
        changes = await localChanges({ repoDir, moduleDir: moduleRootOf(moduleDir, repoDir), baseRef, headRef });
      } catch (e) {
        if (!(e instanceof BenchgateError)) throw e;
        log.warning(`the PR diff is not available, attribution will not mark changed functions: ${e.message}`);
      }
    }
    const { report, confirmRounds: confirmRoundsUsed, causal: causalRan } = await judgePullRequest({
      base,
      head,
      baseIsStored: baselineSource === 'stored',
      changes,
      verdict,
      run: settings,
      confirm: { policy: confirm, rounds: confirmRounds, budgetMs: confirmBudgetMs },
      confirmTarget: async () =>
        baseRef
          ? { moduleDir, baseRef, headRef }
          : { reason: 'suspects are not confirmed: --base <git-ref> is needed to re-run them against the base', suspects: 'counted' },
      causal: causal !== 'off' && baseRef ? { repoDir, moduleDir, baseRef, headRef, budgetMs: causalBudgetMs } : undefined,
      outDir,
      log,
      track: (work) => progress.track(work),
      skipped,
    });

    const gate = evaluateGate(report, { failOn, gateUnits: verdict.gateUnits, failOnUnconfirmed: false });
    const ctx = {
      gate,
      baseline: { source: baselineSource, ref: baseRef ?? base.run.ref, commit: base.run.commit },
      rounds,
      minRounds: baselineSource === 'rerun' ? settings.minRounds : undefined,
      confirmRounds: confirmRoundsUsed,
      causal: causalRan,
      incomplete: failedPackageLines(report),
      fullReportHint: `see ${join(outDir, 'report.json')}`,
      // A stored baseline with a history: the same sparklines as the action's comment.
      history: stored ? await readHistoryForReport(resolve(stored), log) : undefined,
    };
    const extra = { baseline: ctx.baseline, rounds, minRounds: ctx.minRounds, causal: ctx.causal ?? null, annotations: annotationsFor(report, MAX_WARNINGS_PER_STEP) };
    await writeFile(join(outDir, 'report.json'), toJsonReport(report, extra));
    await writeFile(join(outDir, 'report.md'), renderMarkdown(report, ctx));
    out.stdout(render(report, format, ctx, extra));
    const flames = report.rows.filter((r) => r.flamegraph).length;
    if (!tmp) {
      log.info(
        `benchgate: raw outputs, profiles, report.json${flames ? `, report.md and ${flames} flame graph${flames === 1 ? '' : 's'} (flamegraphs/)` : ' and report.md'} are in ${outDir}`,
      );
    }
    return gate.failed ? EXIT_REGRESSION : EXIT_OK;
  } catch (e) {
    return reportError(e, 'run', RUN_USAGE, out);
  } finally {
    // Unregistered only once removed: Ctrl-C may end the process while this rm is under way.
    if (tmp) await rm(tmp, { recursive: true, force: true });
    unregisterTmp();
  }
}

export async function baselineCommand(argv: string[], out: CommandOutput): Promise<number> {
  try {
    const { values, positionals } = parseFlags(argv, {
      ...RUN_OPTIONS,
      count: { type: 'string' },
      previous: { type: 'string' },
      'history-length': { type: 'string' },
    });
    if (positionals.length) throw usageError(`unexpected argument "${positionals[0]}"`);
    const outArg = str(values, 'out');
    if (!outArg) throw usageError('--out <dir> is required');
    const count = parseInteger('--count', str(values, 'count') ?? '10', 1, 1000);
    const settings = runSettingsFrom(values, count);
    const history = {
      previousDir: str(values, 'previous') ? resolve(str(values, 'previous')!) : undefined,
      length: parseInteger('--history-length', str(values, 'history-length') ?? String(DEFAULT_HISTORY_LENGTH), 1, 100_000),
    };
    const quiet = values.quiet === true;
    const moduleDir = process.cwd();
    requireGoModule(moduleDir);
    const outDir = resolve(outArg);
    // Record into a staging directory beside the target and move the files in only when there are
    // results: a failed run must not overwrite the raw outputs a good run.json there points at.
    await mkdir(dirname(outDir), { recursive: true });
    const stage = await mkdtemp(join(dirname(outDir), '.benchgate-baseline-'));
    const unregister = removeOnInterrupt(stage);
    try {
      return await recordBaseline(stage, outDir, settings, count, history, quiet, moduleDir, out);
    } finally {
      await rm(stage, { recursive: true, force: true });
      unregister();
    }
  } catch (e) {
    return reportError(e, 'baseline', BASELINE_USAGE, out);
  }
}

async function recordBaseline(
  stage: string,
  outDir: string,
  settings: RunSettings,
  count: number,
  history: { previousDir?: string; length: number },
  quiet: boolean,
  moduleDir: string,
  out: CommandOutput,
): Promise<number> {
  const commit = await git(['rev-parse', 'HEAD'], moduleDir).then((s) => s.trim()).catch(() => '');
  const ref = await git(['rev-parse', '--abbrev-ref', 'HEAD'], moduleDir).then((s) => s.trim()).catch(() => '');
  const progress = commandProgress(out, quiet);
  out = progress.out;
  const result = await progress.track((onProgress) => runOneSide({ moduleDir, run: { ...settings, count }, outDir: stage, commit, ref, onProgress }));
  for (const w of result.warnings) out.stderr(`warning: ${w}\n`);
  const failures = packageFailures(result.run);
  for (const f of failures) out.stderr(`warning: ${formatFailure(f)}\n`);
  if (result.run.results.length === 0 && !result.run.shard) {
    // Nothing measured (a shard may plan nothing: its empty part still tells the merge it ran): write nothing, so a good baseline in that directory is not replaced.
    throw new BenchgateError(
      `no benchmark results: nothing recorded: ${failures.length ? failureSummary(failures) : noMatch(settings) + prefixHint(settings.bench)}`,
      'run',
    );
  }
  // The history before the files move: --previous may be this very directory.
  const carried = await carryHistory({ previousDir: history.previousDir, run: result.run, length: history.length });
  for (const w of carried.warnings) out.stderr(`warning: ${w}\n`);
  if (!quiet) for (const n of carried.notes) out.stderr(`benchgate: ${n}\n`);
  await writeHistory(stage, carried.history);
  await mkdir(outDir, { recursive: true });
  for (const entry of await readdir(stage)) {
    await rm(join(outDir, entry), { recursive: true, force: true });
    await rename(join(stage, entry), join(outDir, entry));
  }
  // run.json last, atomically: until then the previous one (if any) stays readable.
  await saveRun(result.run, outDir);
  out.stdout(
    `benchgate: recorded ${plural(result.run.results.length, 'result')} in ${plural(result.run.packages.length, 'package')} to ${outDir}` +
      `${result.run.shard ? ` as shard ${result.run.shard.index}/${result.run.shard.count} (merge the parts with benchgate merge)` : ''}` +
      `${result.run.incomplete ? ' (incomplete)' : ''}\n`,
  );
  return EXIT_OK;
}

export type { CompareReport };

/** `1 package`, `2 packages`. */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
