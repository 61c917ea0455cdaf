"""Placement forms of new §§ (issue 8, brief forms2): "Efter § 15 indsættes som ny paragraf:" (lov 623/2016) read,
worded back word for word and executed on a real lovbekendtgørelse, or refused where the new text does not match
the noun."""
from __future__ import annotations

import pytest

from lawdiff.changes.common import Unreadable
from lawdiff.changes.nummer import format_sentence, read_sentence
from lawdiff.importers.amending import _finish
from lawdiff.proposal import ProposalError, _engine_view
from tests.test_engine_acts import corpus_act, run, text


def _read(sentence: str, tekst: str) -> dict:
    out = read_sentence(sentence, [])
    assert len(out) == 1
    return _finish(out[0], tekst)


@pytest.mark.parametrize("sentence,want", [
    ("Efter § 15 indsættes som ny paragraf:", {"ny": None, "efter": "§ 15", "betegnelse": "ny paragraf"}),
    ("Før § 15 a indsættes som nye paragraffer:", {"ny": None, "før": "§ 15 a", "betegnelse": "nye paragraffer"}),
])
def test_a_new_section_with_its_noun_read_and_worded_back(sentence, want):
    warnings: list[str] = []
    out = read_sentence(sentence, warnings)
    assert len(out) == 1 and out[0].pop("_blok")
    assert out[0] == want
    out[0]["tekst"] = "§ 15 a. Ny tekst."
    assert format_sentence(out) == sentence
    assert warnings == []


@pytest.mark.parametrize("sentence", [
    "Efter § 15, stk. 2, indsættes som ny paragraf:",  # a § after a stk.?
    "Efter § 15 indsættes som ny paragraf",  # no colon: no new text announced
])
def test_unclear_forms_of_a_new_section_are_refused(sentence):
    with pytest.raises(Unreadable):
        read_sentence(sentence, [])


def test_a_new_section_after_a_section_on_the_social_policy_act():
    """"Efter § 14 indsættes som ny paragraf: »§ 14 a. …«" on LBK 190/2012 (aktiv socialpolitik): § 14 a stands
    between § 14 and the repealed §§ 15-24, the rest unchanged."""
    ch = _read("Efter § 14 indsættes som ny paragraf:", "§ 14 a. Kommunen yder hjælp efter denne paragraf.")
    assert ch["ny"] == "paragraf" and ch["nummer"] == "14 a"
    lr = run("2012/2012-190", [ch])
    nums = [s.num for s in lr.new.sections()]
    assert nums[nums.index("14"):nums.index("14") + 3] == ["14", "14 a", "15"]
    assert text(lr.new, "§ 14 a") == "§ 14 a. Kommunen yder hjælp efter denne paragraf."
    assert text(lr.new, "§ 14") == text(corpus_act("2012/2012-190"), "§ 14")


@pytest.mark.parametrize("sentence,tekst,why", [
    ("Efter § 14 indsættes som ny paragraf:", "§ 14 a. Ny.\n§ 14 b. Ny.", "den nye tekst er 2 paragraffer"),
    ("Efter § 14 indsættes som nye paragraffer:", "§ 14 a. Ny.", "den nye tekst er én paragraf"),
    ("Efter § 14 indsættes som ny paragraf:", "Ny overskrift\n§ 14 a. Ny.", "en overskrift før paragraffen"),
    ("Efter § 14 indsættes som ny paragraf:", "Kapitel 3 a\nNy overskrift\n§ 14 a. Ny.", "den nye tekst er et kapitel"),
])
def test_a_new_text_that_does_not_match_the_noun_is_refused(sentence, tekst, why):
    ch = _read(sentence, tekst)
    with pytest.raises(ProposalError, match=why):
        run("2012/2012-190", [ch])


