"""redline's Segment, RUnit and Redline are plain classes written as the dataclasses they were:
the same constructor, attributes (in order), repr and equality as dataclasses of the same fields."""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings, strategies as st

from lawdiff.redline import Redline, RUnit, Segment


@dataclass
class RefSegment:
    op: int
    text: str
    change: str | None = None


@dataclass(eq=False)
class RefRUnit:
    wid: str
    kind: str
    status: str
    old_num: str | None
    new_num: str | None
    old_label: str | None
    new_label: str | None
    eid: str
    heading: list | None = None
    intro: list = field(default_factory=list)
    children: list = field(default_factory=list)
    wrapup: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    moved_from: str | None = None


@dataclass
class RefRedline:
    law: str
    base: str
    units: list
    title: list | None = None


def _rename(text: str) -> str:
    return text.replace("RefSegment(", "Segment(").replace("RefRUnit(", "RUnit(").replace("RefRedline(", "Redline(")


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


def test_runit_is_its_dataclass():
    args = ("w1", "section", "changed", "2", "3", "§ 2.", "§ 3.", "p3")
    kwargs = {"heading": [Segment(0, "x")], "moved_from": "kapitel 2"}
    for kw in ({}, kwargs, {"intro": None, "children": [], "changes": ["1.2"]}):
        a, r = RUnit(*args, **kw), RefRUnit(*args, **kw)
        assert list(vars(a)) == list(vars(r)) and vars(a) == vars(r)
        assert repr(a) == _rename(repr(r))
    a, b = RUnit(*args), RUnit(*args)
    assert a.intro is not b.intro and a.children is not b.children and a.changes is not b.changes
    assert a != b and a == a and hash(a) != hash(b)  # identity, as eq=False
    with pytest.raises(TypeError):
        RUnit(*args[:-1])


def test_redline_is_its_dataclass():
    u = RUnit("w", "section", "unchanged", "1", "1", None, None, "p1")
    a, r = Redline("lab", "lab@2015-07-01", [u]), RefRedline("lab", "lab@2015-07-01", [u])
    assert repr(a) == _rename(repr(r)) and list(vars(a)) == list(vars(r)) and vars(a) == vars(r)
    assert a == Redline("lab", "lab@2015-07-01", [u], None) and a != Redline("lab", "lab@2015-07-01", [u], [])
    with pytest.raises(TypeError):
        hash(a)
