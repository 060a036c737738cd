#!/usr/bin/env bash
# GraphQL vs REST: a 50-task page with organizations and outputs, measured with wrk against a Release build on
# 127.0.0.1. Usage: bench/graphql/run.sh [duration-seconds=15] [connections=16] [demo-tasks=1000]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-15}"; CONNECTIONS="${2:-16}"; TASKS="${3:-1000}"
PORT="${GRAPHQL_BENCH_PORT:-5791}"
WORK="$(mktemp -d /tmp/registry-gqlbench-XXXX)"
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT

dotnet publish src/Registry.Api -c Release -o "$WORK/app" --nologo -v quiet >/dev/null
# Rate limits off: the benchmark is one client sending thousands of requests a second.
Registry__DataDirectory="$WORK/data" Registry__DemoTaskCount="$TASKS" Logging__LogLevel__Default=Warning \
  Registry__RateLimits__AnonymousPerMinute=0 Registry__RateLimits__KeyPerMinute=0 \
  ASPNETCORE_URLS="http://127.0.0.1:$PORT" dotnet "$WORK/app/Registry.Api.dll" >"$WORK/server.log" 2>&1 &
SERVER=$!

BASE="http://127.0.0.1:$PORT"
python3 - "$BASE" "$WORK/body.json" <<'PY'
import json, sys, time, urllib.request
base, body_file = sys.argv[1], sys.argv[2]
query = open("bench/graphql/page.graphql").read()
body = json.dumps({"query": query, "variables": {"first": 50}})
open(body_file, "w").write(body)
# Wait until the demo catalogue is seeded and fully indexed: search total == published count, and that count
# unchanged for five seconds (seeding runs in batches, each indexed before the next).
last, still = None, 0
for _ in range(600):
    try:
        rest = json.load(urllib.request.urlopen(base + "/api/v1/tasks?pageSize=1"))
        req = urllib.request.Request(base + "/graphql", body.encode(), {"Content-Type": "application/json"})
        gql = json.load(urllib.request.urlopen(req))
        count = rest["meta"]["count"]
        if count and gql["data"]["tasks"]["totalCount"] == count:
            still = still + 1 if count == last else 0
            last = count
            if still >= 5:
                print(f"ready: {count} published tasks indexed")
                break
    except Exception:
        pass
    time.sleep(1)
else:
    sys.exit("the service did not become ready")
PY

# Warm-up (JIT, GraphQL.NET's compiled resolvers, SQLite and Lucene caches), not reported.
GRAPHQL_BODY_FILE="$WORK/body.json" wrk -t2 -c"$CONNECTIONS" -d5s -s bench/graphql/post.lua "$BASE/graphql" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s "$BASE/api/v1/tasks?pageSize=50" >/dev/null

echo "== GraphQL POST /graphql (50 tasks + organization + outputs + principal investigator)"
GRAPHQL_BODY_FILE="$WORK/body.json" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/graphql/post.lua "$BASE/graphql" \
  | grep -E "Requests/sec|Latency|99%|Non-2xx"
echo "== REST GET /api/v1/tasks?pageSize=50 (full records, organization and outputs inline)"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE/api/v1/tasks?pageSize=50" | grep -E "Requests/sec|Latency|99%|Non-2xx"
