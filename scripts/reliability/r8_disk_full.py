#!/usr/bin/env python3
"""R8 disk full during upload: the app's UPLOAD_DIR is a 2 MB tmpfs; the demo provider sets an avatar, then sends
noisy 600×600 PNG photos (about 0.6 MB of stored files each) to the portfolio until the disk is full.
Pass: every answer 303 (kept) or 503 (disk full, page without internals), never 500; no partial, zero-byte or
unnamed file is left; every row's files are all there; the avatar is intact; other pages keep working; once space
is freed (the tmpfs grown), an upload succeeds again without a restart. Needs root (mount)."""
from lib import *
import zlib, struct

uploads = os.path.join(REL, "uploads-r8")
os.makedirs(uploads, exist_ok=True)
subprocess.run(["umount", uploads], capture_output=True)
mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", uploads], capture_output=True)
if mounted.returncode != 0:
    result("R8", False, f"could not mount a tmpfs (root needed): {mounted.stderr.decode().strip()}")
    sys.exit(1)


def noisy_png(w=600, h=600):
    raw = b"".join(b"\x00" + os.urandom(w * 3) for _ in range(h))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b""))


def upload(browser, path, png):
    if "__Host-csrf" not in browser.cookies:
        browser.get("/fr/")
    boundary = "r8" + secrets.token_hex(8)
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
            f"{browser.cookies['__Host-csrf']}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.png\"\r\n"
            f"Content-Type: image/png\r\n\r\n").encode() + png + f"\r\n--{boundary}--\r\n".encode()
    c = http.client.HTTPConnection("127.0.0.1", browser.port, timeout=60)
    try:
        headers = browser._headers({"Content-Type": f"multipart/form-data; boundary={boundary}", "Origin": BASE_URL})
        c.request("POST", path, body=body, headers=headers)
        r = c.getresponse()
        return r.status, r.read().decode(errors="replace")
    finally:
        c.close()


def widths(width):
    return [w for w in (96, 320, 800, 1600) if w < width] + [width]


def check_files():
    """(problems, rows): files no row names, zero-byte files, rows missing a file."""
    rows = sql("SELECT storage_key, width FROM media WHERE storage_key NOT LIKE 'de%' AND storage_key NOT LIKE 'df%'")
    expected = {f"{k}-{w}.{e}" for k, width in rows for w in widths(int(width)) for e in ("webp", "jpg")}
    present = set(os.listdir(uploads))
    problems = []
    problems += [f"unnamed {f}" for f in present - expected]
    problems += [f"empty {f}" for f in present if os.path.getsize(os.path.join(uploads, f)) == 0]
    problems += [f"missing {f}" for f in expected - present]
    return problems, rows


fresh_database(100)
app = App(UPLOAD_DIR=uploads).start()
try:
    b = Browser(app.port).sign_in("provider@khadamat.ma")
    avatar_status, _ = upload(b, "/fr/account/avatar", noisy_png(200, 200))
    avatar = sql("SELECT avatar_media_id FROM users WHERE email = 'provider@khadamat.ma'")[0][0]
    statuses, leaks = [], []
    for _ in range(8):
        status, page = upload(b, "/fr/provider/portfolio", noisy_png())
        statuses.append(status)
        if status >= 500 and any(w in page for w in ("panicked", "No space", "os error", "object_store")):
            leaks.append(status)
    home_while_full = status_of(app.port, "/fr/")
    problems, rows = check_files()
    avatar_after = sql("SELECT avatar_media_id FROM users WHERE email = 'provider@khadamat.ma'")[0][0]
    # Space freed: the tmpfs grows; the next upload is kept, without a restart.
    subprocess.run(["mount", "-o", "remount,size=16m", uploads], check=True)
    again, _ = upload(b, "/fr/provider/portfolio", noisy_png())
    problems_after, _ = check_files()
finally:
    app.stop()
    subprocess.run(["umount", uploads], capture_output=True)

full = statuses.count(503)
ok = (avatar_status == 303 and avatar and avatar_after == avatar and full > 0 and set(statuses) <= {303, 503}
      and not leaks and not problems and not problems_after and home_while_full == 200 and again == 303)
result("R8", ok, f"avatar {avatar_status}; portfolio uploads {statuses} ({full} refused while full); "
       f"stray or missing files {problems or 'none'}; avatar kept {avatar_after == avatar}; home while full "
       f"{home_while_full}; after freeing space {again}; then {problems_after or 'no stray files'}",
       statuses=statuses, refused_full=full, stray=len(problems) + len(problems_after))
sys.exit(0 if ok else 1)
