/** Choosing which value of each sample to read, by the rules of pprof's `-sample_index`. */
import { BenchgateError } from '../errors.js';
import type { Profile } from './model.js';

/**
 * `name` may be a sample type (`cpu`, `alloc_space`…), a number, or empty for pprof's
 * default: `default_sample_type` when the profile names one, else the last sample type.
 * Like pprof, `inuse_space` also finds a legacy type called `space`.
 */
export function sampleIndexByName(p: Profile, name: string | number | undefined, file?: string): number {
  const types = p.sampleType.map((t) => t.type);
  if (name === undefined || name === '') {
    const i = p.defaultSampleType ? types.indexOf(p.defaultSampleType) : -1;
    return i >= 0 ? i : types.length - 1;
  }
  const asNumber = typeof name === 'number' ? name : /^\d+$/.test(name) ? Number(name) : NaN;
  if (!Number.isNaN(asNumber)) {
    if (asNumber >= 0 && asNumber < types.length) return asNumber;
    throw new BenchgateError(`sample index ${asNumber} is outside [0..${types.length - 1}]`, 'pprof', { file });
  }
  const legacy = String(name).replace(/^inuse_/, '');
  const i = types.findIndex((t) => t === name || t === legacy);
  if (i >= 0) return i;
  throw new BenchgateError(`sample type "${name}" is not in the profile; it has: ${types.join(', ') || 'none'}`, 'pprof', { file });
}
