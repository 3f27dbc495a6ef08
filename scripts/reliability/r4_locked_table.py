#!/usr/bin/env python3
"""R4 a) a table held for 30 s while its page and unrelated pages are visited. PostgreSQL: `bookings` locked
(ACCESS EXCLUSIVE), 20 req/s on a signed-in bookings page, 20 req/s on home and provider
pages. SQLite: the write lock held (BEGIN IMMEDIATE), the same load (provider pages write a view count).
Pass: the blocked page ends by its timeout (<= 6 s, 503); unrelated pages 100 % 2xx with p99 < 500 ms.
b) PostgreSQL: every app connection terminated mid-load (50 req/s). Pass: errors only within 1 s of the kill."""
import sqlite3 as sqlite
from lib import *

fresh_database()
app = App().start()
slugs = [r[0] for r in approved_providers(30)]
browser = Browser(app.port).sign_in(clients(1)[0])
cookie = {"Cookie": "; ".join(f"{k}={v}" for k, v in browser.cookies.items()), "X-Real-IP": browser.ip}
for s in slugs[:3]:
    status_of(app.port, f"/fr/providers/{s}")
status_of(app.port, "/fr/")
if BACKEND == "postgres":
    locker = subprocess.Popen(["psql", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-d", "app", "-c",
                               "BEGIN; LOCK TABLE bookings IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(30); COMMIT;"],
                              stdout=subprocess.DEVNULL)
else:
    def hold():
        c = sqlite.connect(database_url(), timeout=30, isolation_level=None)
        c.execute("BEGIN IMMEDIATE")
        time.sleep(30)
        c.execute("COMMIT")
    locker = threading.Thread(target=hold)
    locker.start()
time.sleep(1)
# Enough connections that no request queues in this generator: durations are the server's.
blocked = Load(app.port, ["/fr/account/bookings"], 20, 25, conns=150, headers=cookie).start()
unrelated = Load(app.port, ["/fr/"] + [f"/fr/providers/{s}" for s in slugs], 20, 25, conns=4).start()
b, u = blocked.wait(), unrelated.wait()
(locker.wait() if BACKEND == "postgres" else locker.join())
after = summary(Load(app.port, ["/fr/account/bookings"], 20, 5, conns=4, headers=cookie).start().wait())
bs, us = summary(b), summary(u)
if BACKEND == "postgres":
    blocked_ok = bs["max_ms"] <= 6000 and set(bs["statuses"]) <= {"200", "503"}
else:
    blocked_ok = bs["max_ms"] <= 6000 and not any(is_5xx(s) and s != 503 for _, _, s in b)
unrelated_ok = us["statuses"] == {"200": us["requests"]} and us["p99_ms"] < 500
ok_a = blocked_ok and unrelated_ok and after["statuses"] == {"200": after["requests"]}
result("R4a", ok_a, f"locked 30 s: its page {bs['statuses']} max {bs['max_ms'] / 1000:.2f} s; unrelated pages "
       f"{us['statuses']} p99 {us['p99_ms']} ms; after release {after['statuses']}", blocked=bs, unrelated=us)

if BACKEND == "postgres":
    load = Load(app.port, [f"/fr/providers/{s}" for s in slugs], 50, 20, conns=8).start()
    time.sleep(5)
    kill_at = time.time() - load.t0
    killed = PG.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = 'app' "
                    "AND pid <> pg_backend_pid()")
    records = load.wait()
    bad = [r for r in records if not is_ok(r[2])]
    late = [r for r in bad if r[0] > kill_at + 1]
    result("R4b", not late, f"{killed} connections terminated at {kill_at:.1f} s: {len(bad)} errors, "
           f"{len(late)} later than 1 s after", load=summary(records))
app.stop()
