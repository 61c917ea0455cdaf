"""Red team 4, `lawdiff serve`: a hand-edited amendment file that does not load. The history page
was rendered without any amending act (the build swallowed the error), so the live preview told
the reader that the act had never been amended while the banner named the broken file; the page
now says what is wrong, as `build` refuses, and comes back when the file is fixed. Re-rendering a
history page no longer adds its search entries a second time.
"""
from __future__ import annotations

import os
import shutil
import time

from lawdiff.serve import Preview
from tests.conftest import ROOT

AMENDMENT = "lov-2012-1380.yaml"


def _touch(path):
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 2_000_000))


def test_a_broken_amendment_makes_the_history_page_an_error_until_it_is_fixed(tmp_path):
    (tmp_path / "amendments").mkdir()
    shutil.copytree(ROOT / "statutes" / "lab", tmp_path / "statutes" / "lab")
    f = tmp_path / "amendments" / AMENDMENT
    shutil.copy(ROOT / "amendments" / AMENDMENT, f)
    p = Preview(tmp_path)
    p.start()
    good = p.get("historik/lab.html")[0].decode()
    assert "lov nr. 1380" in good
    entries = len(p.builder.search) if hasattr(p.builder, "search") else None
    original = f.read_text("utf-8")
    f.write_text(original + "\n: :\n", "utf-8")
    _touch(f)
    assert "historik/lab.html" in p.poll()
    bad = p.get("historik/lab.html")[0].decode()
    assert f"amendments/{AMENDMENT}:" in bad and "Fejl" in bad
    f.write_text(original, "utf-8")
    _touch(f)
    p.poll()
    fixed = p.get("historik/lab.html")[0].decode()
    assert "lov nr. 1380" in fixed and "Fejl i" not in fixed
    assert fixed.count("lov nr. 1380") == good.count("lov nr. 1380")
    if entries is not None:
        assert len(p.builder.search) == entries  # the history's search entries once, not twice


def test_a_fifo_in_amendments_does_not_hang_the_preview(tmp_path):
    import threading

    (tmp_path / "amendments").mkdir()
    shutil.copytree(ROOT / "statutes" / "lab", tmp_path / "statutes" / "lab")
    shutil.copy(ROOT / "amendments" / AMENDMENT, tmp_path / "amendments" / AMENDMENT)
    os.mkfifo(tmp_path / "amendments" / "fifo.yaml")
    p = Preview(tmp_path)
    t = threading.Thread(target=p.start, daemon=True)
    t.start()
    t.join(60)
    assert not t.is_alive(), "serve hangs on a FIFO in amendments/"
    page = p.get("historik/lab.html")[0].decode()
    assert "amendments/fifo.yaml" in page and "FIFO" in page
