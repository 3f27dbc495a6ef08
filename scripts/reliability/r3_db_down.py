#!/usr/bin/env python3
"""R3 (PostgreSQL): the database down for DOWN_SECONDS (default 60) while visitors come (20 req/s).
Pass: database pages answer 503 with Retry-After in < 2.5 s each; /health 200 at once, /ready 503; within
10 s of the database's return, 100 % 2xx."""
from lib import *

if BACKEND != "postgres":
    result("R3", True, "not applicable: SQLite is a file in the process")
    sys.exit(0)
down = int(os.environ.get("DOWN_SECONDS", "60"))
fresh_database()
app = App().start()
slugs = [r[0] for r in approved_providers(20)]
PG.stop()
t0 = time.time()
records = Load(app.port, [f"/fr/providers/{s}" for s in slugs], 20, min(20, down),
               conns=8).start().wait()
t = time.time(); health = status_of(app.port, "/health"); health_s = time.time() - t
t = time.time(); ready = status_of(app.port, "/ready"); ready_s = time.time() - t
c = http.client.HTTPConnection("127.0.0.1", app.port, timeout=10)
c.request("GET", f"/fr/providers/{slugs[0]}", headers=BROWSER_HEADERS)
r = c.getresponse(); r.read(); retry_after = r.getheader("Retry-After")
time.sleep(max(0, down - (time.time() - t0)))
PG.start()
back = time.time()
after = Load(app.port, [f"/fr/providers/{s}" for s in slugs], 20, 15, conns=8).start().wait()
late_errors = [a for a in after if not is_ok(a[2]) and a[0] > 10]
recovered = max((a[0] for a in after if not is_ok(a[2])), default=0)
longest = max(d for _, d, _ in records)
statuses = summary(records)["statuses"]
ok = (set(statuses) <= {"503"} and longest < 2.5 and health == 200 and health_s < 0.2 and ready == 503
      and retry_after == "5" and not late_errors and "panicked" not in app.log_text())
app.stop()
result("R3", ok, f"{down} s down: {statuses} , slowest {longest:.2f} s, Retry-After {retry_after}; /health {health} "
       f"in {health_s * 1000:.0f} ms, /ready {ready} in {ready_s * 1000:.0f} ms; last error {recovered:.1f} s after "
       "the database returned", down=summary(records), after=summary(after))
