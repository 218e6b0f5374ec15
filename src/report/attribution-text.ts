/**
 * Attribution as indented plain-text lines, printed under the benchstat-like tables by
 * `benchgate run --format text`: the same facts as the markdown report's "likely cause" column and
 * its collapsed details.
 */
import { formatDelta } from '../attribute/quantity.js';
import type { AttributedFunction, CompareReport } from '../types.js';
import { formatFixed } from './format.js';
import { causalPhrase, commitPhrase } from './causal-text.js';
import { netPhrase, offsetDelta, shareText } from './offsets-text.js';

export function formatAttributionText(report: CompareReport, maxFunctions = 5): string {
  const out: string[] = [];
  for (const row of report.rows) {
    if ((row.verdict !== 'regression' && row.verdict !== 'improvement' && row.verdict !== 'unconfirmed') || !row.attribution) continue;
    const a = row.attribution;
    const delta = row.deltaPercent === null ? '' : ` ${row.deltaPercent >= 0 ? '+' : ''}${formatFixed(row.deltaPercent, 1)}%`;
    out.push(`${row.package} ${row.name} ${row.unit}${delta} ${row.verdict}:`);
    const offsets = a.offsets ?? [];
    const width = Math.max(0, ...[...a.functions.slice(0, maxFunctions), ...offsets].map((f) => f.function.length));
    const line = (f: AttributedFunction, delta: string, tail: string) => {
      const share = shareText(f.share);
      const where = f.changed
        ? `  changed in this PR: ${f.file} L${f.startLine}–${f.endLine}` +
          (f.commits.length ? ` (${f.commits.slice(0, 3).map((c) => `${c.sha.slice(0, 7)} ${c.subject}`).join('; ')})` : '')
        : '';
      out.push(`    ${f.function.padEnd(width)}  ${delta.padStart(12)}  ${share.padStart(4)}${where}${tail}`);
    };
    for (const f of a.functions.slice(0, maxFunctions)) {
      const causal = causalPhrase(f);
      line(f, Number.isFinite(f.delta) ? formatDelta(f.delta, row.unit) + '/op' : '?', causal ? ` — ${causal}` : '');
    }
    // Changed functions that moved against the row (src/attribute/attribute.ts), and the net.
    for (const f of offsets) line(f, Number.isFinite(f.delta) ? offsetDelta(f, row.unit) + '/op' : '?', ' — offsets: moved the other way');
    const net = netPhrase(a, row);
    if (net) out.push(`    ${net}`);
    const commit = commitPhrase(a, (s) => s);
    if (commit) out.push(`    ${commit}${a.commit && 'subject' in a.commit ? ` "${a.commit.subject}"` : ''}`);
    if (a.note) out.push(`    note: ${a.note}`);
  }
  return out.length ? '\nlikely causes (from CPU and memory profiles, per op):\n' + out.join('\n') + '\n' : '';
}
