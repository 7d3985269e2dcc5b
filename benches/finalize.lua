-- wrk script for benches/api.sh: finalize prepared files, each exactly once. BENCH_TARGETS
-- names a file of lines "FINALIZE_PATH KEY" (benches/prepare_finalize.py); thread k of T takes
-- lines k+1, k+1+T, ... When a thread runs out of prepared files it asks for a path that does
-- not exist: the 404 makes benches/api.sh fail instead of measuring idempotent re-finalizes.
local targets = {}
for line in io.lines(os.getenv("BENCH_TARGETS")) do
    local path, key = line:match("^(%S+)%s+(%S+)$")
    if path then
        targets[#targets + 1] = { path, key }
    end
end
local threads = 0

function setup(thread)
    thread:set("index", threads)
    threads = threads + 1
end

function init(args)
    -- `threads` is the count in this thread's own Lua state: read the total from wrk.
    step = tonumber(os.getenv("BENCH_THREADS"))
    i = index + 1 - step
end

function request()
    i = i + step
    local t = targets[i]
    if t == nil then
        return wrk.format("POST", "/prepared-files-exhausted", nil, "{}")
    end
    local headers = { ["Authorization"] = "Bearer " .. t[2], ["Content-Type"] = "application/json" }
    return wrk.format("POST", t[1], headers, "{}")
end
