"""Plain-text rendering in the official layout ("§ 68 a. …", "Stk. 2. …", "1) …")."""
from __future__ import annotations

from ..model import Act, Annex, Table, Unit
from ..text import blocks_text, join_lines, plain_text  # noqa: F401  (plain_text: re-exported)


def _notes(unit: Unit) -> list[str]:
    return [f"[Fodnote {n.marker}: {' '.join(n.lines)}]" for n in unit.notes()]


def _label(unit: Unit) -> str:
    if unit.label and unit.label.strip():
        return unit.label.strip()
    if unit.kind == "section" and unit.num:
        return f"§ {unit.num}."
    return ""


def unit_lines(unit: Unit, depth: int = 0) -> list[str]:
    """The unit as lines of text: one line per stk., nr., litra and table row."""
    out: list[str] = []
    if unit.kind in ("book", "part", "chapter", "group"):
        head = " ".join(x for x in (_label(unit), unit.heading.text if unit.heading else "") if x)
        if head:
            out.append(head)
        for c in unit.children:
            out.extend(unit_lines(c, depth))
        return out
    pad = "  " * depth if unit.kind in ("paragraph", "point", "indent") else ""
    out.extend(_block_lines(unit.intro, pad, _label(unit)))
    for i, c in enumerate(unit.children):
        sub = unit_lines(c, depth + (1 if c.kind in ("paragraph", "point", "indent") else 0))
        if unit.kind == "section" and i == 0 and out and sub:
            out[-1] = out[-1] + " " + sub[0]  # "§ 1. Formålet …": the first stk. shares the line
            sub = sub[1:]
        out.extend(sub)
    out.extend(_block_lines(unit.wrapup, pad, ""))
    return out


def _block_lines(blocks: list, pad: str, lead: str) -> list[str]:
    """Blocks in source order: consecutive text lines as one line (the first after `lead`),
    a table as one line per row (straffeloven § 55: text, the table, more text)."""
    out: list[str] = []
    run = [lead] if lead else []
    for b in blocks:
        if isinstance(b, Table):
            if run:
                out.append(pad + join_lines(run))
                run = []
            out.extend(pad + " | ".join(c.text for c in row) for row in b.rows)
        elif b.text:
            run.append(b.text)
    if run:
        out.append(pad + join_lines(run))  # no space before a line that begins with a comma (text.join_lines)
    return out


def render_unit(unit: Unit, notes: bool = True) -> str:
    lines = unit_lines(unit)
    if notes:
        lines += _notes(unit)
    return "\n".join(lines)


def render_act(act: Act) -> str:
    head = [act.doc_title, f"({act.source})", ""]
    body: list[str] = []
    for u in act.body:
        body.extend(unit_lines(u))
        body.append("")
    for a in act.annexes:
        body.extend(annex_lines(a))
        body.append("")
    return "\n".join(head + body).rstrip() + "\n"


def annex_lines(annex: Annex) -> list[str]:
    """An annex after the law text: its label ("Bilag 1"), its heading lines, then each line of its
    text on a line of its own and a table as one line per row, with its footnotes at the end."""
    out = [annex.label or "Bilag"]
    out.extend(h.text for h in annex.headings if h.text)
    for b in annex.body:
        if isinstance(b, Table):
            out.extend(" | ".join(c.text for c in row) for row in b.rows)
        elif b.text:
            out.append(b.text)
    out.extend(f"[Fodnote {n.marker}: {' '.join(n.lines)}]"
               for b in annex.headings + annex.body if not isinstance(b, Table) for n in b.notes)
    return out


