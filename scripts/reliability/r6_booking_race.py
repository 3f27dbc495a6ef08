#!/usr/bin/env python3
"""R6 concurrency, RACES (default 3) times on different providers:
1. 50 signed-in clients ask the same provider for the same slot at the same instant: requests may overlap
   (the provider chooses), so each gets its pending request — or the form back — and never a 5xx;
2. the provider accepts all 50 at the same instant: exactly one becomes confirmed, the others are refused
   or rejected (slot taken), never a 5xx;
3. 50 clients ask for that now-confirmed slot at the same instant: all get the form back (4xx).
Pass: one confirmed booking per slot (no double booking), no 5xx, one `booking.requested` audit row per booking."""
from lib import *

races = int(os.environ.get("RACES", "3"))
fresh_database()
app = App().start()
people = [Browser(app.port).sign_in(e) for e in clients(50)]


def at_once(actions):
    barrier = threading.Barrier(len(actions))
    statuses = []
    def run(action):
        barrier.wait()
        statuses.append(action())
    threads = [threading.Thread(target=run, args=(a,)) for a in actions]
    [t.start() for t in threads]
    [t.join() for t in threads]
    return statuses


ok, lines = True, []
for slug, email in approved_providers(races):
    service, date, times = bookable(people[0], slug)
    made = at_once([lambda b=b: book(b, slug, service, date, times[0]) for b in people])
    requested = [status for status, _ in made]
    provider = Browser(app.port).sign_in(email)
    pid = sql(f"SELECT id FROM providers WHERE slug = '{slug}'")[0][0]
    # The bookings made: their pages are where each client was sent.
    pending = [loc.split("?")[0].rsplit("/", 1)[1] for status, loc in made if status == 303 and "/bookings/" in loc]
    accepted = at_once([lambda i=i: provider.post(f"/fr/provider/bookings/{i}/accept", {})[0] for i in pending])
    confirmed = sql(f"SELECT count(*) FROM bookings WHERE provider_id = {pid} AND status = 'CONFIRMED' AND id IN "
                    f"({','.join(pending) or '0'})")[0][0]
    again = at_once([lambda b=b: book(b, slug, service, date, times[0])[0] for b in people])
    fives = sum(1 for s in requested + accepted + again if s >= 500)
    lines.append(f"{len(pending)} requests ({sorted(set(requested))}), accepts {sorted(set(accepted))} -> "
                 f"{confirmed} confirmed, then {sorted(set(again))} for the taken slot")
    ok &= len(pending) >= 1 and confirmed == "1" and fives == 0 and all(400 <= s < 500 for s in again)
doubles = sql("SELECT provider_id, scheduled_start FROM bookings WHERE status IN ('CONFIRMED', 'IN_PROGRESS') "
              "GROUP BY provider_id, scheduled_start HAVING count(*) > 1")
audits = sql("SELECT count(*) FROM bookings b WHERE (SELECT count(*) FROM audit_logs a WHERE a.action = "
             "'booking.requested' AND a.target_kind = 'booking' AND a.target_id = b.id) > 1")
app.stop()
ok &= not doubles and audits[0][0] == "0"
result("R6", ok, f"{races} x 50-way races: " + "; ".join(lines[:1]) + f"; slots confirmed twice: {len(doubles)}",
       races=lines, doubles=len(doubles))
