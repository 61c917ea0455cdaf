"""Compare two versions of an act, aligned by provision, into the redline model.

Alignment, level by level:
- §§, chapters and parts are matched by number (paragraffer never renumber), and
  mellemrubrik groups by their heading;
- stk., nr. and litra are matched by number first. Units whose text is identical
  in both versions are anchors; where an anchor keeps its number, the changed units
  between anchors keep theirs too and are paired by number ("§ 2, nr. 11" stays
  nr. 11 when an act rewrites it). Only where numbering moved (an anchor changed
  number, or pairing by text similarity explains the change much better than
  pairing by number) are units paired by text similarity, so an inserted stk. is
  one insertion and its followers are "stk. 3 → stk. 4" with their text unchanged.
- "(Ophævet)" placeholders are the same law whether a version prints them one by
  one ("§ 67 a. (Ophævet)", …) or as a range ("§§ 67 a-67 f. (Ophævet)"): they are
  not changes. A range placeholder that stands for §§ with text in the old version
  leaves those §§ reported as repealed, and is not itself a new §.
Inside each aligned unit the text is diffed on word tokens (tokendiff). A § that
is gone from one place and appears in another is reported as moved.

Speed: a unit whose text and structure are identical in both versions (the vast
majority) is recognised by a fingerprint and copied as unchanged without diffing. A block read
from an outline carries its tokens (outline.Text), so the word diff tokenizes nothing, and the
comparison imports no difflib (sequence_opcodes).
"""
from __future__ import annotations

import re
from collections import _count_elements
from operator import attrgetter
from typing import TYPE_CHECKING

from .gcpause import gc_paused
from .outline import Lazy, Part, annexes_differ
from .redline import CHANGED, INSERTED, REPEALED, Redline, RUnit, Segment, _one_side, _runit
from .text import blocks_text, canonical_num, goes_on, norm, plain_text
from .tokendiff import EQUAL, diff_words

if TYPE_CHECKING:  # `lawdiff diff` compares outlines (outline.py) and never imports the model
    from .model import Act, Unit


_KEYED = ("book", "part", "chapter", "section", "ikraft")
_NUMBERED = ("subsection", "paragraph", "point")
_ID_KINDS = frozenset(_KEYED + ("group",))  # the kinds _signature identifies by number or heading, not text
SIMILAR = 0.5  # two changed provisions below this similarity are a deletion and an insertion
_PLACEHOLDER: re.Pattern | None = None  # ^\(?ophævet\)?\.?$, ignoring case: _placeholder()


def _placeholder(text: str) -> bool:
    """Whether normalised `text` is "(Ophævet)" (with or without its brackets and full stop, in any case).
    The pattern matches a character with one character, so never more than 11 (10, and a newline
    before the end): a longer text is no placeholder without compiling it (`lawdiff diff`'s start)."""
    global _PLACEHOLDER
    if len(text) > 11:
        return False
    if _PLACEHOLDER is None:
        _PLACEHOLDER = re.compile(r"^\(?ophævet\)?\.?$", re.IGNORECASE)
    return _PLACEHOLDER.match(text) is not None


class _Memo:
    """Per-comparison caches keyed by id(unit) (units may be copied and edited later, so
    nothing outlives one compare())."""

    def __init__(self) -> None:
        self.fp: dict[int, tuple] = {}
        self.text: dict[int, str] = {}
        self.bag: dict[int, tuple[dict, int]] = {}  # the bag of words (word -> count) and its size
        self.similar: dict[tuple[int, int], float] = {}  # (id(old), id(new)) -> _similar
        self.keep: list[Unit] = []  # keep the units alive so that their ids stay unique
        self.touched_only = False  # compare(touched_only=True)
        self.secs: dict[int, dict] = {}  # id(act) -> its §§ by number (_moves and _markup_only)


_M = _Memo()


