"""Annexes (bilag) shown to readers: `diff` (text, JSON, HTML), the compare pages, `apply` and `blame`
compare annexes as they compare §§ (annexdiff.py: the same redline model, the same token diff).

Real acts: CPR-loven (LBK 5/2013) consolidated with lov 311/2014 (§ 1, nr. 5 changes words in bilag
1, nr. 10), and elafgiftsloven (LBK 310/2011) with lov 70/2013, § 1, nr. 7 (bilag 4-7 rewritten as
the act's own bilag 1). Golden files for the text a reader gets."""
import copy
import json
import shutil
from pathlib import Path

import pytest

from lawdiff import annexdiff, cli
from lawdiff.model import Annex, Cell, Line, Table
from lawdiff.outline import annexes_differ, dumps, loads
from lawdiff.redline import CHANGED, INSERTED, REPEALED, side_lines
from lawdiff.store import Store
from lawdiff.tokendiff import DELETE, INSERT
from tests.conftest import lexdania

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "annexes"
CPR = "det-centrale-personregister"


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    assert text == path.read_text("utf-8"), f"{name} differs (regenerate it only after reading the new text)"


def _root(tmp_path: Path, annex_text: str | None) -> Store:
    shutil.copytree(ROOT / "statutes" / "lab", tmp_path / "statutes" / "lab")
    store = Store(tmp_path)
    act = copy.deepcopy(store.load("lab@2016-11-21"))
    act.date, act.source = "2016-12-01", "test"
    if annex_text is not None:
        act.annexes = [Annex("Bilag 1", "1", [Line("Satser")], [Line(annex_text)])]
    store.save(act)
    return store


@pytest.fixture(scope="module")
def cpr(tmp_path_factory) -> Path:
    """A store with CPR-loven (LBK 5/2013) and its consolidation with lov 311/2014 (2014-04-01)."""
    root = tmp_path_factory.mktemp("cpr")
    for f in ("2013/2013-5.xml", "2014/2014-311.xml"):
        assert cli.main(["import", "--root", str(root), "lexdania", str(lexdania(f))]) == 0
    assert cli.main(["consolidate", "--root", str(root), CPR, "--at", "2014-04-01"]) == 0
    return root


def test_a_new_annex_is_shown_whole_and_nothing_is_warned(tmp_path, capsys):
    _root(tmp_path, "Sats: 100 kr.")
    assert cli.main(["--root", str(tmp_path), "diff", "lab@2016-11-21", "lab@2016-12-01"]) == 0
    out, err = capsys.readouterr()
    assert "0 paragraffer ændret" in out and "; 1 bilag ændret: 0 ændrede, 1 nyt, 0 ophævede" in out
    assert out.endswith("[+Bilag 1+] (nyt)\n[+Satser+]\n[+Sats: 100 kr.+]\n") and err == ""
    assert cli.main(["--root", str(tmp_path), "diff", "--format", "json", "lab@2016-11-21", "lab@2016-12-01"]) == 0
    d = json.loads(capsys.readouterr().out)
    [a] = d["annexes"]
    assert "annexes_differ" not in d and a["status"] == "inserted" and a["new"] == {"num": "1", "label": "Bilag 1"}
    assert a["wrapup"] == [[{"op": "insert", "text": "Sats: 100 kr."}]]


def test_no_annexes_when_they_are_the_same(tmp_path, capsys):
    _root(tmp_path, None)
    assert cli.main(["--root", str(tmp_path), "diff", "lab@2016-11-21", "lab@2016-12-01"]) == 0
    out, err = capsys.readouterr()
    assert "bilag" not in out.lower() and err == ""
    assert cli.main(["--root", str(tmp_path), "diff", "--format", "json", "lab@2016-11-21", "lab@2016-12-01"]) == 0
    assert "annexes" not in capsys.readouterr().out


def test_the_outline_carries_the_annexes_digest(tmp_path):
    store = _root(tmp_path, "Sats: 100 kr.")
    old, new = store.load("lab@2016-11-21"), store.load("lab@2016-12-01")
    o_old, o_new = loads(dumps(old)), loads(dumps(new))
    assert o_old.annex_digest == b"" and len(o_new.annex_digest) == 20
    assert annexes_differ(o_old, o_new) and annexes_differ(old, o_new) and not annexes_differ(o_new, new)
    changed = copy.deepcopy(new)
    changed.annexes[0].body = [Line("Sats: 200 kr.")]
    assert annexes_differ(new, changed)


def test_outlines_without_a_loader_say_that_their_annexes_are_unread(tmp_path):
    """compare() on two outlines cannot read their annexes: the redline says so (the diff command
    then reads them), it never looks like "no change"."""
    from lawdiff.diff import compare

    store = _root(tmp_path, "Sats: 100 kr.")
    o_old, o_new = (loads(dumps(store.load(k))) for k in ("lab@2016-11-21", "lab@2016-12-01"))
    red = compare(o_old, o_new, touched_only=True)
    assert red.annexes_unread and red.annexes == []
    annexdiff.add(red, o_old, o_new, load=store.load)
    assert [a.status for a in red.annexes] == [INSERTED]
    same = compare(o_new, o_new, touched_only=True)
    assert not same.annexes_unread and same.annexes == []


