"""Forms found in real ændringsdefinitioner of acts outside the corpus (tests/fixtures/real-instructions,
issue 8): each sentence as the act prints it, read into data and worded back, or refused with the reason."""
from __future__ import annotations

import pytest

from lawdiff.changes.common import Unreadable
from lawdiff.changes.nummer import format_sentence, read_sentence


def _read(text: str) -> list[dict]:
    out = read_sentence(text, [])
    assert format_sentence(out) == text
    return out


def test_a_place_after_a_list_takes_over_only_the_part_the_list_shares():
    # lov nr. 1717/2016 (tests/fixtures/real-instructions/2016.txt.gz): "i stk. 1, 2. pkt." after "§ 26, stk. 1, 1. pkt., og stk. 2,
    # 2. pkt." is § 26, stk. 1, 2. pkt. (it was read as "§ 26, og stk. 2, stk. 1, 2. pkt." and refused)
    text = ("I § 26, stk. 1, 1. pkt., og stk. 2, 2. pkt., ændres »han« til: »denne«, i stk. 1, 2. pkt., ændres »Han« "
            "til: »Arbejdslederen«, i stk. 2, 1. pkt., ændres »han« til: »arbejdslederen«, og i stk. 2, 2. pkt., ændres "
            "»hans« til: »arbejdslederens«.")
    assert [c["i"] for c in _read(text)] == ["§ 26, stk. 1, 1. pkt., og stk. 2, 2. pkt.", "§ 26, stk. 1, 2. pkt.",
                                             "§ 26, stk. 2, 1. pkt.", "§ 26, stk. 2, 2. pkt."]


@pytest.mark.parametrize("place,rel", [
    ("§ 26, stk. 1, og stk. 2", "2. pkt."),  # was: stk. 1 whole and stk. 2, 2. pkt.
    ("§ 26, stk. 1 og 2", "2. pkt."),  # was: § 26, 2. pkt. (the stk. left out)
    ("§ 26, stk. 1-3", "2. pkt."),  # was: § 26, 2. pkt.
    ("§ 3 a, stk. 4, 3. pkt., stk. 5 og stk. 6, 2. pkt.", "nr. 2"),  # was: § 3 a, stk. 4, nr. 2 (the first stk.)
])
def test_a_place_after_a_list_that_could_be_any_of_its_units_is_refused(place, rel):
    text = f"I {place}, ændres »han« til: »denne«, og i {rel} ændres »Han« til: »Arbejdslederen«."
    with pytest.raises(Unreadable, match=f"»{rel}« henviser til »{place}«, der nævner flere steder"):
        read_sentence(text, [])


def test_a_place_after_a_list_of_paragraffer_is_refused():
    # it was read as the last address's (§ 27, stk. 3), which could as well be § 26's: refused as after a list
    # of stk. (review4; tests/changes/test_review4_readings.py)
    text = "I § 26 og § 27, stk. 2, ændres »han« til: »denne«, og i stk. 3 ændres »Han« til: »Arbejdslederen«."
    with pytest.raises(Unreadable, match="»stk. 3« henviser til »§ 26 og § 27, stk. 2«, der nævner flere steder"):
        read_sentence(text, [])


def test_a_place_after_a_counted_part_of_a_list():
    # lov nr. 268/2014: "i 3. pkt." after "stk. 1, 2. og 3. pkt., og to steder i 4. pkt." is stk. 1, 3. pkt.
    # (it was read as "§ 84 c, stk. 1, og to steder i 4. pkt., 3. pkt.": 4. pkt. and 3. pkt.)
    text = ("I § 84 c, stk. 1, 2. og 3. pkt., og to steder i 4. pkt. ændres »tilsynsreaktionen« til: »reaktionen«, "
            "i 3. pkt. ændres »tilsynsreaktion« til: »reaktion«, og i 8. og 9. pkt. ændres »Tilsynsreaktioner« til: "
            "»Reaktioner«.")
    assert [c["i"] for c in _read(text)] == ["§ 84 c, stk. 1, 2. og 3. pkt., og to steder i 4. pkt.",
                                             "§ 84 c, stk. 1, 3. pkt.", "§ 84 c, stk. 1, 8. og 9. pkt."]


