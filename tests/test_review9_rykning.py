"""review9: a rykningsklausul naming its § ("§ 25, stk. 7, bliver herefter § 25, stk. 6.", lov 574/2011) is checked
against the § whose stk. moved only where it names every unit that moved; where it names the first of them (the rest
named by a later nummer), the § was not checked: "§ 26, stk. 4, bliver herefter § 26, stk. 3." after § 25, stk. 3,
was repealed (LBK 190/2012: § 25 has five stk.) was refused only for leaving § 25's later stk. unnamed. Now it is
refused for naming § 26, whatever follows."""
from __future__ import annotations

import pytest

from lawdiff.proposal import ProposalError
from tests.test_engine_acts import run


def test_the_first_units_named_with_another_paragraf_are_refused():
    with pytest.raises(ProposalError, match="lawdiff omnummererer i § 25, klausulen nævner § 26"):
        run("2012/2012-190", [{"ophæves": "§ 25, stk. 3", "rykning": "§ 26, stk. 4, bliver herefter § 26, stk. 3."}])


def test_the_first_units_named_with_their_paragraf_go_on_as_before():
    # (stk. 5 is left unnamed, and no later nummer moves it: refused for that, as before)
    with pytest.raises(ProposalError, match="nævner ikke § 25, stk. 4"):
        run("2012/2012-190", [{"ophæves": "§ 25, stk. 3", "rykning": "§ 25, stk. 4, bliver herefter § 25, stk. 3."}])
