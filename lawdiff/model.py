"""The act tree.

An `Act` holds metadata and a list of top-level `Unit`s. A `Unit` is a
structural container (book, part, chapter, group of §§ under a mellemrubrik) or
a provision: section (§), subsection (stk.), paragraph (nr.), point (litra) or
indent (an unnumbered list item). A provision's own text is `intro` (before its
list of children) and `wrapup` (after it); a provision without children has
only `intro`.

Text blocks are `Line`s (one LexDania <Linea>: one or more punktummer) and
`Table`s. Footnotes are `Note`s attached to the line they follow, never part
of the line's text.

Every unit has a stable id (`wid`, kept across renumbering) and an Akoma Ntoso
eId (`eid`, derived from the current labels by `assign_eids`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Union

from .labels import ordinal_container


CONTAINERS = ("book", "part", "chapter", "group", "ikraft")
PROVISIONS = ("section", "subsection", "paragraph", "point", "indent")

# Danish names of unit kinds, for messages and citations.
DANISH = {
    "book": "bog",
    "part": "afsnit",
    "chapter": "kapitel",
    "group": "mellemrubrik",
    "section": "§",
    "subsection": "stk.",
    "paragraph": "nr.",
    "point": "litra",
    "indent": "led",
    "ikraft": "ikrafttrædelse",
}


@dataclass
class Note:
    marker: str
    lines: list[str]


@dataclass
class Line:
    text: str
    notes: list[Note] = field(default_factory=list)


@dataclass
class Cell:
    text: str
    header: bool = False
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Table:
    rows: list[list[Cell]]

    @property
    def text(self) -> str:
        return " ".join(c.text for row in self.rows for c in row if c.text)


Block = Union[Line, Table]


@dataclass(eq=False)
class Unit:
    kind: str
    num: str | None = None  # citation number: "68 a", "2", "b"; None for stk. 1 label-less etc.
    label: str | None = None  # label as printed: "§ 68 a.", "Stk. 2.", "1)", "Kapitel 12 a"
    heading: Line | None = None
    intro: list[Block] = field(default_factory=list)
    children: list["Unit"] = field(default_factory=list)
    wrapup: list[Block] = field(default_factory=list)
    wid: str = ""
    eid: str = ""
    # Set by the LexDania importer on a stk. whose text is amending instructions to another
    # act (an ændringsparagraf inside an original act): the source line of the
    # AendringCentreretParagraf / first AendringsNummer. The instructions are kept as plain
    # text lines and are not law text of this act. Not stored in Akoma Ntoso.
    amending: int | None = None

    @property
    def is_provision(self) -> bool:
        return self.kind in PROVISIONS

    def walk(self) -> Iterator["Unit"]:
        yield self
        for c in self.children:
            yield from c.walk()

    def notes(self) -> list[Note]:
        """The footnotes in this unit and below it, in document order."""
        return [n for u in self.walk() for b in ([u.heading] if u.heading else []) + u.intro + u.wrapup
                if isinstance(b, Line) for n in b.notes]

    def own_lines(self) -> list[str]:
        """The text of this counting unit (lovteknik §9.3): intro and wrap-up lines."""
        return [b.text for b in self.intro + self.wrapup if isinstance(b, Line)]

    def cite(self) -> str:
        """This unit's own part of a citation: "§ 68 a", "stk. 2", "nr. 3", "litra b"."""
        if self.kind == "section":
            # a placeholder such as "§§ 142-145. (Ophævet)" covers several §§
            return f"§§ {self.num}" if self.num and ("-" in self.num or " og " in self.num) else f"§ {self.num}"
        if self.kind in ("subsection", "paragraph", "point"):
            return f"{DANISH[self.kind]} {self.num}"
        if self.kind in ("book", "part", "chapter") and not self.num:
            # retsplejeloven's "Femte afsnit." and "Første bog." carry no number: cited by their label's ordinal
            # word ("femte afsnit"; address.py: "første bog, femte afsnit"), never as "afsnit None"
            o = ordinal_container(self.label)
            return f"{o[1]} {o[0]}" if o else DANISH[self.kind]
        if self.kind == "chapter":
            return f"kapitel {self.num}"
        if self.kind == "part":
            return f"afsnit {self.num}"
        return DANISH[self.kind] + (f" {self.num}" if self.num else "")



