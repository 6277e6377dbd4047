-- wrk script for the soak run (bench/soak/soak.py writes the config file passed after "--").
-- One connection per thread, so each response belongs to the request sent just before it.
-- Every WRITE_EVERY-th request is a write: a decision by the thread's secretariat user, or a status update
-- of the thread's own action by its participant user (with the version it knows, so no edit conflicts).
-- After each acknowledged status update the next request reads the action's page, which must show the new note
-- at once, whichever worker answers (the page cache must never replay a page older than a commit).

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

local cfg, me, run, n, version, last, last_path, stats, sent_tag, check_tag
local STAT_NAMES = {
  "requests", "reads", "reads_ok", "five_xx", "unexpected", "decisions_sent", "decisions_acked",
  "actions_sent", "actions_acked", "final_version", "statuses", "unexpected_paths", "fresh_reads", "stale_reads",
}

-- thread:get copies scalar globals reliably (not nested tables): publish each figure as its own global.
local function publish()
  for _, name in ipairs(STAT_NAMES) do _G["stat_" .. name] = stats[name] end
end
local today = os.date("%Y-%m-%d")

function init(args)
  cfg = dofile(args[1])
  me = cfg.threads[index]
  run = cfg.run
  n = 0
  version = me.action_version
  stats = {
    requests = 0, reads = 0, reads_ok = 0, five_xx = 0, unexpected = 0,
    decisions_sent = 0, decisions_acked = 0, actions_sent = 0, actions_acked = 0,
    final_version = version, statuses = "", unexpected_paths = "", fresh_reads = 0, stale_reads = 0,
  }
  status_counts = {}
  publish()
end

local function cookie(who)
  return string.format("%s=%s; %s=%s", cfg.session_cookie, me[who .. "_session"], cfg.csrf_cookie, me[who .. "_csrf"])
end

local function post(path, who, body)
  local headers = {
    ["Cookie"] = cookie(who),
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Referer"] = cfg.origin .. path,
  }
  return wrk.format("POST", path, headers, "csrfmiddlewaretoken=" .. me[who .. "_csrf"] .. "&" .. body)
end

function request()
  if check_tag then
    last = "check"
    return wrk.format("GET", me.action_path, { ["Cookie"] = cookie("participant") })
  end
  n = n + 1
  if n % cfg.write_every == 0 then
    local tag = string.format("soak-%s-%d-%d", run, index, n)
    if (n / cfg.write_every) % 2 == 1 or me.actions_broken then
      last = "decision"
      stats.decisions_sent = stats.decisions_sent + 1
      publish()  -- now, not at the answer: a write in flight when wrk stops may still be committed
      return post(cfg.decision_path, "secretariat", "agenda_item=&text=" .. tag)
    end
    last = "action"
    stats.actions_sent = stats.actions_sent + 1
    publish()
    sent_tag = tag
    local status = ((n / cfg.write_every) % 4 == 0) and "in_progress" or "open"
    return post(me.action_update_path, "participant",
      string.format("status=%s&noted_on=%s&note=%s&version=%d", status, today, tag, version))
  end
  last = "read"
  local path = cfg.reads[(n % #cfg.reads) + 1]
  local who = (n % 2 == 0) and "secretariat" or "participant"
  last_path = path
  return wrk.format("GET", path, { ["Cookie"] = cookie(who) })
end

function response(status, headers, body)
  stats.requests = stats.requests + 1
  local key = tostring(status)
  status_counts[key] = (status_counts[key] or 0) + 1
  local parts = {}
  for code, count in pairs(status_counts) do table.insert(parts, code .. "=" .. count) end
  stats.statuses = table.concat(parts, ",")
  if status >= 500 then stats.five_xx = stats.five_xx + 1 end
  if last == "read" then
    stats.reads = stats.reads + 1
    if status == 200 then
      stats.reads_ok = stats.reads_ok + 1
    else
      stats.unexpected = stats.unexpected + 1
      stats.unexpected_paths = stats.unexpected_paths .. last_path .. " " .. key .. "; "
    end
  elseif last == "decision" then
    if status == 302 then stats.decisions_acked = stats.decisions_acked + 1 else stats.unexpected = stats.unexpected + 1 end
  elseif last == "action" then
    if status == 302 then
      stats.actions_acked = stats.actions_acked + 1
      version = version + 1
      stats.final_version = version
      check_tag = sent_tag
    else
      stats.unexpected = stats.unexpected + 1
      me.actions_broken = true  -- the version is unknown now: only decisions from here on
    end
  elseif last == "check" then
    if status == 200 and string.find(body, check_tag, 1, true) then
      stats.fresh_reads = stats.fresh_reads + 1
    else
      stats.stale_reads = stats.stale_reads + 1
      stats.unexpected_paths = stats.unexpected_paths .. me.action_path .. " stale " .. key .. "; "
    end
    check_tag = nil
  end
  publish()
end

local function to_json(value)
  if type(value) == "table" then
    local parts = {}
    for k, v in pairs(value) do
      table.insert(parts, string.format("%q:%s", tostring(k), to_json(v)))
    end
    return "{" .. table.concat(parts, ",") .. "}"
  elseif type(value) == "string" then
    return string.format("%q", value)
  elseif type(value) == "boolean" then
    return value and "true" or "false"
  end
  return tostring(value)
end

function done(summary, latency, requests)
  local out = { summary = {
    requests = summary.requests, duration_us = summary.duration, bytes = summary.bytes,
    errors_connect = summary.errors.connect, errors_read = summary.errors.read, errors_write = summary.errors.write,
    errors_status = summary.errors.status, errors_timeout = summary.errors.timeout,
    latency_p50_us = latency:percentile(50), latency_p95_us = latency:percentile(95),
    latency_p99_us = latency:percentile(99), latency_max_us = latency.max,
  }, threads = {} }
  for _, thread in ipairs(threads) do
    local figures = {}
    for _, name in ipairs(STAT_NAMES) do figures[name] = thread:get("stat_" .. name) end
    out.threads[tostring(thread:get("index"))] = figures
  end
  local file = io.open(os.getenv("SOAK_RESULT") or "soak-result.json", "w")
  file:write(to_json(out))
  file:close()
end
