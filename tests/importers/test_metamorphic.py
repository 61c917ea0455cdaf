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
import yaml
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
            pool[:] = [f for f in pool if f not in chosen]
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


# white space between two tags, unless it is the whole content of a <Char> or <Explicatus>
# (`<Char formaChar="Bold">\n   </Char>`: text, which the importer keeps)
_BETWEEN_TAGS = re.compile(r"(?<!<Char)(?<!<Explicatus)(?<!\")>([ \t\r\n]+)<|(?<=\")>([ \t\r\n]+)<(?!/Char>|/Explicatus>)")


def _whitespace(text: str) -> str:
    """More insignificant white space: the indentation as tabs and spaces, and white space after
    every end tag and empty-element tag (the tail of an element: LexDania has no mixed content)."""
    text = _BETWEEN_TAGS.sub(lambda m: ">" + (m.group(1) or m.group(2)).replace("  ", "\t ") + " \t<", text)
    return re.sub(r"(</[\w.-]+>|/>)(?=<)", r"\1 \t ", text)


def _no_whitespace(text: str) -> str:
    """No white space between elements except the line breaks (minified, lines kept)."""
    return _BETWEEN_TAGS.sub(lambda m: ">" + "\n" * (m.group(1) or m.group(2)).count("\n") + "<", text)


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


# --- (2) semantics-changing mutations: refused, or no word of the body lost ----------------

_WORD = re.compile(r"\w+")
_MARKER_RUN = re.compile(r"\s*(?:(?:\d{1,3}\)|\(\*\)|\*\))\s*)+")


_INVISIBLE = dict.fromkeys(i for i in range(0x10000) if unicodedata.category(chr(i)) == "Cf")


def words(text: str) -> collections.Counter:
    """Words, lower case, NFC; invisible format characters (soft hyphen, zero-width non-joiner:
    the importer's text normalisation removes them) do not split a word."""
    return collections.Counter(_WORD.findall(unicodedata.normalize("NFC", text.translate(_INVISIBLE)).lower()))


def source_words(root: etree._Element, amending_act: bool) -> collections.Counter:
    """The words of the document's body as a reader sees them. Left out: superscript runs that
    look like footnote markers (the importer leaves the ones naming a note out of the law text and
    keeps the others; either way no word is lost); for an amending act, the enacting formula
    (Hymne/Indledning: "Vi Margrethe den Anden …"), the same in every act and not written to its
    amendment file."""
    body = root.find("DokumentIndhold")
    out: collections.Counter = collections.Counter()
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        if amending_act and any(a.tag in ("Hymne", "Indledning") for a in el.iterancestors()):
            continue
        if el.tag == "Linea":
            out += words(_linea_as_read(el))
            out += words(el.tail or "")
            continue
        if any(a.tag == "Linea" for a in el.iterancestors()):
            continue  # read with its Linea
        out += words(el.text or "")
        if el is not body:
            out += words(el.tail or "")
    return out


def _linea_as_read(li: etree._Element) -> str:
    """A <Linea>'s text as a reader sees it: the runs glued, except that two plain runs (no
    formaChar) meeting at a line break of an old conversion are two words (the importer's
    documented reading, lexdania.linea_text); superscript footnote markers left out (see above);
    any text or element that is not a <Char> is kept as text."""
    def tail(t: str | None) -> str:  # white space between the runs is the file's layout
        return t if t and not t.isspace() else ""

    parts = [tail(li.text)]
    prev_plain = False
    for ch in li:
        if not isinstance(ch.tag, str):
            parts.append(tail(ch.tail))
            continue
        forma = ch.get("formaChar")
        t = "".join(ch.itertext())
        if ch.tag == "Char" and forma and "uper" in forma and _MARKER_RUN.fullmatch(t):
            t = " "
        plain = ch.tag == "Char" and not forma
        parts.append((" " if plain and prev_plain else "") + t + tail(ch.tail))
        prev_plain = plain
    return "".join(parts)