@dataclass(eq=False)
class Annex:
    """An annex (bilag) of an act: its label as printed ("Bilag 1", "Bilag A", "Tabel 3", "" where
    the source prints none), its citation number where the label is "Bilag N" ("1", "3 a", "II";
    None otherwise), its heading lines (the source's Rubrica before the text) and its body: lines
    and tables in source order. A list in an annex is kept as lines, each item's label in front of
    its first line ("1) …"): annexes are cited as a whole ("bilag 2") or by quoted words."""
    label: str
    num: str | None = None
    headings: list[Line] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)

    def cite(self) -> str:
        return f"bilag {self.num}" if self.num else (self.label or "bilaget")


_ANNEX_NUM = re.compile(r"^Bilag\s+(\d+(?:\s?[a-zæøå])?|[A-ZÆØÅ]|[IVXLC]+)\.?$")


def annex_num(label: str) -> str | None:
    """The citation number of an annex label: "Bilag 1" -> "1", "Bilag 3 a" -> "3 a", "Bilag 6." ->
    "6", "Bilag A" -> "A"; None for any other label ("Tabel 3", "Underbilag 2.1", "Bilag")."""
    m = _ANNEX_NUM.match(" ".join(label.split()))
    return m.group(1) if m else None


@dataclass(eq=False)
class Act:
    law: str  # short name: "lab"
    title: str  # the law's title: "lov om en aktiv beskæftigelsesindsats"
    doc_title: str  # the document's title: "Bekendtgørelse af lov om ..."
    doc_type: str  # "lbk" or "lov"
    year: str
    number: str
    date: str  # ISO date of the source document
    source: str  # "LBK nr. 1342 af 21/11/2016"
    ministry: str = ""
    popular: str = ""  # the official popular title of the LexDania metadata: "Retsplejeloven"
    preamble: list[Line] = field(default_factory=list)
    body: list[Unit] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)  # the bilag after the law text, in order
    # a version made by `lawdiff consolidate`: its base, the acts applied, the numre pending or not
    # executed, and per unit (wid) the act and nummer that last changed it (consolidate.Record)
    consolidation: "object | None" = None

    @property
    def eli(self) -> str:
        return f"https://www.retsinformation.dk/eli/lta/{self.year}/{self.number}"

    @property
    def key(self) -> str:
        return f"{self.law}@{self.date}"

    def walk(self) -> Iterator[Unit]:
        for u in self.body:
            yield from u.walk()

    def units(self) -> list[Unit]:
        """`list(self.walk())` (every unit, in document order) for a tree nobody changes meanwhile: one
        loop over a stack instead of a generator per unit and level (Unit.walk's nested generators over
        the corpus's ~363,000 units cost ~0.15 s). A walk that edits the tree as it goes keeps `walk`."""
        out: list[Unit] = []
        stack = list(reversed(self.body))
        while stack:
            u = stack.pop()
            out.append(u)
            if u.children:
                stack.extend(reversed(u.children))
        return out

    def sections(self) -> Iterator[Unit]:
        """All §§ of the act in document order (not those in ikraft notes)."""
        for u in self.walk():
            if u.kind == "section":
                yield u


def ancestry(unit: Unit, parents: dict[str, "Unit | None"]) -> list[Unit]:
    """The unit and its ancestors, outermost first (parents: wid -> parent unit)."""
    chain = [unit]
    p = parents.get(unit.wid)
    while p is not None:
        chain.append(p)
        p = parents.get(p.wid)
    return chain[::-1]


# --- eIds -----------------------------------------------------------------

_EID_PREFIX = {
    "book": "book",
    "part": "part",
    "chapter": "chp",
    "section": "sec",
    "subsection": "subsec",
    "paragraph": "para",
    "point": "point",
    "indent": "indent",
    "group": "hcontainer",
    "ikraft": "hcontainer",
}
_EID_UNSAFE = re.compile(r"[^0-9a-z-]+")
_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


_EID_NUMS: dict[str, str] = {}  # eid_num's results: the same few thousand numbers recur in every act


def eid_num(num: str) -> str:
    """The eId form of a number: "68 a" -> "68a", "75 æ" -> "75ae", "67 a-67 f" -> "67a-67f"."""
    out = _EID_NUMS.get(num)
    if out is None:
        out = _EID_UNSAFE.sub("", num.lower().translate(_DANISH_LETTERS))
        if len(_EID_NUMS) < 50_000:
            _EID_NUMS[num] = out
    return out


_EID_PART = {kind: prefix + "_" for kind, prefix in _EID_PREFIX.items()}
_ORDINAL_ONLY = ("group", "ikraft", "indent")
# kind -> num -> "subsec_2" (eId parts recur in every act; a dict per kind: no key tuple to make)
_EID_PARTS: dict[str, dict[str, str]] = {kind: {} for kind in _EID_PART}


