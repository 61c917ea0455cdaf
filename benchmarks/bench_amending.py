"""Benchmark: the amending reader alone (importers/amending.read_amending_root) on the corpus.

Run: python benchmarks/bench_amending.py [CORPUS_DIR] [--repeat N] [--profile OUT.prof] [--parse-only]
Every document the import reads with the amending reader (the 1,036 amending acts, and the
original acts holding ændringsnumre) is parsed as importers/official.py parses it for that reader
(xmlsafe.parse_bytes without the blank text between elements); only `read_amending_root` is timed (read_paragraf, the
nummer readers of lawdiff/changes/, the commencement reader, hoisting, the new-text walk, the
summary, own annexes). Prints the CPU time of each repeat and the minimum; with --profile, the
reading of the last repeat is profiled with cProfile into OUT.prof. With --parse-only, the
documents are parsed and nothing read (the baseline of an instruction count: `valgrind
--tool=callgrind PYTHON benchmarks/bench_amending.py --repeat 1` less the same with --parse-only;
PYTHON the interpreter itself, not a shim script; --every N reads a sample).
On a shared machine compare trees by interleaved runs (PYTHONPATH=TREE for each), never one run.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from lawdiff.gcpause import gc_paused, kept, keeping
from lawdiff.importers import amending
from lawdiff.importers.official import _AMENDING_ACT
from lawdiff.xmlsafe import as_utf8, parse_bytes

ap = argparse.ArgumentParser()
ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/corpus/lexdania"))
ap.add_argument("--repeat", type=int, default=3)
ap.add_argument("--profile", help="cProfile the last repeat's reading into this file")
ap.add_argument("--parse-only", action="store_true", help="parse the documents, read nothing")
ap.add_argument("--every", type=int, default=1, help="read every N-th of the documents only (a sample for callgrind)")
args = ap.parse_args()

docs = []
for f in sorted(Path(args.corpus).glob("*/*.xml")):
    d = as_utf8(f.read_bytes(), str(f))
    # as official.py: an amending act, or an original act (LOV H) holding ændringsnumre
    if d.find(_AMENDING_ACT, 0, 8192) != -1 or (d.find(b"<DocumentType>LOV H", 0, 8192) != -1
                                                 and amending.has_amendments(d)):
        docs.append((str(f), d))
docs = docs[::args.every]

times = []
for r in range(args.repeat):
    prof = None
    if args.profile and r == args.repeat - 1:
        import cProfile
        prof = cProfile.Profile()
    total = 0.0
    numre = 0
    with keeping():
        for name, d in docs:
            with gc_paused():
                root = parse_bytes(d, name, blank_text=False).getroot()  # as official.py
                if args.parse_only:
                    continue
                c = time.process_time()
                if prof is not None:
                    prof.enable()
                act = amending.read_amending_root(root, name, full_tree=lambda: parse_bytes(d, name).getroot())
                if prof is not None:
                    prof.disable()
                total += time.process_time() - c
                numre += act.numre
            kept()
    times.append(total)
    print(f"repeat {r + 1}: {len(docs)} documents, {numre} numre, amending reader {total:.3f} s CPU", flush=True)
    if prof is not None:
        prof.dump_stats(args.profile)
print(f"min {min(times):.3f} s CPU")
