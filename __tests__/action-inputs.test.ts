/**
 * The action's inputs and mode, in-process: what each input accepts and refuses, the baseline
 * artifact's name per working directory, and the events the action refuses to run under.
 */
import { resolveMode } from '../src/action/main.js';
import { baselineArtifactName, readInputs, type ActionInputs } from '../src/action/inputs.js';
import type { ActionContext } from '../src/action/context.js';
import { actionDefaults } from './helpers/action-harness.js';

/** readInputs over action.yml's defaults, as the runner fills them in (no token: nothing to mask). */
function inputs(over: Record<string, string> = {}): ActionInputs {
  const values: Record<string, string> = { ...actionDefaults(), 'github-token': '', ...over };
  return readInputs((name) => values[name] ?? '');
}

function context(eventName: string, over: Partial<ActionContext> = {}): ActionContext {
  return {
    eventName,
    owner: 'o',
    repo: 'r',
    runId: 1,
    runNumber: 1,
    workflowRef: 'o/r/.github/workflows/bench.yml@refs/heads/main',
    sha: 'a'.repeat(40),
    ref: 'refs/heads/main',
    apiUrl: 'https://api.github.com',
    serverUrl: 'https://github.com',
    workspace: '/w',
    defaultBranch: 'main',
    pullRequest: null,
    workflowRun: null,
    tempDir: '/t',
    ...over,
  };
}

describe('profiles', () => {
  test.each([
    ['cpu,mem', ['cpu', 'mem']],
    ['cpu', ['cpu']],
    ['mem', ['mem']],
    ['mem, cpu', ['cpu', 'mem']],
    ['CPU', ['cpu']],
    ['none', []],
  ])('%j captures %j', (text, kinds) => {
    expect(inputs({ profiles: text }).run.profiles).toEqual(kinds);
  });

  test('the default (action.yml) captures both', () => {
    expect(inputs().run.profiles).toEqual(['cpu', 'mem']);
  });

  test.each(['cpu,heap', 'none,cpu', 'block'])('%j is refused, naming the choices', (text) => {
    expect(() => inputs({ profiles: text })).toThrow(/profiles must be a list of cpu, mem .* or "none"/);
  });
});

describe('diagnose', () => {
  test('on by default (action.yml), off with false; anything else is refused', () => {
    expect(inputs().run.diagnose).toBe(true);
    expect(inputs({ diagnose: 'false' }).run.diagnose).toBe(false);
    expect(() => inputs({ diagnose: 'sometimes' })).toThrow(/diagnose/);
  });
});

describe('the baseline artifact is named per working directory', () => {
  test.each([
    ['.', 'benchgate-baseline'],
    ['./', 'benchgate-baseline'],
    ['a', 'benchgate-baseline-a'],
    ['./services/api/', 'benchgate-baseline-services-api'],
  ])('working-directory %j → %j', (dir, name) => {
    expect(baselineArtifactName(inputs({ 'working-directory': dir }))).toBe(name);
  });

  test('a custom artifact-name is the prefix; a shard adds its own suffix', () => {
    const i = inputs({ 'working-directory': 'b', 'artifact-name': 'perf' });
    expect(baselineArtifactName(i)).toBe('perf-b');
    expect(baselineArtifactName(i, '2of4')).toBe('perf-b-2of4');
  });
});

describe('mode and events', () => {
  test('pull_request_target is refused, whatever the mode, with what to do instead', () => {
    for (const mode of ['auto', 'compare', 'baseline']) {
      expect(() => resolveMode(inputs({ mode }), context('pull_request_target'))).toThrow(
        /refusing to run under pull_request_target: .*Use the pull_request event.*allow-pull-request-target: true/,
      );
    }
  });

  test('allow-pull-request-target: true lets it run as a pull request', () => {
    expect(resolveMode(inputs({ 'allow-pull-request-target': 'true' }), context('pull_request_target'))).toBe('compare');
    expect(() => inputs({ 'allow-pull-request-target': 'yes' })).toThrow(/allow-pull-request-target must be one of true, false/);
  });

  test.each(['push', 'schedule', 'workflow_dispatch'])('auto records a baseline on %s to the base branch', (event) => {
    expect(resolveMode(inputs(), context(event))).toBe('baseline');
  });

  test('auto compares on pull_request and reports on workflow_run', () => {
    expect(resolveMode(inputs(), context('pull_request'))).toBe('compare');
    expect(resolveMode(inputs(), context('workflow_run'))).toBe('report');
  });
});

describe('packages: affected', () => {
  test.each([
    ['./...', ['./...'], false],
    ['affected', ['./...'], true],
    ['affected ./api/... ./db', ['./api/...', './db'], true],
    ['./api/...\naffected', ['./api/...'], true],
  ])('%j → patterns %j, affected %j', (text, patterns, affected) => {
    const i = inputs({ packages: text });
    expect({ patterns: i.run.packages, affected: i.affected }).toEqual({ patterns, affected });
  });
});

describe('benchtime and cpu are checked before anything is built', () => {
  test('what go test takes passes through', () => {
    expect(inputs({ benchtime: '100ms', cpu: '1,2' }).run).toMatchObject({ benchtime: '100ms', cpu: '1,2' });
    expect(inputs({ benchtime: '50x', cpu: ' 4 ' }).run).toMatchObject({ benchtime: '50x', cpu: '4' });
    expect(inputs({ benchtime: '', cpu: '' }).run).toMatchObject({ benchtime: undefined, cpu: undefined });
  });

  test.each([
    [{ benchtime: '5' }, /benchtime must be a duration such as 100ms or 2s, or a count such as 100x, got "5"/],
    [{ benchtime: '0x' }, /benchtime must be/],
    [{ cpu: 'a,b' }, /cpu must be a list of GOMAXPROCS values.*got "a,b"/],
    [{ cpu: '0' }, /cpu must be a list/],
  ])('%j is refused, naming the input', (over, message) => {
    expect(() => inputs(over)).toThrow(message);
  });
});
