/** Parts on disk (src/shard/parts.ts): what a part may claim is checked before it names directories or reaches a report. */
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeParts, readPart, writeComparePart } from '../src/shard/parts.js';
import { carryHistory, readHistory, writeHistory } from '../src/history/store.js';
import { sha256 } from '../src/store/checksums.js';
import { loadRun, saveRun } from '../src/store/dir.js';
import type { Run } from '../src/types.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'benchgate-parts-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = { goVersion: 'go1.26', goos: 'linux', goarch: 'amd64', cpu: 'x', gomaxprocs: 2, runnerOs: 'Linux' };
function writeRun(at: string, shard: unknown): void {
  mkdirSync(at, { recursive: true });
  writeFileSync(join(at, 'run.json'), JSON.stringify({ schema: 1, commit: 'c', ref: 'main', time: 't', env, packages: [], results: [], units: {}, incomplete: false, shard }));
}

test('a shard whose index is not a whole number is refused, naming the file', async () => {
  writeRun(join(dir, 'p1'), { index: '../../x', count: 2, planned: [], suite: 's', units: 0, method: 'hash' });
  await expect(mergeParts([{ source: 'p1', dir: join(dir, 'p1') }], join(dir, 'out'))).rejects.toThrow(/p1\/run\.json.*"shard" is not/);
});

test('a compare part’s baseline info keeps known fields of known types only', async () => {
  const shard = { index: 1, count: 1, planned: [], suite: 's', units: 0, method: 'hash' };
  writeRun(join(dir, 'p', 'head'), shard);
  writeRun(join(dir, 'p', 'base'), shard);
  writeFileSync(
    join(dir, 'p', 'part.json'),
    JSON.stringify({ schema: 1, kind: 'compare', baseIsStored: 'yes', rounds: 1.5, baseline: { source: 'artifact', ref: 'main', commit: 'abc<script>', runId: '7', extra: 1 } }),
  );
  const part = await readPart('p', join(dir, 'p'));
  expect(part.kind === 'compare' && part.meta).toEqual({
    schema: 1,
    kind: 'compare',
    baseline: { source: 'artifact', ref: 'main', commit: 'abcc', runId: undefined, runNumber: undefined, environmentNote: undefined },
    baseIsStored: false,
    rounds: undefined,
    minRounds: undefined,
  });
});

test("a compare part's base carries the stored baseline's history; the merge puts it beside the merged base run", async () => {
  const shard = (index: number) => ({ index, count: 2, planned: [{ pkg: `p${index}` }], suite: 's', units: 2, method: 'hash' });
  const history = JSON.stringify({ schema: 1, entries: [{ commit: 'a', time: 't', medians: {} }] });
  writeRun(join(dir, 'baseline'), undefined);
  writeFileSync(join(dir, 'baseline', 'history.json'), history);
  const base = await loadRun(join(dir, 'baseline'));
  for (const i of [1, 2]) {
    writeRun(join(dir, `head${i}`), shard(i));
    await writeComparePart(join(dir, `part${i}`), { base, head: await loadRun(join(dir, `head${i}`)), meta: { baseline: { source: 'artifact' }, baseIsStored: true } });
    expect(readFileSync(join(dir, `part${i}`, 'base', 'history.json'), 'utf8')).toBe(history);
  }
  const merged = await mergeParts(
    [1, 2].map((i) => ({ source: `part${i}`, dir: join(dir, `part${i}`) })),
    join(dir, 'out'),
  );
  // The same history (every part's base carries it), checksummed in the merged base's run.json.
  expect(merged.kind === 'compare' && JSON.parse(readFileSync(join(merged.base.dir, 'history.json'), 'utf8'))).toEqual(JSON.parse(history));
  expect(merged.kind === 'compare' && merged.baseHistoryDir).toBe(join(dir, 'out', 'base'));
  expect((await readHistory(join(dir, 'out', 'base')))?.integrity).toEqual({ verified: 1 });
  // The head was measured by the PR's run: it carries no history.
  expect(existsSync(join(dir, 'out', 'head', 'history.json'))).toBe(false);
});

