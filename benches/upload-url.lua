-- wrk script for benches/api.sh: ask for a signed upload URL (1 byte, PDF) on every request.
-- The Authorization header is passed with -H on the wrk command line.
wrk.method = "POST"
wrk.body = '{"type":"application/pdf","size":1}'
wrk.headers["Content-Type"] = "application/json"
