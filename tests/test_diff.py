"""Comparing versions: LAB 2015 → 2016, real consolidation chains, and agreement with the engine."""
from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from lawdiff.address import _section_span, canonical_num, section_key
from lawdiff.diff import compare, is_placeholder
from lawdiff.engine import apply_proposal
from lawdiff.importers.lexdania import read_lexdania_file
from lawdiff.redline import INSERTED, REPEALED, side_lines
from lawdiff.render.text import plain_text
from lawdiff.text import norm
from tests.conftest import SHARED, lexdania
from tests.helpers import make_proposal
from tests.test_engine_properties import _change


def _texts(act):
    """§ number -> text; "(Ophævet)" placeholders, single or ranges, count as the same law text."""
    out = {}
    for s in act.sections():
        if not s.num:
            continue
        if is_placeholder(s):
            lo, hi = _section_span(canonical_num(s.num))
            out[canonical_num(s.num)] = PH
            out.setdefault("__ranges__", []).append((lo, hi))
        else:
            out[canonical_num(s.num)] = norm(plain_text(s))
    return out


PH = "(placeholder)"


def _changed(ot, nt):
    """§§ whose law text differs, a range placeholder standing for each § it covers."""
    def value(texts, other, num):
        if num in texts:
            return texts[num]
        if "-" not in num and any(lo <= section_key(num) <= hi for lo, hi in texts.get("__ranges__", [])):
            return PH
        return None

    nums = {n for n in set(ot) | set(nt) if n != "__ranges__"}
    changed = set()
    for n in nums:
        if "-" in n or " og " in n:
            continue  # a range placeholder is judged through the §§ it covers
        a, b = value(ot, nt, n), value(nt, ot, n)
        if a != b and {a, b} != {PH, None}:  # a placeholder the other version does not print is no change
            changed.add(n)
    return changed


def _reported(red):
    return {canonical_num(s.new_num or s.old_num) for s in red.touched_sections() if s.new_num or s.old_num}


def test_lab_2015_to_2016_lists_exactly_the_changed_units(store):
    old, new = store.load("lab@2015-07-01"), store.load("lab@2016-11-21")
    red = compare(old, new)
    ot, nt = _texts(old), _texts(new)
    assert _reported(red) == _changed(ot, nt)
    # statutes.md §§ 1.4-1.6: § 30 a, § 68 b and § 68 c unchanged; § 68 a, stk. 9 got a new 3. pkt.
    assert {"30 a", "68 b", "68 c"}.isdisjoint(_reported(red))
    sec = next(s for s in red.touched_sections() if s.new_num == "68 a")
    stk9 = next(c for c in sec.children if c.new_num == "9")
    inserted = [seg.text.strip() for b in stk9.intro for seg in b if seg.op == 1]
    assert inserted == ["Der kan alene gives ressourceforløb frem til det tidspunkt, hvor personen når "
                        "folkepensionsalderen."]
    assert all(c.status == "unchanged" for c in sec.children if c.new_num != "9")


def test_inserted_stk_is_one_insertion_and_followers_are_renumbered(store):
    lab = store.load("lab@2016-11-21")
    lr = apply_proposal(make_proposal([{"ny": "stk", "i": "§ 68 a", "efter": "stk. 3", "tekst": "Helt ny tekst."}]),
                        {"lab": lab})["lab"]
    red = compare(lab, lr.new)
    sec = next(s for s in red.touched_sections() if s.new_num == "68 a")
    statuses = [(c.old_num, c.new_num, c.status, c.renumbered) for c in sec.children]
    assert statuses[3] == (None, "4", INSERTED, False)
    assert statuses[4] == ("4", "5", "unchanged", True)
    assert all(not c.own_changed for c in sec.children if c.status != INSERTED)


