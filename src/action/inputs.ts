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
  parseChoice,
  parseDuration,
  parseInteger,
  parseList,
  parseNumber,
  splitWords,
  type FailOn,
} from '../settings.js';

export type Mode = 'auto' | 'baseline' | 'compare' | 'report';
export type BaselineSource = 'auto' | 'artifact' | 'rerun';
export type ConfirmPolicy = 'auto' | 'always' | 'never';
export type CommentPolicy = 'always' | 'on-change' | 'never';

export interface ActionInputs {
  workingDirectory: string;
  run: RunSettings;
  verdict: VerdictSettings;
  mode: Mode;
  baseline: BaselineSource;
  baseBranch: string;
  failOn: FailOn;
  failOnUnconfirmed: boolean;
  confirm: ConfirmPolicy;
  confirmRounds: number;
  confirmBudgetMs: number;
  acceptLabel: string;
  comment: CommentPolicy;
  token: string;
  artifactName: string;
  retentionDays: number;
}

/** `name` → the INPUT_ variable's value with the action.yml default applied by the runner. */
type Reader = (name: string) => string;

export function readInputs(read: Reader = (n) => core.getInput(n)): ActionInputs {
  const token = read('github-token');
  // The token must never reach a log, even through an error message that quotes an input.
  if (token) core.setSecret(token);
  const profiles = parseList(read('profiles') || 'cpu,mem');
  const timeout = read('timeout');
  if (timeout) parseDuration('timeout', timeout);
  return {
    workingDirectory: read('working-directory') || '.',
    run: {
      packages: parseList(read('packages') || './...'),
      bench: read('bench') || '.',
      count: parseInteger('count', read('count') || '10', 1, 1000),
      minRounds: parseInteger('min-rounds', read('min-rounds') || String(DEFAULT_RUN.minRounds), 2, 1000),
      maxRounds: read('max-rounds') ? parseInteger('max-rounds', read('max-rounds'), 1, 10000) : undefined,
      benchtime: read('benchtime') || undefined,
      cpu: read('cpu') || undefined,
      timeout: timeout || undefined,
      extraFlags: splitWords('go-test-flags', read('go-test-flags')),
      profiles: !(profiles.length === 1 && profiles[0] === 'none'),
      duet: parseChoice('duet', read('duet') || DEFAULT_DUET, DUET_CHOICES),
    },
    verdict: {
      ...DEFAULT_VERDICT,
      alpha: parseNumber('alpha', read('alpha') || '0.05', 1e-9, 0.5),
      threshold: parseNumber('threshold', read('threshold') || String(DEFAULT_VERDICT.threshold), 0, 10000),
      gateUnits: parseList(read('gate-metrics') || DEFAULT_VERDICT.gateUnits.join(',')),
    },
    mode: parseChoice('mode', read('mode') || 'auto', ['auto', 'baseline', 'compare', 'report'] as const),
    baseline: parseChoice('baseline', read('baseline') || 'auto', ['auto', 'artifact', 'rerun'] as const),
    baseBranch: read('base-branch'),
    failOn: parseChoice('fail-on', read('fail-on') || 'regression', FAIL_ON_CHOICES),
    failOnUnconfirmed: parseChoice('fail-on-unconfirmed', read('fail-on-unconfirmed') || 'false', ['true', 'false'] as const) === 'true',
    confirm: parseChoice('confirm', read('confirm') || 'auto', ['auto', 'always', 'never'] as const),
    confirmRounds: parseInteger('confirm-rounds', read('confirm-rounds') || '10', 2, 1000),
    confirmBudgetMs: parseDuration('confirm-budget', read('confirm-budget') || '15m'),
    acceptLabel: read('accept-label') || 'benchgate-accept',
    comment: parseChoice('comment', read('comment') || 'always', ['always', 'on-change', 'never'] as const),
    token,
    artifactName: read('artifact-name') || 'benchgate-baseline',
    retentionDays: parseInteger('retention-days', read('retention-days') || '90', 0, 400),
  };
}
