#!/usr/bin/env bash
# The published CLI works: `npm pack`, then `npm install -g <tarball>` into a fresh prefix from a
# fresh directory (nothing of this checkout on the way), then the installed `benchgate` runs
# `help` and compares two saved benchmark outputs. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# prepack bundles dist/ first, so the tarball holds the CLI of this tree.
tarball="$(npm pack --silent --pack-destination "$tmp" | tail -n 1)"
echo "packed $tarball:"
tar -tzf "$tmp/$tarball" | sed 's/^/  /'
if tar -tzf "$tmp/$tarball" | grep -Eq '^package/(src|__tests__|node_modules)/'; then
  echo "the package holds sources or tests: check \"files\" in package.json" >&2
  exit 1
fi
mkdir "$tmp/clean" "$tmp/prefix"
cd "$tmp/clean"
npm install --global --prefix "$tmp/prefix" --no-audit --no-fund "$tmp/$tarball"
bin="$tmp/prefix/bin/benchgate"
"$bin" help | head -n 1
cp "$root/__tests__/fixtures/benchfmt/alpha-beta.txt" old.txt
cp "$root/__tests__/fixtures/benchfmt/alpha-beta.txt" new.txt
"$bin" compare old.txt new.txt --format json > report.json
node -e 'const r = JSON.parse(require("fs").readFileSync("report.json", "utf8"));
if (r.schema !== 2 || r.rows.length === 0) { console.error("unexpected report"); process.exit(1); }
console.log(`installed benchgate compared ${r.rows.length} rows`);'
# Exit statuses as documented: 2 for a usage error.
set +e
"$bin" compare only-one.txt > /dev/null 2>&1
code=$?
set -e
if [ "$code" -ne 2 ]; then echo "expected exit 2 for a usage error, got $code" >&2; exit 1; fi
echo "npm pack: the installed benchgate works."
