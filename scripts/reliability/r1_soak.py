#!/usr/bin/env python3
"""R1 soak: SOAK_SECONDS (default 600) at a fixed 70 req/s (provider pages 40, a signed-in account page 20,
search 10), sampling RSS, open files, threads and PostgreSQL connections every 10 s.
Pass: 0 x 5xx; RSS at the end <= RSS at minute 2 + max(10 %, 20 MB); files and threads within +-10;
PostgreSQL connections <= pool size + 1 (the event listener); p99 of the last minute <= 1.2 x minute 2's (+5 ms)."""
import os
from lib import *

seconds = int(os.environ.get("SOAK_SECONDS", "600"))
fresh_database()
app = App().start()
slugs = [r[0] for r in approved_providers(50)]
browser = Browser(app.port).sign_in(clients(1)[0])
cookie = {"Cookie": "; ".join(f"{k}={v}" for k, v in browser.cookies.items()), "X-Real-IP": browser.ip}
loads = [Load(app.port, [f"/fr/providers/{s}" for s in slugs], 40, seconds, conns=8),
         Load(app.port, ["/fr/account", "/fr/account/bookings"], 20, seconds, conns=4, headers=cookie),
         Load(app.port, ["/fr/providers?q=plomberie&city=casablanca", "/fr/providers?q=menage"], 10, seconds, conns=4)]
for l in loads:
    l.start()
samples = []
t0 = time.time()
while any(l.scheduler.is_alive() for l in loads):
    samples.append((time.time() - t0, app.rss_kb(), app.fds(), app.threads(),
                    PG.connections() if BACKEND == "postgres" else 0))
    time.sleep(10)
records = [r for l in loads for r in l.wait()]
app.stop()
early = [s for s in samples if s[0] >= min(120, seconds / 5)][0]
late = samples[-1]
fives = sum(1 for r in records if is_5xx(r[2]))
def p99(lo, hi):
    return percentile([d for t, d, _ in records if lo <= t < hi], 99) * 1000
p99_early, p99_late = p99(min(60, seconds / 5), min(120, 2 * seconds / 5)), p99(seconds - 60, seconds)
rss_ok = late[1] <= early[1] + max(early[1] * 0.10, 20 * 1024)
flat = abs(late[2] - early[2]) <= 10 and abs(late[3] - early[3]) <= 10
pool = int(os.environ.get("DATABASE_POOL_SIZE", "16"))  # PostgreSQL's default pool
conns_ok = max(s[4] for s in samples) <= pool + 1
latency_ok = p99_late <= 1.2 * p99_early + 5
ok = fives == 0 and rss_ok and flat and conns_ok and latency_ok
with open(os.path.join(REL, f"r1-{BACKEND}.csv"), "w") as f:
    f.write("seconds,rss_kb,fds,threads,pg_connections\n")
    f.writelines(",".join(str(round(v, 1)) for v in s) + "\n" for s in samples)
result("R1", ok, f"{len(records)} requests over {seconds} s, {fives} x 5xx; RSS {early[1] / 1024:.1f} -> "
       f"{late[1] / 1024:.1f} MB, files {early[2]} -> {late[2]}, threads {early[3]} -> {late[3]}, "
       f"max PG connections {max(s[4] for s in samples)}; p99 {p99_early:.1f} -> {p99_late:.1f} ms",
       load=summary(records), samples=len(samples))
