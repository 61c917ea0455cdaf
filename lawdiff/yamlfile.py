"""Safe YAML with positions: every value and key keeps its file:line:column, and the
shape is checked against a JSON Schema with Danish messages a drafter can act on.

The loader is deliberately strict: UTF-8 only, at most 1 MB, no YAML tags other than the
plain ones, no anchors/aliases (which also stops "billion laughs"), no merge keys, no duplicate
keys, at most MAX_DEPTH levels of nesting (bounded while the events stream, before anything is
built). Every string is returned in Unicode NFC; control characters, bidi overrides and letters
that only look Latin are refused (lawdiff.validate), and so are impossible dates and empty texts.
Every problem is reported, not only the first: `ProposalError.errors`, sorted by position.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import best_match

from . import validate
from .errors import LawdiffError

MAX_BYTES = 1_000_000


class ProposalError(LawdiffError):
    """A proposal that cannot be used as written; names file:line:column.

    One error may carry several (`errors`, sorted by position): every problem in a file is
    reported at once, each as its own `file:line:column: message` line.
    """

    def __init__(self, message: str, file: str | None = None, line: int | None = None,
                 column: int | None = None, hint: str | None = None, path: tuple | None = None):
        super().__init__(message, file, line, column, hint)
        self.path = path  # where in the document (so checks below a broken value can be skipped)
        self.errors: list[LawdiffError] = [self]

    @classmethod
    def collect(cls, errors: list[LawdiffError]) -> ProposalError:
        """One error standing for all of `errors` (sorted by position, duplicates dropped)."""
        flat: list[LawdiffError] = []
        seen = set()
        for e in errors:
            for x in getattr(e, "errors", [e]):
                key = (x.file, x.line, x.column, x.message)
                if key not in seen:
                    seen.add(key)
                    flat.append(x)
        flat.sort(key=lambda x: (x.line or 0, x.column or 0))
        first = flat[0]
        out = cls(first.message, first.file, first.line, first.column, first.hint, getattr(first, "path", None))
        out.errors = flat
        return out

    def __str__(self) -> str:
        if len(self.errors) > 1:
            return "\n".join(LawdiffError.__str__(x) for x in self.errors)
        return super().__str__()


def raise_all(errors: list[LawdiffError]) -> None:
    """Raise every error in `errors` as one ProposalError (nothing if the list is empty)."""
    if errors:
        raise ProposalError.collect(errors)


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
# a proposal is a few levels deep (forslag → ændringer → nummer → change → value); anything deeper
# is refused while the events stream, before PyYAML's recursive composer builds it
MAX_DEPTH = 20
# keys whose value is free prose (Markdown), where a Greek or Cyrillic quotation may stand and an
# empty value is harmless; every other string is law text, an address, a name or a date
_PROSE = {"bemærkninger", "forfatter"}
_DATE_LIKE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_VERSION_LIKE = re.compile(r"[^@\s]+@([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})")
_EMPTY_HINTS = {
    "til": "ord, der skal slettes, skrives med »udgår«: erstat »ændres: …« og »til: \"\"« med »udgår: …«",
    "tekst": "skriv den nye tekst; vil du slette, så brug »udgår« (ord) eller »ophæves« (en enhed)",
    "overskrift": "skriv overskriften; en overskrift kan ikke være tom",
}
_SYNTAX_HINT = "tjek indrykning, kolon efter nøgler og anførselstegn"


class _Positions:
    def __init__(self) -> None:
        self.value: dict[tuple, Pos] = {}
        self.key: dict[tuple, Pos] = {}
        self.problems: list[ProposalError] = []  # value errors left for the caller (load_yaml(defer=True))


def _pos(node: yaml.Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


def _lc(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _index_lc(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _char_lc(text: str, node: yaml.Node, value: str, offset: int) -> tuple[int, int]:
    """Line and column in the file of value[offset], `value` being scalar `node`'s value: the same
    occurrence of that character in the node's source text (the node's start if it was escaped)."""
    ch = value[offset]
    nth = value.count(ch, 0, offset)
    i = node.start_mark.index - 1
    for _ in range(nth + 1):
        i = text.find(ch, i + 1, node.end_mark.index)
        if i < 0:
            return _lc(node)
    return _index_lc(text, i)


class _Builder:
    """Turns the node tree into plain values, keeping positions and collecting problems."""

    def __init__(self, text: str, file: str, loader: yaml.SafeLoader) -> None:
        self.text, self.file, self.loader = text, file, loader
        self.pos = _Positions()
        self.seen: set[int] = set()

    def problem(self, message: str, line: int, col: int, hint: str | None, path: tuple) -> None:
        self.pos.problems.append(ProposalError(message, self.file, line, col, hint=hint, path=path))

    def convert(self, node: yaml.Node, path: tuple) -> Any:
        if id(node) in self.seen:
            raise ProposalError("YAML-ankre og -aliaser (&navn / *navn) er ikke tilladt i et forslag",
                                self.file, *_lc(node), hint="skriv teksten ud hvert sted, den skal bruges")
        self.seen.add(id(node))
        self.pos.value[path] = _pos(node)
        if node.tag not in _PLAIN_TAGS:
            self.problem(f"YAML-mærket {node.tag!r} er ikke tilladt", *_lc(node),
                         "fjern mærket (det der starter med !); et forslag indeholder kun tekst, tal og lister", path)
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(v, path + (i,)) for i, v in enumerate(node.value)]
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: tuple) -> dict:
        out: dict[str, Any] = {}
        for knode, vnode in node.value:
            if knode.tag == "tag:yaml.org,2002:merge":
                self.problem("YAML-fletning (<<:) er ikke tilladt i et forslag", *_lc(knode),
                             "skriv nøglerne ud, hvor de skal bruges", path)
                continue
            if not isinstance(knode, yaml.ScalarNode) or knode.tag not in _PLAIN_TAGS:
                self.problem("en nøgle skal være et ord", *_lc(knode),
                             "fx »titel:«; fjern [ ], { } eller ! foran nøglen", path)
                continue
            # the key as written ("yes", "1", "null" stay words), in NFC
            key = unicodedata.normalize("NFC", knode.value)
            bad = validate.forbidden(key) or validate.confusable(key)
            if bad:
                self.problem(f"nøglen »{key}«: {bad.message}", *_char_lc(self.text, knode, key, bad.offset),
                             bad.hint, path)
                continue
            if key in out:
                first = self.pos.key[path + (key,)]
                self.problem(f"nøglen »{key}« står to gange (også i linje {first.line})", *_lc(knode),
                             "slet eller omdøb den ene", path + (key,))
                continue
            self.pos.key[path + (key,)] = _pos(knode)
            out[key] = self.convert(vnode, path + (key,))
        return out

    def scalar(self, node: yaml.ScalarNode, path: tuple) -> Any:
        key = next((k for k in reversed(path) if isinstance(k, str)), "")
        if node.tag not in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
            try:
                return self.loader.construct_object(node)
            except (ValueError, OverflowError, yaml.YAMLError):  # e.g. an integer of 5,000 digits
                self.problem(f"»{node.value[:40]}« kan ikke læses som et tal", *_lc(node),
                             "sæt værdien i anførselstegn, hvis den er tekst", path)
                return None
        # a string; a bare date (dato: 2021-07-01) stays the text it was written as, checked below
        value = unicodedata.normalize("NFC", node.value)
        where = f"»{key}«: " if key else ""
        prose = key in _PROSE
        bad = validate.forbidden(value) or (None if prose else validate.confusable(value))
        if bad:
            self.problem(where + bad.message, *_char_lc(self.text, node, value, bad.offset), bad.hint, path)
        if prose:
            return value
        # law text, addresses, names: no run of spaces, no space at the start or end of a line (a
        # drafter cannot see them, and they would be printed inside »…« or enter the law)
        value = _spaces(value)
        if not value.strip() and key and not isinstance(path[-1], int):
            self.problem(f"»{key}« er tom", *_lc(node), _EMPTY_HINTS.get(key, f"skriv en værdi, eller slet »{key}«"),
                         path)
        date = _DATE_LIKE.fullmatch(value.strip()) or _VERSION_LIKE.fullmatch(value.strip())
        if date:
            try:
                validate.iso_date(date.group(date.lastindex or 0))
            except validate.ValueProblem as e:
                self.problem(where + e.message, *_lc(node), e.hint, path)
        return value


_RUN = re.compile(r"[ \t]+")


def _spaces(value: str) -> str:
    if "  " not in value and "\t" not in value and value == value.strip(" ") and " \n" not in value \
            and "\n " not in value:
        return value
    return "\n".join(_RUN.sub(" ", ln).strip(" ") for ln in value.split("\n"))


class _Guard:
    """Refuses anchors and aliases and bounds the nesting while the document is composed, before
    the composer recurses (PyYAML's composer is recursive: 10,000 [ would exhaust the stack, and
    its scanner slows down quadratically with open brackets, so the bound also bounds the time)."""

    file: str
    depth: int

    def compose_node(self, parent, index):
        ev = self.peek_event()
        m = ev.start_mark
        if isinstance(ev, yaml.AliasEvent) or getattr(ev, "anchor", None):
            raise ProposalError("YAML-ankre og -aliaser (&navn / *navn) er ikke tilladt i et forslag", self.file,
                                m.line + 1, m.column + 1, hint="skriv teksten ud hvert sted, den skal bruges")
        if not isinstance(ev, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            return super().compose_node(parent, index)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ProposalError(f"filen er indlejret mere end {MAX_DEPTH} niveauer dybt", self.file,
                                m.line + 1, m.column + 1,
                                hint="et forslag er kun få niveauer dybt; tjek [ ], { } og indrykningen")
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Loader(_Guard, yaml.SafeLoader):
    """PyYAML's safe loader (pure Python) with the guard: the reference, and the one whose
    messages a user sees."""

    def __init__(self, text: str, file: str) -> None:
        super().__init__(text)
        self.file = file
        self.depth = 0


try:  # libyaml's event parser (C), where PyYAML was built with it
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover
    _CParser = None

if _CParser is not None:
    class _CLoader(_Guard, yaml.composer.Composer, _CParser, yaml.constructor.SafeConstructor,
                   yaml.resolver.Resolver):
        """The same composer, guard, resolver and constructor as _Loader, over libyaml's events:
        scanning and parsing were ~90 % of loading an amendment file (0.1 s for 100 KB), which
        history-scale consolidation does hundreds of times. The nodes (tags, values, line,
        column, index) are the same as _Loader's (tests/test_yamlfile_fast.py compares both on
        every YAML file of the repository and on mutated ones). It is used only for documents it
        reads without any error: on any error load_yaml reads the text again with _Loader, so
        every message (and whether a text is refused) is _Loader's."""

        def __init__(self, text: str, file: str) -> None:
            _CParser.__init__(self, text)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            yaml.composer.Composer.__init__(self)
            self.file = file
            self.depth = 0
