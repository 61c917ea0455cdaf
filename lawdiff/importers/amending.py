"""Read an official amending act (LexDania, DocumentType "LOV Æ…") into an amendment file.

Every ændringsparagraf (AendringCentreretParagraf) becomes an entry of `paragraffer` with its
official number and intro data; every nummer (AendringsNummer) keeps its official number and
becomes one or more changes (lawdiff/changes/); the new text of AendringNyTekst is written as
it will read in the law, one line per unit, labels included. A nummer that cannot be read with
certainty is kept verbatim as `ikke_udført` with the reason, and the rest of the act is still
read. Repairs of obvious typos in the source are reported as warnings. The act's other §§
(ikrafttræden, overgang, Færøerne/Grønland) are kept verbatim in `øvrige`, and the commencement
rules that can be read are also given as data in `ikrafttræden`. An original act (LOV H) that also
amends other acts gives its ændringsparagraffer only, with the rules of its own commencement §§
(`ikraft.original_ikraft`: none at all when one of their sentences cannot be read).

The YAML written (`dump`) is deterministic and readable: block scalars for multi-line text.
The act's own annexes (the new text of "Bilag 2 affattes som bilag 1 til denne lov") are kept in
`bilag` (`own_annexes`), each block as data (docs/format.md, "Annexes").
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from lxml import etree

from ..changes import insert, intro, rykning
from ..changes.annex import is_note_address
from ..changes.common import Unreadable
from ..changes.nummer import format_sentence, read_sentence
from .. import yamlwrite
from ..address import parse_citation
from . import read_source
from ..errors import AddressError, MappingError
from .ikraft import commencement, original_ikraft
from .lexdania import linea_text, refuse_stray_text, stray_char
from ..text import join_lines, norm
from ..validate import MONTHS, long_date
from ..xmlsafe import as_utf8, parse_bytes



@dataclass
class AmendingAct:
    doc: dict
    file_name: str  # lov-YYYY-NNN.yaml
    warnings: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # "file: § 1, nr. 9: reason"
    numre: int = 0


def _child(el: etree._Element, tag: str) -> etree._Element | None:
    """el.find(tag) for a direct child, without lxml's ElementPath machinery (19,000 numre)."""
    for ch in el:
        if ch.tag == tag:
            return ch
    return None


def _label(el: etree._Element) -> str:
    """norm(el.findtext("Explicatus") or "") without ElementPath."""
    ex = _child(el, "Explicatus")
    return norm(ex.text or "") if ex is not None else ""


def _linea(el: etree._Element) -> str:
    """The text of a <Linea> as the statute importer reads it (importers/lexdania.linea_text: two
    plain runs split by a line break keep a space between them); a Linea that reader refuses (an
    element inside a <Char>, text outside the <Char>s) makes its nummer unreadable."""
    try:
        return linea_text(el, "")
    except MappingError as e:
        raise Unreadable(f"en linje kan ikke læses sikkert: {e.message}") from None


def _raw_linea(el: etree._Element) -> str:
    """The <Char> runs glued as they stand: only for the verbatim text of a nummer that is refused."""
    return "".join(el.itertext("Char", with_tail=False))


def _lines_text(el: etree._Element, read=None) -> str:
    if read is not _raw_linea and stray_char(el) is not None:
        # it would be left out (the verbatim text of a refused nummer, read with _raw_linea, goes on)
        raise Unreadable("tekst (<Char>) uden for en linje (<Linea>)")
    return norm(" ".join((read or _linea)(li) for li in el.iter("Linea")))


def _paragraf_text(el: etree._Element, path: str) -> str:
    """`_lines_text` of the act's title or subtitle, or an ændringsparagraf's heading or intro: what
    cannot be read is an error naming file:line (outside any nummer, there is nothing to refuse)."""
    try:
        return _lines_text(el, lambda li: linea_text(li, path))
    except Unreadable as e:
        raise MappingError(f"<{el.tag}>: {e}", file=path, line=el.sourceline,
                           hint="dokumentet følger ikke den kendte LexDania-struktur; meld det som en fejl i lawdiff") from None


# --- new text: AendringNyTekst as it will read in the law -------------------------

