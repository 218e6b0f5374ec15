/**
 * The go list edge of the affected selection: `go list -e -deps -test -json=<fields>` for the
 * user's patterns, read into the entries gotool/affected.ts selects from.
 */
import { BenchgateError } from '../errors.js';
import { run } from '../exec.js';
import { LISTED_FIELDS, listedPackage, type ListedPackage } from './affected.js';
import { parseJsonStream } from './jsonstream.js';

export interface ListDepsOptions {
  cwd: string;
  patterns: readonly string[];
  /** Build flags that change which files belong to a package (e.g. `-tags`): as the run uses them. */
  buildFlags?: readonly string[];
  env?: NodeJS.ProcessEnv;
  goBin?: string;
}

/** Every test binary's dependency lists for a large module run to tens of MiB. */
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

export async function listDeps(opts: ListDepsOptions): Promise<ListedPackage[]> {
  const patterns = opts.patterns.length > 0 ? opts.patterns : ['./...'];
  const args = ['list', '-e', '-deps', '-test', `-json=${LISTED_FIELDS.join(',')}`, ...(opts.buildFlags ?? []), '--', ...patterns];
  const r = await run(opts.goBin ?? 'go', args, { cwd: opts.cwd, env: opts.env, timeoutMs: 5 * 60_000, maxOutputBytes: MAX_OUTPUT_BYTES });
  if (r.code !== 0 || r.timedOut || r.truncated) {
    const why = r.timedOut ? 'timed out' : r.truncated ? 'printed more than 1 GiB' : r.stderr.trim() || `exit status ${r.code}`;
    throw new BenchgateError(`go list -deps -test ${patterns.join(' ')} failed in ${opts.cwd}: ${why}`, 'go-list');
  }
  return parseJsonStream(r.stdout, 'go list -deps -test -json').map(listedPackage);
}
