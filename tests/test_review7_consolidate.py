"""Review 7: consolidate at edges a careless user reaches (--include, --at)."""
from __future__ import annotations

import shutil

import pytest

from lawdiff.cli import main
from lawdiff.store import Store
from tests.conftest import ROOT


@pytest.fixture
def root(tmp_path):
    for d in ("statutes", "amendments"):
        shutil.copytree(ROOT / d, tmp_path / d)
    return tmp_path


def test_include_of_an_act_the_base_already_holds_is_refused(root, capsys):
    """Lov 267/2012 repealed § 23 of LAB in 2012; LBK 1342/2016 has a new § 23. Before, "--include
    lov-2012-267" ran the act again on lab@2016-11-21 and repealed today's § 23 (lab@2016-12-01 saved,
    exit 0)."""
    before = sorted(p.name for p in (root / "statutes" / "lab").iterdir())
    status = main(["--root", str(root), "consolidate", "lab", "--at", "2016-12-01", "--include", "lov-2012-267"])
    err = capsys.readouterr().err
    assert status == 1, err
    assert "--include lov-2012-267: § 2, nr. 1 trådte i kraft 2012-04-01, før lab@2016-11-21" in err, err
    assert "udelad lov-2012-267 fra --include" in err
    assert sorted(p.name for p in (root / "statutes" / "lab").iterdir()) == before


def test_include_of_an_act_in_force_after_the_base_is_executed(root, capsys):
    """The same act from a base before it: executed (§ 23 repealed), as the LBK of 2012 prints it."""
    for p in (root / "statutes" / "lab").iterdir():
        if p.name != "2011-06-23.xml":
            p.unlink()
    status = main(["--root", str(root), "consolidate", "lab", "--at", "2012-01-02", "--include", "lov-2012-267"])
    err = capsys.readouterr().err
    assert status == 0, err
    act = Store(root).load("lab@2012-01-02")
    nums = [s.num for s in act.sections()]
    assert "23" not in nums and "22" in nums and "24" in nums