else:  # pragma: no cover
    _CLoader = None


def _compose(text: str, file: str):
    """(node, loader): the fast loader's nodes when it reads the text without error, else
    _Loader's (which raises its own, exact error)."""
    # libyaml reads a tab inside a plain scalar ("fors\tag:") where PyYAML refuses it, so a
    # text with a tab is read by the reference alone (tests/test_yamlfile_fast.py found it).
    if _CLoader is not None and "\t" not in text:
        fast = _CLoader(text, file)
        try:
            return fast.get_single_node(), fast
        except (yaml.YAMLError, ProposalError):
            pass  # read again below: the reference loader decides, with its own message
        finally:
            fast.dispose()
    loader = _Loader(text, file)
    try:
        return loader.get_single_node(), loader
    finally:
        loader.dispose()


def quick_load(text: str, file: str) -> Any:
    """The document's plain values, read by libyaml's events under the guard (no anchors or
    aliases, at most MAX_DEPTH levels), with none of load_yaml's checks and positions: to pick
    which files to read in full (render/history.py), never for what is shown. PyYAML's own
    yaml.CSafeLoader has no such bound: its composer recurses in C, and 200,000 [ in a 400 KB
    amendment file crashed `build` and `serve` with a segmentation fault. Raises yaml.YAMLError
    or ProposalError for a text it cannot read."""
    loader = _CLoader(text, file) if _CLoader is not None else _Loader(text, file)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _raw_problems(text: str, file: str) -> list[ProposalError]:
    """Characters that may stand nowhere in the file, not even in a comment (NUL, controls,
    bidi overrides), each with its line and column, found before YAML reads the file."""
    out: list[ProposalError] = []
    i = 0
    while len(out) < 50:
        bad = validate.forbidden(text[i:]) if i else validate.forbidden(text)
        if bad is None:
            break
        at = i + bad.offset
        msg = bad.message.replace(f"tegn {bad.offset + 1} er", "tegnet", 1)
        out.append(ProposalError(msg, file, *_index_lc(text, at), hint=bad.hint))
        i = at + 1
    return out


