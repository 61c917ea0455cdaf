"""The word diff: the C++ diff-match-patch (fast-diff-match-patch) gives exactly the pure-Python
library's diffs, so which one runs never changes a redline."""
from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings, strategies as st

from lawdiff import tokendiff
from lawdiff.diff import compare
from lawdiff.tokendiff import _Codec, _fast_diff, _python_diff, diff_words, new_side, tokenize


def test_the_fast_diff_is_in_use():
    assert tokendiff._diff is tokendiff._fast_diff  # a dependency: its absence would cost ~10× here


# encoded token strings: a few private-use characters (as _Codec makes them) and a space, so that
# equalities, overlaps and the semantic clean-up's boundary scores are all exercised
_ALPHABET = [chr(0xF0000 + i) for i in range(4)] + [chr(0x100000 + 3), " ", "a"]


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(st.text(alphabet=_ALPHABET, max_size=40), st.text(alphabet=_ALPHABET, max_size=40))
def test_fast_and_python_diffs_are_identical_on_random_strings(a, b):
    assert _fast_diff(a, b) == _python_diff(a, b)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.text(alphabet=_ALPHABET, max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 3),
                                                                    st.sampled_from(_ALPHABET)), max_size=6))
def test_fast_and_python_diffs_are_identical_on_small_edits(a, edits):
    b = list(a)
    for pos, kind, ch in edits:  # insert, delete or replace near pos: the common case of a law's change
        pos = min(pos, len(b))
        if kind == 0 or not b:
            b.insert(pos, ch)
        elif kind == 1:
            del b[min(pos, len(b) - 1)]
        else:
            b[min(pos, len(b) - 1)] = ch
    b = "".join(b)
    assert _fast_diff(a, b) == _python_diff(a, b)


def _encoded_pairs(store, law: str, versions: list[str]) -> list[tuple[str, str]]:
    """Every pair of token strings the diffs between these versions of `law` give the word diff."""
    pairs = []
    real = tokendiff._diff

    def record(a, b):
        pairs.append((a, b))
        return real(a, b)

    acts = {v: store.load(f"{law}@{v}") for v in versions}
    tokendiff._diff = record
    try:
        for x, y in itertools.permutations(versions, 2):
            compare(acts[x], acts[y])
    finally:
        tokendiff._diff = real
    return pairs


def test_fast_and_python_diffs_are_identical_on_lab_2015_2016(store):
    pairs = _encoded_pairs(store, "lab", ["2015-07-01", "2016-11-21"])
    assert len(pairs) > 150
    assert [_fast_diff(a, b) for a, b in pairs] == [_python_diff(a, b) for a, b in pairs]


@pytest.mark.corpus
def test_fast_and_python_diffs_are_identical_on_every_stored_version_pair(store):
    pairs = []
    for law in ("lab", "styringsloven"):
        pairs += _encoded_pairs(store, law, store.versions(law))
    print(f"{len(pairs):,} token-string pairs, {sum(len(a) + len(b) for a, b in pairs):,} tokens")
    assert len(pairs) > 5000
    assert [_fast_diff(a, b) for a, b in pairs] == [_python_diff(a, b) for a, b in pairs]


def test_diff_words_is_the_same_with_the_python_library(monkeypatch):
    old = "Stk. 2. Personer, der modtager kontanthjælp efter lov om aktiv socialpolitik, og som er jobparate."
    new = "Stk. 2. Personer, som modtager kontanthjælp eller integrationsydelse efter lov om aktiv socialpolitik."
    fast = diff_words(old, new)
    monkeypatch.setattr(tokendiff, "_diff", _python_diff)
    assert diff_words(old, new) == fast
    assert new_side(fast) == new
    assert (tokendiff.INSERT, "eller integrationsydelse ") in fast


def test_codec_gives_one_character_per_token():
    tokens = tokenize("jf. § 68 a, stk. 2, og 3.500 kr.")
    encoded = _Codec().encode(tokens)
    assert len(encoded) == len(tokens)
    assert len(set(encoded)) == len(set(tokens))


def _reference_encode(tokens: list[str], code: dict) -> str:
    """_Codec.encode as it was written before (one token at a time), for the test below."""
    out = []
    for t in tokens:
        key = " " if t.isspace() else (tokendiff.norm(t) or t)
        c = code.get(key)
        if c is None:
            n = len(code)
            c = chr(0xF0000 + n) if n < 0xFFFE else chr(0x100000 + n - 0xFFFE)
            code[key] = c
        out.append(c)
    return "".join(out)