def _fp(u: Unit) -> tuple | bytes:
    """The unit's text and structure, exactly as stored (labels included, notes excluded). For a
    unit of an outline (outline.Lazy, and outline.Part below one) the digest of this tuple, stored
    with it: two outlines' units are compared by digest without reading their text. An outline's unit never equals a model
    unit here (a digest is no tuple), so compare() takes both versions as outlines or both as
    models (the diff command does): mixed, identical units would be diffed instead of copied."""
    if type(u) is Lazy or type(u) is Part:
        return u.digest
    f = _M.fp.get(id(u))
    if f is None:
        f = fingerprint(u, tuple(map(_fp, u.children)))
        _M.fp[id(u)] = f
        _M.keep.append(u)
    return f


def fingerprint(u: Unit, children: tuple) -> tuple:
    """_fp of `u` given its children's: the one definition of what makes two units identical
    (outline.py digests the same tuple, with the children's digests)."""
    return (u.kind, u.num, u.label, u.heading.text if u.heading else None,
            tuple(map(_TEXT, u.intro)), children, tuple(map(_TEXT, u.wrapup)))


_TEXT = attrgetter("text")  # a block's text, in C


def own_text(u: Unit, children) -> str:
    """The unit's whole text without labels, normalised, given its children's (an iterable)."""
    # = norm of the joined texts: the children's are normalised already (non-empty parts, one space)
    parts = [norm(blocks_text(u.intro))] if u.intro else []
    parts += children
    if u.wrapup:
        parts.append(norm(blocks_text(u.wrapup)))
    return " ".join(filter(None, parts))


def own_text_of(u: Unit) -> str:
    """own_text of `u` with its children's computed (no memo: outline.py)."""
    return own_text(u, [own_text_of(c) for c in u.children])


def _own_text(u: Unit) -> str:
    """own_text, once per unit and comparison."""
    t = _M.text.get(id(u))
    if t is None:
        t = _M.text[id(u)] = own_text(u, map(_own_text, u.children))
        _M.keep.append(u)
    return t


def _signature(u: Unit) -> tuple:
    if u.kind in _KEYED:
        return ("id", u.kind, canonical_num(u.num).lower() if u.num else (u.label or ""))
    if u.kind == "group":
        return ("id", "group", norm(u.heading.text) if u.heading else "")
    if type(u) is Part:  # the digest of its own_text, stored in the outline (as _fp's digests)
        return ("text", u.kind, u.sig)
    return ("text", u.kind, _own_text(u))


def dice(x: dict, y: dict, total: int) -> float:
    """Dice coefficient of two bags of words (word -> count: Counters or dicts) whose sizes add up to `total`
    (1.0 for two empty bags)."""
    if not total:
        return 1.0
    # = sum((x & y).values()), over the words both hold (a set intersection in C), without
    # building the intersection Counter; the minima summed in C (map), not in a generator
    common = x.keys() & y.keys()
    return 2 * sum(map(min, map(x.__getitem__, common), map(y.__getitem__, common))) / total


def _similar(a: Unit, b: Unit) -> float:
    """Dice coefficient of the two units' bags of words (0 … 1)."""
    pair = (id(a), id(b))
    r = _M.similar.get(pair)  # alignment asks for the same pair more than once (_pair_block, _score)
    if r is not None:
        return r
    bags = []
    for u in (a, b):
        bag = _M.bag.get(id(u))
        if bag is None:
            # = Counter(words) and the sum of its counts: counted in C into a plain dict (what Counter's
            # update does for a dict, after its checks of the argument's type), its size the words'
            words = _own_text(u).split()
            counts: dict = {}
            _count_elements(counts, words)
            bag = _M.bag[id(u)] = (counts, len(words))
        bags.append(bag)
    (x, nx), (y, ny) = bags
    r = _M.similar[pair] = dice(x, y, nx + ny)
    _M.keep += (a, b)
    return r


def _pair_block(old: list[Unit], new: list[Unit]) -> list[tuple[Unit | None, Unit | None]]:
    """Pair the units of a replaced run in order, where kind matches and the text is similar enough."""
    out: list[tuple[Unit | None, Unit | None]] = []
    i = 0
    for n in new:
        best, best_j = 0.0, None
        for j in range(i, len(old)):
            if old[j].kind != n.kind or old[j].kind in _ID_KINDS:  # = _signature(old[j])[0] == "id"
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


