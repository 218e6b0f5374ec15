/**
 * Headless Chromium (Debian's package, /usr/bin/chromium) for the flame graph's browser tests:
 * the page's DOM after its scripts ran, and a screenshot. Tests skip with a console note where it
 * is not installed (.ci/run installs it when it can).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** BENCHGATE_CHROMIUM points elsewhere (e.g. at nothing, to see the tests skip). */
export const CHROMIUM = process.env.BENCHGATE_CHROMIUM ?? '/usr/bin/chromium';

/** True when Chromium is there; otherwise says so once on the console, for the skipped tests. */
export function haveChromium(what: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  console.log(`${what}: skipped, ${CHROMIUM} is not installed (apt-get install chromium; .ci/run does it when it can)`);
  return false;
}

/**
 * The flags this machine needs (see the machine notes): no sandbox as root, no GPU, and none of
 * Chromium's own background connections, which a closed network refuses.
 */
function flags(profileDir: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--user-data-dir=${profileDir}`,
    '--window-size=1280,800',
  ];
}

function run(args: string[], file: string): string {
  const profileDir = mkdtempSync(join(tmpdir(), 'benchgate-chromium-'));
  try {
    const r = spawnSync(CHROMIUM, [...flags(profileDir), ...args, pathToFileURL(file).href], {
      encoding: 'utf8',
      timeout: 90_000,
      maxBuffer: 64 << 20,
    });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`chromium exited with ${r.status}: ${r.stderr.slice(-2000)}`);
    return r.stdout;
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/** The page's DOM after its scripts ran. */
export function dumpDom(file: string): string {
  return run(['--dump-dom'], file);
}

/** Saves a PNG of the page to `png`. */
export function screenshot(file: string, png: string): void {
  run([`--screenshot=${png}`], file);
  if (!existsSync(png)) throw new Error(`chromium wrote no screenshot to ${png}`);
}
