"""Checks against the act's own words: the rykningsklausul of a nummer (`parse_rykning`,
`check_rykning`) and "der bliver" of a citation (`check_der_bliver`), against the renumbering the
engine did (a part of _Applier, applier.py)."""
from __future__ import annotations

import re

from .. import address as addr
from ..changes.log import change_id
from ..changes.tree import _BILAG, _RYK_LIST, _apply_edits, _expand, _numbers_in, citations, cite_path
from ..errors import AddressError, LawdiffError
from ..model import Unit
from ..proposal import Change, ProposalError
from ..text import norm_map


def _num_key(n: str):
    return (0, int(n), "") if n.isdigit() else (1, 0, n)


_RYK_SEQ = rf"(?:{_RYK_LIST})(?:\s*(?:-|–|,|og)\s*(?:{_RYK_LIST}))*"


_RYK = re.compile(
    rf"(?:§\s*\d+(?:\s?[a-zæøå]{{1,2}})?\s*,\s*)?(?P<kind>stk|nr|litra)\.?\s+(?P<a>{_RYK_SEQ})\s*,?\s+"
    rf"bliver\s+(?:herefter\s+)?(?:til\s+)?(?:§\s*\d+(?:\s?[a-zæøå]{{1,2}})?\s*,\s*)?"
    rf"(?:(?:stk|nr|litra)\.?\s+)?(?P<b>{_RYK_SEQ})", re.I)


def parse_rykning(text: str) -> list[tuple[str, dict[str, str]]]:
    """A rykningsklausul as (kind, {number before: number after}) clauses; [] if it cannot be read.

    "Stk. 5-7 bliver herefter stk. 6-8." -> [("subsection", {"5": "6", "6": "7", "7": "8"})]
    """
    out = []
    t = norm_map(text)[0]
    for m in _RYK.finditer(t):
        kind = {"stk": "subsection", "nr": "paragraph", "litra": "point"}[m.group("kind").lower()]
        a, b = _expand(m.group("a"), kind), _expand(m.group("b"), kind)
        if len(a) != len(b):
            return []
        out.append((kind, dict(zip(a, b))))
    return out


def _check_annexes(group: list[Change], said: list, did: dict[str, str]) -> None:
    """A nummer that renumbers the act's annexes (changes/annex.py: new annexes before them): its
    rykningsklausul "Bilag 1 bliver herefter bilag 5." must say exactly that; none, or another, is refused."""
    from ..changes import annex, rykning

    c, text = said[-1] if said else (group[-1], None)
    d = rykning.read(norm_map(str(text))[0]) if text else None
    if d is None or d["enhed"] != "bilag":
        got = ", ".join(f"bilag {a} → {b}" for a, b in did.items()) or "ingen bilag"
        raise c.error(f"nummeret omnummererer {got}, men har ingen rykningsklausul, der siger det"
                      if text is None else f"rykningsklausulen »{text}« kan ikke læses som en rykning af bilag "
                      f"(lawdiff omnummererer {got})", "rykning",
                      hint="nummeret kan ikke udføres; markér det som ikke udført (ikke_udført)")
    fra, til = annex.expand(d["fra"]), annex.expand(d["til"])
    want = dict(zip(fra, til)) if fra and til and len(fra) == len(til) else None
    if want != did:
        got = ", ".join(f"bilag {a} → {b}" for a, b in did.items()) or "ingen bilag"
        raise c.error(f"rykningsklausulen »{text}« passer ikke med ændringerne: lawdiff omnummererer {got}",
                      "rykning", hint="kontrollér klausulen og de nye bilags numre")


def _check_annex_items(group: list[Change], said: list, did: dict[str, str]) -> None:
    """The items of an annex's list that moved up after a repealed one: the nummer's rykningsklausul must
    say exactly that ("Nr. 17-34 bliver herefter nr. 16-33."); none, or another, is refused."""
    c, text = said[-1] if said else (group[-1], None)
    clauses = parse_rykning(str(text)) if text else []
    want = clauses[0][1] if len(clauses) == 1 and clauses[0][0] == "paragraph" else None
    if want != did:
        got = _ryk_text("paragraph", did)
        raise c.error(f"nummeret rykker numrene i bilagets liste ({got}), men har ingen rykningsklausul, der siger det"
                      if text is None else f"rykningsklausulen »{text}« passer ikke med ændringerne: lawdiff rykker "
                      f"{got} i bilagets liste", "rykning", hint="nummeret kan ikke udføres; markér det som ikke udført")


def _ryk_text(kind: str, mapping: dict[str, str]) -> str:
    word = {"subsection": "stk.", "paragraph": "nr.", "point": "litra"}[kind]
    return ", ".join(f"{word} {a} → {b}" for a, b in mapping.items()) or "ingen"


