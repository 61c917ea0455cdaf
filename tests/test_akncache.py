"""akncache: a read act version from the cache is exactly what akn.from_bytes builds; a changed file,
a corrupt entry or an entry naming any other class is never used; the cache never fails a read."""
from __future__ import annotations

import os
import pickle
import shutil

import pytest

from lawdiff import akn, akncache
from lawdiff.errors import LawdiffError
from lawdiff.store import Store
from tests.conftest import ROOT

FILES = sorted((ROOT / "statutes").glob("*/*.xml"))


def _entries(root):
    return sorted((root / akncache.FOLDER).glob("*.pickle"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_cached_version_is_what_from_bytes_builds(tmp_path, monkeypatch, path):
    data = path.read_bytes()
    fresh = akn.from_bytes(data, str(path))
    first = akncache.load(tmp_path, data, str(path))
    assert len(_entries(tmp_path)) == 1
    monkeypatch.setattr(akn, "from_bytes", lambda *a: pytest.fail("read again despite the cache"))
    cached = akncache.load(tmp_path, data, str(path))
    assert cached is not first
    assert pickle.dumps(cached) == pickle.dumps(fresh) == pickle.dumps(first)
    monkeypatch.undo()
    assert akn.to_bytes(cached) == akn.to_bytes(fresh) == data


def test_the_store_reads_through_the_cache_and_a_changed_file_is_read_again(tmp_path):
    shutil.copytree(ROOT / "statutes/lab", tmp_path / "statutes/lab")
    Store(tmp_path, cache=True).load("lab@2016-11-21")
    assert len(_entries(tmp_path)) == 1
    assert (tmp_path / ".lawdiff-cache/.gitignore").read_text() == "*\n"
    p = tmp_path / "statutes/lab/2016-11-21.xml"
    p.write_bytes(p.read_bytes().replace("beskæftigelsesindsats".encode(), b"beskaeftigelsesindsats", 1))
    act = Store(tmp_path, cache=True).load("lab@2016-11-21")
    assert Store(tmp_path).load("lab@2016-11-21").title == act.title  # without the cache: the same
    assert len(_entries(tmp_path)) == 2
    assert act.title == akn.from_bytes(p.read_bytes(), str(p)).title


def test_a_bad_or_foreign_entry_is_never_used(tmp_path):
    path = ROOT / "statutes/lab/2015-07-01.xml"
    data = path.read_bytes()
    want = pickle.dumps(akn.from_bytes(data, str(path)))
    akncache.load(tmp_path, data, str(path))
    (entry,) = _entries(tmp_path)
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    for blob in (b"", b"not a pickle", entry.read_bytes()[:100], pickle.dumps(Evil()), pickle.dumps({"a": 1})):
        entry.write_bytes(blob)
        assert pickle.dumps(akncache.load(tmp_path, data, str(path))) == want
        assert not marker.exists()
    assert pickle.dumps(akncache.load(tmp_path, data, str(path))) == want  # rewritten: good again


def test_a_file_that_does_not_read_is_refused_and_not_cached(tmp_path):
    with pytest.raises(LawdiffError):
        akncache.load(tmp_path, b"<akomaNtoso/>", "x.xml")
    assert _entries(tmp_path) == []


def test_no_cache_where_the_root_cannot_be_written(tmp_path):
    path = ROOT / "statutes/lab/2015-07-01.xml"
    (tmp_path / ".lawdiff-cache").write_text("a file, not a folder")
    act = akncache.load(tmp_path, path.read_bytes(), str(path))
    assert act.law == "lab"
    root = tmp_path / "project"
    (root / ".lawdiff-cache").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    os.symlink(tmp_path / "elsewhere", root / ".lawdiff-cache" / "akn")
    assert akncache.load(root, path.read_bytes(), str(path)).law == "lab"
    assert list((tmp_path / "elsewhere").iterdir()) == []  # never written through a symbolic link


def test_only_the_reading_commands_use_the_cache(tmp_path):
    from lawdiff.cli import main

    shutil.copytree(ROOT / "statutes/lab", tmp_path / "statutes/lab")
    main(["--root", str(tmp_path), "check"])  # reads every version; writes nothing
    assert _entries(tmp_path) == []
    assert main(["--root", str(tmp_path), "diff", "lab@2015-07-01", "lab@2016-11-21"]) == 0
    assert len(_entries(tmp_path)) == 2


def test_an_entry_linked_out_of_the_project_is_never_read_and_entries_honour_the_umask(tmp_path):
    path = ROOT / "statutes/lab/2015-07-01.xml"
    data = path.read_bytes()
    want = pickle.dumps(akn.from_bytes(data, str(path)))
    root = tmp_path / "project"
    root.mkdir()
    old = os.umask(0o027)
    try:
        akncache.load(root, data, str(path))
    finally:
        os.umask(old)
    (entry,) = _entries(root)
    assert entry.stat().st_mode & 0o777 == 0o640  # 0666 & ~umask, as a plain open() gives
    outside = tmp_path / "outside.pickle"  # a usable entry, but outside the project
    outside.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to(outside)
    with pytest.MonkeyPatch.context() as m:
        reads = []
        real = akn.from_bytes
        m.setattr(akn, "from_bytes", lambda *a: reads.append(1) or real(*a))
        assert pickle.dumps(akncache.load(root, data, str(path))) == want
        assert reads == [1]  # read from the file, not through the link
