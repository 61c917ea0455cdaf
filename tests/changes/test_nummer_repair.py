"""nummer._repair_citations: the one-pass prefilter never skips a sentence the 7 passes would repair."""
import re

from hypothesis import given, settings, strategies as st

from lawdiff.changes.nummer import CITATION_TYPOS, _repair_citations


def _seven_passes(text):  # the reader without the prefilter
    pieces = re.split(r"(»[^«]*«)", text)
    pairs = []
    for k in range(0, len(pieces), 2):
        for rx, rep, _ in CITATION_TYPOS:
            pairs += [[m.expand(rep), m.group(0)] for m in rx.finditer(pieces[k])]
            pieces[k] = rx.sub(rep, pieces[k])
    return "".join(pieces), pairs


_BITS = ["stk. 2", "stk 2", "stk.", ",", ", ", ". ", ".,", " ", "1. pkt.", "1 pkt.", "pkt,", "pkt", "§ 5",
         "§ 5 a", " a", "»", "«", "I ", "ændres", "3", "x"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_BITS), max_size=14))
def test_same_as_seven_passes(bits):
    text = "".join(bits)
    fixed, pairs, notes = _repair_citations(text)
    assert (fixed, pairs) == _seven_passes(text)
    assert len(notes) == len(pairs)


def test_examples():
    assert _repair_citations("I § 5 stk. 2 udgår »x«.")[0] == "I § 5, stk. 2 udgår »x«."
    assert _repair_citations("I § 5, stk. 2,1. pkt., udgår »§ 5 stk. 2«.")[0] == "I § 5, stk. 2, 1. pkt., udgår »§ 5 stk. 2«."
    assert _repair_citations("I § 5, stk. 2, udgår »x«.") == ("I § 5, stk. 2, udgår »x«.", [], [])


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_BITS + [" stk. 2", "§ 5 a stk. 2", "og"]), max_size=14))
def test_the_substring_prefilter_never_hides_a_typo(bits):
    from lawdiff.changes.nummer import _ANY_TYPO, _may_hold_typo
    text = "".join(bits)
    if _ANY_TYPO.search(text):
        assert _may_hold_typo(text)
