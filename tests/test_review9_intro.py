"""review9: an intro naming the act by its number alone, then a "som ændret" clause ("I lov nr. 520 af 12. juni 2009,
som ændret ved § 7, nr. 3, i lov nr. 1361 af 8. december 2010, foretages …": the clause as LBK 106/2013 prints it
about lov 520/2009) was read in the form "I henvisning, titel" (lov nr. 567/2006, lodsloven) with the clause as the
law's TITLE and no som_ændret, exit 0 (5454812 refused it): consolidate orders acts by som_ændret, and the title links
nothing. Now refused, saying why."""
from __future__ import annotations

import pytest

from lawdiff.changes import intro

NO_TITLE = [
    "I lov nr. 520 af 12. juni 2009, som ændret ved § 7, nr. 3, i lov nr. 1361 af 8. december 2010, foretages "
    "følgende ændring:",
    "I lov nr. 520 af 12. juni 2009, senest ændret ved lov nr. 1361 af 8. december 2010, foretages følgende ændringer:",
    "I lov nr. 520 af 12. juni 2009, som ændres ved § 7 i det af Folketinget den 16. maj 2013 vedtagne forslag til "
    "lov om x, foretages følgende ændringer:",
]


@pytest.mark.parametrize("sentence", NO_TITLE)
def test_a_som_aendret_clause_is_no_title(sentence):
    assert intro.read(sentence) is None
    assert "titel" in intro.refusal(sentence)


def test_the_lodsloven_form_is_still_read():
    s = "I lov nr. 567 af 9. juni 2006, lodsloven, som ændret ved lov nr. 1 af 2. maj 2010, foretages følgende ændringer:"
    d = intro.read(s)
    assert d["lovtitel"] == "lodsloven" and d["som_ændret"] == "ved lov nr. 1 af 2. maj 2010"
    assert intro.format(d) == s


TWO_ACTS = [
    # read since 5454812 too, as one law titled "lov om X og i lov nr. 2 af 3. maj 2010 om Y"
    "I lov nr. 1 af 2. maj 2010 om X og i lov nr. 2 af 3. maj 2010 om Y foretages følgende ændringer:",
    "I lov nr. 1 af 2. maj 2010 om X, lov nr. 2 af 3. maj 2010 om Y, foretages følgende ændringer:",
    # new with the form »I henvisning, titel«: title "lodsloven og lov nr. 2 af 3. maj 2010"
    "I lov nr. 1 af 2. maj 2010, lodsloven og lov nr. 2 af 3. maj 2010, foretages følgende ændringer:",
]


@pytest.mark.parametrize("sentence", TWO_ACTS)
def test_a_second_act_cited_by_number_is_no_part_of_the_title(sentence):
    assert intro.read(sentence) is None
    assert "endnu en lov" in intro.refusal(sentence)


def test_an_amending_act_titled_with_other_laws_is_still_read():
    # lov nr. 1398/2012 (real-intros 2014-format2): the title names laws, by name, not by number
    s = ("I lov nr. 1398 af 23. december 2012 om ændring af lov om børnetilskud og forskudsvis udbetaling af "
         "børnebidrag og lov om en børne- og ungeydelse foretages følgende ændringer:")
    assert intro.read(s)["lovtitel"].startswith("lov om ændring af lov om børnetilskud")
