"""Word-level text diff on tokens, built on diff-match-patch.

Text is split into tokens: words (with a number and its unit kept together, such
as "5 års", "§ 68 a", "200 kr."), white space and punctuation. Each distinct token
is mapped to one private-use character, diff-match-patch diffs those strings, and
a semantic clean-up removes chance equalities. The result is decoded back to text,
so a change never splits a word or a number ("1" → "2" in "100 kr." is shown as
the whole "100 kr." replaced).

Speed: the diff and its clean-up run in fast-diff-match-patch, a C++ build of the same library
(the same algorithm: Myers' bisection, no time limit, no half-match, the same semantic clean-up),
~10× faster than the Python one; the pure-Python diff-match-patch is the fallback where that
package cannot be imported. Both give the same diffs: tests/test_tokendiff.py compares them on
random strings and on every token string the diffs of the stored versions produce (when this was
written, a run over 39,436 real and 200,000 random pairs found none different).
"""
from __future__ import annotations

import sys
from functools import lru_cache

from .text import norm

EQUAL, INSERT, DELETE = 0, 1, -1

# White space first: no other alternative can match at a white-space character (§, digits, letters,
# soft hyphens and zero-width characters are no white space), so the tokens are those of the order
# below with `\s+` in sixth place, and the matcher tries one alternative, not six, for every second
# token (~17 % of the word diff's tokenizing; tests/test_tokendiff.py holds it to that order)
_PATTERN = (
    r"\s+|"
    r"§§?\s\d+(?:\s[a-zæøå](?![\wæøå]))?"  # "§ 68 a", "§§ 9"
    r"|\d+(?:\s[a-zæøå](?![\wæøå]))?[-–]\d+(?:\s[a-zæøå](?![\wæøå]))?"  # ranges "1-7", "9 b-12"
    r"|\d+(?:[.,]\d+)*(?:\s(?:kr\.|pct\.|års|år|måneders|måneder|uger|dage|timer)(?![\wæøå]))?"  # "5 års", "3.500 kr."
    r"|\b(?:jf|stk|nr|pkt|kr|pct|bl\.a|m\.v|f\.eks|ca|evt|hhv|Stk|Nr)\.(?![\wæøå])"  # abbreviations
    r"|[\w\u00ad\u200b-\u200d]+(?:-[\w\u00ad\u200b-\u200d]+)*"  # words (soft hyphens inside), hyphenated words
    r"|."
)
# What decides a text's tokens: the pattern and the Python that runs it (its Unicode data). An
# outline stores each block's tokens (outline.py) under this, and is not used under another.
TOKENIZER = f"{_PATTERN}\0{sys.version}"
_TOKEN = None  # compiled on first use (~1 ms of `lawdiff diff`'s start, whose blocks carry their tokens)


def _token():
    global _TOKEN
    if _TOKEN is None:
        import re

        _TOKEN = re.compile(_PATTERN, re.UNICODE)
    return _TOKEN


def tokenize(text: str) -> list[str]:
    return (_TOKEN or _token()).findall(text)


@lru_cache(maxsize=65536)
def _key(token: str) -> str:
    return norm(token) or token


_KEYS: dict[str, str] = {}  # token -> comparison key (bounded; tokens repeat across diffs)


class _Codec:
    """Maps tokens to single characters from the Unicode private-use planes.

    Tokens are compared in normalised form (no-break space = space, no soft
    hyphens), so a change of invisible characters is not a change of the law.
    Characters are given to the comparison keys in order of first appearance (the old text's
    tokens, then the new text's); only each distinct token is looked at in Python, the
    token list itself is mapped in C (dict.fromkeys, map): the per-token loop was the word
    diff's largest cost in `lawdiff diff` (issue 9 §6).
    """

    def __init__(self) -> None:
        self.code: dict[str, str] = {}  # comparison key -> character
        self.chars: dict[str, str] = {}  # token -> character

    def encode(self, tokens: list[str]) -> str:
        code, chars = self.code, self.chars
        distinct = dict.fromkeys(tokens)  # in order of first appearance
        if chars:  # the new text: only the tokens the old one did not have
            distinct = [t for t in distinct if t not in chars]
        keys = list(map(_KEYS.get, distinct))
        if None in keys:  # tokens not seen before in this process
            for i, t in enumerate(distinct):
                if keys[i] is None:
                    # a token of letters and digits only holds no white space and no invisible
                    # character (those are no letters): norm leaves it as it is
                    key = keys[i] = t if t.isalnum() else " " if t.isspace() else _key(t)
                    if len(_KEYS) < 200_000:
                        _KEYS[t] = key
        fresh = [k for k in dict.fromkeys(keys) if k not in code]  # new keys, in order of first appearance
        n = len(code)
        if n + len(fresh) <= 0xFFFE:
            code.update(zip(fresh, map(chr, range(0xF0000 + n, 0xF0000 + n + len(fresh)))))
        else:
            for k in fresh:
                n = len(code)
                code[k] = chr(0xF0000 + n) if n < 0xFFFE else chr(0x100000 + n - 0xFFFE)
        chars.update(zip(distinct, map(code.__getitem__, keys)))
        return "".join(map(chars.__getitem__, tokens))


