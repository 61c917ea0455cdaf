"""changes/annex.py: changes addressed to an annex (bilag), executed on real act versions with the
real amending acts' own annexes; and refused, naming act, § and nummer, where not certain."""
from __future__ import annotations

import re

import pytest

from lawdiff.engine.run import apply_proposal
from lawdiff.errors import LawdiffError
from lawdiff.importers.amending import dump, read_amending_file
from lawdiff.importers.lexdania import read_lexdania_file
from lawdiff.model import Line, Table
from lawdiff.proposal import parse_proposal, select
from lawdiff.render.text import annex_lines
from tests.conftest import lexdania


def _run(act, amending: str, par: str, numre: list[str], edit=None):
    """The act after the numre `numre` of § `par` of the real amending act `amending`."""
    act.law = "x"
    doc = read_amending_file(lexdania(amending)).doc
    for p in doc["paragraffer"]:
        if p["nummer"] == par:
            p["lov"] = "x"
    doc["love"] = {"x": act.key}
    if edit:
        edit(doc)
    prop = select(parse_proposal(dump(doc).encode(), amending), par, numre)
    return apply_proposal(prop, {"x": act})["x"].new


def _no_rykning(doc) -> None:
    """An edit for _run: the amending act without its rykningsklausuler."""
    for p in doc["paragraffer"]:
        for n in p["numre"]:
            n.pop("rykning", None)


def _lines(annex) -> list[str]:
    return annex_lines(annex)[1:]


def test_annexes_rewritten_by_the_amending_acts_own_annexes_and_repealed():
    """Elafgiftsloven (LBK 310/2011): lov 70/2013 § 1, nr. 7 "Bilag 4-7 affattes som bilag 1 til denne
    lov" (one annex of the act holding four), then lov 903/2013 § 3, nr. 16-19: bilag 2 and 5 rewritten
    as bilag 2 and 3 to that act, bilag 3, 6 and 7 repealed."""
    act = read_lexdania_file(lexdania("2011/2011-310.xml")).act
    assert [a.label for a in act.annexes] == [f"Bilag {n}" for n in range(1, 8)]
    a1 = _run(act, "2013/2013-70.xml", "1", ["7"])
    assert [a.label for a in a1.annexes] == [f"Bilag {n}" for n in range(1, 8)]
    a2 = _run(a1, "2013/2013-903.xml", "3", ["16", "17", "18", "19"])
    assert [a.label for a in a2.annexes] == ["Bilag 1", "Bilag 2", "Bilag 4", "Bilag 5"]
    assert _lines(a2.annexes[0]) == _lines(act.annexes[0])  # untouched
    # the new bilag 2 is lov 903/2013's bilag 2 without its printed label "»Bilag 2" and the quotes
    own = read_amending_file(lexdania("2013/2013-903.xml")).doc["bilag"][1]
    texts = [b for b in own.get("overskrift", []) + own["indhold"] if isinstance(b, str)]
    assert re.match(r"^»\s*Bilag 2$", texts[0])
    got = [b.text for b in a2.annexes[1].headings + a2.annexes[1].body if isinstance(b, Line)]
    assert got == [t for t in texts[1:] if t.strip("«")] and not any("»" in t[:1] for t in got)
    assert any(isinstance(b, Table) for b in a2.annexes[1].body)
    assert "1. jan. - 31. dec. 2014" in " ".join(_lines(a2.annexes[1]))


def test_words_in_an_item_of_an_annex():
    """CPR-loven (LBK 5/2013), lov 311/2014 § 1, nr. 5: "I bilag 1, nr. 10, udgår »…« og samme sted
    ændres »stk. 3« til: »stk. 2«" (the act writes no-break spaces: matched as spaces)."""
    act = read_lexdania_file(lexdania("2013/2013-5.xml")).act
    new = _run(act, "2014/2014-311.xml", "1", ["5"])
    [line] = [b.text for b in new.annexes[0].body if isinstance(b, Line) and b.text.startswith("10)")]
    assert "forskerhenvendelse" not in line
    assert line.endswith("jf. §\xa029, stk. 2.") and "stk.\xa01, eller markering" in line


