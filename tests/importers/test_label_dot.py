"""A label printed without its full stop, which stands first in the text (issue 8): <Explicatus>Stk. 5</Explicatus>
and a first <Linea> "." (or ". text"). retsinformation shows "Stk. 5. Det skal …"; the importer reads the label with
its full stop and the text without it, and reports the repair with file:line. Kept as it was, the "." was the stk.'s
1. pkt. and every later punktum number was off by one: "§ 82, stk. 5, 2. pkt." reached the 1. pkt."""
from __future__ import annotations

import pytest
from lxml import etree

from lawdiff.address import punktummer, resolve
from lawdiff.importers.lexdania import _Reader, read_lexdania_file
from lawdiff.render.text import plain_text
from lawdiff.text import norm
from tests.conftest import lexdania

_REPAIR = "stod først i teksten i stedet for efter betegnelsen"


@pytest.fixture(scope="module")
def lbk_1072_2010():
    return read_lexdania_file(lexdania("2010/2010-1072.xml"))


def test_stk_label_without_its_full_stop(lbk_1072_2010):
    """LBK 1072/2010 (arbejdsmiljøloven) § 82, stk. 5: "Stk. 5" + "." + "Det skal betragtes …"."""
    res = lbk_1072_2010
    stk = resolve(res.act, "§ 82, stk. 5").units[0]
    assert norm(stk.label) == "Stk. 5."
    assert [b.text for b in stk.intro] == [
        "Det skal betragtes som en særlig skærpende omstændighed, at der for unge under 18 år er sket skade på liv "
        "eller helbred eller fremkaldt fare herfor, jf. stk.\xa04, nr. 1."]
    assert punktummer(stk)[0].startswith("Det skal betragtes")
    assert resolve(res.act, "§ 82, stk. 5, 1. pkt.").pkt_text.startswith("Det skal betragtes")
    assert norm(plain_text(stk)).startswith("Stk. 5. Det skal betragtes")
    # the Linea that held the full stop, with its line
    assert any(r.startswith(f"{lexdania('2010/2010-1072.xml')}:4612: ") and "»Stk. 5«" in r and _REPAIR in r
               for r in res.repairs)


def test_section_label_without_its_full_stop():
    """LBK 1073/2010 § 6: "§ 6" + (stk. 1) "." + "Bestyrelsen har …"; a later pkt. is counted from the real 1. pkt."""
    path = lexdania("2010/2010-1073.xml")
    res = read_lexdania_file(path)
    sec = resolve(res.act, "§ 6").units[0]
    assert norm(sec.label) == "§ 6."
    stk1 = sec.children[0]
    assert stk1.label is None and stk1.num == "1"
    assert punktummer(stk1)[0].startswith("Bestyrelsen har den overordnede ledelse")
    assert resolve(res.act, "§ 6, stk. 1, 1. pkt.").pkt_text.startswith("Bestyrelsen har")
    assert any(r.startswith(f"{path}:338: ") and "»§ 6«" in r for r in res.repairs)


def test_full_stop_and_text_in_one_line():
    """LBK 670/2010 § 10: "§ 10" + ". (ophævet)" reads "§ 10. (ophævet)"."""
    res = read_lexdania_file(lexdania("2010/2010-670.xml"))
    sec = resolve(res.act, "§ 10").units[0]
    assert norm(sec.label) == "§ 10."
    assert [b.text for b in sec.children[0].intro] == ["(ophævet)"]
    assert norm(plain_text(sec)) == "§ 10. (ophævet)"


def test_ikraft_of_an_lbk(lbk_1072_2010):
    """The ikraft notes of an LBK are read as flat lines: "Stk. 2" + ". § 15 a, …" reads "Stk. 2." + "§ 15 a, …"."""
    ikraft = [u for u in lbk_1072_2010.act.walk() if u.kind == "ikraft"]
    lines = [b.text for u in ikraft for b in u.intro]
    i = lines.index("Stk. 2.")
    assert lines[i + 1].startswith("§ 15 a, stk. 5, § 72, stk. 2")
    assert "." not in lines and not any(t.startswith(". ") for t in lines)


def _stk(xml: str):
    r = _Reader("x.xml", True)
    el = etree.fromstring(f'<Paragraf><Explicatus>§ 3.</Explicatus><Stk><Exitus><Linea><Char>En.</Char></Linea>'
                          f'</Exitus></Stk>{xml}</Paragraf>', etree.XMLParser(remove_blank_text=True))
    sec = r.sections(el)[0]
    return sec.children[1], r.repairs


