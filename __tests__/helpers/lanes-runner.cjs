/**
 * A jest runner with two lanes. The suites that measure (they run Go benchmarks and judge their
 * timings, or hold a wall-clock limit) run one at a time in a worker of their own; every other
 * suite runs beside them in the remaining workers. Two measuring suites side by side would each
 * run their benchmarks on a machine the other one is loading, which is what made the planted
 * slowdowns of some tests look like noise; one at a time, each meets only the load of the
 * non-measuring suites (and of the machine). With the usual two workers the two lanes are about
 * equally long, so `npm test` takes about as long as with one shared pool.
 *
 * A suite that measures says so in its leading doc comment with the pragma `@lane measuring`.
 * With one worker (`--runInBand`, `-w 1`) everything runs in order, as without this runner.
 */
const { readFileSync } = require('node:fs');
const { default: TestRunner, EmittingTestRunner } = require('jest-runner');

/** Whether the file's leading doc comment carries `@lane measuring`. */
function measures(path) {
  const head = /^\s*\/\*\*[\s\S]*?\*\//.exec(readFileSync(path, 'utf8'));
  return head !== null && /^\s*\*\s*@lane\s+measuring\s*$/m.test(head[0]);
}

class LanesRunner extends EmittingTestRunner {
  #listeners = new Set();

  on(eventName, listener) {
    const entry = [eventName, listener];
    this.#listeners.add(entry);
    return () => this.#listeners.delete(entry);
  }

  #lane(maxWorkers, tests, watcher, serial) {
    const runner = new TestRunner({ ...this._globalConfig, maxWorkers }, this._context);
    for (const [eventName, listener] of this.#listeners) runner.on(eventName, listener);
    return runner.runTests(tests, watcher, { serial });
  }

  async runTests(tests, watcher, options) {
    const workers = this._globalConfig.maxWorkers;
    const measuring = tests.filter((t) => measures(t.path));
    const rest = tests.filter((t) => !measuring.includes(t));
    if (options.serial || workers < 2 || measuring.length === 0 || rest.length === 0) {
      return this.#lane(workers, tests, watcher, options.serial);
    }
    await Promise.all([this.#lane(1, measuring, watcher, false), this.#lane(workers - 1, rest, watcher, false)]);
  }
}

module.exports = LanesRunner;
