"""The formal amendment text (ændringsbestemmelser) generated from an applied proposal.

Follows shared/reference/lovteknik.md §9: one ændringsparagraf per act with the
intro sentence (template 2), numre in the order of the law (R1) with the
formulae of templates 3-17, "der bliver" for units an earlier nummer moved (R3),
rykningsklausuler (R4, etapevis), »…« quotes (R6) and the final period rule (R7).
The builder only derives each change as amendment-format data (docs/format.md) from the
engine's result; the sentences are worded by the change kinds (lawdiff/changes: `format` of
each kind via `nummer.format_sentence`, `intro`, `rykning`), the functions that print
imported acts, so each formula has one home.
The result is a small model (`Lovforslag`) that the text, HTML and PDF renderers
all read; Bilag 1 ("Lovforslaget sammenholdt med gældende lov") is built from the
same model.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import address as addr
from .. import labels
from ..changes import annex, rykning
from ..changes.insert import default_noun
from ..changes.nummer import format_sentence
from ..engine import LawResult, Placement, Result, _index
from ..model import Act, Unit, ancestry
from ..proposal import Change
from ..importers.text import table_row
from ..text import count_punktum, norm
from ..validate import long_date
from .text import annex_lines, unit_lines

_CITE_WORD = {"subsection": "stk.", "paragraph": "nr.", "point": "litra"}


def _simple(num: str | None) -> bool:
    return bool(num) and (num.isdigit() or (len(num) == 1 and num.isalpha()))


def _source_date(act: Act) -> str:
    m = re.search(r"af (\d\d)/(\d\d)/(\d{4})", act.source)
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else act.date


def join_da(items: list[str]) -> str:
    """'a', 'a og b', 'a, b og c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " og " + items[-1]


def num_range(nums: list[str]) -> str:
    """Rykningsklausul numbers: one "N", two "N og M", three or more "N-M" (R4)."""
    if len(nums) == 1:
        return nums[0]
    if len(nums) == 2:
        return f"{nums[0]} og {nums[1]}"
    return f"{nums[0]}-{nums[-1]}"


@dataclass
class Nummer:
    n: int
    head: str  # the instruction sentence (ends with "." or ":")
    block: list[str] = field(default_factory=list)  # the quoted new text, one line per unit line
    block_period: bool = False  # "." after the closing »…«
    ryk: str | None = None  # the rykningsklausul
    change: Change | None = None
    targets: list[str] = field(default_factory=list)  # base wids (for Bilag 1)
    new_wids: list[str] = field(default_factory=list)
    section: str | None = None  # base wid of the § the nummer is in (Bilag 1 rows)
    also: list[Change] = field(default_factory=list)  # further changes worded in this nummer (grouped)
    data: dict | None = None  # the change in the amendment format (docs/format.md); None for a group
    clauses: list[dict] = field(default_factory=list)  # the data `head` is worded from (several in a group)

    def lines(self) -> list[str]:
        """The nummer as text lines, quotes and all."""
        out = [f"{self.n}. {self.head}"]
        if self.block:
            q = list(self.block)
            q[0] = "»" + q[0]
            q[-1] = q[-1] + "«" + ("." if self.block_period else "")
            out += q
        if self.ryk:
            out.append(self.ryk)
        return out


@dataclass
class Aendringsparagraf:
    n: int
    law: str
    act: Act
    intro: str
    numre: list[Nummer]


@dataclass
class Lovforslag:
    title: str
    subtitle: str
    paragraffer: list[Aendringsparagraf]
    ikraft: str | None = None
    annexes: list = field(default_factory=list)  # the proposal's own annexes (»bilag 1 til denne lov«)

    def annex_lines(self) -> list[list[str]]:
        """Each of the lovforslag's own annexes as lines, as they stand after its last §: label,
        heading lines, text (a table's rows as lines)."""
        return [annex_lines(a) for a in self.annexes]

    def text(self) -> str:
        out = ["Forslag", "til", self.title]
        if self.subtitle:
            out.append(f"({self.subtitle})")
        for p in self.paragraffer:
            out += ["", f"§ {p.n}", "", p.intro]
            for nr in p.numre:
                out.append("")
                out += nr.lines()
        if self.ikraft:
            out += ["", f"§ {len(self.paragraffer) + 1}", "", self.ikraft]
        for lines in self.annex_lines():
            out += ["", *lines]
        return "\n".join(out) + "\n"


# --- building ---------------------------------------------------------------

