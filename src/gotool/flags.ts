/**
 * Command lines for `go test` and for prebuilt test binaries, and the checks on user-supplied
 * flags. Pure: argument arrays out, no processes.
 */
import { BenchgateError } from '../errors.js';

/** The measurement settings shared by both ways of running. */
export interface BenchSettings {
  /** `-bench` pattern (package testing syntax). */
  bench: string;
  /** `-benchtime`, e.g. `20x` or `500ms`. */
  benchtime?: string;
  /** `-cpu` list, e.g. `1,4`. */
  cpu?: string;
  /** `-timeout` for the test binary, a Go duration. */
  timeout?: string;
  /**
   * Which profiles to capture: a list of kinds (`['cpu']`), or true/false for both/none
   * (default both; attribution needs them).
   */
  profiles?: boolean | readonly ProfileKind[];
}

export type ProfileKind = 'cpu' | 'mem';

/** Whether `profiles` asks for the `kind` profile. */
export function wantsProfile(profiles: BenchSettings['profiles'], kind: ProfileKind): boolean {
  return profiles === undefined || profiles === true || (Array.isArray(profiles) && profiles.includes(kind));
}

/** Flags benchgate sets itself; a user flag naming one would break profiles or output parsing. */
const RESERVED = new Set([
  'bench',
  'benchmem',
  'benchtime',
  'count',
  'cpu',
  'cpuprofile',
  'memprofile',
  'outputdir',
  'o',
  'c',
  'run',
  'json',
  'timeout',
  'exec',
  'list',
  'fuzz',
]);

/** `go test` test flags (as opposed to build flags) that take a value when written without `=`. */
const TEST_FLAGS_WITH_VALUE = new Set([
  'blockprofile',
  'blockprofilerate',
  'coverprofile',
  'fuzzminimizetime',
  'fuzztime',
  'memprofilerate',
  'mutexprofile',
  'mutexprofilefraction',
  'parallel',
  'shuffle',
  'skip',
  'trace',
]);
const TEST_BOOL_FLAGS = new Set(['failfast', 'fullpath', 'short', 'v']);
/** Build flags that take a value when written without `=` (the others are booleans). */
const BUILD_FLAGS_WITH_VALUE = new Set([
  'asmflags',
  'buildmode',
  'compiler',
  'covermode',
  'coverpkg',
  'gccgoflags',
  'gcflags',
  'installsuffix',
  'ldflags',
  'mod',
  'modfile',
  'overlay',
  'p',
  'pgo',
  'pkgdir',
  'tags',
  'toolexec',
  'vet',
  'C',
]);

function flagName(arg: string): string | null {
  const m = /^--?([^=]+)/.exec(arg);
  if (!m) return null;
  return m[1].replace(/^test\./, '');
}

/** Rejects user flags that would collide with the ones benchgate sets. */
export function checkExtraFlags(flags: readonly string[]): void {
  for (const arg of flags) {
    const name = flagName(arg);
    if (name !== null && RESERVED.has(name)) {
      throw new BenchgateError(
        `the extra go test flag ${JSON.stringify(arg)} is set by benchgate itself; use the matching benchgate setting instead`,
        'usage',
      );
    }
  }
}

/**
 * Splits user `go test` flags into build flags (for `go test -c`) and test-binary flags
 * (rewritten to their `-test.` form), for runs that build the binary once and run it many times.
 */
export function splitGoTestFlags(flags: readonly string[]): { build: string[]; test: string[] } {
  checkExtraFlags(flags);
  const build: string[] = [];
  const test: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    const arg = flags[i];
    const name = flagName(arg);
    if (name === null) {
      throw new BenchgateError(`unexpected argument ${JSON.stringify(arg)} among go test flags`, 'usage');
    }
    const hasValue = arg.includes('=');
    const isTest = TEST_FLAGS_WITH_VALUE.has(name) || TEST_BOOL_FLAGS.has(name);
    const takesNext = !hasValue && (TEST_FLAGS_WITH_VALUE.has(name) || BUILD_FLAGS_WITH_VALUE.has(name));
    const value = takesNext ? flags[++i] : undefined;
    if (takesNext && value === undefined) {
      throw new BenchgateError(`go test flag ${arg} needs a value`, 'usage');
    }
    if (isTest) {
      const rest = arg.replace(/^--?(test\.)?/, '');
      test.push(`-test.${rest}`, ...(value !== undefined ? [value] : []));
    } else {
      build.push(arg, ...(value !== undefined ? [value] : []));
    }
  }
  return { build, test };
}

/** `go test` arguments for one package, run in the package's directory (pattern `.`). */
export function goTestArgs(
  s: BenchSettings & {
    count: number;
    /** Profile paths; omitted when profiles are off. */
    cpuProfile?: string;
    memProfile?: string;
    outputDir: string;
    binary: string;
    extra?: readonly string[];
  },
): string[] {
  const args = ['test', '-run', '^$', '-bench', s.bench, '-benchmem', '-count', String(s.count)];
  if (s.benchtime) args.push('-benchtime', s.benchtime);
  if (s.cpu) args.push('-cpu', s.cpu);
  if (s.timeout) args.push('-timeout', s.timeout);
  args.push(...(s.extra ?? []));
  // -o keeps the test binary out of the user's tree; -outputdir must exist or profiles are lost.
  if (s.cpuProfile) args.push('-cpuprofile', s.cpuProfile);
  if (s.memProfile) args.push('-memprofile', s.memProfile);
  args.push('-outputdir', s.outputDir, '-o', s.binary, '.');
  return args;
}

/** Arguments for a prebuilt test binary: one sample per benchmark (`-test.count=1`). */
export function testBinaryArgs(
  s: BenchSettings & { cpuProfile?: string; memProfile?: string; extra?: readonly string[] },
): string[] {
  const args = ['-test.run=^$', `-test.bench=${s.bench}`, '-test.benchmem', '-test.count=1', '-test.paniconexit0'];
  if (s.benchtime) args.push(`-test.benchtime=${s.benchtime}`);
  if (s.cpu) args.push(`-test.cpu=${s.cpu}`);
  if (s.timeout) args.push(`-test.timeout=${s.timeout}`);
  args.push(...(s.extra ?? []));
  if (s.cpuProfile) args.push(`-test.cpuprofile=${s.cpuProfile}`);
  if (s.memProfile) args.push(`-test.memprofile=${s.memProfile}`);
  return args;
}

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds in a Go duration string such as `90s`, `1m30s`, `1.5h`, `250ms`. */
export function goDurationMs(s: string): number {
  const text = s.trim();
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  while (pos < text.length && (m = re.exec(text)) !== null) {
    total += parseFloat(m[1]) * UNIT_MS[m[2]];
    pos = re.lastIndex;
  }
  if (pos !== text.length || text === '') {
    throw new BenchgateError(`${JSON.stringify(s)} is not a Go duration (e.g. 90s, 2m30s, 250ms)`, 'usage');
  }
  return total;
}
