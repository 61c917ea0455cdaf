"""A mellemrubrik of a chapter named by its words alone (issue 8, brief forms3): "I kapitel 5 ophæves overskriften
»Udpegning af drikkevandsforekomster«, og § 8 ophæves." (lov 1631/2013, miljømålsloven) was refused ("sætningen kan
ikke læses"). It reads as {ophæves: kapitel 5, overskrift_citat: …} and the engine removes the one heading of the
chapter with those words (never the chapter); LBK 1531/2015 (miljømålsloven) has the heading over §§ 8 and 8 a."""
from __future__ import annotations

import pytest

from lawdiff.changes.nummer import format_sentence, read_sentence
from lawdiff.proposal import ProposalError, parse_proposal
from tests.test_engine_acts import corpus_act, run, text
from tests.test_proposal_handwritten import proposal

FIRST = "I kapitel 5 ophæves overskriften »Udpegning af drikkevandsforekomster«, og § 8 ophæves."
SECOND = "I kapitel 5 ophæves overskriften »Udpegning af drikkevandsressourcer«, og § 8 a ophæves."


def _chapter5(act) -> list[tuple[str | None, list[str]]]:
    ch = next(u for u in act.walk() if u.kind == "chapter" and u.num == "5")
    return [(g.heading.text if g.kind == "group" and g.heading else None,
             [s.num for s in g.walk() if s.kind == "section"]) for g in ch.children]


@pytest.mark.parametrize("sentence", [FIRST, SECOND])
def test_read_and_worded_back(sentence):
    warnings: list[str] = []
    out = read_sentence(sentence, warnings)
    heading = sentence.split("»")[1].split("«")[0]
    assert out == [{"ophæves": "kapitel 5", "overskrift_citat": heading},
                   {"ophæves": "§ 8" if sentence == FIRST else "§ 8 a"}]
    assert format_sentence(out) == sentence
    assert warnings == []


def test_the_heading_goes_and_the_chapter_stays_on_the_lbk():
    base = corpus_act("2015/2015-1531")
    assert _chapter5(base) == [(None, ["7"]), ("Udpegning af drikkevandsforekomster", ["8", "8 a"]),
                               ("Udpegning af skaldyrvande", ["9"])]
    new = run("2015/2015-1531", read_sentence(FIRST, [])).new
    assert _chapter5(new) == [(None, ["7"]), (None, ["8 a"]), ("Udpegning af skaldyrvande", ["9"])]
    assert text(new, "§ 8 a") == text(base, "§ 8 a")
    assert next(u for u in new.walk() if u.kind == "chapter" and u.num == "5").heading.text == "Beskyttede områder"


def test_a_heading_the_chapter_does_not_hold_is_refused():
    with pytest.raises(ProposalError, match=r"kapitel 5 har ingen overskrift »Udpegning af drikkevandsressourcer« "
                                            r"\(dets overskrifter: »Udpegning af drikkevandsforekomster«"):
        run("2015/2015-1531", read_sentence(SECOND, []))


def test_the_chapters_own_heading_is_refused():
    with pytest.raises(ProposalError, match="»Beskyttede områder« er overskriften til kapitel 5; et kapitel har altid"):
        run("2015/2015-1531", [{"ophæves": "kapitel 5", "overskrift_citat": "Beskyttede områder"}])


def test_a_heading_of_another_chapter_is_refused():
    """"Udpegning af skaldyrvande" stands in chapter 5, not in chapter 4."""
    with pytest.raises(ProposalError, match="kapitel 4 har ingen overskrift »Udpegning af skaldyrvande«"):
        run("2015/2015-1531", [{"ophæves": "kapitel 4", "overskrift_citat": "Udpegning af skaldyrvande"}])


def test_in_a_hand_written_proposal():
    p = parse_proposal(proposal('ophæves: "kapitel 5"\noverskrift_citat: "Udpegning af drikkevandsforekomster"'),
                       "p.yaml")
    assert [c.data for c in p.changes] == [{"ophæves": "kapitel 5", "overskrift_citat": "Udpegning af drikkevandsforekomster"}]


def test_words_of_a_heading_cited_by_its_place_are_checked():
    """"Overskriften »Børnemiljøvurdering« efter § 11 udgår." (lov 275/2011 § 1, nr. 7) printed the words only; now
    the heading at the place must have them, or the change is refused."""
    new = run("2015/2015-1531", [{"ophæves": "overskriften før § 8",
                                  "overskrift_citat": "Udpegning af drikkevandsforekomster"}]).new
    assert _chapter5(new)[1] == (None, ["8", "8 a"])
    with pytest.raises(ProposalError, match="overskriften før § 8 er »Udpegning af drikkevandsforekomster«, ikke "
                                            "»Udpegning af skaldyrvande«"):
        run("2015/2015-1531", [{"ophæves": "overskriften før § 8", "overskrift_citat": "Udpegning af skaldyrvande"}])


def test_words_of_a_heading_beside_a_section_are_refused():
    with pytest.raises(ProposalError, match="»overskrift_citat« hører til en overskrift, men »§ 8« er ikke"):
        run("2015/2015-1531", [{"ophæves": "§ 8", "overskrift_citat": "Udpegning af drikkevandsforekomster"}])