class _Law:
    """Facts about one act's base and result that the formulae need."""

    def __init__(self, lr: LawResult):
        self.lr = lr
        self.base_units, self.base_parents = _index(lr.base)
        self.new_units, self.new_parents = _index(lr.new)
        self.order: dict[str, int] = {}
        self.end: dict[str, int] = {}
        for i, u in enumerate(lr.base.walk()):
            self.order[u.wid] = i
        for u in lr.base.walk():
            self.end[u.wid] = max([self.order[u.wid]] + [self.order[d.wid] for d in u.walk()])
        self.pos: dict[tuple, float] = {}

    # -- citations --
    def chain(self, wid: str, side: str = "base") -> list[Unit]:
        units, parents = (self.base_units, self.base_parents) if side == "base" else (self.new_units, self.new_parents)
        return [x for x in ancestry(units[wid], parents) if x.is_provision]

    def cite(self, wid: str, pkt: int | None = None, side: str = "base") -> str:
        chain = self.chain(wid, side)
        parts = [u.cite() for u in chain]
        # "§ 42, 2. pkt." / "§ 15, nr. 3": stk. 1 is left out when it is the only stk.
        if len(chain) >= 2 and chain[1].kind == "subsection" and \
                len([c for c in chain[0].children if c.kind == "subsection"]) == 1:
            parts.pop(1)
        if pkt:
            parts.append(f"{pkt}. pkt.")
        return ", ".join(parts)

    def num_at(self, wid: str, here: float) -> str | None:
        """The number a base stk./nr./litra has after the numre placed before `here` (R3)."""
        u = self.base_units[wid]
        if u.kind not in ("subsection", "paragraph", "point"):
            return u.num
        parent = self.base_parents.get(wid)
        if parent is None or not (u.num or "").isdigit() and u.kind != "point":
            return u.num
        sibs = [c for c in parent.children if c.kind == u.kind]
        index = {c.wid: i for i, c in enumerate(sibs)}
        if any(not _simple(c.num) for c in sibs):
            return u.num
        delta = 0
        for q in self.lr.placements:
            if self.pos.get((q.change.item, q.change.index), here) >= here or q.offset:
                continue
            if q.what == "new" and q.targets and q.targets[0] == parent.wid and q.new_wids \
                    and self.new_units[q.new_wids[0]].kind == u.kind:
                point = index[q.anchor] + (0.5 if q.side == "efter" else -0.5) if q.anchor else len(sibs)
                if point < index[wid]:
                    delta += len(q.new_wids)
            elif q.what in ("repeal", "replace") and q.targets[0] in index and index[q.targets[0]] < index[wid]:
                delta += len(q.new_wids) - 1
        i = index[wid] + delta + 1
        return labels.for_position(u.kind, i)[0]

    def der_bliver(self, wid: str, pkt: int | None, here: float) -> str:
        """R3: ', der bliver stk. 5' when an earlier nummer moved the unit (or one above it)."""
        tail: list[str] = []
        for u in self.chain(wid):
            now = self.num_at(u.wid, here)
            if tail or now != u.num:
                tail.append(f"{_CITE_WORD[u.kind]} {now}" if u.kind != "section" else f"§ {now}")
        if not tail:
            return ""
        if pkt:
            tail.append(f"{pkt}. pkt.")
        return ", der bliver " + ", ".join(tail)

    # -- positions (R1: numre in the order of the law) --
    def position(self, p: Placement) -> float:
        c = p.change
        if p.what == "title" or (p.offset and p.offset[0] == "title"):
            return -2.0  # the title comes first, then "Overalt i loven …" (lovteknik §9.1, template 5)
        if c.get("overalt") and c.get("i") is None:
            return -1.0
        if p.what == "annex":  # the annexes stand after the law text, in their order
            return float(len(self.order)) + 1.0 + self.annex_rank(p)
        if p.what == "new" and p.anchor:
            return self.end[p.anchor] + 0.5 if p.side == "efter" else self.order[p.anchor] - 0.5
        if p.what == "new" and not p.offset:
            parent = p.targets[0]
            return (self.end[parent] + 0.5) if parent else float(len(self.order))
        wid = p.targets[0]
        if p.what == "heading":
            return self.order[wid] - 0.25
        if p.offset:
            part, block, start = p.offset
            if part == "heading":
                return self.order[wid] - 0.25
            base = self.order[wid] if part == "intro" else self.end[wid] + 0.25
            return base + min(0.2, (block * 10_000 + start) / 1e9)
        return float(self.order[wid])


    def annex_rank(self, p: Placement) -> float:
        """Where an annex change stands among the annex changes: by the number of the annex it
        names (changes/annex.py's order: "2" < "2 a" < "3"), as a fraction below 1."""
        from ..changes.annex import _order

        nums = sorted({t.removeprefix("bilag ") for q in self.lr.placements if q.what == "annex" for t in q.targets},
                      key=_order)
        return nums.index(p.targets[0].removeprefix("bilag ")) / (len(nums) + 1) if p.targets else 0.0


def heading_place(unit: Unit, parents: dict | None = None) -> str:
    """How an amending act cites a heading: "overskriften til kapitel 3" (a chapter's or part's),
    "overskriften før § 19" (a mellemrubrik, by the first § under it), "overskriften til første bog, femte
    afsnit" (retsplejeloven's parts, by their book; `parents`: wid -> parent)."""
    if unit.kind in ("part", "book") and not unit.num and labels.ordinal_container(unit.label):
        book = (parents or {}).get(unit.wid) if unit.kind == "part" else None
        while book is not None and book.kind != "book":
            book = (parents or {}).get(book.wid)
        return "overskriften til " + (f"{book.cite()}, " if book is not None else "") + unit.cite()
    if unit.kind == "chapter":
        return f"overskriften til kapitel {unit.num}"
    if unit.kind == "part":
        return f"overskriften til afsnit {unit.num}"
    first = next((s for s in unit.walk() if s.kind == "section"), None)
    return f"overskriften før § {first.num}"


def join_citations(cites: list[str]) -> str:
    """Several addresses as an amending act joins them: "§ 50, stk. 3, og § 52, stk. 2" (a comma
    before "og" after an address of several parts), "§§ 16 og 17" (bare §§)."""
    if len(cites) > 1 and all(re.fullmatch(r"§ [^,]+", c) for c in cites):
        return "§§ " + join_da([c[2:] for c in cites])
    out = cites[0]
    for i, c in enumerate(cites[1:], 1):
        last = i == len(cites) - 1
        out += (", og " if "," in cites[i - 1] else " og ") if last else ", "
        out += c
    return out


