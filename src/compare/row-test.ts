/**
 * The statistical test a row's verdict rests on, as a value that names itself (golang/perf's
 * benchmath `Assumption` carries its `SummaryLabel` the same way): the comparison picks the test
 * once (`CompareRow.test`), and every report prints the label from here, so the words for a test
 * cannot drift between the comment's footer, the row's reason and the text report.
 */
import type { RowTest } from '../types.js';

const LABELS: Record<RowTest, string> = {
  'mann-whitney-u': 'two-sided Mann–Whitney U on the medians',
  'wilcoxon-signed-rank': 'Wilcoxon signed-rank on the pairs',
  'by-value': 'compared by value',
};

export function testLabel(test: RowTest): string {
  return LABELS[test];
}
