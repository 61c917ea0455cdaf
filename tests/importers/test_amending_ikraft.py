"""Commencement provisions read as data (importers/ikraft.py, `ikrafttræden`): the forms issue 9
(4.) found unread in the corpus, each on its real act, and the measure over all amending acts."""
import collections
import re

import pytest
from lxml import etree

from lawdiff.importers import amending, ikraft
from lawdiff.importers.amending import read_amending_file
from tests.conftest import lexdania


def _rules(path):
    return read_amending_file(lexdania(path)).doc.get("ikrafttræden")


def test_an_exception_that_enters_into_force_later_is_read():
    # lov 745/2014 § 3: "Stk. 2. § 1, nr. 5 og 6, træder først i kraft den 1. januar 2016. Stk. 3. § 1,
    # nr. 13, træder først i kraft den 1. januar 2015." Unread, these numre had the general 1/8/2014.
    assert _rules("2014/2014-745.xml") == [
        {"dato": "2014-08-01"}, {"dato": "2016-01-01", "gælder": ["§ 1, nr. 5 og 6,"]},
        {"dato": "2015-01-01", "gælder": ["§ 1, nr. 13,"]}]
    # "træder dog i kraft den 1. juli 2013" (lov 649/2013 § 16, stk. 2)
    assert {"dato": "2013-07-01", "gælder": ["§ 1, nr. 30, § 2, nr. 1, § 10, nr. 2, og §§ 14 og 15"]} in \
        _rules("2013/2013-649.xml")


def test_the_consolidation_date_of_an_exception_is_its_own():
    from lawdiff.consolidate import Nummer, _ikraft_of

    act = type("A", (), {"ikraft": _rules("2014/2014-745.xml"), "other": []})()
    date = {nr: _ikraft_of(Nummer(act, "1", nr, {}, ()))[0].date for nr in ("4", "5", "6", "13")}
    assert date == {"4": "2014-08-01", "5": "2016-01-01", "6": "2016-01-01", "13": "2015-01-01"}


def test_traeder_i_kraft_og_har_virkning_fra_og_med():
    # lov 1227/2012 (an original act amending others) § 4: "Loven træder i kraft dagen efter
    # bekendtgørelsen i Lovtidende, jf. dog stk. 3. … Stk. 3. § 3 træder i kraft og har virkning fra og
    # med den 1. januar 2013." Unread, the act had no commencement data at all.
    assert _rules("2012/2012-1227.xml") == [{"bekendtgørelse": "dagen efter"},
                                            {"dato": "2013-01-01", "gælder": ["§ 3"]}]


def test_dagen_efter_with_dog_and_lovens_bekendtgoerelse():
    assert {"bekendtgørelse": "dagen efter", "gælder": ["§ 1, nr. 14 og 39,"]} in _rules("2011/2011-465.xml")


def test_minister_forms():
    # "… fastsætter efter aftale med beskæftigelsesministeren og skatteministeren tidspunktet for
    # ikrafttræden af § 3." (lov 702/2010)
    assert {"minister": True, "gælder": ["§ 3"]} in _rules("2010/2010-702.xml")
    # "… fastsætter tidspunktet for lovens ikrafttræden og kan herunder fastsætte, at lovens §§ 1-4
    # træder i kraft på forskellige tidspunkter." (lov 715/2010): the whole act
    assert _rules("2010/2010-715.xml") == [{"minister": True}]


def test_an_unread_sentence_for_part_of_the_act_gives_no_rule_at_all():
    # lov 130/2016 § 2: "§ 1, nr. 2, træder i kraft efter første nyvalg til Folketinget efter lovens
    # ikrafttræden." The general date must not reach § 1, nr. 2: the act gets no rule, with a warning
    act = read_amending_file(lexdania("2016/2016-130.xml"))
    assert act.doc.get("ikrafttræden") is None
    assert any("»§ 1, nr. 2, træder i kraft efter første nyvalg til Folketinget efter lovens ikrafttræden.« "
               "kan ikke læses som en ikrafttrædelsesregel" in w for w in act.warnings)
    # a transitional rule that only mentions commencement is no such sentence
    assert ikraft.unread_commencement("§ 2, nr. 24 og 25, finder ikke anvendelse for klager over afgørelser, "
                                        "der træffes, før bestemmelserne træder i kraft.") == []