def test_words_that_do_not_stand_in_the_annex_are_refused():
    """Lov 1556/2016 § 1, nr. 1 cites »… biografforestillinger m.v.« in bilag 1 of LBK 1165/2016, which
    prints "mv.": refused, never guessed."""
    act = read_lexdania_file(lexdania("2016/2016-1165.xml")).act
    with pytest.raises(LawdiffError) as e:
        _run(act, "2016/2016-1556.xml", "1", ["1"])
    assert "§ 1, nr. 1" in e.value.message and "står 0 gange i bilag 1" in e.value.message


def test_an_annex_the_act_does_not_have_is_refused():
    act = read_lexdania_file(lexdania("2011/2011-310.xml")).act
    act.annexes = act.annexes[:2]
    with pytest.raises(LawdiffError) as e:
        _run(act, "2013/2013-903.xml", "3", ["17"])
    assert "§ 3, nr. 17" in e.value.message and "loven har ikke bilag 3" in e.value.message


def test_a_missing_annex_of_the_amending_act_is_refused():
    act = read_lexdania_file(lexdania("2011/2011-310.xml")).act

    def drop(doc):
        del doc["bilag"]

    with pytest.raises(LawdiffError) as e:
        _run(act, "2013/2013-903.xml", "3", ["16"], drop)
    assert "§ 3, nr. 16" in e.value.message and "bilag 2 til denne lov" in e.value.message


def test_a_new_annex_goes_in_number_order_and_a_taken_number_is_refused():
    act = read_lexdania_file(lexdania("2011/2011-310.xml")).act

    def insert(numre_as: str):
        def edit(doc):
            for p in doc["paragraffer"]:
                if p["nummer"] == "3":
                    p["numre"] = [{"nummer": "16", "ændringer": [{"ny": "bilag", "som": numre_as, "fra_bilag": "1"}]}]
            doc["bilag"][0] = {"betegnelse": "Bilag 1", "indhold": [f"»{numre_as.capitalize()}", "Ny tekst.«"]}
        return edit

    new = _run(act, "2013/2013-903.xml", "3", ["16"], insert("bilag 3 a"))
    assert [a.label for a in new.annexes][2:5] == ["Bilag 3", "Bilag 3 a", "Bilag 4"]
    assert _lines(new.annexes[3]) == ["Ny tekst."]
    act = read_lexdania_file(lexdania("2011/2011-310.xml")).act
    with pytest.raises(LawdiffError) as e:
        _run(act, "2013/2013-903.xml", "3", ["16"], insert("bilag 3"))
    assert "loven har allerede bilag 3" in e.value.message


def test_new_text_whose_label_is_another_annex_is_refused():
    act = read_lexdania_file(lexdania("2011/2011-310.xml")).act

    def edit(doc):
        doc["bilag"][1]["indhold"] = ["»Bilag 9", "Tekst.«"]
        doc["bilag"][1].pop("overskrift", None)

    with pytest.raises(LawdiffError) as e:
        _run(act, "2013/2013-903.xml", "3", ["16"], edit)
    assert "den nye tekst er bilag 9, men skal være bilag 2" in e.value.message


def _one_change(change: dict, own: list[dict]):
    def edit(doc):
        for p in doc["paragraffer"]:
            if p["nummer"] == "3":
                p["numre"] = [{"nummer": "16", "ændringer": [change]}]
        doc["bilag"] = own
    return edit


def test_annex_repealed_and_replaced_by_the_acts_own_annexes():
    """"Bilag 3 ophæves, og i stedet indsættes bilag 3 og 3 a, der affattes som bilag 1 og 2 til denne lov"
    (the form of lov 535/2010 § 1, nr. 27), on elafgiftsloven's annexes."""
    act = read_lexdania_file(lexdania("2011/2011-310.xml")).act
    own = [{"betegnelse": "Bilag 1", "indhold": ["»Bilag 3", "Ny tekst 3."]},
           {"betegnelse": "Bilag 2", "indhold": ["Bilag 3 a", "Ny tekst 3 a.«"]}]
    change = {"ophæves": "bilag 3", "som": "bilag 3 og 3 a", "fra_bilag": "1 og 2", "der_affattes": True}
    new = _run(act, "2013/2013-903.xml", "3", ["16"], _one_change(change, own))
    assert [a.label for a in new.annexes] == ["Bilag 1", "Bilag 2", "Bilag 3", "Bilag 3 a", "Bilag 4", "Bilag 5",
                                              "Bilag 6", "Bilag 7"]
    assert _lines(new.annexes[2]) == ["Ny tekst 3."] and _lines(new.annexes[3]) == ["Ny tekst 3 a."]
    # without numbers ("… og i stedet indsættes bilag 1 til denne lov") the text's label numbers it
    change = {"ophæves": "bilag 3", "fra_bilag": "1"}
    new = _run(read_lexdania_file(lexdania("2011/2011-310.xml")).act, "2013/2013-903.xml", "3", ["16"],
               _one_change(change, own))
    assert [a.label for a in new.annexes][2] == "Bilag 3" and _lines(new.annexes[2]) == ["Ny tekst 3."]


