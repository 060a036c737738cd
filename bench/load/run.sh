#!/usr/bin/env bash
# REST load benchmark: builds Release, starts the host on 127.0.0.1 over a temporary data directory seeded with
# the demo catalogue (11,000 tasks, ~10,400 published), waits until the index holds them, then runs wrk for
# DURATION seconds on: /health/live (ceiling), a task by id, searches with facets, and the CSV export (≥10,000 rows).
# Usage: bench/load/run.sh            (DURATION=30 THREADS=2 CONNECTIONS=16 PORT=5099 by default)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DURATION="${DURATION:-30}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
PORT="${PORT:-5099}"
TASKS="${TASKS:-11000}"
MIN_ROWS="${MIN_ROWS:-10000}"
BASE="http://127.0.0.1:$PORT"

if ! command -v wrk >/dev/null; then
  echo "wrk missing: installing the Debian package" >&2
  (apt-get install -y wrk || sudo apt-get install -y wrk) >&2
fi

DATA="$(mktemp -d -t registry-load-XXXXXX)"
HOST_PID=""
cleanup() {
  if [[ -n "$HOST_PID" ]]; then kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true; fi
  rm -rf "$DATA"
}
trap cleanup EXIT

echo "== build (Release)" >&2
dotnet build "$ROOT/src/Registry.Api" -c Release -nologo -v quiet >&2
DLL="$ROOT/src/Registry.Api/bin/Release/net10.0/Registry.Api.dll"

echo "== start host on $BASE (data: $DATA, $TASKS demo tasks)" >&2
ASPNETCORE_ENVIRONMENT=Production \
Logging__LogLevel__Default=Warning \
Registry__DataDirectory="$DATA" \
Registry__SeedDemoData=true \
Registry__DemoTaskCount="$TASKS" \
Registry__RateLimits__AnonymousPerMinute=0 \
Registry__RateLimits__KeyPerMinute=0 \
  dotnet "$DLL" --urls "$BASE" > "$DATA/host.log" 2>&1 &
HOST_PID=$!

wait_for() { # url, seconds
  for _ in $(seq 1 "$2"); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 1; done
  echo "timeout waiting for $1" >&2; cat "$DATA/host.log" >&2; exit 1
}
wait_for "$BASE/health/ready" 600

count() { curl -fsS "$BASE/api/v1/tasks?pageSize=1&select=id" | sed -E 's/.*"count":([0-9]+).*/\1/'; }
echo "== waiting until the index holds $MIN_ROWS tasks" >&2
for _ in $(seq 1 900); do
  current="$(count)"
  (( current >= MIN_ROWS )) && break
  sleep 2
done
(( current >= MIN_ROWS )) || { echo "index holds only $current tasks" >&2; exit 1; }
# The outbox indexer may still be catching up (and merging): wait until the count holds still for 5 s, so wrk
# does not measure the indexer's work.
previous=-1; still=0
for _ in $(seq 1 300); do
  current="$(count)"
  if [[ "$current" == "$previous" ]]; then still=$((still + 1)); else still=0; fi
  (( still >= 5 )) && break
  previous="$current"; sleep 1
done
echo "indexed: $current published tasks" >&2

ID="$(curl -fsS "$BASE/api/v1/tasks?pageSize=1&select=id" | sed -E 's/.*"results":\[\{"id":"([^"]+)".*/\1/')"
# JSON Lines has exactly one line per task (CSV cells may hold line breaks).
ROWS="$(curl -fsS "$BASE/api/v1/tasks/export.jsonl" | wc -l)"
echo "export: $ROWS rows" >&2

combined() { cat "$1" "$HERE/report.lua" > "$DATA/$(basename "$1")"; echo "$DATA/$(basename "$1")"; }
SEARCH_SCRIPT="$(combined "$HERE/search.lua")"

echo "== wrk: ${DURATION}s each, $THREADS threads; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
wrk_one() { # name, connections, url, [script]
  local script="${4:-$HERE/report.lua}"
  wrk -t"$THREADS" -c"$2" -d"${DURATION}s" --timeout 60s --latency -s "$script" "$3" 2>&1 | awk -v name="$1" '/^RESULT/ { sub(/^RESULT/, ""); printf "%-36s%s\n", name, $0 }'

}
wrk_one "GET /health/live"                "$CONNECTIONS" "$BASE/health/live"
wrk_one "GET /api/v1/tasks/{id}"           "$CONNECTIONS" "$BASE/api/v1/tasks/$ID"
wrk_one "search+facets (same URL, cached)" "$CONNECTIONS" "$BASE/api/v1/tasks?q=ch%C3%A8&facets=field,level,year"
wrk_one "search+facets (varied, engine)"   "$CONNECTIONS" "$BASE/api/v1/tasks" "$SEARCH_SCRIPT"
wrk_one "export.csv ($ROWS rows)"  2 "$BASE/api/v1/tasks/export.csv"