def test_words_changed_in_a_list_of_punktummer_named_after_the_verb():
    # lov nr. 268/2014, five times: "ændres i 2., 3. og to steder i 4. pkt. »…« til: »…«" is the place
    # "stk. 1, 2., 3. og to steder i 4. pkt." (read as "I § 84 c, stk. 1, 2. og 3. pkt., og to steder i 4. pkt.
    # ændres" is); the 3. pkt. after it is of the same stk.
    text = ("I § 171, stk. 1, ændres i 2., 3. og to steder i 4. pkt. »tilsynsreaktionen« til: »reaktionen«, i 3. pkt. "
            "ændres »tilsynsreaktion« til: »reaktion«, og i 8. pkt. ændres »Tilsynsreaktioner« til: »Reaktioner«.")
    got = _read(text)
    assert [c["i"] for c in got] == ["§ 171, stk. 1, 2., 3. og to steder i 4. pkt.", "§ 171, stk. 1, 3. pkt.",
                                     "§ 171, stk. 1, 8. pkt."]
    assert got[0]["delt"] == 2
    assert [c["i"] for c in _read("I § 5 ændres i 2. og 3. pkt. »a« til: »b«.")] == ["§ 5, 2. og 3. pkt."]


def test_words_changed_in_two_punktummer_named_after_the_verb_are_changed_in_both():
    from lawdiff.address import resolve
    from lawdiff.render.text import plain_text
    from tests.lbk_apply import apply_to

    # LBK 930/2012 § 65, stk. 1: "… efter reglerne i Haagerkonventionen …" (1. pkt.), "Klagerne behandles efter
    # reglerne i denne lov." (2. pkt.)
    [ch] = read_sentence("I § 65, stk. 1, ændres i 1. og 2. pkt. »reglerne« til: »bestemmelserne«.", [])
    assert ch["i"] == "§ 65, stk. 1, 1. og 2. pkt."
    lr = apply_to("2012/2012-930.xml", [{k: ch[k] for k in ("i", "ændres", "til")}])  # a proposal has no wording keys
    got = plain_text(resolve(lr.new, "§ 65, stk. 1").units[0])
    assert "reglerne" not in got and got.endswith("behandles efter bestemmelserne i denne lov.")


@pytest.mark.parametrize("text,reason", [
    ("I overskriften til § 3, stk. 1, tabel A og B, ændres »personbiler m.v.« til: »biler m.v.«",  # lov 1532/2014
     "stedet er en del af en tabel i loven"),
])
def test_forms_lawdiff_does_not_read_are_refused_with_the_reason(text, reason):
    with pytest.raises(Unreadable) as e:
        read_sentence(text, [])
    assert str(e.value).startswith(reason) and "sætningen kan ikke læses ved »" in str(e.value)


def test_der_missing_before_bliver_is_a_typo_read_with_a_warning():
    # lov nr. 1715/2016: "I § 60, stk. 8, 1. pkt., bliver stk. 7, 1. pkt., ændres …" (for "der bliver")
    text = ("I § 60, stk. 8, 1. pkt., bliver stk. 7, 1. pkt., ændres »§ 58, stk. 1, nr. 3, 4 og 5,« til: »§ 58 c«, efter "
            "»kommunalbestyrelsen« indsættes: », regionsrådet«, og »erhvervs- og vækstministeren« ændres til: "
            "»miljø- og fødevareministeren«.")
    warnings: list[str] = []
    got = read_sentence(text, warnings)
    assert format_sentence(got) == text  # printed as the act has it
    assert [(c["i"], c["der_bliver"]) for c in got] == [("§ 60, stk. 8, 1. pkt.", "stk. 7, 1. pkt.")] * 3
    assert any("»der« mangler foran »bliver« (trykfejl)" in w for w in warnings)


