"""Red-team review of "instrlist" (brief review4): "ændres i 1. og to steder i 2. pkt." (lov 268/2014: "i 2., 3.
og to steder i 4. pkt.") names a count of ONE punktum; the engine must hold the words that many times there.
The count was matched to no address (its "2. pkt." is short: "§ None, 2. pkt."), so it was never checked: the
words were changed wherever they stood once, and at an address holding them twice, both, with a warning."""
from __future__ import annotations

import pytest

from lawdiff.address import resolve
from lawdiff.changes.nummer import read_sentence
from lawdiff.render.text import plain_text
from lawdiff.yamlfile import ProposalError
from tests.lbk_apply import apply_act_to


def _apply(path: str, sentence: str):
    [ch] = read_sentence(sentence, [])
    # as an act's nummer: a hand-written proposal may not put a count inside `i` (test_review7_input)
    return apply_act_to(path, [{k: ch[k] for k in ("i", "ændres", "til")}])


def test_a_counted_punktum_of_a_list_holding_the_words_that_many_times_is_changed():
    # LBK 1342/2016 § 115, stk. 2: "timer" once in 1. pkt., twice in 2. pkt. ("… forskellen mellem 37 timer om
    # ugen og antallet af løntimer …" counts "timer" twice as a word: "37 timer", and "Antallet af timer")
    lr = _apply("2016/2016-1342.xml", "I § 115, stk. 2, ændres i 1. og to steder i 2. pkt. »timer« til: »arbejdstimer«.")
    got = plain_text(resolve(lr.new, "§ 115, stk. 2").units[0])
    assert got.count("arbejdstimer") == 3 and " timer" not in got
    assert not [w for w in lr.warnings if "timer" in w]


def test_a_counted_punktum_of_a_list_holding_the_words_fewer_times_is_refused():
    # LBK 930/2012 § 65, stk. 1: "reglerne" once in 1. pkt. and once in 2. pkt.; the act says two places in 2. pkt.
    # (the law is not the text the act was written for): refused, it was changed in both without a word
    with pytest.raises(ProposalError, match=r"»reglerne« står 1 gang i § 65, stk\. 1, 2\. pkt\., ikke 2"):
        _apply("2012/2012-930.xml", "I § 65, stk. 1, ændres i 1. og to steder i 2. pkt. »reglerne« til: »bestemmelserne«.")
    with pytest.raises(ProposalError, match=r"»reglerne« står 1 gang i § 65, stk\. 1, 2\. pkt\., ikke 2"):
        _apply("2012/2012-930.xml", "I § 65, stk. 1, 1. pkt., og to steder i 2. pkt. ændres »reglerne« til: "
                                    "»bestemmelserne«.")
