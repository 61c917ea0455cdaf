"""New units: stk., nr., litra and punktummer inside a provision, and new §§, chapters and parts.

    I § 17 indsættes som stk. 2:                          {ny: stk, i, som: "stk. 2"}
    I § 16 indsættes efter stk. 2 som nyt stykke:         {ny: stk, i, efter: "stk. 2"}
    I § 16, stk. 1, indsættes efter 1. pkt.:              {ny: pkt, i, efter: "1. pkt."}
    I § 15 a indsættes efter stk. 2, der bliver stk. 3, som nyt stykke:   {…, anker_der_bliver}
    Efter § 17 indsættes:                                 {ny: paragraf, efter: "§ 17", nummer}
    Efter § 20 b indsættes før overskriften før § 21:     {…, placering: "før overskriften før § 21"}
    Før § 1 indsættes:                                    {ny: …, før: "§ 1"}
    Som fodnote til lovens titel indsættes:               {ny: fodnote, i: "lovens titel"}
    Som bilag 5 indsættes bilag 1 til denne lov.          {ny: bilag, som: "bilag 5", fra_bilag: "1"}
    Før § 50 indsættes som ny overskrift:                 {ny: overskrift, før: "§ 50"} (a mellemrubrik)
    Efter overskriften til kapitel 13 indsættes før § 69: {ny: overskrift, før: "§ 69",
                                                           placering: "efter overskriften til kapitel 13"}

The noun ("som nyt stykke", "som nye numre") follows from the kind and the number of new units;
`betegnelse` records the source's words where it says otherwise ("ingen" when it has none).
"""
from __future__ import annotations

import re

from .common import Reader, Unreadable, cap, format_location

_NUM = r"[\dIVXLC]+(?: [a-zæøåA-ZÆØÅ])?"
_REF = rf"(?:§ \d+(?: [a-zæøåA-ZÆØÅ]{{1,2}})?|kapitel {_NUM})"
# one part of a placement after "indsættes"; a placement is one or more parts ("i kapitel 6 efter
# overskriften før § 36", "før kapitel 5 som nyt kapitel")
PLACERING_PART = re.compile(
    rf"(?:i (?:kapitel|afsnit|Afsnit) {_NUM}"
    rf"|(?:før|efter) overskrift(?:en|erne) (?:før|til) {_REF}"
    r"|(?:før|efter) overskriften »[^«]*«"
    rf"|før (?:kapitel|afsnit) {_NUM}"
    rf"|efter (?:kapitel {_NUM}|§ \d+(?: [a-zæøåA-ZÆØÅ]{{1,2}})?)"
    r"|før bilag \d+"
    r"|som nyt kapitel)(?=[ :])")
# "Før § 50 indsættes som ny overskrift: »…«": a new mellemrubrik (ny: overskrift)
_HEADING_NOUN = re.compile(r"som (ny overskrift|overskrift):")


_NOUN = {"stk": ("nyt stykke", "nye stykker"), "nr": ("nyt nummer", "nye numre"),
         "litra": ("nyt litra", "nye litraer"), "pkt": ("nyt punktum", "nye punktummer")}
_LABEL = {"stk": re.compile(r"^Stk\. \d+"), "nr": re.compile(r"^\d+ ?[a-z]?\)"),
          "litra": re.compile(r"^[a-zæøå]{1,2}\)"), "pkt": None}


def kind_of(cit: str) -> str | None:
    if cit.startswith("stk."):
        return "stk"
    if cit.startswith("nr."):
        return "nr"
    if cit.startswith("litra"):
        return "litra"
    if re.match(r"\d+\.", cit):
        return "pkt"
    if cit.startswith("§"):
        return "paragraf"
    return None


def units_in(kind: str, tekst: str) -> int:
    lines = [ln for ln in tekst.splitlines() if ln.strip()]
    rx = _LABEL.get(kind)
    if rx is None:
        return len(lines)
    n = sum(1 for ln in lines if rx.match(ln))
    if lines and not rx.match(lines[0]):
        n += 1
    return max(n, 1)


def default_noun(ch: dict) -> str:
    kind = ch.get("ny")
    if kind not in _NOUN or not ("efter" in ch or "før" in ch) or kind == "pkt" or ch.get("samme_sted"):
        return ""
    one, many = _NOUN[kind]
    return one if units_in(kind, ch.get("tekst", "")) == 1 else many


