"""importers/official.py: each document parsed once for the statute reader and the amending
reader gives what the two readers give on their own."""
from __future__ import annotations

import re

from lawdiff import akn
from lawdiff.cli import main
from lawdiff.importers import amending
from lawdiff.importers.lexdania import read_lexdania
from lawdiff.importers.official import read_official
from tests.conftest import lexdania

AMENDING = "2013/2013-643.xml"  # LOV Æ
ORIGINAL = "2016/2016-261.xml"  # LOV H holding ændringsnumre
LBK = "2010/2010-1249.xml"


def _read(path: str):
    data = lexdania(path).read_bytes()
    return data, read_official(data, path)


def test_an_amending_act_is_summarised_and_read_from_one_parse():
    data, doc = _read(AMENDING)
    assert doc.wants_amending and doc.amending_error is None
    assert doc.result.amendment == read_lexdania(data, AMENDING).amendment
    assert amending.dump(doc.amending.doc) == amending.dump(amending.read_amending(data, AMENDING).doc)


def test_an_original_act_holding_numre_gives_its_act_version_and_its_amendment_file():
    data, doc = _read(ORIGINAL)
    assert doc.wants_amending and doc.amending.numre > 0
    assert akn.to_bytes(doc.result.act) == akn.to_bytes(read_lexdania(data, ORIGINAL).act)
    alone = amending.read_amending(data, ORIGINAL)
    assert amending.dump(doc.amending.doc) == amending.dump(alone.doc)
    assert (doc.amending.warnings, doc.amending.refused) == (alone.warnings, alone.refused)


def test_an_lbk_is_not_read_as_amending():
    _, doc = _read(LBK)
    assert doc.result.act is not None and not doc.wants_amending


def test_what_only_the_amending_reader_refuses_is_an_error_of_that_file(tmp_path, capsys):
    # the title (TitelGruppe) is read by the amending reader only: a Linea with text outside its
    # <Char> is refused there with file:line, and the import goes on with the other files
    data, n = re.subn(rb"<Linea>\s*<Char>Lov om oph", b"<Linea>x<Char>Lov om oph", lexdania(AMENDING).read_bytes(), count=1)
    assert n == 1
    bad = tmp_path / "bad.xml"
    bad.write_bytes(data)
    doc = read_official(data, str(bad))
    assert doc.amending is None and doc.amending_error is not None and doc.amending_error.line == 35
    code = main(["--root", str(tmp_path), "import", "lexdania", str(bad), str(lexdania(ORIGINAL))])
    out = capsys.readouterr()
    assert code == 1
    assert f"{bad}: FEJL: {bad}:35: <Linea> indeholder tekst uden for <Char>" in out.err
    assert "Traceback" not in out.err
    assert list((tmp_path / "amendments").glob("*.yaml"))  # the other file's amendment file is written
