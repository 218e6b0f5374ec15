#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  readBenchFile
} from "./cli-chunk-KZ4WF3FL.js";
import {
  BASELINE_USAGE,
  EXIT_OK,
  EXIT_REGRESSION,
  EXIT_USAGE,
  HISTORY_USAGE,
  MERGE_USAGE,
  PROFILE_USAGE,
  RUN_USAGE,
  SampleTable,
  VERDICT_OPTIONS,
  compareOptions,
  compareTable,
  evaluateGate,
  failOnFrom,
  formatFrom,
  installInterruptHandlers,
  parseFlags,
  render,
  reportError,
  usageError,
  verdictFrom,
  warningText
} from "./cli-chunk-MK35M2OK.js";

// src/commands/compare.ts
var COMPARE_USAGE = "usage: benchgate compare <base-file> <head-file> [--format text|markdown|json|csv] [--alpha 0.05] [--confidence 0.95] [--threshold 4] [--no-fdr] [--gate-metrics sec/op,B/op,allocs/op] [--fail-on regression|regression-or-noisy|none]";
async function compareCommand(argv, out2) {
  try {
    const { values, positionals } = parseFlags(argv, VERDICT_OPTIONS);
    if (positionals.length !== 2) throw usageError(`expected two files, got ${positionals.length}`);
    const verdict = verdictFrom(values);
    const format = formatFrom(values);
    const failOn = failOnFrom(values);
    const table = new SampleTable();
    const base = await readBenchFile(positionals[0], table.sink("base"));
    const head = await readBenchFile(positionals[1], table.sink("head"));
    const report = compareTable(table, compareOptions(verdict, { ...base.units, ...head.units }));
    report.warnings.push(...[...base.warnings, ...head.warnings].map((w) => ({ kind: "input", message: warningText(w) })));
    const gate = evaluateGate(report, { failOn, gateUnits: verdict.gateUnits, failOnUnconfirmed: false });
    out2.stdout(render(report, format, { gate, baseline: { source: "files", ref: positionals[0] } }));
    return gate.failed ? EXIT_REGRESSION : EXIT_OK;
  } catch (e) {
    return reportError(e, "compare", COMPARE_USAGE, out2);
  }
}

// src/cli.ts
import { setFlagsFromString } from "node:v8";
var USAGE = [
  "usage: benchgate <command> [flags]",
  "",
  "commands:",
  "  compare   compare two saved benchmark outputs (like benchstat)",
  "  run       benchmark the base ref and the working tree here, compare and attribute",
  "  baseline  record a run (as the action does on main) into a directory",
  "  merge     join the parts of a run sharded with --shard i/n into one verdict (or one baseline)",
  "  profile   top functions of pprof profiles (like go tool pprof -top)",
  "  history   a page of trend charts from baselines (their history.json or several runs)",
  "",
  COMPARE_USAGE,
  RUN_USAGE,
  BASELINE_USAGE,
  MERGE_USAGE,
  PROFILE_USAGE,
  HISTORY_USAGE
].join("\n");
var SUBCOMMAND_USAGE = {
  compare: COMPARE_USAGE,
  run: RUN_USAGE,
  baseline: BASELINE_USAGE,
  merge: MERGE_USAGE,
  profile: PROFILE_USAGE,
  history: HISTORY_USAGE
};
function asksForHelp(args) {
  const end = args.indexOf("--");
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === "--help" || a === "-h");
}
async function main(argv, out2) {
  const [command, ...rest] = argv;
  const usage = Object.hasOwn(SUBCOMMAND_USAGE, command ?? "") ? SUBCOMMAND_USAGE[command] : void 0;
  if (usage && asksForHelp(rest)) {
    out2.stdout(usage + "\n");
    return 0;
  }
  if (command === "help" && rest.length > 0 && Object.hasOwn(SUBCOMMAND_USAGE, rest[0])) {
    out2.stdout(SUBCOMMAND_USAGE[rest[0]] + "\n");
    return 0;
  }
  switch (command) {
    case "compare":
      smallYoungGeneration();
      return compareCommand(rest, out2);
    case "run":
      return (await import("./cli-run-PNPUFDA6.js")).runCommand(rest, out2);
    case "baseline":
      return (await import("./cli-run-PNPUFDA6.js")).baselineCommand(rest, out2);
    case "merge":
      return (await import("./cli-merge-HYIDSFDV.js")).mergeCommand(rest, out2);
    case "profile":
      smallYoungGeneration();
      return (await import("./cli-profile-37FDEIYZ.js")).profileCommand(rest, out2);
    case "history":
      return (await import("./cli-history-3RG5PVAW.js")).historyCommand(rest, out2);
    case "help":
    case "--help":
    case "-h":
      out2.stdout(USAGE + "\n");
      return 0;
    default:
      out2.stderr((command ? `benchgate: unknown command "${command}"
` : "") + USAGE + "\n");
      return EXIT_USAGE;
  }
}
function smallYoungGeneration() {
  setFlagsFromString("--semi-space-growth-factor=1");
}
var out = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrTTY: process.stderr.isTTY ? process.stderr : void 0
};
installInterruptHandlers((line) => process.stderr.write(line));
main(process.argv.slice(2), out).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`benchgate: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}
`);
    process.exitCode = 3;
  }
);
export {
  main
};
