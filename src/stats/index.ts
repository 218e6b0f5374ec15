/** benchstat's statistics (golang.org/x/perf/benchmath), reproduced number for number. */
export { summarize, type Assumption, type SummarizeOptions } from './summary.js';
export { compareSamples, uTestSamplesNeeded, type SampleComparison } from './comparison.js';
export { mannWhitneyU, type UTestResult } from './mannwhitney.js';
export { medianCI, medianSorted, medianSamplesNeeded, type OrderInterval } from './median.js';
export { geomean, geomeanSummary, type CenterPair, type GeomeanSummary } from './geomean.js';
export { benjaminiHochberg } from './fdr.js';
export { erfc, normalCdf, normalInvCdf } from './normal.js';
