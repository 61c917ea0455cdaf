"""The PDFs, read back with a real reader (poppler's pdftotext and pdfinfo)."""
from __future__ import annotations

import re
import subprocess

import pytest


def _text(pdf, first=None, last=None):
    cmd = ["pdftotext", "-layout"]
    if first:
        cmd += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(cmd + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


@pytest.mark.parametrize("path", ["forslag/ds-11-forslag-ressourceforloeb.pdf", "love/lab/2016-11-21.pdf"])
def test_danish_characters_survive(built_site, path):
    text = " ".join(_text(built_site / path).split())
    for ch in "æøåÆ§" + ("»«–" if path.startswith("forslag") else ""):  # the act itself has no »« or –
        assert ch in text, ch
    if path.startswith("forslag"):
        assert "»samt anbefaling til borgerens videre forløb«" in text
        assert "Stk. 4-5. – – –" in text  # the Bilag 1 elision


def test_page_count_and_numbers(built_site):
    pdf = built_site / "forslag/ds-11-forslag-ressourceforloeb.pdf"
    n = _pages(pdf)
    assert 15 <= n <= 60
    assert f"Side {n} af {n}" in _text(pdf, n)
    assert "Side 2 af" in _text(pdf, 2)


def test_toc_page_numbers_match_the_headings(built_site):
    pdf = built_site / "forslag/ds-11-forslag-ressourceforloeb.pdf"
    toc = _text(pdf, 2)
    assert "Indhold" in toc
    entries = re.findall(r"^\s*(?:\d+\.\s+)+(.+?)\s*(?:\. )+\.?\s*(\d+)\s*$", toc, re.M)
    assert len(entries) >= 5
    for title, page in entries:
        # the first words of the entry, punctuation aside, stand on the page it names
        words = re.sub(r"[^\w ]", "", " ".join(title.split()[:3]))
        on_page = re.sub(r"[^\w ]", "", " ".join(_text(pdf, int(page)).split()))
        assert words in on_page, (title, page)


def test_order_of_the_formal_document(built_site):
    text = " ".join(_text(built_site / "forslag/ds-11-forslag-ressourceforloeb.pdf").split())
    i = text.index("Forslag til Lov om ændring af")
    j = text.index("Almindelige bemærkninger", i)
    k = text.index("Bemærkninger til lovforslagets enkelte bestemmelser", j)
    m = text.rindex("Lovforslaget sammenholdt med gældende lov")
    assert i < j < k < m


def test_act_pdf_has_the_law(built_site):
    text = " ".join(_text(built_site / "love/lab/2016-11-21.pdf").split())
    assert "§ 68 a. Personer under 40 år, der har komplekse problemer" in text
    assert "LBK nr. 1342 af 21/11/2016" in text
