"""Bilag 1, "Lovforslaget sammenholdt med gældende lov" (lovteknik §6), built from the
same `Lovforslag` model as the formal amendment text."""
from __future__ import annotations

from dataclasses import dataclass

from ..engine import Result
from ..model import Line, Unit
from .instructions import Lovforslag, Nummer, _Law
from .text import unit_lines


# --- Bilag 1: Lovforslaget sammenholdt med gældende lov -------------------------

ELISION = "– – –"


@dataclass
class BilagRow:
    left: list[str]  # Gældende formulering
    right: list[str]  # Lovforslaget


def _elided(law: _Law, section: Unit, affected: set[str]) -> list[str]:
    """The § as it stands, with unaffected stk., nr. and litra elided as "– – –" (lovteknik §6)."""
    out: list[str] = []

    def label(u: Unit) -> str:
        return (u.label or "").strip()

    def own(u: Unit) -> str:
        return " ".join(b.text for b in u.intro if isinstance(b, Line))

    def runs(units: list[Unit], depth: int, first_prefix: str = "") -> None:
        i = 0
        while i < len(units):
            u = units[i]
            hit = any(d.wid in affected for d in u.walk())
            if hit:
                text = own(u) if u.wid in affected or u.children else own(u)
                prefix = first_prefix if (i == 0 and first_prefix) else ""
                lab = label(u)
                line = " ".join(x for x in (prefix, lab, text) if x)
                out.append(("  " * depth) + line)
                if u.wid in affected:
                    for d in list(u.walk())[1:]:
                        out.append(("  " * (depth + 1)) + " ".join(x for x in (label(d), own(d)) if x))
                else:
                    runs(u.children, depth + 1)
                if u.wrapup:
                    out.append(("  " * depth) + " ".join(b.text for b in u.wrapup if isinstance(b, Line)))
                i += 1
                continue
            j = i
            while j < len(units) and not any(d.wid in affected for d in units[j].walk()) \
                    and units[j].kind == u.kind:
                j += 1
            run = units[i:j]
            prefix = first_prefix if (i == 0 and first_prefix) else ""
            if u.kind == "subsection":
                nums = [x.num for x in run]
                if nums[0] == "1":
                    lab = prefix
                    rest = nums[1:]
                    out.append(("  " * depth) + f"{lab} {ELISION}".strip())
                    if rest:
                        out.append(("  " * depth) + f"Stk. {rest[0] if len(rest) == 1 else rest[0] + '-' + rest[-1]}. {ELISION}")
                else:
                    rng = nums[0] if len(nums) == 1 else f"{nums[0]}-{nums[-1]}"
                    out.append(("  " * depth) + f"{prefix + ' ' if prefix else ''}Stk. {rng}. {ELISION}")
            else:
                nums = [x.num or "" for x in run]
                rng = nums[0] if len(nums) == 1 else f"{nums[0]}-{nums[-1]}"
                out.append(("  " * depth) + f"{rng}) {ELISION}")
            i = j

    sec_label = label(section) or f"§ {section.num}."
    if section.wid in affected:
        return [ln.strip() for ln in unit_lines(section)]
    runs(section.children, 0, sec_label)
    return out


def _stands_alone(nr: Nummer) -> bool:
    """A nummer with its own row: no § to share (overalt, headings, units outside §§)."""
    return nr.section is None or bool(nr.change.get("overalt")) or nr.change.verb == "overskrift"


def _bilag_row(law: _Law, group: list[Nummer]) -> BilagRow:
    """One row: the current wording of the § the numre change (elided), beside the numre."""
    first = group[0]
    sec_wid = first.section
    right = [ln for nr in group for ln in nr.lines()]
    if first.change.verb == "overskrift":  # the heading as it reads today
        u = law.base_units[first.targets[0]]
        return BilagRow(([u.label.strip()] if u.kind == "chapter" and u.label else []) + [u.heading.text], right)
    new_top = all(nr.change.verb == "ny" and nr.change.get("ny") in ("paragraf", "kapitel", "afsnit")
                  for nr in group)
    if first.change.get("overalt") or not sec_wid or new_top:
        # throughout the act there is no one place to quote; a new § has no current wording
        return BilagRow([], right)
    # the units the numre change; a new stk. or nr. shows its parent only as context
    affected = {w for nr in group for w in nr.targets
                if w in law.base_units and not (nr.change.verb == "ny" and w == sec_wid)}
    return BilagRow(_elided(law, law.base_units[sec_wid], affected), right)


def bilag(lf: Lovforslag, result: Result) -> list[BilagRow]:
    """Bilag 1: a row per ændringsparagraf intro, then a row per § the numre change (lovteknik §6)."""
    rows: list[BilagRow] = []
    for para in lf.paragraffer:
        law = _Law(result.laws[para.law])
        rows.append(BilagRow([], [f"§ {para.n}", para.intro]))
        group: list[Nummer] = []
        for nr in para.numre:
            if group and (_stands_alone(nr) or _stands_alone(group[0]) or nr.section != group[0].section):
                rows.append(_bilag_row(law, group))
                group = []
            group.append(nr)
        if group:
            rows.append(_bilag_row(law, group))
    return rows


def bilag_text(rows: list[BilagRow]) -> str:
    out = ["Bilag 1", "", "Lovforslaget sammenholdt med gældende lov", "", "Gældende formulering | Lovforslaget", ""]
    for r in rows:
        n = max(len(r.left), len(r.right))
        for i in range(n):
            left = r.left[i] if i < len(r.left) else ""
            right = r.right[i] if i < len(r.right) else ""
            out.append(f"{left} | {right}" if left else f"| {right}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
