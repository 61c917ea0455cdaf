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
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .. import labels
from ..errors import MappingError
from ..model import Act, Cell, Line, Note, Table, Unit, assign_eids, assign_wids
from ..text import norm
from ..validate import ValueProblem, is_iso_date, span
from ..xmlsafe import parse_bytes

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
    repairs: list[str] = field(default_factory=list)


def law_title(doc_title: str) -> str:
    t = re.sub(r"^Bekendtgørelse af\s+", "", doc_title)
    return t[:1].lower() + t[1:]


def short_name(title: str) -> str:
    if title in KNOWN_LAWS:
        return KNOWN_LAWS[title]
    words = re.sub(r"^lov om\s+", "", title).split()
    slug = "-".join(words[:5]).lower()
    slug = slug.translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e"}))
    return re.sub(r"[^a-z0-9-]+", "", slug).strip("-") or "lov"


class _Reader:
    def __init__(self, path: str, is_lbk: bool):
        self.path = path
        self.is_lbk = is_lbk
        self.repairs: list[str] = []

    def fail(self, el: etree._Element, msg: str) -> MappingError:
        return MappingError(f"<{el.tag}>: {msg}", file=self.path, line=el.sourceline,
                            hint="dokumentet følger ikke den kendte LexDania-struktur; meld det som en fejl i lawdiff")

    # --- text --------------------------------------------------------------
    @staticmethod
    def linea(el: etree._Element) -> str:
        # the text of its <Char> runs, without the white space between them in the file
        return "".join(el.itertext("Char", with_tail=False))

    def note(self, el: etree._Element) -> Note:
        marker = norm(el.findtext("Explicatus") or "")
        lines = [self.linea(li) for ex in el.findall("Exitus") for li in ex.iter("Linea")]
        return Note(marker, lines)

    def lines_of(self, el: etree._Element) -> list[Line]:
        """The Lineas of a Rubrica/Exitus/Indledning with their notes."""
        out: list[Line] = []
        pending: list[Note] = []
        for ch in el:
            if ch.tag == "Linea":
                out.append(Line(self.linea(ch), pending))
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
        rub = el.find("Rubrica")
        if rub is None:
            return None
        lines = self.lines_of(rub)
        return Line(" ".join(l.text for l in lines), [n for l in lines for n in l.notes])

    def table(self, el: etree._Element) -> Table:
        rows = []
        for tr in el.iter("Tr"):
            row = []
            for cell in tr:
                if cell.tag not in ("Td", "Th"):
                    continue
                text = " ".join(self.linea(li) for li in cell.iter("Linea"))
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
                if norm(ch.text or ""):
                    out.append(Line(ch.text or ""))
            elif ch.tag == "Linea":
                out.append(Line(self.linea(ch)))
            elif ch.tag == "Nota":
                if out and isinstance(out[-1], Line):
                    out[-1].notes.append(self.note(ch))
                else:
                    out.append(Line("", [self.note(ch)]))
            elif ch.tag == "Table":
                out.append(self.table(ch))
            elif ch.tag in ("Rubrica",):
                out.extend(self.lines_of(ch))
            else:
                self.flatten(ch, out)
        return out

    # --- provisions --------------------------------------------------------
    def content(self, el: etree._Element, unit: Unit) -> None:
        """Fill a subsection/item from its Exitus children."""
        for ch in el:
            if ch.tag != "Explicatus":
                self.content_element(ch, unit, el)

    def content_element(self, ch: etree._Element, unit: Unit, parent: etree._Element) -> None:
        if ch.tag == "Exitus":
            self.exitus(ch, unit)
        elif ch.tag in ("AendringsNummer", "AendringCentreretParagraf"):
            if unit.amending is None:
                unit.amending = ch.sourceline
            self.add_blocks(unit, self.flatten(ch, []))
        else:
            raise self.fail(ch, f"uventet element i <{parent.tag}>")

    def add_blocks(self, unit: Unit, blocks: list) -> None:
        (unit.wrapup if unit.children else unit.intro).extend(blocks)

    def exitus(self, ex: etree._Element, unit: Unit) -> None:
        for ch in ex:
            if ch.tag == "Linea":
                self.add_blocks(unit, [Line(self.linea(ch))])
            elif ch.tag == "Nota":
                target = unit.wrapup if unit.children else unit.intro
                if target and isinstance(target[-1], Line):
                    target[-1].notes.append(self.note(ch))
                else:
                    target.append(Line("", [self.note(ch)]))
            elif ch.tag == "Table":
                self.add_blocks(unit, [self.table(ch)])
            elif ch.tag == "Index":
                if unit.wrapup:
                    # text between two lists: keep the second list's items as flat text
                    self.add_blocks(unit, self.flatten(ch, []))
                    continue
                for ind in ch:
                    if ind.tag != "Indentatio":
                        raise self.fail(ind, "uventet element i <Index>")
                    unit.children.append(self.item(ind))
            elif ch.tag == "Exitus":
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
        label = el.findtext("Explicatus")
        num = None
        if label is not None and kind != "indent":
            num = labels.item_num(label)
            if num is None:
                kind = "indent"  # a free-form label such as "–" or "•"
            else:
                # the label decides: "a)" is a litra even where formaInd says Nummer
                roman = forma == "Romer" and re.fullmatch(r"[ivxlc]+", num, re.I)
                kind = "paragraph" if num[0].isdigit() or roman else "point"
        u = Unit(kind, num=num, label=label)
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
        bare = norm(label or "")
        if bare not in ("", "§" if kind == "section" else "Stk."):
            return label
        ex = next((c for c in holder if c.tag == "Exitus"), None)
        first = ex[0] if ex is not None and len(ex) else None
        if first is None or first.tag != "Linea":
            return label
        text = norm(self.linea(first))
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

    def _split_stk(self, stk: etree._Element) -> list[tuple[str | None, list[etree._Element]]]:
        label = self._split_label(stk, stk.findtext("Explicatus"), "subsection")
        segments: list[tuple[str | None, list[etree._Element]]] = [(label, [])]
        for ch in stk:
            if ch.tag == "Explicatus":
                continue
            first = ch[0] if ch.tag == "Exitus" and len(ch) > 1 and segments[-1][1] else None
            if (first is not None and first.tag == "Linea"
                    and self._BARE_LABEL.match(norm(self.linea(first)))):
                label = self.linea(first)
                self.repairs.append(f"{self.path}:{first.sourceline}: »{norm(label)}« stod inde i det forrige "
                                    f"stykke i kilden; læst som en selvstændig {'paragraf' if '§' in label else 'stk.'}")
                segments.append((label, [ch]))
                ch.remove(first)
            else:
                segments[-1][1].append(ch)
        return segments

    def _section_unit(self, el: etree._Element, label: str | None) -> Unit:
        # a bare "§" is an unnumbered placeholder such as "§ (Ophævet)" in a repealed chapter
        if label is not None and norm(label) not in ("", "§"):
            num = labels.section_num(label)
            if num is None:
                raise self.fail(el, f"paragrafbetegnelsen {norm(label)!r} kan ikke læses")
        else:
            num = None  # an unnumbered placeholder, e.g. "(Ophævet)" in a repealed chapter
        return Unit("section", num=num, label=label)

    def sections(self, el: etree._Element) -> list[Unit]:
        """A Paragraf as one section (or more, where the source nests a § in a stk.)."""
        label = self._split_label(next((c for c in el if c.tag == "Stk"), el), el.findtext("Explicatus"), "section")
        secs = [self._section_unit(el, label)]
        for ch in el:
            if ch.tag == "Explicatus":
                continue
            if ch.tag != "Stk":
                raise self.fail(ch, "uventet element i <Paragraf>")
            for slabel, elements in self._split_stk(ch):
                if slabel is not None and norm(slabel).startswith("§"):
                    secs.append(self._section_unit(el, slabel))
                    slabel = None
                sec = secs[-1]
                if slabel is None:
                    snum = str(len(sec.children) + 1)
                else:
                    snum = labels.subsection_num(slabel)
                    if snum is None:
                        raise self.fail(ch, f"stykkebetegnelsen {norm(slabel)!r} kan ikke læses")
                stk = Unit("subsection", num=snum, label=slabel)
                for e in elements:
                    self.content_element(e, stk, ch)
                sec.children.append(stk)
        return secs

    def amending_section(self, el: etree._Element) -> Unit:
        """An ændringsparagraf inside an original act ("§ 104. I lov om … foretages følgende
        ændringer: 1. …"): a § of the act whose one stk. holds the instructions as text lines.

        The instructions are not executed here; `Unit.amending` keeps the source line so that
        the reader of amending acts can find the element again."""
        sec = self._section_unit(el, el.findtext("Explicatus"))
        stk = Unit("subsection", num="1", amending=el.sourceline)
        stk.intro = self.flatten([ch for ch in el if ch.tag != "Explicatus"], [])
        sec.children.append(stk)
        return sec

    # --- structure ---------------------------------------------------------
    _CONTAINER = {"Bog": "book", "Afsnit": "part", "Kapitel": "chapter"}

    def structure(self, el: etree._Element) -> list[Unit]:
        """Children of Bog/Afsnit/Kapitel/ParagrafGruppe as units."""
        out: list[Unit] = []
        for ch in el:
            tag = ch.tag
            if tag in ("Explicatus", "Rubrica"):
                continue
            if tag in self._CONTAINER:
                label = ch.findtext("Explicatus")
                heading = self.heading(ch)
                kids = self.structure(ch)
                if label is None and heading is None:
                    out.extend(kids)  # a technical wrapper with no label of its own
                    continue
                num = labels.container_num(label) if tag != "Bog" else None
                out.append(Unit(self._CONTAINER[tag], num=num, label=label, heading=heading, children=kids))
            elif tag == "ParagrafGruppe":
                heading = self.heading(ch)
                kids = self.structure(ch)
                if heading is None:
                    out.extend(kids)
                else:
                    out.append(Unit("group", heading=heading, children=kids))
            elif tag == "Paragraf":
                out.extend(self.sections(ch))
            elif tag == "AendringCentreretParagraf":
                out.append(self.amending_section(ch))
            else:
                raise self.fail(ch, f"uventet element i <{el.tag}>")
        return out

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


