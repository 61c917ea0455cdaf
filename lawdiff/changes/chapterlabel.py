"""A chapter renumbered by its label: "Kapitelbetegnelsen »Kapitel 5 a« ændres til: »Kapitel 5 b«." (lov 594/2011
§ 85, nr. 5, retsafgiftsloven: nr. 4 inserts a new chapter 5 a before it).

    {i: "kapitel 5 a", ændres: "Kapitel 5 a", til: "Kapitel 5 b", kapitelbetegnelsen: true}

`i` cites the chapter as address.py reads it (so a hand-written change without `kapitelbetegnelsen` is a change of
words inside the chapter, which finds no »Kapitel 5 a« in its text and is refused, never a renumbering). Executed
only with certainty: the chapter (as the act stands) has that label, the new label is a chapter's label with a number
no other chapter has, and it keeps the chapters in order; its §§ are not renumbered (lovteknik §1.9).
"""
from __future__ import annotations

import re

from ..address import section_key
from ..text import norm
from .common import Reader
from .log import Placement

_NUM = r"\d+(?: [a-zæøå])?"
_FORM = re.compile(rf"Kapitelbetegnelsen »(Kapitel ({_NUM}))« ændres til: »(Kapitel {_NUM})«")
_LABEL = re.compile(rf"Kapitel ({_NUM})")


def read(r: Reader, prev: dict | None, first: bool) -> dict | None:
    if not first or not r.text.startswith("Kapitelbetegnelsen ", r.pos):
        return None
    m = r.rx(_FORM.pattern)
    if not m:
        return None
    return {"i": f"kapitel {m.group(2)}", "ændres": m.group(1), "til": m.group(3), "kapitelbetegnelsen": True}


def format(ch: dict, prev: dict | None, first: bool) -> str:
    return f"Kapitelbetegnelsen »{ch['ændres']}« ændres til: »{ch['til']}«"


def is_kind(ch: dict) -> bool:
    return bool(ch.get("kapitelbetegnelsen"))


# --- execution: the change made on the engine's working copy of the act --------------------------

VERBS = ()  # it uses »ændres«; the engine asks `handles` before the verb's kind (as for annex.py)


def handles(c) -> bool:
    return bool(c.get("kapitelbetegnelsen"))


def _num(label: str) -> str | None:
    m = _LABEL.fullmatch(norm(label).strip())
    return m.group(1).lower() if m else None


def execute(ap, c) -> None:
    if c.verb != "ændres":
        raise c.error("»kapitelbetegnelsen« hører kun til »ændres«", "kapitelbetegnelsen")
    old, new = norm(str(c.get("ændres"))).strip(), norm(str(c.get("til"))).strip()
    old_num, new_num = _num(old), _num(new)
    if old_num is None or new_num is None:
        raise c.error(f"»{old}« og »{new}« skal begge være et kapitels betegnelse (»Kapitel 5 a«)", "ændres",
                      hint="skriv fx ændres: \"Kapitel 5 a\", til: \"Kapitel 5 b\"")
    if norm(str(c.get("i"))).strip().lower() != f"kapitel {old_num}":
        raise c.error(f"»i: {c.get('i')}« er ikke kapitlet »{old}«", "i", hint=f"skriv i: \"kapitel {old_num}\"")
    unit = ap.live(c, ap.resolve(c, str(c.get("i")), "i").units[0], "i")
    if unit.kind != "chapter" or norm(unit.label or "").strip().rstrip(".") != old:
        raise c.error(f"{unit.cite()} har betegnelsen »{norm(unit.label or '')}«, ikke »{old}«", "ændres",
                      hint="nummeret kan ikke udføres; markér det som ikke udført")
    if new_num == old_num:
        raise c.error(f"»{old}« ændres til sig selv", "til")
    clash = [u for u in ap.r.new.walk() if u.kind == "chapter" and u is not unit and (u.num or "").lower() == new_num]
    if clash:
        raise c.error(f"loven har allerede et kapitel {new_num}", "til",
                      hint="nummeret kan ikke udføres; markér det som ikke udført")
    # the chapters of the whole law in their order: chapters run on through its parts (LBK 1139/2013,
    # retsplejeloven: kapitel 5 ends an afsnit, kapitel 6 opens the next), so not only the unit's siblings
    chapters = [u for u in ap.r.new.walk() if u.kind == "chapter"]
    i = next(k for k, u in enumerate(chapters) if u is unit)
    before = [u for u in chapters[:i] if u.num]
    after = [u for u in chapters[i + 1:] if u.num]
    key = section_key(new_num)
    if (before and section_key(before[-1].num) >= key) or (after and section_key(after[0].num) <= key):
        around = " og ".join(x for x in (f"kapitel {before[-1].num}" if before else "",
                                         f"kapitel {after[0].num}" if after else "") if x)
        raise c.error(f"kapitel {new_num} passer ikke ind mellem {around}", "til",
                      hint="nummeret kan ikke udføres; markér det som ikke udført")
    unit.num, unit.label = new_num, new
    ap.touch(unit.wid, c)
    ap.r.placements.append(Placement(c, "heading", [unit.wid]))
