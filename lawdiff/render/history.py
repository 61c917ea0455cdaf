"""History pages (issue 9 §4): per act a timeline of its stored versions — official LBKs and
consolidations — with the amending acts between them; and attribution on the compare page of two
versions linked by consolidation ("ændret ved lov nr. 1380 af 23/12/2012, § 1, nr. 53").

Called from render/site.py; reads the stored versions, their consolidation records (record.py)
and the amendment files in amendments/ (consolidate.load_acts).
"""
from __future__ import annotations

from pathlib import Path

from ..consolidate import ikraft_of, load_acts
from ..errors import LawdiffError
from ..model import Act
from ..redline import Redline


def history_path(law: str) -> str:
    return f"historik/{law}.html"


def _act_entry(a, law_versions: list[Act]) -> dict:
    numre = []
    for n in a.numre:
        ik = ikraft_of(n)
        when = ik.date or ("fastsættes af ministeren" if ik.pending and "minister" in ik.pending else "ukendt")
        numre.append({"cite": n.cite, "ikraft": when, "unreadable": n.unreadable})
    return {"id": a.id, "source": a.source, "date": a.date, "title": a.title, "numre": numre}


def timeline(root: Path, law: str, versions: list[Act]) -> list[dict]:
    """Versions and amending acts in date order: [{"kind": "version"|"act", …}]."""
    try:
        acts = load_acts(root, law)
    except LawdiffError:
        acts = {}
    entries: list[tuple[tuple, dict]] = []
    for v in versions:
        rec = v.consolidation
        entries.append(((v.date, 1), {
            "kind": "version", "act": v, "consolidated": rec is not None,
            "applied": rec.applied if rec else [], "base": rec.base if rec else None,
            "pending": rec.pending if rec else [], "not_executed": rec.not_executed if rec else []}))
    for a in acts.values():
        entries.append(((a.date, 0), {"kind": "act", **_act_entry(a, versions)}))
    entries.sort(key=lambda e: e[0])
    return [e for _, e in entries]


def attribute(red: Redline, new: Act) -> int:
    """Mark every change in a compare redline with the act and nummer the new version records for
    its unit (only for versions linked by consolidation). Returns the number of units attributed."""
    rec = new.consolidation
    if rec is None:
        return 0
    n = 0
    for r in red.walk():
        by = rec.changed_by.get(r.wid)
        if not by or not (r.status != "unchanged" or r.own_changed):
            continue
        who = f"ændret ved {by}"
        r.changes = [who]
        for b in r.intro + r.wrapup + ([r.heading] if r.heading else []):
            for s in b:
                if s.op != 0:
                    s.change = who
        n += 1
    return n
