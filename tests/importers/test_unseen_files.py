"""Whole files no one here has seen (issue 8): hostile or broken XML and other document types.

Each is refused with one Danish line naming file:line (exit 1 from the command line, never a
traceback), and nothing outside the file is read: no entity expansion, no DTD, no XInclude, no
network.
"""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from lawdiff.errors import LawdiffError
from lawdiff.importers.official import read_official
from tests.conftest import CORPUS, ROOT

DOC = CORPUS / "2016/2016-1342.xml"  # LBK nr. 1342 af 21/11/2016


@pytest.fixture(scope="module")
def text() -> str:
    return DOC.read_bytes().decode()


def _refused(data: bytes, match: str) -> LawdiffError:
    with pytest.raises(LawdiffError, match=match) as e:
        read_official(data, "x.xml")
    assert e.value.file == "x.xml" and e.value.line
    return e.value


_DOCTYPES = {
    "internal entity": ('<!DOCTYPE Dokument [<!ENTITY x "Xyzzyordet">]>', "&x;"),
    "entity bomb": ('<!DOCTYPE Dokument [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>', "&c;"),
    "external file entity": ('<!DOCTYPE Dokument [<!ENTITY x SYSTEM "file:///etc/hostname">]>', "&x;"),
    "external DTD over the network": ('<!DOCTYPE Dokument SYSTEM "http://127.0.0.1:9/lexdania.dtd">', ""),
    "public DTD": ('<!DOCTYPE Dokument PUBLIC "-//LexDania//DTD 2.1//DA" "LexDania.dtd">', ""),
    "parameter entity": ('<!DOCTYPE Dokument [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>', ""),
}


@pytest.mark.parametrize("name", sorted(_DOCTYPES))
def test_a_doctype_is_refused_before_anything_is_expanded(text, name):
    dtd, ref = _DOCTYPES[name]
    decl_end = text.index("?>") + 2
    body = text.index("<DokumentIndhold")
    at = text.index("<Char>", body) + len("<Char>")
    mutated = text[:decl_end] + dtd + text[decl_end:at] + ref + text[at:]
    _refused(mutated.encode(), "DOCTYPE/entiteter afvises")


def test_an_xinclude_in_the_body_is_not_followed_but_refused(text):
    at = text.index("<Char>", text.index("<DokumentIndhold")) + len("<Char>")
    mutated = (text[:at] + '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/hostname" '
               'parse="text"/>' + text[at:])
    _refused(mutated.encode(), "indeholder elementet")


@pytest.mark.parametrize("fraction", [0.0001, 0.1, 0.5, 0.9, 0.999])
def test_a_truncated_file_is_refused_with_its_line(fraction):
    data = DOC.read_bytes()
    cut = data[:int(len(data) * fraction)]
    e = _refused(cut, "ugyldig XML")
    assert e.line <= cut.count(b"\n") + 1


@pytest.mark.parametrize("data", [b"", b'<?xml version="1.0"?>', b"<html><body>x</body></html>", b"\x00\x01 not xml"])
def test_what_is_not_a_lexdania_document_is_refused(data):
    _refused(data, "ugyldig XML|ikke et LexDania-dokument|kontroltegn")


def test_a_text_node_over_libxml2s_limit_is_refused_as_such(text):
    """A 12 MB text node: libxml2 refuses it (huge_tree is off); the hint said the file was
    truncated, which it is not."""
    at = text.index("<Char>", text.index("<DokumentIndhold")) + len("<Char>")
    e = _refused((text[:at] + "ord " * 3_000_000 + text[at:]).encode(), "overskrider grænserne for sikker læsning")
    assert "10 MB" in e.hint


def test_nesting_over_libxml2s_limit_is_refused_as_such(text):
    at = text.index("<Exitus>", text.index("<DokumentIndhold"))
    _refused((text[:at] + "<Exitus>" * 300 + "</Exitus>" * 300 + text[at:]).encode(),
             "overskrider grænserne for sikker læsning")


@pytest.mark.parametrize("doc_type", ["BEK H", "CIR H", "VEJ H", "LOV", "LBK", "lbk h", ""])
def test_other_document_types_are_refused(text, doc_type):
    """Bekendtgørelser, cirkulærer, vejledninger and spellings of the type lawdiff does not know."""
    mutated = re.sub(r"<DocumentType>[^<]*</DocumentType>", f"<DocumentType>{doc_type}</DocumentType>", text, count=1)
    _refused(mutated.encode(), "dokumenttypen .* kan ikke importeres")


