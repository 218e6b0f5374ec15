/**
 * Usage lines of the subcommands that the CLI loads only when they run (cli.ts), so that `--help`
 * can print them without loading the commands.
 */

export const RUN_USAGE =
  'usage: benchgate run --base <git-ref> [--head <git-ref>] [--baseline <dir>] [--packages ./...] [--bench <regex>] ' +
  '[--rounds N] [--min-rounds N] [--max-rounds N] [--benchtime T] [--cpu LIST] [--timeout D] [--go-test-flags "..."] [--format text|markdown|json|csv] ' +
  '[--out <dir>] [--duet auto|on|off] [--confirm auto|always|never] [--confirm-rounds N] [--confirm-budget D] [--causal auto|off] [--causal-budget D] [--no-diagnose] [--alpha A] [--threshold PCT] ' +
  '[--no-fdr] [--gate-metrics LIST] [--fail-on regression|regression-or-noisy|none] [--no-profiles] [--quiet]';

export const BASELINE_USAGE =
  'usage: benchgate baseline --out <dir> [--count N] [--packages ./...] [--bench <regex>] [--benchtime T] [--cpu LIST] ' +
  '[--timeout D] [--go-test-flags "..."] [--no-profiles] [--quiet]';

export const PROFILE_USAGE = 'usage: benchgate profile top <file>... [--sample-index <type>] [--focus <regex>] [--format text|json]';