def test_only_a_leading_full_stop_is_the_label_s():
    # an omission ("...") is text, not the label's full stop
    stk, repairs = _stk("<Stk><Explicatus>Stk. 2</Explicatus><Exitus><Linea><Char>... Tekst.</Char></Linea></Exitus></Stk>")
    assert (stk.label, [b.text for b in stk.intro], repairs) == ("Stk. 2", ["... Tekst."], [])
    # a complete label: a line "." after it stays as it is (another repair's business, not this one's)
    stk, repairs = _stk("<Stk><Explicatus>Stk. 2.</Explicatus><Exitus><Linea><Char>.</Char></Linea>"
                        "<Linea><Char>Tekst.</Char></Linea></Exitus></Stk>")
    assert (stk.label, [b.text for b in stk.intro], repairs) == ("Stk. 2.", [".", "Tekst."], [])
    # the full stop in a Linea of two runs: the run is dropped, the rest of the line kept
    stk, repairs = _stk("<Stk><Explicatus>Stk. 2</Explicatus><Exitus><Linea><Char>.</Char>"
                        "<Char formaChar=\"Italic\">Tekst.</Char></Linea></Exitus></Stk>")
    assert (stk.label, [b.text for b in stk.intro]) == ("Stk. 2.", ["Tekst."])
    assert repairs == [f"x.xml:1: punktummet efter betegnelsen »Stk. 2« {_REPAIR} i kilden; læst som »Stk. 2.«"]


@pytest.mark.corpus
def test_every_label_without_its_full_stop_in_the_corpus(corpus_results):
    """Every § and stk. of the corpus's acts whose label lacks its full stop and whose text begins with it (51 stk. and
    12 §§ of the acts' bodies, 33 stk. in LBKs' ikraft notes) is repaired and reported; no unit's text begins with it
    after a label without it."""
    repaired = sum(_REPAIR in r for res in corpus_results.values() for r in res.repairs)
    assert repaired == 96
    for rel, res in corpus_results.items():
        if res.act is None:
            continue
        for u in res.act.walk():
            lines = [b.text for b in u.intro if hasattr(b, "text")]
            if u.label and not norm(u.label).endswith((".", ")")) and lines:
                assert not lines[0].lstrip().startswith(".") or lines[0].lstrip().startswith(".."), (rel, u.label)


def test_lines_of_a_table_cell_are_joined_as_the_law_reads_them():
    """LBK 1017/2013 § 1 prints a cell's punktum over two lines, "… over 10 pct. vol." / ", jf. dog nr. 2.": it reads
    "… over 10 pct. vol., jf. dog nr. 2.", not "… vol. , jf." (text.join_lines, as for the law text)."""
    from lawdiff.model import Table

    act = read_lexdania_file(lexdania("2013/2013-1017.xml")).act
    cells = [c.text for u in resolve(act, "§ 1").units[0].walk() for b in u.intro + u.wrapup if isinstance(b, Table)
             for row in b.rows for c in row]
    assert any("alkoholindhold på over 10 pct. vol., jf. dog nr. 2. Endvidere" in t for t in cells), cells
    assert not any(" , " in t for t in cells)


def test_an_amending_act_s_new_text_reads_the_label_with_its_full_stop():
    """The one such label in an amending act's new text (lov 73/2010 § 1, nr. 3: "§ 4 h" + "." + "Økonomi- og …"):
    importers/amending's reader joins the "." to the label (text.join_lines), as retsinformation prints it."""
    from lawdiff.importers.amending import read_amending

    act = read_amending(lexdania("2010/2010-73.xml").read_bytes(), "2010-73.xml")

    def strings(x):
        if isinstance(x, str):
            yield x
        elif isinstance(x, dict):
            for v in x.values():
                yield from strings(v)
        elif isinstance(x, list):
            for v in x:
                yield from strings(v)

    texts = list(strings(act.doc))
    assert any("\n§ 4 h. Økonomi- og erhvervsministeren kan fastsætte regler" in t for t in texts)
    assert not any("§ 4 h\n" in t or "§ 4 h ." in t for t in texts)


def test_a_list_item_s_label_is_not_given_a_full_stop():
    """Only a § or stk. label: in flat text (an LBK's ikraft notes) a bullet "–" before a line "." stays "–"."""
    r = _Reader("x.xml", True)
    el = etree.fromstring("<Exitus><Index><Indentatio formaInd=\"Fri\"><Explicatus>–</Explicatus><Exitus><Linea>"
                          "<Char>.</Char></Linea></Exitus></Indentatio></Index></Exitus>")
    assert [b.text for b in r.flatten(el, [])] == ["–", "."] and r.repairs == []
