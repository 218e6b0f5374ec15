/**
 * Usage lines of the subcommands that the CLI loads only when they run (cli.ts), so that `--help`
 * can print them without loading the commands.
 */

export const RUN_USAGE =
  'usage: benchgate run --base <git-ref> [--head <git-ref>] [--baseline <dir>] [--packages ./...] [--affected] [--bench <regex>] ' +
  '[--rounds N] [--min-rounds N] [--max-rounds N] [--benchtime T] [--cpu LIST] [--timeout D] [--go-test-flags "..."] [--format text|markdown|json|csv] ' +
  '[--out <dir>] [--duet auto|on|off] [--confirm auto|always|never] [--confirm-rounds N] [--confirm-budget D] [--causal auto|off] [--causal-budget D] [--no-diagnose] [--alpha A] [--confidence C] [--threshold PCT] ' +
  '[--no-fdr] [--gate-metrics LIST] [--fail-on regression|regression-or-noisy|none] [--no-profiles] [--shard i/n] [--quiet]';

export const BASELINE_USAGE =
  'usage: benchgate baseline --out <dir> [--count N] [--packages ./...] [--bench <regex>] [--benchtime T] [--cpu LIST] ' +
  '[--timeout D] [--go-test-flags "..."] [--no-profiles] [--previous <dir>] [--history-length N] [--shard i/n] [--quiet]';

export const HISTORY_USAGE = 'usage: benchgate history --out <page.html> [--window K] [--threshold PCT] [--alpha A] [--title T] <baseline-dir>...';

// The flags for what merge measures (the confirmation of suspects) are run's.
export const MERGE_USAGE =
  'usage: benchgate merge --out <dir> <part-dir>... [--base <git-ref>] [--head <git-ref>] [--confirm auto|always|never] [--confirm-rounds N] ' +
  '[--confirm-budget D] [--min-rounds N] [--duet auto|on|off] [--packages ./...] [--bench <regex>] [--benchtime T] [--cpu LIST] [--timeout D] ' +
  '[--go-test-flags "..."] [--no-profiles] [--format text|markdown|json|csv] [--alpha A] [--confidence C] [--threshold PCT] [--no-fdr] ' +
  '[--gate-metrics LIST] [--fail-on regression|regression-or-noisy|none] [--quiet]';

export const PROFILE_USAGE = 'usage: benchgate profile top <file>... [--sample-index <type>] [--focus <regex>] [--format text|json]';
