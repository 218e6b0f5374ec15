/**
 * Downloading an artifact of another run: `GET …/actions/artifacts/{id}/zip` answers 302 with a
 * short-lived signed blob URL; the zip is fetched from there *without* our token and unpacked by
 * our own reader. We do not use @actions/artifact for this: it refuses to run on GHES, reads the
 * API URL from the environment rather than from us, and retries a corrupt zip for 25 s.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GitHubApi } from './api.js';
import { BaselineUnavailable } from './errors.js';
import { GitHubApiError } from './errors.js';
import { readZip } from './zip.js';
import { BenchgateError, formatWhere } from '../errors.js';

export interface DownloadArgs {
  artifactId: number;
  /** Directory to unpack into (created if missing). */
  dest: string;
  /** Refuse archives larger than this, compressed or expanded (default 512 MiB). */
  maxBytes?: number;
  /** Timeout of the blob download (default 120 s). */
  timeoutMs?: number;
}

export interface DownloadResult {
  /** Paths relative to `dest`, `/`-separated. */
  files: string[];
  zipBytes: number;
}

export async function downloadArtifact(api: GitHubApi, args: DownloadArgs): Promise<DownloadResult> {
  const maxBytes = args.maxBytes ?? 512 * 1024 * 1024;
  const label = `artifact ${args.artifactId}`;
  let location: string | undefined;
  try {
    const res = await api.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', {
      artifact_id: args.artifactId,
      archive_format: 'zip',
      request: { redirect: 'manual' },
    });
    location = res.headers.location;
    if (res.status !== 302 || !location) {
      throw new BaselineUnavailable('unavailable', `${label}: expected a redirect to the archive, got HTTP ${res.status}`);
    }
  } catch (e) {
    if (e instanceof BaselineUnavailable) throw e;
    if (e instanceof GitHubApiError) {
      const reason = e.status === 410 ? 'expired' : e.status === 404 ? 'not-found' : e.status === 403 || e.status === 401 ? 'forbidden' : 'unavailable';
      const advice = reason === 'forbidden' ? ' (the token needs `actions: read`)' : '';
      throw new BaselineUnavailable(reason, `${label}: ${reason}${advice}: ${e.message}`);
    }
    throw e;
  }

  const zip = await fetchBlob(location, label, maxBytes, args.timeoutMs ?? 120_000);
  let entries: ReturnType<typeof readZip>;
  try {
    entries = readZip(zip, label, { maxTotalBytes: maxBytes, maxEntries: 20000 });
  } catch (e) {
    if (e instanceof BenchgateError) {
      // e.where already names the artifact; repeating it made "artifact 9: artifact 9 is … artifact 9: …".
      throw new BaselineUnavailable('corrupt', `not a readable zip: ${e.message.slice(formatWhere(e.where).length)}`, e.where);
    }
    throw e;
  }
  await mkdir(args.dest, { recursive: true });
  for (const entry of entries) {
    const target = join(args.dest, ...entry.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, entry.data);
  }
  return { files: entries.map((e) => e.path), zipBytes: zip.length };
}

/** The signed URL carries its own authorisation; sending the GitHub token there would leak it. */
async function fetchBlob(url: string, label: string, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  const attempts = 3;
  let last = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      last = `network error: ${(e as Error).message}`;
      await sleep(attempt * 500);
      continue;
    }
    if (res.status >= 500 || res.status === 429) {
      last = `HTTP ${res.status} from blob storage`;
      await res.body?.cancel();
      await sleep(attempt * 500);
      continue;
    }
    if (res.status !== 200) {
      await res.body?.cancel();
      // A signed URL that stopped working is most often one that expired before we used it.
      throw new BaselineUnavailable('unavailable', `${label}: blob storage answered HTTP ${res.status}`);
    }
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
      await res.body?.cancel();
      throw new BaselineUnavailable('too-large', `${label} is ${declared} bytes, over the ${maxBytes}-byte limit`);
    }
    return readCapped(res, label, maxBytes);
  }
  throw new BaselineUnavailable('unavailable', `${label}: download failed after ${attempts} attempts (${last})`);
}

async function readCapped(res: Response, label: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > maxBytes) throw new BaselineUnavailable('too-large', `${label} is over the ${maxBytes}-byte limit`);
      chunks.push(Buffer.from(chunk));
    }
  } catch (e) {
    if (e instanceof BaselineUnavailable) throw e;
    throw new BaselineUnavailable('unavailable', `${label}: download interrupted: ${(e as Error).message}`);
  }
  return Buffer.concat(chunks);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
