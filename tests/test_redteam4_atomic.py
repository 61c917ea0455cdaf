"""Red team 4: lawdiff's one atomic write (paths.atomic_file / write_atomic), used by the PDF cache
(render/publish.py) and the cache key (cachekey.py): a file is whole or absent at every instant,
never written through a link, with the umask's mode (or 0600 for the secret), and an error leaves
the old file and no temporary file behind.
"""
from __future__ import annotations

import os
import signal
import stat

import pytest

from lawdiff import cachekey
from lawdiff.paths import atomic_file, is_temp_name, write_atomic
from lawdiff.render.publish import PdfCache


@pytest.fixture
def mask():
    old = os.umask(0o022)
    yield lambda m: os.umask(m)
    os.umask(old)


@pytest.mark.parametrize("m, want", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_the_written_file_has_the_umask_mode(tmp_path, mask, m, want):
    mask(m)
    write_atomic(tmp_path / "a.pdf", b"x")
    assert stat.S_IMODE(os.stat(tmp_path / "a.pdf").st_mode) == want
    write_atomic(tmp_path / "k", b"x", private=True)
    assert stat.S_IMODE(os.stat(tmp_path / "k").st_mode) == 0o600


def test_an_error_mid_write_leaves_the_old_file_and_no_temporary(tmp_path):
    p = tmp_path / "a.pdf"
    p.write_bytes(b"old")
    with pytest.raises(OSError), atomic_file(p) as f:
        f.write(b"half of the n")
        raise OSError(28, "No space left on device")
    assert p.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.pdf"]


def test_a_process_killed_mid_write_leaves_the_old_file_whole(tmp_path):
    p = tmp_path / "a.pdf"
    p.write_bytes(b"old")
    pid = os.fork()
    if pid == 0:  # the child: half a file, then killed
        try:
            with atomic_file(p) as f:
                f.write(b"new, but only ha")
                f.flush()
                os.kill(os.getpid(), signal.SIGKILL)
        finally:
            os._exit(1)
    os.waitpid(pid, 0)
    assert p.read_bytes() == b"old"
    [left] = [n for n in os.listdir(tmp_path) if n != "a.pdf"]
    assert is_temp_name(left)  # recognisable, so the PDF cache's prune removes it


def test_a_link_at_the_target_is_replaced_not_written_through(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"precious")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.pdf").symlink_to(outside)
    write_atomic(tmp_path / "d" / "a.pdf", b"new")
    assert outside.read_bytes() == b"precious"
    assert not (tmp_path / "d" / "a.pdf").is_symlink()
    assert (tmp_path / "d" / "a.pdf").read_bytes() == b"new"


def test_the_pdf_cache_on_a_full_disk_keeps_nothing_half_written(tmp_path, monkeypatch):
    cache = PdfCache(tmp_path / "pdf")

    def full(*a):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", full)
    assert cache.put("k" * 64, b"%PDF-1.7 ...") is None
    assert os.listdir(tmp_path / "pdf") == []


def test_the_pdf_cache_prunes_a_stale_temporary_of_a_killed_build(tmp_path):
    cache = PdfCache(tmp_path / "pdf")
    stale = tmp_path / "pdf" / ".abc.pdf.0123456789ab"
    stale.write_bytes(b"half")
    os.utime(stale, (0, 0))
    cache.prune(set())
    assert not stale.exists()


@pytest.mark.parametrize("m", [0o000, 0o022, 0o077])
def test_the_cache_key_is_private_whatever_the_umask_and_leaves_no_temporary(tmp_path, mask, m):
    mask(m)
    cachekey._memo.clear()
    key = cachekey.secret(tmp_path)
    assert key is not None and len(key) == 32
    folder = tmp_path / cachekey.CACHE
    assert stat.S_IMODE(os.stat(folder / "key").st_mode) == 0o600
    assert sorted(os.listdir(folder)) == [".gitignore", "key"]
    cachekey._memo.clear()
    assert cachekey.secret(tmp_path) == key  # the inode it records is the renamed file's
    cachekey._memo.clear()
