"""Property: where a count of places in a list of addresses belongs ("Seks steder i § 24 og i § 25,
stk. 2", engine._count_segments). Two stk. of a real LBK (1101/2011, dyrlægeloven) are given a word
k1 and k2 times; every wording of the location is executed exactly when its reading fits the counts,
and then changes every place; otherwise it is refused. In particular a count is never met by words
at the address of another part of the list.
"""
from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings, strategies as st

from lawdiff.address import resolve
from lawdiff.engine import apply_proposal
from lawdiff.model import Line
from lawdiff.proposal import ProposalError
from tests.test_engine_acts import change, corpus_act, text

A, B = "§ 24, stk. 1", "§ 25, stk. 1"
WORD = "zorkværk"
COUNT = {2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks"}


def _act(k1: int, k2: int):
    act = copy.deepcopy(corpus_act("2011/2011-1101"))
    for where, k in ((A, k1), (B, k2)):
        resolve(act, where).units[0].intro = [Line(" og ".join([f"Ordet {WORD} her"] * k) + ".")]
    return act


def _run(act, data: dict):
    c = change({"ændres": WORD, "til": "nyt", **data})
    return apply_proposal(type("P", (), {"changes": [c]})(), {"x": act})["x"]


# (location, its `antal`, does it fit k1, k2 and n?)
SHAPES = {
    # "N steder i § 24, stk. 1, og i § 25, stk. 1": n in the first, once in the second
    "front": (lambda n: f"{A}, og i {B}", True, lambda k1, k2, n: k1 == n and k2 == 1),
    # "I § 24, stk. 1, og N steder i § 25, stk. 1": once in the first, n in the second
    "inner": (lambda n: f"{A}, og {COUNT[n]} steder i {B}", False, lambda k1, k2, n: k1 == 1 and k2 == n),
    # "N steder i § 24, stk. 1, og § 25, stk. 1" (one part): n in all, or n at each
    "one part": (lambda n: f"{A}, og {B}", True, lambda k1, k2, n: k1 + k2 == n or k1 == k2 == n),
}


@settings(max_examples=60, deadline=None)
@given(k1=st.integers(1, 4), k2=st.integers(1, 4), n=st.integers(2, 6), shape=st.sampled_from(sorted(SHAPES)))
def test_a_count_in_a_list_of_addresses_is_executed_exactly_when_its_reading_fits(k1, k2, n, shape):
    where, front, fits = SHAPES[shape]
    data = {"i": where(n), **({"antal": n} if front else {})}
    act = _act(k1, k2)
    if fits(k1, k2, n):
        lr = _run(act, data)
        for a in (A, B):
            assert WORD not in text(lr.new, a)
        assert text(lr.new, A).count("nyt") == k1 and text(lr.new, B).count("nyt") == k2
    else:
        with pytest.raises(ProposalError, match=f"»{WORD}« står "):
            _run(act, data)


def test_to_steder_in_the_first_punktum_and_once_in_the_second_on_the_real_act():
    """Lov 1619/2013 § 1, nr. 26 (udlændingeloven, the example of issue 9's brief): "To steder i § 58 c,
    stk. 1, 1. pkt., og i § 58 c, stk. 1, 2. pkt., ændres »artikel 21« til: »artikel 34«." on LBK
    863/2013: the count belongs to the 1. pkt. (which holds the words twice), the 2. pkt. holds them once;
    all three are changed and no "artikel 21" is left in the stk."""
    from lawdiff.importers import amending
    from lawdiff.importers.lexdania import read_lexdania_file
    from lawdiff.proposal import parse_proposal
    from lawdiff.render.text import plain_text
    from tests.conftest import lexdania

    base = read_lexdania_file(lexdania("2013/2013-863.xml"), law="x").act
    doc = copy.deepcopy(amending.read_amending_file(lexdania("2013/2013-1619.xml")).doc)
    p = doc["paragraffer"][0]
    p["lov"] = "x"
    p["numre"] = [n for n in p["numre"] if n["nummer"] == "26"]
    doc["paragraffer"], doc["love"] = [p], {"x": f"x@{base.date}"}
    doc.pop("øvrige", None)
    prop = parse_proposal(amending.dump(doc).encode(), "a.yaml")
    before = plain_text(resolve(base, "§ 58 c, stk. 1").units[0])
    assert before.count("artikel 21") == 3
    lr = apply_proposal(prop, {"x": base})["x"]
    after = plain_text(resolve(lr.new, "§ 58 c, stk. 1").units[0])
    assert after.count("artikel 21") == 0 and after.count("artikel 34") == 3
