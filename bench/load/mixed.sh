#!/usr/bin/env bash
# Mixed load on 127.0.0.1: public reading (varied searches, task pages in HTML and JSON, Atom/RSS/JSON feeds,
# OAI-PMH) with wrk, beside a curator writer loop (create + publish over curl), while the service's RSS is
# sampled every 2 s. Then an overload phase with the per-client rate limit on and many connections, to show
# the excess answered with 429 quickly. Prints RESULT lines, the writer's counts and the RSS series.
# Usage: bench/load/mixed.sh   (DURATION=30 per mixed round, ROUNDS=2, CONNECTIONS=8, OVERLOAD_CONNECTIONS=64,
#                               OVERLOAD_DURATION=20, RATE=120 per minute, TASKS=3000, PORT=5098)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DURATION="${DURATION:-30}"
ROUNDS="${ROUNDS:-2}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-8}"
OVERLOAD_CONNECTIONS="${OVERLOAD_CONNECTIONS:-32}"
OVERLOAD_DURATION="${OVERLOAD_DURATION:-20}"
RATE="${RATE:-120}"
TASKS="${TASKS:-3000}"
PORT="${PORT:-5098}"
BASE="http://127.0.0.1:$PORT"
ADMIN_KEY="rk_load_bootstrap_admin_key_0123456789"

command -v wrk >/dev/null || { echo "wrk missing: installing the Debian package" >&2; (apt-get install -y wrk || sudo apt-get install -y wrk) >&2; }

# A host left on the port would answer the readiness probe and be measured instead of this build.
if curl -fsS -o /dev/null "$BASE/health/live" 2>/dev/null; then echo "$BASE already answers: stop that process or set PORT" >&2; exit 1; fi

DATA="$(mktemp -d -t registry-mixed-XXXXXX)"
HOST_PID=""; WRITER_PID=""; SAMPLER_PID=""; PROBE_PID=""
stop() { if [[ -n "$1" ]]; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi; }
cleanup() { stop "$WRITER_PID"; stop "$SAMPLER_PID"; stop "$HOST_PID"; rm -rf "$DATA"; }
trap cleanup EXIT

echo "== build (Release)" >&2
dotnet build "$ROOT/src/Registry.Api" -c Release -nologo -v quiet >&2
DLL="$ROOT/src/Registry.Api/bin/Release/net10.0/Registry.Api.dll"

start_host() { # seed?, anonymous limit per minute
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Registry__DataDirectory="$DATA/data" Registry__SeedDemoData="$1" Registry__DemoTaskCount="$TASKS" \
  Registry__Auth__BootstrapAdminKey="$ADMIN_KEY" \
  Registry__RateLimits__AnonymousPerMinute="$2" Registry__RateLimits__KeyPerMinute=0 \
    dotnet "$DLL" --urls "$BASE" >> "$DATA/host.log" 2>&1 &
  HOST_PID=$!
  for _ in $(seq 1 600); do curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null && return 0; sleep 1; done
  echo "host did not become ready" >&2; tail -50 "$DATA/host.log" >&2; exit 1
}

count() { curl -fsS "$BASE/api/v1/tasks?pageSize=1&select=id" | sed -E 's/.*"count":([0-9]+).*/\1/'; }
wait_indexed() { # wait until the published count holds still for 5 s
  local previous=-1 still=0 current
  for _ in $(seq 1 900); do
    current="$(count)"
    if [[ "$current" == "$previous" && "$current" -gt 0 ]]; then still=$((still + 1)); else still=0; fi
    (( still >= 5 )) && { echo "$current"; return 0; }
    previous="$current"; sleep 1
  done
  echo "$current"
}

rss_kb() { awk '/VmRSS/ { print $2 }' "/proc/$HOST_PID/status"; }
sample_rss() { while sleep 2; do echo "$(date +%s) $(rss_kb)"; done >> "$DATA/rss.txt"; }

