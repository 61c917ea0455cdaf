"""The verb said once for two punktummer (issue 8, brief forms3): "I § 124, stk. 6, der bliver stk. 5, ændres i 1. pkt.
»§ 126, stk. 1,« til: »§ 126« og i 2. pkt. »§ 126, stk. 1,« til: »§ 126,«." (lov 408/2010 § 1, nr. 3, serviceloven)
was refused ("sætningen kan ikke læses ved »i 2. pkt. …«"). The later place, named short after the first, takes
"»C« til: »D«" without "ændres" (`elliptisk`); read only with "til". Executed on LBK 190/2012 § 14, stk. 1 (the act's
own base, LBK 941/2009, is not in the corpus)."""
from __future__ import annotations

import pytest

from lawdiff.changes.nummer import format_sentence, read_sentence
from lawdiff.changes.common import Unreadable
from lawdiff.importers.amending import read_amending_file
from lawdiff.render.instructions import nummer_lines
from lawdiff.text import norm
from tests.conftest import lexdania
from tests.test_engine_acts import corpus_act, run, text


def test_the_nummer_of_the_act_is_read_and_printed_back():
    par = read_amending_file(lexdania("2010/2010-408.xml")).doc["paragraffer"][0]
    entry = next(e for e in par["numre"] if e["nummer"] == "3")
    assert [{k: v for k, v in ch.items() if k in ("i", "ændres", "til", "elliptisk")} for ch in entry["ændringer"]] == [
        {"i": "§ 124, stk. 6, 1. pkt.", "ændres": "§ 126, stk. 1,", "til": "§ 126"},
        {"i": "§ 124, stk. 6, 2. pkt.", "ændres": "§ 126, stk. 1,", "til": "§ 126,", "elliptisk": True}]
    assert norm(" ".join(nummer_lines(entry))) == (
        "3. I § 124, stk. 6, der bliver stk. 5, ændres i 1. pkt. »§ 126, stk. 1,« til: »§ 126« og i 2. pkt. "
        "»§ 126, stk. 1,« til: »§ 126,«.")


def test_each_punktum_is_changed():
    s = "I § 14, stk. 1, ændres i 1. pkt. »hjælp« til: »støtte« og i 2. pkt. »10.000 kr.« til: »12.000 kr.«."
    changes = read_sentence(s, [])
    assert format_sentence(changes) == s
    base, new = text(corpus_act("2012/2012-190"), "§ 14, stk. 1"), text(run("2012/2012-190", changes).new, "§ 14, stk. 1")
    assert new == base.replace("kan ikke yde hjælp", "kan ikke yde støtte").replace("10.000 kr.", "12.000 kr.")


def test_without_til_it_is_not_read():
    with pytest.raises(Unreadable):
        read_sentence("I § 5, stk. 1, ændres »a« til: »b«, og i stk. 2 »c« udgår.", [])
