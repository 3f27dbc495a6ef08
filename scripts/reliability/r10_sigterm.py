#!/usr/bin/env python3
"""R10 graceful stop: SIGTERM under 50 req/s with a signed-in WebSocket open. Pass: exit 0 within 15 s; zero
5xx (later requests are refused at connect); the WebSocket gets a close frame, code 1012 (service restart)."""
import base64
import struct
from lib import *

fresh_database()
app = App().start()
slugs = [r[0] for r in approved_providers(20)]
browser = Browser(app.port).sign_in(clients(1)[0])
ws = socket.create_connection(("127.0.0.1", app.port), timeout=30)
key = base64.b64encode(os.urandom(16)).decode()
cookies = "; ".join(f"{k}={v}" for k, v in browser.cookies.items())
ws.sendall((f"GET /ws?lang=fr&view=other HTTP/1.1\r\nHost: khadamat.test\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: {BASE_URL}\r\n"
            f"X-Real-IP: {browser.ip}\r\nCookie: {cookies}\r\n\r\n").encode())
handshake = ws.recv(4096).decode(errors="replace")
upgraded = handshake.startswith("HTTP/1.1 101")
load = Load(app.port, [f"/fr/providers/{s}" for s in slugs], 50, 15, conns=8).start()
time.sleep(5)
sent = time.time()
app.signal(signal.SIGTERM)
close_code = None
buffer = b""
while close_code is None and upgraded:
    try:
        chunk = ws.recv(4096)
    except OSError:
        break
    if not chunk:
        break
    buffer += chunk
    while len(buffer) >= 2:
        opcode, length = buffer[0] & 0x0F, buffer[1] & 0x7F
        start = 2 + (2 if length == 126 else 8 if length == 127 else 0)
        if length == 126:
            length = struct.unpack(">H", buffer[2:4])[0]
        elif length == 127:
            length = struct.unpack(">Q", buffer[2:10])[0]
        if len(buffer) < start + length:
            break
        payload, buffer = buffer[start:start + length], buffer[start + length:]
        if opcode == 0x8:
            close_code = struct.unpack(">H", payload[:2])[0] if len(payload) >= 2 else 1005
closed_after = time.time() - sent
try:
    code = app.proc.wait(20)
except subprocess.TimeoutExpired:
    code = None
stopped_after = time.time() - sent
records = load.wait()
fives = [r for r in records if isinstance(r[2], int) and r[2] >= 500]
refused = sum(1 for r in records if not isinstance(r[2], int))
ok = code == 0 and stopped_after < 15 and not fives and close_code == 1012
result("R10", ok, f"exit {code} {stopped_after:.2f} s after SIGTERM; WebSocket closed with {close_code} after "
       f"{closed_after:.2f} s; {len(fives)} x 5xx, {refused} refused at connect after the stop",
       load=summary(records))
