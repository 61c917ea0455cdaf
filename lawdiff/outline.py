"""A stored act version as `lawdiff diff` needs it: its outline, each § read only when needed.

`lawdiff diff` compares two versions that share almost all of their §§ (LAB 2015 → 2016: 48 of
~600 changed). Loading both whole models (the pickled akncache entry: every Line, every stk.) was
half of the command's time. The outline holds, per unit down to the §§ (parts, chapters,
mellemrubrik groups, §§ and other top-level units): its kind, number, label, ids, the digest of
its diff fingerprint (diff.fingerprint: text and structure exactly as stored, labels included) and the
pickled unit. diff.compare() finds identical units by their digests and unpickles only the units
whose digests differ (or that it reads for another reason), so the text of an unchanged § is
never read.

Exactness: a unit of the outline (`Lazy`) behaves as the model unit it stands for — any attribute
that is not in the outline reads the unit from its pickle first. A container's own part (heading,
intro, wrap-up) is pickled without its children, which the outline holds as Lazy units; asking a
container for anything else than its data (a method such as notes()) is refused with an error,
never answered from the children-less copy. A unit's digest is the BLAKE2b (160 bits) of repr() of
its fingerprint (diff.fingerprint) with its children's digests in place of their fingerprints (a
Merkle tree: str, None, bytes and tuples only, so repr is exact and deterministic, and equal
digests mean equal fingerprints); two units are treated as identical only when their digests are
equal. The entry is stored by akncache keyed by
the file's sha256 and the source of every module that decides its content (this one, diff.py and
the model's reader), so a stale outline is never used.

Format (marshal, plain values only): (MAGIC, checksum, payload), the checksum the BLAKE2b of the
payload (a damaged entry is never used), the payload (MAGIC, law, date, title, source, nodes), a node being
(branch, kind, num, label, wid, eid, digest, pickle, children) — children a tuple of nodes for a
branch (a container, or a unit holding §§ or containers), else None. `loads` checks every type
and raises ValueError on anything else.
"""
from __future__ import annotations

import marshal
from io import BytesIO
from typing import Iterator

from .akncache import _Unpickler  # builds the model's classes and nothing else
from .model import Unit

MAGIC = "lawdiff-outline-1"
_CONTAINERS = ("book", "part", "chapter", "group")


try:  # CPython's own BLAKE2: importing hashlib loads OpenSSL (~3 ms, a tenth of the command)
    from _blake2 import blake2b
except ImportError:  # another Python
    from hashlib import blake2b


def digest(fp: tuple) -> bytes:
    return blake2b(repr(fp).encode("utf-8", "surrogatepass"), digest_size=20).digest()


class Lazy:
    """A unit of the outline; reads the model unit from its pickle on first use of its data, and
    then holds the unit's data itself (a leaf: all of it; a branch: all but its children)."""

    def __init__(self, branch: bool, kind: str, num, label, wid: str, eid: str, dig: bytes, blob: bytes,
                 children: list | None) -> None:
        self._branch = branch
        self.kind, self.num, self.label, self.wid, self.eid, self.digest = kind, num, label, wid, eid, dig
        self._blob = blob
        self._unit = None
        if branch:
            self.children = children

    def unit(self):
        """The model unit (for a branch: its own part, without children)."""
        if self._unit is None:
            try:
                u = _Unpickler(BytesIO(self._blob)).load()
            except Exception:  # not a pickle of the model's classes
                u = None
            if not isinstance(u, Unit) or (u.kind, u.num, u.label, u.wid, u.eid) != \
                    (self.kind, self.num, self.label, self.wid, self.eid):
                # an entry that passed its checksum but holds another unit: written by something
                # else than dumps. Refused, never shown.
                from .errors import LawdiffError

                raise LawdiffError(f"cachen .lawdiff-cache/akn har en forkert post for {self.kind} {self.num}",
                                   hint="slet mappen .lawdiff-cache, og kør kommandoen igen")
            self._unit = u
            data = dict(vars(u))
            if self._branch:
                del data["children"]  # the outline's Lazy units, not the copy's empty list
            vars(self).update(data)
        return self._unit

    def __getattr__(self, name: str):  # only for what the instance does not hold (yet)
        if name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self.unit(), name)
        if self._branch and (callable(value) or isinstance(getattr(type(self._unit), name, None), property)):
            # the pickled copy has no children: a method or property of it would answer wrongly
            raise NotImplementedError(f"outline: {name} of a {self.kind} is not available")
        return value

    def walk(self) -> Iterator:
        yield self
        if self._branch:
            for c in self.children:
                yield from c.walk()
        else:
            for c in self.unit().children:
                yield from c.walk()


