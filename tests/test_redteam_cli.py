"""Red team: the command line's outputs never replace what is not lawdiff's to write."""
from __future__ import annotations

import hashlib
import shutil

import pytest

from lawdiff.cli import main
from tests.conftest import PROPOSAL_HEAD, ROOT

GOOD = (ROOT / "proposals" / "aftale-2020-ressourceforloeb.yaml").read_text("utf-8")


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    r = tmp_path_factory.mktemp("root")
    (r / "statutes").mkdir()
    shutil.copytree(ROOT / "statutes" / "lab", r / "statutes" / "lab")
    (r / "proposals").mkdir()
    (r / "proposals" / "p.yaml").write_text(GOOD, "utf-8")
    return r


def snapshot(root) -> dict:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("out, words", [
    ("proposals/p.yaml", "filen skal hedde ….docx"),  # before: the proposal became a Word file, exit 0
    ("statutes/lab/2016-11-21.xml", "filen skal hedde ….docx"),  # before: the act became a Word file
    ("proposals", "filen skal hedde ….docx"),
    ("ny-mappe/undermappe/p.docx", "findes ikke"),  # before: both folders were made, exit 0
    ("x.docx/", "er en mappe"),
])
def test_docx_out_refuses_what_is_not_a_new_word_file(out, words, root, capsys, monkeypatch):
    monkeypatch.chdir(root)
    (root / "x.docx").mkdir(exist_ok=True)
    before = snapshot(root)
    assert main(["docx", "proposals/p.yaml", "--out", out]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fejl: --out") and words in err and "→" in err and "Traceback" not in err
    assert snapshot(root) == before
    assert not (root / "ny-mappe").exists()


def test_docx_out_writes_a_word_file(root, capsys, monkeypatch):
    monkeypatch.chdir(root)
    assert main(["docx", "proposals/p.yaml", "--out", "Forslag.DOCX"]) == 0
    assert (root / "Forslag.DOCX").read_bytes()[:2] == b"PK"


FORMAL_ONLY = PROPOSAL_HEAD + """\
      - i: "§ 68 a"
        ændres: ressourceforløb
        til: forløb
        forekomst: 3
"""


def test_check_refuses_what_build_refuses(tmp_path, capsys):
    """Before: `check` said "0 fejl" (exit 0) for a change the engine executes but the lovforslag
    cannot word (`forekomst: 3`), while `build`, `instructions` and `docx` refused it."""
    (tmp_path / "statutes").mkdir()
    shutil.copytree(ROOT / "statutes" / "lab", tmp_path / "statutes" / "lab")
    (tmp_path / "proposals").mkdir()
    (tmp_path / "proposals" / "f.yaml").write_text(FORMAL_ONLY, "utf-8")
    assert main(["--root", str(tmp_path), "build", "--no-pdf"]) == 1
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "check"]) == 1
    out = capsys.readouterr()
    assert "f.yaml:13:20: forslag 1, ændring 1: »forekomst: 3« kan ikke skrives" in out.out + out.err
    assert "1 forslag kontrolleret: 1 fejl" in out.out + out.err


def test_check_names_a_proposal_no_command_reads(tmp_path, capsys):
    """Before: proposals/x.yml passed `check` as "0 forslag kontrolleret" and `build` left it out."""
    (tmp_path / "statutes").mkdir()
    shutil.copytree(ROOT / "statutes" / "lab", tmp_path / "statutes" / "lab")
    (tmp_path / "proposals").mkdir()
    (tmp_path / "proposals" / "udkast.yml").write_text(GOOD, "utf-8")
    assert main(["--root", str(tmp_path), "check"]) == 1
    out = capsys.readouterr()
    assert "udkast.yml:1:1: filen læses ikke: et forslag skal hedde NAVN.yaml" in out.out + out.err
    assert "omdøb den til udkast.yaml" in out.out + out.err
