"""Refusals that named the wrong cause (issue 8, brief forms3): each is still refused, now saying what the drafter
must see."""
from __future__ import annotations

import pytest

from lawdiff.importers.amending import read_amending_file
from lawdiff.proposal import ProposalError
from tests.conftest import lexdania
from tests.test_engine_acts import run, text


def test_a_section_the_law_already_holds_is_named_not_a_missing_heading():
    """Lov 275/2011 § 1, nr. 8 ("Efter § 11 indsættes før overskriften »Forældrebestyrelse«: § 12. …") on LBK
    668/2011, whose editor already printed § 12 (LBK 1240/2013's chain): it said "der står ingen overskrift mellem
    § 11 og § 12"."""
    par = read_amending_file(lexdania("2011/2011-275.xml")).doc["paragraffer"][0]
    change = next(e for e in par["numre"] if e["nummer"] == "8")["ændringer"]
    assert change[0]["placering"] == "før overskriften »Forældrebestyrelse«"
    with pytest.raises(ProposalError, match=r"§ 12, som nummeret indsætter, står allerede i loven efter § 11\n.*"
                                            r"loven, som ændringen gælder, har allerede paragraffen"):
        run("2011/2011-668", change)


LAST = {"i": "§ 14, stk. 1, sidste pkt.", "ændres": "20.000 kr.", "til": "25.000 kr."}


@pytest.mark.parametrize("second", [LAST, {"i": "§ 14, stk. 1, sidste pkt.", "ændres": "hjælp", "til": "støtte"},
                                    {"ophæves": "§ 14, stk. 1, sidste pkt."}])
def test_the_last_punktum_an_earlier_change_repealed_is_named(second):
    """LBK 190/2012 § 14, stk. 1 has two punktummer. After "2. pkt. ophæves" a "sidste pkt." names the repealed 2. pkt.
    (the law the act cites) or the 1. pkt. now last: refused, saying so (it said »hjælp« was not in the repealed
    punktum, or that the two changes touched the same words)."""
    with pytest.raises(ProposalError, match=r"»§ 14, stk. 1, sidste pkt\.« er 2\. pkt\. i loven, som ændringen gælder, "
                                            r"og det punktum ophæves af forslag 1, ændring 1"):
        run("2012/2012-190", [{"ophæves": "§ 14, stk. 1, 2. pkt."}, second])


def test_the_last_punktum_changed_by_an_earlier_change_is_still_changed():
    new = run("2012/2012-190", [{"i": "§ 14, stk. 1, 2. pkt.", "ændres": "10.000 kr.", "til": "12.000 kr."}, LAST]).new
    assert text(new, "§ 14, stk. 1").endswith("op til 12.000 kr., for ægtefæller 25.000 kr.")