writer() { # creates and publishes tasks until killed; one line per outcome
  local key="$1" i=0 id code
  while true; do
    i=$((i + 1)); code="ĐT-LOAD-$$-$i"
    sed "s/__CODE__/$code/; s/__N__/$i/" "$HERE/task.json" > "$DATA/body.json"
    id="$(curl -sS -o "$DATA/created.json" -w '%{http_code}' -H "X-Api-Key: $key" -H 'Content-Type: application/json' --data-binary @"$DATA/body.json" "$BASE/api/v1/tasks" || echo 000)"
    if [[ "$id" != 201 ]]; then echo "create $id" >> "$DATA/writer.txt"; continue; fi
    id="$(sed -E 's/.*"task":\{"id":"([^"]+)".*/\1/' "$DATA/created.json")"
    status="$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H "X-Api-Key: $key" "$BASE/api/v1/tasks/$id/publish" || echo 000)"
    echo "publish $status" >> "$DATA/writer.txt"
    sleep 0.1
  done
}

echo "== start host on $BASE, seeding $TASKS demo tasks" >&2
start_host true 0
echo "indexed: $(wait_indexed) published tasks" >&2
KEY="$(curl -fsS -H "X-Api-Key: $ADMIN_KEY" -H 'Content-Type: application/json' -d '{"name":"load-writer","role":"curator"}' "$BASE/api/v1/apikeys" | sed -E 's/.*"key":"([^"]+)".*/\1/')"
IDS="$(curl -fsS "$BASE/api/v1/tasks?pageSize=100&select=id" | grep -oE '"id":"[^"]+"' | sed -E 's/"id":"([^"]+)"/"\1"/' | paste -sd, -)"
{ echo "ids = {$IDS}"; cat "$HERE/mixed.lua"; } > "$DATA/mixed.lua"

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); RSS at start $(( $(rss_kb) / 1024 )) MB"
sample_rss & SAMPLER_PID=$!
writer "$KEY" & WRITER_PID=$!
for round in $(seq 1 "$ROUNDS"); do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency -s "$DATA/mixed.lua" "$BASE" 2>&1 \
    | awk -v name="mixed round $round (${CONNECTIONS} conns, writer on)" '/^RESULT/ { sub(/^RESULT/, ""); printf "%-44s%s\n", name, $0 }'
  echo "   RSS after round $round: $(( $(rss_kb) / 1024 )) MB"
done
stop "$WRITER_PID"; WRITER_PID=""
echo "writer: $(grep -c '^publish 200' "$DATA/writer.txt" || true) tasks created+published; other outcomes: $(grep -v '^publish 200' "$DATA/writer.txt" | sort | uniq -c | tr '\n' ';' || true)"
stop "$SAMPLER_PID"; SAMPLER_PID=""
echo "RSS series (MB, every 2 s): $(awk '{ printf "%d ", $2 / 1024 }' "$DATA/rss.txt")"

echo "== overload: anonymous limit $RATE/min per client, $OVERLOAD_CONNECTIONS connections"
stop "$HOST_PID"; HOST_PID=""
start_host false "$RATE"
probe() { # the time a refused request takes while wrk saturates the limit, once a second
  sleep 3
  for _ in $(seq 1 $((OVERLOAD_DURATION - 5))); do curl -sS -o /dev/null -w '%{http_code}:%{time_total}s ' "$BASE/api/v1/tasks?q=ch%C3%A8" || true; sleep 1; done
}
probe > "$DATA/probe.txt" & PROBE_PID=$!
wrk -t"$THREADS" -c"$OVERLOAD_CONNECTIONS" -d"${OVERLOAD_DURATION}s" --timeout 30s --latency -s "$DATA/mixed.lua" "$BASE" 2>&1 \
  | awk -v name="overload (${OVERLOAD_CONNECTIONS} conns, limit on)" '/^RESULT/ { sub(/^RESULT/, ""); printf "%-44s%s\n", name, $0 }'
echo "   RSS after overload: $(( $(rss_kb) / 1024 )) MB"
wait "$PROBE_PID" || true
echo "   probe during overload (status:seconds): $(cat "$DATA/probe.txt")"
grep -E ' (fail|crit)' "$DATA/host.log" | head -5 || true
