"""Red team 4: Word's document properties (title, subject, author) hold at most 255 characters, and
python-docx raises on a longer one: a proposal with a long title or organisation (a lovforslag
amending several laws is titled after all of them) was an internal error of `docx` and of `build`
(which writes the Word document beside each proposal's page). The properties are shortened at a
word with »…«; the document's own text keeps the whole title.
"""
from __future__ import annotations

import re
import shutil
import zipfile

import pytest

from lawdiff.cli import main
from tests.conftest import ROOT

AFTALE = "aftale-2020-ressourceforloeb.yaml"
LONG = ("Lov om ændring af lov om en aktiv beskæftigelsesindsats, lov om aktiv socialpolitik, lov om social "
        "pension, lov om sygedagpenge, lov om kommunernes styring af beskæftigelsesindsatsen, lov om "
        "organisering og understøttelse af beskæftigelsesindsatsen m.v. og forskellige andre love")


@pytest.fixture
def project(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "statutes" / "lab", tmp_path / "statutes" / "lab")
    (tmp_path / "proposals").mkdir()
    text = (ROOT / "proposals" / AFTALE).read_text("utf-8")
    text = re.sub(r"^titel: .*$", f"titel: {LONG}", text, count=1, flags=re.M)
    text = re.sub(r"^organisation: .*$", f"organisation: {LONG}", text, count=1, flags=re.M)
    (tmp_path / "proposals" / AFTALE).write_text(text, "utf-8")
    monkeypatch.chdir(tmp_path)
    assert len(LONG) > 255
    return tmp_path


def _core_and_body(path):
    with zipfile.ZipFile(path) as z:
        return z.read("docProps/core.xml").decode(), z.read("word/document.xml").decode()


def test_docx_of_a_proposal_with_a_long_title(project, capsys):
    rc = main(["docx", f"proposals/{AFTALE}", "--out", "forslag.docx"])
    out = capsys.readouterr()
    assert rc == 0, out
    core, body = _core_and_body(project / "forslag.docx")
    title = re.search(r"<dc:title>(.*?)</dc:title>", core).group(1)
    assert len(title) <= 255 and title.endswith("…") and LONG.startswith(title[:-1])
    assert "lov om organisering og understøttelse af beskæftigelsesindsatsen" in body


def test_build_of_a_proposal_with_a_long_title(project, capsys):
    rc = main(["build", "--no-pdf"])
    out = capsys.readouterr()
    assert rc == 0, out
    assert (project / "site" / "forslag" / "aftale-2020-ressourceforloeb.docx").exists()


@pytest.mark.parametrize("out", ["statutes/lab/forslag.docx", "amendments/forslag.docx", ".git/forslag.docx",
                                 "statutes/../statutes/forslag.docx"])
def test_docx_out_is_never_written_into_the_store_or_git(project, capsys, out):
    (project / "amendments").mkdir()
    (project / ".git").mkdir()
    rc = main(["docx", f"proposals/{AFTALE}", "--out", out])
    err = capsys.readouterr().err
    assert rc == 1 and err.startswith("fejl: --out") and "ligger i" in err, err
    assert not (project / out).exists()
    assert main(["check"]) == 0, capsys.readouterr().out


def test_docx_out_into_the_store_through_a_link_is_refused(project, capsys):
    (project / "ud").symlink_to(project / "statutes" / "lab")
    assert main(["docx", f"proposals/{AFTALE}", "--out", "ud/forslag.docx"]) == 1
    assert "ligger i statutes/" in capsys.readouterr().err
    assert not (project / "statutes" / "lab" / "forslag.docx").exists()
