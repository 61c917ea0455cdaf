"""Hash everything `lawdiff diff` prints over many version pairs, to prove a speed-up byte-identical.

Run from the repository root:  python benchmarks/diff_hashes.py [--code DIR] [--root DIR]
  --code DIR: run the lawdiff package found in DIR (e.g. an export of an older commit:
              `git archive main --prefix=base/ | tar -x -C /tmp`, then --code /tmp/base);
              default: this checkout.
  --root DIR: the project whose statutes/ and proposals/ are compared (default: this checkout).
Runs `lawdiff diff A B --format F` for every pair below and every format, first with the cache of
read versions emptied (`.lawdiff-cache/akn` under the root) and then with it filled, and prints one
line per run (the hash of stdout, stderr and exit status) and the hash of all of them. Two
checkouts that print the same final hash print the same bytes for every pair, format and cache
state. The pairs: consecutive LAB versions, versions far apart and backwards, a version with itself,
another act's versions, proposals' results against the law (both sides), and errors (two laws, a
missing version, a missing law).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def pairs(root: Path) -> list[tuple[str, str]]:
    lab = sorted(p.stem for p in (root / "statutes/lab").glob("*.xml"))
    out = [(f"lab@{a}", f"lab@{b}") for a, b in zip(lab, lab[1:])]
    out += [(f"lab@{lab[0]}", f"lab@{lab[-1]}"), (f"lab@{lab[-1]}", f"lab@{lab[-2]}"), ("lab", f"lab@{lab[-2]}"),
            (f"lab@{lab[-1]}", f"lab@{lab[-1]}")]
    for law in sorted(p.name for p in (root / "statutes").iterdir() if p.is_dir() and p.name != "lab"):
        versions = sorted(p.stem for p in (root / "statutes" / law).glob("*.xml"))
        out += [(f"{law}@{a}", f"{law}@{b}") for a, b in zip(versions, versions[1:])]
        out += [(f"{law}@{versions[-1]}", f"{law}@{versions[0]}")]
    for proposal in sorted((root / "proposals").glob("*.yaml")):
        out += [(f"lab@{lab[-1]}", f"{proposal}:lab"), (f"{proposal}:lab", f"lab@{lab[-2]}")]
    other = sorted(p.name for p in (root / "statutes").iterdir() if p.is_dir() and p.name != "lab")[:1]
    out += [(f"lab@{lab[-1]}", f"{law}") for law in other] + [("lab@1999-01-01", "lab"), ("nolaw", "lab")]
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--code", default=str(HERE))
    ap.add_argument("--root", default=str(HERE))
    args = ap.parse_args()
    root = Path(args.root).resolve()
    env = {**os.environ, "PYTHONPATH": str(Path(args.code).resolve())}
    total = hashlib.sha256()
    for state in ("cold", "warm"):
        if state == "cold":
            shutil.rmtree(root / ".lawdiff-cache" / "akn", ignore_errors=True)
        for a, b in pairs(root):
            for fmt in ("text", "json", "html"):
                r = subprocess.run([sys.executable, "-m", "lawdiff.cli", "--root", str(root), "diff", a, b,
                                    "--format", fmt], capture_output=True, env=env, cwd="/")
                h = hashlib.sha256(r.stdout + b"\0" + r.stderr + b"\0" + str(r.returncode).encode()).hexdigest()
                total.update(h.encode())
                print(f"{h[:16]}  {state} {fmt:4} exit {r.returncode}  {a} {b}", flush=True)
    print(f"all: {total.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
