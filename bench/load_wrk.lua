-- wrk script of bench/load_bench.py: each connection's requests go round the paths of LOAD_PATHS (separated by
-- spaces), each thread starting at its own place; answers are counted per second of the clock, and done() prints one
-- "key value" line a figure for load_bench.py to read.
local paths = {}
local listed = os.getenv("LOAD_PATHS") or "/"
if os.getenv("LOAD_PATHS_FILE") then  -- too many paths for one environment variable
  local file = io.open(os.getenv("LOAD_PATHS_FILE"))
  listed = file:read("*a")
  file:close()
end
for path in string.gmatch(listed, "%S+") do
  table.insert(paths, path)
end

local threads = {}
local thread_count = 0

-- LOAD_STRIDE (default 1) spaces the threads' starting places: bench/pages_load.py's distinct pages give each thread
-- its own half of the paths, so that no path is asked twice.
local stride = tonumber(os.getenv("LOAD_STRIDE") or "1")

function setup(thread)
  thread:set("offset", thread_count * stride)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

function init(args)
  sent = offset
  answered = {}
end

function request()
  sent = sent + 1
  return wrk.format("GET", paths[sent % #paths + 1])
end

function response(status, headers, body)
  local second = os.time()
  answered[second] = (answered[second] or 0) + 1
end

function done(summary, latency, requests)
  local per_second = {}
  for _, thread in ipairs(threads) do
    for second, count in pairs(thread:get("answered")) do
      per_second[second] = (per_second[second] or 0) + count
    end
  end
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("duration_us %d\n", summary.duration))
  for _, kind in ipairs({"connect", "read", "write", "status", "timeout"}) do
    io.write(string.format("errors_%s %d\n", kind, summary.errors[kind]))
  end
  for _, percentile in ipairs({50, 95, 99}) do
    io.write(string.format("latency_p%d_us %d\n", percentile, latency:percentile(percentile)))
  end
  io.write(string.format("latency_max_us %d\n", latency.max))
  for second, count in pairs(per_second) do
    io.write(string.format("second %d %d\n", second, count))
  end
end
