"""The redline model: one tree that holds both the old and the new text of an act.

Every unit has a status (unchanged, changed, inserted, repealed), its old and new
number (renumbered when they differ), and its text as segments: equal, inserted
or deleted words, each knowing the change that made it ("2.1" = forslag 2,
ændring 1) where that is known. The engine and `diff` both produce this model,
and every renderer (text, JSON, HTML, PDF) reads only this model.

Invariants (tested): joining the old side of all segments gives the base act's
text, and the new side gives the consolidated act's text.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterator

from .text import join_lines, norm
from .tokendiff import DELETE, EQUAL, INSERT, diff_words

if TYPE_CHECKING:  # annotations only: `lawdiff diff` builds redlines without importing the model
    from .model import Act, Unit

UNCHANGED, CHANGED, INSERTED, REPEALED = "unchanged", "changed", "inserted", "repealed"


# Segment, RUnit and Redline are written out as the @dataclass classes they were (same __init__,
# __repr__ and __eq__; tests/test_redline_classes.py holds them to dataclasses built from the same
# fields): creating the dataclasses was ~2 ms, and importing dataclasses (with inspect) ~5 ms, of
# `lawdiff diff`'s start (issue 9 §6). `replace` copies a RUnit as dataclasses.replace did.

class Segment:
    __hash__ = None  # as a dataclass with eq=True

    def __init__(self, op: int, text: str, change: str | None = None) -> None:
        self.op = op  # EQUAL, INSERT or DELETE
        self.text = text
        self.change = change  # "item.change", e.g. "2.1"

    def __repr__(self) -> str:
        return f"Segment(op={self.op!r}, text={self.text!r}, change={self.change!r})"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.op, self.text, self.change) == (other.op, other.text, other.change)
        return NotImplemented

    def to_dict(self) -> dict:
        d = {"op": {EQUAL: "equal", INSERT: "insert", DELETE: "delete"}[self.op], "text": self.text}
        if self.change:
            d["change"] = self.change
        return d


Block = list[Segment]


_RUNIT_FIELDS = ("wid", "kind", "status", "old_num", "new_num", "old_label", "new_label", "eid", "heading", "intro",
                 "children", "wrapup", "changes", "moved_from")


class RUnit:
    # as @dataclass(eq=False): equality is identity, and units hash by identity

    def __init__(self, wid: str, kind: str, status: str, old_num: str | None, new_num: str | None,
                 old_label: str | None, new_label: str | None, eid: str, heading: Block | None = None,
                 intro: list[Block] | None = None, children: list[RUnit] | None = None,
                 wrapup: list[Block] | None = None, changes: list[str] | None = None,
                 moved_from: str | None = None) -> None:
        self.wid = wid
        self.kind = kind
        self.status = status
        self.old_num = old_num
        self.new_num = new_num
        self.old_label = old_label
        self.new_label = new_label
        self.eid = eid
        self.heading = heading
        self.intro = [] if intro is None else intro
        self.children = [] if children is None else children
        self.wrapup = [] if wrapup is None else wrapup
        self.changes = [] if changes is None else changes
        self.moved_from = moved_from  # a § found elsewhere in the old version (its old place)

    def __repr__(self) -> str:
        return "RUnit(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in _RUNIT_FIELDS) + ")"

    @property
    def renumbered(self) -> bool:
        # equal labels are equal normalised: norm only for labels that differ (has_changes asks this of
        # every unit of a changed § each time the redline is walked)
        return self.status not in (INSERTED, REPEALED) and (self.old_num != self.new_num or (
            self.old_label != self.new_label and norm(self.old_label or "") != norm(self.new_label or "")))

    @property
    def own_changed(self) -> bool:
        # = any(s.op != EQUAL …) over intro, wrap-up and heading, without joining the lists
        for blocks in (self.intro, self.wrapup):
            for b in blocks:
                for s in b:
                    if s.op != EQUAL:
                        return True
        return self.heading is not None and any(s.op != EQUAL for s in self.heading)

    @property
    def has_changes(self) -> bool:
        return (self.status != UNCHANGED or self.renumbered or self.own_changed
                or any(c.has_changes for c in self.children))

    def walk(self) -> Iterator["RUnit"]:
        yield self
        for c in self.children:
            yield from c.walk()

    def cite(self, side: str = "new") -> str:
        num = self.new_num if side == "new" else self.old_num
        names = {"section": "§", "subsection": "stk.", "paragraph": "nr.", "point": "litra",
                 "chapter": "kapitel", "part": "afsnit"}
        return f"{names.get(self.kind, self.kind)} {num}" if num else names.get(self.kind, self.kind)

    def heading_dict(self) -> dict:
        """A container's own part of `to_dict` (no children): for the list of heading changes."""
        d = self.to_dict()
        d.pop("children", None)
        return d

    def to_dict(self) -> dict:
        d = {"wid": self.wid, "eId": self.eid, "kind": self.kind, "status": self.status,
             "old": {"num": self.old_num, "label": self.old_label},
             "new": {"num": self.new_num, "label": self.new_label}}
        if self.renumbered:
            d["renumbered"] = True
        if self.moved_from:
            d["moved_from"] = self.moved_from
        if self.changes:
            d["changes"] = self.changes
        if self.heading is not None:
            d["heading"] = [s.to_dict() for s in self.heading]
        if self.intro:
            d["intro"] = [[s.to_dict() for s in b] for b in self.intro]
        if self.children:
            d["children"] = [c.to_dict() for c in self.children]
        if self.wrapup:
            d["wrapup"] = [[s.to_dict() for s in b] for b in self.wrapup]
        return d


