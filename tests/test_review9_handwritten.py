"""review9: hand-written proposals using the merged keys wrongly. `kapitelbetegnelsen` with `antal`, `forekomst`
or `bortset_fra` renamed the chapter and dropped the key without a word (LBK 190/2012: 'Kapitel 3' -> 'Kapitel 3 a'
with forekomst: 2, exit 0); `i_alt` without `antal` was executed as if it were not there. Now refused by the loader,
in Danish, with file:line."""
from __future__ import annotations

import pytest

from lawdiff.proposal import parse_proposal
from tests.test_engine_acts import run
from tests.test_proposal_handwritten import errors_of, proposal

LABEL = 'i: "kapitel 3"\nændres: "Kapitel 3"\ntil: "Kapitel 3 a"\nkapitelbetegnelsen: true'


@pytest.mark.parametrize("extra,key", [("antal: 2", "antal"), ("forekomst: 2", "forekomst"), ("i_alt: true", "i_alt"),
                                       ("overalt: true", "overalt")])
def test_a_chapter_label_takes_no_count(extra, key):
    label = LABEL.replace('i: "kapitel 3"\n', "") if key == "overalt" else LABEL
    (e,) = errors_of(proposal(label + "\n" + extra))
    assert f"»{key}« hører ikke til »kapitelbetegnelsen«" in str(e) and "p.yaml:" in str(e), str(e)


def test_i_alt_needs_a_count():
    (e,) = errors_of(proposal('i: "§ 8 og § 14"\nændres: "Kommunen"\ntil: "K"\ni_alt: true'))
    assert "»i_alt« kræver »antal«" in str(e) and "p.yaml:" in str(e), str(e)


def test_the_chapter_label_alone_is_loaded_and_executed():
    p = parse_proposal(proposal(LABEL), "p.yaml")
    (c,) = p.changes
    new = run("2012/2012-190", [dict(c.data)]).new
    assert [u.label for u in new.walk() if u.kind == "chapter" and u.num == "3 a"] == ["Kapitel 3 a"]

