#!/usr/bin/env python3
"""R2 (PostgreSQL): the database restarted in the middle of 100 req/s on provider pages (R2_SECONDS, default 60;
restart at a third).
Pass: every 5xx inside [restart, database up + 10 s]; 100 % 2xx after; no request longer than 6 s; the same
process; /ready 200 at the end; no panic in the log."""
from lib import *

if BACKEND != "postgres":
    result("R2", True, "not applicable: SQLite is a file in the process")
    sys.exit(0)
fresh_database()
app = App().start()
slugs = [r[0] for r in approved_providers(50)]
seconds = int(os.environ.get("R2_SECONDS", "60"))
load = Load(app.port, [f"/fr/providers/{s}" for s in slugs], 100, seconds, conns=16).start()
time.sleep(seconds / 3)
restart_at = time.time() - load.t0
PG.restart()
up_at = time.time() - load.t0
records = load.wait()
bad = [r for r in records if not is_ok(r[2])]
outside = [r for r in bad if not (restart_at - 0.5 <= r[0] <= up_at + 10)]
after = [r for r in records if r[0] > up_at + 10]
longest = max(d for _, d, _ in records)
ready = status_of(app.port, "/ready")
same = app.proc.poll() is None
panics = "panicked" in app.log_text()
app.stop()
ok = not outside and all(is_ok(r[2]) for r in after) and longest <= 6 and same and ready == 200 and not panics
result("R2", ok, f"restart {restart_at:.1f}-{up_at:.1f} s; {len(bad)} errors ({len(outside)} outside the window), "
       f"last error at {max((r[0] for r in bad), default=0):.1f} s; longest request {longest:.2f} s; same process "
       f"{same}; /ready {ready}", load=summary(records))