@pytest.mark.parametrize("path, sentence", [
    ("2010/2010-716.xml", "Færdselslovens § 119 a, § 119 b, § 126, stk. 1, nr. 9-12, § 127, 1. pkt., og § 133 a som "
                          "affattet eller ændret ved denne lovs § 1, nr. 9-15, 18-21 og 24-29, træder i kraft den 1. "
                          "oktober 2010."),
    ("2011/2011-275.xml", "Dagtilbudslovens § 12, stk. 2 og 3, som affattet ved denne lovs § 1, nr. 8, og § 2 træder i "
                          "kraft den 1. januar 2012."),
])
def test_a_part_named_by_the_amended_laws_words_is_unread_not_given_the_general_date(path, sentence):
    """A commencement sentence whose subject is the amended law's provisions "som affattet ved denne lovs
    § 1, nr. …" (15 sentences in 12 amending acts; review3). No rule read it and none reported it, so the
    act's general date reached those numre with exit 0 (lov 716/2010 § 1, nr. 9-15 ran on 1/7/2010, not
    1/10/2010). Now unread: the act gets no rule, with a warning, and its numre run only with --include."""
    act = read_amending_file(lexdania(path))
    assert act.doc.get("ikrafttræden") is None
    assert any(f"»{sentence}« kan ikke læses som en ikrafttrædelsesregel" in w for w in act.warnings)


def test_denne_lovs_as_the_subject_is_lovens():
    """Lov 1391/2012 § 2: "Stk. 1. Loven træder i kraft den 1. januar 2013, jf. dog stk. 2. Stk. 2. Denne lovs
    § 1, nr. 20, træder i kraft den 1. januar 2016." "Denne lovs § 1, nr. 20" is the act's own nummer, as
    "Lovens § 1, nr. 20" is: nr. 20 gets its own date, the rest the act's."""
    assert _rules("2012/2012-1391.xml") == [{"dato": "2013-01-01"}, {"dato": "2016-01-01", "gælder": ["§ 1, nr. 20,"]}]
    assert _ikraft_of("2012/2012-1391.xml", "1", "20").date == "2016-01-01"
    assert _ikraft_of("2012/2012-1391.xml", "1", "19").date == "2013-01-01"


@pytest.mark.parametrize("sentence", [
    "Bilag 1 til denne lov gælder, indtil § 1 træder i kraft.",  # lov 904/2013
    "Indtil §§ 57 b-57 d som affattet ved denne lovs § 1, nr. 9, træder i kraft, finder overenskomst om almen "
    "praksis anvendelse.",  # lov 1638/2013, shortened
    "Virksomheder skal uanset § 14, stk. 3, i øl- og vinafgiftsloven som affattet ved denne lovs § 4, nr. 2, "
    "opbevare regnskabsmateriale, der udstedes, før § 4, nr. 2, træder i kraft, i 5 år.",  # lov 1361/2010
])
def test_a_clause_of_time_with_denne_lovs_is_no_commencement_rule(sentence):
    assert not ikraft.is_commencement(sentence) and ikraft.unread_commencement(sentence) == []


def _kind(ik) -> str:
    if ik.date:
        return "dato"
    why = ik.pending or ""
    if why == "publication":
        return "dagen efter bekendtgørelsen" if ik.days else "ved bekendtgørelsen"
    if why.startswith("ministeren"):
        return "ministeren"
    if "to måder" in why:
        return "to læsninger (afventer)"
    if "kan ikke læses" in why:
        return "bestemmelse kan ikke læses (afventer)"
    return "ingen regel (afventer)"


