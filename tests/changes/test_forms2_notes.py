"""The title's footnotes in rarer forms (issue 8, brief forms2): "Som fodnote nr. 2 til lovens titel indsættes:"
(lov 1384/2012 § 1, nr. 1), "Som fodnote 2 til lovens titel indsættes:" (lov 400/2016 § 2, nr. 1) and "Fodnoterne
til lovens titel affattes således:" (lov 294/2011 § 1, nr. 2) read and worded back word for word. The model of an
act has no title footnote: the engine warns that nothing is changed (as for "Fodnoten til lovens titel affattes
således:"), never changes the law's text, and a hand-written proposal is refused."""
from __future__ import annotations

import pytest

from lawdiff.changes.nummer import format_sentence, read_sentence
from lawdiff.proposal import parse_proposal
from tests.test_engine_acts import corpus_act, run, text
from tests.test_proposal_handwritten import errors_of, proposal


@pytest.mark.parametrize("sentence,want", [
    ("Som fodnote nr. 2 til lovens titel indsættes:", {"ny": "fodnote", "i": "lovens titel", "fodnote_nummer": "nr. 2"}),
    ("Som fodnote 2 til lovens titel indsættes:", {"ny": "fodnote", "i": "lovens titel", "fodnote_nummer": "2"}),
    ("Som fodnote til lovens titel indsættes:", {"ny": "fodnote", "i": "lovens titel"}),
    ("Fodnoterne til lovens titel affattes således:", {"affattes": "fodnoterne til lovens titel"}),
])
def test_title_notes_read_and_worded_back(sentence, want):
    out = read_sentence(sentence, [])
    assert len(out) == 1 and out[0].pop("_blok")
    assert out[0] == want
    out[0]["tekst"] = "2) Ny note."
    assert format_sentence(out) == sentence


@pytest.mark.parametrize("change", [
    {"ny": "fodnote", "i": "lovens titel", "fodnote_nummer": "nr. 2", "tekst": "2) Ny note."},
    {"affattes": "fodnoterne til lovens titel", "tekst": "1) Ny note."},
])
def test_title_notes_change_nothing_and_are_warned(change):
    lr = run("2012/2012-190", [change])
    assert any("fodnoten til lovens titel er ikke en del af lawdiffs model" in w for w in lr.warnings)
    base = corpus_act("2012/2012-190")
    assert lr.new.title == base.title
    assert [text(lr.new, f"§ {s.num}") for s in lr.new.sections() if s.num in ("1", "2")] == \
        [text(base, f"§ {s.num}") for s in base.sections() if s.num in ("1", "2")]


def test_title_notes_in_a_hand_written_proposal_are_refused():
    errs = errors_of(proposal('affattes: "fodnoterne til lovens titel"\ntekst: "1) Ny."'))
    assert any("fodnote er ikke en del af lawdiffs model" in e.message for e in errs)
    parse_proposal(proposal('affattes: "§ 1"\ntekst: "§ 1. Ny."'), "p.yaml")  # (the head itself is valid)
