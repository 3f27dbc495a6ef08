#!/usr/bin/env bash
# Rebuilds data/common-passwords.txt: the breached-password list of @zxcvbn-ts/language-common (MIT, from public
# breach corpora, ~49,000 entries; pinned below) plus French and Moroccan favourites kept from the current file.
set -euo pipefail
cd "$(dirname "$0")/.."
version=4.1.3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack "@zxcvbn-ts/language-common@$version" -q >/dev/null && tar xzf ./*.tgz)
python3 - "$tmp/package/src/passwords.json" <<'PY'
import json, sys
breached = json.load(open(sys.argv[1]))
current = [l.strip() for l in open("data/common-passwords.txt", encoding="utf-8") if l.strip() and not l.startswith("#")]
seen, out = set(), []
for p in breached + current:
    p = p.strip().lower()
    if p and p not in seen:
        seen.add(p)
        out.append(p)
with open("data/common-passwords.txt", "w", encoding="utf-8") as f:
    f.write(f"# {len(out):,} common and breached passwords, most common first: the list of @zxcvbn-ts/language-common\n")
    f.write("# (MIT licence, built from public breach corpora) plus French and Moroccan favourites. One per line, lower\n")
    f.write("# case. Used by domain::password; rebuilt by scripts/update-password-list.sh.\n")
    f.write("\n".join(out) + "\n")
PY
wc -l data/common-passwords.txt
