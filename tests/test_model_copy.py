"""model.copy_act: the same tree as copy.deepcopy, sharing no mutable object with the original."""
from __future__ import annotations

import copy

import pytest

from lawdiff import akn
from lawdiff.model import Line, Note, Table, copy_act
from lawdiff.store import Store
from tests.conftest import ROOT

STORE = Store(ROOT)
KEYS = [f"{law}@{d}" for law in STORE.laws() for d in STORE.versions(law)]


def _mutables(act):
    out = [act.preamble, act.body]
    for b in act.preamble:
        out += [b, b.notes]
    for u in act.walk():
        out += [u, u.intro, u.children, u.wrapup]
        for b in ([u.heading] if u.heading else []) + u.intro + u.wrapup:
            out.append(b)
            if isinstance(b, Line):
                out.append(b.notes)
                out += [x for n in b.notes for x in (n, n.lines)]
            elif isinstance(b, Table):
                out += [b.rows] + [r for r in b.rows] + [c for r in b.rows for c in r]
    if act.consolidation is not None:
        out.append(act.consolidation)
    return out


@pytest.mark.parametrize("key", KEYS)
def test_copy_act_is_deepcopy_and_shares_nothing(key):
    act = STORE.load(key)
    STORE.load(key)  # no cache: a fresh object
    from lawdiff.address import resolve

    resolve(act, "§ 1")  # builds the cached section index, which the copy must not carry
    c = copy_act(act)
    assert "_section_index" not in c.__dict__
    assert akn.to_bytes(c) == akn.to_bytes(copy.deepcopy(act)) == akn.to_bytes(act)
    assert c.consolidation == act.consolidation
    mine = {id(x) for x in _mutables(c)}
    assert not mine & {id(x) for x in _mutables(act)}
    # a change to the copy leaves the original as it was
    before = akn.to_bytes(act)
    for u in c.walk():
        for b in u.intro:
            if isinstance(b, Line):
                b.text += " x"
                b.notes.append(Note("9", ["y"]))
        u.children.clear()
        break
    assert akn.to_bytes(act) == before
