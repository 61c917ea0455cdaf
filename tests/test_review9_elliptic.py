"""review9: "… ændres i 1. pkt. »A« til: »B« og i 2. pkt. »C« til: »D«." (lov 408/2010 § 1, nr. 3) is read with the
verb said once (words.read_verb, elliptisk). The later place was read as »ændres« whatever verb was said: "I § 5,
stk. 2, udgår i 1. pkt. »A«, og i 2. pkt. »C« til: »D«." and "… indsættes i 1. pkt. efter »A«: »B«, og i 2. pkt. »C«
til: »D«." were read and would be executed as »C« changed to »D« (5454812 refused both): no verb says so. Refused
again; the act's own form is still read."""
from __future__ import annotations

import pytest

from lawdiff.changes.nummer import format_sentence, read_sentence
from lawdiff.importers.amending import read_amending_file
from tests.conftest import lexdania


@pytest.mark.parametrize("sentence", [
    "I § 5, stk. 2, udgår i 1. pkt. »A«, og i 2. pkt. »C« til: »D«.",
    "I § 5, stk. 2, indsættes i 1. pkt. efter »A«: »B«, og i 2. pkt. »C« til: »D«.",
])
def test_another_verb_said_once_is_not_aendres(sentence):
    with pytest.raises(Exception, match="kan ikke læses"):
        read_sentence(sentence, [])


def test_the_form_of_lov_408_2010_is_read():
    s = "I § 5, stk. 2, ændres i 1. pkt. »A« til: »B« og i 2. pkt. »C« til: »D«."
    ch = read_sentence(s, [])
    assert [c.get("ændres") for c in ch] == ["A", "C"] and ch[1]["elliptisk"] and format_sentence(ch) == s
    par = read_amending_file(lexdania("2010/2010-408.xml")).doc["paragraffer"][0]
    entry = next(e for e in par["numre"] if e["nummer"] == "3")
    assert [c.get("elliptisk") for c in entry["ændringer"]][-1] is True, entry
