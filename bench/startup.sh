#!/usr/bin/env bash
# Measures start to ready: from launching the built host on a fresh, empty SQLite database (migrations applied,
# demo data loaded) until GET /health/ready answers 200. Prints one line per run and the median.
# Usage: bench/startup.sh [runs]   (default 5). Results go in bench/RESULTS.md by hand, with the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
port=5099
out=$(mktemp -d)
dotnet publish src/Samverkan.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/app" -v quiet >/dev/null
times=()
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  # Started directly (no subshell), so that $! is the server's own process id.
  Samverkan__DemoData=true ConnectionStrings__Samverkan="Data Source=$data/samverkan.db" Logging__LogLevel__Default=Warning \
      dotnet "$out/app/Samverkan.Web.dll" --contentRoot "$out/app" --urls "http://127.0.0.1:$port" >"$data/log.txt" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    sleep 0.02
    if ! kill -0 "$pid" 2>/dev/null; then cat "$data/log.txt"; exit 1; fi
  done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$(( runs / 2 ))]} ms over $runs runs (fresh database each run, demo data included)"
rm -rf "$out"
