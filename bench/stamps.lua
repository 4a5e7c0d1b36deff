-- wrk scenario: kiosks stamping children's cards.
--
--   wrk -t2 -c64 -d20s --latency -s bench/stamps.lua http://127.0.0.1:PORT -- SEED.tsv [RUN_TAG]
--
-- SEED.tsv is what `tadaima-bench seed --out` writes, one line per child:
--   kiosk_token<TAB>facility_id<TAB>credential_text
-- Each request POSTs /api/v1/stamps for a random line: that facility's kiosk token as
-- Bearer, a fresh client_id and direction "auto" (arrival or departure, or `duplicate`
-- within the facility's duplicate window). RUN_TAG (hex, up to 8 digits) goes into
-- every client_id so that two runs never send the same one.
--
-- done() prints the answers counted by status and by result, summed over the threads,
-- and the latency percentiles, as `BENCH key=value` lines (bench/run reads them).

local threads = {}
local next_thread = 1

-- Main state: called once per thread before it starts.
function setup(thread)
  thread:set("thread_id", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

-- Thread state below.
local lines = {}
local sent = 0
local run_tag = 0
counts = {}      -- global: read by done() through thread:get("counts")
sample_error = nil

function init(args)
  local file = args[1]
  if not file then error("usage: wrk ... -s bench/stamps.lua URL -- SEED.tsv [RUN_TAG]") end
  for line in io.lines(file) do
    local token, facility, credential = line:match("^([^\t]+)\t([^\t]+)\t([^\t\r\n]+)")
    if token then lines[#lines + 1] = { "Bearer " .. token, facility, credential } end
  end
  if #lines == 0 then error("no kiosk_token<TAB>facility_id<TAB>credential lines in " .. file) end
  run_tag = tonumber(args[2] or "0", 16) or 0
  math.randomseed(os.time() + thread_id * 7919 + run_tag % 100000)
end

local function hex16() return string.format("%04x", math.random(0, 0xffff)) end

-- UUID-shaped: run tag, thread, random bits, and a per-thread counter (unique in a run).
local function client_id()
  sent = sent + 1
  return string.format("%08x-%04x-4%s-8%s-%06x%06x",
    run_tag % 0x100000000, thread_id % 0x10000,
    hex16():sub(2), hex16():sub(2),
    math.floor(sent / 0x1000000) % 0x1000000, sent % 0x1000000)
end

local headers = { ["Content-Type"] = "application/json" }

function request()
  local l = lines[math.random(#lines)]
  headers["Authorization"] = l[1]
  local body = '{"facility_id":"' .. l[2] .. '","client_id":"' .. client_id() ..
      '","credential":"' .. l[3] .. '","direction":"auto"}'
  return wrk.format("POST", "/api/v1/stamps", headers, body)
end

function response(status, _, body)
  local key = "status_" .. status
  counts[key] = (counts[key] or 0) + 1
  if status == 200 or status == 201 then
    local result = body:match('"result"%s*:%s*"(%a+)"')
    if result then
      local rkey = "status_" .. status .. "_" .. result
      counts[rkey] = (counts[rkey] or 0) + 1
    end
  elseif not sample_error then
    sample_error = status .. " " .. body:sub(1, 300)
  end
end

-- Main state: sums the threads' counters.
function done(summary, latency, _)
  local total = {}
  local errors = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("counts") or {}) do total[k] = (total[k] or 0) + v end
    local e = t:get("sample_error")
    if e then errors[#errors + 1] = e end
  end
  local keys = {}
  for k in pairs(total) do keys[#keys + 1] = k end
  table.sort(keys)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = k .. "=" .. total[k] end
  io.write("BENCH counts ", table.concat(out, " "), "\n")
  io.write(string.format("BENCH summary requests=%d duration_us=%d errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d errors_status=%d\n",
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, summary.errors.status))
  io.write(string.format("BENCH latency p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
  for _, e in ipairs(errors) do io.write("BENCH sample_error ", e:gsub("\n", " "), "\n") end
end
