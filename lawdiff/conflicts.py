"""`lawdiff check` for proposals: each must apply cleanly; report units two proposals both touch."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .engine import Result, _index, cite_path, run
from .errors import LawdiffError
from .proposal import load_proposal
from .validate import count


@dataclass
class ProposalReport:
    checked: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    internal: int = 0  # proposals that hit a bug in lawdiff (check goes on with the others, exits 2)

    def lines(self) -> list[str]:
        out = self.errors + self.warnings + self.conflicts
        out.append(f"{count(self.checked, 'forslag', 'forslag')} kontrolleret: {count(len(self.errors), 'fejl', 'fejl')}, "
                   f"{count(len(self.warnings), 'advarsel', 'advarsler')}, "
                   f"{count(len(self.conflicts), 'konflikt', 'konflikter')} mellem forslag")
        return out


def _touched(result: Result) -> dict[tuple[str, str], dict[str, list[str]]]:
    """(law, base version) -> base unit cite -> change refs, for units the proposal itself touches."""
    out: dict[tuple[str, str], dict[str, list[str]]] = {}
    for law, lr in result.laws.items():
        base_units, base_parents = _index(lr.base)
        key = (law, lr.base.key)
        # a unit counts as touched when a change alters it, or renumbers it
        touched = {w: list(cs) for w, cs in lr.touched.items()}
        for w, c in lr.moved_by.items():
            touched.setdefault(w, []).append(c)
        for wid, changes in touched.items():
            unit = base_units.get(wid)
            if unit is None:
                continue  # a unit the proposal inserted
            cite = cite_path(unit, base_parents) or unit.cite()
            out.setdefault(key, {}).setdefault(cite, []).extend(c.ref for c in changes)
        for wid, c in lr.removed.items():
            unit = base_units.get(wid)
            if unit is not None and unit.kind == "section":
                out.setdefault(key, {}).setdefault(unit.cite(), []).append(c.ref)
    return out


def check_proposals(store, folder: Path) -> ProposalReport:
    rep = ProposalReport()
    results: dict[str, Result] = {}
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        # never read by check, build or serve: say so, rather than pass a proposal nobody sees
        rep.errors.append(f"{path}:1:1: filen læses ikke: et forslag skal hedde NAVN.yaml\n"
                          f"  → omdøb den til {path.with_suffix('.yaml').name}")
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        rep.checked += 1
        try:
            res = run(load_proposal(path), store)
            _formal(res)
        except LawdiffError as e:
            rep.errors.extend(str(x) for x in getattr(e, "errors", [e]))  # every error of the proposal
            continue
        except Exception as e:  # a bug in lawdiff must not stop the check of the other proposals
            if os.environ.get("LAWDIFF_DEBUG"):
                raise
            rep.errors.append(f"{path}: intern fejl i lawdiff: {type(e).__name__}: {str(e)[:200]}\n"
                              f"  → det er en fejl i lawdiff, ikke i forslaget; rapportér den med filen")
            rep.internal += 1
            continue
        rep.warnings.extend(res.warnings)
        results[str(path)] = res
    names = sorted(results)
    touched = {n: _touched(results[n]) for n in names}
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            ra, rb = results[a], results[b]
            if _builds_on(ra, rb) or _builds_on(rb, ra):
                continue
            for key in set(touched[a]) & set(touched[b]):
                for cite in sorted(set(touched[a][key]) & set(touched[b][key])):
                    rep.conflicts.append(
                        f"konflikt: {key[1]} {cite} berøres af både {a} ({', '.join(touched[a][key][cite])}) "
                        f"og {b} ({', '.join(touched[b][key][cite])})")
    return rep


def _formal(result: Result) -> None:
    """The lovforslag and Bilag 1, as `build`, `instructions` and `docx` word them: a change the
    engine executes but the formal text cannot word (`forekomst: 3`, a group over a moved unit)
    is an error here too, not first when the site is built."""
    from .render.bilag import bilag
    from .render.instructions import build_lovforslag

    bilag(build_lovforslag(result), result)


def _builds_on(a: Result, b: Result) -> bool:
    r = a.base_result
    while r is not None:
        if Path(r.proposal.path).resolve() == Path(b.proposal.path).resolve():
            return True
        r = r.base_result
    return False