def written_words(got: dict) -> collections.Counter:
    """The words of what the import wrote: the AKN file's text, or the amendment file printed
    back as `lawdiff instructions` prints it (a refused nummer verbatim)."""
    from lawdiff.render.instructions import amendment_lines
    from lawdiff.yamlfile import load_yaml

    out: collections.Counter = collections.Counter()
    if got["akn"] is not None:
        tree = etree.fromstring(got["akn"])
        out += words(" ".join(tree.itertext()))
        # a note's marker ("3)") is written as an attribute of its authorialNote
        out += words(" ".join(tree.xpath("//*[local-name()='authorialNote']/@marker")))
    if got["amendment"] is not None:
        doc = load_yaml(got["amendment"].encode("utf-8"), "x.yaml")[0]
        out += words("\n".join(amendment_lines(doc)))
    return out


def lost_words(data: bytes, path: str) -> tuple[dict | None, collections.Counter | str]:
    """(what the import wrote, the source's words missing from it); or (None, the error message)."""
    try:
        got = imported(data, path)
    except LawdiffError as e:
        assert e.file == path and e.line, f"an error must name file:line: {e}"
        return None, str(e)
    root = etree.fromstring(data)
    dtype = root.findtext("Meta/DocumentType") or ""
    src = source_words(root, dtype.startswith("LOV Æ"))
    for _line, text in got["dropped"]:
        src -= words(text)
    if got["amending_error"] is not None:
        # the amending reader refused the document: `lawdiff import lexdania` prints the error
        # (file:line) and exits 1
        return None, got["amending_error"]
    if dtype.startswith("LOV Æ") and got["amendment"] is None:
        return got, "ændringsloven gav ingen ændringsfil"
    return got, src - written_words(got)


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root.getroottree(), encoding="utf-8", xml_declaration=True)


def _char(text: str) -> etree._Element:
    c = etree.Element("Char")
    c.text = text
    return c


def _linea(text: str) -> etree._Element:
    li = etree.Element("Linea")
    li.append(_char(text))
    return li


PLANT = "Xyzzyordet"  # a word that is in no document: planted text must reach the output or be refused


def _pick(root, xpath: str, k: int):
    found = root.xpath(xpath)
    return found[k % len(found)] if found else None


def _m_drop_section_label(root, k):
    ex = _pick(root, "//DokumentIndhold//Paragraf/Explicatus[normalize-space()]", k)
    if ex is None:
        return None
    ex.text = ""
    return ex


def _m_remove_section_explicatus(root, k):
    ex = _pick(root, "//DokumentIndhold//Paragraf/Explicatus[normalize-space()]", k)
    if ex is None:
        return None
    ex.getparent().remove(ex)
    return ex.getparent() if ex.getparent() is not None else root


def _m_duplicate_stk_number(root, k):
    st = _pick(root, "//DokumentIndhold//Stk[preceding-sibling::Stk[Explicatus[normalize-space()]]]"
                     "[Explicatus[normalize-space()]]", k)
    if st is None:
        return None
    prev = st.getprevious()
    while prev is not None and prev.tag != "Stk":
        prev = prev.getprevious()
    st.find("Explicatus").text = prev.find("Explicatus").text
    return st


def _m_unknown_element(where: str):
    def m(root, k):
        el = _pick(root, f"//DokumentIndhold//{where}", k)
        if el is None:
            return None
        new = etree.SubElement(el, "Ukendt")
        new.append(_linea(PLANT))
        return el
    return m


def _m_unknown_element_in_linea(root, k):
    li = _pick(root, "//DokumentIndhold//Linea", k)
    if li is None:
        return None
    etree.SubElement(li, "Ukendt").text = PLANT
    return li


def _m_text_outside(where: str, tail: bool = False):
    def m(root, k):
        el = _pick(root, f"//DokumentIndhold//{where}", k)
        if el is None:
            return None
        if tail:
            el.tail = f" {PLANT} " + (el.tail or "")
        else:
            el.text = f" {PLANT} " + (el.text or "")
        return el
    return m


def _m_child_in_explicatus(root, k):
    ex = _pick(root, "//DokumentIndhold//Explicatus[normalize-space()]", k)
    if ex is None:
        return None
    etree.SubElement(ex, "Char").text = PLANT
    return ex