@pytest.mark.corpus
def test_commencement_read_as_data_over_the_corpus(corpus_files):
    """Prints how many amending acts' commencement sentences are all read as rules, and the unread
    sentence forms by count."""
    from lawdiff.consolidate import AmendingAct, Nummer, ikraft_of

    acts = full = with_data = 0
    forms: collections.Counter = collections.Counter()
    kinds: collections.Counter = collections.Counter()  # consolidate's entry into force of every nummer
    for f in corpus_files:
        data = f.read_bytes()
        root = etree.fromstring(data)
        if not (root.findtext("Meta/DocumentType") or "").startswith("LOV Æ"):
            continue
        acts += 1
        sents = []
        for el in root.find("DokumentIndhold"):
            # the §§ the reader reads commencement from: also an ændringsparagraf without numre ("§ 2 Loven
            # træder i kraft …" is set as one in 10 acts)
            if el.tag in ("IkraftCentreretParagraf", "Paragraf") or (
                    el.tag == "AendringCentreretParagraf" and el.find("AendringsNummer") is None):
                sents += [s for s in ikraft.sentences(amending._verbatim(el))
                          if ikraft.COMMENCEMENT_SENTENCE.search(s)]
        bad = [s for s in sents if not ikraft.sentence_rules(s)]
        full += bool(sents) and not bad
        doc = amending.read_amending(data, str(f)).doc
        with_data += bool(doc.get("ikrafttræden"))
        act = AmendingAct("x", "x.yaml", "", doc["dato"], "x", [], doc.get("ikrafttræden") or [],
                          [o["tekst"] for o in doc.get("øvrige", [])])
        for par in doc["paragraffer"]:
            for nr in par["numre"]:
                ik = ikraft_of(Nummer(act, str(par["nummer"]), str(nr["nummer"]), {}, ()))
                kinds[_kind(ik)] += 1
        for s in bad if sents else ["(ingen ikrafttrædelsessætning fundet)"]:
            forms[re.sub(r"\d+", "N", re.sub(r"»[^«]*«", "»…«", s))[:100]] += 1
    print(f"\n{acts} ændringslove: ikrafttræden helt læst som data i {full}, regler som data i {with_data}; "
          f"ulæste sætninger efter form:")
    for form, n in forms.most_common(15):
        print(f"  {n:4d}  {form}")
    print("numre efter ikrafttræden (consolidate.ikraft_of): " + ", ".join(f"{k} {n:,}" for k, n in kinds.most_common()))
    assert acts == 1036
    # measured 2026-11-24 (branch fidelity): 1,008 fully read (was 989), 1,027 with rules. Branch ikraft: the
    # §§ the reader reads (also an ændringsparagraf without numre) are measured, the label on the line of the
    # text, "ved bekendtgørelsen", the minister forms above and sentences that are no commencement rule:
    # 1,032 fully read, 1,033 with rules; left: lov 1472/2014 (a protocol's entry into force), lov 130/2016
    # (the next general election) — no date, so their numre stay pending — and two acts with no commencement
    # sentence where this measure looks (lov 643/2013 repeals an act "den 15. juli 2013" and amends nothing;
    # lov 1567/2010's § 4 stands inside a nummer's new text, where the reader's hoist_nested finds it)
    # review3 (2026-11-25): a sentence naming its part by the amended law's words "som affattet ved denne lovs
    # § 1, nr. …" (15 sentences in 12 acts) was not seen, and the act's general date reached those numre;
    # now unread, so those 12 acts give no rule (lowered on purpose: 1,032 -> 1,020 fully read, 1,033 ->
    # 1,021 with rules; 265 numre more are pending without a rule, 10 -> 275, and run only with --include)
    # Then "Denne lovs § 1, nr. 20, træder i kraft …" is read as "Lovens …" (lov 1391/2012): 1,021 and 1,022; 253
    assert full >= 1021 and with_data >= 1022
    # branch ikraft, the numre of these 1,036 acts: 15,409 dated, 1,598 the minister's, 1,521 "dagen efter" and 27
    # "ved bekendtgørelsen", 117 pending with two readings of their rule, 92 whose rule cannot be read, 10 with
    # no rule (the branch's commit messages say which numre moved, over all 19,416 numre with LOV H's)
    assert kinds["ingen regel (afventer)"] <= 253 and kinds["bestemmelse kan ikke læses (afventer)"] <= 92


# --- branch ikraft: forms read since the date path was measured against the chains --------------

