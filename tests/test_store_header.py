"""Store.header reads a version's title and source without loading the act (akn.read_header)."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

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


def test_the_header_a_save_remembers_is_what_the_written_file_gives(tmp_path):
    src, out = Store(ROOT), Store(tmp_path)
    seen = 0
    for law in src.laws():
        for v in src.versions(law):
            out.save(src.load(f"{law}@{v}"))
            assert out.header(f"{law}@{v}") == Store(tmp_path).header(f"{law}@{v}")
            seen += 1
        assert out.headers(law) == [(v, *Store(tmp_path).header(f"{law}@{v}")) for v in src.versions(law)]
    assert seen >= 10


@pytest.mark.corpus
def test_the_header_a_save_remembers_is_what_the_written_file_gives_for_every_corpus_act(corpus_results, tmp_path):
    store = Store(tmp_path)
    n = 0
    for res in corpus_results.values():  # shared by other tests: not renamed by unique_keys here
        if res.act is not None and not store.path(res.act.law, res.act.date).exists():
            store.save(res.act)
            assert store.header(res.act.key) == Store(tmp_path).header(res.act.key), res.path
            n += 1
    print(f"\n{n} act versions: the header remembered on saving is the file's")
    assert n > 1000


def _act(law: str, date: str, title: str):
    from lawdiff.model import Act, Line, Unit, assign_eids

    act = Act(law=law, title=title, doc_title=title, doc_type="lbk", year=date[:4], number="1", date=date,
              source=f"LBK nr. 1 af {date[8:]}/{date[5:7]}/{date[:4]}",
              body=[Unit("section", "1", "§ 1.", children=[Unit("subsection", "1", intro=[Line("Tekst.")])])])
    assign_eids(act, wids=True)
    return act


_SAVES = st.lists(st.tuples(st.sampled_from(["a", "b", "c-lov", "d"]),
                            st.sampled_from(["2010-01-01", "2012-05-05", "2014-12-31"]),
                            st.sampled_from(["lov om x", "lov om y", "lov om z"])), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(_SAVES, st.booleans())
def test_titles_kept_up_to_date_by_save_are_what_a_fresh_store_computes(saves, broken):
    # Store.save updates the one law's entry of `titles` (_retitle) instead of computing it again
    # (`lawdiff import lexdania` links amending acts between saves)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(tmp)
        assert store.titles() == {}
        if broken:  # a newest version that cannot be read: the law is left out, by both
            bad = Path(tmp) / "statutes" / "d" / "2013-01-01.xml"
            bad.parent.mkdir(parents=True)
            bad.write_bytes(b"<akomaNtoso/>")
        for i, (law, date, title) in enumerate(saves):
            store.save(_act(law, date, title))
            assert store.titles() == Store(tmp).titles(), saves[:i + 1]
