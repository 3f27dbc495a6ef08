#!/usr/bin/env python3
"""R13 email outbox: SMTP down for OUTAGE_SECONDS (default 600) while BURST (default 200) clients each ask a
different provider for a slot; the app is killed (-9) halfway through the burst and started again (requests
cut by the kill are sent again with the same form key, as a browser's retry would). Then SMTP comes back.
Pass: every booking request produces exactly one email to its provider (one Message-ID each, none twice),
within a minute of SMTP's return."""
from lib import *

outage = int(os.environ.get("OUTAGE_SECONDS", "600"))
burst = int(os.environ.get("BURST", "200"))
fresh_database()
smtp = Smtp()
smtp.down()
app = App(smtp=smtp).start()
providers = approved_providers(burst)
people = [Browser(app.port).sign_in(e) for e in clients(burst)]
plans = []
for browser, (slug, email) in zip(people, providers):
    found = bookable(browser, slug)
    if found:
        plans.append((browser, slug, email, found[0], found[1], found[2][0], secrets.token_hex(16)))
log(f"{len(plans)} bookable providers; burst starts with SMTP down")
t_outage = time.time()
state = {"app": app}
booked, retried, lock = {}, [0], threading.Lock()

def request(plan):
    browser, slug, email, service, date, time_, key = plan
    while True:
        try:
            status, headers, _ = browser.post(f"/fr/providers/{slug}/book", {
                "service": service, "date": date, "time": time_, "address": "12 rue des Orangers",
                "city": "casablanca", "description": "Chauffe-eau en panne depuis ce matin, merci de passer.",
                "key": key})
            if status in (502, 503) or status is None:
                raise ConnectionError(status)
            with lock:
                booked[key] = (status, headers.get("location", ""), email)
            return
        except (OSError, ConnectionError, http.client.HTTPException):
            with lock:
                retried[0] += 1
            time.sleep(0.2)

threads = []
for i, plan in enumerate(plans):
    t = threading.Thread(target=request, args=(plan,))
    t.start()
    threads.append(t)
    if i == len(plans) // 2:
        app.kill9()
        state["app"] = App(smtp=smtp, port=app.port).start(wait=False)
    time.sleep(0.02)
state["app"].wait_ready()
[t.join() for t in threads]
app = state["app"]
wins = [k for k, v in booked.items() if v[0] == 303]
log(f"{len(wins)} bookings made, {retried[0]} requests retried after the kill; outbox "
    f"{sql('SELECT status, count(*) FROM outbox GROUP BY status')}")
time.sleep(max(0, outage - (time.time() - t_outage)))
smtp.up()
back = time.time()
expected = {booked[k][2] for k in wins}
while time.time() - back < 120:
    if not sql("SELECT 1 FROM outbox WHERE kind = 'booking-request' AND status = 'PENDING'"):
        break
    time.sleep(1)
delivered_after = time.time() - back
time.sleep(3)
# The provider's booking-request emails: their Message-ID is the outbox row's dedup key.
keys = {r[0] for r in sql("SELECT dedup_key FROM outbox WHERE kind = 'booking-request'")}
got = [m for m in smtp.received() if m["message_id"].strip("<>").split("@")[0] in keys]
per_provider = {}
for m in got:
    per_provider[m["to"]] = per_provider.get(m["to"], 0) + 1
ids = [m["message_id"] for m in got]
missing = len(expected - set(per_provider))
twice = sum(1 for n in per_provider.values() if n > 1)
app.stop()
ok = len(wins) == len(plans) and missing == 0 and twice == 0 and len(set(ids)) == len(ids) and delivered_after < 60
result("R13", ok, f"{len(plans)} booking requests, {len(wins)} bookings, SMTP down {outage} s with a kill -9 "
       f"mid-burst ({retried[0]} retries): {len(got)} provider emails, {missing} missing, {twice} providers "
       f"emailed twice, all delivered {delivered_after:.1f} s after SMTP returned", emails=len(got),
       missing=missing, duplicates=twice)
