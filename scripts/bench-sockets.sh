#!/usr/bin/env bash
# WebSocket benchmark: one release instance, N idle sockets held open (1,000 then 10,000), memory per
# connection, and the delay from sending a message to its delivery on the other party's open tab.
#
#   scripts/bench-sockets.sh                  # SQLite, 1000 and 10000 sockets
#   BACKEND=postgres scripts/bench-sockets.sh
#
# Needs: cargo build --release --bin khadamat --example bench_sockets; PostgreSQL on 127.0.0.1 for
# BACKEND=postgres. Raises the open-file limit to the hard limit (sockets are files; 10,000 need ~10,100).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/release/khadamat}
BENCH=${BENCH:-target/release/examples/bench_sockets}
SIZES=${SIZES:-"1000 10000"}
MESSAGES=${MESSAGES:-15}
BACKEND=${BACKEND:-sqlite}
PORT=${PORT:-4901}
WORK=${WORK:-/tmp/khadamat-bench}
[ -x "$BIN" ] && [ -x "$BENCH" ] || { echo "build first: cargo build --release --bin khadamat --example bench_sockets" >&2; exit 1; }
ulimit -n "$(ulimit -Hn)"
mkdir -p "$WORK"
for n in $SIZES; do
  # A fresh database each time (the per-user message rate limit counts across runs).
  if [ "$BACKEND" = postgres ]; then
    url=postgres://postgres@127.0.0.1:5432/khadamat_sockets
    psql postgres://postgres@127.0.0.1:5432/postgres -qc "drop database if exists khadamat_sockets" -c "create database khadamat_sockets"
  else
    url="$WORK/sockets.db"
    rm -f "$url" "$url-wal" "$url-shm"
  fi
  DATABASE_URL="$url" LOG_LEVEL=warn "$BIN" seed --providers 20 --seed 7 >/dev/null
  DATABASE_URL="$url" LOG_LEVEL=warn AUTO_SEED=false JOBS_INTERVAL_SECONDS=0 STATIC_DIR="$PWD/static" \
    "$BIN" serve --port "$PORT" >/dev/null 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
  echo "== $BACKEND, $n sockets"
  DATABASE_URL="$url" "$BENCH" "http://127.0.0.1:$PORT" "$server" "$n" "$MESSAGES"
  kill $server; wait $server 2>/dev/null || true
  trap - EXIT
done
