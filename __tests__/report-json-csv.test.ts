/** The JSON contract and the CSV export of a comparison. */

import fc from 'fast-check';
import { fromJsonReport, toJsonReport } from '../src/report/json.js';
import { CSV_COLUMNS, toCsvReport } from '../src/report/csv.js';
import { BenchgateError } from '../src/errors.js';
import type { CompareReport, CompareRow, Summary } from '../src/types.js';

const summary = (n: number, center: number, lo: number, hi: number, warnings: string[] = []): Summary => ({ n, center, lo, hi, warnings });

const regression: CompareRow = {
  package: 'example.com/m/pkg',
  name: 'Parse/medium-2',
  unit: 'sec/op',
  base: summary(10, 1.2e-6, 1.1e-6, 1.3e-6),
  head: summary(10, 1.5e-6, 1.4e-6, 1.6e-6),
  deltaPercent: 25,
  p: 0.0001,
  q: 0.0004,
  significant: true,
  verdict: 'regression',
  reason: 'p=0.000 ≤ α=0.05, +25% ≥ 5%',
  exact: false,
  noisePercent: 8.3,
  suspect: false,
  test: 'wilcoxon-signed-rank',
  paired: { n: 10, ratio: 1.25, lo: 1.2, hi: 1.3, p: 0.004, lookP: [0.002], method: 'exact', pairing: 'sequential' },
  screen: { verdict: 'regression', reason: 'first pass: +25%' },
  confirmed: true,
  confirmation: {
    base: summary(6, 1.2e-6, 1.1e-6, 1.3e-6),
    head: summary(6, 1.5e-6, 1.4e-6, 1.6e-6),
    deltaPercent: 25,
    p: 0.002,
    paired: null,
    verdict: 'regression',
    reason: 'confirmed in alternating rounds',
  },
  attribution: {
    functions: [
      {
        function: 'example.com/m/pkg.(*P).skipWS',
        file: 'pkg/parse.go',
        startLine: 10,
        endLine: 30,
        changed: true,
        commits: [{ sha: 'abc123', subject: 'parse: "faster", maybe' }],
        delta: 2.9e-7,
        share: 0.97,
      },
    ],
    note: null,
  },
  flamegraph: 'flamegraphs/example.com_m_pkg-0123abcd/Parse_medium-2-89abcdef.sec-op.html',
};

const newBenchmark: CompareRow = {
  package: 'example.com/m/pkg',
  name: 'Fresh, "quoted"\nname',
  unit: 'B/op',
  base: null,
  head: summary(4, 128, NaN, NaN, ['need >= 6 samples for confidence interval at level 0.95']),
  deltaPercent: null,
  p: null,
  significant: false,
  verdict: 'new',
  reason: 'no baseline',
};

const report: CompareReport = {
  rows: [regression, newBenchmark],
  geomean: [{ unit: 'sec/op', base: 1.2e-6, head: 1.5e-6, deltaPercent: 25 }, { unit: 'B/op', base: 0, head: NaN, deltaPercent: Infinity }],
  warnings: [{ kind: 'environment', message: 'baseline ran on a different CPU' }, { kind: 'package-failed', side: 'head', message: 'example.com/m/x build-failed: undefined: y' }],
  settings: { alpha: 0.05, confidence: 0.95, threshold: 5 },
};

