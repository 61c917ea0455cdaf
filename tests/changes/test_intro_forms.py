"""Intros of ændringsparagraffer in the rarer forms real acts use (changes/intro.py), each with the real
sentence: read into the right act, printed back word for word, or refused with a Danish reason."""
import pytest

from lawdiff.changes import intro


def _read(text: str) -> dict:
    d = intro.read(text)
    assert d is not None, intro.refusal(text)
    assert intro.format(d) == text
    return d


@pytest.mark.parametrize("text, titel", [
    # a comma before "foretages" that is no part of the title (the title had it: a wrong title, no link)
    ("I lov nr. 1504 af 27. december 2009 om offentligt hasardspil i turneringsform, foretages følgende ændringer:",
     "lov om offentligt hasardspil i turneringsform"),
    ("I lov nr. 626 af 8. juni 2016 om ændring af lov om udstationering af lønmodtagere m.v., foretages følgende "
     "ændring:", "lov om ændring af lov om udstationering af lønmodtagere m.v."),
    ("I lov nr. 1374 af 23. december 2012 om uddannelsesordning for ledige, som har opbrugt deres dagpengeret, "
     "foretages følgende ændring:", "lov om uddannelsesordning for ledige, som har opbrugt deres dagpengeret"),
])
def test_comma_before_foretages_is_not_part_of_the_title(text, titel):
    d = _read(text)
    assert d["lovtitel"] == titel and d["komma_før_foretages"] is True


def test_missing_comma_after_som_aendret():
    d = _read("I udlændingeloven, jf. lovbekendtgørelse nr. 863 af 25. juni 2013, som ændret ved lov nr. 572 af "
              "31. maj 2010 foretages følgende ændringer:")
    assert d["lovtitel"] == "udlændingeloven" and d["henvisning"] == "lovbekendtgørelse nr. 863 af 25. juni 2013"
    assert d["som_ændret"] == "ved lov nr. 572 af 31. maj 2010" and d["komma_før_foretages"] is False


def test_a_passed_bill_is_not_part_of_the_title_nor_of_the_acts():
    # lov nr. 307 af 30. april 2008 as amended by a bill: the bill was read into the title
    d = _read("I lov nr. 307 af 30. april 2008 om sikkerhed ved bestemte idrætsbegivenheder, som ændres ved det af "
              "Folketinget den 3. juni 2013 vedtagne forslag til lov om ændring af lov om sikkerhed ved bestemte "
              "idrætsbegivenheder (Forstærket indsats mod uroligheder i forbindelse med fodboldkampe), foretages "
              "følgende ændringer:")
    assert d["lovtitel"] == "lov om sikkerhed ved bestemte idrætsbegivenheder" and "som_ændret" not in d
    assert d["som_ændres"].startswith("ved det af Folketinget den 3. juni 2013 vedtagne forslag")
    # … and into the list of acts that amended the act
    d = _read("I lov om en aktiv beskæftigelsesindsats, jf. lovbekendtgørelse nr. 990 af 12. september 2014, som "
              "ændret ved § 2 i lov nr. 720 af 25. juni 2014, og som ændres ved det af Folketinget den 18. december "
              "2014 vedtagne forslag til lov om ændring af lov om en aktiv beskæftigelsesindsats, lov om "
              "arbejdsløshedsforsikring m.v. og forskellige andre love (Reform af beskæftigelsesindsatsen, et fælles "
              "og intensiveret kontaktforløb, uddannelsesløft, styrket rådighed og målretning af virksomhedsrettede "
              "tilbud m.v.), foretages følgende ændringer:")
    assert d["som_ændret"] == "ved § 2 i lov nr. 720 af 25. juni 2014"
    assert intro.amended_by(d["som_ændret"]) == [{"paragraf": "2", "lov": "lov nr. 720 af 25. juni 2014"}]
    assert d["som_ændres"].startswith("ved det af Folketinget den 18. december 2014 vedtagne forslag")