def _needs_comma(t: str) -> bool:
    """A comma closes a citation whose last address has several parts: "I § 68 a, stk. 4, ændres",
    "I § 50, stk. 3, og § 52, stk. 2, ændres", but "I § 42 ændres", "I § 5, stk. 2, og § 7 ændres",
    "I §§ 16 og 17 ændres"."""
    i = t.rfind("§")
    if i > 0 and t[i - 1] == "§":
        return False
    return "," in t[i:] if i >= 0 else "," in t


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _block_of(unit: Unit) -> list[str]:
    return [ln.strip() for ln in unit_lines(unit)]


def _needs_period(block: list[str], ryk: str | None) -> bool:
    last = block[-1].rstrip() if block else ""
    if last.endswith("."):
        return False
    return ryk is None  # a fragment ("…, og") gets "." after «, unless a rykningsklausul follows


class _Builder:
    def __init__(self, law: _Law):
        self.law = law

    def nummer(self, p: Placement, n: int) -> Nummer:
        c = p.change
        here = self.law.pos[(c.item, c.index)]
        method = getattr(self, f"_{p.what}")
        nr = method(p, here)
        nr.clauses = [nr.data]
        nr.head = format_sentence(nr.clauses)
        nr.n, nr.change, nr.targets = n, c, list(p.targets)
        nr.section = self._section_of(p)
        return nr

    def _section_of(self, p: Placement) -> str | None:
        wid = p.anchor if (p.what == "new" and p.anchor) else (p.targets[0] if p.targets else None)
        while wid:
            u = self.law.base_units.get(wid)
            if u is None:
                return None
            if u.kind == "section":
                return wid
            parent = self.law.base_parents.get(wid)
            wid = parent.wid if parent is not None else None
        return None

    def _data(self, key: str, wid: str, pkt: int | None, here: float, **more) -> dict:
        """A unit's citation as amendment-format data (`der_bliver` apart), for wording it in a group."""
        d = self.law.der_bliver(wid, pkt, here)
        return {key: self.law.cite(wid, pkt), **({"der_bliver": d[len(", der bliver "):]} if d else {}), **more}

    def _cited(self, c: Change, key: str, here: float) -> list[tuple[str, str, str, int | None]]:
        """Each address of the change's citation `key`: (citation, ", der bliver …", wid, pkt); a
        heading or the title as (its citation, "", wid or "", None)."""
        out = []
        for cited in addr.parse_citation(str(c.get(key))):
            if cited.special == "lovens titel":
                out.append(("lovens titel", "", "", None))
                continue
            if cited.special and cited.special.startswith(("overskriften", "mellemrubrikken")):
                unit = self._heading_unit(c, str(cited), key)
                out.append((heading_place(unit, self.law.base_parents), "", unit.wid, None))
                continue
            if cited.special:
                raise c.error(f"»{cited}« kan ikke skrives i et lovforslag fra lawdiff", key)
            t = addr.resolve(self.law.lr.base, cited.address)  # (t.address: "sidste pkt." by its number)
            for u in t.units:
                out.append((self.law.cite(u.wid, t.address.pkt), self.law.der_bliver(u.wid, t.address.pkt, here),
                            u.wid, t.address.pkt))
        return out

    def _heading_unit(self, c: Change, text: str, key: str) -> Unit:
        """The base unit whose heading `text` cites, read as the engine reads it (one reader)."""
        from ..engine import _Applier
        if getattr(self, "_reader", None) is None:
            self._reader = _Applier(self.law.lr.law, self.law.lr.base)  # copies the act once per build
        return self._reader.special(c, text, key)[1]

    def _citation(self, c: Change, key: str, here: float) -> tuple[str, dict]:
        """The citation of the change's `key` as printed (with any "der bliver"), and the same as
        amendment-format data: {key: citation, der_bliver: …} (several addresses keep theirs inline)."""
        cited = self._cited(c, key, here)
        if len(cited) == 1:
            a, d = cited[0][0], cited[0][1]
            return a + d, {key: a, **({"der_bliver": d[len(", der bliver "):]} if d else {})}
        t = join_citations([a + d for a, d, _w, _p in cited])
        return t, {key: t}

    # Every method below gives the change as amendment-format data (docs/format.md): the placement
    # kind, the addresses as the act stood before the proposal (with "der bliver" where an earlier
    # nummer moved them), the new text. `nummer` words it with the kinds' functions
    # (lawdiff/changes, `format_sentence`), the ones that print imported acts: the builder has no
    # wording of its own.

    # -- changes of words (templates 3-7) --
    def _words(self, p: Placement, here: float) -> Nummer:
        c = p.change
        verb = c.verb
        if verb in ("affattes", "ophæves", "ny"):  # a punktum rewritten, repealed or inserted
            return self._pkt(p, here)
        data: dict = {k: c.get(k) for k in ("ændres", "til", "udgår", "indsættes_efter", "indsættes_før", "tekst")
                      if k in c.data}
        if c.get("overalt") and c.get("i") is not None:
            # "Overalt i § 22 a ændres …" (lov 644/2016, "Overalt i kapitel 8 a" lov 1575/2015)
            data.update(self._citation(c, "i", here)[1], overalt=True)
        elif c.get("overalt"):
            data["overalt"] = True
            if c.get("bortset_fra"):
                # "Overalt i loven bortset fra § 1, stk. 3, ændres …" (lov 362/2013; the corpus never
                # sets "bortset fra" off with a comma before it)
                skip = join_citations([a for a, *_ in self._cited(c, "bortset_fra", here)])
                data["bortset_fra"] = skip
                data["bortset_form"] = "||" + ("," if _needs_comma(skip) else "")
        else:
            data.update(self._citation(c, "i", here)[1])
            if c.get("forekomst"):
                # the only wording the 2010-2017 acts use for one occurrence of several: "… første gang,"
                # (lov 627/2016: "§ 55, 2. pkt. og 3. pkt. første gang"); no act names a later one
                if c.get("forekomst") != 1:
                    raise c.error(f"»forekomst: {c.get('forekomst')}« kan ikke skrives, som en ændringslov skriver det",
                                  "forekomst", hint="citér flere af ordene omkring, så citatet står ét sted "
                                                    "(ændringslove skriver kun »første gang«)")
                data["forekomst"] = 1
            elif (c.get("antal") or 1) > 1:
                data["antal"] = c.get("antal")
                if c.get("i_alt") and len(addr.parse_citation(data.get("i") or "")) > 1:
                    # "I §§ 3 og 4 ændres i alt tre steder »…« til: »…«." (lov 724/2010 § 14, nr. 2): the sum
                    data.update(i_alt=True, antal_efter_verbum=True)
        return Nummer(0, "", data=data)

    def _pkt(self, p: Placement, here: float) -> Nummer:
        c = p.change
        if c.verb == "ny":
            wid = p.targets[0]
            data = self._data("i", wid, None, here, ny="pkt")
            if p.side in ("før", "efter"):
                k = re.match(r"\s*(\d+)", str(c.get(p.side))).group(1)
                data[p.side] = f"{k}. pkt."
            else:
                # the new text's own punktummer end the unit: "som 2. og 3. pkt." for two (it said
                # "som 3. pkt." for »Første. Anden.« after one punktum)
                last = len(addr.punktum_spans(self.law.new_units[wid]))  # one count with the engine and `show`
                count = max(1, count_punktum([norm(c.get("tekst"))]))
                data["som"] = join_da([f"{k}." for k in range(last - count + 1, last + 1)]) + " pkt."
            data["tekst"] = norm(c.get("tekst"))
            return Nummer(0, "", [data["tekst"]], data=data)
        key = "affattes" if c.verb == "affattes" else "ophæves"
        data = {**self._citation(c, key, here)[1], **({"tekst": norm(c.get("tekst"))} if "tekst" in c.data else {})}
        # "… ophæves, og i stedet indsættes:" when the engine replaces the punktum (template 10)
        return Nummer(0, "", [data["tekst"]] if "tekst" in data else [], data=data)

    # -- nyaffattelse (template 8) --
    def _rewrite(self, p: Placement, here: float) -> Nummer:
        wid = p.targets[0]
        block = _block_of(self.law.new_units[wid])
        return Nummer(0, "", block, _needs_period(block, None),
                      data=self._data("affattes", wid, None, here, tekst="\n".join(block)))

    # -- ophævelse (template 9) --
    def _repeal(self, p: Placement, here: float) -> Nummer:
        c = p.change
        wids = p.targets
        cited = addr.parse_citation(str(c.get("ophæves")))
        if len(cited) > 1:
            # "§§ 2, 3 og 5 og § 7, stk. 3, ophæves." — only where no stk., nr. or litra moves
            # (lovteknik §1.7: the group form presupposes that no rykning occurs)
            for w in wids:
                if self._ryk(Placement(c, "repeal", [w])):
                    raise c.error(f"{self.law.cite(w)} ophæves sammen med andre enheder, men de følgende rykker op",
                                  "ophæves", hint="ophæv den i en ændring for sig, så lovforslaget kan angive "
                                                  "rykningen (»Stk. … bliver herefter stk. …«)")
            return Nummer(0, "", data=self._citation(c, "ophæves", here)[1])
        if len(wids) > 1:
            nums = [self.law.base_units[w].num for w in wids]
            data = {"ophæves": f"§§ {nums[0]}-{nums[-1]}"}
        elif self.law.base_units[wids[0]].kind in ("book", "part", "chapter"):
            # "Kapitel 12 ophæves.", "Tredje bog, sjette afsnit, ophæves." (lov 594/2011 § 81, nr. 12): a chapter or
            # part is no provision, and the citation chain of one is empty
            u = self.law.base_units[wids[0]]
            if u.num:
                data = {"ophæves": u.cite()}
            elif u.kind == "part" and labels.ordinal_container(u.label):
                place = heading_place(u, self.law.base_parents).removeprefix("overskriften til ")
                if "bog, " not in place:
                    raise c.error(f"lovforslaget kan ikke citere {u.cite()} uden dens bog", "ophæves")
                data = {"ophæves": place, "bog": True}
            else:
                raise c.error(f"lovforslaget kan ikke citere {u.cite()}, som ikke har et nummer", "ophæves")
        else:
            data = self._data("ophæves", wids[0], None, here)
        return Nummer(0, "", ryk=self._ryk(p), data=data)

    # -- ophævelse og i stedet (template 10) --
    def _replace(self, p: Placement, here: float) -> Nummer:
        block = [ln for w in p.new_wids for ln in _block_of(self.law.new_units[w])]
        ryk = self._ryk(p)
        return Nummer(0, "", block, _needs_period(block, ryk), ryk, new_wids=list(p.new_wids),
                      data=self._data("ophæves", p.targets[0], None, here, tekst="\n".join(block)))

    # -- headings (template 17) --
    def _heading(self, p: Placement, here: float) -> Nummer:
        unit = self.law.base_units[p.targets[0]]
        new = self.law.new_units[p.targets[0]]
        where = heading_place(unit, self.law.base_parents)
        if new.heading is None:  # "Overskriften før § 10 ophæves." (lovteknik §1.7)
            return Nummer(0, "", data={"ophæves": where})
        if unit.kind == "chapter" and unit.num and (new.num or "") != unit.num:
            # a chapter renumbered (changes/chapterlabel.py): "Kapitelbetegnelsen »Kapitel 5 a« ændres til: »Kapitel 5 b«."
            if unit.heading is not None and new.heading.text != unit.heading.text:
                raise p.change.error(f"kapitel {unit.num} får både ny betegnelse og ny overskrift; det kan ikke skrives "
                                     "i ét nummer", "til", hint="skriv overskriften i en ændring for sig")
            return Nummer(0, "", data={"i": f"kapitel {unit.num}", "ændres": norm(unit.label or ""),
                                       "til": norm(new.label or ""), "kapitelbetegnelsen": True})
        if unit.kind in ("part", "book") and not unit.num and labels.ordinal_container(unit.label):
            # "Overskriften til første bog, femte afsnit, affattes således: »Femte afsnit. Politiet«" (lov 404/2010)
            block = [f"{norm(new.label or '')} {new.heading.text}"]
            return Nummer(0, "", block, _needs_period(block, None),
                          data={"affattes": where, "tekst": block[0], "bog": True})
        block = [f"Kapitel {new.num}", new.heading.text] if unit.kind == "chapter" else [new.heading.text]
        return Nummer(0, "", block, _needs_period(block, None), data={"affattes": where, "tekst": "\n".join(block)})

    # -- the act's title: "Lovens titel affattes således:" (lovteknik §1.6; 50 acts of 2010-2017) --
    def _title(self, p: Placement, here: float) -> Nummer:
        c = p.change
        if c.verb not in ("affattes", "overskrift"):
            raise c.error("kun en nyaffattelse af lovens titel kan skrives i et lovforslag fra lawdiff", c.verb)
        block = [_cap(self.law.lr.new.title)]
        return Nummer(0, "", block, _needs_period(block, None), data={"affattes": "lovens titel", "tekst": block[0]})

    # -- new units (templates 11-16) --
    def _new(self, p: Placement, here: float) -> Nummer:
        if p.offset:
            return self._pkt(p, here)
        unit = self.law.new_units[p.new_wids[0]]
        if unit.kind == "group":
            # a new mellemrubrik: "Før § 99 indsættes som ny overskrift:" (lov 557/2012, § 1, nr. 60;
            # five acts of 2010-2017 word it so; the engine places it before that §)
            anchor = self.law.base_units[p.anchor]
            block = [unit.heading.text]
            return Nummer(0, "", block, _needs_period(block, None), new_wids=list(p.new_wids),
                          data={"ny": "overskrift", "før": f"§ {anchor.num}", "tekst": block[0]})
        if unit.kind == "chapter" and p.change.get("ny") == "overskrift" and p.anchor and p.side in ("efter", "før"):
            # a new chapter heading between §§ (changes/heading._new_chapter_heading): the §§ under it were the law's
            # and stay so; "Efter § 56 a indsættes som ny overskrift: »Kapitel 13 a / …«" (lov 1882/2015 § 1, nr. 7).
            # (It printed "Efter kapitel 12 b indsættes: »Kapitel 12 c / … / § 68 f. …«", new §§ the law has.)
            block = [f"Kapitel {unit.num}", unit.heading.text if unit.heading else ""]
            return Nummer(0, "", block, _needs_period(block, None), new_wids=list(p.new_wids),
                          data={"ny": "overskrift", p.side: f"§ {self.law.base_units[p.anchor].num}",
                                "tekst": "\n".join(block)})
        if unit.kind in ("section", "chapter", "part"):
            return self._new_top(p, unit)
        # every unit the change inserts: a `tekst` of two lines is two new stk. ("som nye stykker:"),
        # and the lovforslag must quote both (it quoted the first only, beside a rykning that
        # counted both)
        units = [self.law.new_units[w] for w in p.new_wids]
        kind, word = {"subsection": ("stk", "stk."), "paragraph": ("nr", "nr."), "point": ("litra", "litra")}[unit.kind]
        block = [ln for u in units for ln in _block_of(u)]
        data = self._data("i", p.targets[0], None, here, ny=kind)
        ryk = self._ryk(p)
        if p.side in ("efter", "før"):
            data[p.side] = f"{word} {self.law.base_units[p.anchor].num}"
            # the anchor's own new number only: the unit it stands in carries its own "der bliver" ("I § 21 f,
            # stk. 3, der bliver stk. 4, indsættes efter nr. 1 som nyt nummer:"; it printed "efter nr. 1, der
            # bliver stk. 4, nr. 1", which names a place the anchor never moves to)
            now = self.law.num_at(p.anchor, here)
            if now != self.law.base_units[p.anchor].num:
                data["anker_der_bliver"] = f"{word} {now}"
        else:
            data["som"] = f"{word} {join_da([u.num for u in units])}"
            ryk = None
        data["tekst"] = "\n".join(block)
        if p.side in ("efter", "før"):
            # the noun counts the units inserted ("som nyt stykke" / "som nye stykker"); `betegnelse`
            # says so where counting the lines of the text would not
            noun = ({"stk": ("nyt stykke", "nye stykker"), "nr": ("nyt nummer", "nye numre"),
                     "litra": ("nyt litra", "nye litraer")}[kind])[len(units) > 1]
            if default_noun(data) != noun:
                data["betegnelse"] = noun
        return Nummer(0, "", block, _needs_period(block, ryk), ryk, new_wids=list(p.new_wids), data=data)

    def _new_top(self, p: Placement, unit: Unit) -> Nummer:
        c = p.change
        anchor = self.law.base_units.get(p.anchor) if p.anchor else None
        # the unit just before the new one in the result: a new § 141 b follows a new § 141 a
        parent = self.law.new_parents.get(unit.wid)
        sibs = parent.children if parent is not None else self.law.lr.new.body
        i = sibs.index(unit)
        before = sibs[i - 1] if i > 0 else None
        after = sibs[i + 1] if i + 1 < len(sibs) else None
        if unit.kind == "section":
            block = _block_of(unit)
            if p.side == "før" and anchor is not None:
                data = {"ny": "paragraf", "før": f"§ {anchor.num}"}
            else:
                prev = before if before is not None and before.kind == "section" else anchor
                data = {"ny": "paragraf", "efter": f"§ {prev.num}"}
                # the last § of a chapter: say which chapter the new § goes in (lovteknik §1.8)
                base_after = [x for x in sibs[i + 1:] if x.wid in self.law.base_units]
                if not base_after and parent is not None and parent.kind == "chapter":
                    data["placering"] = f"i kapitel {parent.num}"
        elif unit.kind == "part" and not unit.num and labels.ordinal_container(unit.label):
            # "Efter § 117 indsættes: »Sjette afsnit. Den Uafhængige Politiklagemyndighed / Kapitel 11 a / § 118.
            # …«" (lov 404/2010 § 1, nr. 2; changes/insert._new_part): the label and heading on one line
            block = [" ".join(x for x in (norm(unit.label or ""), unit.heading.text if unit.heading else "") if x)]
            for ch in unit.children:
                block += _block_of(ch)
            last = next((s for s in reversed(list(before.walk())) if s.kind == "section"), None) \
                if before is not None else None
            first = next((s for s in unit.walk() if s.kind == "section"), None)
            if last is None or first is None:
                raise c.error(f"lovforslaget kan ikke sige, hvor {unit.cite()} indsættes", c.verb)
            data = {"ny": "paragraf", "nummer": first.num, "efter": f"§ {last.num}"}
        else:
            noun, word = ("kapitel", "Kapitel") if unit.kind == "chapter" else ("afsnit", "Afsnit")
            block = [f"{word} {unit.num}", unit.heading.text if unit.heading else ""]
            for ch in unit.children:
                block += _block_of(ch)
            # the unit before the new one; the anchor only when the new one goes after it (a new
            # chapter first in its part, placed before the anchor, follows no unit)
            prev = before if before is not None else (anchor if p.side != "før" else None)
            if prev is not None and prev.kind in ("chapter", "part"):
                data = {"ny": noun, "efter": prev.cite()}
            else:
                # "Efter § 25 indsættes før afsnit IV:" (lov 1380/2012, § 2, nr. 4)
                last = anchor if anchor is not None and anchor.kind == "section" and p.side != "før" else None
                if last is None and prev is not None:
                    last = next((s for s in reversed(list(prev.walk())) if s.kind == "section"), None)
                nxt = after if after is not None and after.kind in ("chapter", "part") else None
                if last is not None:
                    data = {"ny": noun, "efter": f"§ {last.num}", **({"placering": f"før {nxt.cite()}"} if nxt else {})}
                elif nxt is not None:
                    data = {"ny": noun, "før": nxt.cite()}  # "Før kapitel 1 indsættes:"
                elif anchor is not None:
                    data = {"ny": noun, "før": f"§ {anchor.num}" if anchor.kind == "section" else anchor.cite()}
                else:
                    raise c.error(f"lovforslaget kan ikke sige, hvor {noun} {unit.num} indsættes",
                                  c.verb, hint="angiv »efter« eller »før« en paragraf eller et kapitel")
        data["tekst"] = "\n".join(block)
        return Nummer(0, "", block, _needs_period(block, None), new_wids=list(p.new_wids), data=data)

    def _annex(self, p: Placement, here: float) -> Nummer:
        """A change of an annex (changes/annex.py), worded from the proposal's own data: "Bilag 2
        affattes som bilag 1 til denne lov.", "Som bilag 3 indsættes bilag 1 til denne lov.", "Bilag 2
        ophæves.", "I bilag 1 ændres »…« til: »…«." The new annex text is the proposal's own annex,
        printed after the lovforslag (Lovforslag.annexes)."""
        data = {k: v for k, v in p.change.data.items() if not k.startswith("_") and k != "lov"}
        return Nummer(0, "", [], data=data)

    # -- rykningsklausul (R4, etapevis) --
    def _ryk(self, p: Placement) -> str | None:
        law = self.law
        if p.what == "new":
            kind = law.new_units[p.new_wids[0]].kind
            parent = p.targets[0]
        else:
            u = law.base_units[p.targets[0]]
            kind = u.kind
            parent = law.base_parents[u.wid].wid if law.base_parents.get(u.wid) is not None else None
        if kind not in ("subsection", "paragraph", "point") or not parent:
            return None
        sibs = [c for c in law.base_units[parent].children if c.kind == kind]
        index = {c.wid: i for i, c in enumerate(sibs)}

        def point(q: Placement) -> float:
            if q.what == "new":
                if q.side == "efter":
                    return index[q.anchor] + 0.5
                if q.side == "før":
                    return index[q.anchor] - 0.5
                return len(sibs) + 0.5
            return float(index[q.targets[0]])

        same = [q for q in law.lr.placements if q.what in ("new", "repeal", "replace") and not q.offset
                and ((q.what == "new" and q.targets[0] == parent and law.new_units[q.new_wids[0]].kind == kind)
                     or (q.what in ("repeal", "replace") and q.targets[0] in index))]
        here = point(p)
        later = sorted(point(q) for q in same if point(q) > here)
        stop = later[0] if later else float("inf")
        old, new = [], []
        for c in sibs:
            i = index[c.wid]
            if here < i < stop and c.wid in law.new_units and law.new_units[c.wid].num != c.num:
                old.append(c.num)
                new.append(law.new_units[c.wid].num)
        if not old:
            return None
        # worded by changes/rykning.py, as the rykningsklausuler of imported acts
        return rykning.format({"enhed": {"subsection": "stk", "paragraph": "nr", "point": "litra"}[kind],
                               "fra": num_range(old), "til": num_range(new)})


