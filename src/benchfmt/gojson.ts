/**
 * `go test -json` streams. The benchmark text arrives in `output` events, one package's test
 * binary at a time but possibly interleaved with other packages, and one result line is often cut
 * across two events. So the Output of each package is joined in order and read as its own stream;
 * a line's position is the JSON line where it began.
 */

import type { ParsedBench } from './types.js';
import { BenchReader } from './reader.js';

interface PackageStream {
  lines: { text: string; lineNo: number }[];
  partial: string;
  /** JSON line where `partial` began. */
  partialLine: number;
}

export function parseGoTestJson(text: string, file: string): ParsedBench {
  const reader = new BenchReader(file);
  readGoTestJson(reader, text);
  return reader.finish();
}

/** Feeds a `go test -json` stream to `reader` (which may have its own ResultSink). */
export function readGoTestJson(reader: BenchReader, text: string): void {
  const streams = new Map<string, PackageStream>();
  let start = 0;
  let lineNo = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    const raw = text.slice(start, end);
    start = end + 1;
    if (raw.trim() === '') continue;
    const event = parseEvent(raw);
    if (typeof event === 'string') {
      reader.warnAt(`not a go test -json event: ${event}`, lineNo);
      continue;
    }
    if (event.Action === 'output' && typeof event.Output === 'string') {
      const pkg = typeof event.Package === 'string' ? event.Package : '';
      let stream = streams.get(pkg);
      if (!stream) {
        stream = { lines: [], partial: '', partialLine: lineNo };
        streams.set(pkg, stream);
      }
      append(stream, event.Output, lineNo);
    } else if (event.Action === 'build-output' && typeof event.Output === 'string') {
      // "example.com/m [example.com/m.test]": the package is the first word.
      const importPath = typeof event.ImportPath === 'string' ? event.ImportPath.split(' ')[0] : '';
      const line = event.Output.replace(/\r?\n$/, '');
      if (line.trim() !== '' && !line.startsWith('# ')) reader.addBuildOutput(importPath, line.trim());
    }
  }
  for (const [pkg, stream] of streams) {
    reader.startStream(pkg ? { pkg } : {});
    for (const line of stream.lines) reader.line(line.text, line.lineNo);
    if (stream.partial !== '') reader.line(stream.partial, stream.partialLine);
  }
}

function append(stream: PackageStream, output: string, lineNo: number): void {
  let start = 0;
  for (;;) {
    if (stream.partial === '') stream.partialLine = lineNo;
    const nl = output.indexOf('\n', start);
    if (nl < 0) {
      stream.partial += output.slice(start);
      return;
    }
    stream.lines.push({ text: stream.partial + output.slice(start, nl), lineNo: stream.partialLine });
    stream.partial = '';
    start = nl + 1;
  }
}

type GoTestEvent = Record<string, unknown>;

/** The event, or why the line is not one. */
function parseEvent(raw: string): GoTestEvent | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return e instanceof Error ? e.message : 'invalid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  if (typeof (value as GoTestEvent).Action !== 'string') return 'expected an "Action" field';
  return value as GoTestEvent;
}
