"""Compound-aware Danish soft hyphens (render/hyphen.py)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawdiff.render.hyphen import SHY, breaks, hyphenate_html

LEX = {"forløb", "helhed", "orienteret", "teamet", "plan", "markedet", "arbejds", "indsats", "hængende", "sammen"}


def _show(word: str) -> str:
    p = breaks(word, LEX)
    return "-".join(word[a:b] for a, b in zip([0] + p, p + [len(word)]))


@pytest.mark.parametrize("word, joint, bad", [
    ("ressourceforløb", "ressource", "ressour"),
    ("Ressourceforløbet", "Ressource", "Ressour"),
    ("helhedsorienteret", "helheds", "helhedso"),
    ("rehabiliteringsteamet", "rehabiliterings", "rehabiliteringstea" + "m"),
])
def test_compounds_break_at_their_joints(word, joint, bad):
    pos = breaks(word, LEX)
    assert len(joint) in pos, _show(word)
    assert len(bad) not in pos, _show(word)


@pytest.mark.parametrize("word", ["meget", "allerede", "forslag", "nemlig"])
def test_at_least_three_letters_each_side(word):
    assert all(3 <= p <= len(word) - 3 for p in breaks(word, LEX))
    assert "alle-re-de" not in _show("allerede") and not _show("meget").count("-")


def test_only_text_is_hyphenated():
    html = ('<html><head><title>ressourceforløbene</title><style>.ressourceforløb{}</style></head>'
            '<body><p class="ressourceforløbet" title="ressourceforløb">ressourceforløbet forløb</p></body></html>')
    out = hyphenate_html(html)
    assert out.replace(SHY, "") == html
    assert out.count(SHY) >= 2 and "<title>ressourceforløbene</title>" in out and 'title="ressourceforløb"' in out


@given(st.text(alphabet="abcdefghijklmnoprstuvyæøå <>/=\"", max_size=200))
def test_hyphenation_never_changes_the_text(html):
    assert hyphenate_html(html).replace(SHY, "") == html


def test_citations_and_headings_stay_whole():
    html = "<h2>Ressourceforløbene</h2><p>ressourceforløbet og forslag\u00a010 den 1.\u00a0februar\u00a02017</p>"
    out = hyphenate_html(html)
    assert "<h2>Ressourceforløbene</h2>" in out and "forslag\u00a010" in out and "februar\u00a0" in out
    assert SHY in out.split("<p>")[1].split(" ")[0]
