"""Benchmark: import the whole LexDania corpus, beside lxml's bare parse of the same files.

Run: python benchmarks/bench_import.py [CORPUS_DIR] [--repeat N] [--no-amendments]
Prints, in one run and on the same files held in memory:
  - the baseline: lxml's bare parse of every file;
  - act versions: read every document (read_lexdania: parse, check, map), make the keys unique,
    write every LBK/LOV H as Akoma Ntoso to a temporary store (what the ratio aim is about);
  - amendment files: what `lawdiff import lexdania` then does for each amending act (and each
    original act holding ændringsnumre): read it again (importers/amending.py), link it to the
    store, write amendments/lov-YYYY-NNN.yaml;
  - the whole import (both), with its ratio to the baseline.
Aim (issue 8): the whole corpus (2,060 files, ~217 MB) in < 60 s and within 5x the bare parse.
CPU time (time.process_time) is the steadier figure on a shared machine; wall time is printed too.
"""
from __future__ import annotations

import argparse
import collections
import tempfile
import time
from pathlib import Path

from lxml import etree

from lawdiff.gcpause import kept, keeping
from lawdiff.importers import amending
from lawdiff.importers.lexdania import read_lexdania, unique_keys
from lawdiff.store import Store

ap = argparse.ArgumentParser()
ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/corpus/lexdania"))
ap.add_argument("--repeat", type=int, default=1)
ap.add_argument("--no-amendments", action="store_true", help="time the act versions only")
args = ap.parse_args()

files = sorted(Path(args.corpus).glob("*/*.xml"))
data = [(str(f), f.read_bytes()) for f in files]
size = sum(len(d) for _, d in data) / 1e6


def clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def since(t: tuple[float, float]) -> tuple[float, float]:
    return time.perf_counter() - t[0], time.process_time() - t[1]


def bare() -> tuple[float, float]:
    t = clock()
    for _, d in data:
        etree.fromstring(d)
    return since(t)


def full():
    kinds: collections.Counter = collections.Counter()
    counts = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(tmp)
        t = clock()
        results = []
        with keeping():  # as cli._import_lexdania
            for name, d in data:
                res = read_lexdania(d, name)
                counts["repairs"] += len(res.repairs)
                results.append(res)
                kept()
        unique_keys(results, lambda law, date: None)
        for res in results:
            if res.act:
                store.save(res.act)
                kinds[res.act.doc_type] += 1
            else:
                kinds["ændringslov"] += 1
        acts = since(t)
        if args.no_amendments:
            return acts, None, kinds, counts
        t = clock()
        # as cli._import_lexdania: every amending act, and every original act with ændringsnumre
        for (name, d), res in zip(data, results):
            if res.amendment or (res.act.doc_type == "lov" and amending.has_amendments(d)):
                act = amending.read_amending(d, name)
                if not act.doc["paragraffer"]:
                    continue
                amending.link(act.doc, store)
                amending.write(act, tmp)
                counts["amendment files"] += 1
                counts["numre"] += act.numre
                counts["refused numre"] += len(act.refused)
        return acts, since(t), kinds, counts


base = min(bare() for _ in range(args.repeat))
acts, amend, kinds, counts = min((full() for _ in range(args.repeat)), key=lambda r: r[0][1])


def line(label: str, t: tuple[float, float], ratio: bool = True) -> str:
    out = f"{label:26s} {t[0]:6.2f} s wall, {t[1]:6.2f} s CPU"
    return out + (f"  ({t[0] / base[0]:.1f}x / {t[1] / base[1]:.1f}x baseline)" if ratio else "")


print(f"files: {len(files)} ({size:.1f} MB): {dict(kinds)}, {dict(counts)}")
print(line("baseline lxml parse:", base, ratio=False))
print(line("act versions (AKN):", acts))
if amend is not None:
    print(line("amendment files (YAML):", amend))
    whole = (acts[0] + amend[0], acts[1] + amend[1])
    print(line("whole import:", whole) + "; aim < 60 s and < 5x")
