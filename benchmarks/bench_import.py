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


def bare() -> tuple[float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    for _, d in data:
        etree.fromstring(d)
    return time.perf_counter() - t0, time.process_time() - c0


def full() -> tuple[float, float, collections.Counter, int]:
    kinds: collections.Counter = collections.Counter()
    warnings = 0
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(tmp)
        t0, c0 = time.perf_counter(), time.process_time()
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
        return time.perf_counter() - t0, time.process_time() - c0, kinds, warnings


base, base_cpu = min(bare() for _ in range(args.repeat))
t, cpu, kinds, warnings = min((full() for _ in range(args.repeat)), key=lambda r: r[0])

# wall-clock time is what a user waits; CPU time is steadier on a shared machine
print(f"files: {len(files)} ({size:.1f} MB): {dict(kinds)}, {warnings} repairs warned")
print(f"baseline lxml parse:     {base:6.2f} s wall, {base_cpu:6.2f} s CPU")
print(f"lawdiff import + write:  {t:6.2f} s wall, {cpu:6.2f} s CPU  "
      f"({t / base:.1f}x / {cpu / base_cpu:.1f}x baseline; aim < 60 s and < 5x)")
