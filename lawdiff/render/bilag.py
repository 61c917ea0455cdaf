"""Bilag 1, "Lovforslaget sammenholdt med gældende lov" (lovteknik §6), built from the
same `Lovforslag` model as the formal amendment text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..engine import Result
from ..model import Line, Unit
from .instructions import Lovforslag, Nummer, _Law
from ..text import norm
from .text import annex_lines, unit_lines


# --- Bilag 1: Lovforslaget sammenholdt med gældende lov -------------------------

ELISION = "– – –"


@dataclass
class BilagRow:
    left: list[str]  # Gældende formulering
    right: list[str]  # Lovforslaget
    cont: bool = False  # continues the § of the row before (no rule between them)
    intro: bool = False  # an ændringsparagraf's intro row (kept with the row after it)


@dataclass
class _Left:
    text: str  # indented by two spaces per level below stk., as `bilag_text` prints it
    wids: set[str]  # the units the line stands for (an elision stands for all it leaves out)


def _label(u: Unit) -> str:
    return (u.label or "").strip()


def _own(u: Unit) -> str:
    return " ".join(b.text for b in u.intro if isinstance(b, Line))


def _elided(section: Unit, whole: set[str], own: set[str]) -> list[_Left]:
    """The § as it stands, only the units the numre change printed, the rest elided as
    "– – –" (lovteknik §6). A unit in `whole` (affattes, ophæves) is printed with all below
    it; a unit in `own` (words changed) with its own text, its children elided unless hit."""
    out: list[_Left] = []
    hit_wids = whole | own

    def hit(u: Unit) -> bool:
        return any(d.wid in hit_wids for d in u.walk())

    def full(u: Unit, depth: int, prefix: str) -> None:
        line = " ".join(x for x in (prefix, _label(u), _own(u)) if x)
        out.append(_Left(("  " * depth) + line, {d.wid for d in u.walk()}))
        for c in u.children:
            full(c, depth + 1, "")
        if u.wrapup:
            out.append(_Left(("  " * depth) + " ".join(b.text for b in u.wrapup if isinstance(b, Line)), {u.wid}))

    def runs(units: list[Unit], depth: int, first_prefix: str = "") -> None:
        i = 0
        while i < len(units):
            u = units[i]
            prefix = first_prefix if i == 0 else ""
            if u.wid in whole:
                full(u, depth, prefix)
                i += 1
                continue
            if hit(u):
                line = " ".join(x for x in (prefix, _label(u), _own(u)) if x)
                out.append(_Left(("  " * depth) + line, {u.wid}))
                runs(u.children, depth + 1)
                if u.wrapup:
                    out.append(_Left(("  " * depth) + " ".join(b.text for b in u.wrapup if isinstance(b, Line)),
                                     {u.wid}))
                i += 1
                continue
            j = i
            while j < len(units) and not hit(units[j]) and units[j].kind == u.kind:
                j += 1
            run = units[i:j]
            covered = {d.wid for x in run for d in x.walk()}
            if u.kind == "subsection":
                nums = [x.num for x in run]
                if nums[0] == "1":
                    out.append(_Left(("  " * depth) + f"{prefix} {ELISION}".strip(), {run[0].wid} | {d.wid for d in run[0].walk()}))
                    rest = nums[1:]
                    if rest:
                        out.append(_Left(("  " * depth) + f"Stk. {rest[0] if len(rest) == 1 else rest[0] + '-' + rest[-1]}. {ELISION}",
                                         {d.wid for x in run[1:] for d in x.walk()}))
                else:
                    rng = nums[0] if len(nums) == 1 else f"{nums[0]}-{nums[-1]}"
                    out.append(_Left(("  " * depth) + f"{prefix + ' ' if prefix else ''}Stk. {rng}. {ELISION}", covered))
            else:
                nums = [x.num or "" for x in run]
                rng = nums[0] if len(nums) == 1 else f"{nums[0]}-{nums[-1]}"
                out.append(_Left(("  " * depth) + f"{rng}) {ELISION}", covered))
            i = j

    sec_label = _label(section) or f"§ {section.num}."
    if section.wid in whole:
        return [_Left(ln.strip(), {section.wid}) for ln in unit_lines(section)]
    if not section.children:
        return [_Left(" ".join(x for x in (sec_label, _own(section)) if x), {section.wid})]
    runs(section.children, 0, sec_label)
    if out:
        out[0].wids.add(section.wid)
    return out


def _annex_left(law: _Law, nr: Nummer) -> list[str]:
    """The current wording beside a nummer changing an annex: nothing for a new annex; the whole
    annex it rewrites or repeals (label, heading lines, text); for changed words the annex's label
    and the lines the words stand in, the others elided ("– – –")."""
    from ..annexdiff import _num_key, block_text

    d = nr.change.data
    if d.get("ny") == "bilag":
        return []
    cited = re.match(r"^bilag (\d+(?: [a-zæøå])?)", str(d.get("affattes") or d.get("ophæves") or d.get("i") or ""))
    if cited is None:
        return []
    key = _num_key(cited.group(1))
    annex = next((a for a in law.lr.base.annexes if a.num and _num_key(a.num) == key), None)
    if annex is None:
        return []
    if d.get("i") is None:
        return annex_lines(annex)
    words = [norm(str(c.data[k])) for c in [nr.change, *nr.also]
             for k in ("ændres", "udgår", "indsættes_efter", "indsættes_før") if c.data.get(k)]
    item = re.match(r"^bilag [^,]+, nr\. (\d+)$", str(d["i"]))  # "bilag 1, nr. 10": the line "10) …"
    out = [annex.label]
    for text in [h.text for h in annex.headings] + [block_text(b) for b in annex.body]:
        if item is not None and not re.match(rf"^{item.group(1)}[).] ", text):
            hit = False
        else:
            hit = any(w in norm(text) for w in words)
        if hit:
            out += text.split("\n")
        elif out[-1] != ELISION:
            out.append(ELISION)
    return out


def _stands_alone(nr: Nummer) -> bool:
    """A nummer with its own row: no § to share (overalt, headings, units outside §§)."""
    return nr.section is None or bool(nr.change.get("overalt")) or nr.change.verb == "overskrift"


WHOLE = ("repeal", "rewrite", "replace")  # placements that act on a unit with all below it


def _bilag_rows(law: _Law, group: list[Nummer], places: dict) -> list[BilagRow]:
    """The current wording of the § the numre change (elided), cut so that each nummer stands
    beside the text it changes: a new row starts at each line a nummer acts on."""
    first = group[0]
    sec_wid = first.section
    p0 = places.get(id(first.change))
    part = p0.what if p0 is not None and p0.what in ("heading", "title") else \
        (p0.offset[0] if p0 is not None and p0.offset and p0.offset[0] in ("heading", "title") else None)
    if p0 is not None and p0.what == "annex":
        return [BilagRow(_annex_left(law, first), [ln for nr in group for ln in nr.lines()])]
    if part == "title":  # the act's title as it reads today
        return [BilagRow([law.lr.base.title[:1].upper() + law.lr.base.title[1:]],
                         [ln for nr in group for ln in nr.lines()])]
    if first.change.verb == "overskrift" or (part == "heading" and first.targets
                                             and law.base_units.get(first.targets[0]) is not None
                                             and law.base_units[first.targets[0]].heading is not None):
        u = law.base_units[first.targets[0]]  # the heading as it reads today
        left = ([u.label.strip()] if u.kind == "chapter" and u.label else []) + [u.heading.text]
        return [BilagRow(left, [ln for nr in group for ln in nr.lines()])]
    new_top = all(nr.change.verb == "ny" and nr.change.get("ny") in ("paragraf", "kapitel", "afsnit")
                  for nr in group)
    if first.change.get("overalt") or not sec_wid or new_top:
        # throughout the act there is no one place to quote; a new § has no current wording
        return [BilagRow([], [ln for nr in group for ln in nr.lines()])]
    whole, own = set(), set()
    for nr in group:
        p = places.get(id(nr.change))
        if p is None or (p.what == "new" and p.new_wids):
            continue  # the place of a new unit is its anchor, which needs no printing
        # (a new punktum has no unit of its own: the text it goes into is printed)
        for w in nr.targets:
            if w in law.base_units:
                (whole if p.what in WHOLE else own).add(w)
    lines = _elided(law.base_units[sec_wid], whole, own)
    # the line each nummer acts on; numre keep their order
    at: list[int] = []
    for nr in group:
        p = places.get(id(nr.change))
        want = (p.anchor if p is not None and p.what == "new" and p.anchor else None) \
            or (nr.targets[0] if nr.targets else None)
        idx = next((i for i, ln in enumerate(lines) if want in ln.wids), None)
        if idx is None or (want == sec_wid and nr.change.verb == "ny"):
            idx = len(lines) - 1 if nr.change.verb == "ny" else 0
        at.append(max([idx] + at[-1:]))
    cuts = sorted({0} | set(at))
    rows = []
    for k, c in enumerate(cuts):
        end = cuts[k + 1] if k + 1 < len(cuts) else len(lines)
        right = [ln for nr, a in zip(group, at) if a == c for ln in nr.lines()]
        rows.append(BilagRow([ln.text for ln in lines[c:end]], right, cont=k > 0))
    return rows


def bilag(lf: Lovforslag, result: Result) -> list[BilagRow]:
    """Bilag 1: a row per ændringsparagraf intro, then rows per § the numre change (lovteknik §6)."""
    rows: list[BilagRow] = []
    for para in lf.paragraffer:
        lr = result.laws[para.law]
        law = _Law(lr)
        places = {}
        for p in lr.placements:  # a new unit goes beside the unit it is inserted after or before
            places.setdefault(id(p.change), p)
        rows.append(BilagRow([], [f"§ {para.n}", para.intro], intro=True))
        group: list[Nummer] = []
        for nr in para.numre:
            if group and (_stands_alone(nr) or _stands_alone(group[0]) or nr.section != group[0].section):
                rows.extend(_bilag_rows(law, group, places))
                group = []
            group.append(nr)
        if group:
            rows.extend(_bilag_rows(law, group, places))
    return rows


def bilag_text(rows: list[BilagRow]) -> str:
    out = ["Bilag 1", "", "Lovforslaget sammenholdt med gældende lov", "", "Gældende formulering | Lovforslaget"]
    for r in rows:
        if not r.cont:
            out.append("")
        n = max(len(r.left), len(r.right))
        for i in range(n):
            left = r.left[i] if i < len(r.left) else ""
            right = r.right[i] if i < len(r.right) else ""
            out.append(f"{left} | {right}" if left else f"| {right}")
    return "\n".join(out).rstrip() + "\n"
