"""The amending reader reads a tree parsed without the white space between elements (as
importers/official.py now parses every document) exactly as one parsed with it: the same amendment
file, warnings and refused numre, and the same refusals of the document, from the parse's checks
(parse_lexdania) to the reader's. The one place the reader reads such white space, hoist_nested's check
for a typed « after a new text holding numre, is read from the full tree (`full_tree`)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from lawdiff.errors import LawdiffError
from lawdiff.importers import amending
from lawdiff.importers.lexdania import parse_lexdania, read_lexdania_root
from lawdiff.importers.official import _AMENDING_ACT, Official, read_official
from lawdiff.xmlsafe import parse_bytes
from tests.conftest import CORPUS, lexdania


def _result(off):
    if off.amending_error is not None:
        return ("error", str(off.amending_error))
    if off.amending is None:
        return None
    act = off.amending
    return amending.dump(act.doc), act.warnings, act.refused, act.numre


def _full(data: bytes, path: str):
    """importers/official.read_official before importspeed10: an amending act parsed with its blank text
    for both readers, any other document the amending reader reads parsed again with it."""
    blank_text = data.find(_AMENDING_ACT, 0, 8192) != -1
    try:
        root = parse_lexdania(data, path, blank_text=blank_text)
        res = read_lexdania_root(root, data, path)
    except LawdiffError as e:
        return ("refused", str(e))
    if res.amendment is None and not (res.act.doc_type == "lov" and amending.has_amendments(data)):
        return _result(Official(res))
    try:
        if res.act is not None or not blank_text:
            root = parse_bytes(data, path).getroot()
        return _result(Official(res, amending=amending.read_amending_root(root, path)))
    except LawdiffError as e:
        return _result(Official(res, amending_error=e))


def _lean(data: bytes, path: str):
    """As importers/official.py reads it now."""
    try:
        return _result(read_official(data, path))
    except LawdiffError as e:
        return ("refused", str(e))


def _amending_files(step: int = 1) -> list:
    files = [f for f in sorted(CORPUS.glob("*/*.xml")) if b"<AendringsNummer" in f.read_bytes()]
    assert files, f"the LexDania corpus is missing at {CORPUS}"
    return files[::step]


NESTED = "2012/2012-251.xml"  # lov 251/2012: § 1, nr. 2-6 stand inside nr. 1's new text (hoist_nested)


def test_nested_numre_are_read_from_the_full_tree():
    data = lexdania(NESTED).read_bytes()
    assert _lean(data, NESTED) == _full(data, NESTED)
    # a full stop after the typed « in a run of its own, on the next line of the file: with the white
    # space between the runs the new text does not close with »«.« (the numre stay where they are)
    closing = "stk. 3.«</Char>".encode()
    assert data.count(closing) == 1
    variant = data.replace(closing, closing + b"\n                    <Char>.</Char>")
    full = _full(variant, NESTED)
    assert _lean(variant, NESTED) == full
    # without the full tree the lean one reads it otherwise: why `full_tree` exists
    lean_only = amending.read_amending_root(parse_bytes(variant, NESTED, blank_text=False).getroot(), NESTED)
    assert (amending.dump(lean_only.doc), lean_only.warnings) != full[:2]


def test_a_sample_of_amending_acts_reads_the_same_without_blank_text():
    for f in _amending_files(53) + [lexdania(NESTED)]:
        data = f.read_bytes()
        assert _lean(data, str(f)) == _full(data, str(f)), f


def test_a_mutated_amending_act_is_refused_alike():
    f = lexdania("2010/2010-12.xml")
    data = f.read_bytes()
    i = data.find(b"<AendringDefinition>")
    mutations = []
    for tag, text in ((b"<AendringDefinition>", b" stray "), (b"</Linea>", b"\n  stray"), (b"<Exitus>", b"x"),
                      (b"</Exitus>", b"  "), (b"<Aendring>", b" \n"), (b"<Char>", b"\n ")):
        j = data.find(tag, i)
        assert j > 0
        mutations.append(data[:j + len(tag)] + text + data[j + len(tag):])
    refused = 0
    for m in mutations:
        got = _lean(m, "m.xml")
        assert got == _full(m, "m.xml")
        refused += got[0] == "refused"
    assert refused >= 3


@pytest.mark.corpus
def test_every_amending_act_reads_the_same_without_blank_text():
    files = _amending_files()
    for f in files:
        data = f.read_bytes()
        assert _lean(data, str(f)) == _full(data, str(f)), f
    print(f"\n{len(files)} documents with ændringsnumre read alike with and without blank text")


_INSERTS = st.sampled_from([b" ", b"\n", b"\n    \t", b"  \n  ", b"x", b" \xc2\xa0 ", b"\xc2\xab", b"."])


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(["2010/2010-12.xml", NESTED]), st.lists(st.tuples(st.integers(0, 10 ** 6), _INSERTS),
                                                              min_size=1, max_size=4))
def test_white_space_and_text_between_elements_read_alike(name, inserts):
    """White space (or text) put between any two tags of the body: the lean reading is the full one."""
    data = lexdania(name).read_bytes()
    start = data.find(b"<DokumentIndhold")
    gaps = [i + 1 for i in range(start, len(data) - 1) if data[i:i + 1] == b">"
            and data[i + 1:].lstrip(b" \n\t")[:1] == b"<"]
    for k, text in sorted(inserts, reverse=True):
        at = gaps[k % len(gaps)]
        data = data[:at] + text + data[at:]
    assert _lean(data, name) == _full(data, name)