CHAINS = json.loads((SHARED / "corpus/chains.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("chain", CHAINS[:12], ids=[c["target"] for c in CHAINS[:12]])
def test_chain_reports_exactly_the_changed_sections(chain):
    old = read_lexdania_file(lexdania(chain["base"] + ".xml")).act
    new = read_lexdania_file(lexdania(chain["target"] + ".xml")).act
    red = compare(old, new)
    assert _reported(red) == _changed(_texts(old), _texts(new))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_diff_agrees_with_the_engine(store, data):
    """A proposal's result compared with its base gives the changes the engine reports."""
    from lawdiff import redline
    from tests.test_engine_properties import candidates as _c  # noqa: F401  (fixture logic reused below)

    lab = store.load("lab@2016-11-21")
    secs = [s for s in lab.sections() if s.num and len(s.children) > 1
            and all((c.num or "").isdigit() and c.own_lines() and c.own_lines()[0] != "(Ophævet)"
                    for c in s.children)]
    idx = data.draw(st.lists(st.integers(0, len(secs) - 1), min_size=1, max_size=5, unique=True))
    changes = [c for c in (_change(secs[i], data.draw) for i in idx) if c and "affattes" not in c]
    if not changes:
        return
    lr = apply_proposal(make_proposal(changes), {"lab": lab})["lab"]
    engine = redline.build(lr.base, lr.new, lr)
    diff = compare(lr.base, lr.new)
    assert _reported(diff) == _reported(engine)
    for a, b in zip(engine.touched_sections(), diff.touched_sections()):
        assert a.new_num == b.new_num
        assert norm(" ".join(side_lines(a, "new"))) == norm(" ".join(side_lines(b, "new")))
        assert norm(" ".join(side_lines(a, "old"))) == norm(" ".join(side_lines(b, "old")))
        ea = [(c.old_num, c.new_num, c.status) for c in a.children]
        eb = [(c.old_num, c.new_num, c.status) for c in b.children]
        assert ea == eb


def test_moved_section_is_reported_as_moved(store):
    red = compare(store.load("lab@2015-07-01"), store.load("lab@2016-11-21"))
    moved = [s for s in red.touched_sections() if s.moved_from]
    assert [s.new_num for s in moved] == ["21 b"]
    assert REPEALED not in {s.status for s in moved}


def test_diff_cli_text_json_html(capsys):
    from lawdiff.cli import main
    from tests.conftest import ROOT

    assert main(["--root", str(ROOT), "diff", "lab@2015-07-01", "lab@2016-11-21"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("lab@2015-07-01 → lab@2016-11-21\n48 paragraffer ændret")
    assert "ressourceforløb. [+Der kan alene gives ressourceforløb frem til det tidspunkt" in out
    assert main(["--root", str(ROOT), "diff", "lab@2016-11-21",
                 str(ROOT / "proposals/aftale-2020-ressourceforloeb.yaml") + ":lab", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["new"]["num"] for s in data["sections"]] == ["68 a"]
    assert main(["--root", str(ROOT), "diff", "lab@2015-07-01", "lab@2016-11-21", "--format", "html"]) == 0
    html = capsys.readouterr().out
    assert html.startswith("<!DOCTYPE html>") and '<html lang="da">' in html
    assert '<ins>Der kan alene gives' in html
    assert "&#34;" not in html and 'font-family: "DejaVu Serif"' in html  # the inline CSS is not escaped
    assert main(["--root", str(ROOT), "diff", "lab", "serviceloven"]) == 1
    assert "ikke samme lov" in capsys.readouterr().err


def test_lab_2015_to_2016_numbers_first_nr_11_to_14_are_amended_not_repealed(store):
    """Issue 9 §5: § 2, nr. 11-14 kept their numbers and were amended."""
    red = compare(store.load("lab@2015-07-01"), store.load("lab@2016-11-21"))
    sec2 = next(s for s in red.touched_sections() if s.new_num == "2")
    items = {c.new_num: c for c in sec2.walk() if c.kind == "paragraph" and c.new_num}
    for n in ("11", "12", "13", "14"):
        assert items[n].old_num == n and items[n].status == "changed", n
    assert not [c for c in sec2.walk() if c.status in (INSERTED, REPEALED)]


def test_unchanged_placeholders_are_not_changes(store):
    """"§ 67 a. (Ophævet)" … in 2015 and "§§ 67 a-67 f. (Ophævet)" in 2016 are the same law; §§ 75 d-75 i
    had text in 2015 and are reported as repealed, the 2016 range placeholder is not a new §."""
    red = compare(store.load("lab@2015-07-01"), store.load("lab@2016-11-21"))
    touched = {(s.status, s.old_num, s.new_num) for s in red.touched_sections()}
    assert not [t for t in touched if any(n and n.startswith(("67 ", "78", "79", "80", "81", "122 "))
                                          for n in t[1:])]
    assert {t for t in touched if t[0] == REPEALED} == {(REPEALED, f"75 {x}", None) for x in "defghi"}
    assert not [t for t in touched if t[0] == INSERTED]


def test_renumbering_still_aligned_by_text_where_numbers_moved(store):
    """A new stk. 2 with the old stk. 2 amended and moved to stk. 3: pairing by text, not number."""
    from lawdiff.model import Line

    old = store.load("lab@2016-11-21")
    new = copy.deepcopy(old)
    sec = next(s for s in new.sections() if s.num == "68 a")
    moved = sec.children[1:]
    first = copy.deepcopy(moved[0])
    first.intro = [Line("Helt ny bestemmelse om noget ganske andet end før.")]
    for c in moved:
        c.num = str(int(c.num) + 1)
        c.label = f"Stk. {c.num}."
    moved[0].intro[0] = Line(moved[0].intro[0].text.replace("Personer", "Alle personer", 1))
    first.num, first.label = "2", "Stk. 2."
    sec.children.insert(1, first)
    red = compare(old, new)
    r = next(s for s in red.touched_sections() if s.new_num == "68 a")
    got = [(c.old_num, c.new_num, c.status) for c in r.children[:4]]
    assert got[1] == (None, "2", INSERTED)
    assert got[2][:2] == ("2", "3") and got[3] == ("3", "4", "unchanged")


def test_an_unchanged_unit_is_read_from_its_new_side_alone():
    """diff._same reads an unchanged unit's result from the new side only (the old side's units below
    are not read): units with equal fingerprints have equal kinds, numbers and labels at every level,
    so the old side adds nothing. Held over every unit of every LAB version whose fingerprint another
    version's unit of that kind and number shares, against the result built from both sides."""
    from pathlib import Path

    from lawdiff import akn, diff
    from lawdiff.redline import Segment, _runit
    from lawdiff.tokendiff import EQUAL

    def both(o, n):  # _same as it was written before: the units below paired from both sides
        r = _runit(o, n, "unchanged")
        if n.heading is not None:
            r.heading = [Segment(EQUAL, n.heading.text)]
        r.intro = [[Segment(EQUAL, b.text)] if b.text else [] for b in n.intro]
        r.wrapup = [[Segment(EQUAL, b.text)] if b.text else [] for b in n.wrapup]
        r.children = [both(a, b) for a, b in zip(o.children, n.children, strict=True)]
        return r

    root = Path(__file__).resolve().parents[1]
    seen: dict = {}
    checked = 0
    for p in sorted((root / "statutes/lab").glob("*.xml")):
        act = akn.from_bytes(p.read_bytes(), str(p))
        for u in act.walk():
            if u.kind not in ("section", "subsection", "paragraph"):
                continue
            key = (u.kind, u.num, diff._fp(u))
            o = seen.setdefault(key, u)
            if o is not u:
                assert diff._same(o, u).to_dict() == both(o, u).to_dict()
                checked += 1
    diff._M.__init__()
    assert checked > 1000
