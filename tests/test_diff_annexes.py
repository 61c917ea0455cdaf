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


class Act_with:
    """What outline.annex_digest reads of an act: its annexes."""
    def __init__(self, annexes):
        self.annexes = annexes


def _notes(annexes) -> list:
    return [n for a in annexes for b in a.headings + a.body if isinstance(b, Line) for n in b.notes]


def test_a_footnote_added_to_an_annex_is_shown():
    """LBK 107/2011 → LBK 128/2013 (folketingsvalgloven, a chain of the corpus): bilag 1's heading
    gains footnote 6) in the later LBK; the redline shows it as an inserted line where its marker
    stands (after the heading), not only the tables' changes."""
    from lawdiff.importers.lexdania import read_lexdania_file

    old = read_lexdania_file(lexdania("2011/2011-107.xml")).act
    new = read_lexdania_file(lexdania("2013/2013-128.xml")).act
    assert not _notes(old.annexes) and [n.marker for n in _notes(new.annexes)] == ["6)"]
    [red] = annexdiff.redline(old.annexes, new.annexes)
    assert [[(s.op, s.text) for s in b] for b in red.intro] == [
        [(0, "Fortegnelse over Folketingets valgkredse")],
        [(INSERT, "[Fodnote 6): Som affattet ved lov nr. 536 af 8. juni 2006 om ændring af bl.a. bilag 1 og ændret"
                  " ved bekendtgørelse nr. 6 af 3. januar 2011 udstedt med hjemmel i lovens § 8, stk. 5.]")]]


def test_a_change_only_in_an_annex_footnote_is_not_read_as_no_change():
    """The same annex (LBK 128/2013, bilag 1) with only its footnote's text changed: the digests
    differ (so `diff` and the compare pages compare the annexes) and the redline shows the changed
    words of the footnote; the annex's text is the same."""
    from lawdiff.importers.lexdania import read_lexdania_file

    act = read_lexdania_file(lexdania("2013/2013-128.xml")).act
    changed = copy.deepcopy(act)
    [note] = _notes(changed.annexes)
    note.lines = [note.lines[0].replace("lov nr. 536", "lov nr. 537")]
    assert annexes_differ(act, changed)
    assert loads(dumps(act)).annex_digest != loads(dumps(changed)).annex_digest
    [red] = annexdiff.redline(act.annexes, changed.annexes)
    assert red.status == CHANGED
    assert [(s.op, s.text) for b in red.intro + red.wrapup for s in b if s.op] == [(DELETE, "536"), (INSERT, "537")]
    # a marker moved to another line is a change too: the note is compared where it stands
    from lawdiff.model import Note

    fn = Note("1)", ["Jf. lov nr. 1."])
    a = Annex("Bilag 1", "1", [], [Line("a", [fn]), Line("b"), Line("c")])
    b = Annex("Bilag 1", "1", [], [Line("a"), Line("b"), Line("c", [fn])])
    assert annexes_differ(Act_with([a]), Act_with([b]))
    [red] = annexdiff.redline([a], [b])
    assert [(s.op, s.text) for b in red.intro + red.wrapup for s in b if s.op] == [
        (DELETE, "[Fodnote 1): Jf. lov nr. 1.]"), (INSERT, "[Fodnote 1): Jf. lov nr. 1.]")]


def test_annexes_without_number_or_label_have_ids_of_their_own():
    """Lov 246/2010 has bilag 1 and five annexes without label: on its page and in a redline each
    has an id of its own (the n-th annex's, "bilag-nr3"), the same on the compare page as on the
    version page the compare page links to."""
    from lawdiff.importers.lexdania import read_lexdania_file
    from lawdiff.render.html import annex_html
    from lawdiff.render.site import _annexes
    from lawdiff.render.html import Notes

    act = read_lexdania_file(lexdania("2010/2010-246.xml")).act
    ids = annexdiff.anchors(act.annexes)
    assert ids == ["bilag-1", "bilag-nr2", "bilag-nr3", "bilag-nr4", "bilag-nr5", "bilag-nr6"]
    page = str(_annexes(act, Notes({}, "fn")))
    assert [x for x in ids if f'<section class="bilag" id="{x}">' in page] == ids
    reds = annexdiff.redline([], act.annexes)
    assert [r.eid for r in reds] == [r.wid for r in reds] == ids
    html = "".join(annex_html(r) for r in reds)
    assert [x for x in ids if html.count(f'id="{x}"') == 1] == ids


def test_a_repealed_annex_whose_id_a_new_one_has_gets_an_id_of_its_own():
    """Three annexes without label, then bilag 1 and two without: the third old one is repealed, its id
    on the old page ("bilag-nr3", its wid) the id of the new version's third annex, so on the
    redline's page it is "bilag-nr3-ophaevet"."""
    def un(text):
        return Annex("", None, [], [Line(text)])

    old = [un("A"), un("B"), un("E")]
    new = [Annex("Bilag 1", "1", [], [Line("Ny")]), un("A ændret"), un("B ændret")]
    reds = annexdiff.redline(old, new)
    assert [(r.status, r.wid, r.eid) for r in reds] == [
        (INSERTED, "bilag-1", "bilag-1"), (CHANGED, "bilag-nr2", "bilag-nr2"), (CHANGED, "bilag-nr3", "bilag-nr3"),
        (REPEALED, "bilag-nr3", "bilag-nr3-ophaevet")]
