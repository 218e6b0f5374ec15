export {
  compareResults,
  compareTable,
  higherIsBetter,
  rowKey,
  DEFAULT_GATED_UNITS,
  DEFAULT_THRESHOLD,
  DEFAULT_VALUE_UNITS,
  type CompareOptions,
  type DetailedCompareReport,
  type DetailedGeomean,
  type DetailedRow,
  type RowStats,
} from './compare.js';
export { SampleTable, type Side } from './samples.js';
