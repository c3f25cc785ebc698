-- wrk script of the HTTP bench (bench/http_bench.py).
--
-- GET cases: the URL and headers (-H) as given; done() prints one line the bench parses,
-- with the 50th, 95th and 99th latency percentile (wrk's --latency table has no 95th).
--
-- POST cases (WRK_BODIES set): each request sends the next body of a file of
-- length-prefixed bodies ("<bytes>\n<body>", written by the bench), never one twice: the
-- melding form refuses a proof of work that was used before. Thread i of n takes bodies
-- i+1, i+1+n, ...; a thread stops once every one of its bodies has been answered. Should
-- the bodies run out while requests are in flight, the last body is sent again and counted
-- as a non-2xx answer (the bench reports those and pre-solves enough to avoid them).
-- Before the run wrk calls request() once on thread 0 to check for pipelining: thread 0
-- holds a copy of its first body for that call.
--
-- Constant POST cases (WRK_BODY set): the same body, read from that file, every time.

local bodies_file = os.getenv("WRK_BODIES")
local method = os.getenv("WRK_METHOD") or "POST"
local thread_count = tonumber(os.getenv("WRK_THREADS") or "1")

local body_file = os.getenv("WRK_BODY")
if body_file then
  local stream = assert(io.open(body_file, "rb"))
  wrk.method = method
  wrk.body = stream:read("*a")
  stream:close()
end

local created = 0
function setup(thread)
  thread:set("thread_index", created)
  created = created + 1
end

local bodies = {}
local expected = 0
local sent = 0
local answered = 0

function init(args)
  if not bodies_file then
    return
  end
  local stream = assert(io.open(bodies_file, "rb"))
  local number = 0
  while true do
    local length = stream:read("*l")
    if not length then
      break
    end
    local body = stream:read(tonumber(length))
    if number % thread_count == thread_index then
      table.insert(bodies, body)
    end
    number = number + 1
  end
  stream:close()
  expected = #bodies
  if thread_index == 0 and expected > 0 then
    table.insert(bodies, 1, bodies[1])
  end
end

if bodies_file then
  function request()
    sent = sent + 1
    local body = bodies[math.min(sent, #bodies)]
    return wrk.format(method, nil, nil, body)
  end

  function response(status, headers, body)
    answered = answered + 1
    if answered >= expected then
      wrk.thread:stop()
    end
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH-RESULT requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d mean_us=%.0f "
      .. "max_us=%d status_errors=%d connect_errors=%d read_errors=%d write_errors=%d "
      .. "timeouts=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.mean, latency.max, errors.status, errors.connect,
    errors.read, errors.write, errors.timeout
  ))
end
