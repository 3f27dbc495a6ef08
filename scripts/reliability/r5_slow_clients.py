#!/usr/bin/env python3
"""R5 slow clients: SLOW_HEADERS (default 500) connections trickling their headers and SLOW_BODIES (default
1100) trickling form bodies, one byte every 2 s, while visitors load provider pages (20 req/s, 50 s).
Pass: the visitors get 100 % 2xx with p99 < 1 s; the slow connections are cut by the server (headers after
~5 s, bodies after their deadline)."""
from lib import *

n_headers = int(os.environ.get("SLOW_HEADERS", "500"))
n_bodies = int(os.environ.get("SLOW_BODIES", "1100"))
fresh_database()
app = App().start()
slugs = [r[0] for r in approved_providers(20)]
socks, opened = [], time.time()
for i in range(n_headers + n_bodies):
    s = socket.create_connection(("127.0.0.1", app.port))
    s.setblocking(False)
    if i < n_headers:
        s.send(b"GET /fr/ HTTP/1.1\r\nHost: khadamat.test\r\n")
    else:
        s.send(b"POST /fr/login HTTP/1.1\r\nHost: khadamat.test\r\nContent-Type: application/x-www-form-"
               b"urlencoded\r\nContent-Length: 8192\r\n\r\nemail=")
    socks.append([s, "header" if i < n_headers else "body", None])
log(f"{len(socks)} slow connections open in {time.time() - opened:.1f} s; {app.fds()} files open in the app")
load = Load(app.port, [f"/fr/providers/{s}" for s in slugs], 20, 50, conns=4).start()
t0 = time.time()
open_at = {}
while load.scheduler.is_alive():
    for entry in socks:
        s, kind, closed = entry
        if closed is not None:
            continue
        try:
            s.send(b"X-a: b\r\n" if kind == "header" else b"a")
            try:
                if not s.recv(4096):
                    entry[2] = time.time() - t0
            except BlockingIOError:
                pass
        except OSError:
            entry[2] = time.time() - t0
    second = int(time.time() - t0)
    open_at[second] = sum(1 for e in socks if e[2] is None)
    time.sleep(2)
records = load.wait()
s = summary(records)
cut = {k: sorted(e[2] for e in socks if e[1] == k and e[2] is not None) for k in ("header", "body")}
for e in socks:
    e[0].close()
max_fds = app.fds()
app.stop()
ok = s["statuses"] == {"200": s["requests"]} and s["p99_ms"] < 1000 and len(cut["header"]) == n_headers \
    and len(cut["body"]) == n_bodies
result("R5", ok, f"{n_headers} slow headers cut after {percentile(cut['header'], 50):.0f} s (median), "
       f"{n_bodies} slow bodies cut after {percentile(cut['body'], 50):.0f} s; visitors meanwhile {s['statuses']} "
       f"p99 {s['p99_ms']} ms", visitors=s, headers_cut=len(cut["header"]), bodies_cut=len(cut["body"]))
