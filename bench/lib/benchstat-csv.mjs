// Reads `benchstat -format csv old new`: per package, one table per unit, whose "vs base" column is
// "~" when benchstat finds no significant difference and a signed percentage when it does.
// Only the two-file form is understood; anything else is an error that names the line.

/**
 * @param {string} text benchstat's CSV output
 * @returns {{pkg: string, name: string, unit: string, delta: number|null, significant: boolean, p: number|null}[]}
 */
export function parseBenchstatCsv(text, file = 'benchstat output') {
  const rows = [];
  let pkg = '';
  let unit = null;
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trimEnd();
    if (line === '') {
      unit = null;
      continue;
    }
    const config = /^(\w+): (.*)$/.exec(line);
    if (config && unit === null) {
      if (config[1] === 'pkg') pkg = config[2];
      continue;
    }
    const cells = line.split(',');
    if (cells[0] === '') {
      // Header lines: the first names the files, the second the unit (",sec/op,CI,sec/op,CI,vs base,P").
      if (cells[5] === 'vs base') unit = cells[1];
      continue;
    }
    if (unit === null) throw new Error(`${file}:${i + 1}: a result row before its unit header: ${line}`);
    if (cells.length !== 7) throw new Error(`${file}:${i + 1}: expected 7 CSV fields, got ${cells.length}: ${line}`);
    if (cells[0] === 'geomean') continue;
    const vs = cells[5];
    const p = /p=([0-9.]+)/.exec(cells[6]);
    const delta = /^([+-]?[0-9.]+)%$/.exec(vs);
    rows.push({
      pkg,
      name: cells[0],
      unit,
      delta: delta ? Number(delta[1]) : vs === '0.00%' ? 0 : null,
      // "~" = not significant, "?" = too few samples; anything else is benchstat's significant change.
      significant: vs !== '~' && vs !== '?' && vs !== '',
      p: p ? Number(p[1]) : null,
    });
  }
  return rows;
}
