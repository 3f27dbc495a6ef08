#!/usr/bin/env bash
# Load test of the pages that must stay fast as data grows: search, a category-in-city landing page
# and a provider page, at 1,000 and 100,000 providers, on SQLite and on PostgreSQL.
#
#   scripts/bench-pages.sh                 # both sizes, both backends (seeding 100k takes minutes)
#   SIZES="1000" BACKENDS="sqlite" scripts/bench-pages.sh
#
# Needs: a release build (cargo build --release), wrk (apt install wrk), PostgreSQL on 127.0.0.1:5432
# for the PostgreSQL runs. Only loopback addresses are used; every run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/release/khadamat}
# The baseline: one diesel query and one askama template behind actix-web (examples/minimal_page.rs).
BASELINE=${BASELINE:-target/release/examples/minimal_page}
SIZES=${SIZES:-"1000 100000"}
BACKENDS=${BACKENDS:-"sqlite postgres"}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-4900}
WORK=${WORK:-/tmp/khadamat-bench}
PG=${PG:-postgres://postgres@127.0.0.1:5432}
# A browser's user agent: provider pages count it as one visitor (one view a day), as they would a person.
BROWSER_UA="Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
mkdir -p "$WORK"
[ -x "$BIN" ] && [ -x "$BASELINE" ] || { echo "build first: cargo build --release --bin khadamat --example minimal_page" >&2; exit 1; }
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }

for backend in $BACKENDS; do
  for size in $SIZES; do
    if [ "$backend" = sqlite ]; then
      url="$WORK/bench-$size.db"
    else
      url="$PG/khadamat_bench_$size"
    fi
    if [ "$backend" = sqlite ] && [ ! -f "$url" ] || [ "$backend" = postgres ] && ! psql "$url" -c 'select 1' >/dev/null 2>&1; then
      [ "$backend" = postgres ] && psql "$PG/postgres" -qc "create database khadamat_bench_$size"
      echo "seeding $size providers on $backend…"
      start=$(date +%s)
      DATABASE_URL="$url" LOG_LEVEL=warn "$BIN" seed --providers "$size" --seed 42 >/dev/null
      echo "  seeded in $(( $(date +%s) - start )) s"
    fi
    DATABASE_URL="$url" LOG_LEVEL=warn AUTO_SEED=false STATIC_DIR="$PWD/static" "$BIN" serve --port "$PORT" >/dev/null 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
    slug=$(curl -s "http://127.0.0.1:$PORT/fr/services/plomberie/casablanca" | grep -o 'href="/fr/providers/[^"?]*"' | head -1 | sed 's|href="/fr/providers/||; s|"||')
    for page in "/fr/providers?q=plomberie&city=casablanca" "/fr/services/plomberie/casablanca" "/fr/providers/$slug"; do
      printf '%-9s %7s  %-45s ' "$backend" "$size" "$page"
      wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "User-Agent: $BROWSER_UA" "http://127.0.0.1:$PORT$page" \
        | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {err=$NF} END {printf "%8s req/s  p50 %8s  p99 %8s  %s\n", rps, p50, p99, (err ? "non-2xx " err : "")}'
    done
    kill $server; wait $server 2>/dev/null || true
    trap - EXIT
    # The same provider through the minimal page, on the same data.
    id=$(echo "$slug" | grep -o '[0-9]*$')
    DATABASE_URL="$url" "$BASELINE" "$PORT" >/dev/null 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/providers/$id" >/dev/null && break; sleep 0.2; done
    printf '%-9s %7s  %-45s ' "$backend" "$size" "baseline /providers/$id"
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT/providers/$id" \
      | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {err=$NF} END {printf "%8s req/s  p50 %8s  p99 %8s  %s\n", rps, p50, p99, (err ? "non-2xx " err : "")}'
    kill $server; wait $server 2>/dev/null || true
    trap - EXIT
  done
done
