"""review9: changes/chapterlabel.py keeps the chapters in order, but looked only at the chapter's siblings. In a law
whose chapters run on through its parts (LBK 1139/2013, retsplejeloven: kapitel 5 ends one afsnit, kapitel 6 opens
the next), 'Kapitelbetegnelsen »Kapitel 5« ændres til: »Kapitel 7 a«' was executed (chapters 4, 7 a, 6, 7 …), exit
0. Now the neighbours are the chapters before and after it in the whole law."""
from __future__ import annotations

import pytest

from lawdiff.changes.nummer import read_sentence
from lawdiff.proposal import ProposalError
from tests.test_engine_acts import run

RPL = "2013/2013-1139"


def test_a_label_out_of_order_across_parts_is_refused():
    with pytest.raises(ProposalError, match="kapitel 7 a passer ikke ind mellem kapitel 4 og kapitel 6"):
        run(RPL, read_sentence("Kapitelbetegnelsen »Kapitel 5« ændres til: »Kapitel 7 a«.", []))


def test_a_label_in_order_at_the_end_of_a_part_is_executed():
    new = run(RPL, read_sentence("Kapitelbetegnelsen »Kapitel 5« ændres til: »Kapitel 5 a«.", [])).new
    nums = [u.num for u in new.walk() if u.kind == "chapter"]
    assert nums[nums.index("4"):nums.index("4") + 3] == ["4", "5 a", "6"]
