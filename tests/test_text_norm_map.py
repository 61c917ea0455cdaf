"""text.norm_map's shortcut for text it does not change gives what the character loop gives."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lawdiff import text


def _loop(s: str) -> tuple[str, list[int]]:  # the reference: norm_map without its shortcut
    out: list[str] = []
    idx: list[int] = []
    for i, ch in enumerate(s):
        t = text._TABLE.get(ord(ch), ch)
        if t is None or (t == " " and out and out[-1] == " "):
            continue
        out.append(t)
        idx.append(i)
    idx.append(len(s))
    return "".join(out), idx


@settings(max_examples=3000, derandomize=True, database=None)
@given(st.text(alphabet=st.sampled_from(list("ab§.1 ") + ["\u00a0", "\u00ad", "\n", "\t", "\u2009", "\u3000",
                                                          "\u200b", "\u2060", "\ufeff", "\r", "\x85"]),
               max_size=20))
def test_norm_map_equals_the_character_loop(s):
    assert text.norm_map(s) == _loop(s)


def test_norm_map_of_plain_text_is_the_identity():
    s = "§ 68 a, stk. 1, 2. pkt., ændres »x« til »y«."
    assert text.norm_map(s) == (s, list(range(len(s) + 1)))
