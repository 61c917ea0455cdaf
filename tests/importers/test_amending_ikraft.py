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


@pytest.mark.corpus
def test_commencement_read_as_data_over_the_corpus(corpus_files):
    """Prints how many amending acts' commencement sentences are all read as rules, and the unread
    sentence forms by count."""
    acts = full = with_data = 0
    forms: collections.Counter = collections.Counter()
    for f in corpus_files:
        data = f.read_bytes()
        root = etree.fromstring(data)
        if not (root.findtext("Meta/DocumentType") or "").startswith("LOV Æ"):
            continue
        acts += 1
        sents = []
        for el in root.find("DokumentIndhold"):
            if el.tag in ("IkraftCentreretParagraf", "Paragraf"):
                sents += [s for s in ikraft.sentences(amending._verbatim(el))
                          if ikraft.COMMENCEMENT_SENTENCE.search(s)]
        bad = [s for s in sents if not ikraft.sentence_rules(s)]
        full += bool(sents) and not bad
        with_data += bool(amending.read_amending(data, str(f)).doc.get("ikrafttræden"))
        for s in bad if sents else ["(ingen ikrafttrædelsessætning fundet)"]:
            forms[re.sub(r"\d+", "N", re.sub(r"»[^«]*«", "»…«", s))[:100]] += 1
    print(f"\n{acts} ændringslove: ikrafttræden helt læst som data i {full}, regler som data i {with_data}; "
          f"ulæste sætninger efter form:")
    for form, n in forms.most_common(15):
        print(f"  {n:4d}  {form}")
    assert acts == 1036
    # measured 2026-11-24 (branch fidelity): 1,008 fully read (was 989), 1,027 with rules
    assert full >= 1008 and with_data >= 1027
