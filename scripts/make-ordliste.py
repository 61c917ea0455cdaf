"""Write lawdiff/render/ordliste.txt: the words (4+ letters, lower case) of every stored act.

The PDF hyphenation (lawdiff/render/hyphen.py) uses it, beside each document's own words, to
find the joints of compounds ("helheds|orienteret"). Re-run after importing acts:
    python scripts/make-ordliste.py
"""
from __future__ import annotations

import re
from pathlib import Path

from lawdiff.model import Line
from lawdiff.store import Store

root = Path(__file__).resolve().parents[1]
store = Store(root)
words: set[str] = set()
for law in store.laws():
    for date in store.versions(law):
        act = store.load(f"{law}@{date}")
        for u in act.walk():
            for b in u.intro + u.wrapup + ([u.heading] if u.heading else []):
                if isinstance(b, Line):
                    words.update(w.lower() for w in re.findall(r"[A-Za-zÆØÅæøåÉé]{4,}", b.text))
out = root / "lawdiff" / "render" / "ordliste.txt"
out.write_text("".join(w + "\n" for w in sorted(words)), encoding="utf-8")
print(f"{len(words)} ord skrevet til {out.relative_to(root)}")
