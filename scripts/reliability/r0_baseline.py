#!/usr/bin/env python3
"""R0 baseline: home, a provider page and a search, each at a fixed 100 req/s for 15 s with browser headers.
Pass: 100 % 2xx, p99 <= 250 ms."""
from lib import *

fresh_database()
app = App().start()
slug = approved_providers(1)[0][0]
figures, ok = {}, True
for name, path in [("home", "/fr/"), ("provider", f"/fr/providers/{slug}"),
                   ("search", "/fr/providers?q=plomberie&city=casablanca")]:
    s = summary(Load(app.port, [path], rate=100, seconds=15, conns=16).start().wait())
    figures[name] = s
    ok &= s["statuses"] == {"200": s["requests"]} and s["p99_ms"] <= 250
    log(name, s)
app.stop()
result("R0", ok, ", ".join(f"{k} p50 {v['p50_ms']} ms p99 {v['p99_ms']} ms" for k, v in figures.items()), **figures)