def test_a_unit_that_udgår_is_repealed():
    # lov nr. 472/2013, five times: "§ 21, stk. 2, nr. 2, udgår." (the verb of words, used of a nummer): read as
    # its repeal, worded as printed (`verbum: udgår`, as "… udgår, og i stedet indsættes:" already was)
    assert _read("§ 21, stk. 2, nr. 2, udgår.") == [{"ophæves": "§ 21, stk. 2, nr. 2", "verbum": "udgår"}]


def test_a_counted_change_of_words_after_an_insertion_at_the_same_place():
    # lov nr. 1490/2014: "…, og to steder ændres »…« til: »…«" after "indsættes efter »…«: »…«" (the count was
    # read only after a change of words)
    text = ("I § 347 a indsættes efter »finansielle virksomheders«: », finansielle holdingvirksomheders og "
            "forsikringsholdingvirksomheders«, og to steder ændres »den finansielle virksomhed« til: »virksomheden«.")
    got = _read(text)
    assert (got[1]["i"], got[1]["antal"], got[1]["ændres"]) == ("§ 347 a", 2, "den finansielle virksomhed")
    with pytest.raises(Unreadable):  # without its verb it would take the verb of an insertion
        read_sentence("I § 5 udgår »a«, og to steder »b« til: »c«.", [])


def test_a_counted_insertion_after_a_change_at_the_same_place():
    # lov nr. 1549/2016 § 1 (tests/fixtures/real-instructions/2016.txt.gz), three times: "…, og to steder indsættes
    # efter »koncernen«: »eller gruppen«" after a change of words is an insertion at both places of the same stk.
    # (it was refused: the follow-on clause was read only with "ændres" after the count)
    text = ("I § 175 b, stk. 3, der bliver stk. 4, ændres »stk. 4« til: »stk. 5«, og to steder indsættes efter "
            "»koncernen«: »eller gruppen«.")
    first, second = _read(text)
    assert (second["i"], second["der_bliver"], second["antal"]) == ("§ 175 b, stk. 3", "stk. 4", 2)
    assert (second["indsættes_efter"], second["tekst"]) == ("koncernen", "eller gruppen")
    assert "antal" not in first
    text = ("I § 175 b, stk. 9, der bliver stk. 10, ændres »omfattet af stk. 1« til: »og gruppen omfattet af stk. 1 og 2«, "
            "to steder indsættes efter »solvenskapitalkravet for koncernen«: »eller gruppen«, »stk. 3 og 4« ændres til: "
            "»stk. 4 og 5«, og efter »model for koncernen« indsættes: »eller gruppen«.")
    assert [c.get("antal") for c in _read(text)] == [None, 2, None, None]


def test_a_counted_insertion_after_a_change_is_made_at_each_place():
    from lawdiff.address import resolve
    from lawdiff.render.text import plain_text
    from tests.lbk_apply import apply_to

    # LBK 930/2012 § 65, stk. 1: "reglerne" in its 1. and 2. pkt.
    first, second = read_sentence("I § 65, stk. 1, ændres »Klagerne« til: »Sagerne«, og to steder indsættes efter "
                                  "»reglerne«: »herom«.", [])
    keep = ("i", "ændres", "til", "indsættes_efter", "tekst", "antal")
    lr = apply_to("2012/2012-930.xml", [{k: c[k] for k in keep if k in c} for c in (first, second)])
    got = plain_text(resolve(lr.new, "§ 65, stk. 1").units[0])
    assert got.count("reglerne herom") == 2 and got.endswith("Sagerne behandles efter reglerne herom i denne lov.")
    with pytest.raises(Exception, match="2 gange|antal"):  # three places said, two found: refused
        apply_to("2012/2012-930.xml", [{"i": "§ 65, stk. 1", "indsættes_efter": "reglerne", "tekst": "herom",
                                        "antal": 3}])


