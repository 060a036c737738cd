-- Rotates query words and page sizes so most requests miss the output cache (the engine does the work).
-- wrk's request parser refuses raw UTF-8 in the request line, so every word is percent-encoded here.
local words = {"chè", "lúa", "chuyển đổi số", "giống", "y tế", "môi trường", "nong nghiep", "cong nghe", "du lịch", "thủy sản"}
local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local n = 0
request = function()
  n = n + 1
  local q = encode(words[(n % #words) + 1])
  local size = (n % 190) + 10
  return wrk.format("GET", "/api/v1/tasks?facets=field,level,year&pageSize=" .. size .. "&q=" .. q)
end
