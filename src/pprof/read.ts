/** The file edge: reading profile files from disk. Everything else in src/pprof/ is pure. */
import { readFile } from 'node:fs/promises';
import { BenchgateError } from '../errors.js';
import { decodeProfile } from './decode.js';
import { mergeProfiles } from './merge.js';
import type { Profile } from './model.js';

export async function readProfileFile(path: string): Promise<Profile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new BenchgateError(`cannot read profile: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 'pprof', { file: path });
  }
  return decodeProfile(bytes, path);
}

/** Reads and merges several profiles of one kind (e.g. one per round). */
export async function readProfiles(paths: string[]): Promise<Profile> {
  const profiles = await Promise.all(paths.map(readProfileFile));
  return profiles.length === 1 ? profiles[0] : mergeProfiles(profiles);
}