class _Rykning:
    """Rykningsklausuler and "der bliver" (a part of _Applier, applier.py)."""

    def check_rykning(self, group: list[Change], text: str | None = None) -> None:
        """The nummer's rykningsklausul must say what the engine did (docs/format.md)."""
        for x in group:  # units an earlier clause left unnamed that this nummer moves again
            for wid, *_ in self.r.renumbered.get(change_id(x), []):
                self.ryk_open.pop(wid, None)
        for wid in [w for w in self.ryk_open if w in self.r.removed]:
            del self.ryk_open[wid]
        said = [(c, c.get("rykning")) for c in group if c.get("rykning")]
        if text:
            said.append((group[-1], text))
        moved = [m for x in group for m in self.r.renumbered.get(change_id(x), [])]
        annexes = {before: after for _w, _p, kind, before, after in moved if kind == "bilag"}  # changes/annex.py
        if annexes or (said and _BILAG.search(norm_map(str(said[-1][1]))[0])):
            return _check_annexes(group, said, annexes)
        items = {before: after for _w, _p, kind, before, after in moved if kind == "bilag-nr"}
        if items:  # the items of an annex's list after one repealed (changes/annex.py)
            return _check_annex_items(group, said, items)
        if not said:
            return
        c, text = said[-1]
        clauses = parse_rykning(str(text))
        if not clauses:
            raise c.error(f"rykningsklausulen »{text}« kan ikke læses", "rykning",
                          hint="skriv den som i loven, fx »Stk. 5-7 bliver herefter stk. 6-8.«")
        # what the engine did: per (parent, kind), the number the unit had before the act (the
        # clause cites the law before the act, R3; a unit the act inserted: its number before the
        # nummer) -> its number after the nummer
        did: dict[tuple[str, str], dict[str, str]] = {}
        first: dict[str, str] = {}
        last: dict[str, tuple[str, str, str]] = {}
        for x in group:
            for wid, parent, kind, before, after in self.r.renumbered.get(change_id(x), []):
                b = self.base_units.get(wid)
                first.setdefault(wid, b.num if b is not None and b.num else before)
                last[wid] = (parent, kind, after)
        wid_of: dict[tuple[str, str, str], str] = {}
        for wid, (parent, kind, after) in last.items():
            if first[wid] != after and wid not in self.r.removed:
                did.setdefault((parent, kind), {})[first[wid]] = after
                wid_of[(parent, kind, first[wid])] = wid
        for kind in dict.fromkeys(k for k, _ in clauses):
            want: dict[str, str] = {}
            for k, mapping in clauses:
                if k == kind:
                    want.update(mapping)
            have = [dict(sorted(m.items(), key=lambda kv: _num_key(kv[0]))) for (_, k), m in did.items() if k == kind]
            if len(have) == 1 and have[0] == want:
                self._check_paragraf(c, str(text), kind, did)
                continue
            if len(have) == 1 and want and all(have[0].get(a) == b for a, b in want.items()) and \
                    all(_num_key(a) > max(map(_num_key, want)) for a in have[0] if a not in want):
                # the clause names the first units of the run that moved, with their numbers after
                # this nummer; the units after them move too (they must) and a later nummer's clause
                # or "der bliver" names their numbers ("Stk. 4 og 5 bliver herefter stk. 5 og 6.", then
                # "Stk. 6-12 bliver herefter stk. 9-15.", lov nr. 589 af 18/6/2012, § 1, nr. 5 and 6)
                self._check_paragraf(c, str(text), kind, did)  # the § it names is the one whose units moved
                (parent, _), = [pk for pk in did if pk[1] == kind]
                for a in have[0]:
                    if a not in want:
                        self.ryk_open[wid_of[(parent, kind, a)]] = (c, str(text))
                continue
            got = "; ".join(_ryk_text(kind, h) for h in have) or "ingen omnummerering"
            raise c.error(f"rykningsklausulen »{text}« passer ikke med ændringerne: lawdiff omnummererer "
                          f"{got}, klausulen siger {_ryk_text(kind, want)}", "rykning",
                          hint="kontrollér nummerets adresser (de citerer loven før ændringsloven) og klausulen")

    def _check_paragraf(self, c: Change, text: str, kind: str, did: dict) -> None:
        """"§ 25, stk. 7, bliver herefter § 25, stk. 6." (lov 574/2011 § 1, nr. 20): the units moved must be § 25's."""
        m = re.match(r"\s*§\s*(\d+(?:\s?[a-zæøå]{1,2})?)\s*,", norm_map(text)[0])
        if m is None:
            return
        (parent, _), = [pk for pk in did if pk[1] == kind]
        sec = next((u for u in self.ancestors_and_self(parent) if self.units.get(u) is not None
                    and self.units[u].kind == "section"), None)
        num = self.units[sec].num if sec is not None else None
        if num is None or addr.canonical_num(num) != addr.canonical_num(m.group(1)):
            raise c.error(f"rykningsklausulen »{text}« passer ikke med ændringerne: lawdiff omnummererer i "
                          f"{'§ ' + num if num else 'en anden enhed'}, klausulen nævner § {m.group(1)}", "rykning",
                          hint="kontrollér nummerets adresser (de citerer loven før ændringsloven) og klausulen")

    def open_rykning(self) -> list[ProposalError]:
        """After the act: the units a rykningsklausul left unnamed that no later nummer moved or
        repealed — the clause does not say where they went, so the nummer is refused."""
        out: dict[int, ProposalError] = {}
        for wid, (c, text) in self.ryk_open.items():
            if id(c) in out:
                continue
            if wid in self.der_open:
                c, wheres, said, key = self.der_open[wid]
                msg = self._der_bliver_mismatch(c, wheres, said, key) or f"»der bliver {said}« passer ikke"
                out[id(c)] = c.error(msg + " efter ændringsloven", key,
                                     hint="ret »der bliver«, eller kontrollér numrene (de citerer loven før "
                                          "ændringsloven; »der bliver« nummereringen efter den)")
                continue
            u = self.units.get(wid)
            where = cite_path(u, self.parents) if u is not None else wid
            out[id(c)] = c.error(f"rykningsklausulen »{text}« nævner ikke {where}, som ændringen også "
                                 "omnummererer, og intet senere nummer flytter den", "rykning",
                                 hint="kontrollér klausulen og nummerets adresser (de citerer loven før ændringsloven)")
        return [e for e in out.values()]

    def check_der_bliver(self, c: Change, where: str | None = None, said: str | None = None,
                         key: str | None = None) -> None:
        """`der_bliver`: the numbers the cited units have after the earlier changes, checked.

        Without `where`: the change's own `der_bliver` against its address(es); with it: one address
        of a citation and the "der bliver" the citation gave it. Every number "der bliver" names
        ("stk. 4", "stk. 8 og 9", "stk. 7, 3.-6. pkt.") is compared with the engine's numbering of
        the cited units, kind by kind; a kind the citation does not reach is not compared.
        """
        if where is None:
            said = c.get("der_bliver")
            if not said:
                return
            key = "der_bliver"
            wheres = [w for k in ("affattes", "ophæves", "i", "efter", "før") if c.get(k)
                      for w, _ in citations(c.get(k))]
        else:
            if not said:
                return
            wheres = list(where) if isinstance(where, list) else [where]
        msg = self._der_bliver_mismatch(c, wheres, said, key)
        if msg is not None:
            # "I § 4, stk. 3, der bliver stk. 5, …" where a later nummer of the act inserts the two
            # stk. (lov 478/2012 § 2, nr. 4 and 7): "der bliver" names the numbers after the whole
            # act; checked again after every change, and the nummer is refused after the act
            # (open_rykning) if they never come true
            k = f"\x00der_bliver\x00{len(self.der_open)}"
            self.der_open[k] = (c, wheres, said, key)
            self.ryk_open[k] = (c, str(said))

    def _recheck_der_bliver(self) -> None:
        for k, (c, wheres, said, key) in list(self.der_open.items()):
            try:
                ok = self._der_bliver_mismatch(c, wheres, said, key) is None
            except LawdiffError:
                ok = False
            if ok:
                del self.der_open[k]
                self.ryk_open.pop(k, None)

    def _der_bliver_mismatch(self, c: Change, wheres: list[str], said: str, key: str | None) -> str | None:
        """The message when the cited units' numbers now are not what "der bliver" says; else None."""
        want = _numbers_in(str(said))
        if not want:
            return None  # nothing to compare ("der bliver" names no stk., nr., litra or pkt.)
        have: dict[str, set[str]] = {}
        for text in wheres:
            try:
                target = self.cited(text)
            except (AddressError, LawdiffError):
                continue
            for bu in target.units:
                if target.address.pkt and "pkt" in want:
                    have.setdefault("pkt", set()).add(str(self._pkt_now(c, bu, target.address.pkt, key)))
                for w in self.ancestors_and_self(bu.wid):
                    u = self.base_units[w]
                    word = {"subsection": "stk", "paragraph": "nr", "point": "litra"}.get(u.kind)
                    if word in want:
                        live = self.units.get(w)
                        have.setdefault(word, set()).add(live.num if live is not None else "?")
        compared = [k for k in want if k in have]
        for k in compared:
            if have[k] != want[k]:
                now = ", ".join(f"{k}{'.' if k != 'litra' else ''} {n}" if k != "pkt" else f"{n}. pkt."
                                for n in sorted(have[k], key=_num_key))
                return f"{', '.join(wheres)} er nu {now}, men ændringen siger »der bliver {said}«"
        return None

    def _pkt_now(self, c: Change, base_unit: Unit, k: int, key: str) -> int:
        """The number the base unit's k'th punktum has after the edits made so far."""
        unit = self.units[base_unit.wid]
        (wid, part, i), s, _e = self.pkt_span(c, unit, k, key)
        # the unit's lines with the edits made so far, up to where the punktum begins, counted as
        # pkt_spans counts (address.punktum_spans_of: a punktum over two lines is one)
        lines: list[str | None] = []
        for (p, j), text in addr.unit_lines(unit):
            edits = self.r.edits.get((wid, p, j), []) if text is not None else []
            if (p, j) == (part, i):
                prefix = _apply_edits(text[:s], [e for e in edits if e.end <= s])
                return len(addr.punktum_spans_of(lines + [prefix])) + 1 if prefix.strip() else \
                    len(addr.punktum_spans_of(lines)) + 1
            lines.append(_apply_edits(text, edits) if text is not None else None)
        return k
