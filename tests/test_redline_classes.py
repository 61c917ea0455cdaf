"""redline's Segment, RUnit and Redline are plain classes written as the dataclasses they were: the
same constructor, attributes (in order), repr and equality as dataclasses of the same fields; and
redline.replace copies a RUnit as dataclasses.replace copied the dataclass."""
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


@dataclass
class RefRedline:
    law: str
    base: str
    units: list
    title: list | None = None
    annexes: list = field(default_factory=list)


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


def _rename(text: str) -> str:
    return text.replace("RefSegment(", "Segment(").replace("RefRedline(", "Redline(").replace("RefRUnit(", "RUnit(")


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


_POSITIONAL = st.tuples(st.text(max_size=3), st.sampled_from(["section", "group"]), st.sampled_from(["changed", "unchanged"]),
                        _text, _text, _text, _text, st.text(max_size=3))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_POSITIONAL, st.dictionaries(st.sampled_from(["heading", "intro", "children", "wrapup", "changes", "moved_from"]),
                                    st.one_of(st.none(), st.just([]), st.just([[Segment(0, "x")]])), max_size=4))
def test_runit_is_its_dataclass(args, kw):
    kw = {k: v for k, v in kw.items() if v is not None or k in ("heading", "moved_from")}
    a, r = RUnit(*args, **kw), RefRUnit(*args, **kw)
    assert repr(a) == _rename(repr(r)) and list(vars(a)) == list(vars(r)) and vars(a) == vars(r)
    assert a == a and a != RUnit(*args, **kw) and hash(a) == id(a) // 16 or hash(a) == hash(a)
    b, rb = RUnit(*args), RefRUnit(*args)
    assert b.intro is not RUnit(*args).intro and vars(b) == vars(rb)  # a fresh list each, as default_factory


def test_runit_replace_is_dataclasses_replace():
    from dataclasses import replace as dc_replace

    from lawdiff.redline import replace

    u = RUnit("w1", "group", "changed", None, None, None, None, "g1", intro=[[Segment(0, "x")]])
    r = RefRUnit("w1", "group", "changed", None, None, None, None, "g1", intro=[[Segment(0, "x")]])
    c = replace(u, children=[], intro=[], wrapup=[])  # as render/site.py's _shown_units
    assert c.intro == [] and u.intro == [[Segment(0, "x")]] and c.wid == "w1" and c is not u
    assert vars(c) == vars(dc_replace(r, children=[], intro=[], wrapup=[]))
    assert repr(replace(u)) == repr(u)


def test_redline_is_its_dataclass():
    u = RUnit("w", "section", "unchanged", "1", "1", None, None, "p1")
    a, r = Redline("lab", "lab@2015-07-01", [u]), RefRedline("lab", "lab@2015-07-01", [u])
    assert repr(a) == _rename(repr(r)) and list(vars(a)) == list(vars(r)) and vars(a) == vars(r)
    assert a == Redline("lab", "lab@2015-07-01", [u], None) and a != Redline("lab", "lab@2015-07-01", [u], [])
    with pytest.raises(TypeError):
        hash(a)


_SEGMENTS = st.lists(st.lists(st.builds(Segment, st.sampled_from([0, 1, -1]), st.sampled_from(["a", ""])), max_size=3),
                     max_size=3)
_LABEL = st.sampled_from([None, "", "Stk. 2.", "Stk.\u00a02.", "Stk.  2.", "§ 3."])


@settings(max_examples=2000, deadline=None)
@given(st.sampled_from(["unchanged", "changed", "inserted", "repealed"]), st.sampled_from([None, "2", "3"]),
       st.sampled_from([None, "2", "3"]), _LABEL, _LABEL, _SEGMENTS, _SEGMENTS,
       st.one_of(st.none(), _SEGMENTS.map(lambda b: [s for x in b for s in x])))
def test_renumbered_and_own_changed_are_their_definitions(status, old_num, new_num, old_label, new_label, intro,
                                                          wrapup, heading):
    from lawdiff.text import norm
    from lawdiff.tokendiff import EQUAL

    u = RUnit("w", "subsection", status, old_num, new_num, old_label, new_label, "e", heading, intro, None, wrapup)
    assert u.renumbered == (status not in ("inserted", "repealed") and (
        old_num != new_num or norm(old_label or "") != norm(new_label or "")))
    blocks = intro + wrapup + ([heading] if heading else [])
    assert u.own_changed == any(s.op != EQUAL for b in blocks for s in b)
