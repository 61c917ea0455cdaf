"""The changes of one nummer read each other (find._unclaimed): a quotation that stands more often than
the change says, where the other places are another change's of the same nummer (real cases: lov
624/2010, § 4, nr. 1; lov 1613/2013, § 1, nr. 4; lov 1252/2012, § 1, nr. 1 — tests/test_chains.py)."""
from __future__ import annotations

import pytest
import yaml

from lawdiff.address import resolve
from lawdiff.engine.applier import _Applier
from lawdiff.errors import LawdiffError
from lawdiff.proposal import parse_proposal
from lawdiff.render.text import plain_text

STK2 = ("Stk. 2. Efter de første 6 måneders sammenlagt ledighed skal der afholdes jobsamtaler, hver gang personen "
        "har været ledig i sammenlagt 3 måneder, jf. dog stk. 4.")


@pytest.fixture(scope="module")
def lab(store):
    act = store.load("lab@2016-11-21")
    assert plain_text(resolve(act, "§ 16 a, stk. 2").units[0]) == STK2
    return act


def run(act, changes, register=True):
    data = {"titel": "Lov om ændring af lov om en aktiv beskæftigelsesindsats", "organisation": "Test",
            "dato": "2020-01-01", "status": "vedtaget", "kilde": "lov nr. 1 af 1. januar 2020",
            "love": {"lab": "lab@2016-11-21"},
            "paragraffer": [{"nummer": "1", "lov": "lab", "numre": [{"nummer": "1", "ændringer": changes}]}]}
    prop = parse_proposal(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode(), "lov-2020-1.yaml")
    ap = _Applier("lab", act)
    if register:
        ap.register(prop.changes)
    for c in prop.changes:
        ap.apply(c)
    return plain_text(resolve(ap.finish().new, "§ 16 a, stk. 2").units[0])


def test_the_other_place_is_the_other_changes(lab):
    changes = [{"i": "§ 16 a, stk. 2", "ændres": "sammenlagt", "til": "samlet"},
               {"i": "§ 16 a, stk. 2", "samme_sted": True, "ændres": "sammenlagt 3 måneder", "til": "samlet 4 måneder"}]
    assert run(lab, changes) == STK2.replace("sammenlagt ledighed", "samlet ledighed").replace(
        "sammenlagt 3 måneder", "samlet 4 måneder")
    with pytest.raises(LawdiffError, match="står 2 gange"):  # the changes not known to each other: refused
        run(lab, changes, register=False)


def test_samme_sted_is_the_place_right_after_the_change_before(lab):
    changes = [{"i": "§ 16 a, stk. 2", "indsættes_efter": "de første 6 måneders", "tekst": "NY"},
               {"i": "§ 16 a, stk. 2", "samme_sted": True, "indsættes_efter": "sammenlagt", "tekst": "OGSÅ"}]
    assert run(lab, changes) == STK2.replace("6 måneders sammenlagt", "6 måneders NY sammenlagt OGSÅ")
    # without "samme sted" the two places are not told apart: refused
    with pytest.raises(LawdiffError, match="står 2 gange"):
        run(lab, [changes[0], {k: v for k, v in changes[1].items() if k != "samme_sted"}])


def test_a_new_list_item_the_list_holds_but_for_its_ending_is_refused(lab):
    """Lov 1609/2010, § 1, nr. 1 inserts in § 2 "som nr. 6 og 7" a nr. 6 that LBK 339/2011 already holds,
    ending "… skal standses." where the new one ends "… skal standses,": executed, the list held the text
    twice (exit 0). Refused as the word-for-word case is."""
    last = plain_text(resolve(lab, "§ 2, stk. 1, nr. 14").units[0])
    text = "1) " + last.split(") ", 1)[1].rstrip(".") + ", og"
    with pytest.raises(LawdiffError, match="står allerede i loven som § 2, stk. 1, nr. 14 .ordret, bortset fra "
                                           "tegnsætningen"):
        ap = _Applier("lab", lab)
        data = {"titel": "Lov om ændring af lov om en aktiv beskæftigelsesindsats", "organisation": "Test",
                "dato": "2020-01-01", "status": "vedtaget", "kilde": "lov nr. 1 af 1. januar 2020",
                "love": {"lab": "lab@2016-11-21"},
                "paragraffer": [{"nummer": "1", "lov": "lab", "numre": [{"nummer": "1", "ændringer": [
                    {"ny": "nr", "i": "§ 2, stk. 1", "som": "nr. 1", "tekst": text}]}]}]}
        for c in parse_proposal(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode(),
                                "lov-2020-1.yaml").changes:
            ap.apply(c)


def _apply(act, changes):
    data = {"titel": "Lov om ændring af lov om en aktiv beskæftigelsesindsats", "organisation": "Test",
            "dato": "2020-01-01", "status": "vedtaget", "kilde": "lov nr. 1 af 1. januar 2020",
            "love": {"lab": "lab@2016-11-21"},
            "paragraffer": [{"nummer": "1", "lov": "lab", "numre": [{"nummer": str(i + 1), "ændringer": [ch]}
                                                                     for i, ch in enumerate(changes)]}]}
    ap = _Applier("lab", act)
    for c in parse_proposal(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode(),
                            "lov-2020-1.yaml").changes:
        ap.apply(c)
    return ap.finish().new


def test_a_place_after_units_an_earlier_nummer_rewrote_together(lab):
    """"§ 15, stk. 6 og 7, affattes således: »Stk. 6. … Stk. 7. …«", then "I § 15 indsættes efter stk. 7 som
    nyt stykke:" (lov 1396/2012, § 1, nr. 3 and 4; LBK 16/2013): the new stk. 7 is the place. Not when the
    rewrite made another number of units."""
    new = _apply(lab, [{"affattes": "§ 68 a, stk. 2 og 3", "tekst": "Stk. 2. Ny to.\nStk. 3. Ny tre."},
                       {"ny": "stk", "i": "§ 68 a", "efter": "stk. 3", "tekst": "Stk. 4. Ny fire."}])
    assert [plain_text(resolve(new, f"§ 68 a, stk. {k}").units[0]) for k in (2, 3, 4)] == \
        ["Stk. 2. Ny to.", "Stk. 3. Ny tre.", "Stk. 4. Ny fire."]
    with pytest.raises(LawdiffError, match="stk. 3 er ophævet af"):
        _apply(lab, [{"affattes": "§ 68 a, stk. 2 og 3", "tekst": "Stk. 2. Kun én."},
                     {"ny": "stk", "i": "§ 68 a", "efter": "stk. 3", "tekst": "Stk. 3. Ny."}])


def test_a_count_per_part_with_et_sted(lab):
    """"To steder i § 39, stk. 1, og et sted i § 39, stk. 2, 2. pkt., ændres »Tilladelse« til: »Fiskerilicens«"
    (lov 388/2012, § 1, nr. 14): two places in the first part, one in the second."""
    new = _apply(lab, [{"antal": 2, "i": "§ 16 a, stk. 2, og et sted i § 4, stk. 1", "ændres": "sammenlagt",
                        "til": "SAMLET"}])
    assert plain_text(resolve(new, "§ 16 a, stk. 2").units[0]).count("SAMLET") == 2
    assert plain_text(resolve(new, "§ 4, stk. 1").units[0]).count("SAMLET") == 1
    with pytest.raises(LawdiffError, match="står 2 gange"):  # "et sted" where the words stand twice
        _apply(lab, [{"antal": 2, "i": "§ 16 a, stk. 2, og et sted i § 16 a, stk. 1", "ændres": "sammenlagt",
                      "til": "SAMLET"}])
