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
    entries = re.findall(r"^\s*(?:\d+\.\s+)*(.+?)\s*(?:\. )+\.?\s*(\d+)\s*$", toc, re.M)
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


DS_PDF = "forslag/ds-11-forslag-ressourceforloeb.pdf"
LAB_PDF = "love/lab/2016-11-21.pdf"


def _info(pdf) -> str:
    return subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout


def _bookmarks(pdf) -> list[str]:
    """The outline titles of a PDF (WeasyPrint writes them as UTF-16 hex strings, or as literal
    strings when they are ASCII)."""
    import zlib

    raw = pdf.read_bytes()
    chunks = [raw]
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", raw, re.S):
        try:
            chunks.append(zlib.decompress(m.group(1)))
        except zlib.error:
            pass
    out = []
    for hexa, literal in re.findall(rb"/Title (?:<(feff[0-9a-f]+)>|\(((?:[^()\\]|\\.)*)\))", b"".join(chunks)):
        text = bytes.fromhex(hexa.decode()).decode("utf-16") if hexa else literal.decode("latin-1")
        out.append(text.replace("\xa0", " "))
    return out


@pytest.mark.parametrize("path", [DS_PDF, "forslag/aftale-2020-ressourceforloeb.pdf", LAB_PDF])
def test_text_layer_has_no_screen_reader_cues(built_site, path):
    """Issue 11.3: the cues are CSS generated content for screens only, not PDF text."""
    text = _text(built_site / path)
    assert "indsat:" not in text and "slettet:" not in text
    assert "\u00ad" not in text  # soft hyphens leave no trace


def test_title_metadata_and_bookmarks(built_site):
    """Issue 11.8: Title metadata; bookmarks "Kapitel 1 Formål" with a space."""
    assert re.search(r"^Title:\s+11 konkrete forslag til forbedrede ressourceforløb", _info(built_site / DS_PDF), re.M)
    assert re.search(r"^Title:\s+Lov om en aktiv beskæftigelsesindsats \(LBK nr\. 1342", _info(built_site / LAB_PDF), re.M)
    marks = _bookmarks(built_site / LAB_PDF)
    assert "Kapitel 1 Formål" in marks and "Kapitel 12 a Ressourceforløb" in marks
    assert not any(re.search(r"Kapitel \d+(?: [a-z])?[A-ZÆØÅ]", m) for m in marks)
    assert not any(m.startswith("§") for m in marks)  # §§ are headings on the web, not 300 bookmarks
    ds = _bookmarks(built_site / DS_PDF)
    assert "Bilag 1" in ds and any(m.startswith("Forslag 1. ") for m in ds)


def _breaks(pdf) -> list[tuple[str, str]]:
    lines = _text(pdf).split("\n")
    out = []
    for a, b in zip(lines, lines[1:]):
        m = re.search(r"([^\W\d_]+)[\u2010-]$", a)
        n = re.match(r"([^\W\d_]+)", b)
        if m and n and n.group(1)[0].islower():
            out.append((m.group(1), n.group(1)))
    return out


@pytest.mark.parametrize("path", [DS_PDF, LAB_PDF])
def test_hyphenation(built_site, path):
    """Issue 11.10: at least 3 letters each side, compounds broken at their joints, never references."""
    breaks = _breaks(built_site / path)
    assert len(breaks) > 20  # the text is hyphenated at all
    short = [b for b in breaks if len(b[0]) < 3 or len(b[1]) < 3]
    assert short == []
    for before, after in breaks:
        word = before + after
        if "ressourceforløb" in word.lower():  # res-source-for-løb(s-ydelse), never ressour-ce
            assert not before.lower().endswith(("ressour", "ressourc", "ressourcefo", "ressourceforl")), word
        if "helhedsorienteret" in word.lower():
            assert not before.lower().endswith("helhedso"), word
    text = _text(built_site / path)
    # no break in a citation or a date: "(for-slag 10)", "novem-ber 2016"
    cited = ["forslag", "Forslag", "kapitel", "Kapitel", "afsnit", "januar", "februar", "august", "september",
             "oktober", "november", "december"]
    for w in cited:
        for i in range(1, len(w)):
            assert not re.search(rf"{w[:i]}[\u2010-]\n\s*{w[i:]}\s\d", text), w
    assert not re.search(r"§[\u2010-]?\s*$", text, re.M)  # a § sign never ends a line


def test_bilag_rows_across_pages(built_site):
    """Issue 11.11: the header on every page of Bilag 1, no ændringsparagraf intro stranded at a page foot."""
    pdf = built_site / DS_PDF
    n = _pages(pdf)
    start = next(p for p in range(n, 0, -1) if "Lovforslaget sammenholdt med gældende lov" in _text(pdf, p))
    assert start < n  # Bilag 1 spans pages
    for p in range(start, n + 1):
        page = _text(pdf, p)
        assert "Gældende formulering" in page and "Lovforslaget" in page, p
        lines = [ln.strip() for ln in page.split("\n") if ln.strip() and not ln.strip().startswith("Side ")]
        assert not re.fullmatch(r"§ \d+", lines[-1]), (p, lines[-1])
        assert not lines[-1].endswith("foretages følgende ændringer:"), (p, lines[-1])


def test_web_only_elements_stay_out_and_cover_unnumbered(built_site):
    """Issue 11.13."""
    ds = " ".join(_text(built_site / DS_PDF).split())
    lab = " ".join(_text(built_site / LAB_PDF).split())
    for text in (ds, lab):
        for web in ("Hent som PDF", "· PDF", "Versioner:", "Sammenlign med", "Gå til §", "Søg i love", "Spring til"):
            assert web not in text, web
    assert "(forslag 1)" not in ds  # the links from the lovforslag to the bemærkninger are web-only
    assert "Side" not in _text(built_site / DS_PDF, 1)
    assert "Side 2 af" in _text(built_site / DS_PDF, 2)
