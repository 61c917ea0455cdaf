"""A stored act version as `lawdiff diff` needs it: its outline, each § read only when needed.

`lawdiff diff` compares two versions that share almost all of their §§ (LAB 2015 → 2016: 48 of
~600 changed). Loading both whole models (the pickled akncache entry: every Line, every stk.) was
half of the command's time. The outline holds, per unit down to the §§ (parts, chapters,
mellemrubrik groups, §§ and other top-level units): its kind, number, label, ids, the digest of
its diff fingerprint (diff.fingerprint: text and structure exactly as stored, labels included) and
its data as plain values. diff.compare() finds identical units by their digests and reads only
the units whose digests differ (or that it reads for another reason), so the text of an unchanged
§ is never read.

Plain values, no model: a unit's data is what diff reads of a model unit — kind, num, label, wid,
eid, the heading's text, the text of each intro and wrap-up block (a Line's text; a Table's
`.text`), and its units — as nested tuples of str and None, marshalled. They are read back as
`Lazy` (a unit of the outline) and `Part` (a unit below one) holding `Text` blocks, plain classes
with the attributes diff reads and no other: `lawdiff diff` imports neither the model nor pickle
(issue 9 §6: importing the model's dataclasses and unpickling were a third of the command). Any
other attribute (a model method such as notes()) is an AttributeError, never an answer from a
partial copy. A unit's digest is the BLAKE2b (160 bits) of repr() of its fingerprint
(diff.fingerprint) with its children's digests in place of their fingerprints (a Merkle tree:
str, None, bytes and tuples only, so repr is exact and deterministic, and equal digests mean equal
fingerprints); two units are treated as identical only when their digests are equal. The entry
is stored by akncache with the file's bytes and the source of every module that decides its
content (this one, diff.py and the model's reader), and used only where both are the same, so a
stale outline is never used.

Format: the length of a head, the head (marshalled: MAGIC, checksum and the lengths of payload, source
and code), then payload, source and code (_pack), the checksum the CRC-32 of the payload (a damaged
entry is never used), source and code the bytes of the file and of the code it was built from
(akncache.outline: used only when both are equal to the file's and the code's), the payload (marshal,
plain values only) (MAGIC, law, date, title, source, nodes, annex digest — b"" for an act without annexes), a node being
(branch, kind, num, label, wid, eid, digest, data, children, plain) — children a tuple of nodes for a
branch (a container, or a unit holding §§ or containers), else None; plain, for a §, the digest of its
normalised plain text (text.plain_text: labels included; what diff._markup_only compares), else b""; data the marshalled tuple
(kind, num, label, heading, intro, units, wrapup, wid, eid) with heading a str or None, intro and
wrap-up tuples of str — each text stored as its tokens with SEP between them (Text; MAGIC names the
tokenizer, tokendiff.TOKENIZER, so an outline of another is not used) — and units a tuple of such tuples (empty for a branch: its units are the
node's children), each with two more fields: its digest (as a node's) and the digest of its own
text (diff.own_text; Part). `loads` checks every type of the nodes and raises ValueError on anything else;
a node's data is checked when it is read (a malformed one is a LawdiffError: never shown).
"""
from __future__ import annotations

import marshal
import zlib
from typing import Iterator

from .tokendiff import TOKENIZER

_CONTAINERS = ("book", "part", "chapter", "group")


try:  # CPython's own BLAKE2: importing hashlib loads OpenSSL (~3 ms, a tenth of the command)
    from _blake2 import blake2b
except ImportError:  # another Python
    from hashlib import blake2b


