"""Load and validate an amendment proposal (YAML), keeping file:line:column of every value.

The loader is deliberately strict: UTF-8 only, at most 1 MB, no YAML tags other
than the plain ones, no anchors/aliases (which also stops "billion laughs"), no
duplicate keys. The shape is checked against the shipped JSON Schema
(`lawdiff/schemas/proposal.schema.json`); the meaning of each change (which verb,
which fields go with it) is checked here, with messages a drafter can act on.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from .errors import LawdiffError

MAX_BYTES = 1_000_000


class ProposalError(LawdiffError):
    """A proposal that cannot be used as written; names file:line:column."""


@dataclass(frozen=True)
class Pos:
    line: int
    col: int


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads((resources.files("lawdiff") / "schemas" / "proposal.schema.json").read_text("utf-8"))


# --- YAML with positions ------------------------------------------------------

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}


class _Positions:
    def __init__(self) -> None:
        self.value: dict[tuple, Pos] = {}
        self.key: dict[tuple, Pos] = {}


def _pos(node: yaml.Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


def _lc(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _convert(node: yaml.Node, path: tuple, pos: _Positions, seen: set[int], file: str,
             loader: yaml.SafeLoader) -> Any:
    if id(node) in seen:
        raise ProposalError("YAML-ankre og -aliaser (&navn / *navn) er ikke tilladt i et forslag",
                            file, *_lc(node),
                            hint="skriv teksten ud hvert sted, den skal bruges")
    seen.add(id(node))
    pos.value[path] = _pos(node)
    if node.tag not in _PLAIN_TAGS:
        raise ProposalError(f"YAML-mærket {node.tag!r} er ikke tilladt", file, *_lc(node),
                            hint="fjern mærket (det der starter med !); et forslag indeholder kun tekst, tal og lister")
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode):
                raise ProposalError("en nøgle skal være et ord", file, *_lc(knode))
            key = str(loader.construct_object(knode))
            if key in out:
                first = pos.key[path + (key,)]
                raise ProposalError(f"nøglen »{key}« står to gange (også i linje {first.line})", file,
                                    *_lc(knode), hint="slet eller omdøb den ene")
            pos.key[path + (key,)] = _pos(knode)
            out[key] = _convert(vnode, path + (key,), pos, seen, file, loader)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(v, path + (i,), pos, seen, file, loader) for i, v in enumerate(node.value)]
    value = loader.construct_object(node)
    if hasattr(value, "isoformat"):  # a bare date such as 2017-03-01
        value = value.isoformat()
    return value


def _refuse_anchors(text: str, file: str) -> None:
    """Anchors and aliases are refused at the event level, before anything is built."""
    for ev in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(ev, yaml.AliasEvent) or getattr(ev, "anchor", None):
            m = ev.start_mark
            raise ProposalError("YAML-ankre og -aliaser (&navn / *navn) er ikke tilladt i et forslag", file,
                                m.line + 1, m.column + 1, hint="skriv teksten ud hvert sted, den skal bruges")


def load_yaml(data: bytes, file: str) -> tuple[Any, _Positions]:
    if len(data) > MAX_BYTES:
        raise ProposalError(f"filen er {len(data) / 1e6:.1f} MB; et forslag må højst fylde {MAX_BYTES // 1_000_000} MB",
                            file, 1, 1, hint="del forslaget op, eller fjern indsat materiale")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise ProposalError(f"filen er ikke UTF-8 (byte 0x{data[e.start]:02x})", file, line, col,
                            hint="gem filen som UTF-8 i din editor") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ProposalError("filen er tom", file, 1, 1, hint="start fra eksemplet i README.md")
    loader = yaml.SafeLoader(text)
    try:
        _refuse_anchors(text, file)
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        what = e.problem or e.context
        if e.context_mark is not None and "end of stream" in (e.problem or ""):
            # an unclosed quote or bracket: point at where it was opened
            mark, what = e.context_mark, f"{e.context} (åbnet her) blev aldrig lukket"
        raise ProposalError(f"ugyldig YAML: {what}", file,
                            mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
                            hint="tjek indrykning, kolon efter nøgler og anførselstegn") from None
    except yaml.YAMLError as e:
        raise ProposalError(f"ugyldig YAML: {e}", file, 1, 1) from None
    finally:
        loader.dispose()
    if node is None:
        raise ProposalError("filen er tom", file, 1, 1, hint="start fra eksemplet i README.md")
    pos = _Positions()
    return _convert(node, (), pos, set(), file, loader), pos


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


def _suggest(key: str, allowed) -> str | None:
    m = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.5)
    return m[0] if m else None


def _schema_errors(data, pos: _Positions, file: str) -> None:
    v = Draft202012Validator(schema())
    errors = sorted(v.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    if not errors:
        return
    e = errors[0]
    path = tuple(e.absolute_path)
    p = pos.value.get(path, Pos(1, 1))
    where = _describe_path(path)
    if e.validator == "additionalProperties":
        # name the unknown key and the nearest valid one
        known = set(e.schema.get("properties", {}))
        extra = [k for k in e.instance if k not in known]
        k = extra[0]
        kp = pos.key.get(path + (k,), p)
        near = _suggest(k, known)
        raise ProposalError(f"{where}ukendt nøgle »{k}«", file, kp.line, kp.col,
                            hint=f"mente du »{near}«?" if near else f"gyldige nøgler: {', '.join(sorted(known))}")
    if e.validator == "required":
        missing = [k for k in e.validator_value if k not in e.instance][0]
        raise ProposalError(f"{where}mangler »{missing}«", file, p.line, p.col,
                            hint=f"tilføj »{missing}: …« (se eksemplet i README.md)")
    if e.validator == "type":
        want = {"string": "tekst", "integer": "et helt tal", "array": "en liste", "object": "en nøgle-værdi-tabel",
                "boolean": "ja/nej (true/false)"}.get(str(e.validator_value), str(e.validator_value))
        raise ProposalError(f"{where}skal være {want}, ikke {e.instance!r}", file, p.line, p.col,
                            hint="sæt tekst i anførselstegn, hvis den ligner et tal eller en dato")
    if e.validator == "enum":
        raise ProposalError(f"{where}{e.instance!r} er ikke tilladt", file, p.line, p.col,
                            hint=f"brug en af: {', '.join(map(str, e.validator_value))}")
    if e.validator == "pattern" and path and path[0] == "love":
        raise ProposalError(f"{where}{e.instance!r} er ikke en lovversion", file, p.line, p.col,
                            hint="skriv LOV@ÅÅÅÅ-MM-DD, fx lab@2016-11-21")
    if e.validator == "pattern":
        raise ProposalError(f"{where}{e.instance!r} har forkert form", file, p.line, p.col,
                            hint="en dato skrives ÅÅÅÅ-MM-DD")
    raise ProposalError(f"{where}{e.message}", file, p.line, p.col)


def _describe_path(path: tuple) -> str:
    parts = []
    i = 0
    while i < len(path):
        k = path[i]
        if k == "forslag" and i + 1 < len(path) and isinstance(path[i + 1], int):
            parts.append(f"forslag {path[i + 1] + 1}")
            i += 2
            continue
        if k == "ændringer" and i + 1 < len(path) and isinstance(path[i + 1], int):
            parts.append(f"ændring {path[i + 1] + 1}")
            i += 2
            continue
        parts.append(f"»{k}«")
        i += 1
    return (", ".join(parts) + ": ") if parts else ""


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


def parse_proposal(data: bytes, file: str) -> Proposal:
    raw, pos = load_yaml(data, file)
    if not isinstance(raw, dict):
        raise ProposalError("et forslag skal være en nøgle-værdi-tabel (titel:, organisation:, …)", file, 1, 1,
                            hint="start fra eksemplet i README.md")
    _schema_errors(raw, pos, file)
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
            raise ProposalError(f"filen er {size / 1e6:.1f} MB; et forslag må højst fylde 1 MB", p, 1, 1,
                                hint="del forslaget op, eller fjern indsat materiale")
        data = Path(p).read_bytes()
    except OSError as e:
        raise ProposalError(f"kan ikke læse filen: {e.strerror}", p) from None
    return parse_proposal(data, p)