describe('toJsonReport', () => {
  const json = JSON.parse(toJsonReport(report, { commit: 'deadbeef', schema: 99 }));

  test('the documented shape, every key present', () => {
    expect(json.schema).toBe(2); // extra cannot override the report's own keys
    expect(json.commit).toBe('deadbeef');
    expect(json.rows[0]).toEqual({
      package: 'example.com/m/pkg',
      name: 'Parse/medium-2',
      unit: 'sec/op',
      base: { n: 10, center: 1.2e-6, lo: 1.1e-6, hi: 1.3e-6, warnings: [] },
      head: { n: 10, center: 1.5e-6, lo: 1.4e-6, hi: 1.6e-6, warnings: [] },
      deltaPercent: 25,
      p: 0.0001,
      q: 0.0004,
      significant: true,
      verdict: 'regression',
      reason: 'p=0.000 ≤ α=0.05, +25% ≥ 5%',
      test: 'wilcoxon-signed-rank',
      paired: { n: 10, ratio: 1.25, lo: 1.2, hi: 1.3, p: 0.004, lookP: [0.002], method: 'exact', pairing: 'sequential', duetPairs: null },
      exact: false,
      noisePercent: 8.3,
      suspect: false,
      screen: { verdict: 'regression', reason: 'first pass: +25%' },
      confirmed: true,
      confirmation: expect.objectContaining({ verdict: 'regression', p: 0.002, paired: null }),
      // Not checked by the causal step: `causal` and `commit` are present, and null.
      attribution: {
        ...regression.attribution,
        functions: regression.attribution!.functions.map((f) => ({ ...f, causal: null })),
        // No changed function moved against the row: none offsets it, and there is no net to show.
        offsets: [],
        changedNet: null,
        commit: null,
      },
      // Diagnosed only when flagged and run (src/diagnose/): null otherwise.
      diagnosis: null,
      flamegraph: 'flamegraphs/example.com_m_pkg-0123abcd/Parse_medium-2-89abcdef.sec-op.html',
    });
    expect(json.settings).toEqual({ alpha: 0.05, confidence: 0.95, threshold: 5 });
    // One line each (as before kinds existed), and the same warnings as data.
    expect(json.warnings).toEqual(['baseline ran on a different CPU', 'head: example.com/m/x build-failed: undefined: y']);
    expect(json.warningDetails).toEqual([
      { kind: 'environment', side: null, message: 'baseline ran on a different CPU' },
      { kind: 'package-failed', side: 'head', message: 'example.com/m/x build-failed: undefined: y' },
    ]);
    expect(fromJsonReport(toJsonReport(report), 'r.json').warnings).toEqual(report.warnings);
    // A report written before kinds existed reads back with kind `other`.
    const older = JSON.parse(toJsonReport(report));
    delete older.warningDetails;
    expect(fromJsonReport(JSON.stringify(older), 'r.json').warnings).toEqual([
      { kind: 'other', message: 'baseline ran on a different CPU' },
      { kind: 'other', message: 'head: example.com/m/x build-failed: undefined: y' },
    ]);
  });

  test('null wherever a value does not exist; never NaN or Infinity', () => {
    expect(json.rows[1]).toMatchObject({
      base: null,
      head: { n: 4, center: 128, lo: null, hi: null },
      deltaPercent: null,
      p: null,
      q: null,
      exact: false,
      test: null,
      paired: null,
      screen: null,
      confirmed: null,
      confirmation: null,
      attribution: null,
      flamegraph: null,
    });
    expect(json.geomean[1]).toEqual({ unit: 'B/op', base: 0, head: null, deltaPercent: null });
    expect(toJsonReport(report)).not.toMatch(/NaN|Infinity/);
  });

  test('non-finite numbers inside extra are null too', () => {
    expect(JSON.parse(toJsonReport(report, { odd: [NaN, -Infinity] })).odd).toEqual([null, null]);
  });
});

