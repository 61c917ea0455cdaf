"""The static site: contents, safety, determinism and atomic writes."""
from __future__ import annotations

import re

import pytest

from lawdiff.render import markdown
from lawdiff.render.publish import digest
from lawdiff.render.site import build_site
from tests.conftest import ROOT


@pytest.mark.parametrize("text, expected", [
    ("jf. § 68 a, stk. 3, nr. 2, litra b", "jf. §\xa068\xa0a, stk.\xa03, nr.\xa02, litra\xa0b"),
    ("§ 2 i lov nr. 1486 af 23. december 2014", "§\xa02 i lov nr.\xa01486 af 23.\xa0december\xa02014"),
    ("§§ 9-12 og 2. pkt.", "§§\xa09-12 og 2.\xa0pkt."),
    ("Stk. 2. Kapitel 12 a og forslag 10", "Stk.\xa02. Kapitel\xa012\xa0a og forslag\xa010"),
    ("§ 68 a og § 68 b", "§\xa068\xa0a og §\xa068\xa0b"),
])
def test_no_break_spaces(text, expected):
    from lawdiff.render.html import nbsp

    assert nbsp(text) == expected


def test_pages_exist(built_site):
    files = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()}
    assert {"index.html", "static/lawdiff.css", "love/lab/2016-11-21.html", "love/lab/2016-11-21.pdf",
            "sammenligning/lab/2015-07-01_2016-11-21.html", "forslag/ds-11-forslag-ressourceforloeb.html",
            "forslag/ds-11-forslag-ressourceforloeb.pdf", "forslag/aftale-2020-ressourceforloeb.pdf"} <= files


def test_pages_are_danish_and_load_nothing_from_outside(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert '<html lang="da">' in html, page
        # every resource the page loads is local (links to retsinformation.dk are navigation only)
        for m in re.finditer(r'<(?:link|script|img|iframe|source)\b[^>]*(?:href|src)="([^"]+)"', html):
            assert not re.match(r"^[a-z]+:", m.group(1)), (page, m.group(1))
        assert "@import" not in html and "url(http" not in html


def test_proposal_page_contents(built_site):
    html = (built_site / "forslag/ds-11-forslag-ressourceforloeb.html").read_text(encoding="utf-8").replace("\xa0", " ")
    for text in ("Dansk Socialrådgiverforening", "1. februar 2017", "Udkast", "Almindelige bemærkninger",
                 "Lovforslaget sammenholdt med gældende lov", "Gældende formulering", "Til § 1", "Til nr. 1",
                 "I lov om en aktiv beskæftigelsesindsats, jf. lovbekendtgørelse nr. 1342 af 21. november 2016"):
        assert text in html, text
    assert '<ins data-change="3.1"> samt anbefaling til borgerens videre forløb</ins>' in html
    assert "indsat:" not in html and "slettet:" not in html  # the cues are CSS generated content
    for n in range(1, 12):
        assert f'id="forslag-{n}"' in html


def test_act_page_has_permalinks_and_source(built_site):
    html = (built_site / "love/lab/2016-11-21.html").read_text(encoding="utf-8")
    assert 'id="sec_68a__subsec_1__para_2"' in html
    assert 'href="#sec_68a"' in html and "§\xa068\xa0a" in html and "¶" not in html and 'href="https://www.retsinformation.dk/eli/lta/2016/1342"' in html
    assert "LBK nr.\xa01342 af 21/11/2016" in html
    assert 'href="../../sammenligning/lab/2015-07-01_2016-11-21.html"' in html


@pytest.mark.parametrize("src, bad, good", [
    ("<script>alert(1)</script>", "<script>", "&lt;script&gt;"),
    ("[x](javascript:alert(1))", 'href="javascript', "[x](javascript:alert(1))"),
    ("[x](data:text/html;base64,AA)", 'href="data', "[x](data:"),
    ("[x](file:///etc/passwd)", 'href="file', "[x](file:"),
    ("[x](https://ft.dk)", None, 'href="https://ft.dk"'),
    ("[x](mailto:a@b.dk)", None, 'href="mailto:a@b.dk"'),
    ("[x](../love/lab.html)", None, 'href="../love/lab.html"'),
    ("<img src=x onerror=alert(1)>", "<img", "&lt;img"),
])
def test_markdown_is_safe(src, bad, good):
    html = markdown.render(src)
    if bad:
        assert bad not in html
    assert good in html


def test_two_builds_are_identical(built_site, tmp_path):
    again = tmp_path / "site"
    build_site(ROOT, again, pdf=True, cache=tmp_path / "cache")  # every PDF rendered afresh
    a, b = digest(built_site), digest(again)
    assert a.keys() == b.keys() and a == b


def test_interrupted_build_leaves_the_previous_site(tmp_path, monkeypatch):
    out = tmp_path / "site"
    build_site(ROOT, out, pdf=False)
    before = digest(out)

    def boom(*a, **k):
        raise KeyboardInterrupt("interrupted")

    monkeypatch.setattr("lawdiff.render.pdf.render_pdf", boom)
    with pytest.raises(KeyboardInterrupt):
        build_site(ROOT, out, pdf=True, cache=tmp_path / "cache")
    assert digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "site"]  # no temporaries left behind


def test_build_cli(tmp_path, capsys):
    from lawdiff.cli import main

    assert main(["--root", str(ROOT), "build", "--out", str(tmp_path / "s"), "--no-pdf"]) == 0
    assert "filer skrevet til" in capsys.readouterr().out
    assert (tmp_path / "s/index.html").exists() and not list((tmp_path / "s").rglob("*.pdf"))