class Outline:
    """The act version: the attributes diff needs, and its units as Lazy units."""

    def __init__(self, law: str, date: str, title: str, source: str, body: list[Lazy]) -> None:
        self.law, self.date, self.title, self.source, self.body = law, date, title, source, body

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
        def visit(units: list[Lazy]) -> Iterator[Lazy]:
            for u in units:
                if u.kind == "section":
                    yield u
                if u._branch:
                    yield from visit(u.children)

        return visit(self.body)


def _branch(u) -> bool:
    return u.kind in _CONTAINERS or any(d.kind in _CONTAINERS or d.kind == "section"
                                        for c in u.children for d in c.walk())


def dumps(act) -> bytes:
    """The outline of a model act (akn.from_bytes's result), as bytes for the cache."""
    import copy
    import pickle

    from . import diff

    def merkle(u) -> bytes:
        return digest(diff.fingerprint(u, tuple(merkle(c) for c in u.children)))

    def node(u) -> tuple:
        if _branch(u):
            shell = copy.copy(u)
            shell.children = []
            children = tuple(node(c) for c in u.children)
            dig = digest(diff.fingerprint(u, tuple(c[6] for c in children)))
            return (True, u.kind, u.num, u.label, u.wid, u.eid, dig,
                    pickle.dumps(shell, protocol=pickle.HIGHEST_PROTOCOL), children)
        return (False, u.kind, u.num, u.label, u.wid, u.eid, merkle(u),
                pickle.dumps(u, protocol=pickle.HIGHEST_PROTOCOL), None)

    nodes = tuple(node(u) for u in act.body)
    payload = marshal.dumps((MAGIC, act.law, act.date, act.title, act.source, nodes))
    return marshal.dumps((MAGIC, _check(payload), payload))


def _check(payload: bytes) -> bytes:
    return blake2b(payload, digest_size=20).digest()


def _str(x, none: bool = False) -> bool:
    return type(x) is str or (none and x is None)


def _node(t) -> Lazy:
    if not (type(t) is tuple and len(t) == 9 and type(t[0]) is bool and _str(t[1]) and _str(t[2], True)
            and _str(t[3], True) and _str(t[4]) and _str(t[5]) and type(t[6]) is bytes and len(t[6]) == 20
            and type(t[7]) is bytes and (type(t[8]) is tuple if t[0] else t[8] is None)):
        raise ValueError("outline: malformed node")
    children = [_node(c) for c in t[8]] if t[0] else None
    return Lazy(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], children)


def loads(data: bytes) -> Outline:
    """The outline stored by `dumps`; ValueError for anything else (a damaged or foreign entry)."""
    t = marshal.loads(data)
    if not (type(t) is tuple and len(t) == 3 and t[0] == MAGIC and type(t[2]) is bytes and t[1] == _check(t[2])):
        raise ValueError("outline: not an outline, or a damaged one")
    t = marshal.loads(t[2])
    if not (type(t) is tuple and len(t) == 6 and t[0] == MAGIC and all(_str(x) for x in t[1:5])
            and type(t[5]) is tuple):
        raise ValueError("outline: malformed entry")
    return Outline(t[1], t[2], t[3], t[4], [_node(n) for n in t[5]])
