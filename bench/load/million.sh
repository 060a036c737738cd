#!/usr/bin/env bash
# Search over HTTP at a million tasks (issue 17). Prepares, once, a host data directory holding TASKS published demo
# tasks (bench verb million-data: the store's batch write, resumable; kept under /work/bench-data/search and reused),
# starts the Release host on 127.0.0.1 over it (rate limits off; the host builds the search index from the store at
# its first start and reconciles it at every start, so the index is the service's own), waits until /health/ready,
# then sends the search-bench query mix and the real judged queries (bench verb http-search-bench: every request
# answered with the host's output cache off, one connection then CONCURRENCY) and prints p50/p95/p99 per class, the host's CPU ms
# per request and the load average.
# Usage: bench/load/million.sh     (TASKS=1000000 DATA=/work/bench-data/search/m1 ROUNDS=20 CONCURRENCY=4 PORT=5098)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
TASKS="${TASKS:-1000000}"
DATA="${DATA:-/work/bench-data/search/m1}"
ROUNDS="${ROUNDS:-20}"
CONCURRENCY="${CONCURRENCY:-4}"
PORT="${PORT:-5098}"
BASE="http://127.0.0.1:$PORT"
JUDGED="${JUDGED:-/work/shared/relevance/queries.json}"
[[ -f "$JUDGED" ]] || JUDGED="$ROOT/tests/Registry.Search.Tests/Relevance/Real/queries.json"

HOST_PID=""
cleanup() { if [[ -n "$HOST_PID" ]]; then kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

echo "== build (Release)" >&2
dotnet build "$ROOT/src/Registry.Api" -c Release -nologo -v quiet >&2
dotnet build "$ROOT/bench/Registry.Bench" -c Release -nologo -v quiet >&2
API="$ROOT/src/Registry.Api/bin/Release/net10.0/Registry.Api.dll"
BENCH="$ROOT/bench/Registry.Bench/bin/Release/net10.0/Registry.Bench.dll"

mkdir -p "$DATA"
echo "== data: $TASKS published tasks in $DATA (written once, then reused)" >&2
dotnet "$BENCH" million-data --data "$DATA" --count "$TASKS" | tee "$DATA/million-data.log" >&2
# Tasks written now (a first or a resumed run) are not in an index built before: the host rebuilds an empty one.
if grep -q '^written ' "$DATA/million-data.log" && [[ -d "$DATA/index" ]]; then
  echo "new tasks written: removing the old index so the host rebuilds it from the store" >&2
  rm -rf "$DATA/index"
fi

echo "== start host on $BASE" >&2
ASPNETCORE_ENVIRONMENT=Production \
Logging__LogLevel__Default=Warning \
Logging__LogLevel__Registry=Information \
Registry__DataDirectory="$DATA" \
Registry__SeedDemoData=false \
Registry__RateLimits__AnonymousPerMinute=0 \
Registry__RateLimits__KeyPerMinute=0 \
Registry__OutputCache__Enabled=false \
  dotnet "$API" --urls "$BASE" >> "$DATA/host.log" 2>&1 &
HOST_PID=$!

# The first start over a new data directory (or after an index layout change) rebuilds the index from the store:
# at a million tasks that takes minutes. Every start reconciles index and store before /health/ready says 200.
start=$SECONDS
until curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null; do
  kill -0 "$HOST_PID" 2>/dev/null || { echo "host exited; see $DATA/host.log" >&2; tail -20 "$DATA/host.log" >&2; exit 1; }
  (( SECONDS - start > 7200 )) && { echo "not ready after 2 h" >&2; exit 1; }
  sleep 5
done
echo "ready after $((SECONDS - start)) s" >&2
total="$(curl -fsS "$BASE/api/v1/tasks?pageSize=1" | grep -oE '"count":[0-9]+' | head -1 | cut -d: -f2)"
echo "index holds $total published tasks; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

dotnet "$BENCH" http-search-bench --base "$BASE" --rounds "$ROUNDS" --concurrency "$CONCURRENCY" --pid "$HOST_PID" --judged "$JUDGED"
