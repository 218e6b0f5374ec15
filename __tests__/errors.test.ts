import { BenchgateError } from '../src/errors.js';

test('errors name the file and line', () => {
  const e = new BenchgateError('bad line', 'bench-format', { file: 'a.txt', line: 3 });
  expect(e.message).toBe('a.txt:3: bad line');
  expect(e.code).toBe('bench-format');
});