def _num(u: Unit) -> str | None:
    return canonical_num(u.num).lower() if u.kind in _NUMBERED and u.num else None


def _pair_by_number(old: list[Unit], new: list[Unit]) -> list[tuple[Unit | None, Unit | None]] | None:
    """Pair units of the same kind and number, in document order; None if that is not possible
    (unnumbered units, or numbers that would cross)."""
    if not all(_num(u) for u in old + new):
        return None
    out: list[tuple[Unit | None, Unit | None]] = []
    i = 0
    for n in new:
        j = next((k for k in range(i, len(old)) if old[k].kind == n.kind and _num(old[k]) == _num(n)), None)
        if j is None:
            if any(o.kind == n.kind and _num(o) == _num(n) for o in old[:i]):
                return None  # the number appears earlier: order crossed
            out.append((None, n))
            continue
        out.extend((o, None) for o in old[i:j])
        out.append((old[j], n))
        i = j + 1
    out.extend((o, None) for o in old[i:])
    return out


def _score(pairs: list[tuple[Unit | None, Unit | None]]) -> float:
    return sum(_similar(o, n) for o, n in pairs if o is not None and n is not None)


def _shifted(o: Unit | None, n: Unit | None) -> bool:
    return o is not None and n is not None and _num(o) != _num(n)


def _opcodes(a: list, b: list) -> list[tuple[str, int, int, int, int]]:
    """difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes(). The common case, two
    lists of one length whose only equal elements stand at the same places (no element of `a`
    twice, and each element of `b` found in `a` at its own place: units reworded in place), is
    computed directly: difflib's matching blocks are then exactly the runs of equal places, and its opcodes those runs ("equal") and the runs between them
    ("replace", of one length on both sides). tests/test_diff_align.py holds it to difflib."""
    n = len(a)
    if n == len(b):
        at = dict(zip(a, range(n)))
        if len(at) == n and all(at.get(x, j) == j for j, x in enumerate(b)):
            out: list[tuple[str, int, int, int, int]] = []
            i = 0
            while i < n:
                k = i + 1
                same = a[i] == b[i]
                while k < n and (a[k] == b[k]) == same:
                    k += 1
                out.append(("equal" if same else "replace", i, k, i, k))
                i = k
            return out
    return sequence_opcodes(a, b)


def sequence_opcodes(a: list, b: list) -> list[tuple[str, int, int, int, int]]:
    """difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes(), its algorithm written out
    for this case only (no junk, no popular elements), so that `lawdiff diff` does not import difflib
    (~1 ms of its start, issue 9 §6): the longest matching block (the first found: leftmost in a,
    then in b), then the same on both sides of it; adjacent blocks joined; the opcodes between them.
    tests/test_diff_align.py holds it to difflib."""
    b2j: dict = {}
    for j, x in enumerate(b):
        b2j.setdefault(x, []).append(j)
    nothing: list = []
    la, lb = len(a), len(b)
    queue = [(0, la, 0, lb)]
    blocks = []
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        besti, bestj, bestsize = alo, blo, 0
        j2len: dict = {}  # j -> the length of the match ending with a[i - 1] and b[j]
        for i in range(alo, ahi):
            get = j2len.get
            new: dict = {}
            for j in b2j.get(a[i], nothing):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = new[j] = get(j - 1, 0) + 1
                if k > bestsize:
                    besti, bestj, bestsize = i - k + 1, j - k + 1, k
            j2len = new
        if bestsize:
            blocks.append((besti, bestj, bestsize))
            if alo < besti and blo < bestj:
                queue.append((alo, besti, blo, bestj))
            if besti + bestsize < ahi and bestj + bestsize < bhi:
                queue.append((besti + bestsize, ahi, bestj + bestsize, bhi))
    blocks.sort()
    joined = []
    i1 = j1 = k1 = 0
    for i2, j2, k2 in blocks:
        if i1 + k1 == i2 and j1 + k1 == j2:
            k1 += k2
        else:
            if k1:
                joined.append((i1, j1, k1))
            i1, j1, k1 = i2, j2, k2
    if k1:
        joined.append((i1, j1, k1))
    joined.append((la, lb, 0))
    out: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for ai, bj, size in joined:
        tag = "replace" if i < ai and j < bj else "delete" if i < ai else "insert" if j < bj else ""
        if tag:
            out.append((tag, i, ai, j, bj))
        i, j = ai + size, bj + size
        if size:
            out.append(("equal", ai, i, bj, j))
    return out


