"""Parsing untrusted XML safely with lxml: no DTDs, no entities, no network."""
from __future__ import annotations

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
