#!/usr/bin/env python3
"""Compressed weight of a page and of every resource it loads (stylesheets, scripts, images, icon
sprites, favicon, manifest), as a browser would fetch them with Accept-Encoding: gzip. Stored pictures
(`<picture>`): the WebP a one-pixel-per-CSS-pixel screen picks for the `sizes` given ("lazy" ones load only when
scrolled to).

    scripts/page-weight.py http://127.0.0.1:4000/fr/
"""
import gzip
import re
import sys
import urllib.request
from urllib.parse import urljoin


def fetch(url):
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(req) as res:
        raw = res.read()
        encoded = res.headers.get("Content-Encoding") == "gzip"
        body = gzip.decompress(raw) if encoded else raw
        return len(raw), body


def main(url):
    size, html = fetch(url)
    text = html.decode("utf-8")
    rows = [("document", url, size)]
    seen = set()
    head = text.split("</head>")[0]
    blocking = [m for m in re.findall(r"<script\b[^>]*>", head) if "defer" not in m and "async" not in m]
    for attr in re.findall(r'(?:href|src)="([^"#]+)(?:#[^"]*)?"', text):
        if not attr.startswith("/static/") and attr != "/favicon.ico" and not attr.endswith("/manifest.webmanifest"):
            continue
        if attr in seen:
            continue
        seen.add(attr)
        full = urljoin(url, attr)
        kind = "js" if attr.endswith(".js") else attr.rsplit(".", 1)[-1]
        rows.append((kind, attr, fetch(full)[0]))
    for source, img in re.findall(r'<picture[^>]*>\s*(<source[^>]*>)\s*(<img[^>]*>)', text):
        srcset = re.search(r'srcset="([^"]+)"', source).group(1)
        wanted = int(re.search(r'sizes="[^"]*?(\d+)px"', source).group(1))
        candidates = sorted((int(w), u) for u, w in re.findall(r'(\S+) (\d+)w', srcset))
        width, chosen = next(((w, u) for w, u in candidates if w >= wanted), candidates[-1])
        if chosen in seen:
            continue
        seen.add(chosen)
        kind = "webp, lazy" if 'loading="lazy"' in img else "webp"
        rows.append((kind, chosen, fetch(urljoin(url, chosen))[0]))
    total = sum(r[2] for r in rows)
    js = sum(r[2] for r in rows if r[0] == "js")
    for kind, name, size in rows:
        print(f"{size:>8} B  {kind:<12} {name}")
    print(f"{total:>8} B  total compressed ({total / 1024:.1f} KiB), JavaScript {js} B ({js / 1024:.1f} KiB)")
    lazy = sum(r[2] for r in rows if r[0].endswith("lazy"))
    if lazy:
        print(f"{total - lazy:>8} B  without the lazy pictures (loaded when scrolled to)")
    print("render-blocking scripts:", len(blocking))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:4000/fr/")
