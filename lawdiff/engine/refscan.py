"""R5: references elsewhere in the act to a stk. that moved need a konsekvensændring; reported as
warnings after the changes are made (a part of _Applier, applier.py)."""
from __future__ import annotations

import re

from .. import address as addr
from ..changes.log import LineKey
from ..changes.tree import cite_path
from ..model import Line, Unit
from ..proposal import Change
from ..text import has_invisible, norm_map


class _RefScan:
    """The reference scan of `finish` (a part of _Applier, applier.py)."""

    _REF = re.compile(r"(?P<sec>§\s*(?P<p>\d+(?:\s[a-zæøå])?),\s*)?stk\.\s*(?P<a>\d+)"
                      r"(?:\s*(?P<sep>-|–|og)\s*(?P<b>\d+))?(?!\d)")

    def _reference_warnings(self) -> None:
        """R5: references to stk. that moved need a konsekvensændring."""
        moved: dict[str, dict[str, str]] = {}  # section wid -> {old stk. number: new}
        cause: dict[str, Change] = {}
        for wid, c in self.r.moved_by.items():
            b, n = self.base_units.get(wid), self.units.get(wid)
            if b is None or n is None or b.num == n.num or b.kind != "subsection":
                continue
            sec = self.parents.get(wid)
            if sec is None or sec.wid in self.r.removed:
                continue
            moved.setdefault(sec.wid, {})[b.num] = n.num
            cause.setdefault(sec.wid, c)
        if not moved:
            return
        from ..refs import _OTHER_ACT
        by_num = {addr.canonical_num(s.num): s for s in self.r.base.sections() if s.num}
        for s in self.r.base.sections():
            for u in s.walk():
                if u.wid in self.r.removed or u.wid in self.r.rewritten:
                    continue
                for part in ("intro", "wrapup"):
                    for i, b in enumerate(getattr(u, part)):
                        if isinstance(b, Line):
                            self._scan_refs(s, u, (u.wid, part, i), b.text, by_num, moved, cause, _OTHER_ACT)

    def _scan_refs(self, s: Unit, u: Unit, key: LineKey, line: str, by_num, moved, cause, other_act) -> None:
        if _without_stk(line):
            return  # the hot path: most lines of an act
        edits = self.r.edits.get(key, [])
        text, idx = norm_map(line)
        for m in self._REF.finditer(text):
            o_start, o_end = idx[m.start()], idx[m.end() - 1] + 1
            if any(e.start < o_end and o_start < e.end for e in edits):
                continue  # a change of this proposal already rewrites the reference
            if m.group("sec"):
                if other_act.search(text[m.end():m.end() + 40]):
                    continue
                target = by_num.get(addr.canonical_num(m.group("p")))
            else:
                target = s
            mapping = moved.get(target.wid) if target is not None else None
            if not mapping:
                continue
            a, b = m.group("a"), m.group("b")
            na, nb = mapping.get(a, a), (mapping.get(b, b) if b else None)
            if na == a and nb == b:
                continue
            old = m.group(0)
            new = old[:m.start("a") - m.start()] + na + (
                old[m.end("a") - m.start():m.start("b") - m.start()] + nb if b else "")
            self.r.warnings.append(cause[target.wid].warning(
                f"{cite_path(u, self.base_parents)} henviser til »{old}«, der bliver »{new}«: "
                f"konsekvensændring nødvendig (ændres »{old}« til: »{new}«)"))


def _without_stk(line: str) -> bool:
    """True when norm_map(line) cannot hold "stk." (so no _Applier._REF match): the line lacks it,
    and norm_map can only make it appear by removing an invisible character inside it (white space
    becomes a space, and "stk." has none). Cheaper than norm_map and its index list."""
    return "stk." not in line and not has_invisible(line)