def _ikraft_of(path, paragraf, nummer):
    """consolidate's entry into force of one nummer of a real act, from its amendment file's rules."""
    from lawdiff.consolidate import AmendingAct, Nummer, ikraft_of

    doc = read_amending_file(lexdania(path)).doc
    act = AmendingAct("x", "x.yaml", "", doc["dato"], "x", [], doc.get("ikrafttræden") or [],
                      [o["tekst"] for o in doc.get("øvrige", [])])
    return ikraft_of(Nummer(act, paragraf, nummer, {}, ()))


@pytest.mark.parametrize("path", ["2012/2012-159.xml", "2011/2011-1363.xml", "2016/2016-378.xml"])
def test_a_label_on_the_line_of_the_commencement_text_is_no_scope(path):
    # "§ 2 Loven træder i kraft den 1. marts 2012." (the label without its full stop, on the line of the
    # text; 10 acts): read as a rule for "§ 2 Loven" only, the act's ændringsparagraf § 1 had no date
    rules = _rules(path)
    assert len(rules) == 1 and "gælder" not in rules[0], rules
    assert _ikraft_of(path, "1", "1").date or _ikraft_of(path, "1", "1").pending == "publication"


def test_a_commencement_sentence_without_its_full_stop_is_read():
    # lov 705/2010 § 2: "Loven træder i kraft den 1. januar 2011" (no full stop: it was taken for a heading)
    assert _rules("2010/2010-705.xml") == [{"dato": "2011-01-01"}]


def test_traeder_i_kraft_ved_bekendtgoerelsen():
    # "Loven træder i kraft ved bekendtgørelsen i Lovtidende." (lov 399/2016, 1505/2016): the day of
    # publication, not the day after
    assert _rules("2016/2016-399.xml") == [{"bekendtgørelse": "ved"}]
    assert _rules("2016/2016-1705.xml")[0] == {"bekendtgørelse": "ved"}
    ik = _ikraft_of("2016/2016-399.xml", "1", "1")
    assert ik.pending == "publication" and ik.days == 0


def test_more_minister_forms():
    # "Økonomi- og erhvervsministeren bemyndiges til at fastsætte lovens ikrafttrædelsestidspunkt." (lov 619/2011)
    assert _rules("2011/2011-619.xml") == [{"minister": True}]
    # "… fastsætter efter forhandling med justitsministeren, skatteministeren og erhvervsministeren
    # tidspunktet for lovens ikrafttræden." (lov 80/2017; the label "§ 7" on the line of the text)
    assert _rules("2017/2017-80.xml") == [{"minister": True}]
    # plain "Ministeren fastsætter …", its scope named by "jf. denne lovs § 1, nr. 14" (lov 653/2010): the
    # act had no rule at all
    assert _ikraft_of("2010/2010-653.xml", "1", "14").pending.startswith("ministeren fastsætter")
    assert _ikraft_of("2010/2010-653.xml", "1", "17").pending.startswith("ministeren fastsætter")
    assert _ikraft_of("2010/2010-653.xml", "1", "1").date == "2010-07-01"


def test_a_scope_named_by_jf_or_som_affattet_ved_lovens():
    # lov 482/2012 § 2: "Stk. 2. Skatteministeren fastsætter tidspunktet for ikrafttræden af ophævelsen af
    # § 8, stk. 1, nr. 4, i lov om registrering af køretøjer, jf. lovens § 1, nr. 2. Stk. 3. Skatteministeren
    # fastsætter tidspunktet for ikrafttræden af § 12 i lov om registrering af køretøjer som affattet ved
    # lovens § 1, nr. 5." Before: the "jf." part was cut (every nummer pending: the scope could not be
    # read), and "som affattet ved lovens § 1, nr. 5" was read as a § 12 of the act, so that § 1, nr. 5
    # had the general date 6/6/2012 — a wrong date
    assert _ikraft_of("2012/2012-482.xml", "1", "2").pending.startswith("ministeren fastsætter")
    assert _ikraft_of("2012/2012-482.xml", "1", "5").pending.startswith("ministeren fastsætter")
    assert _ikraft_of("2012/2012-482.xml", "1", "1").date == "2012-06-06"
    # lov 478/2012: "… fastsætter tidspunktet for ikrafttræden af 2. pkt. i fodnoten til lovens titel, jf.
    # § 1, nr. 1." (the sentence was split after "jf.")
    assert {"minister": True, "gælder": ["2. pkt. i fodnoten til lovens titel, jf. § 1, nr. 1"]} in \
        _rules("2012/2012-478.xml")
    assert _ikraft_of("2012/2012-478.xml", "2", "1").date == "2012-06-01"


