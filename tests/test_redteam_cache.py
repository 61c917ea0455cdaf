"""Red team: a planted cache entry. Named by values anyone can compute (the sha256 of a statute
file or of a page, and of lawdiff's public code), an entry in `.lawdiff-cache/` force-added to a
shared repository made `show`, `diff`, `build` and `serve` print a law text the statute file does
not hold, and `build` publish a PDF that is not the proposal's. Both caches now name their entries
by a MAC under the project's cache secret (cachekey.py, from main; the PDF cache here): an entry
under the public name is never used.
"""
from __future__ import annotations

import hashlib
import pickle
import shutil

from lawdiff import akn, akncache
from lawdiff.model import Line
from lawdiff.store import Store
from tests.conftest import ROOT


def test_a_planted_cache_entry_does_not_change_the_law_shown(tmp_path):
    shutil.copytree(ROOT / "statutes" / "lab", tmp_path / "statutes" / "lab")
    path = tmp_path / "statutes" / "lab" / "2016-11-21.xml"
    data = path.read_bytes()
    act = akn.from_bytes(data, str(path))
    line = next(b for u in act.body for x in u.walk() for b in x.intro if isinstance(b, Line) and "5 års" in b.text)
    line.text = line.text.replace("5 års", "50 års")  # the planted text
    entry = tmp_path / akncache.FOLDER / (hashlib.sha256(data).hexdigest() + "-" + akncache._code()[:32] + ".pickle")
    entry.parent.mkdir(parents=True)
    entry.write_bytes(pickle.dumps(act, protocol=pickle.HIGHEST_PROTOCOL))
    shown = Store(tmp_path, cache=True).load("lab@2016-11-21")
    texts = [b.text for u in shown.body for x in u.walk() for b in x.intro if isinstance(b, Line)]
    assert not any("50 års" in t for t in texts)


def test_a_planted_pdf_is_not_published(tmp_path):
    from lawdiff.engine import run
    from lawdiff.proposal import load_proposal
    from lawdiff.render import pdf
    from lawdiff.render.site import _Builder, build_site

    shutil.copytree(ROOT / "statutes" / "lab", tmp_path / "statutes" / "lab")
    (tmp_path / "proposals").mkdir()
    prop = tmp_path / "proposals" / "aftale.yaml"
    shutil.copy(ROOT / "proposals" / "aftale-2020-ressourceforloeb.yaml", prop)
    b = _Builder(tmp_path, pdf=True)
    b.proposal_page(run(load_proposal(prop), b.store))
    [page] = b.site.pages
    key = pdf.pdf_key(page.pdf_html or page.html, page.pdf_date)
    planted = b"%PDF-1.4\n% not the proposal\n"
    entry = tmp_path / ".lawdiff-cache" / "pdf" / f"{key}.pdf"
    entry.parent.mkdir(parents=True)
    entry.write_bytes(planted)
    build_site(tmp_path, tmp_path / "site", pdf=True, only=[str(prop)])
    assert (tmp_path / "site" / "forslag" / "aftale.pdf").read_bytes() != planted
