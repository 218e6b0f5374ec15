/**
 * Which of a PR's commits made the change: bisection over its first-parent commits, each step
 * judged by a paired measurement of that commit against the merge base. Pure: the measurements
 * come in through `record`.
 *
 * Commits are numbered 1…n, oldest first; 0 is the merge base (the change is absent there, by
 * definition) and n the PR's head (present: it is the change being explained). The search keeps
 * the last commit known to be without the change (`lo`) and the first known to have it (`hi`) and
 * measures the middle, so n commits need ⌈log₂ n⌉ steps. It assumes the change, once in, stays
 * in; a PR that makes a benchmark slower and then partly undoes it is reported at the first commit
 * where the slowdown is present, which is what a reviewer wants to read first.
 *
 * A step counts the change as **present** at commit k when commit k against the merge base is
 * significantly slower (or faster, for an improvement: the PR's direction), p ≤ α, and by at least
 * half of the PR's change on the log scale: ln(r_k) ≥ ½ ln(r_pr). Half, so that a PR whose change
 * came in two steps names the commit that brought most of it; significance, so that noise at an
 * early commit is not mistaken for the change.
 */
import type { PairedRatio } from './share.js';

export const PRESENT_SHARE = 0.5;

export function stepPresent(prRatio: number, step: PairedRatio, alpha: number): boolean {
  const whole = Math.log(prRatio);
  if (!Number.isFinite(whole) || whole === 0 || !(step.ratio > 0)) return false;
  return step.p <= alpha && Math.log(step.ratio) / whole >= PRESENT_SHARE;
}

export class Bisection {
  /** The last commit known to be without the change (0 = the merge base). */
  private lo = 0;
  /** The first commit known to have it (n = the head). */
  private hi: number;

  constructor(readonly of: number) {
    if (!Number.isInteger(of) || of < 1) throw new RangeError(`bisection needs at least one commit, got ${of}`);
    this.hi = of;
  }

  /** The commit to measure next (1-based), or null when the answer is known. */
  next(): number | null {
    return this.hi - this.lo > 1 ? Math.floor((this.lo + this.hi) / 2) : null;
  }

  record(index: number, present: boolean): void {
    if (index <= this.lo || index >= this.hi) throw new RangeError(`commit ${index} is outside the open range (${this.lo}, ${this.hi})`);
    if (present) this.hi = index;
    else this.lo = index;
  }

  /** The first commit with the change, once next() is null. */
  result(): number {
    if (this.next() !== null) throw new Error('bisection not finished');
    return this.hi;
  }
}