def test_the_noun_in_a_hand_written_amending_act(tmp_path):
    from lawdiff.proposal import load_proposal

    f = tmp_path / "lov-2016-623.yaml"
    f.write_text(
        "titel: Lov om ændring af lov om aktiv socialpolitik\norganisation: Test\ndato: '2016-06-08'\nstatus: vedtaget\n"
        "kilde: lov nr. 623 af 8. juni 2016\nlove:\n  x: x@2012-02-06\nparagraffer:\n- nummer: '1'\n  lov: x\n"
        "  lovtitel: lov om aktiv socialpolitik\n  numre:\n  - nummer: '1'\n    ændringer:\n"
        "    - ny: paragraf\n      nummer: 14 a\n      efter: § 14\n      betegnelse: ny paragraf\n"
        "      tekst: '§ 14 a. Ny tekst.'\n", encoding="utf-8")
    prop = load_proposal(f)
    assert [c.data.get("betegnelse") for c in prop.changes] == ["ny paragraf"]
    with pytest.raises(ProposalError, match="den nye tekst er 2 paragraffer"):
        run("2012/2012-190", [{**prop.changes[0].data, "tekst": "§ 14 a. Ny.\n§ 14 b. Ny."}])


def test_before_the_heading_for_a_section_read_and_worded_back():
    """"Efter § 2 indsættes før overskriften for § 3:" (lov 1520/2014): "for" where acts mostly write "før" or
    "til"; the heading over § 3 all the same, kept as printed."""
    out = read_sentence("Efter § 2 indsættes før overskriften for § 3:", [])
    assert out[0]["placering"] == "før overskriften for § 3"
    out[0]["tekst"] = "§ 2 a. Ny."
    assert format_sentence(out) == "Efter § 2 indsættes før overskriften for § 3:"


def _groups(act):
    return [(u.heading.text if u.heading else None, [c.num for c in u.children]) for u in act.walk()
            if u.kind == "group" and u.heading is not None]


def test_before_the_heading_for_a_section_on_the_social_policy_act():
    """On LBK 190/2012: § 13 f closes the group "Tilsyn med kommunernes rådighedsvurdering", before "Formue"."""
    ch = _read("Efter § 13 e indsættes før overskriften for § 14:", "§ 13 f. Ny tekst.")
    lr = run("2012/2012-190", [ch])
    g = _groups(lr.new)
    k = next(i for i, x in enumerate(g) if x[0] == "Formue")
    assert g[k - 1:k + 1] == [("Tilsyn med kommunernes rådighedsvurdering", ["13 d", "13 e", "13 f"]), ("Formue", ["14"])]


def test_before_the_heading_for_a_section_that_does_not_follow_is_refused():
    ch = _read("Efter § 13 d indsættes før overskriften for § 14:", "§ 13 d a. Ny tekst.")
    with pytest.raises(ProposalError, match="placeringen »før overskriften for § 14« passer ikke"):
        run("2012/2012-190", [ch])


# --- "ophæves stk. 9, og efter stk. 10, der bliver stk. 9, indsættes som stk. 10-12:" ----------------------------

@pytest.mark.parametrize("sentence,want", [
    # lov 1549/2016
    ("I § 373 ophæves stk. 9, og efter stk. 10, der bliver stk. 9, indsættes som stk. 10-12:",
     {"ny": "stk", "i": "§ 373", "efter": "stk. 10", "anker_der_bliver": "stk. 9", "som": "stk. 10-12"}),
    ("§ 3, stk. 9, ophæves, og efter stk. 10, der bliver stk. 9, indsættes som nyt stykke:",
     {"ny": "stk", "i": "§ 3", "efter": "stk. 10", "anker_der_bliver": "stk. 9"}),
    ("§ 3, stk. 9, ophæves, og efter stk. 10 indsættes:", {"ny": "stk", "i": "§ 3", "efter": "stk. 10"}),
])
def test_a_new_stk_after_a_repeal_in_the_same_section_read_and_worded_back(sentence, want):
    out = read_sentence(sentence, [])
    assert len(out) == 2
    ch = _finish(out[1], "Stk. 10. Ny.")
    for k, v in want.items():
        assert ch.get(k) == v, (k, ch)
    assert format_sentence([_finish(out[0], None), ch]) == sentence


@pytest.mark.parametrize("sentence", [
    "§ 3, stk. 9, ophæves, og efter stk. 10, der bliver stk. 9, indsættes som nr. 10:",  # a stk. anchor, a new nr.?
    "§ 3, stk. 9, ophæves, og efter stk. 10, der bliver nr. 9, indsættes:",
])
def test_a_new_stk_whose_words_disagree_is_refused(sentence):
    with pytest.raises(Unreadable):
        read_sentence(sentence, [])


def _stk(act, sec: str, n: int) -> list[str]:
    return [text(act, f"§ {sec}, stk. {i}")[:40] for i in range(1, n + 1)]


