"""Helpers shared by the kinds' execution (`execute` in words/repeal/rewrite/insert/heading) and the
engine's machinery: new text cut into units (`split_units`, `label_num`), predicates on the act tree,
citations and their "der bliver", and the small text rules of an edit (`_widen_deletion`)."""
from __future__ import annotations

import dataclasses
import re

from .. import address as addr
from .. import labels
from ..errors import AddressError
from ..model import Line, Unit, ancestry
from ..text import norm_map
from .log import Edit


def _norm_query(q: str) -> str:
    return norm_map(q)[0].strip()


# The label that starts a unit of each kind in new text ("§ 9 c.", "Stk. 6.", "4)", "b)").
_UNIT_LABEL = {
    "section": re.compile(r"^§\s*(\d+(?:\s?[a-zæøå]{1,2})?)\.(?=\s|$)"),
    "subsection": re.compile(r"^Stk\.\s*(\d+)\.(?=\s|$)"),
    "paragraph": re.compile(r"^(\d+\s?[a-z]?)\)(?=\s|$)"),
    "point": re.compile(r"^([a-zæøå]{1,2})\)(?=\s|$)"),
}


def split_units(kind: str, text: str) -> list[str]:
    """New text of one or more units of `kind`, one chunk per unit.

    A real new-text block often holds several units ("Stk. 6. … / Stk. 7. …", "4) … / 5) …",
    "§ 9 c. … / § 9 d. …"); each line that starts with the label of `kind` starts a unit. Lines
    before the first label belong to the first unit (its label is optional).
    """
    chunks: list[list[str]] = []
    for ln in str(text).strip().splitlines():
        n = norm_map(ln)[0].strip()
        if not n:
            continue
        if not chunks or _UNIT_LABEL[kind].match(n):
            chunks.append([])
        chunks[-1].append(ln)
    return ["\n".join(ch) for ch in chunks] or [str(text)]


def label_num(kind: str, chunk: str) -> str | None:
    """The number a chunk's own label gives ("Stk. 6. …" -> "6"), or None without a label."""
    m = _UNIT_LABEL[kind].match(norm_map(chunk.strip().splitlines()[0])[0].strip()) if chunk.strip() else None
    return addr.canonical_num(m.group(1)) if m else None


_KIND_OF = {"stk": "subsection", "nr": "paragraph", "litra": "point", "paragraf": "section"}


# Addresses beyond provisions (docs/format.md): headings, the act's title and footnote, annexes.
_HEADING_OF = re.compile(r"^\s*(?:overskriften|mellemrubrikken)\s+(?:til\s+)?(?P<rest>.+?)\s*,?\s*$", re.I)


_TITLE = re.compile(r"^\s*(?:lovens\s+titel|titlen)\s*,?\s*$", re.I)


_TITLE_NOTE = re.compile(r"^\s*fodnote(?:n|rne)\s+til\s+(?:lovens\s+)?titel(?:en)?\s*,?\s*$", re.I)


_BILAG = re.compile(r"^\s*bilag\b", re.I)


_CONTAINER_LINE = re.compile(r"^(?:Kapitel|KAPITEL|Afsnit|AFSNIT) [0-9IVXLC]+(?: ?[a-zæøå])?\.?$")


def _split_at_container(text: str) -> tuple[str, str]:
    """New §§ text up to its first "Kapitel N"/"Afsnit N" line, and the rest (or "")."""
    lines = str(text).strip().splitlines()
    for i, ln in enumerate(lines):
        if _CONTAINER_LINE.match(norm_map(ln)[0].strip()):
            return "\n".join(lines[:i]), "\n".join(lines[i:])
    return str(text), ""


