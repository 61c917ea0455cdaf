"""Instruction sentences no act of the corpus has, one word away from real ones (issue 9): found by
the nummer mutation campaign (tests/importers/test_unseen_mutations.py). Each must be read into
its own meaning (it prints back as written) or be refused; never read as a neighbouring meaning.
"""
import pytest

from lawdiff.changes.common import Unreadable
from lawdiff.changes.nummer import format_sentence, read_sentence


@pytest.mark.parametrize("sentence", [
    # lov 1625/2013 § 1, nr. 5 with its count said twice: the second count overwrote the first
    "To steder i § 40 ændres to steder »4 uger« til: »12 uger«.",
    # lov 1234/2012 § 1, nr. 2 with two counts that disagree: read as two places, the "tre" lost
    "Tre steder i § 5, stk. 1, ændres to steder »25 pct.« til: »50 pct.«, og i § 5, stk. 2, ændres »25 pct.« til: »50 pct.«",
    "To steder i § 5 udgår to steder »A«.",
    "To steder i § 5 indsættes to steder efter »A«: »B«.",
    "To steder i § 5 indsættes efter »A« to steder: »B«.",
    "I § 5 ændres to steder »A« tre steder til: »B«.",
])
def test_a_count_of_places_said_twice_is_refused(sentence):
    with pytest.raises(Unreadable, match="antallet af steder står to gange"):
        read_sentence(sentence, [])


def test_the_real_counts_are_still_read():
    for sentence, count in [("To steder i § 40 ændres »4 uger« til: »12 uger«.", 2),
                            ("I § 3, stk. 1, ændres to steder »arbejdsgiverens« til: »rederens«.", 2),
                            ("I § 5 indsættes efter »A« to steder: »B«.", 2)]:
        out = read_sentence(sentence, [])
        assert out[0]["antal"] == count and format_sentence(out) == sentence


@pytest.mark.parametrize("first,second", [("før", "efter"), ("efter", "før")])
def test_a_list_of_anchors_keeps_each_anchors_side(first, second):
    """lov 113/2012 § 1, nr. 16 "indsættes efter »kan institutionen« og efter »dertil,«: »…«" with
    one side changed: the second anchor took the first's side ("før »dertil,«" for "efter")."""
    sentence = (f"I § 60, stk. 8, indsættes {first} »kan institutionen« og {second} »dertil,«: "
                "»uden retskendelse«.")
    out = read_sentence(sentence, [])
    assert [next(k for k in ch if k.startswith("indsættes_")) for ch in out] == \
        [f"indsættes_{first}", f"indsættes_{second}"]
    assert out[1][f"indsættes_{second}"] == "dertil,"
    assert format_sentence(out) == sentence


@pytest.mark.parametrize("sentence", [
    "I § 7, stk. 1, indsættes efter stk. 7 som nyt nummer:",
    "I § 166 indsættes efter nr. 2 som nyt stykke:",
    "I § 166 indsættes efter nr. 2 som nye stykker:",
    "I § 7, stk. 1, indsættes efter litra c som nyt nummer:",
    "I § 7, stk. 1, indsættes efter 2. pkt. som nyt stykke:",
    "I § 7, stk. 1, nr. 2, indsættes efter stk. 7, der bliver stk. 8, som nyt nummer:",
])
def test_a_new_unit_of_another_kind_than_its_anchor_is_refused(sentence):
    """No act of the corpus inserts after a unit of one kind a unit of another (715 "efter stk. …
    som nyt stykke", 171 nr., 7 litra, 4 pkt.); "efter nr. 2 som nyt stykke" was read as a new
    nummer (the kind of the anchor) printed "som nyt stykke", and would have inserted a stk.'s
    text as a nummer."""
    with pytest.raises(Unreadable, match="men der indsættes"):
        read_sentence(sentence, [])


def test_a_new_unit_of_its_anchors_kind_is_still_read():
    for sentence in ("I § 166 indsættes efter stk. 2 som nyt stykke:",
                     "I § 7, stk. 1, indsættes efter nr. 7 som nye numre:",
                     "I § 15 a indsættes efter stk. 2, der bliver stk. 3, som nyt stykke:",
                     # lov 1560/2010: an act's nummer cited after its §
                     "I § 1, nr. 9, indsættes efter § 16, nr. 18, der bliver nr. 17, som nyt nummer:"):
        out = read_sentence(sentence, [])
        assert out[0]["ny"] in ("stk", "nr", "paragraf")