def _magic(tokenizer: str) -> str:
    """The format, and the tokenizer whose tokens the blocks carry (an outline of another is not used)."""
    return "lawdiff-outline-9:" + blake2b(tokenizer.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


MAGIC = _magic(TOKENIZER)


def digest(fp: tuple) -> bytes:
    return blake2b(repr(fp).encode("utf-8", "surrogatepass"), digest_size=20).digest()


SEP = "\x1f"  # between a block's stored tokens: a character XML 1.0 excludes from any text


class Text:
    """A text block of a unit read from an outline: a model Line's or Table's `.text`, and its tokens
    (tokendiff.tokenize(text)), stored as their text with SEP between them: the word diff of a
    changed block needs no tokenizing (a fifth of `lawdiff diff`'s comparison, issue 9 §6), and
    reading a block costs one str.replace, splitting it into tokens one str.split (both in C), done
    only for a block that is diffed."""

    __slots__ = ("text", "_tokens")

    def __init__(self, stored: str) -> None:
        self.text = stored.replace(SEP, "")
        self._tokens = stored

    @property
    def tokens(self) -> list[str]:
        return self._tokens.split(SEP) if self._tokens else []

    def __repr__(self) -> str:
        return f"Text({self.text!r})"


class Part:
    """A unit below a unit of the outline (a stk., nr., litra … of a §), read with it. Its `digest` is
    the digest of its diff fingerprint (as a Lazy's: diff._fp), its `sig` the digest of its own text
    (diff.own_text: what diff._signature aligns by), both stored by `dumps` (`seal` computes them), so
    that aligning a changed §'s units neither builds their fingerprints nor joins their texts."""

    __slots__ = ("kind", "num", "label", "heading", "intro", "children", "wrapup", "wid", "eid", "digest", "sig")

    def walk(self) -> Iterator:
        yield self
        for c in self.children:
            yield from c.walk()


_STR = {str}


def _texts(t) -> list[Text]:
    """A tuple of str (blocks as stored: _stored) as Text blocks; ValueError for anything else."""
    if t == ():  # most units have no wrap-up, many no intro (only tuple() is equal to ())
        return []
    if type(t) is not tuple or not set(map(type, t)) <= _STR:
        raise ValueError("outline: malformed text")
    return list(map(Text, t))


def _fill(u, t, units: bool) -> None:
    """Set the data of `u` (a Lazy or a Part whose kind … eid are set) from `t`, checking every type
    of it (and with `units`, building its units from t[5]); ValueError for anything that is not a
    unit's data as `dumps` writes it, or another unit's."""
    if not (type(t) is tuple and len(t) == 9 and (t[0], t[1], t[2], t[7], t[8]) == (u.kind, u.num, u.label, u.wid, u.eid)
            and _str(t[3], True) and type(t[5]) is tuple):
        raise ValueError("outline: malformed unit")
    if t[5] and not units:
        raise ValueError("outline: a branch's data holds units")
    heading, intro, wrapup = None if t[3] is None else Text(t[3]), _texts(t[4]), _texts(t[6])
    children = list(map(_part, t[5])) if units else None
    # set only once all of it was read: a unit is never left half-filled by a malformed entry
    u.heading, u.intro, u.wrapup = heading, intro, wrapup
    if units:
        u.children = children


# the types of a part's data (kind, num, label, heading, intro, units, wrapup, wid, eid, digest, sig):
# num, label and heading str or None
_PART_TYPES = frozenset((str, num, label, heading, tuple, tuple, tuple, str, str, bytes, bytes)
                        for num in (str, type(None)) for label in (str, type(None)) for heading in (str, type(None)))


def _part(t) -> Part:
    """A part from its data, every type checked (as _fill does for a unit of the outline, in one
    look-up of the types: read for every stk. of every § a diff reads)."""
    if not (type(t) is tuple and len(t) == 11 and tuple(map(type, t)) in _PART_TYPES):
        raise ValueError("outline: malformed unit")
    p = Part()
    p.kind, p.num, p.label, heading, intro, units, wrapup, p.wid, p.eid, p.digest, p.sig = t
    p.heading = None if heading is None else Text(heading)
    p.intro, p.wrapup = _texts(intro), _texts(wrapup)
    p.children = list(map(_part, units)) if units else []
    return p


_DATA = frozenset(("heading", "intro", "wrapup"))


class Lazy:
    """A unit of the outline; reads its data (a leaf: with all its units; a branch: its own part,
    its children being the outline's) on first use of it."""

    __slots__ = ("_branch", "kind", "num", "label", "wid", "eid", "digest", "_blob", "read",
                 "heading", "intro", "wrapup", "children", "plain")

    def __init__(self, branch: bool, kind: str, num, label, wid: str, eid: str, dig: bytes, blob: bytes,
                 children: list | None, plain: bytes = b"") -> None:
        self._branch = branch
        self.kind, self.num, self.label, self.wid, self.eid, self.digest = kind, num, label, wid, eid, dig
        self.plain = plain  # a §'s: the digest of its normalised plain text (plain_digest), else b""
        self._blob = blob
        self.read = False  # whether its data was read (tests: only the §§ that differ are)
        if branch:
            self.children = children

    def __getattr__(self, name: str):  # only for a slot not set yet: the unit's data
        if name in _DATA or (name == "children" and not self._branch):
            self._load()
            return getattr(self, name)
        raise AttributeError(f"outline: a {self.kind} has no {name} here")

    def _load(self) -> None:
        try:
            _fill(self, marshal.loads(self._blob), not self._branch)
        except Exception:  # not marshal data, or not this unit's data
            # an entry that passed its checksum but holds another unit: written by something
            # else than dumps. Refused, never shown.
            from .errors import LawdiffError

            raise LawdiffError(f"cachen .lawdiff-cache/akn har en forkert post for {self.kind} {self.num}",
                               hint="slet mappen .lawdiff-cache, og kør kommandoen igen") from None
        self.read = True

    def walk(self) -> Iterator:
        yield self
        for c in self.children:
            yield from c.walk()


class Outline:
    """The act version: the attributes diff needs, and its units as Lazy units."""

    def __init__(self, law: str, date: str, title: str, source: str, body: list[Lazy],
                 annex_digest: bytes = b"") -> None:
        self.law, self.date, self.title, self.source, self.body = law, date, title, source, body
        self.annex_digest = annex_digest

    @property
    def key(self) -> str:
        return f"{self.law}@{self.date}"

    def walk(self) -> Iterator:
        for u in self.body:
            yield from u.walk()

    def sections(self) -> Iterator:
        """As model.Act.sections(): every § in document order. A leaf of the outline holds no § below
        it (dumps makes every unit with a § or container below it a branch), so its units are
        not read for this."""
        out: list[Lazy] = []

        def visit(units: list[Lazy]) -> None:
            for u in units:
                if u.kind == "section":
                    out.append(u)
                if u._branch:
                    visit(u.children)

        visit(self.body)
        return iter(out)


def _branch(u) -> bool:
    return u.kind in _CONTAINERS or any(d.kind in _CONTAINERS or d.kind == "section"
                                        for c in u.children for d in c.walk())


def _stored(text: str) -> str:
    """A block's text as stored: its tokens with SEP between them (Text reads it back)."""
    from .tokendiff import tokenize

    tokens = tokenize(text)
    # never met (XML 1.0 allows no U+001F, and every character is in a token): a text that cannot be
    # stored so is refused rather than read back as another
    if SEP in text or "".join(tokens) != text:
        raise ValueError(f"outline: the text {text[:50]!r} cannot be stored with its tokens")
    return SEP.join(tokens)


def _own(u, units: tuple) -> tuple:
    return (u.kind, u.num, u.label, _stored(u.heading.text) if u.heading is not None else None,
            tuple(_stored(b.text) for b in u.intro), units, tuple(_stored(b.text) for b in u.wrapup), u.wid, u.eid)


def _whole(u) -> tuple[tuple, bytes, str]:
    """The data of `u` with its units as parts (each with its digest and sig), the digest of its
    fingerprint (its units' digests in it: a Merkle tree) and its own text (diff.own_text)."""
    from . import diff

    parts, digests, texts = [], [], []
    for c in u.children:
        data, dig, text = _whole(c)
        parts.append(data + (dig, digest(text)))
        digests.append(dig)
        texts.append(text)
    return (_own(u, tuple(parts)), digest(diff.fingerprint(u, tuple(digests))), diff.own_text(u, texts))


def plain_digest(u) -> bytes:
    """The digest of a §'s normalised plain text (labels included: text.plain_text), stored with each §
    of an outline: diff._markup_only compares two §§' plain texts by it, reading neither."""
    from .text import norm, plain_text

    return digest(("plain", norm(plain_text(u))))


def seal(p: Part) -> Part:
    """Set `p`'s digest and sig from its data (and its units', first), as `dumps` computes them from a
    model unit: for parts made otherwise (tests)."""
    from . import diff

    for c in p.children:
        seal(c)
    p.digest = digest(diff.fingerprint(p, tuple(c.digest for c in p.children)))
    p.sig = digest(diff.own_text(p, [diff.own_text_of(c) for c in p.children]))
    return p


def annex_digest(act) -> bytes:
    """A digest of an act version's annexes (b"" without annexes): `diff` and the compare pages compare
    two versions' annexes (annexdiff.py) only where their digests differ. An outline carries it; a
    model act's is computed."""
    stored = getattr(act, "annex_digest", None)
    if stored is not None:
        return stored
    annexes = getattr(act, "annexes", None) or []
    if not annexes:
        return b""
    return digest(tuple((a.label, a.num, _noted(a.headings), _noted(a.body)) for a in annexes))


def _noted(blocks) -> tuple:
    """The blocks' texts with their footnotes (marker and lines): a change only in an annex's
    footnote changes the digest, so that annexdiff compares the annexes."""
    return tuple((b.text, tuple((n.marker, tuple(n.lines)) for n in getattr(b, "notes", ()))) for b in blocks)


def annexes_differ(old, new) -> bool:
    return annex_digest(old) != annex_digest(new)


def dumps(act, source: bytes = b"", code: bytes = b"") -> bytes:
    """The outline of a model act (akn.from_bytes's result), as bytes for the cache, with the bytes
    of the file it was read from and the source of the code that built it (akncache.outline), which
    `loads` compares."""
    from . import diff

    def node(u) -> tuple:
        if _branch(u):
            children = tuple(node(c) for c in u.children)
            dig = digest(diff.fingerprint(u, tuple(c[6] for c in children)))
            return (True, u.kind, u.num, u.label, u.wid, u.eid, dig, marshal.dumps(_own(u, ())), children, plain(u))
        data, dig, _ = _whole(u)
        return (False, u.kind, u.num, u.label, u.wid, u.eid, dig, marshal.dumps(data), None, plain(u))

    def plain(u) -> bytes:
        return plain_digest(u) if u.kind == "section" else b""

    nodes = tuple(node(u) for u in act.body)
    payload = marshal.dumps((MAGIC, act.law, act.date, act.title, act.source, nodes, annex_digest(act)))
    return _pack(payload, source, code)


def _pack(payload: bytes, source: bytes, code: bytes, magic: str = MAGIC, check: int | None = None) -> bytes:
    """The entry: the length of its head (4 bytes), the head (marshalled: MAGIC, the payload's checksum and
    the lengths of payload, source and code), then payload, source and code as they are: `loads` compares
    source and code in place and reads the payload where it stands (marshal copying a megabyte of them
    into new objects was ~750 page faults of `lawdiff diff`)."""
    head = marshal.dumps((magic, _check(payload) if check is None else check, len(payload), len(source), len(code)))
    return len(head).to_bytes(4, "big") + head + payload + source + code


def _unpack(data: bytes) -> tuple[tuple, int, int, int]:
    """The head of an entry (_pack) and where its payload, source and code begin; ValueError if the
    entry is not so made."""
    n = int.from_bytes(data[:4], "big")
    try:
        t = marshal.loads(memoryview(data)[4:4 + n]) if len(data) >= 4 else None
    except (EOFError, TypeError, ValueError):
        t = None
    if not (type(t) is tuple and len(t) == 5 and t[0] == MAGIC and all(type(x) is int for x in t[1:])
            and min(t[2:]) >= 0 and 4 + n + t[2] + t[3] + t[4] == len(data)):
        raise ValueError("outline: not an outline, or a damaged one")
    p0 = 4 + n
    return t, p0, p0 + t[2], p0 + t[2] + t[3]


def _check(payload: bytes) -> int:
    """The payload's checksum: CRC-32, against a damaged file (a fifth of BLAKE2b's time on LAB's
    400 KB). It guards against damage only, as any unkeyed checksum: what keeps an entry from being
    planted is its name, a MAC under the cache's secret (cachekey.py)."""
    return zlib.crc32(payload)


def _str(x, none: bool = False) -> bool:
    return type(x) is str or (none and x is None)


# the types of a node's fields (branch, kind, num, label, wid, eid, digest, data, children, plain): num and
# label str or None; children a tuple for a branch, None for a leaf
_NODE_TYPES = frozenset((bool, str, num, label, str, str, bytes, bytes, tuple if branch else type(None), bytes)
                        for num in (str, type(None)) for label in (str, type(None)) for branch in (True, False))


def _node(t) -> Lazy:
    if not (type(t) is tuple and len(t) == 10 and tuple(map(type, t)) in _NODE_TYPES and len(t[6]) == 20
            and t[0] is (type(t[8]) is tuple) and len(t[9]) == (20 if t[1] == "section" else 0)):
        raise ValueError("outline: malformed node")
    children = list(map(_node, t[8])) if t[0] else None
    return Lazy(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], children, t[9])


def loads(data: bytes, source: bytes = b"", code: bytes = b"") -> Outline:
    """The outline stored by `dumps` with this `source` and `code` (equal byte for byte); ValueError for
    anything else (a damaged or foreign entry, another file's or another code's)."""
    head, p0, s0, c0 = _unpack(data)
    if not (head[3] == len(source) and head[4] == len(code) and data.startswith(source, s0)
            and data.startswith(code, c0)):  # compared in place (memcmp)
        raise ValueError("outline: the outline of another file, or built by other code")
    payload = memoryview(data)[p0:s0]
    if head[1] != _check(payload):
        raise ValueError("outline: a damaged outline")
    t = marshal.loads(payload)
    if not (type(t) is tuple and len(t) == 7 and t[0] == MAGIC and all(_str(x) for x in t[1:5])
            and type(t[5]) is tuple and type(t[6]) is bytes and len(t[6]) in (0, 20)):
        raise ValueError("outline: malformed entry")
    return Outline(t[1], t[2], t[3], t[4], [_node(n) for n in t[5]], t[6])