def _m_remove_quote(root, k):
    c = _pick(root, "//AendringDefinition//Char[contains(., '»')]", k)
    if c is None:
        return None
    i = c.text.index("»")
    c.text = c.text[:i] + c.text[i + 1:]
    return c


def _m_unreadable_instruction(root, k):
    d = _pick(root, "//AendringsNummer/Aendring/AendringDefinition", k)
    if d is None:
        return None
    lineas = list(d.iter("Linea"))
    if not lineas:
        return None
    for li in lineas[1:]:
        li.getparent().remove(li)
    for c in list(lineas[0]):
        lineas[0].remove(c)
    lineas[0].append(_char(f"I § 3 sker der noget {PLANT}."))
    return d


def _m_unreadable_instruction_with_text(root, k):
    a = _pick(root, "//AendringsNummer/Aendring[AendringAktion/AendringNyTekst/*]", k)
    if a is None:
        return None
    d = a.find("AendringDefinition")
    chars = d.xpath(".//Char") if d is not None else []
    if not chars:
        return None
    chars[-1].text = f"{PLANT} bliver til følgende:"
    return a


def _m_linea_in_index(root, k):
    ind = _pick(root, "//DokumentIndhold//Index", k)
    if ind is None:
        return None
    ind.append(_linea(PLANT))
    return ind


def _m_nested_exitus_text(root, k):
    ex = _pick(root, "//DokumentIndhold//Exitus", k)
    if ex is None:
        return None
    ex.append(_linea(PLANT))
    return ex


def _m_char_outside_linea(where: str):
    def m(root, k):
        el = _pick(root, f"//DokumentIndhold//{where}", k)
        if el is None:
            return None
        el.append(_char(PLANT))
        return el
    return m


MUTATIONS = {
    "§ label emptied": _m_drop_section_label,
    "§ <Explicatus> removed": _m_remove_section_explicatus,
    "stk. number duplicated": _m_duplicate_stk_number,
    "unknown element in <Paragraf>": _m_unknown_element("Paragraf"),
    "unknown element in <Stk>": _m_unknown_element("Stk"),
    "unknown element in <Exitus>": _m_unknown_element("Exitus"),
    "unknown element in <Kapitel>": _m_unknown_element("Kapitel"),
    "unknown element in <Indentatio>": _m_unknown_element("Indentatio"),
    "unknown element in <Nota>": _m_unknown_element("Nota"),
    "unknown element in <Table>": _m_unknown_element("Table"),
    "unknown element in <Td>": _m_unknown_element("Td"),
    "unknown element in <AendringsNummer>": _m_unknown_element("AendringsNummer"),
    "unknown element in <AendringNyTekst>": _m_unknown_element("AendringNyTekst"),
    "unknown element in <AendringCentreretParagraf>": _m_unknown_element("AendringCentreretParagraf"),
    "unknown element in <Ikraft>": _m_unknown_element("Ikraft"),
    "unknown element in <IkraftCentreretParagraf>": _m_unknown_element("IkraftCentreretParagraf"),
    "unknown element in <Linea>": _m_unknown_element_in_linea,
    "element in <Explicatus>": _m_child_in_explicatus,
    "text in <Exitus>": _m_text_outside("Exitus"),
    "text in <Stk>": _m_text_outside("Stk"),
    "text in <Paragraf>": _m_text_outside("Paragraf"),
    "text in <Kapitel>": _m_text_outside("Kapitel"),
    "text in <Index>": _m_text_outside("Index"),
    "text in <Indentatio>": _m_text_outside("Indentatio"),
    "text in <Rubrica>": _m_text_outside("Rubrica"),
    "text in <Nota>": _m_text_outside("Nota"),
    "text in <Tr>": _m_text_outside("Tr"),
    "text in <Td>": _m_text_outside("Td"),
    "text in <Table>": _m_text_outside("Table"),
    "text in <AendringsNummer>": _m_text_outside("AendringsNummer"),
    "text in <Aendring>": _m_text_outside("Aendring"),
    "text in <AendringDefinition>": _m_text_outside("AendringDefinition"),
    "text in <AendringNyTekst>": _m_text_outside("AendringNyTekst"),
    "text in <AendringCentreretParagraf>": _m_text_outside("AendringCentreretParagraf"),
    "text in <Ikraft>": _m_text_outside("Ikraft"),
    "text after </Paragraf>": _m_text_outside("Paragraf", tail=True),
    "text after </Linea>": _m_text_outside("Linea", tail=True),
    "text after </Explicatus>": _m_text_outside("Explicatus", tail=True),
    "text after </Exitus>": _m_text_outside("Exitus", tail=True),
    "text after </Stk>": _m_text_outside("Stk", tail=True),
    "text after </Rubrica>": _m_text_outside("Rubrica", tail=True),
    "text after </Nota>": _m_text_outside("Nota", tail=True),
    "<Linea> directly in <Index>": _m_linea_in_index,
    "<Linea> appended to an <Exitus>": _m_nested_exitus_text,
    "<Char> directly in <Exitus>": _m_char_outside_linea("Exitus"),
    "<Char> directly in <Indentatio>": _m_char_outside_linea("Indentatio"),
    "<Char> directly in <AendringNyTekst>": _m_char_outside_linea("AendringNyTekst"),
    "<Char> directly in <Rubrica>": _m_char_outside_linea("Rubrica"),
    "» removed from an instruction": _m_remove_quote,
    "unreadable instruction": _m_unreadable_instruction,
    "unreadable instruction before new text": _m_unreadable_instruction_with_text,
}


