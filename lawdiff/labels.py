"""Printed labels ("§ 68 a.", "Stk. 2.", "3)", "Kapitel 12 a") and their citation numbers."""
from __future__ import annotations

import re

from .text import norm

# "§ 68 a.", "§ 75 æ.", "64 d." and repealed ranges such as "§§ 67 a-67 f." or "§§ 15 og 16."
_SECTION = re.compile(r"^(?:§§?)?\s*(\d.*?)\s*\.?$")
_SUBSECTION = re.compile(r"^Stk\.\s*(\d.*?)\s*\.?$", re.I)
_ITEM = re.compile(r"^\(?([0-9]+\s?[a-z]?|[a-zæøå]{1,4})\s*[).]?$", re.I)
_CONTAINER = re.compile(r"^(?:Afsnit|Kapitel)\s+(.+?)\.?$", re.I)
# "5. kapitel", "6 a. kapitel": the ordinal form printed before the word (straffeloven); the
# chapter is kapitel 5 in every citation ("kapitel 5", "I 5. kapitel")
_ORDINAL_CHAPTER = re.compile(r"^([0-9]+(?: ?[a-zæøå])?)\.\s*kapitel$", re.I)


# litra letters in Danish alphabetical order (also the order of § letters: § 75 z < § 75 æ)
LETTERS = "abcdefghijklmnopqrstuvwxyzæøå"


def for_position(kind: str, i: int) -> tuple[str, str | None]:
    """Number and printed label of the i'th (1-based) stk., nr. or litra: stk. 1 has no label."""
    if kind == "subsection":
        return str(i), (None if i == 1 else f"Stk. {i}.")
    if kind == "paragraph":
        return str(i), f"{i})"
    return LETTERS[i - 1], f"{LETTERS[i - 1]})"


def spaced(num: str) -> str:
    """'68a' -> '68 a': the letter of a § number is written after a space."""
    return re.sub(r"(\d)([a-zA-Zæøå])", r"\1 \2", num)


# "§ 5. E": the full stop before the letter instead of after it (LBK 149/2015 selskabsskatteloven)
_MISPLACED_STOP = re.compile(r"^(\d+)\.\s*([A-Za-zæøå]{1,2})$")


def section_num(label: str | None) -> str | None:
    m = _SECTION.match(norm(label or ""))
    if not m:
        return None
    return spaced(_MISPLACED_STOP.sub(r"\1 \2", m.group(1)))


def subsection_num(label: str | None) -> str | None:
    m = _SUBSECTION.match(norm(label or ""))
    return m.group(1) if m else None


def item_num(label: str | None) -> str | None:
    """The number of a nr. ("3)") or litra ("b)")."""
    m = _ITEM.match(norm(label or ""))
    return m.group(1) if m else None


# "Første bog.", "Femte afsnit.", "Fjerde afsnit (Ophævet)": retsplejeloven's books and parts, numbered by an
# ordinal word (its parts anew in each book); a citation names them so: "første bog, femte afsnit"
ORDINAL_WORDS = ("første", "anden", "andet", "tredje", "fjerde", "femte", "sjette", "syvende", "ottende", "niende", "tiende",
                 "ellevte", "tolvte", "trettende", "fjortende", "femtende")
_ORDINAL_CONTAINER = re.compile(rf"^({'|'.join(ORDINAL_WORDS)})\s+(bog|afsnit)\.?(?:\s*\((?:Ophævet|Udeladt)\)\.?)?$", re.I)


def ordinal_container(label: str | None) -> tuple[str, str] | None:
    """("bog" or "afsnit", the ordinal word in lower case) of a label "Første bog.", "Femte afsnit.",
    "Fjerde afsnit (Ophævet)"; None for any other label."""
    m = _ORDINAL_CONTAINER.match(norm(label or ""))
    return (m.group(2).lower(), m.group(1).lower()) if m else None


def container_num(label: str | None) -> str | None:
    """The number of a chapter or part: "Kapitel 12 a" and "12 a. kapitel" -> "12 a"."""
    bare = norm(label or "")
    m = _CONTAINER.match(bare) or _ORDINAL_CHAPTER.match(bare)
    return m.group(1) if m else None