def read_in(r: Reader, loc: dict) -> dict | None:
    """After a location: 'indsættes som stk. 2:' / 'indsættes efter stk. 2 som nyt stykke:'."""
    start = r.pos
    if r.lit("indsættes som "):
        som = r.citation()
        if not som or not r.lit(":"):
            r.pos = start
            return None
        kind = kind_of(som)
        if kind is None:
            raise Unreadable(f"»indsættes som {som}« siger ikke, hvilken slags enhed der indsættes")
        return {"ny": kind, **loc, "som": som, "_blok": True}
    m = r.rx(r"indsættes (efter|før) (?!»)")
    if not m:
        return None
    side = m.group(1)
    anchor = r.citation_single() or r.citation()
    if not anchor:
        r.pos = start
        return None
    ch = {"ny": kind_of(anchor), **loc, side: anchor}
    if ch["ny"] is None:
        raise Unreadable(f"»indsættes {side} {anchor}« siger ikke, hvilken slags enhed der indsættes")
    m = r.rx(r", (der|som) bliver ")
    if m:
        d = r.citation_single()
        if not d:
            raise Unreadable("»der bliver …« efter ankeret kan ikke læses")
        ch["anker_der_bliver"] = d
        if m.group(1) == "som":
            ch["anker_som_bliver"] = True
        if not r.lit(","):
            ch["anker_komma"] = False
    m = r.rx(r" som (nyt|nye) (stykker|stykke|nummer|numre|litraer|litra|punktummer|punktum)")
    ch["_betegnelse"] = m.group(0)[5:] if m else ""
    if not r.lit(":"):
        raise Unreadable(f"»indsættes {side} {anchor}« slutter ikke med kolon")
    ch["_blok"] = True
    return ch


def read_placed_block(r: Reader, ch: dict, what: str) -> dict:
    """After "indsættes": an optional placement ("i kapitel 3", "før overskriften …", several parts
    in a row), then the colon that opens the new text block."""
    if r.lit(" "):
        start = r.pos
        p = PLACERING_PART.match(r.text, r.pos)
        if not p:
            raise Unreadable(f"placeringen efter »indsættes« kan ikke læses: »{r.rest()[:60]}«")
        while p:
            r.pos = p.end()
            p = PLACERING_PART.match(r.text, r.pos + 1) if r.text.startswith(" ", r.pos) else None
        ch["placering"] = r.text[start:r.pos]
    if not r.lit(":"):
        raise Unreadable(f"{what} slutter ikke med kolon")
    ch["_blok"] = True
    return ch


def read_top(r: Reader, prev: dict | None, first: bool) -> dict | None:
    """'Efter § 17 indsættes:', 'Før § 1 indsættes:', footnote and annex insertions."""
    start = r.pos
    m = r.rx(rf"(?:Efter|efter) (overskriften til (?:kapitel|afsnit) {_NUM}) indsættes før (?=§)")
    if m:
        # "Efter overskriften til kapitel 13 indsættes før § 69: »Visitation«" (lov 1380/2012 § 1,
        # nr. 35): a mellemrubrik between a chapter's heading and its first §
        anchor = r.citation()
        if anchor and r.lit(":"):
            return {"ny": "overskrift", "før": anchor, "placering": f"efter {m.group(1)}", "_blok": True}
        r.pos = start
    m = r.rx(r"(Efter|Før|efter|før) (?=§|kapitel|afsnit|bilag)")
    if m:
        side = m.group(1).lower()
        anchor = r.citation()
        if not anchor or not r.lit(" indsættes"):
            r.pos = start
            return None
        h = _HEADING_NOUN.match(r.text, r.pos + 1) if anchor.startswith("§") else None
        if h and r.text.startswith(" ", r.pos):
            r.pos = h.end()
            ch = {"ny": "overskrift", side: anchor, "_blok": True}
            if h.group(1) != "ny overskrift":
                ch["betegnelse"] = h.group(1)
            return ch
        return read_placed_block(r, {"ny": None, side: anchor}, "»Efter … indsættes«")
    if r.rx(r"(Som|som) fodnote til lovens titel indsættes:"):
        return {"ny": "fodnote", "i": "lovens titel", "_blok": True}
    m = r.rx(r"(Som|som) (?=§|bilag \d+ indsættes:)")
    if m:
        som = r.citation()
        if som and r.lit(" indsættes:"):
            return {"ny": "bilag" if som.startswith("bilag") else "paragraf", "som": som, "_blok": True}
        r.pos = start
    m = r.rx(r"(Som|som) bilag (\d+(?: og \d+)?) indsættes bilag (\d+(?: og \d+)?) til denne lov")
    if m:
        return {"ny": "bilag", "som": f"bilag {m.group(2)}", "fra_bilag": m.group(3)}
    return None


