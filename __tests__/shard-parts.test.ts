/** Parts on disk (src/shard/parts.ts): what a part may claim is checked before it names directories or reaches a report. */
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeParts, readPart, writeComparePart } from '../src/shard/parts.js';
import { loadRun } from '../src/store/dir.js';

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
  expect(merged.kind === 'compare' && readFileSync(join(merged.base.dir, 'history.json'), 'utf8')).toBe(history);
  // The head was measured by the PR's run: it carries no history.
  expect(existsSync(join(dir, 'out', 'head', 'history.json'))).toBe(false);
});
