"""Superscript footnote references in LexDania ("jf. § 90, stk. 1" + superscript "3)") are not law
text; other superscript ("m" + "2") is. Every case is a real fragment of the corpus."""
from __future__ import annotations

from hypothesis import given, strategies as st
from lxml import etree

from lawdiff import akn
from lawdiff.address import punktum_spans, resolve
from lawdiff.importers.lexdania import FootnoteRefs, linea_text, read_lexdania_file
from lawdiff.text import norm
from tests.conftest import lexdania


def _lines(act, address):
    return [t for u in resolve(act, address).units for x in u.walk() for t in x.own_lines()]


def _all_text(act):
    """Every line of the act, white space normalised (the source writes "§\xa090")."""
    return norm(" ".join(t for u in act.walk() for t in u.own_lines()))


def test_marker_after_a_word_is_not_glued_into_the_law_text():
    # LBK 81/2011 (serviceloven) § 91, stk. 2: "jf. § 90, stk. 1" + "3)" read "stk. 13)" before; an
    # amending act that changes the words "§ 90, stk. 1" could not find them
    res = read_lexdania_file(lexdania("2011/2011-81.xml"))
    text = _all_text(res.act)
    assert "hvilket beredskab der, jf. § 90, stk. 1, kræves af leverandørerne" in text
    assert "kræves leveret efter § 90, stk. 1." in text
    assert "stk. 13)" not in text
    assert res.footnote_refs > 0


def test_marker_at_the_start_of_a_stk_and_a_line_of_nothing_but_a_marker():
    # LBK 1049/2010 § 1: stk. 2 starts with "3)" + " Der svares …"; stk. 3 opens with a Linea that
    # holds only "3)", then note 4, then its text
    res = read_lexdania_file(lexdania("2010/2010-1049.xml"))
    assert _lines(res.act, "§ 1, stk. 2") == ["Der svares ikke afgift af biler, der registreres på grænsenummerplader."]
    stk3 = resolve(res.act, "§ 1, stk. 3").units[0]
    assert [norm(b.text) for b in stk3.intro] == ["", "Indtil den 31. december 2012 omfatter afgiftspligten efter stk. 1 "
                                                "ikke biler, der alene anvender el eller brint som drivmiddel."]
    assert len(punktum_spans(stk3)) == 1  # the marker "3)" was counted as 1. pkt. before
    # the note stays where the source puts it
    assert [n.marker for n in stk3.intro[0].notes] == ["4)"]
    assert res.footnote_refs == 17
    assert not [r for r in res.repairs if "hævet" in r]


def test_marker_between_two_words_or_inside_a_range_keeps_the_words_apart_and_the_range_whole():
    # LOV 1077/2016: "arbejdsskadeforsikring" + "2) " + "tilsvarende"
    text = _all_text(read_lexdania_file(lexdania("2016/2016-1077.xml")).act)
    assert "loven om arbejdsskadeforsikring tilsvarende anvendelse" in text
    # LOV 610/2015: "§§ 54-56, 58" + "7) " + "-61, 89"
    text = _all_text(read_lexdania_file(lexdania("2015/2015-610.xml")).act)
    assert "§§ 54-56, 58-61, 89, 98 og 99" in text


def test_two_markers_in_one_run_are_both_references():
    # LBK 143/2011: "2)3)" + " Sundhedsbidrag efter § 5, nr. 1, …" (notes 2) and 3) of the document)
    res = read_lexdania_file(lexdania("2011/2011-143.xml"))
    text = _all_text(res.act)
    assert "2)3)" not in text
    assert any(t.startswith("Sundhedsbidrag efter §") for u in res.act.walk() for t in u.own_lines())


def test_superscript_that_is_text_stays_text():
    # m² is written "m" + superscript "2" (LBK 1040/2010 § 5), "CO" + superscript "2" (LBK 1080/2015)
    text = _all_text(read_lexdania_file(lexdania("2010/2010-1040.xml")).act)
    assert "hvis bruttoetageareal ikke overstiger 50 m2, og som kommunalbestyrelsen" in text
    res = read_lexdania_file(lexdania("2015/2015-1080.xml"))
    assert "lov om CO2-kvoter" in _all_text(res.act)
    assert not [r for r in res.repairs if "hævet" in r]


def test_part_of_a_marker_in_superscript_is_kept_as_text_with_a_warning():
    # LBK 1120/2012 § 14 k, stk. 2: plain "2" + superscript ")" + " Underskud …": never guessed
    res = read_lexdania_file(lexdania("2012/2012-1120.xml"))
    assert _lines(res.act, "§ 14 k, stk. 2")[0].startswith("2) Underskud fra tidligere indkomstår")
    warn = [r for r in res.repairs if "hævet" in r]
    assert len(warn) == 1 and warn[0].endswith("2012-1120.xml:1161: hævet »)« er kun en del af en "
                                               "fodnotehenvisning; beholdt som lovtekst")


