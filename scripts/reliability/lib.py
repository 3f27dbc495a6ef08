"""Shared parts of the fault campaign (docs/reliability.md): a dedicated PostgreSQL cluster, a local SMTP
server, the app started as production runs it, a fixed-rate load generator, a signed-in browser, and the
pass/fail line every script prints. Python's standard library only; loopback only; everything bounded.

Environment: REL (work folder, default /tmp/khadamat-rel), BIN (default target/release/khadamat),
BACKEND (sqlite or postgres, default sqlite), PROVIDERS (seeded providers, default 2000).
"""

import http.client
import json
import os
import queue
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
REL = os.environ.get("REL", "/tmp/khadamat-rel")
BIN = os.path.abspath(os.environ.get("BIN", os.path.join(ROOT, "target/release/khadamat")))
BACKEND = os.environ.get("BACKEND", "sqlite")
PROVIDERS = int(os.environ.get("PROVIDERS", "2000"))
PG_PORT = int(os.environ.get("PG_PORT", "55432"))
PG_BIN = next((p for p in sorted(os.listdir("/usr/lib/postgresql"), reverse=True)), "15") if os.path.isdir(
    "/usr/lib/postgresql") else "15"
PG_BIN = f"/usr/lib/postgresql/{PG_BIN}/bin"
BASE_URL = "https://khadamat.test"
SECRET = "reliability-campaign-secret-0123456789-abcdefghijklmnop"
DEMO_PASSWORD = "Khadamat-demo-2026"

os.makedirs(REL, exist_ok=True)


