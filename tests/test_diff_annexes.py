"""`diff` and the compare pages do not show changes in annexes yet; they must never let two versions
whose annexes differ look the same: `diff` warns (and its JSON says so), a compare page carries a notice."""
import copy
import shutil
from pathlib import Path

from lawdiff import cli
from lawdiff.model import Annex, Line
from lawdiff.outline import annexes_differ, dumps, loads
from lawdiff.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _root(tmp_path: Path, annex_text: str | None) -> Store:
    shutil.copytree(ROOT / "statutes" / "lab", tmp_path / "statutes" / "lab")
    store = Store(tmp_path)
    act = copy.deepcopy(store.load("lab@2016-11-21"))
    act.date, act.source = "2016-12-01", "test"
    if annex_text is not None:
        act.annexes = [Annex("Bilag 1", "1", [Line("Satser")], [Line(annex_text)])]
    store.save(act)
    return store


def test_diff_warns_when_only_the_annexes_differ(tmp_path, capsys):
    _root(tmp_path, "Sats: 100 kr.")
    assert cli.main(["--root", str(tmp_path), "diff", "lab@2016-11-21", "lab@2016-12-01"]) == 0
    out, err = capsys.readouterr()
    assert "0 paragraffer ændret" in out
    assert "advarsel: bilagene er forskellige i lab@2016-11-21 og lab@2016-12-01" in err
    assert cli.main(["--root", str(tmp_path), "diff", "--format", "json", "lab@2016-11-21", "lab@2016-12-01"]) == 0
    assert '"annexes_differ": true' in capsys.readouterr().out


def test_no_warning_when_the_annexes_are_the_same(tmp_path, capsys):
    _root(tmp_path, None)
    assert cli.main(["--root", str(tmp_path), "diff", "lab@2016-11-21", "lab@2016-12-01"]) == 0
    out, err = capsys.readouterr()
    assert "bilag" not in err
    assert cli.main(["--root", str(tmp_path), "diff", "--format", "json", "lab@2016-11-21", "lab@2016-12-01"]) == 0
    assert "annexes_differ" not in capsys.readouterr().out


def test_the_outline_carries_the_annexes_digest(tmp_path):
    store = _root(tmp_path, "Sats: 100 kr.")
    old, new = store.load("lab@2016-11-21"), store.load("lab@2016-12-01")
    o_old, o_new = loads(dumps(old)), loads(dumps(new))
    assert o_old.annex_digest == b"" and len(o_new.annex_digest) == 20
    assert annexes_differ(o_old, o_new) and annexes_differ(old, o_new) and not annexes_differ(o_new, new)
    changed = copy.deepcopy(new)
    changed.annexes[0].body = [Line("Sats: 200 kr.")]
    assert annexes_differ(new, changed)


def test_a_compare_page_says_that_the_annexes_differ(tmp_path):
    _root(tmp_path, "Sats: 100 kr.")
    assert cli.main(["--root", str(tmp_path), "build", "--no-pdf"]) == 0
    pages = {p.name: p.read_text("utf-8") for p in (tmp_path / "site").rglob("*.html")
             if "Ændringer fra" in p.read_text("utf-8")}
    notice = "Bilagene er forskellige i de to versioner"
    with_notice = [name for name, html in pages.items() if notice in html]
    assert len(with_notice) == 1 and "2016-12-01" in with_notice[0], sorted(pages)
