"""cachekey: the cache secret is made here, kept 0600, and a key file that lawdiff did not make
(a clone's, a copy's, a link, a readable one) is never trusted."""
from __future__ import annotations

import os
import shutil
import stat

import pytest

from lawdiff import cachekey


@pytest.fixture(autouse=True)
def _fresh_memo(monkeypatch):
    monkeypatch.setattr(cachekey, "_memo", {})


def _key_file(root):
    return root / cachekey.CACHE / "key"


def test_made_once_private_and_reused(tmp_path):
    k = cachekey.secret(tmp_path)
    assert isinstance(k, bytes) and len(k) == 32
    st = os.lstat(_key_file(tmp_path))
    assert stat.S_ISREG(st.st_mode) and st.st_mode & 0o777 == 0o600
    assert (tmp_path / cachekey.CACHE / ".gitignore").read_text() == "*\n"
    cachekey._memo.clear()  # a later process
    assert cachekey.secret(tmp_path) == k


def test_two_projects_two_secrets(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert cachekey.secret(tmp_path / "a") != cachekey.secret(tmp_path / "b")


def test_a_copied_key_is_not_trusted(tmp_path):
    """A key that came with the project (a clone, cp -r) has another inode: a new key is made."""
    (tmp_path / "a").mkdir()
    k = cachekey.secret(tmp_path / "a")
    shutil.copytree(tmp_path / "a", tmp_path / "b")  # the key's bytes and mode, copied
    b = tmp_path / "b"
    assert _key_file(b).read_bytes()[:32] == k
    assert cachekey.secret(b) not in (None, k)


def test_a_planted_key_with_the_right_bytes_is_replaced(tmp_path):
    """Bytes written by anyone but cachekey (even 0600 and owned by the user) do not record the
    file's own inode."""
    folder = tmp_path / cachekey.CACHE
    folder.mkdir()
    planted = b"\x01" * 32 + (12345).to_bytes(8, "big")
    _key_file(tmp_path).write_bytes(planted)
    os.chmod(_key_file(tmp_path), 0o600)
    k = cachekey.secret(tmp_path)
    assert k is not None and k != planted[:32]


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o666])
def test_a_key_others_can_read_is_replaced(tmp_path, mode):
    k = cachekey.secret(tmp_path)
    os.chmod(_key_file(tmp_path), mode)
    cachekey._memo.clear()
    k2 = cachekey.secret(tmp_path)
    assert k2 is not None and k2 != k
    assert os.lstat(_key_file(tmp_path)).st_mode & 0o777 == 0o600


def test_a_key_that_is_a_link_is_not_followed(tmp_path):
    (tmp_path / "a").mkdir()
    k = cachekey.secret(tmp_path / "a")
    other = tmp_path / "b"
    (other / cachekey.CACHE).mkdir(parents=True)
    os.symlink(_key_file(tmp_path / "a"), _key_file(other))
    k2 = cachekey.secret(other)
    assert k2 != k
    assert not os.path.islink(_key_file(other))  # replaced by a file of its own


def test_a_cache_folder_that_is_a_link_gives_no_cache(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "p").mkdir()
    os.symlink(tmp_path / "elsewhere", tmp_path / "p" / cachekey.CACHE)
    assert cachekey.secret(tmp_path / "p") is None
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_no_folder_can_be_made_gives_no_cache(tmp_path):
    """A read-only or full disk behaves the same: the folder or the key cannot be written."""
    (tmp_path / cachekey.CACHE).write_bytes(b"a file where the folder should be")
    assert cachekey.secret(tmp_path) is None


def test_name_is_a_mac_of_every_part():
    k1, k2 = b"k" * 32, b"K" * 32
    assert cachekey.name(k1, b"ab", b"c") != cachekey.name(k1, b"a", b"bc")
    assert cachekey.name(k1, b"ab") != cachekey.name(k2, b"ab")
    assert cachekey.name(k1, b"ab") == cachekey.name(k1, b"ab")


def test_a_deleted_gitignore_is_made_again(tmp_path):
    cachekey.secret(tmp_path)
    (tmp_path / cachekey.CACHE / ".gitignore").unlink()
    cachekey._memo.clear()  # a later process
    cachekey.secret(tmp_path)
    assert (tmp_path / cachekey.CACHE / ".gitignore").read_text() == "*\n"