def intro(act: Act, count: int) -> str:
    """Template 2: the sentence that opens an ændringsparagraf, worded by changes/intro.py from the
    data an imported act carries (lovtitel, henvisning, ental)."""
    from ..changes import intro as intro_mod

    word = "lovbekendtgørelse" if act.doc_type == "lbk" else "lov"
    return intro_mod.format({"lovtitel": act.title,
                             "henvisning": f"{word} nr. {act.number} af {long_date(_source_date(act))}",
                             **({"ental": True} if count == 1 else {})})


def _group_new_sections(law: _Law, ordered: list[Placement], numre: list[Nummer]) -> list[Nummer]:
    """Consecutive new §§ in one nummer, as a ministry writes them (lovteknik §9.1, template 11):
    "Efter § 141 indsættes: »§ 141 a. … § 141 b. …«" instead of "Efter § 141 a indsættes:"."""
    def new_section(p: Placement) -> bool:
        return p.what == "new" and bool(p.new_wids) and not p.offset \
            and law.new_units[p.new_wids[0]].kind == "section"

    def siblings(wid: str) -> list[Unit]:
        parent = law.new_parents.get(wid)
        return parent.children if parent is not None else law.lr.new.body

    out: list[Nummer] = []
    last: Placement | None = None
    for p, nr in zip(ordered, numre):
        if last is not None and new_section(p) and new_section(last) and not out[-1].ryk:
            sibs = siblings(last.new_wids[-1])
            here = [u.wid for u in sibs]
            if p.new_wids[0] in here and last.new_wids[-1] in here \
                    and here.index(p.new_wids[0]) == here.index(last.new_wids[-1]) + 1:
                prev = out[-1]
                prev.block += nr.block
                prev.block_period = nr.block_period
                prev.new_wids += nr.new_wids
                prev.data["tekst"] += "\n" + nr.data["tekst"]  # the head names the first § only
                prev.also.append(p.change)
                last = Placement(last.change, last.what, last.targets, last.anchor, last.side,
                                 last.new_wids + p.new_wids)
                continue
        out.append(nr)
        last = p
    for n, nr in enumerate(out, 1):
        nr.n = n
    return out