def replace(u: RUnit, **changes) -> RUnit:
    """A copy of `u` with `changes` (as dataclasses.replace: a new unit with the same field values)."""
    return RUnit(**{**{f: getattr(u, f) for f in _RUNIT_FIELDS}, **changes})


CONTAINERS = ("book", "part", "chapter", "group")


def heading_changed(r: RUnit) -> bool:
    """A container whose heading is new, gone or changed (shown by `apply`, unlike its §§' text); a new or
    repealed chapter, part or book without a heading by its label line ("Kapitel 11 a" in the new sjette afsnit,
    lov 404/2010 § 1, nr. 2: the redline showed the part and its §§ without the chapter)."""
    if r.kind not in CONTAINERS:
        return False
    if r.heading is None:
        return r.kind != "group" and r.status in (INSERTED, REPEALED) and bool((r.new_label or r.old_label or "").strip())
    return r.status in (INSERTED, REPEALED) or any(s.op != EQUAL for s in r.heading)


class Redline:
    __hash__ = None  # as a dataclass with eq=True

    annexes_unread = False  # annexdiff.add: the annexes differ, but an outline's could not be read

    def __init__(self, law: str, base: str, units: list[RUnit], title: Block | None = None,
                 annexes: list[RUnit] | None = None) -> None:
        self.law = law
        self.base = base  # act key of the old side
        self.units = units
        self.title = title  # the act's title, when it changed
        self.annexes = [] if annexes is None else annexes  # the annexes that differ (annexdiff.py)

    def __repr__(self) -> str:
        return (f"Redline(law={self.law!r}, base={self.base!r}, units={self.units!r}, title={self.title!r}, "
                f"annexes={self.annexes!r})")

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return (self.law, self.base, self.units, self.title, self.annexes) == \
                (other.law, other.base, other.units, other.title, other.annexes)
        return NotImplemented

    def touched_units(self) -> list[RUnit]:
        """In document order: every changed § and every container whose heading changed."""
        return [u for u in self._may_change() if (u.kind == "section" and u.has_changes) or heading_changed(u)]

    def _may_change(self) -> list[RUnit]:
        """walk()'s units, in its order, but none below a unit whose class has has_changes False (diff's
        unchanged units, diff._Stub and diff._Same): below a unit without changes no unit has changes (has_changes
        looks at every unit below), and a changed heading is a change (heading_changed implies
        has_changes), so no unit left out is touched. Walking every unchanged stk. of every changed §
        was most of touched_units' and touched_sections' time (issue 9 §6)."""
        out: list[RUnit] = []
        stack = self.units[::-1]
        while stack:
            u = stack.pop()
            out.append(u)
            if u.children and type(u).has_changes is not False:
                stack += u.children[::-1]
        return out

    def walk(self) -> Iterator[RUnit]:
        for u in self.units:
            yield from u.walk()

    def sections(self) -> Iterator[RUnit]:
        for u in self.walk():
            if u.kind == "section":
                yield u

    def touched_sections(self) -> list[RUnit]:
        return [s for s in self._may_change() if s.kind == "section" and s.has_changes]

    def to_dict(self) -> dict:
        d = {"law": self.law, "base": self.base, "units": [u.to_dict() for u in self.units]}
        if self.title is not None:
            d["title"] = [s.to_dict() for s in self.title]
        if self.annexes:
            d["annexes"] = [a.to_dict() for a in self.annexes]
        return d