def assign_eids(act: Act, wids: bool = False) -> None:
    """(Re)compute every unit's eId from its current labels.

    Sections are unique within the act ("sec_68a"); provisions below a section
    are prefixed with their parent ("sec_68a__subsec_1__para_2"); containers use
    their own number, or an ordinal for unnumbered ones. A collision gets a
    suffix ("_2"), which `lawdiff check` reports. With `wids`, also what
    `assign_wids` does, in the same walk (the importers: one walk less per act).
    """
    used: set[str] = set()
    add = used.add
    parts_of = _EID_PARTS

    def visit(units: list[Unit], prefix: str) -> None:
        counters: dict[str, int] = {}
        for u in units:
            kind = u.kind
            n = counters[kind] = counters.get(kind, 0) + 1
            num = u.num
            if num and kind not in _ORDINAL_ONLY:
                parts = parts_of[kind]
                part = parts.get(num)
                if part is None:
                    part = _EID_PART[kind] + eid_num(num)
                    if len(parts) < 50_000:
                        parts[num] = part
                eid = part if kind == "section" else prefix + part
            else:
                eid = prefix + _EID_PART[kind] + str(n)
            if eid in used:
                k = 2
                while f"{eid}_{k}" in used:
                    k += 1
                eid = f"{eid}_{k}"
            add(eid)
            u.eid = eid
            if wids and not u.wid:
                u.wid = eid
            # a mellemrubrik group does not prefix its §§' children; all else does
            children = u.children
            if children:
                visit(children, prefix if kind == "group" else eid + "__")

    visit(act.body, "")


def assign_wids(act: Act) -> None:
    """Give every unit without a stable id its current eId as stable id."""
    stack = list(reversed(act.body))
    while stack:
        u = stack.pop()
        if not u.wid:
            u.wid = u.eid
        if u.children:
            stack.extend(reversed(u.children))


# --- a fast copy of the tree (issue 9, item 6) ----------------------------------------------------

def copy_act(act: Act) -> Act:
    """A deep copy of `act` as `copy.deepcopy` makes it, several times faster: the tree (units,
    lines, notes, tables, cells) is rebuilt field by field instead of through deepcopy's generic
    memo machinery. Strings are immutable and shared, as deepcopy shares them. What is not part of
    the tree — the consolidation record and any other attribute — goes through copy.deepcopy;
    cached indexes ("_section_index") are dropped, since they would point into the original."""
    import copy

    new = Act.__new__(Act)
    d = {}
    for k, v in act.__dict__.items():
        if k == "body":
            d[k] = [_copy_unit(u) for u in v]
        elif k == "preamble":
            d[k] = [_copy_block(b) for b in v]
        elif k == "annexes":
            d[k] = [Annex(a.label, a.num, _copy_blocks(a.headings), _copy_blocks(a.body)) for a in v]
        elif k.startswith("_"):
            continue
        elif isinstance(v, (str, int, type(None))):
            d[k] = v
        else:
            d[k] = copy.deepcopy(v)
    new.__dict__ = d
    return new


def _copy_note(n: Note) -> Note:
    new = Note.__new__(Note)
    new.__dict__ = {**n.__dict__, "lines": list(n.lines)}
    return new


def _copy_block(b):
    if type(b) is Line:
        new = Line.__new__(Line)
        new.__dict__ = {**b.__dict__, "notes": [_copy_note(n) for n in b.notes]} if b.notes else {**b.__dict__, "notes": []}
        return new
    if type(b) is Table:
        new = Table.__new__(Table)
        new.__dict__ = {**b.__dict__, "rows": [[Cell(**c.__dict__) for c in row] for row in b.rows]}
        return new
    import copy

    return copy.deepcopy(b)


def _copy_blocks(blocks: list) -> list:
    """_copy_block of each block, with the common case (a Line) inline: the copy's hot loop."""
    out = []
    new_obj = object.__new__
    for b in blocks:
        if type(b) is Line:
            new = new_obj(Line)
            d = b.__dict__.copy()
            notes = d["notes"]
            d["notes"] = [_copy_note(n) for n in notes] if notes else []
            new.__dict__ = d
            out.append(new)
        else:
            out.append(_copy_block(b))
    return out


def _copy_unit(u: Unit) -> Unit:
    new = object.__new__(Unit)
    d = u.__dict__.copy()
    if d["heading"] is not None:
        d["heading"] = _copy_block(d["heading"])
    d["intro"] = _copy_blocks(d["intro"])
    d["children"] = [_copy_unit(c) for c in d["children"]]
    d["wrapup"] = _copy_blocks(d["wrapup"])
    new.__dict__ = d
    return new
