"""Benchmark: import the whole LexDania corpus, beside lxml's bare parse of the same files.

Run: python benchmarks/bench_import.py [CORPUS_DIR]
Prints the baseline (lxml parse only, from bytes in memory), the full import (parse + map
every document + write each act as Akoma Ntoso to a temporary store) and the ratio.
Aim (issue 8): the whole corpus (2,060 files, ~217 MB) in < 60 s and within 5x the bare parse.
Both are measured in the same run, best of --repeat runs each (the machine is shared).
"""
from __future__ import annotations

import argparse
import collections
import tempfile
import time
from pathlib import Path

from lxml import etree

from lawdiff.importers.lexdania import read_lexdania, unique_keys
from lawdiff.store import Store

ap = argparse.ArgumentParser()
ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/corpus/lexdania"))
ap.add_argument("--repeat", type=int, default=1)
args = ap.parse_args()

files = sorted(Path(args.corpus).glob("*/*.xml"))
data = [(str(f), f.read_bytes()) for f in files]
size = sum(len(d) for _, d in data) / 1e6


def bare() -> float:
    t0 = time.perf_counter()
    for _, d in data:
        etree.fromstring(d)
    return time.perf_counter() - t0


def full() -> tuple[float, collections.Counter, int]:
    kinds: collections.Counter = collections.Counter()
    warnings = 0
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(tmp)
        t0 = time.perf_counter()
        results = []
        for name, d in data:
            res = read_lexdania(d, name)
            warnings += len(res.repairs)
            results.append(res)
        unique_keys(results, lambda law, date: None)
        for res in results:
            if res.act:
                store.save(res.act)
                kinds[res.act.doc_type] += 1
            else:
                kinds["ændringslov"] += 1
        return time.perf_counter() - t0, kinds, warnings


base = min(bare() for _ in range(args.repeat))
runs = [full() for _ in range(args.repeat)]
t, kinds, warnings = min(runs, key=lambda r: r[0])

print(f"files: {len(files)} ({size:.1f} MB): {dict(kinds)}, {warnings} repairs warned")
print(f"baseline lxml parse:     {base:6.2f} s")
print(f"lawdiff import + write:  {t:6.2f} s  ({t / base:.1f}x baseline; aim < 60 s and < 5x)")