def test_not_commencement_sentences():
    for sentence in [
            "Justitsministeren fastsætter bestemmelser om udstedelse af kørekort til lille knallert til personer, "
            "som inden lovens ikrafttræden er fyldt 18 år.",  # lov 479/2011
            "Loven bortset fra § 1, nr. 15, finder ikke anvendelse for de fællesskabsvirksomheder, hvor der er "
            "aftaler, som træder i kraft senest den 4. juni 2011.",  # lov 281/2011
            "Såfremt skatteministeren fastsætter, at lovens §§ 1, 3 og 4 har virkning for aktier tegnet den 1. "
            "januar 2011 eller senere, kan erklæringer udarbejdes.",  # lov 624/2011
            "§ 1, nr. 18, finder tilsvarende anvendelse for afgørelser, når forskrifterne træder i kraft."]:
        assert not ikraft.COMMENCEMENT_SENTENCE.search(sentence), sentence
    # lov 1564/2015 (LOV H) "§§ 178-184 finder anvendelse på alle kontrakter, efter loven træder i kraft" is
    # no rule for §§ 178-184
    assert _rules("2015/2015-1564.xml") == [{"dato": "2016-01-01"}]


def test_minister_forms_that_gave_the_general_date():
    # Neither matched the commencement sentence at all, so these numre had the act's general date: wrong
    # dates. "Beskæftigelsesministeren fastsætter tidspunktet for ikrafttrædelse af § 2, stk. 2, § 3, stk. 1,
    # nr. 5 og 6, og § 3, stk. 2, som affattet henholdsvis ændret ved denne lovs § 1, nr. 1-4." (lov 430/2010)
    for nr in ("1", "4"):
        assert _ikraft_of("2010/2010-430.xml", "1", nr).pending.startswith("ministeren fastsætter")
    assert _ikraft_of("2010/2010-430.xml", "1", "5").date == "2010-06-01"
    # "… fastsætter ikrafttrædelsestidspunktet for § 89 og § 90 a, stk. 1, 1. pkt., i lov om en aktiv
    # beskæftigelsesindsats som ændret henholdsvis affattet ved denne lovs § 1, nr. 15 og 16, samt for
    # ophævelsen af § 96, stk. 2, 2. pkt., …, jf. denne lovs § 1, nr. 20." (lov 431/2010)
    for nr in ("15", "16", "20"):
        assert _ikraft_of("2010/2010-431.xml", "1", nr).pending.startswith("ministeren fastsætter")
    assert _ikraft_of("2010/2010-431.xml", "1", "9").date == "2010-08-01"
    # "Erhvervs- og vækstministeren bemyndiges til at fastsætte ikrafttrædelsestidspunktet for lovens § 1,
    # nr. 5, 6, 8 og 9, og §§ 4 og 5." (lov 273/2012)
    assert {"minister": True, "gælder": ["§ 1, nr. 5, 6, 8 og 9, og §§ 4 og 5"]} in _rules("2012/2012-273.xml")
    assert _ikraft_of("2012/2012-273.xml", "1", "8").pending.startswith("ministeren fastsætter")
    assert _ikraft_of("2012/2012-273.xml", "1", "7").date == "2012-03-30"
    assert {"minister": True, "gælder": ["§ 3"]} in _rules("2013/2013-1613.xml")
    # "Tidspunktet for ikrafttrædelse af udlændingelovens § 9, stk. 2, 2. pkt., som ændret ved dennes lov § 1,
    # nr. 2, fastsættes af …ministeren" (lov 601/2011; "dennes lov" for "denne lovs" in the source)
    assert _ikraft_of("2011/2011-601.xml", "1", "2").pending.startswith("ministeren fastsætter")
    assert _ikraft_of("2011/2011-601.xml", "1", "1").date == "2011-07-01"
