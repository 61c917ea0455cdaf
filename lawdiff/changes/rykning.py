"""Rykningsklausuler: "Stk. 7 og 8 bliver herefter stk. 6 og 7." read into data and worded back.

Forms (lovteknik §1.9): one number "N", two "N og M", three or more "N-M"; units Stk./Nr./Litra
(and "Stk. 2, 3 og 4 …" lists); annexes "Bilag 1 bliver herefter bilag 5." (changes/annex.py renumbers
them, engine/rykning.py checks the clause against it). A few acts write "… bliver herefter til stk. …"; `til` records it.
"""
from __future__ import annotations

import re

_NUMS = r"[0-9a-zæøå]+(?:\s?[a-z](?=\s|-|,))?(?:(?:-|, | og )[0-9a-zæøå]+)*"
RX = re.compile(rf"^(Stk|Nr|Litra)\. ?(?P<old>{_NUMS}) bliver (?P<h>herefter )?(?P<til>til )?(?P<w>stk|nr|litra)\.? "
                rf"(?P<new>{_NUMS})\.$".replace(r"(Stk|Nr|Litra)\. ?", r"(?P<W>Stk\.|Nr\.|Litra) "))


# annexes (lov 658/2016 § 1, nr. 12: "Bilag 1 bliver herefter bilag 5."): one annex, or a range "Bilag 1-7 …"
_ANNEX = r"\d+(?: [a-zæøå])?"
RX_BILAG = re.compile(rf"^Bilag (?P<old>{_ANNEX}(?:-{_ANNEX})?) bliver herefter bilag (?P<new>{_ANNEX}(?:-{_ANNEX})?)\.$")


# "§ 25, stk. 7, bliver herefter § 25, stk. 6." (lov 574/2011 § 1, nr. 20: the nummer repeals stk. of several §§): the
# § named on both sides, the same (`paragraf`); engine/rykning.check_rykning checks that the stk. moved are that §'s
RX_PAR = re.compile(rf"^§ (?P<sec>\d+(?: [a-zæøå])?), (?P<w>stk|nr)\. (?P<old>{_NUMS}), bliver herefter "
                    rf"§ (?P=sec), (?P=w)\. (?P<new>{_NUMS})\.$")


def read(text: str) -> dict | None:
    m = RX_PAR.match(text)
    if m:
        return {"enhed": m.group("w"), "fra": m.group("old"), "til": m.group("new"), "paragraf": m.group("sec")}
    m = RX_BILAG.match(text)
    if m:
        return {"enhed": "bilag", "fra": m.group("old"), "til": m.group("new")}
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
    if d["enhed"] == "bilag":
        return f"Bilag {d['fra']} bliver herefter bilag {d['til']}."
    if d.get("paragraf"):
        sec = f"§ {d['paragraf']}, {d['enhed']}."
        return f"{sec} {d['fra']}, bliver herefter {sec} {d['til']}."
    word = {"stk": ("Stk.", "stk."), "nr": ("Nr.", "nr."), "litra": ("Litra", "litra")}[d["enhed"]]
    til = "til " if d.get("herefter_til") else ""
    h = "" if d.get("uden_herefter") else "herefter "
    return f"{word[0]} {d['fra']} bliver {h}{til}{word[1]} {d['til']}."


def text_round_trips(text: str) -> bool:
    d = read(text)
    return d is not None and format(d) == text