def test_annex_inserted_after_another_and_an_empty_own_annex_is_refused():
    act = read_lexdania_file(lexdania("2011/2011-310.xml")).act
    change = {"ny": "bilag", "efter": "bilag 7", "som": "bilag 8", "fra_bilag": "1", "der_affattes": True}
    new = _run(act, "2013/2013-903.xml", "3", ["16"], _one_change(change, [{"betegnelse": "Bilag 1",
                                                                             "indhold": ["»Bilag 8", "Satser.«"]}]))
    assert [a.label for a in new.annexes][-2:] == ["Bilag 7", "Bilag 8"] and _lines(new.annexes[-1]) == ["Satser."]
    # lov 632/2011's bilag 1 is a picture: no text to insert
    act = read_lexdania_file(lexdania("2011/2011-310.xml")).act
    with pytest.raises(LawdiffError) as e:
        _run(act, "2013/2013-903.xml", "3", ["16"], _one_change(change, [{"betegnelse": "Bilag 1",
                                                                           "overskrift": ["»Bilag 8"], "indhold": []}]))
    assert "§ 3, nr. 16" in e.value.message and "er tom" in e.value.message


def test_an_annex_inserted_after_another_with_its_label_in_a_tables_first_row():
    """Lov 625/2011 § 1, nr. 12 and 15 on elafgiftsloven (LBK 310/2011): "Efter bilag 3 indsættes som bilag
    3 a:" and "Efter bilag 7 indsættes som bilag 8:", the new text a table whose first row is the one cell
    "Bilag 3 a. Satser for elafgiftslovens § 11, stk. 3": the label and the heading, as the act's own
    annexes have them; the table's other rows are the annex's table."""
    act = read_lexdania_file(lexdania("2011/2011-310.xml")).act
    new = _run(act, "2011/2011-625.xml", "1", ["12", "15"])
    assert [a.label for a in new.annexes] == ["Bilag 1", "Bilag 2", "Bilag 3", "Bilag 3 a", "Bilag 4", "Bilag 5",
                                              "Bilag 6", "Bilag 7", "Bilag 8"]
    a3a = new.annexes[3]
    assert a3a.num == "3 a" and [h.text for h in a3a.headings] == ["Satser for elafgiftslovens § 11, stk. 3"]
    [table] = a3a.body
    assert [c.text for c in table.rows[-1]] == ["Tilbagebetaling", "øre/kWh", "11,8", "12,0", "12,2"]
    assert [h.text for h in new.annexes[8].headings] == ["Satser for elafgiftslovens § 11, stk. 19"]


def test_an_annex_out_of_number_order_is_refused():
    act = read_lexdania_file(lexdania("2011/2011-310.xml")).act

    def edit(doc):
        for p in doc["paragraffer"]:
            for n in p["numre"]:
                if p["nummer"] == "1" and n["nummer"] == "12":
                    n["ændringer"][0]["efter"] = "bilag 5"
    with pytest.raises(LawdiffError) as e:
        _run(act, "2011/2011-625.xml", "1", ["12"], edit)
    assert "bilag 3 a kan ikke stå efter bilag 5" in e.value.message and "§ 1, nr. 12" in e.value.message