def _trailing_heading(sec: Unit) -> Line | None:
    """Take off and return the last line of a new § when it is a mellemrubrik for the next one: a
    single line after the §'s text that has no label and no closing punctuation, in the last stk.
    (or the § itself) as a line of its own."""
    holder = sec.children[-1] if sec.children and sec.children[-1].kind == "subsection" else sec
    if holder.children:
        # after a list ("… 5) private og offentlige interesser, …påkrævet. / Meddelelse af aktindsigt
        # i en del af et dokument / § 15 c.", lov 638/2013, § 1, nr. 5): the line after the last nr.
        if not holder.wrapup:
            return None
    elif len(holder.intro) + len(holder.wrapup) < 2:
        return None
    lines = holder.wrapup if holder.wrapup else holder.intro
    last = lines[-1]
    t = norm_map(last.text)[0].strip()
    # a heading may end in an abbreviation ("Opgørelse og anvendelse af nettoprovenu m.v.", lov
    # 628/2011, § 1, nr. 8), never in any other closing punctuation
    if not t or len(t) > 120 or not t[0].isupper() or \
            re.search(r"[.:;,»«)\]]$", re.sub(r"\s(?:m\.v|m\.m|mv|mm|o\.l|el\.lign|osv)\.$", "", t)) or \
            re.match(r"(?:Stk\.|§|\d+\)|[a-zæøå]\))", t):
        return None
    lines.pop()
    return last


def _body(u: Unit) -> list:
    """A unit's text without its label, white space normalised, with its sub-units': two units are
    the same text when these are equal."""
    return [" ".join(" ".join(u.own_lines()).split())] + [_body(x) for x in u.children]


def citations(text) -> list[tuple[str, str | None]]:
    """The addresses a citation covers, each with its "der bliver" (None when not given).

    `i` may be a list (docs/format.md); a string such as "§ 22, stk. 4 og 5" is expanded with
    `address.parse_citation` where that exists (the reader's citation grammar); otherwise it is one
    address, and one that cannot be read is refused by `resolve`.
    """
    if isinstance(text, list):
        return [(str(t), None) for t in text]
    parse = getattr(addr, "parse_citation", None)
    if parse is None:
        return [(str(text), None)]
    try:
        cited = parse(str(text))
    except AddressError:
        return [(str(text), None)]
    if not cited:
        return [(str(text), None)]
    return [(str(x), getattr(x, "der_bliver", None)) for x in cited]


def _as_list(v) -> list:
    return [] if v is None else list(v) if isinstance(v, list) else [v]


def _is_repealed_container(u: Unit) -> bool:
    """"Kapitel 21. (Ophævet)" whose §§ are all "(Ophævet)" placeholders (or that holds none)."""
    head = norm_map(u.heading.text)[0].strip() if u.heading else ""
    return re.fullmatch(r"\(?\s*(?:Ophævet|Udgået)\s*\.?\s*\)?\.?", head, re.I) is not None and all(
        _is_placeholder(s) for s in u.walk() if s.kind == "section")


def _is_placeholder(u: Unit) -> bool:
    """"§ 9 c. (Ophævet)": a § kept only to show that its number was repealed."""
    text = " ".join(ln for x in u.walk() for ln in x.own_lines()).strip()
    return re.fullmatch(r"\(?\s*(?:Ophævet|Udgået|Ophævede?)\s*\.?\s*\)?\.?", text, re.I) is not None


def _with(c, **data):
    """The same change (same attribution) with some data replaced: one of several addresses."""
    return dataclasses.replace(c, data={**c.data, **data})


def _rank(kind: str) -> int:
    return {"section": 0, "group": 1, "chapter": 2, "part": 3, "book": 4}.get(kind, 0)


def addr_kind(kind: str) -> str:
    return {"section": "paragraf", "subsection": "stk.", "paragraph": "nr."}[kind]


def cite_path(u: Unit, parents: dict[str, Unit | None]) -> str:
    """'§ 68 a, stk. 9' for a unit, from its ancestors."""
    return addr.citation(ancestry(u, parents))


_PUNCT_START = re.compile(r"^[,.;:)]")


_RYK_LIST = r"[0-9]+(?:\s?[a-zæøå](?![a-zæøå]))?|[a-zæøå](?![a-zæøå])"


