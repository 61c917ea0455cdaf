"""Load and validate an amendment proposal (YAML), keeping file:line:column of every value.

The loader is deliberately strict: UTF-8 only, at most 1 MB, no YAML tags other
than the plain ones, no anchors/aliases (which also stops "billion laughs"), no
duplicate keys. The shape is checked against the shipped JSON Schema
(`lawdiff/schemas/proposal.schema.json`); the meaning of each change (which verb,
which fields go with it) is checked here, with messages a drafter can act on.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .validate import byte_size
from .yamlfile import MAX_BYTES, Pos, ProposalError, _Positions, load_yaml, raise_all, schema_problems


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads((resources.files("lawdiff") / "schemas" / "proposal.schema.json").read_text("utf-8"))


# --- the proposal -------------------------------------------------------------

VERBS = ("ændres", "udgår", "indsættes_efter", "indsættes_før", "affattes", "ophæves", "ny", "overskrift")
# `overskrift` is a verb of its own (a heading is rewritten) unless it goes with `ny`
# fields each verb requires / allows (besides lov)
_REQUIRES = {
    "ændres": {"til"}, "udgår": set(), "indsættes_efter": {"tekst"}, "indsættes_før": {"tekst"},
    "affattes": {"tekst"}, "ophæves": set(), "ny": {"tekst"}, "overskrift": {"tekst"},
}
_ALLOWS = {
    "ændres": {"i", "til", "antal", "forekomst", "overalt"},
    "udgår": {"i", "antal", "forekomst", "overalt"},
    "indsættes_efter": {"i", "tekst", "antal", "forekomst"},
    "indsættes_før": {"i", "tekst", "antal", "forekomst"},
    "affattes": {"tekst"},
    "ophæves": {"tekst"},  # with tekst: "ophæves, og i stedet indsættes:" (template 10)
    "ny": {"i", "tekst", "efter", "før", "nummer", "overskrift"},
    "overskrift": {"tekst"},
}


@dataclass
class Change:
    item: int  # 1-based number of the forslag
    index: int  # 1-based number of the change within the forslag
    law: str
    verb: str
    data: dict
    file: str
    positions: dict[str, Pos]
    pos: Pos

    @property
    def ref(self) -> str:
        return f"forslag {self.item}, ændring {self.index}"

    def get(self, key: str, default=None):
        return self.data.get(key, default)

    def error(self, message: str, key: str | None = None, hint: str | None = None) -> ProposalError:
        p = self.positions.get(key, self.pos) if key else self.pos
        return ProposalError(f"{self.ref}: {message}", self.file, p.line, p.col, hint=hint)

    def warning(self, message: str, key: str | None = None) -> str:
        p = self.positions.get(key, self.pos) if key else self.pos
        return f"{self.file}:{p.line}:{p.col}: advarsel: {self.ref}: {message}"


@dataclass
class Item:
    number: int
    title: str
    remarks: str
    changes: list[Change]


@dataclass
class Proposal:
    path: str
    title: str
    organisation: str
    date: str
    status: str
    laws: dict[str, str]
    items: list[Item]
    remarks: str = ""
    author: str = ""
    subtitle: str = ""
    builds_on: str | None = None
    builds_on_pos: Pos | None = None
    ikraft: str | None = None

    @property
    def changes(self) -> list[Change]:
        return [c for it in self.items for c in it.changes]

    @property
    def slug(self) -> str:
        return Path(self.path).stem


def _change(cdata: dict, item: int, index: int, laws: dict[str, str], file: str, pos: _Positions,
            path: tuple) -> Change:
    cpos = pos.value[path]
    positions = {k: pos.value.get(path + (k,), cpos) for k in cdata}
    verbs = [v for v in VERBS if v in cdata and not (v == "overskrift" and "ny" in cdata)]
    c = Change(item, index, "", "", cdata, file, positions, cpos)
    if not verbs:
        raise c.error("ændringen siger ikke, hvad der skal ske",
                      hint="brug en af: " + ", ".join(VERBS))
    if len(verbs) > 1:
        raise c.error(f"ændringen har både »{verbs[0]}« og »{verbs[1]}«", verbs[1],
                      hint="del den op i to ændringer")
    verb = verbs[0]
    c.verb = verb
    for req in sorted(_REQUIRES[verb]):
        if req not in cdata:
            raise c.error(f"»{verb}« kræver »{req}«", verb, hint=f"tilføj »{req}: …«")
    for k in cdata:
        if k in ("lov", verb) or k in _ALLOWS[verb]:
            continue
        raise c.error(f"»{k}« hører ikke til »{verb}«", k,
                      hint=f"til »{verb}« hører: {', '.join(sorted(_ALLOWS[verb] | {'lov'}))}")
    if verb in ("ændres", "udgår") and not cdata.get("overalt") and "i" not in cdata:
        raise c.error(f"»{verb}« kræver »i« (hvor i loven) eller »overalt: true«", verb)
    if verb.startswith("indsættes_") and "i" not in cdata:
        raise c.error(f"»{verb}« kræver »i« (hvor i loven)", verb)
    if "antal" in cdata and "forekomst" in cdata:
        raise c.error("»antal« og »forekomst« kan ikke bruges sammen", "forekomst",
                      hint="»antal« ændrer alle N steder; »forekomst« ændrer kun det N'te")
    if verb == "ny":
        if "efter" in cdata and "før" in cdata:
            raise c.error("en ny enhed kan ikke stå både »efter« og »før«", "før")
        if cdata["ny"] in ("paragraf", "kapitel", "afsnit") and "nummer" not in cdata:
            raise c.error(f"et nyt {cdata['ny']} kræver »nummer«, fx nummer: \"68 d\"", "ny")
        if cdata["ny"] in ("kapitel", "afsnit") and "overskrift" not in cdata:
            raise c.error(f"et nyt {cdata['ny']} kræver »overskrift«", "ny")
        if "overskrift" in cdata and cdata["ny"] not in ("kapitel", "afsnit"):
            raise c.error("»overskrift« hører kun til ny: kapitel eller ny: afsnit", "overskrift")
    law = cdata.get("lov")
    if law is None:
        if len(laws) != 1:
            raise c.error("forslaget ændrer flere love; angiv »lov«", hint=f"love: {', '.join(laws)}")
        law = next(iter(laws))
    elif law not in laws:
        raise c.error(f"loven »{law}« står ikke under »love«", "lov",
                      hint=f"tilføj den under »love«, eller brug en af: {', '.join(laws)}")
    c.law = law
    return c


def _check_changes(raw: dict, pos: _Positions, file: str, problems: list) -> None:
    """Add the errors of every change whose shape the schema accepted (so all are reported)."""
    bad = [p.path for p in problems if p.path is not None]
    if any(not b or b[0] in ("love", "forslag") and len(b) <= 2 for b in bad):
        return  # the frame is broken; the changes cannot be read reliably
    for i, idata in enumerate(raw["forslag"], 1):
        for j, cd in enumerate(idata.get("ændringer") or [], 1):
            path = ("forslag", i - 1, "ændringer", j - 1)
            if any(b[:len(path)] == path or path[:len(b)] == b for b in bad):
                continue
            try:
                _change(cd, i, j, raw["love"], file, pos, path)
            except ProposalError as e:
                problems.append(e)


def parse_proposal(data: bytes, file: str) -> Proposal:
    raw, pos = load_yaml(data, file, defer=True)
    if not isinstance(raw, dict):
        raise ProposalError("et forslag skal være en nøgle-værdi-tabel (titel:, organisation:, …)", file, 1, 1,
                            hint="start fra eksemplet i README.md")
    # every error at once: the loader's and the schema's, then each change's own (yamlfile.raise_all)
    problems = schema_problems(raw, pos, file, schema())
    _check_changes(raw, pos, file, problems)
    raise_all(problems)
    items = []
    for i, idata in enumerate(raw["forslag"], 1):
        changes = [_change(cd, i, j, raw["love"], file, pos, ("forslag", i - 1, "ændringer", j - 1))
                   for j, cd in enumerate(idata.get("ændringer") or [], 1)]
        items.append(Item(i, idata["titel"], idata.get("bemærkninger", ""), changes))
    return Proposal(
        path=file, title=raw["titel"], organisation=raw["organisation"], date=raw["dato"],
        status=raw["status"], laws=dict(raw["love"]), items=items, remarks=raw.get("bemærkninger", ""),
        author=raw.get("forfatter", ""), subtitle=raw.get("undertitel", ""),
        builds_on=raw.get("bygger_på"), builds_on_pos=pos.value.get(("bygger_på",)),
        ikraft=raw.get("ikrafttræden"),
    )


def load_proposal(path: str | Path) -> Proposal:
    p = str(path)
    try:
        size = Path(p).stat().st_size
        if size > MAX_BYTES:
            raise ProposalError(f"filen fylder {byte_size(size)}; et forslag må højst fylde {byte_size(MAX_BYTES)}", p, 1, 1,
                                hint="del forslaget op, eller fjern indsat materiale")
        data = Path(p).read_bytes()
    except OSError as e:
        raise ProposalError(f"kan ikke læse filen: {e.strerror}", p) from None
    return parse_proposal(data, p)
