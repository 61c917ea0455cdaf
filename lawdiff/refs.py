"""In-text references to punktummer ("jf. § 30 a, stk. 3, 2. pkt.", "stk. 2, 1. pkt.", "2. pkt.").

Used by `lawdiff check` to test punktum counting against the law's own text:
a reference "N. pkt." to a unit of the same act implies that unit has at least N
punktummer (lovteknik.md §9.3, validation hooks).

Only references that can be resolved without guessing are checked:
- explicit ones ("§ 68 a, stk. 2, 3. pkt."),
- relative ones ("stk. 2, 1. pkt.", "nr. 3, 2. pkt.", "2. pkt.") in a sentence that
  names no other § before them,
and never one followed by a reference to another act ("…, 1. pkt., i lov om …").
Everything else is counted as skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .address import Address, canonical_num, punktum_spans, resolve
from .errors import AddressError
from .model import Act, Unit
from .text import split_punktum

_CHAIN = re.compile(
    r"(?:§\s*(?P<sec>\d+(?:\s[a-zæøå])?)\s*,\s*)?"
    r"(?:[Ss]tk\.\s*(?P<stk>\d+)\s*,\s*)?"
    r"(?:[Nn]r\.\s*(?P<nr>\d+)\s*,\s*)?"
    r"(?P<ks>(?:\d+\.\s*(?:,|-|–|og|eller)\s*)*)"
    r"(?P<k>\d+)\.\s*pkt\b"
)
_OTHER_ACT = re.compile(
    r"\bi\s+(?!denne\s+lov)(?:(?:den|de|det)\s+(?:tidligere|hidtidige|gældende)\s+)?(?:lov\b|lovbekendtgørelse|bekendtgørelse|forordning|direktiv|"
    r"[a-zæøå-]+loven\b|[a-zæøå-]+lovens\b|[A-ZÆØÅ])|\blovens?\s+§|\bloven\s+om\b"
)
# "ligningslovens § 16 A", "Lov om kommunernes styrelse § 22": a § of another act
_OTHER_ACT_BEFORE = re.compile(r"(?:[a-zæøå]lovens?\s*$|\b[Ll]ov om\b)")
_SECTION_MENTION = re.compile(r"§")
_AMENDS = re.compile(r"foretages følgende ændring")


@dataclass
class PktRef:
    unit: Unit  # where the reference stands
    text: str  # the reference as written
    target: Address
    needed: int  # at least this many punktummer
    found: int  # punktummer the target has


@dataclass
class PktReport:
    checked: list[PktRef]
    skipped: int

    @property
    def failures(self) -> list[PktRef]:
        return [r for r in self.checked if r.found < r.needed]


def _provisions(act: Act):
    """(section, subsection, unit) for every provision with its own text."""
    for sec in act.sections():
        if not sec.num or not re.fullmatch(r"\d+(?: [a-zæøå]{1,2})?", sec.num):
            continue
        for stk in sec.children:
            for u in stk.walk():
                yield sec, stk, u


def check_pkt_refs(act: Act) -> PktReport:
    checked: list[PktRef] = []
    skipped = 0
    amending = {s.wid for s in act.sections()
                if any(_AMENDS.search(line) for u in s.walk() for line in u.own_lines())}
    for sec, stk, unit in _provisions(act):
        if sec.wid in amending:
            continue  # a § of an original act that amends another act: its references are to that act
        for line in unit.own_lines():
            for sentence in split_punktum(line):
                for m in _CHAIN.finditer(sentence):
                    rest = sentence[m.end():]
                    head = sentence[:m.start()]
                    g = m.groupdict()
                    if _OTHER_ACT.search(rest) or _OTHER_ACT.search(head[-40:]) or _OTHER_ACT_BEFORE.search(head):
                        skipped += 1
                        continue
                    if g["sec"]:
                        addr = Address(section=canonical_num(g["sec"]), subsection=g["stk"], paragraph=g["nr"])
                    elif _SECTION_MENTION.search(head):
                        skipped += 1  # "§ 5, stk. 1, og stk. 2, 1. pkt.": stk. 2 of which §?
                        continue
                    elif g["stk"]:
                        addr = Address(section=sec.num, subsection=g["stk"], paragraph=g["nr"])
                    elif g["nr"]:
                        addr = Address(section=sec.num, subsection=stk.num, paragraph=g["nr"])
                    elif unit is stk:
                        addr = Address(section=sec.num, subsection=stk.num)
                    else:
                        skipped += 1  # a bare "N. pkt." inside a nr./litra
                        continue
                    try:
                        target = resolve(act, addr)
                    except AddressError:
                        skipped += 1  # a broken or external reference is not a punktum question
                        continue
                    t = target.units[0]
                    if t.kind == "section":
                        subs = [c for c in t.children if c.kind == "subsection"]
                        if len(subs) != 1:
                            skipped += 1
                            continue
                        t = subs[0]
                    needed = max(int(k) for k in re.findall(r"\d+", g["ks"] + g["k"]))
                    checked.append(PktRef(unit, m.group(0), addr, needed, len(punktum_spans(t))))  # as the engine counts
    return PktReport(checked, skipped)