def load_yaml(data: bytes, file: str, defer: bool = False) -> tuple[Any, _Positions]:
    """The document as plain values (strings in NFC) and the position of every value and key.

    Syntax errors raise at once. Problems with single values (odd characters, impossible dates,
    empty texts, a tag, a duplicate key) are all collected and raise together; with `defer` they
    are left in `positions.problems`, for the caller to report with its own (schema_errors does).
    """
    if len(data) > MAX_BYTES:
        raise ProposalError(f"filen fylder {validate.byte_size(len(data))}; et forslag må højst fylde "
                            f"{validate.byte_size(MAX_BYTES)}", file, 1, 1,
                            hint="del forslaget op, eller fjern indsat materiale")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise ProposalError(f"filen er ikke UTF-8 (byte 0x{data[e.start]:02x})", file, line, col,
                            hint="gem filen som UTF-8 i din editor") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    raise_all(_raw_problems(text, file))
    if not text.strip():
        raise ProposalError("filen er tom", file, 1, 1, hint="start fra eksemplet i README.md")
    try:
        node, loader = _compose(text, file)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        what = _danish_yaml_problem(e.problem or e.context or "")
        if "single document" in (e.context or ""):
            what = "filen indeholder mere end ét dokument (en linje med ---)"
        if e.context_mark is not None and "end of stream" in (e.problem or ""):
            # an unclosed quote or bracket: point at where it was opened
            mark, what = e.context_mark, f"{_danish_yaml_problem(e.context or '')} (åbnet her) blev aldrig lukket"
        raise ProposalError(f"ugyldig YAML: {what}", file,
                            mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
                            hint=_SYNTAX_HINT) from None
    except yaml.YAMLError as e:  # a reader error the raw scan did not catch
        mark = getattr(e, "position", None)
        line, col = _index_lc(text, mark) if isinstance(mark, int) else (1, 1)
        raise ProposalError("ugyldig YAML: filen indeholder et tegn, YAML ikke tillader", file, line, col,
                            hint="slet tegnet") from None
    if node is None:
        raise ProposalError("filen er tom", file, 1, 1, hint="start fra eksemplet i README.md")
    b = _Builder(text, file, loader)
    value = b.convert(node, ())
    if not defer:
        raise_all(b.pos.problems)
    return value, b.pos


