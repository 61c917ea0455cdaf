"""A heading placed between a § and the next heading (issue 8, brief forms3): "Overskriften efter § 61 før overskriften
til § 62 affattes således:" (lov 1520/2014, vejloven) was refused ("sætningen kan ikke læses"). Two headings stand
between § 61 and § 62 (a chapter's over a mellemrubrik's); the first is rewritten. Executed on LBK 190/2012 (aktiv
socialpolitik), where § 6 ends chapter 2 and chapter 3 »Vejledning og opfølgning« opens with the mellemrubrik
»Vejledning« over § 7; refused where the headings are not two."""
from __future__ import annotations

import pytest

from lawdiff.changes.nummer import format_sentence, read_sentence
from lawdiff.proposal import ProposalError, parse_proposal
from tests.test_engine_acts import corpus_act, run
from tests.test_proposal_handwritten import proposal

SENTENCE = "Overskriften efter § 61 før overskriften til § 62 affattes således:"
LBK = "2012/2012-190"


def _heads(act, num: str) -> list[tuple[str, str | None]]:
    """The headings over § num, outermost first."""
    out = []
    for u in act.walk():
        if u.kind in ("chapter", "group") and any(s.kind == "section" and s.num == num for s in u.walk()):
            out.append((u.kind, u.heading.text if u.heading else None))
    return out


def _change(sentence: str, tekst: str) -> list[dict]:
    out = read_sentence(sentence.replace("«", ""), [])
    out[0].pop("_blok", None)
    return [{**out[0], "tekst": tekst}]


def test_read_and_worded_back():
    out = read_sentence(SENTENCE, [])
    assert [{k: v for k, v in ch.items() if not k.startswith("_")} for ch in out] == \
        [{"affattes": "overskriften efter § 61", "før_overskriften": "til § 62"}]
    assert format_sentence([{**out[0], "tekst": "Ny"}]).startswith(SENTENCE)


def test_the_chapters_heading_is_rewritten_not_the_mellemrubrik():
    assert _heads(corpus_act(LBK), "7") == [("chapter", "Vejledning og opfølgning"), ("group", "Vejledning")]
    new = run(LBK, _change("Overskriften efter § 6 før overskriften til § 7 affattes således:", "Ny overskrift")).new
    assert _heads(new, "7") == [("chapter", "Ny overskrift"), ("group", "Vejledning")]


@pytest.mark.parametrize("sentence,why", [
    # one heading only stands between § 7 and § 8 (the mellemrubrik »Behandling og vurdering af ansøgninger«)
    ("Overskriften efter § 7 før overskriften til § 8 affattes således:", "der står ingen overskrift efter § 7 før "
                                                                          "overskriften til § 8 \\(kun »Behandling"),
    # after § 5 follows § 6, not § 7
    ("Overskriften efter § 5 før overskriften til § 7 affattes således:", "der står ingen overskrift efter § 5"),
])
def test_other_places_are_refused(sentence, why):
    with pytest.raises(ProposalError, match=why):
        run(LBK, _change(sentence, "Ny"))


def test_in_a_hand_written_proposal():
    p = parse_proposal(proposal('affattes: "overskriften efter § 6"\nfør_overskriften: "til § 7"\ntekst: "Ny"'),
                       "p.yaml")
    assert [c.data.get("før_overskriften") for c in p.changes] == ["til § 7"]
