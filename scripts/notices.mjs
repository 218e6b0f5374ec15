// Third-party notices for the bundle: every package esbuild pulled into dist/, with its version,
// its license as package.json declares it, and the texts of its LICENSE/NOTICE files. The bundle
// drops the packages' own files, so their licenses (MIT, ISC, BSD, Apache-2.0: all ask that the
// notice travel with the code) travel in dist/licenses.txt instead. Written by scripts/bundle.mjs
// from esbuild's metafile, so it lists exactly what was bundled; CI checks it is fresh with dist/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LICENSE_FILE = /^(licen[cs]e|copying|notice)([.-].*)?$/i;

/** `node_modules/@scope/name/lib/x.js` → `node_modules/@scope/name` (the innermost package). */
export function packageRoot(input) {
  const i = input.lastIndexOf('node_modules/');
  if (i < 0) return null;
  const [first, second] = input.slice(i + 'node_modules/'.length).split('/');
  return input.slice(0, i) + 'node_modules/' + (first.startsWith('@') ? `${first}/${second}` : first);
}

function declaredLicense(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(' OR ');
  return 'UNKNOWN';
}

function personText(p) {
  if (!p) return '';
  if (typeof p === 'string') return p;
  return [p.name, p.email ? `<${p.email}>` : '', p.url ? `(${p.url})` : ''].filter(Boolean).join(' ');
}

/** A README's license section (a `License` heading, markdown or underlined, to the next heading). */
function licenseSection(text) {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const start = lines.findIndex(
    (l, i) => /^#+\s*licen[cs]e\b/i.test(l) || (/^licen[cs]e\s*$/i.test(l) && /^[=-]{3,}\s*$/.test(lines[i + 1] ?? '')),
  );
  if (start < 0) return '';
  const body = [];
  for (let i = start + 1; i < lines.length && body.length < 40; i++) {
    if (/^#+\s/.test(lines[i]) || (/^[=-]{3,}\s*$/.test(lines[i + 1] ?? '') && lines[i].trim() !== '')) break;
    if (!/^[=-]{3,}\s*$/.test(lines[i])) body.push(lines[i]);
  }
  return [lines[start].replace(/^#+\s*/, ''), ...body].join('\n').trim();
}

/** The notices text for an esbuild metafile (paths in it are relative to `cwd`). */
export function notices(metafile, cwd = process.cwd()) {
  const where = new Map();
  for (const [out, { inputs }] of Object.entries(metafile.outputs)) {
    if (out.endsWith('.map')) continue;
    for (const input of Object.keys(inputs)) {
      const root = packageRoot(input);
      if (!root) continue;
      if (!where.has(root)) where.set(root, new Set());
      where.get(root).add(out.replace(/\\/g, '/'));
    }
  }
  const entries = [...where.entries()].map(([root, outs]) => {
    const dir = join(cwd, root);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const files = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => LICENSE_FILE.test(f))
          .sort()
      : [];
    const readme = existsSync(dir) ? readdirSync(dir).find((f) => /^readme(\..*)?$/i.test(f)) : undefined;
    return {
      name: pkg.name ?? root,
      version: pkg.version ?? '',
      license: declaredLicense(pkg),
      author: personText(pkg.author),
      repository: typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? ''),
      outs: [...outs].sort(),
      dir,
      files,
      readmeLicense: readme ? licenseSection(readFileSync(join(dir, readme), 'utf8')) : '',
    };
  });
  // One entry per name and version (a package can sit in several node_modules folders).
  const seen = new Set();
  const unique = entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0))
    .filter((e) => !seen.has(`${e.name}@${e.version}`) && seen.add(`${e.name}@${e.version}`));

  const rule = '='.repeat(80);
  const parts = [
    'Third-party software bundled into the files of dist/ (scripts/bundle.mjs writes this file).',
    `${unique.length} packages, each with its version, its license as declared in its package.json, the`,
    'bundles it is part of, and the license and notice files it ships.',
    '',
  ];
  for (const e of unique) {
    parts.push(rule, `${e.name} ${e.version}`, `License: ${e.license}`, `In: ${e.outs.join(', ')}`, '');
    if (e.files.length === 0) {
      parts.push(`(The package ships no license file; its package.json declares ${e.license}.)`);
      if (e.author) parts.push(`Author: ${e.author}`);
      if (e.repository) parts.push(`Repository: ${e.repository}`);
      if (e.readmeLicense) parts.push('', 'From its README:', '', e.readmeLicense);
      parts.push('');
    }
    for (const f of e.files) {
      if (e.files.length > 1) parts.push(`--- ${f}`);
      parts.push(readFileSync(join(e.dir, f), 'utf8').replace(/\r\n/g, '\n').trimEnd(), '');
    }
  }
  return parts.join('\n') + '\n';
}
