/**
 * The affected selection's edge, shared by `benchgate run --affected` and the action's
 * `packages: affected`: list the head's packages, select (gotool/affected.ts, pure), and turn the
 * result into run settings and the skipped list the report carries.
 */
import { realpath } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { changedFiles } from './git/history.js';
import { withWorktree } from './git/worktree.js';
import type { EngineLog } from './engine.js';
import { selectAffected, type AffectedSelection, type ChangedFile } from './gotool/affected.js';
import { listDeps } from './gotool/deps.js';
import { splitGoTestFlags } from './gotool/flags.js';
import { discoverPackages } from './gotool/packages.js';
import type { RunSettings } from './settings.js';
import type { SkippedPackage } from './types.js';

export interface AffectedPlan {
  /** The run settings with `only` set to the selection (unchanged when everything is measured). */
  run: RunSettings;
  /** What is not measured, and why; [] when everything is. */
  skipped: SkippedPackage[];
  selection: AffectedSelection;
}

export interface PlanAffectedOptions {
  /** The repository's top level: the changed paths are relative to it. */
  repoDir: string;
  /** The Go module's directory in the head tree (where go list runs). */
  moduleDir: string;
  changed: ChangedFile[];
  run: RunSettings;
  env?: NodeJS.ProcessEnv;
  goBin?: string;
}

const slash = (p: string) => p.split('\\').join('/');

export async function planAffected(opts: PlanAffectedOptions): Promise<AffectedPlan> {
  // go list prints real paths (it asks the OS for its working directory): compare like with like.
  const [repoDir, moduleDir] = await Promise.all([realpath(opts.repoDir), realpath(opts.moduleDir)]);
  const buildFlags = splitGoTestFlags(opts.run.extraFlags).build;
  const common = { cwd: moduleDir, patterns: opts.run.packages, buildFlags, env: opts.env, goBin: opts.goBin };
  const [found, packages] = await Promise.all([discoverPackages({ ...common, bench: opts.run.bench }), listDeps(common)]);
  const selection = selectAffected({
    packages,
    changed: opts.changed,
    repoDir: slash(repoDir),
    moduleDir: slash(moduleDir),
    // A package that does not load is measured (and reported as failing), never skipped on a guess.
    benchmarkPackages: [...found.packages, ...found.failures].map((p) => p.importPath),
  });
  if (selection.all) return { run: opts.run, skipped: [], selection };
  return { run: { ...opts.run, only: selection.selected.map((s) => s.package) }, skipped: selection.skipped, selection };
}

/**
 * The selection for a change in a local repository: the files `git diff` names between the merge
 * base of `baseRef` and the head (`headRef`, else the working tree), listed in the head's tree (a
 * temporary worktree when `headRef` names a commit).
 */
export async function planLocalAffected(opts: Omit<PlanAffectedOptions, 'changed'> & { baseRef: string; headRef?: string }): Promise<AffectedPlan> {
  const changed = await changedFiles(opts.repoDir, opts.baseRef, opts.headRef);
  if (opts.headRef === undefined) return planAffected({ ...opts, changed });
  const moduleRel = relative(opts.repoDir, opts.moduleDir);
  return withWorktree(opts.repoDir, opts.headRef, (tree) => planAffected({ ...opts, repoDir: tree.dir, moduleDir: join(tree.dir, moduleRel), changed }));
}

/** What the selection decided, for the log: one line, then one per package skipped. */
export function logSelection(plan: AffectedPlan, log: EngineLog): void {
  const s = plan.selection;
  if (s.all) {
    log.info(`benchgate: measuring every benchmark package: ${s.all}`);
    return;
  }
  const changed = [...s.changedPackages, ...s.changedTests.filter((t) => !s.changedPackages.includes(t))];
  log.info(
    `benchgate: ${s.selected.length} of ${s.selected.length + s.skipped.length} benchmark packages affected` +
      (changed.length ? ` (changed: ${changed.join(', ')})` : ' (no Go package changed)'),
  );
  for (const x of s.selected) log.info(`  measured: ${x.package}: ${x.reason}`);
  for (const x of s.skipped) log.info(`  skipped: ${x.package}: ${x.reason}`);
}

/** `run` without the skipped packages: a stored baseline measured them all, and they must not read as removed. */
export function withoutSkipped<T extends { results: { pkg: string }[]; packages: { pkg: string }[] }>(run: T, skipped: readonly SkippedPackage[]): T {
  if (skipped.length === 0) return run;
  const skip = new Set(skipped.map((s) => s.package));
  return { ...run, results: run.results.filter((r) => !skip.has(r.pkg)), packages: run.packages.filter((p) => !skip.has(p.pkg)) };
}
