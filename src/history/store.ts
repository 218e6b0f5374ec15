/**
 * history.json on disk, beside run.json in a baseline directory, and the carrying forward from
 * the previous baseline. The history is a convenience: a missing or damaged one starts anew with a
 * warning and never stops a baseline from being recorded. run.json lists its SHA-256 (saveRun), and
 * it is read only if it still matches: a history edited or damaged on the way is refused like a
 * damaged one, naming the file.
 */
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchgateError } from '../errors.js';
import { readVerified, uncheckedNote, type Integrity } from '../store/checksums.js';
import { HISTORY_FILE, loadRun, readRunFile, RUN_FILE } from '../store/dir.js';
import type { Run } from '../types.js';
import { appendHistory, DEFAULT_HISTORY_LENGTH, HISTORY_SCHEMA, historyEntry, parseHistory, type History } from './history.js';

/** A history read from a directory, and whether it matched the checksum its run.json lists. */
export interface StoredHistory {
  history: History;
  /** `unchecked` (a note for the log): a history recorded before benchgate checksummed it, or with no run.json beside it. */
  integrity: Integrity;
}

/**
 * The history a directory carries, verified against its run.json's checksum; null when it has
 * none (an older baseline, or a first one). Throws (naming the file) when it does not match.
 */
export async function readHistory(dir: string): Promise<StoredHistory | null> {
  const file = join(dir, HISTORY_FILE);
  const runFile = join(dir, RUN_FILE);
  // A directory of history.json alone (copied by hand for `benchgate history`): nothing to check against.
  const hasRun = await stat(runFile).then(
    () => true,
    () => false,
  );
  const listed = hasRun ? await readRunFile(runFile) : { checksums: undefined };
  const read = await readVerified(listed, dir, HISTORY_FILE, runFile);
  if (!read) return null;
  const integrity = hasRun ? read.integrity : { unchecked: `${file} has no ${RUN_FILE} beside it: it is not verified` };
  return { history: parseHistory(read.data.toString('utf8'), file), integrity };
}

/**
 * The history of a baseline directory for a report's trend column: null when it has none, or one
 * that is refused (said in the log, naming the file: the report goes on without the column).
 */
export async function readHistoryForReport(dir: string | undefined, log: { info(m: string): void; warning(m: string): void }): Promise<History | null> {
  if (!dir) return null;
  try {
    const read = await readHistory(dir);
    const note = uncheckedNote(read?.integrity);
    if (note) log.info(`benchgate: note: ${note}`);
    return read?.history ?? null;
  } catch (e) {
    if (!(e instanceof BenchgateError)) throw e;
    log.warning(`benchgate: the baseline's history is not shown: ${e.message}`);
    return null;
  }
}

/** Writes history.json; write run.json after it (saveRun), so that it lists the history's checksum. */
export async function writeHistory(dir: string, history: History): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, HISTORY_FILE);
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, JSON.stringify(history) + '\n');
  await rename(tmp, file);
  return file;
}

export interface CarryArgs {
  /** The previous baseline's directory (downloaded artifact or `--previous`); none for a first baseline. */
  previousDir?: string;
  /** The workflow run that recorded the previous baseline, for its entry when it has no history yet. */
  previousRunId?: number;
  run: Pick<Run, 'commit' | 'time' | 'ref' | 'results'>;
  runId?: number;
  length?: number;
}

export interface Carried {
  history: History;
  /** Why the history started anew or was cut short: for the log, as warnings. */
  warnings: string[];
  /** What happened, for the log. */
  notes: string[];
}

/**
 * The new baseline's history: the previous baseline's history with this run appended. A previous
 * baseline without history.json (recorded before histories) starts it with its own run's medians;
 * a damaged one starts anew, with a warning.
 */
export async function carryHistory(args: CarryArgs): Promise<Carried> {
  const length = args.length ?? DEFAULT_HISTORY_LENGTH;
  const warnings: string[] = [];
  const notes: string[] = [];
  let previous: History | null = null;
  if (!args.previousDir) notes.push('no previous baseline: the history starts with this run');
  else {
    try {
      // The previous baseline is read as any baseline is: files that do not match their checksums refuse it.
      const stored = await loadRun(args.previousDir);
      try {
        const read = await readHistory(args.previousDir);
        previous = read?.history ?? null;
        const note = uncheckedNote(read?.integrity);
        if (note) notes.push(note);
      } catch (e) {
        if (!(e instanceof BenchgateError)) throw e;
        warnings.push(`the previous baseline's history is unusable (${e.message}); starting a new history`);
      }
      if (!previous) {
        // An older baseline (or a damaged history): its own run is still one point of history.
        previous = appendHistory(null, historyEntry(stored.run, args.previousRunId), length);
        if (!warnings.length) notes.push(`the previous baseline carries no ${HISTORY_FILE}: the history starts from its ${RUN_FILE}`);
      }
    } catch (e) {
      if (!(e instanceof BenchgateError)) throw e;
      warnings.push(`the previous baseline is unusable for the history (${e.message}); starting a new history`);
    }
  }
  const history = appendHistory(previous, historyEntry(args.run, args.runId), length);
  notes.push(`history: ${history.entries.length} run(s) kept (at most ${length})`);
  return { history, warnings, notes };
}

/**
 * The history behind `benchgate history DIR...`: one directory that carries history.json gives
 * that; otherwise each directory is one stored run (its run.json), oldest first as given. Notes:
 * what was read unverified, for the log.
 */
export async function historyFromDirs(dirs: string[], length = Number.MAX_SAFE_INTEGER): Promise<{ history: History; notes: string[] }> {
  if (dirs.length === 1) {
    const carried = await readHistory(dirs[0]);
    if (carried) return { history: carried.history, notes: [uncheckedNote(carried.integrity)].filter((n) => n !== undefined) };
  }
  const notes: string[] = [];
  let history: History | null = null;
  for (const dir of dirs) {
    const stored = await loadRun(dir);
    const note = uncheckedNote(stored.integrity);
    if (note) notes.push(note);
    history = appendHistory(history, historyEntry(stored.run), length);
  }
  return { history: history ?? { schema: HISTORY_SCHEMA, entries: [] }, notes };
}
