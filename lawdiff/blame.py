"""`lawdiff blame LAW[@DATE] ADDRESS`: per stk., nr., litra and punktum, the act and nummer that
last changed it.

The history is the stored versions of the act. A consolidated version (`lawdiff consolidate`)
records per unit the act and nummer that last changed it (record.py); an official LBK records
nothing. Walking back from the version asked for, for each punktum:
- in a consolidated version: if the punktum reads differently in its base, the unit's recorded
  act and nummer changed it; otherwise look further back, in the base;
- in an official version: if the previous stored version has the same punktum (the unit found
  by its stable id, else by its address), look further back there; if it reads differently, the
  change happened between two versions that no consolidation links, and blame says so — it
  never guesses the act; with no earlier version, the text is the first version known.
An annex ("bilag 2") is blamed as a whole, the same way (blame_annex): a consolidation records per
annex the act and nummer that last changed it.
"""
from __future__ import annotations

import re

from . import address as addr
from .errors import LawdiffError
from .model import Act, Unit, ancestry
from .text import norm

_PROVISIONS = ("section", "subsection", "paragraph", "point", "indent")


def _parents(act: Act) -> dict[str, Unit | None]:
    out: dict[str, Unit | None] = {}

    def visit(units, parent):
        for u in units:
            out[u.wid] = parent
            visit(u.children, u)

    visit(act.body, None)
    return out


def _pkts(u: Unit) -> list[str]:
    return [norm(p) for p in addr.punktummer(u)]


class _Version:
    def __init__(self, act: Act):
        self.act = act
        self.by_wid = {u.wid: u for u in act.walk()}
        self.parents = _parents(act)

    def cite(self, u: Unit) -> str:
        return addr.citation(ancestry(u, self.parents))

    def find(self, u: Unit, cite: str) -> Unit | None:
        """The same unit in this version: by stable id, else by its address."""
        hit = self.by_wid.get(u.wid)
        if hit is not None and hit.kind == u.kind:
            return hit
        try:
            t = addr.resolve(self.act, cite)
        except LawdiffError:
            return None
        return t.units[0] if len(t.units) == 1 and t.units[0].kind == u.kind else None


def _previous(store, act: Act) -> Act | None:
    older = [v for v in store.versions(act.law) if v < act.date]
    return store.load(f"{act.law}@{older[-1]}") if older else None


def _who(store, start: Act, unit: Unit, k: int | None, cache: dict) -> str:
    """Who last changed punktum k of `unit` (or the unit's whole own text when k is None)."""
    def version(a: Act) -> _Version:
        v = cache.get(a.key)
        if v is None:
            v = cache[a.key] = _Version(a)
        return v

    cur = version(start)
    u = unit
    cite = cur.cite(u)

    def text(x: Unit) -> object:
        p = _pkts(x)
        return (p[k] if k < len(p) else None) if k is not None else tuple(p)

    mine = text(u)
    while True:
        rec = cur.act.consolidation
        if rec is not None:
            try:
                base = version(store.load(rec.base))
            except LawdiffError:
                base = None
            prior = base.find(u, cite) if base is not None else None
            if prior is None or text(prior) != mine:
                by = rec.changed_by.get(u.wid)
                if by:
                    return f"{by} ({cur.act.key})"
                if prior is None or text(prior) is None:
                    return f"findes ikke i {rec.base}; indsat ved en af lovene i {cur.act.key}"
                return f"ændret i {cur.act.key}; loven og nummeret er ikke registreret"
            cur, u = base, prior
            continue
        prev_act = _previous(store, cur.act)
        if prev_act is None:
            return f"oprindelig tekst (første kendte version: {cur.act.source}, {cur.act.key})"
        prev = version(prev_act)
        prior = prev.find(u, cite)
        if prior is None or text(prior) != mine:
            what = "indsat" if prior is None or text(prior) is None else "ændret"
            return (f"{what} mellem {prev.act.source} ({prev.act.key}) og {cur.act.source} ({cur.act.key}); "
                    "ændringsloven kendes ikke (ingen konsolidering forbinder de to versioner)")
        cur, u = prev, prior


