"""The redline of an act's annexes (bilag): the same model and the same token diff as the §§.

Two versions' annexes are aligned by their number ("Bilag 2" with "Bilag 2"), an annex without a
number by its label, an unlabelled one by its place among the unlabelled; an annex found on one
side only is inserted or repealed whole. Each aligned pair is one `RUnit` of kind "annex" (wid and
eid "bilag-<number>", see `redline`), its old and new number and label those of the two annexes, its
`intro` the annex's heading lines and its `wrapup` the annex's text, one block per line and a table
as one block (its rows as lines, its cells separated by " | ", as `show` prints it), each footnote a
line after the line that carries its marker ("[Fodnote 6): …]", note_text): the lines are aligned
(diff.sequence_opcodes, difflib's opcodes, on their normalised text: identical lines are anchors), and a changed line, or a changed
table, is diffed word by word by tokendiff, as a stk. is (redline._segments). Changed lines between
two anchors are paired in order where their words are alike enough (diff.SIMILAR), else the old
one is deleted and the new one inserted whole.

Only what differs is compared: `add` does nothing when the two versions' annex digests
(outline.annex_digest) are equal, so the path without annexes, or with the same annexes, costs one
comparison of two digests. The model is read through duck typing (a table is a block with `rows`),
so that `lawdiff diff` still imports no model here.
"""
from __future__ import annotations

import re
from collections import Counter

from .diff import SIMILAR, dice, sequence_opcodes
from .redline import CHANGED, DELETE, EQUAL, INSERT, INSERTED, REPEALED, UNCHANGED, RUnit, Segment, _segments
from .text import norm

def block_text(b) -> str:
    """An annex block as one text: a line's text; a table's rows, one per line, cells joined by " | "."""
    rows = getattr(b, "rows", None)
    if rows is None:
        return b.text
    return "\n".join(" | ".join(c.text for c in row) for row in rows)


def annex_key(a) -> str:
    """What aligns an annex with its other version: "bilag 2 a" for "Bilag 2 a"; else its label."""
    if a.num:
        return _num_key(a.num)
    return norm(a.label or "").lower()


def anchor(a) -> str:
    """The annex's id: "bilag-2a" (its number), else "bilag-" and its label's letters ("bilag-tabel3").
    The redline's annex units have it as wid and eid, and a consolidation records under it the act
    and nummer that last changed the annex (consolidate.py, blame.py)."""
    return _anchor(a.num, a.label)


def anchors(annexes: list) -> list[str]:
    """The ids of an act version's annexes on its page, one per annex and each once: its `anchor`,
    or "bilag-nr3" (its place) where two annexes would share one (two without number or label:
    "bilag-x")."""
    ids = [anchor(a) for a in annexes]
    return [x if ids.count(x) == 1 else f"bilag-nr{i}" for i, x in enumerate(ids, 1)]


def _anchor(num: str | None, label: str | None) -> str:
    key = re.sub(r"[^0-9a-zæøå]+", "", (num or label or "").lower())
    return "bilag-" + (key.translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})) or "x")


def target_wid(target: str) -> str:
    """The id (`anchor`) of the annex a Placement's target names: "bilag 2 a" -> "bilag-2a"."""
    return _anchor(target[6:], None) if target.startswith("bilag ") else _anchor(None, target)


def _dice(a: str, b: str) -> float:
    x, y = a.split(), b.split()
    return dice(Counter(x), Counter(y), len(x) + len(y))


def _whole(texts: list[str], op: int) -> list[list[Segment]]:
    return [[Segment(op, t)] if t else [] for t in texts]


def _lines(old: list[str], new: list[str]) -> list[tuple[list[Segment], int | None, int | None]]:
    """The blocks of old → new, each with the index of its old and of its new line (None where it
    has none): identical lines (normalised) are anchors; the lines between two anchors are paired in
    order by similarity and diffed word by word, or deleted / inserted whole."""
    out: list[tuple[list[Segment], int | None, int | None]] = []

    def whole(op: int, lo: int, hi: int) -> None:
        for k in range(lo, hi):
            t = old[k] if op == DELETE else new[k]
            out.append(([Segment(op, t)] if t else [], k if op != INSERT else None, k if op != DELETE else None))

    a, b = [norm(t) for t in old], [norm(t) for t in new]
    for tag, i1, i2, j1, j2 in sequence_opcodes(a, b):
        if tag == "equal":
            out += [([Segment(EQUAL, new[j])] if new[j] else [], i, j) for i, j in zip(range(i1, i2), range(j1, j2))]
        elif tag == "delete":
            whole(DELETE, i1, i2)
        elif tag == "insert":
            whole(INSERT, j1, j2)
        else:
            i = i1
            for j in range(j1, j2):
                best, at = 0.0, None
                for k in range(i, i2):
                    r = _dice(a[k], b[j])
                    if r > best:
                        best, at = r, k
                if at is not None and best >= SIMILAR:
                    whole(DELETE, i, at)
                    out.append((_segments(old[at], new[j], "", "", -1, None), at, j))
                    i = at + 1
                else:
                    whole(INSERT, j, j + 1)
            whole(DELETE, i, i2)
    return out


