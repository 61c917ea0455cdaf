"""Import a statute from text copied from a retsinformation.dk page.

Recognised lines (blank lines are ignored):

    Afsnit III a                 a part; the next line is its heading
    Kapitel 12 a                 a chapter; the next line is its heading
    § 68 a. Text …               a section and its first stk.
    Stk. 2. Text …               a further stk.
    1) Text …                    a nr. in the current stk. (or litra)
    a) Text …                    a litra in the current nr.
    | cell | cell |              a table row in the current unit's text (consecutive rows are
                                 one table; an empty cell is "| |"), as `tekst` of amendments
                                 writes a table of new text (docs/format.md)
    any other line               more text of the current unit (after its list: wrap-up);
                                 between a heading and a §, or right before a § and without
                                 closing punctuation (. : ; ,), it is a mellemrubrik
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..errors import MappingError
from ..model import Act, Cell, Line, Table, Unit, assign_eids, assign_wids
from ..text import norm
from ..validate import confusable, forbidden_in_file, index_line_col

_SOURCE = re.compile(r"^(LBK|LOV)\s+nr\.?\s*(\d+)\s+af\s+(\d{1,2})/(\d{1,2})/(\d{4})$", re.I)
_PART = re.compile(r"^Afsnit\s+([IVXLC]+(?:\s?[a-z])?)$")
_CHAPTER = re.compile(r"^Kapitel\s+(\d+(?:\s?[a-zæøå])?)$")
_SECTION = re.compile(r"^(§\s*(\d+(?:\s?[a-zæøå]{1,2})?)\.)\s*(.*)$")
_STK = re.compile(r"^(Stk\.\s*(\d+)\.)\s*(.*)$")
_NR = re.compile(r"^((\d+)\))\s*(.*)$")
_LITRA = re.compile(r"^(([a-zæøå])\))\s*(.*)$")
_ENDS_TEXT = re.compile(r"[.:;,]$|^\([^()]*\)$")  # law text, or a bare "(Ophævet)"


_ROW = re.compile(r"^\|.*\|$")


def table_row(line: str) -> list[str] | None:
    """The cells of a table row line "| a | | b |", or None for any other line."""
    n = norm(line)
    if not _ROW.match(n) or len(n) < 2:
        return None
    return [c.strip() for c in n[1:-1].split("|")]


def add_line(blocks: list, line: str) -> None:
    """Append a text line to a unit's blocks; a table row joins the table right before it."""
    cells = table_row(line)
    if cells is None:
        blocks.append(Line(line))
    elif blocks and isinstance(blocks[-1], Table):
        blocks[-1].rows.append([Cell(c) for c in cells])
    else:
        blocks.append(Table([[Cell(c) for c in cells]]))


def parse_source(source: str) -> tuple[str, str, str, str]:
    """'LBK nr. 1342 af 21/11/2016' -> ('lbk', '1342', '2016', '2016-11-21')."""
    m = _SOURCE.match(norm(source))
    if not m:
        raise MappingError(f"kilden {source!r} kan ikke læses",
                           hint='skriv den som "LBK nr. 1342 af 21/11/2016" eller "LOV nr. 1482 af 23/12/2014"')
    kind, number, d, mth, y = m.groups()
    return kind.lower(), number, y, f"{y}-{int(mth):02d}-{int(d):02d}"


def _heading_pair(n: str, nxt: str, rows: list, i: int) -> bool:
    """Two mellemrubrikker, one over the other, before a §: "De enkelte indgreb / Indskrænkning i den
    anbragtes adgang til internet og telefon / § 137 g. …" (lov 495/2013, § 1, nr. 14; LBK 1093/2013 holds
    the first as a heading over no §): neither line ends as text does, the line after them is a §, and the
    line before them ends a provision (a full stop, "(Ophævet)"): not the last line of a § that a colon
    introduces ("… efter følgende formel: / Tilskud = Udgift x Sats / Særlige regler / § 2."), nor a formula."""
    after = norm(rows[i + 2][1]) if i + 2 < len(rows) else ""
    before = norm(rows[i - 1][1]) if i > 0 else ""
    if not re.search(r"\.$|^\([^()]*\)$", before) or "=" in n:
        return False
    return bool(nxt) and bool(_SECTION.match(after)) and not _ENDS_TEXT.search(nxt) and table_row(nxt) is None \
        and not (_SECTION.match(nxt) or _STK.match(nxt) or _NR.match(nxt) or _CHAPTER.match(nxt) or _PART.match(nxt))


