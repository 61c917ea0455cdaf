"""Block YAML written directly as text, byte for byte what PyYAML's emitter writes.

`lawdiff import lexdania` writes about 1,100 amendment files; PyYAML spent most of that time
building and walking its node graph (even with libyaml's C emitter, the representer is Python).
`dump` writes the same document as

    yaml.dump(doc, Dumper=D, allow_unicode=True, sort_keys=False, width=100_000,
              default_flow_style=False)

where D is a SafeDumper whose str representer asks for the literal block style ("|") for a
string with a line break and no white space at the start or end of any line (amending._str), and
returns None for any document it does not write with certainty, so that the caller falls back to
PyYAML. What it writes: dicts with str keys, lists, str, int, bool and None, in block style;
strings plain, single-quoted or as literal blocks, decided as PyYAML's Emitter.analyze_scalar and
choose_scalar_style decide. What it leaves to PyYAML: characters outside the printable set
(double quotes, escapes), U+0085, U+2028, U+2029 and U+10FFFF, a tab, line breaks other than
"\\n", a string that ends with a line break or holds a line break without being a clean literal
block (multi-line quoted scalars), very long lines (PyYAML folds at `width`), keys that are not
short one-line strings, floats and other types, and an object that occurs twice (PyYAML writes
anchors). tests/test_yamlwrite.py compares it with PyYAML on generated documents and on the
corpus's amendment files.
"""
from __future__ import annotations

import re

import yaml

# The characters PyYAML writes as they stand with allow_unicode=True: printable ASCII, the line
# feed, the BMP's printable range without surrogates and without U+FEFF, and the planes above the
# BMP up to U+10FFFE (analyze_scalar's "special characters" otherwise: it takes U+10000 <= ch <
# U+10FFFF as printable). U+0085 is printable too but left to PyYAML, as are U+2028/U+2029 (line
# breaks to the emitter). Lov 518/2013's annex prints a form's check boxes as U+7DBBD: left to
# PyYAML, its one amendment file cost 0.3 s, a quarter of the YAML text of all 1,117.
_UNSAFE = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]")
# analyze_scalar's block indicators (a plain scalar cannot start with or hold these in block
# context): an indicator character first; "-", "?" or ":" first and followed by a space or the
# end; "---" or "..." first; ": " or a final ":" anywhere; " #" anywhere. Only strings without
# line breaks, tabs or other special characters get here, so white space is the space.
_BLOCK_INDICATOR = re.compile(r"^(?:[#,\[\]{}&*!|>'\"%@`]|[-?:](?: |$)|---|\.\.\.)|.:(?: |$)| #", re.S)
# _BLOCK_INDICATOR's first branch alone, anchored at the start
_BLOCK_START = re.compile(r"(?:[#,\[\]{}&*!|>'\"%@`]|[-?:](?: |$)|---|\.\.\.)", re.S)


def _has_block_indicator(s: str) -> bool:
    """`_BLOCK_INDICATOR.search(s)` for a string without line breaks: the start looked at by the
    anchored regex, ": " and " #" by substring tests (the regex tried its branches at every
    character). ".:" before the end is a final ":" after any character; a ":" alone, or ": " at the
    start, is the first branch's."""
    return _BLOCK_START.match(s) is not None or ": " in s or " #" in s or s.endswith(":")


_MAX_LINE = 50_000  # PyYAML folds a plain or quoted scalar whose line passes width (100,000)
_MAX_KEY = 100  # PyYAML writes a key of 128 characters or more as a complex key ("? …")

_RESOLVERS = yaml.SafeDumper.yaml_implicit_resolvers


class _Fallback(Exception):
    pass


def _resolves_to_str(s: str) -> bool:
    """Whether PyYAML's resolver reads `s`, written plain, back as a string (not an int, a
    bool, null, a date …): only then may it be written plain."""
    for key in (s[0] if s else "", None):  # the resolvers for its first character, then those for any
        for _tag, rx in _RESOLVERS.get(key, ()):
            if rx.match(s):
                return False
    return True


