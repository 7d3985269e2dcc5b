-- wrk script for benches/api.sh: POST a new file record (JSON body) on every request.
-- The Authorization header is passed with -H on the wrk command line.
wrk.method = "POST"
wrk.body = '{"name":"bench-create.pdf","reference":"BENCH-001","date":"2026-03-15"}'
wrk.headers["Content-Type"] = "application/json"