# --- building -----------------------------------------------------------------

# Attribution: who made a segment. Given (wid, part, block index, op, old offset,
# length), return a change id or None.
Attribute = Callable[[str, str, int, int, int, int], str | None]


def _text(b) -> str:
    return b.text


def _whole(blocks: list, op: int, who: str | None) -> list[Block]:
    return [[Segment(op, _text(b), who)] if _text(b) else [] for b in blocks]


def _diff_blocks(old: list, new: list, wid: str, part: str, attribute: Attribute | None) -> list[Block]:
    if len(old) == len(new):
        out = []
        for i, (a, b) in enumerate(zip(old, new)):
            out.append(_segments(_text(a), _text(b), wid, part, i, attribute))
        return out
    a = join_lines(_text(b) for b in old)  # no space before a line that begins with a comma (text.join_lines)
    b = join_lines(_text(b) for b in new)
    return [_segments(a, b, wid, part, -1, attribute)]


def _segments(a: str, b: str, wid: str, part: str, i: int, attribute: Attribute | None) -> Block:
    out: Block = []
    pos = 0
    for op, text in diff_words(a, b):
        who = attribute(wid, part, i, op, pos, len(text)) if (attribute and op != EQUAL) else None
        out.append(Segment(op, text, who))
        if op != INSERT:
            pos += len(text)
    return out


def _runit(old: Unit | None, new: Unit | None, status: str, who: str | None = None) -> RUnit:
    u = new or old
    # positional: wid, kind, status, old_num, new_num, old_label, new_label, eid (heading, intro,
    # children, wrapup: empty), changes
    if old is None:
        return RUnit(u.wid, u.kind, status, None, new.num, None, new.label, u.eid, None, None, None, None,
                     [who] if who else None)
    if new is None:
        return RUnit(u.wid, u.kind, status, old.num, None, old.label, None, u.eid, None, None, None, None,
                     [who] if who else None)
    return RUnit(u.wid, u.kind, status, old.num, new.num, old.label, new.label, u.eid, None, None, None, None,
                 [who] if who else None)


def _one_side(unit: Unit, op: int, status: str, who: str | None) -> RUnit:
    r = _runit(unit if op == DELETE else None, unit if op == INSERT else None, status, who)
    if unit.heading is not None:
        r.heading = [Segment(op, unit.heading.text, who)]
    r.intro = _whole(unit.intro, op, who)
    r.wrapup = _whole(unit.wrapup, op, who)
    r.children = [_one_side(c, op, status, who) for c in unit.children]
    return r


def _key(u: Unit) -> tuple:
    return (u.kind, u.num or u.label or "")