def read_text(text: str, path: str, law: str, source: str, title: str | None = None) -> Act:
    doc_type, number, year, date = parse_source(source)
    act = Act(law=law, title=title or law, doc_title=title or law, doc_type=doc_type, year=year,
              number=number, date=date, source=f"{doc_type.upper()} nr. {number} af {date[8:]}/{date[5:7]}/{year}")
    container: Unit | None = None  # current part or chapter
    part: Unit | None = None
    group: Unit | None = None
    sec: Unit | None = None
    stk: Unit | None = None
    item: Unit | None = None  # current nr.
    cur: Unit | None = None  # where plain lines go
    want_heading: Unit | None = None

    def place(u: Unit) -> None:
        (group or container).children.append(u) if (group or container) else act.body.append(u)

    rows = [(lineno, raw.strip()) for lineno, raw in enumerate(text.splitlines(), 1) if norm(raw)]
    for i, (lineno, line) in enumerate(rows):
        n = norm(line)
        nxt = norm(rows[i + 1][1]) if i + 1 < len(rows) else ""
        if want_heading is not None and not _SECTION.match(n):
            want_heading.heading = Line(line)
            want_heading = None
            continue
        want_heading = None  # a § right after the label: the chapter has no heading (lov 404/2010's "Kapitel 11 a")
        if m := _PART.match(n):
            part = Unit("part", num=m.group(1), label=line)
            act.body.append(part)
            container, group, sec, cur, want_heading = part, None, None, None, part
        elif m := _CHAPTER.match(n):
            chap = Unit("chapter", num=m.group(1), label=line)
            (part.children if part else act.body).append(chap)
            container, group, sec, cur, want_heading = chap, None, None, None, chap
        elif m := _SECTION.match(line) or _SECTION.match(n):
            num = re.sub(r"(\d)\s*([a-zæøå])", r"\1 \2", norm(m.group(2)))
            sec = Unit("section", num=num, label=m.group(1))
            place(sec)
            stk = Unit("subsection", num="1")
            sec.children.append(stk)
            item, cur = None, stk
            if m.group(3):
                stk.intro.append(Line(m.group(3)))
        elif sec is None:
            if container is None:
                raise MappingError(f"linjen står før lovens første paragraf: {n[:60]!r}", file=path, line=lineno,
                                   hint="kopiér fra den første »§ 1.« eller et »Kapitel«")
            group = Unit("group", heading=Line(line))
            container.children.append(group)
        elif m := _STK.match(line) or _STK.match(n):
            stk = Unit("subsection", num=m.group(2), label=m.group(1))
            sec.children.append(stk)
            item, cur = None, stk
            if m.group(3):
                stk.intro.append(Line(m.group(3)))
        elif m := _NR.match(n):
            item = Unit("paragraph", num=m.group(2), label=m.group(1), intro=[Line(m.group(3))])
            stk.children.append(item)
            cur = item
        elif (m := _LITRA.match(n)) and item is not None:
            lit = Unit("point", num=m.group(2), label=m.group(1), intro=[Line(m.group(3))])
            item.children.append(lit)
            cur = lit
        elif (_SECTION.match(nxt) or _heading_pair(n, nxt, rows, i)) and not _ENDS_TEXT.search(n) \
                and table_row(n) is None:
            # a line without closing punctuation right before a §: a mellemrubrik, not more
            # text of the previous § (law text ends with ".", ":", ";" or ",")
            group = Unit("group", heading=Line(line))
            (container.children if container else act.body).append(group)
            sec = stk = item = cur = None
        else:
            # After a list, a line is the stk.'s wrap-up text; otherwise more text of the unit.
            if cur is not stk and stk is not None and stk.children:
                add_line(stk.wrapup, line)
                cur = stk
            elif cur is stk and stk.children:
                add_line(stk.wrapup, line)
            else:
                add_line((cur or stk).intro, line)
    if not any(True for _ in act.sections()):
        raise MappingError("teksten indeholder ingen paragraffer (»§ 1. …«)", file=path, line=1,
                           hint="kopiér lovteksten fra retsinformation.dk med paragraffernes betegnelser")
    assign_eids(act)
    assign_wids(act)
    return act


