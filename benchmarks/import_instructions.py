"""Count the instructions of the corpus import's CPU work (as benchmarks/ab_import.py times it: reading
every document as `lawdiff import lexdania` does, the Akoma Ntoso text of every act version and the
YAML text of every amendment file, no files), to compare two versions of the code on a shared, busy
machine, where CPU times of the whole import swing by ±10 % between runs minutes apart.

Run from the repository root:  python benchmarks/import_instructions.py [--code DIR ...] [--step N] [--part P]
  --code DIR: the lawdiff package found in DIR (e.g. an export of main:
              `git archive main --prefix=base/ | tar -x -C /tmp`); several may be given; default: this checkout.
  --step N:   every N-th corpus document (default 8: ~1.5 min per code under callgrind).
  --part P:   what to count: "all" (reading, AKN and YAML text; default), "read", "akn" (the AKN text of the
              act versions, three times, less reading them) or "yaml" (likewise for the YAML text).
Needs valgrind (callgrind). Each count is the program's instructions less those of the same program that
only loads the files and the modules (the same code, its collector off, as the import's read loop).
Instructions are not time (memory and caches weigh differently, and lxml's parse is the same code in
every tree), but they do not depend on the load: the same code gives the same count within ~0.1 %.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from diff_instructions import instructions  # one callgrind runner (benchmarks/ is on sys.path when run)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared/corpus/lexdania"

# the measured program: argv = corpus, step, what ("empty", "read", "all", "akn", "yaml"), repeat
DRIVER = r'''
import gc, sys
from pathlib import Path
corpus, step, what, repeat = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
data = [(str(f), f.read_bytes()) for f in sorted(Path(corpus).glob("*/*.xml"))[::step]]
from lawdiff import akn
from lawdiff.gcpause import gc_paused, keeping, kept
from lawdiff.importers import amending
from lawdiff.importers.official import read_official
gc.disable()
if what != "empty":
    docs = []
    with keeping(), gc_paused():
        for name, d in data:
            docs.append(read_official(d, name))
            kept()
    if what in ("all", "akn"):
        for _ in range(repeat):
            for doc in docs:
                if doc.result.act is not None:
                    akn.to_bytes(doc.result.act)
    if what in ("all", "yaml"):
        for _ in range(repeat):
            for doc in docs:
                if doc.amending is not None:
                    amending.dump(doc.amending.doc)
'''


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--code", action="append", default=None)
    parser.add_argument("--step", type=int, default=8)
    parser.add_argument("--part", choices=("all", "read", "akn", "yaml"), default="all")
    parser.add_argument("--corpus", default=str(CORPUS))
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    codes = args.code or [str(ROOT)]
    cwd = tempfile.mkdtemp(prefix="lawdiff-instr-cwd-")
    driver = Path(cwd) / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    # the text parts are counted three times, less reading: reading is most of the program
    what, less, repeat = {"all": ("all", "empty", 1), "read": ("read", "empty", 1),
                          "akn": ("akn", "read", 3), "yaml": ("yaml", "read", 3)}[args.part]
    base = None
    for code in codes:
        env = {**os.environ, "PYTHONPATH": str(Path(code).resolve()), "PYTHONHASHSEED": "0"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        run = lambda w: [str(driver), args.corpus, str(args.step), w, str(repeat)]  # noqa: E731
        first = subprocess.run([sys.executable, *run(what)], capture_output=True, env=env, cwd=cwd)
        if first.returncode != 0:
            sys.exit(first.stderr.decode()[-500:])
        count = (instructions(run(what), env, cwd) - instructions(run(less), env, cwd)) / repeat
        base = base or count
        print(f"{code}: {args.part} of every {args.step}th document: {count / 1e6:.1f} M instructions "
              f"({count / base:.4f} of the first)", flush=True)


if __name__ == "__main__":
    main()
