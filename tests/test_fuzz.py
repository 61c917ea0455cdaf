"""Fuzzing: random mutations of real proposals and real LexDania documents never give a traceback.

Each input is a real file from proposals/, amendments/ or the corpus, mutated by one to four
operations: a byte flipped, the file truncated, a line deleted or duplicated, a special string
inserted (NUL, bidi overrides, YAML anchors/tags/merge keys/brackets, an impossible date, a float
count, a Cyrillic letter, a decomposed letter, XML entities and elements, a bad colspan …). The
only acceptable outcomes are success or a LawdiffError (ProposalError, MappingError …), which the
CLI prints as one `file:line: message` line.

The profile is derandomized (the same examples on every run, no example database), so CI is
deterministic and bounded in time. The plain tests run a few hundred examples in well under 20 s
each; the `corpus` ones run thousands over a larger sample of the corpus.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawdiff.errors import LawdiffError
from tests.conftest import CORPUS, ROOT

PROFILE = dict(derandomize=True, database=None, deadline=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.filter_too_much])

YAML_FILES = sorted((ROOT / "proposals").glob("*.yaml")) + sorted((ROOT / "amendments").glob("*.yaml"))
YAML_DATA = {p.name: p.read_bytes() for p in YAML_FILES}
# files small enough to parse a few hundred times in the plain tests (the imported act of 119 KB
# takes ~0.3 s a parse: it is fuzzed in the corpus-scale tests)
YAML_SMALL = sorted(n for n, d in YAML_DATA.items() if len(d) <= 20_000)
# proposals fast enough to run through the engine on every example (the DS proposal takes ~1 s)
ENGINE_FILES = [n for n in YAML_DATA if n.startswith("aftale-")]

YAML_SPECIALS = [
    "\x00", "\u202e", "\u2066", "\u200f", "\x07", "\x85", "\u2028", "\ufeff", "\ufffd", "\t", "\r", "\r\n",
    "[", "]", "{", "}", "[" * 200, "{a: " * 50, "- " * 60, "&a ", "*a", "&a x\n*a", "<<: ", "<<: {i: x}\n",
    "!!python/object/apply:os.system ['true'] ", "!ting ", "!!binary ", "? ", ": ", "- ", "\"", "'", "|", ">",
    "#", "---\n", "...\n", "%YAML 1.1\n", "~", "null", "yes", "1.0", "1e999", "9" * 5000, "0x1F", "0o17",
    "2021-02-30", "2021-13-01", "2020-12-11T10:00:00", "lab@2016-02-30", "\u0430", "\u03bf", "ｌ", "a\u0301",
    "a\u030a", "\U0001d41a", "\\u202e", "\\x00", "\\", "»", "§", "\u00a0", "\u00ad", " " * 5, "\n\n",
    "ændres: ", "til: \"\"", "tekst: \"\"", "forekomst: 1.0", "antal: 0", "ny: stk", "bygger_på: ",
    "bygger_på: aftale-2020-ressourceforloeb.yaml\n", "lov: ", "i: ", "overalt: ja", "forslag: []",
]
XML_SPECIALS = [
    "\x00", "\u202e", "<", ">", "&", "&amp;", "&#0;", "&#x202e;", "&#xd800;", "&lt;", "]]>", "<![CDATA[x]]>",
    "<!DOCTYPE x [<!ENTITY a 'b'>]>", "<!ENTITY a SYSTEM 'file:///etc/passwd'>", "&a;", "<?xml version='1.0'?>",
    "<Linea>", "</Linea>", "<Char>x</Char>", "<Linea><Char>x</Char></Linea>", "<Stk>", "</Stk>", "<Paragraf>",
    "</Paragraf>", "<Explicatus>§ 1.</Explicatus>", "<Explicatus>Stk. 99.</Explicatus>",
    "<Explicatus>1)</Explicatus>", "<Explicatus>a)</Explicatus>", "<Explicatus></Explicatus>",
    "<Tabel><Tr><Td colspan=\"abc\"><Linea><Char>x</Char></Linea></Td></Tr></Tabel>", " colspan=\"abc\"",
    " rowspan=\"-1\"", " colspan=\"99999999999999999999\"", "<Td>", "<Tr>", "<Rubrica>", "</Rubrica>",
    "<DiesSigni>2010-02-30</DiesSigni>", "2010-02-30", "99/99/2020", "<DocumentType>LOV</DocumentType>",
    "<DocumentType>LBK H</DocumentType>", "<DocumentType>X</DocumentType>", "<Number>", "</Number>",
    "<Year>abc</Year>", "§", "§ 1 a.", "Stk. 2.", "\u0430", "a\u030a", "<Kapitel>", "</Kapitel>",
    "<Afsnit>", "<Bilag>", "<Nota>", "<Nota><Linea><Char>n</Char></Linea></Nota>", " xmlns=\"x\"",
    "<Char><Char>x</Char></Char>", "<Char formaChar=\"x\"><Linea/></Char>", "<Linea/>", "<Liste>", "<Indented>",
    # found by tests/importers/test_metamorphic.py: a declared encoding, text or elements where no
    # reader looks (now refused)
    "<?xml version='1.0' encoding='ISO-8859-1'?>", "<?xml version='1.0' encoding='x-ukendt'?>", "\ufeff",
    "<Explicatus>§ 1<Char>x</Char></Explicatus>", "<Image/>", "<Ukendt><Linea><Char>x</Char></Linea></Ukendt>",
    "x</Exitus>", "<Rubrica><Linea><Char>Ministeriet</Char></Linea></Rubrica>",
]


# values put in place of a real value, and keys added beside real ones (structure-aware mutations:
# these reach the schema, the change checks and the engine, not only the YAML parser)
VALUE_SPECIALS = [
    '""', '" "', "~", "[]", "{}", "[x]", "{a: b}", "0", "-1", "1.0", "2.5", "true", "1e999", "9" * 40,
    '"2021-02-30"', "2021-02-30", "2021-13-01", '"lab@2016-02-30"', '"lab@1999-01-01"', '"§ 68 \u0430"',
    '"§ 68 а"', '"5 аrs"', '"å"', '"\u202e"', '"\x00"', '"x\ty"', '"  x  "', "|\n  x\n",
    ">\n  x\n", '"§ 999"', '"§ 68 a, stk. 99"', '"§ 68 a, stk. 4, 9. pkt."', '"kapitel 99"', '"stk. 1"',
    '"nr. 1"', '"litra a"', '"1. pkt."', '"§§ 9-12"', '"§ 68 a, stk. 1-3"', '"Stk. 2. Ny."', '"§ 68 h. Ny."',
    '"1) Ny."', '"a) Ny."', '"68 h"', '"12 c"', '"pkt"', '"paragraf"', '"kapitel"', '"afsnit"', '"stk"', '"nr"',
    '"litra"', '"ændres"', '"udgår"', '"lab"', '"serviceloven"', '"findes-ikke"', "x" * 300,
]
KEY_SPECIALS = [
    "forekomst: 1.0", "forekomst: 0", "forekomst: 99", "antal: 2.5", "antal: 99", "overalt: true",
    "overalt: false", "lov: findes-ikke", "lov: lab", "til: \"\"", "tekst: \"\"", "tekst: \"Ny.\"",
    "efter: \"stk. 1\"", "før: \"stk. 1\"", "nummer: \"1\"", "overskrift: \"\"", "overskrift: x",
    "i: \"§ 1\"", "ny: stk", "ny: pkt", "ny: litra", "ny: kapitel", "udgår: x", "ophæves: \"§ 1\"",
    "affattes: \"§ 1\"", "indsættes_før: x", "bygger_på: orig-aftale-2020-ressourceforloeb.yaml",
    "bygger_på: ../x.yaml", "bygger_på: /etc/passwd", "<<: {a: b}", "ikrafttræden: \"2021-02-30\"",
    "ikrafttræden: 2021-07-01", "dato: 2021-02-30", "x: y",
]


def _nodes(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Scalar value spans (start, end) and line starts of keys in a YAML text."""
    import yaml

    values, keys = [], []

    def walk(n):
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                keys.append(text.rfind("\n", 0, k.start_mark.index) + 1)
                walk(v)
        elif isinstance(n, yaml.SequenceNode):
            for v in n.value:
                walk(v)
        else:
            values.append((n.start_mark.index, n.end_mark.index, n.start_mark.column))

    walk(yaml.compose(text, Loader=yaml.SafeLoader))
    return values, keys