def read_text_file(path: str | Path, law: str, source: str, title: str | None = None) -> Act:
    p = str(path)
    try:
        text = Path(p).read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise MappingError(f"filen er ikke UTF-8 (byte {e.start})", file=p, hint="gem teksten som UTF-8") from None
    except OSError as e:
        raise MappingError(f"kan ikke læse filen: {e.strerror}", file=p) from None
    text = _clean(text, p)
    return read_text(text, p, law, source, title)


def _clean(text: str, p: str) -> str:
    """The copied text in NFC; control characters, bidi overrides and letters that only look Latin
    are refused with their line and column."""
    text = unicodedata.normalize("NFC", text)
    bad = forbidden_in_file(text)
    if bad:
        at, prob = bad
        raise MappingError(prob.message, p, *index_line_col(text, at), hint=prob.hint)
    for n, line in enumerate(text.split("\n"), 1):
        prob = confusable(line)
        if prob:
            raise MappingError(prob.message.replace(f"tegn {prob.offset + 1} er", "tegnet", 1), p, n,
                               prob.offset + 1, hint=prob.hint)
    return text


_LABEL_OF = {"subsection": _STK, "paragraph": _NR, "point": _LITRA}


def leading_label(kind: str, text: str) -> tuple[str, str] | None:
    """(label, number) of the label of the unit's own kind that `text` begins with ("Stk. 3." →
    ("Stk. 3.", "3")), as read_unit reads and drops it; None without one (or for a §)."""
    rx = _LABEL_OF.get(kind)
    lines = [ln for ln in text.strip().splitlines() if norm(ln)]
    m = rx.match(norm(lines[0].strip())) if rx is not None and lines else None
    return (m.group(1), m.group(2)) if m else None


def read_unit(kind: str, text: str, where: str = "tekst") -> Unit:
    """Parse drafted text for one new or rewritten unit, in the official layout.

    kind is "section", "subsection", "paragraph" or "point". A leading label of
    the unit's own kind ("§ 68 d.", "Stk. 3.", "2)", "b)") is accepted and dropped:
    labels are recomputed by the engine. Lines "1) …" and "a) …" become list
    items; for a section, lines "Stk. N. …" start further subsections.
    """
    lines = [ln.strip() for ln in text.strip().splitlines() if norm(ln)]
    if not lines:
        raise MappingError(f"{where} er tom")
    if kind == "section":
        first = lines[0]
        m = _SECTION.match(norm(first))
        sec = Unit("section", num=m.group(2) if m else None)
        body = [m.group(3)] if m else [first]
        body += lines[1:]
        chunks: list[list[str]] = [[]]
        for ln in body:
            if _STK.match(norm(ln)) and chunks[-1]:
                chunks.append([])
            chunks[-1].append(ln)
        for chunk in chunks:
            stk = read_unit("subsection", "\n".join(chunk), where)
            sec.children.append(stk)
        return sec
    unit = Unit(kind)
    first = lines[0]
    m = _LABEL_OF[kind].match(norm(first))
    if m:
        lines[0] = m.group(3)
        if not lines[0]:
            lines = lines[1:]
    item: Unit | None = None
    child_rx = _NR if kind == "subsection" else _LITRA if kind == "paragraph" else None
    # the index of the last list item: a plain line before it continues the item above it (a nr.
    # of two Lineas, "1) priser, avancer el.lign. / for salget …, / 2) …"), never the wrap-up
    last_item = max((i for i, ln in enumerate(lines) if child_rx is not None and child_rx.match(norm(ln))),
                    default=-1)
    for i, ln in enumerate(lines):
        n = norm(ln)
        if child_rx is not None and unit.children and i < last_item and not child_rx.match(n) \
                and not (kind == "subsection" and _LITRA.match(n)):
            target = unit.children[-1].children[-1] if unit.children[-1].children else unit.children[-1]
            add_line(target.intro, ln)
            continue
        if child_rx is not None and (cm := child_rx.match(n)):
            item = Unit("paragraph" if kind == "subsection" else "point", num=cm.group(2), label=cm.group(1),
                        intro=[Line(cm.group(3))])
            unit.children.append(item)
        elif kind == "subsection" and item is not None and (lm := _LITRA.match(n)):
            item.children.append(Unit("point", num=lm.group(2), label=lm.group(1), intro=[Line(lm.group(3))]))
        elif unit.children:
            add_line(unit.wrapup, ln)
        else:
            add_line(unit.intro, ln)
    return unit
