#!/usr/bin/env bash
# Issue 12's load benchmark in one command: publishes the app in Release, then for each engine starts it in Production
# as its own process (a new database with the demo data, or the one given), drives each busy page and API call with wrk
# at 64 connections side by side with nginx serving the same bytes from a file, and appends the table to the output.
# Usage: bench/load.sh [sqlite|postgres|both|national] [connection string] [--seconds 8] [--connections 64]
#   national: builds the national-scale dataset on both engines when it is not there yet (a SQLite file under
#   /var/tmp/samverkan-national, the PostgreSQL database samverkan_national; one to two minutes each) and measures on it.
# Installs wrk and nginx from Debian's packages when they are missing; PostgreSQL must be running (scripts/test.sh
# starts it) with the role samverkan/samverkan allowed to create databases.
set -euo pipefail
cd "$(dirname "$0")/.."
engines="${1:-both}"
[ $# -gt 0 ] && shift
connection=""
if [ $# -gt 0 ] && [[ "$1" != --* ]]; then connection="$1"; shift; fi
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
for tool in wrk nginx; do
  if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$tool" ]; then
    # apt may be locked by another process for a while: retry, then give up with its message.
    for attempt in $(seq 1 20); do
      $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk nginx >/tmp/samverkan-load-apt.log 2>&1 && break
      [ "$attempt" -eq 20 ] && { cat /tmp/samverkan-load-apt.log; exit 1; }
      sleep 10
    done
  fi
done
out=$(mktemp -d)
dotnet publish src/Samverkan.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/app" -v quiet >/dev/null
dotnet build bench/Samverkan.Bench -c Release -v quiet >/dev/null
results="bench/results-$(date -u +%Y-%m-%d).md"
run() {
  local engine="$1"
  shift
  dotnet bench/Samverkan.Bench/bin/Release/net10.0/Samverkan.Bench.dll load "$out/app" "$engine" ${connection:+"$connection"} --out "$results" "$@"
}
bench() { dotnet bench/Samverkan.Bench/bin/Release/net10.0/Samverkan.Bench.dll "$@"; }
case "$engines" in
  sqlite) run sqlite "$@" ;;
  postgres) run postgres "$@" ;;
  both) run sqlite "$@"; run postgres "$@" ;;
  national)
    mkdir -p /var/tmp/samverkan-national
    sqlite="Data Source=/var/tmp/samverkan-national/national.db"
    postgres="Host=127.0.0.1;Port=5432;Username=samverkan;Password=samverkan;Database=samverkan_national"
    bench national sqlite "$sqlite"
    bench national postgres "$postgres"
    connection="$sqlite" run sqlite "$@"
    connection="$postgres" run postgres "$@"
    ;;
  *) echo "usage: bench/load.sh [sqlite|postgres|both|national] [connection string] [--seconds N] [--connections N]" >&2; exit 2 ;;
esac
echo "appended to $results"
rm -rf "$out"