@pytest.mark.parametrize("text, titel, henvisning, form", [
    ("I lov om restrukturering og afvikling af visse finansielle virksomheder, jf. lov nr. 333 af 31. marts 2015, "
     "foretages følgende ændring:", "lov om restrukturering og afvikling af visse finansielle virksomheder",
     "lov nr. 333 af 31. marts 2015", intro.JF),
    ("I SCE-loven, jf. lov nr. 454 af 22. maj 2006, som ændret ved § 7 i lov nr. 516 af 12. juni 2009, foretages "
     "følgende ændring:", "SCE-loven", "lov nr. 454 af 22. maj 2006", intro.JF),
    ("I lov nr. 567 af 9. juni 2006, lodsloven, foretages følgende ændringer:", "lodsloven",
     "lov nr. 567 af 9. juni 2006", intro.NR_TITEL),
    ("I lov om seniorjob, lov nr. 1543 af 20. december 2006, som ændret ved § 4 i lov nr. 483 af 12. juni 2009, "
     "§ 4 i lov nr. 1540 af 21. december 2010 og § 4 i lov nr. 928 af 18. september 2012, foretages følgende "
     "ændring:", "lov om seniorjob", "lov nr. 1543 af 20. december 2006", intro.TITEL_NR),
    ("I lov nr. 223 af 22. marts 2011 for Grønland om visse spil foretages følgende ændringer:",
     "lov for Grønland om visse spil", "lov nr. 223 af 22. marts 2011", None),
    ("I lov nr. 467 af 17. juni 2008 for Færøerne om oplysninger, der skal medsendes om betaler ved "
     "pengeoverførsler, foretages følgende ændringer:",
     "lov for Færøerne om oplysninger, der skal medsendes om betaler ved pengeoverførsler",
     "lov nr. 467 af 17. juni 2008", None),
])
def test_other_orders_of_title_and_henvisning(text, titel, henvisning, form):
    d = _read(text)
    assert (d["lovtitel"], d["henvisning"], d.get("form")) == (titel, henvisning, form)


@pytest.mark.parametrize("text, why", [
    # the title would hold the "som ændret" clause (the reader took it into the title)
    ("I lov nr. 397 af 10. juni 1987 om sundhedsvæsenets centralstyrelse m.v., som senest ændret ved lov nr. 369 "
     "af 6. juni 1991, foretages følgende ændringer:", "»som … ændret«"),
    ("I lov om DSB, jf. lovbekendtgørelse af 1184 af 12. oktober 2010, som ændret ved lov nr. 1402 af 23. december "
     "2012 og lov nr. 686 af 27. maj 2015, foretages følgende ændringer:", "nævner ikke loven"),
    ("I lov om lægemidler, jf. lovbekendtgørelse nr. 506 af 20. april 2013, som ved § 1 i lov nr. 518 af 26. maj "
     "2014, § 2 i lov nr. 542 af 29. april 2015, § 36 i lov nr. 426 af 18. maj 2016 og § 38 i lov nr. 620 af 8. "
     "juni 2016, foretages følgende ændring:", "ikke en kendt form"),
    ("I artikel 25 foretages følgende ændringer:", "nævner ikke loven"),
    ("I indtægtsgrundlaget efter stk. 1 og 2 foretages følgende fradrag:", "»I … foretages følgende ændring:«"),
])
def test_refused_with_a_reason(text, why):
    assert intro.read(text) is None
    assert why in intro.refusal(text)