def _python_diff(a: str, b: str) -> list[tuple[int, int]]:
    """(op, length) of diff-match-patch's diff of a and b with its semantic clean-up: the pure-Python
    library (the fallback, and the reference tests hold the fast one to)."""
    from diff_match_patch import diff_match_patch

    global _DMP
    if _DMP is None:
        _DMP = diff_match_patch()
        _DMP.Diff_Timeout = 0  # deterministic: never cut a diff short by time
    diffs = _DMP.diff_main(a, b, False)
    _DMP.diff_cleanupSemantic(diffs)
    return [(op, len(s)) for op, s in diffs]


_DMP = None
_OPS = {"=": EQUAL, "-": DELETE, "+": INSERT}


def _fast_diff(a: str, b: str) -> list[tuple[int, int]]:
    """The same as _python_diff, computed by fast-diff-match-patch (C++)."""
    ops = _OPS
    return [(ops[op], n) for op, n in _fast(a, b, timelimit=0, checklines=False, cleanup="Semantic")]


try:
    from fast_diff_match_patch import diff as _fast
except ImportError:  # pragma: no cover - the package is a dependency; the Python library gives the same diffs
    _diff = _python_diff
else:
    _diff = _fast_diff


_SHARED = _Codec()  # one codec for every diff of the process (see _encode)
_SHARED_MAX = 0xFFFE  # keys: the shared codec starts afresh rather than go past plane 15


def _encode(ta: list[str], tb: list[str]) -> tuple[str, str]:
    """The two token lists as strings of one character per token, equal characters for equal
    comparison keys. diff-match-patch (both libraries; no half-match, as Diff_Timeout is 0) only
    compares characters for equality — its semantic clean-up scores every private-use character
    alike — so any one-to-one map of keys to characters gives the same diff as a fresh codec per
    pair (tests/test_tokendiff.py holds the two to each other). One codec for all pairs of a
    process maps a token in C (a dict look-up in join) once it was seen: a changed § shares
    nearly all its tokens with the others (issue 9 §6: the per-pair codec was a quarter of the
    word diff)."""
    chars = _SHARED.chars
    try:
        return "".join(map(chars.__getitem__, ta)), "".join(map(chars.__getitem__, tb))
    except KeyError:  # a token not seen before
        pass
    if len(_SHARED.code) + len(ta) + len(tb) > _SHARED_MAX:
        _SHARED.__init__()  # a new map, never one that changes in the middle of a pair
    # = _SHARED.encode(ta), _SHARED.encode(tb) in one pass: the tokens new to the map are met in the
    # same order (ta's, then tb's not in ta), so they get the same characters, and the Python around
    # the look-ups runs once per pair, not twice (tests/test_tokendiff.py holds the two to each other)
    both = _SHARED.encode(ta + tb if type(ta) is list else list(ta) + list(tb))
    return both[:len(ta)], both[len(ta):]


def diff_words(old: str, new: str, ta: tuple | list | None = None, tb: tuple | list | None = None
               ) -> list[tuple[int, str]]:
    """(op, text) pairs, op EQUAL/INSERT/DELETE. The new side is exactly `new`; the old side is
    `old` up to normalisation (equal runs carry the new text's white space). `ta` and `tb`, where
    given, are tokenize(old) and tokenize(new) (an outline's blocks carry theirs: outline.py)."""
    if old == new:
        return [(EQUAL, old)] if old else []
    if ta is None or tb is None:
        findall = (_TOKEN or _token()).findall  # = tokenize
        ta, tb = findall(old) if ta is None else ta, findall(new) if tb is None else tb
    a, b = _encode(ta, tb)
    out: list[tuple[int, str]] = []
    i = j = 0  # token positions in old and new
    for op, n in _diff(a, b):
        if op == EQUAL:  # equal when normalised: show the new text
            text = "".join(tb[j:j + n])
            i, j = i + n, j + n
        elif op == DELETE:
            text = "".join(ta[i:i + n])
            i += n
        else:
            text = "".join(tb[j:j + n])
            j += n
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        elif text:
            out.append((op, text))
    return out


def old_side(diffs: list[tuple[int, str]]) -> str:
    return "".join(t for op, t in diffs if op != INSERT)


def new_side(diffs: list[tuple[int, str]]) -> str:
    return "".join(t for op, t in diffs if op != DELETE)
