"""The LexDania importer keeps a document's annexes (<Bilag>): every text run of every annex is in
the act version, in order; pictures, which have no text, are reported."""
from __future__ import annotations


import pytest
from lxml import etree

from lawdiff.importers.lexdania import read_lexdania_file
from lawdiff.model import Line, Table
from lawdiff.render.text import render_act
from lawdiff.text import norm
from tests.conftest import CORPUS, lexdania


def _annex_text(annex) -> tuple[str, str]:
    """Everything the annex holds as two texts: label, headings, lines and cells in order; notes."""
    parts, notes = [annex.label], []
    for b in annex.headings + annex.body:
        if isinstance(b, Table):
            parts.extend(c.text for row in b.rows for c in row)
        else:
            parts.append(b.text)
            notes.extend(" ".join([n.marker, *n.lines]) for n in b.notes)
    return norm(" ".join(parts)), norm(" ".join(notes))


def _missing_runs(path, act) -> list[str]:
    """The text runs (<Char>) of the document's <Bilag> that are not in the act's annexes: those of
    the text each looked for in order after the previous one (a superscript footnote reference
    excepted), those of a note (<Nota>) in the annex's notes."""
    root = etree.parse(str(path)).getroot()
    bilag = [b for b in root if b.tag == "Bilag"]
    assert len(bilag) == len(act.annexes), path
    missing = []
    for el, annex in zip(bilag, act.annexes):
        text, notes = _annex_text(annex)
        at = 0
        for c in el.iter("Char"):
            run = norm(c.text or "")
            if not run:
                continue
            if any(a.tag == "Nota" for a in c.iterancestors()):
                if run not in notes and run not in text:  # a note in a table cell is the cell's text
                    missing.append(f"{path.name}:{c.sourceline}: note {run[:60]!r}")
                continue
            if "uper" in (c.get("formaChar") or ""):
                continue  # a footnote reference ("1)") is left out of the text, its note is kept
            i = text.find(run, at)
            if i < 0:
                missing.append(f"{path.name}:{c.sourceline}: {run[:60]!r}")
            else:
                at = i
    return missing


@pytest.mark.parametrize("doc", ["2014/2014-1109.xml", "2010/2010-246.xml", "2015/2015-1582.xml",
                                 "2010/2010-1073.xml"])
def test_every_text_run_of_every_annex_is_kept_in_order(doc):
    res = read_lexdania_file(lexdania(doc))
    assert res.act.annexes
    assert _missing_runs(lexdania(doc), res.act) == []
    assert not any("dokumentets" in w and "bilag" in w for w in res.repairs)  # the old warning


def test_an_annex_has_its_label_number_and_text():
    act = read_lexdania_file(lexdania("2014/2014-1109.xml")).act
    [a] = act.annexes
    assert (a.label, a.num) == ("Bilag A", "A")
    assert a.body[0].text == "Følgende lande er omfattet af zone A:" and len(a.body) == 3


def test_a_picture_in_an_annex_is_reported_with_its_line():
    res = read_lexdania_file(lexdania("2010/2010-246.xml"))
    pics = [w for w in res.repairs if "billede" in w]
    assert pics and all(w.startswith(str(lexdania("2010/2010-246.xml")) + ":") for w in pics)


def test_a_table_caption_in_an_annex_is_a_line_before_the_table():
    act = read_lexdania_file(lexdania("2015/2015-1582.xml")).act
    blocks = [b for a in act.annexes for b in a.body]
    i = next(i for i, b in enumerate(blocks) if isinstance(b, Line) and b.text == "Karakteristika")
    assert isinstance(blocks[i + 1], Table)


def test_show_prints_the_annexes_after_the_law_text():
    act = read_lexdania_file(lexdania("2014/2014-1109.xml")).act
    text = render_act(act)
    last_section = text.index("Stk. 2-4. (Udelades)")
    assert text.index("\nBilag A\nFølgende lande er omfattet af zone A:\n") > last_section


@pytest.mark.corpus
def test_every_annex_of_the_corpus_is_imported_with_all_its_text(corpus_results, capsys):
    docs = annexes = tables = pictures = 0
    missing: list[str] = []
    for rel, res in corpus_results.items():
        if res.act is None or not res.act.annexes:
            continue
        docs += 1
        annexes += len(res.act.annexes)
        tables += sum(isinstance(b, Table) for a in res.act.annexes for b in a.body)
        pictures += sum("billede" in w for w in res.repairs)
        missing += _missing_runs(CORPUS / rel, res.act)
    with capsys.disabled():
        print(f"\nannexes: {annexes} annexes of {docs} act versions imported ({tables} tables); "
              f"{pictures} pictures reported as not imported; {len(missing)} text runs missing")
    assert missing == []
    assert docs >= 167 and annexes >= 431


def test_the_act_page_shows_the_annexes_after_the_law_text(tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    def run(*args):
        return subprocess.run([sys.executable, "-m", "lawdiff.cli", *args], cwd=tmp_path, capture_output=True,
                              text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})

    assert run("import", "lexdania", str(lexdania("2010/2010-246.xml")), "--law", "bilagtest").returncode == 0
    r = run("build", "--no-pdf", "--out", str(tmp_path / "site"))
    assert r.returncode == 0, r.stderr
    page = next((tmp_path / "site").rglob("bilagtest/*.html")).read_text(encoding="utf-8")
    at = page.index('<div class="bilag-liste">')
    assert page.index('<article class="lovtekst">') < at
    assert '<section class="bilag" id="bilag-1">' in page[at:] and "<table" in page[at:]
