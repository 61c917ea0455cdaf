"""Red team 4: `build --only` keeps the rest of the previous site by hard-linking its files. A
symbolic link left in the site folder (site/x.html -> ~/.ssh/id_rsa) was followed: os.link
hard-linked the file it points to (or, across file systems, shutil.copyfile copied its content)
into the new site, which then published a file from outside the project. Only regular files of
the previous site are kept now.
"""
from __future__ import annotations

import os
from pathlib import Path

from lawdiff.render import publish
from lawdiff.render.publish import Site, write_site


def _site(out: Path, text: str) -> None:
    s = Site()
    s.add("index.html", f"<p>{text}</p>")
    write_site(s, out, pdf=False)


def test_build_only_never_keeps_a_link_out_of_the_site(tmp_path, monkeypatch):
    secret = tmp_path / "hemmelig.txt"
    secret.write_text("HEMMELIG", "utf-8")
    out = tmp_path / "site"
    _site(out, "først")
    (out / "laekket.html").symlink_to(secret)
    (out / "mappe").mkdir()
    (out / "mappe" / "laekket2.html").symlink_to(secret)
    for fail_link in (False, True):  # a hard link, and the copy used where a hard link cannot be made
        if fail_link:
            def no_link(*a, **k):
                raise OSError(18, "Invalid cross-device link")
            monkeypatch.setattr(publish.os, "link", no_link)
        s = Site()
        s.add("index.html", "<p>igen</p>")
        write_site(s, out, pdf=False, keep=True)
        for p in out.rglob("*"):
            assert not p.is_symlink(), p
            if p.is_file():
                assert "HEMMELIG" not in p.read_text("utf-8", "replace"), p
        assert os.stat(secret).st_nlink == 1
        assert (out / "index.html").read_text("utf-8") == "<p>igen</p>"


def test_build_only_keeps_the_regular_files(tmp_path):
    out = tmp_path / "site"
    s = Site()
    s.add("index.html", "<p>a</p>")
    s.add("forslag/b.html", "<p>b</p>")
    write_site(s, out, pdf=False)
    s = Site()
    s.add("index.html", "<p>a2</p>")
    write_site(s, out, pdf=False, keep=True)
    assert (out / "forslag" / "b.html").read_text("utf-8") == "<p>b</p>"
