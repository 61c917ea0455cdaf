"""outline + akncache.outline + compare(touched_only): `lawdiff diff`'s fast path gives exactly what
the comparison of the whole models gives, reads only the §§ that differ, and never uses a stale or
malformed entry."""
from __future__ import annotations

import marshal
import pickle
import shutil

import pytest

from lawdiff import akn, akncache, outline
from lawdiff.diff import compare
from lawdiff.render.redline_text import render
from lawdiff.store import Store
from lawdiff.tokendiff import tokenize
from tests.conftest import ROOT

FILES = sorted((ROOT / "statutes").glob("*/*.xml"))
# every pair of consecutive stored versions, and a few further apart and backwards
PAIRS = [(a, b) for law in sorted({p.parent.name for p in FILES})
         for a, b in zip(sorted((ROOT / "statutes" / law).glob("*.xml")),
                         sorted((ROOT / "statutes" / law).glob("*.xml"))[1:])]
PAIRS += [(ROOT / "statutes/lab/2011-06-23.xml", ROOT / "statutes/lab/2016-11-21.xml"),
          (ROOT / "statutes/lab/2016-11-21.xml", ROOT / "statutes/lab/2013-04-24.xml"),
          (ROOT / "statutes/lab/2015-07-01.xml", ROOT / "statutes/lab/2015-07-01.xml")]


def _outline(root, path):
    return akncache.outline(root, path.read_bytes(), str(path))


def _shown(red) -> tuple:
    """Everything `lawdiff diff` prints of a redline (text, and the sections of json and html)."""
    return (render(red, "t", False), render(red, "t", True), [s.to_dict() for s in red.touched_sections()],
            [(u.kind, u.status, u.old_label, u.new_label) for u in red.touched_units()])


def _nodes(units):
    for u in units:
        yield u
        if u._branch:
            yield from _nodes(u.children)


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"{p[0].parent.name}/{p[0].stem}→{p[1].stem}")
def test_outlines_compared_touched_only_show_what_the_models_show(tmp_path, pair):
    a, b = (akn.from_bytes(p.read_bytes(), str(p)) for p in pair)
    want = _shown(compare(a, b))
    oa, ob = (_outline(tmp_path, p) for p in pair)
    red = compare(oa, ob, touched_only=True)
    assert _shown(red) == want
    assert red.law == b.law and red.base == a.key
    # the model's own units compared touched_only show the same too
    assert _shown(compare(a, b, touched_only=True)) == want
    if pair[0] == pair[1]:  # identical versions: not one § is read
        assert not any(u.read for o in (oa, ob) for u in o.sections())


def test_lab_2015_to_2016_reads_few_sections(tmp_path):
    oa = _outline(tmp_path, ROOT / "statutes/lab/2015-07-01.xml")
    ob = _outline(tmp_path, ROOT / "statutes/lab/2016-11-21.xml")
    red = compare(oa, ob, touched_only=True)
    read = [u for o in (oa, ob) for u in o.sections() if u.read]
    total = [u for o in (oa, ob) for u in o.sections()]
    print(f"\nLAB 2015 → 2016: {len(red.touched_sections())} §§ changed; {len(read)} of {len(total)} §§ read")
    assert len(red.touched_sections()) == 48
    assert len(read) < len(total) / 3


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_an_outline_stands_for_the_model(tmp_path, path):
    act = akn.from_bytes(path.read_bytes(), str(path))
    o = _outline(tmp_path, path)
    assert (o.law, o.date, o.key, o.title, o.source) == (act.law, act.date, act.key, act.title, act.source)
    assert [(s.kind, s.num, s.label, s.wid) for s in o.sections()] == \
        [(s.kind, s.num, s.label, s.wid) for s in act.sections()]
    assert not any(u.read for u in _nodes(o.body))  # sections() read nothing
    # walked in full, every unit is the model's (a leaf's units are the model units themselves)
    got = [(u.kind, u.num, u.label, u.wid, u.eid, u.heading.text if u.heading else None,
            [x.text for x in u.intro], [x.text for x in u.wrapup]) for u in o.walk()]
    want = [(u.kind, u.num, u.label, u.wid, u.eid, u.heading.text if u.heading else None,
             [x.text for x in u.intro], [x.text for x in u.wrapup]) for u in act.walk()]
    assert got == want
    # every block carries its tokens (what the word diff would make of its text)
    blocks = [x for u in o.walk() for x in ([u.heading] if u.heading else []) + u.intro + u.wrapup]
    assert [x.tokens for x in blocks] == [tokenize(x.text) for x in blocks]
    for lazy, unit in zip(_nodes(o.body), (u for u in act.walk() if u.kind in
                                           ("book", "part", "chapter", "group", "section", "ikraft"))):
        assert (lazy.kind, lazy.num, lazy.wid) == (unit.kind, unit.num, unit.wid)
        if not lazy._branch:  # a leaf holds all of its units, with their data as the model has it
            assert [_data(x) for x in lazy.walk()] == [_data(x) for x in unit.walk()]