def align_by_provision(old: list[Unit], new: list[Unit]) -> list[tuple[Unit | None, Unit | None]]:
    if len(old) == len(new) and list(map(_fp, old)) == list(map(_fp, new)):
        return list(zip(old, new))
    a = list(map(_signature, old))
    b = list(map(_signature, new))
    if a == b:  # nothing inserted, removed or reworded at this level
        return list(zip(old, new))
    out: list[tuple[Unit | None, Unit | None]] = []
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag == "equal":
            out.extend(zip(old[i1:i2], new[j1:j2]))
            continue
        moved = (i1 > 0 and j1 > 0 and _shifted(old[i1 - 1], new[j1 - 1])) or \
                (i2 < len(old) and j2 < len(new) and _shifted(old[i2], new[j2]))
        if not moved and i2 - i1 == 1 and j2 - j1 == 1 and old[i1].kind == new[j1].kind \
                and _num(old[i1]) and _num(old[i1]) == _num(new[j1]):
            # one unit replaced by one of its kind and number (the common case: a reworded stk.):
            # pairing by number gives [(o, n)], scored _similar(o, n); pairing by text pairs the two
            # (the same score) or neither (0), so the rule below keeps the pair by number, and
            # their similarity is not needed (tests/test_diff.py holds this to the rule)
            out.append((old[i1], new[j1]))
            continue
        o, n = old[i1:i2], new[j1:j2]
        by_text = _pair_block(o, n) if (o and n) else [(u, None) for u in o] + [(None, u) for u in n]
        by_num = None if moved or not (o and n) else _pair_by_number(o, n)
        if by_num is not None and _score(by_num) >= _score(by_text):
            out.extend(by_num)
        else:
            out.extend(by_text)
    return out


# --- building the redline ---------------------------------------------------------

def _same(old: Unit, new: Unit) -> RUnit:
    """An unchanged unit (identical text and structure) without diffing. Equal fingerprints (_fp) are
    equal kinds, numbers, labels and texts, down to every unit below, so the result is read from the
    new side alone (= _same(new, new)): the old side's units below are not visited. The result is a
    _Same."""
    r = _Same(new.wid, new.kind, "unchanged", old.num, new.num, old.label, new.label, new.eid)  # = _runit(…)
    if new.heading is not None:
        r.heading = [Segment(EQUAL, new.heading.text)]
    r.intro = [[Segment(EQUAL, b.text)] if b.text else [] for b in new.intro]
    r.wrapup = [[Segment(EQUAL, b.text)] if b.text else [] for b in new.wrapup]
    r.children = [_same(n, n) for n in new.children]
    return r


class _Same(RUnit):
    """An unchanged unit built by _same: identical in both versions down to every unit below (its
    fingerprint), each of them "unchanged", with its own number and label on both sides and equal
    segments only. So it has no change of its own or below (RUnit.has_changes is False, known without
    walking its units each time the redline is walked: _markup_only, touched_sections, touched_units,
    the renderers), and no § below it is inserted or repealed (_moves does not look below it).
    tests/test_outline.py holds has_changes to RUnit's."""

    has_changes = False


def _label_key(label: str | None) -> str:
    return "".join(norm(label or "").split()).lower()


def _tokens(b) -> list[str] | None:
    """The block's tokens where it carries them (an outline's: outline.Text), else None."""
    return getattr(b, "tokens", None)


def _words(old, new) -> list[Segment]:
    """The word diff of two text blocks (or None for none), = redline._segments(old.text, new.text, …,
    None) with the blocks' stored tokens (tests/test_outline.py: the outlines' diff is the models')."""
    a = "" if old is None else old.text
    b = "" if new is None else new.text
    if a == b:  # as diff_words answers it, without splitting the blocks' tokens (most blocks of a changed unit)
        return [Segment(EQUAL, b)] if b else []
    ta = [] if old is None else _tokens(old)
    tb = [] if new is None else _tokens(new)
    return [Segment(op, text) for op, text in diff_words(a, b, ta, tb)]