def _structural():
    return st.lists(st.tuples(st.sampled_from(["value", "key"]), st.floats(0, 1, exclude_max=True),
                              st.integers(0, 10_000)), min_size=0, max_size=3)


def restructure(data: bytes, ops) -> bytes:
    """Replace scalar values and add keys (positions from the original text, applied back to front)."""
    if not ops:
        return data
    text = data.decode("utf-8")
    values, keys = _nodes(text)
    edits = []
    for kind, where, k in ops:
        if kind == "value" and values:
            a, b, _ = values[int(where * len(values))]
            edits.append((a, b, VALUE_SPECIALS[k % len(VALUE_SPECIALS)]))
        elif keys:
            line = keys[int(where * len(keys))]
            indent = len(text[line:]) - len(text[line:].lstrip(" -"))
            edits.append((line, line, " " * indent + KEY_SPECIALS[k % len(KEY_SPECIALS)] + "\n"))
    for a, b, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:a] + new + text[b:]
    return text.encode("utf-8", "surrogatepass")


def _mutations(specials: list[str]):
    op = st.one_of(
        st.tuples(st.just("flip"), st.floats(0, 1, exclude_max=True), st.integers(0, 255)),
        st.tuples(st.just("cut"), st.floats(0, 1, exclude_max=True), st.just(0)),
        st.tuples(st.just("del-line"), st.floats(0, 1, exclude_max=True), st.just(0)),
        st.tuples(st.just("dup-line"), st.floats(0, 1, exclude_max=True), st.just(0)),
        st.tuples(st.just("insert"), st.floats(0, 1, exclude_max=True), st.integers(0, len(specials) - 1)),
        st.tuples(st.just("insert"), st.floats(0, 1, exclude_max=True), st.integers(0, len(specials) - 1)),
    )
    return st.lists(op, min_size=0, max_size=4)


