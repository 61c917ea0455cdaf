"""Red team of the amending-act reader (review3): the ændringsparagraffer the source marks up as
ikrafttræden §§ (lov 706/2010 §§ 2-7) and the §§ given as their label alone (lov 573/2011 § 3).

Each test mutates a real act of the corpus into a shape the reader must refuse or keep apart, and
fails on the reader before its fix."""
from __future__ import annotations

import pytest
from lxml import etree

from lawdiff.importers import amending
from lawdiff.text import norm
from tests.conftest import CORPUS, lexdania


def _par(root, tag: str, label: str) -> etree._Element:
    return next(e for e in root.iter(tag) if norm(e.findtext("Explicatus") or "") == label)


def _set_lines(el: etree._Element, *lines: str) -> None:
    for li in list(el):
        el.remove(li)
    for text in lines:
        etree.SubElement(etree.SubElement(el, "Linea"), "Char").text = text


def test_a_commencement_paragraf_with_a_list_of_numre_is_not_read_as_amending():
    """An <IkraftCentreretParagraf> whose one Stk holds an <Exitus> and <AendringsNummer>s is an
    ændringsparagraf only when the <Exitus> is an amending intro ("I lov om …, foretages følgende
    ændring:"). Lov 706/2010 § 7 with its intro made a commencement sentence ("Lovens § 1, nr. 1-3,
    træder i kraft den 1. juli 2010, bortset fra:"): the reader took it for an ændringsparagraf (with
    the intro "gemt ordret"), so the sentence never reached the commencement reader, and the act's
    ikrafttræden was given as 1 January 2011 for all of it, § 1, nr. 1-3 included (numre run at a
    wrong date, exit 0). Now the § is kept verbatim, its numre reported, its sentence read as
    commencement: not readable, so the act's ikrafttræden is not given as data."""
    root = etree.parse(str(lexdania("2010/2010-706.xml"))).getroot()
    p7 = _par(root, "IkraftCentreretParagraf", "§ 7")
    _set_lines(p7.find("Stk/Exitus"), "Lovens § 1, nr. 1-3, træder i kraft den 1. juli 2010, bortset fra:")
    act = amending.read_amending_root(root, "x.xml")
    assert [p["nummer"] for p in act.doc["paragraffer"]] == ["1", "2", "3", "4", "5", "6"]
    assert [o.get("nummer") for o in act.doc["øvrige"]] == ["7", "8", "9"]
    assert "ikrafttræden" not in act.doc
    assert f"x.xml:{p7.sourceline}: § 7 har 1 numre i en form, der ikke kan læses som en ændringsparagraf; de er " \
        "gemt ordret under øvrige, og de udføres ikke" in act.warnings
    assert any("§ 7 »Lovens § 1, nr. 1-3, træder i kraft den 1. juli 2010, bortset fra: 1.« kan ikke læses som en "
               "ikrafttrædelsesregel" in w for w in act.warnings)
    assert not any("§ 7 er i kilden mærket som ikrafttrædelsesparagraf" in w for w in act.warnings)


def test_the_real_intro_is_still_read():
    """The same § unmutated (the intro of lov 706/2010 § 7 names lov nr. 288 af 15. april 2009)."""
    act = amending.read_amending_root(etree.parse(str(lexdania("2010/2010-706.xml"))).getroot(), "x.xml")
    p7 = next(p for p in act.doc["paragraffer"] if p["nummer"] == "7")
    assert p7["henvisning"] == "lov nr. 288 af 15. april 2009"
    assert p7["numre"] == [{"nummer": "1", "ændringer": [{"ophæves": "§ 1, nr. 1"}]}]


def _extra_exitus(parent: etree._Element) -> None:
    _set_lines(etree.SubElement(parent, "Exitus"), "Stk. 9 ophæves.")


