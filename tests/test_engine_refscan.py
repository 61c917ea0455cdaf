"""The R5 reference scan skips lines that cannot hold a stk. reference (engine._without_stk):
never one where the scan, on the normalised line, would find one."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lawdiff.engine import _Applier, _without_stk
from lawdiff.text import norm_map

PIECES = ["s", "t", "k", ".", "stk.", "Stk.", " ", "  ", "\u00a0", "\u00ad", "\u200b", "\ufeff", "\t", "\n",
          "1", "2", "-", "og", "§ 3, ", "nr."]


@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
@settings(max_examples=3000, deadline=None)
def test_skipped_lines_hold_no_reference(line):
    if _without_stk(line):
        assert _Applier._REF.search(norm_map(line)[0]) is None


def test_examples():
    assert not _without_stk("jf. stk. 2")
    assert not _without_stk("jf. st\u00adk. 2")  # a soft hyphen inside: norm_map joins it
    assert _without_stk("jf.\u00a0§\u00a03")
    assert _Applier._REF.search(norm_map("jf. st\u00adk. 2")[0])