def mutate(data: bytes, ops, specials: list[str]) -> bytes:
    for kind, where, arg in ops:
        if not data:
            break
        i = int(where * len(data))
        if kind == "flip":
            data = data[:i] + bytes([arg]) + data[i + 1:]
        elif kind == "cut":
            data = data[:i]
        elif kind in ("del-line", "dup-line"):
            lines = data.split(b"\n")
            k = int(where * len(lines))
            data = b"\n".join(lines[:k] + ([lines[k]] * 2 if kind == "dup-line" else []) + lines[k + 1:])
        else:
            data = data[:i] + specials[arg].encode("utf-8", "surrogatepass") + data[i:]
    return data


def _only_lawdiff_errors(fn, data: bytes, name: str):
    """Call fn; success or a LawdiffError (printed as one line) pass, anything else fails the test."""
    try:
        return fn()
    except LawdiffError as e:
        for x in getattr(e, "errors", [e]):
            first = str(x).split("\n", 1)[0]
            assert first and "Traceback" not in first
        return None
    except BaseException as e:
        digest = hashlib.sha256(data).hexdigest()[:12]
        raise AssertionError(f"{name} mutated (sha256 {digest}, {len(data)} bytes) crashed: "
                             f"{type(e).__name__}: {e}\n{data[:2000]!r}") from e


