/**
 * Unit tidying, as golang.org/x/perf/benchunit does it, so that our numbers and unit names line up
 * with benchstat's: pre-scaled units in a numerator are rewritten to base units (`ns` → `sec`,
 * `MB` → `B`) and the value is rescaled. Denominators are left alone (`B/ns` stays `B/ns`).
 */

import { isGoSpace } from './text-scan.js';

export interface TidyRule {
  unit: string;
  factor: number;
}

// Units come from a small set per run; caching keeps a 200k-line parse from re-tokenizing them.
const cache = new Map<string, TidyRule>();

/** Rescale `value` from `unit` to its tidied unit. */
export function tidyUnit(value: number, unit: string): { value: number; unit: string } {
  const rule = tidyRule(unit);
  return { value: value * rule.factor, unit: rule.unit };
}

/** The tidied name of a unit (what `Unit` metadata lines are keyed by). */
export function tidyUnitName(unit: string): string {
  return tidyRule(unit).unit;
}

const NS_PER_OP: TidyRule = { unit: 'sec/op', factor: 1e-9 };
const MB_PER_S: TidyRule = { unit: 'B/s', factor: 1e6 };

/** How to tidy `unit`: the tidied name and the factor to multiply values by. */
export function tidyRule(unit: string): TidyRule {
  // The units the testing package prints, answered without parsing.
  if (unit === 'ns/op') return NS_PER_OP;
  if (unit === 'MB/s') return MB_PER_S;
  let rule = cache.get(unit);
  if (rule) return rule;
  if (!unit.includes('ns') && !unit.includes('MB')) {
    rule = { unit, factor: 1 };
  } else {
    rule = tidyRuleUncached(unit);
  }
  if (cache.size > 4096) cache.clear();
  cache.set(unit, rule);
  return rule;
}

/**
 * Tokens are separated by `*`, `/`, `-` and spaces; everything after a `/` (until a `*`) is the
 * denominator. Only whole tokens `ns` and `MB` in the numerator are rewritten, and the factor is
 * built with the same operations as benchunit so that values are bit-identical.
 */
function tidyRuleUncached(unit: string): TidyRule {
  let factor = 1;
  let denominator = false;
  let out = '';
  let i = 0;
  while (i < unit.length) {
    const c = unit[i];
    if (c === '*' || c === '/' || c === '-' || isGoSpace(unit.charCodeAt(i))) {
      if (c === '*') denominator = false;
      else if (c === '/') denominator = true;
      out += c;
      i++;
      continue;
    }
    let end = i;
    while (end < unit.length) {
      const d = unit[end];
      if (d === '*' || d === '/' || d === '-' || isGoSpace(unit.charCodeAt(end))) break;
      end++;
    }
    const token = unit.slice(i, end);
    if (!denominator && token === 'ns') {
      out += 'sec';
      factor /= 1e9;
    } else if (!denominator && token === 'MB') {
      out += 'B';
      factor *= 1e6;
    } else {
      out += token;
    }
    i = end;
  }
  return { unit: out, factor };
}
