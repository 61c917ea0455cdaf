"""Parsing untrusted XML safely with lxml: no DTDs, no entities, no network."""
from __future__ import annotations

import codecs
import re

from lxml import etree

from .errors import MappingError

# An entity reference in the file's bytes other than the five predefined ones and character
# references. Without one (in an ASCII-compatible encoding) the tree holds no Entity node, and
# parse_bytes skips the walk over every element that looks for one (0.1x lxml's parse on the
# corpus). libxml2 refuses an undeclared entity anyway, and a declared one needs the DOCTYPE
# refused before the walk: the walk is a second line of defence, kept wherever it could matter.
_ENTITY_REF = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos);|#)")
_ASCII_COMPATIBLE = frozenset({"utf-8", "us-ascii", "ascii", "iso-8859-1", "windows-1252"})


def has_entity_ref(data: bytes) -> bool:
    """Whether _ENTITY_REF occurs in `data`: each "&" found with memchr (`bytes.find`), several
    times faster than `re`'s byte-by-byte scan for it ("&" is rare: 150 in the LexDania corpus)."""
    i = data.find(b"&")
    while i != -1:
        if _ENTITY_REF.match(data, i):
            return True
        i = data.find(b"&", i + 1)
    return False


def ascii_compatible(data: bytes, tree: etree._ElementTree) -> bool:
    """The bytes hold "&name;" as ASCII: an ASCII-compatible declared (or default UTF-8) encoding,
    and no UTF-16/32 or EBCDIC start (lxml reports "UTF-8" for an undeclared UTF-16 file)."""
    start = data[3:5] if data.startswith(b"\xef\xbb\xbf") else data[:2]
    return (start[:1] == b"<" and start[1:2] not in (b"\x00", b"")
            and (tree.docinfo.encoding or "").lower() in _ASCII_COMPATIBLE)


def _parser(remove_blank_text: bool = False) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        remove_blank_text=remove_blank_text,
    )


def blank_text_ignorable(data: bytes) -> bool:
    """Whether parsing `data` without its blank text nodes (`parse_bytes(…, blank_text=False)`)
    gives the same text everywhere except white space that stands between two elements, or between
    an element and the start or end of its parent (what libxml2's "no blanks" heuristic removes).

    libxml2 drops a run of white space (space, tab, LF, CR only) that is followed by "<" and is not
    the whole content of its element (`<Char> </Char>` keeps its space), and not after or before
    text in the same element. A run followed by a comment, a processing instruction or a CDATA
    section is dropped too, where without those (removed by the parser, or text) it would be kept
    or joined to the text after it, and so is a run of blanks before a CR (" \r\nx" became "\nx"):
    such documents keep every blank (none of the 2,060 corpus documents has "<!", a CR or a
    processing instruction after the XML declaration)."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    return data.find(b"\r") == -1 and not _after_lt(data, b"!", 1) and not _after_lt(data, b"?", start + 2)


def _after_lt(data: bytes, ch: bytes, pos: int) -> bool:
    """Whether `ch` occurs at `pos` or later right after a "<" (data.find(b"<" + ch, pos - 1) != -1).
    The rare `ch` is found with memchr; a search for the pair stops at every "<" of the document,
    which made this check cost as much as a third of the bare parse it spares."""
    i = data.find(ch, pos)
    while i != -1:
        if data[i - 1] == 0x3C:  # "<"
            return True
        i = data.find(ch, i + 1)
    return False


_ENCODING_DECL = re.compile(rb"""<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']""")