# --- the YAML loader ------------------------------------------------------------------------

def _parse(name: str, data: bytes):
    from lawdiff.proposal import parse_proposal

    return _only_lawdiff_errors(lambda: parse_proposal(data, f"proposals/{name}"), data, name)


@settings(max_examples=300, **PROFILE)
@given(st.sampled_from(YAML_SMALL), _structural(), _mutations(YAML_SPECIALS))
def test_mutated_proposals_load_or_fail_cleanly(name, sops, ops):
    _parse(name, mutate(restructure(YAML_DATA[name], sops), ops, YAML_SPECIALS))


@pytest.fixture(scope="module")
def store():
    from lawdiff.store import Store

    return Store(ROOT)


def _run(name: str, data: bytes, store, tmp: Path):
    """Load and apply (engine, then the formal text) a mutated proposal."""
    from lawdiff.engine import run
    from lawdiff.render.instructions import build_lovforslag

    path = tmp / name  # bygger_på is resolved beside the file: put the real proposals there
    path.write_bytes(data)

    def go():
        from lawdiff.proposal import load_proposal

        result = run(load_proposal(path), store)
        build_lovforslag(result).text()
        return result

    return _only_lawdiff_errors(go, data, name)


@settings(max_examples=60, **PROFILE)
@given(name=st.sampled_from(ENGINE_FILES), sops=_structural(), ops=_mutations(YAML_SPECIALS))
def test_mutated_proposals_apply_or_fail_cleanly(name, sops, ops, store, tmp_path_factory):
    tmp = tmp_path_factory.getbasetemp() / "fuzz-engine"
    if not tmp.exists():
        tmp.mkdir()
        for n, d in YAML_DATA.items():
            (tmp / f"orig-{n}").write_bytes(d)
    _run(name, mutate(restructure(YAML_DATA[name], sops), ops, YAML_SPECIALS), store, tmp)


# --- the LexDania importer --------------------------------------------------------------------

