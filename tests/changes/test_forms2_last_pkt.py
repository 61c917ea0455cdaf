""""sidste pkt." as a place (issue 8, brief forms2): "I § 47, stk. 1, sidste pkt., ændres »litra c« til: »litra d«."
(lov 439/2014) read, worded back word for word, and executed on the unit's last punktum in the law as the act cites
it (address.resolve gives the Target its number); refused in a list, where it may be the same punktum twice."""
from __future__ import annotations

import pytest

from lawdiff.address import LAST_PKT, parse, parse_citation, resolve
from lawdiff.changes.nummer import format_sentence, read_sentence
from lawdiff.errors import AddressError
from lawdiff.importers.amending import _finish
from lawdiff.proposal import ProposalError
from tests.test_engine_acts import corpus_act, run, text


@pytest.mark.parametrize("sentence,key", [
    ("I § 47, stk. 1, sidste pkt., ændres »litra c« til: »litra d«.", "i"),  # lov 439/2014
    ("§ 47, stk. 1, sidste pkt., ophæves.", "ophæves"),
    ("§ 47, stk. 1, sidste pkt., affattes således:", "affattes"),
    ("I § 47, sidste pkt., indsættes efter »kommunen«: », regionen«.", "i"),
])
def test_the_last_punktum_read_and_worded_back(sentence, key):
    warnings: list[str] = []
    out = read_sentence(sentence, warnings)
    assert len(out) == 1 and "sidste pkt." in out[0][key]
    if out[0].pop("_blok", None):
        out[0]["tekst"] = "Ny."
    assert format_sentence(out) == sentence
    assert warnings == []


def test_the_address_keeps_the_words_until_it_is_resolved():
    a = parse("§ 14, stk. 1, sidste pkt.")
    assert a.pkt == LAST_PKT and str(a) == "§ 14, stk. 1, sidste pkt."
    t = resolve(corpus_act("2012/2012-190"), a)
    assert t.address.pkt == 2 and t.pkt_text.startswith("Kommunen ser dog bort fra beløb")


@pytest.mark.parametrize("citation", ["§ 14, stk. 1, 1. og sidste pkt.", "§ 14, stk. 1, sidste pkt., og § 15"])
def test_the_last_punktum_in_a_list_is_refused(citation):
    with pytest.raises(AddressError, match="»sidste pkt.« i en liste"):
        parse_citation(citation)


def _one(sentence: str, tekst: str | None = None) -> dict:
    out = read_sentence(sentence, [])
    assert len(out) == 1
    return _finish(out[0], tekst)


@pytest.mark.parametrize("last,numbered,tekst", [
    ("I § 14, stk. 1, sidste pkt., ændres »10.000 kr.« til: »12.000 kr.«.",
     "I § 14, stk. 1, 2. pkt., ændres »10.000 kr.« til: »12.000 kr.«.", None),
    ("§ 14, stk. 1, sidste pkt., ophæves.", "§ 14, stk. 1, 2. pkt., ophæves.", None),
    ("§ 14, stk. 1, sidste pkt., affattes således:", "§ 14, stk. 1, 2. pkt., affattes således:", "Ny tekst."),
    ("§ 13 d, stk. 1, sidste pkt., ophæves.", "§ 13 d, stk. 1, 1. pkt., ophæves.", None),
])
def test_the_last_punktum_on_the_social_policy_act(last, numbered, tekst):
    """LBK 190/2012: § 14, stk. 1 has two punktummer, § 13 d, stk. 1 one; "sidste pkt." does what its number does
    (repealing § 13 d, stk. 1's only punktum is refused either way: it would leave "Stk. 1." without text)."""
    if "13 d" in last:
        for sentence in (last, numbered):
            with pytest.raises(ProposalError, match=r"§ 13 d, stk\. 1 står uden tekst, når dens punktummer er ophævet"):
                run("2012/2012-190", [_one(sentence, tekst)])
        return
    a = run("2012/2012-190", [_one(last, tekst)])
    b = run("2012/2012-190", [_one(numbered, tekst)])
    for where in ("§ 14", "§ 13 d"):
        assert text(a.new, where) == text(b.new, where)
    assert text(a.new, "§ 14") != text(corpus_act("2012/2012-190"), "§ 14") or "13 d" in last


def test_words_not_in_the_last_punktum_are_refused():
    """§ 14, stk. 1: "hjælp" stands in 1. pkt. only."""
    with pytest.raises(ProposalError, match="»hjælp« findes ikke i § 14, stk. 1, sidste pkt."):
        run("2012/2012-190", [_one("I § 14, stk. 1, sidste pkt., ændres »hjælp« til: »støtte«.")])


def test_the_last_punktum_in_a_hand_written_proposal():
    from lawdiff.proposal import parse_proposal
    from tests.test_proposal_handwritten import proposal

    p = parse_proposal(proposal('i: "§ 14, stk. 1, sidste pkt."\nændres: "10.000 kr."\ntil: "12.000 kr."'), "p.yaml")
    assert [c.get("i") for c in p.changes] == ["§ 14, stk. 1, sidste pkt."]
