"""One official LexDania document read once for `lawdiff import lexdania`: parsed once, mapped by
the statute reader (lexdania.py) and, for an amending act or an original act holding
ændringsnumre, read into an amendment file's content (amending.py) from the same tree.

Reading each amending act a second time from its bytes cost a second XML parse of half the
corpus (benchmarks/bench_import.py). Both readers change the tree they read (the statute reader
removes a label it repaired, the amending reader moves nested numre out), so the amending reader
gets the shared tree only when the statute reader did not map the act (an amending act, which
it only summarises); an original act (LOV H) holding ændringsnumre is parsed again for it.

Every document is parsed without the white space between elements, which neither reader reads
(xmlsafe.parse_bytes, `blank_text=False`: a smaller tree, parsed, walked and freed faster): an
amending act is parsed so once for both readers; an original act holding ændringsnumre is parsed
again (lean) for the amending reader. The amending reader reads one thing from that white space,
hoist_nested's check for a typed « after a new text that holds numre or §§: such a document is
parsed again with it (amending.read_amending_root's `full_tree`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import read_source
from ..errors import LawdiffError
from ..gcpause import gc_paused
from ..xmlsafe import as_utf8, parse_bytes
from . import amending
from .lexdania import ImportResult, parse_lexdania, read_lexdania_root


# an amending act's type in its <Meta> (near the top of every LexDania file)
_AMENDING_ACT = "<DocumentType>LOV Æ".encode()


@dataclass
class Official:
    result: ImportResult
    amending: amending.AmendingAct | None = None  # read by amending.py, where `wants_amending`
    amending_error: LawdiffError | None = None  # why the amending reader refused the document

    @property
    def wants_amending(self) -> bool:
        return self.amending is not None or self.amending_error is not None


def read_official(data: bytes, path: str, law: str | None = None) -> Official:
    """Read one document; raises what `read_lexdania` raises. What only the amending reader
    refuses is kept in `amending_error` (the act version is still imported, as before)."""
    data = as_utf8(data, path)  # the readers look at the bytes too (footnote references, numre)
    with gc_paused():
        root = parse_lexdania(data, path, blank_text=False)
        res = read_lexdania_root(root, data, path, law)
        if res.amendment is None and not (res.act.doc_type == "lov" and amending.has_amendments(data)):
            return Official(res)
        try:
            if res.act is not None:  # the statute reader may have changed the tree
                root = parse_bytes(data, path, blank_text=False).getroot()
            return Official(res, amending=amending.read_amending_root(
                root, path, full_tree=lambda: parse_bytes(data, path).getroot()))
        except LawdiffError as e:
            return Official(res, amending_error=e)


def read_official_file(path: str | Path, law: str | None = None) -> Official:
    data, p = read_source(path)
    return read_official(data, p, law)