def _single_line(s: str, key: bool) -> str:
    """A string without line breaks and special characters, plain or single-quoted."""
    if len(s) > _MAX_LINE or (key and (len(s) > _MAX_KEY or not s)):
        raise _Fallback
    if s and s[0] != " " and s[-1] != " " and not _has_block_indicator(s) and _resolves_to_str(s):
        return s
    return "'" + s.replace("'", "''") + "'"


# a one-line string value as written (a pure function of the string): the same few recur in every
# amendment file ("ændres", "stk. 2", "1. pkt.", the formulae); what falls back is not kept
_SCALARS: dict[str, str] = {}
_MEMO_MAX = 200_000


class _Writer:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.seen: set[int] = set()
        self.cache: dict[str, str] = {}

    def key(self, k) -> str:
        if type(k) is not str:
            raise _Fallback
        got = self.cache.get(k)
        if got is None:
            if "\n" in k or _UNSAFE.search(k):
                raise _Fallback
            got = self.cache[k] = _single_line(k, key=True)
        return got

    def scalar(self, v, indent: int) -> str:
        """The text after "key:" or "-" (with its leading space), for a scalar value."""
        t = type(v)
        if t is str:
            if "\n" not in v:
                got = _SCALARS.get(v)
                if got is None:
                    if _UNSAFE.search(v):
                        raise _Fallback
                    got = " " + _single_line(v, key=False)
                    if len(_SCALARS) < _MEMO_MAX:
                        _SCALARS[v] = got
                return got
            lines = v.split("\n")
            if v.endswith("\n") or _UNSAFE.search(v) or any(ln != ln.strip() for ln in lines):
                raise _Fallback  # a quoted multi-line scalar, a "|+" block, special characters
            pad = " " * (indent + 2)
            hint = "|2-" if v.startswith("\n") else "|-"
            return " " + hint + "".join("\n" + pad + ln if ln else "\n" for ln in lines)
        if t is bool:
            return " true" if v else " false"
        if t is int:
            return f" {v}"
        if v is None:
            return " null"
        raise _Fallback

    def enter(self, obj) -> None:
        if id(obj) in self.seen:
            raise _Fallback  # PyYAML would write an anchor and an alias
        self.seen.add(id(obj))

    def mapping(self, d: dict, indent: int, inline: bool) -> None:
        """A non-empty mapping whose keys start at column `indent`; `inline`: the first key
        follows a "- " on the current line."""
        self.enter(d)
        out = self.out
        pad = " " * indent
        first = True
        for k, v in d.items():
            if not (first and inline):
                out.append(pad)
            first = False
            out.append(self.key(k))
            out.append(":")
            self.value(v, indent, in_mapping=True)

    def sequence(self, items: list, indent: int, inline: bool) -> None:
        """A non-empty sequence whose dashes stand at column `indent`."""
        self.enter(items)
        out = self.out
        pad = " " * indent
        first = True
        for v in items:
            if not (first and inline):
                out.append(pad)
            first = False
            out.append("-")
            self.value(v, indent, in_mapping=False)

    def value(self, v, indent: int, in_mapping: bool) -> None:
        """`v` after "key:" (in_mapping) or "-", up to and including its last line break."""
        out = self.out
        t = type(v)
        if t is dict:
            if not v:
                self.enter(v)
                out.append(" {}\n")
            elif in_mapping:
                out.append("\n")
                self.mapping(v, indent + 2, inline=False)
            else:
                out.append(" ")
                self.mapping(v, indent + 2, inline=True)
        elif t is list:
            if not v:
                self.enter(v)
                out.append(" []\n")
            elif in_mapping:  # PyYAML's sequences in a mapping are not indented
                out.append("\n")
                self.sequence(v, indent, inline=False)
            else:
                out.append(" ")
                self.sequence(v, indent + 2, inline=True)
        else:
            out.append(self.scalar(v, indent))
            out.append("\n")


def dump(doc: dict) -> str | None:
    """`doc` as PyYAML writes it (see the module's docstring), or None where it leaves that to
    PyYAML."""
    if type(doc) is not dict or not doc:
        return None
    w = _Writer()
    try:
        w.mapping(doc, 0, inline=False)
    except _Fallback:
        return None
    return "".join(w.out)