describe('fromJsonReport', () => {
  test('round trip: reading back gives the report, with NaN for the numbers written as null', () => {
    const back = fromJsonReport(toJsonReport(report), 'report.json');
    expect(back.rows[0]).toEqual(regression);
    // `confirmed: null` is "could not be judged" only where confirmation looked (a screen is kept).
    expect(back.rows[1]).toEqual({ ...newBenchmark, q: null, exact: false, noisePercent: null, suspect: false });
    expect(back.rows[1].head?.lo).toBeNaN();
    expect(back.geomean).toEqual(report.geomean.map((g) => (g.unit === 'B/op' ? { ...g, head: NaN, deltaPercent: NaN } : g)));
    expect(back.settings).toEqual(report.settings);
    // Writing what was read gives the same text.
    expect(toJsonReport(back)).toBe(toJsonReport(report));
  });

  test('round trip of a diagnosis, figures that could not be measured included', () => {
    const side = {
      gcCyclesPerOp: 0.0075,
      stwSweepTermNsPerOp: 120,
      stwMarkTermNsPerOp: 4.5,
      concurrentMarkNsPerOp: 900,
      gcCpuFraction: 0.21,
      heapGoalBytes: 10 * 2 ** 20,
      assistShare: 0.12,
      schedLatencyNsPerOp: null,
    };
    const diagnosed = { ...report, rows: [{ ...regression, diagnosis: { base: { ...side, gcCyclesPerOp: 0.0005 }, head: side } }] };
    const json = JSON.parse(toJsonReport(diagnosed));
    expect(json.rows[0].diagnosis.head).toEqual(side);
    expect(fromJsonReport(toJsonReport(diagnosed), 'report.json').rows[0].diagnosis).toEqual(diagnosed.rows[0].diagnosis);
  });

  test('round trip of generated reports', () => {
    const num = fc.oneof(fc.double(), fc.constant(NaN));
    const sum = fc.record({ n: fc.nat(), center: num, lo: num, hi: num, warnings: fc.array(fc.string()) });
    const row = fc.record(
      {
        package: fc.string(),
        name: fc.string(),
        unit: fc.string(),
        base: fc.option(sum, { nil: null }),
        head: fc.option(sum, { nil: null }),
        deltaPercent: fc.option(num, { nil: null }),
        p: fc.option(num, { nil: null }),
        q: fc.option(num, { nil: null }),
        significant: fc.boolean(),
        verdict: fc.constantFrom('regression', 'improvement', 'unchanged', 'noisy', 'unconfirmed', 'new', 'removed' as const),
        reason: fc.string(),
        exact: fc.boolean(),
        confirmed: fc.option(fc.boolean(), { nil: null }),
      },
      { requiredKeys: ['package', 'name', 'unit', 'base', 'head', 'deltaPercent', 'p', 'significant', 'verdict', 'reason'] },
    );
    const gen = fc.record({
      rows: fc.array(row, { maxLength: 5 }),
      geomean: fc.array(fc.record({ unit: fc.string(), base: num, head: num, deltaPercent: num }), { maxLength: 3 }),
      warnings: fc.array(
        fc.record(
          { kind: fc.constantFrom('package-failed', 'environment', 'input', 'other'), side: fc.constantFrom('base', 'head'), message: fc.string() },
          { requiredKeys: ['kind', 'message'] },
        ),
      ),
      settings: fc.record({ alpha: fc.double(), confidence: fc.double(), threshold: fc.double() }),
    });
    fc.assert(
      fc.property(gen, (r) => {
        const text = toJsonReport(r as CompareReport);
        expect(toJsonReport(fromJsonReport(text, 'r.json'))).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  const errorOf = (text: string): BenchgateError => {
    try {
      fromJsonReport(text, 'report.json');
    } catch (e) {
      expect(e).toBeInstanceOf(BenchgateError);
      return e as BenchgateError;
    }
    throw new Error('expected an error');
  };

  test('invalid JSON: a typed error naming the file (and the position, where the engine reports one)', () => {
    const e = errorOf('{\n  "schema": 1,\n  "rows": [}\n');
    expect(e.code).toBe('report-json');
    expect(e.where.file).toBe('report.json');
    expect(e.message).toMatch(/not valid JSON .*expected a benchgate JSON report/);
    if (e.where.line !== undefined) expect(e.where.line).toBe(3);
  });

  test.each([
    ['[]', 'the document: expected an object, got []'],
    ['{"schema": 1}', 'schema: expected 2, got 1 (a report from another benchgate version?)'],
    ['{"schema": 2}', 'rows: expected an array, got nothing'],
  ])('%s → %s', (text, message) => {
    expect(errorOf(text).message).toBe(`report.json: ${message}`);
  });

  test('a wrong field names its JSON path', () => {
    const doc = JSON.parse(toJsonReport(report));
    doc.rows[1].head.n = -1;
    expect(errorOf(JSON.stringify(doc)).message).toBe('report.json: rows[1].head.n: expected a count, got -1');
    doc.rows[1].head.n = 4;
    doc.rows[0].verdict = 'worse';
    expect(errorOf(JSON.stringify(doc)).message).toMatch(/rows\[0\]\.verdict: expected one of regression, .*got "worse"/);
  });

  test.each([
    '../../etc/passwd.html',
    'flamegraphs/../x/y.html',
    'flamegraphs/a/../b.html',
    'https://evil.example/x.html',
    'flamegraphs/a/b.html)[x](javascript:alert(1)',
    'flamegraphs/a/b c.html',
  ])('a flame graph path the writer cannot have made is refused: %s', (path) => {
    const doc = JSON.parse(toJsonReport(report));
    doc.rows[0].flamegraph = path;
    expect(errorOf(JSON.stringify(doc)).message).toMatch(/^report\.json: rows\[0\]\.flamegraph: expected flamegraphs\/<package>\/<benchmark>\.<unit>\.html/);
  });

  test('a report from before flame graphs (no flamegraph key) still reads', () => {
    const doc = JSON.parse(toJsonReport(report));
    delete doc.rows[0].flamegraph;
    expect(fromJsonReport(JSON.stringify(doc), 'report.json').rows[0].flamegraph).toBeUndefined();
  });

  test('arbitrary input never throws anything but a BenchgateError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.constant(toJsonReport(report))), fc.nat(), (text, cut) => {
        for (const t of [text, text.slice(0, cut % (text.length + 1))]) {
          try {
            fromJsonReport(t, 'r.json');
          } catch (e) {
            expect(e).toBeInstanceOf(BenchgateError);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** An RFC 4180 reader, written independently of the writer, to read the CSV back. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  return records;
}

describe('toCsvReport', () => {
  test('a header and one row per CompareRow; empty cells where a value does not exist', () => {
    const rows = readCsv(toCsvReport(report));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      'example.com/m/pkg', 'Parse/medium-2', 'sec/op',
      '10', '0.0000012', '0.0000011', '0.0000013',
      '10', '0.0000015', '0.0000014', '0.0000016',
      '25', '0.0001', '0.0004', 'true', 'regression', 'p=0.000 ≤ α=0.05, +25% ≥ 5%', 'false', 'true',
      'wilcoxon-signed-rank', '10', '1.25', '1.2', '1.3', '0.004',
    ]);
    expect(rows[2]).toEqual([
      'example.com/m/pkg', 'Fresh, "quoted"\nname', 'B/op',
      '', '', '', '',
      '4', '128', '', '',
      '', '', '', 'false', 'new', 'no baseline', 'false', '',
      '', '', '', '', '', '',
    ]);
  });

  test('names with commas, quotes and newlines come back intact (RFC 4180 quoting)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.string()), { maxLength: 6 }), (cells) => {
        const rows = cells.map(([pkg, name, reason]) => ({ ...newBenchmark, package: pkg, name, reason }));
        const back = readCsv(toCsvReport({ ...report, rows }));
        expect(back.slice(1).map((r) => [r[0], r[1], r[16]])).toEqual(cells);
        expect(back.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('numbers are written so that they read back to the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (center) => {
        const rows = [{ ...newBenchmark, head: summary(3, center, NaN, NaN) }];
        const cell = readCsv(toCsvReport({ ...report, rows }))[1][8];
        expect(Number(cell)).toBe(center === 0 ? 0 : center); // -0 prints as 0
      }),
    );
  });
});
