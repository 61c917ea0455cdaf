"""Review 6: paths.read_regular and paths.atomic_file under what red team 4 did not try.

- read_regular(inside=) checked the path (realpath) and then opened it again by name: a link put
  in its place between the check and the open (a race) was followed out of the folder. The check
  is now made on the descriptor that was read.
- atomic_file's temporary name is the target's with 14 characters more: a target whose name is
  near the file system's limit (255 bytes) could not be written at all (ENAMETOOLONG), though a
  plain open() writes it.
"""
from __future__ import annotations

import os

import pytest

from lawdiff import paths
from lawdiff.paths import UnsafePath, is_temp_name, read_regular, write_atomic


def test_a_link_swapped_in_between_check_and_open_is_refused(tmp_path, monkeypatch):
    folder = tmp_path / "amendments"
    folder.mkdir()
    secret = tmp_path / "hemmelig.yaml"
    secret.write_bytes(b"HEMMELIG\n")
    f = folder / "lov.yaml"
    f.write_bytes(b"titel: x\n")
    real_open = os.open

    def racing_open(p, flags, *a, **k):  # the attacker wins the race: a link replaces the file
        if os.fspath(p) == str(f) and not os.path.islink(f):
            f.unlink()
            f.symlink_to(secret)
        return real_open(p, flags, *a, **k)

    monkeypatch.setattr(paths.os, "open", racing_open)
    with pytest.raises(UnsafePath) as e:
        read_regular(f, 1000, inside=folder)
    assert "uden for" in e.value.message


def test_a_link_inside_the_folder_is_still_read(tmp_path):
    folder = tmp_path / "amendments"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.yaml").write_bytes(b"a: 1\n")
    (folder / "b.yaml").symlink_to(folder / "sub" / "a.yaml")
    assert read_regular(folder / "b.yaml", 100, inside=folder) == b"a: 1\n"
    linked = tmp_path / "linked"
    linked.symlink_to(folder)  # the folder reached through a link in a parent: still inside
    assert read_regular(linked / "b.yaml", 100, inside=linked) == b"a: 1\n"


def test_a_name_near_the_limit_is_written(tmp_path):
    name = "æ" * 120 + ".pdf"  # 244 bytes in UTF-8
    write_atomic(tmp_path / name, b"x")
    assert (tmp_path / name).read_bytes() == b"x"
    assert os.listdir(tmp_path) == [name]


def test_the_temporary_name_is_recognised(tmp_path):
    for base in ("a.pdf", "æ" * 127):
        fd, tmp = paths.temp_file(tmp_path / base)
        os.close(fd)
        assert is_temp_name(os.path.basename(tmp)) and len(os.fsencode(os.path.basename(tmp))) <= 255
        os.unlink(tmp)
    assert not is_temp_name("a.pdf") and not is_temp_name(".bashrc")