def _messages(got: dict) -> set[str]:
    return set(got["warnings"]) | set(got.get("amending_warnings") or []) | set(got.get("refused") or [])


def _warned(got: dict, before: set[str], el: etree._Element) -> bool:
    """Whether the import reported something new naming a line of the mutated element (or of an
    element around it: a refused nummer names the nummer's line)."""
    lines = {e.sourceline for e in [el, *el.iterancestors(), *el.iterdescendants()] if isinstance(e.tag, str)}
    return any(f":{n}:" in msg for msg in _messages(got) - before for n in lines)


def check_mutations(path: Path, ks=(0, 7)) -> tuple[list[str], collections.Counter]:
    """The mutations of `path` that silently lose words, and how each mutation ended."""
    data = path.read_bytes()
    name = str(path.relative_to(CORPUS))
    base = etree.fromstring(data)
    before = _messages(imported(data, name))
    outcomes: collections.Counter = collections.Counter()
    losses = []
    for mname, fn in MUTATIONS.items():
        for k in ks:
            root = copy.deepcopy(base)
            el = fn(root, k)
            if el is None:
                continue
            got, lost = lost_words(_serialise(root), name)
            if got is None:
                outcomes["refused"] += 1
            elif lost and _warned(got, before, el):
                outcomes["imported with a warning naming the line"] += 1
            elif isinstance(lost, str):
                outcomes["lost"] += 1
                losses.append(f"{name}: {mname} (line {el.sourceline}): {lost}")
            elif lost:
                outcomes["lost"] += 1
                losses.append(f"{name}: {mname} (line {el.sourceline}): {len(lost)} words lost: "
                              f"{' '.join(sorted(lost.elements()))[:200]}")
            else:
                outcomes["imported, nothing lost"] += 1
    return losses, outcomes


@pytest.mark.parametrize("path", FAST_SAMPLE, ids=lambda p: str(p.relative_to(CORPUS)))
def test_the_unmutated_document_loses_no_word(path):
    got, lost = lost_words(path.read_bytes(), str(path.relative_to(CORPUS)))
    assert got is not None and not lost, lost


# Mutations that still lose words silently (found by this campaign, not yet fixed): each is
# reported by the corpus test; the tests fail on any loss outside this list.
KNOWN_LOSSES: set[str] = set()


def _unexpected(losses: list[str]) -> list[str]:
    return [x for x in losses if not any(f": {k} (line" in x for k in KNOWN_LOSSES)]


