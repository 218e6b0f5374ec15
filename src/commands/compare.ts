/**
 * `benchgate compare <base-file> <head-file>`: benchstat's job for outputs saved earlier, with
 * benchgate's verdicts.
 */
import { readBenchFile } from '../benchfmt/index.js';
import { compareTable } from '../compare/compare.js';
import { SampleTable } from '../compare/samples.js';
import { warningText } from '../errors.js';
import { evaluateGate } from '../compare/gate.js';
import { compareOptions, usageError } from '../settings.js';
import {
  EXIT_OK,
  EXIT_REGRESSION,
  VERDICT_OPTIONS,
  failOnFrom,
  formatFrom,
  parseFlags,
  render,
  reportError,
  verdictFrom,
  type CommandOutput,
} from './common.js';

export const COMPARE_USAGE =
  'usage: benchgate compare <base-file> <head-file> [--format text|markdown|json|csv] [--alpha 0.05] ' +
  '[--confidence 0.95] [--threshold 4] [--no-fdr] [--gate-metrics sec/op,B/op,allocs/op] [--fail-on regression|regression-or-noisy|none]';

export async function compareCommand(argv: string[], out: CommandOutput): Promise<number> {
  try {
    const { values, positionals } = parseFlags(argv, VERDICT_OPTIONS);
    if (positionals.length !== 2) throw usageError(`expected two files, got ${positionals.length}`);
    const verdict = verdictFrom(values);
    const format = formatFrom(values);
    const failOn = failOnFrom(values);
    // Straight into one table of samples, base first (the order rows are listed in): no object
    // per result line, and one file's text in memory a chunk at a time.
    const table = new SampleTable();
    const base = await readBenchFile(positionals[0], table.sink('base'));
    const head = await readBenchFile(positionals[1], table.sink('head'));
    const report = compareTable(table, compareOptions(verdict, { ...base.units, ...head.units }));
    report.warnings.push(...[...base.warnings, ...head.warnings].map((w) => ({ kind: 'input' as const, message: warningText(w) })));
    const gate = evaluateGate(report, { failOn, gateUnits: verdict.gateUnits, failOnUnconfirmed: false });
    out.stdout(render(report, format, { gate, baseline: { source: 'files', ref: positionals[0] } }));
    return gate.failed ? EXIT_REGRESSION : EXIT_OK;
  } catch (e) {
    return reportError(e, 'compare', COMPARE_USAGE, out);
  }
}