def align(old: list[Unit], new: list[Unit], by_wid: bool = True) -> list[tuple[Unit | None, Unit | None]]:
    """Pair old and new siblings (by stable id, else by kind and number), keeping document order."""
    def ident(u: Unit) -> tuple:
        return ("wid", u.wid) if by_wid else ("key",) + _key(u)

    old_ids = {ident(u): u for u in old}
    new_ids = {ident(u) for u in new}
    pairs: list[tuple[Unit | None, Unit | None]] = []
    oi = 0
    for n in new:
        m = old_ids.get(ident(n))
        if m is not None:
            # old units before the match that do not survive are repealed here
            while oi < len(old) and old[oi] is not m:
                if ident(old[oi]) not in new_ids:
                    pairs.append((old[oi], None))
                oi += 1
            pairs.append((m, n))
            oi += 1
        else:
            pairs.append((None, n))
    for o in old[oi:]:
        if ident(o) not in new_ids:
            pairs.append((o, None))
    return pairs


Aligner = Callable[[list, list], list]  # (old units, new units) -> pairs (Unit | None, Unit | None)


def by_wid(old: list[Unit], new: list[Unit]) -> list[tuple[Unit | None, Unit | None]]:
    return align(old, new, by_wid=True)


def _with_moves(pairs: list, moves) -> list:
    """Units that a change moved into another container (a § under a new mellemrubrik) are paired
    with their old selves where they now stand, and not shown as repealed where they stood."""
    if not moves:
        return pairs
    old_by_wid, new_wids = moves
    out = []
    for o, n in pairs:
        if n is None and o.wid in new_wids:
            continue
        if o is None and n.wid in old_by_wid:
            o = old_by_wid[n.wid]
        out.append((o, n))
    return out


def build_unit(old: Unit | None, new: Unit | None, info: "Attribution | None",
               aligner: Aligner = by_wid, moves=None) -> RUnit:
    if old is None and moves and any(u.wid in moves[0] for u in new.walk()):
        # a new container holding units of the old version (a new mellemrubrik over existing §§)
        who = info.inserted(new.wid) if info else None
        r = _runit(None, new, INSERTED, who)
        if new.heading is not None:
            r.heading = [Segment(INSERT, new.heading.text, who)]
        r.intro, r.wrapup = _whole(new.intro, INSERT, who), _whole(new.wrapup, INSERT, who)
        r.children = [build_unit(o, n, info, aligner, moves)
                      for o, n in _with_moves([(None, c) for c in new.children], moves)]
        return r
    if old is None:
        return _one_side(new, INSERT, INSERTED, info.inserted(new.wid) if info else None)
    if new is None:
        removed_by = info.removed(old.wid) if info else None
        if removed_by or not info or not moves:
            return _one_side(old, DELETE, REPEALED, removed_by)
        # a container the engine took out of the tree without repealing it (a group whose heading the act
        # repealed, emptied by a new mellemrubrik: engine _Applier.group; the last group of §§ replaced
        # across mellemrubrikker: changes.repeal._replace_across_groups): its heading goes by the change that
        # repealed it, each unit in it by its own change, and the units that live on elsewhere are shown
        # where they now stand only (they were shown repealed here too)
        r = _one_side(old, DELETE, REPEALED, info.heading_removed(old.wid) or next(iter(info.touched(old.wid)), None))
        r.children = [build_unit(c, None, info, aligner, moves) for c in old.children if c.wid not in moves[1]]
        return r
    attribute = info.attribute if info else None
    r = _runit(old, new, UNCHANGED)
    if old.heading is not None or new.heading is not None:
        oh = old.heading.text if old.heading else ""
        nh = new.heading.text if new.heading else ""
        r.heading = _segments(oh, nh, new.wid, "heading", 0, attribute)
    r.intro = _diff_blocks(old.intro, new.intro, new.wid, "intro", attribute)
    r.wrapup = _diff_blocks(old.wrapup, new.wrapup, new.wid, "wrapup", attribute)
    r.children = [build_unit(o, n, info, aligner, moves)
                  for o, n in _with_moves(aligner(old.children, new.children), moves)]
    if r.own_changed:
        r.status = CHANGED
    if info:
        r.changes = info.touched(new.wid)
        if r.renumbered and not r.changes:
            moved = info.moved(new.wid)
            r.changes = [moved] if moved else []
    return r


