"""Benchmark: the proposal page must grow linearly with the number of changes.

Run: python benchmarks/bench_proposal_page.py   (from the repository root)
A synthetic act of 20,000 §§ and a proposal with 5,000 changes (in 50 forslag) are written
to a temporary project; `lawdiff apply` of the proposal (text output) is timed beside
`lawdiff build --no-pdf` of the same project, which also writes the act's own page.
Aim: the build within 3× the time of apply.
"""
from __future__ import annotations

import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_engine import synthetic_act  # noqa: E402

from lawdiff.cli import main  # noqa: E402
from lawdiff.store import Store  # noqa: E402

N_SECTIONS, N_CHANGES, N_ITEMS = 20_000, 5_000, 50


def project(folder: Path) -> Path:
    act = synthetic_act(N_SECTIONS)
    Store(folder).save(act)
    step = N_SECTIONS // N_CHANGES
    per_item = N_CHANGES // N_ITEMS
    items = []
    for i in range(N_ITEMS):
        changes = [{"i": f"§ {1 + (k * step)}, stk. 2", "ændres": "102 kr.", "til": "205 kr."}
                   for k in range(i * per_item, (i + 1) * per_item)]
        items.append({"titel": f"Forslag {i + 1}", "bemærkninger": "Begrundelse.", "ændringer": changes})
    data = {"titel": "Benchmark", "organisation": "B", "dato": "2020-01-01", "status": "udkast",
            "love": {"syn": "syn@2020-01-01"}, "forslag": items}
    (folder / "proposals").mkdir()
    path = folder / "proposals" / "bench.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def timed(argv: list[str]) -> float:
    t = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        rc = main(argv)
    assert rc == 0, argv
    return time.perf_counter() - t


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        prop = project(root)
        t_apply = timed(["--root", str(root), "apply", str(prop)])
        t_build = timed(["--root", str(root), "build", "--out", str(root / "site"), "--no-pdf"])
        size = (root / "site/forslag/bench.html").stat().st_size
    print(f"{N_CHANGES:,} changes on a {N_SECTIONS:,}-§ act:")
    print(f"  lawdiff apply            {t_apply:7.2f} s")
    print(f"  lawdiff build --no-pdf   {t_build:7.2f} s   ({t_build / t_apply:.1f}× apply; aim ≤ 3×; "
          f"proposal page {size / 1e6:.1f} MB)")
