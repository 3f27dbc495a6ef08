#!/usr/bin/env python3
"""Stripe webhook handling under load: signed events posted to /webhooks/stripe by several senders at once, as
Stripe delivers them, against the release binary (production settings) and a local Stripe-protocol stub that
answers the subscription re-read each event makes (objects from tests/it/support/stripe_fixtures.json).

Prints, per kind of delivery, the requests per second and p50 / p90 / p99 / max latency:
  new events      a new `invoice.paid` or `customer.subscription.updated` (re-read from Stripe, stored once,
                  applied in one transaction: payment row, state, audit)
  replays         the same event again (found by id: nothing is read from Stripe, nothing changes)

  BACKEND=sqlite|postgres EVENTS=2000 SENDERS=8 scripts/bench-webhooks.py
Needs the release build (cargo build --release --bin khadamat); loopback only; bounded in time.
"""

import hashlib
import hmac
import http.server
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "reliability"))
import lib  # noqa: E402

EVENTS = int(os.environ.get("EVENTS", "2000"))
SENDERS = int(os.environ.get("SENDERS", "8"))
SECRET_KEY = "sk_test_bench"
WEBHOOK_SECRET = "whsec_bench"
PRICE = "price_bench_monthly"
FIXTURES = json.load(open(os.path.join(lib.ROOT, "tests/it/support/stripe_fixtures.json")))


def subscription(now):
    s = json.loads(json.dumps(FIXTURES["subscription"]))
    s.update(id="sub_bench", customer="cus_bench", status="active", currency="mad", cancel_at=None,
             canceled_at=None, ended_at=None, cancel_at_period_end=False, metadata={})
    item = s["items"]["data"][0]
    item.update(subscription="sub_bench", current_period_start=now, current_period_end=now + 30 * 86400)
    item["price"].update(id=PRICE, currency="mad", unit_amount=19900)
    return s


class Stub(http.server.BaseHTTPRequestHandler):
    """GET /v1/subscriptions/sub_bench, as Stripe answers it."""

    def do_GET(self):
        if self.path.startswith("/v1/subscriptions/sub_bench"):
            body = json.dumps(subscription(int(time.time()))).encode()
            self.send_response(200)
        else:
            body = b'{"error":{"type":"invalid_request_error","message":"No such object"}}'
            self.send_response(404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def event(n, kind, obj):
    e = dict(FIXTURES["event"], id=f"evt_bench_{n}", type=kind, created=int(time.time()), livemode=False,
             data={"object": obj})
    payload = json.dumps(e)
    t = int(time.time())
    sig = hmac.new(WEBHOOK_SECRET.encode(), f"{t}.{payload}".encode(), hashlib.sha256).hexdigest()
    return payload, f"t={t},v1={sig}"


def invoice(n):
    i = json.loads(json.dumps(FIXTURES["invoice"]))
    now = int(time.time())
    i.update(id=f"in_bench_{n}", customer="cus_bench", currency="mad", amount_due=19900, amount_paid=19900,
             status="paid", number=f"B-{n}", hosted_invoice_url=None, subscription="sub_bench",
             parent={"type": "subscription_details", "quote_details": None,
                     "subscription_details": {"metadata": {}, "subscription": "sub_bench"}})
    i["status_transitions"]["paid_at"] = now
    return i


def send(port, deliveries):
    """Posts the deliveries from SENDERS threads; returns (seconds, latencies in ms, statuses)."""
    latencies, statuses, lock = [], {}, threading.Lock()
    todo = list(deliveries)

    def work():
        while True:
            with lock:
                if not todo:
                    return
                payload, sig = todo.pop()
            c = lib.http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            t0 = time.perf_counter()
            c.request("POST", "/webhooks/stripe", body=payload,
                      headers={"Stripe-Signature": sig, "Content-Type": "application/json"})
            r = c.getresponse()
            r.read()
            ms = (time.perf_counter() - t0) * 1000
            c.close()
            with lock:
                latencies.append(ms)
                statuses[r.status] = statuses.get(r.status, 0) + 1

    t0 = time.perf_counter()
    threads = [threading.Thread(target=work) for _ in range(SENDERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0, latencies, statuses


def report(name, seconds, latencies, statuses):
    p = lambda q: lib.percentile(latencies, q)  # noqa: E731
    print(f"{name:12} {len(latencies) / seconds:8.0f} req/s   p50 {p(50):6.1f} ms   p90 {p(90):6.1f} ms   "
          f"p99 {p(99):6.1f} ms   max {max(latencies):6.1f} ms   statuses {statuses}")


def main():
    stub = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    threading.Thread(target=stub.serve_forever, daemon=True).start()
    lib.fresh_database(providers=int(os.environ.get("PROVIDERS", "200")))
    user = lib.sql("SELECT id FROM users WHERE email = 'provider@khadamat.ma'")[0][0]
    lib.sql(f"UPDATE subscription_plans SET stripe_price_id = '{PRICE}' WHERE code = 'CLUB_PRO_MONTHLY'")
    lib.sql("INSERT INTO subscriptions (user_id, plan_id, status, stripe_customer_id, stripe_subscription_id, "
            "created_at, updated_at) SELECT " + user + ", id, 'PENDING', 'cus_bench', 'sub_bench', "
            "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM subscription_plans WHERE code = 'CLUB_PRO_MONTHLY'")
    app = lib.App(STRIPE_SECRET_KEY=SECRET_KEY, STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET,
                  STRIPE_API_BASE=f"http://127.0.0.1:{stub.server_address[1]}")
    app.smtp.up()
    app.start()
    try:
        sub = subscription(int(time.time()))
        fresh = [event(n, "invoice.paid", invoice(n)) if n % 2 else
                 event(n, "customer.subscription.updated", sub) for n in range(EVENTS)]
        # Warm up (connections, statement caches), then measure.
        send(app.port, [event(f"warm_{n}", "invoice.paid", invoice(f"warm_{n}")) for n in range(100)])
        print(f"backend {lib.BACKEND}, {EVENTS} events, {SENDERS} senders, release build, production settings")
        report("new events", *send(app.port, fresh))
        report("replays", *send(app.port, fresh[:EVENTS // 2]))
        paid = lib.sql("SELECT count(*) FROM payments")[0][0]
        stored = lib.sql("SELECT count(*) FROM webhook_events")[0][0]
        print(f"payments {paid}, events stored {stored} (each once), RSS {app.rss_kb() // 1024} MB")
    finally:
        app.stop()
        app.smtp.down()
        stub.shutdown()


if __name__ == "__main__":
    main()
