"""Property tests on the real stored LAB: random valid change sequences.

For every sequence: the redline's old side equals the base act, its new side
equals the consolidated act, the stored act is untouched, and no stk./nr./litra
numbering has gaps or duplicates after renumbering.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from lawdiff import akn, redline
from lawdiff.check import numbering_gaps
from lawdiff.engine import apply_proposal, find_all
from lawdiff.text import join_lines, norm
from tests.helpers import make_proposal


@pytest.fixture(scope="module")
def lab(store):
    return store.load("lab@2016-11-21")


@pytest.fixture(scope="module")
def candidates(lab):
    """§§ with plain stk. numbering and text of their own."""
    out = []
    for s in lab.sections():
        subs = [c for c in s.children if c.kind == "subsection"]
        if s.num and subs and all((c.num or "").isdigit() for c in subs) and " " not in s.num.replace(" ", "", 1) \
                and all(c.own_lines() and c.own_lines()[0] != "(Ophævet)" for c in subs):
            out.append(s)
    assert len(out) > 100
    return out


def _unique_word(stk, draw):
    line = stk.own_lines()[0]
    words = [w.strip(",.;:()") for w in line.split()]
    words = [w for w in words if len(w) > 3 and w.isalpha()]
    words = [w for w in words if sum(len(find_all(ln, w)) for u in stk.walk() for ln in u.own_lines()) == 1]
    return draw(st.sampled_from(words)) if words else None


def _change(sec, draw):
    subs = [c for c in sec.children if c.kind == "subsection"]
    stk = draw(st.sampled_from(subs))
    where = f"§ {sec.num}, stk. {stk.num}"
    op = draw(st.sampled_from(["ændres", "udgår", "indsættes_efter", "ny_stk", "ophæves_stk", "affattes"]))
    if op in ("ændres", "udgår", "indsættes_efter"):
        w = _unique_word(stk, draw)
        if w is None:
            return None
        if op == "ændres":
            return {"i": where, "ændres": w, "til": w.upper()}
        if op == "udgår":
            return {"i": where, "udgår": w}
        return {"i": where, "indsættes_efter": w, "tekst": "ny"}
    if op == "ny_stk":
        return {"ny": "stk", "i": f"§ {sec.num}", "efter": f"stk. {stk.num}", "tekst": "Et nyt stykke."}
    if op == "ophæves_stk":
        return {"ophæves": where} if len(subs) > 1 else None
    return {"affattes": where, "tekst": "Stykket har fået en ny affattelse."}


def _flat(lines):
    # lines joined as the law reads them: LAB § 13, stk. 1 prints its 1. pkt. over two lines for a note, the second
    # beginning ", samt personer …", which the redline shows as one punktum ("nr. 1-3, samt")
    return norm(join_lines(x for x in lines if x))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_change_sequences(lab, candidates, data):
    before = akn.to_bytes(lab)
    idx = data.draw(st.lists(st.integers(0, len(candidates) - 1), min_size=1, max_size=6, unique=True))
    changes = [c for c in (_change(candidates[i], data.draw) for i in idx) if c]
    if not changes:
        return
    lr = apply_proposal(make_proposal(changes), {"lab": lab})["lab"]
    rl = redline.build(lr.base, lr.new, lr)
    assert _flat(x for u in rl.units for x in redline.side_lines(u, "old")) == \
        _flat(x for u in lab.body for x in redline.unit_lines(u))
    assert _flat(x for u in rl.units for x in redline.side_lines(u, "new")) == \
        _flat(x for u in lr.new.body for x in redline.unit_lines(u))
    assert numbering_gaps(lr.new) == []
    assert akn.to_bytes(lab) == before
    # every change shows up in the redline
    touched = {c for u in rl.walk() for c in u.changes} | \
        {s.change for u in rl.walk() for b in u.intro + u.wrapup for s in b if s.change}
    assert {f"1.{i}" for i in range(1, len(changes) + 1)} <= touched