def test_a_large_document_imports_in_time_linear_in_its_size(text):
    """16 copies of LAB's body (9 MB, 3,500 repeated §§ reported): read, each §, chapter and part reported once."""
    import time
    a = text.index(">", text.index("<DokumentIndhold")) + 1
    b = text.index("</DokumentIndhold>")
    times = []
    for n in (2, 16):
        t = time.process_time()
        res = read_official((text[:a] + text[a:b] * n + text[b:]).encode(), "x.xml").result
        times.append(time.process_time() - t)
    one = read_official(DOC.read_bytes(), "x.xml").result.act
    twice = [w.split(": ", 1)[1].split()[0] for w in res.repairs if "findes to gange i kilden" in w]
    assert twice.count("§") == 15 * len([s for s in one.sections() if s.num])
    # and each chapter and part repeated (two with one number are reported like two §§)
    assert twice.count("kapitel") == 15 * len([u for u in one.walk() if u.kind == "chapter" and u.num])
    assert twice.count("afsnit") == 15 * len([u for u in one.walk() if u.kind == "part" and u.num])
    assert len(twice) == twice.count("§") + twice.count("kapitel") + twice.count("afsnit")
    assert times[1] < 8 * 3 * times[0] + 0.5  # 8x the size: far from quadratic


def test_the_command_prints_one_line_and_exits_1(tmp_path, text):
    bad = tmp_path / "bad.xml"
    decl_end = text.index("?>") + 2
    bad.write_text(text[:decl_end] + '<!DOCTYPE Dokument [<!ENTITY x "y">]>' + text[decl_end:])
    r = subprocess.run([sys.executable, "-m", "lawdiff.cli", "--root", str(tmp_path), "import", "lexdania", str(bad)],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"{bad}:1: XML med DOCTYPE/entiteter afvises" in r.stderr + r.stdout


@pytest.mark.parametrize("tag,value,message", [
    ("Number", "abc", "Meta: Number »abc« er ikke et nummer"),
    ("Number", "../../x", "Meta: Number »../../x« er ikke et nummer"),
    ("Year", "20166", "Meta: Year »20166« er ikke et årstal"),
    # found by the unseen campaign: "LBK nr. 01342" named an act no citation names
    ("Number", "01342", "Meta: Number »01342« er ikke et nummer"),
    ("Number", "0", "Meta: Number »0« er ikke et nummer"),
    # found by the unseen campaign: a date in another form was reported as missing
    ("DiesSigni", "2016-11-21T00:00:00", "Meta: DiesSigni »2016-11-21T00:00:00« er ikke en dato på formen ÅÅÅÅ-MM-DD"),
    ("DiesSigni", "21-11-2016", "Meta: DiesSigni »21-11-2016« er ikke en dato på formen ÅÅÅÅ-MM-DD"),
])
def test_a_number_or_year_that_is_not_one_is_refused(text, tag, value, message):
    """They name the act and the amendment file (lov-YYYY-NNN.yaml); they were taken as they stood."""
    mutated = re.sub(f"<{tag}>[^<]*</{tag}>", f"<{tag}>{value}</{tag}>", text, count=1)
    _refused(mutated.encode(), re.escape(message))


def test_the_amending_reader_never_takes_a_path_as_the_acts_number():
    from lawdiff.importers import amending
    data = (CORPUS / "2013/2013-651.xml").read_bytes().decode()
    mutated = re.sub("<Number>[^<]*</Number>", "<Number>../../x</Number>", data, count=1).encode()
    with pytest.raises(LawdiffError, match="er ikke et lovnummer og et årstal"):
        amending.read_amending(mutated, "x.xml")


def test_a_document_without_metadata_title_takes_its_printed_title(text):
    """Without Meta/DocumentTitle the act was imported with the title "" and the short name "lov"."""
    mutated = re.sub(r"<DocumentTitle>[^<]*</DocumentTitle>", "<DocumentTitle></DocumentTitle>", text, count=1)
    act = read_official(mutated.encode(), "x.xml").result.act
    assert act.title == "lov om en aktiv beskæftigelsesindsats" and act.law == "lab"
    both = re.sub(r"<TitelGruppe.*?</TitelGruppe>", "", mutated, count=1, flags=re.S)
    res = read_official(both.encode(), "x.xml").result
    assert res.act.title == "" and "x.xml:2: dokumentet har ingen titel (hverken Meta/DocumentTitle eller " \
        "TitelGruppe/Titel); importeret uden titel under det korte navn »lov«" in res.repairs
