-- wrk script for benches/api.sh: POST to several organizations, round robin, each with its own
-- API key. BENCH_TARGETS names a file of lines "PATH KEY" (one per organization); BENCH_BODY is
-- the JSON body of every request. Each wrk thread starts at a different line.
local targets = {}
for line in io.lines(os.getenv("BENCH_TARGETS")) do
    local path, key = line:match("^(%S+)%s+(%S+)$")
    if path then
        targets[#targets + 1] = { path, key }
    end
end
local body = os.getenv("BENCH_BODY")
local threads = 0

function setup(thread)
    thread:set("start", threads * 7)
    threads = threads + 1
end

local i = nil

function request()
    i = ((i or start or 0) % #targets) + 1
    local t = targets[i]
    local headers = {}
    for k, v in pairs(wrk.headers) do
        headers[k] = v
    end
    headers["Authorization"] = "Bearer " .. t[2]
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", t[1], headers, body)
end
