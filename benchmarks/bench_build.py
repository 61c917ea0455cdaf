"""Benchmark: incremental builds (issue 11, item 16), and optionally the PDF step's overhead.

Run: python benchmarks/bench_build.py [--pdf-overhead]   (from the repository root)

On a copy of the repository's statutes/ and proposals/ in a temporary folder, it times
  1. a full build with PDFs from an empty cache,
  2. a rebuild with nothing changed (aim: at most 10 % of the full build's time),
  3. a rebuild after editing one proposal, for each proposal (aim: at most 30 %),
  4. `build --only` of the edited proposal,
and checks that the rebuilt site is byte-identical to a fresh full build where nothing changed.

--pdf-overhead also prints, for every PDF, lawdiff's PDF step beside WeasyPrint's bare
HTML(string).write_pdf() of the same HTML (aim: at most 10 % over WeasyPrint's own time).
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

root_repo = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(root_repo))

from lawdiff.render import publish  # noqa: E402
from lawdiff.render.site import build_site  # noqa: E402


def timed(label: str, fn):
    t = time.perf_counter()
    stats = fn()
    dt = time.perf_counter() - t
    print(f"  {label:48} {dt:7.2f} s   ({stats.pdf_rendered} PDF rendered, {stats.pdf_cached} from the cache)")
    return dt, stats


def incremental() -> None:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        root.mkdir()
        for d in ("statutes", "proposals"):
            shutil.copytree(root_repo / d, root / d)
        out = root / "site"
        print(f"incremental builds ({cores} cores for PDFs):")
        full, _ = timed("full build, empty cache", lambda: build_site(root, out))
        first = publish.digest(out)
        same, _ = timed("rebuild, nothing changed", lambda: build_site(root, out))
        assert publish.digest(out) == first, "a rebuild with nothing changed must give identical files"
        print(f"  → {100 * same / full:.1f} % of the full build (aim ≤ 10 %)")
        for f in sorted((root / "proposals").glob("*.yaml")):
            text = f.read_text(encoding="utf-8")
            f.write_text(text.replace("bemærkninger: |\n", "bemærkninger: |\n  Redigeret.\n\n", 1), encoding="utf-8")
            edited, _ = timed(f"rebuild after editing {f.name[:24]}", lambda: build_site(root, out))
            print(f"  → {100 * edited / full:.1f} % of the full build (aim ≤ 30 %)")
            f.write_text(text.replace("bemærkninger: |\n", "bemærkninger: |\n  Igen.\n\n", 1), encoding="utf-8")
            only, _ = timed(f"build --only {f.name[:24]} (edited again)",
                            lambda: build_site(root, out, only=[str(f)]))
            print(f"  → {100 * only / full:.1f} % of the full build")
            f.write_text(text, encoding="utf-8")
        build_site(root, out)
        assert publish.digest(out) == first, "back to the original proposals: the original site"
        print("  the site after edits and their undoing is byte-identical to the first build")


def pdf_overhead() -> None:
    from importlib import resources

    from weasyprint import CSS, HTML

    from lawdiff.render.pdf import render_pdf
    from lawdiff.render.site import _Builder

    site = _Builder(root_repo).build()
    css = (resources.files("lawdiff") / "static" / "lawdiff.css").read_text("utf-8")
    tot_ours = tot_bare = 0.0
    for page in site.pages:
        if not page.pdf_date:
            continue
        html = page.pdf_html or page.html
        t = time.perf_counter()
        render_pdf(html, page.pdf_date)
        ours = time.perf_counter() - t
        t = time.perf_counter()
        HTML(string=html).write_pdf(stylesheets=[CSS(string=css)])
        bare = time.perf_counter() - t
        tot_ours += ours
        tot_bare += bare
        print(f"  {page.path:50} lawdiff {ours:6.2f} s   weasyprint {bare:6.2f} s   {100 * (ours / bare - 1):+5.1f} %")
    print(f"PDFs: lawdiff {tot_ours:.1f} s, WeasyPrint alone {tot_bare:.1f} s: "
          f"{100 * (tot_ours / tot_bare - 1):+.1f} % (aim <= +10 %)")


if __name__ == "__main__":
    incremental()
    if "--pdf-overhead" in sys.argv:
        pdf_overhead()
