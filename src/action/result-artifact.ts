/**
 * The result artifact a compare run leaves for `mode: report` (a `workflow_run` workflow that may
 * comment on a fork's PR): report.json, report.md and a small file naming the PR and its head.
 * Written here and read back here: everything in it was written by a run of the PR's code, so
 * reading it is validation, and the comment is rendered anew from the validated JSON.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchgateError } from '../errors.js';
import { fromJsonReport, toJsonReport } from '../report/json.js';
import type { BaselineInfo } from '../report/markdown.js';
import type { CompareReport } from '../types.js';
import type { History } from '../history/history.js';
import { historyFromReport } from './history.js';
import { directorySlug, type ActionInputs } from './inputs.js';

/** The file naming the PR and its head in the result artifact. */
export const RESULT_FILE = 'benchgate-result.json';

export interface ResultMeta {
  pr: number;
  headSha: string;
}

export interface ResultPaths {
  jsonPath: string;
  mdPath: string;
  metaPath: string;
}

export function reportArtifactName(inputs: Pick<ActionInputs, 'workingDirectory'>): string {
  const dir = directorySlug(inputs.workingDirectory);
  return dir ? `benchgate-report-${dir}` : 'benchgate-report';
}

/** Writes the artifact's three files to outDir; `extra` goes into report.json beside the report. */
export async function writeResultFiles(
  outDir: string,
  o: { report: CompareReport; extra: Record<string, unknown>; markdown: string; meta: ResultMeta; workingDirectory: string },
): Promise<ResultPaths> {
  const paths = { jsonPath: join(outDir, 'report.json'), mdPath: join(outDir, 'report.md'), metaPath: join(outDir, RESULT_FILE) };
  await writeFile(paths.jsonPath, toJsonReport(o.report, o.extra));
  await writeFile(paths.mdPath, o.markdown);
  await writeFile(
    paths.metaPath,
    JSON.stringify({ schema: 1, pr: o.meta.pr, headSha: o.meta.headSha, workingDirectory: o.workingDirectory }) + '\n',
  );
  return paths;
}

/** The PR and head the artifact claims (to be checked against the run and the PR by the caller). */
export async function readResultMeta(dir: string): Promise<ResultMeta> {
  const file = join(dir, RESULT_FILE);
  return parseResultMeta(await readFile(file, 'utf8'), file);
}

/** What report mode needs from report.json to render the comment: the report and its validated context. */
export interface ResultReport {
  report: CompareReport;
  sourceCommit?: string;
  baseline: BaselineInfo;
  rounds?: number;
  minRounds?: number;
  confirmRounds?: number;
  causal?: { rounds: number; budgetMs: number };
  incomplete: string[];
  /** main's recent history of the flagged rows, as the compare run saw it (validated). */
  history: History | null;
}

export async function readResultReport(dir: string): Promise<ResultReport> {
  const jsonPath = join(dir, 'report.json');
  const text = await readFile(jsonPath, 'utf8');
  const report = fromJsonReport(text, jsonPath);
  const extra = JSON.parse(text) as {
    sourceCommit?: unknown;
    baseline?: BaselineInfo;
    rounds?: unknown;
    minRounds?: unknown;
    confirmRounds?: unknown;
    causal?: { rounds?: unknown; budgetMs?: unknown } | null;
    incomplete?: unknown;
    history?: unknown;
  };
  const num = (x: unknown) => (typeof x === 'number' ? x : undefined);
  return {
    report,
    sourceCommit: isCommitId(extra.sourceCommit) ? extra.sourceCommit : undefined,
    baseline: sanitizeBaseline(extra.baseline),
    rounds: num(extra.rounds),
    minRounds: num(extra.minRounds),
    confirmRounds: num(extra.confirmRounds),
    causal:
      typeof extra.causal?.rounds === 'number' && typeof extra.causal.budgetMs === 'number'
        ? { rounds: extra.causal.rounds, budgetMs: extra.causal.budgetMs }
        : undefined,
    incomplete: Array.isArray(extra.incomplete) ? extra.incomplete.filter((x): x is string => typeof x === 'string').slice(0, 50) : [],
    history: historyFromReport(extra.history, jsonPath),
  };
}

function parseResultMeta(text: string, file: string): ResultMeta {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new BenchgateError('not JSON', 'report', { file });
  }
  const o = v as { pr?: unknown; headSha?: unknown };
  if (typeof o.pr !== 'number' || !Number.isInteger(o.pr) || o.pr <= 0 || !isCommitId(o.headSha)) {
    throw new BenchgateError('expected {"pr": <number>, "headSha": <40 hex digits>}', 'report', { file });
  }
  return { pr: o.pr, headSha: o.headSha };
}

function sanitizeBaseline(b: BaselineInfo | undefined): BaselineInfo {
  const source = b && ['artifact', 'rerun', 'files', 'stored'].includes(b.source) ? b.source : 'artifact';
  const str = (x: unknown) => (typeof x === 'string' ? x.slice(0, 200) : undefined);
  const num = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) ? x : undefined);
  return {
    source,
    ref: str(b?.ref),
    commit: str(b?.commit)?.replace(/[^0-9a-f]/g, ''),
    runId: num(b?.runId),
    runNumber: num(b?.runNumber),
    environmentNote: str(b?.environmentNote),
  };
}

/** A full commit id: only that goes into a link built from the artifact's data. */
export function isCommitId(x: unknown): x is string {
  return typeof x === 'string' && /^[0-9a-f]{40}$/.test(x);
}
