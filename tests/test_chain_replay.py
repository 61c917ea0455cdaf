"""The helpers of the chain replay (tests/chain_replay.py): which ændringsparagraf amends the chain's
act, what the comparison treats as the same text, and the classes of differences."""
from __future__ import annotations

from lawdiff.address import canonical_num
from tests.chain_replay import PH, _PH_TEXT, _ressort, act_names, amends, compare_text, popular_title
from tests.conftest import CORPUS


def test_an_amending_act_is_linked_by_title_short_title_popular_title_or_cited_lbk():
    names = act_names("lov om integration af udlændinge i Danmark (integrationsloven)")
    assert {"integrationsloven", "lov om integration af udlændinge i danmark"} <= names
    assert amends({"lovtitel": "integrationsloven"}, names, set())
    names = act_names("lov om rettens pleje", popular_title(CORPUS / "2010/2010-1237.xml"))
    assert amends({"lovtitel": "retsplejeloven"}, names, set())
    assert amends({"lovtitel": "loven", "henvisning": "lovbekendtgørelse nr. 1008 af 24. oktober 2012"},
                  set(), {"2012/2012-1008"})
    # an act amending an earlier amending act of the same law is not the law itself
    names = act_names("lov om arbejdsløshedsforsikring m.v.")
    assert not amends({"lovtitel": "lov om ændring af lov om arbejdsløshedsforsikring m.v. (Nedsættelse af "
                                   "dagpengeperioden)", "henvisning": "lov nr. 703 af 25. juni 2010"}, names, set())
    assert "nedsættelse af dagpengeperioden" not in act_names("lov om x (Nedsættelse af dagpengeperioden)")


def test_comparison_ignores_spacing_before_punctuation_and_reads_placeholders():
    assert compare_text("el.lign. , og ( a )") == compare_text("el.lign., og (a)")
    assert compare_text("stk. 1") != compare_text("stk.1")  # a missing space inside a citation still differs
    assert compare_text("(Udelades).") == compare_text("(Udeladt).")
    for t in ("§ 10. (ophævet)", "§ 20. (Ophævet.)", "§ 6 a. (Ophævet)"):
        assert _PH_TEXT.match(compare_text(t)), t
    assert canonical_num(_PH_TEXT.match("§ 13 og § 14. (Ophævet).").group("to")) == "14"
    assert not _PH_TEXT.match("§ 10. Ophævet ved lov nr. 1 af 2. januar 2012.")
    assert PH == "(Ophævet)"


def test_ressort_class_needs_every_difference_to_name_a_ministry():
    assert _ressort("Børne- og undervisningsministeren kan", "Undervisningsministeren kan")
    assert _ressort("Social-, børne- og integrationsministeren kan", "Social- og integrationsministeren kan")
    assert not _ressort("stk. 2. Ministeren kan", "stk. 2 eller 6. Ministeren kan")
    assert not _ressort("Socialministeren kan særligt", "Beskæftigelsesministeren kan særlig")
    assert not _ressort(None, "x")


def test_explain_moves_a_difference_only_with_evidence():
    """chain_replay.explain: a § a nummer touched leaves class "lawdiff" only when every difference has
    evidence of being the LBK's own correction (texts from the chains: LBK 1062/2011 § 286, LBK 1028/2013
    § 232, LBK 1139/2013 § 645)."""
    from types import SimpleNamespace

    from tests.chain_replay import explain

    def nummer(**change):
        return SimpleNamespace(data={"ændringer": [change]})

    # "særlig" -> "særligt" in words the base already had, the act quoting other words
    before = "Stk. 2. Er forbrydelser af særlig grov beskaffenhed, straffes med fængsel indtil 8 år."
    got = before.replace("8 år", "10 år")
    want = got.replace("særlig grov", "særligt grov")
    by = [nummer(i="§ 286, stk. 2", ændres="8 år", til="10 år")]
    assert explain(want, got, before, by) == "redaktionel: tekst ingen nummer skrev"
    # ... but not when the act's own words are the LBK's (a change lawdiff failed to make)
    assert explain(want, got, before, by + [nummer(i="§ 286", ændres="særlig grov", til="særligt grov")]) is None
    # the act's own quotation ends "år." where the LBK prints "år"
    by = [nummer(i="§ 232", ændres="fængsel indtil 2 år.", til="fængsel indtil 4 år.")]
    assert explain("Straffes med fængsel indtil 4 år", "Straffes med fængsel indtil 4 år.",
                   "Straffes med fængsel indtil 2 år.", by) == "redaktionel: rettelse af lovens ord"
    # a number is never a typo
    assert explain("efter stk. 6, gælder", "efter stk. 4, gælder", "efter stk. 3, gælder",
                   [nummer(ændres="stk. 3", til="stk. 4")]) is None
    # a whole sentence that no quotation holds
    assert explain("Stk. 1. A b c.", "Stk. 1. A b c. Ny sætning fra loven her.", "Stk. 1. A b c.",
                   [nummer(tekst="Ny sætning fra loven her.")]) is None
    # the LBK keeps a § the act rewrote away
    assert explain("§ 645. Gammel tekst.", None, "§ 645. Gammel tekst.", []) == \
        "redaktionel: LBK beholder ophævet tekst"


