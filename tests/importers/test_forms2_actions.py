"""A nummer whose new text stands in the second <AendringAktion> of its <Aendring>, the first one empty (issue 8,
brief forms2): lov 1543/2016 § 2, nr. 8, lov 626/2016 § 1, nr. 21 and lov 532/2015 § 14, nr. 1 were refused ("har
mere end én instruktion eller ny tekst") and printed without the »…« Lovtidende prints around the new text. The
one action with text is the nummer's; two with text are still refused."""
from __future__ import annotations

import pytest
from lxml import etree

from lawdiff.importers.amending import official_text, read_amending_file, read_nummer
from lawdiff.changes.common import Unreadable
from lawdiff.text import norm
from tests.conftest import lexdania
from tests.test_engine_acts import corpus_act, run


def _nummer(act: str, paragraf: str, nummer: str) -> dict:
    doc = read_amending_file(lexdania(act + ".xml")).doc
    par = next(x for x in doc["paragraffer"] if x["nummer"] == paragraf)
    return next(x for x in par["numre"] if x["nummer"] == nummer)


@pytest.mark.parametrize("act,paragraf,nummer,want", [
    ("2016/2016-1543", "2", "8", [{"affattes": "overskriften før § 57", "tekst": "Beslutninger", "punktum_efter": True}]),
    ("2016/2016-626", "1", "21", [{"affattes": "overskriften til kapitel 4", "tekst": "Kapitel 4\nInformation og "
                                   "administrativt samarbejde med EU- og EØS-lande", "punktum_efter": True}]),
])
def test_the_action_with_the_new_text_is_read(act, paragraf, nummer, want):
    assert _nummer(act, paragraf, nummer)["ændringer"] == want


def test_the_official_text_quotes_the_new_text():
    root = etree.parse(str(lexdania("2016/2016-1543.xml"))).getroot()
    an = next(a for a in root.iter("AendringsNummer") if "Overskriften før § 57 affattes" in norm(" ".join(a.itertext())))
    assert official_text(an) == "8. Overskriften før § 57 affattes således: »Beslutninger«."


def test_executed_on_the_posting_of_workers_act():
    """Lov 626/2016 § 1, nr. 21 on LBK 342/2014: chapter 4's heading, without its label line."""
    lr = run("2014/2014-342", _nummer("2016/2016-626", "1", "21")["ændringer"])
    heads = {u.num: u.heading.text for u in lr.new.walk() if u.kind == "chapter"}
    assert heads["4"] == "Information og administrativt samarbejde med EU- og EØS-lande"
    base = {u.num: u.heading.text for u in corpus_act("2014/2014-342").walk() if u.kind == "chapter"}
    assert {k: v for k, v in heads.items() if k != "4"} == {k: v for k, v in base.items() if k != "4"}


_TWO = ("<AendringsNummer><Explicatus>1.</Explicatus><Aendring><AendringDefinition><Linea><Char>Overskriften før § 57 "
        "affattes således:</Char></Linea></AendringDefinition>{}</Aendring></AendringsNummer>")
_ACTION = "<AendringAktion><AendringNyTekst>{}</AendringNyTekst></AendringAktion>"
_HEAD = "<ParagrafGruppe><Rubrica><Linea><Char>{}</Char></Linea></Rubrica></ParagrafGruppe>"


def test_two_actions_with_text_are_refused():
    an = etree.fromstring(_TWO.format(_ACTION.format("") + _ACTION.format(_HEAD.format("A")) +
                                      _ACTION.format(_HEAD.format("B"))))
    with pytest.raises(Unreadable, match="mere end én instruktion eller ny tekst"):
        read_nummer(an, [])
    one = etree.fromstring(_TWO.format(_ACTION.format("") + _ACTION.format(_HEAD.format("A"))))
    assert read_nummer(one, [])["ændringer"] == [{"affattes": "overskriften før § 57", "tekst": "A"}]