@pytest.mark.parametrize("path", FAST_SAMPLE, ids=lambda p: str(p.relative_to(CORPUS)))
def test_mutations_are_refused_or_lose_no_word(path):
    losses, outcomes = check_mutations(path)
    assert _unexpected(losses) == []


@pytest.mark.corpus
def test_mutations_on_a_corpus_sample():
    losses = []
    outcomes: collections.Counter = collections.Counter()
    for f in CORPUS_SAMPLE:
        got, lost = lost_words(f.read_bytes(), str(f.relative_to(CORPUS)))
        assert got is not None and not lost, f"{f}: {lost}"
        ls, oc = check_mutations(f)
        losses += ls
        outcomes += oc
    print(f"\n{len(CORPUS_SAMPLE)} dokumenter, {len(MUTATIONS)} mutationer: {dict(outcomes)}")
    for x in losses:
        print("  " + x)
    assert _unexpected(losses) == []


@pytest.mark.parametrize("where,text", [
    ("<Exitus>", "<Exitus> Xyzzyordet "), ("</Explicatus>", "</Explicatus> Xyzzyordet "),
    ("</Linea>", "</Linea>Xyzzyordet"), ("<Exitus>", "<Exitus><![CDATA[Xyzzyordet]]>"),
    ("<Exitus>", "<Exitus><!-- c -->Xyzzyordet"),
])
def test_text_outside_char_and_explicatus_is_refused(where, text):
    """Text directly in a structural element (or after its end tag) was read by no reader and
    silently left out of the import, exit 0."""
    f = FAST_SAMPLE[0]
    src = _text(f.read_bytes())
    body = src.index("<DokumentIndhold")
    at = src.index(where, body)
    mutated = src[:at] + text + src[at + len(where):]
    line = mutated.count("\n", 0, at) + 1
    for read in (imported, lambda d, p: amending.read_amending(d, p)):
        with pytest.raises(LawdiffError, match="tekst uden for <Char>") as e:
            read(mutated.encode(), "x.xml")
        assert e.value.file == "x.xml" and abs(e.value.line - line) <= 1


def test_text_in_meta_and_in_chars_is_not_stray():
    """The search is limited to the body; formatted runs hold text (no false refusal)."""
    f = next(f for f in FAST_SAMPLE + CORPUS_SAMPLE if b'<Char formaChar="Bold Italic">' in f.read_bytes()
             or b'formaChar="Underline' in f.read_bytes())
    imported(f.read_bytes(), f.name)


def test_the_ministry_heading_of_an_aendringsparagraf_is_kept():
    """Lov nr. 1612 af 26/12/2013 (2013/2013-651): an act amending the laws of several ministries
    sets the ministry as a heading of each ændringsparagraf ("Social- og Integrationsministeriet");
    the amendment file left it out (95 ændringsparagraffer of the corpus)."""
    f = CORPUS / "2013/2013-651.xml"
    got = imported(f.read_bytes(), "2013/2013-651.xml")
    assert "overskrift: Social- og Integrationsministeriet" in got["amendment"]
    assert "Økonomi- og Indenrigsministeriet" in got["amendment"]
    got_, lost = lost_words(f.read_bytes(), "2013/2013-651.xml")
    assert not lost


def test_an_unknown_element_in_an_aendringsparagraf_is_refused():
    f = CORPUS / "2013/2013-651.xml"
    root = etree.fromstring(f.read_bytes())
    acp = root.find("DokumentIndhold/AendringCentreretParagraf")
    etree.SubElement(acp, "Ukendt").append(_linea(PLANT))
    with pytest.raises(LawdiffError, match="uventet element <Ukendt> i ændringsparagraffen"):
        amending.read_amending(_serialise(root), "x.xml")
    off = read_official(_serialise(root), "x.xml")
    assert off.amending is None and "Ukendt" in str(off.amending_error)


@pytest.mark.parametrize("mutation", ["unknown element in <Nota>", "unknown element in <Table>",
                                      "unknown element in <Td>"])