@pytest.mark.parametrize("where,mutate", [
    ("an <Exitus> in <Aendring>", lambda an: _extra_exitus(an.find("Aendring"))),
    ("an <Exitus> in <AendringAktion>", lambda an: _extra_exitus(an.find("Aendring/AendringAktion"))),
    ("text in <Aendring>", lambda an: setattr(an.find("Aendring"), "text", "Stk. 9 ophæves.")),
    ("text in <AendringAktion>", lambda an: setattr(an.find("Aendring/AendringAktion"), "text", "Stk. 9 ophæves.")),
    ("a tail in <Aendring>", lambda an: setattr(an.find("Aendring/AendringDefinition"), "tail", "Stk. 9 ophæves.")),
])
def test_text_in_an_aendring_outside_its_parts_refuses_the_nummer(where, mutate):
    """Every <Aendring> of the corpus holds an <AendringDefinition> and <AendringAktion>s, and every
    <AendringAktion> <AendringNyTekst>s only, with no text between them. Text anywhere else (lov
    651/2013 § 1, nr. 1 given a second instruction "Stk. 9 ophæves." outside them) was left out
    unseen: the nummer was read and executed without it (exit 0, a wrong law text). Now the nummer is
    refused, and the refused nummer's verbatim text holds it."""
    root = etree.fromstring((CORPUS / "2013/2013-651.xml").read_bytes())
    an = root.xpath("//AendringCentreretParagraf")[0].findall("AendringsNummer")[0]
    mutate(an)
    act = amending.read_amending_root(root, "x.xml")
    entry = act.doc["paragraffer"][0]["numre"][0]
    assert "ikke_udført" in entry, where
    reason = "<Aendring> har tekst uden for instruktionen og den nye tekst: »Stk. 9 ophæves.«"
    assert entry["ikke_udført"]["årsag"] == reason
    assert entry["ikke_udført"]["tekst"].endswith("Stk. 9 ophæves.")
    assert f"x.xml:{an.sourceline}: § 1, nr. 1: {reason}" in act.refused


def test_text_directly_in_the_new_text_refuses_the_nummer():
    """Lov 651/2013 § 1, nr. 22 ("Overskriften før § 142 ophæves.") has an empty <AendringNyTekst>;
    given text directly (no <Exitus>/<Linea>), the text was not read and the nummer ran without it."""
    root = etree.fromstring((CORPUS / "2013/2013-651.xml").read_bytes())
    an = root.xpath("//AendringCentreretParagraf")[0].findall("AendringsNummer")[21]
    an.find("Aendring/AendringAktion/AendringNyTekst").text = "»Overskriften før § 143 ophæves.«"
    act = amending.read_amending_root(root, "x.xml")
    entry = act.doc["paragraffer"][0]["numre"][21]
    reason = "<Aendring> har tekst uden for instruktionen og den nye tekst: »»Overskriften før § 143 ophæves.««"
    assert entry == {"nummer": "22", "ikke_udført": {"tekst": "22. Overskriften før § 142 ophæves. "
                                                              "»Overskriften før § 143 ophæves.«", "årsag": reason}}
    assert f"x.xml:{an.sourceline}: § 1, nr. 22: {reason}" in act.refused


def test_a_label_alone_whose_text_is_not_found_is_reported():
    """Lov 573/2011 § 3 is its label alone, its text in the next, unlabelled element. With a second
    label alone ("§ 4") put between them, the text is read as § 4's (the element before it) and § 3
    was kept as "§ 3" under `øvrige` without a word: which § the text is was no longer certain."""
    root = etree.parse(str(lexdania("2011/2011-573.xml"))).getroot()
    p3 = _par(root, "AendringCentreretParagraf", "§ 3")
    p4 = etree.Element("AendringCentreretParagraf")
    etree.SubElement(p4, "Explicatus").text = "§ 4"
    p3.addnext(p4)
    act = amending.read_amending_root(root, "x.xml")
    assert [o["nummer"] for o in act.doc["øvrige"]] == ["3", "4"]
    assert f"x.xml:{p3.sourceline}: § 3 har i kilden kun sin betegnelse, og paragraffens tekst er ikke fundet; den er " \
        "gemt som »§ 3« under øvrige" in act.warnings
