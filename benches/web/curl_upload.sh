#!/usr/bin/env bash
# Uploads every file of DIR with curl, three at a time (as the browser's queue does), through
# the documented flow: create the file (with its SHA-256), upload URL, PUT, finalize.
# Usage: curl_upload.sh BASE_URL API_KEY ORG YEAR DIR
set -euo pipefail
base=$1 key=$2 org=$3 year=$4 dir=$5
one() {
  local path=$1 name hash id upload url
  name=$(basename "$path")
  hash=$(sha256sum "$path" | cut -d' ' -f1)
  id=$(curl -sf -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$name\",\"hash\":\"$hash\"}" "$base/organizations/$org/years/$year/files" | jq -r .id)
  upload=$(curl -sf -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d "{\"type\":\"application/pdf\",\"size\":$(stat -c %s "$path")}" \
    "$base/organizations/$org/years/$year/files/$id/upload-url")
  url=$(jq -r .url <<<"$upload")
  curl -sf -X PUT -H 'Content-Type: application/pdf' --data-binary @"$path" "$url" >/dev/null
  curl -sf -H "Authorization: Bearer $key" -X POST "$base/organizations/$org/years/$year/files/$id/finalize" \
    | jq -e '.status == "available"' >/dev/null
}
export -f one
export base key org year
find "$dir" -type f -print0 | xargs -0 -P 3 -I{} bash -c 'one "$1"' _ {}
