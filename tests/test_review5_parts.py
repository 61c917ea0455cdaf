"""Review of the retsplej merge: a new part (lov 404/2010 § 1, nr. 2's shape) or a new chapter after a § that
is followed in its part (chapter) by "(Ophævet)" placeholders. The placeholder whose number the new § takes
gives it up (free_section_number); one that keeps its number stayed in the old part, in front of the new part,
and the law read "§ 147 f, § 147 h. (Ophævet), Ottende afsnit, § 147 g" with exit 0."""
from __future__ import annotations

import pytest

from lawdiff.errors import LawdiffError
from tests.lbk_apply import apply_to

LBK = "2011/2011-1063.xml"  # retsplejeloven: syvende afsnit (Advokater) ends § 147 f, § 147 g. (Ophævet), § 147 h. (Ophævet)


def _order(res, first="147 e", n=6):
    secs = [s.num for s in res.new.sections()]
    i = secs.index(first)
    return secs[i:i + n]


@pytest.mark.corpus
def test_a_new_part_taking_the_first_placeholder_number_is_refused_while_a_later_placeholder_stays():
    with pytest.raises(LawdiffError, match=r"§ 147 h.*står efter § 147 f"):
        apply_to(LBK, [{"ny": "paragraf", "nummer": "147 g", "efter": "§ 147 f",
                        "tekst": "Ottende afsnit. Nye regler\nKapitel 15 z\n§ 147 g. Ny tekst."}])


@pytest.mark.corpus
def test_a_new_part_numbered_after_every_placeholder_is_executed_after_them():
    res = apply_to(LBK, [{"ny": "paragraf", "nummer": "147 i", "efter": "§ 147 f",
                          "tekst": "Ottende afsnit. Nye regler\nKapitel 15 z\n§ 147 i. Ny tekst."}])
    assert _order(res) == ["147 e", "147 f", "147 g", "147 h", "147 i", "148"]
    book = res.new.body[0]
    assert [p.cite() for p in book.children][-2:] == ["syvende afsnit", "ottende afsnit"]
    assert [s.num for s in book.children[-1].walk() if s.kind == "section"] == ["147 i"]


@pytest.mark.corpus
def test_a_new_part_taking_the_last_placeholder_number_is_executed():
    """Both placeholders given up is the shape of lov 404/2010 § 1, nr. 2 ("§ 118. (Ophævet)" of kapitel 11)."""
    res = apply_to(LBK, [{"ny": "paragraf", "nummer": "147 g", "efter": "§ 147 f",
                          "tekst": "Ottende afsnit. Nye regler\nKapitel 15 z\n§ 147 g. Ny tekst.\n§ 147 h. Mere."}])
    assert _order(res) == ["147 e", "147 f", "147 g", "147 h", "148", "148 a"]
