"""Placement forms of new units that real ministries write and lawdiff used to refuse (issue 8, brief
insertforms): each read from the sentence as printed, worded back word for word, accepted in a hand-written
proposal, and executed on a real lovbekendtgørelse of the corpus (or refused where the place is not certain)."""
from __future__ import annotations

import re

import pytest

from lawdiff.changes.common import Unreadable
from lawdiff.changes.nummer import format_sentence, read_sentence
from lawdiff.proposal import ProposalError, load_proposal
from lawdiff.render.text import plain_text
from tests.test_engine_acts import corpus_act, read_text_of, run, text

SENTENCES = [
    # lov 439/2014 § 1 (lov om leje); lov 2016/386 § 1 (byggeloven)
    ("Efter kapitel VII B indsættes:", {"ny": None, "efter": "kapitel VII b", "versal": True}),
    ("Efter kapitel 3 A indsættes:", {"ny": None, "efter": "kapitel 3 a", "versal": True}),
    ("Før kapitel X A indsættes:", {"ny": None, "før": "kapitel X a", "versal": True}),
    # lov 1000/2015 § 1; lov 894/2013 § 1, nr. 33
    ("Før overskriften før § 23 indsættes:", {"ny": None, "før": "§ 23", "placering": "før overskriften før § 23"}),
    ("Før overskriften til § 25 a indsættes:",
     {"ny": None, "før": "§ 25 a", "placering": "før overskriften til § 25 a"}),
    # lov 1716/2016 § 1
    ("Efter § 13, stk. 7, indsættes som stk. 8:",
     {"ny": "stk", "i": "§ 13", "efter": "stk. 7", "som": "stk. 8", "anker_først": True}),
    ("Efter § 13, stk. 7, indsættes som nyt stykke:",
     {"ny": "stk", "i": "§ 13", "efter": "stk. 7", "betegnelse": "nyt stykke", "anker_først": True}),
    ("Efter § 13 a, stk. 2, nr. 3, indsættes:",
     {"ny": "nr", "i": "§ 13 a, stk. 2", "efter": "nr. 3", "anker_først": True}),
    ("Før § 13, stk. 2, 1. pkt., indsættes:", {"ny": "pkt", "i": "§ 13, stk. 2", "før": "1. pkt.", "anker_først": True}),
]


@pytest.mark.parametrize("sentence,want", SENTENCES)
def test_placement_form_reads_into_data_and_words_back(sentence, want):
    warnings: list[str] = []
    out = read_sentence(sentence, warnings)
    assert len(out) == 1 and out[0].pop("_blok")
    for k, v in want.items():
        assert out[0].get(k) == v, (k, out[0])
    out[0]["tekst"] = "Ny tekst."
    assert format_sentence(out) == sentence
    assert warnings == []


@pytest.mark.parametrize("sentence", [
    "Efter § 13, stk. 7, indsættes som nr. 8:",  # the anchor is a stk., the new unit a nr.: which is meant?
    "Efter § 13, stk. 7, indsættes som stk. 8",  # no colon: no new text announced
    "Efter § 13, stk. 7 og 8, indsættes:",  # after which of them?
    "Før overskriften før § 23 i kapitel 4 indsættes:",  # a placement lawdiff does not check
])
def test_unclear_placement_forms_are_refused(sentence):
    with pytest.raises(Unreadable):
        read_sentence(sentence, [])


def _read(sentence: str, tekst: str) -> dict:
    out = read_sentence(sentence, [])
    assert len(out) == 1
    ch = dict(out[0])
    ch.pop("_blok")
    ch["tekst"] = tekst
    return ch


def test_a_chapter_with_a_roman_number_and_a_capital_letter():
    """"Efter kapitel VII B indsættes:" on lov om leje (LBK 963/2010 has chapters VII A and VII B): the new
    chapter stands between VII B and VIII."""
    ch = _read("Efter kapitel VII B indsættes:", "§ 63 z. Ny tekst.")
    ch.update({"ny": "kapitel", "nummer": "VII C", "overskrift": "Ny overskrift"})
    lr = run("2010/2010-963", [ch])
    nums = [u.num for u in lr.new.walk() if u.kind == "chapter"]
    assert nums[nums.index("VII B"):nums.index("VII B") + 3] == ["VII B", "VII C", "VIII"]
    new = next(u for u in lr.new.walk() if u.kind == "chapter" and u.num == "VII C")
    assert plain_text(new).split() == "Kapitel VII C Ny overskrift § 63 z. Ny tekst.".split()


