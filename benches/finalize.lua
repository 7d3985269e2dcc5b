-- wrk script for benches/writes_cpu.sh: finalize each prepared file once. BENCH_TARGETS names
-- a file of lines "PATH KEY" (benches/writes_prep.py); wrk thread t of n takes lines t, t+n,
-- ... and stops when its share is done, so that every request is a first finalize.
local targets = {}
for line in io.lines(os.getenv("BENCH_TARGETS")) do
    local path, key = line:match("^(%S+)%s+(%S+)$")
    if path then
        targets[#targets + 1] = { path, key }
    end
end
local threads = 0
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")

function setup(thread)
    thread:set("id", threads)
    threads = threads + 1
end

local i = nil

function request()
    i = i and (i + nthreads) or (id + 1)
    if i > #targets then
        wrk.thread:stop()
        i = ((i - 1) % #targets) + 1
    end
    local t = targets[i]
    local headers = { ["Authorization"] = "Bearer " .. t[2], ["Content-Type"] = "application/json" }
    return wrk.format("POST", t[1], headers, "{}")
end
