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


PROPOSAL = """\
titel: Prøve
organisation: Prøveforeningen
dato: "2020-12-11"
status: udkast
love:
  lab: lab@{base}
forslag:
  - titel: Et forslag
    ændringer:
      - i: "§ 68 a, stk. 4"
        ændres: "5 års"
        til: "3 års"
"""


@pytest.mark.parametrize("base, date, words", [
    # before: lab@2010-01-01 was saved with 2016's text (show lab@2011-01-01 printed it, exit 0)
    ("2016-11-21", "2010-01-01", "--save-version 2010-01-01 ligger før lab@2016-11-21"),
    # before: lab@2014-01-01 was saved without lab@2013-04-23's and 2013-04-24's changes
    ("2013-01-01", "2014-01-01", "--save-version 2014-01-01: lab@2013-04-24 ligger mellem grundlaget lab@2013-01-01"),
])
def test_a_version_saved_out_of_its_place_in_history_is_refused(root, capsys, base, date, words):
    (root / "proposals").mkdir()
    f = root / "proposals" / "x.yaml"
    f.write_text(PROPOSAL.format(base=base), encoding="utf-8")
    before = sorted(p.name for p in (root / "statutes" / "lab").iterdir())
    status = main(["--root", str(root), "apply", str(f), "--law", "lab", "--source", "prøve", "--save-version", date])
    err = capsys.readouterr().err
    assert status == 1 and words in err, err
    assert sorted(p.name for p in (root / "statutes" / "lab").iterdir()) == before


def test_a_version_saved_after_its_base_is_written(root, capsys):
    (root / "proposals").mkdir()
    f = root / "proposals" / "x.yaml"
    f.write_text(PROPOSAL.format(base="2016-11-21"), encoding="utf-8")
    status = main(["--root", str(root), "apply", str(f), "--law", "lab", "--source", "prøve",
                   "--save-version", "2021-01-01"])
    assert status == 0, capsys.readouterr().err
    stk = Store(root).load("lab@2021-01-01")
    assert "højst 3 års varighed" in " ".join(ln.text for s in stk.sections() if s.num == "68 a" for u in s.walk()
                                              for ln in u.intro if hasattr(ln, "text"))


def test_include_of_a_huge_range_of_numre_is_a_message_not_a_hang(root, capsys):
    """Before: "nr. 1-99999999" was expanded number by number (over a minute, gigabytes)."""
    import time

    t = time.monotonic()
    status = main(["--root", str(root), "consolidate", "lab", "--at", "2016-12-01", "--include",
                   "lov-2012-17:§ 1, nr. 1-99999999"])
    err = capsys.readouterr().err
    assert time.monotonic() - t < 20
    assert status == 1 and "»§ 1, nr. 1-99999999« kan ikke læses som paragraffer og numre i lov-2012-17" in err, err
