"""`lawdiff check` for stored acts: schema, eIds, numbering, punktum references."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import akn, names
from .errors import LawdiffError
from .labels import LETTERS
from .model import Act, Unit
from .paths import read_regular
from .refs import check_pkt_refs
from .xmlsafe import parse_bytes

MAX_BYTES = 64 * 1024 * 1024


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


def duplicate_sections(act: Act, lines: dict[str, int]) -> list[tuple[int, str]]:
    """§ numbers that occur more than once in the act (outside ikraft notes)."""
    first: dict[str, Unit] = {}
    out = []
    for sec in act.sections():
        if not sec.num:
            continue
        if sec.num in first:
            out.append((lines.get(sec.eid, 0), f"§ {sec.num} findes to gange (også linje "
                                               f"{lines.get(first[sec.num].eid, 0)}); ret nummereringen"))
        else:
            first[sec.num] = sec
    return out


def check_file(path: Path, statutes: Path | None = None) -> list[Problem]:
    f = str(path)
    try:
        data = read_regular(path, MAX_BYTES, inside=statutes, what="lovfilen")
        tree = parse_bytes(data, f)
    except LawdiffError as e:
        return [Problem(f, e.line or 0, e.message)]
    root = tree.getroot()
    # every unsafe name, id and date, and every duplicate eId, before the model is read
    unsafe = [Problem(f, line, msg) for line, msg in akn.read_problems(root, data)]
    dups = [Problem(f, line, msg) for line, msg in akn.duplicate_ids(root, "eId") + akn.duplicate_ids(root, "wId")]
    try:
        act = akn.from_bytes(data, f) if not unsafe else None
    except LawdiffError as e:
        return unsafe + dups + [Problem(f, e.line or 0, e.message)]
    problems = [Problem(f, line, f"AKN-skema: {msg}") for line, msg in akn.validate(tree)]
    problems += unsafe + dups
    if act is None:
        return problems
    lines = {e.get("eId"): e.sourceline for e in root.iter() if isinstance(e.tag, str) and e.get("eId")}
    expected = f"{act.date}.xml"
    if path.name != expected or path.parent.name != act.law:
        problems.append(Problem(f, 1, f"filen skal hedde {act.law}/{expected} efter sit indhold"))
    problems += [Problem(f, line, msg) for line, msg in duplicate_sections(act, lines)]
    for unit, msg in numbering_gaps(act):
        problems.append(Problem(f, lines.get(unit.eid, 0), f"nummerering: {msg}"))
    for ref in check_pkt_refs(act).failures:
        problems.append(Problem(f, lines.get(ref.unit.eid, 0),
                                f"»{ref.text}« henviser til {ref.needed}. pkt., men {ref.target} har kun "
                                f"{ref.found} punktum{'mer' if ref.found != 1 else ''}"))
    return problems


def stray_entries(statutes: Path) -> list[Problem]:
    """Folders and files in statutes/ that the store ignores because their names break the rules."""
    out = []
    if not statutes.is_dir():
        return out
    for d in sorted(statutes.iterdir()):
        if d.name.startswith("."):
            continue
        if not d.is_dir() or d.is_symlink():
            out.append(Problem(str(d), 0, "kun mapper med lovens kortnavn hører hjemme i statutes/"))
            continue
        if not names.is_law(d.name):
            out.append(Problem(str(d), 0, f"mappenavnet {names.shown(d.name)} er ikke et gyldigt kortnavn "
                                          "(små bogstaver, tal og bindestreg)"))
            continue
        for x in sorted(d.iterdir()):
            if x.name.startswith("."):
                continue
            if x.suffix != ".xml" or not names.is_date(x.stem):
                out.append(Problem(str(x), 0, "filen skal hedde ÅÅÅÅ-MM-DD.xml med en gyldig dato"))
    return out


def check_store(files: list[Path], statutes: Path | None = None) -> list[Problem]:
    out: list[Problem] = stray_entries(statutes) if statutes is not None else []
    stray = {p.file for p in out}
    for p in files:
        if str(p) in stray:
            continue
        out.extend(check_file(p, statutes))
    return out
