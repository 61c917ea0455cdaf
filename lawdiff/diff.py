"""Compare two versions of an act, aligned by provision, into the redline model.

Alignment, level by level:
- §§, chapters and parts are matched by number (paragraffer never renumber), and
  mellemrubrik groups by their heading;
- stk., nr. and litra are matched by their text, so an inserted stk. is one
  insertion and its followers are "stk. 3 → stk. 4" with their text unchanged; a
  changed stk. is paired with the old one it most resembles.
Inside each aligned unit the text is diffed on word tokens (tokendiff). A § that
is gone from one place and appears in another is reported as moved.
"""
from __future__ import annotations

import difflib

from .address import canonical_num
from .model import Act, Unit
from .redline import INSERTED, REPEALED, Redline, RUnit, build, build_unit
from .render.text import blocks_text
from .text import norm

_KEYED = ("book", "part", "chapter", "section", "ikraft")
SIMILAR = 0.5  # two changed provisions below this similarity are a deletion and an insertion


_TEXTS: dict[int, tuple[Unit, str]] = {}  # id(unit) -> (unit, text), only during one compare()


def _own_text(u: Unit) -> str:
    """The unit's whole text without labels, normalised (memoised for the running compare)."""
    hit = _TEXTS.get(id(u))
    if hit is not None and hit[0] is u:
        return hit[1]
    t = norm(" ".join([blocks_text(u.intro)] + [_own_text(c) for c in u.children] + [blocks_text(u.wrapup)]))
    _TEXTS[id(u)] = (u, t)
    return t


def _signature(u: Unit) -> tuple:
    if u.kind in _KEYED:
        return ("id", u.kind, canonical_num(u.num).lower() if u.num else (u.label or ""))
    if u.kind == "group":
        return ("id", "group", norm(u.heading.text) if u.heading else "")
    return ("text", u.kind, _own_text(u))


def _similar(a: Unit, b: Unit) -> float:
    sa, sb = _own_text(a).split(), _own_text(b).split()
    m = difflib.SequenceMatcher(None, sa, sb, autojunk=False)
    return m.ratio() if m.real_quick_ratio() >= SIMILAR and m.quick_ratio() >= SIMILAR else 0.0


def _pair_block(old: list[Unit], new: list[Unit]) -> list[tuple[Unit | None, Unit | None]]:
    """Pair the units of a replaced run in order, where kind matches and the text is similar enough."""
    out: list[tuple[Unit | None, Unit | None]] = []
    i = 0
    for n in new:
        best, best_j = 0.0, None
        for j in range(i, len(old)):
            if old[j].kind != n.kind or _signature(old[j])[0] == "id":
                continue
            r = _similar(old[j], n)
            if r > best:
                best, best_j = r, j
        if best_j is not None and best >= SIMILAR:
            out.extend((o, None) for o in old[i:best_j])
            out.append((old[best_j], n))
            i = best_j + 1
        else:
            out.append((None, n))
    out.extend((o, None) for o in old[i:])
    return out


def align_by_provision(old: list[Unit], new: list[Unit]) -> list[tuple[Unit | None, Unit | None]]:
    a = [_signature(u) for u in old]
    b = [_signature(u) for u in new]
    if a == b:  # the common case: nothing inserted, removed or reworded at this level
        return list(zip(old, new))
    out: list[tuple[Unit | None, Unit | None]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend(zip(old[i1:i2], new[j1:j2]))
        elif tag == "delete":
            out.extend((o, None) for o in old[i1:i2])
        elif tag == "insert":
            out.extend((None, n) for n in new[j1:j2])
        else:
            out.extend(_pair_block(old[i1:i2], new[j1:j2]))
    return out


def _moves(red: Redline, old: Act, new: Act) -> None:
    """A § repealed in one place and inserted in another with the same number has moved."""
    gone: dict[str, tuple[list[RUnit], RUnit]] = {}
    came: dict[str, tuple[list[RUnit], RUnit]] = {}

    def visit(siblings: list[RUnit], chain: list[RUnit]) -> None:
        for r in siblings:
            if r.kind == "section" and r.status == REPEALED and r.old_num:
                gone[canonical_num(r.old_num)] = (siblings, r, chain[-1] if chain else None)
            elif r.kind == "section" and r.status == INSERTED and r.new_num:
                came[canonical_num(r.new_num)] = (siblings, r, chain[-1] if chain else None)
            visit(r.children, chain + [r])

    visit(red.units, [])
    old_secs = {canonical_num(s.num): s for s in old.sections() if s.num}
    new_secs = {canonical_num(s.num): s for s in new.sections() if s.num}
    for num in set(gone) & set(came):
        gsibs, g, gparent = gone[num]
        csibs, c, _ = came[num]
        moved = build_unit(old_secs[num], new_secs[num], None, align_by_provision)
        moved.moved_from = _place(gparent)
        gsibs.remove(g)
        csibs[csibs.index(c)] = moved


def _place(parent: RUnit | None) -> str:
    if parent is None:
        return "lovens øverste niveau"
    if parent.kind == "group" and parent.heading is not None:
        from .redline import side_text

        return f"mellemrubrikken »{side_text(parent.heading, 'old')}«"
    return parent.cite("old")


def _markup_only(red: Redline, old: Act, new: Act) -> None:
    """A § whose text is identical in both versions is unchanged, even if the source marked it
    up differently (e.g. a list written inline in one LBK and as items in the next)."""
    from .render.text import plain_text

    old_secs = {canonical_num(s.num): s for s in old.sections() if s.num}
    new_secs = {canonical_num(s.num): s for s in new.sections() if s.num}

    def visit(siblings: list[RUnit]) -> None:
        for i, r in enumerate(siblings):
            if r.kind == "section" and r.old_num and r.new_num and not r.moved_from and r.has_changes:
                o, n = old_secs.get(canonical_num(r.old_num)), new_secs.get(canonical_num(r.new_num))
                if o is not None and n is not None and norm(plain_text(o)) == norm(plain_text(n)):
                    siblings[i] = build_unit(n, n, None, align_by_provision)
            else:
                visit(r.children)

    visit(red.units)


def compare(old: Act, new: Act) -> Redline:
    try:
        red = build(old, new, None, align_by_provision)
        _moves(red, old, new)
        _markup_only(red, old, new)
        return red
    finally:
        _TEXTS.clear()  # never keep texts beyond one comparison: units may be copied and edited later
