#!/usr/bin/env python3
"""R9 crash: kill -9 under 50 req/s, then start again. Pass: ready < 5 s after the start; a signed-in
visitor's cookie still opens their account (sessions live in the database); no slot holds two live bookings."""
from lib import *

fresh_database()
app = App().start()
slugs = [r[0] for r in approved_providers(20)]
browser = Browser(app.port).sign_in(clients(1)[0])
load = Load(app.port, [f"/fr/providers/{s}" for s in slugs], 50, 20, conns=8).start()
time.sleep(8)
app.kill9()
restarted = App(smtp=app.smtp, port=app.port).start(wait=False)
ready_after = restarted.wait_ready()
records = load.wait()
account = browser.get("/fr/account")[0]
doubles = sql("SELECT provider_id, scheduled_start FROM bookings WHERE status IN ('PENDING', 'CONFIRMED', "
              "'IN_PROGRESS') GROUP BY provider_id, scheduled_start HAVING count(*) > 1")
restarted.stop()
ok = ready_after < 5 and account == 200 and not doubles
result("R9", ok, f"ready {ready_after:.2f} s after the restart; the old session cookie opens /fr/account: "
       f"{account}; load meanwhile {summary(records)['statuses']}", ready_seconds=round(ready_after, 2))