def _data(u) -> tuple:
    """What diff reads of a unit (model or outline)."""
    return (u.kind, u.num, u.label, u.wid, u.eid, u.heading.text if u.heading else None,
            [x.text for x in u.intro], [x.text for x in u.wrapup], len(u.children))


def test_an_outline_unit_answers_only_with_its_data(tmp_path):
    o = _outline(tmp_path, ROOT / "statutes/lab/2016-11-21.xml")
    chapter = next(u for u in _nodes(o.body) if u.kind == "chapter")
    assert chapter.heading is not None and chapter.children  # data: its own part and the outline's units
    section = next(o.sections())
    assert section.children and section.read
    for unit in (chapter, section, section.children[0]):  # never a model method answered from a copy
        with pytest.raises(AttributeError):
            unit.notes()
        with pytest.raises(AttributeError):
            unit.is_provision


def test_the_outline_is_cached_and_a_changed_file_or_reader_is_a_new_entry(tmp_path, monkeypatch):
    path = ROOT / "statutes/lab/2015-07-01.xml"
    data = path.read_bytes()
    first = akncache.outline(tmp_path, data, str(path))
    entries = sorted((tmp_path / akncache.FOLDER).glob("*.outline"))
    assert len(entries) == 1
    monkeypatch.setattr(outline, "dumps", lambda *a: pytest.fail("built again despite the cache"))
    monkeypatch.setattr(akn, "from_bytes", lambda *a: pytest.fail("read again despite the cache"))
    again = akncache.outline(tmp_path, data, str(path))
    assert [u.digest for u in _nodes(again.body)] == [u.digest for u in _nodes(first.body)]
    monkeypatch.undo()
    # the file rewritten with as many bytes (æ is two in UTF-8), as a rewrite keeping its dates
    # would be: its entry (named by path and size) holds other bytes, so it is built again
    changed = data.replace("beskæftigelsesindsats".encode(), b"beskaeftigelsesindsats", 1)
    assert len(changed) == len(data) and changed != data
    assert akncache.outline(tmp_path, changed, str(path)).title != first.title
    assert len(list((tmp_path / akncache.FOLDER).glob("*.outline"))) == 1  # the file's newest outline
    assert akncache.outline(tmp_path, data, str(path)).title == first.title  # and back
    monkeypatch.setattr(akncache, "_OUTLINER", akncache._OUTLINER + ("tokendiff.py",))  # another reader
    monkeypatch.setattr(akncache, "_sources", lambda modules, real=akncache._sources: real(modules)[:-1])
    monkeypatch.setattr(outline, "dumps", lambda *a, real=outline.dumps: built.append(1) or real(*a))
    built: list = []
    akncache.outline(tmp_path, data, str(path))
    assert built and len(list((tmp_path / akncache.FOLDER).glob("*.outline"))) == 2


