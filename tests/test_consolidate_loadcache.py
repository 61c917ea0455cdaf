"""consolidate.load_act reads a file's bytes once per version of the file (the parse is kept,
pickled): every call gets objects of its own, and an edited file is read again."""
from __future__ import annotations

import shutil

import pytest

from lawdiff.consolidate import load_act
from lawdiff.errors import LawdiffError
from tests.conftest import ROOT

FIX = ROOT / "tests/fixtures/amendments/lov-2017-9001.yaml"


def _shape(act):
    return [(n.paragraf, n.nummer, n.data, [(c.verb, c.data, c.attribution, c.pos) for c in n.changes])
            for n in act.numre]


def test_second_load_is_equal_and_shares_nothing(tmp_path):
    f = tmp_path / FIX.name
    shutil.copy(FIX, f)
    a, b = load_act(f, "lab"), load_act(f, "lab")
    assert a is not None and _shape(a) == _shape(b)
    assert all(x is not y for x, y in zip(a.numre, b.numre))
    ca, cb = a.numre[0].changes[0], b.numre[0].changes[0]
    assert ca is not cb and ca.data is not cb.data
    ca.data["ændres"] = "noget andet"  # what one caller does to its changes, no other call sees
    assert load_act(f, "lab").numre[0].changes[0].data == cb.data


def test_edited_file_is_read_again(tmp_path):
    f = tmp_path / FIX.name
    shutil.copy(FIX, f)
    before = load_act(f, "lab")
    text = f.read_text(encoding="utf-8")
    assert "lov nr. 9001" in text
    f.write_text(text.replace("lov nr. 9001", "lov nr. 9011"), encoding="utf-8")
    after = load_act(f, "lab")
    assert after.source != before.source and "9011" in after.source
    f.write_text("titel: [", encoding="utf-8")  # a broken file is refused every time, never served from before
    for _ in range(2):
        with pytest.raises(LawdiffError):
            load_act(f, "lab")
