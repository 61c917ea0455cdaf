"""Amending acts no one here has seen (issue 8, "refuse, never guess"): the numbering of
ændringsparagraffer and numre, which LBK preambles and `--include` cite ("§ 1, nr. 3, i lov nr. …").

A number no citation reaches, or one the act gives twice, was imported without a word: each is
now reported with file:line (or repaired where a reader reads it one way: "§ l" is § 1).
"""
from __future__ import annotations

import copy

import pytest
from lxml import etree

from lawdiff.importers import amending
from lawdiff.importers.official import read_official
from tests.conftest import CORPUS

DOC = "2013/2013-651.xml"  # lov nr. 651 af 12/06/2013: § 1 with 29 numre, § 2 with 2, § 3 …


@pytest.fixture(scope="module")
def base():
    return etree.fromstring((CORPUS / DOC).read_bytes())


def _read(root) -> amending.AmendingAct:
    return amending.read_amending_root(root, "x.xml")


def _numbering(act) -> list[tuple[str, list[str]]]:
    return [(p["nummer"], [n["nummer"] for n in p["numre"]]) for p in act.doc["paragraffer"]]


def _new(act, before) -> list[str]:
    return [w for w in act.warnings if w not in before.warnings]


@pytest.mark.parametrize("label,warning", [
    ("Nr. 3.", "nummerets betegnelse »Nr. 3.« har ikke form som et nummer; nummeret kan ikke citeres (»§ 1, nr. …«)"),
    ("\uff13.", "nummerets betegnelse »\uff13.« har ikke form som et nummer; nummeret kan ikke citeres (»§ 1, nr. …«)"),
    ("", "nummerets betegnelse »« har ikke form som et nummer; nummeret kan ikke citeres (»§ 1, nr. …«)"),
    ("2.", "nr. 2 findes to gange i kilden (også linje {prev}); »§ 1, nr. 2« kan ikke citeres entydigt"),
])
def test_a_nummer_no_citation_reaches_is_reported(base, label, warning):
    before = _read(copy.deepcopy(base))
    root = copy.deepcopy(base)
    ans = root.xpath("//AendringCentreretParagraf")[0].findall("AendringsNummer")
    an = ans[2]
    an.find("Explicatus").text = label
    act = _read(root)
    assert f"x.xml:{an.sourceline}: § 1: {warning.format(prev=ans[1].sourceline)}" in _new(act, before)
    assert "ikke_udført" not in act.doc["paragraffer"][0]["numre"][2]  # the nummer itself is read


def test_the_real_numre_are_not_reported():
    """Every nummer label of the corpus's amending acts is "N." (or "N" without its full stop, already
    a warning; lov 1564/2015 nr. 9, lov 310/2015 nr. 40, and three empty numre of lov 1595/2010)."""
    act = _read(etree.fromstring((CORPUS / DOC).read_bytes()))
    assert not any("har ikke form som" in w or "findes to gange" in w for w in act.warnings)
    name = "2015/2015-1564.xml"
    act = read_official((CORPUS / name).read_bytes(), name).amending
    assert not any("har ikke form som" in w for w in act.warnings)


def test_an_aendringsparagraf_without_a_number_is_reported(base):
    """Its numre went to `øvrige` as verbatim text, never executed, without a word."""
    before = _read(copy.deepcopy(base))
    root = copy.deepcopy(base)
    acp = root.xpath("//AendringCentreretParagraf")[1]
    acp.find("Explicatus").text = ""
    act = _read(root)
    assert (f"x.xml:{acp.sourceline}: en ændringsparagraf uden nummer (betegnelse »«) har 2 numre; den er gemt "
            f"ordret under øvrige, og dens numre udføres ikke") in _new(act, before)


@pytest.mark.parametrize("label,warning", [
    ("Paragraf 2", "ændringsparagraffens betegnelse »Paragraf 2« har ikke form som et paragrafnummer; "
                   "»Paragraf 2« kan ikke citeres (»§ Paragraf 2, nr. …«)"),
    ("§ \uff12", "ændringsparagraffens betegnelse »§ \uff12« har ikke form som et paragrafnummer; »\uff12« kan ikke "
                 "citeres (»§ \uff12, nr. …«)"),
    ("§ 1", "ændringsparagraffen § 1 findes to gange i kilden (også linje {first}); »§ 1, nr. …« kan ikke citeres "
            "entydigt"),
])
def test_an_aendringsparagraf_number_no_citation_reaches_is_reported(base, label, warning):
    before = _read(copy.deepcopy(base))
    root = copy.deepcopy(base)
    acps = root.xpath("//AendringCentreretParagraf")
    acps[1].find("Explicatus").text = label
    act = _read(root)
    assert f"x.xml:{acps[1].sourceline}: {warning.format(first=acps[0].sourceline)}" in _new(act, before)


def test_a_letter_for_the_digit_one_is_read_as_paragraph_1():
    """Lov nr. 485 af 19/05/2010 prints its first ændringsparagraf as "§ l" (a lower-case L): the
    amendment file numbered it "l", so "§ 1, nr. 2, i lov nr. 485" reached nothing."""
    name = "2010/2010-485.xml"
    act = read_official((CORPUS / name).read_bytes(), name).amending
    assert _numbering(act)[0][0] == "1"
    assert ("2010-485.xml:68: ændringsparagraffens betegnelse »§ l« har et bogstav for tallet 1 i kilden "
            "(trykfejl); læst som § 1") in act.warnings


@pytest.mark.parametrize("what", ["AendringDefinition", "AendringAktion/AendringNyTekst"])
def test_a_second_instruction_or_new_text_in_one_change_refuses_the_nummer(base, what):
    """An <Aendring> with two instructions or two new texts (found by tests/importers/
    test_unseen_mutations.py): the readers read the first and left the second out, exit 0. The nummer
    is refused now, and kept verbatim with both."""
    root = copy.deepcopy(base)
    aendring = next(a for a in root.xpath("//AendringCentreretParagraf")[0].iter("Aendring")
                    if a.find("AendringAktion/AendringNyTekst") is not None and len(a.find("AendringAktion/AendringNyTekst")))
    first = aendring.find(what)
    second = copy.deepcopy(first)
    for ch in second.iter("Char"):
        ch.text = (ch.text or "") + " Xyzzyordet"
    first.addnext(second)
    an = aendring.getparent()
    act = _read(root)
    entry = next(n for n in act.doc["paragraffer"][0]["numre"] if n["nummer"] == an.findtext("Explicatus").strip().rstrip("."))
    assert entry["ikke_udført"]["årsag"] == "<Aendring> har mere end én instruktion eller ny tekst"
    assert "Xyzzyordet" in entry["ikke_udført"]["tekst"]


def test_the_empty_second_actions_of_the_corpus_are_still_read():
    """19 <Aendring>s of the corpus have a second, empty <AendringAktion> (lov 1876/2015 § 1, nr. 2 …)."""
    name = "2015/2015-1876.xml"
    act = read_official((CORPUS / name).read_bytes(), name).amending
    assert not any("mere end én" in r for r in act.refused)
