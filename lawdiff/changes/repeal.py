"""Ophævelse: "§ 5, stk. 2, ophæves." / "…, ophæves, og i stedet indsættes:" + new text /
"…, ophæves, og som stk. 5 indsættes:" / "Overskriften før § 9 udgår." (a heading) / "§ 32, stk. 1, 2. pkt., udgår, og i stedet indsættes:".

    {ophæves: CIT}   {ophæves: CIT, tekst}   {ophæves: CIT, som: "stk. 5", tekst}   {…, verbum: udgår}
"""
from __future__ import annotations

import re

from ..address import scan_citation
from .common import Reader, Unreadable, format_location, format_target, read_target, target_fields
from .insert import read_placed_block


def _tail(r: Reader, ch: dict) -> dict:
    if r.lit(", og i stedet indsættes"):
        read_placed_block(r, ch, "»ophæves, og i stedet indsættes«")
    return ch


def read_in(r: Reader, loc: dict) -> dict | None:
    """'I § 4 ophæves stk. 2.' / 'I § 82, stk. 6, ophæves 1. pkt., og …': the unit after the verb."""
    start = r.pos
    if "i" not in loc or loc.get("antal") or loc.get("overalt") or not r.lit("ophæves "):
        return None
    cit = r.citation_single()
    if cit and r.text.startswith((" og ", "-"), r.pos):
        # "I § 3 ophæves stk. 3 og 4." / "I § 11 ophæves stk. 2-4.": several units of one kind (the
        # sentence's full stop is not read as "4. [pkt.]")
        body = r.text[:-1] if r.text.endswith(".") else r.text
        end = scan_citation(body, r.pos - len(cit))
        if end > r.pos:
            cit = body[r.pos - len(cit):end]
            r.pos = end
    if not cit or not cit.startswith(("stk.", "nr.", "litra")) and not cit[:1].isdigit():
        r.pos = start
        return None
    n = len(cit.split(", "))
    ch = {k: v for k, v in loc.items() if k != "i"}
    ch = {"ophæves": f"{loc['i']}, {cit}", **ch, "delt": n}
    return _tail(r, ch)


_NAMED_HEADING = re.compile(r"([Oo]verskriften) »([^«»]+)« ((?:før|efter) § \d+(?: [a-zæøå]{1,2})?) (?=udgår|ophæves)")


def read(r: Reader, prev: dict | None, first: bool) -> dict | None:
    start = r.pos
    m = _NAMED_HEADING.match(r.text, r.pos)
    if m:
        # "Overskriften »Børnemiljøvurdering« efter § 11 udgår.": the heading named by its words
        # (`overskrift_citat`, printed only) and cited by its place
        r.pos = m.end()
        ch = {"ophæves": f"overskriften {m.group(3)}", "overskrift_citat": m.group(2)}
        if r.lit("udgår"):
            ch["verbum"] = "udgår"
        else:
            r.lit("ophæves")
        return ch
    t = read_target(r, prev, first)
    if t is None:
        return None
    if r.lit("ophæves"):
        ch = target_fields(t, "ophæves")
        if r.text.startswith(", og i stedet indsættes", r.pos):
            _tail(r, ch)
        elif r.lit(", og som "):
            som = r.citation()
            if not som or not r.lit(" indsættes:"):
                raise Unreadable("»ophæves, og som …« følges ikke af »indsættes:«")
            ch["som"] = som
            ch["_blok"] = True
        return ch
    if (t["cit"].startswith(("overskriften", "mellemrubrikken")) or r.text.startswith(
            "udgår, og i stedet indsættes:", r.pos)) and r.lit("udgår"):
        # a heading that "udgår"; or any unit that "udgår, og i stedet indsættes:" (§ 32, stk. 1,
        # 2. pkt., of lov nr. 579 af 1/6/2010): the same as "ophæves, og i stedet indsættes:"
        ch = {**target_fields(t, "ophæves"), "verbum": "udgår"}
        if r.lit(", og i stedet indsættes:"):
            ch["_blok"] = True
        return ch
    r.pos = start
    return None


def format(ch: dict, prev: dict | None, first: bool) -> str:
    if ch.get("delt"):
        parts = ch["ophæves"].split(", ")
        where = format_location({**ch, "i": ", ".join(parts[:-ch["delt"]]), "delt": 0}, prev, first)
        tail = ", ".join(parts[-ch["delt"]:])
        return f"{where}ophæves {tail}" + _format_tail(ch)
    head = format_target(ch, "ophæves", prev, first)
    if "overskrift_citat" in ch:
        head = head.replace("verskriften ", f"verskriften »{ch['overskrift_citat']}« ", 1)
    if ch.get("verbum") == "udgår":
        return f"{head}udgår, og i stedet indsættes:" if "tekst" in ch else f"{head}udgår"
    if "som" in ch:
        return f"{head}ophæves, og som {ch['som']} indsættes:"
    return f"{head}ophæves" + _format_tail(ch)


def _format_tail(ch: dict) -> str:
    if "tekst" in ch and "som" not in ch:
        return ", og i stedet indsættes" + (f" {ch['placering']}" if "placering" in ch else "") + ":"
    return ""


def is_kind(ch: dict) -> bool:
    return "ophæves" in ch
