"""Nyaffattelse: "§ 5, stk. 2, affattes således:" + the new text; "Bilag 2 affattes som bilag 1 til
denne lov." (the annex of the amending act itself).

    {affattes: CIT, tekst}     {affattes: "bilag 2", som_bilag: "1"}
"""
from __future__ import annotations

from .common import Reader, format_target, read_target, target_fields


def read(r: Reader, prev: dict | None, first: bool) -> dict | None:
    start = r.pos
    t = read_target(r, prev, first)
    if t is None:
        return None
    if r.lit("affattes således:"):
        return {**target_fields(t, "affattes"), "_blok": True}
    m = r.rx(r"affattes som bilag (\d+) til denne lov")
    if m:
        return {**target_fields(t, "affattes"), "som_bilag": m.group(1)}
    r.pos = start
    return None


def format(ch: dict, prev: dict | None, first: bool) -> str:
    head = format_target(ch, "affattes", prev, first)
    if "som_bilag" in ch:
        return f"{head}affattes som bilag {ch['som_bilag']} til denne lov"
    return f"{head}affattes således:"


def is_kind(ch: dict) -> bool:
    return "affattes" in ch
