// The CLI's entry: `benchgate`, bundled to dist/cli.js. Each subcommand lives in src/commands/.
// `run`, `baseline` and `profile` are imported when used: `compare` is often run on its own in a
// pipeline, and need not load git, go, attribution and pprof code first (the bundle splits there).
import { compareCommand, COMPARE_USAGE } from './commands/compare.js';
import { EXIT_USAGE, type CommandOutput } from './commands/common.js';
import { BASELINE_USAGE, HISTORY_USAGE, MERGE_USAGE, PROFILE_USAGE, RUN_USAGE } from './commands/usage.js';
import { setFlagsFromString } from 'node:v8';
import { installInterruptHandlers } from './interrupt.js';

const USAGE = [
  'usage: benchgate <command> [flags]',
  '',
  'commands:',
  '  compare   compare two saved benchmark outputs (like benchstat)',
  '  run       benchmark the base ref and the working tree here, compare and attribute',
  '  baseline  record a run (as the action does on main) into a directory',
  '  merge     join the parts of a run sharded with --shard i/n into one verdict (or one baseline)',
  '  profile   top functions of pprof profiles (like go tool pprof -top)',
  '  history   a page of trend charts from baselines (their history.json or several runs)',
  '',
  COMPARE_USAGE,
  RUN_USAGE,
  BASELINE_USAGE,
  MERGE_USAGE,
  PROFILE_USAGE,
  HISTORY_USAGE,
].join('\n');

/** Each subcommand's usage, for its `--help` (printed without loading the command). */
const SUBCOMMAND_USAGE: Record<string, string> = {
  compare: COMPARE_USAGE,
  run: RUN_USAGE,
  baseline: BASELINE_USAGE,
  merge: MERGE_USAGE,
  profile: PROFILE_USAGE,
  history: HISTORY_USAGE,
};

/** `--help` or `-h` among a subcommand's arguments (before a `--`, after which all is positional). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export async function main(argv: string[], out: CommandOutput): Promise<number> {
  const [command, ...rest] = argv;
  // `benchgate run --help` and `benchgate help run` alike: the usage on stdout, and success.
  const usage = Object.hasOwn(SUBCOMMAND_USAGE, command ?? '') ? SUBCOMMAND_USAGE[command] : undefined;
  if (usage && asksForHelp(rest)) {
    out.stdout(usage + '\n');
    return 0;
  }
  if (command === 'help' && rest.length > 0 && Object.hasOwn(SUBCOMMAND_USAGE, rest[0])) {
    out.stdout(SUBCOMMAND_USAGE[rest[0]] + '\n');
    return 0;
  }
  switch (command) {
    case 'compare':
      smallYoungGeneration();
      return compareCommand(rest, out);
    case 'run':
      return (await import('./commands/run.js')).runCommand(rest, out);
    case 'baseline':
      return (await import('./commands/run.js')).baselineCommand(rest, out);
    case 'merge':
      return (await import('./commands/merge.js')).mergeCommand(rest, out);
    case 'profile':
      smallYoungGeneration();
      return (await import('./commands/profile.js')).profileCommand(rest, out);
    case 'history':
      return (await import('./commands/history.js')).historyCommand(rest, out);
    case 'help':
    case '--help':
    case '-h':
      out.stdout(USAGE + '\n');
      return 0;
    default:
      out.stderr((command ? `benchgate: unknown command "${command}"\n` : '') + USAGE + '\n');
      return EXIT_USAGE;
  }
}

/**
 * Keep V8's young generation at its initial size. Reading a large suite allocates short-lived
 * strings fast (each 64 KiB chunk of text), and V8 answers that by growing the young generation
 * to 2 × 16 MiB, which stays in the process's memory to the end: a third of `compare`'s peak on a
 * 400,000-line suite (116 → 87 MB, measured), for no gain in time (the scavenges stay cheap:
 * almost everything in them is dead). Decoding a profile is the same story. The flag is read whenever the heap considers growing, so
 * setting it here, after start-up, takes effect.
 */
function smallYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

const out: CommandOutput = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrTTY: process.stderr.isTTY ? process.stderr : undefined,
};
// Ctrl-C: end the benchmarks (in process groups of their own) and remove temporary worktrees.
installInterruptHandlers((line) => process.stderr.write(line));
main(process.argv.slice(2), out).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`benchgate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 3;
  },
);
