"""Import official retsinformation.dk XML (LexDania 2.1) into the act model.

Mapping (lovteknik.md §8.1):

    Bog / Afsnit / Kapitel      -> book / part / chapter (Explicatus = label, Rubrica = heading)
    ParagrafGruppe with Rubrica -> group (a mellemrubrik); without one it is transparent
    Paragraf                    -> section;  Stk -> subsection (the first has no label)
    Exitus/Linea                -> Line;  Exitus/Index/Indentatio -> paragraph (Nummer),
                                   point (Litra) or indent (Fri)
    Nota                        -> Note on the preceding line (never part of the law text)
    Table                       -> Table
    Ikraft (LBK)                -> an "ikraft" block: the amending acts' commencement
                                   provisions, kept as flat text (not addressable)
    Stk/AendringsNummer         -> flat text lines (an original act amending another act;
                                   its instructions are kept as text, not executed)

Amending acts (DocumentType "LOV Æ…") are recognised and summarised, not imported.
Inline formatting (italic, bold, superscript) is not kept: the model holds plain text.
Superscript footnote references ("stk. 1" + "3)" naming a <Nota> of the document) are not law
text and are left out (FootnoteRefs); other superscript ("m" + "2") stays as text.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .. import labels
from . import read_source
from ..errors import MappingError
from ..gcpause import gc_paused
from ..model import DANISH, Act, Annex, Cell, Line, Note, Table, Unit, annex_num, assign_eids
from ..text import canonical_num, join_lines, norm
from ..validate import ValueProblem, forbidden_in_file, index_line_col, is_iso_date, odd_bytes, span
from ..xmlsafe import as_utf8, ascii_compatible, parse_bytes

# Short names of the acts lawdiff's proposals use; others get a slug of their title.
KNOWN_LAWS = {
    "lov om en aktiv beskæftigelsesindsats": "lab",
    "lov om ansvaret for og styringen af den aktive beskæftigelsesindsats": "styringsloven",
    "lov om organisering og understøttelse af beskæftigelsesindsatsen m.v.": "organiseringsloven",
    "lov om social service": "serviceloven",
    "sundhedsloven": "sundhedsloven",
}


@dataclass
class Amendment:
    """An amending act, recognised but not imported."""
    source: str
    title: str
    date: str
    amends: list[str]  # intro sentences of its ændringsparagraffer


@dataclass
class ImportResult:
    path: str
    act: Act | None = None
    amendment: Amendment | None = None
    repairs: list[str] = field(default_factory=list)  # warnings "file:line: …" on repaired source errors
    dropped: list[tuple[int, str]] = field(default_factory=list)  # (line, text) the source repeats, left out
    respaced: list[tuple[int, str, str]] = field(default_factory=list)  # (line, source, read): "2.Anmodning"
    footnote_refs: int = 0  # superscript footnote markers left out of the law text (FootnoteRefs)


def law_title(doc_title: str) -> str:
    t = re.sub(r"^Bekendtgørelse af\s+", "", doc_title)
    return t[:1].lower() + t[1:]


_SLUG = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "ue", "ö": "oe", "ä": "ae"})
_OWN_SHORT = re.compile(r"\(([A-Za-zÆØÅæøå-]+(?:lov|loven))\)$")


def _slug(text: str) -> str:
    slug = "-".join(text.lower().translate(_SLUG).split())
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9-]+", "", slug)).strip("-")


def short_name(title: str) -> str:
    """The act's short name: a known one, the title's own "(barselsloven)", or a slug of the
    whole title (five words made different acts share a name: "bekendtgørelse for Grønland af
    lov om gældsbreve" / "… om renter ved forsinket betaling"). Two acts can still share a
    name and date; `unique_keys` handles that."""
    if title in KNOWN_LAWS:
        return KNOWN_LAWS[title]
    m = _OWN_SHORT.search(title)
    if m:
        return _slug(m.group(1)) or "lov"
    slug = _slug(re.sub(r"^lov om\s+", "", title))
    if len(slug) > 64:
        # short names have at most 80 characters (names.LAW), room for "-lbk-NNNNNN-YYYY": keep the
        # start and the end of a long title, where tax treaties name their country
        head = slug[:41].rsplit("-", 1)[0]
        tail = slug[-(63 - len(head)):]
        slug = f"{head}-{tail.split('-', 1)[1] if '-' in tail else tail}"
    return slug or "lov"


def unique_keys(results: list["ImportResult"], stored_source) -> list[str]:
    """Make every act's key (short name @ date) unique, so that no act overwrites another.

    `stored_source(law, date)` gives the source ("LBK nr. 201 af …") of the act the store
    already holds under that key, or None. An act whose key is taken by a different act (in
    this run or in the store) gets its number in its name: "lov-om-x-lbk-202-2016".
    Re-importing the same document keeps its key. Returns the warnings to print."""
    taken: dict[str, str] = {}
    notes: list[str] = []
    for res in results:
        act = res.act
        if act is None:
            continue
        other = taken.get(act.key) or stored_source(act.law, act.date)
        if other is not None and other != act.source:
            old = act.key
            act.law = f"{act.law}-{act.doc_type}-{act.number}-{act.year}"
            notes.append(f"{res.path}: {old} findes allerede ({other}); {act.source} gemmes som {act.key}")
        taken[act.key] = act.source
    return notes


class _Reader:
    def __init__(self, path: str, is_lbk: bool, refs: FootnoteRefs | None = None):
        self.path = path
        self.is_lbk = is_lbk
        self.refs = refs  # the document's footnote references (None: the document has no superscript)
        self.repairs: list[str] = []
        self._src: dict[int, tuple[int | None, bool]] = {}  # id(Line) -> (source line, starts with plain text)
        self._label_line: dict[int, int] = {}  # id(Exitus) -> line of the bare label split off before it
        self._split_off: dict[int, int] = {}  # id(section) -> line, for a § read out of the previous one
        self.dropped: list[tuple[int, str]] = []  # (line, text) of fragments the source repeats
        self.respaced: list[tuple[int, str, str]] = []  # (line, text, text with the space) of run-on punktummer
        self._section_line: dict[int, int] = {}  # id(section) -> line of its <Paragraf>
        self._container_line: dict[int, int] = {}  # id(chapter or part) -> line of its element

    # an unnumbered § is a placeholder in a repealed or left-out part ("§ (Ophævet)")
    _PLACEHOLDER = re.compile(r"^\((?:Ophævet|Udeladt)\)\.?$|^$")

    def check_sections(self, act: Act, outline: tuple[list[Unit], list[Unit]] | None = None) -> None:
        """Report §§ no citation reaches: one without a number that is more than a placeholder,
        and two §§ with the same number (the source's errors; a reader would notice them).
        `outline`: `_outline(act)`, where the caller has it."""
        secs, containers = outline or _outline(act)
        seen: dict[str, int] = {}
        for sec in secs:
            line = self._section_line.get(id(sec))
            if sec.num is None:
                text = norm(" ".join(t for u in sec.walk() for t in u.own_lines()))
                if not self._PLACEHOLDER.match(text):
                    self.repairs.append(f"{self.path}:{line}: en paragraf uden nummer (betegnelse "
                                        f"»{norm(sec.label or '')}«) har tekst i kilden: »{text[:40]}«; "
                                        f"den kan ikke adresseres")
            elif sec.num in seen:
                self.repairs.append(f"{self.path}:{line}: § {sec.num} findes to gange i kilden (også linje "
                                    f"{seen[sec.num]}); »§ {sec.num}« kan ikke adresseres entydigt")
            else:
                seen[sec.num] = line
        chapters: dict[tuple[str, str], int | None] = {}
        for unit in containers:
            key = (unit.kind, canonical_num(unit.num).lower())
            line = self._container_line.get(id(unit))
            if key in chapters:
                name = f"{DANISH.get(unit.kind, unit.kind)} {unit.num}"
                self.repairs.append(f"{self.path}:{line}: {name} findes to gange i kilden (også linje "
                                    f"{chapters[key]}); »{name}« kan ikke adresseres entydigt")
            else:
                chapters[key] = line

    def fail(self, el: etree._Element, msg: str) -> MappingError:
        return MappingError(f"<{el.tag}>: {msg}", file=self.path, line=el.sourceline, hint=_HINT)

    # --- text --------------------------------------------------------------
    def linea(self, el: etree._Element) -> str:
        """The text of a <Linea> ("" when it holds nothing but footnote references)."""
        return linea_text(el, self.path, self.refs) or ""

    def texts(self, lineas) -> list[str]:
        """The texts of <Linea>s, leaving out those that hold nothing but footnote references."""
        return [t for t in (linea_text(li, self.path, self.refs) for li in lineas) if t is not None]

    def note(self, el: etree._Element) -> Note:
        for ch in el:  # a note is its marker and its text: anything else would be left out unseen
            if ch.tag not in ("Explicatus", "Exitus") and isinstance(ch.tag, str):
                raise self.fail(ch, "uventet element i <Nota>")
        marker = norm(_explicatus(el) or "")
        for ex in el.findall("Exitus"):  # the note's text is its Lineas: a run outside them would be lost
            stray = stray_char(ex)
            if stray is not None:
                raise self.fail(stray, "står uden for en <Linea>; teksten kan ikke læses sikkert")
        lines = self.texts(li for ex in el.findall("Exitus") for li in ex.iter("Linea"))
        return Note(marker, lines)

    def lines_of(self, el: etree._Element) -> list[Line]:
        """The Lineas of a Rubrica/Exitus/Indledning with their notes."""
        out: list[Line] = []
        pending: list[Note] = []
        for ch in el:
            if ch.tag == "Linea":
                text = linea_text(ch, self.path, self.refs)
                if text is None:
                    continue  # nothing but footnote references
                out.append(Line(text, pending))
                pending = []
            elif ch.tag == "Nota":
                (out[-1].notes if out else pending).append(self.note(ch))
            elif ch.tag == "Exitus":
                out.extend(self.lines_of(ch))
            else:
                raise self.fail(ch, f"uventet element i <{el.tag}>")
        if pending:
            out.append(Line("", pending))
        return out

    def heading(self, el: etree._Element) -> Line | None:
        """The container's own heading: a Rubrica before any of its content."""
        for rub in el:  # the first child that is not the label
            if rub.tag != "Explicatus":
                return self.heading_line(rub) if rub.tag == "Rubrica" else None
        return None

    def heading_line(self, rub: etree._Element) -> Line:
        lines = self.lines_of(rub)
        return Line(" ".join(l.text for l in lines), [n for l in lines for n in l.notes])

    # what a cell of a table may hold (an <Image> has no text: the reader would leave it out unseen)
    _CELL_CONTENT = frozenset(("Exitus", "Linea", "Char", "Nota", "Explicatus"))

    def table(self, el: etree._Element, caption=None, picture=None) -> Table:
        """A <Table>. An annex's table may also hold a caption (<Rubrica>: `caption` gets its lines) and
        a picture in a cell (`picture` gets the <Image>); elsewhere both are refused."""
        rows = []
        for tr in el:
            if tr.tag == "Rubrica" and caption is not None:
                caption(self.lines_of(tr))
                continue
            if tr.tag != "Tr":
                raise self.fail(tr, "uventet element i <Table>")
            row = []
            for cell in tr:
                if cell.tag not in ("Td", "Th"):
                    raise self.fail(cell, "uventet element i <Tr>")
                for x in cell.iterdescendants():
                    if x.tag == "Image" and picture is not None:
                        picture(x)
                    elif x.tag not in self._CELL_CONTENT:
                        raise self.fail(x, f"uventet element i <{cell.tag}>")
                # a cell's lines as the law reads them: none with a space before a comma ("… 10 pct. vol." /
                # ", jf. dog nr. 2." is "… 10 pct. vol., jf. dog nr. 2.": LBK 1017/2013 § 1)
                text = join_lines(self.texts(cell.iter("Linea")))
                try:
                    spans = [span(cell.get(a), a) for a in ("colspan", "rowspan")]
                except ValueProblem as e:
                    raise MappingError(f"<{cell.tag}>: {e.message}", file=self.path, line=cell.sourceline,
                                       hint=e.hint) from None
                row.append(Cell(text, cell.tag == "Th", *spans))
            rows.append(row)
        return Table(rows)

    def flatten(self, el, out: list) -> list:
        """Every label and line below `el` (an element or a list of elements), in document
        order, as flat blocks."""
        for ch in el:
            if ch.tag == "Explicatus":
                label = ch.text or ""
                if norm(label):
                    if label.rstrip()[-1:] != "." and (holder := ch.getparent()).tag in ("Paragraf", "Stk"):
                        label = self._label_stop(holder, label)  # not a list item's ("–" + "." is no "–.")
                    out.append(Line(label))
            elif ch.tag == "Linea":
                text = linea_text(ch, self.path, self.refs)
                if text is not None:  # None: nothing but footnote references
                    out.append(Line(text))
            elif ch.tag == "Nota":
                if out and isinstance(out[-1], Line):
                    out[-1].notes.append(self.note(ch))
                else:
                    out.append(Line("", [self.note(ch)]))
            elif ch.tag == "Table":
                out.append(self.table(ch))
            elif ch.tag in ("Rubrica",):
                out.extend(self.lines_of(ch))
            elif ch.tag == "Char":  # a run outside any <Linea>: its text would be left out
                raise self.fail(ch, "står uden for en <Linea>; teksten kan ikke læses sikkert")
            else:
                self.flatten(ch, out)
        return out

    # --- provisions --------------------------------------------------------
    def content(self, el: etree._Element, unit: Unit) -> None:
        """Fill a subsection/item from its Exitus children."""
        for ch in el:
            tag = ch.tag
            if tag == "Exitus":
                self.exitus(ch, unit)
            elif tag != "Explicatus":
                self.content_element(ch, unit, el)
        if len(unit.intro) >= 3 and not unit.children:  # else lift_list has nothing to do
            self.lift_list(unit)

    # A list written as prose: Lineas "1) …", "2) …", "3) …" after the stk.'s opening words
    # (LBK 1054/2010 § 9 c, stk. 4), or "a) …", "b) …" in a nr. The source left out the
    # Index/Indentatio markup; a reader sees a list and cites "nr. 3".
    _PROSE_ITEM = {"subsection": (re.compile(r"^(\d+)\)\s+(\S.*)$", re.S), "paragraph"),
                   "paragraph": (re.compile(r"^([a-zæøå])\)\s+(\S.*)$", re.S), "point")}

    def lift_list(self, unit: Unit) -> None:
        """Turn a run of prose list items at the end of `unit`'s text into its items."""
        spec = self._PROSE_ITEM.get(unit.kind)
        if spec is None or unit.children or len(unit.intro) < 3:
            return
        rx, kind = spec
        blocks = unit.intro
        if not all(isinstance(b, Line) for b in blocks):
            return
        first = next((i for i, b in enumerate(blocks) if rx.match(b.text.strip())), None)
        if not first:  # None, or the unit's very first line (a footnote marker such as "2) …")
            return
        expected = [labels.for_position(kind, i)[0] for i in range(1, len(blocks) - first + 1)]
        items = []
        for b, want in zip(blocks[first:], expected):
            m = rx.match(b.text.strip())
            src = self._src.get(id(b), (None, False))
            if not m or m.group(1) != want or not src[1]:
                return  # the run must reach the unit's end, numbered 1, 2, 3 … / a, b, c …, plain text
            items.append(Unit(kind, num=want, label=f"{want})", intro=[Line(m.group(2), b.notes)]))
        if len(items) < 2:
            return
        line = self._src.get(id(blocks[first]), (None,))[0]
        self.repairs.append(f"{self.path}:{line}: {len(items)} linjer »{items[0].label} …«, »{items[1].label} …« stod "
                            f"som almindelig tekst i kilden; læst som en liste ({DANISH[kind]} {items[0].num}-"
                            f"{items[-1].num})")
        unit.intro = blocks[:first]
        unit.children = items

    def content_element(self, ch: etree._Element, unit: Unit, parent: etree._Element) -> None:
        if ch.tag == "Exitus":
            self.exitus(ch, unit)
        elif ch.tag in ("AendringsNummer", "AendringCentreretParagraf"):
            if unit.amending is None:
                unit.amending = ch.sourceline
            self.add_blocks(unit, self.flatten(ch, []))
        else:
            raise self.fail(ch, f"uventet element i <{parent.tag}>")

    def _respace(self, text: str, line: int) -> str:
        """A punktum run on into the next without a space ("nævnt i stk. 2.Anmodning om …", LBK
        105/2011 § 60, stk. 4): read as a reader does, with the space, and reported. Without it the
        two punktummer count as one and a nummer citing the stk.'s 3. pkt. reaches the wrong one."""
        fixed = _RUN_ON.sub(". ", text)
        for m in _RUN_ON.finditer(text):
            before, after = _WORD_BEFORE.search(text, 0, m.start()).group(), _WORD_AFTER.match(text, m.end()).group()
            self.repairs.append(f"{self.path}:{line}: mellemrum mangler efter punktum i kilden: »{before}.{after}«; "
                                f"læst som »{before}. {after}« (to punktummer)")
        self.respaced.append((line, text, fixed))
        return fixed

    def add_blocks(self, unit: Unit, blocks: list) -> None:
        (unit.wrapup if unit.children else unit.intro).extend(blocks)

    def exitus(self, ex: etree._Element, unit: Unit) -> None:
        # the hot path of the import: read each element's tag once
        path = self.path
        refs = self.refs
        for ch in ex:
            tag = ch.tag
            if tag == "Linea":
                # linea_text's common case inlined (one plain <Char>, white space around it)
                text = None
                if len(ch) == 1:
                    lead = ch.text
                    if not lead or lead.isspace():
                        run = ch[0]
                        if run.tag == "Char" and not len(run):
                            tail = run.tail
                            if (not tail or tail.isspace()) and (refs is None or "uper" not in (run.get("formaChar") or "")):
                                text = run.text or ""
                                if "\n" in text:
                                    text = _unwrap(text).strip()
                if text is None:
                    text = linea_text(ch, path, refs)
                    if text is None:
                        continue  # nothing but footnote references
                if "." in text and _RUN_ON.search(text):
                    text = self._respace(text, ch.sourceline)
                line = Line(text, [])  # (the factory's call for `notes` costs more)
                if ")" in text[:6]:  # may be a list item written as prose (see lift_list)
                    self._src[id(line)] = (ch.sourceline, len(ch) > 0 and not ch[0].get("formaChar"))
                (unit.wrapup if unit.children else unit.intro).append(line)
            elif tag == "Index":
                if unit.wrapup:
                    # text between two lists: keep the second list's items as flat text
                    self.add_blocks(unit, self.flatten(ch, []))
                    continue
                for ind in ch:
                    if ind.tag != "Indentatio":
                        raise self.fail(ind, "uventet element i <Index>")
                    unit.children.append(self.item(ind))
            elif tag == "Nota":
                target = unit.wrapup if unit.children else unit.intro
                if target and isinstance(target[-1], Line):
                    target[-1].notes.append(self.note(ch))
                else:
                    target.append(Line("", [self.note(ch)]))
            elif tag == "Table":
                self.add_blocks(unit, [self.table(ch)])
            elif tag == "Exitus":
                self.exitus(ch, unit)
            else:
                raise self.fail(ch, "uventet element i <Exitus>")

    # Romer: roman-numbered items ("i)", "ii)"), cited as "nr. i" in Danish; Pind: bullets
    _ITEM_KIND = {"Nummer": "paragraph", "Litra": "point", "Fri": "indent", "Romer": "paragraph",
                  "Pind": "indent"}

    def item(self, el: etree._Element) -> Unit:
        forma = el.get("formaInd") or "Nummer"
        kind = self._ITEM_KIND.get(forma)
        if kind is None:
            raise self.fail(el, f"ukendt formaInd={el.get('formaInd')!r}")
        label = _explicatus(el)
        num = None
        if label is not None and kind != "indent":
            num = _item_num(label)
            if num is None:
                kind = "indent"  # a free-form label such as "–" or "•"
            else:
                # the label decides: "a)" is a litra even where formaInd says Nummer
                roman = forma == "Romer" and re.fullmatch(r"[ivxlc]+", num, re.I)
                kind = "paragraph" if num[0].isdigit() or roman else "point"
        u = Unit(kind, num, label)
        self.content(el, u)
        return u

    # A Linea holding nothing but a label, at the start of a later Exitus: a markup
    # error in the source where a new stk. or § was left inside the previous one
    # (LBK 807/2015 § 16 a, stk. 8 holds "§ 16 b."; LBK 731/2010 § 13, stk. 1 holds "Stk. 2.").
    _BARE_LABEL = re.compile(r"^(?:§\s*\d+(?:\s?[a-zæøå]{1,2})?|Stk\.\s*\d+)\.$")

    # A label cut in two by the source: <Explicatus>§ </Explicatus> or <Explicatus>Stk. </Explicatus>
    # with the number alone in the first Linea (LBK 1222/2010 § 20, stk. 3; LBK 1531/2015 § 46 a),
    # or a § whose whole label stands in its first Linea (LBK 1096/2010 "§ 78.", LBK 1578/2015
    # "§ " + "§§ 12-14 a.").
    _NUMBER_ONLY = re.compile(r"^\d+(?:\s?[a-zæøå]{1,2})?\.$")
    _SECTION_LABEL = re.compile(r"^§§?\s*\d+(?:\s?[a-zæøå]{1,2})?"
                                r"(?:\s*(?:-|og)\s*(?:\d+)?(?:\s?[a-zæøå]{1,2})?)?\.$")

    def _split_label(self, holder: etree._Element, label: str | None, kind: str) -> str | None:
        """The label of a § or stk. whose number (or whole label) the source put in the first
        Linea of `holder`'s first Exitus: that Linea is dropped and the repair reported.
        Otherwise `label` unchanged."""
        bare = label.strip() if label else ""
        if len(bare) > 5:  # a complete label (the fast path: most labels)
            return label
        bare = _norm_label(bare)
        if bare not in (("", "§") if kind == "section" else ("Stk.",)):
            return label
        ex = next((c for c in holder if c.tag == "Exitus"), None)
        first = ex[0] if ex is not None and len(ex) else None
        if first is None or first.tag != "Linea":
            return label
        text = norm(self.linea(first))
        if text.endswith(" ."):  # "3" + "." as two plain runs, which linea_text joins with a space
            text = text[:-2] + "."
        drop = first
        if bare and self._NUMBER_ONLY.match(text):
            joined = f"{bare} {text}"
        elif kind == "section" and self._SECTION_LABEL.match(text):
            joined = text
        elif (kind == "section" and len(first) > 1 and first[0].tag == "Char" and not len(first[0])
              and self._SECTION_LABEL.match(norm(first[0].text or ""))):
            joined, drop = norm(first[0].text or ""), first[0]  # "§§ 15 a-d." + " (Ophævet)" in one Linea
        else:
            return label
        self.repairs.append(f"{self.path}:{first.sourceline}: betegnelsen »{joined}« stod (helt eller delvis) i "
                            f"teksten i stedet for i <Explicatus> i kilden; læst som betegnelsen")
        drop.getparent().remove(drop)
        return joined

    def _label_stop(self, holder: etree._Element, label: str) -> str:
        """A label printed without its full stop, which stands first in the text: <Explicatus>Stk. 5</Explicatus>
        and a first Linea "." (LBK 1072/2010 § 82, stk. 5; LBK 1073/2010 "§ 6" + stk. 1's "."), or ". text"
        (LBK 670/2010 "§ 10" + ". (ophævet)"). retsinformation shows "Stk. 5. Det skal …"; kept, the "." was the
        unit's 1. pkt. and every later punktum number off by one (issue 8). The label is read with its full stop,
        the text without it (a Linea of nothing else is dropped), and the repair reported. `holder`: the element
        of the label; otherwise `label` unchanged. Not "..." (an omission)."""
        first = _first_linea(holder)
        if first is None or first.tag != "Linea" or not len(first) or (first.text and not first.text.isspace()):
            return label
        run = first[0]
        if run.tag != "Char" or len(run):
            return label
        text = (run.text or "").lstrip()
        if text[:1] != "." or text[:2] == "..":
            return label
        rest = text[1:].lstrip()
        bare = norm(label)
        self.repairs.append(f"{self.path}:{first.sourceline}: punktummet efter betegnelsen »{bare}« stod først i "
                            f"teksten i stedet for efter betegnelsen i kilden; læst som »{bare}.«")
        if rest:
            run.text = rest
        elif len(first) == 1:
            first.getparent().remove(first)
        else:
            first.text = (first.text or "") + (run.tail or "")  # (white space: the next run's lead)
            first.remove(run)
        return label.rstrip() + "."

    def _drop_repeated_label(self, stk: etree._Element, label: str | None) -> None:
        """A stk. whose first Linea repeats its own label: "Stk. 2." in <Explicatus> and again as
        the first line of text (LBK 814/2012 § 34, LBK 504/2013 § 75 a; 10 LBKs of the corpus). A
        reader reads the label once; kept, the repetition was the stk.'s 1. pkt. The Linea is
        dropped (reported, and recorded in `dropped`)."""
        if not label:
            return
        for ex in stk:  # the first Exitus
            if ex.tag == "Exitus":
                break
        else:
            return
        if len(ex) < 2:
            return
        first = ex[0]
        if first.tag != "Linea" or len(first) != 1 or len(first[0].text or "") > 16:  # fast: a label is short
            return
        text = norm(self.linea(first))
        if not text or text != norm(label):
            return
        self.repairs.append(f"{self.path}:{first.sourceline}: betegnelsen »{text}« står også som første linje i "
                            f"stykkets tekst i kilden; gentagelsen er udeladt")
        self.dropped.append((first.sourceline, text))
        ex.remove(first)

    def _split_stk(self, stk: etree._Element) -> list[tuple[str | None, list[etree._Element]]]:
        # the stk.'s children listed once (their proxies stay alive for the looks below): the
        # label is the first Explicatus (_explicatus), _split_label changes only a label of at most
        # five characters, and _drop_repeated_label looks only at a first Exitus of two or more
        # children. Neither removes a child of the stk. (only a Linea or Char below it).
        kids = list(stk)
        # the stk.s of nearly every act: one Exitus, after a complete label or none; the general
        # loops below give one segment for them (tests/importers/test_split_stk.py holds this to them)
        if len(kids) == 2:
            ex = kids[1]
            if ex.tag == "Exitus":
                first = kids[0]
                if first.tag == "Explicatus":
                    label = first.text or ""
                    if len(label.strip()) > 5 and label.rstrip()[-1:] == ".":  # _split_label, _label_stop leave it
                        if len(ex) < 2:
                            return [(label, [ex])]
                        first = ex[0]  # _drop_repeated_label's first looks, as below
                        if not (first.tag == "Linea" and len(first) == 1 and len(first[0].text or "") <= 16):
                            return [(label, [ex])]
        elif len(kids) == 1 and kids[0].tag == "Exitus":
            return [(None, kids)]
        return self._split_stk_general(stk, kids)

    def _split_stk_general(self, stk: etree._Element, kids: list[etree._Element]
                           ) -> list[tuple[str | None, list[etree._Element]]]:
        label = None
        for ch in kids:
            if ch.tag == "Explicatus":
                label = ch.text or ""
                break
        if label and len(label.strip()) <= 5:
            label = self._split_label(stk, label, "subsection")
        if label and label.rstrip()[-1:] not in (".", ""):
            label = self._label_stop(stk, label)
        if label:
            for ex in kids:
                if ex.tag == "Exitus":
                    if len(ex) >= 2:
                        # _drop_repeated_label's own first looks, here on the Exitus found (nearly
                        # every first line is longer than a label: no call, no second walk)
                        first = ex[0]
                        if first.tag == "Linea" and len(first) == 1 and len(first[0].text or "") <= 16:
                            self._drop_repeated_label(stk, label)
                    break
        elements: list[etree._Element] = []  # the current segment's
        segments: list[tuple[str | None, list[etree._Element]]] = [(label, elements)]
        for ch in kids:
            tag = ch.tag
            if tag == "Explicatus":
                continue
            if tag == "Exitus" and elements and len(ch) > 1:  # a later Exitus: may start with a label
                first = ch[0]
                if (first.tag == "Linea" and len(first) == 1
                        and len(first[0].text or "") < 24  # a bare label is short: skip the rest fast
                        and self._BARE_LABEL.match(norm(self.linea(first)))):
                    label = self.linea(first)
                    self.repairs.append(f"{self.path}:{first.sourceline}: »{norm(label)}« stod inde i det forrige "
                                        f"stykke i kilden; læst som en selvstændig "
                                        f"{'paragraf' if '§' in label else 'stk.'}")
                    elements = [ch]
                    segments.append((label, elements))
                    self._label_line[id(ch)] = first.sourceline
                    ch.remove(first)
                    continue
            elements.append(ch)
        return segments

    def _section_unit(self, el: etree._Element, label: str | None) -> Unit:
        # a bare "§" is an unnumbered placeholder such as "§ (Ophævet)" in a repealed chapter
        bare, num, stop_before_letter, shaped = _section_label(label)
        if bare not in ("", "§"):
            if num is None:
                raise self.fail(el, f"paragrafbetegnelsen {bare!r} kan ikke læses")
            if stop_before_letter:
                self.repairs.append(f"{self.path}:{el.sourceline}: paragrafbetegnelsen »{bare}« har punktum "
                                    f"før bogstavet i kilden; læst som § {num}")
            elif not shaped:
                fixed = _TRAILING_PUNCT.sub("", num)
                if _SECTION_SHAPE.fullmatch(fixed):  # "§ 20 A," (LBK 1148/2016), "§ 92. (" + "Ophævet)" (LBK 217/2011)
                    self.repairs.append(f"{self.path}:{el.sourceline}: paragrafbetegnelsen »{bare}« har tegn efter "
                                        f"nummeret i kilden; læst som § {fixed}")
                    num = fixed
                else:
                    self.repairs.append(f"{self.path}:{el.sourceline}: paragrafbetegnelsen »{bare}« har ikke form som "
                                        f"et paragrafnummer; importeret med nummeret »{num}«, som ingen henvisning når")
        else:
            num = None  # an unnumbered placeholder, e.g. "(Ophævet)" in a repealed chapter
        return Unit("section", num, label)

    def sections(self, el: etree._Element) -> list[Unit]:
        """A Paragraf as one section (or more, where the source nests a § in a stk.)."""
        label = _explicatus(el)
        # else the label is complete (fast path); _split_label changes only "" and "§" (and
        # "§ 5." is short: its test here spares the look for the first Stk)
        if (label is None or len(label.strip()) <= 5) and _norm_label(label.strip() if label else "") in ("", "§"):
            label = self._split_label(next((c for c in el if c.tag == "Stk"), el), label, "section")
        if label and label.rstrip()[-1:] not in (".", ""):
            label = self._label_stop(el, label)
        sec = self._section_unit(el, label)
        secs = [sec]
        self._section_line[id(sec)] = el.sourceline
        nums: set[str] = set()  # the numbers of sec's stk.
        exitus = self.exitus
        for ch in el:
            tag = ch.tag
            if tag == "Explicatus":
                continue
            if tag != "Stk":
                raise self.fail(ch, "uventet element i <Paragraf>")
            for slabel, elements in self._split_stk(ch):
                if slabel is not None and "§" in slabel and slabel.lstrip().startswith("§"):
                    sec = self._section_unit(el, slabel)
                    secs.append(sec)
                    nums = set()
                    self._split_off[id(sec)] = self._label_line.get(id(elements[0]), ch.sourceline)
                    self._section_line[id(sec)] = self._split_off[id(sec)]
                    slabel = None
                if slabel is None:
                    snum = str(len(sec.children) + 1)
                else:
                    snum = _subsection_num(slabel)
                    if snum is None:
                        raise self.fail(ch, f"stykkebetegnelsen {norm(slabel)!r} kan ikke læses")
                    if not _subsection_shaped(snum):
                        self.repairs.append(f"{self.path}:{ch.sourceline}: stykkebetegnelsen »{norm(slabel)}« har ikke "
                                            f"form som et stykkenummer; importeret med nummeret »{snum}«, som ingen "
                                            f"henvisning når")
                    if snum in nums:
                        # the source numbers two stk. alike (LBK 1017/2011 § 2: "Stk. 2." twice): a
                        # citation of it is ambiguous; kept as the source has it, and reported
                        self.repairs.append(f"{self.path}:{ch.sourceline}: {norm(sec.label or '§')} har to stykker "
                                            f"med nummeret {snum} i kilden; »stk. {snum}« kan ikke adresseres entydigt")
                nums.add(snum)
                stk = Unit("subsection", snum, slabel)  # positional: the hot path
                for e in elements:
                    if e.tag == "Exitus":
                        exitus(e, stk)
                    else:
                        self.content_element(e, stk, ch)
                if len(stk.intro) >= 3 and not stk.children:  # else lift_list has nothing to do
                    self.lift_list(stk)
                sec.children.append(stk)
        return secs

    def _repeats(self, prev: Unit, sec: Unit) -> bool:
        """`prev`, a § read out of the previous Paragraf, is the start of the next Paragraf `sec`
        repeated (LBK 174/2017: "§ 345." and its stk. 1 stand inside § 344 d, stk. 2 and again
        as § 345): the same number and its text a prefix of `sec`'s."""
        if id(prev) not in self._split_off or not prev.num or prev.num != sec.num:
            return False
        mine = [t for u in prev.walk() for t in u.own_lines()]
        theirs = [t for u in sec.walk() for t in u.own_lines()]
        return bool(mine) and theirs[:len(mine)] == mine

    def amending_section(self, el: etree._Element) -> Unit:
        """An ændringsparagraf inside an original act ("§ 104. I lov om … foretages følgende
        ændringer: 1. …"): a § of the act whose one stk. holds the instructions as text lines.

        The instructions are not executed here; `Unit.amending` keeps the source line so that
        the reader of amending acts can find the element again."""
        sec = self._section_unit(el, _explicatus(el))
        self._section_line[id(sec)] = el.sourceline
        stk = Unit("subsection", num="1", amending=el.sourceline)
        stk.intro = self.flatten([ch for ch in el if ch.tag != "Explicatus"], [])
        sec.children.append(stk)
        return sec

    # --- structure ---------------------------------------------------------
    _CONTAINER = {"Bog": "book", "Afsnit": "part", "Kapitel": "chapter"}

    def structure(self, el: etree._Element, has_heading: bool | None = None, children=None) -> list[Unit]:
        """Children of Bog/Afsnit/Kapitel/ParagrafGruppe as units (`children`: these elements instead of
        el's, read as if el held them; chapters_apart).

        The first Rubrica before any content is the container's own heading (see `heading`).
        Every further Rubrica is kept as a mellemrubrik group: one that follows another heading
        directly is a subheading and nests inside it (a chapter "Kapitel 10 / Sikringsmidler /
        Håndjern"); one that follows content starts a new group beside the current one."""
        levels: list[list[Unit]] = [[]]
        # `has_heading`: whether the caller found el's own heading (it reads it anyway; not twice)
        own = self.heading(el) is not None if has_heading is None else has_heading
        content = False
        for ch in (el if children is None else children):
            tag = ch.tag
            if tag == "Explicatus":
                continue
            if tag == "Rubrica":
                if own:
                    own = False
                    continue
                group = Unit("group", heading=self.heading_line(ch))
                if content and len(levels) > 1:
                    levels.pop()
                levels[-1].append(group)
                levels.append(group.children)
                content = False
                continue
            content = True
            out = levels[-1]
            if tag in self._CONTAINER:
                label = _explicatus(ch)
                heading = self.heading(ch)
                kids = self.structure(ch, heading is not None)
                if label is None and heading is None:
                    out.extend(kids)  # a technical wrapper with no label of its own
                    continue
                num = _container_num(label) if tag != "Bog" else None
                if num is None and tag != "Bog" and label and not label.isspace():
                    num = self._container_without_number(ch, label)
                unit = Unit(self._CONTAINER[tag], num=num, label=label, heading=heading, children=kids)
                self._container_line[id(unit)] = ch.sourceline
                out.append(unit)
            elif tag == "ParagrafGruppe":
                heading = self.heading(ch)
                kids = self.structure(ch, heading is not None)
                if heading is None:
                    out.extend(kids)
                else:
                    out.append(Unit("group", heading=heading, children=kids))
            elif tag == "Paragraf":
                secs = self.sections(ch)
                if out and secs and self._repeats(out[-1], secs[0]):
                    dup = out.pop()
                    line = self._split_off[id(dup)]
                    self.repairs = [r for r in self.repairs if not r.startswith(f"{self.path}:{line}: »")]
                    self.dropped.append((line, _unit_text(dup)))
                    self.repairs.append(f"{self.path}:{line}: kilden gentager begyndelsen af {norm(dup.label or '')} "
                                        f"inde i den forrige paragraf; gentagelsen er udeladt")
                out.extend(secs)
            elif tag == "AendringCentreretParagraf":
                out.append(self.amending_section(ch))
            else:
                raise self.fail(ch, f"uventet element i <{el.tag}>")
        return levels[0]

    # --- retsplejeloven's chapters printed apart (LBK 1237/2010) ----------------------------------------
    @staticmethod
    def labels_apart(el: etree._Element) -> bool:
        """Whether a <Bog> prints its chapters' labels apart from their text, as LBK 1237/2010 does: it holds
        only unlabelled <Afsnit>s, and among their children is a <Kapitel> that holds nothing but its label."""
        if _explicatus(el) is not None:
            return False
        found = False
        for a in el:
            if a.tag != "Afsnit" or _explicatus(a) is not None:
                return False
            found = found or any(k.tag == "Kapitel" and len(k) == 1 and k[0].tag == "Explicatus" for k in a)
        return found

    def chapters_apart(self, el: etree._Element, title: str) -> list[Unit]:
        """The books, parts and chapters of a <Bog> of labels_apart's shape, read as a reader reads the
        printed law. The source puts each chapter's label in a <Kapitel> of its own ("Kapitel 1 a" alone),
        its heading in the next <Afsnit>'s <Rubrica> and its §§ in an unlabelled <Kapitel> after that, and a
        book's or part's label and heading in a <Rubrica> ("Første bog." / "Domsmagten m.m.", "Femte
        afsnit." / "Politimyndigheden"). A chapter is its label, the first <Rubrica> after it (its heading:
        none where its §§ come first, "Kapitel 9 b") and what follows up to the next label; a book or part
        is what follows its <Rubrica> up to the next book or part. A rule "__________" and the law's title
        printed as a heading before the first book are no law text and are left out, reported."""
        top: list[Unit] = []
        book: Unit | None = None
        part: Unit | None = None
        holder: Unit | None = None  # the innermost open book, part or chapter
        items: list[etree._Element] = []  # the elements of holder not yet read
        chapters: list[int] = []  # the source lines of the labels standing alone
        alone: list[tuple[Unit, etree._Element]] = []  # their chapters

        def close() -> None:
            if items:
                own = holder is not None and holder.kind == "chapter" and items[0].tag == "Rubrica"
                if own:
                    holder.heading = self.heading_line(items[0])
                (holder.children if holder is not None else top).extend(self.structure(el, own, items))
                items.clear()

        for afsnit in el:
            for ch in afsnit:
                tag = ch.tag
                if tag == "Kapitel":
                    label = _explicatus(ch)
                    if label is None:  # the §§ of the chapter whose label came before
                        items.extend(ch)
                        continue
                    close()
                    num = _container_num(label)
                    if num is None and not label.isspace():
                        num = self._container_without_number(ch, label)
                    holder = Unit("chapter", num=num, label=label)
                    self._container_line[id(holder)] = ch.sourceline
                    outer = part or book
                    (outer.children if outer is not None else top).append(holder)
                    if len(ch) == 1:
                        chapters.append(ch.sourceline)
                        alone.append((holder, ch))
                    items.extend(k for k in ch if k.tag != "Explicatus")
                    continue
                if tag != "Rubrica":
                    items.append(ch)
                    continue
                lines = self.lines_of(ch)
                first = norm(lines[0].text) if lines else ""
                if len(lines) == 1 and re.fullmatch(r"_{3,}", first):
                    self.repairs.append(f"{self.path}:{ch.sourceline}: en streg »{first}« står som overskrift i "
                                        f"kilden; udeladt (ingen lovtekst)")
                    continue
                if book is None and len(lines) == 1 and title and first.lower() == norm(title).lower():
                    self.repairs.append(f"{self.path}:{ch.sourceline}: lovens titel »{first}« står som overskrift "
                                        f"før første bog i kilden; udeladt")
                    continue
                kind = labels.ordinal_container(first)
                if kind is None:
                    items.append(ch)
                    continue
                close()
                rest = lines[1:]
                heading = Line(" ".join(x.text for x in rest), [n for x in lines for n in x.notes]) if rest else None
                if lines[0].notes and heading is None:
                    heading = Line("", lines[0].notes)
                unit = Unit("book" if kind[0] == "bog" else "part", label=lines[0].text, heading=heading)
                self._container_line[id(unit)] = ch.sourceline
                if unit.kind == "book":
                    top.append(unit)
                    book, part = unit, None
                else:
                    (book.children if book else top).append(unit)
                    part = unit
                    if book is None:  # "første bog, femte afsnit" reaches a part only inside its book
                        self.repairs.append(f"{self.path}:{ch.sourceline}: »{first}« står før lovens første bog; "
                                            f"importeret som afsnit uden nummer, som ingen henvisning når")
                holder = unit
        close()
        for unit, ch in alone:
            # a label alone followed by another label or a labelled <Kapitel>: not the layout this reads (its
            # heading and §§ may be the next chapter's); refused, not imported as a chapter without text
            if not unit.children and not re.search(r"\((?:Ophævet|Udeladt)\)", unit.label or ""):
                raise self.fail(ch, f"»{norm(unit.label or '')}« står alene i et <Kapitel>, men der følger hverken "
                                    f"paragraffer eller et <Kapitel> uden betegnelse, før det næste kapitel, afsnit "
                                    f"eller den næste bog begynder; kapitlets tekst kan ikke findes med sikkerhed")
        if chapters:
            self.repairs.append(f"{self.path}:{chapters[0]}: kilden sætter {len(chapters)} kapitlers betegnelse i et "
                                f"<Kapitel> for sig og overskriften og paragrafferne i de følgende elementer (også "
                                f"bøgernes og afsnittenes betegnelse i en <Rubrica>); læst som kapitler, afsnit og "
                                f"bøger, som loven trykkes")
        return top

    # "Kapitel3" (LBK 1271/2013, 1606/2013, 1090/2015): the space left out; a reader reads kapitel 3
    _CONTAINER_NO_SPACE = re.compile(r"(?:Afsnit|Kapitel)([0-9]+(?: ?[a-zæøå])?|[IVXLC]+(?: ?[A-Za-z])?)\.?", re.I)

    def _container_without_number(self, el: etree._Element, label: str) -> str | None:
        """The number of a chapter or part whose label labels.container_num cannot read: repaired
        where only the space is missing, else None and reported ("1. kapitel", "Første afsnit.",
        "Kapital 3"): such a chapter was imported without a number, silently, and no citation
        ("kapitel 1") reaches it."""
        bare = norm(label)
        kind = DANISH.get(self._CONTAINER[el.tag], el.tag)
        up = el.getparent()
        if el.tag == "Afsnit" and labels.ordinal_container(bare) is not None and up is not None and up.tag == "Bog" \
                and labels.ordinal_container(_explicatus(up)) is not None:
            return None  # "Femte afsnit." of "Første bog.": cited "første bog, femte afsnit" (address.py), by its label
        m = self._CONTAINER_NO_SPACE.fullmatch(bare)
        if m:
            self.repairs.append(f"{self.path}:{el.sourceline}: betegnelsen »{bare}« mangler mellemrum før nummeret "
                                f"i kilden; læst som {kind} {m.group(1)}")
            return m.group(1)
        self.repairs.append(f"{self.path}:{el.sourceline}: betegnelsen »{bare}« har ikke form som »{kind.capitalize()} "
                            f"N«; importeret som {kind} uden nummer, som ingen henvisning når")
        return None

    def ikraft(self, el: etree._Element) -> list[Unit]:
        if self.is_lbk:
            return [Unit("ikraft", intro=self.flatten(el, []))]
        out: list[Unit] = []
        for ch in el:
            if ch.tag == "Paragraf":
                out.extend(self.sections(ch))
            else:
                out.append(Unit("ikraft", intro=self.flatten(ch, [])))
        return out


# Labels recur in every act ("§ 1.", "Stk. 2.", "3)"): their numbers are read once per label.
_norm_label = lru_cache(maxsize=16384)(norm)
_subsection_num = lru_cache(maxsize=16384)(labels.subsection_num)
_item_num = lru_cache(maxsize=16384)(labels.item_num)
_container_num = lru_cache(maxsize=16384)(labels.container_num)


@lru_cache(maxsize=65536)
def _section_label(label: str | None) -> tuple[str, str | None, bool, bool]:
    """A § label normalised, its number (None for "" and "§"), whether it has the full stop
    before the letter ("§ 5. E"), and whether the number has a shape a citation reaches."""
    bare = norm(label) if label is not None else ""
    if bare in ("", "§"):
        return bare, None, False, True
    num = labels.section_num(label)
    return bare, num, bool(_STOP_BEFORE_LETTER.search(bare)), num is None or _SECTION_SHAPE.fullmatch(num) is not None


# The shapes of § and stk. numbers a citation reaches (address.py): "5", "5 a", "5 A", "5 aa", and
# the ranges and lists of placeholders ("§§ 67 a-67 f.", "§§ 15 og 16.", "Stk. 2-5."). labels.py
# reads any label that starts with a digit, so "§ 4, stk. 2.", "§ 4 (Ophævet).", "§ 20 A," and
# "§ １." (full-width digits) became §§ no citation reaches, silently; now reported with file:line
# (the text itself is imported as the source has it). ASCII digits only: \d is any Unicode digit.
_ONE_SECTION = r"(?:§\s?)?[0-9]+\.?(?:\s?[A-Za-zÆØÅæøå]{1,2})?"
_SECTION_SHAPE = re.compile(rf"[0-9]+(?: [A-Za-zÆØÅæøå]{{1,2}})?"
                            rf"|{_ONE_SECTION}(?:\s*(?:-|–|,|og)\s*(?:{_ONE_SECTION}|[A-Za-zÆØÅæøå]{{1,2}}))+")
# A punktum's full stop with the next punktum's first word right after it ("stk. 2.Anmodning",
# "tilsyn.Trafikstyrelsen"): a word or number before it, a capitalised word of lower-case letters
# after it ("Stk. 11." run on is a label, not a punktum: left to the stk. reader). Not a line's own
# leading number ("2.Minoritetsinteresser:") nor an address ("www.Borger.dk"). The pattern begins
# with the full stop and looks behind it afterwards, so that the regex engine scans for "." instead of
# trying the look-behinds at every character of every line (~10× faster, the whole corpus's reading
# 9.1 → 7.1 s; `tests/importers/test_unseen_labels.py` holds it to the look-behind-first form). The
# capital letter after the stop is tested first: nearly every full stop has a space after it, and
# fails there before the three look-behinds (the corpus's ~230,000 lines: ~0.27 → ~0.21 s).
_RUN_ON = re.compile(r"\.(?=[A-ZÆØÅ])(?<=[a-zæøå0-9]\.)(?<!^[0-9]\.)(?<!^[0-9][0-9]\.)"
                     r"(?=(?!Stk\b)[A-ZÆØÅ][a-zæøå]{2,}\b(?![./@-]\w))")
_WORD_BEFORE, _WORD_AFTER = re.compile(r"\S*$"), re.compile(r"\S*")
_TRAILING_PUNCT = re.compile(r"\.?[\s,;:(]+$")
_SUBSECTION_SHAPE = re.compile(r"[0-9]+(?: ?[a-zæøå])?|[0-9]+\s*[-–]\s*[0-9]+")
_subsection_shaped = lru_cache(maxsize=4096)(lambda num: _SUBSECTION_SHAPE.fullmatch(num) is not None)


def _explicatus(el: etree._Element) -> str | None:
    """el.findtext("Explicatus") without lxml's ElementPath machinery (a hot path)."""
    if len(el):  # the label is nearly always the first child: no iterator
        ch = el[0]
        if ch.tag == "Explicatus":
            return ch.text or ""
    for ch in el:
        if ch.tag == "Explicatus":
            return ch.text or ""
    return None


def _first_linea(holder: etree._Element) -> etree._Element | None:
    """The first Linea of a labelled element's text, right after its label: the first of its first Exitus,
    or of its first Stk's where that Stk has no label of its own (a §'s stk. 1). None if something else
    comes first."""
    for ch in holder:
        tag = ch.tag
        if tag == "Explicatus":
            continue
        if tag == "Stk":
            return _first_linea(ch) if _explicatus(ch) is None else None
        if tag == "Exitus":  # after any notes on the label (LBK 1402/2010 § 1, stk. 2: "Stk. 2" + note 1) + ".")
            return next((li for li in ch if li.tag != "Nota"), None) if len(ch) else None
        return None
    return None


def _sections(act: Act) -> list[Unit]:
    """`act.sections()` for an act this reader made, where no § holds another § (a § read out of
    a stk. stands beside it): the walk does not enter the §§ (Unit.walk's nested generators over
    every stk., nr. and litra cost more than the check that used them)."""
    out: list[Unit] = []
    stack = list(reversed(act.body))
    while stack:
        u = stack.pop()
        if u.kind == "section":
            out.append(u)
        elif u.children:
            stack.extend(reversed(u.children))
    return out


def _outline(act: Act) -> tuple[list[Unit], list[Unit]]:
    """`_sections(act)`, and the numbered chapters and parts of `act.units()` in its order, from one
    walk that does not enter the §§: this reader puts no chapter or part inside a § (a §'s units are
    its stk., nr., litra and led; tests/importers/test_lexdania_blanks.py holds it to the walk over
    every unit, which cost 0.11 s over the corpus's act versions)."""
    secs: list[Unit] = []
    containers: list[Unit] = []
    stack = list(reversed(act.body))
    while stack:
        u = stack.pop()
        kind = u.kind
        if kind == "section":
            secs.append(u)
            continue
        if (kind == "chapter" or kind == "part") and u.num:
            containers.append(u)
        if u.children:
            stack.extend(reversed(u.children))
    return secs, containers


def _unit_text(unit: Unit) -> str:
    """Labels and lines of a provision, one space apart (what a reader sees, without notes)."""
    parts = [u.label or "" for u in [unit]]
    for u in unit.walk():
        if u is not unit and u.label:
            parts.append(u.label)
        parts.extend(u.own_lines())
    return norm(" ".join(p for p in parts if p))


def stray_char(el: etree._Element) -> etree._Element | None:
    """The first <Char> in `el` that stands outside a <Linea>: the readers take text from the
    Lineas, so its text would be left out unseen."""
    for c in el.iter("Char"):  # a loop, not a generator: called for every instruction of an amending act
        if c.getparent().tag != "Linea":
            return c
    return None


def linea_text(el: etree._Element, path: str, refs: FootnoteRefs | None = None) -> str | None:
    """The text of a <Linea>: its <Char> runs, without the white space between them in the file.

    Two plain runs (no formaChar) meet at a line break in old conversions ("… en eller flere af"
    / "disse oplysninger …"): a space is put between them where neither has one. Formatted runs
    are joined as they stand ("CO" + subscript "2", "Stk. 1" + ".", "»" + "Stk. 12").
    Anything the reader would not see is refused: text or another element directly in the
    <Linea>, or an element inside a <Char>.

    With `refs` (the document's notes), a superscript run that `refs` recognises as footnote
    references ("jf. stk. 1" + "3)") is left out of the text (see `FootnoteRefs`); None when the
    <Linea> holds nothing but such references. Without `refs` the result is always a str."""
    # (each .text/.tail read makes a new str: the pretty-printed white space is read once)
    lead = el.text
    if len(el) == 1 and (not lead or lead.isspace()):  # the common case: one Char
        ch = el[0]
        if ch.tag == "Char" and not len(ch):
            tail = ch.tail
            if (not tail or tail.isspace()) and (refs is None or "uper" not in (ch.get("formaChar") or "")):
                t = ch.text or ""
                return _unwrap(t).strip() if "\n" in t else t
    if lead and not lead.isspace():
        raise MappingError(f"<Linea> indeholder tekst uden for <Char>: {norm(el.text)[:40]!r}", file=path,
                           line=el.sourceline, hint=_HINT)
    parts: list[str] = []
    prev_plain = False
    wrapped = False  # a run held a line break (stripped at the line's ends, like the file's indentation)
    for ch in el:
        if ch.tag != "Char":
            if not isinstance(ch.tag, str):
                continue  # a comment or processing instruction
            raise MappingError(f"<{ch.tag}>: uventet element i <Linea>", file=path, line=ch.sourceline, hint=_HINT)
        if len(ch):
            raise MappingError(f"<Char> indeholder elementet <{ch[0].tag}>, hvis tekst ikke kan læses sikkert",
                               file=path, line=ch[0].sourceline, hint=_HINT)
        if ch.tail and not ch.tail.isspace():
            raise MappingError(f"<Linea> indeholder tekst uden for <Char>: {norm(ch.tail)[:40]!r}", file=path,
                               line=ch.sourceline, hint=_HINT)
        t = ch.text or ""
        if "\n" in t:  # the file's own line wrap inside a run: a space to the reader
            t = " " if t.isspace() else _unwrap(t)
            wrapped = True
        forma = ch.get("formaChar")
        if refs is not None and forma and "uper" in forma and t and refs.is_ref(t, ch.sourceline):
            parts.append(None)  # a footnote reference: not law text
            prev_plain = False
            continue
        plain = not forma
        if plain and prev_plain and t and parts and parts[-1] and not t[0].isspace() \
                and not parts[-1][-1].isspace():
            parts.append(" ")
        if t:
            parts.append(t)
        prev_plain = plain
    if refs is not None and None in parts:
        out = _join_around_refs(parts)
        return out.strip() if wrapped and out is not None else out
    return "".join(parts).strip() if wrapped else "".join(parts)


# White space holding a line break inside a <Char>: the file's pretty-printing (LBK 368/2014 § 7:
# "til" + <Char formaChar="Italic">⏎    </Char> + "valg"), never a line of the law (a <Linea> is).
_WRAP = re.compile(r"\s*\n\s*")


def _unwrap(t: str) -> str:
    """`t` with each white space run that holds a line break made one space."""
    return _WRAP.sub(" ", t)


def _join_around_refs(parts: list[str | None]) -> str | None:
    """The text of runs where None marks a footnote reference left out: the white space the
    reference leaves at the start or end of the line goes, two spaces around it become one, and
    two words it separated ("mineralvand" + "3) " + "og") keep one space between them."""
    out = ""
    cut = False
    for p in parts:
        if p is None:
            cut = True
            continue
        if cut and p:
            cut = False
            if not out or out.isspace():
                out, p = "", p.lstrip()
            elif out[-1].isspace() and p[0].isspace():
                p = p.lstrip()
            elif out[-1].isalnum() and p[0].isalnum():
                p = " " + p
        out += p
    if cut:
        out = out.rstrip()
    return out if out and not out.isspace() else None


# Superscript runs that look like footnote markers: "3)", "2)3)", "2) 3)", "*)", and "(*)" (which
# no <Nota> of the corpus uses: it marks fields of forms in tables, and is only ever reported).
_MARKER = re.compile(r"\d{1,3}\)|\(\*\)|\*\)")
_MARKER_RUN = re.compile(r"\s*(?:(?:\d{1,3}\)|\(\*\)|\*\))\s*)+")


class FootnoteRefs:
    """Footnote references of one document: superscript runs that name its notes.

    LexDania writes a note once, as <Nota> with its marker in <Explicatus> ("3)"), where it is
    first referred to (or at the title), and marks every provision it concerns with a superscript
    run holding the marker, in the law text's own <Linea>: at its start ("3)" + " Der svares …"),
    after a word ("jf. stk. 1" + "3)") or alone. 705 such runs in 81 documents of the corpus name
    a note of their document. A run is a reference only when every marker in it ("2)3)" holds two)
    is the marker of a <Nota> of the same document: it is then left out of the law text (the notes
    stay where the source puts them, on the line they follow). Superscript that is text stays as it
    is: "m" + "2" (m²), "CO" + "2", "(…)" + "2", a fraction "1" + "/"; digits without ")" are never
    taken for a marker. A run that looks like a marker but names no note of the document ("(*)" in
    forms, "1)" for a note written as text under a table, ")" after a plain "2") is kept as text
    and reported (`warnings`): never guessed."""

    def __init__(self, notes: set[str]):
        self.notes = notes
        # (source line, run) -> markers left out of the law text; marker-like superscript kept as
        # text -> its source lines (keyed, as a <Linea> may be read twice, e.g. to look for a label)
        self._removed: dict[tuple[int, str], int] = {}
        self.kept: dict[str, set[int]] = {}

    @property
    def removed(self) -> int:
        """How many footnote markers were left out of the law text."""
        return sum(self._removed.values())

    @classmethod
    def of(cls, root: etree._Element) -> "FootnoteRefs":
        return cls({norm(n.findtext("Explicatus") or "") for n in root.iter("Nota")})

    def is_ref(self, text: str, line: int) -> bool:
        if not _MARKER_RUN.fullmatch(text):
            if text.strip() == ")":
                self.kept.setdefault(")", set()).add(line)
            return False
        markers = _MARKER.findall(text)
        if all(m in self.notes for m in markers):
            self._removed[(line, text)] = len(markers)
            return True
        self.kept.setdefault(norm(text), set()).add(line)
        return False

    def warnings(self, path: str) -> list[str]:
        out = []
        for marker, lines in self.kept.items():
            times = f" ({len(lines)} steder i dokumentet, første her)" if len(lines) > 1 else ""
            what = ("er kun en del af en fodnotehenvisning" if marker == ")"
                    else "svarer ikke til nogen fodnote i dokumentet")
            out.append(f"{path}:{min(lines)}: hævet »{marker}«{times} {what}; beholdt som lovtekst")
        return out


_STOP_BEFORE_LETTER = re.compile(r"\d\.\s*[A-Za-zæøå]{1,2}\.?$")
_HINT = "dokumentet følger ikke den kendte LexDania-struktur; meld det som en fejl i lawdiff"


def _metas(root: etree._Element) -> dict[str, str]:
    """`_meta` of every name at once: the text of the first element of each name in the root's
    <Meta> elements (what findtext("Meta/NAME") finds; its ElementPath look cost more than all
    the rest of reading the metadata)."""
    out: dict[str, str] = {}
    for meta in root.iterchildren("Meta"):
        for ch in meta:
            tag = ch.tag
            if isinstance(tag, str) and tag not in out:
                out[tag] = (ch.text or "").strip()
    return out


def _source(doc_type: str, number: str, date: str) -> str:
    y, m, d = date.split("-")
    return f"{doc_type.upper()} nr. {number} af {d}/{m}/{y}"


_UPER = re.compile(rb"uper")  # "Superscript": `re` finds it twice as fast as `b"uper" in data`

# formaChar's values: the corpus's (Italic, Bold, Superscript, Subscript, Underline, "Bold Italic",
# BoldItalic, SubscriptItalic, NotBold, "vertical-align:super;font-size:70%") and the like in any case
# (the opening quote, the value up to the next quote of either kind, and the quote there if any)
_FORMA_CHAR = re.compile(rb'formaChar\s*=\s*(["\'])([^"\']*)(["\']?)')
_FORMA_WORD = re.compile(r"(?:(?:not)?(?:italic|bold|superscript|subscript|underline))+|vertical-align:\s*(?:super|sub)|"
                         r"font-size:\s*\d+(?:\.\d+)?(?:%|pt|em)|font-style:\s*italic|font-weight:\s*bold|"
                         r"text-decoration:\s*underline", re.I)


def check_forma_char(data: bytes, path: str) -> bool:
    """Every formaChar value is one the readers know: whether a run is superscript decides whether
    "3)" after "stk. 1" is a footnote reference or law text ("Boligministeren1)"), and the readers
    know a superscript run by "uper" in its formaChar. A value they do not know ("Hævet", "Sup"), or
    superscript spelt otherwise ("SUPERSCRIPT"), is refused rather than read as plain formatting.

    Returns False where no run of a document that passes can have "uper" in its formaChar, so that
    the reader need not look for footnote references (the search for b"uper" in every act version's
    bytes, 0.055 s over the corpus, is left for the rare value cut short by a quote of the other kind).
    A value ending at its own quote is the attribute's whole value as written (one the parser reads
    otherwise, through a character reference, holds "&", which no known value does: refused here); for
    a value cut short the answer is the former one, whether the bytes hold "uper" at all."""
    found = _FORMA_CHAR.findall(data)
    for value in {v for _, v, _ in found}:  # (as set(values): the same order, the same first refusal)
        v = value.decode("utf-8", "replace")
        words = [w for part in v.split(";") for w in ([part.strip()] if ":" in part else part.split()) if w]
        known = all(_FORMA_WORD.fullmatch(w) for w in words)
        if known and (b"uper" in value or "super" not in v.lower()):
            continue
        line = data.count(b"\n", 0, data.index(value)) + 1
        raise MappingError(f"formateringen formaChar=»{v}« er ukendt; om tekstløbet er hævet skrift (en "
                           "fodnotehenvisning, som ikke er lovtekst) kan ikke afgøres", file=path, line=line,
                           hint="kendte værdier er Italic, Bold, Superscript, Subscript og Underline; brug den "
                                "originale fil fra retsinformation.dk")
    if any(b"uper" in v for _, v, _ in found):
        return True
    # a value cut short (`formaChar="Italic'…"`, or the end of the file): the attribute may hold more
    return any(q != end for q, _, end in found) and _UPER.search(data) is not None


def _refuse_odd_characters(data: bytes, path: str) -> None:
    """NUL, control characters, bidi overrides (also as &#x202E;) never enter the law text."""
    if odd_bytes(data):  # the byte prefilter shared with the stored versions' reader (validate.py)
        _refuse_found_characters(data, path)


def _refuse_found_characters(data: bytes, path: str) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # another declared encoding: lxml has read it; the text is checked as it is mapped
    bad = forbidden_in_file(text)
    if bad:
        at, p = bad
        line, col = index_line_col(text, at)
        raise MappingError(p.message, file=path, line=line, column=col, hint=p.hint)


# Text in <DokumentIndhold> stands only in <Char> and <Explicatus> (LexDania has no mixed content):
# the readers never look at the text or tail of any other element, so text there was silently
# left out of the import. A regular expression over the body's bytes finds every ">" followed by
# text, except after the start tags that hold text (the common ones by their exact spelling, so
# the search stays fast), or by a CDATA section; what it finds is checked on the tree
# (`_STRAY_TEXT`), which names the element.
_TEXT_AFTER_TAG = re.compile(rb'>(?=[ \t\r\n]*+(?:[^ \t\r\n<]|<!\[))(?<!<Char>)(?<!<Explicatus>)(?<!formaChar="Italic">)'
                             rb'(?<!signiChar="AendringURN">)(?<!formaChar="Bold">)(?<!formaChar="Superscript">)'
                             rb'(?<!formaChar="Subscript">)')
_STRAY_TEXT = etree.XPath("descendant::text()[normalize-space()][not(parent::Char or parent::Explicatus)]")


# an element inside a label: the readers take the <Explicatus>'s own text only
_ELEMENT_IN_LABEL = re.compile(rb"<Explicatus\b[^>]*>[^<]*<(?!/Explicatus>)")
# a second label in one element: every reader takes the first <Explicatus> and skips the others,
# so the text of a repeated one was lost with exit 0 (found by tests/importers/test_unseen_*.py;
# no corpus document has one). An XPath in C: ~0.06 s over a quarter of the corpus.
_REPEATED_LABEL = etree.XPath("descendant::Explicatus[preceding-sibling::Explicatus][1]")


# Every text node of the body that is not the text of a <Char> or <Explicatus> (nor a tail inside one):
# count(descendant::text()[not(parent::Char or parent::Explicatus)]), counted as all text nodes less
# those of a Char and of an Explicatus (a text node's parent is one element: the same number), which
# libxml2 evaluates without a predicate per text node (0.20 against 0.28 s over the corpus's act versions)
_NON_RUN_TEXT = etree.XPath("count(descendant::text()) - count(descendant::Char/text())"
                            " - count(descendant::Explicatus/text())")
# What refuse_stray_text looks for, in one evaluation over the body: the labels a second label follows,
# the elements inside a label (_ELEMENT_IN_LABEL's tree check: comments and processing instructions are
# not elements, and the parser leaves them out), and, on a tree without blank text, _NON_RUN_TEXT. Each
# term counts what it finds (none is negative), so a sum of 0 means that none finds anything. The walks
# after the first are over a tree already in the cache: one evaluation cost 0.27 s over the corpus's act
# versions, against 0.53 s for the two XPaths and the regular expression over the bytes it spares.
_LABEL_FAULTS = "count(descendant::Explicatus[preceding-sibling::Explicatus][1]) + count(descendant::Explicatus/*)"
_ANY_LABEL_FAULT = etree.XPath(_LABEL_FAULTS)
_ANY_FAULT_WITHOUT_BLANKS = etree.XPath(f"{_LABEL_FAULTS} + count(descendant::text()) - count(descendant::Char/text())"
                                        " - count(descendant::Explicatus/text())")


def refuse_stray_text(root: etree._Element, data: bytes, path: str, blank_text: bool = True) -> None:
    """Refuse text in the body that stands outside every <Char> and <Explicatus>, and an element
    inside an <Explicatus> (`data` is the UTF-8 document `root` was parsed from).

    `blank_text=False`: `root` was parsed with xmlsafe.parse_bytes(…, blank_text=False). In such a
    tree a text node outside the runs is rare (the white space between elements is left out), and
    when there is none there is no stray text: an XPath count in lxml's C code says so in less than
    half the time of the search over the bytes below (which steps over every ">" of the body). Where
    there is one (stray text, or white space that is an element's whole content, or a document
    parsed as usual after all) the search below decides, and words the refusal, as before.

    First one XPath evaluation counts everything the looks below find in the tree
    (`_ANY_LABEL_FAULT`, `_ANY_FAULT_WITHOUT_BLANKS`); only where it counts something do they run,
    in their order, to find and word the refusal."""
    start = data.find(b"<DokumentIndhold")
    if start < 0:
        return  # no body: the reader says so
    body = root.find("DokumentIndhold")
    if body is not None and not (_ANY_LABEL_FAULT if blank_text else _ANY_FAULT_WITHOUT_BLANKS)(body):
        # none of the looks below finds anything in the tree: no repeated label, no element in a label
        # (the search over the bytes is only a first look for one) and, without blank text, no text
        # outside the runs
        if blank_text:
            _refuse_stray_text_in_bytes(root, data, path, start)
        return
    end = data.rfind(b"</DokumentIndhold")
    for ex in (_REPEATED_LABEL(body) if body is not None else []):
        raise MappingError(f"<{ex.getparent().tag}> har mere end én betegnelse (<Explicatus>): "
                           f"»{norm(ex.text or '')[:40]}« kan ikke læses sikkert", file=path, line=ex.sourceline,
                           hint=_HINT)
    if _ELEMENT_IN_LABEL.search(data, start, end):
        body = root.find("DokumentIndhold")
        for ex in (body.iter("Explicatus") if body is not None else []):
            kid = next((k for k in ex if isinstance(k.tag, str)), None)
            if kid is not None:
                raise MappingError(f"<Explicatus> indeholder elementet <{kid.tag}>, hvis tekst ikke kan læses "
                                   f"sikkert som en betegnelse", file=path, line=kid.sourceline, hint=_HINT)
    if not blank_text:
        # the search below refuses only what _STRAY_TEXT finds in this element: text outside the runs
        body = root.find("DokumentIndhold")
        if body is None or not _NON_RUN_TEXT(body):
            return
    _refuse_stray_text_in_bytes(root, data, path, start, end)


def _refuse_stray_text_in_bytes(root: etree._Element, data: bytes, path: str, start: int, end: int | None = None) -> None:
    """refuse_stray_text's search for text outside the runs: over the body's bytes, then on the tree."""
    if end is None:
        end = data.rfind(b"</DokumentIndhold")
    pos = start
    while True:
        m = _TEXT_AFTER_TAG.search(data, pos, end)
        if m is None:
            return
        tag = data[data.rfind(b"<", start, m.start()):m.start()]
        if not (tag.startswith((b"<Char ", b"<Explicatus ")) and b">" not in tag):
            break  # suspect
        pos = m.end()
    body = root.find("DokumentIndhold")
    for t in (_STRAY_TEXT(body) if body is not None else []):
        el = t.getparent()
        where = f"efter </{el.tag}>" if t.is_tail else f"i <{el.tag}>"
        line = el.sourceline
        found = data[m.end():m.end() + len(t.encode())].lstrip()
        if found and found.decode("utf-8", "ignore")[:1] == t.lstrip()[:1]:  # the text the search found
            line = data.count(b"\n", 0, m.end()) + 1 + t[:len(t) - len(t.lstrip())].count("\n")
        raise MappingError(f"tekst uden for <Char> {where}: {norm(t)[:40]!r}; den kan ikke læses som lovtekst",
                           file=path, line=line, hint=_HINT)


def read_lexdania(data: bytes, path: str, law: str | None = None) -> ImportResult:
    """Map one LexDania document; raises MappingError if it cannot be mapped."""
    data = as_utf8(data, path)
    with gc_paused():
        return _read_lexdania(parse_lexdania(data, path, blank_text=False), data, path, law)


def parse_lexdania(data: bytes, path: str, blank_text: bool = True) -> etree._Element:
    """The document's root element, after the checks any reading of it needs: no character that
    never enters the law text, safe XML (xmlsafe), no text outside what the readers map. A file
    with both faults is refused for its characters (the check's message names line and column).

    `blank_text=False` for a tree only this module's reader reads: it never reads the white space
    between elements, which xmlsafe.parse_bytes then leaves out where that changes no other text
    (a smaller tree, parsed and freed faster). The checks here read the bytes, not the tree."""
    try:
        tree = parse_bytes(data, path, blank_text=blank_text)
    except MappingError:
        _refuse_odd_characters(data, path)
        raise
    if not ascii_compatible(data, tree):
        _refuse_odd_characters(data, path)
    elif odd_bytes(data, parsed=True):  # parsed by libxml2: no C0 control is left to look for
        _refuse_found_characters(data, path)
    root = tree.getroot()
    refuse_stray_text(root, data, path, blank_text)
    return root


def read_lexdania_root(root: etree._Element, data: bytes, path: str, law: str | None = None) -> ImportResult:
    """`read_lexdania` for a document already parsed by `parse_lexdania` from `data`
    (importers/official.py parses each file once for both readers). The reader may change the
    tree: a repair of the source removes the element it read as a label, or the label's full stop that
    stood first in the text (_Reader._label_stop)."""
    with gc_paused():
        return _read_lexdania(root, data, path, law)


def _read_lexdania(root: etree._Element, data: bytes, path: str, law: str | None) -> ImportResult:
    if root.tag != "Dokument" or root.find("Meta/DocumentType") is None:
        raise MappingError(f"ikke et LexDania-dokument (rodelement <{root.tag}>, ingen Meta/DocumentType)",
                           file=path, line=root.sourceline,
                           hint="importér den officielle XML fra retsinformation.dk (…/eli/lta/ÅÅÅÅ/NR/xml)")
    meta = _metas(root)
    dtype = meta.get("DocumentType", "")
    doc_title = norm(meta.get("DocumentTitle", "").replace("\\n", " "))
    date = meta.get("DiesSigni", "")
    number = meta.get("Number", "")
    year = meta.get("Year", "")
    if date and re.fullmatch(r"\d{4}-\d\d-\d\d", date) and not is_iso_date(date):
        raise MappingError(f"Meta: DiesSigni »{date}« er ikke en dato, der findes", file=path, line=root.sourceline,
                           hint="dokumentet er beskadiget; hent det igen fra retsinformation.dk")
    if date and not re.fullmatch(r"\d{4}-\d\d-\d\d", date):  # "2016-11-21T00:00:00", "21-11-2016": not "missing"
        raise MappingError(f"Meta: DiesSigni »{date[:40]}« er ikke en dato på formen ÅÅÅÅ-MM-DD", file=path,
                           line=root.find("Meta/DiesSigni").sourceline,
                           hint="officielle LexDania-dokumenter skriver datoen ÅÅÅÅ-MM-DD; hent filen igen fra retsinformation.dk")
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", date) or not number or not year:
        raise MappingError("Meta mangler DiesSigni, Number eller Year", file=path,
                           line=root.find("Meta").sourceline)
    # the number and year name the act ("LBK nr. 1342 af …") and the amendment file (lov-YYYY-NNN.yaml):
    # "abc" or "../x" was taken as it stood (every official document has digits)
    # ("01342": "LBK nr. 01342" would name no act a citation names, nor its amendment file)
    for tag, value, shape in (("Number", number, r"[1-9][0-9]{0,4}"), ("Year", year, r"[0-9]{4}")):
        if not re.fullmatch(shape, value):
            el = root.find(f"Meta/{tag}")
            raise MappingError(f"Meta: {tag} »{value[:40]}« er ikke et {'nummer' if tag == 'Number' else 'årstal'}",
                               file=path, line=el.sourceline if el is not None else root.sourceline,
                               hint="dokumentet er beskadiget; hent det igen fra retsinformation.dk")
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise MappingError(f"DiesSigni {date!r} er ikke en gyldig dato", file=path,
                           line=root.find("Meta/DiesSigni").sourceline,
                           hint="dokumentets dato skal være en rigtig kalenderdato (ÅÅÅÅ-MM-DD)") from None
    body = root.find("DokumentIndhold")
    if body is None:
        raise MappingError("dokumentet har intet <DokumentIndhold>", file=path, line=root.sourceline)

    if dtype.startswith("LOV Æ"):
        intros = []
        for p in body.iter("AendringCentreretParagraf"):
            for ex in p.iterchildren("Exitus"):  # the first (findall's ElementPath cost more than the rest)
                intros.append(norm(" ".join(linea_text(li, path) for li in ex.iter("Linea"))))
                break
        return ImportResult(path, amendment=Amendment(_source("lov", number, date), doc_title, date, intros))
    if not (dtype.startswith("LBK H") or dtype.startswith("LOV H")):
        raise MappingError(f"dokumenttypen {dtype!r} kan ikke importeres (kun LBK, lov og ændringslov)",
                           file=path, line=root.find("Meta/DocumentType").sourceline)

    if not doc_title:  # the printed title, where the metadata has none (it was imported as "", law "lov")
        titel = root.find("TitelGruppe/Titel")
        doc_title = norm(" ".join(linea_text(li, path) for li in titel.findall("Linea"))) if titel is not None else ""
    is_lbk = dtype.startswith("LBK")
    # footnote references are superscript runs: a document without superscript needs no look at its notes
    r = _Reader(path, is_lbk, FootnoteRefs.of(root) if check_forma_char(data, path) else None)
    title = law_title(doc_title)
    act = Act(law=law or short_name(title), title=title, doc_title=doc_title,
              doc_type="lbk" if is_lbk else "lov", year=year, number=number, date=date,
              source=_source("lbk" if is_lbk else "lov", number, date),
              ministry=meta.get("Ministry", ""), popular=norm(meta.get("PopularTitle", "")))
    if not doc_title:  # the law text itself is read; the act has no name of its own (a synthetic document)
        r.repairs.append(f"{path}:{root.sourceline}: dokumentet har ingen titel (hverken Meta/DocumentTitle eller "
                         f"TitelGruppe/Titel); importeret uden titel under det korte navn »{act.law}«")
    for ch in body:
        if ch.tag in ("Indledning", "Hymne", "Praeambel"):
            act.preamble.extend(r.lines_of(ch))
        elif ch.tag == "Bog" and r.labels_apart(ch):
            act.body.extend(r.chapters_apart(ch, title))
        elif ch.tag == "Bog":
            heading = r.heading(ch)  # read first, as structure() did
            units = r.structure(ch, heading is not None)
            label = _explicatus(ch)
            if label is None and heading is None:
                act.body.extend(units)
            else:
                act.body.append(Unit("book", label=label, heading=heading, children=units))
        elif ch.tag == "Ikraft":
            act.body.extend(r.ikraft(ch))
        else:
            raise r.fail(ch, "uventet element i <DokumentIndhold>")
    outline = _outline(act)
    if not outline[0]:
        raise MappingError("dokumentet indeholder ingen paragraffer", file=path, line=body.sourceline)
    r.check_sections(act, outline)
    act.annexes = read_annexes(r, root)
    assign_eids(act, wids=True)  # and assign_wids(act), in the same walk
    refs = r.refs
    if refs is not None:
        r.repairs.extend(refs.warnings(path))
    return ImportResult(path, act=act, repairs=r.repairs, dropped=r.dropped, respaced=r.respaced,
                        footnote_refs=refs.removed if refs is not None else 0)


# --- annexes (bilag) --------------------------------------------------------------------------

def read_annexes(r: _Reader, root: etree._Element) -> list[Annex]:
    """The document's <Bilag>, in order, as annexes. One pass over each annex's elements; what has
    no text is reported (an <Image>), anything unknown is refused: nothing is left out unseen."""
    out = []
    for ch in root:
        if ch.tag == "Bilag":
            out.append(_annex(r, ch))
    return out


def _annex(r: _Reader, el: etree._Element) -> Annex:
    label = " ".join((_explicatus(el) or "").split())
    annex = Annex(label, annex_num(label))
    for ch in el:
        tag = ch.tag
        if tag == "Explicatus":
            continue
        if tag == "Rubrica":  # a heading line of the annex (before its text, or a second one after it)
            (annex.body if annex.body else annex.headings).extend(r.lines_of(ch))
        elif tag == "BilagIndhold":
            for tg in ch:
                if tg.tag != "TekstGruppe":
                    raise r.fail(tg, "uventet element i <BilagIndhold>")
                _annex_blocks(r, tg, annex, "")
        elif isinstance(tag, str):
            raise r.fail(ch, "uventet element i <Bilag>")
    return annex


def _annex_blocks(r: _Reader, el: etree._Element, annex: Annex, lead: str) -> str:
    """Append the lines and tables below `el` (a TekstGruppe, Exitus or an item of a list) to the
    annex's body in source order. `lead`, a list item's label, goes in front of the next line;
    returns it if no line took it."""
    body = annex.body
    for ch in el:
        tag = ch.tag
        if tag == "Linea":
            text = linea_text(ch, r.path, r.refs)
            if text is None:
                continue  # nothing but footnote references
            if lead:
                text, lead = f"{lead} {text}" if text else lead, ""
            elif not text:
                continue  # an empty Linea: nothing to keep
            body.append(Line(text))
        elif tag in ("Exitus", "TekstGruppe"):
            lead = _annex_blocks(r, ch, annex, lead)
        elif tag == "Rubrica":
            body.extend(r.lines_of(ch))
        elif tag == "Nota":
            if body and isinstance(body[-1], Line):
                body[-1].notes.append(r.note(ch))
            else:
                body.append(Line("", [r.note(ch)]))
        elif tag == "Table":
            _annex_table(r, ch, annex)
        elif tag == "Index":
            for ind in ch:
                if ind.tag != "Indentatio":
                    raise r.fail(ind, "uventet element i <Index>")
                item = " ".join((_explicatus(ind) or "").split())
                rest = _annex_blocks(r, ind, annex, f"{lead} {item}".strip() if lead else item)
                if rest:  # an item with a label and no text
                    body.append(Line(rest))
                lead = ""
        elif tag == "Image":  # a picture has no text the model can hold: say so, never silently
            r.repairs.append(f"{r.path}:{ch.sourceline}: et billede i {annex.label or 'et bilag'} importeres "
                             f"ikke (lawdiff har kun bilagets tekst og tabeller)")
        elif tag == "Explicatus":
            continue  # an item's label: read by the caller
        elif isinstance(tag, str):
            raise r.fail(ch, f"uventet element i <{el.tag}>")
    return lead


def _annex_table(r: _Reader, el: etree._Element, annex: Annex) -> None:
    """A table of an annex, as `_Reader.table` reads one in the law text, but an annex's table may
    hold a caption (<Rubrica>: its lines go before the table, the model's table has no caption) and
    a picture in a cell (reported, as in the body of an annex)."""
    def picture(x: etree._Element) -> None:
        r.repairs.append(f"{r.path}:{x.sourceline}: et billede i en tabel i {annex.label or 'et bilag'} "
                         f"importeres ikke (lawdiff har kun bilagets tekst og tabeller)")

    annex.body.append(r.table(el, caption=annex.body.extend, picture=picture))


def read_lexdania_file(path: str | Path, law: str | None = None) -> ImportResult:
    data, p = read_source(path)
    return read_lexdania(data, p, law)
