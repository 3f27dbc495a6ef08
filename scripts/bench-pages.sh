#!/usr/bin/env bash
# What a browser gets, under load: every public page, a fingerprinted static file and one signed-in page, at
# 1,000 and 100,000 providers, on SQLite and on PostgreSQL, each with the minimal page of the same stack in the
# same run (examples/minimal_page.rs: actix-web, one diesel query, one askama template) and its ratio to it.
#
#   scripts/bench-pages.sh                                   # both sizes, both backends (seeding 100k takes minutes)
#   SIZES="100000" BACKENDS="postgres" DURATION=5s scripts/bench-pages.sh
#
# Every request carries a browser's headers (Accept-Encoding: gzip, deflate, br and a browser's User-Agent). Per
# page: requests/s, p50/p99, its share of the minimal page's throughput, the database queries it ran (the server's
# X-Db-Queries header: for pages kept for anonymous visitors, what the first request ran) and the bytes sent; per
# run, the server's resident memory after the load. Search, landing and provider pages are measured twice: as
# served (answers kept PUBLIC_CACHE_SECONDS for anonymous visitors, see src/web/recent.rs) and with nothing kept.
#
# Needs: a release build (cargo build --release --bin khadamat --example minimal_page), wrk and curl, PostgreSQL on
# 127.0.0.1:5432 for the PostgreSQL runs. Only loopback addresses are used; every run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/release/khadamat}
BASELINE=${BASELINE:-target/release/examples/minimal_page}
SIZES=${SIZES:-"1000 100000"}
BACKENDS=${BACKENDS:-"sqlite postgres"}
DURATION=${DURATION:-8s}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-4900}
WORK=${WORK:-/tmp/khadamat-bench}
PG=${PG:-postgres://postgres@127.0.0.1:5432}
UA="Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"
ENCODINGS="gzip, deflate, br, zstd"
mkdir -p "$WORK"
[ -x "$BIN" ] && [ -x "$BASELINE" ] || { echo "build first: cargo build --release --bin khadamat --example minimal_page" >&2; exit 1; }
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }

base="http://127.0.0.1:$PORT"

wait_for() { for _ in $(seq 1 100); do curl -sf "$1" >/dev/null && return 0; sleep 0.2; done; echo "no answer from $1" >&2; return 1; }

