/**
 * Each subcommand's usage (its `--help`, and the README's synopsis copied from it) names exactly
 * the flags the subcommand accepts: a flag it takes but does not list is one a user cannot find,
 * and one it lists but refuses is a lie. Probed in-process with arguments that always end in a
 * usage error before any work starts (a required flag or argument missing, or a value out of range).
 */
import { compareCommand, COMPARE_USAGE } from '../src/commands/compare.js';
import type { CommandOutput } from '../src/commands/common.js';
import { historyCommand } from '../src/commands/history.js';
import { mergeCommand } from '../src/commands/merge.js';
import { baselineCommand, runCommand } from '../src/commands/run.js';
import { BASELINE_USAGE, HISTORY_USAGE, MERGE_USAGE, RUN_USAGE } from '../src/commands/usage.js';

type Command = (argv: string[], out: CommandOutput) => Promise<number>;

/** The command, its usage, and arguments appended to every probe that keep it from running. */
const COMMANDS: [string, Command, string, string[]][] = [
  ['compare', compareCommand, COMPARE_USAGE, []],
  ['run', runCommand, RUN_USAGE, ['--rounds', '0']],
  ['baseline', baselineCommand, BASELINE_USAGE, ['--count', '0']],
  ['merge', mergeCommand, MERGE_USAGE, []],
  ['history', historyCommand, HISTORY_USAGE, []],
];

function flagsOf(usage: string): Set<string> {
  return new Set([...usage.matchAll(/\[?(--[a-z][a-z-]*)/g)].map((m) => m[1]));
}

/** Every flag any usage names: the candidates each command is probed with. */
const CANDIDATES = [...new Set(COMMANDS.flatMap(([, , usage]) => [...flagsOf(usage)]))].sort();

async function accepts(command: Command, flag: string, tail: string[]): Promise<boolean> {
  let stderr = '';
  const out: CommandOutput = { stdout: () => undefined, stderr: (s) => void (stderr += s) };
  const code = await command([flag, 'x', ...tail], out);
  // A probe must stop at a usage error: anything else would mean it started real work.
  expect({ flag, code }).toEqual({ flag, code: 2 });
  return !stderr.includes('unknown flag');
}

test.each(COMMANDS)('benchgate %s: its usage lists exactly the flags it accepts', async (_name, command, usage, tail) => {
  const accepted: string[] = [];
  for (const flag of CANDIDATES) if (await accepts(command, flag, tail)) accepted.push(flag);
  expect(accepted).toEqual([...flagsOf(usage)].sort());
});
