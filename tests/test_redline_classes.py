"""redline's Segment and Redline are plain classes written as the dataclasses they were: the same
constructor, attributes (in order), repr and equality as dataclasses of the same fields."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings, strategies as st

from lawdiff.redline import Redline, RUnit, Segment


@dataclass
class RefSegment:
    op: int
    text: str
    change: str | None = None


@dataclass
class RefRedline:
    law: str
    base: str
    units: list
    title: list | None = None


def _rename(text: str) -> str:
    return text.replace("RefSegment(", "Segment(").replace("RefRedline(", "Redline(")


_text = st.one_of(st.none(), st.text(max_size=5))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.integers(-1, 1), st.text(max_size=8), _text, st.integers(-1, 1), st.text(max_size=8), _text)
def test_segment_is_its_dataclass(op, text, change, op2, text2, change2):
    a, b = Segment(op, text, change), Segment(op2, text2, change2)
    ra, rb = RefSegment(op, text, change), RefSegment(op2, text2, change2)
    assert repr(a) == _rename(repr(ra))
    assert vars(a) == vars(ra) and list(vars(a)) == list(vars(ra))
    assert (a == b) == (ra == rb)
    assert a == Segment(op, text, change) and (a != Segment(op, text, change)) is False
    assert Segment(op, text) == Segment(op=op, text=text, change=None)
    assert (a == ra) is False  # another class is never equal, as between dataclasses
    with pytest.raises(TypeError):
        hash(a)


def test_runit_is_a_dataclass_that_site_can_copy():
    from dataclasses import replace

    u = RUnit("w1", "group", "changed", None, None, None, None, "g1", intro=[[Segment(0, "x")]])
    c = replace(u, children=[], intro=[], wrapup=[])  # as render/site.py's _shown_units
    assert c.intro == [] and u.intro == [[Segment(0, "x")]] and c.wid == "w1"


def test_redline_is_its_dataclass():
    u = RUnit("w", "section", "unchanged", "1", "1", None, None, "p1")
    a, r = Redline("lab", "lab@2015-07-01", [u]), RefRedline("lab", "lab@2015-07-01", [u])
    assert repr(a) == _rename(repr(r)) and list(vars(a)) == list(vars(r)) and vars(a) == vars(r)
    assert a == Redline("lab", "lab@2015-07-01", [u], None) and a != Redline("lab", "lab@2015-07-01", [u], [])
    with pytest.raises(TypeError):
        hash(a)
