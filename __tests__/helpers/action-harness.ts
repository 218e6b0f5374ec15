/**
 * Runs the bundled action the way the Actions runner does: `node dist/index.js` in the checkout,
 * with `INPUT_*` variables (action.yml defaults filled in, as the runner does), the event payload
 * in a file, and the job summary and outputs in files the step appends to. The GitHub it talks to
 * is the loopback fake; each step acts as one workflow run of that fake.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { FakeGitHub, FakePull, FakeRun, RecordedRequest } from './fake-github.js';
import { git as gitRaw } from './cli.js';
import { repoFromFixture, type FixtureRepo } from './repo.js';
import { ROOT } from './tools.js';

/** The defaults action.yml declares, read from the file so the tests cannot drift from it. */
export function actionDefaults(file = join(ROOT, 'action.yml')): Record<string, string> {
  const text = readFileSync(file, 'utf8');
  const inputs = text.slice(text.indexOf('\ninputs:'), text.indexOf('\noutputs:'));
  const defaults: Record<string, string> = {};
  let name = '';
  for (const line of inputs.split('\n')) {
    const input = /^ {2}([a-z][a-z0-9-]*):\s*$/.exec(line);
    if (input) name = input[1];
    const dflt = /^ {4}default:\s*(.*)$/.exec(line);
    if (dflt && name) defaults[name] = dflt[1].trim().replace(/^'(.*)'$/, '$1');
  }
  return defaults;
}

/**
 * Bundles the action entry action.yml names into a private directory, so the test runs the code
 * in the tree without racing other test files that rebuild `dist/`. Same esbuild settings as
 * scripts/bundle.mjs, which ships the real `dist/`.
 */
