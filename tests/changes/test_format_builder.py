"""Wording the kinds do for hand-written proposals only (the lovforslag builder's data), beside
what imported acts need: `forekomst: 1` ("første gang"), and the forms the builder's data takes
for new units (as the acts of 2010-2017 word them)."""
from __future__ import annotations

import pytest

from lawdiff.changes.nummer import format_sentence


@pytest.mark.parametrize("data, want", [
    # lov 627/2016: "§ 55, 2. pkt. og 3. pkt. første gang": no comma before "første gang", one after
    ({"i": "§ 68 a, stk. 2", "ændres": "at", "til": "med at", "forekomst": 1},
     "I § 68 a, stk. 2 første gang, ændres »at« til: »med at«."),
    ({"i": "§ 42", "udgår": "og", "forekomst": 1}, "I § 42 første gang, udgår »og«."),
    ({"i": "§ 5, stk. 2", "der_bliver": "stk. 3", "indsættes_efter": "a", "tekst": "b", "forekomst": 1},
     "I § 5, stk. 2, der bliver stk. 3 første gang, indsættes efter »a«: »b«."),
    # without forekomst the comma follows the usual rule
    ({"i": "§ 42", "udgår": "og"}, "I § 42 udgår »og«."),
])
def test_forste_gang(data, want):
    assert format_sentence([data]) == want


@pytest.mark.parametrize("data, want", [
    ({"ny": "pkt", "i": "§ 68 a, stk. 8", "efter": "1. pkt.", "tekst": "A."},
     "I § 68 a, stk. 8, indsættes efter 1. pkt.:"),
    ({"ny": "pkt", "i": "§ 68 b, stk. 2", "som": "2. og 3. pkt.", "tekst": "A. B."},
     "I § 68 b, stk. 2, indsættes som 2. og 3. pkt.:"),
    ({"ny": "stk", "i": "§ 68 a", "efter": "stk. 3", "anker_der_bliver": "stk. 4", "tekst": "Stk. 5. A."},
     "I § 68 a indsættes efter stk. 3, der bliver stk. 4, som nyt stykke:"),
    ({"ny": "stk", "i": "§ 68 a", "efter": "stk. 3", "tekst": "Stk. 4. A.\nStk. 5. B."},
     "I § 68 a indsættes efter stk. 3 som nye stykker:"),
    ({"ny": "paragraf", "efter": "§ 68 g", "placering": "i kapitel 12 b", "tekst": "§ 68 h. A."},
     "Efter § 68 g indsættes i kapitel 12 b:"),
    ({"ny": "kapitel", "efter": "§ 25", "placering": "før afsnit IV", "tekst": "Kapitel 7\nA"},
     "Efter § 25 indsættes før afsnit IV:"),
    ({"ny": "kapitel", "før": "kapitel 1", "tekst": "Kapitel 1 a\nA"}, "Før kapitel 1 indsættes:"),
    ({"ny": "overskrift", "før": "§ 21", "tekst": "A"}, "Før § 21 indsættes som ny overskrift:"),
])
def test_new_units(data, want):
    assert format_sentence([data]) == want
