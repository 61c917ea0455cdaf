"""A rykningsklausul naming its § (issue 8, brief forms3): "§ 25, stk. 7, bliver herefter § 25, stk. 6." (lov 574/2011
§ 1, nr. 20, folkeoplysningsloven: the nummer repeals stk. of five §§, one of them moves others) was refused
("rykningsklausulen … kan ikke læses"). Read and printed back; the engine checks that the units moved are that §'s
(on LBK 190/2012: § 8 has three stk., § 25 five)."""
from __future__ import annotations

import pytest

from lawdiff.changes import rykning
from lawdiff.importers.amending import read_amending_file
from lawdiff.proposal import ProposalError
from lawdiff.render.instructions import nummer_lines
from lawdiff.text import norm
from tests.conftest import lexdania
from tests.test_engine_acts import corpus_act, run, text

CLAUSE = "§ 25, stk. 7, bliver herefter § 25, stk. 6."


def test_read_and_worded_back():
    assert rykning.read(CLAUSE) == {"enhed": "stk", "fra": "7", "til": "6", "paragraf": "25"}
    assert rykning.format(rykning.read(CLAUSE)) == CLAUSE
    # the § must be the same on both sides, and the comma is the act's
    assert rykning.read("§ 25, stk. 7, bliver herefter § 26, stk. 6.") is None
    assert rykning.read("§ 25, stk. 7 bliver herefter § 25, stk. 6.") is None


def test_the_nummer_of_the_act_is_read_and_printed_back():
    par = read_amending_file(lexdania("2011/2011-574.xml")).doc["paragraffer"][0]
    entry = next(e for e in par["numre"] if e["nummer"] == "20")
    assert entry["rykning"] == CLAUSE
    assert norm(" ".join(nummer_lines(entry))) == ("20. § 22, stk. 4, 3. pkt., § 24, stk. 3, § 25, stk. 6, § 26, stk. 4, "
                                                  "og § 33, stk. 4, 2. pkt., ophæves. " + CLAUSE)


def test_the_clause_is_checked_against_the_stk_that_moved():
    new = run("2012/2012-190", [{"ophæves": "§ 8, stk. 3, og § 25, stk. 4",
                                 "rykning": "§ 25, stk. 5, bliver herefter § 25, stk. 4."}]).new
    assert text(new, "§ 25, stk. 4") == "Stk. 4. " + text(corpus_act("2012/2012-190"), "§ 25, stk. 5")[len("Stk. 5. "):]


def test_a_clause_naming_another_paragraf_is_refused():
    with pytest.raises(ProposalError, match="lawdiff omnummererer i § 25, klausulen nævner § 26"):
        run("2012/2012-190", [{"ophæves": "§ 8, stk. 3, og § 25, stk. 4",
                               "rykning": "§ 26, stk. 5, bliver herefter § 26, stk. 4."}])
