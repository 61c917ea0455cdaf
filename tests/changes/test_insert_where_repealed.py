"""A new § placed "efter § N" where an earlier change of the same act repealed § N (changes/insert._where_it_stood),
on serviceloven as LBK 1096/2010 prints it: "Undersøgelser" over §§ 49, 50, 51, after "Bisidder til børn og
unge" over § 48 a. The real numre (lov 628/2010, § 1, nr. 8-10) are in tests/test_chains.py."""
import pytest

from lawdiff.proposal import ProposalError
from tests.lbk_apply import apply_to


LBK = "2010/2010-1096.xml"


def groups(act):
    ch = next(u for u in act.walk() if u.kind == "chapter" and u.num == "11")
    return [(g.heading.text if g.heading else None, [s.num for s in g.children]) for g in ch.children][2:4]


def test_the_new_paragraf_stands_where_the_repealed_one_stood():
    lr = apply_to(LBK, [{"ophæves": "§ 49"}, {"ny": "paragraf", "efter": "§ 49", "nummer": "49 a", "tekst": "§ 49 a. Ny."}])
    assert groups(lr.new) == [("Bisidder til børn og unge", ["48 a"]), ("Undersøgelser", ["49 a", "50", "51"])]
    assert any("§ 49, som forslag 1, ændring 1 ophæver, angiver stedet" in w and "før § 50" in w
               for w in lr.warnings), lr.warnings


def test_a_new_heading_over_a_group_whose_heading_the_act_repealed():
    lr = apply_to(LBK, [{"ophæves": "overskriften før § 49"}, {"ny": "overskrift", "før": "§ 49", "tekst": "Ny rubrik"}])
    assert groups(lr.new) == [("Bisidder til børn og unge", ["48 a"]), ("Ny rubrik", ["49", "50", "51"])]


def test_a_heading_that_stands_is_not_replaced():
    with pytest.raises(ProposalError) as e:
        apply_to(LBK, [{"ny": "overskrift", "før": "§ 49", "tekst": "Ny rubrik"}])
    assert "der står allerede en overskrift før § 49" in str(e.value)
