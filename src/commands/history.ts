/**
 * `benchgate history --out page.html DIR...`: the trend page of stored baselines (each DIR one
 * run, oldest first; or one DIR whose history.json carries the runs before it), with step changes
 * in the history named on stdout and marked on the page.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { allSeries } from '../history/history.js';
import { renderHistoryPage } from '../history/render.js';
import { historyFromDirs } from '../history/store.js';
import { DEFAULT_STEP_WINDOW, detectSteps } from '../history/trend.js';
import { formatFixed } from '../report/format.js';
import { DEFAULT_VERDICT, parseInteger, parseNumber, usageError } from '../settings.js';
import { EXIT_OK, parseFlags, reportError, str, type CommandOutput } from './common.js';
import { HISTORY_USAGE } from './usage.js';

export async function historyCommand(argv: string[], out: CommandOutput): Promise<number> {
  try {
    const { values, positionals } = parseFlags(argv, {
      out: { type: 'string' },
      window: { type: 'string' },
      alpha: { type: 'string' },
      threshold: { type: 'string' },
      title: { type: 'string' },
    });
    const outArg = str(values, 'out');
    if (!outArg) throw usageError('--out <page.html> is required');
    if (positionals.length === 0) throw usageError('name at least one baseline directory');
    const window = parseInteger('--window', str(values, 'window') ?? String(DEFAULT_STEP_WINDOW), 2, 1000);
    const alpha = parseNumber('--alpha', str(values, 'alpha') ?? String(DEFAULT_VERDICT.alpha), 1e-9, 0.5);
    const threshold = parseNumber('--threshold', str(values, 'threshold') ?? String(DEFAULT_VERDICT.threshold), 0, 10000);
    const { history, notes } = await historyFromDirs(positionals.map((d) => resolve(d)));
    for (const n of notes) out.stderr(`benchgate: note: ${n}\n`);
    const steps = detectSteps(history, { window, alpha, threshold });
    const page = renderHistoryPage(history, { title: str(values, 'title'), steps, stepWindow: window });
    const file = resolve(outArg);
    await mkdir(dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    await writeFile(tmp, page);
    await rename(tmp, file);
    const benchmarks = new Set(allSeries(history).map((s) => `${s.pkg}\u0000${s.name}`)).size;
    out.stdout(`benchgate: wrote ${file}: ${history.entries.length} run(s), ${benchmarks} benchmark(s)\n`);
    for (const s of steps) {
      const d = `${s.deltaPercent >= 0 ? '+' : '-'}${formatFixed(Math.abs(s.deltaPercent), 1)}%`;
      out.stdout(`step: ${s.pkg} ${s.name} ${s.unit} ${d} (${s.worse ? 'worse' : 'better'}, p=${formatFixed(s.p, 3)}) after ${s.fromCommit.slice(0, 7) || '?'}\n`);
    }
    return EXIT_OK;
  } catch (e) {
    return reportError(e, 'history', HISTORY_USAGE, out);
  }
}
