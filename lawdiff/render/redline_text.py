"""The redline as plain text: [+inserted+] and [-deleted-], coloured on a terminal."""
from __future__ import annotations

from ..redline import CONTAINERS, INSERTED, REPEALED, Block, Redline, RUnit
from ..text import goes_on
from ..tokendiff import DELETE, INSERT

_ANSI = {INSERT: ("\x1b[1;32m", "\x1b[0m"), DELETE: ("\x1b[9;31m", "\x1b[0m")}
_MARK = {INSERT: ("[+", "+]"), DELETE: ("[-", "-]")}


def _mark(text: str, op: int, color: bool) -> str:
    if op not in _MARK or not text:
        return text
    a, b = _MARK[op]
    if color:
        c, r = _ANSI[op]
        return f"{c}{a}{text}{b}{r}"
    return f"{a}{text}{b}"


def block_text(block: Block, color: bool) -> str:
    return "".join(_mark(s.text, s.op, color) for s in block)


def _blocks_text(blocks: list[Block], color: bool, skip_empty: bool = True) -> str:
    """Blocks joined by a space, but none before one whose text begins with a comma, full stop, … (the rest
    of a punktum the LBK broke for a note: text.join_lines)."""
    out, prev = None, ""  # prev: the text of the block before, without marks
    for b in blocks:
        x = block_text(b, color)
        if skip_empty and not x:
            continue
        raw = "".join(seg.text for seg in b)
        out = x if out is None else out + x if b and goes_on(prev, raw) else out + " " + x
        prev = raw
    return out or ""


def _label(r: RUnit, color: bool) -> str:
    old, new = (r.old_label or "").strip(), (r.new_label or "").strip()
    if r.status == INSERTED:
        return _mark(new, INSERT, color)
    if r.status == REPEALED:
        return _mark(old, DELETE, color)
    if old == new:
        return new
    return _mark(old, DELETE, color) + _mark(new, INSERT, color)


def unit_lines(r: RUnit, color: bool, depth: int = 0) -> list[str]:
    pad = "  " * depth if r.kind in ("paragraph", "point", "indent") else ""
    out: list[str] = []
    label = _label(r, color)
    intro = _blocks_text(r.intro, color)
    if r.kind == "section":
        head = label
        if r.status == REPEALED:
            head += " (ophævet)"
        elif r.status == INSERTED:
            head += " (ny)"
        out.append(head)
        first = True
        for c in r.children:
            sub = unit_lines(c, color, depth)
            if first and sub and not (c.old_label or c.new_label):
                out[-1] = f"{out[-1]} {sub[0]}"
                sub = sub[1:]
            first = False
            out.extend(sub)
        return out
    out.append(pad + " ".join(x for x in (label, intro) if x))
    for c in r.children:
        out.extend(unit_lines(c, color, depth + 1))
    if r.wrapup:
        out.append(pad + _blocks_text(r.wrapup, color, skip_empty=False))
    return out


def heading_line(r: RUnit, color: bool) -> str:
    """A changed heading: "Kapitel 3 [-Gammel-][+Ny+]", "[+Ny mellemrubrik+]"."""
    label = _label(r, color) if r.kind != "group" else ""
    return " ".join(x for x in (label, block_text(r.heading or [], color)) if x)


def annex_lines(r: RUnit, color: bool) -> list[str]:
    """An annex of the redline (annexdiff.py): its label ("Bilag 2", "(ny)" or "(ophævet)" after it),
    its heading lines, then its text line by line (a table's rows as lines); of a changed annex only
    the changed lines and a line around each, the others counted ("[… 12 uændrede linjer …]")."""
    from ..annexdiff import excerpt, skipped

    head = _label(r, color) or "Bilag"
    head += {INSERTED: " (nyt)", REPEALED: " (ophævet)"}.get(r.status, "")
    out = [head]
    for part in ("intro", "wrapup"):
        for b in excerpt(r, part):
            out.extend([skipped(b)] if isinstance(b, int) else block_text(b, color).split("\n") if b else [])
    return out


def render(redline: Redline, title: str, color: bool = False) -> str:
    out = [title, ""]
    if redline.title is not None:
        out += ["Lovens titel: " + block_text(redline.title, color), ""]
    for s in redline.touched_units():
        if s.kind in CONTAINERS:
            out += [heading_line(s, color), ""]
            continue
        out.extend(unit_lines(s, color))
        out.append("")
    for a in redline.annexes:
        out.extend(annex_lines(a, color))
        out.append("")
    return "\n".join(out).rstrip() + "\n"
