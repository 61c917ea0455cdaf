"""The statute reader reads a tree parsed without the white space between elements
(`parse_lexdania(…, blank_text=False)`, as `read_lexdania` and importers/official.py parse an act
version) exactly as one parsed with it: the same Akoma Ntoso bytes, repairs, dropped lines and
footnote count, and the same refusals."""
from __future__ import annotations

import pytest

from lawdiff import akn
from lawdiff.errors import LawdiffError
from lawdiff.importers.lexdania import _outline, _read_lexdania, _sections, parse_lexdania
from lawdiff.xmlsafe import blank_text_ignorable
from tests.conftest import CORPUS


def _read(data: bytes, path: str, blank_text: bool):
    try:
        res = _read_lexdania(parse_lexdania(data, path, blank_text=blank_text), data, path, None)
    except LawdiffError as e:
        return ("error", str(e))
    body = akn.to_bytes(res.act) if res.act is not None else None
    return body, res.repairs, res.dropped, res.footnote_refs, res.amendment


def _act_versions(limit: int | None = None) -> list:
    files = sorted(CORPUS.glob("*/*.xml"))
    assert files, f"the LexDania corpus is missing at {CORPUS}"
    out = [f for f in files if b"<DocumentType>LOV \xc3\x86" not in f.read_bytes()[:8192]]
    return out[:limit] if limit else out


def _same(files) -> int:
    lean_parses = 0
    for f in files:
        data = f.read_bytes()
        lean_parses += blank_text_ignorable(data)
        assert _read(data, str(f), False) == _read(data, str(f), True), f
    return lean_parses


def test_a_sample_of_act_versions_reads_the_same_without_blank_text():
    files = _act_versions()[::97]
    assert _same(files) == len(files)  # every corpus document takes the lean parse


def test_a_mutated_document_reads_the_same_without_blank_text():
    f = _act_versions()[0]
    data = f.read_bytes()
    # white space in and around the runs of the first line, and a refused text outside <Char>
    i = data.find(b"<Char>")
    mutations = [data[:i] + b" \n " + data[i:], data[:i] + b"<Char> </Char>\n" + data[i:],
                 data[:i] + b"<Char>\n </Char> <Char> x </Char>" + data[i:], data[:i] + b" x " + data[i:]]
    # text outside the runs (refused, with the same file:line), and white space that is an element's
    # whole content (kept in the lean tree: the search over the bytes decides, as before)
    for tag, text in ((b"<Linea>", b" stray "), (b"</Linea>", b"\n  stray"), (b"<Exitus>", b"x"),
                      (b"</Exitus>", b"  "), (b"<Stk>", b" \n")):
        j = data.find(tag, data.find(b"<DokumentIndhold"))
        assert j > 0
        mutations.append(data[:j + len(tag)] + text + data[j + len(tag):])
    mutations.append(data.replace(b"<Linea>", b"<Linea> </Linea><Linea>", 1))
    refused = 0
    for mutated in mutations:
        got = _read(mutated, "m.xml", False)
        assert got == _read(mutated, "m.xml", True)
        refused += got[0] == "error"
    assert refused >= 3  # the three texts in <Linea>, after </Linea>, in <Exitus>


@pytest.mark.corpus
def test_every_act_version_reads_the_same_without_blank_text():
    files = _act_versions()
    print(f"\n{len(files)} act versions read alike with and without blank text")
    assert _same(files) == len(files)


def test_the_units_of_a_read_act_are_its_walk():
    # Act.units (check_sections' loop over every unit, and the §§ `import` counts) is Unit.walk's order,
    # unit by unit
    for f in _act_versions()[::41]:
        data = f.read_bytes()
        act = _read_lexdania(parse_lexdania(data, str(f), blank_text=False), data, str(f), None).act
        walked = list(act.walk())
        assert len(walked) > 1 and [id(u) for u in act.units()] == [id(u) for u in walked], f


def test_the_outline_of_a_read_act_is_what_the_walk_over_every_unit_finds():
    # check_sections' one walk (_outline) does not enter the §§: no § of a read act holds a chapter or a
    # part, so its §§ and numbered chapters and parts are those of the walk over every unit
    containers = 0
    for f in _act_versions()[::7]:
        data = f.read_bytes()
        act = _read_lexdania(parse_lexdania(data, str(f), blank_text=False), data, str(f), None).act
        units = act.units()
        secs, chapters = _outline(act)
        assert [id(u) for u in secs] == [id(u) for u in _sections(act)]
        assert [id(u) for u in chapters] == [id(u) for u in units if u.kind in ("chapter", "part") and u.num], f
        assert not any(d.kind in ("chapter", "part") for s in secs for d in s.walk()), f
        containers += len(chapters)
    assert containers > 1000
