-- Rotates query words and page sizes so most requests miss the output cache (the engine does the work).
local words = {"chè", "lúa", "chuyển đổi số", "giống", "y tế", "môi trường", "nong nghiep", "cong nghe", "du lịch", "thủy sản"}
local n = 0
request = function()
  n = n + 1
  local q = words[(n % #words) + 1]
  local size = (n % 190) + 10
  local path = "/api/v1/tasks?facets=field,level,year&pageSize=" .. size .. "&q=" .. q:gsub(" ", "%%20")
  return wrk.format("GET", path)
end
