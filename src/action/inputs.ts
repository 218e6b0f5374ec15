/**
 * The action's inputs (action.yml), read and validated into plain settings. Nothing below this
 * module knows about the Actions runtime.
 */
import * as core from '@actions/core';
import {
  RunSettings,
  VerdictSettings,
  DEFAULT_DUET,
  DEFAULT_RUN,
  DEFAULT_VERDICT,
  DUET_CHOICES,
  FAIL_ON_CHOICES,
  parseBenchtime,
  parseChoice,
  parseCpuList,
  parseDuration,
  parseInteger,
  parseList,
  parseNumber,
  parseProfiles,
  splitWords,
  type FailOn,
} from '../settings.js';
import { DEFAULT_HISTORY_LENGTH } from '../history/history.js';
import { CAUSAL_MODES, DEFAULT_CAUSAL_BUDGET, type CausalMode } from '../causal/index.js';
import { parseShard } from '../shard/plan.js';

/** What a run of the action does; the `mode` input may also say `auto` (decided from the event). */
export type Mode = 'baseline' | 'compare' | 'report' | 'merge';
export type BaselineSource = 'auto' | 'artifact' | 'rerun';
export type ConfirmPolicy = 'auto' | 'always' | 'never';
export type CommentPolicy = 'always' | 'on-change' | 'never';

export interface ActionInputs {
  workingDirectory: string;
  run: RunSettings;
  /**
   * `packages: affected` (with or without patterns): on a pull request, measure only the benchmark
   * packages its diff can reach (src/affected.ts); baselines still measure all of `run.packages`.
   */
  affected: boolean;
  verdict: VerdictSettings;
  mode: Mode | 'auto';
  baseline: BaselineSource;
  baseBranch: string;
  /** Compare mode: run this ref's merge base as the base side instead of the PR's base ('' = the PR's). */
  baseRef: string;
  failOn: FailOn;
  failOnUnconfirmed: boolean;
  confirm: ConfirmPolicy;
  confirmRounds: number;
  confirmBudgetMs: number;
  /** The causal check (src/causal/): `auto` or `off`, and its time cap. */
  causal: CausalMode;
  causalBudgetMs: number;
  acceptLabel: string;
  comment: CommentPolicy;
  token: string;
  /** The `artifact-name` input: the baseline artifact's name, or its prefix outside the root (see baselineArtifactName). */
  artifactName: string;
  retentionDays: number;
  /** Baseline runs kept in the baseline's history.json (src/history/). */
  historyLength: number;
  /** Run under `pull_request_target` anyway (the user vouches that no PR code is checked out). */
  allowPullRequestTarget: boolean;
}

/** `name` → the INPUT_ variable's value with the action.yml default applied by the runner. */
type Reader = (name: string) => string;

