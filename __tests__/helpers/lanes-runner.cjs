/**
 * A jest runner with two lanes. The suites that measure (they run Go benchmarks and judge their
 * timings, or hold a wall-clock limit) run one at a time in a worker of their own; every other
 * suite runs beside them in the remaining workers. Two measuring suites side by side would each
 * run their benchmarks on a machine the other one is loading, which is what made the planted
 * slowdowns of some tests look like noise; one at a time, each meets only the load of the
 * non-measuring suites (and of the machine). With the usual two workers the two lanes are about
 * equally long, so `npm test` takes about as long as with one shared pool.
 *
 * Which suites measure is listed in jest.config.js (`runnerOptions.measuring`, patterns matched
 * against the test file's path). With one worker (`--runInBand`, `-w 1`) everything runs in order.
 */
const { default: TestRunner, EmittingTestRunner } = require('jest-runner');

class LanesRunner extends EmittingTestRunner {
  #listeners = new Set();

  constructor(globalConfig, context, options = {}) {
    super(globalConfig, context, options);
    this.measuring = (options.measuring ?? []).map((p) => new RegExp(p));
  }

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
    const measuring = tests.filter((t) => this.measuring.some((p) => p.test(t.path)));
    const rest = tests.filter((t) => !measuring.includes(t));
    if (options.serial || workers < 2 || measuring.length === 0 || rest.length === 0) {
      return this.#lane(workers, tests, watcher, options.serial);
    }
    await Promise.all([this.#lane(1, measuring, watcher, false), this.#lane(workers - 1, rest, watcher, false)]);
  }
}

module.exports = LanesRunner;
