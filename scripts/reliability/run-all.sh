#!/usr/bin/env bash
# The whole fault campaign on one backend: BACKEND=sqlite|postgres scripts/reliability/run-all.sh
# Quick mode (QUICK=1, as CI runs it): shorter soak and outages, same criteria.
set -uo pipefail
cd "$(dirname "$0")"
export BACKEND="${BACKEND:-sqlite}"
if [ "${QUICK:-0}" = 1 ]; then
  export SOAK_SECONDS="${SOAK_SECONDS:-60}" DOWN_SECONDS="${DOWN_SECONDS:-15}" OUTAGE_SECONDS="${OUTAGE_SECONDS:-10}"
  export SLOW_HEADERS="${SLOW_HEADERS:-100}" SLOW_BODIES="${SLOW_BODIES:-300}" BURST="${BURST:-100}" PROVIDERS="${PROVIDERS:-500}"
  export R2_SECONDS="${R2_SECONDS:-30}" R12_SECONDS="${R12_SECONDS:-10}"
fi
failed=0
for script in ${TESTS:-r0_baseline r2_db_restart r3_db_down r4_locked_table r5_slow_clients r6_booking_race \
  r8_disk_full r9_kill_restart r10_sigterm r11_clock r12_payload_sizes r13_outbox_burst r14_two_instances r15_container_start r1_soak}; do
  timeout 1800 python3 "$script.py" || failed=1
done
exit $failed
