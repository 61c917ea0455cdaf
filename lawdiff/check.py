"""`lawdiff check` for stored acts: schema, eIds, numbering, punktum references."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import akn
from .errors import LawdiffError
from .labels import LETTERS
from .model import Act, Unit
from .refs import check_pkt_refs
from .xmlsafe import parse_bytes


@dataclass
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def _expected_next(kind: str, prev: str | None) -> str:
    if kind == "point":
        return "a" if prev is None else LETTERS[(LETTERS.index(prev) + 1) % len(LETTERS)]
    return "1" if prev is None else str(int(prev) + 1)


def numbering_gaps(act: Act) -> list[tuple[Unit, str]]:
    """Gaps and duplicates among stk., nr. and litra siblings (§§ may have gaps)."""
    out = []
    for parent in act.walk():
        prev: dict[str, str | None] = {}
        for c in parent.children:
            if c.kind not in ("subsection", "paragraph", "point") or not c.num:
                continue
            num = c.num.replace(" ", "").lower()
            m = re.fullmatch(r"(\d+|[a-zæøå])(?:-(\d+|[a-zæøå]))?", num)
            if not m:
                continue  # "2 a" (an inserted nr.) and similar are not counted
            want = _expected_next(c.kind, prev.get(c.kind))
            if m.group(1) != want:
                out.append((c, f"{c.cite()} følger efter {prev.get(c.kind) or 'ingenting'}; ventede {want}"))
            prev[c.kind] = m.group(2) or m.group(1)
    return out


def check_file(path: Path) -> list[Problem]:
    data = path.read_bytes()
    f = str(path)
    try:
        tree = parse_bytes(data, f)
        act = akn.from_bytes(data, f)
    except LawdiffError as e:
        return [Problem(f, e.line or 0, e.message)]
    root = tree.getroot()
    problems = [Problem(f, line, f"AKN-skema: {msg}") for line, msg in akn.validate(tree)]
    problems += [Problem(f, line, msg) for line, msg in akn.duplicate_eids(root)]
    lines = {e.get("eId"): e.sourceline for e in root.iter() if isinstance(e.tag, str) and e.get("eId")}
    expected = f"{act.date}.xml"
    if path.name != expected or path.parent.name != act.law:
        problems.append(Problem(f, 1, f"filen skal hedde {act.law}/{expected} efter sit indhold"))
    for unit, msg in numbering_gaps(act):
        problems.append(Problem(f, lines.get(unit.eid, 0), f"nummerering: {msg}"))
    for ref in check_pkt_refs(act).failures:
        problems.append(Problem(f, lines.get(ref.unit.eid, 0),
                                f"»{ref.text}« henviser til {ref.needed}. pkt., men {ref.target} har kun "
                                f"{ref.found} punktum{'mer' if ref.found != 1 else ''}"))
    return problems


def check_store(files: list[Path]) -> list[Problem]:
    out: list[Problem] = []
    for p in files:
        out.extend(check_file(p))
    return out
