"""Apply a proposal to its base acts: the consolidated acts plus a log for the redline.

Rules (shared/reference/lovteknik.md §1 and §9):
- Every address cites the law as it stands *before* the proposal (R3). A unit
  that an earlier change repealed or rewrote cannot be changed again; a unit
  that only moved (was renumbered) is still cited by its old number.
- Changes of words quote the words that stand in the law today. They must be
  found exactly as many times as stated (`antal`, default 1), or `forekomst`
  picks one. Matching ignores no-break spaces and soft hyphens, and never
  matches inside a word.
- Two changes may not touch the same words; a unit that is rewritten, repealed
  or moved by one change cannot be touched by another.
- New or repealed stk., nr. and litra renumber their followers; paragraffer
  never renumber (lovteknik §1.9). Stable ids (`wid`) follow the units.
- References elsewhere to a unit that moves are reported as warnings naming the
  konsekvensændring needed (R5).

Nothing here alters the stored act: the engine works on a deep copy.
"""
from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass, field

from . import address as addr
from . import labels
from .errors import AddressError, LawdiffError, MappingError
from .importers.text import read_unit
from .model import Act, Line, Unit, ancestry, assign_eids
from .proposal import Change, Proposal, ProposalError
from .text import norm_map, split_punktum

def _norm_query(q: str) -> str:
    return norm_map(q)[0].strip()


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def find_all(text: str, query: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Spans of `query` in `text[lo:hi]` (original indices), matched normalised and on word boundaries."""
    hi = len(text) if hi is None else hi
    normed, idx = norm_map(text)
    q = _norm_query(query)
    if not q:
        return []
    out = []
    start = normed.find(q)
    while start != -1:
        end = start + len(q)
        before = normed[start - 1] if start > 0 else " "
        after = normed[end] if end < len(normed) else " "
        ok_left = not (_is_word(q[0]) and _is_word(before))
        ok_right = not (_is_word(q[-1]) and _is_word(after))
        o_start, o_end = idx[start], idx[end - 1] + 1
        if ok_left and ok_right and lo <= o_start and o_end <= hi:
            out.append((o_start, o_end))
        start = normed.find(q, start + 1)
    return out


# --- the log ----------------------------------------------------------------

@dataclass
class Edit:
    """A change of words on one line of the base text: [start, end) becomes `new`."""
    start: int
    end: int
    new: str
    change: Change


LineKey = tuple[str, str, int]  # (unit wid, "intro"|"wrapup"|"heading", block index)


@dataclass
class Placement:
    """Where a change acts, in the base act: what the amendment text generator needs."""
    change: Change
    what: str  # "words", "repeal", "rewrite", "new", "heading"
    targets: list[str]  # base wids the change is in (new units: the parent, "" for the top level)
    anchor: str | None = None  # new units: the base sibling they go "efter"/"før"
    side: str | None = None  # "efter", "før", or None (at the end)
    new_wids: list[str] = field(default_factory=list)  # the units a "new" change inserted
    offset: tuple = ()  # changes of words: (part, block, start) of the first edit


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


@dataclass
class Result:
    proposal: Proposal
    laws: dict[str, LawResult]
    base_result: "Result | None" = None

    @property
    def warnings(self) -> list[str]:
        return [w for r in self.laws.values() for w in r.warnings]


# --- helpers on the tree ------------------------------------------------------

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
_KIND_OF = {"stk": "subsection", "nr": "paragraph", "litra": "point", "paragraf": "section"}




class _Applier:
    def __init__(self, law: str, base: Act):
        self.r = LawResult(law, base, copy.deepcopy(base))
        self.r.new.__dict__.pop("_section_index", None)  # the copy will change; never reuse the index
        self.units, self.parents = _index(self.r.new)
        self.base_units, self.base_parents = _index(base)
        self.fresh = itertools.count(1)

    # -- resolution ---------------------------------------------------------
    def resolve(self, c: Change, text: str, key: str) -> addr.Target:
        try:
            return addr.resolve(self.r.base, text)
        except AddressError as e:
            raise c.error(f"{e.message} (i {self.r.base.key})", key, hint=e.hint) from None

    def live(self, c: Change, base_unit: Unit, key: str) -> Unit:
        """The unit in the working copy; refuses one an earlier change removed or rewrote."""
        wid = base_unit.wid
        chain = self._ancestors_and_self(wid)
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

    def _ancestors_and_self(self, wid: str) -> list[str]:
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

    # -- changes of words ---------------------------------------------------
    def _lines(self, unit: Unit) -> list[tuple[LineKey, Line, Unit]]:
        out = []
        for u in unit.walk():
            for part in ("intro", "wrapup"):
                for i, b in enumerate(getattr(u, part)):
                    if isinstance(b, Line):
                        out.append(((u.wid, part, i), b, u))
        return out

    def _pkt_span(self, c: Change, unit: Unit, k: int, key: str) -> tuple[LineKey, int, int]:
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

    def scope(self, c: Change, key: str = "i") -> list[tuple[LineKey, Line, Unit, int, int]]:
        """The lines (with an allowed span) a change of words may touch."""
        if c.get("overalt"):
            return [(k, ln, u, 0, len(ln.text)) for sec in self.r.new.sections() for k, ln, u in self._lines(sec)]
        target = self.resolve(c, c.get("i"), key)
        out = []
        for bu in target.units:
            unit = self.live(c, bu, key)
            if target.address.pkt:
                k, s, e = self._pkt_span(c, unit, target.address.pkt, key)
                line = getattr(self.units[k[0]], k[1])[k[2]]
                out.append((k, line, unit, s, e))
            else:
                out.extend((k, ln, u, 0, len(ln.text)) for k, ln, u in self._lines(unit))
        return out

    def _where(self, c: Change) -> str:
        return "loven" if c.get("overalt") else str(c.get("i"))

    def find(self, c: Change, words: str, key: str) -> list[tuple[LineKey, Line, Unit, int, int]]:
        lines = self.scope(c)
        hits = [(k, ln, u, s, e) for k, ln, u, lo, hi in lines for s, e in find_all(ln.text, words, lo, hi)]
        want = c.get("antal")
        occ = c.get("forekomst")
        if not hits:
            text = " ".join(ln.text[lo:hi] for _, ln, _, lo, hi in lines)
            raise c.error(f"»{words}« findes ikke i {self._where(c)}", key,
                          hint=f"{_closest(words, text)}; teksten er: »{_clip(text)}«")
        if occ is not None:
            if occ > len(hits):
                raise c.error(f"forekomst {occ} af »{words}« findes ikke; ordene står {len(hits)} "
                              f"{'gang' if len(hits) == 1 else 'gange'} i {self._where(c)}", "forekomst")
            return [hits[occ - 1]]
        if c.get("overalt") and want is None:
            return hits
        want = want or 1
        if len(hits) != want:
            raise c.error(f"»{words}« står {len(hits)} {'gang' if len(hits) == 1 else 'gange'} i "
                          f"{self._where(c)}, ikke {want}", key,
                          hint=f"skriv antal: {len(hits)} (»{_count_word(len(hits))} steder i …«), "
                               "vælg én med forekomst: N, eller citér flere ord, så stedet er entydigt")
        return hits

    def add_edit(self, c: Change, key: LineKey, unit: Unit, start: int, end: int, new: str, field_: str) -> None:
        edits = self.r.edits.setdefault(key, [])
        for e in edits:
            overlap = (start < e.end and e.start < end) or (start == end == e.start == e.end) \
                or (start == end and e.start < start < e.end) or (e.start == e.end and start < e.start < end)
            if overlap:
                text = getattr(self.units[key[0]], key[1])[key[2]].text
                raise c.error(f"ændringen rører ved de samme ord som {e.change.ref} (»{text[e.start:e.end]}«)",
                              field_, hint="slå de to ændringer sammen til én")
        edits.append(Edit(start, end, new, c))
        self.touch(unit.wid, c)

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
                self.add_edit(c, k, u, s, e, _norm_query(c.get("til")) if c.get("til").strip() else "", verb)
            elif verb == "udgår":
                s, e = _widen_deletion(ln.text, s, e)
                self.add_edit(c, k, u, s, e, "", verb)
            elif verb == "indsættes_efter":
                tekst = _norm_query(c.get("tekst"))
                self.add_edit(c, k, u, e, e, tekst if re.match(r"^[,.;:)]", tekst) else " " + tekst, verb)
            else:
                self.add_edit(c, k, u, s, s, _norm_query(c.get("tekst")) + " ", verb)

    # -- structure ----------------------------------------------------------
    def _parse(self, c: Change, kind: str, text: str) -> Unit:
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
        return unit

    def _siblings(self, parent: Unit | None) -> list[Unit]:
        return parent.children if parent is not None else self.r.new.body

    def _renumber(self, c: Change, parent: Unit, kind: str) -> None:
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
                u.num, u.label = num, label
            elif u.label != label and (label is None or u.label is None):
                u.label = label

    def repeal(self, c: Change) -> None:
        target = self.resolve(c, c.get("ophæves"), "ophæves")
        if target.address.pkt:
            unit = self.live(c, target.units[0], "ophæves")
            k, s, e = self._pkt_span(c, unit, target.address.pkt, "ophæves")
            line = getattr(self.units[k[0]], k[1])[k[2]]
            s, e = _widen_deletion(line.text, s, e)
            self.add_edit(c, k, unit, s, e, "", "ophæves")
            self.r.placements.append(Placement(c, "words", [unit.wid], offset=(k[1], k[2], s)))
            return
        if "tekst" in c.data:
            return self._replace(c, target)
        self.r.placements.append(Placement(c, "repeal", [u.wid for u in target.units]))
        for bu in target.units:
            unit = self.live(c, bu, "ophæves")
            self._check_untouched(c, unit, "ophæves")
            parent = self.parents[unit.wid]
            self._siblings(parent).remove(unit)
            for u in unit.walk():
                self.r.removed[u.wid] = c
            if parent is not None:
                self.touch(parent.wid, c)
                if unit.kind in ("subsection", "paragraph", "point"):
                    self._renumber(c, parent, unit.kind)

    def _replace(self, c: Change, target: addr.Target) -> None:
        """Template 10: the unit is repealed and new units (one or more) take its place."""
        if len(target.units) != 1 or target.units[0].kind not in ("subsection", "paragraph", "point"):
            raise c.error("»ophæves« med »tekst« bruges til stk., nr. eller litra", "ophæves",
                          hint="nyaffat en paragraf med »affattes«")
        unit = self.live(c, target.units[0], "ophæves")
        self._check_untouched(c, unit, "ophæves")
        parent = self.parents[unit.wid]
        label = {"subsection": r"Stk\.\s*\d+\.", "paragraph": r"\d+\)", "point": r"[a-zæøå]\)"}[unit.kind]
        chunks: list[list[str]] = []
        for ln in str(c.get("tekst")).strip().splitlines():
            if re.match(rf"^\s*{label}", norm_map(ln)[0]) or not chunks:
                chunks.append([])
            chunks[-1].append(ln)
        new_units = [self._parse(c, unit.kind, "\n".join(ch)) for ch in chunks]
        i = parent.children.index(unit)
        parent.children[i:i + 1] = new_units
        for u in unit.walk():
            self.r.removed[u.wid] = c
        for u in new_units:
            self.parents[u.wid] = parent
        self.touch(parent.wid, c)
        self._renumber(c, parent, unit.kind)
        self.r.placements.append(Placement(c, "replace", [unit.wid], new_wids=[u.wid for u in new_units]))

    def _check_untouched(self, c: Change, unit: Unit, key: str) -> None:
        for u in unit.walk():
            for other in self.r.touched.get(u.wid, []):
                if other is not c:
                    raise c.error(f"{other.ref} ændrer allerede i {u.cite()}", key,
                                  hint="en enhed, der ophæves eller nyaffattes, kan ikke også ændres andetsteds")

    def rewrite(self, c: Change) -> None:
        target = self.resolve(c, c.get("affattes"), "affattes")
        if len(target.units) != 1:
            raise c.error("nyaffattelse af flere paragraffer på én gang understøttes ikke", "affattes",
                          hint="nyaffattes hver paragraf for sig")
        unit = self.live(c, target.units[0], "affattes")
        if target.address.pkt:
            k, s, e = self._pkt_span(c, unit, target.address.pkt, "affattes")
            self.add_edit(c, k, unit, s, e, _norm_query(c.get("tekst")), "affattes")
            self.r.placements.append(Placement(c, "words", [unit.wid], offset=(k[1], k[2], s)))
            return
        if unit.kind not in ("section", "subsection", "paragraph", "point"):
            raise c.error(f"{unit.cite()} kan ikke nyaffattes", "affattes")
        self._check_untouched(c, unit, "affattes")
        new = self._parse(c, unit.kind, c.get("tekst"))
        for u in list(unit.walk())[1:]:
            self.r.removed[u.wid] = c
        unit.intro, unit.wrapup, unit.children = new.intro, new.wrapup, new.children
        for ch in unit.children:
            self.parents[ch.wid] = unit
        self.r.rewritten[unit.wid] = c
        self.touch(unit.wid, c)
        self.r.placements.append(Placement(c, "rewrite", [unit.wid]))

    def heading(self, c: Change) -> None:
        target = self.resolve(c, c.get("overskrift"), "overskrift")
        unit = target.units[0]
        if unit.kind == "section":
            # the mellemrubrik before a §: the group it opens
            parent = self.base_parents.get(unit.wid)
            if parent is None or parent.kind != "group" or parent.children[0] is not unit:
                raise c.error(f"der står ingen overskrift før {unit.cite()}", "overskrift",
                              hint="brug »ny« … eller nyaffatning af kapiteloverskriften")
            unit = parent
        live = self.live(c, unit, "overskrift")
        if live.heading is None:
            raise c.error(f"{unit.cite()} har ingen overskrift", "overskrift")
        key = (live.wid, "heading", 0)
        if key in self.r.edits:
            raise c.error(f"overskriften ændres allerede af {self.r.edits[key][0].change.ref}", "overskrift")
        self.r.edits[key] = [Edit(0, len(live.heading.text), _norm_query(c.get("tekst")), c)]
        self.touch(live.wid, c)
        self.r.placements.append(Placement(c, "heading", [live.wid]))

    def new_unit(self, c: Change) -> None:
        kind_word = c.get("ny")
        if kind_word == "paragraf":
            return self._new_section(c)
        if kind_word in ("kapitel", "afsnit"):
            return self._new_container(c)
        if "i" not in c.data:
            raise c.error(f"en ny {kind_word} kræver »i« (den enhed, den indsættes i)", "ny")
        target = self.resolve(c, c.get("i"), "i")
        parent = self.live(c, target.units[0], "i")
        if kind_word == "pkt":
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
        unit = self._parse(c, kind, c.get("tekst"))
        sibs = [u for u in parent.children if u.kind == kind]
        pos_key = "efter" if "efter" in c.data else "før" if "før" in c.data else None
        if pos_key:
            anchor = self._sibling(c, parent, kind, kind_word, c.get(pos_key), pos_key)
            i = parent.children.index(anchor) + (1 if pos_key == "efter" else 0)
        else:
            i = (parent.children.index(sibs[-1]) + 1) if sibs else len(parent.children)
            if sibs and kind in ("paragraph", "point"):
                last = sibs[-1].own_lines()
                if last and last[-1].rstrip().endswith("."):
                    self.r.warnings.append(c.warning(
                        f"{sibs[-1].cite()} ender med ».«, men står nu ikke sidst i opregningen: "
                        f"ret tegnsætningen i en ændring for sig (fx ».« til », og«)", "ny"))
        parent.children.insert(i, unit)
        self.parents[unit.wid] = parent
        self.touch(parent.wid, c)
        self._renumber(c, parent, kind)
        self.r.placements.append(Placement(c, "new", [parent.wid], anchor.wid if pos_key else None, pos_key,
                                           [unit.wid]))

    def _sibling(self, c: Change, parent: Unit, kind: str, kind_word: str, text: str, key: str) -> Unit:
        m = re.match(r"^\s*(?:(?:stk|nr)\.?|litra)?\s*([0-9]+|[a-zæøå])\s*$", str(text), re.I)
        if not m:
            raise c.error(f"»{key}: {text}« kan ikke læses", key, hint=f"skriv fx »{key}: {kind_word}. 3«")
        num = m.group(1)
        base_parent = self.base_units.get(parent.wid)
        for u in (base_parent.children if base_parent else []):
            if u.kind == kind and u.num == num:
                return self.live(c, u, key)
        have = ", ".join(u.cite() for u in (base_parent.children if base_parent else []) if u.kind == kind)
        raise c.error(f"{parent.cite()} har ikke {kind_word}. {num} i {self.r.base.key}", key,
                      hint=f"{parent.cite()} har: {have or 'ingen'}")

    def _new_pkt(self, c: Change, unit: Unit) -> None:
        tekst = _norm_query(c.get("tekst"))
        lines = [(p, i, b) for p in ("intro", "wrapup") for i, b in enumerate(getattr(unit, p)) if isinstance(b, Line)]
        if not lines:
            raise c.error(f"{unit.cite()} har ingen tekst at indsætte et punktum i", "i")
        if "før" in c.data or "efter" in c.data:
            key = "før" if "før" in c.data else "efter"
            m = re.match(r"^\s*(\d+)\.?\s*(?:pkt\.?)?\s*$", str(c.get(key)))
            if not m:
                raise c.error(f"»{key}: {c.get(key)}« kan ikke læses", key, hint=f"skriv fx »{key}: 1. pkt.«")
            k, s, e = self._pkt_span(c, unit, int(m.group(1)), key)
            if key == "før":
                self.add_edit(c, k, unit, s, s, tekst + " ", key)
            else:
                self.add_edit(c, k, unit, e, e, " " + tekst, key)
            self.r.placements.append(Placement(c, "new", [unit.wid], None, key, offset=(k[1], k[2], s if key == "før" else e)))
            return
        part, i, line = lines[-1]
        end = len(line.text.rstrip())
        self.add_edit(c, (unit.wid, part, i), unit, end, end, " " + tekst, "ny")
        self.r.placements.append(Placement(c, "new", [unit.wid], None, None, offset=(part, i, end)))

    def _new_container(self, c: Change) -> None:
        """A new chapter or part with its heading and §§ (lovteknik §9.1 template 16)."""
        kind = "chapter" if c.get("ny") == "kapitel" else "part"
        num = addr.canonical_num(str(c.get("nummer")))
        word = "Kapitel" if kind == "chapter" else "Afsnit"
        if any(u.kind == kind and u.num and addr.canonical_num(u.num) == num for u in self.r.new.walk()):
            raise c.error(f"{word.lower()} {num} findes allerede", "nummer")
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
        sibs = self._siblings(parent)
        i = sibs.index(anchor) + (1 if key == "efter" else 0)
        children = self._parse_body(c)
        sections = [u for top in children for u in top.walk() if u.kind == "section"]
        unit = Unit(kind, num=num, label=f"{word} {num}", heading=Line(_norm_query(c.get("overskrift"))),
                    children=children)
        unit.wid = f"new{next(self.fresh)}_{c.item}_{c.index}"
        self.units[unit.wid] = unit
        self.r.inserted[unit.wid] = c
        self.touch(unit.wid, c)
        for top in children:
            self.parents[top.wid] = unit
        sibs.insert(i, unit)
        self.parents[unit.wid] = parent
        self.r.placements.append(Placement(c, "new", [parent.wid if parent is not None else ""], anchor.wid, key,
                                           [unit.wid]))
        existing = {addr.canonical_num(s.num) for s in self.r.new.sections() if s.num} - \
            {addr.canonical_num(s.num) for s in sections}
        for sec in sections:
            if addr.canonical_num(sec.num) in existing:
                raise c.error(f"§ {sec.num} findes allerede", "tekst")

    def _parse_body(self, c: Change) -> list[Unit]:
        """The §§ (and chapters, "Kapitel 3 a" + heading line) of a new chapter or part."""
        from .importers.text import read_text

        try:
            body = read_text(str(c.get("tekst")), "»tekst«", "x", "LOV nr. 1 af 01/01/2000").body
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

    def _new_section(self, c: Change) -> None:
        num = addr.canonical_num(str(c.get("nummer")))
        if any(s.num and addr.canonical_num(s.num) == num for s in self.r.new.sections()):
            raise c.error(f"§ {num} findes allerede", "nummer", hint="vælg et ledigt nummer, fx med bogstav (§ 68 d)")
        key = "efter" if "efter" in c.data else "før" if "før" in c.data else None
        if key is None:
            raise c.error("en ny paragraf kræver »efter« eller »før« (fx efter: \"§ 68 c\")", "ny")
        target = self.resolve(c, str(c.get(key)), key)
        anchor = self.live(c, target.units[-1 if key == "efter" else 0], key)
        parent = self.parents[anchor.wid]
        sibs = self._siblings(parent)
        i = sibs.index(anchor) + (1 if key == "efter" else 0)
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
        unit = self._parse(c, "section", c.get("tekst"))
        unit.num, unit.label = num, f"§ {num}."
        sibs.insert(i, unit)
        self.parents[unit.wid] = parent
        if parent is not None:
            self.touch(parent.wid, c)
        self.r.placements.append(Placement(c, "new", [parent.wid if parent is not None else ""], anchor.wid, key,
                                           [unit.wid]))

    # -- driver -------------------------------------------------------------
    def apply(self, c: Change) -> None:
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

    def finish(self) -> LawResult:
        # apply the changes of words, right to left on each line so that spans stay valid
        for (wid, part, i), edits in self.r.edits.items():
            unit = self.units[wid]
            if part == "heading":
                unit.heading = Line(edits[0].new, unit.heading.notes)
                continue
            blocks = getattr(unit, part)
            line = blocks[i]
            text = line.text
            for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
                text = text[:e.start] + e.new + text[e.end:]
            blocks[i] = Line(text, line.notes)
        assign_eids(self.r.new)
        self._reference_warnings()
        return self.r

    _REF = re.compile(r"(?P<sec>§\s*(?P<p>\d+(?:\s[a-zæøå])?),\s*)?stk\.\s*(?P<a>\d+)"
                      r"(?:\s*(?P<sep>-|–|og)\s*(?P<b>\d+))?(?!\d)")

    def _reference_warnings(self) -> None:
        """R5: references to stk. that moved need a konsekvensændring."""
        moved: dict[str, dict[str, str]] = {}  # section wid -> {old stk. number: new}
        cause: dict[str, Change] = {}
        for wid, c in self.r.moved_by.items():
            b, n = self.base_units.get(wid), self.units.get(wid)
            if b is None or n is None or b.num == n.num or b.kind != "subsection":
                continue
            sec = self.parents.get(wid)
            if sec is None or sec.wid in self.r.removed:
                continue
            moved.setdefault(sec.wid, {})[b.num] = n.num
            cause.setdefault(sec.wid, c)
        if not moved:
            return
        from .refs import _OTHER_ACT
        by_num = {addr.canonical_num(s.num): s for s in self.r.base.sections() if s.num}
        for s in self.r.base.sections():
            for u in s.walk():
                if u.wid in self.r.removed or u.wid in self.r.rewritten:
                    continue
                for part in ("intro", "wrapup"):
                    for i, b in enumerate(getattr(u, part)):
                        if isinstance(b, Line):
                            self._scan_refs(s, u, (u.wid, part, i), b.text, by_num, moved, cause, _OTHER_ACT)

    def _scan_refs(self, s: Unit, u: Unit, key: LineKey, line: str, by_num, moved, cause, other_act) -> None:
        edits = self.r.edits.get(key, [])
        text, idx = norm_map(line)
        for m in self._REF.finditer(text):
            o_start, o_end = idx[m.start()], idx[m.end() - 1] + 1
            if any(e.start < o_end and o_start < e.end for e in edits):
                continue  # a change of this proposal already rewrites the reference
            if m.group("sec"):
                if other_act.search(text[m.end():m.end() + 40]):
                    continue
                target = by_num.get(addr.canonical_num(m.group("p")))
            else:
                target = s
            mapping = moved.get(target.wid) if target is not None else None
            if not mapping:
                continue
            a, b = m.group("a"), m.group("b")
            na, nb = mapping.get(a, a), (mapping.get(b, b) if b else None)
            if na == a and nb == b:
                continue
            old = m.group(0)
            new = old[:m.start("a") - m.start()] + na + (
                old[m.end("a") - m.start():m.start("b") - m.start()] + nb if b else "")
            self.r.warnings.append(cause[target.wid].warning(
                f"{cite_path(u, self.base_parents)} henviser til »{old}«, der bliver »{new}«: "
                f"konsekvensændring nødvendig (ændres »{old}« til: »{new}«)"))


def _rank(kind: str) -> int:
    return {"section": 0, "group": 1, "chapter": 2, "part": 3, "book": 4}.get(kind, 0)


def addr_kind(kind: str) -> str:
    return {"section": "paragraf", "subsection": "stk.", "paragraph": "nr."}[kind]


def cite_path(u: Unit, parents: dict[str, Unit | None]) -> str:
    """'§ 68 a, stk. 9' for a unit, from its ancestors."""
    return addr.citation(ancestry(u, parents))


def _relabel_all(unit: Unit) -> None:
    for u in unit.walk():
        for kind in ("subsection", "paragraph", "point"):
            sibs = [c for c in u.children if c.kind == kind]
            for i, c in enumerate(sibs, 1):
                c.num, c.label = labels.for_position(kind, i)


def _widen_deletion(text: str, s: int, e: int) -> tuple[int, int]:
    """Take one adjacent space with deleted words, so no double space or " ." is left."""
    if e < len(text) and text[e] == " " and (s == 0 or text[s - 1] == " "):
        return s, e + 1
    if s > 0 and text[s - 1] == " " and (e == len(text) or text[e] in " .,;:)"):
        return s - 1, e
    return s, e


def _count_word(n: int) -> str:
    return {2: "To", 3: "Tre", 4: "Fire", 5: "Fem", 6: "Seks"}.get(n, str(n))


def _clip(text: str, n: int = 300) -> str:
    return text if len(text) <= n else text[:n] + " …"


def _closest(words: str, text: str) -> str:
    """The passage of `text` most like `words`, for the error message."""
    import difflib

    toks = text.split()
    size = max(1, len(words.split()))
    best, score = "", 0.0
    for i in range(0, max(1, len(toks) - size + 1)):
        cand = " ".join(toks[i:i + size])
        r = difflib.SequenceMatcher(None, words, cand).ratio()
        if r > score:
            best, score = cand, r
    return f"nærmeste: »{best}«" if best else "teksten er tom"


def apply_proposal(proposal: Proposal, acts: dict[str, Act]) -> dict[str, LawResult]:
    """Apply every change of `proposal` to `acts` (law -> base act). Raises ProposalError."""
    appliers = {law: _Applier(law, act) for law, act in acts.items()}
    for c in proposal.changes:
        appliers[c.law].apply(c)
    return {law: a.finish() for law, a in appliers.items()}


def run(proposal: Proposal, store, loader=None, _chain: tuple = ()) -> Result:
    """Apply a proposal (and first the one it builds on) to its base versions from `store`."""
    from .proposal import load_proposal

    loader = loader or load_proposal
    base_result = None
    acts: dict[str, Act] = {}
    if proposal.builds_on:
        from pathlib import Path

        from .paths import UnsafePath, relative_inside

        p = proposal.builds_on_pos
        try:  # only a regular file inside the proposal's own folder (no absolute path, .., symlink out)
            other_path = relative_inside(Path(proposal.path).parent, proposal.builds_on, "»bygger_på«")
        except UnsafePath as e:
            raise ProposalError(e.message, proposal.path, p.line if p else 1, p.col if p else 1, hint=e.hint) from None
        if not other_path.exists():
            raise ProposalError(f"»bygger_på«: {proposal.builds_on} findes ikke", proposal.path,
                                p.line if p else 1, p.col if p else 1,
                                hint="angiv filnavnet på et andet forslag i samme mappe")
        chain = _chain + (Path(proposal.path).resolve(),)
        if other_path.resolve() in chain:  # a cycle (or a proposal building on itself)
            p = proposal.builds_on_pos
            ring = " → ".join(x.name for x in chain[chain.index(other_path.resolve()):] + (other_path.resolve(),))
            raise ProposalError(f"»bygger_på« danner en ring: {ring}", proposal.path, p.line if p else 1,
                                p.col if p else 1, hint="et forslag kan ikke bygge på sig selv; fjern »bygger_på« i et af dem")
        base_result = run(loader(other_path), store, loader, chain)
        for law, lr in base_result.laws.items():
            acts[law] = lr.new
    for law, ref in proposal.laws.items():
        if law in acts:
            continue
        try:
            acts[law] = store.load(ref)
        except LawdiffError as e:
            raise ProposalError(f"»love«: {e.message}", proposal.path, 1, 1, hint=e.hint) from None
        if acts[law].law != law:
            raise ProposalError(f"»love«: {ref} er ikke loven »{law}«", proposal.path, 1, 1)
    laws = apply_proposal(proposal, {law: acts[law] for law in proposal.laws})
    return Result(proposal, laws, base_result)


def as_version(lr: LawResult, date: str, source: str) -> Act:
    """The consolidated act as a new version of the same work: same document, new date and source."""
    act = copy.copy(lr.new)
    act.__dict__.pop("_section_index", None)
    act.date, act.source = date, source
    return act
