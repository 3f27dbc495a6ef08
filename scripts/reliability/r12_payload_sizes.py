#!/usr/bin/env python3
"""R12 hostile sizes: 1 MB form bodies posted to the sign-in page for R12_SECONDS (default 30) on 8 connections.
Pass: every answer 400 or 413; RSS grows < 50 MB; the site answers normally afterwards."""
from lib import *

fresh_database()
app = App().start()
# The baseline once the app has warmed up (its pool's connections opened, the jobs' first pass done, pages
# rendered): what the 1 MB posts add, not what start-up does.
for slug, _ in approved_providers(20):
    status_of(app.port, f"/fr/providers/{slug}")
time.sleep(5)
rss0 = app.rss_kb()
body = b"password=" + b"a" * (1024 * 1024)
statuses, peak, lock = {}, rss0, threading.Lock()
deadline = time.time() + int(os.environ.get("R12_SECONDS", "30"))
def hammer():
    global peak
    while time.time() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", app.port, timeout=30)
            c.request("POST", "/fr/login", body=body, headers={"Content-Type": "application/x-www-form-urlencoded",
                                                                "Origin": BASE_URL})
            r = c.getresponse(); r.read(); s = r.status
            c.close()
        except (OSError, http.client.HTTPException) as e:
            s = type(e).__name__
        with lock:
            statuses[s] = statuses.get(s, 0) + 1
threads = [threading.Thread(target=hammer) for _ in range(8)]
[t.start() for t in threads]
while any(t.is_alive() for t in threads):
    peak = max(peak, app.rss_kb())
    time.sleep(0.5)
after = status_of(app.port, "/fr/")
growth = (peak - rss0) / 1024
app.stop()
ok = set(statuses) <= {400, 413} and growth < 50 and after == 200
result("R12", ok, f"{sum(statuses.values())} posts of 1 MB: {statuses}; RSS +{growth:.1f} MB at peak; home "
       f"afterwards {after}", statuses={str(k): v for k, v in statuses.items()}, rss_growth_mb=round(growth, 1))
