"""Review 6: what `import` finds in the store where it would write. `_may_write` compared the
stored version with a plain read: a FIFO planted at the version's path hung `import` for ever
(and a link out of statutes/ was read)."""
from __future__ import annotations

import os

import pytest

from tests.conftest import ROOT
from tests.test_redteam4_files import _run

LBK = ROOT.parent / "shared" / "corpus" / "lexdania" / "2016" / "2016-1342.xml"  # lab of 2016-11-21


@pytest.mark.skipif(not LBK.exists(), reason="corpus not present")
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_import_over_a_fifo_does_not_hang(tmp_path):
    root = tmp_path / "repo"
    (root / "statutes" / "lab").mkdir(parents=True)
    os.mkfifo(root / "statutes" / "lab" / "2016-11-21.xml")
    rc, out = _run(["--root", str(root), "import", "lexdania", str(LBK)], timeout=60)
    assert rc == 1, out
    assert "2016-11-21.xml" in out and "FIFO" in out, out


@pytest.mark.skipif(not LBK.exists(), reason="corpus not present")
def test_import_over_a_link_out_of_statutes(tmp_path):
    """A stored version that is a link out of statutes/ is not read for the comparison (its
    content, equal or not, is never the store's): the import refuses, naming it."""
    root = tmp_path / "repo"
    (root / "statutes" / "lab").mkdir(parents=True)
    outside = tmp_path / "outside.xml"
    outside.write_bytes((ROOT / "statutes" / "lab" / "2016-11-21.xml").read_bytes())
    (root / "statutes" / "lab" / "2016-11-21.xml").symlink_to(outside)
    rc, out = _run(["--root", str(root), "import", "lexdania", str(LBK)], timeout=120)
    assert rc == 1, out
    assert "uden for" in out, out
