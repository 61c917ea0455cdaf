"""`lawdiff docx`: a proposal as a Word document, with the law changes as real tracked changes.

The document, in the order of a circulated lovforslag: the front data; the lovforslag (the
formal text of `render/instructions.py`, numre, ikrafttræden); the almindelige bemærkninger (and
the forslag that change no law text); the specielle bemærkninger ("Til § 1 / Til nr. …");
Bilag 1 as a two-column Word table; and "Lovteksten med ændringerne": every touched § of every
act, in which each change is a Word tracked change (`w:ins` / `w:del`, author = the proposal's
forfatter or else its organisation, date = its dato), so that Word's "Accept all" gives the
consolidated text and "Reject all" the law in force, word for word. Whole new or repealed
stk./nr./§§ are tracked with their paragraph marks too. The annexes the proposal changes follow
the §§, a line (a table's row) per paragraph, held to the same check (else tracked as deleted and
inserted whole); the lovforslag part prints the proposal's own annexes after its last §. Each forslag's bemærkninger are a Word
comment anchored on that forslag's changes in each § it touches.

The tracked part is built from the redline model (`lawdiff/redline.py`, the model `lawdiff apply
--format json` prints) and checked before anything is written: both sides of every § must give
exactly the lines of the base and the consolidated act in the official layout
(`render/text.py`), else the document is refused with an error.

python-docx writes the package, styles and tables; tracked runs, paragraph-mark revisions,
comment anchors and fields are OOXML elements made through its oxml layer. The output is
deterministic: fixed core-property dates (the proposal's dato), fixed zip entry dates, counters
for every id.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from markdown_it import MarkdownIt

from .. import redline
from ..engine import Result
from ..errors import LawdiffError
from ..model import Unit
from ..redline import INSERTED, REPEALED, RUnit
from ..tokendiff import DELETE, EQUAL, INSERT
from . import docx_styles as S
from .bilag import BilagRow, bilag
from .instructions import Lovforslag, build_lovforslag, long_date
from .text import unit_lines as text_lines

STATUS = {"udkast": "Udkast", "endelig": "Endelig"}


# --- the tracked text: pieces and paragraphs ------------------------------------

@dataclass
class Piece:
    op: int  # EQUAL, INSERT or DELETE
    text: str
    change: str | None = None  # "2.1" = forslag 2, ændring 1
    style: str | None = None  # a character style


@dataclass
class Para:
    style: str
    pieces: list[Piece]
    mark: int  # the paragraph mark: EQUAL (on both sides), INSERT (new side only), DELETE (old side only)


def side_text(pieces: list[Piece], side: str) -> str:
    skip = INSERT if side == "old" else DELETE
    return "".join(p.text for p in pieces if p.op != skip)


def side_lines(paras: list[Para], side: str) -> list[str]:
    """The paragraphs as Word shows them after Reject all (old) or Accept all (new): a paragraph
    whose mark is removed runs on into the next one."""
    keep = DELETE if side == "old" else INSERT
    out, buf = [], ""
    for p in paras:
        buf += side_text(p.pieces, side)
        if p.mark in (EQUAL, keep):
            out.append(buf)
            buf = ""
    if buf:
        out.append(buf)
    return out


def _present(r: RUnit, side: str) -> bool:
    return r.status != (INSERTED if side == "old" else REPEALED)


def _label(r: RUnit, side: str) -> str:
    if not _present(r, side):
        return ""
    label = ((r.old_label if side == "old" else r.new_label) or "").strip()
    num = r.old_num if side == "old" else r.new_num
    if not label and r.kind == "section" and num:
        label = f"§ {num}."  # as render/text.py prints a § without a printed label
    return label


_LABEL_STYLE = {"section": S.SECTION_LABEL, "subsection": S.SUBSECTION_LABEL}


def _label_pieces(r: RUnit) -> list[Piece]:
    old, new = _label(r, "old"), _label(r, "new")
    who = r.changes[0] if r.changes else None
    style = _LABEL_STYLE.get(r.kind)
    if old == new:
        return [Piece(EQUAL, new, None, style)] if new else []
    return ([Piece(DELETE, old, who, style)] if old else []) + ([Piece(INSERT, new, who, style)] if new else [])


def _block(block: redline.Block) -> list[Piece]:
    return [Piece(s.op, s.text, s.change) for s in block if s.text]


def _join(parts: list[list[Piece]]) -> list[Piece]:
    """Parts joined by one space on each side between the parts that have text on that side
    (as render/text.py joins a label and its lines); a space only one side has is tracked."""
    out: list[Piece] = []
    seen = {"old": False, "new": False}
    for part in parts:
        has = {side: bool(side_text(part, side)) for side in seen}
        old, new = has["old"] and seen["old"], has["new"] and seen["new"]
        if old or new:
            op = EQUAL if old and new else (DELETE if old else INSERT)
            who = next((p.change for p in part if p.op == op), None) if op != EQUAL else None
            out.append(Piece(op, " ", who))
        out += part
        for side in seen:
            seen[side] = seen[side] or has[side]
    return out


Line = tuple[int, list[Piece], "int | None"]  # depth, pieces, a paragraph mark forced (else from the text)


def _only(side: str) -> int:
    return INSERT if side == "new" else DELETE


def _lines(r: RUnit, depth: int = 0) -> list[Line]:
    """A redline unit as lines, mirroring render/text.py's `unit_lines` on both sides at once."""
    out: list[Line] = []
    label = _label_pieces(r)
    if r.kind == "section" and r.heading is not None:
        out.append((depth, _block(r.heading), None))
    first = label if (r.kind == "section" and r.children) else _join([label] + [_block(b) for b in r.intro])
    if first:
        out.append((depth, first, None))
    for i, c in enumerate(r.children):
        sub = _lines(c, depth + (1 if c.kind in ("paragraph", "point", "indent") else 0))
        if r.kind == "section" and i == 0 and out and sub:
            # "§ 1. Formålet …": the first stk. shares the line of the § label, on each side
            firsts = {side: next((x for x in r.children if _present(x, side)), None) for side in ("old", "new")}
            if firsts["old"] is firsts["new"] or not _present(r, "old") or not _present(r, "new"):
                out[-1] = (out[-1][0], _join([out[-1][1], sub[0][1]]), None)
            else:
                # a new (or repealed) first stk.: on its side it joins the § label; on the other
                # side the label's paragraph mark goes, so the label runs on into that side's
                # first stk. (e.g. a new stk. 1 before an unlabelled old stk. 1, which becomes stk. 2)
                x = "new" if c is firsts["new"] else "old"
                y = "old" if x == "new" else "new"
                who = next((p.change for p in sub[0][1] if p.change), None)
                pieces = out[-1][1] + [Piece(_only(x), " ", who)] + sub[0][1] + [Piece(_only(y), " ", who)]
                out[-1] = (out[-1][0], pieces, _only(x))
            sub = sub[1:]
        out += sub
    if r.wrapup:
        out.append((depth, _join([_block(b) for b in r.wrapup]), None))
    return out


