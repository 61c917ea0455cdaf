"""A punktum the law prints over two lines (engine _Applier.pkt_spans): LBK 930/2012 (lov om retssikkerhed og
administration på det sociale område) § 65, stk. 1 prints its 1. pkt. as "De afgørelser, som kommunen træffer
… anerkendelse, fyldbyrdelse" / "og samarbejde … kan indbringes for de sociale nævn." and its 2. pkt. as a
third line. Lov 493/2013, § 1, nr. 34 changes words in both lines of the 1. pkt. (tests/test_chains.py)."""
import pytest

from lawdiff.proposal import ProposalError
from lawdiff.render.text import plain_text
from lawdiff.address import resolve
from tests.lbk_apply import apply_to


LBK = "2012/2012-930.xml"


def test_words_in_both_lines_of_the_first_punktum():
    lr = apply_to(LBK, [{"i": "§ 65, stk. 1, 1. pkt.", "ændres": "kommunen", "til": "kommunalbestyrelsen"},
                     {"i": "§ 65, stk. 1, 1. pkt.", "ændres": "de sociale nævn", "til": "Ankestyrelsen"}])
    got = plain_text(resolve(lr.new, "§ 65, stk. 1").units[0])
    assert got.startswith("De afgørelser, som kommunalbestyrelsen træffer efter reglerne i Haagerkonventionen")
    assert got.endswith("kan indbringes for Ankestyrelsen. Klagerne behandles efter reglerne i denne lov.")


def test_the_second_punktum_is_the_third_line():
    lr = apply_to(LBK, [{"i": "§ 65, stk. 1, 2. pkt.", "ændres": "Klagerne", "til": "Sagerne"}])
    assert plain_text(resolve(lr.new, "§ 65, stk. 1").units[0]).endswith(
        "Sagerne behandles efter reglerne i denne lov.")
    # the words of the first punktum's second line are not in the 2. pkt.
    with pytest.raises(ProposalError) as e:
        apply_to(LBK, [{"i": "§ 65, stk. 1, 2. pkt.", "ændres": "de sociale nævn", "til": "Ankestyrelsen"}])
    assert "findes ikke i § 65, stk. 1, 2. pkt." in str(e.value)


def test_a_rewrite_of_a_punktum_over_two_lines_is_refused():
    with pytest.raises(ProposalError) as e:
        apply_to(LBK, [{"affattes": "§ 65, stk. 1, 1. pkt.", "tekst": "Afgørelserne kan indbringes for Ankestyrelsen."}])
    assert "§ 65, stk. 1, 1. pkt. står i loven over 2 linjer" in str(e.value), str(e.value)
