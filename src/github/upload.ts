/**
 * Uploading this run's results as an artifact, through @actions/artifact (the Actions results
 * service and its signed blob URLs). A failed upload must never fail the step: the comparison
 * has already happened; only the next run loses its baseline. So every failure becomes a reason.
 */
import { DefaultArtifactClient } from '@actions/artifact';
import type { GitHubLog } from './log.js';

export interface UploadArgs {
  name: string;
  /** Absolute paths, all under `rootDir`. */
  files: string[];
  rootDir: string;
  retentionDays?: number;
}

export type UploadFailure = 'no-runtime' | 'ghes' | 'no-files' | 'quota' | 'conflict' | 'network' | 'unavailable';

export type UploadResult =
  | { ok: true; id: number; size: number; digest?: string }
  | { ok: false; reason: UploadFailure; message: string };

/** Reads the environment the artifact service needs; the SDK reads the same variables itself. */
export async function uploadArtifact(args: UploadArgs, log: GitHubLog, env: NodeJS.ProcessEnv = process.env): Promise<UploadResult> {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return fail('no-runtime', 'not running inside a GitHub Actions job (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL unset); use a local baseline store');
  }
  if (isGhesServer(env.GITHUB_SERVER_URL)) {
    return fail('ghes', 'artifact uploads through @actions/artifact v2+ are not available on GitHub Enterprise Server; use `baseline: rerun`');
  }
  if (args.files.length === 0) return fail('no-files', 'nothing to upload');
  try {
    const res = await new DefaultArtifactClient().uploadArtifact(args.name, args.files, args.rootDir, {
      ...(args.retentionDays ? { retentionDays: args.retentionDays } : {}),
    });
    if (res.id === undefined) return fail('unavailable', 'the artifact service did not return an artifact id');
    log.info(`uploaded artifact "${args.name}" (id ${res.id}, ${res.size ?? 0} bytes)`);
    return { ok: true, id: res.id, size: res.size ?? 0, ...(res.digest ? { digest: res.digest } : {}) };
  } catch (e) {
    return classify(e);
  }

  function fail(reason: UploadFailure, message: string): UploadResult {
    log.warning(`artifact "${args.name}" was not uploaded: ${message}`);
    return { ok: false, reason, message };
  }

  function classify(e: unknown): UploadResult {
    const err = e as { name?: string; message?: string };
    const message = err.message ?? String(e);
    // The SDK re-wraps its UsageError in a plain Error, so the message is all that is left.
    if (err.name === 'UsageError' || /storage quota/i.test(message)) return fail('quota', `artifact storage quota reached: ${message}`);
    if (err.name === 'NetworkError') return fail('network', message);
    if (err.name === 'FilesNotFoundError') return fail('no-files', message);
    if (err.name === 'GHESNotSupportedError') return fail('ghes', message);
    // Artifacts are immutable: a second upload under the same name in one run is refused with 409.
    if (/\(409\)|already exists/i.test(message)) return fail('conflict', `an artifact named "${args.name}" already exists in this run: ${message}`);
    return fail('unavailable', message);
  }
}

/** Same rule as @actions/artifact: github.com, *.ghe.com (data residency) and *.localhost are not GHES. */
export function isGhesServer(serverUrl: string | undefined): boolean {
  const host = new URL(serverUrl || 'https://github.com').hostname.toUpperCase();
  return !(host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST'));
}