class _NewText:
    """One line per unit (label + its Lineas), headings and chapter labels on lines of their own."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.cur: list[str] | None = None
        self.repairs: list[tuple[int, str]] = []  # (source line, label) of a label's "." read from a Rubrica

    def start(self, first: str | None = None) -> None:
        self.flush()
        self.cur = [first] if first else []

    def add(self, s: str) -> None:
        if self.cur is None:
            self.cur = []
        self.cur.append(s)

    def flush(self) -> None:
        cur = self.cur
        if cur:
            # a Linea that begins with a comma, full stop, … goes on without a space (text.join_lines: lov 590/2012
            # § 3, nr. 3 prints "… kontrakt el." / "lign." / ", anses som én betaling …")
            t = norm(join_lines(x for x in cur if x is not None))
            if t:
                self.lines.append(t)
        self.cur = None

    def walk(self, el: etree._Element) -> None:
        if el.tag == "Char":  # reached only outside a <Linea>: its text would be left out
            raise Unreadable("tekst (<Char>) uden for en linje (<Linea>) i den nye tekst")
        for ch in el:
            tag = ch.tag
            if tag in ("Paragraf", "Stk", "Indentatio", "Nota"):
                self.start()
                self.unit(ch)
            elif tag in ("Kapitel", "Afsnit", "ParagrafGruppe", "Bog"):
                self.start()
                self.walk(ch)
            elif tag in ("Rubrica", "Titel", "UnderTitel"):
                self.start()
                self.add(_lines_text(ch))
                self.flush()
            elif tag == "Explicatus":
                self.start()
                self.add(ch.text or "")
                if el.tag in ("Kapitel", "Afsnit", "Bog"):
                    self.flush()
            elif tag == "Exitus":
                if el.tag == "AendringNyTekst":
                    self.start()
                self.exitus(ch)
            elif tag == "Linea":
                self.add(_linea(ch))
            elif tag == "Table":
                self.table(ch)
            else:
                self.start()
                self.walk(ch)
        self.flush()

    def unit(self, el: etree._Element) -> None:
        first_stk = True
        label_last = False
        for ch in el:
            tag = ch.tag  # read once (lxml makes a new str at every read)
            if label_last and tag == "Rubrica" and self.cur and _lines_text(ch) == ".":
                # the label's full stop set as a heading: <Explicatus>§ 21</Explicatus><Rubrica>.</Rubrica>
                # (lov 1380/2012 §§ 21-23); a reader sees "§ 21."
                self.cur[-1] = norm(self.cur[-1]) + "."
                self.repairs.append((ch.sourceline, self.cur[-1]))
                label_last = False
                continue
            label_last = tag == "Explicatus"
            if tag == "Explicatus":
                self.add(ch.text or "")
            elif tag == "Stk":
                if not first_stk or el.tag != "Paragraf":
                    self.start()
                first_stk = False
                self.unit(ch)
            elif tag == "Exitus":
                self.exitus(ch)
            elif tag in ("AendringsNummer", "AendringCentreretParagraf"):
                self.start()
                self.walk(ch)
            elif tag == "Table":
                self.table(ch)
            else:
                self.start()
                self.walk(ch)

    def table(self, el: etree._Element) -> None:
        """A table: one line per row, "| cell | cell |" (importers/text.table_row reads it back);
        rows whose cells are all empty (LexDania's column-width rows) carry no text and are left out.
        Partial: header cells and column/row spans are not kept, only the cells' text."""
        self.flush()
        for tr in el:
            # anything but rows of cells would be left out of the new text
            bad = tr if tr.tag != "Tr" else next((c for c in tr if c.tag not in ("Td", "Th")), None)
            if bad is not None:
                raise Unreadable(f"uventet element <{bad.tag}> i en tabel i den nye tekst")
            cells = [norm(" ".join(_linea(li) for li in cell.iter("Linea"))) for cell in tr]
            if not any(cells):
                continue
            if any("|" in c for c in cells):
                raise Unreadable("en celle i den nye teksts tabel indeholder »|«")
            self.lines.append("|" + "|".join(f" {c} " if c else " " for c in cells) + "|")

    def exitus(self, ex: etree._Element) -> None:
        for ch in ex:
            tag = ch.tag
            if tag == "Linea":
                self.add(_linea(ch))
            elif tag == "Index":
                for ind in ch:
                    if ind.tag != "Indentatio":  # its text would be left out of the new text
                        raise Unreadable(f"uventet element <{ind.tag}> i en liste i den nye tekst")
                    self.start()
                    self.unit(ind)
                self.start()
            elif tag == "Exitus":
                self.exitus(ch)
            elif tag == "Nota":
                self.start()
                self.unit(ch)
            elif tag == "Table":
                self.table(ch)
            else:
                self.walk(ch)


def new_text(el: etree._Element) -> str:
    nt = _NewText()
    nt.walk(el)
    nt.flush()
    return "\n".join(nt.lines)


# --- one nummer --------------------------------------------------------------

# "Efter § 56 a indsættes som ny overskrift: »Kapitel 13 a / Forhåndsgodkendelse …«" (lov 1882/2015 § 1, nr. 7): a new
# chapter's label and heading, over the §§ after it (changes/heading._new_chapter_heading)
_CHAPTER_HEADING = re.compile(r"Kapitel \d+(?: [a-zæøå])?\n[^\n]+")


def _finish(ch: dict, tekst: str | None) -> dict:
    """Attach the new text and derive what follows from it (kind and number of a new §)."""
    ch = dict(ch)
    blok = ch.pop("_blok", False)
    bet = ch.pop("_betegnelse", None)
    ch.pop("_følge", None)
    if blok:
        ch["tekst"] = tekst
    elif ch.get("inline"):
        tekst = ch["tekst"]  # new text quoted in the sentence itself
    if ch.get("ny") == "overskrift" and "\n" in (tekst or "") and not _CHAPTER_HEADING.fullmatch(tekst or ""):
        raise Unreadable("den nye overskrift står på flere linjer (fx »Kapitel …« og en overskrift); "
                         "lawdiff kan kun indsætte en mellemrubrik på én linje")
    if ch.get("ny") is None and "ny" in ch:
        first = (tekst or "").split("\n", 1)[0]
        if re.match(r"^Kapitel ", first):
            ch["ny"] = "kapitel"
        elif re.match(r"^Afsnit ", first):
            ch["ny"] = "afsnit"
        else:
            ch["ny"] = "paragraf"
        # "Kapitel 3 a" and "Kapitel 13 B" (lov 725/2014 § 1, nr. 13; lov 1370/2011 § 1, nr. 11): the
        # letter in either case belongs to the number
        m = re.search(r"^(?:Kapitel|Afsnit) (\S+(?: [a-zæøåA-ZÆØÅ](?=\n|$))?)", first)
        if m and ch["ny"] != "paragraf":
            ch["nummer"] = m.group(1)
        else:
            m = re.search(r"^§ (\d+(?: ?[a-zæøåA-Z]{1,2})?)\.", tekst or "", re.M)
            if m:
                ch["nummer"] = m.group(1)
    if bet is not None and bet != insert.default_noun(ch):
        ch["betegnelse"] = bet or "ingen"
    return ch


# the keys of a change in the order the amendment file writes them (any other key after them)
_ORDER = ["ny", "nummer", "ny_sætning", "overalt", "bortset_fra", "antal", "antal_efter_verbum", "antal_efter_citat", "i",
          "delt", "forkortet", "der_bliver", "som_bliver", "komma", "med_overskrift", "affattes", "ophæves", "verbum", "som", "som_bilag",
          "fra_bilag", "efter", "før", "anker_der_bliver", "anker_som_bliver", "anker_komma", "placering", "betegnelse", "samme_sted", "elliptisk",
          "ændres", "til", "udgår", "indsættes_efter", "indsættes_før", "bindeord", "punktum", "tekst",
          "punktum_efter", "mellemrum", "til_kolon", "verbum_kolon", "overflødigt_i", "fælles", "kun_citat", "antal_sidst", "uden_i", "overskrift_citat", "trykfejl"]
class _Ranks(dict):
    """_ORDER's key -> its place; any other key after them all (looked up in C, without a lambda)."""

    def __missing__(self, key: str) -> int:
        return len(_ORDER)


_RANK = _Ranks((k, i) for i, k in enumerate(_ORDER))


def _order(ch: dict) -> dict:
    """`ch` with its keys in _ORDER's order, any key not in _ORDER after them in ch's order (a
    sort of ch's few keys by rank, stable: the comprehension over all of _ORDER's 50 keys cost more)."""
    return {k: ch[k] for k in sorted(ch, key=_RANK.__getitem__)}


def official_text(an: etree._Element) -> str:
    """The nummer as printed in Lovtidende (whitespace normalised): the oracle of the round trip."""
    try:
        return _official_text(an, _linea)
    except Unreadable:
        return _official_text(an, _raw_linea)


def _official_text(an: etree._Element, read) -> str:
    out = [_label(an)]
    for ch in an:
        if ch.tag == "Aendring":
            d = _child(ch, "AendringDefinition")  # missing in a damaged source: the nummer is refused
            if d is not None:
                out.append(_lines_text(d, read))
            ak = _child(ch, "AendringAktion")
            ny = _child(ak, "AendringNyTekst") if ak is not None else None
            ak, ny = _filled_action(ch, ak, ny)
            if ny is not None and len(ny):
                flat = norm(join_lines((x.text or "") if x.tag == "Explicatus" else read(x)  # as _NewText reads it
                                       for x in ny.iter("Explicatus", "Linea")))
                out.append("»" + flat + "«" + ("." if ak.get("punktumEfterSlutcitationstegn") == "True" else ""))
            out += [norm(" ".join((y.text or "") if y.tag == "Explicatus" else read(y)  # kept in a refused nummer
                                  for y in x.iter("Explicatus", "Linea"))) for x in _second_parts(ch, d, ny)]
            out += _stray_parts(ch)  # kept in a refused nummer
        elif ch.tag == "Rykningsklausul":
            out.append(_lines_text(ch, read))
    return norm(" ".join(x for x in out if x))


def _second_parts(aendring: etree._Element, d: etree._Element | None, ny: etree._Element | None) -> list:
    """An <Aendring>'s instructions and new texts with text beyond its first of each (none in the
    corpus, whose 19 second <AendringAktion>s are empty): the readers read the first only."""
    out = [x for x in aendring if x.tag == "AendringDefinition" and x is not d]
    out += [x for ak in aendring if ak.tag == "AendringAktion" for x in ak if x.tag == "AendringNyTekst" and x is not ny]
    return [x for x in out if norm(" ".join(x.itertext()))]


# what an <Aendring> and its <AendringAktion> hold: every one of the corpus (19,858 <AendringAktion>s)
_AENDRING_PARTS = {"Aendring": ("AendringDefinition", "AendringAktion"), "AendringAktion": ("AendringNyTekst",)}


def _stray_parts(aendring: etree._Element) -> list[str]:
    """Text in an <Aendring> outside its instructions and new texts: an element other than those, or
    text between them, in the <Aendring> or an <AendringAktion> (none in the corpus). The readers
    read the known parts only: such text would be left out of the nummer unseen (review3). Also text
    directly in an <AendringNyTekst> (its units are elements: "»…«" given as text was not read, and a
    nummer "… ophæves." ran without it; none of the corpus's 17,755)."""
    out = []
    aktion = [ak for ak in aendring if ak.tag == "AendringAktion"]
    for el in [aendring] + aktion + [ny for ak in aktion for ny in ak if ny.tag == "AendringNyTekst"]:
        allowed = _AENDRING_PARTS.get(el.tag)  # None: any element (the units of a new text)
        texts = [el.text]
        for c in el:  # one pass: each child's tag and tail read once
            tag = c.tag
            if allowed is not None and isinstance(tag, str) and tag not in allowed:
                out.append(norm(" ".join(c.itertext())))
            texts.append(c.tail)
        # white space only (the file's indentation, nearly every text here) is "" to norm: not normalised
        out += [norm(t) for t in texts if t and not t.isspace()]
    return [x for x in out if x]


def _blank(t: str | None) -> bool:
    return not t or t.isspace()  # "" to norm


def _aendring_parts(aendring: etree._Element):
    """(its first <AendringDefinition>, its first <AendringAktion>, that one's first
    <AendringNyTekst>, plain), each part None where there is none, as _child finds them; plain
    when the <Aendring> has the usual shape, one instruction and at most one action holding at
    most one new text, with white space only around them (nearly every one): then _second_parts and
    _stray_parts find nothing, and are not asked (one walk over its parts instead of five)."""
    d = ak = ny = None
    plain = _blank(aendring.text)
    for c in aendring:
        tag = c.tag
        if tag == "AendringDefinition":
            if d is None:
                d = c
            else:
                plain = False
        elif tag == "AendringAktion":
            if ak is None:
                ak = c
            else:
                plain = False
        else:
            plain = False
        if plain and not _blank(c.tail):
            plain = False
    if ak is not None:
        if not _blank(ak.text):
            plain = False
        for c in ak:
            if c.tag == "AendringNyTekst" and ny is None:
                ny = c
            else:
                plain = False
            if plain and not _blank(c.tail):
                plain = False
    if plain and ny is not None:
        plain = _blank(ny.text) and all(_blank(c.tail) for c in ny)
    return d, ak, ny, plain


def _filled_action(aendring: etree._Element, ak, ny):
    """The <AendringAktion> and its <AendringNyTekst> that hold the new text: the first, unless it is empty and
    exactly one later action has text ("Overskriften før § 57 affattes således:" with an empty first action and
    »Beslutninger« in the second, lov 1543/2016 § 2, nr. 8; lov 626/2016 § 1, nr. 21; lov 532/2015 § 14, nr. 1:
    the source's markup, the new text is the one Lovtidende prints)."""
    if ny is not None and norm(" ".join(ny.itertext())):
        return ak, ny
    filled = [(a, t) for a in aendring if a.tag == "AendringAktion" and a is not ak
              for t in a if t.tag == "AendringNyTekst" and norm(" ".join(t.itertext()))]
    return filled[0] if len(filled) == 1 else (ak, ny)


def _definition_text(d: etree._Element) -> tuple[str, str | None]:
    """The instruction's text, and a rykningsklausul set in a layout table after it (lov nr. 1230
    af 15/12/2010: "§ 19, stk. 2 og 3, ophæves." + a one-cell table "Stk. 4 bliver herefter
    stk. 2."). Any other table in an instruction is not read."""
    li = d[0] if len(d) == 1 else None
    if li is not None and li.tag == "Linea" and len(li) == 1 and li[0].tag == "Char" and not len(li[0]):
        # most instructions: one line of one run (no table, and its one <Char> in its <Linea>):
        # _lines_text(d) without its walks
        return norm(_linea(li)), None
    # nearly every other instruction: no table; _lines_text(d) in one walk instead of three (the look
    # for a table, _lines_text's look for a <Char> outside a <Linea>, its list of the lines). With no
    # comment, processing instruction or entity in `d` and every line read (each holds <Char>s only),
    # the lines' lengths add up to the <Char>s counted exactly when none stands outside a line
    # (tests/importers/test_definition_text.py holds this to _lines_text)
    lineas = []
    chars = 0
    for x in d.iter("Linea", "Char", "Table", etree.Comment, etree.ProcessingInstruction, etree.Entity):
        tag = x.tag
        if tag == "Char":
            chars += 1
        elif tag == "Linea":
            lineas.append(x)
        else:
            break  # a table (read below), or a node that is no element
    else:
        if chars == sum(map(len, lineas)):
            try:
                return norm(" ".join([_linea(li) for li in lineas])), None
            except Unreadable:
                pass  # refused by _lines_text, which also looks for a <Char> outside a line first
        return _lines_text(d), None
    if next(d.iter("Table"), None) is None:
        return _lines_text(d), None
    lineas = list(d.iter("Linea"))
    in_table = {id(li) for t in d.iter("Table") for li in t.iter("Linea")}
    if not in_table:
        return _lines_text(d), None
    first = min(i for i, li in enumerate(lineas) if id(li) in in_table)
    table_text = norm(" ".join(_linea(li) for li in lineas[first:]))
    if any(id(li) not in in_table for li in lineas[first:]) or rykning.read(table_text) is None:
        raise Unreadable("instruktionen indeholder en tabel")
    return norm(" ".join(_linea(li) for li in lineas[:first])), table_text


# The plainest citation, one unit from its § down ("§ 5 a, stk. 2, nr. 3, 1. pkt."), which parse_citation
# always reads (tests/importers/test_citation_plain.py holds it to parse_citation): 5,883 of the corpus's
# 8,339 distinct citations, each parsed at ~20 µs (0.18 s in all) where this match costs ~0.5 µs
_PLAIN_CITATION = re.compile(r"§ [1-9][0-9]*(?: [a-z])?(?:, stk\. [1-9][0-9]*)?(?:, nr\. [1-9][0-9]*)?"
                             r"(?:, litra [a-z])?(?:, [1-9][0-9]*\. pkt\.)?")


@lru_cache(maxsize=16384)
def _citation_problem(citation: str) -> str | None:
    """Why parse_citation refuses `citation`, or None. Citations recur ("stk. 1", "§ 2"): each is
    parsed once (parse_citation is a pure function of its text; it cost a sixth of the reader)."""
    if _PLAIN_CITATION.fullmatch(citation) is not None:
        return None
    if is_note_address(citation):  # footnotes of annexes: found by changes/annex.py
        return None
    try:
        parse_citation(citation)
    except AddressError as e:
        return e.message
    return None


def read_nummer(an: etree._Element, warnings: list[str], label: str | None = None) -> dict:
    """One nummer read into changes; `label` is _label(an) where the caller has it already."""
    if label is None:
        label = _label(an)
    number = label.rstrip(".")
    entry: dict = {"nummer": number}
    if label and not label.endswith("."):
        # "9 § 1, stk. 5, affattes …" (lov nr. 1564 af 15/12/2015): kept as printed
        warnings.append(f"nummerets betegnelse »{label}« har intet punktum i kilden (trykfejl); gengivet som i kilden")
        entry["uden_punktum"] = True
    changes: list[dict] = []
    ryk: list[str] = []
    for ch in an:
        if ch.tag == "Explicatus":
            continue
        if ch.tag == "Rykningsklausul":
            t = _lines_text(ch)
            if rykning.read(t) is None:
                raise Unreadable(f"rykningsklausulen »{t}« kan ikke læses")
            ryk.append(t)
            continue
        if ch.tag != "Aendring":
            raise Unreadable(f"uventet element <{ch.tag}> i nummeret")
        d, ak, ny, plain = _aendring_parts(ch)
        if not plain:
            ak, ny = _filled_action(ch, ak, ny)
        if d is None:
            raise Unreadable("<Aendring> uden <AendringDefinition>")
        has_new = ny is not None and len(ny) > 0
        if not plain:  # (plain: neither test can find anything)
            if _second_parts(ch, d, ny):
                raise Unreadable("<Aendring> har mere end én instruktion eller ny tekst")
            stray = _stray_parts(ch)
            if stray:
                raise Unreadable(f"<Aendring> har tekst uden for instruktionen og den nye tekst: »{stray[0][:80]}«")
        text, table_ryk = _definition_text(d)
        if table_ryk and not text and not has_new:
            ryk.append(table_ryk)
            continue
        if not has_new and rykning.read(text) is not None:
            ryk.append(text)  # a rykningsklausul written as a second <Aendring> (2010-2011)
            continue
        if not text:
            raise Unreadable("instruktionen er tom")
        sentence = read_sentence(text, warnings)
        blok = [c for c in sentence if c.get("_blok")]
        if has_new and not blok:
            raise Unreadable("nummeret har ny tekst, men instruktionen slutter ikke med kolon")
        if blok and not has_new:
            raise Unreadable("instruktionen slutter med kolon, men der er ingen ny tekst")
        tekst = new_text(ny) if has_new else None
        if has_new and not tekst:
            raise Unreadable("den nye tekst er tom")
        done = [_finish(c, tekst) for c in sentence]
        for c in done:
            for key in ("i", "affattes", "ophæves", "bortset_fra"):
                if isinstance(c.get(key), str):
                    problem = _citation_problem(c[key])
                    if problem is not None:
                        raise Unreadable(f"henvisningen »{c[key]}« kan ikke læses: {problem}")
        if has_new and ak.get("punktumEfterSlutcitationstegn") == "True":
            done[-1]["punktum_efter"] = True
        if changes:
            done[0]["ny_sætning"] = True
        changes.extend(_order(c) for c in done)
        if table_ryk:
            ryk.append(table_ryk)
    if not changes:
        raise Unreadable("nummeret indeholder ingen ændring")
    entry["ændringer"] = changes
    if ryk:
        entry["rykning"] = " ".join(ryk) if len(ryk) > 1 else ryk[0]
    return entry


# --- the act ------------------------------------------------------------------

def _verbatim(el: etree._Element, path: str = "", warnings: list[str] | None = None) -> str:
    """A § of the act as text lines (label and Lineas), for `øvrige`; source repairs are added to
    `warnings`."""
    nt = _NewText()
    nt.start()
    try:
        nt.unit(el)
    except Unreadable:  # a table: its cells as plain lines, each label ("Stk. 2.", "1)") before its line
        lines: list[str] = []
        label = ""
        for x in el.iter("Explicatus", "Linea", "Char"):
            if x.tag == "Explicatus":
                label = norm(f"{label} {x.text or ''}")
            elif x.tag == "Char":
                if x.getparent().tag != "Linea":  # a run outside any line: kept as a line of its own
                    lines.append(norm(f"{label} {x.text or ''}"))
                    label = ""
            else:
                lines.append(norm(f"{label} {_raw_linea(x)}"))
                label = ""
        return "\n".join(lines + [label] if label else lines)
    nt.flush()
    for line, label in nt.repairs:
        if warnings is not None:
            warnings.append(f"{path}:{line}: punktummet efter »{label[:-1]}« stod som overskrift (<Rubrica>) i kilden; "
                            f"læst som »{label}«")
    return "\n".join(nt.lines)


def read_paragraf(acp: etree._Element, path: str, warnings: list[str], refused: list[str],
                  label: str | None = None) -> dict | None:
    """One AendringCentreretParagraf (or the Stk of an original act's § that holds numre, with the
    §'s label), or None when it holds no numre (kept verbatim by the caller)."""
    label = norm(label if label is not None else acp.findtext("Explicatus") or "")
    numre_el = acp.findall("AendringsNummer")
    number = re.sub(r"^§\s*", "", label).rstrip(".")
    if not numre_el or not number:
        if numre_el:  # kept verbatim by the caller: its numre were no numre, without a word
            warnings.append(f"{path}:{acp.sourceline}: en ændringsparagraf uden nummer (betegnelse »{label}«) har "
                            f"{len(numre_el)} numre; den er gemt ordret under øvrige, og dens numre udføres ikke")
        return None
    if not _PARAGRAF_NUMBER.fullmatch(number):
        if number in ("l", "I"):  # "§ l" (lov nr. 485 af 19/05/2010): the letter for the digit 1
            warnings.append(f"{path}:{acp.sourceline}: ændringsparagraffens betegnelse »{label}« har et bogstav for "
                            f"tallet 1 i kilden (trykfejl); læst som § 1")
            number = "1"
        else:
            warnings.append(f"{path}:{acp.sourceline}: ændringsparagraffens betegnelse »{label}« har ikke form som et "
                            f"paragrafnummer; »{number}« kan ikke citeres (»§ {number}, nr. …«)")
    par: dict = {"nummer": number}
    ex = acp.find("Exitus")
    # what an ændringsparagraf holds: its label, a heading (the ministry, in an act amending the
    # laws of several ministries: lov nr. 1612 af 26/12/2013), one intro, its numre; anything else
    # would be left out of the amendment file unseen
    seen: set[str] = set()
    for ch in acp:
        if not isinstance(ch.tag, str) or ch.tag == "AendringsNummer":
            continue
        if ch.tag not in ("Explicatus", "Rubrica", "Exitus") or ch.tag in seen:
            raise MappingError(f"{label}: uventet element <{ch.tag}> i ændringsparagraffen", file=path,
                               line=ch.sourceline, hint="dokumentet følger ikke den kendte LexDania-struktur; "
                                                        "meld det som en fejl i lawdiff")
        seen.add(ch.tag)
    rub = _child(acp, "Rubrica")
    heading = _paragraf_text(rub, path) if rub is not None else ""
    if heading:
        par["overskrift"] = heading
    text = _paragraf_text(ex, path) if ex is not None else ""
    data = intro.read(text)
    if not text:
        warnings.append(f"{path}: {label}: ændringsparagraffen har ingen indledning")
    elif data is None:
        par["indledning"] = text
        warnings.append(f"{path}: {label}: indledningen kan ikke læses som data: {intro.refusal(text)}; gemt ordret, "
                        f"og ændringsparagraffen kobles ikke til en lov")
    else:
        par.update(data)
    numre = []
    seen_numre: dict[str, int] = {}
    for an in numre_el:
        local: list[str] = []
        an_label = _label(an)
        num = an_label.rstrip(".")
        if num in seen_numre:
            warnings.append(f"{path}:{an.sourceline}: {label}: nr. {num} findes to gange i kilden (også linje "
                            f"{seen_numre[num]}); »{label}, nr. {num}« kan ikke citeres entydigt")
        elif not _NUMMER_NUMBER.fullmatch(num.rstrip(")")) and (num or norm("".join(an.itertext()))):
            warnings.append(f"{path}:{an.sourceline}: {label}: nummerets betegnelse »{an_label}« har ikke form som et "
                            f"nummer; nummeret kan ikke citeres (»{label}, nr. …«)")
        seen_numre.setdefault(num, an.sourceline)
        if not an_label and not norm("".join(an.itertext())):  # no text at all (official_text reads known parts only)
            warnings.append(f"{path}:{an.sourceline}: {label}: et tomt <AendringsNummer> i kilden er sprunget over")
            continue
        try:
            numre.append(read_nummer(an, local, an_label))
            num = an_label.rstrip(".")
            warnings.extend(f"{path}:{an.sourceline}: {label}, nr. {num}: advarsel: {w}" for w in local)
        except Unreadable as e:
            num = an_label.rstrip(".") or "(uden nummer)"
            official = official_text(an)
            numre.append({"nummer": num, "ikke_udført": {"tekst": official, "årsag": str(e)}})
            refused.append(f"{path}:{an.sourceline}: {label}, nr. {num}: {e}")
    par["numre"] = numre
    return par


# what a citation of an ændringsparagraf and its numre reaches ("§ 2, nr. 14 a"): ASCII digits
_PARAGRAF_NUMBER = re.compile(r"[0-9]+(?: [a-zæøå])?")
_NUMMER_NUMBER = re.compile(r"[0-9]+(?: ?[a-zæøå])?")


def _check_repeated(par: dict, el: etree._Element, paragraffer: list[dict], lines: dict[str, int], path: str,
                    warnings: list[str]) -> None:
    """Warn where the act numbers two ændringsparagraffer alike: "§ 1, nr. 3" would cite either."""
    num = par["nummer"]
    if num in lines:
        warnings.append(f"{path}:{el.sourceline}: ændringsparagraffen § {num} findes to gange i kilden (også linje "
                        f"{lines[num]}); »§ {num}, nr. …« kan ikke citeres entydigt")
    else:
        lines[num] = el.sourceline


def _label_number(el: etree._Element) -> int | None:
    m = re.fullmatch(r"(?:§\s*)?(\d+)\.?", norm(el.findtext("Explicatus") or ""))
    return int(m.group(1)) if m else None


_PARAGRAFFER = ("AendringCentreretParagraf", "IkraftCentreretParagraf")


def _nested_in_new_text(root: etree._Element) -> bool:
    """Whether a nummer or a § stands inside a new text: hoist_nested's first look."""
    return any(True for nyt in root.iter("AendringNyTekst") for _ in nyt.iter(*_PARAGRAFFER, "AendringsNummer"))


def hoist_nested(root: etree._Element, path: str) -> list[str]:
    """A source whose markup puts the next numre, or the act's next §§, inside a nummer's new text
    would make them part of the law text that nummer inserts (lov 251/2012 § 1, nr. 2-6 inside nr.
    1; lov 1567/2010 § 3 and the ikrafttræden § 4 inside § 2, nr. 5). They are moved out, after the
    element that wrongly holds them, in source order, and reported — only when that reading is
    certain: their numbers continue the holder's (nr. 1 → 2, 3, …; § 2 → § 3, § 4) up to the
    holder's next sibling, and for numre the new text also closes with a typed « before them.
    New text that itself is amendment text ("§ 1, nr. 7, affattes således: »7. …«", an act
    amending an amending act) fails these tests and stays as it is."""
    notes = []
    # nearly every act: neither kind inside any new text (one walk for both; where there is one,
    # each kind is looked for again below, after the first may have moved elements)
    if not _nested_in_new_text(root):
        return notes
    for tags, holder_tags, word in ((_PARAGRAFFER, ("AendringCentreretParagraf",), ""),
                                    (("AendringsNummer",), ("AendringsNummer",), "nr. ")):
        moves: dict[etree._Element, list[etree._Element]] = {}
        # nearly every act: no such element inside any new text (a walk in lxml's C code, instead of
        # the ancestors of every nummer in Python)
        if not any(True for nyt in root.iter("AendringNyTekst") for _ in nyt.iter(*tags)):
            continue
        for el in root.iter(*tags):
            holders = list(el.iterancestors(*holder_tags))
            if holders and next(el.iterancestors("AendringNyTekst"), None) is not None:
                moves.setdefault(holders[-1], []).append(el)
        for top, els in moves.items():
            els = [e for e in els if not any(a in els for a in e.iterancestors(*tags))]  # each subtree once
            first = _label_number(top)
            nums = [_label_number(e) for e in els]
            after = top.getnext()
            while after is not None and after.tag not in tags:
                after = after.getnext()
            if first is None or nums != list(range(first + 1, first + 1 + len(els))) or (
                    after is not None and _label_number(after) != first + 1 + len(els)):
                continue
            if word:
                shell = copy.deepcopy(top)
                for inner in list(shell.iter(*tags))[1:]:
                    if inner.getparent() is not None:
                        inner.getparent().remove(inner)
                if not re.search(r"«\.?$", norm("".join(shell.itertext()))):
                    continue
            cursor = top
            for el in els:
                notes.append(f"{path}:{el.sourceline}: {word}{norm(el.findtext('Explicatus') or '')} står i kilden "
                             f"inde i den nye tekst til {word}{norm(top.findtext('Explicatus') or '')}; "
                             f"læst som {'det næste nummer' if word else 'lovens næste paragraf'}")
                el.tail = None
                cursor.addnext(el)
                cursor = el
            if word:  # the typed « that closed the new text is not law text
                last = [c for nyt in top.iter("AendringNyTekst") for c in nyt.iter("Char") if (c.text or "").strip()]
                if last and last[-1].text.rstrip().endswith("«"):
                    last[-1].text = re.sub(r"«(\s*)$", r"\1", last[-1].text)
    return notes


def read_amending(data: bytes, path: str) -> AmendingAct:
    data = as_utf8(data, path)
    root = parse_bytes(data, path).getroot()
    refuse_stray_text(root, data, path)
    return read_amending_root(root, path)


def read_amending_root(root: etree._Element, path: str, full_tree=None) -> AmendingAct:
    """`read_amending` for a document already parsed (importers/official.py parses each file once
    for both readers). The tree is changed: numre and §§ the source nests in new text are moved
    out (hoist_nested).

    `full_tree`: where `root` was parsed without the white space between elements
    (xmlsafe.parse_bytes(…, blank_text=False)), a function that parses the document with it. The
    reader reads no such white space (it reads the same from either tree:
    tests/importers/test_amending_lean.py) but for hoist_nested's check for a typed « after a new
    text, so a document that nests numre or §§ in a new text is read from the full tree."""
    if full_tree is None:
        hoisted = hoist_nested(root, Path(path).name)
    elif _nested_in_new_text(root):
        root = full_tree()
        hoisted = hoist_nested(root, Path(path).name)
    else:
        hoisted = []  # (hoist_nested's first look is the one just made)
    dtype = (root.findtext("Meta/DocumentType") or "").strip()
    original = dtype.startswith("LOV H")
    if not dtype.startswith("LOV Æ") and not original:
        raise MappingError(f"ikke en ændringslov (DocumentType {dtype!r})", file=path, line=root.sourceline)
    number = (root.findtext("Meta/Number") or "").strip()
    date = (root.findtext("Meta/DiesSigni") or "").strip()
    year = (root.findtext("Meta/Year") or "").strip()
    if not re.fullmatch(r"[0-9]{1,5}", number) or not re.fullmatch(r"[0-9]{4}", year):
        # they name the file written (lov-YYYY-NNN.yaml): "../x" must never reach a path
        raise MappingError(f"Meta: Number »{number[:40]}« og Year »{year[:40]}« er ikke et lovnummer og et årstal",
                           file=path, line=root.sourceline, hint="dokumentet er beskadiget; hent det igen fra "
                                                                 "retsinformation.dk")
    title = norm(_paragraf_text(root.find("TitelGruppe/Titel"), path) if root.find("TitelGruppe/Titel") is not None
                 else (root.findtext("Meta/DocumentTitle") or ""))
    sub = root.find("TitelGruppe/UnderTitel")
    doc: dict = {
        "titel": title,
        "organisation": (root.findtext("Meta/Ministry") or "Folketinget").strip() or "Folketinget",
        "dato": date,
        "status": "vedtaget",
        "kilde": f"lov nr. {number} af {long_date(date)}",
    }
    subtitle = _paragraf_text(sub, path) if sub is not None else ""
    if subtitle:
        doc["undertitel"] = subtitle.strip("()")
    doc["love"] = {}
    act = AmendingAct(doc, f"lov-{year}-{number}.yaml")
    act.warnings.extend(hoisted)
    paragraffer: list[dict] = []
    lines: dict[str, int] = {}  # ændringsparagraf number -> its first line
    others: list[dict] = []
    ikraft: list[dict] = []
    unread: list[str] = []  # commencement sentences for a part of the act that give no rule
    name = Path(path).name
    body = root.find("DokumentIndhold")
    if body is None:
        raise MappingError("dokumentet har intet <DokumentIndhold>", file=path, line=root.sourceline)
    if original:
        # an original act that amends other acts: only its ændringsparagraffer (the act itself is
        # imported as an act version by importers/lexdania.py)
        for el in body.iter("AendringCentreretParagraf", "Paragraf"):
            if el.tag == "Paragraf":  # "§ 30. I lov om … foretages følgende ændringer: 1. …" in a Stk
                # (findall("Stk") and find("AendringsNummer") without ElementPath: every § of the act)
                stks = [st for st in el if st.tag == "Stk" and _child(st, "AendringsNummer") is not None]
                if len(stks) != 1:
                    continue
                par = read_paragraf(stks[0], name, act.warnings, act.refused, label=el.findtext("Explicatus") or "")
            else:
                par = read_paragraf(el, name, act.warnings, act.refused)
            if par is not None:
                _check_repeated(par, el, paragraffer, lines, name, act.warnings)
                paragraffer.append(par)
                act.numre += len(par["numre"])
        doc["paragraffer"] = paragraffer
        ikraft = original_ikraft(body, name, act.warnings, _verbatim) if paragraffer else []
        if ikraft:
            doc["ikrafttræden"] = ikraft
        return act
    kids = [el for el in body if isinstance(el.tag, str)]
    joined: set = set()  # an unlabelled § read with the label before it (_label_alone)
    for i, el in enumerate(kids):
        if el in joined:
            continue
        rest = _label_alone(el, kids[i + 1] if i + 1 < len(kids) else None)
        stk = _amending_stk(el if rest is None else rest) if norm(el.findtext("Explicatus") or "") else None
        if el.tag == "AendringCentreretParagraf" or stk is not None:
            if stk is not None:  # an ændringsparagraf marked up as an ikrafttræden § (lov 706/2010 §§ 2-7)
                label = norm(el.findtext("Explicatus") or "")
                par = read_paragraf(stk, name, act.warnings, act.refused, label=label)
                if par is not None:
                    act.warnings.append(f"{name}:{stk.sourceline}: {label} er i kilden mærket som ikrafttrædelses"
                                        f"paragraf (<{stk.getparent().tag}>) men er en ændringsparagraf; læst som "
                                        f"en" + (f" (betegnelsen står alene i linje {el.sourceline})" if rest is not None
                                                 else ""))
                    if rest is not None:
                        joined.add(rest)
            else:
                par = read_paragraf(el, name, act.warnings, act.refused)
                nxt = kids[i + 1] if i + 1 < len(kids) else None
                if par is not None and _continued(par, nxt, name, act.warnings, act.refused):
                    joined.add(nxt)
            if par is not None:
                _check_repeated(par, el, paragraffer, lines, name, act.warnings)
                paragraffer.append(par)
                act.numre += len(par["numre"])
                continue
        if el.tag in ("AendringCentreretParagraf", "IkraftCentreretParagraf", "Paragraf"):
            label = norm(el.findtext("Explicatus") or "")
            text = _verbatim(el, name, act.warnings)
            if rest is not None:
                joined.add(rest)
                text = f"{text}\n{_verbatim(rest, name, act.warnings)}"
                act.warnings.append(f"{name}:{el.sourceline}: {label} står i kilden som betegnelse alene, og "
                                    f"paragraffens tekst står i det næste element (linje {rest.sourceline}, "
                                    f"<{rest.tag}> uden betegnelse); læst som én paragraf, {label}")
            elif label and _label_only(el):
                # its text is not the next element's with certainty (another label alone, a labelled §)
                act.warnings.append(f"{name}:{el.sourceline}: {label} har i kilden kun sin betegnelse, og paragraffens "
                                    f"tekst er ikke fundet; den er gemt som »{label}« under øvrige")
            num = re.sub(r"^§\s*", "", label).rstrip(".")
            if text:
                others.append({"nummer": num, "tekst": text} if num else {"tekst": text})
            held = sum(1 for x in (el, rest) if x is not None for _ in x.iter("AendringsNummer"))
            if held and el.tag != "AendringCentreretParagraf":  # (read_paragraf reported that one)
                act.warnings.append(f"{name}:{el.sourceline}: {label or f'<{el.tag}> uden betegnelse'} har {held} "
                                    f"numre i en form, der ikke kan læses som en ændringsparagraf; de er gemt ordret "
                                    f"under øvrige, og de udføres ikke")
            rules, unread_here = commencement(text)
            ikraft.extend(rules)
            for sent in unread_here:
                unread.append(sent)
                act.warnings.append(f"{name}:{el.sourceline}: {label} »{sent}« kan ikke læses som en "
                                    f"ikrafttrædelsesregel; lovens ikrafttræden gives ikke som data, og dens "
                                    f"numre udføres kun med --include")
        elif el.tag in ("Hymne", "Indledning"):
            continue
        else:
            text = _verbatim(el)
            if text:
                others.append({"tekst": text})
    doc["paragraffer"] = paragraffer
    own = own_annexes(root, name, act.warnings)
    if own:
        doc["bilag"] = own
    if ikraft and not unread:
        doc["ikrafttræden"] = ikraft
    if others:
        doc["øvrige"] = others
    return act


def _label_alone(el: etree._Element, nxt: etree._Element | None) -> etree._Element | None:
    """The element that holds the text of a § the source gives as its label alone: 14 amending acts
    of the corpus print their ikrafttræden § as an <AendringCentreretParagraf> holding only its
    <Explicatus> ("§ 3"), followed by an <IkraftCentreretParagraf> with the Stk.s and no label (lov
    573/2011, lov 912/2010; in lov 1614/2013 the next holds an ændringsparagraf's intro and numre,
    _amending_stk); without this the § was kept as "§ 3" and its text apart, unnumbered. Only that
    shape: the label alone, then a § with text, no label, and numre only as _amending_stk reads them."""
    if not _label_only(el) or not norm(el.findtext("Explicatus") or ""):
        return None
    if nxt is None or nxt.tag not in ("IkraftCentreretParagraf", "Paragraf") or nxt.find("Explicatus") is not None \
            or (next(nxt.iter("AendringsNummer"), None) is not None and _amending_stk(nxt) is None) \
            or not norm("".join(nxt.itertext())):
        return None
    return nxt


def _continued(par: dict, nxt: etree._Element | None, path: str, warnings: list[str], refused: list[str]) -> bool:
    """Lov 405/2010: § 1's nr. 2-3 stand in the unlabelled <IkraftCentreretParagraf> after it, behind nr. 1's
    rykningsklausul ("Nr. 2-5 bliver herefter nr. 3-6."; nr. 1 inserts a nr. 2). Read as the §'s own numre only
    in that shape: no label, one <Stk> holding a rykningsklausul (the last nummer having none) and then
    <AendringsNummer>s numbered on from the §'s last; reported. Else False (the element is kept as before)."""
    if nxt is None or nxt.tag != "IkraftCentreretParagraf" or nxt.find("Explicatus") is not None:
        return False
    stks = [k for k in nxt if isinstance(k.tag, str)]
    kids = [k for k in stks[0] if isinstance(k.tag, str)] if len(stks) == 1 and stks[0].tag == "Stk" else []
    last = par["numre"][-1] if par["numre"] else {}
    if len(kids) < 2 or kids[0].tag != "Exitus" or any(k.tag != "AendringsNummer" for k in kids[1:]) \
            or "ændringer" not in last or "rykning" in last or not last["nummer"].isdigit():
        return False
    clause = _lines_text(kids[0])
    nums = [_label(k).rstrip(".") for k in kids[1:]]
    if rykning.read(clause) is None or nums != [str(int(last["nummer"]) + k) for k in range(1, len(nums) + 1)]:
        return False
    local: list[str] = []
    more = read_paragraf(stks[0], path, local, refused, label=f"§ {par['nummer']}")
    warnings.extend(w for w in local if "indledningen kan ikke læses" not in w)
    last["rykning"] = clause
    par["numre"].extend(more["numre"])
    warnings.append(f"{path}:{nxt.sourceline}: § {par['nummer']}, nr. {nums[0]}-{nums[-1]} står i kilden i en "
                    f"ikrafttrædelsesparagraf uden betegnelse efter § {par['nummer']}, bag nr. {last['nummer']}s "
                    f"rykningsklausul »{clause}«; læst som § {par['nummer']}s numre")
    return True


def _label_only(el: etree._Element) -> bool:
    return [c.tag for c in el if isinstance(c.tag, str)] == ["Explicatus"]


def _amending_stk(el: etree._Element | None) -> etree._Element | None:
    """The one Stk of an <IkraftCentreretParagraf> that holds an intro and numre: an ændringsparagraf
    the source marks up as an ikrafttræden § (lov 706/2010 §§ 2-7, lov 1614/2013 §§ 3-4: 8 amending
    acts of the corpus; their numre were kept as text under `øvrige`, unexecuted and unreported).
    Only that shape: the § holds its label (or nothing) and one unlabelled Stk, which holds one
    intro (<Exitus>) and numre, and the intro reads as an amending intro (intro.read): a commencement
    § listing numre ("Lovens § 1, nr. 1-3, træder i kraft den 1. juli 2010, bortset fra:") would lose
    its date."""
    if el is None or el.tag != "IkraftCentreretParagraf":
        return None
    kids = [c for c in el if isinstance(c.tag, str)]
    if [c.tag for c in kids if c.tag != "Explicatus"] != ["Stk"] or len(kids) > 2:
        return None
    stk = kids[-1]
    tags = [c.tag for c in stk if isinstance(c.tag, str)]
    if not tags or tags[0] != "Exitus" or set(tags[1:]) != {"AendringsNummer"}:
        return None
    try:
        text = _paragraf_text(stk.find("Exitus"), "")
    except MappingError:  # the caller reports it where it keeps the § verbatim
        return None
    return stk if intro.read(text) is not None else None


# --- the act's own annexes ---------------------------------------------------------------------

def own_annexes(root, name: str, warnings: list[str]) -> list[dict]:
    """The amending act's <Bilag> as the amendment file's `bilag`: read as the LexDania importer
    reads an act version's annexes (lexdania.read_annexes; a picture is reported), written as data."""
    from .lexdania import _Reader, read_annexes

    r = _Reader(name, False)
    annexes = read_annexes(r, root)
    warnings.extend(r.repairs)
    return [annex_data(a) for a in annexes]


def annex_data(a) -> dict:
    """One model.Annex as amendment-file data: {betegnelse, overskrift?, indhold}."""
    out: dict = {"betegnelse": a.label}
    if a.headings:
        out["overskrift"] = [_block_data(h) for h in a.headings]
    out["indhold"] = [_block_data(b) for b in a.body]
    return out


def _block_data(b):
    """A line as its text (with notes: {linje, noter}); a table as {tabel: rows of cells}, a cell as
    its text or {celle, hoved, kolonner, rækker} where it is a header or spans."""
    from ..model import Line

    if isinstance(b, Line):
        if not b.notes:
            return b.text
        return {**({"linje": b.text} if b.text else {}), "noter": [{"markør": n.marker, "linjer": list(n.lines)} for n in b.notes]}
    rows = []
    for row in b.rows:
        cells = []
        for c in row:
            if not c.header and c.colspan == 1 and c.rowspan == 1:
                cells.append(c.text)
            else:
                cell = {"celle": c.text} if c.text else {}  # an empty value is refused by the loader
                if c.header:
                    cell["hoved"] = True
                if c.colspan != 1:
                    cell["kolonner"] = c.colspan
                if c.rowspan != 1:
                    cell["rækker"] = c.rowspan
                cells.append(cell)
        rows.append(cells)
    return {"tabel": rows}


def has_amendments(data: bytes) -> bool:
    """Whether an original act (LOV H) holds ændringsparagraffer with numre worth an amendment file."""
    return b"<AendringsNummer" in data


def read_amending_file(path: str | Path) -> AmendingAct:
    data, p = read_source(path)
    return read_amending(data, p)


# --- YAML -----------------------------------------------------------------------

class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, s: str):
    if "\n" in s and not any(ln != ln.strip() for ln in s.split("\n")):
        return dumper.represent_scalar("tag:yaml.org,2002:str", s, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", s)


_Dumper.add_representer(str, _str)


# libyaml's emitter (C) writes the same bytes as PyYAML's (Python) seven times faster, except for
# strings PyYAML and libyaml treat differently (characters outside the BMP, controls, BOM, line
# separators, text ending in a line break, white space only) and empty keys: a document holding
# any of these is written by PyYAML. tests/importers/test_amending_dump.py compares the two.
_CDumper = None
if getattr(yaml, "__with_libyaml__", False):
    class _CDumper(yaml.CSafeDumper):  # type: ignore[no-redef]
        pass

    _CDumper.add_representer(str, _str)

_RISKY = re.compile("[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd]|\n$")


def _plain(value) -> bool:
    """Whether libyaml writes `value` exactly as PyYAML does (see above)."""
    if isinstance(value, str):
        return value == "" or (not _RISKY.search(value) and not value.isspace())
    if isinstance(value, dict):
        return all(isinstance(k, str) and k != "" and _plain(k) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, (bool, int))


def dump(doc: dict) -> str:
    """The amendment file: deterministic, block scalars for multi-line text."""
    head = ("# Imported from the official LexDania XML by `lawdiff import lexdania`; the format is\n"
            "# described in docs/format.md. Numre marked ikke_udført are kept verbatim and never executed.\n")
    text = yamlwrite.dump(doc)  # PyYAML's bytes written directly (~10x faster), or None
    if text is not None:
        return head + text
    dumper = _CDumper if _CDumper is not None and _plain(doc) else _Dumper
    return head + yaml.dump(doc, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100_000,
                            default_flow_style=False)


__all__ = ["read_amending", "read_amending_root", "read_amending_file", "dump", "official_text", "format_sentence"]


# --- linking to the store and writing amendments/ -----------------------------------

def _lbk_source(henvisning: str) -> str | None:
    """'lovbekendtgørelse nr. 731 af 15. juni 2010' -> 'LBK nr. 731 af 15/06/2010'."""
    m = re.match(r"^(lovbekendtgørelse|lov) nr\. (\d+) af (\d{1,2})\. (\w+) (\d{4})$", henvisning or "")
    if not m or m.group(4) not in MONTHS:
        return None
    kind = "LBK" if m.group(1) == "lovbekendtgørelse" else "LOV"
    return f"{kind} nr. {m.group(2)} af {int(m.group(3)):02d}/{MONTHS.index(m.group(4)) + 1:02d}/{m.group(5)}"


def link(doc: dict, store) -> list[str]:
    """Set `lov` (and `love`) for every ændringsparagraf whose amended act is in the store: the version
    the intro cites, else the newest version before the act's date. Returns messages for the others.

    The act is found by its title and by the document the intro cites ("jf. lovbekendtgørelse nr. 1139 af 24.
    september 2013": `Store.cited_by`, the law one of whose versions is that LBK or was consolidated from it). Another
    name of the stored law (changes.intro.act_names: the official popular title, "Retsplejeloven" for "lov om rettens
    pleje"; the short name in its title's parentheses) links only together with the cited document: LexDania gives one
    popular title to different laws (»Betalingsloven«: LBK 633/2010 and LBK 165/2013), so a popular title alone could
    link an act to the wrong law; the note names the candidate and what to do. Where the title or name and the cited
    document point to different laws, or a title to several, nothing is linked: the note says why (an amending act
    linked to the wrong law would be executed on it)."""
    titles = store.titles()
    names = store.names()
    notes = []
    for par in doc["paragraffer"]:
        title = par.get("lovtitel", "")
        want = _lbk_source(par.get("henvisning", ""))
        exact = titles.get(title, [])
        named = names.get(" ".join(title.split()).lower(), []) if title else []
        cited = store.cited_by(want) if want else []
        what = title or par.get("indledning", "")[:60]
        if cited and (exact or named) and not set(cited) & set(exact or named):
            notes.append(f"§ {par['nummer']}: {what} svarer til {', '.join(exact or named)} i lageret, men {want} er en "
                         f"version af {', '.join(cited)}; ikke koblet (kontrollér indledningen, og sæt lov: i filen)")
            continue
        if len(cited) == 1:
            laws = cited
        elif cited and exact:
            laws = [x for x in exact if x in cited]
        elif exact:
            laws = exact
        elif named:
            notes.append(f"§ {par['nummer']}: {what} kan være {', '.join(named)} i lageret (et andet navn for loven), men "
                         f"{par.get('henvisning') or 'den lov, indledningen henviser til,'} findes ikke i lageret; ikke "
                         f"koblet (importér den, eller sæt lov: i filen, hvis det er den lov)")
            continue
        else:
            laws = []
        if len(laws) != 1:
            notes.append(f"§ {par['nummer']}: {what} findes ikke i lageret (ikke en fejl)" if not laws else
                         f"§ {par['nummer']}: {what} svarer til flere love i lageret ({', '.join(laws)}); ikke koblet")
            continue
        law = laws[0]
        version = None
        if want:
            for v, _title, source in store.headers(law):
                if source == want:
                    version = v
        if version is None:
            older = [v for v in store.versions(law) if v <= doc["dato"]]
            if not older:
                notes.append(f"§ {par['nummer']}: {law} har ingen version før {doc['dato']}; ikke koblet")
                continue
            version = older[-1]
            notes.append(f"§ {par['nummer']}: {law}@{version} bruges; {par.get('henvisning', '')} findes ikke i lageret")
        if par.get("som_ændres"):  # "…, og som ændres ved det af Folketinget den … vedtagne forslag til lov …"
            notes.append(f"§ {par['nummer']}: indledningen bygger på {law}@{version}, som ændres {par['som_ændres']}; "
                         f"lovforslagets ændringer skal være udført, før denne paragraf udføres")
        attach(par, law)
        doc["love"][law] = f"{law}@{version}"
    return notes


def attach(par: dict, law: str) -> None:
    """Link an ændringsparagraf to the stored law `law`: its `lov`, written right after its `nummer`."""
    items = list(par.items())
    par.clear()
    for k, v in items:
        par[k] = v
        if k == "nummer":
            par["lov"] = law


def write(act: AmendingAct, root: str | Path, force: bool = False) -> Path:
    from ..store import atomic_write

    path = Path(root) / "amendments" / act.file_name
    if path.exists() and not force:
        raise MappingError(f"{path} findes allerede", file=str(path),
                           hint="brug --force for at erstatte den (håndrettelser i filen går tabt)")
    atomic_write(path, dump(act.doc).encode("utf-8"))
    return path
