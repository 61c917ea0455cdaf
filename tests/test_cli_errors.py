"""The command line refuses bad input with one Danish line, exit 1, and writes nothing (issue 10).

Every test checks: exit status, a Danish message naming what to do, no traceback, and (by hashing
every file under the root before and after) that no file of the user changed.
"""
from __future__ import annotations

import errno
import hashlib
import shutil
import subprocess
import sys

import pytest

from lawdiff.cli import main
from tests.conftest import CORPUS, ROOT
from tests.helpers import drafting_root

GOOD = (ROOT / "proposals" / "aftale-2020-ressourceforloeb.yaml").read_text("utf-8")


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return drafting_root(tmp_path_factory)


def snapshot(root) -> dict:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()}


def refused(argv, capsys, root=None, status=1) -> str:
    before = snapshot(root) if root else None
    got = main(argv)
    cap = capsys.readouterr()
    assert got == status, cap.err + cap.out
    assert "Traceback" not in cap.err
    assert cap.err.startswith("fejl: "), cap.err
    assert "→" in cap.err  # a hint: what to do
    if root:
        assert snapshot(root) == before
    return cap.err


# --- 3. --root ----------------------------------------------------------------------

COMMANDS = [["check"], ["build", "--no-pdf"], ["show", "lab"], ["apply", "x.yaml"], ["instructions", "x.yaml"],
            ["diff", "lab@2015-07-01", "lab"], ["docx", "x.yaml"], ["consolidate", "lab", "--at", "2017-01-01"],
            ["blame", "lab", "§ 1"], ["serve", "--port", "0"]]


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: c[0])
def test_missing_root_is_refused_before_and_after_the_subcommand(cmd, tmp_path, capsys):
    missing = tmp_path / "findes-ikke"
    for argv in (["--root", str(missing), *cmd], [*cmd, "--root", str(missing)]):
        assert "mappen findes ikke" in refused(argv, capsys)
    assert not missing.exists()


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: c[0])
def test_root_that_is_a_file_or_has_no_statutes(cmd, tmp_path, capsys):
    f = tmp_path / "fil.txt"
    f.write_text("x")
    assert "er en fil, ikke en mappe" in refused([*cmd, "--root", str(f)], capsys, tmp_path)
    empty = tmp_path / "tom"
    empty.mkdir()
    assert "ingen statutes/-mappe" in refused([*cmd, "--root", str(empty)], capsys, tmp_path)
    (empty / "statutes").mkdir()
    if cmd[0] in ("check", "build"):
        assert "der er ingen love" in refused([*cmd, "--root", str(empty)], capsys, tmp_path)


def test_root_after_the_subcommand_works_for_every_subcommand(root, capsys):
    assert main(["check", "--root", str(root)]) == 0
    assert main(["show", "lab", "§ 68 a, stk. 4", "--root", str(root)]) == 0
    assert "5 års" in capsys.readouterr().out
    assert main(["diff", "lab@2015-07-01", "lab", "--root", str(root), "--format", "json"]) == 0
    capsys.readouterr()
    # the one after the subcommand wins
    assert main(["--root", "/findes-ikke", "show", "lab", "--root", str(root)]) == 0


def test_import_into_a_root_that_is_a_file(tmp_path, capsys):
    f = tmp_path / "fil"
    f.write_text("x")
    err = refused(["import", "lexdania", str(CORPUS / "2016/2016-1342.xml"), "--root", str(f)], capsys, tmp_path)
    assert "er en fil" in err


# --- 1. dates on the command line ------------------------------------------------------

@pytest.mark.parametrize("argv, words", [
    (["show", "lab@2016-02-30"], "februar 2016 har 29 dage"),
    (["show", "lab@2016-13-01"], "ingen måned 13"),
    (["diff", "lab@2015-00-01", "lab"], "ingen måned 0"),
    (["apply", "x.yaml", "--law", "lab", "--save-version", "2021-02-30", "--source", "LBK nr. 1 af 01/01/2021"],
     "--save-version: »2021-02-30«"),
    (["apply", "x.yaml", "--law", "lab", "--save-version", "2021-1-1", "--source", "LBK nr. 1 af 01/01/2021"],
     "formen ÅÅÅÅ-MM-DD"),
    (["apply", "x.yaml", "--law", "lab", "--save-version", "2021-01-01", "--source", "LBK nr. 1 af 99/99/2020"],
     "--source: »99/99/2020«"),
    (["import", "text", "x.txt", "--law", "lab", "--source", "LBK nr. 1342 af 31/11/2016"], "november 2016 har 30"),
    (["consolidate", "lab", "--at", "2017-02-29"], "--at: »2017-02-29«"),
    (["blame", "lab@2016-11-31", "§ 1"], "november 2016 har 30 dage"),
])
def test_impossible_dates_on_the_command_line(argv, words, root, capsys):
    assert words in refused(["--root", str(root), *argv], capsys, root)