# load NAME PATH [COOKIE]: one request for the queries and bytes, then wrk; prints a row, remembers req/s.
load() {
  local name=$1 path=$2 cookie=${3:-}
  local headers=(-H "User-Agent: $UA" -H "Accept-Encoding: $ENCODINGS")
  [ -n "$cookie" ] && headers+=(-H "Cookie: $cookie")
  local probe queries bytes status
  probe=$(curl -s -o /dev/null -D - -w '%{http_code} %{size_download}\n' "${headers[@]}" "$base$path")
  queries=$(printf '%s' "$probe" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-db-queries" {print $2}')
  read -r status bytes <<<"$(printf '%s' "$probe" | tail -n 1)"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${headers[@]}" "$base$path" >"$WORK/wrk.out"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
  p50=$(awk '/^ +50%/ {print $2}' "$WORK/wrk.out")
  p99=$(awk '/^ +99%/ {print $2}' "$WORK/wrk.out")
  errors=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.out")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "${queries:--}" "$bytes" "$status" "${errors:-0}" >>"$WORK/rows"
}

for backend in $BACKENDS; do
  for size in $SIZES; do
    if [ "$backend" = sqlite ]; then url="$WORK/bench-$size.db"; else url="$PG/khadamat_bench_$size"; fi
    if { [ "$backend" = sqlite ] && [ ! -f "$url" ]; } || { [ "$backend" = postgres ] && ! psql "$url" -c 'select 1' >/dev/null 2>&1; }; then
      [ "$backend" = postgres ] && psql "$PG/postgres" -qc "create database khadamat_bench_$size"
      echo "seeding $size providers on $backend…"
      start=$(date +%s)
      DATABASE_URL="$url" LOG_LEVEL=warn "$BIN" seed --providers "$size" --seed 42 >/dev/null
      echo "  seeded in $(( $(date +%s) - start )) s"
    fi
    : >"$WORK/rows"
    DATABASE_URL="$url" LOG_LEVEL=warn AUTO_SEED=false QUERY_COUNT_HEADER=true STATIC_DIR="$PWD/static" \
      "$BIN" serve --port "$PORT" >"$WORK/server.log" 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    wait_for "$base/health"
    slug=$(curl -s "$base/fr/services/plomberie/casablanca" | grep -o 'href="/fr/providers/[^"?]*"' | head -1 | sed 's|href="/fr/providers/||; s|"||')
    css=$(curl -s "$base/fr/services" | grep -o '/static/css/app\.[0-9a-f]*\.css' | head -1)
    # A signed-in client (the demo account), for a private page.
    jar="$WORK/cookies"; rm -f "$jar"
    token=$(curl -s -c "$jar" "$base/fr/login" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//')
    curl -s -b "$jar" -c "$jar" -o /dev/null -H "Origin: $base" \
      --data-urlencode "csrf_token=$token" --data-urlencode "email=client@khadamat.ma" \
      --data-urlencode "password=Khadamat-demo-2026" "$base/fr/login"
    cookie=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}')
    load "home" "/fr/"
    load "catalogue" "/fr/services"
    load "search (words + city)" "/fr/providers?q=plomberie&city=casablanca"
    load "landing (category in city)" "/fr/services/plomberie/casablanca"
    load "provider page" "/fr/providers/$slug"
    load "login" "/fr/login"
    load "app.css (fingerprinted)" "$css"
    load "account bookings (signed in)" "/fr/account/bookings" "$cookie"
    rss=$(awk '/VmRSS/ {print $2}' /proc/$server/status)
    hwm=$(awk '/VmHWM/ {print $2}' /proc/$server/status)
    anon=$(awk '/RssAnon/ {print $2}' /proc/$server/status)
    file=$(awk '/RssFile/ {print $2}' /proc/$server/status)
    kill $server; wait $server 2>/dev/null || true
    trap - EXIT
    # The same pages with nothing kept for anonymous visitors (web::recent): what a visitor pays whose search or
    # provider page nobody asked for in the last PUBLIC_CACHE_SECONDS.
    DATABASE_URL="$url" LOG_LEVEL=warn AUTO_SEED=false QUERY_COUNT_HEADER=true STATIC_DIR="$PWD/static" \
      PUBLIC_CACHE_SECONDS=0 "$BIN" serve --port "$PORT" >"$WORK/server.log" 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    wait_for "$base/health"
    curl -s -o /dev/null "$base/fr/"  # the site-wide figures, built by the first request
    load "search, not kept" "/fr/providers?q=plomberie&city=casablanca"
    load "landing, not kept" "/fr/services/plomberie/casablanca"
    load "provider page, not kept" "/fr/providers/$slug"
    kill $server; wait $server 2>/dev/null || true
    trap - EXIT
    # The minimal page, same data, same run.
    id=$(psql "$url" -Atc "select id from providers where slug = '$slug'" 2>/dev/null || sqlite3 "$url" "select id from providers where slug = '$slug'" 2>/dev/null || echo 1)
    DATABASE_URL="$url" "$BASELINE" "$PORT" >/dev/null 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    wait_for "$base/providers/$id"
    load "minimal page (baseline)" "/providers/$id"
    kill $server; wait $server 2>/dev/null || true
    trap - EXIT
    minimal=$(awk -F'\t' '$1 ~ /^minimal/ {print $2}' "$WORK/rows")
    echo
    echo "== $backend, $size providers — server RSS after the load: $((rss / 1024)) MB (peak $((hwm / 1024)) MB;" \
      "$((anon / 1024)) MB anonymous, $((file / 1024)) MB file-backed: the binary$([ "$backend" = sqlite ] && echo ", and SQLite's memory map of the database"))"
    printf '%-30s %10s %9s %9s %8s %8s %8s\n' "page" "req/s" "p50" "p99" "of min." "queries" "bytes"
    awk -F'\t' -v min="$minimal" '{printf "%-30s %10s %9s %9s %7.1f%% %8s %8s%s\n", $1, $2, $3, $4, 100 * $2 / min, $5, $6, ($7 != 200 || $8 != 0 ? "  status " $7 ", non-2xx " $8 : "")}' "$WORK/rows"
  done
done
