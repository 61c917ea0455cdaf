"""`lawdiff blame`: per stk./nr./pkt. the act and nummer that last changed it, over a consolidated history."""
from __future__ import annotations

from lawdiff.blame import blame
from lawdiff.cli import main
from lawdiff.store import Store
from tests.test_consolidate import root  # noqa: F401  (fixture)


def test_blame_names_act_and_nummer_per_unit_and_punktum(root, capsys):  # noqa: F811
    assert main(["--root", str(root), "consolidate", "lab", "--at", "2017-06-01"]) == 0
    assert main(["--root", str(root), "consolidate", "lab", "--at", "2017-08-01", "--include", "lov-2017-9001"]) == 0
    capsys.readouterr()
    lines = blame(Store(root), "lab@2017-08-01", "§ 68 a")
    by = dict(line.split(": ", 1) for line in lines[1:])
    assert by["§ 68 a, stk. 2"] == "lov nr. 9002 af 15/01/2017, § 2, nr. 1 (lab@2017-06-01)"
    # punktum level: only the 2. pkt. of stk. 3 was changed
    assert by["§ 68 a, stk. 3, 2. pkt."] == "lov nr. 9002 af 15/01/2017, § 2, nr. 2 (lab@2017-06-01)"
    assert by["§ 68 a, stk. 3, 1. pkt."].startswith("oprindelig tekst (første kendte version: LBK nr. 807 af 01/07/2015")
    assert by["§ 68 a, stk. 4"] == "lov nr. 9001 af 01/02/2017, § 1, nr. 2 (lab@2017-06-01)"
    assert by["§ 68 a, stk. 1, nr. 1"] == "lov nr. 9001 af 01/02/2017, § 1, nr. 3 (lab@2017-08-01)"
    # a change between two official LBKs that no consolidation links is named as such, never guessed
    assert by["§ 68 a, stk. 10, 3. pkt."].startswith(
        "indsat mellem LBK nr. 807 af 01/07/2015 (lab@2015-07-01) og LBK nr. 1342 af 21/11/2016")
    assert main(["--root", str(root), "blame", "lab", "§ 68 a, stk. 4"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "§ 68 a, stk. 4: lov nr. 9001 af 01/02/2017, § 1, nr. 2 (lab@2017-06-01)"
    assert main(["--root", str(root), "blame", "lab", "§ 999"]) == 1