describe("a sharded baseline's history", () => {
  const PKGS = ['example.com/m/p1', 'example.com/m/p2'];
  const shard = (index: number) => ({ index, count: 2, planned: [{ pkg: PKGS[index - 1] }], suite: 's', units: 2, method: 'hash' as const });
  const result = (pkg: string, ns: number) => ({ pkg, name: 'BenchmarkX', config: {}, iterations: 1, values: [{ unit: 'sec/op', value: ns }] });
  function run(commit: string, time: string, results: Run['results'], s?: Run['shard']): Run {
    return { schema: 1, commit: commit.repeat(40), ref: 'main', time, env, packages: [], results, units: {}, incomplete: false, ...(s ? { shard: s } : {}) };
  }
  /** A baseline part as `benchgate baseline --shard i/2 --previous PREV` records it: history first, then run.json. */
  async function part(at: string, r: Run, previousDir?: string): Promise<void> {
    const carried = await carryHistory({ previousDir, run: r });
    await writeHistory(at, carried.history);
    await saveRun(r, at);
  }
  const parts = (...names: string[]) => names.map((n) => ({ source: n, dir: join(dir, n) }));

  test('is the union of the parts’ histories, carried from the previous merged baseline, checksummed in run.json', async () => {
    // The first sharded baseline: each part's history starts with its own shard.
    await part(join(dir, 'a1'), run('1', '2026-11-01T10:00:01Z', [result(PKGS[0], 1)], shard(1)));
    await part(join(dir, 'a2'), run('1', '2026-11-01T10:00:00Z', [result(PKGS[1], 10)], shard(2)));
    const first = await mergeParts(parts('a1', 'a2'), join(dir, 'm1'));
    expect(first.kind).toBe('baseline');
    expect((await readHistory(join(dir, 'm1')))?.history.entries).toEqual([
      { commit: '1'.repeat(40), time: '2026-11-01T10:00:00Z', ref: 'main', medians: { [PKGS[0]]: { BenchmarkX: { 'sec/op': 1 } }, [PKGS[1]]: { BenchmarkX: { 'sec/op': 10 } } } },
    ]);
    // The next: each part carries the merged baseline's history forward (--previous), with its own shard appended.
    await part(join(dir, 'b1'), run('2', '2026-11-02T10:00:00Z', [result(PKGS[0], 2)], shard(1)), join(dir, 'm1'));
    await part(join(dir, 'b2'), run('2', '2026-11-02T10:00:00Z', [result(PKGS[1], 20)], shard(2)), join(dir, 'm1'));
    const next = await mergeParts(parts('b2', 'b1'), join(dir, 'm2'));
    const stored = JSON.parse(readFileSync(join(dir, 'm2', 'run.json'), 'utf8')) as Run;
    expect(stored.checksums?.['history.json']).toBe(sha256(readFileSync(join(dir, 'm2', 'history.json'))));
    const read = await readHistory(join(dir, 'm2'));
    expect(read?.integrity).toEqual({ verified: 1 });
    expect(next.kind === 'baseline' && next.history).toEqual(read?.history);
    expect(read?.history.entries.map((e) => [e.commit[0], e.medians[PKGS[0]]?.BenchmarkX['sec/op'], e.medians[PKGS[1]]?.BenchmarkX['sec/op']])).toEqual([
      ['1', 1, 10],
      ['2', 2, 20],
    ]);
    expect(next.notes).toContain('history: 2 run(s), joined from 2 of 2 part(s)');
  });

  test("a part whose history does not match its checksum is left out, named; the others' make the history", async () => {
    await part(join(dir, 'c1'), run('1', 't', [result(PKGS[0], 1)], shard(1)));
    await part(join(dir, 'c2'), run('1', 't', [result(PKGS[1], 10)], shard(2)));
    writeFileSync(join(dir, 'c2', 'history.json'), JSON.stringify({ schema: 1, entries: [] }));
    const merged = await mergeParts(parts('c1', 'c2'), join(dir, 'm'));
    expect(merged.warnings).toEqual([expect.stringMatching(/^a part's history is left out of the merged history: .*c2\/history\.json.*does not match the SHA-256/)]);
    expect(Object.keys((await readHistory(join(dir, 'm')))!.history.entries[0].medians)).toEqual([PKGS[0]]);
  });

  test('parts without a history (an older benchgate): no history.json, said in the notes', async () => {
    writeRun(join(dir, 'd1'), shard(1));
    writeRun(join(dir, 'd2'), shard(2));
    const merged = await mergeParts(parts('d1', 'd2'), join(dir, 'm'));
    expect(merged.kind === 'baseline' && merged.history).toBeNull();
    expect(existsSync(join(dir, 'm', 'history.json'))).toBe(false);
    expect(merged.notes).toEqual(['no part carries a history.json: the merged run has no history']);
  });
});
