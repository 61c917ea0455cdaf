"""A chapter renumbered by its label (issue 8, brief forms3): "Kapitelbetegnelsen »Kapitel 5 a« ændres til: »Kapitel
5 b«." (lov 594/2011 § 85, nr. 5, retsafgiftsloven) was refused ("sætningen kan ikke læses"). Read as
{i: kapitel 5 a, ændres, til, kapitelbetegnelsen: true} (changes/chapterlabel.py), printed back word for word and
executed on LBK 1252/2014 (retsafgiftsloven, which has chapters 5, 5 a and 5 b since that act)."""
from __future__ import annotations

import pytest

from lawdiff.akn import from_bytes, to_bytes
from lawdiff.changes.nummer import format_sentence, read_sentence
from lawdiff.importers.amending import read_amending_file
from lawdiff.proposal import ProposalError, parse_proposal
from lawdiff.render.instructions import nummer_lines
from lawdiff.text import norm
from tests.conftest import lexdania
from tests.test_engine_acts import corpus_act, run, text
from tests.test_proposal_handwritten import proposal

SENTENCE = "Kapitelbetegnelsen »Kapitel 5 a« ændres til: »Kapitel 5 b«."
LBK = "2014/2014-1252"


def _chapters(act) -> list[tuple[str | None, str | None, str | None]]:
    return [(u.num, u.label, u.heading.text if u.heading else None) for u in act.walk() if u.kind == "chapter"]


def test_the_nummer_of_the_act_is_read_and_printed_back():
    par = next(p for p in read_amending_file(lexdania("2011/2011-594.xml")).doc["paragraffer"] if p["nummer"] == "85")
    entry = next(e for e in par["numre"] if e["nummer"] == "5")
    assert entry["ændringer"] == [{"i": "kapitel 5 a", "ændres": "Kapitel 5 a", "til": "Kapitel 5 b",
                                   "kapitelbetegnelsen": True}]
    assert norm(" ".join(nummer_lines(entry))) == "5. " + SENTENCE
    assert format_sentence(read_sentence(SENTENCE, [])) == SENTENCE


def test_a_chapter_renumbered_on_the_lbk():
    base = corpus_act(LBK)
    new = run(LBK, read_sentence("Kapitelbetegnelsen »Kapitel 2 a« ændres til: »Kapitel 2 b«.", [])).new
    want = [("2 b", "Kapitel 2 b", h) if n == "2 a" else (n, lab, h) for n, lab, h in _chapters(base)]
    assert _chapters(new) == want
    assert text(new, "§ 1") == text(base, "§ 1")  # (its §§ keep their numbers)
    back = from_bytes(to_bytes(new), "x.xml")  # (stored as Akoma Ntoso and read back the same)
    assert _chapters(back) == want


@pytest.mark.parametrize("sentence,why", [
    # the act has a chapter 5 b already
    (SENTENCE, "loven har allerede et kapitel 5 b"),
    # 5 c would stand before 5 b
    ("Kapitelbetegnelsen »Kapitel 5 a« ændres til: »Kapitel 5 c«.", "kapitel 5 c passer ikke ind mellem kapitel 5 og "
                                                                     "kapitel 5 b"),
    ("Kapitelbetegnelsen »Kapitel 3« ändres til: »Kapitel 9 a«.", None),
    ("Kapitelbetegnelsen »Kapitel 3« ændres til: »Kapitel 9 a«.", "kapitel 9 a passer ikke ind mellem kapitel 2 a og "
                                                                  "kapitel 4"),
    ("Kapitelbetegnelsen »Kapitel 16« ændres til: »Kapitel 16 a«.", "kapitel 16 findes ikke"),
])
def test_a_label_that_does_not_fit_is_refused(sentence, why):
    if why is None:  # (not the form: not read as a renumbering)
        with pytest.raises(Exception):
            read_sentence(sentence, [])
        return
    with pytest.raises(ProposalError, match=why):
        run(LBK, read_sentence(sentence, []))


def test_without_the_key_it_is_a_change_of_words_that_finds_nothing():
    with pytest.raises(ProposalError, match="»Kapitel 2 a« findes ikke i kapitel 2 a"):
        run(LBK, [{"i": "kapitel 2 a", "ændres": "Kapitel 2 a", "til": "Kapitel 2 b"}])


def test_in_a_hand_written_proposal():
    p = parse_proposal(proposal('i: "kapitel 2 a"\nændres: "Kapitel 2 a"\ntil: "Kapitel 2 b"\nkapitelbetegnelsen: true'),
                       "p.yaml")
    assert [c.data.get("kapitelbetegnelsen") for c in p.changes] == [True]