_LETTER = frozenset("abcdefghijklmnopqrstuvwxyzæøå")  # _TOKEN's [a-zæøå]
_UNITS = ("kr.", "pct.", "år", "måneder", "uger", "dage", "timer")  # how _TOKEN's units after a number begin


def _joint(x: str, y: str) -> bool:
    """Whether tokenize(x + s + y) = tokenize(x) + [s] + tokenize(y) for s one or more spaces (x and y
    not empty). Inside a token white space follows only white space, "§" (then a digit) or a digit
    (then a lone lowercase letter or a unit: "§ 68 a", "5 års"): elsewhere s is a token of its own,
    which y's first character (no white space) ends; no alternative of _TOKEN tried before it consumes
    it, and what they look at there fails (or, a negative look-ahead, succeeds) alike at the end of
    x; and y is tokenized as from the start of a text (\b sees a non-word character before it)."""
    a, b = x[-1], y[0]
    if a.isspace() or b.isspace():
        return False
    if a == "§":
        return not b.isdigit()
    if a.isdigit():
        return not ((b in _LETTER and (len(y) == 1 or not (y[1].isalnum() or y[1] == "_"))) or y.startswith(_UNITS))
    return True


def _joined(blocks: list) -> tuple[str, list[str] | None]:
    """The blocks' texts joined by a space, and its tokens where the blocks carry theirs and every
    join leaves them as they are (_joint; the joins of empty blocks run together); else None:
    tokenized when diffed. tests/test_diff_align.py holds this to tokenize."""
    # no space before a block that begins with a comma, full stop, … (text.join_lines: the rest of a punktum
    # the LBK broke for a note; "Miljøministeriet , Foreningen" made a change of a space where none is)
    text = ""
    for i, x in enumerate(blocks):
        text = x.text if not i else text + x.text.lstrip() if goes_on(text, x.text) else text + " " + x.text
    if text != " ".join(x.text for x in blocks):
        return text, None  # a block joined without a space: tokenized when diffed
    out: list[str] = []
    prev = ws = ""  # the last non-empty text, and the spaces since it
    for i, x in enumerate(blocks):
        t = _tokens(x)
        if t is None:
            return text, None
        if i:
            ws += " "
        if not x.text:
            continue
        if ws:
            if not _joint(prev, x.text) if prev else x.text[0].isspace():
                return text, None
            out.append(ws)
            ws = ""
        out += t
        prev = x.text
    if ws:
        if prev and not _joint(prev, ")"):  # spaces at the end: as before a character that joins nothing
            return text, None
        out.append(ws)
    return text, out


def _blocks(old: list, new: list) -> list[list[Segment]]:
    """Diff two lists of text blocks. Blocks identical in both are anchors; only the runs
    between them are diffed word by word (one block per run, as redline does for a list whose
    length changed). = redline._diff_blocks(old, new, "", "", None) for lists of one length, with
    the blocks' stored tokens."""
    if len(old) == len(new):
        return [_words(a, b) for a, b in zip(old, new)]
    a, b = [x.text for x in old], [x.text for x in new]
    out: list[list[Segment]] = []
    for tag, i1, i2, j1, j2 in sequence_opcodes(a, b):  # = difflib's
        if tag == "equal":
            out += [[Segment(EQUAL, x.text)] if x.text else [] for x in new[j1:j2]]
        else:
            (ta, xa), (tb, xb) = _joined(old[i1:i2]), _joined(new[j1:j2])  # = _segments(ta, tb, "", "", -1, None)
            out.append([Segment(op, text) for op, text in diff_words(ta, tb, xa, xb)])
    return out


class _Stub(RUnit):
    """An unchanged unit outside any §, without its text (compare(touched_only=True)): identical
    in both versions (number, label, text and structure: its fingerprint), so it has no change of
    its own or below (RUnit.has_changes is False, known without looking at its labels for every
    unchanged § each time the redline is walked: _markup_only, touched_sections, the renderers)."""

    has_changes = False


