#!/usr/bin/env python3
"""R11 time-based expiry under a shifted clock (libfaketime, wall clock only; timers keep the real monotonic
clock): a password-reset link dies after 1 h, a session idle for 2 h is signed out, the site keeps working.
Pass: the link works at +0, not at +61 min (400, the page says it expired); the idle session opens /fr/account at +0 and is sent to
sign in at +2 h 5 min; pages answer 200 throughout."""
import glob
import quopri
from lib import *

lib = (glob.glob("/usr/lib/*/faketime/libfaketimeMT.so.1") or [None])[0]
if not lib:
    result("R11", False, "libfaketime is not installed (apt-get install faketime)")
    sys.exit(1)
fresh_database()
clock = os.path.join(REL, "faketime.rc")
with open(clock, "w") as f:
    f.write("+0\n")
app = App(LD_PRELOAD=lib, FAKETIME_TIMESTAMP_FILE=clock, FAKETIME_NO_CACHE="1", FAKETIME_DONT_FAKE_MONOTONIC="1",
          JOBS_INTERVAL_SECONDS="0").start()
people = clients(2)
session = Browser(app.port).sign_in(people[0])
visitor = Browser(app.port)
visitor.post("/fr/password/forgot", {"email": people[1]})
time.sleep(1.5)
mail = [m for m in app.smtp.received() if m["to"] == people[1]]
text = quopri.decodestring(mail[-1]["text"].encode()).decode(errors="replace") if mail else ""
link = re.search(r"https://khadamat\.test(/fr/password/reset/[A-Za-z0-9_-]+)", text)
steps = {"account +0": session.get("/fr/account")[0], "link +0": visitor.get(link.group(1))[0] if link else None}
def shift(offset):
    with open(clock, "w") as f:
        f.write(offset + "\n")
    time.sleep(0.2)
shift("+61m")
steps["link +61m"] = visitor.get(link.group(1))[0] if link else None
steps["home +61m"] = status_of(app.port, "/fr/")
shift("+125m")
status, headers, _ = session.get("/fr/account")
steps["account +125m"] = f"{status} {headers.get('location', '').split('?')[0]}"
steps["home +125m"] = status_of(app.port, "/fr/")
app.stop()
ok = (steps["account +0"] == 200 and steps["link +0"] == 200 and steps["link +61m"] == 400
      and steps["account +125m"].startswith("303 /fr/login") and steps["home +61m"] == 200 and steps["home +125m"] == 200)
result("R11", ok, ", ".join(f"{k}: {v}" for k, v in steps.items()), steps=steps)
