// Runs one child process (argument array, never a shell string) and times it. Benchmarks write a
// lot to stdout, so output is collected in full rather than through execFile's maxBuffer cap.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/**
 * @param {string} file
 * @param {string[]} args
 * @param {{cwd: string, env?: NodeJS.ProcessEnv, okCodes?: number[], timeoutMs?: number}} opts
 * @returns {Promise<{code: number, stdout: string, stderr: string, ms: number}>}
 */
export function runProcess(file, args, opts) {
  const okCodes = opts.okCodes ?? [0];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    // A hung benchmark must not hang the whole instrument.
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : null;
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      reject(new Error(`cannot start ${file}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const result = {
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: performance.now() - started,
      };
      if (signal || !okCodes.includes(result.code)) {
        const tail = result.stderr.trim().split('\n').slice(-15).join('\n');
        reject(new Error(`${[file, ...args].join(' ')} (in ${opts.cwd}) ${signal ? `killed by ${signal}` : `exited ${result.code}`}\n${tail}`));
        return;
      }
      resolve(result);
    });
  });
}