export function readInputs(read: Reader = (n) => core.getInput(n)): ActionInputs {
  const token = read('github-token');
  // The token must never reach a log, even through an error message that quotes an input.
  if (token) core.setSecret(token);
  const timeout = read('timeout');
  if (timeout) parseDuration('timeout', timeout);
  const { patterns, affected } = parsePackages(read('packages'));
  return {
    workingDirectory: read('working-directory') || '.',
    affected,
    run: {
      packages: patterns,
      bench: read('bench') || '.',
      count: parseInteger('count', read('count') || '10', 1, 1000),
      minRounds: parseInteger('min-rounds', read('min-rounds') || String(DEFAULT_RUN.minRounds), 2, 1000),
      maxRounds: read('max-rounds') ? parseInteger('max-rounds', read('max-rounds'), 1, 10000) : undefined,
      // Checked here, as the CLI checks them: otherwise every benchmark fails alike after the build.
      benchtime: read('benchtime').trim() ? parseBenchtime('benchtime', read('benchtime')) : undefined,
      cpu: read('cpu').trim() ? parseCpuList('cpu', read('cpu')) : undefined,
      timeout: timeout || undefined,
      extraFlags: splitWords('go-test-flags', read('go-test-flags')),
      profiles: parseProfiles('profiles', read('profiles') || 'cpu,mem'),
      duet: parseChoice('duet', read('duet') || DEFAULT_DUET, DUET_CHOICES),
      ...(read('shard').trim() ? { shard: parseShard('shard', read('shard')) } : {}),
      diagnose: parseBoolean('diagnose', read('diagnose') || 'true'),
    },
    verdict: {
      ...DEFAULT_VERDICT,
      alpha: parseNumber('alpha', read('alpha') || '0.05', 1e-9, 0.5),
      threshold: parseNumber('threshold', read('threshold') || String(DEFAULT_VERDICT.threshold), 0, 10000),
      gateUnits: parseList(read('gate-metrics') || DEFAULT_VERDICT.gateUnits.join(',')),
    },
    mode: parseChoice('mode', read('mode') || 'auto', ['auto', 'baseline', 'compare', 'report', 'merge'] as const),
    baseline: parseChoice('baseline', read('baseline') || 'auto', ['auto', 'artifact', 'rerun'] as const),
    baseBranch: read('base-branch'),
    baseRef: read('base-ref').trim(),
    failOn: parseChoice('fail-on', read('fail-on') || 'regression', FAIL_ON_CHOICES),
    failOnUnconfirmed: parseBoolean('fail-on-unconfirmed', read('fail-on-unconfirmed') || 'false'),
    confirm: parseChoice('confirm', read('confirm') || 'auto', ['auto', 'always', 'never'] as const),
    confirmRounds: parseInteger('confirm-rounds', read('confirm-rounds') || '10', 2, 1000),
    confirmBudgetMs: parseDuration('confirm-budget', read('confirm-budget') || '15m'),
    causal: parseChoice('causal', read('causal') || 'auto', CAUSAL_MODES),
    causalBudgetMs: parseDuration('causal-budget', read('causal-budget') || DEFAULT_CAUSAL_BUDGET),
    acceptLabel: read('accept-label') || 'benchgate-accept',
    comment: parseChoice('comment', read('comment') || 'always', ['always', 'on-change', 'never'] as const),
    token,
    artifactName: read('artifact-name') || 'benchgate-baseline',
    retentionDays: parseInteger('retention-days', read('retention-days') || '90', 0, 400),
    historyLength: parseInteger('history-length', read('history-length') || String(DEFAULT_HISTORY_LENGTH), 1, 10000),
    allowPullRequestTarget: parseBoolean('allow-pull-request-target', read('allow-pull-request-target') || 'false'),
  };
}

/** `packages`: Go patterns, and the word `affected` among them; no pattern means `./...`. */
export function parsePackages(text: string): { patterns: string[]; affected: boolean } {
  const words = parseList(text || './...');
  const patterns = words.filter((w) => w !== 'affected');
  return { patterns: patterns.length ? patterns : ['./...'], affected: patterns.length < words.length };
}

function parseBoolean(name: string, text: string): boolean {
  return parseChoice(name, text.toLowerCase(), ['true', 'false'] as const) === 'true';
}

/**
 * The baseline artifact's name for a working directory: `artifact-name` at the repository root,
 * `artifact-name-<dir>` elsewhere, so that two modules benchmarked in one workflow upload two
 * artifacts instead of colliding on one name (the second upload is refused) and reading each
 * other's baselines. `shard` (`shard-2-of-4`) names one matrix job's part of a sharded baseline.
 */
export function baselineArtifactName(inputs: Pick<ActionInputs, 'artifactName' | 'workingDirectory'>, shard?: string): string {
  return [inputs.artifactName, directorySlug(inputs.workingDirectory), shard ?? ''].filter(Boolean).join('-');
}

/** `./pkg/a/` → `pkg-a`; the root (`.`, `./`, '') → ''. Artifact names allow no `/`. */
export function directorySlug(dir: string): string {
  return dir
    .replace(/^\.\/?/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
