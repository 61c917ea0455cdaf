"""Review 6: a statute file edited by hand with a character the importers refuse (a C1 control,
which a terminal may read as the start of an escape sequence; a bidi override, which makes a
browser show the law's words reversed). Red team 4 made `check` name it; `show`, `diff`, `build`
and every other command that reads the version still printed or published it, with exit 0. Every
read of a stored version (akn.from_bytes, through akn.read_problems) now refuses it with file:line,
as the importers do."""
from __future__ import annotations

import shutil

import pytest

from lawdiff import akn
from lawdiff.errors import LawdiffError
from lawdiff.validate import _FORBIDDEN, odd_bytes
from tests.conftest import ROOT
from tests.test_redteam4_files import _run

LAB = "statutes/lab/2016-11-21.xml"


def _plant(tmp_path, inserted: str) -> tuple:
    shutil.copytree(ROOT / "statutes" / "lab", tmp_path / "statutes" / "lab")
    f = tmp_path / LAB
    data = f.read_bytes()
    at = data.index("5 års".encode())
    f.write_bytes(data[:at] + inserted.encode() + data[at:])
    return f, data[:at].count(b"\n") + 1


@pytest.mark.parametrize("inserted, name", [
    ("\u202e", "U+202E"), ("&#x202E;", "U+202E"), ("\u009b31m", "U+009B"), ("&#155;", "U+009B"),
    ("\u200e", "U+200E"), ("\x7f", "U+007F"),
])
@pytest.mark.parametrize("argv", [
    ["show", "lab@2016-11-21", "§ 68 a"],
    ["diff", "lab@2015-07-01", "lab@2016-11-21"],
    ["build", "--no-pdf"],
])
def test_every_command_refuses_a_forbidden_character_in_a_statute(tmp_path, inserted, name, argv):
    f, line = _plant(tmp_path, inserted)
    if argv[0] == "build":
        argv = argv + ["--out", str(tmp_path / "site")]
    rc, out = _run(["--root", str(tmp_path), *argv])
    assert rc == 1, out
    assert f"{f}:{line}" in out and name in out, out
    assert "\u202e" not in out and "\u009b" not in out


def test_check_names_it_once(tmp_path, capsys):
    from lawdiff.cli import main

    f, line = _plant(tmp_path, "\u202e")
    assert main(["--root", str(tmp_path), "check"]) == 1
    out = capsys.readouterr().out
    assert out.count("U+202E") == 1, out


def test_from_bytes_refuses_it_with_its_line():
    data = (ROOT / LAB).read_bytes()
    at = data.index("5 års".encode())
    with pytest.raises(LawdiffError) as e:
        akn.from_bytes(data[:at] + "\u2066".encode() + data[at:], "x.xml")
    assert e.value.line == data[:at].count(b"\n") + 1


def test_the_byte_prefilter_finds_every_forbidden_character():
    """odd_bytes(data) is False only where forbidden_in_file finds nothing: every character of
    the forbidden set, in UTF-8 and as a character reference, at the start, middle and end."""
    for cp in range(0x110000):
        ch = chr(cp)
        if not _FORBIDDEN.match(ch) or 0xD800 <= cp <= 0xDFFF:
            continue
        for form in (ch.encode("utf-8"), f"&#x{cp:X};".encode(), f"&#{cp};".encode()):
            for data in (form, b"<a>\xc2\xa7 1" + form + b"</a>", b"\xef\xbb\xbf" + form):
                assert odd_bytes(data), (hex(cp), data)
    assert odd_bytes("\ud800".encode("utf-8", "surrogatepass"))


def test_the_stored_statutes_have_none():
    for f in sorted((ROOT / "statutes").rglob("*.xml")):
        assert not odd_bytes(f.read_bytes()), f


def test_a_file_in_another_encoding_is_read_in_it():
    """A version saved by hand as ISO-8859-1: U+009B is the one byte 0x9B there, which a scan of
    UTF-8 bytes would not see; the file is decoded in its declared encoding instead."""
    text = (ROOT / LAB).read_text("utf-8")
    assert text.startswith("<?xml version='1.0' encoding='UTF-8'?>") or text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    text = text.replace("UTF-8", "ISO-8859-1", 1)
    at = text.index("5 års")
    clean = text.encode("latin-1", "xmlcharrefreplace")
    akn.from_bytes(clean, "x.xml")  # the same act, read
    with pytest.raises(LawdiffError) as e:
        akn.from_bytes((text[:at] + "\x9b" + text[at:]).encode("latin-1", "xmlcharrefreplace"), "x.xml")
    assert "U+009B" in e.value.message and e.value.line == text[:at].count("\n") + 1
