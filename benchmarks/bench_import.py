"""Benchmark: import the whole LexDania corpus, beside lxml's bare parse of the same files.

Run: python benchmarks/bench_import.py [CORPUS_DIR] [--repeat N] [--no-amendments] [--breakdown]
Prints, in one run and on the same files held in memory, what `lawdiff import lexdania` does:
  - the baseline: lxml's bare parse of every file;
  - reading: every document parsed once (importers/official.py) and mapped (read_lexdania's
    mapping: check, map), and each amending act (and each original act holding ændringsnumre)
    read into its amendment file's content from the same tree (importers/amending.py);
  - act versions: make the keys unique, write every LBK/LOV H as Akoma Ntoso to a temporary store;
  - amendment files: link each to the store, write amendments/lov-YYYY-NNN.yaml;
  (the last two in file order, as the command does them: each amending act is linked to the store
  as it stands after the act versions before it);
  - the whole import (all three), with its ratio to the baseline.
With --no-amendments, only the act versions (read_lexdania, then the AKN files).
With --breakdown, also the reading's parts in a second pass, each as a multiple of the baseline:
the safe parse with its character check (lexdania.parse_lexdania), mapping the acts, the amending
reader, and the AKN and YAML text without writing files.
Aim (issue 8): the whole corpus (2,060 files, ~222 MB) in < 60 s and within 5x the bare parse.
CPU time (time.process_time) is the steadier figure on a shared machine; wall time is printed too.
With --tmp DIR, the temporary store is made in DIR (e.g. /dev/shm: the writes without the disk's
file creation, whose kernel time varied from 0.1 to 1.5 ms per file between runs on this machine).
"""
from __future__ import annotations

import argparse
import collections
import tempfile
import time
from pathlib import Path

from lxml import etree

from lawdiff.gcpause import gc_paused, kept, keeping
from lawdiff.importers import amending
from lawdiff import akn
from lawdiff.importers.lexdania import parse_lexdania, read_lexdania, read_lexdania_root, unique_keys
from lawdiff.importers.official import read_official
from lawdiff.store import Store
from lawdiff.xmlsafe import parse_bytes

ap = argparse.ArgumentParser()
ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/corpus/lexdania"))
ap.add_argument("--repeat", type=int, default=1)
ap.add_argument("--no-amendments", action="store_true", help="time the act versions only")
ap.add_argument("--breakdown", action="store_true", help="also time the reading's parts")
ap.add_argument("--tmp", help="the folder for the temporary store (default: the system's; a tmpfs such as /dev/shm "
                              "leaves out the kernel's file creation, which varies tenfold between runs here)")
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
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        store = Store(tmp)
        t = clock()
        results, docs = [], []
        with keeping(), gc_paused():  # as cli._import_lexdania
            for name, d in data:
                if args.no_amendments:
                    res = read_lexdania(d, name)
                else:
                    doc = read_official(d, name)
                    res = doc.result
                    docs.append(doc)
                counts["repairs"] += len(res.repairs)
                results.append(res)
                kept()
        reading = since(t)
        t = clock()
        unique_keys(results, lambda law, date: None)
        if args.no_amendments:
            for res in results:
                if res.act:
                    store.save(res.act)
                    kinds[res.act.doc_type] += 1
                else:
                    kinds["ændringslov"] += 1
            return reading, since(t), None, kinds, counts
        acts, amend = since(t), (0.0, 0.0)

        def add(a, b):
            return a[0] + b[0], a[1] + b[1]

        # in file order, as cli._import_lexdania: each act version saved, and each amending act (and
        # each original act with ændringsnumre) linked to the store as it stands then and written
        for res, doc in zip(results, docs):
            if res.act:
                t = clock()
                store.save(res.act)
                kinds[res.act.doc_type] += 1
                acts = add(acts, since(t))
            else:
                kinds["ændringslov"] += 1
            if not doc.wants_amending:
                continue
            t = clock()
            act = doc.amending  # the corpus holds no document the amending reader refuses
            if act.doc["paragraffer"]:
                amending.link(act.doc, store)
                amending.write(act, tmp)
                counts["amendment files"] += 1
                counts["numre"] += act.numre
                counts["refused numre"] += len(act.refused)
            amend = add(amend, since(t))
        return reading, acts, amend, kinds, counts


base = min(bare() for _ in range(args.repeat))
reading, acts, amend, kinds, counts = min((full() for _ in range(args.repeat)),
                                          key=lambda r: r[0][1] + r[1][1] + (r[2][1] if r[2] else 0))


def line(label: str, t: tuple[float, float], ratio: bool = True) -> str:
    out = f"{label:26s} {t[0]:6.2f} s wall, {t[1]:6.2f} s CPU"
    return out + (f"  ({t[0] / base[0]:.1f}x / {t[1] / base[1]:.1f}x baseline)" if ratio else "")


print(f"files: {len(files)} ({size:.1f} MB): {dict(kinds)}, {dict(counts)}")
print(line("baseline lxml parse:", base, ratio=False))
print(line("reading (parse once):" if amend else "reading (acts only):", reading))
print(line("act versions (AKN):", acts))
parts = [reading, acts] + ([amend] if amend else [])
if amend is not None:
    print(line("amendment files (YAML):", amend))
whole = (sum(p[0] for p in parts), sum(p[1] for p in parts))
print(line("whole import:" if amend else "act versions in all:", whole) + ("; aim < 60 s and < 5x" if amend else ""))


def breakdown() -> dict[str, float]:
    """CPU time of each part of reading and writing, as importers/official.py and the writers do it."""
    t = collections.Counter()
    acts, amendings = [], []
    with keeping():
        for name, d in data:
            with gc_paused():
                c = time.process_time()
                root = parse_lexdania(d, name, blank_text=False)  # as official.py: every document lean
                t["safe parse + character check"] += time.process_time() - c
                c = time.process_time()
                res = read_lexdania_root(root, d, name)
                t["mapping the acts" if res.act else "summary of amending acts"] += time.process_time() - c
                if res.act is not None:
                    acts.append(res.act)
                    if not (res.act.doc_type == "lov" and amending.has_amendments(d)):
                        kept()
                        continue
                    c = time.process_time()
                    # as official.py: the reader may have changed the tree
                    root = parse_bytes(d, name, blank_text=False).getroot()
                    t["second parse (LOV H with numre)"] += time.process_time() - c
                c = time.process_time()
                amendings.append(amending.read_amending_root(root, name, full_tree=lambda: parse_bytes(d, name).getroot()))
                t["amending reader"] += time.process_time() - c
            kept()
    c = time.process_time()
    for act in acts:
        akn.to_bytes(act)
    t["AKN text (no files)"] = time.process_time() - c
    c = time.process_time()
    for act in amendings:
        amending.dump(act.doc)
    t["YAML text (no files, unlinked)"] = time.process_time() - c
    return t


if args.breakdown:
    parts = [breakdown() for _ in range(args.repeat)]
    for k in parts[0]:
        v = min(p[k] for p in parts)
        print(f"  {k:34s} {v:6.2f} s CPU  ({v / base[1]:.2f}x baseline)")
