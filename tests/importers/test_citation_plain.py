"""amending._PLAIN_CITATION: the citations it lets past parse_citation are ones parse_citation reads.

The amending reader asks `_citation_problem` why a cited place cannot be read; a citation of the plainest
shape ("§ 5 a, stk. 2, nr. 3, 1. pkt.") is answered None without parsing it. These tests hold that answer
to parse_citation's own verdict: on generated citations of that shape and near it, and on every citation
the corpus's amending acts name."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from lawdiff.address import parse_citation
from lawdiff.changes.annex import is_note_address
from lawdiff.errors import AddressError
from lawdiff.importers import amending
from lawdiff.importers.amending import _PLAIN_CITATION, _citation_problem

CORPUS = Path(__file__).resolve().parents[3] / "shared/corpus/lexdania"


def _slow(citation: str) -> str | None:
    """_citation_problem as it was before the plain shape was let through: parse it."""
    if is_note_address(citation):
        return None
    try:
        parse_citation(citation)
    except AddressError as e:
        return e.message
    return None


_num = st.integers(min_value=0, max_value=12000).map(str) | st.sampled_from(["01", "007", "1 0", "٣", "²"])
_letter = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzæøåABZ") + ["aa", "og", "i", ""])


@st.composite
def _citations(draw) -> str:
    """Citations of the plain shape, and near misses of it (a 0, a letter not in a-z, a missing part)."""
    s = "§ " + draw(_num)
    if draw(st.booleans()):
        s += " " + draw(_letter)
    for word in ("stk. ", "nr. ", "litra "):
        if draw(st.booleans()):
            s += ", " + word + (draw(_letter) if word == "litra " else draw(_num))
    if draw(st.booleans()):
        s += ", " + draw(_num) + ". pkt."
    if draw(st.booleans()):
        s += draw(st.sampled_from([",", " ", ".", "-3", " og 4", ", og stk. 2", "\u00a0"]))
    return s


@settings(max_examples=3000, deadline=None)
@given(_citations())
def test_plain_citation_is_one_parse_citation_reads(citation):
    if _PLAIN_CITATION.fullmatch(citation) is not None:
        assert _slow(citation) is None, citation
    assert _citation_problem(citation) == _slow(citation)


def test_plain_shapes():
    for c in ("§ 5", "§ 5 a", "§ 5, stk. 2", "§ 5 a, stk. 2, nr. 3, litra b, 1. pkt.", "§ 12, 3. pkt."):
        assert _PLAIN_CITATION.fullmatch(c), c
    for c in ("§ 0", "§ 5, stk. 0", "§ 5, 0. pkt.", "§ 5 æ", "§ 5, stk. 2 og 3", "§ 5, stk. 2,", "§§ 5 og 6"):
        assert not _PLAIN_CITATION.fullmatch(c), c


@pytest.mark.corpus
def test_every_corpus_citation_gets_parse_citations_verdict(monkeypatch):
    if not CORPUS.is_dir():
        pytest.skip("no corpus")
    asked: list[str] = []
    real = amending._citation_problem

    def spy(citation):
        asked.append(citation)
        return real(citation)

    monkeypatch.setattr(amending, "_citation_problem", spy)
    files = sorted(CORPUS.glob("*/*.xml"))[::4]
    for f in files:
        data = f.read_bytes()
        if b"<AendringsNummer" in data and "LOV \u00c6".encode() in data[:8192]:
            amending.read_amending(data, str(f))
    plain = [c for c in dict.fromkeys(asked) if _PLAIN_CITATION.fullmatch(c)]
    assert len(plain) > 1000  # the shape is the common one
    assert all(_slow(c) is None for c in plain)
