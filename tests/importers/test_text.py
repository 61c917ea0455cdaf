"""Importing text copied from a retsinformation.dk page."""
import pytest

from lawdiff.address import resolve
from lawdiff.errors import MappingError
from lawdiff.importers.text import parse_source, read_text
from lawdiff.render.text import plain_text
from lawdiff.text import norm

# LAB § 68 a as published (LBK 1342/2016), copied with its no-break spaces
PAGE = """Kapitel 12 a

Ressourceforløb

§ 68 a. Personer under 40 år, der har komplekse problemer ud over ledighed, der ikke har kunnet løses gennem en indsats efter denne lov eller efter lov om aktiv socialpolitik, og som kræver et helhedsorienteret forløb med en kombination af indsats efter denne lov og sociale eller sundhedsmæssige indsatser, skal tilbydes et ressourceforløb, jf. dog stk. 2. Det er endvidere en betingelse, at personen
1) har modtaget længerevarende offentlig forsørgelse,
2) har deltaget i tilbud efter denne lov eller revalidering efter kapitel 6 i lov om aktiv socialpolitik uden at have øget tilknytningen til arbejdsmarkedet, eller
3) at kommunen vurderer, at der er behov for en længerevarende indsats, før der kan fastsættes et konkret beskæftigelsesmål.
Stk.\u00a02. Personer, hvor det som følge af svær sygdom eller på grund af betydelige funktionsnedsættelser er åbenbart formålsløst at forsøge at udvikle deres arbejdsevne i et ressourceforløb, er undtaget fra stk. 1.
"""


def test_text_import_matches_the_official_xml(store):
    act = read_text(PAGE, "page.txt", "lab", "LBK nr. 1342 af 21/11/2016", "lov om en aktiv beskæftigelsesindsats")
    assert act.date == "2016-11-21" and act.source == "LBK nr. 1342 af 21/11/2016"
    mine = resolve(act, "§ 68 a").units[0]
    assert [c.num for c in mine.children] == ["1", "2"]
    assert [c.num for c in mine.children[0].children] == ["1", "2", "3"]
    official = resolve(store.load("lab@2016-11-21"), "§ 68 a").units[0]
    for i in (0, 1):
        assert norm(plain_text(mine.children[i])) == norm(plain_text(official.children[i]))
    assert mine.eid == "sec_68a" and mine.children[0].children[2].eid == "sec_68a__subsec_1__para_3"
    chapter = act.body[0]
    assert chapter.num == "12 a" and chapter.heading.text == "Ressourceforløb"


def test_bad_source_and_empty_text():
    with pytest.raises(MappingError, match="kilden"):
        parse_source("LBK 1342 2016")
    with pytest.raises(MappingError, match="ingen paragraffer"):
        read_text("Kapitel 1\nFormål\n", "x.txt", "x", "LOV nr. 1 af 01/01/2020")


def test_mellemrubrik_between_sections_is_not_glued_onto_the_previous_section():
    page = ("Kapitel 1\nFormål\n§ 1. Loven gælder for alle.\nStk. 2. Den gælder også for andre.\n"
            "Ansøgning om tilskud\n§ 2. Kommunen træffer afgørelse.\n§ 3.\n(Ophævet)\n§ 4. Slut.\n")
    act = read_text(page, "x.txt", "x", "LOV nr. 1 af 01/01/2020")
    s1 = resolve(act, "§ 1").units[0]
    assert s1.children[1].own_lines() == ["Den gælder også for andre."]
    [group] = [u for u in act.walk() if u.kind == "group"]
    assert group.heading.text == "Ansøgning om tilskud" and [s.num for s in group.children] == ["2", "3", "4"]
    assert resolve(act, "§ 3").units[0].children[0].own_lines() == ["(Ophævet)"]


def test_two_stacked_headings_need_a_provision_ended_before_them():
    """Two lines without closing punctuation before a § are two mellemrubrikker (lov 495/2013, § 1, nr. 14:
    "De enkelte indgreb / Indskrænkning i den anbragtes adgang til internet og telefon / § 137 g.") only
    after a provision that ends: a formula that a colon introduces is the § text, never a heading over no §."""
    def groups(act):
        return [u.heading.text for u in act.walk() if u.kind == "group"]

    stacked = read_text("Kapitel 1\nAlmindelige regler\n§ 1. Loven gælder for anbragte.\nDe enkelte indgreb\n"
                        "Indskrænkning i adgangen til telefon\n§ 2. Ministeren fastsætter regler.",
                        "x", "x", "LOV nr. 1 af 01/01/2000")
    assert groups(stacked) == ["De enkelte indgreb", "Indskrænkning i adgangen til telefon"]
    formula = read_text("Kapitel 1\nAlmindelige regler\n§ 1. Tilskuddet beregnes efter følgende formel:\n"
                        "Tilskud = Udgift x Sats\nSærlige regler\n§ 2. Ministeren fastsætter regler.",
                        "x", "x", "LOV nr. 1 af 01/01/2000")
    assert groups(formula) == ["Særlige regler"]
    assert plain_text(resolve(formula, "§ 1").units[0]).endswith("følgende formel: Tilskud = Udgift x Sats")