def _chapter4(act):
    ch4 = next(u for u in act.walk() if u.kind == "chapter" and u.num == "4")
    return [(u.heading.text if u.kind == "group" else None, [x.num for x in u.children] if u.kind == "group" else u.num)
            for u in ch4.children]


def test_before_the_heading_before_a_section_on_the_social_policy_act():
    """Lov 894/2013 § 1, nr. 33, "Før overskriften før § 25 indsættes: »Uddannelseshjælp / § 23. … / § 24. …«",
    on LBK 190/2012 (aktiv socialpolitik), where § 25 opens the group "Hjælp til forsørgelse" and §§ 16-24 are
    repealed: the new group stands between "Kapitalpensioner m.v." and § 25's group, and the repealed range
    keeps §§ 16-22, as LBK 806/2015 prints chapter 4."""
    ch = _read("Før overskriften før § 25 indsættes:", read_text_of("2013/2013-894", "1", "33"))
    ch.update({"ny": "paragraf", "nummer": "23"})
    lr = run("2012/2012-190", [ch])
    got = _chapter4(lr.new)
    want = _chapter4(corpus_act("2015/2015-806"))
    k = next(i for i, g in enumerate(got) if g[0] == "Uddannelseshjælp")
    j = next(i for i, g in enumerate(want) if g[0] == "Uddannelseshjælp")
    assert got[k - 1:k + 1] == want[j - 1:j + 1] == [("Kapitalpensioner m.v.", ["15", "16-22"]),
                                                    ("Uddannelseshjælp", ["23", "24"])]
    assert got[k + 1][1][0] == "25"


@pytest.mark.parametrize("before,why", [
    ("§ 13 a", "står ikke først efter en mellemrubrik"),  # § 13 a is the second § under its heading
    ("§ 11", "står ikke først efter en mellemrubrik"),  # § 11 opens chapter 4, under no mellemrubrik
])
def test_before_the_heading_before_a_section_that_has_none_is_refused(before, why):
    ch = _read(f"Før overskriften før {before} indsættes:", "§ 10 z. Ny tekst.")
    ch.update({"ny": "paragraf", "nummer": "10 z"})
    with pytest.raises(ProposalError, match=why):
        run("2012/2012-190", [ch])


def test_a_new_section_inside_a_repealed_range_but_not_at_its_end_is_refused():
    """"§§ 16-24. (Ophævet)": a new § 20 would leave the range naming § 20 beside it."""
    ch = _read("Før overskriften før § 25 indsættes:", "Ny overskrift\n§ 20. Ny tekst.")
    ch.update({"ny": "paragraf", "nummer": "20"})
    with pytest.raises(ProposalError, match="ligger i »§§ 16-§ 24. \\(Ophævet\\)«"):
        run("2012/2012-190", [ch])


def test_a_chapter_before_the_heading_before_a_section_is_refused():
    ch = _read("Før overskriften før § 25 indsættes:", "§ 24 a. Ny tekst.")
    ch.update({"ny": "kapitel", "nummer": "3 a", "overskrift": "Ny"})
    with pytest.raises(ProposalError, match="§ 25 står ikke først i et kapitel"):  # (placed since branch forms2)
        run("2012/2012-190", [ch])


def test_a_new_stk_with_its_anchor_worded_first():
    """"Efter § 13 d, stk. 7, indsættes som stk. 8:" on LBK 190/2012, whose § 13 d has 7 stk."""
    ch = _read("Efter § 13 d, stk. 7, indsættes som stk. 8:", "Stk. 8. Ny tekst.")
    lr = run("2012/2012-190", [ch])
    assert text(lr.new, "§ 13 d, stk. 8") == "Stk. 8. Ny tekst."
    assert text(lr.new, "§ 13 d, stk. 7") == text(corpus_act("2012/2012-190"), "§ 13 d, stk. 7")