def test_a_new_stk_after_a_repeal_on_the_social_policy_act():
    """LBK 190/2012 § 13 d has 7 stk.: stk. 5 repealed, and after stk. 6 (now 5) two new stk. as 6 and 7;
    the old stk. 7 becomes 8."""
    out = read_sentence("I § 13 d ophæves stk. 5, og efter stk. 6, der bliver stk. 5, indsættes som stk. 6 og 7:", [])
    chs = [_finish(c, "Stk. 6. Ny A.\nStk. 7. Ny B.") for c in out]
    base = corpus_act("2012/2012-190")
    lr = run("2012/2012-190", chs)
    old = _stk(base, "13 d", 7)
    assert _stk(lr.new, "13 d", 8) == old[:4] + ["Stk. 5." + old[5][7:], "Stk. 6. Ny A.", "Stk. 7. Ny B.",
                                                 "Stk. 8." + old[6][7:]]


@pytest.mark.parametrize("sentence,tekst,why", [
    # the anchor does not become stk. 4
    ("I § 13 d ophæves stk. 5, og efter stk. 6, der bliver stk. 4, indsættes som stk. 6 og 7:",
     "Stk. 6. Ny A.\nStk. 7. Ny B.", "stk. 6 bliver stk. 5, ikke stk. 4"),
    # three new stk. where the act says two
    ("I § 13 d ophæves stk. 5, og efter stk. 6, der bliver stk. 5, indsættes som stk. 6 og 7:",
     "Stk. 6. Ny A.\nStk. 7. Ny B.\nStk. 8. Ny C.", "giver stk. 6, 7, 8"),
    ("I § 13 d ophæves stk. 5, og efter stk. 6, der bliver stk. 5, indsættes som stk. 6-8:",
     "Stk. 6. Ny A.\nStk. 7. Ny B.", "giver stk. 6, 7"),
])
def test_a_new_stk_after_a_repeal_that_does_not_match_is_refused(sentence, tekst, why):
    chs = [_finish(c, tekst) for c in read_sentence(sentence, [])]
    with pytest.raises(ProposalError, match=why):
        run("2012/2012-190", chs)


# --- a new chapter "Før overskriften før § N indsættes:" -------------------------------------------------------

def _chapters(act) -> list[tuple[str, str, list[str]]]:
    return [(u.num, u.heading.text if u.heading else "", [s.num for s in u.walk() if s.kind == "section"])
            for u in act.walk() if u.kind == "chapter"]


@pytest.mark.parametrize("before,new_num,sec,after_chapter", [
    ("§ 11", "3 a", "10 b", "4"),  # § 11 stands first in chapter 4 itself
    ("§ 7", "2 a", "6 a", "3"),  # § 7 stands first under "Vejledning", the first mellemrubrik of chapter 3
])
def test_a_new_chapter_before_the_heading_before_the_first_section_of_a_chapter(before, new_num, sec, after_chapter):
    """On LBK 190/2012: the new chapter stands between the chapter before and the chapter § N opens."""
    ch = _read(f"Før overskriften før {before} indsættes:", f"Kapitel {new_num}\nNy overskrift\n§ {sec}. Ny tekst.")
    assert ch["ny"] == "kapitel" and ch["nummer"] == new_num
    lr = run("2012/2012-190", [_engine_view(ch)])
    got = _chapters(lr.new)
    k = next(i for i, x in enumerate(got) if x[0] == new_num)
    assert got[k] == (new_num, "Ny overskrift", [sec])
    assert got[k + 1][0] == after_chapter and got[k + 1][2][0] == before[2:]
    assert [x for x in got if x[0] != new_num] == _chapters(corpus_act("2012/2012-190"))


def test_a_new_chapter_before_a_heading_inside_a_chapter_is_refused():
    """§ 13 d opens the group "Tilsyn med kommunernes rådighedsvurdering" in the middle of chapter 4."""
    ch = _read("Før overskriften før § 13 d indsættes:", "§ 13 c a. Ny tekst.")
    ch.update({"ny": "kapitel", "nummer": "4 a", "overskrift": "Ny"})
    with pytest.raises(ProposalError, match="§ 13 d står ikke først i et kapitel"):
        run("2012/2012-190", [ch])
