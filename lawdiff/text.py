"""Text utilities: normalisation for matching, punktum (sentence) splitting, and a unit's plain text.

Official text is always kept as it was published; `norm()` gives the form used
for matching and comparison (no-break spaces become spaces, soft hyphens and
zero-width characters disappear, runs of white space collapse).

Punktum splitting follows shared/reference/lovteknik.md §9.3.
"""
from __future__ import annotations

import re
from functools import lru_cache

# every Unicode white space character (no-break, en, em, thin, ideographic …) is a space: the
# characters below U+3001 but " " that str.isspace() calls white space, written out (computing
# them was ~0.5 ms of every command's start; tests/test_text_norm.py checks the list)
_SPACE_CODES = (0x9, 0xA, 0xB, 0xC, 0xD, 0x1C, 0x1D, 0x1E, 0x1F, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028,
                0x2029, 0x202F, 0x205F, 0x3000)
_SPACES = dict.fromkeys(_SPACE_CODES, " ")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_TABLE = {**_SPACES, **_INVISIBLE}
# Regular expressions are compiled on first use, not on import (~1 ms of every command's start,
# `lawdiff diff` among them: issue 9 §6).


def norm(s: str) -> str:
    """Normalise text for matching: one plain space between words, no invisibles."""
    # str.split() and str.strip() split on what the regex \s matches (str.isspace): the same result
    # as re.sub(r"\s+", " ", …).strip(), 2-3x faster (tests/test_text_norm.py); norm is called for
    # every line the importers read. The invisibles are deleted by str.translate (_INVISIBLE maps
    # each to None: what deleting the regex [\u00ad…\ufeff] did).
    if has_invisible(s):
        s = s.translate(_INVISIBLE)
    return " ".join(s.split())


def has_invisible(s: str) -> bool:
    """Whether `s` holds one of the invisible characters norm removes (six substring tests are
    faster than the regex's scan; nearly no line holds one)."""
    return "\u00ad" in s or "\u200b" in s or "\u200c" in s or "\u200d" in s or "\u2060" in s or "\ufeff" in s


# a character norm_map changes (any white space but the plain space, an invisible), or a run of spaces
_MAPPED = None  # compiled on first use (not every command needs it): _mapped()


def _mapped() -> re.Pattern:
    global _MAPPED
    _MAPPED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + "]|  ")
    return _MAPPED


def norm_map(s: str) -> tuple[str, list[int]]:
    """`s` normalised like `norm` (but not stripped), and for each character of the result its
    index in `s`, plus len(s) at the end: lets a match in normalised text be mapped back."""
    if (_MAPPED or _mapped()).search(s) is None:  # most lines: nothing to change (the loop below cost the engine seconds)
        return s, list(range(len(s) + 1))
    out: list[str] = []
    idx: list[int] = []
    for i, ch in enumerate(s):
        t = _TABLE.get(ord(ch), ch)
        if t is None:
            continue
        if t == " " and out and out[-1] == " ":
            continue
        out.append(t)
        idx.append(i)
    idx.append(len(s))
    return "".join(out), idx


# A period (or ? !) followed by white space and a capital letter, », § or a
# punktum reference ("… anvendelse. 1. pkt. gælder dog ikke …"), or by the end.
_BOUNDARY = r"[.?!](?=\s+(?:[A-ZÆØÅ»§]|\d+\.(?:\s*(?:-|–|og)\s*\d+\.)?\s*pkt\.)|\s*$)"
# Abbreviations that do not end a sentence even before a capital letter.
_NEVER_END = r"(?:\bjf|\bf\.eks|\bbl\.a|\bca|\bjvf|\bhhv|\bevt|\bbl\.\s?a)\.$"
# "nr. L 331", "nr. C 12": a series letter after nr.
_SERIES = r"\s+[A-Z]{1,2}\s+\d"
# A punktum that begins with a number: "Formanden skal være landsdommer. 1 medlem beskikkes …",
# "… skal være cand. jur. 1 medlem beskikkes …" (folkeskoleloven § 51 a, stk. 1: lov 379/2012, § 1,
# nr. 15 rewrites its 3. pkt., which began "1 medlem"). The period ends a plain word (letters only, no
# period inside: not "m.v.", "matr.nr.") that is no abbreviation before a number ("stk. 3", "pct. 3
# år", "maks. 44 kg", "22. maj. 2006"), and the number is followed by a word in lower case.
_NUMBER_START = r"(?<![.\w])([A-Za-zæøåÆØÅ]{3,})\.(?=\s+\d+\s+[a-zæøå])"
_BEFORE_NUMBER = {"stk", "pkt", "pct", "maks", "min", "kap", "art", "afs", "litra", "jan", "feb", "mar", "apr",
                  "maj", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "januar", "februar", "marts",
                  "april", "juni", "juli", "august", "september", "oktober", "november", "december", "mio", "mia",
                  "mill", "tlf", "vedr", "inkl", "ekskl", "pos", "nr", "ca", "kl", "bek", "lbk", "cirk", "vejl",
                  "skr", "fig", "tab", "bilag", "sml", "jvf", "evt", "hhv", "ang", "iflg", "ifm", "udg", "årg"}


