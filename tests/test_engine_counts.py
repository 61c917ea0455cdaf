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