def note_text(n) -> str:
    """A footnote as a line of an annex's text: "[Fodnote 1): Lov nr. 311 …]" (as `show` prints it)."""
    return f"[Fodnote {n.marker}: {' '.join(n.lines)}]"


def _with_notes(blocks) -> list[str]:
    """The blocks' texts, each line followed by its footnotes (note_text): a footnote is compared as
    a line of its own where the source puts its marker, so that a change only in a footnote, or a
    marker moved to another line, is shown and never read as "no change"."""
    out = []
    for b in blocks:
        out.append(block_text(b))
        out += [note_text(n) for n in getattr(b, "notes", ())]
    return out


def _texts(a) -> tuple[list[str], list[str]]:
    return _with_notes(a.headings), _with_notes(a.body)


def _one(a, op: int, status: str, ident: str) -> RUnit:
    old, new = (a, None) if op == DELETE else (None, a)
    r = RUnit(ident, "annex", status, old.num if old else None, new.num if new else None,
              old.label if old else None, new.label if new else None, ident)
    heads, body = _texts(a)
    r.intro, r.wrapup = _whole(heads, op), _whole(body, op)
    return r


def _pair(o, n, ident: str) -> RUnit:
    """Two versions of an annex. Their heading lines and text are aligned as one run of lines (an
    amending act may give as text what the act had as a heading line, and the reverse); a block goes
    to `intro` where it holds a heading line of the new version (of the old one, for a deleted
    line), else to `wrapup`."""
    r = RUnit(ident, "annex", UNCHANGED, o.num, n.num, o.label, n.label, ident)
    (oh, ob), (nh, nb) = _texts(o), _texts(n)
    for blk, i, j in _lines(oh + ob, nh + nb):
        head = j < len(nh) if j is not None else i < len(oh)
        (r.intro if head else r.wrapup).append(blk)
    if r.own_changed:
        r.status = CHANGED
    return r


def _content(a) -> tuple:
    heads, body = _texts(a)
    return tuple(map(norm, heads)), tuple(map(norm, body))


def align(old: list, new: list) -> list[tuple]:
    """(old annex or None, new annex or None) in the new version's order, a repealed annex where it
    stood. An annex whose text (heading lines and body) stands identical, once, in both versions is
    the same annex, also under another number ("Bilag 1 bliver herefter bilag 5"); the others are
    aligned by number (label), in order."""
    def keys(annexes: list) -> list[str]:
        out, unlabelled = [], 0
        for x in annexes:
            k = annex_key(x)
            if not k:
                unlabelled += 1
                k = f"\x00{unlabelled}"  # the n-th annex without a label
            out.append(k)
        return out

    pair: dict[int, object] = {}  # id(new annex) -> old annex
    co, cn = Counter(map(_content, old)), Counter(map(_content, new))
    once = {_content(o): o for o in old if co[_content(o)] == 1 and any(_content(o))}
    for n in new:
        k = _content(n)
        if cn[k] == 1 and k in once and annex_key(once[k]) != annex_key(n):
            pair[id(n)] = once[k]
    taken = {id(o) for o in pair.values()}
    rest_old = [o for o in old if id(o) not in taken]
    rest_new = [n for n in new if id(n) not in pair]
    for tag, i1, i2, j1, j2 in sequence_opcodes(keys(rest_old), keys(rest_new)):
        if tag == "equal":
            pair.update((id(n), o) for o, n in zip(rest_old[i1:i2], rest_new[j1:j2]))
    paired = {id(o) for o in pair.values()}
    place = {id(o): i for i, o in enumerate(old)}
    gone = [o for o in old if id(o) not in paired]  # repealed, in their old order
    out: list[tuple] = []
    for n in new:
        o = pair.get(id(n))
        while o is not None and gone and place[id(gone[0])] < place[id(o)]:
            out.append((gone.pop(0), None))
        out.append((o, n))
    out += [(o, None) for o in gone]
    return out