def test_an_unknown_element_in_a_note_or_table_is_refused(mutation):
    """A note read only its <Exitus>, a table only its <Tr>s' <Td>/<Th>s: anything else (with its
    text) was left out unseen."""
    for f in FAST_SAMPLE + CORPUS_SAMPLE:
        if _features(f.read_bytes())[0] != "LOV Æ":
            root = etree.fromstring(f.read_bytes())
            el = MUTATIONS[mutation](root, 0)
            if el is not None:
                break
    with pytest.raises(LawdiffError, match="uventet element") as e:
        imported(_serialise(root), "x.xml")
    assert e.value.line >= el.sourceline


def test_a_line_directly_in_a_list_of_new_text_refuses_the_nummer():
    """A <Linea> directly in an <Index> of an AendringNyTekst: its text was left out of the new
    text; now the nummer is refused (kept verbatim, named with file:line)."""
    f = next(f for f in CORPUS_SAMPLE if b"<AendringNyTekst" in f.read_bytes()
             and etree.fromstring(f.read_bytes()).xpath("//AendringNyTekst//Index"))
    root = etree.fromstring(f.read_bytes())
    ind = root.xpath("//AendringNyTekst//Index")[0]
    ind.append(_linea(PLANT))
    got = imported(_serialise(root), "x.xml")
    assert any("uventet element <Linea> i en liste" in r for r in got["refused"])
    assert PLANT in got["amendment"]


def test_an_unknown_element_in_a_table_of_new_text_refuses_the_nummer():
    """The new text's table read only its <Tr>s (anywhere) and their <Td>/<Th>s: an element
    beside them lost its text."""
    f = CORPUS / "2010/2010-626.xml"  # lov nr. 626 af 11/06/2010: a table in new text
    root = etree.fromstring(f.read_bytes())
    table = root.xpath("//AendringNyTekst//Table")[0]
    etree.SubElement(table, "Ukendt").append(_linea(PLANT))
    got = imported(_serialise(root), "x.xml")
    assert any("uventet element <Ukendt> i en tabel" in r for r in got["refused"])
    assert PLANT in got["amendment"]


def test_a_provision_kept_verbatim_keeps_its_labels():
    """An ikrafttræden § the new-text reader cannot lay out is kept as its lines: the labels
    ("Stk. 2.", "1)") were left out of those lines."""
    f = CORPUS / "2010/2010-626.xml"
    root = etree.fromstring(f.read_bytes())
    ind = root.xpath("//IkraftCentreretParagraf//Index")[0]
    ind.append(_linea(PLANT))
    data = _serialise(root)
    got, lost = lost_words(data, "x.xml")
    assert got is not None and not lost, lost
    assert PLANT in got["amendment"]


def _reads(root) -> dict:
    return imported(_serialise(root), "x.xml")


def test_a_section_without_its_number_is_reported():
    """A § whose label is lost holds law text no citation reaches: reported with file:line (it was
    imported silently as an unnumbered placeholder)."""
    root = etree.fromstring((CORPUS / "2016/2016-1342.xml").read_bytes())
    ex = _m_drop_section_label(root, 4)  # § 4: "Formålet med beskæftigelsesindsatsen er …"
    assert "Ophævet" not in "".join(ex.getparent().itertext())
    got = _reads(root)
    assert any(w.startswith(f"x.xml:{ex.getparent().sourceline}: en paragraf uden nummer") for w in got["warnings"])


def test_a_duplicated_stk_or_section_number_is_reported():
    root = etree.fromstring((CORPUS / "2016/2016-1342.xml").read_bytes())
    st = _m_duplicate_stk_number(root, 3)
    got = _reads(root)
    assert any(w.startswith(f"x.xml:{st.sourceline}: ") and "har to stykker med nummeret" in w for w in got["warnings"])
    # real sources: LBK 1017/2011 § 2 has two "Stk. 2."; LBK 55/2017 has two "§ 66 a."
    res = imported((CORPUS / "2011/2011-1017.xml").read_bytes(), "a.xml")
    assert "a.xml:361: § 2. har to stykker med nummeret 2 i kilden; »stk. 2« kan ikke adresseres entydigt" in res["warnings"]
    res = imported((CORPUS / "2017/2017-55.xml").read_bytes(), "b.xml")
    assert any(w.startswith("b.xml:2366: § 66 a findes to gange i kilden (også linje 2318)") for w in res["warnings"])