_TOKEN_TEXT = st.text(alphabet="ab1²§. \u00a0\u00ad\u200bæ-", max_size=30)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(_TOKEN_TEXT, _TOKEN_TEXT)
def test_the_codec_encodes_as_one_token_at_a_time(a, b):
    """The codec maps distinct tokens in C order of first appearance: the same characters as a
    token-by-token loop, for the old text's tokens and then the new text's."""
    ta, tb = tokenize(a), tokenize(b)
    codec, ref = _Codec(), {}
    assert codec.encode(ta) == _reference_encode(ta, ref)
    assert codec.encode(tb) == _reference_encode(tb, ref)
    assert codec.code == ref


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.lists(st.tuples(_TOKEN_TEXT, _TOKEN_TEXT), min_size=1, max_size=4))
def test_a_pair_is_encoded_as_old_then_new(pairs):
    """_encode maps a pair's tokens in one pass (old and new together): the same characters, and the
    same map after it, as encoding the old text's tokens and then the new text's, pair after pair."""
    shared, ref = tokendiff._SHARED, _Codec()
    tokendiff._SHARED = _Codec()
    try:
        for a, b in pairs:
            ta, tb = tokenize(a), tokenize(b)
            assert tokendiff._encode(ta, tb) == (ref.encode(ta), ref.encode(tb))
            assert tokendiff._encode(tuple(ta), tuple(tb)) == (ref.encode(ta), ref.encode(tb))
            assert tokendiff._SHARED.code == ref.code and tokendiff._SHARED.chars == ref.chars
    finally:
        tokendiff._SHARED = shared


def test_the_codec_past_the_first_plane():
    """Keys beyond the 65,534 characters of plane 15 go on in plane 16, as one token at a time did."""
    tokens = [f"w{i}" for i in range(0xFFFE - 3)]
    more = [f"v{i}" for i in range(10)] + tokens[:5]
    codec, ref = _Codec(), {}
    assert codec.encode(tokens) == _reference_encode(tokens, ref)
    assert codec.encode(more) == _reference_encode(more, ref)
    assert codec.code == ref and max(map(ord, ref.values())) == 0x100000 + 6


def _fresh_codec_diff(old: str, new: str) -> list[tuple[int, str]]:
    """diff_words as it was before the shared codec: a new codec for each pair."""
    real = tokendiff._SHARED
    tokendiff._SHARED = _Codec()
    try:
        return diff_words(old, new)
    finally:
        tokendiff._SHARED = real


_DIFF_TEXT = st.text(alphabet="ab1§. \u00a0\u00adæ", max_size=25)


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.lists(st.tuples(_DIFF_TEXT, _DIFF_TEXT), min_size=1, max_size=4))
def test_the_shared_codec_gives_the_diffs_of_a_fresh_codec(pairs):
    """One codec for every diff of the process (characters given by earlier pairs) diffs as a new
    codec for each pair: diff-match-patch only compares characters for equality."""
    for old, new in pairs:
        assert diff_words(old, new) == _fresh_codec_diff(old, new)


def test_the_shared_codec_starts_afresh_before_its_limit(monkeypatch):
    monkeypatch.setattr(tokendiff, "_SHARED", _Codec())
    monkeypatch.setattr(tokendiff, "_SHARED_MAX", 40)
    old, new = "a b c d e f", "a b x d e g"
    first = diff_words(old, new)
    assert len(tokendiff._SHARED.code) == 9  # a b c d e f x g and the space
    later = diff_words("h i j k l m n o p q r", "h i j k l m n o p q s")  # 9 + 22 tokens > 40: a new codec
    assert len(tokendiff._SHARED.code) == 13 and later[-1] == (tokendiff.INSERT, "s")
    assert diff_words(old, new) == first


# the token pattern in its first order (white space sixth): tokendiff._TOKEN tries white space first
_TOKEN_FIRST_ORDER = re.compile(
    r"§§?\s\d+(?:\s[a-zæøå](?![\wæøå]))?"
    r"|\d+(?:\s[a-zæøå](?![\wæøå]))?[-–]\d+(?:\s[a-zæøå](?![\wæøå]))?"
    r"|\d+(?:[.,]\d+)*(?:\s(?:kr\.|pct\.|års|år|måneders|måneder|uger|dage|timer)(?![\wæøå]))?"
    r"|\b(?:jf|stk|nr|pkt|kr|pct|bl\.a|m\.v|f\.eks|ca|evt|hhv|Stk|Nr)\.(?![\wæøå])"
    r"|[\w\u00ad\u200b-\u200d]+(?:-[\w\u00ad\u200b-\u200d]+)*"
    r"|\s+"
    r"|.",
    re.UNICODE,
)


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(st.text(alphabet="ab1§.,-–_ \u00a0\t\n\u00ad\u200b\u2028\u3000æøåkrstjf5", max_size=40))
def test_white_space_first_tokenizes_as_the_first_order(text):
    assert tokenize(text) == _TOKEN_FIRST_ORDER.findall(text)


def test_white_space_first_tokenizes_lab_as_the_first_order(store):
    act = store.load("lab@2016-11-21")
    texts = [b.text for u in act.walk() for b in u.intro + u.wrapup]
    assert len(texts) > 1000
    assert [tokenize(t) for t in texts] == [_TOKEN_FIRST_ORDER.findall(t) for t in texts]