def redline(old: list, new: list) -> list[RUnit]:
    """The annexes that differ between two lists of annexes, as redline units, in document order.
    A unit's wid is the annex's id on its version's page (`anchors`: of the new version, of the old
    one for a repealed annex), its eid its id on the redline's page, each once: the wid, or for a
    repealed annex whose id an annex of the new version has, the wid and "-ophaevet"."""
    return [r for _o, _n, r in changed(old, new)]


def lines(a) -> list[str]:
    """An annex's text as the redline compares it, one line each: heading lines, text lines, a
    table's rows, each footnote after its line (a side of its unit, split at the rows of tables)."""
    heads, body = _texts(a)
    return [ln for t in heads + body for ln in t.split("\n")]


def changed(old: list, new: list) -> list[tuple]:
    """(old annex or None, new annex or None, its redline unit) for each annex that differs, in
    document order (`redline`)."""
    ids_old = dict(zip(map(id, old), anchors(old)))
    ids_new = dict(zip(map(id, new), anchors(new)))
    out = []
    for o, n in align(old, new):
        if o is None:
            r = _one(n, INSERT, INSERTED, ids_new[id(n)])
        elif n is None:
            r = _one(o, DELETE, REPEALED, ids_old[id(o)])
            if r.wid in ids_new.values():
                r.eid = r.wid + "-ophaevet"
        else:
            r = _pair(o, n, ids_new[id(n)])
        if r.has_changes:
            out.append((o, n, r))
    return out


def add(red, old, new, load=None) -> None:
    """Set `red.annexes` to the redline of old → new's annexes, when their digests differ. `old` and
    `new` are model acts or outlines (outline.Outline: no annexes of their own, read by `load(key)`,
    which gives the model act; without `load` an outline's annexes are not compared, and
    `red.annexes_unread` says so)."""
    from .outline import annex_digest

    if annex_digest(old) == annex_digest(new):
        return
    sides = []
    for act in (old, new):
        annexes = getattr(act, "annexes", None)
        if annexes is None:
            if load is None:
                red.annexes_unread = True
                return
            annexes = load(act.key).annexes
        sides.append(annexes)
    red.annexes = redline(*sides)


def attribute(units: list[RUnit], placements) -> None:
    """Name on each annex unit the changes that acted on it (changes/annex.py: a Placement "annex"
    whose targets are the keys of the annexes it changed, "bilag 2"), for the redline of a proposal
    or an amending act; a changed word is credited to the change when one change made the annex."""
    from .changes.log import change_id

    by_key: dict[str, list[str]] = {}
    for p in placements:
        if p.what == "annex":
            for t in p.targets:
                by_key.setdefault(_num_key(t.removeprefix("bilag ")), []).append(change_id(p.change))
    for r in units:
        keys = dict.fromkeys(_num_key(n) for n in (r.old_num, r.new_num) if n)
        r.changes = list(dict.fromkeys(c for k in keys for c in by_key.get(k, [])))
        if len(r.changes) == 1:
            for blk in r.intro + r.wrapup:
                for s in blk:
                    if s.op != EQUAL:
                        s.change = r.changes[0]


def _num_key(num: str) -> str:
    """"bilag 2a" for the number "2 a" or "2a" (as changes/annex.py finds an annex)."""
    return "bilag " + re.sub(r"\s+", "", num).lower()


CONTEXT = 1  # unchanged lines shown around a change of a changed annex


def excerpt(r: RUnit, part: str = "wrapup") -> list:
    """The blocks of an annex unit's part as a redline shows them: all of an inserted or repealed
    annex; of a changed one the changed blocks with CONTEXT unchanged blocks around each, a run of
    other unchanged blocks standing as its count (an int: "[… 12 uændrede linjer …]")."""
    blocks = getattr(r, part)
    if r.status in (INSERTED, REPEALED) or part == "intro":  # heading lines: all of them
        return list(blocks)
    changed = [i for i, b in enumerate(blocks) if any(s.op != EQUAL for s in b)]
    keep = {j for i in changed for j in range(i - CONTEXT, i + CONTEXT + 1)}
    out: list = []
    for i, b in enumerate(blocks):
        if i in keep:
            out.append(b)
        elif out and isinstance(out[-1], int):
            out[-1] += 1
        else:
            out.append(1)
    return out


def skipped(n: int) -> str:
    """The note that stands for n unchanged lines left out of a changed annex."""
    return f"[… {n} uændret linje …]" if n == 1 else f"[… {n} uændrede linjer …]"