def _expand(seq: str, kind: str) -> list[str]:
    """"5-7" -> ["5", "6", "7"]; "3, 5 og 6" -> ["3", "5", "6"]; "c og d" -> ["c", "d"]."""
    out: list[str] = []
    for part in re.split(r"\s*(?:,|\bog\b)\s*", seq.strip()):
        m = re.fullmatch(r"(\w+)\s*[-–]\s*(\w+)", part)
        if m and m.group(1).isdigit() and m.group(2).isdigit():
            out += [str(i) for i in range(int(m.group(1)), int(m.group(2)) + 1)]
        elif m and m.group(1) in labels.LETTERS and m.group(2) in labels.LETTERS:
            a, b = labels.LETTERS.index(m.group(1)), labels.LETTERS.index(m.group(2))
            out += list(labels.LETTERS[a:b + 1])
        elif part:
            out.append(part.replace(" ", ""))
    return out


def _numbers_in(text: str) -> dict[str, set[str]]:
    """The numbers a "der bliver" names, by kind: "stk. 8 og 9" -> {"stk": {"8", "9"}};
    "stk. 7, 3.-6. pkt." -> {"stk": {"7"}, "pkt": {"3", "4", "5", "6"}}; "stk. 8, 3 og 4. pkt."."""
    t = norm_map(text)[0]
    out: dict[str, set[str]] = {}
    pkt = re.compile(r"(\d+)\.?\s*(?:(-|–|og)\s*(\d+)\.)?\s*pkt\.?")
    for m in pkt.finditer(t):
        a, b = int(m.group(1)), int(m.group(3) or m.group(1))
        out.setdefault("pkt", set()).update(str(i) for i in ((a, b) if m.group(2) == "og" else range(a, b + 1)))
    t = pkt.sub(" ", t)
    seq = rf"(?:{_RYK_LIST})(?:\s*(?:-|–|og)\s*(?:{_RYK_LIST})|\s*,\s*(?:{_RYK_LIST})(?![.\d]))*"
    for m in re.finditer(r"\b(stk|nr|litra)\.?\s+(" + seq + ")", t, re.I):
        out.setdefault(m.group(1).lower(), set()).update(_expand(m.group(2), m.group(1)))
    return out


def _der_groups(cites: list[tuple[str, str | None]]) -> list[tuple[list[str], str]]:
    """The addresses each "der bliver" of a citation speaks of: its own, and when it names more
    numbers than one ("§ 5, stk. 2 og 3, der bliver stk. 3 og 4", lov 478/2012 § 2, nr. 4) as many
    of the addresses before it that have none of their own."""
    out = []
    for i, (where, said) in enumerate(cites):
        if not said:
            continue
        n = max((len(v) for v in _numbers_in(str(said)).values()), default=1)
        group = [where]
        j = i - 1
        while len(group) < n and j >= 0 and not cites[j][1]:
            group.insert(0, cites[j][0])
            j -= 1
        out.append((group, said))
    return out


def _widen_deletion(text: str, s: int, e: int) -> tuple[int, int]:
    """Take one adjacent space with deleted words, so no double space or " ." is left; and a comma
    left before the full stop, semicolon or colon that ended the deleted words ("jf. § 107, eller
    § 144." without »eller § 144« is "jf. § 107.", lov 629/2010 § 1, nr. 6, LBK 81/2011)."""
    if e < len(text) and text[e] == " " and (s == 0 or text[s - 1] == " "):
        return s, e + 1
    if s > 0 and text[s - 1] == " " and (e == len(text) or text[e] in " .,;:)"):
        s -= 1
        if s > 0 and text[s - 1] == "," and e < len(text) and text[e] in ".;:":
            s -= 1
        return s, e
    return s, e


def _apply_edits(text: str, edits: list[Edit]) -> str:
    """Right to left, so that the spans of the base text stay valid."""
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[:e.start] + e.new + text[e.end:]
    return text
