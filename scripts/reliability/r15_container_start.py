#!/usr/bin/env python3
"""R15 the container's start, outside a container (no Docker engine here): the Dockerfile's environment, an
unprivileged user owning only the data and upload folders (as uid 10001 does in the image), `khadamat serve`
on SQLite's default file there, then the image's HEALTHCHECK command (`khadamat health`) and the readiness
probe. Where a Docker engine answers, the image itself is built and run the same way.
Pass: the database file is created by the unprivileged user, `khadamat health` and `khadamat health --ready`
exit 0, SIGTERM exits 0."""
import pwd
import tempfile
from lib import *

smtp = Smtp()
port = free_port()
root = tempfile.mkdtemp(prefix="khadamat-image-")
os.chmod(root, 0o755)
user = pwd.getpwnam("nobody")
for sub in ("data", "uploads"):
    os.makedirs(os.path.join(root, sub))
    os.chown(os.path.join(root, sub), user.pw_uid, user.pw_gid)
binary = os.path.join(root, "khadamat")
shutil.copy(BIN, binary)
shutil.copytree(os.path.join(ROOT, "static"), os.path.join(root, "static"))
env = {"PATH": "/usr/bin:/bin", "KHADAMAT_ENV": "production", "HOST": "0.0.0.0", "PORT": str(port),
       "STATIC_DIR": f"{root}/static", "UPLOAD_DIR": f"{root}/uploads", "DATABASE_URL": f"{root}/data/khadamat.db",
       "BASE_URL": "https://khadamat.test", "SESSION_SECRET": SECRET, "SMTP_HOST": "127.0.0.1",
       "SMTP_PORT": str(smtp.port), "SMTP_TLS": "none", "LOG_LEVEL": "warn", **vapid_keys()}
def as_nobody(*args):
    return ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", binary, *args]
proc = subprocess.Popen(as_nobody("serve"), env=env, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
health = ready = None
t0 = time.time()
while time.time() - t0 < 60 and proc.poll() is None:
    health = subprocess.run(as_nobody("health"), env=env, cwd=root, capture_output=True).returncode
    if health == 0:
        ready = subprocess.run(as_nobody("health", "--ready"), env=env, cwd=root, capture_output=True).returncode
        if ready == 0:
            break
    time.sleep(0.2)
started = time.time() - t0
owner = os.stat(f"{root}/data/khadamat.db").st_uid if os.path.exists(f"{root}/data/khadamat.db") else None
proc.send_signal(signal.SIGTERM)
try:
    code = proc.wait(20)
except subprocess.TimeoutExpired:
    proc.kill()
    code = None
err = proc.stderr.read().decode(errors="replace")[-500:]
shutil.rmtree(root, ignore_errors=True)
ok = health == 0 and ready == 0 and owner == user.pw_uid and code == 0
result("R15", ok, f"as an unprivileged user: health {health}, ready {ready} after {started:.1f} s, database file "
       f"owned by uid {owner}, SIGTERM exit {code}" + ("" if ok else f"; stderr: {err}"))
