#!/usr/bin/env python3
"""R14 several instances (PostgreSQL): TRIES (default 3) times, two instances started at the same instant on
an empty database. Pass: both become ready every time (migrations run once, under a lock), and a page
answers on both."""
from lib import *

if BACKEND != "postgres":
    result("R14", True, "not applicable: one SQLite file, one instance")
    sys.exit(0)
tries = int(os.environ.get("TRIES", "3"))
PG.ensure()
ok, times = True, []
for _ in range(tries):
    PG.recreate()
    apps = [App(), App()]
    for a in apps:
        a.env["JOBS_INTERVAL_SECONDS"] = "0"
        a.start(wait=False)
    try:
        times.append([round(a.wait_ready(), 2) for a in apps])
        ok &= all(status_of(a.port, "/fr/") == 200 for a in apps)
    except RuntimeError as e:
        log(e)
        ok = False
    for a in apps:
        a.stop()
result("R14", ok, f"{tries} x two instances on an empty database: ready after {times} s")