# PyYAML's messages, in Danish (the original is kept for anything not listed)
_YAML_PROBLEMS = [
    ("found character that cannot start any token", "et tegn, der ikke kan begynde en værdi"),
    ("mapping values are not allowed here", "et kolon, hvor der ikke kan stå en nøgle (sæt teksten i anførselstegn)"),
    ("expected <block end>, but found", "indrykningen passer ikke: forventede enden på blokken, men fandt"),
    ("did not find expected key", "fandt ikke den forventede nøgle"),
    ("did not find expected '-' indicator", "fandt ikke den forventede »-« (et listeelement)"),
    ("could not find expected ':'", "fandt ikke det forventede kolon efter nøglen"),
    ("found unexpected end of stream", "filen slutter midt i en værdi"),
    ("found unknown escape character", "ukendt escape-tegn efter \\ (skriv \\\\ for en omvendt skråstreg)"),
    ("while scanning a quoted scalar", "en tekst i anførselstegn"),
    ("while scanning a double-quoted scalar", "en tekst i anførselstegn"),
    ("while scanning a single-quoted scalar", "en tekst i apostroffer"),
    ("while parsing a flow sequence", "en liste i [ ]"),
    ("while parsing a flow mapping", "en tabel i { }"),
    ("while parsing a block mapping", "en nøgle-værdi-blok"),
    ("while parsing a block collection", "en liste"),
    ("while scanning a simple key", "en nøgle"),
    ("while scanning a block scalar", "en tekstblok (| eller >)"),
    ("found a tab character", "et tabulatortegn, hvor YAML kræver mellemrum"),
    ("expected a single document in the stream", "filen indeholder mere end ét dokument (---)"),
    ("but found another document", "men fandt endnu et dokument (---)"),
    ("expected ',' or ']', but got", "forventede »,« eller »]«, men fandt"),
    ("expected ',' or '}', but got", "forventede »,« eller »}«, men fandt"),
]


