-- Mixed public reading: varied searches (engine), task pages (HTML and JSON), feeds and OAI-PMH, in rotation.
-- The shell script prepends `ids = {...}` (published task ids). Counts answers by status so that 429/503 under
-- overload are told apart from errors; prints one RESULT line.
local words = {"ch%C3%A8", "l%C3%BAa", "gi%E1%BB%91ng", "y%20t%E1%BA%BF", "nong%20nghiep", "cong%20nghe", "th%E1%BB%A7y%20s%E1%BA%A3n"}
local threads = {}
local n = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
  n = id * 7919
end

request = function()
  n = n + 1
  local kind = n % 10
  local word = words[(n % #words) + 1]
  local task = ids[(n % #ids) + 1]
  if kind <= 2 then return wrk.format("GET", "/api/v1/tasks?facets=field,level,year&pageSize=" .. ((n % 40) + 10) .. "&q=" .. word) end
  if kind == 3 then return wrk.format("GET", "/tasks?q=" .. word) end
  if kind == 4 then return wrk.format("GET", "/tasks/" .. task) end
  if kind == 5 then return wrk.format("GET", "/api/v1/tasks/" .. task) end
  if kind == 6 then return wrk.format("GET", "/feeds/tasks.atom?q=" .. word) end
  if kind == 7 then return wrk.format("GET", "/feeds/tasks.rss") end
  if kind == 8 then return wrk.format("GET", "/feeds/tasks.json?q=" .. word) end
  return wrk.format("GET", "/oai?verb=ListRecords&metadataPrefix=oai_dc")
end

response = function(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

done = function(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    for status, c in pairs(t:get("counts")) do all[status] = (all[status] or 0) + c end
  end
  local ok, shed, bad, parts = 0, 0, 0, {}
  for status, c in pairs(all) do
    if status >= 200 and status < 400 then ok = ok + c elseif status == 429 or status == 503 then shed = shed + c else bad = bad + c end
    table.insert(parts, status .. ":" .. c)
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50=%.2fms p99=%.2fms requests=%d ok=%d shed429or503=%d errors=%d socketErrors=%d statuses=%s\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, ok, shed, bad, socket, table.concat(parts, ",")))
end