@pytest.mark.parametrize("argv", [["show", "lab", "§ 68 \u0430"], ["show", "lab", "§ 68 a\u202e"]])
def test_odd_characters_on_the_command_line_are_named(argv, root, capsys):
    assert "U+" in refused(["--root", str(root), *argv], capsys, root)


# --- 5. OSError and internal errors ---------------------------------------------------------

@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "ikke mere plads på disken"),
                                         (errno.EROFS, "skrivebeskyttet"), (errno.EACCES, "ingen adgang")])
def test_os_errors_become_one_danish_line(code, words, root, capsys, monkeypatch):
    import lawdiff.cli as cli

    def fail(store, args):
        raise OSError(code, "x", str(root / "statutes" / "lab" / "2016-11-21.xml"))

    monkeypatch.setattr(cli, "_show", fail)
    err = refused(["--root", str(root), "show", "lab"], capsys, root)
    assert words in err and "2016-11-21.xml" in err and err.count("\n") == 2


def test_an_unexpected_exception_is_an_internal_error_with_exit_2(root, capsys, monkeypatch):
    import lawdiff.cli as cli

    def bug(store, args):
        return {}["x"]

    monkeypatch.setattr(cli, "_show", bug)
    err = refused(["--root", str(root), "show", "lab"], capsys, root, status=2)
    assert "intern fejl i lawdiff: KeyError" in err and "rapportér" in err
    monkeypatch.setenv("LAWDIFF_DEBUG", "1")
    with pytest.raises(KeyError):  # never hidden from a developer (or a test)
        main(["--root", str(root), "show", "lab"])


def test_read_only_statutes_folder_gives_one_line_in_a_fresh_process(tmp_path):
    import os

    if os.getuid() == 0:
        pytest.skip("root ignores file permissions")  # the monkeypatched tests above cover the handler
    shutil.copytree(ROOT / "statutes", tmp_path / "statutes")
    (tmp_path / "statutes").chmod(0o500)
    try:
        before = snapshot(tmp_path)
        r = subprocess.run([sys.executable, "-m", "lawdiff.cli", "--root", str(tmp_path), "import", "lexdania",
                            str(CORPUS / "2016/2016-1342.xml"), "--law", "lab2"], capture_output=True, text=True)
        assert r.returncode == 1 and "Traceback" not in r.stderr
        assert "ingen adgang" in r.stderr, r.stderr
        assert snapshot(tmp_path) == before
    finally:
        (tmp_path / "statutes").chmod(0o700)


def test_a_real_os_error_in_a_fresh_process_is_one_line(tmp_path):
    """statutes/lab2 is a file where the store needs a folder: the OSError surfaces as one line."""
    shutil.copytree(ROOT / "statutes", tmp_path / "statutes")
    (tmp_path / "statutes" / "lab2").write_text("ikke en mappe")
    before = snapshot(tmp_path)
    r = subprocess.run([sys.executable, "-m", "lawdiff.cli", "--root", str(tmp_path), "import", "lexdania",
                        str(CORPUS / "2016/2016-1342.xml"), "--law", "lab2"], capture_output=True, text=True)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert r.stderr.startswith("fejl: ") and "lab2" in r.stderr and "→" in r.stderr
    assert snapshot(tmp_path) == before


# --- check goes on past a broken proposal; every error is printed ------------------------------

def test_check_reports_every_proposal_and_every_error(root, capsys):
    bad = GOOD.replace('dato: "2020-12-11"', 'dato: "2020-02-30"')
    assert bad != GOOD
    bad = bad.replace("      - i:", "      - forekomst: 1.0\n        i:", 1)
    (root / "proposals" / "a-bad.yaml").write_text(bad, "utf-8")
    (root / "proposals" / "b-good.yaml").write_text(GOOD, "utf-8")
    try:
        assert main(["--root", str(root), "check"]) == 1
        out = capsys.readouterr().out
        assert "februar 2020 har 29 dage" in out and "helt tal" in out
        assert "2 forslag kontrolleret: 2 fejl, 0 advarsler, 0 konflikter mellem forslag" in out
        assert "Traceback" not in out
    finally:
        for n in ("a-bad.yaml", "b-good.yaml"):
            (root / "proposals" / n).unlink()


