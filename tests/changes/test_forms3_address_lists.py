"""A list of places with ", i stk. 1, 2. pkt.," in it (issue 8, brief forms3): "i" before a stk. of the same § ends
a counted part of the list ("to steder i § 54, stk. 1, 1. pkt., i stk. 1, 2. pkt., og stk. 2, 1. pkt.", lov 395/2016;
"og to steder i 2. pkt., i stk. 3, 2. pkt., og stk. 4, og ti steder i § 83 b", lov 1287/2012 § 2, nr. 15). It was
refused as unreadable (address.py allowed ", i " only before "§")."""
from __future__ import annotations

import pytest

from lawdiff.address import parse_citation
from lawdiff.importers.amending import read_amending_file
from lawdiff.proposal import ProposalError
from lawdiff.render.instructions import nummer_lines
from lawdiff.text import norm
from tests.conftest import lexdania
from tests.test_engine_acts import corpus_act, run, text

LOV_1287_2012 = "2012/2012-1287.xml"


def _nummer(path: str, par: str, nr: str) -> dict:
    p = next(p for p in read_amending_file(lexdania(path)).doc["paragraffer"] if p["nummer"] == par)
    return next(e for e in p["numre"] if e["nummer"] == nr)


def test_i_before_a_stk_continues_the_list_of_places():
    cited = [str(c) for c in parse_citation("§ 54, stk. 1, 1. pkt., i stk. 1, 2. pkt., og stk. 2, 1. pkt.")]
    assert cited == ["§ 54, stk. 1, 1. pkt.", "§ 54, stk. 1, 2. pkt.", "§ 54, stk. 2, 1. pkt."]


def test_the_nummer_is_read_and_printed_back_word_for_word():
    entry = _nummer(LOV_1287_2012, "2", "15")
    assert "ikke_udført" not in entry
    assert entry["ændringer"] == [{"i": "§ 83, stk. 2, 1. pkt., og to steder i 2. pkt., i stk. 3, 2. pkt., og stk. 4, "
                                        "og ti steder i § 83 b", "ændres": "Fondsrådet", "til": "Finanstilsynet"}]
    assert norm(" ".join(nummer_lines(entry))) == (
        "15. I § 83, stk. 2, 1. pkt., og to steder i 2. pkt., i stk. 3, 2. pkt., og stk. 4, og ti steder i § 83 b "
        "ændres »Fondsrådet« til: »Finanstilsynet«.")


def test_each_counted_part_is_changed_as_many_times_as_it_says():
    """LBK 855/2012 (værdipapirhandel), the act lov 1287/2012 § 2 amends: § 83, stk. 2, holds »Fondsrådet« once in
    1. pkt., twice in 2. pkt. and three times after them (not cited: they stay); stk. 3 and 4 once; § 83 b ten times."""
    base = corpus_act("2012/2012-855")
    assert [text(base, a).count("Fondsrådet") for a in ("§ 83, stk. 2", "§ 83, stk. 3", "§ 83, stk. 4", "§ 83 b")] == \
        [6, 1, 1, 10]
    new = run("2012/2012-855", _nummer(LOV_1287_2012, "2", "15")["ændringer"]).new
    stk2 = text(new, "§ 83, stk. 2")
    assert stk2.startswith("Stk. 2. Finanstilsynet skal for udstedere af værdipapirer")
    assert "Finanstilsynet skal tillige kontrollere, at regler udstedt i medfør af § 196 i lov om finansiel virksomhed " \
           "og § 76 i lov om investeringsforeninger m.v. samt årsregnskabsloven er overholdt, ligesom Finanstilsynet " \
           "kontrollerer overholdelse" in stk2
    assert stk2.count("Fondsrådet") == 3  # the 3. and 4. pkt., not cited
    assert [text(new, a).count("Fondsrådet") for a in ("§ 83, stk. 3", "§ 83, stk. 4", "§ 83 b")] == [0, 0, 0]


def test_a_count_the_punktum_does_not_hold_is_refused():
    """A count in a part after ", i stk. 3" belongs to that part alone and is checked there (stk. 4 holds the words
    once)."""
    with pytest.raises(ProposalError, match="»Fondsrådet« står 1 gang i § 83, stk. 4, ikke 2"):
        run("2012/2012-855", [{"i": "§ 83, stk. 2, 1. pkt., og to steder i 2. pkt., i stk. 3, 2. pkt., "
                                    "og to steder i stk. 4", "ændres": "Fondsrådet", "til": "Finanstilsynet"}])