def test_a_comma_for_the_full_stop_after_a_punktum_number_is_read_as_a_warned_typo():
    # lov nr. 1569/2015 (tests/fixtures/real-instructions/2015.txt.gz): "stk. 5, 1, pkt.," can only be 1. pkt.; it
    # was refused
    text = ("I § 10, stk. 5, 1, pkt., indsættes efter »direktøren«: »eller en ansat, der er udpeget som nøgleperson efter "
            "§ 4 a, stk. 4«, og »§ 4 a, stk. 2, nr. 1« ændres til: »§ 4 a, stk. 2, nr. 1, jf. stk. 5«.")
    warnings: list[str] = []
    got = read_sentence(text, warnings)
    assert [c["i"] for c in got] == ["§ 10, stk. 5, 1. pkt.", "§ 10, stk. 5, 1. pkt."]
    assert got[0]["trykfejl"] == [["stk. 5, 1. pkt.", "stk. 5, 1, pkt."]] and "komma for punktum efter tallet" in warnings[0]
    assert format_sentence(got) == text  # printed as the act has it
    # lov nr. 631/2016: the typo in the new number, after the same punktum number without it (the repair is recorded
    # with its stk., so that the right "1. pkt." is printed back with the comma; it was refused so)
    text = ("I § 34, stk. 5, 1. pkt., der bliver stk. 3, 1, pkt., ændres »Revisortilsynet« til: »Erhvervsstyrelsen«, og i "
            "stk. 5, 2. pkt., der bliver stk. 3, 2. pkt., ændres »Erhvervs- og Selskabsstyrelsen« til: »Erhvervsstyrelsen«.")
    got = read_sentence(text, [])
    assert [(c["i"], c["der_bliver"]) for c in got] == [("§ 34, stk. 5, 1. pkt.", "stk. 3, 1. pkt."),
                                                        ("§ 34, stk. 5, 2. pkt.", "stk. 3, 2. pkt.")]
    assert format_sentence(got) == text


@pytest.mark.parametrize("text", [
    # lov nr. 1631/2013 (tests/fixtures/real-instructions/2013.txt.gz)
    "I bilag 1 i afsnittet om kort over oversvømmelsesrisikoen, litra c, ændres »miljømålslovens § 7, stk. 1, nr. 1, 3, "
    "og 5« til: »§ 16, stk. 1, nr. 1, 3 og 4, i om lov om vandplanlægning«.",
    "I bilag 2 ændres i 2. afsnit »fastsatte miljømål, jf. miljømålslovens § 10« til: »miljømål fastsat i regler "
    "udstedt med hjemmel i § 7, stk. 1, i lov om vandplanlægning«.",
])
def test_a_part_of_an_annex_named_by_its_subject_or_number_is_refused_with_the_reason(text):
    with pytest.raises(Unreadable, match="stedet er et afsnit i et bilag, nævnt ved sit emne eller sit nummer"):
        read_sentence(text, [])


def test_words_that_go_listed_before_the_verb_after_a_change():
    # lov nr. 632/2016 § 6 (tests/fixtures/real-instructions/2016.txt.gz): "…, »A« og »B« udgår, og efter »C« indsættes:
    # »D«" after a change of words: A and B go at the same place (it was refused at »A« og)
    text = ("I § 93, stk. 1, 1. pkt., ændres »§ 27, stk. 1, stk. 2, 1.-3. pkt., og stk. 7 og 13,« til: »§ 27, stk. 1 og 2,«, "
            "»§ 28 a, stk. 1, 1. og 2. pkt., stk. 3, 3. pkt., og stk. 6, § 28 b, stk. 1,« og »§ 37, stk. 1-5, stk. 6, 1. pkt., "
            "stk. 7, 1. pkt., og stk. 8 og 9,« udgår, og efter »Fællesskabet« indsættes: »og artikel 16, stk. 1 og 2«.")
    got = _read(text)
    assert [c.get("udgår") for c in got] == [None, "§ 28 a, stk. 1, 1. og 2. pkt., stk. 3, 3. pkt., og stk. 6, § 28 b, stk. 1,",
                                             "§ 37, stk. 1-5, stk. 6, 1. pkt., stk. 7, 1. pkt., og stk. 8 og 9,", None]
    assert {c["i"] for c in got} == {"§ 93, stk. 1, 1. pkt."}
    assert [c.get("udgår") for c in _read("I § 5 ændres »a« til: »b«, »c«, »d« og »e« udgår.")] == [None, "c", "d", "e"]