def test_annex_redline_aligns_by_number_and_diffs_lines_and_tables():
    def table(*rows):
        return Table([[Cell(c) for c in r] for r in rows])

    old = [Annex("Bilag 1", "1", [Line("Satser")], [Line("A: 10 kr."), Line("B uændret"), table(("x", "1,0"))]),
           Annex("Bilag 2", "2", [], [Line("Ophæves")]),
           Annex("Bilag 3", "3", [], [Line("Uændret")])]
    new = [Annex("Bilag 1", "1", [Line("Satser")], [Line("A: 12 kr."), Line("B uændret"), table(("x", "1,5"))]),
           Annex("Bilag 3", "3", [], [Line("Uændret")]),
           Annex("Bilag 4", "4", [], [Line("Ny")])]
    reds = annexdiff.redline(old, new)
    assert [(r.status, r.old_num, r.new_num) for r in reds] == [(CHANGED, "1", "1"), (REPEALED, "2", None),
                                                                (INSERTED, None, "4")]
    one = reds[0]
    assert [[(s.op, s.text) for s in b if s.op] for b in one.wrapup] == [
        [(DELETE, "10 kr."), (INSERT, "12 kr.")], [], [(DELETE, "1,0"), (INSERT, "1,5")]]
    # the two sides give the two versions' text (a table: its rows, cells joined by " | ")
    assert side_lines(one, "old") == ["Satser", "A: 10 kr.", "B uændret", "x | 1,0"]
    assert side_lines(one, "new") == ["Satser", "A: 12 kr.", "B uændret", "x | 1,5"]
    assert annexdiff.excerpt(one) == [one.wrapup[0], one.wrapup[1], one.wrapup[2]]


def test_cpr_diff_shows_the_words_changed_in_bilag_1(cpr, capsys):
    a, b = f"{CPR}@2013-01-09", f"{CPR}@2014-04-01"
    assert cli.main(["--root", str(cpr), "diff", a, b]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    _golden("cpr-2014-311.diff.txt", out[out.index("Bilag 1"):])
    assert cli.main(["--root", str(cpr), "diff", "--format", "html", a, b]) == 0
    html = capsys.readouterr().out
    assert "<del>beskyttelse mod forskerhenvendelse, jf. §\xa029, stk.\xa02, </del>" in html
    assert '<section class="bilag-aendring changed" id="bilag-1">' in html
    assert cli.main(["--root", str(cpr), "diff", "--format", "json", a, b]) == 0
    [annex] = json.loads(capsys.readouterr().out)["annexes"]
    assert annex["status"] == "changed" and annex["eId"] == "bilag-1"


def test_cpr_blame_names_the_act_and_nummer_that_changed_the_annex(cpr, capsys):
    assert cli.main(["--root", str(cpr), "blame", CPR, "bilag 1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == f"bilag 1: lov nr. 311 af 29/03/2014, § 1, nr. 5 ({CPR}@2014-04-01)"
    assert cli.main(["--root", str(cpr), "blame", f"{CPR}@2013-01-09", "bilag 1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == f"bilag 1: oprindelig tekst (første kendte version: LBK nr. 5 af 09/01/2013, {CPR}@2013-01-09)"
    assert cli.main(["--root", str(cpr), "blame", CPR, "bilag 2"]) == 1
    assert "har ikke bilag 2 (loven har: Bilag 1)" in capsys.readouterr().err


def test_cpr_compare_page_shows_the_annex_redline_credited_to_the_nummer(cpr, tmp_path):
    out = tmp_path / "site"
    assert cli.main(["--root", str(cpr), "build", "--no-pdf", "--out", str(out)]) == 0
    html = (out / "sammenligning" / CPR / "2013-01-09_2014-04-01.html").read_text("utf-8")
    assert "og 1 bilag." in html and '<a href="#bilag-1">Bilag\xa01</a> <span class="status">(ændret)</span>' in html
    # "i loven" leads to the annex on the new version's page, whose id is the annex's own
    assert f'<a class="i-loven" href="../../love/{CPR}/2014-04-01.html#bilag-1"' in html
    page = (out / "love" / CPR / "2014-04-01.html").read_text("utf-8")
    assert '<section class="bilag" id="bilag-1">' in page
    assert '<del data-change="ændret ved lov nr. 311 af 29/03/2014, § 1, nr. 5">beskyttelse mod' in html
    assert "Bilagene er forskellige" not in html


def test_elafgift_apply_shows_the_annexes_an_amending_act_rewrites(tmp_path, capsys):
    """`apply` of lov 70/2013, § 1, nr. 7 (bilag 4-7 affattes som bilag 1 til denne lov): each annex
    changed, its tables as one block each, credited to the nummer; the act's closing » « are not law text."""
    for f in ("2011/2011-310.xml", "2013/2013-70.xml"):
        assert cli.main(["import", "--root", str(tmp_path), "lexdania", str(lexdania(f))]) == 0
    capsys.readouterr()
    assert cli.main(["--root", str(tmp_path), "apply", str(tmp_path / "amendments" / "lov-2013-70.yaml"),
                     "--law", "afgift-af-elektricitet", "--nummer", "§ 1, nr. 7"]) == 0
    out = capsys.readouterr().out
    _golden("elafgift-2013-70-nr7.apply.txt", out[out.index("Bilag 4"):])
    assert "«" not in out
    assert cli.main(["--root", str(tmp_path), "apply", str(tmp_path / "amendments" / "lov-2013-70.yaml"),
                     "--law", "afgift-af-elektricitet", "--nummer", "§ 1, nr. 7", "--format", "json"]) == 0
    annexes = json.loads(capsys.readouterr().out)["laws"]["afgift-af-elektricitet"]["annexes"]
    assert [(a["new"]["label"], a["status"], a["changes"]) for a in annexes] == [
        (f"Bilag {n}", "changed", ["lov nr. 70 af 30. januar 2013, § 1, nr. 7"]) for n in (4, 5, 6, 7)]
