-- wrk script of the mixed run: many logged-in users walking the portal, one write per WRITE_EVERY requests.
--
-- BENCH_MIXED_FILE names a file written by bench/mixed.py, one request per line, tab-separated:
--   GET <tab> path <tab> Cookie header            a read
--   WRITE <tab> action id <tab> Cookie header <tab> CSRF token
--   POST <tab> path <tab> form body <tab> Cookie header <tab> CSRF token      a form posted as it is
-- A WRITE line is two requests: the action's page (a read that also gives the action's current version), then
-- the POST of a status update with that version, as a browser does. Each thread starts at its own place in the
-- file and walks it in a loop. The report line is report.lua's (loaded at the end).

local threads = {}
local lines = {}
for line in io.lines(os.getenv("BENCH_MIXED_FILE")) do
  local fields = {}
  for field in string.gmatch(line, "[^\t]+") do table.insert(fields, field) end
  table.insert(lines, fields)
end

setup = function(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

local position = nil
local pending = nil   -- the write whose action page was asked for; its POST goes once the page gave the version

init = function(args)
  -- Each thread has its own Lua state (the `threads` table above is the main state's): spread the starts.
  position = ((thread_id - 1) * 1009) % #lines
end

local function next_line()
  position = position % #lines + 1
  return lines[position]
end

request = function()
  if pending and pending.version then
    local write = pending
    pending = nil
    local body = "status=in_progress&noted_on=" .. os.date("%Y-%m-%d") .. "&note=Bench+progress+note&version="
      .. write.version
    return wrk.format("POST", "/actions/" .. write.action .. "/update/", {
      ["Cookie"] = write.cookie,
      ["X-CSRFToken"] = write.csrf,
      ["Content-Type"] = "application/x-www-form-urlencoded",
    }, body)
  end
  local fields = next_line()
  if fields[1] == "POST" then
    return wrk.format("POST", fields[2], {
      ["Cookie"] = fields[4],
      ["X-CSRFToken"] = fields[5],
      ["Content-Type"] = "application/x-www-form-urlencoded",
    }, fields[3])
  end
  if fields[1] == "WRITE" then
    if pending then return wrk.format("GET", "/actions/" .. fields[2] .. "/", {["Cookie"] = fields[3]}) end
    pending = {action = fields[2], cookie = fields[3], csrf = fields[4]}
    return wrk.format("GET", "/actions/" .. fields[2] .. "/", {["Cookie"] = fields[3]})
  end
  return wrk.format("GET", fields[2], {["Cookie"] = fields[3]})
end

response = function(status, headers, body)
  -- Connections interleave: only the action's own page (it holds the form's address) gives the version.
  if pending and not pending.version and body
    and string.find(body, "/actions/" .. pending.action .. "/update/", 1, true) then
    pending.version = string.match(body, 'name="version" value="(%d+)"')
  end
end

-- The report line: report.lua's `done`, loaded from next to this file.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
