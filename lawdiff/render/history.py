"""History pages (issue 9 §4): per act a timeline of its stored versions — official LBKs and
consolidations — with the amending acts between them; and attribution on the compare page of two
versions linked by consolidation ("ændret ved lov nr. 1380 af 23/12/2012, § 1, nr. 53").

Called from render/site.py; reads the stored versions, their consolidation records (record.py)
and the amendment files in amendments/ (consolidate.load_acts).
"""
from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path
from typing import Iterator

import yaml

from ..consolidate import ikraft_of, load_act, load_acts
from ..model import Act
from ..redline import Redline
from ..yamlfile import ProposalError, quick_load


def history_path(law: str) -> str:
    return f"historik/{law}.html"


def _act_entry(a, law_versions: list[Act]) -> dict:
    numre = []
    for n in a.numre:
        ik = ikraft_of(n)
        when = ik.date or ("fastsættes af ministeren" if ik.pending and "minister" in ik.pending else "ukendt")
        numre.append({"cite": n.cite, "ikraft": when, "unreadable": n.unreadable})
    return {"id": a.id, "source": a.source, "date": a.date, "title": a.title, "numre": numre}


def _read(path: Path) -> bytes:
    """An amendment file's bytes, read as load_proposal reads it: a regular file inside its folder
    (never a FIFO, which hung `build`, nor a link out of amendments/, which was published), bounded;
    anything else is load_proposal's own error, naming the file."""
    from ..paths import UnsafePath, read_regular
    from ..proposal import MAX_BYTES, load_proposal

    try:
        return read_regular(path, MAX_BYTES, inside=path.parent, what="forslaget", noun="et forslag")
    except UnsafePath:
        load_proposal(path)  # raises the ProposalError that check and consolidate give
        raise


class Amendments:
    """The amendment files of a site, each read once per content (not once per act and file:
    with every chain of the corpus that was 120 acts × 300 files, each file loaded twice per act).

    Keyed by the sha256 of the file's bytes, so a long-lived builder (`lawdiff serve`) sees an
    edited file at once. `acts(law)` gives what consolidate.load_acts gives for `law`."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._laws: dict[str, frozenset] = {}  # sha256 -> the laws the file's ændringsparagraffer name
        self._acts: dict[tuple[str, str], object] = {}  # (sha256, law) -> AmendingAct | None
        self._snap = False  # inside `snapshot`
        self._files: list[tuple[Path, str]] | None = None  # the snapshot: the files and their sha256

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """Within one build, read and hash amendments/ once (when first needed), not once per act
        (120 acts × 415 files for every chain of the corpus). Outside it, every call reads the
        folder as it is then (a long-lived builder, `lawdiff serve`, sees an edited file at once)."""
        self._snap, self._files = True, None
        try:
            yield
        finally:
            self._snap, self._files = False, None

    def _list(self) -> list[tuple[Path, str]]:
        return [(path, hashlib.sha256(_read(path)).hexdigest())
                for path in sorted((self.root / "amendments").glob("*.yaml"))]

    def _laws_of(self, path: Path, digest: str) -> frozenset:
        if digest not in self._laws:
            # only to pick the files to read: libyaml's fast parse, bounded (load_act reads and checks
            # the files that name the law in full; a file it cannot parse goes the strict way)
            try:
                raw = quick_load(_read(path).decode("utf-8"), str(path))
            except (yaml.YAMLError, ProposalError, UnicodeDecodeError):
                from ..proposal import load_raw

                raw = load_raw(path)
            pars = raw.get("paragraffer") if isinstance(raw, dict) else None
            self._laws[digest] = frozenset(
                p.get("lov") for p in pars if isinstance(p, dict) and isinstance(p.get("lov"), str)
            ) if isinstance(pars, list) else frozenset()
        return self._laws[digest]

    def acts(self, law: str) -> dict:
        out = {}
        if self._snap and self._files is None:
            self._files = self._list()
        for path, digest in self._files if self._snap else self._list():
            if law not in self._laws_of(path, digest):
                continue
            key = (digest, law)
            if key not in self._acts:
                self._acts[key] = load_act(path, law)
            a = self._acts[key]
            if a is not None:
                out[a.id] = a
        return out


def timeline(root: Path, law: str, versions: list[Act], amendments: Amendments | None = None) -> list[dict]:
    """Versions and amending acts in date order: [{"kind": "version"|"act", …}]."""
    # an amendment file that does not load is the build's error (as it is check's and consolidate's):
    # a history page without its amending acts, and exit 0, told the reader there were none
    acts = amendments.acts(law) if amendments is not None else load_acts(root, law)
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
    for r in [*red.walk(), *red.annexes]:  # an annex: its id, as consolidate records it (annexdiff.anchor)
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
