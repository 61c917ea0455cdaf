"""Metamorphic tests of the LexDania importer (issue 8: trust on official documents no one here has seen).

(1) Semantics-preserving transformations of real corpus documents give byte-identical imported
    output: the AKN act version, the amendment file's YAML, the warnings and the refusals.
    Every transformation keeps each element on its source line, so the warnings (which name
    file:line) must be identical too. What XML itself makes insignificant is changed: attribute
    order and quotes, the XML declaration and the encoding (UTF-8 with and without BOM,
    ISO-8859-1 with character references where a character is not representable, UTF-16 with
    BOM), CRLF line ends, character references for every non-ASCII character, an unused namespace
    declaration, comments and processing instructions between elements and inside text, CDATA
    sections, `<X/>` for `<X></X>`; and the white space LexDania's content model makes
    insignificant: white space between elements in element-only content (LexDania has no mixed
    content: text stands only in <Char>, <Explicatus> and the Meta fields).
    LexDania uses no namespace, so a namespace prefix change is not a transformation of it: a
    default namespace on the root is a different vocabulary, and must be refused (tested in (2)).

(2) Semantics-changing mutations a reader would notice must raise LawdiffError or import
    without silent loss: every word of the source's body (<DokumentIndhold>) is in what the import
    wrote, as a multiset (act versions: the AKN file's text; amending acts: each nummer that is not
    refused prints back with every word of its source element, and refused numre are kept
    verbatim). Left out of the source's words, with reason: superscript footnote markers the
    importer recognises (`ImportResult.footnote_refs`, not law text) and the fragments the importer
    reports as repeated by the source (`ImportResult.dropped`).

The plain tests run a small sample (5 documents); the `corpus` tests run 60 documents across
document types (LBK, LOV H, LOV Æ; with tables, notes, bilag, chapters, books).
"""
from __future__ import annotations

import collections
import copy
import re
import unicodedata
from pathlib import Path

import pytest
from lxml import etree

from lawdiff import akn
from lawdiff.errors import LawdiffError
from lawdiff.importers import amending
from lawdiff.importers.official import read_official
from lawdiff.text import norm
from tests.conftest import CORPUS

# --- what an import writes ------------------------------------------------------------------


def imported(data: bytes, path: str = "doc.xml") -> dict:
    """Everything a `lawdiff import lexdania` of one document writes or prints, as comparable data."""
    off = read_official(data, path)
    res = off.result
    out = {
        "akn": akn.to_bytes(res.act) if res.act is not None else None,
        "warnings": list(res.repairs),
        "dropped": list(res.dropped),
        "footnote_refs": res.footnote_refs,
        "amendment": None,
        "amending_error": str(off.amending_error) if off.amending_error is not None else None,
    }
    if res.amendment is not None:
        out["amendment_summary"] = (res.amendment.source, res.amendment.title, res.amendment.date,
                                    res.amendment.amends)
    if off.amending is not None:
        out["amendment"] = amending.dump(off.amending.doc)
        out["amending_warnings"] = list(off.amending.warnings)
        out["refused"] = list(off.amending.refused)
    return out


# --- the sample -----------------------------------------------------------------------------


def _features(data: bytes) -> tuple[str, frozenset]:
    m = re.search(rb"<DocumentType>([^<#]*)", data)
    dtype = m.group(1).decode().strip() if m else "?"
    kind = "LBK" if dtype.startswith("LBK") else "LOV H" if dtype.startswith("LOV H") else "LOV Æ" \
        if dtype.startswith("LOV Æ") else dtype
    feats = {t for t, tag in (("table", b"<Table"), ("note", b"<Nota"), ("bilag", b"<Bilag"),
                              ("chapter", b"<Kapitel"), ("book", b"<Bog"), ("amends", b"<AendringCentreretParagraf"),
                              ("superscript", b"uper"), ("list", b"<Index"))
             if tag in data}
    return kind, frozenset(feats)