def test_placeholders_are_not_reported():
    """"§ (Ophævet)" in a repealed chapter is an unnumbered placeholder, not an error."""
    for f in CORPUS_SAMPLE:
        assert not any("paragraf uden nummer" in w and "Ophævet" in w for w in imported(f.read_bytes(), "x")["warnings"])


def test_an_act_with_annexes_keeps_them():
    """Bilag are imported into the act version (written as <attachments>), without the old warning
    that they are not; an amending act's own bilag are in its amendment file (`bilag`)."""
    f = next(f for f in CORPUS_SAMPLE if _features(f.read_bytes())[0] == "LBK" and b"<Bilag" in f.read_bytes())
    got = imported(f.read_bytes(), "x.xml")
    label = " ".join((etree.fromstring(f.read_bytes()).find("Bilag").findtext("Explicatus") or "").split())
    assert b"<attachments>" in got["akn"] and f"<num>{label}</num>".encode() in got["akn"]
    assert not any("bilag importeres ikke" in w for w in got["warnings"])
    f = next(f for f in CORPUS_SAMPLE if _features(f.read_bytes())[0] == "LOV Æ" and b"<Bilag" in f.read_bytes())
    got = imported(f.read_bytes(), "x.xml")
    n = len(etree.fromstring(f.read_bytes()).findall("Bilag"))
    assert len(yaml.safe_load(got["amendment"])["bilag"]) == n


def test_an_element_inside_a_label_is_refused():
    """<Explicatus>§ 5<Char>…</Char></Explicatus>: the readers take the label's own text, and the
    element's text was lost silently."""
    for name in ("2016/2016-1342.xml", "2012/2012-1227.xml"):
        root = etree.fromstring((CORPUS / name).read_bytes())
        ex = _m_child_in_explicatus(root, 10)
        for read in (imported, lambda d, p: amending.read_amending(d, p)):
            if read is not imported and _features((CORPUS / name).read_bytes())[0] == "LBK":
                continue
            with pytest.raises(LawdiffError, match="<Explicatus> indeholder elementet <Char>") as e:
                read(_serialise(root), "x.xml")
            assert e.value.line == ex.sourceline


@pytest.mark.parametrize("rewrite", [
    lambda t: t.replace("<Dokument ", '<Dokument xmlns="urn:x-andet-format" ', 1),
    lambda t: re.sub(r"<(/?)([A-Za-z])", r"<\1x:\2", t).replace("<x:Dokument ", '<x:Dokument xmlns:x="urn:x" ', 1),
])
def test_a_namespace_is_a_different_vocabulary_and_refused(rewrite):
    """LexDania has no namespace: the same element names in a namespace are another format, which
    is refused (file:line), never read as LexDania."""
    with pytest.raises(LawdiffError, match="ikke et LexDania-dokument") as e:
        imported(rewrite(_text(FAST_SAMPLE[0].read_bytes())).encode(), "x.xml")
    assert e.value.file == "x.xml" and e.value.line


def test_an_aendring_without_its_definition_is_refused_not_a_traceback():
    """Found by the fuzz test (tests/test_fuzz.py, now reading amending acts too): the verbatim
    text of the refused nummer read the missing <AendringDefinition> and crashed."""
    root = etree.fromstring((CORPUS / "2013/2013-633.xml").read_bytes())
    d = root.xpath("//AendringsNummer/Aendring/AendringDefinition")[0]
    an = d.getparent().getparent()
    d.getparent().remove(d)
    got = imported(_serialise(root), "x.xml")
    assert any(r.startswith(f"x.xml:{an.sourceline}: ") and "uden <AendringDefinition>" in r for r in got["refused"])


