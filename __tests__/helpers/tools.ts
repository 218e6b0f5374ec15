import { join } from 'node:path';

/** Repository root (tests run with it as the working directory). */
export const ROOT = process.cwd();

/** The pinned benchstat installed by jest.global-setup.mjs. */
export const BENCHSTAT = join(ROOT, '.cache', 'bin', 'benchstat');