_WORD_VERBS = ("ændres", "udgår", "indsættes_efter", "indsættes_før")


def _group_key(nr: Nummer):
    c = nr.change
    g = getattr(c, "group", None) if c is not None else None
    return None if g is None else (c.law, c.item, g)


def _merge_groups(numre: list[Nummer]) -> list[Nummer]:
    """A hand-written nummer group (`ændringer:` inside a forslag, docs/format.md) is one nummer: its
    clauses are worded by the kinds' functions that print the real acts (lawdiff/changes), the way
    lovteknik §9.1 template 3 and the acts join them: "I § 15, nr. 3, ændres »a« til: »b«, og »c«
    ændres til: »d«." (the same place is not repeated), "I § 5, stk. 2, 1. pkt., ændres »a« til:
    »b«, og 2. pkt. ophæves." (a later place is cited from the one before it)."""
    from ..changes.common import place, relative

    out: list[Nummer] = []
    i = 0
    while i < len(numre):
        key = _group_key(numre[i])
        j = i + 1
        while key is not None and j < len(numre) and _group_key(numre[j]) == key:
            j += 1
        members = numre[i:j]
        i = j
        if len(members) == 1:
            out.append(members[0])
            continue
        # lovteknik §9.2 R2: one nummer only for changes in the same paragraf, and only where no
        # earlier nummer has moved a target (then "der bliver" would be needed: split instead)
        secs = {m.section if m.section is not None or not annex.handles(m.change) else tuple(m.targets)
                for m in members}  # an annex's changes: the same annex
        if None in secs or len(secs) > 1:
            c = members[1].change
            raise c.error("ændringerne i en gruppe skal stå i samme paragraf (lovteknik R2)", c.verb,
                          hint="skriv dem som ændringer for sig, eller som én ændring med flere adresser "
                               "(i: \"§ 5 og § 7\"), hvis det er den samme ændring")
        for m in members:
            if "ny" in m.data or "forekomst" in m.data:
                continue  # refused below: no group wording
            if "der_bliver" in m.data or any(" der bliver " in str(m.data.get(k, "")) for k in ("i", "ophæves", "affattes")):
                raise m.change.error("en gruppe kan ikke ændre en enhed, som et tidligere nummer har flyttet "
                                     "(lovteknik R2)", m.change.verb,
                                     hint="skriv ændringen for sig; lovforslaget siger da »der bliver …«")
        datas: list[dict] = []
        for k, nr in enumerate(members):
            if "ny" in nr.data or "forekomst" in nr.data:
                # no act of 2010-2017 joins a new unit or "første gang" to other changes in one
                # sentence in a way lawdiff has checked: refused rather than worded unchecked
                raise nr.change.error("ændringen kan ikke skrives sammen med andre i én gruppe", nr.change.verb,
                                      hint="skriv den som en ændring for sig (uden for »ændringer:«)")
            if nr.block and k < len(members) - 1:
                raise nr.change.error("i en gruppe kan kun den sidste ændring have ny tekst efter kolon",
                                      nr.change.verb, hint="flyt ændringen sidst i gruppen")
            d = dict(nr.data)
            if datas:
                pd = datas[-1]
                here, there = place(d), place(pd)
                if any(v in d for v in _WORD_VERBS) and any(v in pd for v in _WORD_VERBS) and here == there \
                        and d.get("overalt") == pd.get("overalt") and d.get("bortset_fra") == pd.get("bortset_fra") \
                        and not d.get("antal") and not pd.get("antal"):
                    d["samme_sted"] = True
                elif here and there and " bliver " not in here + there and here.startswith("§") \
                        and there.startswith("§") and relative(here, there) != here:
                    d["forkortet"] = True
            datas.append(d)
        head = format_sentence(datas)
        last = members[-1]
        ryks = [m.ryk for m in members if m.ryk]
        merged = Nummer(0, head, list(last.block), last.block_period, " ".join(ryks) or None, members[0].change,
                        [w for m in members for w in m.targets], [w for m in members for w in m.new_wids],
                        members[0].section, [*members[0].also, *(x for m in members[1:] for x in [m.change, *m.also])],
                        clauses=datas)
        out.append(merged)
    for n, nr in enumerate(out, 1):
        nr.n = n
    return out


