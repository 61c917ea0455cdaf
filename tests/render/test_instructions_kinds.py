"""The lovforslag words a hand-written change twice today: render/instructions.py's _Builder has
wording of its own per template, and it also hands the change to the kinds' `format`
(lawdiff/changes/, as amendment-format data) when it joins a group. The two must agree word for word
wherever the builder gives data (a step towards wording every nummer with the kinds' `format`
alone); this test pins that. New units (templates 11-16) and "første gang" carry no data yet."""
from __future__ import annotations

from collections import Counter

import pytest

from lawdiff.changes.nummer import format_sentence
from lawdiff.engine import run
from lawdiff.proposal import load_proposal
from lawdiff.render import instructions
from tests.conftest import ROOT

CASES = [ROOT / "tests/fixtures/templates.yaml", ROOT / "tests/fixtures/handwritten.yaml",
         *sorted((ROOT / "proposals").glob("*.yaml"))]


@pytest.fixture(scope="module")
def worded(store):
    """(placement kind, the builder's head, the kinds' wording of its data) of every nummer built."""
    out = []
    orig = instructions._Builder.nummer

    def nummer(self, p, n):
        nr = orig(self, p, n)
        if nr.data is not None:
            d = {k: v for k, v in nr.data.items() if not (k == "tekst" and v == "")}
            if nr.data.get("tekst") == "":
                d["tekst"] = "…"  # as _merge_groups: only its presence matters to the wording
            out.append((p.what, nr.head, format_sentence([d])))
        else:
            out.append((p.what, nr.head, None))
        return nr

    instructions._Builder.nummer = nummer
    try:
        for path in CASES:
            instructions.build_lovforslag(run(load_proposal(path), store))
    finally:
        instructions._Builder.nummer = orig
    return out


def test_the_builder_and_the_kinds_word_a_change_alike(worded):
    with_data = [(what, head, kinds) for what, head, kinds in worded if kinds is not None]
    differ = [(what, head, kinds) for what, head, kinds in with_data if head != kinds]
    print(f"\nnumre with data: {len(with_data)} of {len(worded)}; worded alike: {len(with_data) - len(differ)}; "
          f"by kind: {dict(Counter(w for w, *_ in with_data))}")
    assert len(with_data) >= 30  # words, rewrite, repeal, replace, heading, title, punktummer
    assert {w for w, *_ in with_data} >= {"words", "rewrite", "repeal", "replace", "heading", "title"}
    assert not differ, "\n".join(f"{w}: builder »{h}« / kinds »{k}«" for w, h, k in differ)