def test_explain_an_lbk_that_left_out_a_nummer_at_one_place():
    """"LBK udførte ikke nummeret" (LBK 1065/2012 § 22 and lov 574/2012 § 1, nr. 7): the LBK still
    prints the words the executed nummer removes at one place; only that class, and only when changing
    that place as the nummer says leaves no other difference than the editorial classes allow."""
    from types import SimpleNamespace

    from tests.chain_replay import explain

    def nummer(**change):
        return SimpleNamespace(data={"ændringer": [change]})

    before = "1) meddeler ministeren, Center for Energibesparelser eller Energiklagenævnet urigtige oplysninger"
    got = before.replace(", Center for Energibesparelser", "")
    by = [nummer(i="§ 21, stk. 1, og § 22, stk. 1, nr. 1", udgår=", Center for Energibesparelser")]
    assert explain(before, got, before, by) == "redaktionel: LBK udførte ikke nummeret"
    # with a renaming of the minister beside it (the LBK's own, no act states it)
    want = before.replace("ministeren", "klima-, energi- og bygningsministeren")
    assert explain(want, got, before, by) == "redaktionel: LBK udførte ikke nummeret"
    # never when lawdiff's text differs otherwise: another word lawdiff wrote is not the LBK's
    assert explain(before, got.replace("urigtige", "forkerte"), before, by) is None
    # never when the base did not have the words (the LBK's words are then not a nummer left out)
    assert explain(before, got, got, by) != "redaktionel: LBK udførte ikke nummeret"
    # an "ændres" left out: the LBK keeps the old words where the nummer writes new ones
    by = [nummer(i="§ 5", ændres="8 år", til="10 år")]
    assert explain("straffes med fængsel indtil 8 år.", "straffes med fængsel indtil 10 år.",
                   "straffes med fængsel indtil 8 år.", by) == "redaktionel: LBK udførte ikke nummeret"


def test_cited_title_class_needs_an_overalt_nummer_and_a_cited_title():
    from types import SimpleNamespace

    from tests.chain_replay import cited_title

    by = [SimpleNamespace(data={"ændringer": [{"overalt": True, "ændres": "Elevrefusion", "til": "Uddannelsesbidrag"}]})]
    want = "Stk. 2. Lov om Arbejdsgivernes Elevrefusion, jf. lovbekendtgørelse nr. 169 af 12. marts 2008, ophæves."
    got = want.replace("Elevrefusion", "Uddannelsesbidrag")
    assert cited_title(want, got, want, by) == "overalt i en citeret lovs titel (advarsel)"
    # not a cited act's title: no such class
    plain = "Stk. 2. Arbejdsgivernes Elevrefusion opkræver bidrag."
    assert cited_title(plain, plain.replace("Elevrefusion", "Uddannelsesbidrag"), plain, by) is None
    # not an "overalt" nummer
    by2 = [SimpleNamespace(data={"ændringer": [{"i": "§ 33", "ændres": "Elevrefusion", "til": "Uddannelsesbidrag"}]})]
    assert cited_title(want, got, want, by2) is None


