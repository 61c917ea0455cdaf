"""Red team 4: a statute file edited by hand with a character the importers refuse (a C1 control
such as U+009B, which a terminal may read as the start of an escape sequence; a bidi override,
which makes a browser show the law's words reversed). `check` said "0 problemer"; it now names the
file, the line and the character, as the importers do.
"""
from __future__ import annotations

import shutil

import pytest

from lawdiff.cli import main
from tests.conftest import ROOT

LAB = "statutes/lab/2016-11-21.xml"


@pytest.mark.parametrize("inserted, name", [
    ("\u202e", "U+202E"), ("&#x202E;", "U+202E"), ("\u009b31m", "U+009B"), ("&#155;", "U+009B"),
    ("\u200e", "U+200E"),
])
def test_check_names_a_forbidden_character_in_a_hand_edited_statute(tmp_path, capsys, inserted, name):
    shutil.copytree(ROOT / "statutes" / "lab", tmp_path / "statutes" / "lab")
    f = tmp_path / LAB
    data = f.read_bytes()
    at = data.index("5 års".encode())
    f.write_bytes(data[:at] + inserted.encode() + data[at:])
    line = data[:at].count(b"\n") + 1
    rc = main(["--root", str(tmp_path), "check"])
    out = capsys.readouterr().out
    assert rc == 1, out
    assert f"{f}:{line}: " in out and name in out, out


def test_check_passes_the_stored_statutes(tmp_path, capsys):
    shutil.copytree(ROOT / "statutes" / "lab", tmp_path / "statutes" / "lab")
    assert main(["--root", str(tmp_path), "check"]) == 0, capsys.readouterr().out
