"""Rykningsklausuler: "Stk. 7 og 8 bliver herefter stk. 6 og 7." read into data and worded back.

Forms (lovteknik §1.9): one number "N", two "N og M", three or more "N-M"; units Stk./Nr./Litra
(and "Stk. 2, 3 og 4 …" lists). A few acts write "… bliver herefter til stk. …"; `til` records it.
"""
from __future__ import annotations

import re

_NUMS = r"[0-9a-zæøå]+(?:\s?[a-z](?=\s|-|,))?(?:(?:-|, | og )[0-9a-zæøå]+)*"
RX = re.compile(rf"^(Stk|Nr|Litra)\. ?(?P<old>{_NUMS}) bliver (?P<h>herefter )?(?P<til>til )?(?P<w>stk|nr|litra)\.? "
                rf"(?P<new>{_NUMS})\.$".replace(r"(Stk|Nr|Litra)\. ?", r"(?P<W>Stk\.|Nr\.|Litra) "))


def read(text: str) -> dict | None:
    m = RX.match(text)
    if not m or m.group("W").rstrip(".").lower() != m.group("w"):
        return None
    out = {"enhed": m.group("w"), "fra": m.group("old"), "til": m.group("new")}
    if m.group("til"):
        out["herefter_til"] = True
    if not m.group("h"):
        out["uden_herefter"] = True
    return out


def format(d: dict) -> str:
    word = {"stk": ("Stk.", "stk."), "nr": ("Nr.", "nr."), "litra": ("Litra", "litra")}[d["enhed"]]
    til = "til " if d.get("herefter_til") else ""
    h = "" if d.get("uden_herefter") else "herefter "
    return f"{word[0]} {d['fra']} bliver {h}{til}{word[1]} {d['til']}."


def text_round_trips(text: str) -> bool:
    d = read(text)
    return d is not None and format(d) == text
