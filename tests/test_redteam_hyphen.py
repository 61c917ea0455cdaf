"""Red team: the PDF's hyphenation on a word no dictionary has (a pasted base64 image, a run of
letters): the build must not hang. Before: a 10,000-letter word took more than two minutes."""
from __future__ import annotations

import time

from lawdiff.render.hyphen import MAX_COMPOUND, SHY, hyphenate_html, ordliste


def test_a_huge_word_is_hyphenated_in_linear_time():
    word = "ressourceforløb" * 2000  # 30,000 letters
    t = time.perf_counter()
    out = hyphenate_html(f"<p>{word}</p>")
    assert time.perf_counter() - t < 5
    assert out.replace(SHY, "") == f"<p>{word}</p>"
    assert SHY in out  # still breakable, at syllables


def test_every_word_of_the_stored_acts_keeps_its_compound_breaks():
    assert max(len(w) for w in ordliste()) <= MAX_COMPOUND
    assert "source" + SHY + "for" in hyphenate_html("<p>ressourceforløb</p>")
