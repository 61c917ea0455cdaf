"""Count the instructions of `lawdiff diff` (LAB 2015 → 2016), to compare two versions of the code
on a shared, busy machine, where CPU times of a 40 ms process swing by a third with the load.

Run from the repository root:  python benchmarks/diff_instructions.py [--code DIR ...]
  --code DIR: the lawdiff package found in DIR (e.g. an export of main:
              `git archive main --prefix=base/ | tar -x -C /tmp`, then --code /tmp/base); several
              may be given; default: this checkout.
Needs valgrind (callgrind). Each command runs once to fill the bytecode and version caches, then
under callgrind with a fixed hash seed, from a folder outside the checkouts (so that `-m` imports the
code of --code, not that of the current folder). It prints, per code, the instructions of the diff
command minus those of an empty program that, like the command, keeps the collector off and skips
its last pass (benchmarks/bench_diff.py's EMPTY). Instructions are not time (memory and caches
weigh differently), but they do not depend on the load, and the same code gives the same count
within ~0.1 %.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EMPTY = ["-c", "import atexit, gc; gc.disable(); atexit.register(gc.freeze)"]


def instructions(args: list[str], env: dict, cwd: str) -> int:
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}/cg.out", sys.executable,
                              *args], capture_output=True, text=True, env=env, cwd=cwd)
    found = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or not found:
        sys.exit(f"callgrind failed: {run.stderr[-500:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--code", action="append", default=None)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    codes = args.code or [str(ROOT)]
    pyc = tempfile.mkdtemp(prefix="lawdiff-instr-pyc-")
    cwd = tempfile.mkdtemp(prefix="lawdiff-instr-cwd-")
    command = ["-m", "lawdiff.cli", "--root", str(ROOT), "diff", "lab@2015-07-01", "lab@2016-11-21"]
    base = None
    for code in codes:
        env = {**os.environ, "PYTHONPATH": str(Path(code).resolve()), "PYTHONPYCACHEPREFIX": pyc,
               "PYTHONHASHSEED": "0"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        first = subprocess.run([sys.executable, *command], capture_output=True, env=env, cwd=cwd)
        if first.returncode != 0:
            sys.exit(first.stderr.decode()[-500:])
        empty = instructions(EMPTY, env, cwd)
        diff = instructions(command, env, cwd) - empty
        base = base or diff
        print(f"{code}: diff command − interpreter start {diff / 1e6:.1f} M instructions "
              f"({diff / base:.3f} of the first; the empty program {empty / 1e6:.1f} M)")


if __name__ == "__main__":
    main()
