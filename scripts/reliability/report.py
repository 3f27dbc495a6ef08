#!/usr/bin/env python3
"""Prints the campaign's results ($REL/results.jsonl, the last run of each test and backend) as the markdown
table of docs/reliability.md."""
import json
import os

rel = os.environ.get("REL", "/tmp/khadamat-rel")
latest = {}
with open(os.path.join(rel, "results.jsonl")) as f:
    for line in f:
        r = json.loads(line)
        latest[(r["test"], r["backend"])] = r
order = lambda key: (int("".join(c for c in key[0] if c.isdigit()) or 0), key[0], key[1])
print("| test | backend | result | figures |")
print("|---|---|---|---|")
for key in sorted(latest, key=order):
    r = latest[key]
    print(f"| {r['test']} | {r['backend']} | {'pass' if r['pass'] else '**FAIL**'} | {r['summary']} |")