def build_lovforslag(result: Result) -> Lovforslag:
    """The lovforslag of an applied proposal: one ændringsparagraf per act, in the order of `love`."""
    prop = result.proposal
    paragraffer = []
    titles = []
    for law_name, lr in result.laws.items():
        law = _Law(lr)
        for p in lr.placements:
            law.pos[(p.change.item, p.change.index)] = law.position(p)
        # a hand-written group is one nummer: it stands where its first change would stand
        first: dict = {}
        for p in lr.placements:
            g = getattr(p.change, "group", None)
            if g is not None:
                k = (p.change.item, g)
                first[k] = min(first.get(k, float("inf")), law.pos[(p.change.item, p.change.index)])
        for p in lr.placements:
            g = getattr(p.change, "group", None)
            if g is not None:
                law.pos[(p.change.item, p.change.index)] = first[(p.change.item, g)]
        ordered = sorted(lr.placements, key=lambda p: (law.pos[(p.change.item, p.change.index)],
                                                       p.change.item, p.change.index))
        b = _Builder(law)
        numre = _merge_groups(_group_new_sections(law, ordered, [b.nummer(p, n) for n, p in enumerate(ordered, 1)]))
        if not numre:
            continue
        paragraffer.append(Aendringsparagraf(len(paragraffer) + 1, law_name, lr.base, intro(lr.base, len(numre)),
                                             numre))
        titles.append(lr.base.title)
    title = "Lov om ændring af " + join_da(titles) if titles else prop.title
    ikraft = f"Loven træder i kraft den {long_date(prop.ikraft)}." if prop.ikraft else None
    return Lovforslag(title, prop.subtitle, paragraffer, ikraft, list(prop.annexes))