def _linea(xml: str):
    return etree.fromstring(f"<Linea>{xml}</Linea>")


def test_a_marker_that_names_no_note_of_the_document_is_kept_and_reported():
    # the runs of LBK 1051/2010 (a table: "II." + "*)", no note "*)") and LOV 1716/2016 ("Fortsættersprog"
    # + "1)", explained by a line of text under the table, no <Nota>)
    refs = FootnoteRefs({"1)", "2)"})
    assert linea_text(_linea('<Char formaChar="Italic">II.</Char><Char formaChar="Superscript">*)</Char>'),
                      "x.xml", refs) == "II.*)"
    assert linea_text(_linea('<Char>Fortsættersprog</Char><Char formaChar="Superscript">3)</Char>'
                             '<Char> A </Char>'), "x.xml", refs) == "Fortsættersprog3) A "
    assert linea_text(_linea('<Char>Klageadgang</Char><Char formaChar="Superscript">1)</Char>'),
                      "x.xml", refs) == "Klageadgang"
    assert refs.removed == 1
    assert refs.warnings("x.xml") == [
        "x.xml:1: hævet »*)« svarer ikke til nogen fodnote i dokumentet; beholdt som lovtekst",
        "x.xml:1: hævet »3)« svarer ikke til nogen fodnote i dokumentet; beholdt som lovtekst"]
    # digits without ")" are never a marker, even where a note "2" could exist
    refs = FootnoteRefs({"2"})
    assert linea_text(_linea('<Char>50 m</Char><Char formaChar="Superscript">2</Char><Char>.</Char>'),
                      "x.xml", refs) == "50 m2."
    # without the document's notes (the reader of amending acts), nothing changes
    assert linea_text(_linea('<Char>stk. 1</Char><Char formaChar="Superscript">3)</Char>'), "x.xml") == "stk. 13)"


def test_other_spellings_of_superscript_are_references_too():
    # LBK 333/2012: formaChar="vertical-align:super;font-size:70%"; LBK 1017/2013: "Bold Superscript"
    for rel in ("2012/2012-333.xml", "2013/2013-1017.xml"):
        res = read_lexdania_file(lexdania(rel))
        assert res.footnote_refs > 0, rel
        data = lexdania(rel).read_bytes()
        assert b"vertical-align:super" in data or b"Bold Superscript" in data


def test_the_notes_and_the_cleaned_text_survive_akoma_ntoso():
    act = read_lexdania_file(lexdania("2010/2010-1049.xml")).act
    back = akn.from_bytes(akn.to_bytes(act), "x.xml")
    assert _lines(back, "§ 1, stk. 2") == _lines(act, "§ 1, stk. 2")
    stk3 = resolve(back, "§ 1, stk. 3").units[0]
    assert [n.marker for n in stk3.intro[0].notes] == ["4)"]


_WORD = st.text(alphabet="abcæøå§0123456789.,-", min_size=1, max_size=8)


@given(st.booleans(), st.lists(st.tuples(st.sampled_from(["", " ", "\xa0"]), _WORD), min_size=1, max_size=6),
       st.booleans())
def test_leaving_out_references_never_changes_the_words(first, runs, last):
    """Property: plain runs with a footnote reference between each two (and maybe before the first
    and after the last) read as the same runs without the references, white space folded, two runs
    that touched letter to letter or digit to digit kept apart, and no white space left at the ends."""
    ref = '<Char formaChar="Superscript">1) </Char>'
    chars = [ref] if first else []
    expect = ""
    for k, (space, word) in enumerate(runs):
        piece = space + word
        if k:
            chars.append(ref)
        chars.append(f"<Char>{piece}</Char>")
        if expect and expect[-1].isalnum() and piece[0].isalnum():
            expect += " "
        expect += piece
    if last:
        chars.append('<Char formaChar="Superscript">2)</Char>')
    xml = "".join(chars)
    got = linea_text(_linea(xml), "x.xml", FootnoteRefs({"1)", "2)"}))
    assert norm(got) == norm(expect)
    if first:
        assert not got[0].isspace()
    if last:
        assert not got[-1].isspace()


def test_line_of_only_references_is_none_only_with_the_notes():
    li = _linea('<Char formaChar="Superscript">3)</Char>')
    assert linea_text(li, "x.xml", FootnoteRefs({"3)"})) is None
    assert linea_text(li, "x.xml") == "3)"
