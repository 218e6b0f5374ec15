/**
 * Errors that say where they happened. Every parser returns or throws one of these,
 * never a bare exception: the user must learn which file, which line or byte, and what was expected.
 */
export class BenchgateError extends Error {
  constructor(
    message: string,
    /** A short machine-readable kind, e.g. 'bench-format', 'pprof', 'diff', 'go-source', 'usage'. */
    readonly code: string,
    /** Where it happened, when a file is involved. */
    readonly where: Where = {},
  ) {
    super(formatWhere(where) + message);
    this.name = 'BenchgateError';
  }
}

export interface Where {
  file?: string;
  /** 1-based line number. */
  line?: number;
  /** 0-based byte offset. */
  offset?: number;
}

export function formatWhere(where: Where): string {
  if (!where.file && where.line === undefined && where.offset === undefined) return '';
  let s = where.file ?? '<input>';
  if (where.line !== undefined) s += `:${where.line}`;
  if (where.offset !== undefined) s += ` (byte ${where.offset})`;
  return s + ': ';
}

/** A problem that does not stop the work; carried to the report as data, like benchstat's footnotes. */
export interface Warning {
  message: string;
  where?: Where;
}

export function warningText(w: Warning): string {
  return (w.where ? formatWhere(w.where) : '') + w.message;
}
