"""A new chapter heading between §§ (issue 8, brief forms2): "Efter § 56 a indsættes som ny overskrift: »Kapitel 13 a
/ Forhåndsgodkendelse og rekvireret vejledning«." (lov 1882/2015 § 1, nr. 7, fødevareloven) was refused ("den nye
overskrift står på flere linjer"); the new chapter takes the §§ after § 56 a up to the next chapter, as LBK 43/2016
prints it. Refused where the place is not certain."""
from __future__ import annotations

import pytest

from lawdiff.importers.amending import read_amending_file
from lawdiff.proposal import ProposalError
from tests.conftest import lexdania
from tests.test_engine_acts import corpus_act, run, text


def _numre(*nums: str) -> list[dict]:
    par = read_amending_file(lexdania("2015/2015-1882.xml")).doc["paragraffer"][0]
    return [c for e in par["numre"] if e["nummer"] in nums for c in e["ændringer"]]


def _chapters(act, nums=("13", "13 a", "14")) -> list[tuple]:
    return [(u.num, u.heading.text if u.heading else None, [s.num for s in u.walk() if s.kind == "section"])
            for u in act.walk() if u.kind == "chapter" and u.num in nums]


def test_the_new_chapter_heading_is_read():
    assert _numre("7") == [{"ny": "overskrift", "efter": "§ 56 a", "punktum_efter": True,
                            "tekst": "Kapitel 13 a\nForhåndsgodkendelse og rekvireret vejledning"}]


def test_the_new_chapter_takes_the_sections_after_it_as_the_next_lbk_prints_them():
    """Lov 1882/2015 § 1, nr. 6-8 on LBK 250/2013 give chapters 13, 13 a and 14 as LBK 43/2016 has them."""
    lr = run("2013/2013-250", _numre("6", "7", "8"))
    assert _chapters(lr.new) == _chapters(corpus_act("2016/2016-43"))
    assert text(lr.new, "§ 56 b") == text(corpus_act("2013/2013-250"), "§ 56 b")


@pytest.mark.parametrize("change,why", [
    # chapter 13 holds §§ 50-56 b: after § 56 b no § follows in it
    ({"ny": "overskrift", "efter": "§ 56 b", "tekst": "Kapitel 13 a\nNy"}, "der står ingen paragraf efter § 56 b"),
    # 14 a does not fall between chapter 13 and chapter 14
    ({"ny": "overskrift", "efter": "§ 56 a", "tekst": "Kapitel 14 a\nNy"}, "kapitel 14 a passer ikke ind"),
    ({"ny": "overskrift", "efter": "§ 56 a", "tekst": "Kapitel 14\nNy"}, "kapitel 14 passer ikke ind"),
])
def test_a_chapter_heading_whose_place_is_not_certain_is_refused(change, why):
    with pytest.raises(ProposalError, match=why):
        run("2013/2013-250", [change])


def test_a_chapter_heading_inside_a_mellemrubrik_is_refused():
    """LBK 190/2012 (aktiv socialpolitik): §§ 13-13 c stand under "Udnyttelse af arbejdsmulighederne" in chapter 4."""
    with pytest.raises(ProposalError, match="ville dele mellemrubrikken »Udnyttelse af arbejdsmulighederne«"):
        run("2012/2012-190", [{"ny": "overskrift", "efter": "§ 13 a", "tekst": "Kapitel 4 a\nNy"}])