def as_utf8(data: bytes, path: str) -> bytes:
    """`data` as UTF-8 bytes, its XML declaration saying so: a document in another encoding
    (UTF-16 with or without BOM, ISO-8859-1, windows-1252 …) is decoded as it declares.

    The readers look at a document's bytes before and beside the parse (characters that never
    enter the law text, superscript footnote references, ændringsnumre in an original act): on
    UTF-16 bytes those looks found nothing, and the import wrote footnote markers as law text and
    no amendment file, with exit 0. UTF-8 (every official document) is returned unchanged; the
    document keeps its lines, so every file:line stays right."""
    head = data[:4]
    if head[:3] == b"\xef\xbb\xbf" or head[:1] == b"<" and head[1:2] != b"\x00":
        m = _ENCODING_DECL.match(data, 3 if head[:3] == b"\xef\xbb\xbf" else 0)
        if m is None or m.group(1).lower() in (b"utf-8", b"utf8"):
            return data  # the fast path: UTF-8, declared or by default
        enc = m.group(1).decode("ascii", "replace")
    elif head in (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00"):
        enc = "utf-32"
    elif head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        enc = "utf-16"
    elif head[:2] == b"<\x00":
        enc = "utf-16-le"
    elif head[:2] == b"\x00<":
        enc = "utf-16-be"
    else:
        return data  # not XML as far as the first bytes tell: the parser says what is wrong
    try:
        codecs.lookup(enc)
    except LookupError:
        raise MappingError(f"ukendt tegnkodning »{enc}« i XML-erklæringen", file=path, line=1,
                           hint="officielle LexDania-filer er UTF-8; brug den originale fil") from None
    if not codecs.lookup(enc).name.startswith("utf"):
        _not_utf8_declared_otherwise(data, enc, path)
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as e:
        line = data[:e.start].decode(enc, "replace").count("\n") + 1
        raise MappingError(f"filen kan ikke læses som {enc}: {e.reason}", file=path, line=line,
                           hint="filen er beskadiget eller har en forkert tegnkodning i XML-erklæringen; "
                                "hent den igen fra retsinformation.dk") from None
    text = text.removeprefix("\ufeff")
    text = re.sub(r"^(<\?xml[^>]*?\sencoding\s*=\s*[\"'])[^\"']*", r"\1UTF-8", text, count=1)
    return text.encode("utf-8", "surrogatepass")


_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _not_utf8_declared_otherwise(data: bytes, enc: str, path: str) -> None:
    """UTF-8 bytes declared as a one-byte encoding (ISO-8859-1, windows-1252 …) decode without an
    error, every »æ« as »Ã¦«: a wrong law text with exit 0 where no label happens to break. Text in a
    one-byte encoding with letters beyond ASCII is next to never valid UTF-8 ("æ" + a space is not)."""
    m = _NON_ASCII.search(data)
    if m is None:
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return
    raise MappingError(f"filen er erklæret som {enc} i XML-erklæringen, men dens tegn er skrevet i UTF-8 "
                       f"(»{data[m.start():m.start() + 2].decode('utf-8', 'replace')}« ville blive læst som "
                       f"»{data[m.start():m.start() + 2].decode(enc, 'replace')}«)", file=path,
                       line=data.count(b"\n", 0, m.start()) + 1,
                       hint="ret tegnkodningen i XML-erklæringen til UTF-8, eller hent filen igen fra retsinformation.dk")


def parse_bytes(data: bytes, path: str, blank_text: bool = True) -> etree._ElementTree:
    """Parse `data`; refuse DOCTYPEs (entity bombs, external entities) and bad XML.

    With `blank_text=False`, white space between elements is left out of the tree where that
    changes no other text (`blank_text_ignorable`): a reader that never reads white space between
    elements (lexdania.py's mapping) gets a smaller tree, parsed and freed faster (~0.2x lxml's bare
    parse on the corpus). Otherwise, and for a document that does not parse, it is parsed as usual."""
    if not blank_text and blank_text_ignorable(data):
        try:
            root = etree.fromstring(data, _parser(remove_blank_text=True))
        except etree.XMLSyntaxError:
            pass  # refused below with the usual parse's message
        else:
            if ascii_compatible(data, root.getroottree()):  # else "<!" may be spelt otherwise in the bytes
                return _checked(root, data, path)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as e:
        line = e.position[0] if e.position else None
        if "Resource limit exceeded" in e.msg or "Excessive depth" in e.msg or "XML_PARSE_HUGE" in e.msg:
            # libxml2's limits against hostile files (a text node over 10 MB, nesting over 256 levels):
            # not a truncated file, and no official document comes near them
            raise MappingError(f"XML-filen overskrider grænserne for sikker læsning: {e.msg}", file=path, line=line,
                               hint="officielle LexDania-filer har hverken tekster over 10 MB i ét element eller "
                                    "over 256 niveauer; brug den originale fil fra retsinformation.dk") from None
        raise MappingError(f"ugyldig XML: {e.msg}", file=path, line=line,
                           hint="filen er afkortet eller ikke XML; hent den igen fra retsinformation.dk") from None
    return _checked(root, data, path)


def _checked(root: etree._Element, data: bytes, path: str) -> etree._ElementTree:
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise MappingError("XML med DOCTYPE/entiteter afvises (risiko for entitetsbombe eller ekstern entitet)",
                           file=path, line=1,
                           hint="officielle LexDania-filer har ingen DOCTYPE; brug den originale fil")
    if not ascii_compatible(data, tree) or has_entity_ref(data):
        for el in root.iter(etree.Entity):
            raise MappingError(f"entitetsreference &{el.name}; afvises", file=path, line=el.sourceline)
    return tree
