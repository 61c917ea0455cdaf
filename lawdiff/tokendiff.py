"""Word-level text diff on tokens, built on diff-match-patch.

Text is split into tokens: words (with a number and its unit kept together, such
as "5 års", "§ 68 a", "200 kr."), white space and punctuation. Each distinct token
is mapped to one private-use character, diff-match-patch diffs those strings, and
a semantic clean-up removes chance equalities. The result is decoded back to text,
so a change never splits a word or a number ("1" → "2" in "100 kr." is shown as
the whole "100 kr." replaced).
"""
from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

EQUAL, INSERT, DELETE = 0, 1, -1

_TOKEN = re.compile(
    r"§§?\s\d+(?:\s[a-zæøå](?![\wæøå]))?"  # "§ 68 a", "§§ 9"
    r"|\d+(?:\s[a-zæøå](?![\wæøå]))?[-–]\d+(?:\s[a-zæøå](?![\wæøå]))?"  # ranges "1-7", "9 b-12"
    r"|\d+(?:[.,]\d+)*(?:\s(?:kr\.|pct\.|års|år|måneders|måneder|uger|dage|timer)(?![\wæøå]))?"  # "5 års", "3.500 kr."
    r"|\b(?:jf|stk|nr|pkt|kr|pct|bl\.a|m\.v|f\.eks|ca|evt|hhv|Stk|Nr)\.(?![\wæøå])"  # abbreviations
    r"|[\wæøåÆØÅ]+(?:-[\wæøåÆØÅ]+)*"  # words, hyphenated words
    r"|\s+"
    r"|.",
    re.UNICODE,
)


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)


class _Codec:
    """Maps tokens to single characters from the Unicode private-use planes."""

    def __init__(self) -> None:
        self.code: dict[str, str] = {}
        self.tokens: list[str] = []

    def encode(self, tokens: list[str]) -> str:
        out = []
        for t in tokens:
            c = self.code.get(t)
            if c is None:
                n = len(self.tokens)
                c = chr(0xF0000 + n) if n < 0xFFFE else chr(0x100000 + n - 0xFFFE)
                self.code[t] = c
                self.tokens.append(t)
            out.append(c)
        return "".join(out)

    def decode(self, s: str) -> str:
        base = self.tokens
        return "".join(base[(ord(c) - 0xF0000) if ord(c) < 0x100000 else (ord(c) - 0x100000 + 0xFFFE)] for c in s)


_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0  # deterministic: never cut a diff short by time


def diff_words(old: str, new: str) -> list[tuple[int, str]]:
    """(op, text) pairs, op EQUAL/INSERT/DELETE, whose old side is `old` and new side `new`."""
    if old == new:
        return [(EQUAL, old)] if old else []
    codec = _Codec()
    a, b = codec.encode(tokenize(old)), codec.encode(tokenize(new))
    diffs = _DMP.diff_main(a, b, False)
    _DMP.diff_cleanupSemantic(diffs)
    out: list[tuple[int, str]] = []
    for op, s in diffs:
        text = codec.decode(s)
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        elif text:
            out.append((op, text))
    return out


def old_side(diffs: list[tuple[int, str]]) -> str:
    return "".join(t for op, t in diffs if op != INSERT)


def new_side(diffs: list[tuple[int, str]]) -> str:
    return "".join(t for op, t in diffs if op != DELETE)
