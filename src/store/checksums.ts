/**
 * Integrity of a stored run: `run.json` lists a SHA-256 for every raw output and profile file it
 * names (and for the history.json beside it), and a read of the run checks them. A baseline artifact travels through storage and zip
 * archives for up to 90 days; a file that changed on the way (truncated, or edited by hand) would
 * otherwise be parsed as if it were what main measured. The same refusal as for a corrupt
 * artifact follows (a BenchgateError naming the file): the action treats it as no baseline.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchgateError } from '../errors.js';
import type { Run } from '../types.js';

/** Every file a run's packages name (raw outputs, package and per-benchmark profiles), once each. */
export function runFiles(run: Pick<Run, 'packages'>): string[] {
  const files = new Set<string>();
  for (const p of run.packages) {
    for (const f of [...p.outputFiles, ...p.cpuProfiles, ...p.memProfiles]) files.add(f);
    for (const b of Object.values(p.benchmarkProfiles ?? {})) for (const f of [...b.cpu, ...b.mem]) files.add(f);
  }
  return [...files].sort();
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The checksums of the run's files (and of the `extra` files the directory carries beside them)
 * that exist in `dir`. A listed file that is missing (Go writes no profile when the run fails) gets
 * no entry: a later read then treats it as before.
 */
export async function computeChecksums(run: Pick<Run, 'packages'>, dir: string, extra: readonly string[] = []): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of [...runFiles(run), ...extra]) {
    const data = await readFile(join(dir, f)).catch(() => undefined);
    if (data) out[f] = sha256(data);
  }
  return out;
}

/** What a read of a stored run found: every listed checksum matched, or there were none to check. */
export type Integrity = { verified: number } | { unchecked: string };

/** The note for the log when a read could not be verified (recorded before benchgate checked it). */
export function uncheckedNote(integrity: Integrity | undefined): string | undefined {
  return integrity && 'unchecked' in integrity ? integrity.unchecked : undefined;
}

/**
 * Checks the files against `run.checksums` (but those in `except`, which their own readers check:
 * see verifyListedFile); throws naming the first file that is missing or does not match. A run
 * without checksums (recorded by an older benchgate) is accepted, with a note.
 */
export async function verifyChecksums(run: Pick<Run, 'checksums'>, dir: string, runFile: string, except: readonly string[] = []): Promise<Integrity> {
  if (run.checksums === undefined) return { unchecked: `${runFile} lists no checksums (recorded before benchgate checked them): its files are not verified` };
  const files = Object.keys(run.checksums).filter((f) => !except.includes(f));
  for (const f of files) checkData(run.checksums[f], await readListed(join(dir, f), runFile), join(dir, f), runFile);
  return { verified: files.length };
}

/**
 * One file of a stored run's directory against the checksum its run.json lists; null when the
 * file is absent and none is listed. A file run.json lists no checksum for (written before
 * benchgate checked it) is read with a note; one that is listed but missing or different is
 * refused, naming it.
 */
export async function readVerified(
  run: Pick<Run, 'checksums'>,
  dir: string,
  file: string,
  runFile: string,
): Promise<{ data: Buffer; integrity: Integrity } | null> {
  const path = join(dir, file);
  const want = run.checksums !== undefined && Object.hasOwn(run.checksums, file) ? run.checksums[file] : undefined;
  if (want !== undefined) {
    const data = await readListed(path, runFile);
    checkData(want, data, path, runFile);
    return { data, integrity: { verified: 1 } };
  }
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new BenchgateError(`cannot be read: ${(e as Error).message}`, 'integrity', { file: path });
  }
  const why = run.checksums === undefined ? 'lists no checksums' : `lists no checksum for ${file}`;
  return { data, integrity: { unchecked: `${runFile} ${why} (recorded before benchgate checked it): ${path} is not verified` } };
}

async function readListed(path: string, runFile: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new BenchgateError(`listed in ${runFile} with a checksum, but cannot be read: ${(e as Error).message}`, 'integrity', { file: path });
  }
}

function checkData(want: string, data: Uint8Array, path: string, runFile: string): void {
  const got = sha256(data);
  if (got !== want) {
    throw new BenchgateError(`does not match the SHA-256 in ${runFile} (expected ${want}, got ${got}): the stored run was altered or damaged`, 'integrity', { file: path });
  }
}