def test_a_malformed_outline_entry_is_never_used(tmp_path):
    from lawdiff.errors import LawdiffError

    path = ROOT / "statutes/lab/2015-07-01.xml"
    data = path.read_bytes()
    want = [u.digest for u in _nodes(akncache.outline(tmp_path, data, str(path)).body)]
    (entry,) = (tmp_path / akncache.FOLDER).glob("*.outline")
    good = entry.read_bytes()
    head, p0, s0, c0 = outline._unpack(good)
    magic, check = head[:2]
    payload, source, code = good[p0:s0], good[s0:c0], good[c0:]
    assert source == data and outline._pack(payload, source, code) == good
    t = marshal.loads(payload)
    node = t[5][0]

    def signed(x):
        return outline._pack(marshal.dumps(x), source, code)

    flipped = bytearray(good)
    flipped[good.index(payload) + len(payload) // 2] ^= 1  # one bit of a § changed on disk: the checksum fails
    other = data.replace("beskæftigelsesindsats".encode(), b"beskaeftigelsesindsats", 1)
    bad = [b"", b"not marshal", good[:100], good[:-1], good + b"x", bytes(flipped),
           outline._pack(payload[:-1], source, code, check=check),
           outline._pack(payload, other, code), outline._pack(payload, source, code[:-1]),  # another file, other code
           outline._pack(payload, source, code, magic="other"), marshal.dumps((magic, check, payload, source, code)),
           marshal.dumps(t), signed(("other", *t[1:])), signed(t[:5]),
           signed((*t[:5], (node[:6] + (b"short",) + node[7:],), t[6])),  # a digest of the wrong size
           signed((*t[:5], ((not node[0],) + node[1:],), t[6])),  # a branch without children
           signed((*t[:6], b"short")), signed((*t[:6], None)),  # an annexes digest of the wrong size or type
           marshal.dumps(compile("1", "x", "eval"))]
    for blob in bad:
        entry.write_bytes(blob)
        o = akncache.outline(tmp_path, data, str(path))
        [u.intro for u in _nodes(o.body)]
        assert [u.digest for u in _nodes(o.body)] == want
    # well-formed and signed, but a unit's data is something else: refused when it is read
    data0 = marshal.loads(node[7])
    other = marshal.loads(t[5][1][7])
    for blob in (pickle.dumps({"a": 1}), b"junk", marshal.dumps(t), marshal.dumps(other),
                 marshal.dumps(data0[:8]), marshal.dumps(data0[:4] + (("x", 1),) + data0[5:]),
                 marshal.dumps(data0[:5] + ((("x",),),) + data0[6:]),  # a unit that is no unit's data
                 marshal.dumps(data0[:3] + (b"bytes",) + data0[4:])):
        entry.write_bytes(signed((*t[:5], (node[:7] + (blob,) + node[8:],), t[6])))
        o = akncache.outline(tmp_path, data, str(path))
        with pytest.raises(LawdiffError, match="forkert post"):
            o.body[0].intro


def test_diff_command_output_is_the_models_comparison(tmp_path, capsys):
    from lawdiff.cli import main

    shutil.copytree(ROOT / "statutes/lab", tmp_path / "statutes/lab")
    s = Store(tmp_path)
    red = compare(s.load("lab@2015-07-01"), s.load("lab@2016-11-21"))
    for _ in range(2):  # versions not yet cached, then cached
        assert main(["--root", str(tmp_path), "diff", "lab@2015-07-01", "lab@2016-11-21"]) == 0
        out = capsys.readouterr().out
        body = render(red, "", False).lstrip("\n")
        assert out.endswith(body) and out.startswith("lab@2015-07-01 → lab@2016-11-21\n")
    assert len(list((tmp_path / akncache.FOLDER).glob("*.outline"))) == 2


def test_canonical_num_spellings():
    """One spelling of a unit's number (lawdiff.text.canonical_num, which address re-exports and diff uses
    without importing address)."""
    from lawdiff import address
    from lawdiff.text import canonical_num

    assert address.canonical_num is canonical_num
    assert {canonical_num(n) for n in ("68a", "68 a", "68\u00a0a", "68  a")} == {"68 a"}
    assert canonical_num("68") == "68" and canonical_num("2 b") == "2 b"


def test_equal_digests_are_equal_fingerprints(tmp_path):
    """The outline's Merkle digests decide identity as diff._fp does, over the units of every LAB
    version (each § and container against every unit of the same kind and number elsewhere)."""
    from lawdiff import diff

    paths = sorted((ROOT / "statutes/lab").glob("*.xml"))
    units: dict[tuple, list] = {}
    for p in paths:
        o, act = _outline(tmp_path, p), akn.from_bytes(p.read_bytes(), str(p))
        outer = [u for u in act.walk() if u.kind in ("book", "part", "chapter", "group", "section", "ikraft")]
        for lazy, unit in zip(_nodes(o.body), outer, strict=True):
            assert (lazy.kind, lazy.num, lazy.wid) == (unit.kind, unit.num, unit.wid)
            units.setdefault((unit.kind, unit.num), []).append((lazy.digest, diff._fp(unit)))
    same = differ = 0
    for versions in units.values():
        for i, (da, fa) in enumerate(versions):
            for db, fb in versions[i + 1:]:
                assert (da == db) == (fa == fb)
                same += da == db
                differ += da != db
    diff._M.__init__()
    assert same > 1000 and differ > 100


def test_a_parts_digests_are_its_fingerprint_and_own_text(tmp_path):
    """Each part's stored digest and sig (what diff._fp and diff._signature read of it) decide
    identity as the model unit's fingerprint and own text do, over every unit below a § or other
    leaf of every LAB version (one digest for one fingerprint and the other way round), and are
    what seal computes from the part's data."""
    import copy

    from lawdiff import diff

    by_digest: dict = {}
    by_fp: dict = {}
    by_sig: dict = {}
    by_text: dict = {}
    parts = 0
    for p in sorted((ROOT / "statutes/lab").glob("*.xml")):
        o, act = _outline(tmp_path, p), akn.from_bytes(p.read_bytes(), str(p))
        leaves = {u.wid: u for u in act.walk()}
        for lazy in _nodes(o.body):
            if lazy._branch:
                continue
            unit = leaves[lazy.wid]
            got = [x for c in lazy.children for x in c.walk()]
            want = [x for c in unit.children for x in c.walk()]
            assert [_data(x) for x in got] == [_data(x) for x in want]
            for part, model in zip(got, want):
                fp, text = diff._fp(model), diff.own_text_of(model)
                assert type(fp) is tuple and type(diff._fp(part)) is bytes
                assert by_digest.setdefault(part.digest, fp) == fp and by_fp.setdefault(fp, part.digest) == part.digest
                assert by_sig.setdefault(part.sig, text) == text and by_text.setdefault(text, part.sig) == part.sig
                assert diff._signature(part) == ("text", part.kind, part.sig)
                sealed = outline.seal(copy.copy(part))
                assert (sealed.digest, sealed.sig) == (part.digest, part.sig)
                parts += 1
        diff._M.__init__()
    assert parts > 5000 and len(by_digest) > 1500 and len(by_sig) > 1000  # 5,164, 1,701 and 1,277
    assert len(by_digest) < parts and len(by_sig) < parts  # units shared by versions: equal digests met


def test_no_outline_cached_where_the_cache_cannot_be_written_and_the_diff_is_the_same(tmp_path, capsys):
    import os

    from lawdiff.cli import main

    root = tmp_path / "project"
    shutil.copytree(ROOT / "statutes/lab", root / "statutes/lab")
    assert main(["--root", str(root), "diff", "lab@2015-07-01", "lab@2016-11-21"]) == 0
    want = capsys.readouterr().out
    shutil.rmtree(root / ".lawdiff-cache")
    (tmp_path / "elsewhere").mkdir()
    (root / ".lawdiff-cache").mkdir()
    os.symlink(tmp_path / "elsewhere", root / ".lawdiff-cache" / "akn")  # never written through a link
    assert main(["--root", str(root), "diff", "lab@2015-07-01", "lab@2016-11-21"]) == 0
    assert capsys.readouterr().out == want
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_the_diff_command_imports_only_what_it_uses(tmp_path):
    """With both versions cached, `lawdiff diff` (text) loads no XML parser, YAML, templates, PDF or
    Markdown renderer, no engine, no address grammar and not hashlib's OpenSSL (issue 9 §6)."""
    import subprocess
    import sys

    shutil.copytree(ROOT / "statutes/lab", tmp_path / "statutes/lab")
    code = ("import sys, io, contextlib\nfrom lawdiff.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    assert main(['--root', {str(tmp_path)!r}, 'diff', 'lab@2015-07-01', 'lab@2016-11-21']) == 0\n"
            "print(' '.join(sorted(sys.modules)))")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=ROOT)  # fills the cache
    loaded = set(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                                cwd=ROOT).stdout.split())
    assert {"lawdiff.diff", "lawdiff.outline", "fast_diff_match_patch"} <= loaded
    banned = {"lxml", "lxml.etree", "yaml", "jinja2", "weasyprint", "markdown_it", "jsonschema", "lawdiff.engine",
              "lawdiff.proposal", "lawdiff.akn", "lawdiff.address", "lawdiff.render.html", "_hashlib", "json", "diff_match_patch", "argparse"}
    assert loaded & banned == set()


