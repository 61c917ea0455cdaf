"""An annex's redline on a compare page in headless Chromium (as tests/render/test_browser.py): elafgiftsloven
(LBK 310/2011) and the version lov 70/2013, § 1, nr. 7 makes of it (bilag 4-7 rewritten, their rate tables
with a new column): a changed table is one block whose rows stand on lines of their own, insertions bold,
deletions struck through."""
from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from lawdiff import cli
from tests.conftest import lexdania
from tests.render.test_browser import ARGS, CHROMIUM

ELAFGIFT = "afgift-af-elektricitet"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("elafgift")
    for f in ("2011/2011-310.xml", "2013/2013-70.xml"):
        assert cli.main(["import", "--root", str(root), "lexdania", str(lexdania(f))]) == 0
    assert cli.main(["--root", str(root), "apply", str(root / "amendments" / "lov-2013-70.yaml"), "--nummer",
                     "§ 1, nr. 7", "--law", ELAFGIFT, "--save-version", "2013-02-01", "--source",
                     "LBK nr. 310 af 01/04/2011 med § 1, nr. 7, i lov nr. 70 af 30/01/2013"]) == 0
    out = root / "site"
    assert cli.main(["--root", str(root), "build", "--no-pdf", "--out", str(out)]) == 0
    return out


def test_a_changed_annex_table_reads_as_rows_with_its_changes_marked(site):
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = b.new_page(viewport={"width": 1100, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto((site / "sammenligning" / ELAFGIFT / "2011-04-01_2013-02-01.html").as_uri())
            page.wait_for_load_state("load")
            assert page.locator("nav.aendrede a[href='#bilag-4']").count() == 1
            annex = page.locator("section#bilag-4.bilag-aendring")
            assert annex.locator("h3").inner_text().startswith("Bilag\xa04")
            table = annex.locator("p.bilag-tabel-tekst").first
            assert table.evaluate("e => getComputedStyle(e).whiteSpace") == "pre-line"
            line = float(table.evaluate("e => parseFloat(getComputedStyle(e).lineHeight) || 20"))
            assert table.evaluate("e => e.getBoundingClientRect().height") > 2.5 * line  # its rows, on lines
            assert "line-through" in annex.locator("del").first.evaluate(
                "e => getComputedStyle(e).textDecorationLine")
            assert int(annex.locator("ins").first.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
            inserted = " ".join(annex.locator("ins").all_inner_texts())
            assert "51,6" in inserted and "59,8" in " ".join(annex.locator("del").all_inner_texts())
            assert errors == []
        finally:
            b.close()