# "found character '\\t' that cannot start any token": PyYAML names the character inside its message
_CANNOT_START = re.compile(r"found character (.+?) that cannot start any token")


def _danish_yaml_problem(s: str) -> str:
    m = _CANNOT_START.search(s)
    if m:
        if m[1] == repr("\t"):
            return s.replace(m[0], "et tabulatortegn (tab): YAML tillader ikke tab til indrykning eller i en tekst "
                                   "uden anførselstegn (erstat tab med mellemrum)")
        return s.replace(m[0], f"tegnet {m[1]}, som ikke kan begynde en værdi (sæt teksten i anførselstegn)")
    for en, da in _YAML_PROBLEMS:
        if en in s:
            return s.replace(en, da)
    return s


# --- the schema, in Danish ------------------------------------------------------

def _is_integer(checker, instance) -> bool:
    # 1.0 is not a count or an occurrence: JSON Schema's "integer" accepts it, Python's indexing does not
    return isinstance(instance, int) and not isinstance(instance, bool)


_Validator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer))

_TYPES = {"string": "tekst", "integer": "et helt tal", "number": "et tal", "array": "en liste",
          "object": "en nøgle-værdi-tabel", "boolean": "ja/nej (true/false)", "null": "tom"}


def _suggest(key: str, allowed) -> str | None:
    m = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.5)
    return m[0] if m else None


def _shown(v: Any) -> str:
    if isinstance(v, str):
        return f"»{v if len(v) <= 60 else v[:57] + '…'}«"
    if v is None:
        return "ingenting"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "en liste" if v else "en tom liste"
    if isinstance(v, dict):
        return "en nøgle-værdi-tabel" if v else "en tom tabel"
    return str(v)


