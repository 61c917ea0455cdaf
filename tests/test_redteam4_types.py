"""Red team 4: a proposal hand-edited into the wrong type (`ændringer: 5`) was an internal error
(TypeError) in check, apply, instructions and build; it is the schema's message with file:line.
Found by mutating every value of the repository's proposals into other types and values.
"""
from __future__ import annotations

import shutil

import pytest

from lawdiff.cli import main
from tests.conftest import ROOT

AFTALE = "aftale-2020-ressourceforloeb.yaml"


@pytest.mark.parametrize("value", ["5", "1.5", "true", "{a: 1}", "tekst", "'2020-01-01'"])
@pytest.mark.parametrize("argv", [["check"], ["apply", "proposals/" + AFTALE], ["instructions", "proposals/" + AFTALE]],
                         ids=lambda a: a[0])
def test_a_forslag_whose_changes_are_not_a_list_is_a_message(tmp_path, capsys, monkeypatch, value, argv):
    shutil.copytree(ROOT / "statutes" / "lab", tmp_path / "statutes" / "lab")
    (tmp_path / "proposals").mkdir()
    text = (ROOT / "proposals" / AFTALE).read_text("utf-8")
    at = text.index("    ændringer:\n")
    (tmp_path / "proposals" / AFTALE).write_text(text[:at] + f"    ændringer: {value}\n", "utf-8")
    line = text[:at].count("\n") + 1
    monkeypatch.chdir(tmp_path)
    rc = main(argv)
    cap = capsys.readouterr()
    out = cap.out + cap.err
    assert rc == 1, out
    assert "intern fejl" not in out and f"{AFTALE}:{line}:" in out and "»ændringer«" in out, out