# --- an imported amending act (amendments/lov-YYYY-NNN.yaml), printed without the store -----------

def _sentences(changes: list[dict]) -> list[list[dict]]:
    out: list[list[dict]] = []
    for ch in changes:
        if not out or ch.get("ny_sætning"):
            out.append([])
        out[-1].append(ch)
    return out


def nummer_lines(entry: dict) -> list[str]:
    """One nummer as printed: "N. " + its sentence(s), quoted new text, rykningsklausul.

    The sentences are worded from the change data by the kinds' own functions
    (lawdiff/changes); only a nummer marked ikke_udført is printed verbatim.
    """
    if "ikke_udført" in entry:
        return [entry["ikke_udført"]["tekst"]]
    lines: list[str] = []
    for k, sentence in enumerate(_sentences(entry["ændringer"])):
        s = format_sentence(sentence)
        label = entry["nummer"] + ("" if entry.get("uden_punktum") else ".")
        lines.append(f"{label} {s}" if k == 0 else s)
        last = sentence[-1]
        if s.endswith(":") and "tekst" in last:
            # a table row "| a | b |" prints as its cells' text, as Lovtidende's flowed text reads
            block = [" ".join(c for c in cells if c) if (cells := table_row(ln)) is not None else ln
                     for ln in str(last["tekst"]).split("\n")]
            block[0] = "»" + block[0]
            block[-1] = block[-1] + "«" + ("." if last.get("punktum_efter") else "")
            lines += block
    if entry.get("rykning"):
        for r in re.split(r"(?<=\.) (?=(?:Stk|Nr|Litra)\b)", entry["rykning"]):
            d = rykning.read(r)
            lines.append(rykning.format(d) if d else r)
    return lines


def amendment_lines(doc: dict) -> list[str]:
    """A whole imported act: title, ændringsparagraffer with intros and numre, the other §§."""
    from ..changes import intro as intro_mod

    out = [doc["titel"]]
    if doc.get("undertitel"):
        out.append(f"({doc['undertitel']})")
    for par in doc.get("paragraffer", []):
        out += ["", f"§ {par['nummer']}", ""]
        if par.get("overskrift"):  # the ministry's heading above the ændringsparagraf
            out += [par["overskrift"], ""]
        if "indledning" in par:
            out.append(par["indledning"])
        elif "lovtitel" in par:
            out.append(intro_mod.format(par))
        for entry in par["numre"]:
            out.append("")
            out += nummer_lines(entry)
    for other in doc.get("øvrige", []):
        out.append("")
        out += str(other["tekst"]).split("\n")
    return out