def blame_units(store, act: Act, units, cache: dict | None = None):
    """(unit, punktum index or None, cite, who) for every stk./nr./litra/pkt. under `units` of the loaded
    `act` (`cache` keeps the versions read between calls)."""
    cache = {} if cache is None else cache
    v = cache.get(act.key)
    if v is None:
        v = cache[act.key] = _Version(act)
    for top in units:
        for u in top.walk():
            if u.kind not in _PROVISIONS:
                continue
            cite = v.cite(u)
            pkts = _pkts(u)
            if not pkts:
                continue
            if len(pkts) == 1:
                yield u, None, cite, _who(store, act, u, None, cache)
                continue
            for k in range(len(pkts)):
                yield u, k, f"{cite}, {k + 1}. pkt.", _who(store, act, u, k, cache)


_ANNEX = re.compile(r"\s*(?:lovens\s+)?bilag\s+(\S+(?:\s[a-zæøå])?)\s*", re.I)


def _annex(act: Act, num: str):
    """The annex "bilag `num`" of `act` (None when it has none of that number)."""
    want = re.sub(r"\s+", "", num).lower()
    hits = [a for a in act.annexes if a.num is not None and re.sub(r"\s+", "", a.num).lower() == want]
    return hits[0] if len(hits) == 1 else None


def _annex_text(a) -> tuple | None:
    from .annexdiff import block_text

    return None if a is None else (norm(a.label), tuple(norm(h.text) for h in a.headings),
                                   tuple(norm(block_text(b)) for b in a.body))


def blame_annex(store, act: Act, num: str) -> str:
    """Who last changed annex "bilag `num`" of `act` (its label, heading lines and text as a whole),
    as _who does for a punktum: a consolidated version names the act and nummer it records for the
    annex (annexdiff.anchor: "bilag-2") if the annex reads differently in its base; an official
    version looks back to the previous stored one; the first version known is the original text."""
    from .annexdiff import anchor

    cur, a = act, _annex(act, num)
    if a is None:
        have = ", ".join(x.label for x in act.annexes) or "ingen bilag"
        raise LawdiffError(f"{act.key} har ikke bilag {num} (loven har: {have})",
                           hint="vælg et af lovens bilag")
    mine = _annex_text(a)
    while True:
        rec = cur.consolidation
        if rec is not None:
            try:
                base = store.load(rec.base)
            except LawdiffError:
                base = None
            prior = _annex_text(_annex(base, num)) if base is not None else None
            if prior != mine:
                by = rec.changed_by.get(anchor(a))
                if by:
                    return f"{by} ({cur.key})"
                if prior is None:
                    return f"findes ikke i {rec.base}; indsat ved en af lovene i {cur.key}"
                return f"ændret i {cur.key}; loven og nummeret er ikke registreret"
            cur = base
            continue
        prev = _previous(store, cur)
        if prev is None:
            return f"oprindelig tekst (første kendte version: {cur.source}, {cur.key})"
        prior = _annex_text(_annex(prev, num))
        if prior != mine:
            what = "indsat" if prior is None else "ændret"
            return (f"{what} mellem {prev.source} ({prev.key}) og {cur.source} ({cur.key}); "
                    "ændringsloven kendes ikke (ingen konsolidering forbinder de to versioner)")
        cur = prev


def blame(store, ref: str, address: str) -> list[str]:
    act = store.load(ref)
    m = _ANNEX.fullmatch(address)
    if m:  # "bilag 2": the annex as a whole
        a = _annex(act, m.group(1))
        who = blame_annex(store, act, m.group(1))
        return [f"{act.key} ({act.source})", f"{a.cite()}: {who}"]
    target = addr.resolve(act, address)
    out = [f"{act.key} ({act.source})"]
    for _, _, cite, who in blame_units(store, act, target.units):
        out.append(f"{cite}: {who}")
    return out