def test_a_list_of_anchors_with_both_sides_and_one_without_is_refused():
    """"efter »A«, før »B« og »C«": whether »C« takes "efter" (the verb's) or "før" (the one before
    it) is not certain."""
    with pytest.raises(Unreadable, match="ikke hvert anker siger sin side"):
        read_sentence("I § 60 indsættes efter »A«, før »B« og »C«: »D«.", [])
    out = read_sentence("I § 60 indsættes efter »A«, »B« og »C«: »D«.", [])  # one side for all
    assert [ch.get("indsættes_efter") for ch in out] == ["A", "B", "C"]


@pytest.mark.parametrize("sentence", [
    "§ 5, stk. 2 eller 3, ophæves.",
    "I § 5, stk. 2 eller 3, ændres »A« til: »B«.",
    "I §§ 5 eller 6 ændres »A« til: »B«.",
    "I § 5 indsættes efter stk. 2 eller 3 som nyt stykke:",
])
def test_alternatives_in_an_instructions_citation_are_refused(sentence):
    """"stk. 2 og 3" with "eller" for "og": read as both (parse_citation reads a law text's "eller"
    as "og"), a guess; no instruction of the corpus cites alternatives."""
    with pytest.raises(Unreadable, match="har »eller«"):
        read_sentence(sentence, [])
    read_sentence(sentence.replace(" eller ", " og "), [])


@pytest.mark.parametrize("sentence", [
    "I § 13, stk. 3, ændres i 2. pkt. folketingsåret 2010-11« til: »folketingsåret 2011-12«.",
    "I § 13, stk. 3, ændres to steder folketingsåret 2010-11« til: »folketingsåret 2011-12«.",
])
def test_a_missing_opening_quote_after_the_verbs_own_words_is_refused(sentence):
    """The repair of a missing »»« after "ændres" (lov 174/2011 § 3, nr. 3) put it right after the
    verb, and so read "i 2. pkt." and "to steder" as words to be changed."""
    with pytest.raises(Unreadable):
        read_sentence(sentence, [])
    out = read_sentence(sentence.replace(" folketingsåret 2010-11«", " »folketingsåret 2010-11«"), [])
    assert out[0]["ændres"] == "folketingsåret 2010-11"
    w: list[str] = []
    out = read_sentence("I § 13, stk. 3, ændres folketingsåret 2010-11« til: »folketingsåret 2011-12«.", w)
    assert out[0]["ændres"] == "folketingsåret 2010-11" and "mangler foran citatet" in w[0]


@pytest.mark.parametrize("sentence", [
    "§ 5, stk. 2 og nr. 4, ophæves.",
    "I § 5, stk. 2 og nr. 4, ændres »A« til: »B«.",
    "§ 5, stk. 2, nr. 3 og litra a, ophæves.",
    "I § 5, stk. 2 og 3. pkt., ændres »A« til: »B«.",
])
def test_og_between_units_of_two_kinds_is_refused(sentence):
    """parse_citation reads "§ 5, stk. 2 og nr. 4" as one unit, § 5, stk. 2, nr. 4: the "og" was
    lost and only nr. 4 repealed. The corpus joins with "og" only units of one kind (45 "stk. 1 og
    stk. 2, …", lov 1361/2010; one "nr. 1 og nr. 4", lov 729/2010), which still read."""
    with pytest.raises(Unreadable, match="to slags enheder"):
        read_sentence(sentence, [])


def test_og_between_units_of_one_kind_is_read():
    for sentence in ("I § 66, stk. 1 og stk. 2, nr. 2, ændres »A« til: »B«.",
                     "§ 5, stk. 2 og 3, ophæves.", "§ 5, stk. 2, nr. 3 og 4, ophæves."):
        out = read_sentence(sentence, [])
        assert format_sentence(out) == sentence


@pytest.mark.parametrize("sentence", [
    "§ 5, stk. 2, og nr. 4, ophæves.",
    "§ 5 og stk. 2 ophæves.",
    "§ 5, stk. 2-nr. 4, ophæves.",
    "I § 10, stk. 1 og stk. 2 og nr. 1, ændres »A« til: »B«.",  # the second pair of two
])
def test_og_or_a_range_down_to_a_lower_kind_is_refused(sentence):
    """parse_citation reads each as one unit (§ 5, stk. 2, nr. 4; § 5, stk. 2; "§ 5 og stk. 2" is
    refused before, by the sentence reader)."""
    with pytest.raises(Unreadable):
        read_sentence(sentence, [])


def test_og_up_to_a_higher_kind_is_read():
    """"§ 57 b, stk. 3, nr. 1, og stk. 7" (lov 628/2010) and 28 more in the corpus: two units."""
    for sentence in ("I § 57 b, stk. 3, nr. 1, og stk. 7 ændres »A« til: »B«.",
                     "I § 98 e, stk. 1, nr. 1, litra a, og nr. 2, litra a, ændres »A« til: »B«."):
        assert format_sentence(read_sentence(sentence, [])) == sentence
