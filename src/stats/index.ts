/** benchstat's statistics (golang.org/x/perf/benchmath), reproduced number for number; and the paired test for paired samples. */
export { summarize, type Assumption, type SummarizeOptions } from './summary.js';
export { compareSamples, uTestSamplesNeeded, type SampleComparison } from './comparison.js';
export { mannWhitneyU, type UTestResult } from './mannwhitney.js';
export { medianCI, medianSorted, medianSamplesNeeded, type OrderInterval } from './median.js';
export { geomean, geomeanSummary, type CenterPair, type GeomeanSummary } from './geomean.js';
export { benjaminiHochberg } from './fdr.js';
export { erfc, normalCdf, normalInvCdf } from './normal.js';
export {
  signedRankTest,
  doubledAbsRanks,
  signedRankPairsNeeded,
  SIGNED_RANK_EXACT_LIMIT,
  type SignedRankResult,
  type SignedRankOptions,
  type SignedRankMethod,
  type AbsRanks,
} from './signedrank.js';
export { signedRankCounts, signedRankCountsNoTies } from './signeddist.js';
export { hodgesLehmann, walshAverages, pairsForInterval, type HodgesLehmannResult, type HodgesLehmannOptions } from './hodges-lehmann.js';
export { comparePairs, logRatios, type PairedComparison, type PairedOptions, type PairedMethod } from './paired.js';