def test_items_of_a_list_in_an_annex_inserted_and_repealed():
    """Opkrævningsloven (LBK 1402/2010), bilag 1, liste A (nr. 1-33, then »Liste B«): lov 551/2012 § 20,
    nr. 1 "I bilag 1, liste A, indsættes som nr. 34: »34) …«", lov 247/2011 § 27, nr. 2 "… som nr. 35",
    lov 1395/2012 § 8, nr. 2 "Bilag 1, liste A, nr. 35, ophæves."; each item only where certain."""
    base = read_lexdania_file(lexdania("2010/2010-1402.xml")).act
    # lov 247/2011 inserts nr. 35; the act as printed in LBK 1402/2010 ends with nr. 33: refused
    with pytest.raises(LawdiffError) as e:
        _run(base, "2011/2011-247.xml", "27", ["2"])
    assert "bilag 1, liste A slutter med nr. 33; nr. 35 kan ikke indsættes som det næste" in e.value.message
    a = _run(read_lexdania_file(lexdania("2010/2010-1402.xml")).act, "2012/2012-551.xml", "20", ["1"])
    b = _run(a, "2011/2011-247.xml", "27", ["2"])
    lines = _lines(b.annexes[0])
    at = lines.index("Liste B")
    assert lines[at - 3:at + 1] == ["33) Lov om afgift af mineralsk fosfor i foderfosfat.",
                                    "34) Lov om afgift af skadesforsikringer.",
                                    "35) Lov om afgift af mættet fedt i visse fødevarer (fedtafgiftsloven).", "Liste B"]
    c = _run(b, "2012/2012-1395.xml", "8", ["2"])
    lines = _lines(c.annexes[0])
    assert lines[lines.index("Liste B") - 1] == "34) Lov om afgift af skadesforsikringer."
    assert len(lines) == len(_lines(b.annexes[0])) - 1
    # lov 698/2010 § 39, nr. 1 "Bilag 1, liste A, nr. 32, ophæves. Nr. 33 og 34 bliver herefter nr. 32 og 33."
    # cites the list before LBK 1402/2010 (which has it executed: nr. 34 is gone): the clause does not fit
    with pytest.raises(LawdiffError) as e:
        _run(read_lexdania_file(lexdania("2010/2010-1402.xml")).act, "2010/2010-698.xml", "39", ["1"])
    assert ("rykningsklausulen »Nr. 33 og 34 bliver herefter nr. 32 og 33.« passer ikke med ændringerne: lawdiff "
            "rykker nr. 33 → 32 i bilagets liste") in e.value.message


def test_an_item_repealed_and_the_items_after_it_renumbered_as_the_clause_says():
    """Opkrævningsloven (LBK 1127/2013, liste A nr. 1-34), lov 1637/2013 § 5, nr. 3: "Bilag 1, liste A, nr. 16,
    ophæves. Nr. 17-34 bliver herefter nr. 16-33."; without the clause the renumbering is refused."""
    act = read_lexdania_file(lexdania("2013/2013-1127.xml")).act
    before = _lines(act.annexes[0])
    new = _run(act, "2013/2013-1637.xml", "5", ["3"])
    lines = _lines(new.annexes[0])
    assert "16) Lov om afgift af mineralvand m.v." in before and not any("mineralvand" in x for x in lines)
    assert lines[lines.index("Liste B") - 1] == "33) Lov om afgift af skadesforsikringer."
    assert [x.split(") ", 1)[1] for x in lines[16:20]] == [x.split(") ", 1)[1] for x in before[17:21]]
    assert [x.split(")")[0] for x in lines[1:lines.index("Liste B")]] == [str(n) for n in range(1, 34)]

    with pytest.raises(LawdiffError) as e:
        _run(read_lexdania_file(lexdania("2013/2013-1127.xml")).act, "2013/2013-1637.xml", "5", ["3"], _no_rykning)
    assert "nummeret rykker numrene i bilagets liste (nr. 17 → 16" in e.value.message


