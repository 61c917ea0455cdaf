"""The applier: applies the changes of one act to a working copy of it, with a log of who changed what.

`_Applier` is the machinery every kind of change uses (and still, below, the kinds' execution): resolving an address in the act before the proposal (`resolve`), the unit in
the working copy (`live`, `place`), headings, the title and annexes (`special`, `heading_unit`), the
lines and punktummer a change may touch (`scope`, `find`, `pkt_span`), edits of words (`add_edit`),
new text read into units (`parse_unit`, `parse_body`), renumbering (`renumber`, `som`), the
structure around new §§ (`group`, `lift_headings`, `chapters_after`, `free_section_number`), the
checks of untouched units (`check_untouched`), and its record: `r` (the LawResult), `units`/
`parents` (the working copy, by wid), `base_units`/`base_parents` (the act before the proposal),
`touch`. The rykningsklausul and "der bliver" checks are in rykning.py, the search for words in
find.py, the reference warnings of `finish` in refscan.py.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .. import address as addr
from .. import labels
from ..changes.log import TITLE_KEY, Edit, LineKey, Placement, change_id
from ..changes.tree import (_BILAG, _HEADING_OF, _KIND_OF, _PUNCT_START, _TITLE, _TITLE_NOTE, _apply_edits, _body,
                            _der_groups, _is_placeholder, _is_repealed_container, _norm_query, _rank,
                            _split_at_container, _trailing_heading, _widen_deletion, _with, addr_kind, citations,
                            cite_path, label_num, split_units)
from ..errors import AddressError, MappingError
from ..importers.text import leading_label, read_unit
from ..model import PROVISIONS, Act, Line, Unit, assign_eids, copy_act
from ..proposal import Change
from ..text import norm_map, split_punktum
from .find import _Finding
from .refscan import _RefScan
from .rykning import _Rykning


@dataclass
class LawResult:
    law: str
    base: Act
    new: Act
    edits: dict[LineKey, list[Edit]] = field(default_factory=dict)
    touched: dict[str, list[Change]] = field(default_factory=dict)  # wid -> changes (new side)
    warnings: list[str] = field(default_factory=list)
    inserted: dict[str, Change] = field(default_factory=dict)
    removed: dict[str, Change] = field(default_factory=dict)
    rewritten: dict[str, Change] = field(default_factory=dict)
    moved_by: dict[str, Change] = field(default_factory=dict)  # wid -> change that renumbered it
    placements: list[Placement] = field(default_factory=list)  # one per change, in proposal order
    removed_headings: dict[str, Change] = field(default_factory=dict)  # group wid -> change
    renumbered: dict[str, list[tuple[str, str, str, str]]] = field(default_factory=dict)
    # change id -> (parent wid, kind, number before, number after) of every unit it renumbered

    def log(self) -> list[dict]:
        """Who changed what, in the order executed (for consolidate and blame): the change's
        attribution, the kind of change, the units it acted on and the units it inserted (stable
        ids), and what it renumbered."""
        out = []
        for p in self.placements:
            who = change_id(p.change)
            out.append({"who": who, "what": p.what, "units": list(p.targets), "new": list(p.new_wids),
                        "renumbered": [{"wid": w, "from": a, "to": b}
                                       for w, _parent, _kind, a, b in self.renumbered.get(who, [])]})
        return out


def _index(act: Act) -> tuple[dict[str, Unit], dict[str, Unit | None]]:
    """wid -> unit and wid -> parent (None for top level)."""
    units: dict[str, Unit] = {}
    parents: dict[str, Unit | None] = {}

    def visit(us: list[Unit], parent: Unit | None) -> None:
        for u in us:
            units[u.wid] = u
            parents[u.wid] = parent
            visit(u.children, u)

    visit(act.body, None)
    return units, parents


_SIMPLE_NUM = re.compile(r"^(\d+|[a-zæøå])$")


def _relabel_all(unit: Unit) -> None:
    for u in unit.walk():
        for kind in ("subsection", "paragraph", "point"):
            sibs = [c for c in u.children if c.kind == kind]
            for i, c in enumerate(sibs, 1):
                c.num, c.label = labels.for_position(kind, i)


class _Applier(_Finding, _Rykning, _RefScan):
    def __init__(self, law: str, base: Act):
        self.r = LawResult(law, base, copy_act(base))
        self.r.new.__dict__.pop("_section_index", None)  # the copy will change; never reuse the index
        self.units, self.parents = _index(self.r.new)
        self.base_units, self.base_parents = _index(base)
        # units a rykningsklausul left unnamed (it named the first of the run, check_rykning): wid ->
        # (the change, the clause); a later nummer of the act must move or repeal them (open_rykning)
        self.ryk_open: dict[str, tuple[Change, str]] = {}
        # "der bliver" that did not match when its change was applied: (change, addresses, said, key),
        # keyed as in ryk_open (checked again after every change; what is left is refused)
        self.der_open: dict[str, tuple[Change, list[str], str, str | None]] = {}
        self.fresh = itertools.count(1)
        self.text_labels: list[tuple[Unit, str, str, Change]] = []  # (new unit, number, label, change)

    def resolve(self, c: Change, text: str, key: str) -> addr.Target:
        try:
            return addr.resolve(self.r.base, text)
        except AddressError as e:
            first = e
        # a § that an earlier change of the same act inserted ("Efter § 132 a indsættes", where
        # nr. 42 inserted § 132 a): §§ are never renumbered, so its number names it in the new text
        try:
            a = addr.parse(text)
        except AddressError:
            a = None
        if a is not None and a.section and not a.section_to:
            new = [s for s in self.r.new.sections() if s.num and s.wid in self.r.inserted
                   and addr.canonical_num(s.num) == a.section]
            if len(new) == 1:
                self.r.new.__dict__.pop("_section_index", None)
                try:
                    t = addr.resolve(self.r.new, a)
                finally:
                    self.r.new.__dict__.pop("_section_index", None)
                return t
        where = "" if first.message.endswith(f" i {self.r.base.key}") else f" (i {self.r.base.key})"
        raise c.error(first.message + where, key, hint=first.hint) from None

    def live(self, c: Change, base_unit: Unit, key: str) -> Unit:
        """The unit in the working copy; refuses one an earlier change removed or rewrote."""
        wid = base_unit.wid
        chain = self.ancestors_and_self(wid)
        for w in chain:
            if w in self.r.rewritten and self.r.rewritten[w] is not c:
                other = self.r.rewritten[w]
                raise c.error(f"{base_unit.cite()} er nyaffattet af {other.ref}", key,
                              hint="skriv ændringen ind i nyaffattelsen i stedet")
        for w in chain:
            if w in self.r.removed:
                other = self.r.removed[w]
                raise c.error(f"{base_unit.cite()} er ophævet af {other.ref}", key,
                              hint="fjern den ene af de to ændringer")
        return self.units[wid]

    def special(self, c: Change, text, key: str):
        """("heading", unit) / ("title", None) / ("note", None) for an address beyond provisions,
        None for a provision. Annexes are refused: the model has none."""
        t = norm_map(str(text))[0]
        if _BILAG.match(t):
            raise c.error(f"»{text}«: lawdiff kan endnu ikke udføre ændringer af bilag (modellen har ingen bilag)",
                          key, hint="nummeret kan ikke udføres; markér det som ikke udført (ikke_udført)")
        if _TITLE.match(t):
            return ("title", None)
        if _TITLE_NOTE.match(t):
            return ("note", None)
        m = _HEADING_OF.match(t)
        if m:
            return ("heading", self.heading_unit(c, m.group("rest"), key))
        return None

    def heading_unit(self, c: Change, where: str, key: str) -> Unit:
        """The base unit whose heading `where` names: "kapitel 3", "afsnit II", "før § 5", "efter § 11"
        (the mellemrubrik that opens the group of the next §), or "§ 5" (the one before § 5)."""
        m = re.match(r"^(før|efter)\s+(.+)$", where.strip(), re.I)
        side = m.group(1).lower() if m else "før"
        target = self.resolve(c, m.group(2) if m else where, key)
        unit = target.units[0]
        if unit.kind in ("chapter", "part"):
            return unit
        if unit.kind != "section":
            raise c.error(f"{unit.cite()} har ingen overskrift", key)
        if side == "efter":
            secs = section_list = [s for s in self.r.base.sections() if s.num]
            i = section_list.index(unit)
            if i + 1 >= len(secs):
                raise c.error(f"der står ingen overskrift efter {unit.cite()}", key)
            unit = secs[i + 1]
        parent = self.base_parents.get(unit.wid)
        if parent is not None and parent.kind == "group" and parent.children[0] is unit and parent.heading is not None:
            return parent
        if parent is not None and parent.kind in ("chapter", "part") and parent.children[0] is unit \
                and parent.heading is not None and side == "før":
            return parent  # "overskriften før § 22", the first § of kapitel 4: the chapter's heading
        raise c.error(f"der står ingen overskrift {side} {unit.cite() if side == 'før' else m.group(2)}", key,
                      hint="en ny overskrift indsættes med »ny: overskrift«")

    def cites(self, c: Change, key: str) -> list[tuple[str, str | None]]:
        """`citations` of the change's `key`; an address that comes out twice is refused (a citation
        read wrongly would leave one of its units unchanged)."""
        out = citations(c.get(key))
        seen = [w for w, _ in out]
        dup = next((w for w in seen if seen.count(w) > 1), None)
        if dup is not None:
            raise c.error(f"henvisningen »{c.get(key)}« giver »{dup}« to gange", key,
                          hint="skriv adresserne som en liste (i: [\"…\", \"…\"])")
        return out

    def place(self, c: Change, base_unit: Unit, key: str) -> Unit:
        """A unit cited only as a place ("Efter § 5 indsættes"): it may have been rewritten by
        another change (the place is still there), not repealed."""
        for w in self.ancestors_and_self(base_unit.wid):
            if w in self.r.removed and w != base_unit.wid:
                raise c.error(f"{base_unit.cite()} er ophævet af {self.r.removed[w].ref}", key,
                              hint="fjern den ene af de to ændringer")
        if base_unit.wid in self.r.removed and base_unit.wid not in self.units:
            raise c.error(f"{base_unit.cite()} er ophævet af {self.r.removed[base_unit.wid].ref}", key)
        unit = self.units[base_unit.wid]
        parent = self.parents.get(unit.wid)
        if unit not in self.siblings(parent):
            raise c.error(f"{base_unit.cite()} er ophævet af {self.r.removed[base_unit.wid].ref}", key,
                          hint="angiv stedet ud fra en paragraf, der står i loven efter ændringen")
        return unit

    def ancestors_and_self(self, wid: str) -> list[str]:
        out = [wid]
        p = self.base_parents.get(wid)
        while p is not None:
            out.append(p.wid)
            p = self.base_parents.get(p.wid)
        return out

    def touch(self, wid: str, c: Change) -> None:
        lst = self.r.touched.setdefault(wid, [])
        if c not in lst:
            lst.append(c)

    def _lines(self, unit: Unit) -> list[tuple[LineKey, Line, Unit]]:
        out = []
        for u in unit.walk():
            for part in ("intro", "wrapup"):
                for i, b in enumerate(getattr(u, part)):
                    if isinstance(b, Line):
                        out.append(((u.wid, part, i), b, u))
        return out

    def pkt_span(self, c: Change, unit: Unit, k: int, key: str) -> tuple[LineKey, int, int]:
        n = 0
        for part in ("intro", "wrapup"):
            for i, b in enumerate(getattr(unit, part)):
                if not isinstance(b, Line):
                    continue
                pos = 0
                for piece in split_punktum(b.text):
                    # find this piece in the line (the splitter keeps the text, folding white space)
                    start = b.text.find(piece.split(" ", 1)[0], pos)
                    end = start
                    for word in piece.split(" "):
                        end = b.text.find(word, end) + len(word)
                    pos = end
                    n += 1
                    if n == k:
                        return (unit.wid, part, i), start, end
        raise c.error(f"{unit.cite()} har ikke {k}. pkt. (der er {n})", key)

    def add_edit(self, c: Change, key: LineKey, unit: Unit, start: int, end: int, new: str, field_: str) -> None:
        edits = self.r.edits.setdefault(key, [])
        for e in list(edits):
            overlap = (start < e.end and e.start < end) or (start == end == e.start == e.end) \
                or (start == end and e.start < start < e.end) or (e.start == e.end and start < e.start < end)
            if overlap and e.change.get("overalt") and not c.get("overalt"):
                # "Overalt i loven ændres »SDPI-løsningen« …" and a later nummer that rewrites the
                # passage holding those words: the specific change wins there
                edits.remove(e)
                continue
            if overlap and c.get("overalt") and not e.change.get("overalt"):
                return  # the same, the other way round: the place is already changed specifically
            if overlap and (e.start, e.end, e.new) == (start, end, new) and e.change is not c and start < end:
                # two numre of the act make the very same change at the same place (lov 511/2012 § 1,
                # nr. 2 and 8: »§ 40, stk. 2, nr. 4« til »§ 40, stk. 2, nr. 5« in § 53, stk. 2): done once
                self.r.warnings.append(c.warning(
                    f"samme ændring som {e.change.ref} på samme sted (»{new}«); udført én gang", field_))
                self.touch(unit.wid, c)
                return
            if overlap:
                text = getattr(self.units[key[0]], key[1])[key[2]].text
                raise c.error(f"ændringen rører ved de samme ord som {e.change.ref} (»{text[e.start:e.end]}«)",
                              field_, hint="slå de to ændringer sammen til én")
        edits.append(Edit(start, end, new, c))
        self.touch(unit.wid, c)

    # -- structure ----------------------------------------------------------
    def parse_unit(self, c: Change, kind: str, text: str) -> Unit:
        try:
            unit = read_unit(kind, text, "»tekst«")
        except MappingError as e:
            raise c.error(e.message, "tekst") from None
        for u in unit.walk():
            u.wid = f"new{next(self.fresh)}_{c.item}_{c.index}"
            self.units[u.wid] = u
            self.r.inserted[u.wid] = c
            self.touch(u.wid, c)
        for u in unit.walk():
            for ch in u.children:
                self.parents[ch.wid] = u
        _relabel_all(unit)
        lab = leading_label(kind, text)
        if lab:  # checked in finish(), against the number the unit gets
            self.text_labels.append((unit, lab[1], lab[0], c))
        return unit

    def siblings(self, parent: Unit | None) -> list[Unit]:
        return parent.children if parent is not None else self.r.new.body

    def renumber(self, c: Change, parent: Unit, kind: str) -> None:
        sibs = [u for u in parent.children if u.kind == kind]
        for u in sibs:
            if u.num and not _SIMPLE_NUM.match(u.num):
                raise c.error(f"kan ikke omnummerere {u.cite()} i {parent.cite()} (nummeret er ikke et simpelt tal)",
                              hint="nyaffattelse af hele enheden er mulig i stedet")
        for i, u in enumerate(sibs, 1):
            num, label = labels.for_position(kind, i)
            if u.num != num:
                if u.wid not in self.r.inserted:
                    self.r.moved_by[u.wid] = c
                if u.num is not None and self.r.inserted.get(u.wid) is not c:
                    self.r.renumbered.setdefault(change_id(c), []).append((u.wid, parent.wid, kind, u.num, num))
                if label and u.label and not u.label.endswith(".") and label.endswith(".") and u.intro \
                        and u.intro[0].text.startswith("."):
                    # the source sets the label's full stop as the text's first line ("Stk. 2" + ".",
                    # LBK 670/2010 § 8): keep it there, never "Stk. 5.."
                    label = label[:-1]
                u.num, u.label = num, label
            elif u.label != label and (label is None or u.label is None):
                u.label = label

    def check_untouched(self, c: Change, unit: Unit, key: str) -> None:
        for u in unit.walk():
            for other in list(self.r.touched.get(u.wid, [])):
                if other is not c and other.get("overalt") and not c.get("overalt"):
                    # "Overalt i loven ændres »Elevrefusion« …" and a later nummer that rewrites or
                    # repeals a unit holding those words: the specific change wins there (as in
                    # add_edit); the words' edits inside the unit are dropped
                    for k in [k for k in self.r.edits if k[0] == u.wid]:
                        self.r.edits[k] = [e for e in self.r.edits[k] if e.change is not other]
                    self.r.touched[u.wid].remove(other)
                    if not self.r.touched[u.wid]:
                        del self.r.touched[u.wid]
                    continue
                if other is not c:
                    where = cite_path(u, self.parents) if u.wid in self.parents else u.cite()
                    raise c.error(f"{other.ref} ændrer allerede i {where}", key,
                                  hint="en enhed, der ophæves eller nyaffattes, kan ikke også ændres andetsteds")

    def som(self, c: Change, kind_word: str) -> int:
        """The position a new stk., nr. or litra gets ("som stk. 9", "som nyt nr. 3", "som litra c")."""
        m = re.match(r"^\s*(?:nyt?\s+)?(?:(?:stk|nr|stykke|nummer)\.?|litra|pkt\.?)?\s*([0-9]+|[a-zæøå])\b",
                     str(c.get("som")), re.I)
        if not m:
            raise c.error(f"»som: {c.get('som')}« kan ikke læses", "som", hint=f"skriv fx »som: {kind_word}. 3«")
        v = m.group(1).lower()
        return int(v) if v.isdigit() else labels.LETTERS.index(v) + 1

    def parse_body(self, c: Change, text: str | None = None) -> list[Unit]:
        """The §§ (and chapters, "Kapitel 3 a" + heading line) of a new chapter or part."""
        from ..importers.text import read_text

        try:
            body = read_text(str(c.get("tekst") if text is None else text), "»tekst«", "x",
                             "LOV nr. 1 af 01/01/2000").body
        except MappingError as e:
            raise c.error(e.message, "tekst", hint=e.hint) from None
        for top in body:
            for u in top.walk():
                u.wid = f"new{next(self.fresh)}_{c.item}_{c.index}"
                u.eid = ""
                self.units[u.wid] = u
                self.r.inserted[u.wid] = c
                self.touch(u.wid, c)
                for ch in u.children:
                    self.parents[ch.wid] = u
        return body

    def chapters_after(self, c: Change, last: Unit, text: str) -> list[Unit]:
        """New §§ whose text goes on with a new chapter ("§ 38 c. … / Kapitel 5 a / Opkøb af nedslidte
        ejendomme / § 38 d. …", lov 1381/2012 § 1, nr. 15; "§ 17 a ophæves, og i stedet indsættes:
        »Kapitel 6 a / … / § 17 b. …«", lov 1615/2010 § 1, nr. 1): the chapters (parts) of `text`
        follow the chapter (part) that holds `last`, which must be the last § of it (the new chapter
        cannot split a chapter); refused otherwise, never glued to the § before as its text."""
        body = self.parse_body(c, text)
        kind = body[0].kind if body else None
        if kind not in ("chapter", "part") or any(u.kind != kind for u in body):
            raise c.error("teksten blander paragraffer og kapitler på en måde, lawdiff ikke kan placere", "tekst",
                          hint="nummeret kan ikke udføres; markér det som ikke udført")
        word = "kapitel" if kind == "chapter" else "afsnit"
        up = self.parents.get(last.wid)
        while up is not None and up.kind != kind:
            up = self.parents.get(up.wid)
        if up is None:
            raise c.error(f"teksten indsætter {body[0].label}, men {last.cite()} står ikke i et {word}", "tekst",
                          hint="nummeret kan ikke udføres; markér det som ikke udført")
        secs = [s for s in up.walk() if s.kind == "section"]
        rest = [s for s in secs[secs.index(last) + 1:] if s.wid not in self.r.inserted and not _is_placeholder(s)]
        if rest:
            raise c.error(f"teksten indsætter {body[0].label} efter {last.cite()}, men {up.label} fortsætter med "
                          f"{rest[0].cite()}", "tekst", hint="nummeret kan ikke udføres; markér det som ikke udført")
        for u in body:
            if u.num and any(x.kind == kind and x.num and addr.canonical_num(x.num) == addr.canonical_num(u.num)
                             for x in self.r.new.walk()):
                raise c.error(f"{word} {u.num} findes allerede", "tekst")
        new_secs = [s for u in body for s in u.walk() if s.kind == "section" and s.num]
        all_secs = [s for s in self.r.new.sections() if s.num]
        nxt = next((s for s in all_secs[all_secs.index(secs[-1]) + 1:]), None) if secs and secs[-1] in all_secs \
            else None
        for s in new_secs:
            self.free_section_number(c, addr.canonical_num(s.num))
        keys = [addr.section_key(s.num) for s in ([last] + new_secs + ([nxt] if nxt is not None else []))]
        if keys != sorted(keys) or len(set(keys)) != len(keys):
            raise c.error(f"paragrafferne i {body[0].label} passer ikke ind efter {last.cite()}"
                          + (f" og før {nxt.cite()}" if nxt is not None else ""), "tekst")
        outer = self.parents.get(up.wid)
        osibs = self.siblings(outer)
        i = osibs.index(up) + 1
        osibs[i:i] = body
        for u in body:
            self.parents[u.wid] = outer
        if outer is not None:
            self.touch(outer.wid, c)
        return body

    def lift_headings(self, c: Change, parent: Unit | None, units: list[Unit]) -> list[Unit]:
        """New §§ side by side in `parent` (or in a new chapter): a mellemrubrik between two of them
        comes as the last line of the first one (`_trailing_heading`) and opens a group before the
        next. Returns `units` with the §§ that moved into a group replaced by the groups (from the
        last one back, so that each group ends at the next)."""
        groups = []
        for k in range(len(units) - 1, 0, -1):
            prev, nxt = units[k - 1], units[k]
            if prev.kind == "section" and nxt.kind == "section" and self.parents.get(nxt.wid, parent) is parent:
                line = _trailing_heading(prev)
                if line is not None:
                    groups.append(self.group(c, line.text, parent, [nxt]))
        if not groups:
            return units
        return [u for u in units if self.parents.get(u.wid, parent) is parent] + groups[::-1]

    def group(self, c: Change, heading: str, parent: Unit | None, first: list[Unit]) -> Unit:
        """A new mellemrubrik before the units `first`: they and the §§ after them up to the next
        heading move into a new group."""
        sibs = self.siblings(parent)
        i = sibs.index(first[0])
        j = i
        while j < len(sibs) and sibs[j].kind == "section":
            j += 1
        group = Unit("group", heading=Line(_norm_query(heading)), children=sibs[i:j])
        group.wid = f"new{next(self.fresh)}_{c.item}_{c.index}"
        self.units[group.wid] = group
        self.r.inserted[group.wid] = c
        self.touch(group.wid, c)
        for u in group.children:
            self.parents[u.wid] = group
        if parent is not None and parent.kind == "group":
            # a mellemrubrik inside a group's §§ ends that group: the new group follows it
            outer = self.parents[parent.wid]
            osibs = self.siblings(outer)
            del sibs[i:j]
            osibs.insert(osibs.index(parent) + 1, group)
            self.parents[group.wid] = outer
        else:
            sibs[i:j] = [group]
            self.parents[group.wid] = parent
        return group

    def free_section_number(self, c: Change, num: str) -> None:
        """A new § number must be free; a "§ N. (Ophævet)" placeholder gives its number up."""
        for s in list(self.r.new.sections()):
            if not s.num or addr.canonical_num(s.num) != num:
                continue
            if _is_placeholder(s):
                parent = self.parents[s.wid]
                self.siblings(parent).remove(s)
                self.r.removed[s.wid] = c
                if s.wid in self.base_units:
                    self.touch(s.wid, c)
                continue
            raise c.error(f"§ {num} findes allerede", "nummer",
                          hint="vælg et ledigt nummer, fx med bogstav (§ 68 d)")

    # -- the kinds of change (each moves to its lawdiff/changes/<kind>.py) -----------
    def _place_words(self, c: Change, hits) -> None:
        wids = list(dict.fromkeys(u.wid for _k, _ln, u, _s, _e in hits))
        k, _ln, _u, start, _e = hits[0]
        self.r.placements.append(Placement(c, "words", wids, offset=(k[1], k[2], start)))

    def words(self, c: Change) -> None:
        verb = c.verb
        hits = self.find(c, c.get(verb), verb)
        self._place_words(c, hits)
        for k, ln, u, s, e in hits:
            if verb == "ændres":
                til = _norm_query(c.get("til")) if c.get("til").strip() else ""
                if til and ln.text[s:s + 1].isupper() and c.get("ændres")[:1].islower() and til[:1].islower():
                    til = til[:1].upper() + til[1:]  # the words began a punktum: so does their replacement
                if not til:
                    s, e = _widen_deletion(ln.text, s, e)
                elif _PUNCT_START.match(til) and s > 0 and ln.text[s - 1] == " ":
                    s -= 1  # »og« til: »,« gives "et tilbud, et …", never "et tilbud , et …"
                elif (_PUNCT_START.match(_norm_query(c.get("ændres"))) and not _PUNCT_START.match(til)
                      and s > 0 and ln.text[s - 1] != " "):
                    # »,udviklingsarbejde og …« til: »og forsknings- …« (lov 1614/2013 § 1, nr. 6) gives
                    # "uddannelse og forsknings-", never "uddannelseog forsknings-": the comma clung to the
                    # word before, its replacement is a word of its own
                    til = " " + til
                self.add_edit(c, k, u, s, e, til, verb)
            elif verb == "udgår":
                s, e = _widen_deletion(ln.text, s, e)
                self.add_edit(c, k, u, s, e, "", verb)
            elif verb == "indsættes_efter":
                tekst = _norm_query(c.get("tekst"))
                # a range's end clings to its start: "Efter »§ 86, stk. 1« indsættes: »-3«" gives "stk. 1-3"
                # (lov 273/2013, § 1, nr. 8), never "stk. 1 -3"
                glued = _PUNCT_START.match(tekst) or (re.match(r"[-–]\d", tekst) and ln.text[e - 1:e].isdigit())
                self.add_edit(c, k, u, e, e, tekst if glued else " " + tekst, verb)
            else:
                tekst = _norm_query(c.get("tekst"))
                if _PUNCT_START.match(tekst) and s > 0 and ln.text[s - 1] == " ":
                    # indsættes før »og«: »,« -> "tilsynsfaglige, og", never "tilsynsfaglige , og"
                    self.add_edit(c, k, u, s - 1, s - 1, tekst, verb)
                else:
                    self.add_edit(c, k, u, s, s, tekst + " ", verb)
        if verb == "udgår" or (verb == "ændres" and not c.get("til").strip()):
            for u in {id(u): u for _k, _ln, u, _s, _e in hits}.values():
                self._refuse_emptied(c, u, verb)

    def _refuse_emptied(self, c: Change, u: Unit, verb: str) -> None:
        """A deletion of words that leaves a stk., nr. or litra with no text of its own and nothing
        under it ("Stk. 4." alone, "1) ,") is refused: a unit is removed by »ophæves«, which also
        moves the units after it (lovteknik), never by deleting its words."""
        if u.kind not in PROVISIONS or u.children:
            return
        had = now = False
        for part in ("intro", "wrapup"):
            for i, b in enumerate(getattr(u, part)):
                if not isinstance(b, Line):
                    return  # a table: not only words
                had = had or any(ch.isalnum() for ch in b.text)
                edits = self.r.edits.get((u.wid, part, i))
                now = now or any(ch.isalnum() for ch in (_apply_edits(b.text, edits) if edits else b.text))
        if had and not now:
            where = cite_path(u, self.parents)
            raise c.error(f"ændringen efterlader {where} uden tekst", verb,
                          hint=f"skriv »{where} ophæves« (de følgende enheder rykker så op), "
                               "eller lad noget af teksten stå")

    def repeal(self, c: Change) -> None:
        cites = self.cites(c, "ophæves")
        if len(cites) > 1 and any(_HEADING_OF.match(norm_map(w)[0]) for w, _ in cites) and "tekst" not in c.data:
            # "Overskriften før § 49 og § 49 ophæves.": each part on its own
            for w, _ in cites:
                self.repeal(_with(c, ophæves=w))
            return
        if len(cites) == 2 and _HEADING_OF.match(norm_map(cites[0][0])[0]) and "tekst" in c.data:
            # "Overskriften før § 16 og § 16 ophæves, og i stedet indsættes: »<heading> § 16. …«": the
            # heading's line(s) replace the heading, the rest replaces the § (it must begin with the §)
            heading_at, sec_at = cites[0][0], cites[1][0]
            m = _HEADING_OF.match(norm_map(heading_at)[0])
            lines = str(c.get("tekst")).split("\n")
            sec = addr.parse(sec_at).section if addr._RX.match(sec_at) else None
            start = next((i for i, ln in enumerate(lines) if sec and re.match(
                rf"§\s*{re.escape(sec)}\.", norm_map(ln)[0].strip())), None)
            if m and re.match(rf"^(?:før\s+)?§\s*{re.escape(sec or '-')}$", m.group("rest").strip(), re.I) \
                    and start is not None and start > 0:
                self.heading(_with(c, ophæves=heading_at, tekst="\n".join(lines[:start])), heading_at)
                return self.repeal(_with(c, ophæves=sec_at, tekst="\n".join(lines[start:])))
            raise c.error(f"»{c.get('ophæves')}« ophæves, og i stedet indsættes: den nye tekst skal begynde med "
                          f"overskriften og derefter »{sec_at}.«", "tekst",
                          hint="del ændringen op i overskriften og paragraffen")
        sp = self.special(c, c.get("ophæves"), "ophæves")
        if sp is not None:
            if sp[0] == "heading":
                if "tekst" in c.data:
                    return self.heading(c, c.get("ophæves"))  # "… ophæves, og i stedet indsættes:"
                return self.repeal_heading(c, sp[1])
            if sp[0] == "note":
                return self._title(c, "ophæves", "note")
            raise c.error("lovens titel kan ikke ophæves", "ophæves", hint="nyaffat den med »affattes«")
        cites = self.cites(c, "ophæves")
        for wheres, said in _der_groups(cites):
            self.check_der_bliver(c, wheres, said, "ophæves")
        targets = [self.resolve(c, where, "ophæves") for where, _ in cites]
        if any(t.address.pkt for t in targets):
            if not all(t.address.pkt for t in targets):
                raise c.error("punktummer og hele enheder kan ikke ophæves i samme ændring", "ophæves",
                              hint="del ændringen op")
            first = None
            spans = []
            for target in targets:
                unit = self.live(c, target.units[0], "ophæves")
                k, s, e = self.pkt_span(c, unit, target.address.pkt, "ophæves")
                line = getattr(self.units[k[0]], k[1])[k[2]]
                if spans and spans[-1][0] == k and spans[-1][3] <= s and not line.text[spans[-1][3]:s].strip():
                    # "2. og 3. pkt. ophæves" / "3.-5. pkt. ophæves, og i stedet indsættes:" (lov 251/2012
                    # § 1, nr. 3; lov 433/2012 § 6, nr. 1): punktummer side by side go as one span (their
                    # deletions, each with its space, overlapped and were refused)
                    spans[-1] = (k, unit, spans[-1][2], e)
                else:
                    spans.append((k, unit, s, e))
            for n, (k, unit, s, e) in enumerate(spans):
                line = getattr(self.units[k[0]], k[1])[k[2]]
                if "tekst" in c.data and n == 0:
                    # "2. pkt. ophæves, og i stedet indsættes: »…«": the punktum is replaced
                    self.add_edit(c, k, unit, s, e, _norm_query(c.get("tekst")), "ophæves")
                else:
                    s, e = _widen_deletion(line.text, s, e)
                    self.add_edit(c, k, unit, s, e, "", "ophæves")
                first = first or (unit.wid, k, s)
            self.r.placements.append(Placement(c, "words", [first[0]], offset=(first[1][1], first[1][2], first[2])))
            return
        target = targets[0] if len(targets) == 1 else addr.Target(targets[0].address,
                                                                 [u for t in targets for u in t.units])
        if "tekst" in c.data:
            return self._replace(c, target)
        if c.get("som") is not None:
            raise c.error("»som« bruges kun, når der indsættes ny tekst (»ophæves, og som stk. 5 indsættes:«)",
                          "som", hint="tilføj »tekst« eller fjern »som«")
        self.r.placements.append(Placement(c, "repeal", [u.wid for u in target.units]))
        for bu in target.units:
            unit = self.live(c, bu, "ophæves")
            self.check_untouched(c, unit, "ophæves")
            parent = self.parents[unit.wid]
            self.siblings(parent).remove(unit)
            for u in unit.walk():
                self.r.removed[u.wid] = c
            if parent is not None:
                self.touch(parent.wid, c)
                if unit.kind in ("subsection", "paragraph", "point"):
                    self.renumber(c, parent, unit.kind)

    def _replace(self, c: Change, target: addr.Target, key: str = "ophæves") -> None:
        """Template 10: the unit is repealed and new units (one or more) take its place, or, with
        `som` ("…, ophæves, og som stk. 5 indsættes:"), the new units get that number."""
        if len(target.units) == 1 and target.units[0].kind in ("chapter", "part"):
            return self._replace_container(c, self.live(c, target.units[0], key), key)
        if target.units[0].kind not in ("section", "subsection", "paragraph", "point") or len(
                {(u.kind, id(self.base_parents.get(u.wid))) for u in target.units}) != 1:
            raise c.error("»ophæves« med »tekst« bruges til paragraffer, stk., nr., litra eller punktummer "
                          "(af samme slags og i samme enhed)", key, hint="ophæv og indsæt hver enhed for sig")
        unit = self.live(c, target.units[0], key)
        self.check_untouched(c, unit, key)
        parent = self.parents[unit.wid]
        sibs = self.siblings(parent)
        # "§ 23, stk. 3 og 4, ophæves, og i stedet indsættes:": the others go, the new text takes the first's place
        for other in target.units[1:]:
            o = self.live(c, other, key)
            self.check_untouched(c, o, key)
            sibs.remove(o)
            for u in o.walk():
                self.r.removed[u.wid] = c
        text, tail = _split_at_container(str(c.get("tekst"))) if unit.kind == "section" else (c.get("tekst"), "")
        if tail:
            if len(target.units) > 1:
                raise c.error("»ophæves« af flere paragraffer med nye kapitler i teksten kan lawdiff ikke udføre",
                              key, hint="nummeret kan ikke udføres; markér det som ikke udført")
            # the new chapters follow the chapter of the repealed § (or of the §§ that replace it)
            if not text.strip():
                added = self.chapters_after(c, unit, tail)
                sibs.remove(unit)
                for u in unit.walk():
                    self.r.removed[u.wid] = c
                if parent is not None:
                    self.touch(parent.wid, c)
                self.r.placements.append(Placement(c, "replace", [u.wid for u in target.units],
                                                   new_wids=[u.wid for u in added]))
                return
            raise c.error("»ophæves« med nye paragraffer og nye kapitler i samme tekst kan lawdiff endnu ikke udføre",
                          key, hint="nummeret kan ikke udføres; markér det som ikke udført")
        chunks = split_units(unit.kind, text)
        new_units = [self.parse_unit(c, unit.kind, ch) for ch in chunks]
        if unit.kind == "section":
            nums = [label_num("section", ch) for ch in chunks]
            if nums[0] is None:
                nums[0] = addr.canonical_num(unit.num)
            if None in nums:
                raise c.error("den nye tekst skal begynde hver paragraf med »§ N.«", "tekst")
            i = sibs.index(unit)
            sibs.remove(unit)
            for u in unit.walk():
                self.r.removed[u.wid] = c
            for num in nums:
                self.free_section_number(c, num)
            for u, num in zip(new_units, nums):
                u.num, u.label = num, f"§ {num}."
            sibs[i:i] = new_units
            keys = [addr.section_key(u.num) for u in sibs if u.kind == "section" and u.num]
            if keys != sorted(keys):
                raise c.error(f"de nye paragraffer ({', '.join('§ ' + n for n in nums)}) passer ikke ind på "
                              f"{unit.cite()}s plads", "tekst")
        else:
            i = sibs.index(unit)
            sibs.remove(unit)
            for u in unit.walk():
                self.r.removed[u.wid] = c
            self.renumber(c, parent, unit.kind)
            if c.get("som") is not None:
                som = self.som(c, {"subsection": "stk", "paragraph": "nr", "point": "litra"}[unit.kind])
                kin = [u for u in sibs if u.kind == unit.kind]
                if not 1 <= som <= len(kin) + 1:
                    raise c.error(f"{parent.cite()} har {len(kin)} efter ophævelsen; det nye kan ikke blive "
                                  f"{c.get('som')}", "som")
                i = sibs.index(kin[som - 1]) if som <= len(kin) else (sibs.index(kin[-1]) + 1 if kin else len(sibs))
            sibs[i:i] = new_units
        for u in new_units:
            self.parents[u.wid] = parent
        if unit.kind == "section":
            new_units = self.lift_headings(c, parent, new_units)
        if parent is not None:
            self.touch(parent.wid, c)
            if unit.kind != "section":
                self.renumber(c, parent, unit.kind)
        self.r.placements.append(Placement(c, "replace", [u.wid for u in target.units],
                                           new_wids=[u.wid for u in new_units]))

    def _replace_container(self, c: Change, unit: Unit, key: str) -> None:
        """"Kapitel 5 a affattes således:" / "Kapitel 2 ophæves, og i stedet indsættes:": the chapter
        (or part) goes and the chapters or parts of the new text take its place."""
        self.check_untouched(c, unit, key)
        parent = self.parents[unit.wid]
        sibs = self.siblings(parent)
        body = self.parse_body(c)
        word = "Kapitel" if unit.kind == "chapter" else "Afsnit"
        if not body or any(u.kind not in ("chapter", "part") for u in body):
            raise c.error(f"den nye tekst skal begynde med »{word} {unit.num}« og overskriften", "tekst",
                          hint="skriv teksten som i ændringsloven, med kapitlets betegnelse og overskrift")
        i = sibs.index(unit)
        sibs[i:i + 1] = body
        old_secs = set()
        for u in unit.walk():
            self.r.removed[u.wid] = c
            if u.kind == "section" and u.num:
                old_secs.add(addr.canonical_num(u.num))
        for u in body:
            self.parents[u.wid] = parent
            for sub in [u] + [x for x in u.walk() if x.kind in ("chapter", "part", "group")]:
                for x in sub.children:
                    self.parents[x.wid] = sub
                self.lift_headings(c, sub, list(sub.children))
        new_secs = [addr.canonical_num(x.num) for u in body for x in u.walk() if x.kind == "section" and x.num]
        others = {addr.canonical_num(x.num) for x in self.r.new.sections() if x.num} - set(new_secs)
        for n in new_secs:
            if n in others:
                raise c.error(f"§ {n} findes allerede uden for {unit.cite()}", "tekst")
        if parent is not None:
            self.touch(parent.wid, c)
        self.r.placements.append(Placement(c, "replace", [unit.wid], new_wids=[u.wid for u in body]))

    def _rewrite_pkts(self, c: Change, targets: list) -> None:
        """"§ 17, stk. 2, 1. og 2. pkt., affattes således:": consecutive punktummer of one unit become
        the new text (in the first one's place; the others' text goes)."""
        units = {t.units[0].wid for t in targets}
        ks = [t.address.pkt for t in targets]
        if len(units) != 1 or not all(t.address.pkt for t in targets) or ks != list(range(ks[0], ks[0] + len(ks))):
            raise c.error("flere punktummer nyaffattes kun samlet, når de følger efter hinanden i samme enhed",
                          "affattes", hint="nyaffat dem hver for sig")
        unit = self.live(c, targets[0].units[0], "affattes")
        spans = [self.pkt_span(c, unit, k, "affattes") for k in ks]
        first_key, s0, _ = spans[0]
        same_line = [sp for sp in spans if sp[0] == first_key]
        e0 = same_line[-1][2]
        self.add_edit(c, first_key, unit, s0, e0, _norm_query(c.get("tekst")), "affattes")
        for k, s, e in spans:
            if k != first_key:
                line = getattr(self.units[k[0]], k[1])[k[2]]
                s, e = _widen_deletion(line.text, s, e)
                self.add_edit(c, k, unit, s, e, "", "affattes")
        self.r.placements.append(Placement(c, "words", [unit.wid], offset=(first_key[1], first_key[2], s0)))

    def rewrite(self, c: Change) -> None:
        if self.special(c, c.get("affattes"), "affattes") is not None:
            return self.heading(c, c.get("affattes"))
        if c.get("med_overskrift") and c.get("tekst") and addr._RX.match(str(c.get("affattes"))):
            # "§ 65 med tilhørende overskrift affattes således: »<heading> / § 65. …«" (lov 628/2010,
            # § 1, nr. 39): the lines before "§ 65." rewrite the heading before the §, the rest the §;
            # the heading was read as the first line of the §'s text (exit 0)
            sec = addr.parse(str(c.get("affattes"))).section
            lines = str(c.get("tekst")).split("\n")
            start = next((i for i, ln in enumerate(lines) if sec and re.match(
                rf"§\s*{re.escape(sec)}\.", norm_map(ln)[0].strip())), None)
            if not start:
                raise c.error(f"»{c.get('affattes')} med tilhørende {c.get('med_overskrift')}«: den nye tekst skal "
                              f"begynde med overskriften og derefter »§ {sec}.«", "tekst")
            heading_at = f"overskriften før § {sec}"
            self.heading(_with(c, affattes=heading_at, tekst="\n".join(lines[:start])), heading_at)
            return self.rewrite(_with(c, tekst="\n".join(lines[start:]), med_overskrift=None))
        cites = self.cites(c, "affattes")
        if len(cites) > 1:
            # "§ 15, stk. 6 og 7, affattes således:" / "§§ 41 og 42 affattes således:": the units go,
            # the new text takes the first one's place (as "ophæves, og i stedet indsættes")
            targets = [self.resolve(c, w, "affattes") for w, _ in cites]
            if any(t.address.pkt for t in targets):
                return self._rewrite_pkts(c, targets)
            return self._replace(c, addr.Target(targets[0].address, [u for t in targets for u in t.units]),
                                 "affattes")
        target = self.resolve(c, c.get("affattes"), "affattes")
        if len(target.units) > 1 and target.address.section_to:
            return self._replace(c, target, "affattes")  # "§§ 41-43 affattes således:"
        if len(target.units) != 1:
            raise c.error("nyaffattelse af flere paragraffer på én gang understøttes ikke", "affattes",
                          hint="nyaffattes hver paragraf for sig")
        unit = self.live(c, target.units[0], "affattes")
        if target.address.pkt:
            k, s, e = self.pkt_span(c, unit, target.address.pkt, "affattes")
            self.add_edit(c, k, unit, s, e, _norm_query(c.get("tekst")), "affattes")
            self.r.placements.append(Placement(c, "words", [unit.wid], offset=(k[1], k[2], s)))
            return
        if unit.kind in ("chapter", "part"):
            return self._replace_container(c, unit, "affattes")
        if unit.kind not in ("section", "subsection", "paragraph", "point"):
            raise c.error(f"{unit.cite()} kan ikke nyaffattes", "affattes")
        self.check_untouched(c, unit, "affattes")
        tekst = str(c.get("tekst"))
        m = re.match(r"^\s*(\d+) (?=[a-zæøå])", tekst)
        if unit.kind == "paragraph" and m and m.group(1) == unit.num and "\n" not in tekst.strip():
            # "§ 55, stk. 2, nr. 2, affattes således: »2 der foreligger …«" (lov 326/2012 § 3, nr. 16): the
            # label lacks its ")" (a typo in the act); read as "2) der foreligger …", with a warning
            self.r.warnings.append(c.warning(f"den nye tekst begynder med »{m.group(1)} « uden »)«; læst som "
                                             f"»{m.group(1)})« (trykfejl i ændringsloven)", "tekst"))
            c = _with(c, tekst=f"{m.group(1)}) " + tekst[m.end():])
        chunks = split_units(unit.kind, c.get("tekst")) if unit.kind != "section" else [c.get("tekst")]
        more: list[Unit] = []
        if len(chunks) > 1:
            # "Stk. 2 affattes således: »Stk. 2. … Stk. 3. …«": the first rewrites, the rest follow it
            parent = self.parents[unit.wid]
            more = [self.parse_unit(c, unit.kind, ch) for ch in chunks[1:]]
            i = parent.children.index(unit) + 1
            parent.children[i:i] = more
            for u in more:
                self.parents[u.wid] = parent
            self.renumber(c, parent, unit.kind)
        new = self.parse_unit(c, unit.kind, chunks[0])
        if self.text_labels and self.text_labels[-1][0] is new:  # the text's label names the rewritten unit
            _new, num, label, _c = self.text_labels.pop()
            self.text_labels.append((unit, num, label, c))
        for u in list(unit.walk())[1:]:
            self.r.removed[u.wid] = c
        unit.intro, unit.wrapup, unit.children = new.intro, new.wrapup, new.children
        for ch in unit.children:
            self.parents[ch.wid] = unit
        self.r.rewritten[unit.wid] = c
        self.touch(unit.wid, c)
        self.r.placements.append(Placement(c, "rewrite", [unit.wid], new_wids=[u.wid for u in more]))

    def heading(self, c: Change, where=None) -> None:
        """A heading rewritten: `overskrift: kapitel 3` (or `affattes: overskriften til kapitel 3`)."""
        key = "overskrift" if c.verb == "overskrift" else "affattes"
        where = c.get(key) if where is None else where
        sp = self.special(c, where, key)
        if sp is not None and sp[0] == "heading":
            unit = sp[1]
        elif sp is not None:
            return self._title(c, key, sp[0])
        else:
            unit = self.heading_unit(c, where, key)
        live = self.live(c, unit, key)
        if live.heading is None:
            raise c.error(f"{unit.cite()} har ingen overskrift", key)
        tekst = str(c.get("tekst")).strip().splitlines()
        if len(tekst) > 1 and live.kind in ("chapter", "part") and norm_map(tekst[0])[0].strip().lower() \
                == f"{'kapitel' if live.kind == 'chapter' else 'afsnit'} {live.num}".lower():
            tekst = tekst[1:]  # "Kapitel 3 / Ny overskrift": the label line is not part of the heading
        if len(tekst) != 1:
            raise c.error("en overskrift er én linje", "tekst")
        lkey = (live.wid, "heading", 0)
        if lkey in self.r.edits:
            raise c.error(f"overskriften ændres allerede af {self.r.edits[lkey][0].change.ref}", key)
        self.r.edits[lkey] = [Edit(0, len(live.heading.text), _norm_query(tekst[0]), c)]
        self.touch(live.wid, c)
        self.r.placements.append(Placement(c, "heading", [live.wid]))

    def _title(self, c: Change, key: str, kind: str) -> None:
        if kind == "note":
            # The importer does not keep the title's footnote (EU directives): nothing in the model
            # changes, and the user is told so.
            self.r.warnings.append(c.warning("fodnoten til lovens titel er ikke en del af lawdiffs model af "
                                             "loven; ændringen er ikke udført", key))
            self.r.placements.append(Placement(c, "title", []))
            return
        if TITLE_KEY in self.r.edits:
            raise c.error(f"lovens titel ændres allerede af {self.r.edits[TITLE_KEY][0].change.ref}", key)
        new = _norm_query(c.get("tekst")).rstrip(".")
        if re.match(r"^Lov\b", new) and self.r.new.title[:1].islower():
            new = new[:1].lower() + new[1:]  # the model keeps "lov om …" (the title as cited)
        self.r.edits[TITLE_KEY] = [Edit(0, len(self.r.new.title), new, c)]
        self.r.placements.append(Placement(c, "title", []))

    def repeal_heading(self, c: Change, unit: Unit) -> None:
        """"Overskriften før § 5 ophæves": the mellemrubrik goes; its §§ stay where they are.

        The group is kept without a heading (its §§ keep their place and stable ids) rather than
        merged into the group before it."""
        if unit.kind != "group":
            raise c.error(f"overskriften til {unit.cite()} kan ikke ophæves (et kapitel har altid en overskrift)",
                          "ophæves", hint="nyaffat overskriften, eller ophæv kapitlet")
        live = self.live(c, unit, "ophæves")
        if (live.wid, "heading", 0) in self.r.edits:
            raise c.error(f"overskriften ændres allerede af {self.r.edits[(live.wid, 'heading', 0)][0].change.ref}",
                          "ophæves")
        live.heading = None
        self.r.removed_headings[live.wid] = c
        self.touch(live.wid, c)
        self.r.placements.append(Placement(c, "heading", [live.wid]))

    def new_heading(self, c: Change) -> None:
        """`ny: overskrift` before (`før: "§ 5"`) or after (`efter: "§ 4"`) a §: a new mellemrubrik."""
        key = "før" if "før" in c.data else "efter" if "efter" in c.data else None
        if key is None:
            raise c.error("en ny overskrift kræver »før« eller »efter« (fx før: \"§ 5\")", "ny")
        target = self.resolve(c, str(c.get(key)), key)
        sec = target.units[0]
        if sec.kind != "section":
            raise c.error("en ny overskrift indsættes før eller efter en paragraf", key)
        if key == "efter":
            secs = [s for s in self.r.base.sections() if s.num]
            i = secs.index(sec)
            if i + 1 >= len(secs):
                raise c.error(f"der står ingen paragraf efter {sec.cite()}", key)
            sec = secs[i + 1]
        live = self.place(c, sec, key)
        parent = self.parents[live.wid]
        if parent is not None and parent.kind == "group" and parent.children[0] is live:
            raise c.error(f"der står allerede en overskrift før {sec.cite()}", key,
                          hint="nyaffat den med »affattes: overskriften før § …«")
        p = str(c.get("placering") or "")
        if p:
            # "Efter overskriften til kapitel 13 indsættes før § 69:": § 69 must open chapter 13
            m = re.fullmatch(r"efter overskriften til (kapitel|afsnit) (\S+(?: [a-zæøå])?)", p)
            want = "chapter" if m and m.group(1) == "kapitel" else "part"
            if not m or key != "før" or parent is None or parent.kind != want \
                    or (parent.num or "").lower() != m.group(2).lower() or parent.children[0] is not live:
                raise c.error(f"placeringen »{p}« passer ikke: {sec.cite()} står ikke først efter den overskrift",
                              "placering", hint="nummeret kan ikke udføres; markér det som ikke udført")
        lines = [ln for ln in str(c.get("tekst")).strip().splitlines() if ln.strip()]
        if len(lines) != 1:
            raise c.error("en overskrift er én linje", "tekst")
        group = self.group(c, lines[0], parent, [live])
        self.r.placements.append(Placement(c, "new", [parent.wid if parent is not None else ""], sec.wid, "før",
                                           [group.wid]))

    def new_unit(self, c: Change) -> None:
        kind_word = c.get("ny")
        if kind_word == "bilag":
            raise c.error("lawdiff kan endnu ikke indsætte bilag (modellen har ingen bilag)", "ny",
                          hint="nummeret kan ikke udføres; markér det som ikke udført (ikke_udført)")
        if kind_word == "overskrift":
            return self.new_heading(c)
        cites = self.cites(c, "i") if "i" in c.data else []
        if len(cites) > 1:
            # "I § 5 og § 7 indsættes som stk. 3:": the same new text in each unit
            for wheres, said in _der_groups(cites):
                self.check_der_bliver(c, wheres, said, "i")
            for where, _ in cites:
                self.new_unit(_with(c, i=where))
            return
        if kind_word == "paragraf":
            return self._new_section(c)
        if kind_word in ("kapitel", "afsnit"):
            return self._new_container(c)
        if "i" not in c.data:
            raise c.error(f"en ny {kind_word} kræver »i« (den enhed, den indsættes i)", "ny")
        target = self.resolve(c, c.get("i"), "i")
        parent = self.live(c, target.units[0], "i")
        if kind_word == "pkt":
            if parent.kind == "section":
                # "I § 42 indsættes som 2. pkt.": a § with one stk. is cited without "stk. 1"
                subs = [u for u in parent.children if u.kind == "subsection"]
                if len(subs) != 1:
                    raise c.error(f"{parent.cite()} har {len(subs)} stykker; angiv hvilket det nye punktum "
                                  "skal stå i", "i", hint=f"skriv fx i: \"{parent.cite()}, stk. 1\"")
                parent = subs[0]
            return self._new_pkt(c, parent)
        kind = _KIND_OF[kind_word]
        want_parent = {"subsection": "section", "paragraph": "subsection", "point": "paragraph"}[kind]
        if parent.kind != want_parent:
            if kind == "paragraph" and parent.kind == "section":
                subs = [u for u in parent.children if u.kind == "subsection"]
                if len(subs) == 1:
                    parent = subs[0]
            if parent.kind != want_parent:
                raise c.error(f"et nyt {kind_word}. skal indsættes i en {addr_kind(want_parent)}, "
                              f"ikke i {parent.cite()}", "i")
        units = [self.parse_unit(c, kind, chunk) for chunk in split_units(kind, c.get("tekst"))]
        sibs = [u for u in parent.children if u.kind == kind]
        for new in units:
            # the same stk. twice: lov 1353/2012, § 11, nr. 1 inserts in § 7 of the registration act "som
            # stk. 7 og 8" the text lov 590/2012 had inserted there already (LBK 16/2013 has it once);
            # executed, the law held it twice (exit 0). A reader cannot tell which the act means: refused
            same = next((u for u in sibs if u.wid not in self.r.inserted and _body(u) == _body(new)), None)
            if same is not None:
                raise c.error(f"det nye {kind_word}. står allerede ordret i loven som {cite_path(same, self.parents)}",
                              "tekst", hint="kontrollér, om en tidligere ændringslov allerede har indsat teksten; "
                                            "nummeret kan ikke udføres, før det er afklaret")
        pos_key = "efter" if "efter" in c.data else "før" if "før" in c.data else None
        som = self.som(c, kind_word) if c.get("som") is not None else None
        if pos_key:
            anchor = self._sibling(c, parent, kind, kind_word, c.get(pos_key), pos_key)
            i = parent.children.index(anchor) + (1 if pos_key == "efter" else 0)
        elif som is not None:
            # "I § 11 indsættes som stk. 9:" / "som nyt stk. 3": the number the new unit gets now
            if not 1 <= som <= len(sibs) + 1:
                raise c.error(f"{parent.cite()} har {len(sibs)} {kind_word}.; et nyt kan ikke indsættes "
                              f"»som {c.get('som')}«", "som",
                              hint=f"et nyt {kind_word}. kan blive nr. 1-{len(sibs) + 1} i rækken")
            i = parent.children.index(sibs[som - 1]) if som <= len(sibs) else (
                (parent.children.index(sibs[-1]) + 1) if sibs else len(parent.children))
            if som <= len(sibs) and _is_placeholder(sibs[som - 1]):
                # "I § 16 indsættes som stk. 2:" where stk. 2 reads "(Ophævet)" (lov 1385/2012 § 1,
                # nr. 12, LBK 23/2013): the new stk. takes the repealed one's number and place, as a
                # new § takes a "(Ophævet)" §'s (free_section_number); nothing moves
                gone = sibs.pop(som - 1)
                parent.children.remove(gone)
                for u in gone.walk():
                    self.r.removed[u.wid] = c
                if gone.wid in self.base_units:
                    self.touch(gone.wid, c)
        else:
            i = (parent.children.index(sibs[-1]) + 1) if sibs else len(parent.children)
        if i >= len(parent.children) or not any(u.kind == kind for u in parent.children[i:]):
            if sibs and kind in ("paragraph", "point"):
                self._warn_last_item(c, sibs)
        parent.children[i:i] = units
        for unit in units:
            self.parents[unit.wid] = parent
        self.touch(parent.wid, c)
        self.renumber(c, parent, kind)
        if som is not None and units[0].num != str(labels.for_position(kind, som)[0]):
            raise c.error(f"det nye {kind_word}. bliver {kind_word}. {units[0].num}, men ændringen siger "
                          f"»som {kind_word}. {c.get('som')}«", "som",
                          hint="ret »som« eller »efter«/»før«, så de passer sammen")
        self.r.placements.append(Placement(c, "new", [parent.wid], anchor.wid if pos_key else None, pos_key,
                                           [u.wid for u in units]))

    def _warn_last_item(self, c: Change, sibs: list[Unit]) -> None:
        """A new last nr./litra after one that ends with ".": its punctuation may need a change.

        Only when the list's other items end otherwise (",", ";", "og", "eller"): in a list where
        every item ends with "." (definitions, separate sentences) nothing needs changing.
        """
        def ends(u: Unit) -> str:
            lines = u.own_lines()
            return lines[-1].rstrip()[-1:] if lines and lines[-1].strip() else ""

        if ends(sibs[-1]) != ".":
            return
        if len(sibs) > 1 and all(ends(u) == "." for u in sibs[:-1]):
            return
        self.r.warnings.append(c.warning(
            f"{sibs[-1].cite()} ender med ».«, men står nu ikke sidst i opregningen: "
            f"ret tegnsætningen i en ændring for sig (fx ».« til », og«)", "ny"))

    def _sibling(self, c: Change, parent: Unit, kind: str, kind_word: str, text: str, key: str) -> Unit:
        m = re.match(r"^\s*(?:(?:stk|nr)\.?|litra)?\s*([0-9]+|[a-zæøå])\s*$", str(text), re.I)
        if not m:
            raise c.error(f"»{key}: {text}« kan ikke læses", key, hint=f"skriv fx »{key}: {kind_word}. 3«")
        num = m.group(1)
        base_parent = self.base_units.get(parent.wid) or (parent if parent.wid in self.r.inserted else None)
        for u in (base_parent.children if base_parent else []):
            if u.kind == kind and u.num == num:
                return self._place_sibling(c, u, key)
        have = ", ".join(u.cite() for u in (base_parent.children if base_parent else []) if u.kind == kind)
        raise c.error(f"{parent.cite()} har ikke {kind_word}. {num} i {self.r.base.key}", key,
                      hint=f"{parent.cite()} har: {have or 'ingen'}")

    def _place_sibling(self, c: Change, u: Unit, key: str) -> Unit:
        """A stk., nr. or litra cited only as the place of a new one ("I § 16 indsættes efter stk. 2
        som nyt stykke:") that an earlier nummer of the act rewrote ("§ 16, stk. 2, affattes således:",
        lov 1230/2010 § 1, nr. 3 and 4): the rewritten unit is still that place, as a rewritten § is
        for a new § (place). Not when the rewrite made more units of it (which of them is "stk. 2"
        then is the act's to say), nor when it or a unit around it is repealed."""
        chain = self.ancestors_and_self(u.wid)
        other = self.r.rewritten.get(u.wid)
        if other is not None and other is not c and not any(w in self.r.removed for w in chain) \
                and not any(w in self.r.rewritten for w in chain[1:]):
            pl = next((p for p in self.r.placements if p.what == "rewrite" and p.targets == [u.wid]), None)
            if pl is not None and not pl.new_wids:
                return self.units[u.wid]
        return self.live(c, u, key)

    def _new_pkt(self, c: Change, unit: Unit) -> None:
        tekst = _norm_query(c.get("tekst"))
        lines = [(p, i, b) for p in ("intro", "wrapup") for i, b in enumerate(getattr(unit, p)) if isinstance(b, Line)]
        if not lines:
            raise c.error(f"{unit.cite()} har ingen tekst at indsætte et punktum i", "i")
        key = "før" if "før" in c.data else "efter" if "efter" in c.data else None
        k_pkt = None
        if key:
            m = re.match(r"^\s*(\d+)\.?\s*(?:pkt\.?)?\s*$", str(c.get(key)))
            if not m:
                raise c.error(f"»{key}: {c.get(key)}« kan ikke læses", key, hint=f"skriv fx »{key}: 1. pkt.«")
            k_pkt = int(m.group(1))
        if c.get("som") is not None:
            # "indsættes som 2. pkt.": the number of the new punktum (counted in the text before
            # the amending act; an earlier change of punktummer in the same unit is not counted)
            som = self.som(c, "pkt")
            n = unit.punktum_count()
            if not 1 <= som <= n + 1:
                raise c.error(f"{unit.cite()} har {n} punktummer; et nyt kan ikke blive {som}. pkt.", "som",
                              hint=f"et nyt punktum kan blive 1.-{n + 1}. pkt.")
            if key and som != k_pkt + (1 if key == "efter" else 0):
                raise c.error(f"»{key}: {c.get(key)}« og »som: {c.get('som')}« passer ikke sammen", "som",
                              hint="ret den ene, så de angiver samme sted")
            if key is None and som <= n:
                key, k_pkt = "før", som
        if key:
            k, s, e = self.pkt_span(c, unit, k_pkt, key if key in c.data else "som")
            if key == "før":
                self.add_edit(c, k, unit, s, s, tekst + " ", key)
            else:
                self.add_edit(c, k, unit, e, e, " " + tekst, key)
            self.r.placements.append(Placement(c, "new", [unit.wid], None, key, offset=(k[1], k[2], s if key == "før" else e)))
            return
        part, i, line = lines[-1]
        if part == "intro" and any(ch.kind in ("paragraph", "point") for ch in unit.children):
            # "I § 20, stk. 1, indsættes som 2. pkt.:" where stk. 1 is "Med bøde straffes den, der / 1) … /
            # 2) …." (lov 590/2012 § 5, nr. 2): the new last punktum follows the list, never the words that
            # open it ("den, der Med bøde straffes …", a wrong text before)
            unit.wrapup.append(Line(tekst))
            self.touch(unit.wid, c)
            self.r.placements.append(Placement(c, "new", [unit.wid], None, None,
                                               offset=("wrapup", len(unit.wrapup) - 1, 0)))
            return
        end = len(line.text.rstrip())
        self.add_edit(c, (unit.wid, part, i), unit, end, end, " " + tekst, "ny")
        self.r.placements.append(Placement(c, "new", [unit.wid], None, None, offset=(part, i, end)))

    def _new_container(self, c: Change) -> None:
        """A new chapter or part with its heading and §§ (lovteknik §9.1 template 16)."""
        kind = "chapter" if c.get("ny") == "kapitel" else "part"
        num = addr.canonical_num(str(c.get("nummer")))
        word = "Kapitel" if kind == "chapter" else "Afsnit"
        for old in [u for u in self.r.new.walk() if u.kind == kind and u.num and addr.canonical_num(u.num) == num]:
            if not _is_repealed_container(old):
                raise c.error(f"{word.lower()} {num} findes allerede", "nummer")
            # "Kapitel 21 (Ophævet)" with "§ 114. (Ophævet)" …: the new chapter 21 takes its number and
            # place, as a new § takes a "(Ophævet)" §'s (lov 1380/2012 § 1, nr. 54, LAB LBK 706/2012)
            self.siblings(self.parents[old.wid]).remove(old)
            for u in old.walk():
                self.r.removed[u.wid] = c
                if u.wid in self.base_units:
                    self.touch(u.wid, c)
        key = "efter" if "efter" in c.data else "før" if "før" in c.data else None
        if key is None:
            raise c.error(f"et nyt {c.get('ny')} kræver »efter« eller »før« (fx efter: \"kapitel 12\")", "ny")
        target = self.resolve(c, str(c.get(key)), key)
        anchor = self.live(c, target.units[0], key)
        if anchor.kind == "section":
            # "Efter § 25 indsættes før afsnit IV": after the container that ends with that §
            while anchor.wid in self.parents and self.parents[anchor.wid] is not None \
                    and self.parents[anchor.wid].kind not in ("book",) \
                    and self.parents[anchor.wid].children[-1] is anchor \
                    and _rank(self.parents[anchor.wid].kind) <= _rank(kind):
                anchor = self.parents[anchor.wid]
        parent = self.parents[anchor.wid]
        sibs = self.siblings(parent)
        i = sibs.index(anchor) + (1 if key == "efter" else 0)
        children = self.parse_body(c)
        sections = [u for top in children for u in top.walk() if u.kind == "section"]
        # "Kapitel 3 a … Kapitel 3 b …": the later chapters (parts) of the text follow the new one,
        # they are not inside it
        j = next((n for n, u in enumerate(children) if u.kind == kind), len(children))
        children, more = children[:j], children[j:]
        if any(u.kind != kind for u in more):
            raise c.error(f"teksten blander {word.lower()}er og andre enheder efter »{more[0].label}«", "tekst")
        unit = Unit(kind, num=num, label=f"{word} {num}", heading=Line(_norm_query(c.get("overskrift"))),
                    children=children)
        unit.wid = f"new{next(self.fresh)}_{c.item}_{c.index}"
        self.units[unit.wid] = unit
        self.r.inserted[unit.wid] = c
        self.touch(unit.wid, c)
        for top in children:
            self.parents[top.wid] = unit
        sibs[i:i] = [unit] + more
        for u in [unit] + more:
            self.parents[u.wid] = parent
        for u in more:
            if u.num and any(x.kind == kind and x.num and addr.canonical_num(x.num) == addr.canonical_num(u.num)
                             and x is not u for x in self.r.new.walk()):
                raise c.error(f"{word.lower()} {u.num} findes allerede", "tekst")
        self.r.placements.append(Placement(c, "new", [parent.wid if parent is not None else ""], anchor.wid, key,
                                           [unit.wid] + [u.wid for u in more]))
        existing = {addr.canonical_num(s.num) for s in self.r.new.sections() if s.num} - \
            {addr.canonical_num(s.num) for s in sections}
        for sec in sections:
            if addr.canonical_num(sec.num) in existing:
                raise c.error(f"§ {sec.num} findes allerede", "tekst")

    def _new_section(self, c: Change) -> None:
        text, tail = _split_at_container(str(c.get("tekst")))
        if not text.strip():
            raise c.error("en ny paragraf skal begynde med sin tekst, ikke med et kapitel", "tekst",
                          hint="skriv det som et nyt kapitel (ny: kapitel)")
        chunks = split_units("section", text)
        heading = None
        if chunks and label_num("section", chunks[0]) is None and len(chunks[0].splitlines()) == 1 \
                and len(chunks) > 1:
            # "Efter § 11 indsættes: »Overskrift / § 11 a. …«": a mellemrubrik before the new §§
            heading, chunks = chunks[0].strip(), chunks[1:]
        nums = [addr.canonical_num(str(c.get("nummer")))]
        first = label_num("section", chunks[0])
        if first is not None and first != nums[0]:
            raise c.error(f"»nummer: {c.get('nummer')}« passer ikke med teksten, der begynder med »§ {first}.«",
                          "nummer", hint="ret den ene, så de er ens")
        nums += [label_num("section", ch) for ch in chunks[1:]]
        key = "efter" if "efter" in c.data else "før" if "før" in c.data else None
        if key is None:
            raise c.error("en ny paragraf kræver »efter« eller »før« (fx efter: \"§ 68 c\")", "ny")
        target = self.resolve(c, str(c.get(key)), key)
        # the anchor only gives the place: a § that the same act rewrites is still a place
        anchor = self.place(c, target.units[-1 if key == "efter" else 0], key)
        parent = self.parents[anchor.wid]
        sibs = self.siblings(parent)
        i = sibs.index(anchor) + (1 if key == "efter" else 0)
        new_units = []
        for num, chunk in zip(nums, chunks):
            self.free_section_number(c, num)
            k = addr.section_key(num)
            # "Efter § 141 indsættes: § 141 a … § 141 b …": pass new §§ already inserted here
            while (key == "efter" and i < len(sibs) and sibs[i].wid in self.r.inserted and sibs[i].num
                   and addr.section_key(sibs[i].num) < k):
                i += 1
            before = next((s for s in reversed(sibs[:i]) if s.kind == "section" and s.num), None)
            after = next((s for s in sibs[i:] if s.kind == "section" and s.num), None)
            if (before and addr.section_key(before.num) >= k) or (after and addr.section_key(after.num) <= k):
                raise c.error(f"§ {num} passer ikke ind mellem {before.cite() if before else 'begyndelsen'} og "
                              f"{after.cite() if after else 'slutningen'}", "nummer",
                              hint="en ny paragraf får nummeret før den plus et bogstav (§ 68 c → § 68 d)")
            unit = self.parse_unit(c, "section", chunk)
            unit.num, unit.label = num, f"§ {num}."
            sibs.insert(i, unit)
            self.parents[unit.wid] = parent
            new_units.append(unit)
            i += 1
        # a mellemrubrik between two new §§ comes as the last line of the first one's chunk ("… § 70 b.
        # … / Midlertidige fleksjob / § 70 c. …", lov nr. 1380 af 23/12/2012, § 1, nr. 53): a last line
        # that is no stk., nr. or sentence (no label, no closing punctuation) opens a group before the
        # next new §; the groups are made from the last one back, so that each ends at the next
        inner = []
        # after the last new §: a mellemrubrik before the § that follows (when it is a § of the same
        # group, not already under a heading of its own)
        nxt = sibs[i] if i < len(sibs) else None
        if nxt is not None and nxt.kind == "section" and nxt.num and nxt.wid not in self.r.inserted:
            line = _trailing_heading(new_units[-1])
            if line is not None:
                inner.append((line, nxt))
        for k in range(len(new_units) - 1, 0, -1):
            line = _trailing_heading(new_units[k - 1])
            if line is not None:
                inner.append((line, new_units[k]))
        for line, unit in inner:
            self.group(c, line.text, self.parents[unit.wid], [unit])
        if heading is not None:
            group = self.group(c, heading, parent, new_units)
            new_units = [group]
        elif inner:
            new_units = [u for u in new_units if self.parents[u.wid] is parent] + [
                self.parents[u.wid] for _, u in reversed(inner) if u.wid in self.r.inserted]
        last_section = [u for u in new_units for u in u.walk() if u.kind == "section"][-1]
        self._check_placering(c, new_units[0])
        if tail:
            new_units += self.chapters_after(c, last_section, tail)
        if parent is not None:
            self.touch(parent.wid, c)
        self.r.placements.append(Placement(c, "new", [parent.wid if parent is not None else ""], anchor.wid, key,
                                           [u.wid for u in new_units]))

    def _check_placering(self, c: Change, unit: Unit) -> None:
        """`placering` of an imported act ("Efter § 19 indsættes i kapitel 4:"): the new § goes
        after the § it names, in that §'s group; a placement that says otherwise is refused, never
        executed in the wrong place. "i kapitel N"/"i afsnit N" is checked against where the §
        landed; "efter overskriften …" (the new § opens the next group) is not done yet."""
        p = str(c.get("placering") or "")
        if not p:
            return
        if "efter overskrift" in p:
            raise c.error(f"placeringen »{p}« kan lawdiff endnu ikke udføre (den nye paragraf skal stå "
                          f"efter en overskrift)", "placering", hint="nummeret kan ikke udføres; markér det som ikke udført")
        for word, num in re.findall(r"\bi (kapitel|afsnit|Afsnit) ([0-9IVXLC]+(?: [a-zæøåA-ZÆØÅ](?![\wæøå]))?)", p):
            kind = "chapter" if word == "kapitel" else "part"
            up = self.parents.get(unit.wid)
            while up is not None and up.kind != kind:
                up = self.parents.get(up.wid)
            if up is None or (up.num or "").lower() != num.lower():
                raise c.error(f"placeringen »{p}« passer ikke: den nye paragraf kommer efter {c.get('efter') or c.get('før')} "
                              f"i {up.label if up is not None else 'loven uden for et ' + word}", "placering",
                              hint="lawdiff flytter endnu ikke en ny paragraf til et andet kapitel; nummeret kan ikke udføres")

    # -- driver -------------------------------------------------------------
    def apply(self, c: Change) -> None:
        self.check_der_bliver(c)
        if c.verb in ("ændres", "udgår", "indsættes_efter", "indsættes_før"):
            self.words(c)
        elif c.verb == "ophæves":
            self.repeal(c)
        elif c.verb == "affattes":
            self.rewrite(c)
        elif c.verb == "ny":
            self.new_unit(c)
        elif c.verb == "overskrift":
            self.heading(c)
        if self.der_open:
            self._recheck_der_bliver()

    def finish(self) -> LawResult:
        # apply the changes of words, right to left on each line so that spans stay valid
        for (wid, part, i), edits in self.r.edits.items():
            if part == "title":
                text = _apply_edits(self.r.new.title, edits)
                if self.r.new.doc_title.endswith(self.r.new.title):
                    self.r.new.doc_title = self.r.new.doc_title[:-len(self.r.new.title)] + text
                elif self.r.new.doc_title.lower() == self.r.new.title.lower():
                    self.r.new.doc_title = text[:1].upper() + text[1:]
                self.r.new.title = text
                continue
            unit = self.units[wid]
            if part == "heading":
                unit.heading = Line(_apply_edits(unit.heading.text, edits), unit.heading.notes)
                continue
            blocks = getattr(unit, part)
            line = blocks[i]
            blocks[i] = Line(_apply_edits(line.text, edits), line.notes)
        self._check_text_labels()
        assign_eids(self.r.new)
        self._reference_warnings()
        return self.r

    def _check_text_labels(self) -> None:
        """A new stk., nr. or litra whose text begins with a label ("Stk. 7. …", "5) …") must get
        that number once the act's changes are made: the label states where the drafter means it
        to stand, so a mismatch is refused, never relabelled silently. (Measured on the 120 corpus
        chains: 337 of 337 such labels of the real acts' new units equal the number the engine gives,
        and no rewritten unit's label differs.) A rewritten unit (»affattes« of one stk.) is checked
        against the number it has once the act's changes are made."""
        for unit, num, label, c in self.text_labels:
            if unit.num is None or unit.wid in self.r.removed or unit.wid not in self.parents:
                continue
            if unit.num != num:
                where = cite_path(unit, self.parents)
                raise c.error(f"teksten begynder med »{label}«, men enheden bliver {where}", "tekst",
                              hint="ret nummeret i teksten eller placeringen, så de passer sammen")