@pytest.mark.parametrize("files", [
    {"a.yaml": "a.yaml"},                                   # self-reference
    {"a.yaml": "b.yaml", "b.yaml": "a.yaml"},               # a cycle of two
    {"a.yaml": "b.yaml", "b.yaml": "c.yaml", "c.yaml": "b.yaml"},
], ids=["self", "two", "three"])
def test_builds_on_cycles_are_refused(files, root, capsys):
    for name, other in files.items():
        (root / "proposals" / name).write_text(
            GOOD.replace("status: udkast", f"status: udkast\nbygger_på: {other}"), "utf-8")
    try:
        err = refused(["--root", str(root), "apply", str(root / "proposals" / "a.yaml")], capsys, root)
        assert "»bygger_på« danner en ring" in err
        assert main(["--root", str(root), "check"]) == 1
        assert "danner en ring" in capsys.readouterr().out
    finally:
        for name in files:
            (root / "proposals" / name).unlink()


# --- imports with bad values ----------------------------------------------------------------------

@pytest.mark.parametrize("old, new, words", [
    (b'colspan="2"', b'colspan="abc"', "colspan=»abc«"),
    (b'colspan="2"', b'colspan="0"', "colspan=»0«"),
    (b"<DiesSigni>", b"<DiesSigni>2010-02-30</DiesSigni><X>", "DiesSigni »2010-02-30«"),
])
def test_import_refuses_bad_values(old, new, words, tmp_path, capsys):
    src = next(f for f in sorted(CORPUS.glob("*/*.xml")) if b'colspan="2"' in f.read_bytes()[:3_000_000])
    data = src.read_bytes()
    if old == b"<DiesSigni>":
        import re
        data = re.sub(rb"<DiesSigni>[^<]*</DiesSigni>", b"<DiesSigni>2010-02-30</DiesSigni>", data, count=1)
    else:
        data = data.replace(old, new, 1)
    f = tmp_path / "x.xml"
    f.write_bytes(data)
    before = snapshot(tmp_path)
    assert main(["--root", str(tmp_path), "import", "lexdania", str(f)]) == 1
    cap = capsys.readouterr()
    assert words in cap.err and "Traceback" not in cap.err and f"{f}:" in cap.err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("insert, words", [("\u202e", "U+202E"), ("&#x202E;", "U+202E"), ("&#0;", None),
                                           ("\x07", "U+0007")])
def test_lexdania_import_refuses_odd_characters(insert, words, tmp_path, capsys):
    data = (CORPUS / "2016/2016-1342.xml").read_bytes().replace("ressourceforløb".encode(),
                                                                 f"ressource{insert}forløb".encode(), 1)
    f = tmp_path / "x.xml"
    f.write_bytes(data)
    before = snapshot(tmp_path)
    assert main(["--root", str(tmp_path), "import", "lexdania", str(f)]) == 1
    cap = capsys.readouterr()
    assert f"{f}:" in cap.err and "Traceback" not in cap.err
    if words:
        assert words in cap.err
    assert snapshot(tmp_path) == before


TEXT = "§ 1. Loven gælder for ressourceforløb på højst 5 år.\nStk. 2. Dog ikke i 5 år.\n"


@pytest.mark.parametrize("text, line, words", [
    (TEXT.replace("højst", "h\u202eøjst"), 1, "U+202E"),
    (TEXT.replace("Dog", "D\x00og"), 2, "U+0000"),
    (TEXT.replace("Dog ikke", "Dog ikke \u0430"), 2, "CYRILLIC SMALL LETTER A"),
])
def test_text_import_refuses_odd_characters(text, line, words, tmp_path, capsys):
    f = tmp_path / "lov.txt"
    f.write_text(text, "utf-8")
    argv = ["--root", str(tmp_path), "import", "text", str(f), "--law", "x", "--source", "LBK nr. 1 af 01/02/2020"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"{f}:{line}:" in err and words in err and "Traceback" not in err
    assert not (tmp_path / "statutes").exists()


def test_text_import_normalises_to_nfc(tmp_path, capsys):
    import unicodedata

    f = tmp_path / "lov.txt"
    f.write_text(unicodedata.normalize("NFD", TEXT), "utf-8")
    argv = ["--root", str(tmp_path), "import", "text", str(f), "--law", "x", "--source", "LBK nr. 1 af 01/02/2020"]
    assert main(argv) == 0, capsys.readouterr().err
    out = (tmp_path / "statutes/x/2020-02-01.xml").read_text("utf-8")
    assert "højst 5 år" in out and unicodedata.normalize("NFC", out) == out
