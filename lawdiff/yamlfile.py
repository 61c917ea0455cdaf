"""Safe YAML with positions: every value and key keeps its file:line:column, and the
shape is checked against a JSON Schema with Danish messages a drafter can act on.

The loader is deliberately strict: UTF-8 only, at most 1 MB, no YAML tags other
than the plain ones, no anchors/aliases (which also stops "billion laughs"), no
duplicate keys.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
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


def _suggest(key: str, allowed) -> str | None:
    m = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.5)
    return m[0] if m else None


def schema_errors(data, pos: _Positions, file: str, schema: dict) -> None:
    v = Draft202012Validator(schema)
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