def test_an_amending_act_without_a_body_is_one_error():
    data = ("<Dokument><Meta><DocumentType>LOV Æ</DocumentType><DiesSigni>2010-01-01</DiesSigni>"
            "<Number>1</Number><Year>2010</Year></Meta></Dokument>").encode()
    with pytest.raises(LawdiffError, match="intet <DokumentIndhold>"):
        amending.read_amending(data, "x.xml")


def test_an_empty_looking_nummer_with_text_is_not_skipped():
    """Lov nr. 1601 af 22/12/2010 holds an empty <AendringsNummer> (skipped with a warning); one
    whose only text stood in an element the nummer reader does not know was skipped as empty too."""
    root = etree.fromstring((CORPUS / "2010/2010-1601.xml").read_bytes())
    an = _m_unknown_element("AendringsNummer")(root, 0)
    assert not norm(an.findtext("Explicatus") or "")  # the source's empty nummer
    got = imported(_serialise(root), "x.xml")
    assert any(r.startswith(f"x.xml:{an.sourceline}: ") for r in got["refused"])
    assert not any(w.startswith(f"x.xml:{an.sourceline}: ") and "sprunget over" in w for w in got["amending_warnings"])


@pytest.mark.parametrize("where", ["Exitus", "Indentatio", "AendringNyTekst"])
def test_a_run_outside_any_line_is_refused_or_refuses_its_nummer(where):
    """A <Char> directly in an <Exitus>, <Indentatio> or new text: the flat readers (an original
    act's ændringsparagraffer, an LBK's ikraft notes) and the new-text reader of amending acts
    read only <Linea>s, and lost its text."""
    name = "2013/2013-651.xml"  # lov nr. 1612 af 26/12/2013 (LOV Æ)
    data = (CORPUS / name).read_bytes()
    root = etree.fromstring(data)
    el = _m_char_outside_linea(where)(root, 7)
    got, lost = lost_words(_serialise(root), name)
    assert got is None or _warned(got, _messages(imported(data, name)), el)
    root = etree.fromstring((CORPUS / "2012/2012-1227.xml").read_bytes())  # an original act amending others
    _m_char_outside_linea(where)(root, 7)
    with pytest.raises(LawdiffError, match="<Char>"):
        imported(_serialise(root), "x.xml")


def test_a_run_outside_any_line_of_an_instruction_refuses_the_nummer():
    """The verbatim text of the refused nummer read the instruction again and crashed."""
    root = etree.fromstring((CORPUS / "2013/2013-651.xml").read_bytes())
    d = root.xpath("//AendringsNummer/Aendring/AendringDefinition")[3]
    d.append(_char(PLANT))
    an = d.getparent().getparent()
    got = imported(_serialise(root), "x.xml")
    assert any(r.startswith(f"x.xml:{an.sourceline}: ") and "uden for en linje" in r for r in got["refused"])


def test_a_run_outside_any_line_of_a_note_is_refused():
    """A note's text was read from its Lineas only (LBK 246/2014: a note in the ikraft part)."""
    root = etree.fromstring((CORPUS / "2014/2014-246.xml").read_bytes())
    el = _m_char_outside_linea("Exitus")(root, 7)
    assert el.getparent().tag == "Nota"
    with pytest.raises(LawdiffError, match="står uden for en <Linea>"):
        imported(_serialise(root), "x.xml")


@pytest.mark.parametrize("where", ["TitelGruppe/Titel", "TitelGruppe/UnderTitel"])
def test_a_run_outside_any_line_of_the_amending_acts_title_is_a_mapping_error(where):
    """The amending reader's title and subtitle raised its internal Unreadable, a traceback (found by
    the corpus fuzz test on lov 378/2012); now an error naming file:line, as for an ændringsparagraf's heading."""
    root = etree.fromstring((CORPUS / "2012/2012-378.xml").read_bytes())
    el = root.find(where)
    el.append(_char(PLANT))
    # the act version is still imported; the amending reader's refusal is kept as its error
    err = read_official(_serialise(root), "x.xml").amending_error
    assert isinstance(err, LawdiffError) and "<Char>" in err.message
    assert err.file == "x.xml" and err.line == el.sourceline
