"""Red-team review of the "instrlist" readings (brief review4): sentences that were read into a place other
than the one they name, or read where the meaning is not certain; each is now refused with its reason."""
from __future__ import annotations

import pytest

from lawdiff.changes.common import Unreadable
from lawdiff.changes.nummer import format_sentence, read_sentence
from lawdiff.changes.tree import citations


def _read(text: str) -> list[dict]:
    out = read_sentence(text, [])
    assert format_sentence(out) == text
    return out


# --- "ændres i 2. pkt." / "i 2. og 3. pkt." after the verb: the punktum of ONE place ----------------------------

@pytest.mark.parametrize("text", [
    # a list of stk.: was "§ 5, stk. 1 og 2, 2. pkt.", which the engine executes as stk. 1 WHOLE and stk. 2, 2. pkt.
    "I § 5, stk. 1 og 2, ændres i 2. pkt. »a« til: »b«.",
    "I § 5, stk. 1 og 2, ændres i 2. og 3. pkt. »a« til: »b«.",
    # a list of paragraffer: was § 5, stk. 1 whole and § 6, 2. and 3. pkt.
    "I § 5, stk. 1, og § 6 ændres i 2. og 3. pkt. »a« til: »b«.",
    "I § 5, stk. 1-3, udgår i 1. pkt. »a«.",
    # a place that already names its punktum: was "§ 5, stk. 1, 2. pkt., 3. pkt.", executed as 2. AND 3. pkt.
    "I § 5, stk. 1, 2. pkt., ændres i 3. pkt. »a« til: »b«.",
    "I § 5, stk. 1, 2. pkt., indsættes i 3. og 4. pkt. efter »a«: »b«.",
])
def test_a_punktum_after_the_verb_of_a_place_that_is_not_one_unit_is_refused(text):
    with pytest.raises(Unreadable, match="efter udsagnsordet"):
        read_sentence(text, [])


def test_the_refused_places_were_executed_as_other_places():
    # why the refusal matters: the place the reading made names other units than the sentence
    assert [w for w, _ in citations("§ 5, stk. 1 og 2, 2. pkt.")] == ["§ 5, stk. 1", "§ 5, stk. 2, 2. pkt."]
    assert [w for w, _ in citations("§ 5, stk. 1, 2. pkt., 3. pkt.")] == ["§ 5, stk. 1, 2. pkt.", "§ 5, stk. 1, 3. pkt."]


@pytest.mark.parametrize("text,place", [
    # every real form (corpus and tests/fixtures/real-instructions) is one unit, with or without "der bliver"
    ("I § 171, stk. 1, ændres i 2., 3. og to steder i 4. pkt. »a« til: »b«.", "§ 171, stk. 1, 2., 3. og to steder i 4. pkt."),
    ("I § 48 F, stk. 8, som bliver stk. 3, ændres i 1. pkt. »a« til: »b«.", "§ 48 F, stk. 8, 1. pkt."),
    ("I § 47 ændres i 4. pkt., der bliver 5. pkt., »a« til: »b«.", "§ 47, 4. pkt."),
    ("I § 5, stk. 2, nr. 3, ændres i 1. og 2. pkt. »a« til: »b«.", "§ 5, stk. 2, nr. 3, 1. og 2. pkt."),
])
def test_a_punktum_after_the_verb_of_one_unit_is_still_read(text, place):
    assert _read(text)[0]["i"] == place


# --- "… udgår." of a unit (lovteknik 1.7: units "udgår ikke, men ophæves"; lov 472/2013 writes it five times) -----

def test_a_unit_that_udgår_alone_is_still_read_as_its_repeal():
    assert _read("§ 21, stk. 2, nr. 2, udgår.") == [{"ophæves": "§ 21, stk. 2, nr. 2", "verbum": "udgår"}]


@pytest.mark.parametrize("text", [
    # "I … udgår" is the form of words that go, without the words: lov 629/2016 § 2, nr. 1 prints "I § 1, nr. 1,
    # udgår" and gives the words that go as the nummer's text; it was read as the repeal of the whole § 5, stk. 2
    "I § 5, stk. 2, udgår.",
    # no full stop: the sentence may go on (lov 629/2016's has none); was read as the repeal
    "§ 5, stk. 2, udgår",
    # after a change of words "og stk. 2 udgår" may be words whose »…« are lost; was the repeal of § 5, stk. 2
    "I § 5, stk. 1, ændres »a« til: »b«, og stk. 2 udgår.",
    "I § 5, stk. 1, udgår »a«, og nr. 2 udgår.",
    # a chapter or an annex: no act writes it (lov 472/2013 writes it of a nr.); a chapter that "udgår" may be
    # its division only, the §§ kept; was read as the repeal of the chapter with its §§
    "Kapitel 3 udgår.",
    "Bilag 2 udgår.",
])
def test_a_unit_that_udgår_is_refused_where_the_sentence_is_not_that_alone(text):
    with pytest.raises(Unreadable, match="udgår.?« nævner ikke de ord, der udgår; en enhed udgår ikke, men ophæves"):
        read_sentence(text, [])


# --- a short place after a list of paragraffer ---------------------------------------------------------------------

@pytest.mark.parametrize("place,rel", [
    # was § 27, stk. 3 (the last paragraf's): "stk. 3" may as well be § 26's, or both; the rule for a list of stk.
    # ("2. pkt." after "§ 26, stk. 1 og 2") refuses the same doubt. No real sentence of the corpus or of
    # tests/fixtures/real-instructions has a short place after a list of paragraffer.
    ("§ 26 og § 27, stk. 2", "stk. 3"),
    ("§ 26, stk. 2, og § 27, stk. 2", "stk. 3"),
    ("§ 26, stk. 1, og § 27, stk. 1", "2. pkt."),
    ("§§ 26 og 27", "stk. 2"),
])
def test_a_short_place_after_a_list_of_paragraffer_is_refused(place, rel):
    text = f"I {place} ændres »han« til: »denne«, og i {rel} ændres »Han« til: »Arbejdslederen«."
    if "stk." in place:
        text = text.replace(f"I {place} ", f"I {place}, ")
    with pytest.raises(Unreadable, match=f"»{rel}« henviser til »{place}«, der nævner flere steder"):
        read_sentence(text, [])


# --- the typo repair "pkt., bliver stk. 7, 1. pkt.," (»der« left out, lov 1715/2016) ---------------------------------

def test_der_left_out_before_bliver_is_repaired_only_before_the_verb_of_a_change_at_that_place():
    # "X bliver Y" without "der" is also a sentence of its own ("Stk. 2 og 3 bliver stk. 3 og 4.", lov 1611/2010):
    # "§ 60, stk. 8, 2. pkt., bliver stk. 9, 1. pkt., og stk. 9 ophæves." may say that the punktum becomes a stk.
    # of its own; repaired, it was read as the repeal of § 60, stk. 8, 2. pkt. AND stk. 9 (text that stays, struck)
    with pytest.raises(Unreadable):
        read_sentence("§ 60, stk. 8, 2. pkt., bliver stk. 9, 1. pkt., og stk. 9 ophæves.", [])
    # the act's own sentence is still read (tests/changes/test_real_sentences.py)
    got = read_sentence("I § 60, stk. 8, 1. pkt., bliver stk. 7, 1. pkt., ændres »a« til: »b«.", [])
    assert [(c["i"], c["der_bliver"]) for c in got] == [("§ 60, stk. 8, 1. pkt.", "stk. 7, 1. pkt.")]
