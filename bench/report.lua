-- wrk script: print one JSON line with the numbers the bench report needs (wrk's own summary has no p95).
--
-- With BENCH_FIRST_VIEW=1 in the environment every request carries a cookie no request had before, so the page
-- cache (keyed by the Cookie header among others) never replays a page: each request renders it.

local threads = {}
local first_view = os.getenv("BENCH_FIRST_VIEW") == "1"

setup = function(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

local counter = 0

if first_view then
  request = function()
    counter = counter + 1
    local headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    local unique = "bench-first-view=" .. thread_id .. "-" .. counter
    headers["Cookie"] = headers["Cookie"] and (headers["Cookie"] .. "; " .. unique) or unique
    return wrk.format(nil, nil, headers)
  end
end

done = function(summary, latency, requests)
  io.write(string.format(
    '\nBENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "errors_status": %d, "errors_connect": %d, '
      .. '"errors_read": %d, "errors_write": %d, "errors_timeout": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
      .. '"max_us": %d}\n',
    summary.requests, summary.duration, summary.bytes, summary.errors.status, summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
