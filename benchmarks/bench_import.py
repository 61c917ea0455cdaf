"""Benchmark: import the whole LexDania corpus, beside lxml's bare parse of the same files.

Run: python benchmarks/bench_import.py [CORPUS_DIR]
Prints the baseline (lxml parse only), the full import (parse + map + write
Akoma Ntoso to a temporary store) and the ratio. Aim: < 30 s, within 5x.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from lawdiff.importers.lexdania import read_lexdania
from lawdiff.store import Store

corpus = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/corpus/lexdania")
files = sorted(corpus.glob("*/*.xml"))
data = [(str(f), f.read_bytes()) for f in files]
size = sum(len(d) for _, d in data) / 1e6

t0 = time.perf_counter()
for _, d in data:
    etree.fromstring(d)
base = time.perf_counter() - t0

with tempfile.TemporaryDirectory() as tmp:
    store = Store(tmp)
    t0 = time.perf_counter()
    acts = 0
    for name, d in data:
        res = read_lexdania(d, name)
        if res.act:
            store.save(res.act)
            acts += 1
    full = time.perf_counter() - t0

print(f"files: {len(files)} ({size:.1f} MB), acts written: {acts}")
print(f"baseline lxml parse:     {base:6.2f} s")
print(f"lawdiff import + write:  {full:6.2f} s  ({full / base:.1f}x baseline; aim < 30 s and < 5x)")