def _meta(root: etree._Element, name: str) -> str:
    return (root.findtext(f"Meta/{name}") or "").strip()


def _source(doc_type: str, number: str, date: str) -> str:
    y, m, d = date.split("-")
    return f"{doc_type.upper()} nr. {number} af {d}/{m}/{y}"


def read_lexdania(data: bytes, path: str, law: str | None = None) -> ImportResult:
    """Map one LexDania document; raises MappingError if it cannot be mapped."""
    tree = parse_bytes(data, path)
    root = tree.getroot()
    if root.tag != "Dokument" or root.find("Meta/DocumentType") is None:
        raise MappingError(f"ikke et LexDania-dokument (rodelement <{root.tag}>, ingen Meta/DocumentType)",
                           file=path, line=root.sourceline,
                           hint="importér den officielle XML fra retsinformation.dk (…/eli/lta/ÅÅÅÅ/NR/xml)")
    dtype = _meta(root, "DocumentType")
    doc_title = norm(_meta(root, "DocumentTitle").replace("\\n", " "))
    date = _meta(root, "DiesSigni")
    number = _meta(root, "Number")
    year = _meta(root, "Year")
    if date and re.fullmatch(r"\d{4}-\d\d-\d\d", date) and not is_iso_date(date):
        raise MappingError(f"Meta: DiesSigni »{date}« er ikke en dato, der findes", file=path, line=root.sourceline,
                           hint="dokumentet er beskadiget; hent det igen fra retsinformation.dk")
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", date) or not number or not year:
        raise MappingError("Meta mangler DiesSigni, Number eller Year", file=path,
                           line=root.find("Meta").sourceline)
    body = root.find("DokumentIndhold")
    if body is None:
        raise MappingError("dokumentet har intet <DokumentIndhold>", file=path, line=root.sourceline)

    if dtype.startswith("LOV Æ"):
        intros = [norm(" ".join(_Reader.linea(li) for li in ex.iter("Linea")))
                  for p in body.iter("AendringCentreretParagraf") for ex in p.findall("Exitus")[:1]]
        return ImportResult(path, amendment=Amendment(_source("lov", number, date), doc_title, date, intros))
    if not (dtype.startswith("LBK H") or dtype.startswith("LOV H")):
        raise MappingError(f"dokumenttypen {dtype!r} kan ikke importeres (kun LBK, lov og ændringslov)",
                           file=path, line=root.find("Meta/DocumentType").sourceline)

    is_lbk = dtype.startswith("LBK")
    r = _Reader(path, is_lbk)
    title = law_title(doc_title)
    act = Act(law=law or short_name(title), title=title, doc_title=doc_title,
              doc_type="lbk" if is_lbk else "lov", year=year, number=number, date=date,
              source=_source("lbk" if is_lbk else "lov", number, date),
              ministry=_meta(root, "Ministry"))
    for ch in body:
        if ch.tag in ("Indledning", "Hymne", "Praeambel"):
            act.preamble.extend(r.lines_of(ch))
        elif ch.tag == "Bog":
            units = r.structure(ch)
            label, heading = ch.findtext("Explicatus"), r.heading(ch)
            if label is None and heading is None:
                act.body.extend(units)
            else:
                act.body.append(Unit("book", label=label, heading=heading, children=units))
        elif ch.tag == "Ikraft":
            act.body.extend(r.ikraft(ch))
        else:
            raise r.fail(ch, "uventet element i <DokumentIndhold>")
    if not any(True for _ in act.sections()):
        raise MappingError("dokumentet indeholder ingen paragraffer", file=path, line=body.sourceline)
    assign_eids(act)
    assign_wids(act)
    return ImportResult(path, act=act, repairs=r.repairs)


def read_lexdania_file(path: str | Path, law: str | None = None) -> ImportResult:
    p = str(path)
    try:
        data = Path(p).read_bytes()
    except OSError as e:
        raise MappingError(f"kan ikke læse filen: {e.strerror}", file=p) from None
    return read_lexdania(data, p, law)