@pytest.mark.parametrize("path, par, nr, data", [
    ("2011/2011-625.xml", "1", "12", {"ny": "bilag", "efter": "bilag 3", "som": "bilag 3 a"}),
    ("2012/2012-594.xml", "1", "27", {"ny": "bilag", "som": "bilag 1", "fra_bilag": "1", "til_loven": True}),
    ("2011/2011-247.xml", "27", "2", {"ny": "nr", "i": "bilag 1", "liste": "A", "som": "nr. 35"}),
    ("2010/2010-698.xml", "39", "1", {"ophæves": "bilag 1, nr. 32", "liste": "A"}),
    ("2016/2016-658.xml", "1", "12", {"ny": "bilag", "før": "bilag 1", "som": "bilag 1, 2, 2 a, 3 og 4",
                                      "fra_bilag": "1, 2, 3, 4 og 5"}),
    ("2013/2013-616.xml", "3", "4", {"i": "Bilag 2, Skemaer for balancer og resultatopgørelser, 1. Skema for "
                                          "balance i kontoform (regnskabsklasse B, C og D), AKTIVER, "
                                          "OMSÆTNINGSAKTIVER, II. Tilgodehavender, nr. 6",
                                     "indsættes_efter": "Krav på indbetaling af virksomhedskapital"}),
    ("2017/2017-204.xml", "5", "1", {"i": "fodnote 7 til lovens bilag 1 og i fodnote 9 til lovens bilag 2",
                                     "ændres": "lov om miljøgodkendelse m.v. af husdyrbrug",
                                     "til": "lov om husdyrbrug og anvendelse af gødning m.v."}),
])
def test_the_annex_forms_are_read_and_print_back_word_for_word(path, par, nr, data):
    from lxml import etree

    from lawdiff.importers.amending import official_text
    from lawdiff.render.instructions import nummer_lines
    from lawdiff.text import norm

    doc = read_amending_file(lexdania(path)).doc
    [entry] = [n for p in doc["paragraffer"] if p["nummer"] == par for n in p["numre"] if n["nummer"] == nr]
    [change] = entry["ændringer"]
    assert {k: v for k, v in change.items() if k != "tekst"} == data
    root = etree.parse(str(lexdania(path))).getroot()
    [an] = [an for an in root.iter("AendringsNummer") if norm(an.findtext("Explicatus") or "").rstrip(".") == nr
            and re.sub(r"^§\s*", "", norm((an.getparent().getparent() if an.getparent().tag == "Stk"
                                            else an.getparent()).findtext("Explicatus") or "")).rstrip(".") == par]
    assert norm(" ".join(nummer_lines(entry))) == official_text(an)


@pytest.mark.parametrize("path, par, nr, reason", [
    ("2010/2010-579.xml", "5", "11", "afsnittet »Metode C« i bilag 2: bilaget markerer ikke, hvor afsnittet slutter"),
    ("2010/2010-722.xml", "5", "25", "nr. 12 i bilag 2 nyaffattes: hvilke linjer og tabelrækker nummeret består af"),
    ("2013/2013-616.xml", "3", "6", "en sti af overskrifter i bilag 2 (»Skemaer for balancer"),
    ("2013/2013-616.xml", "3", "9", "en sti af overskrifter i bilag 2 (»Skemaer for balancer"),
])
def test_parts_of_an_annex_that_cannot_be_found_with_certainty_are_refused_with_the_reason(path, par, nr, reason):
    doc = read_amending_file(lexdania(path)).doc
    [entry] = [n for p in doc["paragraffer"] if p["nummer"] == par for n in p["numre"] if n["nummer"] == nr]
    assert entry["ikke_udført"]["årsag"].startswith(reason), entry["ikke_udført"]["årsag"]


def test_new_annexes_before_bilag_1_renumber_it_as_the_rykningsklausul_says():
    """Lov 658/2016 § 1, nr. 12: "Før bilag 1 indsættes som bilag 1, 2, 2 a, 3 og 4 bilag 1, 2, 3, 4 og 5 til
    denne lov. Bilag 1 bliver herefter bilag 5." (its act, lov 1520/2014, is not in the corpus: executed on
    CPR-loven, LBK 5/2013, whose one annex is bilag 1). The annex becomes bilag 5, as the clause says; on
    elafgiftsloven (bilag 1-7) the same nummer would renumber bilag 1-7 as 5-11, which the clause does not
    say: refused."""
    from lawdiff import annexdiff

    act = read_lexdania_file(lexdania("2013/2013-5.xml")).act
    old = act.annexes[0]
    new = _run(act, "2016/2016-658.xml", "1", ["12"])
    assert [(a.label, a.num) for a in new.annexes] == [("Bilag 1", "1"), ("Bilag 2", "2"), ("Bilag 2 a", "2 a"),
                                                        ("Bilag 3", "3"), ("Bilag 4", "4"), ("Bilag 5", "5")]
    assert _lines(new.annexes[5]) == _lines(old)
    assert _lines(new.annexes[1])[:2] == ["1.", "LANDBRUG, SKOVBRUG OG AKVAKULTUR"]
    # the redline: five new annexes, and the old bilag 1 renumbered, its text unchanged
    reds = annexdiff.redline([old], new.annexes)
    assert [(r.status, r.old_num, r.new_num) for r in reds] == [("inserted", None, n) for n in ("1", "2", "2 a", "3", "4")] \
        + [("unchanged", "1", "5")]
    assert reds[-1].renumbered and not reds[-1].own_changed
    with pytest.raises(LawdiffError) as e:
        _run(read_lexdania_file(lexdania("2011/2011-310.xml")).act, "2016/2016-658.xml", "1", ["12"])
    assert ("rykningsklausulen »Bilag 1 bliver herefter bilag 5.« passer ikke med ændringerne: lawdiff omnummererer "
            "bilag 1 → 5, bilag 2 → 6") in e.value.message
    # without its rykningsklausul the renumbering is not stated: refused
    with pytest.raises(LawdiffError) as e:
        _run(read_lexdania_file(lexdania("2013/2013-5.xml")).act, "2016/2016-658.xml", "1", ["12"], _no_rykning)
    assert "nummeret omnummererer bilag 1 → 5, men har ingen rykningsklausul, der siger det" in e.value.message


