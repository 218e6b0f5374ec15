// Types for the tests that import bench/lib/vq-summary.mjs (the bench scripts are plain ESM).
export interface VqRow {
  pkg: string;
  name: string;
  unit: string;
  verdict: string;
  delta: number | null;
  p?: number | null;
  q?: number | null;
  significant?: boolean;
  noise?: number | null;
  exact?: boolean;
  n?: number | null;
  screen?: { verdict: string; reason?: string } | null;
  suspect?: boolean;
  test?: string | null;
  paired?: { n: number; ratio: number; lo: number; hi: number; p: number; lookP?: number[] | null } | null;
  pairs?: number | null;
  confirmed?: boolean | null;
  confirmation?: { pairs?: number | null; verdict: string } | null;
  firstFunction?: string | null;
}
export interface VqRecord {
  kind: string;
  trial: number;
  ms: number;
  percent?: number;
  baselineMs?: number;
  load?: number;
  sides?: { dir: string; processes: number; listings?: number; samples: number; pairing: string | null }[];
  rows?: VqRow[];
}
export interface VqSettings {
  threshold: number;
  alpha: number;
  plants: number[];
  rounds: number;
  trials?: number;
  benchtime?: string;
  maxRounds?: number;
  confirmRounds?: number;
  minRounds?: number;
  pairing?: string;
  hog?: number;
  hogCommand?: string;
  cli?: string;
  commit?: string | null;
}
export const GATED_UNITS: string[];
export const PLANTED_FUNCTION: string;
export const AFFECTED: RegExp;
export function isAffected(r: VqRow): boolean;
export function normalizeRow(r: VqRow, kind: string): VqRow;
export function normalizeRecords(records: VqRecord[]): VqRecord[];
export function isSuspect(r: VqRow): boolean;
export function isCleared(r: VqRow): boolean;
export function isCounted(r: VqRow): boolean;
export function isYellow(r: VqRow, threshold: number): boolean;
export function estimate(r: VqRow): number | null;
export function pairsOf(r: VqRow): number | null;
export function formatHeader(saved: { settings: VqSettings; machine?: { cpus?: number; loads?: number[] }; minutes?: number }): string;
export function summarize(records: VqRecord[], settings: VqSettings): { table: string[][]; whatIf: string[][]; figures: Record<string, number> };
export function formatTable(header: string[], rows: string[][]): string;
export function pct(x: number, digits?: number): string;
