"""Ophævelse: "§ 5, stk. 2, ophæves." / "…, ophæves, og i stedet indsættes:" + new text /
"…, ophæves, og som stk. 5 indsættes:" / "Overskriften før § 9 udgår." (a heading).

    {ophæves: CIT}   {ophæves: CIT, tekst}   {ophæves: CIT, som: "stk. 5", tekst}   {…, verbum: udgår}
"""
from __future__ import annotations

from .common import Reader, Unreadable, format_target, read_target, target_fields


def read(r: Reader, prev: dict | None, first: bool) -> dict | None:
    start = r.pos
    t = read_target(r, prev, first)
    if t is None:
        return None
    if r.lit("ophæves"):
        ch = target_fields(t, "ophæves")
        if r.lit(", og i stedet indsættes:"):
            ch["_blok"] = True
        elif r.lit(", og som "):
            som = r.citation()
            if not som or not r.lit(" indsættes:"):
                raise Unreadable("»ophæves, og som …« følges ikke af »indsættes:«")
            ch["som"] = som
            ch["_blok"] = True
        return ch
    if t["cit"].startswith(("overskriften", "mellemrubrikken")) and r.lit("udgår"):
        ch = {**target_fields(t, "ophæves"), "verbum": "udgår"}
        if r.lit(", og i stedet indsættes:"):
            ch["_blok"] = True
        return ch
    r.pos = start
    return None


def format(ch: dict, prev: dict | None, first: bool) -> str:
    head = format_target(ch, "ophæves", prev, first)
    if ch.get("verbum") == "udgår":
        return f"{head}udgår, og i stedet indsættes:" if "tekst" in ch else f"{head}udgår"
    if "som" in ch:
        return f"{head}ophæves, og som {ch['som']} indsættes:"
    if "tekst" in ch:
        return f"{head}ophæves, og i stedet indsættes:"
    return f"{head}ophæves"


def is_kind(ch: dict) -> bool:
    return "ophæves" in ch