def _stub(old: Unit, new: Unit) -> RUnit:
    """= _runit(old, new, "unchanged"), as a _Stub (tests/test_outline.py: the diff is the models')."""
    return _Stub(new.wid, new.kind, "unchanged", old.num, new.num, old.label, new.label, new.eid)


def _build(old: Unit | None, new: Unit | None, outer: bool = False) -> RUnit:
    """`outer`: old and new stand outside any § (in the body or in a container)."""
    if old is None:
        return _one_side(new, 1, INSERTED, None)
    if new is None:
        return _one_side(old, -1, REPEALED, None)
    if _fp(old) == _fp(new):
        return _stub(old, new) if outer and _M.touched_only else _same(old, new)
    r = _runit(old, new, "unchanged")
    if r.old_label != r.new_label and _label_key(r.old_label) == _label_key(r.new_label):
        r.old_label = r.new_label  # "§§ 745-745b." and "§§ 745-745 b." are the same label
    if old.heading is not None or new.heading is not None:
        r.heading = _words(old.heading, new.heading)
    r.intro = _blocks(old.intro, new.intro)
    r.wrapup = _blocks(old.wrapup, new.wrapup)
    inner = outer and old.kind != "section"
    r.children = [_build(o, n, inner) for o, n in align_by_provision(old.children, new.children)]
    if r.own_changed:
        r.status = CHANGED
    return r


def build_unit(old: Unit | None, new: Unit | None) -> RUnit:
    return _build(old, new)


def _moves(red: Redline, old: Act, new: Act) -> None:
    """A § repealed in one place and inserted in another with the same number has moved."""
    gone: dict[str, tuple] = {}
    came: dict[str, tuple] = {}

    def visit(siblings: list[RUnit], parent: RUnit | None) -> None:
        for r in siblings:
            if r.kind == "section" and r.status == REPEALED and r.old_num:
                gone[canonical_num(r.old_num)] = (siblings, r, parent)
            elif r.kind == "section" and r.status == INSERTED and r.new_num:
                came[canonical_num(r.new_num)] = (siblings, r, parent)
            if r.children and type(r) is not _Same:  # no § below a _Same is inserted or repealed
                visit(r.children, r)

    visit(red.units, None)
    if not (set(gone) & set(came)):
        return
    old_secs, new_secs = _sections(old), _sections(new)
    for num in set(gone) & set(came):
        gsibs, g, gparent = gone[num]
        csibs, c, _ = came[num]
        moved = _build(old_secs[num], new_secs[num])
        moved.moved_from = _place(gparent)
        gsibs.remove(g)
        csibs[csibs.index(c)] = moved


def _sections(act: Act) -> dict:
    """The act's §§ by canonical number (the last of a number wins), once per comparison."""
    secs = _M.secs.get(id(act))
    if secs is None:
        secs = _M.secs[id(act)] = {canonical_num(s.num): s for s in act.sections() if s.num}
        _M.keep.append(act)
    return secs


def _place(parent: RUnit | None) -> str:
    if parent is None:
        return "lovens øverste niveau"
    if parent.kind == "group" and parent.heading is not None:
        from .redline import side_text

        return f"mellemrubrikken »{side_text(parent.heading, 'old')}«"
    return parent.cite("old")


def _shape(u: Unit) -> tuple:
    return (u.kind, len(u.intro), len(u.wrapup), tuple(map(_shape, u.children)))


def _markup_only(red: Redline, old: Act, new: Act) -> None:
    """A § whose text is identical in both versions is unchanged, even if the source marked it
    up differently (e.g. a list written inline in one LBK and as items in the next)."""
    def lookup(act: Act, side: str, num: str) -> Unit | None:
        return _sections(act).get(canonical_num(num))

    def visit(siblings: list[RUnit]) -> None:
        for i, r in enumerate(siblings):
            if r.kind != "section":
                visit(r.children)
            elif r.old_num and r.new_num and not r.moved_from and r.status != "unchanged" or (
                    r.status == "unchanged" and r.old_num and r.new_num and not r.moved_from and r.has_changes):
                o, n = lookup(old, "old", r.old_num), lookup(new, "new", r.new_num)
                # same structure: the word diff already compared the normalised text, so it changed
                if o is not None and n is not None and _markup_differs_only(o, n):
                    siblings[i] = _same(n, n)

    visit(red.units)


