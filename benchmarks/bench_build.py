"""Benchmark: the site build without PDFs, and the PDF step beside WeasyPrint's own time.

Run: python benchmarks/bench_build.py   (from the repository root)
Prints (1) the whole build with --no-pdf (aim < 5 s) and (2) for every PDF, lawdiff's PDF step
beside WeasyPrint's bare HTML(string).write_pdf() of the same HTML in the same run (aim: at most
10 % over WeasyPrint's own time).
"""
from __future__ import annotations

import tempfile
import time
from importlib import resources
from pathlib import Path

from weasyprint import CSS, HTML

from lawdiff.render.pdf import render_pdf
from lawdiff.render.site import _Builder, write_site

root = Path(__file__).resolve().parents[1]

t = time.perf_counter()
site = _Builder(root).build()
with tempfile.TemporaryDirectory() as tmp:
    write_site(site, Path(tmp) / "site", pdf=False)
t_site = time.perf_counter() - t
print(f"site without PDFs: {t_site:.2f} s for {len(site.pages)} pages (aim < 5 s)")

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
print(f"PDFs: lawdiff {tot_ours:.1f} s, WeasyPrint alone {tot_bare:.1f} s: {100 * (tot_ours / tot_bare - 1):+.1f} % "
      f"(aim <= +10 %)")
