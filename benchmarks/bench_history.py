"""Benchmark (issue 9 §6): every chain of the corpus imported and consolidated, and the site built
from the result (no PDFs). Aim: within 2 minutes on 2 cores.

Run: python benchmarks/bench_history.py [N] [--keep DIR] [--profile FILE]   (from the repository root;
N = number of chains, default all; --keep DIR: build in DIR (must not exist) and leave it there,
to compare outputs with benchmarks/history_hashes.py; --profile FILE: cProfile stats of the run)
Each phase prints its wall time and its CPU time (this process and the forked workers the site
build uses where it has several cores; `taskset -c 0` gives the one-core figure).
Needs the amendment reader of issue 8 (lawdiff.importers.amending). Each chain becomes one act in
one store (base LBK and the consolidation at the target's date with --include its acts), so the
site has two versions, a compare page (attributed) and a history page per chain. Baseline printed beside it:
lxml's bare parse of the same XML files.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lxml import etree  # noqa: E402

from lawdiff.consolidate import consolidate, load_act, save  # noqa: E402
from lawdiff.errors import LawdiffError  # noqa: E402
from lawdiff.importers.lexdania import read_lexdania_file  # noqa: E402
from lawdiff.render.site import build_site  # noqa: E402
from lawdiff.store import Store  # noqa: E402
from tests.chain_replay import link  # noqa: E402
from tests.conftest import CORPUS, SHARED  # noqa: E402

try:
    from lawdiff.importers import amending
except ImportError:  # pragma: no cover
    sys.exit("needs lawdiff.importers.amending (issue 8)")

ap = argparse.ArgumentParser()
ap.add_argument("n", nargs="?", type=int, default=0)
ap.add_argument("--keep", help="build in this folder (must not exist) and keep it")
ap.add_argument("--profile", help="write cProfile stats of the run to this file")
args = ap.parse_args()

chains = json.loads((SHARED / "corpus/chains.json").read_text(encoding="utf-8"))
chains = chains[: args.n] if args.n else chains
files = sorted({c["base"] for c in chains} | {c["target"] for c in chains} | {a for c in chains for a in c["amending"]})

t0 = time.perf_counter()
for f in files:
    etree.parse(str(CORPUS / (f + ".xml")))
t_parse = time.perf_counter() - t0



def cpu() -> float:
    """CPU seconds of this process and of its finished children (the site build's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


if args.keep:
    keep = Path(args.keep)
    keep.mkdir(parents=True)  # refuses an existing folder: never overwrite
    tmp_ctx = None
else:
    tmp_ctx = tempfile.TemporaryDirectory()
    keep = Path(tmp_ctx.name)
prof = cProfile.Profile() if args.profile else None
if prof:
    prof.enable()
try:
    root = keep
    store = Store(root)
    (root / "amendments").mkdir()
    t0, c0 = time.perf_counter(), cpu()
    refused = partial = 0
    for i, c in enumerate(chains):
        law = f"kaede{i}"
        base = read_lexdania_file(CORPUS / (c["base"] + ".xml")).act
        target = read_lexdania_file(CORPUS / (c["target"] + ".xml")).act
        base.law = target.law = law
        store.save(base)
        include = []
        for a in c["amending"]:
            try:
                doc = amending.read_amending_file(CORPUS / (a + ".xml")).doc
            except LawdiffError:
                continue
            y, n = a.split("/")[1].split("-")
            # one file per chain and act (each is linked to its chain's law), under an id that
            # --include accepts (lov-ÅÅÅÅ-NNN): the act's number followed by the chain's
            aid = f"lov-{y}-{n}{i:03d}"
            p = root / "amendments" / f"{aid}.yaml"
            p.write_text(amending.dump(link(doc, base.title, law, base.key)), encoding="utf-8")
            if load_act(p, law):
                include.append(aid)
        try:
            act, _ = consolidate(store, law, target.date, include, partial=True, root=root)
            partial += bool(act.consolidation.not_executed)
            save(store, act)
        except LawdiffError:
            refused += 1
    t_cons, c_cons = time.perf_counter() - t0, cpu() - c0
    t0, c0 = time.perf_counter(), cpu()
    build_site(root, root / "site", pdf=False)
    t_site, c_site = time.perf_counter() - t0, cpu() - c0
    pages = sum(1 for _ in (root / "site").rglob("*.html"))
finally:
    if prof:
        prof.disable()
        prof.dump_stats(args.profile)
    if tmp_ctx is not None:
        tmp_ctx.cleanup()

print(f"{len(chains)} chains, {len(files)} XML files ({refused} consolidations refused, {partial} partial)")
print(f"  lxml bare parse of the XML:              {t_parse:7.1f} s   (baseline)")
print(f"  import + read acts + consolidate:        {t_cons:7.1f} s wall  {c_cons:7.1f} s CPU")
print(f"  build the site ({pages} pages, no PDF):   {t_site:7.1f} s wall  {c_site:7.1f} s CPU")
print(f"  total:                                   {t_cons + t_site:7.1f} s wall  {c_cons + c_site:7.1f} s CPU"
      "   (aim <= 120 s on 2 cores)")