def read_follow_on(r: Reader, prev: dict | None) -> dict | None:
    """'…, og som 2. pkt. indsättes: »…«' / '…, og efter 1. pkt. indsættes:' at the place of prev."""
    from .common import place
    p = place(prev)
    if not p:
        return None
    start = r.pos
    m = r.rx(r"(som|efter|før) (?=\d+\.|stk\.|nr\.|litra)")
    if not m:
        return None
    cit = r.citation()
    if not cit or not r.lit(" indsættes"):
        r.pos = start
        return None
    noun = r.rx(r" som (nyt|nye) (stykker|stykke|nummer|numre|litraer|litra|punktummer|punktum)")
    if not r.lit(":"):
        r.pos = start
        return None
    kind = kind_of(cit)
    ch = {"ny": kind, "i": p, m.group(1): cit, "samme_sted": True}
    n = r.rx(r" som (nyt|nye) (stykker|stykke|nummer|numre|litraer|litra|punktummer|punktum)")
    if n:
        ch["betegnelse"] = n.group(0)[5:]
    if r.lit(" »"):
        r.pos -= 1
        ch["tekst"] = r.quote()
        ch["inline"] = True
        return ch
    ch["_blok"] = True
    ch["_betegnelse"] = noun.group(0)[5:] if noun else ""
    ch["_følge"] = True
    return ch


def format(ch: dict, prev: dict | None, first: bool) -> str:
    kind = ch["ny"]
    if ch.get("samme_sted"):
        side = "som" if "som" in ch else "efter" if "efter" in ch else "før"
        noun = f" som {ch['betegnelse']}" if ch.get("betegnelse") else ""
        return f"{side} {ch[side]} indsættes{noun}:"  # an inline »…« follows (nummer.format_sentence)
    if kind == "fodnote":
        return cap("som fodnote til lovens titel indsættes:") if first else "som fodnote til lovens titel indsættes:"
    if kind == "bilag" and "fra_bilag" in ch:
        s = f"som {ch['som']} indsættes bilag {ch['fra_bilag']} til denne lov"
        return cap(s) if first else s
    if "som" in ch and "i" not in ch:
        s = f"som {ch['som']} indsættes:"
        return cap(s) if first else s
    if kind == "overskrift" and str(ch.get("placering", "")).startswith("efter overskriften til "):
        s = f"{ch['placering']} indsættes før {ch['før']}:"
        return cap(s) if first else s
    if kind == "overskrift":
        side = "efter" if "efter" in ch else "før"
        s = f"{side} {ch[side]} indsættes som {ch.get('betegnelse', 'ny overskrift')}:"
        return cap(s) if first else s
    if "i" not in ch:
        side = "efter" if "efter" in ch else "før"
        s = f"{side} {ch[side]} indsættes"
        if "placering" in ch:
            s += " " + ch["placering"]
        s += ":"
        return cap(s) if first else s
    where = format_location(ch, prev, first)
    if "som" in ch:
        return f"{where}indsættes som {ch['som']}:"
    side = "efter" if "efter" in ch else "før"
    s = f"{where}indsættes {side} {ch[side]}"
    if "anker_der_bliver" in ch:
        s += f", {'som' if ch.get('anker_som_bliver') else 'der'} bliver {ch['anker_der_bliver']}"
        s += "," if ch.get("anker_komma", True) else ""
    noun = ch.get("betegnelse", default_noun(ch))
    if noun and noun != "ingen":
        s += f" som {noun}"
    return s + ":"


def is_kind(ch: dict) -> bool:
    return "ny" in ch