export async function bundleAction(outDir: string): Promise<string> {
  const main = /^\s+main:\s*(\S+)/m.exec(readFileSync(join(ROOT, 'action.yml'), 'utf8'))?.[1] ?? 'dist/index.js';
  await build({
    entryPoints: { index: join(ROOT, 'src/index.ts') },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire as __benchgateCreateRequire } from 'module';\nconst require = __benchgateCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return join(outDir, main.replace(/^dist\//, ''));
}

/** git with the tests' fixed identity (helpers/cli.ts), its output trimmed. */
export function git(cwd: string, ...args: string[]): string {
  return gitRaw(cwd, ...args).trim();
}

export type { FixtureRepo };

/**
 * A git repository: `main` holds `base/`, and every other branch is one commit on top of main
 * that lays the given directory (or files) over it; main is checked out.
 */
export function makeRepo(dir: string, base: string, branches: Record<string, string | Record<string, string>>): FixtureRepo {
  const commits = Object.entries(branches).map(([branch, overlay]) => ({ branch, overlay }));
  return repoFromFixture(dir, base, commits, { checkout: 'main' });
}

/** A private checkout of `branch` (actions/checkout with fetch-depth 0: all branches present). */
export function checkout(repo: FixtureRepo, into: string, branch: string): string {
  cpSync(repo.dir, into, { recursive: true });
  git(into, 'checkout', '-q', branch);
  return into;
}

/** The PR's files as `GET /pulls/{n}/files` lists them: the patch is the diff from the first hunk on. */
/** A pull request of branch `head` into main, known to the fake with the branches' diff as its files. */
export function addBranchPull(
  fake: FakeGitHub,
  repo: FixtureRepo,
  number: number,
  head: string,
  o: { baseSha?: string; labels?: string[]; fork?: string } = {},
): FakePull {
  return fake.addPull({
    number,
    headSha: repo.sha[head],
    headRef: head,
    baseSha: o.baseSha ?? repo.sha.main,
    labels: o.labels ?? [],
    headRepoFullName: o.fork ?? `${fake.state.owner}/${fake.state.repo}`,
    files: pullFiles(repo, 'main', head),
  });
}

export function pullFiles(repo: FixtureRepo, base: string, head: string): { filename: string; status: string; patch: string }[] {
  const names = git(repo.dir, 'diff', '--name-only', `${base}...${head}`).split('\n').filter(Boolean);
  return names.map((filename) => {
    const diff = git(repo.dir, 'diff', `${base}...${head}`, '--', filename);
    return { filename, status: 'modified', patch: diff.slice(diff.indexOf('@@')) };
  });
}

export interface StepResult {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  /** The requests the fake GitHub saw during this step. */
  requests: RecordedRequest[];
  /** `METHOD /path` of each request, for readable assertions. */
  calls: string[];
}

export interface StepOptions {
  fake: FakeGitHub;
  /** The bundled action. */
  entry: string;
  /** The checkout (GITHUB_WORKSPACE). */
  workspace: string;
  /** The workflow run this step belongs to (run id, runtime token, workflow file). */
  run: FakeRun;
  event: 'push' | 'pull_request' | 'pull_request_target' | 'workflow_run' | 'schedule' | 'workflow_dispatch';
  payload: Record<string, unknown>;
  sha: string;
  ref: string;
  /** Inputs over action.yml's defaults; `github-token` defaults to the fake's GITHUB_TOKEN. */
  inputs?: Record<string, string>;
  token?: string;
}

/** The `name<<delimiter` … `delimiter` blocks @actions/core appends to GITHUB_OUTPUT. */
export function parseOutputsFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const end = lines.indexOf(m[2], i + 1);
      out[m[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      out[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return out;
}

export async function runStep(o: StepOptions): Promise<StepResult> {
  const temp = mkdtempSync(join(o.workspace, '..', 'runner-temp-'));
  const eventPath = join(temp, 'event.json');
  const summaryPath = join(temp, 'step_summary');
  const outputPath = join(temp, 'output');
  writeFileSync(eventPath, JSON.stringify(o.payload));
  writeFileSync(summaryPath, '');
  writeFileSync(outputPath, '');
  const token = o.token ?? o.fake.token;
  const inputs = { ...actionDefaults(), 'github-token': token, ...o.inputs };

  // A clean environment: nothing of the test runner's GitHub or jest settings leaks in.
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(GITHUB_|INPUT_|ACTIONS_|RUNNER_)/.test(k) && k !== 'NODE_OPTIONS') env[k] = v;
  }
  Object.assign(env, o.fake.env(), {
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_RUN_ID: String(o.run.id),
    GITHUB_RUN_NUMBER: String(o.run.runNumber),
    GITHUB_WORKFLOW_REF: `${o.fake.state.owner}/${o.fake.state.repo}/.github/workflows/${o.run.workflowFile}@refs/heads/main`,
    GITHUB_SHA: o.sha,
    GITHUB_REF: o.ref,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    ACTIONS_RUNTIME_TOKEN: o.fake.runtimeTokenFor(o.run),
  });
  // The runner keeps hyphens in input names: INPUT_WORKING-DIRECTORY.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  const before = o.fake.requests.length;
  const child = spawn(process.execPath, [o.entry], { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c));
  });
  const requests = o.fake.requests.slice(before);
  return {
    code,
    stdout,
    stderr,
    summary: readFileSync(summaryPath, 'utf8'),
    outputs: parseOutputsFile(readFileSync(outputPath, 'utf8')),
    requests,
    calls: requests.map((r) => `${r.method} ${r.path}`),
  };
}

// ---- event payloads, shaped like GitHub's (only the fields a reader may look at) ----

function repository(fake: FakeGitHub): Record<string, unknown> {
  const { owner, repo } = fake.state;
  return { full_name: `${owner}/${repo}`, name: repo, owner: { login: owner }, default_branch: 'main' };
}

/** A `schedule` event's payload: the cron line and the repository (the ref is the default branch). */
export function schedulePayload(fake: FakeGitHub): Record<string, unknown> {
  return { schedule: '17 3 * * *', repository: repository(fake) };
}

export function pushPayload(fake: FakeGitHub, sha: string, before: string): Record<string, unknown> {
  return { ref: 'refs/heads/main', before, after: sha, head_commit: { id: sha }, repository: repository(fake) };
}

export function pullRequestPayload(
  fake: FakeGitHub,
  pr: { number: number; headSha: string; headRef: string; baseSha: string; labels?: string[]; fork?: string },
): Record<string, unknown> {
  const repo = repository(fake);
  return {
    action: 'synchronize',
    number: pr.number,
    pull_request: {
      number: pr.number,
      state: 'open',
      head: { sha: pr.headSha, ref: pr.headRef, repo: { full_name: pr.fork ?? repo.full_name, fork: !!pr.fork } },
      base: { sha: pr.baseSha, ref: 'main', repo },
      labels: (pr.labels ?? []).map((name) => ({ name })),
    },
    repository: repo,
  };
}

export function workflowRunPayload(fake: FakeGitHub, run: { id: number; headSha: string; headBranch: string; prNumber?: number }): Record<string, unknown> {
  return {
    action: 'completed',
    workflow_run: {
      id: run.id,
      head_sha: run.headSha,
      head_branch: run.headBranch,
      event: 'pull_request',
      status: 'completed',
      conclusion: 'success',
      // GitHub leaves this empty for runs from forks: the PR number must come from the artifact.
      pull_requests: run.prNumber ? [{ number: run.prNumber }] : [],
    },
    repository: repository(fake),
  };
}