def _notes(annex) -> dict[str, list[str]]:
    return {n.marker: n.lines for b in annex.headings + annex.body if isinstance(b, Line) for n in b.notes}


def test_words_in_footnotes_of_annexes():
    """Lov 204/2017 § 5, nr. 1 on lov 425/2016 (VVM): "I fodnote 7 til lovens bilag 1 og i fodnote 9 til
    lovens bilag 2 ændres »lov om miljøgodkendelse m.v. af husdyrbrug« til: »lov om husdyrbrug og
    anvendelse af gødning m.v.«" — each footnote found by its marker in its annex, the words once in
    it; the other footnotes and the annexes' text untouched; the redline shows the footnotes changed."""
    from lawdiff import annexdiff

    act = read_lexdania_file(lexdania("2016/2016-425.xml")).act
    before = [(_lines(a), _notes(a)) for a in act.annexes]
    new = _run(read_lexdania_file(lexdania("2016/2016-425.xml")).act, "2017/2017-204.xml", "5", ["1"])
    assert _notes(new.annexes[0])["7)"] == [
        "Anlæg omfattet af lov om husdyrbrug og anvendelse af gødning m.v. er alene omfattet af denne lovs "
        "bestemmelser om miljøvurdering af planer og programmer."]
    assert _notes(new.annexes[1])["9)"] == [
        "Anlæg omfattet af lov om husdyrbrug og anvendelse af gødning m.v. alene omfattet af denne lovs "
        "bestemmelser om miljøvurdering af planer og programmer."]
    after = [(_lines(a), _notes(a)) for a in new.annexes]
    changed = [i for i, (x, y) in enumerate(zip(before, after)) if x != y]
    assert changed == [0, 1]
    for i in changed:  # only those two footnotes
        (lb, nb), (la, na) = before[i], after[i]
        assert [k for k in nb if nb[k] != na[k]] == [["7)"], ["9)"]][i]
        assert [ln for ln in lb if not ln.startswith("[Fodnote")] == [ln for ln in la if not ln.startswith("[Fodnote")]
    reds = annexdiff.redline(act.annexes, new.annexes)
    assert [[(s.op, s.text) for b in r.intro + r.wrapup for s in b if s.op] for r in reds] == [
        [(-1, "miljøgodkendelse m.v. af husdyrbrug"), (1, "husdyrbrug og anvendelse af gødning m.v.")]] * 2


@pytest.mark.parametrize("address, words, message", [
    ("fodnote 8 til lovens bilag 2", "lov om miljøgodkendelse m.v. af husdyrbrug",
     "bilag 2 har 0 fodnoter med mærket »8)« (skal have én)"),
    ("fodnote 7 til lovens bilag 1", "lov om husdyrbrug", "»lov om husdyrbrug« står 0 gange i fodnote 7 til bilag 1"),
    ("fodnote 7 til lovens bilag 9", "lov", "loven har ikke bilag 9"),
])
def test_words_in_a_footnote_that_cannot_be_found_with_certainty_are_refused(address, words, message):
    def edit(doc):
        [p] = [p for p in doc["paragraffer"] if p["nummer"] == "5"]
        p["numre"][0]["ændringer"][0].update({"i": address, "ændres": words})

    with pytest.raises(LawdiffError) as e:
        _run(read_lexdania_file(lexdania("2016/2016-425.xml")).act, "2017/2017-204.xml", "5", ["1"], edit)
    assert "§ 5, nr. 1" in str(e.value) and message in str(e.value)


