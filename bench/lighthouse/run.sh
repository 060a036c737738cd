#!/usr/bin/env bash
# Lighthouse 12.2.3 against the home, results and task pages of a running Registry host, with Debian's Chromium.
# Usage: bench/lighthouse/run.sh [base-url]      (default http://127.0.0.1:5080; start the host first)
# Lighthouse is installed into a temporary folder (LIGHTHOUSE_DIR, default /tmp/registry-lighthouse), never committed.
set -euo pipefail
base="${1:-http://127.0.0.1:5080}"
dir="${LIGHTHOUSE_DIR:-/tmp/registry-lighthouse}"
out="${LIGHTHOUSE_OUT:-$dir/reports}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
export PUPPETEER_SKIP_DOWNLOAD=1

if [ ! -x "$dir/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$dir"
  (cd "$dir" && npm install --no-audit --no-fund --silent lighthouse@12.2.3)
fi
mkdir -p "$out"

# A task id from the API (the first published task), and a realistic query typed without diacritics.
id="$(curl -fsS "$base/api/v1/tasks?pageSize=1" | sed -E 's/.*"results":\[\{"id":"([^"]+)".*/\1/')"
declare -A pages=([home]="/" [results]="/tasks?q=chuyen+doi+so" [task]="/tasks/$id")

for name in home results task; do
  for preset in mobile desktop; do
    flags=(--quiet --output=json --output-path="$out/$name-$preset.json"
      --only-categories=performance,accessibility,best-practices,seo
      "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking")
    [ "$preset" = desktop ] && flags+=(--preset=desktop)
    "$dir/node_modules/.bin/lighthouse" "$base${pages[$name]}" "${flags[@]}" || true
  done
done

# One line per page and preset: the four category scores (0–100) and what lost points.
node -e '
const fs = require("fs"), path = require("path");
for (const f of fs.readdirSync(process.argv[1]).filter(f => f.endsWith(".json")).sort()) {
  const r = JSON.parse(fs.readFileSync(path.join(process.argv[1], f)));
  const s = k => Math.round((r.categories[k]?.score ?? 0) * 100);
  const failed = Object.values(r.audits).filter(a => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual").map(a => a.id);
  console.log(`${f.replace(".json", "").padEnd(16)} performance ${s("performance")}  accessibility ${s("accessibility")}  best-practices ${s("best-practices")}  seo ${s("seo")}  LCP ${r.audits["largest-contentful-paint"].displayValue}  below 0.9: ${failed.join(", ") || "none"}`);
}' "$out"