class Attribution:
    """Who changed what, from the engine's log."""

    def __init__(self, law_result) -> None:
        self.lr = law_result

    @staticmethod
    def _id(c) -> str:
        from .engine import change_id

        return change_id(c)

    def inserted(self, wid: str) -> str | None:
        c = self.lr.inserted.get(wid)
        return self._id(c) if c else None

    def removed(self, wid: str) -> str | None:
        c = self.lr.removed.get(wid)
        return self._id(c) if c else None

    def moved(self, wid: str) -> str | None:
        c = self.lr.moved_by.get(wid)
        return self._id(c) if c else None

    def heading_removed(self, wid: str) -> str | None:
        c = getattr(self.lr, "removed_headings", {}).get(wid)
        return self._id(c) if c else None

    def touched(self, wid: str) -> list[str]:
        return [self._id(c) for c in self.lr.touched.get(wid, [])]

    def attribute(self, wid: str, part: str, i: int, op: int, pos: int, length: int) -> str | None:
        edits = self.lr.edits.get((wid, part, i), []) if i >= 0 else []
        for e in edits:
            if op == DELETE and pos < e.end and e.start < pos + length:
                return self._id(e.change)
            if op == INSERT and e.start <= pos <= e.end:
                return self._id(e.change)
        touched = self.lr.touched.get(wid, [])
        if wid in self.lr.rewritten:
            return self._id(self.lr.rewritten[wid])
        return self._id(touched[0]) if len(touched) == 1 else None


def build(old: Act, new: Act, law_result=None, aligner: Aligner = by_wid) -> Redline:
    info = Attribution(law_result) if law_result is not None else None
    moves = None
    if law_result is not None and aligner is by_wid:  # the engine's result keeps every unit's stable id
        moves = ({u.wid: u for u in old.walk() if u.wid}, {u.wid for u in new.walk() if u.wid})
    units = [build_unit(o, n, info, aligner, moves) for o, n in _with_moves(aligner(old.body, new.body), moves)]
    title = None
    if norm(old.title) != norm(new.title):
        title = _segments(old.title, new.title, "", "title", 0, info.attribute if info else None)
    red = Redline(new.law, old.key, units, title)
    from . import annexdiff

    annexdiff.add(red, old, new)
    if law_result is not None and red.annexes:
        annexdiff.attribute(red.annexes, law_result.placements)
    return red


# --- the two sides --------------------------------------------------------------

def side_text(block: Block, side: str) -> str:
    skip = INSERT if side == "old" else DELETE
    return "".join(s.text for s in block if s.op != skip)


def side_lines(r: RUnit, side: str) -> list[str]:
    """All text of a redline unit on one side, as the plain texts of its blocks in document order."""
    present = (r.status != INSERTED) if side == "old" else (r.status != REPEALED)
    if not present:
        return []
    out = []
    if r.heading is not None:
        out.append(side_text(r.heading, side))
    out += [side_text(b, side) for b in r.intro]
    for c in r.children:
        out += side_lines(c, side)
    out += [side_text(b, side) for b in r.wrapup]
    return out


def unit_lines(u: Unit) -> list[str]:
    """The same flattening for a model unit (to compare with `side_lines`)."""
    out = []
    if u.heading is not None:
        out.append(u.heading.text)
    out += [b.text for b in u.intro]
    for c in u.children:
        out += unit_lines(c)
    out += [b.text for b in u.wrapup]
    return out
