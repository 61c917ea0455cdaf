"""Interleaved A/B of two lawdiff trees on the corpus import's CPU work, for a shared machine.

Run: python benchmarks/ab_import.py OLD_TREE NEW_TREE [--rounds N] [--corpus DIR]
(e.g. OLD_TREE made with `git archive main | tar -x -C /tmp/old`). Each run is a fresh process
with PYTHONPATH set to one tree; the order alternates (A B, B A, A B, …) so that the machine's
load falls on both alike. Each run times, in CPU seconds: lxml's bare parse of every file (the
same code for both trees: its spread shows the noise), reading every document as `lawdiff import
lexdania` does (importers/official.py), the Akoma Ntoso text of every act version and the YAML
text of every amendment file (no files written). Prints every run and the medians; the ratio to
the bare parse is given against the median bare parse of all runs, as single runs' bare parses
move by ±20 % on a loaded machine. Output is checked by benchmarks/import_hashes.py, not here.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_CORPUS = str(Path(__file__).resolve().parents[2] / "shared/corpus/lexdania")


def one(corpus: str) -> dict[str, float]:
    """One measurement with the lawdiff on sys.path."""
    from lxml import etree

    from lawdiff import akn
    from lawdiff.gcpause import gc_paused, keeping, kept
    from lawdiff.importers import amending
    from lawdiff.importers.official import read_official

    data = [(str(f), f.read_bytes()) for f in sorted(Path(corpus).glob("*/*.xml"))]
    c = time.process_time()
    for _, d in data:
        etree.fromstring(d)
    bare = time.process_time() - c
    docs = []
    c = time.process_time()
    with keeping(), gc_paused():  # as cli._import_lexdania (the collector off for the whole read loop)
        for name, d in data:
            docs.append(read_official(d, name))
            kept()
    read = time.process_time() - c
    c = time.process_time()
    for doc in docs:
        if doc.result.act is not None:
            akn.to_bytes(doc.result.act)
    akn_text = time.process_time() - c
    c = time.process_time()
    for doc in docs:
        if doc.amending is not None:
            amending.dump(doc.amending.doc)
    yaml_text = time.process_time() - c
    return {"bare": bare, "read": read, "akn": akn_text, "yaml": yaml_text}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("trees", nargs="*")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.corpus)))
        return 0
    if len(args.trees) != 2:
        ap.error("give two trees: OLD_TREE NEW_TREE")
    trees = [str(Path(t).resolve()) for t in args.trees]
    runs: dict[str, list[dict[str, float]]] = {t: [] for t in trees}
    for i in range(args.rounds):
        for tree in trees if i % 2 == 0 else trees[::-1]:
            out = subprocess.run([sys.executable, __file__, "--one", "--corpus", args.corpus],
                                 env={**os.environ, "PYTHONPATH": tree}, capture_output=True, text=True, check=True)
            r = json.loads(out.stdout)
            runs[tree].append(r)
            work = r["read"] + r["akn"] + r["yaml"]
            print(f"{tree}: bare {r['bare']:.2f} read {r['read']:.2f} akn {r['akn']:.2f} yaml {r['yaml']:.2f} "
                  f"= {work:.2f} s CPU ({work / r['bare']:.2f}x this run's bare parse), load {os.getloadavg()[0]:.1f}",
                  flush=True)
    bare = statistics.median(r["bare"] for rs in runs.values() for r in rs)
    print(f"median bare parse of all runs: {bare:.2f} s CPU")
    for tree, rs in runs.items():
        med = {k: statistics.median(r[k] for r in rs) for k in ("read", "akn", "yaml")}
        work = statistics.median(r["read"] + r["akn"] + r["yaml"] for r in rs)
        print(f"median {tree}: read {med['read']:.2f} akn {med['akn']:.2f} yaml {med['yaml']:.2f} "
              f"= {work:.2f} s CPU, {work / bare:.2f}x the median bare parse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