def test_words_that_go_listed_before_the_verb_go_each():
    from lawdiff.address import resolve
    from lawdiff.render.text import plain_text
    from tests.lbk_apply import apply_to

    # LBK 930/2012 § 65, stk. 1: "… efter reglerne i Haagerkonventionen af 19. oktober 1996 … Klagerne behandles efter
    # reglerne i denne lov."
    changes = read_sentence("I § 65, stk. 1, ændres »Klagerne« til: »Sagerne«, »i denne lov« og »i Haagerkonventionen« "
                            "udgår.", [])
    lr = apply_to("2012/2012-930.xml", [{k: c[k] for k in ("i", "ændres", "til", "udgår") if k in c} for c in changes])
    got = plain_text(resolve(lr.new, "§ 65, stk. 1").units[0])
    assert "Haagerkonventionen" not in got and "efter reglerne af 19. oktober 1996" in got
    assert got.endswith("Sagerne behandles efter reglerne.")


def test_a_colon_after_udgaar_is_read_as_a_warned_typo():
    # lov nr. 665/2016 (tests/fixtures/real-instructions/2016.txt.gz): "udgår: »…«" as "ændres: »…«" (it was refused)
    warnings: list[str] = []
    text = "I § 13, stk. 13, udgår: »eller efter § 16 a i integrationsloven«."
    [ch] = read_sentence(text, warnings)
    assert (ch["i"], ch["udgår"], ch["verbum_kolon"]) == ("§ 13, stk. 13", "eller efter § 16 a i integrationsloven", True)
    assert "»udgår:« har et kolon i kilden" in warnings[0] and format_sentence([ch]) == text
    # the forms around it read as before
    assert _read("I § 5 udgår i 2. pkt. to steder »a«.")[0] == {"i": "§ 5, 2. pkt.", "delt": 1, "udgår": "a", "antal": 2,
                                                                  "antal_efter_verbum": True}


@pytest.mark.parametrize("text,first,anchor,gone", [
    # lov 403/2014 (tests/fixtures/real-instructions/2014.txt.gz)
    ("I § 97, stk. 1, indsættes efter »bilag 1, nr. 7,«: »samt betalingsmodtagere og andre«, og efter »§ 84, stk. 1,« "
     "udgår »og«.", {"i": "§ 97, stk. 1", "indsættes_efter": "bilag 1, nr. 7,"}, "§ 84, stk. 1,", "og"),
    # lov 647/2016 (2016.txt.gz)
    ("I § 137 m, stk. 3, 1. pkt., udgår »anbringelsesstedet, jf. § 66, stk. 1, nr. 5 og 6, og«, og efter »tilsyn med« "
     "udgår »anbringelsesstedet eller«.", {"i": "§ 137 m, stk. 3, 1. pkt.",
                                           "udgår": "anbringelsesstedet, jf. § 66, stk. 1, nr. 5 og 6, og"},
     "tilsyn med", "anbringelsesstedet eller"),
])
def test_words_that_go_right_after_other_words(text, first, anchor, gone):
    # "…, og efter »A« udgår »B«": the words B where they stand right after A go, at the place of the change
    # before (they were refused as a form lawdiff did not read)
    one, two = _read(text)
    assert {k: one[k] for k in first} == first
    assert two == {"i": first["i"], "udgår": gone, "udgår_efter": anchor, "samme_sted": True}