def heading_paras(r: RUnit) -> list[Para]:
    """A container whose heading changed: "Kapitel 3 Overskrift" (a mellemrubrik without label),
    as `lawdiff apply` prints it."""
    label = _label_pieces(r) if r.kind != "group" else []
    pieces = _join([label, _block(r.heading or [])])
    old, new = side_text(pieces, "old"), side_text(pieces, "new")
    if not old and not new:
        return []
    return [Para(S.LAW_PART_HEADING, pieces, EQUAL if old and new else (INSERT if new else DELETE))]


def section_paras(r: RUnit) -> list[Para]:
    if r.kind in redline.CONTAINERS:
        return heading_paras(r)
    paras = []
    for depth, pieces, forced in _lines(r):
        old, new = side_text(pieces, "old"), side_text(pieces, "new")
        if not old and not new:
            continue
        mark = forced if forced is not None else (EQUAL if old and new else (INSERT if new else DELETE))
        paras.append(Para(S.NESTED[min(depth, len(S.NESTED) - 1)], pieces, mark))
    return paras


def _split(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces cut into lines at their line breaks (a table block: a line per row)."""
    out: list[list[Piece]] = [[]]
    for p in pieces:
        for k, t in enumerate(p.text.split("\n")):
            if k:
                out.append([])
            if t:
                out[-1].append(Piece(p.op, t, p.change, p.style))
    return out


def _mark(pieces: list[Piece]) -> int | None:
    old, new = side_text(pieces, "old"), side_text(pieces, "new")
    return None if not old and not new else EQUAL if old and new else (INSERT if new else DELETE)


def annex_paras(r: RUnit) -> list[Para]:
    """A changed annex as tracked paragraphs: its label, its heading lines, then its text a line (a
    table's row) per paragraph, as the redline aligns them (annexdiff.py)."""
    paras = []
    for style, blocks in ((S.LAW_PART_HEADING, [_label_pieces(r)] + [_block(b) for b in r.intro]),
                          (S.LAW, [_block(b) for b in r.wrapup])):
        for block in blocks:
            for pieces in _split(block):
                mark = _mark(pieces)
                if mark is not None:
                    paras.append(Para(style, pieces, mark))
    return paras


def _whole_annex(r: RUnit, o, n) -> list[Para]:
    """An annex as deleted whole and inserted whole (where the aligned lines would not give both
    texts exactly)."""
    from ..annexdiff import lines

    who = r.changes[0] if r.changes else None
    out = []
    for a, op in ((o, DELETE), (n, INSERT)):
        if a is not None:
            out += [Para(S.LAW_PART_HEADING if k == 0 else S.LAW, [Piece(op, t, who)] if t else [], op)
                    for k, t in enumerate([(a.label or "Bilag").strip()] + lines(a))]
    return out


def expected_lines(unit: Unit | None) -> list[str]:
    """A § in the official layout (render/text.py), with its heading if it has one; a container:
    its label (not a mellemrubrik's) and heading on one line."""
    if unit is None:
        return []
    if unit.kind in redline.CONTAINERS:
        label = (unit.label or "").strip() if unit.kind != "group" else ""
        line = " ".join(x for x in (label, unit.heading.text if unit.heading else "") if x)
        return [line] if line else []
    head = [unit.heading.text] if unit.heading is not None else []
    return [ln.strip() for ln in head + text_lines(unit)]


def _units(act) -> dict[str, Unit]:
    return {u.wid: u for u in act.walk()}


# --- the document -----------------------------------------------------------------

def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isalpha()).upper()[:8]


@dataclass
class _Writer:
    result: Result
    lf: Lovforslag
    rows: list[BilagRow]
    reds: dict | None = None  # law -> redline, when the caller has built them
    doc: object = None
    author: str = ""
    date: str = ""
    rev_id: int = 100_000  # revision ids far from the comment ids (0, 1, …): ids of annotations must not clash
    comment_ids: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        prop = self.result.proposal
        self.author = prop.author or prop.organisation
        self.date = f"{prop.date}T00:00:00Z"
        self.doc = Document()
        S.setup(self.doc)
        # name -> id once: python-docx resolves a style name by scanning every style each time
        self.ids = {st.name: st.style_id for st in self.doc.styles}

    # -- low-level OOXML --
    def _rev(self, tag: str):
        self.rev_id += 1
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self.rev_id))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        return el

    @staticmethod
    def _run(text: str, style: str | None, deleted: bool = False):
        r = OxmlElement("w:r")
        if style:
            rpr = OxmlElement("w:rPr")
            rs = OxmlElement("w:rStyle")
            rs.set(qn("w:val"), style)
            rpr.append(rs)
            r.append(rpr)
        t = OxmlElement("w:delText" if deleted else "w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = text
        r.append(t)
        return r

    def _style_id(self, name: str | None) -> str | None:
        return self.ids[name] if name else None

    def tracked_para(self, para: Para) -> list:
        """One paragraph of tracked text; returns the element of each piece (for comment anchors)."""
        p = self.doc.add_paragraph()
        p._p.style = self.ids[para.style]
        if para.mark != EQUAL:
            ppr = p._p.get_or_add_pPr()
            rpr = OxmlElement("w:rPr")
            rpr.append(self._rev("w:ins" if para.mark == INSERT else "w:del"))
            ppr.append(rpr)
        elements = []
        for piece in para.pieces:
            run = self._run(piece.text, self._style_id(piece.style), piece.op == DELETE)
            if piece.op == EQUAL:
                el = run
            else:
                el = self._rev("w:ins" if piece.op == INSERT else "w:del")
                el.append(run)
            p._p.append(el)
            elements.append(el)
        return elements

    def comment(self, item, elements: list) -> None:
        """The forslag's bemærkninger as a comment on the range from its first to its last change here."""
        c = self.doc.comments.add_comment(text="", author=self.author, initials=_initials(self.author))
        c._comment_elm.date = dt.datetime.fromisoformat(self.date.replace("Z", "+00:00"))
        first = c.paragraphs[0]
        first.add_run(f"Forslag {item.number}. {item.title}")._r.style = self.ids["Strong"]
        _markdown(c, item.remarks, self.ids, comment=True)
        cid = str(c.comment_id)
        start = OxmlElement("w:commentRangeStart")
        start.set(qn("w:id"), cid)
        elements[0].addprevious(start)
        end = OxmlElement("w:commentRangeEnd")
        end.set(qn("w:id"), cid)
        ref_run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        rs = OxmlElement("w:rStyle")
        rs.set(qn("w:val"), "CommentReference")
        rpr.append(rs)
        ref_run.append(rpr)
        ref = OxmlElement("w:commentReference")
        ref.set(qn("w:id"), cid)
        ref_run.append(ref)
        elements[-1].addnext(end)
        end.addnext(ref_run)

    def para(self, text: str, style: str):
        return _add_p(self.doc, text, self.ids[style])

    # -- parts --
    def front(self) -> None:
        prop = self.result.proposal
        self.para(prop.title, S.TITLE)
        self.para(f"Organisation: {prop.organisation}", S.FRONT)
        if prop.author:
            self.para(f"Forfatter: {prop.author}", S.FRONT)
        self.para(f"Dato: {long_date(prop.date)}", S.FRONT)
        self.para(f"Status: {STATUS.get(prop.status, prop.status)}", S.FRONT)
        for lr in self.result.laws.values():
            self.para(f"Ændrer: {lr.base.title} ({lr.base.source})", S.FRONT)

    def lovforslag(self) -> None:
        lf = self.lf
        self.para("Lovforslaget", "Heading 1")
        for line in ("Forslag", "til", lf.title):
            self.para(line, S.BILL_TITLE)
        if lf.subtitle:
            self.para(f"({lf.subtitle})", S.BILL_SUBTITLE)
        for para in lf.paragraffer:
            self.para(f"§ {para.n}", S.PARAGRAF)
            self.para(para.intro, S.LAW)
            for nr in para.numre:
                self.para(f"{nr.n}. {nr.head}", S.NUMMER)
                for i, line in enumerate(nr.block):
                    q = ("»" if i == 0 else "") + line
                    if i == len(nr.block) - 1:
                        q += "«" + ("." if nr.block_period else "")
                    self.para(q, S.QUOTED)
                if nr.ryk:
                    self.para(nr.ryk, S.LAW)
        if lf.ikraft:
            self.para(f"§ {len(lf.paragraffer) + 1}", S.PARAGRAF)
            self.para(lf.ikraft, S.LAW)
        for annex in lf.annexes:  # the lovforslag's own annexes (»bilag 1 til denne lov«)
            self.annex(annex)

    def annex(self, annex) -> None:
        """An annex of the lovforslag after its last §: label, heading lines, lines, and each table
        as a Word table (a cell spanning columns is merged with the cells it covers)."""
        self.para(annex.label or "Bilag", S.PARAGRAF)
        for h in annex.headings:
            self.para(h.text, S.LAW_PART_HEADING)
        for b in annex.body:
            rows = getattr(b, "rows", None)
            if rows is None:
                self.para(b.text, S.LAW)
                continue
            cols = max(sum(c.colspan for c in row) for row in rows) if rows else 1
            table = self.doc.add_table(rows=len(rows), cols=cols)
            table.style = self.doc.styles["Table Grid"]
            for r, row in enumerate(rows):
                at = 0
                for c in row:
                    cell = table.cell(r, at)
                    if c.colspan > 1:
                        cell = cell.merge(table.cell(r, min(at + c.colspan, cols) - 1))
                    _cell_lines(cell, [c.text], self.ids)
                    at += c.colspan

    def almindelige(self) -> None:
        prop = self.result.proposal
        self.para("Almindelige bemærkninger", "Heading 1")
        _markdown(self.doc, prop.remarks, self.ids)
        without = [it for it in prop.items if not it.changes]
        if without:
            self.para("Forslag uden ændringer af lovteksten", "Heading 2")
            for it in without:
                self.para(f"Forslag {it.number}. {it.title}", "Heading 3")
                _markdown(self.doc, it.remarks, self.ids)

    def specielle(self) -> None:
        items = {it.number: it for it in self.result.proposal.items}
        self.para("Bemærkninger til lovforslagets enkelte bestemmelser", "Heading 1")
        for para in self.lf.paragraffer:
            self.para(f"Til § {para.n}", "Heading 2")
            by_item: dict[int, list[int]] = {}
            for nr in para.numre:
                by_item.setdefault(nr.change.item, []).append(nr.n)
            for number, nums in sorted(by_item.items(), key=lambda x: x[1][0]):
                self.para(f"Til nr. {_nums_text(nums)}", "Heading 3")
                it = items[number]
                self.para(f"Forslag {it.number}. {it.title}", S.REMARK).runs[0]._r.style = self.ids["Emphasis"]
                _markdown(self.doc, it.remarks, self.ids)

    def bilag1(self) -> None:
        self.para("Bilag 1", "Heading 1")
        self.para("Lovforslaget sammenholdt med gældende lov", "Heading 2")
        table = self.doc.add_table(rows=1, cols=2)
        table.style = self.doc.styles["Table Grid"]
        head = table.rows[0]
        trpr = head._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:tblHeader"))  # repeated on every page
        for cell, text in zip(head.cells, ("Gældende formulering", "Lovforslaget")):
            cell.paragraphs[0].add_run(text)
            cell.paragraphs[0]._p.style = self.ids[S.TABLE_HEAD]
        for row in self.rows:
            left, right = table.add_row().cells
            _cell_lines(left, row.left, self.ids)
            _cell_lines(right, row.right, self.ids)

    def tracked(self) -> None:
        self.para("Lovteksten med ændringerne", "Heading 1")
        self.para("Ændringerne står som sporede ændringer: »Accepter alle« giver lovteksten, som den lyder med "
                  "forslaget, og »Afvis alle« giver den gældende lov. Bemærkningerne til hvert forslag står som "
                  "kommentarer ved forslagets ændringer.", "Normal")
        prop = self.result.proposal
        items = {it.number: it for it in prop.items}
        for law, lr in self.result.laws.items():
            red = (self.reds or {}).get(law) or redline.build(lr.base, lr.new, lr)
            secs = red.touched_units()  # changed §§, and containers whose heading changed
            if not secs and red.title is None and not red.annexes:
                continue
            self.para(f"{lr.base.title[:1].upper()}{lr.base.title[1:]} ({lr.base.source})", S.LAW_HEADING)
            if red.title is not None:  # "Lovens titel: …", as `lawdiff apply` prints it
                title = [Piece(EQUAL, "Lovens titel: ")] + _block(red.title)
                if side_text(title, "old") != f"Lovens titel: {lr.base.title}" or \
                        side_text(title, "new") != f"Lovens titel: {lr.new.title}":
                    raise LawdiffError(f"{law}: lovens titel kan ikke skrives som sporede ændringer",
                                       file=prop.path, hint="meld fejlen")
                self.tracked_para(Para(S.LAW, title, EQUAL))
            old_units, new_units = _units(lr.base), _units(lr.new)
            for sec in secs:
                paras = section_paras(sec)
                _verify(paras, sec, old_units, new_units, law, prop.path)
                elements = []
                for para in paras:
                    elements += list(zip(para.pieces, self.tracked_para(para)))
                by_item: dict[int, list] = {}
                for piece, el in elements:
                    if piece.op != EQUAL and piece.change:
                        by_item.setdefault(int(piece.change.split(".")[0]), []).append(el)
                for number in sorted(by_item):
                    self.comment(items[number], by_item[number])
            self.tracked_annexes(lr, items)

    def tracked_annexes(self, lr, items: dict) -> None:
        """The annexes the proposal changes, after the §§: each as tracked paragraphs (annex_paras),
        checked as the §§ are: Reject all gives the annex in force, Accept all the changed one, line
        for line; else it is tracked as deleted and inserted whole (_whole_annex)."""
        from ..annexdiff import attribute, changed, lines

        triples = changed(lr.base.annexes, lr.new.annexes)
        attribute([r for _o, _n, r in triples], lr.placements)  # each change named on its words
        for o, n, r in triples:
            paras = annex_paras(r)
            want = {side: ([(a.label or "Bilag").strip()] + lines(a)) if a is not None else []
                    for side, a in (("old", o), ("new", n))}
            if any([ln for ln in side_lines(paras, side)] != want[side] for side in ("old", "new")):
                paras = _whole_annex(r, o, n)
            elements = []
            for para in paras:
                elements += list(zip(para.pieces, self.tracked_para(para)))
            for number in sorted({int(p.change.split(".")[0]) for p, _el in elements if p.op != EQUAL and p.change}):
                self.comment(items[number], [el for p, el in elements if p.op != EQUAL and p.change
                                             and int(p.change.split(".")[0]) == number])

    def footer(self) -> None:
        sec = self.doc.sections[0]
        p = sec.footer.paragraphs[0]
        p.style = self.doc.styles["Footer"]
        p.add_run("Side ")
        _field(p, "PAGE")
        p.add_run(" af ")
        _field(p, "NUMPAGES")

    def core(self) -> None:
        prop = self.result.proposal
        cp = self.doc.core_properties
        when = dt.datetime.fromisoformat(f"{prop.date}T00:00:00+00:00")
        cp.title = _core_text(prop.title)
        cp.subject = _core_text(self.lf.title)
        cp.author = _core_text(self.author)
        cp.last_modified_by = _core_text(self.author)
        cp.created = when
        cp.modified = when
        cp.revision = 1
        cp.language = S.LANG
        cp.keywords = "lovforslag"
        cp.comments = "Skrevet af lawdiff"

    def build(self) -> bytes:
        self.core()
        self.footer()
        self.front()
        self.lovforslag()
        self.almindelige()
        self.specielle()
        self.bilag1()
        self.tracked()
        buf = io.BytesIO()
        self.doc.save(buf)
        return _rezip(buf.getvalue(), self.result.proposal.date)


def _verify(paras: list[Para], sec: RUnit, old_units: dict, new_units: dict, law: str, path: str) -> None:
    """Refuse a § whose tracked changes would not give both texts exactly."""
    for side, units in (("old", old_units), ("new", new_units)):
        unit = units.get(sec.wid) if _present(sec, side) else None
        want = expected_lines(unit)
        got = side_lines(paras, side)
        if got != want:
            which = "gældende lov" if side == "old" else "den konsoliderede tekst"
            bad = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
            raise LawdiffError(
                f"{law} {sec.cite(side if unit else 'new')}: de sporede ændringer giver ikke {which} "
                f"(linje {bad + 1})", file=path,
                hint="lawdiff kan ikke skrive denne ændring som sporede ændringer i Word; meld fejlen")


def _nums_text(nums: list[int]) -> str:
    if len(nums) > 2 and nums == list(range(nums[0], nums[-1] + 1)):
        return f"{nums[0]}-{nums[-1]}"
    strs = [str(n) for n in nums]
    return strs[0] if len(strs) == 1 else ", ".join(strs[:-1]) + " og " + strs[-1]


def _add_p(container, text: str, style_id: str | None):
    p = container.add_paragraph()
    if style_id:
        p._p.style = style_id
    if text:
        p.add_run(text)
    return p


def _cell_lines(cell, lines: list[str], ids: dict) -> None:
    first = True
    for line in lines or [""]:
        depth = (len(line) - len(line.lstrip(" "))) // 2
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        p._p.style = ids[S.TABLE_TEXT[min(depth, len(S.TABLE_TEXT) - 1)]]
        if line.strip():
            p.add_run(line.strip())
        first = False


def _field(paragraph, instr: str) -> None:
    """A complex field (PAGE, NUMPAGES) with a placeholder result Word and LibreOffice update."""
    def fld(kind: str):
        r = OxmlElement("w:r")
        f = OxmlElement("w:fldChar")
        f.set(qn("w:fldCharType"), kind)
        r.append(f)
        return r

    p = paragraph._p
    p.append(fld("begin"))
    r = OxmlElement("w:r")
    t = OxmlElement("w:instrText")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = f" {instr} "
    r.append(t)
    p.append(r)
    p.append(fld("separate"))
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    p.append(r)
    p.append(fld("end"))


def _core_text(s: str) -> str:
    """A value for the document's properties (File > Info), which hold at most 255 characters: a
    longer title (a lovforslag amending several laws is titled after all of them) was an internal
    error of `docx` and `build`. Shortened at a word with »…«; the document itself has it whole."""
    if len(s) <= 255:
        return s
    cut = s[:254]
    return (cut.rsplit(" ", 1)[0] if " " in cut[200:] else cut) + "…"


# --- bemærkninger (Markdown) -----------------------------------------------------

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def _markdown(container, text: str, ids: dict, comment: bool = False) -> None:
    """Markdown as paragraphs in styles: lists, headings, quotes; emphasis as character styles.
    In a comment, everything is comment text (lists keep a dash)."""
    lists: list[str] = []
    heading = quote = False
    for tok in _MD.parse(text or ""):
        t = tok.type
        if t == "heading_open":
            heading = True
        elif t == "heading_close":
            heading = False
        elif t == "blockquote_open":
            quote = True
        elif t == "blockquote_close":
            quote = False
        elif t in ("bullet_list_open", "ordered_list_open"):
            lists.append("List Bullet" if t.startswith("bullet") else "List Number")
        elif t in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif t in ("fence", "code_block"):
            for line in tok.content.rstrip("\n").split("\n"):
                _add_p(container, line, ids["annotation text"] if comment else ids[S.REMARK])
        elif t == "inline":
            if comment:
                p = _add_p(container, "", ids["annotation text"])
                if lists:
                    p.add_run("– ")
            else:
                if heading:
                    style = "Heading 4"
                elif lists:
                    style = lists[-1] + (f" {min(len(lists), 3)}" if len(lists) > 1 else "")
                elif quote:
                    style = "Quote"
                else:
                    style = S.REMARK
                p = _add_p(container, "", ids[style])
            _inline(p, tok.children or [], ids)


def _inline(p, children, ids: dict) -> None:
    strong = em = 0
    href = None
    for c in children:
        t = c.type
        if t == "strong_open":
            strong += 1
        elif t == "strong_close":
            strong -= 1
        elif t == "em_open":
            em += 1
        elif t == "em_close":
            em -= 1
        elif t == "link_open":
            href = c.attrs.get("href")
        elif t == "link_close":
            if href and href.startswith(("http:", "https:", "mailto:")):
                p.add_run(f" ({href})")
            href = None
        elif t == "softbreak":
            p.add_run(" ")
        elif t == "hardbreak":
            p.add_run().add_break()
        elif t in ("text", "code_inline"):
            run = p.add_run(c.content)
            if strong or em:
                run._r.style = ids["Strong" if strong else "Emphasis"]
        elif t == "image":
            p.add_run(c.content)


# --- determinism -----------------------------------------------------------------

def _rezip(data: bytes, date: str) -> bytes:
    """The package again with every entry dated `date` (python-docx stamps the current time)."""
    y, m, d = (int(x) for x in date.split("-"))
    stamp = (max(y, 1980), m, d, 0, 0, 0)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def render_docx(result: Result, lf: Lovforslag | None = None, rows: list[BilagRow] | None = None,
                reds: dict | None = None) -> bytes:
    """The .docx of an applied proposal (pass `lf`, `rows` and the redlines by law when they are
    already built, as `lawdiff build` does)."""
    lf = lf or build_lovforslag(result)
    rows = rows if rows is not None else bilag(lf, result)
    return _Writer(result, lf, rows, reds).build()