def test_amended_by_reads_the_list_of_acts():
    som = ("bl.a. ved § 13 i lov nr. 1287 af 19. december 2012, § 28 i lov nr. 639 af 12. juni 2013, § 13 i lov nr. "
           "268 af 25. marts 2014 og § 12 i lov nr. 403 af 28. april 2014 og senest ved § 12 i lov nr. 1490 af "
           "23. december 2014")  # lov nr. 697 af 25. juni 2010 om pantebrevsselskaber
    assert [a.get("paragraf") for a in intro.amended_by(som)] == ["13", "28", "13", "12", "12"]
    assert intro.amended_by("ved lov nr. 422 af 10. juni 1997") == [{"lov": "lov nr. 422 af 10. juni 1997"}]
    # a typo in the source (lovbekendtgørelse nr. 128 af 31. januar 2017): not a date, not read
    assert intro.amended_by("ved § 1 i lov nr. 624 af 8. juni af 2016 og lov nr. 1718 af 27. december 2016") is None
    assert intro.amended_by("ved § 10 i lov nr. 922 og § 1 i lov nr. 928 begge af 18. september 2012") is None


class _Store:
    """The part of a store link() reads: one act, arbejdsløshedsforsikringsloven, at LBK 838/2011."""
    def titles(self):
        return {"lov om arbejdsløshedsforsikring m.v.": ["arbejdsløshedsforsikring"]}

    def headers(self, law):
        return [("2011-07-04", "Lov om arbejdsløshedsforsikring m.v.", "LBK nr. 838 af 04/07/2011")]

    def versions(self, law):
        return ["2011-07-04"]

    def names(self):  # (Store.names and Store.cited_by came with the lead's linking by name and cited LBK)
        return {"lov om arbejdsløshedsforsikring m.v.": ["arbejdsløshedsforsikring"]}

    def cited_by(self, source):
        return ["arbejdsløshedsforsikring"] if source == "LBK nr. 838 af 04/07/2011" else []


def test_an_intro_building_on_a_passed_bill_is_linked_with_a_note():
    # lov nr. 152 af 28/02/2012, § 1: "I lov om arbejdsløshedsforsikring m.v., jf. lovbekendtgørelse nr. 838
    # af 4. juli 2011, som ændret ved …, og som ændres ved det af Folketinget den 23. februar 2012 vedtagne
    # forslag til lov om ændring af lov om en aktiv beskæftigelsesindsats og forskellige andre love …"
    from lawdiff.importers.amending import link, read_amending_file
    from tests.conftest import CORPUS

    doc = read_amending_file(CORPUS / "2012" / "2012-152.xml").doc
    par = doc["paragraffer"][0]
    assert par["henvisning"] == "lovbekendtgørelse nr. 838 af 4. juli 2011"
    assert par["som_ændret"].endswith("§ 1 i lov nr. 1365 af 28. december 2011")
    notes = link(doc, _Store())
    assert par["lov"] == "arbejdsløshedsforsikring"
    assert [n for n in notes if n.startswith("§ 1:")] == [
        "§ 1: indledningen bygger på arbejdsløshedsforsikring@2011-07-04, som ændres ved det af Folketinget den "
        "23. februar 2012 vedtagne forslag til lov om ændring af lov om en aktiv beskæftigelsesindsats og "
        "forskellige andre love (Forenkling af beskæftigelsesindsatsen m.v.); lovforslagets ændringer skal være "
        "udført, før denne paragraf udføres"]


def test_the_importer_says_why_an_intro_is_not_read():
    # lov nr. 172 af 27. februar 2016, § 1: "I lov om DSB, jf. lovbekendtgørelse af 1184 af 12. oktober 2010, …"
    from lawdiff.importers.amending import read_amending_file
    from tests.conftest import CORPUS

    act = read_amending_file(CORPUS / "2016" / "2016-172.xml")
    assert act.doc["paragraffer"][0]["indledning"].startswith("I lov om DSB, jf. lovbekendtgørelse af 1184 af")
    assert "lovtitel" not in act.doc["paragraffer"][0]
    assert [w for w in act.warnings if "indledningen" in w] == [
        "2016-172.xml: § 1: indledningen kan ikke læses som data: den nævner ikke loven med »jf. "
        "lovbekendtgørelse nr. N af D« eller »lov nr. N af D« (nummer og fuld dato); den ændrede lov kan ikke "
        "bestemmes sikkert; gemt ordret, og ændringsparagraffen kobles ikke til en lov"]