def _apply_act_changes(changes: list[dict]):
    """`changes` (as the reader gives them, wording keys and all) as nummer 1 of an amending act on
    LBK 863/2013 (udlændingeloven, the law lov 1619/2013 amends)."""
    import copy

    from lawdiff.engine import apply_proposal
    from lawdiff.importers import amending
    from lawdiff.importers.lexdania import read_lexdania_file
    from lawdiff.proposal import parse_proposal
    from tests.conftest import lexdania

    base = read_lexdania_file(lexdania("2013/2013-863.xml"), law="x").act
    doc = copy.deepcopy(amending.read_amending_file(lexdania("2013/2013-1619.xml")).doc)
    p = doc["paragraffer"][0]
    p["lov"], p["numre"] = "x", [{"nummer": "1", "ændringer": changes}]
    doc["paragraffer"], doc["love"] = [p], {"x": f"x@{base.date}"}
    doc.pop("øvrige", None)
    return apply_proposal(parse_proposal(amending.dump(doc).encode(), "a.yaml"), {"x": base})["x"]


@pytest.mark.corpus
def test_words_that_go_right_after_other_words_are_executed_there_only():
    # LBK 863/2013 § 29 a, stk. 1: "En udlænding kan afvises, overføres eller tilbageføres til et andet EU-land efter
    # reglerne i Dublinforordningen eller efter en overenskomst eller et hertil svarende arrangement, …": lov 1619/2013
    # § 1, nr. 1 makes it "afvises eller overføres"; here worded with the form of lov 403/2014. Only the »eller« after
    # »overføres« goes, the three others stay.
    from lawdiff.address import resolve
    from lawdiff.render.text import plain_text

    text = ("I § 29 a, stk. 1, ændres »afvises, overføres« til: »afvises eller overføres«, og efter »overføres« udgår "
            "»eller tilbageføres«.")
    lr = _apply_act_changes(_read(text))
    got = plain_text(resolve(lr.new, "§ 29 a, stk. 1").units[0])
    assert got.startswith("En udlænding kan afvises eller overføres til et andet EU-land efter reglerne i "
                          "Dublinforordningen eller efter en overenskomst eller et hertil svarende arrangement")
    assert got.count("eller") == 4 and "tilbageføres" not in got


@pytest.mark.corpus
def test_words_that_do_not_stand_right_after_the_anchor_are_refused():
    from lawdiff.errors import LawdiffError

    text = "I § 29 a, stk. 1, ændres »En udlænding« til: »En person«, og efter »afvises« udgår »tilbageføres«."
    with pytest.raises(LawdiffError, match=r"ændring 2: »tilbageføres« står ikke lige efter »afvises«: "
                                           r"»afvises tilbageføres« findes ikke i § 29 a, stk\. 1"):
        _apply_act_changes(_read(text))


def test_a_range_of_lettered_paragraffer_ending_in_a_letter_alone():
    # lov 615/2013 § 1, nr. 71 (tests/fixtures/real-instructions/2013.txt.gz): "§§ 34 c-f" is §§ 34 c-34 f (it was
    # refused: the citation grammar stopped at the »f«)
    from lawdiff.address import parse_citation

    [ch] = _read("§§ 34 c-f ophæves, og i stedet indsættes: »§ 34 c. Ny tekst.«")
    assert ch["ophæves"] == "§§ 34 c-f"
    assert [(c.address.section, c.address.section_to) for c in parse_citation("§§ 34 c-f og 35")] == \
        [("34 c", "34 f"), ("35", None)]
    assert [str(c) for c in parse_citation("§ 5 a-c")] == ["§§ 5 a-5 c"]


