"""Red team: one source, many renderings. For a random change of words in a random stk. of LAB
(whole words that stand there once, new words drawn at random), every rendering must tell the same
story:

- the consolidated act holds the stk. with exactly those words replaced, and nothing else changed;
- the redline's old side is the law in force and its new side the consolidated text;
- the lovforslag quotes the old and the new words;
- Bilag 1 shows the law in force beside the nummer that changes it;
- the .docx is written (render_docx checks accept-all/reject-all against both versions itself).
"""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lawdiff.engine import _index, cite_path, run
from lawdiff.errors import LawdiffError
from lawdiff.model import Line
from lawdiff.proposal import parse_proposal
from lawdiff.redline import build as build_redline
from lawdiff.render.bilag import bilag, bilag_text
from lawdiff.render.docx import render_docx
from lawdiff.render.instructions import build_lovforslag
from lawdiff.render.redline_text import unit_lines as red_lines
from lawdiff.render.text import unit_lines
from lawdiff.store import Store
from lawdiff.text import norm
from tests.conftest import PROPOSAL_HEAD, ROOT

PROFILE = dict(derandomize=True, database=None, deadline=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

STORE = Store(ROOT)
BASE = STORE.load("lab@2016-11-21")
UNITS, PARENTS = _index(BASE)
# stk. without nr./litra and with one line of text: the words a drafter most often changes
STK = sorted((cite_path(u, PARENTS), u.wid) for u in UNITS.values()
             if u.kind == "subsection" and not u.children and len(u.intro) == 1 and isinstance(u.intro[0], Line)
             and len(u.intro[0].text.split()) >= 6)
WORD = re.compile(r"\w+")


def _section(act, wid):
    units, parents = _index(act)
    u = units[wid]
    while u.kind != "section":
        u = parents[u.wid]
    return u


def _sides(line: str) -> tuple[str, str]:
    """The old and the new side of a redline line ([-…-] and [+…+])."""
    old = re.sub(r"\[\+.*?\+\]", "", line).replace("[-", "").replace("-]", "")
    new = re.sub(r"\[-.*?-\]", "", line).replace("[+", "").replace("+]", "")
    return " ".join(old.split()), " ".join(new.split())


@settings(max_examples=20, **PROFILE)
@given(st.sampled_from(STK), st.data(), st.text("abcdefghijklmnopqrstuvwxyzæøå", min_size=2, max_size=9))
def test_every_rendering_tells_the_same_change(stk, data, new_word):
    cite, wid = stk
    text = UNITS[wid].intro[0].text
    words = list(WORD.finditer(text))
    i = data.draw(st.integers(0, len(words) - 1), label="first word")
    n = data.draw(st.integers(1, min(3, len(words) - i)), label="words")
    a, b = words[i].start(), words[i + n - 1].end()
    old = text[a:b]
    assume(len(re.findall(rf"(?<!\w){re.escape(old)}(?!\w)", text)) == 1 and norm(old) != new_word)
    assume("»" not in old and "«" not in old and "\u00ad" not in old)
    body = f'      - i: "{cite}"\n        ændres: "{old}"\n        til: "{new_word}"\n'
    try:
        result = run(parse_proposal((PROPOSAL_HEAD + body).encode(), "proposals/rt.yaml"), STORE)
    except LawdiffError as e:  # refused: only for a reason a drafter can act on, never a guess
        pytest.fail(f"refused a change of words that stand once: {e}")
    lr = result.laws["lab"]
    new_units, _ = _index(lr.new)
    expected = text[:a] + new_word + text[b:]
    assert norm(new_units[wid].intro[0].text) == norm(expected)
    # nothing else changed in the §
    before, after = _section(BASE, wid), _section(lr.new, wid)
    lines_before, lines_after = [norm(x) for x in unit_lines(before)], [norm(x) for x in unit_lines(after)]
    assert len(lines_before) == len(lines_after)
    assert sum(x != y for x, y in zip(lines_before, lines_after)) == 1
    # the redline: old side = law in force, new side = consolidated
    red = build_redline(lr.base, lr.new, lr)
    [r] = [u for u in red.touched_units() if u.wid == before.wid]
    sides = [_sides(x) for x in red_lines(r, False)]
    assert [s[0] for s in sides] == [" ".join(norm(x).split()) for x in unit_lines(before)]
    assert [s[1] for s in sides] == [" ".join(norm(x).split()) for x in unit_lines(after)]
    # the lovforslag and Bilag 1
    lf = build_lovforslag(result)
    formal = lf.text()
    assert f"ændres »{old}« til: »{new_word}«" in formal
    table = bilag_text(bilag(lf, result))
    assert f"ændres »{old}« til: »{new_word}«" in table
    assert norm(text) in norm(table)
    # Word: render_docx verifies accept-all and reject-all against both versions itself
    assert render_docx(result)[:2] == b"PK"
