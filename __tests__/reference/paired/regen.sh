#!/usr/bin/env bash
# Regenerates golden.json, the reference answers __tests__/stats-paired.test.ts checks our paired
# statistics against. Needs R with exactRankTests (Debian: apt-get install r-base-core
# r-cran-exactranktests); the tests themselves read the committed JSON and never need R.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
Rscript --vanilla "$here/golden.R" > "$here/golden.json.tmp"
mv "$here/golden.json.tmp" "$here/golden.json"
echo "wrote $here/golden.json ($(grep -c '"kind"' "$here/golden.json") cases)"