@pytest.mark.corpus
def test_a_range_of_lettered_paragraffer_ending_in_a_letter_alone_is_executed():
    # LBK 863/2013 (udlændingeloven) has §§ 9 a-9 h: "§§ 9 d-f ophæves" repeals §§ 9 d, 9 e and 9 f, as "§§ 9 d-9 f"
    from lawdiff.address import resolve
    from lawdiff.errors import AddressError
    from lawdiff.render.text import plain_text
    from tests.lbk_apply import apply_to

    short, full = (apply_to("2013/2013-863.xml", [{"ophæves": c}]).new for c in ("§§ 9 d-f", "§§ 9 d-9 f"))
    for gone in ("§ 9 d", "§ 9 e", "§ 9 f"):
        with pytest.raises(AddressError):
            resolve(short, gone)
    assert [s.num for s in short.sections()] == [s.num for s in full.sections()]
    assert [plain_text(s) for s in short.sections()] == [plain_text(s) for s in full.sections()]
    assert plain_text(resolve(short, "§ 9 g").units[0]).replace("\xa0", " ").startswith(
        "§ 9 g. En ansøgning om opholdstilladelse")


def test_a_new_stk_after_a_repealed_one_goes_in_the_paragraf():
    # lov 1549/2016 § 1 (tests/fixtures/real-instructions/2016.txt.gz): "I § 373 ophæves stk. 9, og efter stk. 10, der
    # bliver stk. 9, indsættes som stk. 10-12:"; worded without "der bliver", the new stk. was read into
    # "§ 373, stk. 9", the stk. just repealed: it goes in § 373
    from lawdiff.importers.amending import read_nummer
    from tests.importers.real_instructions import nummer_xml

    def read(s):
        return read_nummer(nummer_xml(s, None), [])["ændringer"]

    assert read("I § 373 ophæves stk. 9, og efter stk. 10 indsættes som nye stykker:")[1]["i"] == "§ 373"
    assert read("§ 2 a, stk. 2, affattes således: »x«, og efter stk. 4 indsættes som nyt stykke:")[1]["i"] == "§ 2 a"
    assert read("I § 2 a, stk. 2, ophæves 2. pkt., og efter 3. pkt. indsættes:")[1]["i"] == "§ 2 a, stk. 2"
    assert read("I § 2 a, stk. 2, ændres »a« til: »b«, og efter 3. pkt. indsættes:")[1]["i"] == "§ 2 a, stk. 2"
    # read since forms2: the anchor as the act cites it, the number the earlier clause gives it, the new numbers
    ch = read("I § 373 ophæves stk. 9, og efter stk. 10, der bliver stk. 9, indsættes som stk. 10-12:")[1]
    assert (ch["i"], ch["efter"], ch["anker_der_bliver"], ch["som"]) == ("§ 373", "stk. 10", "stk. 9", "stk. 10-12")


@pytest.mark.corpus
def test_a_new_stk_after_a_repealed_one_is_executed_in_the_paragraf():
    # LBK 863/2013 § 2 a has 9 stk.: stk. 2 repealed, a new stk. after (the old) stk. 4, which becomes stk. 4
    from lawdiff.importers.amending import read_nummer
    from lawdiff.render.text import plain_text
    from tests.importers.real_instructions import nummer_xml

    changes = read_nummer(nummer_xml("I § 2 a ophæves stk. 2, og efter stk. 4 indsættes som nyt stykke:", None),
                          [])["ændringer"]
    changes[1]["tekst"] = "Stk. 4. Nyt stykke."
    new = _apply_act_changes(changes).new
    [sec] = [s for s in new.sections() if s.num == "2 a"]
    texts = [plain_text(c).replace("\xa0", " ") for c in sec.children]
    assert len(texts) == 9 and texts[3] == "Stk. 4. Nyt stykke." and texts[1].startswith("Stk. 2. Ved Schengengrænsekodeksen")