def test_a_new_stk_whose_anchor_and_number_disagree_is_refused():
    ch = _read("Efter § 13 d, stk. 6, indsættes som stk. 8:", "Stk. 8. Ny tekst.")
    with pytest.raises(ProposalError, match="som stk. 8"):
        run("2012/2012-190", [ch])


def test_the_new_keys_in_a_hand_written_proposal(tmp_path):
    f = tmp_path / "lov-2016-1716.yaml"
    f.write_text(
        "titel: Lov om ændring af lov om leje\norganisation: Test\ndato: '2016-12-27'\nstatus: vedtaget\n"
        "kilde: lov nr. 1716 af 27. december 2016\nlove:\n  x: x@2010-11-16\nparagraffer:\n- nummer: '1'\n  lov: x\n"
        "  lovtitel: lov om leje\n  numre:\n  - nummer: '1'\n    ændringer:\n"
        "    - ny: stk\n      i: § 13\n      efter: stk. 7\n      som: stk. 8\n      anker_først: true\n"
        "      tekst: 'Stk. 8. Ny tekst.'\n"
        "  - nummer: '2'\n    ændringer:\n"
        "    - ny: kapitel\n      nummer: VII C\n      efter: kapitel VII b\n      versal: true\n"
        "      overskrift: Ny\n      tekst: '§ 63 z. Ny tekst.'\n", encoding="utf-8")
    prop = load_proposal(f)
    assert [c.data.get("anker_først") or c.data.get("versal") for c in prop.changes] == [True, True]


# --- words in an item of a named list in an annex (changes/annex.py) ------------------------------

LIST_SENTENCE = ("I bilag 1, liste A, nr. 22, ændres »lov om afgift af naturgas og bygas.« til: »lov om afgift af "
                 "naturgas og bygas m.v.«")  # lov 1532/2014 § 1 (opkrævningsloven), as printed (no full stop)


@pytest.mark.parametrize("sentence", [
    LIST_SENTENCE,
    "I bilag 1, liste A, nr. 23, udgår »og bygas«.",
    "I bilag 1, liste B, nr. 2, indsættes efter »naturgas«: », bygas«.",
])
def test_words_in_an_item_of_a_list_in_an_annex_read_and_worded(sentence):
    out = read_sentence(sentence, [])
    assert len(out) == 1 and out[0]["liste"] in ("A", "B") and out[0]["i"].startswith("bilag 1, nr. ")
    assert format_sentence(out) == sentence


def _annex_lines(act) -> list[str]:
    return [b.text for b in act.annexes[0].body if hasattr(b, "text")]


def test_words_in_an_item_of_a_list_in_an_annex_executed():
    """Opkrævningsloven (LBK 1402/2010), bilag 1, liste A, nr. 23 »Lov om afgift af naturgas og bygas.«."""
    ch = read_sentence("I bilag 1, liste A, nr. 23, ændres »naturgas og bygas.« til: »naturgas og bygas m.v.«", [])[0]
    lr = run("2010/2010-1402", [ch])
    before, after = _annex_lines(corpus_act("2010/2010-1402")), _annex_lines(lr.new)
    k = before.index("23) Lov om afgift af naturgas og bygas.")
    assert after[k] == "23) Lov om afgift af naturgas og bygas m.v."
    assert after[:k] + after[k + 1:] == before[:k] + before[k + 1:]


@pytest.mark.parametrize("sentence,why", [
    # the real sentence quotes »lov om …« where the item reads »Lov om …« (and LBK 1402/2010's nr. 22 is
    # another act): the words are not there
    (LIST_SENTENCE, "står 0 gange i bilag 1, liste A, nr. 22"),
    ("I bilag 1, liste C, nr. 23, udgår »og bygas«.", "har 0 linjer »Liste C«"),
    ("I bilag 1, liste A, nr. 40, udgår »og bygas«.", "har 0 linjer, der begynder med »40)«"),
])
def test_words_in_an_item_of_a_list_refused_where_not_certain(sentence, why):
    ch = read_sentence(sentence, [])[0]
    with pytest.raises(ProposalError, match=re.escape(why)):
        run("2010/2010-1402", [ch])
