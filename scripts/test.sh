#!/usr/bin/env bash
# Runs every test suite: unit, feature tests on SQLite and PostgreSQL, and the browser tests in Chromium.
# Installs and starts PostgreSQL and Chromium from Debian's packages when they are missing.
# Ends with the line "N passed, N failed" (skipped tests are counted as failed: nothing may be skipped), also when
# something fails before the tests run (apt, PostgreSQL, the build).
set -euo pipefail
cd "$(dirname "$0")/.."

summary_printed=0
on_exit() {
  local code=$?
  if [ "$summary_printed" -eq 0 ]; then
    echo "setup failed before the tests ran (exit $code)" >&2
    echo "0 passed, 1 failed"
  fi
}
trap on_exit EXIT

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

apt_install() {
  # apt may be locked by another process for a while: retry.
  local tries=0
  until $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/tmp/samverkan-apt.log 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -ge 20 ]; then cat /tmp/samverkan-apt.log; echo "apt-get install $* failed" >&2; return 1; fi
    if [ "$tries" -eq 1 ]; then $SUDO apt-get update -q >/dev/null 2>&1 || true; fi
    sleep 15
  done
}

ensure_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "Installing PostgreSQL from Debian's packages ..."
    apt_install postgresql
  fi
  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
    $SUDO pg_createcluster "$version" main >/dev/null
  fi
  if ! pg_lsclusters -h | awk '$1=="'"$version"'" && $2=="main" {print $4}' | grep -q online; then
    $SUDO pg_ctlcluster "$version" main start
  fi
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -q && break
    sleep 1
  done
  as_postgres psql -q -v ON_ERROR_STOP=1 -c "DO \$\$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'samverkan') THEN
      CREATE ROLE samverkan LOGIN PASSWORD 'samverkan' CREATEDB;
    END IF;
  END \$\$;"
  export SAMVERKAN_TEST_POSTGRES="${SAMVERKAN_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=samverkan;Password=samverkan;Database=postgres}"
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium from Debian's packages ..."
    apt_install chromium fonts-dejavu-core
  fi
  export SAMVERKAN_CHROMIUM="${SAMVERKAN_CHROMIUM:-/usr/bin/chromium}"
}

ensure_postgres
ensure_chromium

rm -rf TestResults
set +e
dotnet test Samverkan.sln --logger "trx;LogFileName=results.trx" --results-directory TestResults "$@"
status=$?
set -e

passed=0
failed=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  # Tests that did not run (skipped, not executed) count as failed: a test that does not run proves nothing.
  t=$(echo "$counters" | sed -n 's/.* total="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${t:-${f:-0}} - ${p:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
summary_printed=1
echo "$passed passed, $failed failed"
exit "$status"