def test_an_outline_of_another_tokenizer_is_not_used(tmp_path, monkeypatch):
    """Blocks carry their tokens, so an outline stored under another tokenizer (its pattern, or the
    Python running it: tokendiff.TOKENIZER) is not used: its MAGIC differs, and loads refuses it."""
    import sys

    from lawdiff import tokendiff

    assert tokendiff._PATTERN in tokendiff.TOKENIZER and sys.version in tokendiff.TOKENIZER
    assert outline.MAGIC == outline._magic(tokendiff.TOKENIZER)
    other = outline._magic(tokendiff.TOKENIZER.replace("|.", "|..", 1))
    assert other != outline.MAGIC
    act = akn.from_bytes((ROOT / "statutes/lab/2015-07-01.xml").read_bytes(), "lab")
    assert outline.loads(outline.dumps(act)).body
    monkeypatch.setattr(outline, "MAGIC", other)
    blob = outline.dumps(act)
    monkeypatch.undo()
    with pytest.raises(ValueError):
        outline.loads(blob)


def test_a_stub_has_no_changes(tmp_path):
    """compare(touched_only=True) makes each unchanged unit outside a § a diff._Stub, whose has_changes
    is False without looking: it is what RUnit.has_changes computes for it."""
    from lawdiff import diff
    from lawdiff.redline import RUnit

    seen = 0
    for a, b in PAIRS:
        red = compare(_outline(tmp_path, a), _outline(tmp_path, b), touched_only=True)
        stubs = [u for u in red.walk() if type(u) is diff._Stub]
        assert all(RUnit.has_changes.fget(u) is False for u in stubs)
        seen += len(stubs)
    assert seen > 300  # 634 when this was written