def log(*args):
    print("  ", *args, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------------------------- results

def result(test, passed, line_text, **figures):
    """The line a script ends with, also kept in $REL/results.jsonl for docs/reliability.md."""
    line = f"{test} {BACKEND}: {'PASS' if passed else 'FAIL'} — {line_text}"
    print(line, flush=True)
    with open(os.path.join(REL, "results.jsonl"), "a") as f:
        f.write(json.dumps({"test": test, "backend": BACKEND, "pass": passed, "summary": line_text,
                            "figures": figures, "at": time.strftime("%Y-%m-%d %H:%M:%S")}) + "\n")
    return passed


def percentile(values, p):
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


# ---------------------------------------------------------------------------------------------- PostgreSQL

class Pg:
    """A dedicated cluster on port 55432 in $REL/pg (never the machine's own), run as the postgres user."""

    def __init__(self):
        self.dir = os.path.join(REL, "pg")
        self.data = os.path.join(self.dir, "data")
        self.opts = (f"-p {PG_PORT} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=100 "
                     "-c fsync=off")

    def _as_postgres(self, cmd):
        done = subprocess.run(["su", "postgres", "-c", cmd], capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{cmd}: {done.stderr.strip() or done.stdout.strip()}")
        return done

    def ensure(self):
        if not os.path.isdir(self.data):
            os.makedirs(self.dir, exist_ok=True)
            shutil.chown(self.dir, "postgres")
            self._as_postgres(f"{PG_BIN}/initdb -D {self.data} -A trust -U postgres")
        if not self.up():
            self.start()
        elif self.sql("SHOW data_directory", db="postgres") != self.data:
            raise RuntimeError(f"port {PG_PORT} is taken by another PostgreSQL cluster (not {self.data})")

    def up(self):
        return subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", str(PG_PORT), "-q"]).returncode == 0

    def start(self):
        self._as_postgres(f"{PG_BIN}/pg_ctl -D {self.data} -o '{self.opts}' -l {self.dir}/pg.log start -w")

    def stop(self):
        self._as_postgres(f"{PG_BIN}/pg_ctl -D {self.data} stop -m fast -w")

    def restart(self):
        self._as_postgres(f"{PG_BIN}/pg_ctl -D {self.data} -o '{self.opts}' -l {self.dir}/pg.log restart -m fast -w")

    def sql(self, query, db="app"):
        out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-d", db, "-Atqc",
                              query], check=True, capture_output=True, text=True)
        return out.stdout.strip()

    def recreate(self, db="app"):
        self.sql(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)", db="postgres")
        self.sql(f"CREATE DATABASE {db}", db="postgres")

    def connections(self, db="app"):
        return int(self.sql(f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{db}' AND pid <> pg_backend_pid()") or 0)


PG = Pg()


def database_url():
    if BACKEND == "postgres":
        return f"postgres://postgres@127.0.0.1:{PG_PORT}/app"
    return os.path.join(REL, "app.db")


def sql(query):
    """One query on the campaign's database, rows as tuples of strings."""
    if BACKEND == "postgres":
        out = PG.sql(query)
        return [tuple(line.split("|")) for line in out.splitlines() if line]
    with sqlite3.connect(database_url(), timeout=30) as c:
        return [tuple("" if v is None else str(v) for v in row) for row in c.execute(query).fetchall()]


def fresh_database(providers=PROVIDERS):
    """A new database, migrated and seeded with `providers` demo providers (seed 42), copied from a template
    seeded once per size ($REL/template-N.db, or PostgreSQL database template_N)."""
    template = f"template_{providers}"
    # The seed's demo pictures go beside the campaign's files, not into the checkout.
    env = dict(os.environ, KHADAMAT_ENV="development", LOG_LEVEL="warn", UPLOAD_DIR=os.path.join(REL, "seed-uploads"))
    if BACKEND == "postgres":
        PG.ensure()
        if not PG.sql(f"SELECT 1 FROM pg_database WHERE datname = '{template}'", db="postgres"):
            PG.sql(f"CREATE DATABASE {template}", db="postgres")
            env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:{PG_PORT}/{template}"
            subprocess.run([BIN, "seed", "--providers", str(providers), "--seed", "42"], env=env, check=True,
                           capture_output=True, cwd=ROOT)
        PG.sql("DROP DATABASE IF EXISTS app WITH (FORCE)", db="postgres")
        PG.sql(f"CREATE DATABASE app TEMPLATE {template}", db="postgres")
    else:
        path = os.path.join(REL, f"{template}.db")
        if not os.path.exists(path):
            env["DATABASE_URL"] = path
            subprocess.run([BIN, "seed", "--providers", str(providers), "--seed", "42"], env=env, check=True,
                           capture_output=True, cwd=ROOT)
            with sqlite3.connect(path) as c:
                c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(database_url() + suffix)
            except FileNotFoundError:
                pass
        shutil.copyfile(path, database_url())


# ---------------------------------------------------------------------------------------------- SMTP

class Smtp:
    """A real SMTP server on a free port. mode: "ok" (accepts), "refuse" (451 on MAIL FROM), "down" (the
    port is closed: connection refused)."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.messages = []
        self.lock = threading.Lock()
        self.mode = "ok"
        self.listener = None
        self.up()

    def up(self):
        self.mode = "ok"
        if self.listener is None:
            self.listener = socket.socket()
            self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.listener.bind(("127.0.0.1", self.port))
            self.listener.listen(64)
            threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def down(self):
        self.mode = "down"
        if self.listener is not None:
            listener, self.listener = self.listener, None
            try:
                listener.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            listener.close()

    def _accept(self, listener):
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn):
        f = conn.makefile("rb")
        send = lambda line: conn.sendall(line.encode() + b"\r\n")
        try:
            send("220 khadamat-test ESMTP")
            rcpt = []
            while True:
                line = f.readline()
                if not line:
                    return
                cmd = line.decode(errors="replace").strip()
                verb = cmd[:4].upper()
                if verb in ("EHLO", "HELO"):
                    send("250-khadamat-test\r\n250 8BITMIME" if verb == "EHLO" else "250 khadamat-test")
                elif verb == "MAIL":
                    send("451 4.3.0 try again later" if self.mode == "refuse" else "250 OK")
                    rcpt = []
                elif verb == "RCPT":
                    rcpt.append(cmd.split(":", 1)[1].strip().strip("<>"))
                    send("250 OK")
                elif verb == "DATA":
                    send("354 end with .")
                    data = []
                    while True:
                        l = f.readline()
                        if not l or l in (b".\r\n", b".\n"):
                            break
                        data.append(l)
                    text = b"".join(data).decode(errors="replace")
                    mid = re.search(r"^Message-ID:\s*(\S+)", text, re.M | re.I)
                    subject = re.search(r"^Subject:\s*(.*)$", text, re.M | re.I)
                    with self.lock:
                        for to in rcpt:
                            self.messages.append({"to": to, "message_id": mid.group(1) if mid else "",
                                                  "subject": subject.group(1).strip() if subject else "",
                                                  "text": text})
                    send("250 OK queued")
                elif verb == "QUIT":
                    send("221 bye")
                    return
                else:
                    send("250 OK")
        except OSError:
            pass
        finally:
            conn.close()

    def received(self):
        with self.lock:
            return list(self.messages)


# ---------------------------------------------------------------------------------------------- the app

_vapid = {}


def vapid_keys():
    """A VAPID key pair from the binary (`khadamat vapid-keys`), once per run: production needs one."""
    if not _vapid:
        out = subprocess.run([BIN, "vapid-keys"], capture_output=True, text=True, check=True).stdout
        _vapid.update(line.split("=", 1) for line in out.split() if "=" in line)
    return _vapid


class App:
    """The release binary as production runs it (KHADAMAT_ENV=production, SMTP, X-Real-IP behind a proxy)."""

    def __init__(self, smtp=None, port=None, **env):
        self.port = port or free_port()
        self.smtp = smtp or Smtp()
        self.env = dict(os.environ, KHADAMAT_ENV="production", HOST="127.0.0.1", PORT=str(self.port),
                        BASE_URL=BASE_URL, DATABASE_URL=database_url(), SESSION_SECRET=SECRET,
                        SMTP_HOST="127.0.0.1", SMTP_PORT=str(self.smtp.port), SMTP_TLS="none",
                        IP_HEADER="X-Real-IP", LOG_LEVEL="warn", STATIC_DIR=os.path.join(ROOT, "static"),
                        JOBS_INTERVAL_SECONDS="60", **vapid_keys())
        self.env.update({k: str(v) for k, v in env.items()})
        self.proc = None
        self.log_path = os.path.join(REL, f"app-{self.port}.log")

    def start(self, wait=True):
        logf = open(self.log_path, "ab")
        self.proc = subprocess.Popen([BIN, "serve"], env=self.env, stdout=logf, stderr=subprocess.STDOUT, cwd=REL)
        self.started = time.time()
        if wait:
            self.wait_ready()
        return self

    def wait_ready(self, timeout=60):
        """Seconds until /ready answered 200."""
        t0 = time.time()
        while time.time() - t0 < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"app exited with {self.proc.returncode}; see {self.log_path}")
            try:
                if status_of(self.port, "/ready") == 200:
                    return time.time() - t0
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"app not ready after {timeout} s")

    @property
    def pid(self):
        return self.proc.pid

    def rss_kb(self):
        with open(f"/proc/{self.pid}/status") as f:
            return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))

    def fds(self):
        return len(os.listdir(f"/proc/{self.pid}/fd"))

    def threads(self):
        return len(os.listdir(f"/proc/{self.pid}/task"))

    def signal(self, sig):
        self.proc.send_signal(sig)

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self, timeout=30):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode if self.proc else None

    def log_text(self):
        with open(self.log_path, errors="replace") as f:
            return f.read()


def status_of(port, path, headers=None, timeout=5):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request("GET", path, headers=headers or {})
        r = c.getresponse()
        r.read()
        return r.status
    finally:
        c.close()


BROWSER_HEADERS = {
    "User-Agent": "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36",
    "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
    "Accept-Encoding": "gzip, deflate, br, zstd",
    "Accept-Language": "fr-MA,fr;q=0.9,ar;q=0.8",
}


# ---------------------------------------------------------------------------------------------- load

class Load:
    """Fixed-rate load: `rate` requests per second for `seconds`, on `conns` keep-alive connections. Each
    record is (scheduled start since t0, duration from the scheduled start — queueing included, so a stall
    shows — and status, or an error name). Runs in the background; `wait()` returns the records."""

    def __init__(self, port, paths, rate, seconds, conns=8, headers=None, timeout=30):
        self.port, self.paths, self.rate, self.seconds, self.conns = port, paths, rate, seconds, conns
        self.headers = dict(BROWSER_HEADERS, **(headers or {}))
        self.timeout = timeout
        self.records = []
        self.lock = threading.Lock()
        self.jobs = queue.Queue()
        self.t0 = None

    def start(self):
        self.t0 = time.time()
        self.workers = [threading.Thread(target=self._work, daemon=True) for _ in range(self.conns)]
        for w in self.workers:
            w.start()
        self.scheduler = threading.Thread(target=self._schedule, daemon=True)
        self.scheduler.start()
        return self

    def _schedule(self):
        n = int(self.rate * self.seconds)
        for i in range(n):
            at = self.t0 + i / self.rate
            delay = at - time.time()
            if delay > 0:
                time.sleep(delay)
            self.jobs.put((at, self.paths[i % len(self.paths)]))
        for _ in self.workers:
            self.jobs.put(None)

    def _work(self):
        conn = None
        while True:
            job = self.jobs.get()
            if job is None:
                return
            at, path = job
            status = None
            for attempt in (1, 2):
                try:
                    if conn is None:
                        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
                    conn.request("GET", path, headers=self.headers)
                    r = conn.getresponse()
                    r.read()
                    status = r.status
                    if r.getheader("connection", "").lower() == "close":
                        conn.close()
                        conn = None
                    break
                except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as e:
                    # A kept-alive connection the server closed between requests: reconnect once.
                    conn = None
                    status = type(e).__name__
                    if attempt == 2:
                        break
                except (OSError, http.client.HTTPException) as e:
                    conn = None
                    status = type(e).__name__
                    break
            with self.lock:
                self.records.append((at - self.t0, time.time() - at, status))

    def wait(self):
        self.scheduler.join()
        for w in self.workers:
            w.join()
        return sorted(self.records)


def summary(records):
    statuses = {}
    for _, _, s in records:
        statuses[s] = statuses.get(s, 0) + 1
    durations = [d for _, d, _ in records]
    return {
        "requests": len(records),
        "statuses": {str(k): v for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0]))},
        "p50_ms": round(percentile(durations, 50) * 1000, 1),
        "p99_ms": round(percentile(durations, 99) * 1000, 1),
        "max_ms": round(max(durations, default=0) * 1000, 1),
    }


def is_ok(status):
    return isinstance(status, int) and status < 400


def is_5xx(status):
    return not isinstance(status, int) or status >= 500


# ---------------------------------------------------------------------------------------------- a browser

class Browser:
    """One visitor: its own cookies, its own address (X-Real-IP), forms posted with the CSRF token."""

    def __init__(self, port, ip=None):
        self.port = port
        self.ip = ip or f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250) + 1}"
        self.cookies = {}

    def _headers(self, extra=None):
        h = dict(BROWSER_HEADERS, **{"X-Real-IP": self.ip})
        h.pop("Accept-Encoding")
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        h.update(extra or {})
        return h

    def request(self, method, path, body=None, extra=None, timeout=30):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            headers = self._headers(extra)
            if body is not None:
                headers["Content-Type"] = "application/x-www-form-urlencoded"
                headers["Origin"] = BASE_URL
            c.request(method, path, body=body, headers=headers)
            r = c.getresponse()
            text = r.read().decode(errors="replace")
            for k, v in r.getheaders():
                if k.lower() == "set-cookie":
                    name, _, rest = v.partition("=")
                    value = rest.split(";", 1)[0]
                    if "Max-Age=0" in v or value == "":
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = value
            return r.status, dict((k.lower(), v) for k, v in r.getheaders()), text
        finally:
            c.close()

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        if "__Host-csrf" not in self.cookies:
            self.get("/fr/")
        fields = dict(fields, csrf_token=self.cookies.get("__Host-csrf", ""))
        return self.request("POST", path, urllib.parse.urlencode(fields))

    def sign_in(self, email, password=DEMO_PASSWORD):
        status, headers, _ = self.post("/fr/login", {"email": email, "password": password})
        if status != 303:
            raise RuntimeError(f"sign-in of {email}: {status}")
        return self


def clients(n):
    """Emails of n seeded clients."""
    rows = sql(f"SELECT email FROM users WHERE role = 'CLIENT' AND email LIKE 'client-%' ORDER BY id LIMIT {n}")
    return [r[0] for r in rows]


def bookable(browser, slug):
    """(service id, date, [free times]) for a provider's first service, on the first date with free times."""
    import datetime
    status, _, page = browser.get(f"/fr/providers/{slug}/book")
    service = re.search(r'<option value="(\d+)"', page)
    if status != 200 or not service:
        return None
    for days in range(1, 21):
        date = (datetime.date.today() + datetime.timedelta(days=days)).isoformat()
        _, _, page = browser.get(f"/fr/providers/{slug}/book?service={service.group(1)}&date={date}")
        times = re.findall(r'name="time" value="(\d\d:\d\d)"', page)
        if times:
            return service.group(1), date, times
    return None


def book(browser, slug, service, date, time_, city="casablanca"):
    """Posts a booking request; (status, location)."""
    status, headers, _ = browser.post(f"/fr/providers/{slug}/book", {
        "service": service, "date": date, "time": time_, "address": "12 rue des Orangers",
        "city": city, "description": "Fuite sous l'évier de la cuisine, merci de venir avec vos outils.",
        "key": secrets.token_hex(16)})
    return status, headers.get("location", "")


def approved_providers(n, city="casablanca"):
    """Slugs of n approved providers serving `city` with at least one active service, and their emails."""
    rows = sql(
        "SELECT p.slug, u.email FROM providers p JOIN users u ON u.id = p.user_id "
        "JOIN cities c ON c.id = p.city_id "
        f"WHERE p.status = 'APPROVED' AND c.slug = '{city}' AND u.status = 'ACTIVE' "
        "AND EXISTS (SELECT 1 FROM services s WHERE s.provider_id = p.id AND s.is_active) "
        f"ORDER BY p.id LIMIT {n}")
    return rows
