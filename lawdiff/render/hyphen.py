"""Danish hyphenation for the PDFs: soft hyphens where a Danish typesetter would break.

pyphen's Danish patterns alone break "ressour-ceforløb" and "helhedso-rienteret": they know
syllables, not compounds. Here a word's compound boundaries are found first, with the words
of the document and of every stored act (ordliste.txt) as the lexicon (a boundary is where the rest of the word is a word
of the document, and the first part is one too, or ends in a linking s/e after one, or pyphen
agrees): "ressource|forløb", "helheds|orienteret", "rehabiliterings|teamet". Syllable breaks
that would leave fewer than 3 letters of a compound's part on either side of a line break are
dropped, as are all breaks leaving fewer than 3 letters at either end of the word
("me-get", "allere-de"); a word before a no-break space (a citation or date: "forslag 10")
and headings (the PDF's bookmarks) are left whole. The result goes into the HTML as U+00AD, and the print stylesheet
sets `hyphens: manual`, so WeasyPrint breaks only there (and never in headings, labels and
links, which have `hyphens: none`). Deterministic: the same HTML gives the same breaks.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import pyphen

SHY = "\u00ad"
MIN_PART = 3  # letters on each side of a break, and of a compound's part
MIN_WORD = 7  # shorter words are not hyphenated
# Longer "words" get pyphen's syllable breaks only: the compound search costs about the cube of a
# word's length (a 1,000-letter word took 0.5 s, a 10,000-letter one more than two minutes, so a
# pasted base64 image or a long run of letters in a bemærkning hung the PDF build). The longest
# word of every stored act has 35 letters.
MAX_COMPOUND = 60
_LETTERS = "A-Za-zÆØÅæøåÉéÜüÖöÄä"
_WORD = re.compile(f"[{_LETTERS}]+")
# a word followed by a no-break space belongs to a citation or date ("forslag 10", "februar 2017")
_LONG = re.compile(f"(?<![{_LETTERS}])[{_LETTERS}]{{{MIN_WORD},}}(?![{_LETTERS}]|\u00a0)")
_TAG = re.compile(r"(<[^>]*>)")
_SKIP_TAGS = "head|style|script|title|h1|h2|h3|h4|h5|h6"  # headings: bookmarks keep clean labels
_SKIP = re.compile(rf"<({_SKIP_TAGS})\b", re.I)
_SKIP_END = re.compile(rf"</({_SKIP_TAGS})\b", re.I)

_dic: pyphen.Pyphen | None = None


def _pyphen() -> pyphen.Pyphen:
    global _dic
    if _dic is None:
        _dic = pyphen.Pyphen(lang="da_DK", left=MIN_PART, right=MIN_PART)
    return _dic


_ENDINGS = ("erne", "ene", "ets", "ens", "et", "en", "er", "es", "s", "e")


def _is_word(tail: str, lexicon: set[str], depth: int = 0) -> bool:
    """A word of the lexicon, one with an inflection ending ("forløbet" from "forløb"), or a
    compound of such words ("forløbsydelse" = "forløb" + s + "ydelse")."""
    if tail in lexicon or any(tail.endswith(e) and len(tail) - len(e) >= 5 and tail[:-len(e)] in lexicon
                              for e in _ENDINGS):
        return True
    if depth >= 2:
        return False
    for j in range(4, len(tail) - 3):
        head = tail[:j]
        if (head in lexicon or (head[-1] in "se" and head[:-1] in lexicon)) and _is_word(tail[j:], lexicon, depth + 1):
            return True
    return False


@lru_cache(maxsize=1)
def ordliste() -> frozenset[str]:
    """The words of every stored act (scripts/make-ordliste.py writes the list)."""
    return frozenset((resources.files("lawdiff") / "render" / "ordliste.txt").read_text("utf-8").split())


def boundaries(word: str, lexicon: set[str]) -> list[int]:
    """Positions of the compound boundaries in a word (lower-case lexicon)."""
    w = word.lower()
    syll = set(_pyphen().positions(w))
    out = []
    for i in range(4, len(w) - 3):
        head, tail = w[:i], w[i:]
        if _is_word(tail, lexicon) and (head in lexicon or (head[-1] in "se" and head[:-1] in lexicon) or i in syll):
            out.append(i)
    # of two boundaries closer than a part's length, keep the earlier: the longer tail is the
    # word ("ressourceforløbs|ydelse", not "…sy|delse" after "dels")
    kept: list[int] = []
    for b in out:
        if not kept or b - kept[-1] >= MIN_PART:
            kept.append(b)
    return kept


def breaks(word: str, lexicon: set[str]) -> list[int]:
    """Where the word may be broken at a line end."""
    if len(word) < MIN_WORD:
        return []
    bounds = boundaries(word, lexicon) if len(word) <= MAX_COMPOUND else []
    out = set(bounds)
    for p in _pyphen().positions(word.lower()):
        if all(p == b or abs(p - b) >= MIN_PART for b in bounds):
            out.add(p)
    return sorted(p for p in out if MIN_PART <= p <= len(word) - MIN_PART)


def hyphenate_html(html: str) -> str:
    """Soft hyphens in the text (not the markup) of a document; the lexicon is its own words."""
    parts = _TAG.split(html)
    lexicon = ordliste() | {w.lower() for i, t in enumerate(parts) if i % 2 == 0 for w in _WORD.findall(t)}
    cache: dict[str, str] = {}

    def word(m: re.Match) -> str:
        w = m.group(0)
        if w not in cache:
            pos = breaks(w, lexicon)
            cache[w] = "".join(w[a:b] + (SHY if b < len(w) else "") for a, b in zip([0] + pos, pos + [len(w)]))
        return cache[w]

    out = []
    skip = 0
    for i, t in enumerate(parts):
        if i % 2:  # a tag
            if _SKIP.match(t):
                skip += 1
            elif skip and _SKIP_END.match(t):
                skip -= 1
            out.append(t)
        else:
            out.append(t if skip else _LONG.sub(word, t))
    return "".join(out)
