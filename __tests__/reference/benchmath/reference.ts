/**
 * Test helpers around the Go reference program in this directory: build it once, feed it
 * sample sets, get back benchmath's answers. Also a seeded PRNG for the generated suites.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../helpers/tools.js';

export interface RefCase {
  a: number[];
  b: number[];
  confidence: number;
  alpha: number;
}

export interface RefSummary {
  center: number;
  lo: number;
  hi: number;
  warnings: string[];
}

export interface RefComparison {
  p: number;
  alpha: number;
  n1: number;
  n2: number;
  warnings: string[];
}

export interface RefAssumption {
  a: RefSummary;
  b: RefSummary;
  cmp: RefComparison;
}

export interface RefOutput {
  cases: { nothing: RefAssumption; exact: RefAssumption }[];
  geomeans: number[];
  cis: { lo: number; hi: number }[];
  lgammas: number[];
}

/** Builds the reference into a fresh temp dir; returns the binary's path. */
export function buildReference(): string {
  const dir = mkdtempSync(join(tmpdir(), 'benchgate-benchmath-'));
  const bin = join(dir, 'benchmath');
  execFileSync('go', ['build', '-o', bin, '.'], {
    cwd: join(ROOT, '__tests__', 'reference', 'benchmath'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return bin;
}

/** Go's strconv 'g' output → number ("+Inf" and "-Inf" included). */
function num(s: string): number {
  if (s === '+Inf') return Infinity;
  if (s === '-Inf') return -Infinity;
  return Number(s);
}

interface RawSummary {
  Center: string;
  Lo: string;
  Hi: string;
  Warnings: string[];
}
interface RawAssumption {
  a: RawSummary;
  b: RawSummary;
  cmp: { P: string; Alpha: string; N1: number; N2: number; Warnings: string[] };
}

function summary(r: RawSummary): RefSummary {
  return { center: num(r.Center), lo: num(r.Lo), hi: num(r.Hi), warnings: r.Warnings };
}

function assumption(r: RawAssumption): RefAssumption {
  return {
    a: summary(r.a),
    b: summary(r.b),
    cmp: { p: num(r.cmp.P), alpha: num(r.cmp.Alpha), n1: r.cmp.N1, n2: r.cmp.N2, warnings: r.cmp.Warnings },
  };
}

export function runReference(
  bin: string,
  input: { cases?: RefCase[]; geomeans?: number[][]; cis?: { n: number; confidence: number }[]; lgammas?: number[] },
): Promise<RefOutput> {
  return new Promise((resolve, reject) => {
    const child = execFile(bin, [], { maxBuffer: 1 << 28 }, (err, stdout) => {
      if (err) return reject(err);
      const raw = JSON.parse(stdout) as {
        cases: { nothing: RawAssumption; exact: RawAssumption }[];
        geomeans: string[];
        cis: { Lo: number; Hi: number }[];
        lgammas: string[];
      };
      resolve({
        cases: raw.cases.map((c) => ({ nothing: assumption(c.nothing), exact: assumption(c.exact) })),
        geomeans: raw.geomeans.map(num),
        cis: raw.cis.map((c) => ({ lo: c.Lo, hi: c.Hi })),
        lgammas: raw.lgammas.map(num),
      });
    });
    child.stdin!.end(JSON.stringify({ cases: [], geomeans: [], cis: [], lgammas: [], ...input }));
  });
}

/** mulberry32: a tiny seeded PRNG, so a failing generated case can be replayed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** |a − b| ≤ rel·|b|, with equality for infinities and NaN matching NaN. */
export function close(a: number, b: number, rel: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= rel * Math.abs(b);
}