def _translate(e, pos: _Positions, file: str) -> ProposalError:
    """One jsonschema error as a Danish ProposalError at the value's position."""
    if e.validator in ("anyOf", "oneOf") and e.context:
        e = best_match(e.context)
    path = tuple(e.absolute_path)
    p = pos.value.get(path, Pos(1, 1))
    where = _describe_path(path)
    v, inst = e.validator_value, e.instance

    def err(message: str, hint: str | None = None, at: Pos = p) -> ProposalError:
        return ProposalError(where + message, file, at.line, at.col, hint=hint, path=path)

    if e.validator == "additionalProperties":
        known = set(e.schema.get("properties", {}))
        extra = [k for k in inst if k not in known] or ["?"]
        k = extra[0]
        kp = pos.key.get(path + (k,), p)
        near = _suggest(k, known)
        return err(f"ukendt nøgle »{k}«", f"mente du »{near}«?" if near else
                   (f"gyldige nøgler: {', '.join(sorted(known))}" if known else "fjern nøglen"), kp)
    if e.validator == "required":
        missing = next((k for k in v if k not in inst), v[0])
        return err(f"mangler »{missing}«", f"tilføj »{missing}: …« (se eksemplet i README.md)")
    if e.validator == "type":
        want = " eller ".join(_TYPES.get(t, t) for t in ([v] if isinstance(v, str) else v))
        return err(f"skal være {want}, ikke {_shown(inst)}",
                   "skriv et helt tal uden decimaler, fx 2" if "integer" in str(v) and isinstance(inst, float)
                   else "sæt tekst i anførselstegn, hvis den ligner et tal eller en dato")
    if e.validator in ("enum", "const"):
        allowed = v if e.validator == "enum" else [v]
        return err(f"{_shown(inst)} er ikke tilladt", f"brug en af: {', '.join(map(str, allowed))}")
    if e.validator == "pattern" and path and path[0] == "love":
        return err(f"{_shown(inst)} er ikke en lovversion", "skriv LOV@ÅÅÅÅ-MM-DD, fx lab@2016-11-21")
    if e.validator == "pattern" and r"\d{4}-\d{2}-\d{2}" in str(v):
        return err(f"{_shown(inst)} har forkert form", "en dato skrives ÅÅÅÅ-MM-DD")
    if e.validator == "pattern":
        return err(f"{_shown(inst)} har forkert form", f"værdien skal passe til mønstret {v}")
    if e.validator == "format":
        return err(f"{_shown(inst)} er ikke {'en dato' if v == 'date' else 'gyldig'}",
                   "en dato skrives ÅÅÅÅ-MM-DD og skal findes i kalenderen")
    if e.validator == "minLength":
        return err("må ikke være tom" if v == 1 else f"skal være mindst {v} tegn", "skriv en værdi, eller slet nøglen")
    if e.validator == "maxLength":
        return err(f"må højst være {v} tegn (er {len(inst)})")
    if e.validator == "minItems":
        return err("er tom; der skal være mindst én" if v == 1 else f"skal have mindst {v} elementer",
                   "tilføj et element (se eksemplet i README.md)")
    if e.validator == "maxItems":
        return err(f"må højst have {v} elementer (har {len(inst)})")
    if e.validator == "minProperties":
        return err("er tom; der skal være mindst én" if v == 1 else f"skal have mindst {v} nøgler",
                   "tilføj en nøgle (se eksemplet i README.md)")
    if e.validator == "maxProperties":
        return err(f"må højst have {v} nøgler (har {len(inst)})")
    if e.validator in ("minimum", "exclusiveMinimum"):
        return err(f"{_shown(inst)} er for lille; mindst {v if e.validator == 'minimum' else v + 1}")
    if e.validator in ("maximum", "exclusiveMaximum"):
        return err(f"{_shown(inst)} er for stor; højst {v if e.validator == 'maximum' else v - 1}")
    if e.validator == "uniqueItems":
        return err("indeholder det samme element to gange", "slet det ene")
    if e.validator == "dependentRequired":
        return err(f"mangler en nøgle, der hører med: {', '.join(str(x) for xs in v.values() for x in xs)}")
    if e.validator in ("anyOf", "oneOf"):
        return err("passer ikke til nogen af de tilladte former", "se lawdiff/schemas/proposal.schema.json")
    if e.validator == "not":
        return err("denne kombination er ikke tilladt", "se lawdiff/schemas/proposal.schema.json")
    return err(f"værdien {_shown(inst)} er ikke tilladt her (reglen »{e.validator}«)",
               "se lawdiff/schemas/proposal.schema.json")


def schema_problems(data, pos: _Positions, file: str, schema: dict) -> list[ProposalError]:
    """Every schema error (one per value and rule), in Danish, with the loader's deferred problems."""
    out = list(pos.problems)
    seen: set[tuple] = set()
    for e in _Validator(schema, format_checker=FormatChecker()).iter_errors(data):
        pe = _translate(e, pos, file)
        key = (pe.path, pe.message)
        if key not in seen:
            seen.add(key)
            out.append(pe)
    return out


def schema_errors(data, pos: _Positions, file: str, schema: dict) -> None:
    """Raise every schema error (and the loader's deferred problems) at once."""
    raise_all(schema_problems(data, pos, file, schema))


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
        if isinstance(k, int):
            parts.append(f"nr. {k + 1}")
        else:
            parts.append(f"»{k}«")
        i += 1
    return (", ".join(parts) + ": ") if parts else ""
