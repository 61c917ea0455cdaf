"""The LexDania importer against the whole official corpus, and against bad input."""
from __future__ import annotations

import collections
import re

import pytest
from lxml import etree

from lawdiff.errors import MappingError
from lawdiff.importers.lexdania import read_lexdania, read_lexdania_file
from lawdiff.render.text import plain_text
from lawdiff.text import norm
from tests.conftest import CORPUS, lexdania


def _official_paragraf_texts(path, is_lbk):
    """Each official <Paragraf> (and ændringsparagraf of an original act) of the act's own body
    as text: labels and lines, no notes."""
    root = etree.parse(str(path)).getroot()
    out = []
    for p in root.find("DokumentIndhold").iter("Paragraf", "AendringCentreretParagraf"):
        anc = {a.tag for a in p.iterancestors()}
        if "AendringNyTekst" in anc or "AendringCentreretParagraf" in anc or (is_lbk and "Ikraft" in anc):
            continue
        parts = []
        for e in p.iter():
            if e.tag == "Nota" or any(a.tag == "Nota" for a in e.iterancestors()):
                continue
            if e.tag == "Explicatus" and e.text:
                parts.append(e.text)
            elif e.tag == "Linea":
                parts.append("".join(c.text or "" for c in e.iter("Char")))
        # a label split by the source as "§ " + "§§ 12-14 a." reads "§§ 12-14 a."
        out.append(re.sub(r"^§ (?=§)", "", norm(" ".join(parts))))
    return out


def _doc_type(path):
    for _, e in etree.iterparse(str(path), tag="DocumentType"):
        t = (e.text or "").strip()
        return "LBK" if t.startswith("LBK H") else "LOV H" if t.startswith("LOV H") else \
            "LOV Æ" if t.startswith("LOV Æ") else "other"
    return "other"


@pytest.mark.corpus
def test_whole_corpus_imports_with_exact_text(corpus_results, capsys):
    kinds = collections.Counter()
    sections = acts = warnings = 0
    for rel, res in corpus_results.items():
        kinds[_doc_type(CORPUS / rel)] += 1
        warnings += len(res.repairs)
        if res.amendment:
            continue
        acts += 1
        official = _official_paragraf_texts(CORPUS / rel, res.act.doc_type == "lbk")
        mine = [norm(plain_text(s)) for s in res.act.sections()]
        # a repaired Paragraf (a § left inside the previous one) becomes two sections:
        # consume as many of ours as make up each official one
        i = 0
        for text in official:
            got = mine[i]
            i += 1
            while got != text and i < len(mine) and len(got) < len(text):
                got = f"{got} {mine[i]}"
                i += 1
            assert got == text, f"{rel}: {text[:80]!r}"
        assert i == len(mine), rel
        sections += len(official)
    with capsys.disabled():
        print(f"\ncorpus: {len(corpus_results)} documents {dict(kinds)}; {acts} acts imported, "
              f"{len(corpus_results) - acts} amending acts recognised, 0 failures; "
              f"{sections} §§ identical to the official text; {warnings} repairs reported as warnings")
    assert len(corpus_results) == 2060
    assert kinds == {"LBK": 828, "LOV H": 196, "LOV Æ": 1036}
    assert acts == 828 + 196
    assert sections > 60000


def test_amending_act_is_recognised():
    res = read_lexdania_file(lexdania("2012/2012-1380.xml"))
    assert res.act is None
    assert res.amendment.source == "LOV nr. 1380 af 23/12/2012"
    assert any("lov om en aktiv beskæftigelsesindsats" in s for s in res.amendment.amends)


def test_metadata_and_structure_of_lab_2016():
    act = read_lexdania_file(lexdania("2016/2016-1342.xml")).act
    assert (act.law, act.date, act.source) == ("lab", "2016-11-21", "LBK nr. 1342 af 21/11/2016")
    assert act.eli == "https://www.retsinformation.dk/eli/lta/2016/1342"
    assert act.title == "lov om en aktiv beskæftigelsesindsats"
    chapters = [u for u in act.walk() if u.kind == "chapter"]
    assert any(c.num == "12 a" and c.heading.text == "Ressourceforløb" for c in chapters)
    sec = next(s for s in act.sections() if s.num == "68 a")
    assert sec.eid == "sec_68a"
    assert [c.eid for c in sec.children[0].children] == [
        "sec_68a__subsec_1__para_1", "sec_68a__subsec_1__para_2", "sec_68a__subsec_1__para_3"]


def test_footnotes_are_kept_apart_from_the_law_text():
    act = read_lexdania_file(lexdania("2016/2016-1342.xml")).act
    notes = [n for u in act.walk() for b in u.intro + u.wrapup + ([u.heading] if u.heading else [])
             if hasattr(b, "notes") for n in b.notes]
    assert notes, "LBK 1342/2016 has footnotes"
    for u in act.sections():
        for n in notes:
            assert " ".join(n.lines) not in plain_text(u) or not n.lines


def test_markup_repair_is_reported():
    res = read_lexdania_file(lexdania("2015/2015-807.xml"))
    assert any("§ 16 b." in r for r in res.repairs)
    nums = [s.num for s in res.act.sections()]
    assert nums[nums.index("16 a") + 1] == "16 b"


GOOD_HEAD = b'<?xml version="1.0" encoding="utf-8"?>\n'


@pytest.mark.parametrize("name, data, expect", [
    ("truncated", lexdania("2016/2016-1342.xml").read_bytes()[:5000], "ugyldig XML"),
    ("not lexdania", GOOD_HEAD + b"<html><body>hej</body></html>", "ikke et LexDania-dokument"),
    ("entity bomb", GOOD_HEAD + b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
     b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><Dokument>&c;</Dokument>', "DOCTYPE"),
    ("external entity", GOOD_HEAD + b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Dokument>&x;</Dokument>',
     "DOCTYPE"),
    ("empty", b"", "ugyldig XML"),
    ("wrong document type", GOOD_HEAD + b"<Dokument><Meta><DocumentType>BEK H#X</DocumentType><DiesSigni>2016-01-01"
     b"</DiesSigni><Number>1</Number><Year>2016</Year></Meta><DokumentIndhold/></Dokument>", "kan ikke importeres"),
])
def test_bad_input_is_refused_with_a_clear_message(name, data, expect):
    with pytest.raises(MappingError) as e:
        read_lexdania(data, f"{name}.xml")
    assert expect in e.value.message
    assert str(e.value).startswith(f"{name}.xml")


def test_unknown_element_names_file_element_and_line():
    data = lexdania("2016/2016-1342.xml").read_bytes().replace(
        b"<Explicatus>\xc2\xa7 1.</Explicatus>", b"<Explicatus>\xc2\xa7 1.</Explicatus><Mystery/>", 1)
    with pytest.raises(MappingError) as e:
        read_lexdania(data, "x.xml")
    assert "<Mystery>" in e.value.message and e.value.line and e.value.file == "x.xml"
