"""store.atomic_write's temporary file (paths.temp_file, the one atomic write of lawdiff): created beside
the target with the umask's mode by the system (no fchmod, no read of the umask), never over an existing name."""
from __future__ import annotations

import os

import pytest

from lawdiff import paths, store


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077, 0o002])
def test_the_written_file_has_the_mode_a_plain_open_gives(tmp_path, mask):
    old = os.umask(mask)
    try:
        store.atomic_write(tmp_path / "a" / "b.xml", b"<x/>")
        with open(tmp_path / "plain", "wb"):
            pass
    finally:
        os.umask(old)
    assert (tmp_path / "a" / "b.xml").read_bytes() == b"<x/>"
    assert os.stat(tmp_path / "a" / "b.xml").st_mode & 0o777 == 0o666 & ~mask
    assert os.stat(tmp_path / "a" / "b.xml").st_mode & 0o777 == os.stat(tmp_path / "plain").st_mode & 0o777
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["b.xml"]  # no temporary file left


def test_a_taken_name_is_skipped_and_never_written_through(tmp_path, monkeypatch):
    target = tmp_path / "f.xml"
    (tmp_path / ".f.xml.taken").write_bytes(b"someone else's")
    (tmp_path / ".f.xml.link").symlink_to(tmp_path / "elsewhere")  # a link is a taken name, not followed
    names = iter(["taken", "link", "free"])
    monkeypatch.setattr(paths, "_suffix", lambda: next(names))
    fd, name = paths.temp_file(target)
    os.close(fd)
    assert name == str(tmp_path / ".f.xml.free")
    assert (tmp_path / ".f.xml.taken").read_bytes() == b"someone else's"
    assert not (tmp_path / "elsewhere").exists()


def test_temporary_names_differ_in_a_forked_worker(tmp_path):
    """The site's pages are built by forked workers: each draws its own names (O_EXCL would refuse a
    clash, but every clash costs a retry)."""
    parent = paths._suffix()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.write(w, paths._suffix().encode())
        os._exit(0)
    os.close(w)
    child = os.read(r, 64).decode()
    os.waitpid(pid, 0)
    assert child and child != paths._suffix() and child != parent


def test_rewriting_into_an_existing_folder_replaces_the_file(tmp_path):
    store.atomic_write(tmp_path / "d" / "f.xml", b"1")
    store.atomic_write(tmp_path / "d" / "f.xml", b"2")  # the folder exists: no mkdir
    assert (tmp_path / "d" / "f.xml").read_bytes() == b"2"
    assert [p.name for p in (tmp_path / "d").iterdir()] == ["f.xml"]


def test_a_file_where_the_folder_should_be_is_a_message(tmp_path):
    (tmp_path / "d").write_bytes(b"not a folder")
    with pytest.raises(store.StoreError, match="kan ikke skrive filen"):
        store.atomic_write(tmp_path / "d" / "f.xml", b"1")
    assert (tmp_path / "d").read_bytes() == b"not a folder"
