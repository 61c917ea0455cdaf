"""Store.header reads a version's title and source without loading the act (akn.read_header)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawdiff.errors import LawdiffError
from lawdiff.store import Store

ROOT = Path(__file__).resolve().parents[1]


def test_header_is_what_loading_the_act_gives_for_every_stored_version():
    store = Store(ROOT)
    seen = 0
    for law in store.laws():
        for v in store.versions(law):
            fresh = Store(ROOT)  # no cached act: the header is read from the file alone
            act = store.load(f"{law}@{v}")
            assert fresh.header(f"{law}@{v}") == (act.title, act.source)
            seen += 1
    assert seen >= 10


def test_titles_come_from_the_newest_versions_headers():
    store = Store(ROOT)
    titles = store.titles()
    for law in store.laws():
        assert law in titles[store.load(law).title]


def test_a_file_stored_under_another_name_is_refused(tmp_path):
    src = ROOT / "statutes" / "sundhedsloven"
    (tmp_path / "statutes" / "andenlov").mkdir(parents=True)
    shutil.copy(next(src.glob("*.xml")), tmp_path / "statutes" / "andenlov" / next(src.glob("*.xml")).name)
    with pytest.raises(LawdiffError, match="filen indeholder sundhedsloven@"):
        Store(tmp_path).header("andenlov")
    assert Store(tmp_path).titles() == {}  # a broken store file is left out (check reports it)
