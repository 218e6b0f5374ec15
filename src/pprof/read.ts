/** The file edge: reading profile files from disk. Everything else in src/pprof/ is pure. */
import { readFile } from 'node:fs/promises';
import { BenchgateError } from '../errors.js';
import { decodeProfile, uncompressProfile } from './decode.js';
import { mergeProfiles } from './merge.js';
import type { Profile } from './model.js';

export async function readProfileFile(path: string): Promise<Profile> {
  return decodeProfile(await readBytes(path), path);
}

/**
 * The profile's protobuf, gunzipped. The compressed bytes are not kept: they are garbage once this
 * returns (for a 60 MB profile, ~30 MB less to hold while it is read).
 */
export async function readProfileProtobuf(path: string): Promise<Uint8Array> {
  return uncompressProfile(await readBytes(path), path);
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new BenchgateError(`cannot read profile: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 'pprof', { file: path });
  }
}

/** Reads and merges several profiles of one kind (e.g. one per round). */
export async function readProfiles(paths: string[]): Promise<Profile> {
  const profiles = await Promise.all(paths.map(readProfileFile));
  return profiles.length === 1 ? profiles[0] : mergeProfiles(profiles);
}
