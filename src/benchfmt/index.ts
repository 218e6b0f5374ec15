/** Reading Go benchmark output: the text format of proposal 14313 and `go test -json` streams. */

export type { ParsedBench, ParsedBenchSummary, BenchFailure, ResultLine, ResultSink } from './types.js';
export { parseBenchText } from './text.js';
export { parseGoTestJson } from './gojson.js';
export { parseBench, looksLikeGoTestJson } from './parse.js';
export { decodeBenchBytes } from './decode.js';
export { parseBenchFile, readBenchFile, type ParseFileOptions } from './file.js';
export { tidyUnit, tidyUnitName } from './units.js';
export { parseGoFloat, parseGoInt } from './numbers.js';
