// Types for the tests that import bench/lib/host-noise-stats.mjs (the bench scripts are plain ESM).
export function quantile(xs: number[], p: number): number;
export function mean(xs: number[]): number;
export function sd(xs: number[]): number;
export function robustSd(xs: number[]): number;
export function autocorrelation(xs: number[], lag?: number): number;
export function correlation(xs: number[], ys: number[]): number;
export function logRatios(a: number[], b: number[]): number[];
export function consecutivePairs(xs: number[]): number[];
export function halfWidthAt(sdLog: number, n: number, z?: number): number;
export function pairsNeeded(sdLog: number, halfWidth?: number, z?: number): number;
export function pairsToDetect(sdLog: number, opts?: { plant?: number; threshold?: number; zPower?: number; z?: number }): number;
export interface Spread {
  median: number;
  p90: number;
  max: number;
}
export function slowModes(
  ns: number[],
  opts?: { slowFactor?: number; spikeFactor?: number; smooth?: number },
): {
  calls: number;
  fast: number;
  slow: number;
  slowShare: number;
  spikeShare: number;
  runs: number;
  inRunsShare: number;
  runCalls: Spread;
  runMs: Spread;
};
export function betweenRuns(runs: number[][]): {
  within: number;
  centers: number[];
  between: number;
  expected: number;
  range: [number, number];
};
export function modeAgreement(
  a: number[],
  b: number[],
  pairs: number[],
  slowAt: number,
): { windows: number; same: number; bothSlow: number; oneSlow: number };
export function parseNsPerOp(text: string): number[];