def _sample(n: int, max_bytes: int) -> list[Path]:
    """n corpus documents spread over the corpus (every k-th by name), each at most max_bytes."""
    files = [f for f in sorted(CORPUS.glob("*/*.xml")) if f.stat().st_size <= max_bytes]
    assert files, f"no corpus at {CORPUS}"
    step = max(1, len(files) // n)
    return files[::step][:n]


SMALL = _sample(12, 40_000) if CORPUS.is_dir() else []
SMALL_DATA = {f"{p.parent.name}/{p.name}": p.read_bytes() for p in SMALL}


TEXT_SPECIALS = ["", " ", "§ 1.", "Stk. 2.", "1)", "a)", "§ 68 \u0430.", "a\u030a", "\u202e", "2010-02-30",
                 "99/99/2020", "abc", "0", "-1", "99999999999999999999", "x" * 500, "Kapitel 1", "(Ophævet)", "&"]


def _xml_structural():
    return st.lists(st.tuples(st.sampled_from(["delete", "duplicate", "move", "rename", "unwrap", "text", "attr"]),
                              st.floats(0, 1, exclude_max=True), st.floats(0, 1, exclude_max=True),
                              st.integers(0, 10_000)), min_size=0, max_size=3)


def restructure_xml(data: bytes, ops) -> bytes:
    """Well-formed but odd documents: elements deleted, duplicated, moved, renamed, unwrapped, or
    given odd text and attributes (these reach the importer's logic, not only the XML parser)."""
    if not ops:
        return data
    from lxml import etree

    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    for kind, a, b, k in ops:
        els = [e for e in root.iter() if isinstance(e.tag, str)][1:]
        if not els:
            break
        el = els[int(a * len(els))]
        parent = el.getparent()
        if kind == "delete":
            parent.remove(el)
        elif kind == "duplicate":
            import copy
            el.addnext(copy.deepcopy(el))
        elif kind == "move":
            dest = els[int(b * len(els))]
            if el not in dest.iterancestors() and dest is not el:
                dest.append(el)
        elif kind == "rename":
            el.tag = els[int(b * len(els))].tag
        elif kind == "unwrap":
            i = parent.index(el)
            for j, ch in enumerate(list(el)):
                parent.insert(i + 1 + j, ch)
            parent.remove(el)
        elif kind == "text":
            el.text = TEXT_SPECIALS[k % len(TEXT_SPECIALS)]
        else:
            el.set(["colspan", "rowspan", "id", "REFid", "SchemaVersion"][k % 5], TEXT_SPECIALS[k % len(TEXT_SPECIALS)])
    return etree.tostring(root, encoding="utf-8", xml_declaration=True)


def _import(name: str, data: bytes):
    """As `lawdiff import lexdania` reads a document (importers/official.py): the act version and,
    for an amending act or an original act holding ændringsnumre, the amendment file."""
    from lawdiff import akn
    from lawdiff.importers import amending
    from lawdiff.importers.official import read_official

    def go():
        doc = read_official(data, name)
        res = doc.result
        if res.act is not None:  # what is imported can be written and read back
            akn.from_bytes(akn.to_bytes(res.act), name)
        if doc.amending is not None:  # the amendment file can be written
            amending.dump(doc.amending.doc)
        return res

    return _only_lawdiff_errors(go, data, name)


def test_the_sample_imports_unmutated():
    assert len(SMALL_DATA) == 12
    for name, data in SMALL_DATA.items():
        assert _import(name, data) is not None, name


@settings(max_examples=300, **PROFILE)
@given(st.sampled_from(sorted(SMALL_DATA)), _mutations(XML_SPECIALS))
def test_mutated_lexdania_documents_import_or_fail_cleanly(name, ops):
    _import(name, mutate(SMALL_DATA[name], ops, XML_SPECIALS))


@settings(max_examples=300, **PROFILE)
@given(st.sampled_from(sorted(SMALL_DATA)), _xml_structural(), _mutations(XML_SPECIALS))
def test_restructured_lexdania_documents_import_or_fail_cleanly(name, sops, ops):
    _import(name, mutate(restructure_xml(SMALL_DATA[name], sops), ops[:1], XML_SPECIALS))


# --- corpus scale: more examples over a wider sample ----------------------------------------------

@pytest.mark.corpus
@settings(max_examples=1500, **PROFILE)
@given(st.sampled_from(sorted(YAML_DATA)), _structural(), _mutations(YAML_SPECIALS))
def test_corpus_mutated_proposals_load_or_fail_cleanly(name, sops, ops):
    _parse(name, mutate(restructure(YAML_DATA[name], sops), ops, YAML_SPECIALS))


@pytest.mark.corpus
@settings(max_examples=400, **PROFILE)
@given(name=st.sampled_from(sorted(YAML_DATA)), sops=_structural(), ops=_mutations(YAML_SPECIALS))
def test_corpus_mutated_proposals_apply_or_fail_cleanly(name, sops, ops, store, tmp_path_factory):
    test_mutated_proposals_apply_or_fail_cleanly.hypothesis.inner_test(name, sops, ops, store, tmp_path_factory)


@pytest.fixture(scope="module")
def wide_sample() -> dict[str, bytes]:
    return {f"{p.parent.name}/{p.name}": p.read_bytes() for p in _sample(80, 400_000)}


@pytest.mark.corpus
def test_corpus_mutated_lexdania_documents_import_or_fail_cleanly(wide_sample):
    names = sorted(wide_sample)

    @settings(max_examples=2000, **PROFILE)
    @given(st.sampled_from(names), _xml_structural(), _mutations(XML_SPECIALS))
    def check(name, sops, ops):
        _import(name, mutate(restructure_xml(wide_sample[name], sops), ops, XML_SPECIALS))

    check()
