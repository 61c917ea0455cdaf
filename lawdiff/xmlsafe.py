"""Parsing untrusted XML safely with lxml: no DTDs, no entities, no network."""
from __future__ import annotations

import codecs
import re

from lxml import etree

from .errors import MappingError


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


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


def parse_bytes(data: bytes, path: str) -> etree._ElementTree:
    """Parse `data`; refuse DOCTYPEs (entity bombs, external entities) and bad XML."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as e:
        line = e.position[0] if e.position else None
        raise MappingError(f"ugyldig XML: {e.msg}", file=path, line=line,
                           hint="filen er afkortet eller ikke XML; hent den igen fra retsinformation.dk") from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise MappingError("XML med DOCTYPE/entiteter afvises (risiko for entitetsbombe eller ekstern entitet)",
                           file=path, line=1,
                           hint="officielle LexDania-filer har ingen DOCTYPE; brug den originale fil")
    for el in root.iter(etree.Entity):
        raise MappingError(f"entitetsreference &{el.name}; afvises", file=path, line=el.sourceline)
    return tree
