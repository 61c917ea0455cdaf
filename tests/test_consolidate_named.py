"""consolidate.load_act remembers, per file content, which laws a file that loaded without error
names, and answers None for other laws without reading the file again. The answers are the same as
a fresh read's; an edited file is read again; a file that does not load is refused every time."""
from __future__ import annotations

import pytest

from lawdiff import consolidate
from lawdiff.errors import LawdiffError
from tests.conftest import ROOT


def _summary(a):
    return None if a is None else (a.id, a.date, a.source, [(n.cite, n.unreadable, len(n.changes)) for n in a.numre])


def test_remembered_answers_are_a_fresh_reads(monkeypatch):
    files = sorted((ROOT / "amendments").glob("*.yaml"))
    laws = sorted({"lab", "serviceloven", "styringsloven", "findes-ikke"})
    monkeypatch.setattr(consolidate, "_NAMED", {})
    first = {(f.name, law): _summary(consolidate.load_act(f, law)) for f in files for law in laws}
    assert any(v is not None for v in first.values()) and any(v is None for v in first.values())
    assert len(consolidate._NAMED) == len(files)
    again = {(f.name, law): _summary(consolidate.load_act(f, law)) for f in files for law in laws}
    assert again == first


def test_an_edited_file_is_read_again_and_a_broken_one_refused_every_time(tmp_path, monkeypatch):
    monkeypatch.setattr(consolidate, "_NAMED", {})
    src = next(f for f in sorted((ROOT / "amendments").glob("*.yaml")) if consolidate.load_act(f, "lab"))
    p = tmp_path / src.name
    p.write_bytes(src.read_bytes())
    assert consolidate.load_act(p, "findes-ikke") is None
    assert consolidate.load_act(p, "lab") is not None
    p.write_bytes(src.read_bytes().replace(b"lov: lab\n", b"lov: styringsloven\n"))
    assert consolidate.load_act(p, "lab") is None
    assert consolidate.load_act(p, "styringsloven") is not None
    p.write_bytes(src.read_bytes() + b"\n: [\n")
    for law in ("lab", "findes-ikke", "lab"):
        with pytest.raises(LawdiffError):
            consolidate.load_act(p, law)