def sample(n: int) -> list[Path]:
    """`n` documents across types and features: for each (type, feature) pair in turn the
    smallest documents not yet taken (small keeps the campaign fast; deterministic)."""
    files = sorted(CORPUS.glob("*/*.xml"))
    assert files, f"the LexDania corpus is missing at {CORPUS}"
    info = {}
    for f in files:
        data = f.read_bytes()
        info[f] = (len(data),) + _features(data)
    keys = [(k, feat) for k in ("LBK", "LOV H", "LOV Æ")
            for feat in ("table", "note", "bilag", "chapter", "book", "amends", "superscript", "list", None)]
    pools = {key: sorted((f for f, (size, k, feats) in info.items()
                          if k == key[0] and (key[1] is None or key[1] in feats)), key=lambda f: info[f][0])
             for key in keys}
    pools = {k: v for k, v in pools.items() if v}
    chosen: list[Path] = []
    while len(chosen) < n and any(pools.values()):
        for key in list(pools):
            pool = pools[key]
            while pool and pool[0] in chosen:
                pool.pop(0)
            if pool and len(chosen) < n:
                # spread over sizes: alternately the smallest and one from the pool's middle
                f = pool.pop(0 if len(chosen) % 2 == 0 else len(pool) // 2)
                chosen.append(f)
    return chosen




# --- semantics-preserving transformations ---------------------------------------------------
# All work on the document's text (the UTF-8 file decoded, BOM left out) and keep every element
# on its line.

_DECL = re.compile(r"^<\?xml[^?]*\?>")
_START_TAG = re.compile(r"<([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))+)(\s*/?)>")
_ATTR = re.compile(r"([\w:.-]+)\s*=\s*(\"[^\"]*\"|'[^']*')")


def _reorder_attributes(text: str) -> str:
    def one(m):
        attrs = _ATTR.findall(m.group(2))
        if "\n" in m.group(2) or len(attrs) < 1:
            return m.group(0)
        out = []
        for name, value in reversed(attrs):
            inner = value[1:-1]
            out.append(f"{name}='{inner}'" if "'" not in inner else f"{name}={value}")
        return f"<{m.group(1)} " + "  ".join(out) + f"{m.group(3)}>"
    return _START_TAG.sub(one, text)


def _whitespace(text: str) -> str:
    """More insignificant white space: the indentation as tabs and spaces, and white space after
    every end tag and empty-element tag (the tail of an element: LexDania has no mixed content)."""
    text = re.sub(r">([ \t\r\n]+)<", lambda m: ">" + m.group(1).replace("  ", "\t ") + " \t<", text)
    return re.sub(r"(</[\w.-]+>|/>)(?=<)", r"\1 \t ", text)


def _no_whitespace(text: str) -> str:
    """No white space between elements except the line breaks (minified, lines kept)."""
    return re.sub(r">([ \t\r\n]+)<", lambda m: ">" + "\n" * m.group(1).count("\n") + "<", text)


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def _char_refs(text: str) -> str:
    """Every non-ASCII character as a character reference (decimal and hexadecimal in turn), and
    the XML-special characters of text as references too."""
    body = _DECL.sub("", text)
    decl = text[:len(text) - len(body)]
    out = []
    n = 0
    for c in body:
        if ord(c) > 127:
            n += 1
            out.append(f"&#{ord(c)};" if n % 2 else f"&#x{ord(c):X};")
        else:
            out.append(c)
    body = "".join(out)
    # ">" in text as &gt;, "&amp;" as &#38;
    body = re.sub(r"(<Char[^>]*>)([^<]*)(</Char>)",
                  lambda m: m.group(1) + m.group(2).replace(">", "&gt;").replace("&amp;", "&#38;") + m.group(3), body)
    return decl + body


def _unused_namespace(text: str) -> str:
    return re.sub(r"<Dokument\b", '<Dokument xmlns:lawdiff-test="urn:x-lawdiff:test"', text, count=1)


def _comments_and_pis(text: str) -> str:
    """A comment after every end tag, a processing instruction after every </Linea>, and a comment
    in the middle of every <Char>'s text (XML's text of the element is the same)."""
    text = re.sub(r"(</[\w.-]+>)(?=\s*<)", r"\1<!-- c -->", text)
    text = text.replace("</Linea><!-- c -->", "</Linea><?lawdiff-test pi?>")

    def mid(m):
        t = m.group(2)
        i = len(t) // 2
        while i > 0 and t[i - 1] == "&" or "&" in t[max(0, i - 8):i] and ";" not in t[t.rfind("&", 0, i):i]:
            i -= 1  # never inside a reference
        return m.group(1) + t[:i] + "<!-- x -->" + t[i:] + m.group(3)
    return re.sub(r"(<Char[^>]*>)([^<]{2,})(</Char>)", mid, text)


def _unescape(t: str) -> str:
    return etree.fromstring(f"<x>{t}</x>".encode()).text or ""


def _cdata(text: str) -> str:
    """The text of every <Char>, <Explicatus> and Meta field as a CDATA section (references
    resolved), and half of it for the longer <Char>s (CDATA beside plain text)."""
    def one(m):
        raw = m.group(2)
        t = _unescape(raw)
        if "]]>" in t or not t:
            return m.group(0)
        if len(t) > 20 and m.group(1).startswith("<Char"):
            i = len(raw) // 2
            while i > 0 and "&" in raw[max(0, i - 8):i] and ";" not in raw[raw.rfind("&", 0, i):i]:
                i -= 1
            return m.group(1) + raw[:i] + "<![CDATA[" + _unescape(raw[i:]) + "]]>" + m.group(3)
        return m.group(1) + "<![CDATA[" + t + "]]>" + m.group(3)
    return re.sub(r"(<(?:Char|Explicatus|DocumentType|DocumentTitle|Number|Year|DiesSigni)\b[^>]*>)([^<]+)(</\w+>)",
                  one, text)


def _empty_elements(text: str) -> str:
    """<X></X> as <X/> and <X/> as <X></X>."""
    text = re.sub(r"<([\w.-]+)((?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*/>", r"<\1\2></\1>", text)
    return re.sub(r"<([\w.-]+)((?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)></\1>", r"<\1\2 />", text)


def _decl(text: str, decl: str) -> str:
    return decl + _DECL.sub("", text) if _DECL.match(text) else decl + text


def _encoded(text: str, encoding: str) -> bytes:
    """The text in `encoding`, declared; characters it cannot represent as character references
    (only text and attribute values hold non-ASCII characters in LexDania)."""
    body = _DECL.sub("", text)
    head = f'<?xml version="1.0" encoding="{encoding}"?>'
    if encoding.upper().startswith("UTF-16"):
        return (head + body).encode("utf-16")  # with BOM
    return (head + body).encode(encoding, errors="xmlcharrefreplace")


TRANSFORMS = {
    "attribute order and quotes": lambda t: _reorder_attributes(t).encode(),
    "white space between elements": lambda t: _whitespace(t).encode(),
    "no white space between elements": lambda t: _no_whitespace(t).encode(),
    "CRLF line ends": lambda t: _crlf(t).encode(),
    "character references": lambda t: _char_refs(t).encode(),
    "unused namespace declaration": lambda t: _unused_namespace(t).encode(),
    "comments and processing instructions": lambda t: _comments_and_pis(t).encode(),
    "CDATA sections": lambda t: _cdata(t).encode(),
    "empty elements": lambda t: _empty_elements(t).encode(),
    "no XML declaration, no BOM": lambda t: _DECL.sub("", t).encode(),
    "XML declaration without encoding": lambda t: _decl(t, "<?xml version='1.0'?>").encode(),
    "UTF-8 with BOM": lambda t: b"\xef\xbb\xbf" + _decl(t, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>').encode(),
    "ISO-8859-1": lambda t: _encoded(t, "ISO-8859-1"),
    "windows-1252": lambda t: _encoded(t, "windows-1252"),
    "UTF-16 with BOM": lambda t: _encoded(t, "UTF-16"),
}


def _text(data: bytes) -> str:
    return data.decode("utf-8-sig")


def check_invariant(path: Path, names=None) -> list[str]:
    """The transformations under which `path` does not import identically (with what differs)."""
    data = path.read_bytes()
    name = str(path.relative_to(CORPUS))
    try:
        want = imported(data, name)
    except LawdiffError as e:
        want = {"error": str(e)}
    failures = []
    for tname, fn in TRANSFORMS.items():
        if names and tname not in names:
            continue
        try:
            got = imported(fn(_text(data)), name)
        except LawdiffError as e:
            got = {"error": str(e)}
        if got != want:
            keys = sorted(k for k in set(want) | set(got) if want.get(k) != got.get(k))
            detail = "; ".join(f"{k}: {str(want.get(k))[:120]!r} → {str(got.get(k))[:120]!r}" for k in keys
                               if k != "akn" and k != "amendment")
            failures.append(f"{name}: {tname}: {', '.join(keys)} {detail}")
    return failures


FAST_SAMPLE = sample(5)
CORPUS_SAMPLE = sample(60)


@pytest.mark.parametrize("path", FAST_SAMPLE, ids=lambda p: str(p.relative_to(CORPUS)))
def test_semantics_preserving_transformations_import_identically(path):
    assert check_invariant(path) == []


@pytest.mark.corpus
def test_semantics_preserving_transformations_on_a_corpus_sample():
    failures = []
    kinds = collections.Counter()
    for f in CORPUS_SAMPLE:
        kind, feats = _features(f.read_bytes())
        kinds[kind] += 1
        failures.extend(check_invariant(f))
    print(f"\n{len(CORPUS_SAMPLE)} dokumenter ({dict(kinds)}) × {len(TRANSFORMS)} transformationer: "
          f"{len(failures)} forskelle")
    for x in failures:
        print("  " + x)
    assert failures == []


# --- regressions found by the campaign ------------------------------------------------------


def test_utf16_keeps_footnote_references_out_of_the_law_text():
    """UTF-16 bytes hid the superscript from the byte-level look for footnote references: the
    markers ("3)") were written as law text, exit 0."""
    f = next(f for f in CORPUS_SAMPLE if b"uper" in f.read_bytes() and imported(f.read_bytes())["footnote_refs"])
    want = imported(f.read_bytes(), f.name)
    got = imported(TRANSFORMS["UTF-16 with BOM"](_text(f.read_bytes())), f.name)
    assert got["footnote_refs"] == want["footnote_refs"] > 0
    assert got["akn"] == want["akn"]


def test_utf16_original_act_still_gives_its_amendment_file():
    """An original act (LOV H) holding ændringsnumre, in UTF-16: no amendment file was written."""
    f = next(f for f in CORPUS_SAMPLE if _features(f.read_bytes())[0] == "LOV H" and b"<AendringsNummer" in f.read_bytes())
    got = imported(TRANSFORMS["UTF-16 with BOM"](_text(f.read_bytes())), f.name)
    assert got["amendment"] is not None and got["amendment"] == imported(f.read_bytes(), f.name)["amendment"]


@pytest.mark.parametrize("encoding", ["ISO-8859-1", "UTF-16"])
def test_a_bidi_override_is_refused_in_every_encoding(encoding):
    """The check for characters that never enter the law text read only UTF-8 bytes: in
    ISO-8859-1 (as &#x202E;) or UTF-16 an override reached the law text."""
    f = FAST_SAMPLE[0]
    text = _text(f.read_bytes())
    for bad in ("&#x202E;", "\u202e"):
        if bad == "\u202e" and encoding == "ISO-8859-1":
            continue  # not representable: written as a reference by _encoded
        mutated = re.sub(r"(<Char>)([^<]{3})", lambda m: m.group(1) + m.group(2) + bad, text, count=1)
        with pytest.raises(LawdiffError) as e:
            imported(_encoded(mutated, encoding), "x.xml")
        assert e.value.file == "x.xml" and e.value.line


def test_an_unknown_or_wrong_encoding_is_one_error_with_file_and_line():
    text = _text(FAST_SAMPLE[0].read_bytes())
    with pytest.raises(LawdiffError, match="ukendt tegnkodning"):
        imported(_decl(text, '<?xml version="1.0" encoding="x-klingon"?>').encode(), "x.xml")
    data = _encoded(text, "UTF-16")
    with pytest.raises(LawdiffError) as e:
        imported(data[:-1], "x.xml")  # half a character at the end
    assert e.value.line and e.value.line > 1