def _cells(annex) -> list[str]:
    return [c.text for b in annex.body for row in getattr(b, "rows", None) or [] for c in row]


def test_words_in_a_row_named_by_a_path_of_headings():
    """Lov 616/2013 § 3, nr. 4, 5, 7 and 8 on årsregnskabsloven (LBK 323/2011), bilag 2 (one table of
    schemes): "I Bilag 2, Skemaer for …, 1. Skema for balance i kontoform (…), AKTIVER, OMSÆTNINGSAKTIVER,
    II. Tilgodehavender, nr. 6, indsættes efter »Krav på indbetaling af virksomhedskapital«: »og overkurs«."
    — each in its scheme (the same words stand in both schemes), only those four cells change, and each
    reads as LBK 1580/2015 has it (LBK 1253/2013 did not yet hold § 3: "ikke trådt i kraft")."""
    act = read_lexdania_file(lexdania("2011/2011-323.xml")).act
    before = _cells(act.annexes[1])
    new = _run(read_lexdania_file(lexdania("2011/2011-323.xml")).act, "2013/2013-616.xml", "3", ["4", "5", "7", "8"])
    after = _cells(new.annexes[1])
    changed = [(i, a, b) for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert len(before) == len(after) and [(a, b) for _i, a, b in changed] == [
        ("Krav på indbetaling af virksomhedskapital", "Krav på indbetaling af virksomhedskapital og overkurs"),
        ("Reserve for ikke indbetalt virksomhedskapital", "Reserve for ikke indbetalt virksomhedskapital og overkurs"),
    ] * 2
    # two in "1. Skema …" (kontoform), two in "2. Skema …" (beretningsform), none in the schemes after them
    second = before.index("2. Skema for balance i beretningsform (regnskabsklasse B, C og D)")
    third = next(i for i, t in enumerate(before) if t.startswith("3. Skema"))
    assert [0 if i < second else 1 if i < third else 2 for i, _a, _b in changed] == [0, 0, 1, 1]
    assert _lines(new.annexes[0]) == _lines(act.annexes[0])
    later = read_lexdania_file(lexdania("2015/2015-1580.xml")).act
    texts = {b.text for b in later.annexes[1].body if isinstance(b, Line)}
    assert {b for _i, _a, b in changed} <= texts


@pytest.mark.parametrize("path, message", [
    # without its scheme the heading stands in two schemes: not certain
    ("Bilag 2, Skemaer for balancer og resultatopgørelser, OMSÆTNINGSAKTIVER, II. Tilgodehavender, nr. 6",
     "»OMSÆTNINGSAKTIVER« står 2 gange som overskrift i bilag 2, »Skemaer for balancer og resultatopgørelser« "
     "efter det foregående led af stien (skal stå én gang)"),
    # lov 616/2013 § 3, nr. 9 names "1. Skema for balance i beretningsform", which the annex does not have
    ("Bilag 2, Skemaer for balancer og resultatopgørelser, 1. Skema for balance i beretningsform (regnskabsklasse "
     "B, C og D), EGENKAPITAL, IV. Andre reserver, nr. 4", "»1. Skema for balance i beretningsform (regnskabsklasse "
     "B, C og D)« står 0 gange"),
    # nr. 9 under "II. Tilgodehavender": its scope ends at "III."
    ("Bilag 2, Skemaer for balancer og resultatopgørelser, 1. Skema for balance i kontoform (regnskabsklasse B, C og "
     "D), AKTIVER, OMSÆTNINGSAKTIVER, II. Tilgodehavender, nr. 9", "nr. 9 står 0 gange under bilag 2"),
])
def test_a_path_of_headings_that_does_not_name_one_row_is_refused(path, message):
    def edit(doc):
        [p] = [p for p in doc["paragraffer"] if p["nummer"] == "3"]
        [n] = [n for n in p["numre"] if n["nummer"] == "4"]
        n["ændringer"][0]["i"] = path

    with pytest.raises(LawdiffError) as e:
        _run(read_lexdania_file(lexdania("2011/2011-323.xml")).act, "2013/2013-616.xml", "3", ["4"], edit)
    assert "§ 3, nr. 4" in str(e.value) and message in str(e.value), str(e.value)