_PUNKTUM: tuple | None = None  # the four patterns above, compiled on first use: _punktum()


def _punktum() -> tuple:
    global _PUNKTUM
    _PUNKTUM = tuple(map(re.compile, (_BOUNDARY, _NEVER_END, _SERIES, _NUMBER_START)))
    return _PUNKTUM


def split_punktum(line: str) -> list[str]:
    """Split one line (a LexDania <Linea>) into its punktummer.

    The returned pieces, joined with single spaces, give back `line` with its
    white space at the boundaries folded; each piece keeps its final period.
    """
    boundary, never_end, series, number_start = _PUNKTUM or _punktum()
    pieces: list[str] = []
    start = 0
    ends = [(m.start(), m.end()) for m in boundary.finditer(line)]
    ends += [(m.end(1), m.end(1) + 1) for m in number_start.finditer(line)
             if m.group(1).lower() not in _BEFORE_NUMBER]
    for _, end in sorted(ends):
        head = line[start:end]
        if never_end.search(head):
            continue
        if head.endswith("nr.") and series.match(line, end):
            continue
        piece = head.strip()
        if piece:
            pieces.append(piece)
        start = end
    rest = line[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def count_punktum(lines: list[str]) -> int:
    """Count punktummer in a counting unit; each line is a hard boundary (§9.3)."""
    return sum(len(split_punktum(line)) for line in lines)


_NUM_LETTER: re.Pattern | None = None  # (\d)\s*([a-zA-Zæøå]), compiled on first use
_NUM_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZæøå")  # its [a-zA-Zæøå]


@lru_cache(maxsize=8192)
def canonical_num(num: str) -> str:
    """A unit's number in one spelling: '68a', '68 a' and '68\u00a0a' -> '68 a'. Here rather than
    in address.py (which re-exports it) so that `lawdiff diff` need not import the address
    grammar's regular expressions (~5 ms of the command's imports)."""
    global _NUM_LETTER
    s = norm(num)
    if s.isdecimal():  # digits only (what \d matches: str.isdecimal), the most numbers: nothing to change
        return s
    # digits and one letter, with or without a space between them ("68 a", "68a"): what the pattern
    # makes of them, without it (tests/test_text_norm.py holds these to it)
    if s[-1:] in _NUM_LETTERS:
        head = s[:-1]
        if head.isdecimal():
            return head + " " + s[-1]
        if head[-1:] == " " and head[:-1].isdecimal():
            return s
    if _NUM_LETTER is None:
        _NUM_LETTER = re.compile(r"(\d)\s*([a-zA-Zæøå])")
    return _NUM_LETTER.sub(r"\1 \2", s)


# --- the plain text of a unit (duck-typed: model units and outline.py's plain units alike) ---

# a line that begins with a comma, full stop, semicolon, colon or closing parenthesis: the rest of a punktum
# the LBK broke for a note (LBK 1657/2015 § 4, stk. 3: "… henholdsvis Miljøministeriet" / note 1) /
# ", Foreningen for Biodynamisk Jordbrug, …"); address.punktum_spans_of counts it with the line before
_READS_ON = frozenset(",.;:)")


def reads_on(line: str) -> bool:
    """Whether the line begins (after white space) with a comma, full stop, semicolon, colon or closing
    parenthesis (no regular expression: importing text compiles none). Not an omission written with full
    stops ("..." as a line of its own)."""
    s = line.lstrip()
    return bool(s) and s[0] in _READS_ON and not s.startswith("..")


def goes_on(prev: str, line: str) -> bool:
    """Whether `line` goes on from the line before it, `prev` (reads_on), which is not so for a line that is
    only "." after one that ends in "." or "…": a dot of an omission printed one to a line (lov 433/2012
    § 1, nr. 37: "7. …" / "." / "." / ".")."""
    return reads_on(line) and not (line.strip() == "." and prev.rstrip().endswith((".", "…")))


def join_lines(parts) -> str:
    """Lines of one text joined as the law reads them: with a space, but none before a line that begins with
    a comma, full stop, semicolon, colon or closing parenthesis ("… Miljøministeriet" + ", Foreningen …" is
    "… Miljøministeriet, Foreningen …", not "Miljøministeriet , Foreningen")."""
    out = ""
    for p in parts:
        out = p if not out else out + p.lstrip() if goes_on(out, p) else out + " " + p
    return out


def blocks_text(blocks: list) -> str:
    """Lines of one block list joined as the law reads them (join_lines; tables cell by cell)."""
    return join_lines(b.text for b in blocks if b.text)


def plain_text(unit) -> str:
    """All law text of a unit (labels included, notes excluded), one space apart."""
    parts = [unit.label or "", unit.heading.text if unit.heading else "", blocks_text(unit.intro)]
    parts += [plain_text(c) for c in unit.children]
    parts.append(blocks_text(unit.wrapup))
    return " ".join(p for p in parts if p)
