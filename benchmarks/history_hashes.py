"""Safety net for history-build optimisations: are two runs' outputs byte-identical?

Run: python benchmarks/history_hashes.py DIR [--against OTHER]
DIR (and OTHER) are folders kept by `bench_history.py --keep DIR`. Prints one sha256 over every
file under statutes/, amendments/ and site/ (by relative path and content), and with --against
lists every file that is missing from one side or differs, exiting 1 if any does.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

PARTS = ("statutes", "amendments", "site")


def hashes(folder: Path) -> dict[str, str]:
    out = {}
    for part in PARTS:
        for f in sorted((folder / part).rglob("*")):
            if f.is_file() and not f.is_symlink():
                out[f.relative_to(folder).as_posix()] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def total(h: dict[str, str]) -> str:
    return hashlib.sha256("".join(f"{k}\0{v}\n" for k, v in sorted(h.items())).encode()).hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--against")
    args = ap.parse_args()
    a = hashes(Path(args.dir))
    print(f"{args.dir}: {len(a)} files, sha256 {total(a)}")
    if not args.against:
        return 0
    b = hashes(Path(args.against))
    print(f"{args.against}: {len(b)} files, sha256 {total(b)}")
    diff = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    for k in diff[:50]:
        print(f"  differs: {k}" if k in a and k in b else f"  only in {'first' if k in a else 'second'}: {k}")
    if len(diff) > 50:
        print(f"  … and {len(diff) - 50} more")
    print("identical" if not diff else f"{len(diff)} files differ")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
