/** Where the action's runs write and what they measure, from the inputs and the runner's directories. */
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ActionContext } from './context.js';
import type { ActionInputs } from './inputs.js';

/** A directory of this job's for one mode's files (under RUNNER_TEMP, so the runner cleans it up). */
export function workDir(ctx: ActionContext, name: string): string {
  return join(ctx.tempDir || tmpdir(), 'benchgate', `${ctx.runId || process.pid}-${name}`);
}

/** The Go module's directory: `working-directory` under the workspace. */
export function moduleDirOf(inputs: Pick<ActionInputs, 'workingDirectory'>, ctx: ActionContext): string {
  return resolve(ctx.workspace, inputs.workingDirectory);
}

/** The run directory's files, for an artifact (relative paths under rootDir). */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