def test_superseded_needs_a_later_rewrite_of_the_same_place():
    from types import SimpleNamespace

    from tests.chain_replay import superseded

    words = " ".join(f"ord{i}" for i in range(30))
    early = SimpleNamespace(act=SimpleNamespace(id="lov-2012-924", date="2012-09-18"),
                            data={"ændringer": [{"affattes": "§ 3, stk. 1", "tekst": f"A. personbiler {words}"}]})
    later = SimpleNamespace(act=SimpleNamespace(id="lov-2012-1353", date="2012-12-21"),
                            data={"ændringer": [{"affattes": "§ 3", "tekst": f"§ 3. A. biler {words.replace('ord29', 'x')}"}]})
    want, got = f"§ 3. A. personbiler {words}", f"§ 3. A. biler {words.replace('ord29', 'x')}"
    assert superseded(want, got, [early, later]) == "redaktionel: LBK udførte ikke nummeret"
    # a later rewrite of another place is no evidence (lawdiff may have failed to make the earlier change)
    other = SimpleNamespace(act=later.act, data={"ændringer": [{"affattes": "§ 3, stk. 2", "tekst": "Stk. 2. Ny."}]})
    assert superseded(want, got, [early, other]) is None
    # nor an earlier act's rewrite of a later act's text
    assert superseded(want, got, [SimpleNamespace(act=SimpleNamespace(id="x", date="2013-01-01"), data=early.data),
                                  later]) is None


def test_explain_an_lbk_that_prints_other_words_than_a_nummers_new_words():
    """LBK 466/2013 § 23 a, stk. 2 prints "Ministeren for Forskning, Innovation og Videregående Uddannelser"
    where lov 478/2012, § 2, nr. 22 writes "Ministeriet for … eller en statslig myndighed under ministeriet":
    lawdiff's words there are the nummer's verbatim, the LBK's are a ministry's name. Other words on the
    LBK's side, or a nummer that did not write lawdiff's words, leave it "lawdiff" (None)."""
    from types import SimpleNamespace

    from tests.chain_replay import explain

    new = "Ministeriet for Forskning, Innovation og Videregående Uddannelser eller en statslig myndighed under ministeriet"
    by = [SimpleNamespace(data={"ændringer": [{"i": "§ 23 a, stk. 2, 2. pkt.", "ændres": "Søfartsstyrelsen", "til": new}]})]
    before = "§ 23 a. Dokumenter kan udstedes med angivelse af Søfartsstyrelsen som afsender."
    got = f"§ 23 a. Dokumenter kan udstedes med angivelse af {new} som afsender."
    lbk = "§ 23 a. Dokumenter kan udstedes med angivelse af Ministeren for Forskning, Innovation og Videregående " \
          "Uddannelser som afsender."
    assert explain(lbk, got, before, by) == "redaktionel: LBK afviger fra nummerets nye ord"
    assert explain(lbk.replace("Ministeren for Forskning, Innovation og Videregående Uddannelser",
                               "Københavns Universitet"), got, before, by) is None
    other = [SimpleNamespace(data={"ændringer": [{"i": "§ 23 a", "ændres": "Søfartsstyrelsen", "til": "Styrelsen"}]})]
    assert explain(lbk, got, before, other) is None


def test_an_amending_paragraf_is_linked_by_the_acts_it_cites_som_aendret():
    """Lov 1609/2010, § 1 amends "lov om en børnefamilieydelse" (the act's title before lov 624/2010 renamed it)
    "som ændret ved § 1 i lov nr. 318 af 30. april 2008, § 102 i lov nr. 1336 af 19. december 2008, …": every
    one of those acts (and §) is in LBK 339/2011's preamble, so it amends the chain's act. One act alone,
    an act the preamble does not name, or another § of a named act is not enough."""
    from tests.chain_replay import cites_the_preamble

    cited = {"lov-2008-318": {None}, "lov-2008-1336": {("102", None)}, "lov-2010-624": {("1", None)}}
    par = {"som_ændret": "ved § 1 i lov nr. 318 af 30. april 2008, § 102 i lov nr. 1336 af 19. december 2008 og "
                         "§ 1 i lov nr. 624 af 11. juni 2010"}
    assert cites_the_preamble(par, cited)
    assert not cites_the_preamble({"som_ændret": "ved § 1 i lov nr. 624 af 11. juni 2010"}, cited)
    assert not cites_the_preamble({"som_ændret": par["som_ændret"].replace("§ 102", "§ 103")}, cited)
    assert not cites_the_preamble({"som_ændret": par["som_ændret"] + " og lov nr. 5 af 1. maj 2010"}, cited)
    assert not cites_the_preamble({"som_ændret": "ved § 10 i lov nr. 922 og § 1 i lov nr. 928 begge af 18. september "
                                                 "2012"}, {"lov-2012-928": {None}, "lov-2012-922": {None}})