def test_a_same_unit_has_no_changes_and_no_inserted_or_repealed_section_below(tmp_path):
    """diff._same makes a diff._Same, whose has_changes is False without looking (and below which
    _moves does not look for §§): it is what RUnit.has_changes computes for it, and every unit below it
    is unchanged, over every pair of versions compared from outlines and from the models, in full."""
    from lawdiff import diff
    from lawdiff.redline import RUnit

    seen = 0
    for a, b in PAIRS:
        for red in (compare(_outline(tmp_path, a), _outline(tmp_path, b), touched_only=True),
                    compare(*(akn.from_bytes(p.read_bytes(), str(p)) for p in (a, b)))):
            same = [u for u in red.walk() if type(u) is diff._Same]
            for u in same:
                assert RUnit.has_changes.fget(u) is False
                assert all(x.status == "unchanged" and x.old_num == x.new_num for x in u.walk())
            seen += len(same)
    assert seen > 5000  # 7,319 when this was written


def test_a_sections_plain_digest_is_its_normalised_plain_text(tmp_path):
    """The digest of a §'s normalised plain text stored in the outline (what diff._markup_only
    compares instead of the texts) decides equality as the texts do, over every § of every LAB
    version (one digest for one text and the other way round), and diff._same_plain of two outline
    §§ answers as it does for the model's §§."""
    from lawdiff import diff
    from lawdiff.text import norm, plain_text

    by_digest: dict = {}
    by_text: dict = {}
    secs: list = []
    for p in sorted((ROOT / "statutes/lab").glob("*.xml")):
        o, act = _outline(tmp_path, p), akn.from_bytes(p.read_bytes(), str(p))
        for lazy, unit in zip(o.sections(), act.sections(), strict=True):
            assert (lazy.num, lazy.wid) == (unit.num, unit.wid) and len(lazy.plain) == 20
            text = norm(plain_text(unit))
            assert by_digest.setdefault(lazy.plain, text) == text and by_text.setdefault(text, lazy.plain) == lazy.plain
            secs.append((lazy, unit))
        assert all(u.plain == b"" for u in _nodes(o.body) if u.kind != "section")
    assert len(secs) > 1500 and 400 < len(by_digest) < len(secs)  # 1,630 and 513: §§ shared by versions
    by_num: dict = {}
    for lazy, unit in secs:
        by_num.setdefault(unit.num, []).append((lazy, unit))
    same = differ = 0
    for versions in by_num.values():
        for (la, ua), (lb, ub) in zip(versions, versions[1:]):
            got = diff._same_plain(la, lb)
            assert got == diff._same_plain(ua, ub)
            same += got
            differ += not got
    assert same > 1000 and differ > 200  # 1,115 and 258


def test_touched_units_and_sections_skip_only_units_without_changes(tmp_path):
    """Redline.touched_units and touched_sections do not walk below a unit whose class has has_changes
    False (diff._Stub, diff._Same): the same units, in the same order, as the filters over every unit
    (walk()), over every pair of versions compared from outlines and from the models."""
    from lawdiff.redline import heading_changed

    for a, b in PAIRS:
        for red in (compare(_outline(tmp_path, a), _outline(tmp_path, b), touched_only=True),
                    compare(*(akn.from_bytes(p.read_bytes(), str(p)) for p in (a, b)))):
            every = list(red.walk())
            assert red.touched_units() == [u for u in every if (u.kind == "section" and u.has_changes)
                                           or heading_changed(u)]
            assert red.touched_sections() == [s for s in red.sections() if s.has_changes]