def _markup_differs_only(o: Unit, n: Unit) -> bool:
    """Whether two §§ differ in structure (_shape) but not in normalised plain text. Two §§ of outlines
    are compared by the digests of their plain texts stored with them (outline.plain_digest) first, so
    neither §'s text is joined and normalised again, and the shapes (which read every unit below) only
    where those are equal (tests/test_outline.py holds the digests to the texts over every § of every
    LAB version)."""
    if type(o) is Lazy and type(n) is Lazy:
        return o.plain == n.plain and _shape(o) != _shape(n)
    return _shape(o) != _shape(n) and _same_plain(o, n)


def _same_plain(o: Unit, n: Unit) -> bool:
    """norm(plain_text(o)) == norm(plain_text(n)) for two §§; for two §§ of outlines by the digests of it."""
    if type(o) is Lazy and type(n) is Lazy:
        return o.plain == n.plain
    return norm(plain_text(o)) == norm(plain_text(n))


def is_placeholder(u: Unit) -> bool:
    """"§ 67 a. (Ophævet)" or "§§ 67 a-67 f. (Ophævet)": a repealed § whose number is kept."""
    if u.kind != "section" or len(u.children) > 1:
        return False
    if len(u.children) == 1 and u.children[0].kind == "subsection" and not u.children[0].children:
        u = u.children[0]  # the source's single label-less stk.
    elif u.children:
        return False
    text = blocks_text(u.intro + u.wrapup)
    return len(text) < 20 and _placeholder(norm(text))


def _all_equal(r: RUnit) -> None:
    """Turn a one-sided unit into an unchanged one (its text stands on both sides)."""
    for u in r.walk():
        u.status = "unchanged"
        u.old_num, u.old_label = u.new_num, u.new_label
        for b in u.intro + u.wrapup + ([u.heading] if u.heading else []):
            for seg in b:
                seg.op = EQUAL


def _placeholders(red: Redline) -> None:
    """Unchanged "(Ophævet)" placeholders are not changes, however a version groups them: a
    placeholder only in the old version (the new one groups it into a range, or no longer
    prints it) is left out, and one only in the new version is shown as unchanged. A § that
    had text and is now covered by a placeholder keeps its own report (changed or repealed)."""
    def visit(siblings: list[RUnit]) -> None:
        for r in list(siblings):
            if r.kind != "section":
                visit(r.children)
            elif r.status == REPEALED and _is_placeholder_r(r, "old"):
                siblings.remove(r)
            elif r.status == INSERTED and _is_placeholder_r(r, "new"):
                _all_equal(r)

    visit(red.units)


def _is_placeholder_r(r: RUnit, side: str) -> bool:
    from .redline import side_lines

    return _placeholder(norm(" ".join(side_lines(r, side))))


def compare(old: Act, new: Act, touched_only: bool = False) -> Redline:
    """The redline of old → new. With touched_only, a unit outside any § whose text and structure
    are identical in both versions is a bare unchanged unit, without its text or its units (an
    unchanged § has no stk. in the result): enough for what shows only the changed §§ and headings
    (`lawdiff diff`: touched_units, touched_sections), whose output is the same either way. old and
    new may be outline.Outline versions (only the §§ that differ are read)."""
    try:
        _M.touched_only = touched_only
        with gc_paused():  # many small objects, no reference cycles (gcpause.py)
            units = [_build(o, n, True) for o, n in align_by_provision(old.body, new.body)]
            red = Redline(new.law, old.key, units)
            _moves(red, old, new)
            _markup_only(red, old, new)
            _placeholders(red)
        if annexes_differ(old, new):  # the annexes' redline (annexdiff.py), only where their digests differ
            from . import annexdiff

            annexdiff.add(red, old, new)
        return red
    finally:
        _M.__init__()  # never keep texts beyond one comparison
