/**
 * Sums profiles of the same kind into one (e.g. one package's CPU profile written once
 * per round). Like pprof's Merge: functions, mappings and locations that are the same are
 * kept once, and samples with the same stack and labels are added together.
 */
import { BenchgateError } from '../errors.js';
import type { Line, Location, Mapping, ProfFunction, Profile, Sample } from './model.js';

const typeText = (p: Profile) => p.sampleType.map((t) => `${t.type}/${t.unit}`).join(',');

export function mergeProfiles(profiles: Profile[]): Profile {
  if (profiles.length === 0) throw new BenchgateError('no profiles to merge', 'pprof');
  const first = profiles[0];
  for (const p of profiles.slice(1)) {
    if (typeText(p) !== typeText(first)) {
      throw new BenchgateError(`cannot merge profiles of different sample types: [${typeText(first)}] and [${typeText(p)}]`, 'pprof');
    }
  }

  const mappings = new Map<string, Mapping>();
  const functions = new Map<string, ProfFunction>();
  const locations = new Map<string, Location>();
  const samples = new Map<string, Sample>();
  const out: Profile = {
    sampleType: first.sampleType.map((t) => ({ ...t })),
    defaultSampleType: first.defaultSampleType,
    sample: [],
    mapping: [],
    location: [],
    function: [],
    dropFrames: first.dropFrames,
    keepFrames: first.keepFrames,
    timeNanos: 0,
    durationNanos: 0,
    periodType: { ...first.periodType },
    period: 0,
    comments: [],
    docUrl: first.docUrl,
  };

  for (const p of profiles) {
    if (p.timeNanos !== 0 && (out.timeNanos === 0 || p.timeNanos < out.timeNanos)) out.timeNanos = p.timeNanos;
    out.durationNanos += p.durationNanos;
    out.period = Math.max(out.period, p.period);
    for (const c of p.comments) if (!out.comments.includes(c)) out.comments.push(c);

    const mapOf = new Map<Mapping, Mapping>();
    for (const m of p.mapping) {
      const key = [m.file, m.buildId, m.memoryStart, m.memoryLimit, m.fileOffset].join('\u0000');
      let merged = mappings.get(key);
      if (!merged) {
        merged = { ...m, id: out.mapping.length + 1 };
        mappings.set(key, merged);
        out.mapping.push(merged);
      }
      mapOf.set(m, merged);
    }
    const fnOf = new Map<ProfFunction, ProfFunction>();
    for (const f of p.function) {
      const key = [f.name, f.systemName, f.filename, f.startLine].join('\u0000');
      let merged = functions.get(key);
      if (!merged) {
        merged = { ...f, id: out.function.length + 1 };
        functions.set(key, merged);
        out.function.push(merged);
      }
      fnOf.set(f, merged);
    }
    const locOf: Location[] = new Array(p.location.length);
    for (const l of p.location) {
      const mapping = l.mapping ? (mapOf.get(l.mapping) ?? null) : null;
      const line: Line[] = l.line.map((ln) => ({ function: fnOf.get(ln.function)!, line: ln.line, column: ln.column }));
      const key = [mapping?.id ?? 0, l.address, l.isFolded ? 1 : 0, ...line.flatMap((ln) => [ln.function.id, ln.line, ln.column])].join(',');
      let merged = locations.get(key);
      if (!merged) {
        merged = { index: out.location.length, id: out.location.length + 1, mapping, address: l.address, line, isFolded: l.isFolded };
        locations.set(key, merged);
        out.location.push(merged);
      }
      locOf[l.index] = merged;
    }
    for (const s of p.sample) {
      const location = s.location.map((l) => locOf[l.index]);
      const key = location.map((l) => l.id).join(',') + '|' + labelKey(s);
      const existing = samples.get(key);
      if (existing) {
        for (let i = 0; i < existing.value.length; i++) existing.value[i] += s.value[i];
        continue;
      }
      const merged: Sample = {
        location,
        value: s.value.slice(),
        label: s.label,
        numLabel: s.numLabel,
        numUnit: s.numUnit,
      };
      samples.set(key, merged);
      out.sample.push(merged);
    }
  }
  return out;
}

function labelKey(s: Sample): string {
  const parts: string[] = [];
  for (const k of Object.keys(s.label).sort()) parts.push(`${k}=${s.label[k].join('\u0001')}`);
  for (const k of Object.keys(s.numLabel).sort()) parts.push(`${k}#${s.numLabel[k].join('\u0001')}#${(s.numUnit[k] ?? []).join('\u0001')}`);
  return parts.join('\u0000');
}
