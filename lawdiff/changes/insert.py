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

from .. import address as addr
from .. import labels
from ..model import Line, Unit
from .common import Reader, Unreadable, _level, absolute, cap, format_location, parts
from .heading import new_heading, title
from .log import Placement
from .tree import (
    _KIND_OF,
    _body,
    _der_groups,
    _is_placeholder,
    _is_repealed_container,
    _norm_query,
    _rank,
    _split_at_container,
    _trailing_heading,
    _with,
    addr_kind,
    cite_path,
    label_num,
    split_units,
)

_NUM = r"[\dIVXLC]+(?: [a-zæøåA-ZÆØÅ])?"
# (a § letter is never the "i" of a placement that goes on: "før overskriften før § 284 i kapitel 18",
# lov 308/2015 § 1, nr. 62)
_REF = rf"(?:§ \d+(?: (?!i (?:kapitel|afsnit) )[a-zæøåA-ZÆØÅ]{{1,2}})?|kapitel {_NUM})"
_SECTION = re.compile(r"§ \d+(?: [a-zæøåA-ZÆØÅ]{1,2})?")
# ("overskriften for § 3", lov 1520/2014: the heading over § 3, as "overskriften til § 3")
# one part of a placement after "indsættes"; a placement is one or more parts ("i kapitel 6 efter
# overskriften før § 36", "før kapitel 5 som nyt kapitel")
PLACERING_PART = re.compile(
    rf"(?:i (?:kapitel|afsnit|Afsnit) {_NUM}"
    rf"|(?:før|efter) overskrift(?:en|erne) (?:før|til|for) {_REF}"
    r"|(?:før|efter) overskriften »[^«]*«"
    rf"|før (?:kapitel|afsnit) {_NUM}"
    rf"|efter (?:kapitel {_NUM}|§ \d+(?: [a-zæøåA-ZÆØÅ]{{1,2}})?)"
    r"|før bilag \d+"
    r"|som nyt kapitel)(?=[ :])")
# a placement worded before the verb: "I kapitel 10 efter overskriften »Administration mv.« indsættes
# før § 57:" (`før` the § the new one goes before)
PLACERING_FIRST = re.compile(rf"i (?:kapitel|afsnit) {_NUM} efter overskriften »[^«»]*«")
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
    _check_noun(ch["ny"], m)
    ch["_betegnelse"] = m.group(0)[5:] if m else ""
    s = None if m else r.rx(r" som ((?:stk|nr)\. \d+(?: [a-z])?)(?=:)")
    if s:
        # "I § 3 indsættes efter stk. 2, der bliver stk. 4, som stk. 5:" (lov 512/2016 § 1, nr. 5): the
        # number the new unit gets, said too (`som` with `efter`: the engine checks that they agree)
        ch["som"] = s.group(1)
        del ch["_betegnelse"]
    if not r.lit(":"):
        raise Unreadable(f"»indsættes {side} {anchor}« slutter ikke med kolon")
    ch["_blok"] = True
    return ch


def _check_noun(kind: str | None, m: re.Match | None) -> None:
    """"indsættes efter nr. 2 som nyt stykke": the new unit's noun names another kind than its
    anchor (no act of the corpus has one): which of them is meant is not certain."""
    if m is None or kind not in _NOUN:  # "efter § 16, nr. 18, … som nyt nummer" (lov 1560/2010): an act's nummer
        return
    said = next(k for k, nouns in _NOUN.items() if any(m.group(2) == noun.split()[1] for noun in nouns))
    if said != kind:
        raise Unreadable(f"ankeret er et {_KIND_WORD[kind]}, men der indsættes »{m.group(0)[5:]}«")


_KIND_WORD = {"stk": "stykke", "nr": "nummer", "litra": "litra", "pkt": "punktum"}
# "som stk. 10", "som stk. 10-12", "som nr. 4 og 5": the numbers new stk. or nr. get
_SOM_RANGE = r"(?:stk|nr)\. \d+(?: [a-z])?(?:(?:-| og )\d+(?: [a-z])?)?"


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


# the word every form of read_top holds after the reader's position (each reads " indsættes" or
# "indsættes før"/"indsættes bilag" before it gives a change): nummer._clause tries read_top only
# where it stands (tests/changes/test_dispatch.py holds read_top to it)
TOP_NEEDS = "indsættes"


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
    m = r.rx(r"[Ee]fter (overskriften (?:før|til) )(?=§)")
    if m:
        # "Efter overskriften før § 69 indsættes: »§ 68. …«" (lov 738/2015 § 1, nr. 91): the new §
        # opens § 69's group
        anchor = r.citation()
        if anchor and anchor.startswith("§") and r.lit(" indsættes:"):
            return {"ny": None, "før": anchor, "placering": f"efter {m.group(1)}{anchor}", "_blok": True}
        r.pos = start
    m = r.rx(r"Før (overskriften (?:før|til) )(?=§)")
    if m:
        # "Før overskriften før § 23 indsættes:" (lov 1000/2015 § 1, nr. 16; lov 894/2013 § 1, nr. 33 before
        # § 25): the new text goes before the mellemrubrik over § 23 (_before_heading)
        anchor = r.citation_single()
        if anchor and re.fullmatch(r"§ \d+(?: [a-zæøåA-ZÆØÅ]{1,2})?", anchor) and r.lit(" indsættes:"):
            return {"ny": None, "før": anchor, "placering": f"før {m.group(1)}{anchor}", "_blok": True}
        r.pos = start
    m = r.rx(rf"([Ii] (?:kapitel|afsnit) {_NUM} efter overskriften »[^«»]*«) indsættes før (?=§)")
    if m:
        # "I kapitel 10 efter overskriften »Administration mv.« indsættes før § 57:" (lov 326/2012
        # § 1, nr. 40): a new § that opens the chapter, before the § that opened it
        anchor = r.citation()
        if anchor and anchor.startswith("§") and r.lit(":"):
            return {"ny": None, "før": anchor, "placering": m.group(1)[0].lower() + m.group(1)[1:], "_blok": True}
        r.pos = start
    m = r.rx(r"(Efter|Før|efter|før) kapitel ([IVXLC]+|\d+) ([A-ZÆØÅ]) indsættes(?=[ :])")
    if m:
        # "Efter kapitel VII B indsættes:" (lov 439/2014 § 1, lov om leje): a chapter lettered in capitals,
        # stored as address.py reads it ("kapitel VII b") and printed back with its capital (`versal`, as
        # heading.py's "Kapitel VII B ophæves.")
        ch = {"ny": None, m.group(1).lower(): f"kapitel {m.group(2)} {m.group(3).lower()}", "versal": True}
        return read_placed_block(r, ch, "»Efter … indsættes«")
    m = r.rx(r"(Efter|Før|efter|før) (?=§|kapitel|afsnit|bilag)")
    if m:
        side = m.group(1).lower()
        anchor = r.citation()
        if anchor and r.text.startswith(", indsættes", r.pos):
            return _read_anchor_first(r, side, anchor, start)
        if not anchor or not r.lit(" indsættes"):
            r.pos = start
            return None
        pn = r.rx(r" som (ny paragraf|nye paragraffer)(?=:)") if _SECTION.fullmatch(anchor) else None
        if pn:
            # "Efter § 15 indsættes som ny paragraf:" (lov 623/2016): the noun said; the engine checks that the
            # new text is that many §§ and nothing else (_check_paragraph_noun)
            return read_placed_block(r, {"ny": None, side: anchor, "betegnelse": pn.group(1)}, "»Efter … indsættes«")
        h = _HEADING_NOUN.match(r.text, r.pos + 1) if anchor.startswith("§") else None
        if h and r.text.startswith(" ", r.pos):
            r.pos = h.end()
            ch = {"ny": "overskrift", side: anchor, "_blok": True}
            if h.group(1) != "ny overskrift":
                ch["betegnelse"] = h.group(1)
            return ch
        return read_placed_block(r, {"ny": None, side: anchor}, "»Efter … indsættes«")
    m = r.rx(r"(Som|som) fodnote(?: (nr\. \d+|\d+))? til lovens titel indsættes:")
    if m:
        # "Som fodnote nr. 2 til lovens titel indsættes:" (lov 1384/2012 § 1, nr. 1), "Som fodnote 2 …" (lov 400/2016
        # § 2, nr. 1): `fodnote_nummer` as printed
        return {"ny": "fodnote", "i": "lovens titel", "_blok": True, **({"fodnote_nummer": m.group(2)} if m.group(2) else {})}
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


def _read_anchor_first(r: Reader, side: str, anchor: str, start: int) -> dict | None:
    """"Efter § 13, stk. 7, indsættes som stk. 8:" (lov 1716/2016 § 1, nr. 4): a new stk., nr., litra or
    punktum whose anchor is worded before the verb, the number it gets after it (or "som nyt stykke", or
    nothing). Read as "I § 13 indsættes efter stk. 7 som stk. 8:" with `anker_først` (the engine checks
    that `efter` and `som` agree); any other citation before ", indsættes" is left to the other forms."""
    *unit, last = anchor.split(", ")
    kind = kind_of(last)
    if not unit or kind not in _NOUN or any(kind_of(p) in (None, kind) for p in unit[1:]) \
            or not unit[0].startswith("§ ") or " og " in anchor or "-" in anchor:
        r.pos = start
        return None
    r.lit(", indsættes")
    ch = {"ny": kind, "i": ", ".join(unit), side: last, "anker_først": True}
    n = r.rx(r" som (nyt|nye) (stykker|stykke|nummer|numre|litraer|litra|punktummer|punktum)(?=:)")
    _check_noun(kind, n)
    s = None if n else r.rx(r" som ((?:stk|nr)\. \d+(?: [a-z])?|litra [a-zæøå]|\d+\. pkt\.)(?=:)")
    if s:
        if kind_of(s.group(1)) != kind:
            raise Unreadable(f"ankeret er et {_KIND_WORD[kind]}, men der indsættes »som {s.group(1)}«")
        ch["som"] = s.group(1)
    else:
        ch["betegnelse"] = n.group(0)[5:] if n else "ingen"
    if not r.lit(":"):
        raise Unreadable(f"»{cap(side)} {anchor}, indsættes« slutter ikke med kolon")
    ch["_blok"] = True
    return ch


_DEPTH = {"stk": 1, "nr": 2, "litra": 3, "pkt": 4}


def _around(p: str, kind: str | None) -> str:
    """The unit a new `kind` goes in when the change before it acted on `p`: "I § 373 ophæves stk. 9, og efter
    stk. 10 indsættes:" puts the new stk. in § 373, not in the stk. 9 just repealed (lov 1549/2016 § 1)."""
    if kind not in _DEPTH or " og " in p or not p.startswith("§ "):
        return p
    parts = p.split(", ")
    while len(parts) > 1 and _DEPTH.get(kind_of(parts[-1]) or "", 0) >= _DEPTH[kind]:
        parts.pop()
    return ", ".join(parts)


def read_follow_on(r: Reader, prev: dict | None) -> dict | None:
    """'…, og som 2. pkt. indsættes: »…«' / '…, og efter 1. pkt. indsættes:' at the place of prev."""
    from .common import place
    p = place(prev)
    if not p:
        return None
    start = r.pos
    m = r.rx(r"(som|efter|før) (?=\d+\.|stk\.|nr\.|litra)")
    if not m:
        return None
    cit = r.citation()
    if cit and ", der bliver " in cit and m.group(1) != "som":
        r.lit(",")  # "efter stk. 10, der bliver stk. 9, indsættes"
    if not cit or not r.lit(" indsættes"):
        r.pos = start
        return None
    moved = None
    if m.group(1) != "som" and ", der bliver " in cit:
        # "I § 373 ophæves stk. 9, og efter stk. 10, der bliver stk. 9, indsættes som stk. 10-12:" (lov
        # 1549/2016): the anchor as the act cites it, and the number the earlier clause gives it
        cit, moved = cit.split(", der bliver ", 1)
        if kind_of(moved) != kind_of(cit) or not re.fullmatch(r"(?:stk\.|nr\.) \d+(?: [a-z])?", cit):
            raise Unreadable(f"»{cit}, der bliver {moved}« kan ikke læses som ankeret for det nye")
    noun = r.rx(r" som (nyt|nye) (stykker|stykke|nummer|numre|litraer|litra|punktummer|punktum)")
    som = None if noun or m.group(1) == "som" else r.rx(rf" som ({_SOM_RANGE})(?=:)")
    if not r.lit(":"):
        r.pos = start
        return None
    kind = kind_of(cit)
    if som and kind_of(som.group(1)) != kind:
        raise Unreadable(f"ankeret er et {_KIND_WORD[kind]}, men der indsættes »som {som.group(1)}«")
    i = _around(p, kind)  # "ophæves 2. pkt., og efter 3. pkt. indsættes:" goes in the stk., not in 2. pkt.
    if kind in ("stk", "nr", "litra") and (moved is not None or som or _level(cit) <= _level(parts(p)[-1])):
        # the new stk. (nr.) stands in the unit above the anchor: "§ 373" after "§ 373, stk. 9" (place(prev)
        # is the repealed stk. itself)
        full = parts(absolute(cit, p))
        if len(full) < 2:
            raise Unreadable(f"»{cit}« efter »{p}«: det er ikke sikkert, i hvilken enhed der indsættes")
        i = ", ".join(full[:-1])
    ch = {"ny": kind, "i": i, m.group(1): cit, "samme_sted": True}
    if moved is not None:
        ch["anker_der_bliver"] = moved
    if som:
        ch["som"] = som.group(1)
    n = r.rx(r" som (nyt|nye) (stykker|stykke|nummer|numre|litraer|litra|punktummer|punktum)")
    _check_noun(kind, noun or n)
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
        side = "efter" if "efter" in ch else "før" if "før" in ch else "som"
        noun = f" som {ch['betegnelse']}" if ch.get("betegnelse") else ""
        if side != "som" and "som" in ch:
            noun = f" som {ch['som']}"
        moved = f", der bliver {ch['anker_der_bliver']}," if "anker_der_bliver" in ch else ""
        return f"{side} {ch[side]}{moved} indsættes{noun}:"  # an inline »…« follows (nummer.format_sentence)
    if kind == "fodnote":
        s = f"som fodnote {ch['fodnote_nummer'] + ' ' if ch.get('fodnote_nummer') else ''}til lovens titel indsættes:"
        return cap(s) if first else s
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
    if "i" not in ch and "før" in ch and PLACERING_FIRST.fullmatch(str(ch.get("placering", ""))):
        s = f"{ch['placering']} indsættes før {ch['før']}:"
        return cap(s) if first else s
    if "i" not in ch and "før" in ch and str(ch.get("placering", "")) in (
            f"efter overskriften før {ch['før']}", f"efter overskriften til {ch['før']}",
            f"før overskriften før {ch['før']}", f"før overskriften til {ch['før']}"):
        s = f"{ch['placering']} indsættes:"  # "Efter overskriften før § 69 indsættes:"
        return cap(s) if first else s
    if "i" not in ch:
        side = "efter" if "efter" in ch else "før"
        s = f"{side} {ch[side]} indsættes"
        if ch.get("betegnelse") in _PARAGRAPH_NOUNS:
            s += f" som {ch['betegnelse']}"
        if "placering" in ch:
            s += " " + ch["placering"]
        s += ":"
        return cap(s) if first else s
    if ch.get("anker_først"):
        side = "efter" if "efter" in ch else "før"
        noun = ch["som"] if "som" in ch else ch.get("betegnelse", "ingen")
        s = f"{side} {ch['i']}, {ch[side]}, indsættes" + (f" som {noun}" if noun != "ingen" else "") + ":"
        return cap(s) if first else s
    where = format_location(ch, prev, first)
    if "som" in ch and "efter" not in ch and "før" not in ch:
        return f"{where}indsættes som {ch['som']}:"
    side = "efter" if "efter" in ch else "før"
    s = f"{where}indsættes {side} {ch[side]}"
    if "anker_der_bliver" in ch:
        s += f", {'som' if ch.get('anker_som_bliver') else 'der'} bliver {ch['anker_der_bliver']}"
        s += "," if ch.get("anker_komma", True) else ""
    noun = ch.get("betegnelse", default_noun(ch))
    if "som" in ch:  # "indsættes efter stk. 2, der bliver stk. 4, som stk. 5:"
        noun = ch["som"]
    if noun and noun != "ingen":
        s += f" som {noun}"
    return s + ":"


def is_kind(ch: dict) -> bool:
    return "ny" in ch


# --- execution: the change made on the engine's working copy of the act --------------------------
# `ap` is the engine's applier (lawdiff/engine/applier.py: the machinery every kind uses); `c` a
# proposal.Change (its data in the format of docs/format.md).

VERBS = ("ny",)  # the proposal verb(s) this kind executes


def execute(ap, c) -> None:
    kind_word = c.get("ny")
    # "ny: bilag" never reaches this: the engine hands every change addressed to an annex to
    # changes/annex.py (annex.handles)
    if kind_word == "overskrift":
        return new_heading(ap, c)
    if kind_word == "fodnote":
        # "Som fodnote til lovens titel indsættes:": the title's footnote is not in the model (as "Fodnoten til lovens
        # titel affattes således:", changes/heading.title): warned, nothing changes
        return title(ap, c, "ny", "note")
    cites = ap.cites(c, "i") if "i" in c.data else []
    if len(cites) > 1:
        # "I § 5 og § 7 indsættes som stk. 3:": the same new text in each unit
        for wheres, said in _der_groups(cites):
            ap.check_der_bliver(c, wheres, said, "i")
        for where, _ in cites:
            execute(ap, _with(c, i=where))
        return
    if c.get("betegnelse") in _PARAGRAPH_NOUNS:
        _check_paragraph_noun(c)
    if kind_word == "paragraf":
        return _new_section(ap, c)
    if kind_word in ("kapitel", "afsnit"):
        return _new_container(ap, c)
    if "i" not in c.data:
        raise c.error(f"en ny {kind_word} kræver »i« (den enhed, den indsættes i)", "ny")
    target = ap.resolve(c, c.get("i"), "i")
    parent = ap.live(c, target.units[0], "i")
    if kind_word == "pkt":
        if parent.kind == "section":
            # "I § 42 indsættes som 2. pkt.": a § with one stk. is cited without "stk. 1"
            subs = [u for u in parent.children if u.kind == "subsection"]
            if len(subs) != 1:
                raise c.error(f"{parent.cite()} har {len(subs)} stykker; angiv hvilket det nye punktum "
                              "skal stå i", "i", hint=f"skriv fx i: \"{parent.cite()}, stk. 1\"")
            parent = subs[0]
        return _new_pkt(ap, c, parent)
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
    units = [ap.parse_unit(c, kind, chunk) for chunk in split_units(kind, c.get("tekst"))]
    sibs = [u for u in parent.children if u.kind == kind]
    for new in units:
        # the same stk. twice: lov 1353/2012, § 11, nr. 1 inserts in § 7 of the registration act "som
        # stk. 7 og 8" the text lov 590/2012 had inserted there already (LBK 16/2013 has it once);
        # executed, the law held it twice (exit 0). A reader cannot tell which the act means: refused
        same = next((u for u in sibs if u.wid not in ap.r.inserted and _body(u) == _body(new)), None)
        if same is not None:
            raise c.error(f"det nye {kind_word}. står allerede ordret i loven som {cite_path(same, ap.parents)}",
                          "tekst", hint="kontrollér, om en tidligere ændringslov allerede har indsat teksten; "
                                        "nummeret kan ikke udføres, før det er afklaret")
        # a list item differs from its place's text only in how it ends ("…, skal standses," against "…
        # skal standses.": the last item ends the list): lov 1609/2010, § 1, nr. 1 inserts in § 2 "som nr. 6
        # og 7" a nr. 6 that LBK 339/2011 already holds (put there by lov 624/2010, which 1609's § 4 amended);
        # executed, § 2 held the text twice (LBK 964/2011 has it once)
        like = next((u for u in sibs if kind in ("paragraph", "point") and u.wid not in ap.r.inserted
                     and _item_body(u) == _item_body(new)), None)
        if like is not None:
            raise c.error(f"det nye {kind_word}. står allerede i loven som {cite_path(like, ap.parents)} (ordret, "
                          "bortset fra tegnsætningen eller »og«/»eller« til sidst)", "tekst",
                          hint="kontrollér, om en tidligere ændringslov allerede har indsat teksten; "
                               "nummeret kan ikke udføres, før det er afklaret")
    pos_key = "efter" if "efter" in c.data else "før" if "før" in c.data else None
    som = ap.som(c, kind_word, parent) if c.get("som") is not None else None
    if pos_key:
        anchor = _sibling(ap, c, parent, kind, kind_word, c.get(pos_key), pos_key)
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
                ap.r.removed[u.wid] = c
            if gone.wid in ap.base_units:
                ap.touch(gone.wid, c)
    else:
        i = (parent.children.index(sibs[-1]) + 1) if sibs else len(parent.children)
    if i >= len(parent.children) or not any(u.kind == kind for u in parent.children[i:]):
        if sibs and kind in ("paragraph", "point"):
            _warn_last_item(ap, c, sibs)
    parent.children[i:i] = units
    for unit in units:
        ap.parents[unit.wid] = parent
    ap.touch(parent.wid, c)
    ap.renumber(c, parent, kind)
    if som is not None and units[0].num != str(labels.for_position(kind, som)[0]):
        raise c.error(f"det nye {kind_word}. bliver {kind_word}. {units[0].num}, men ændringen siger "
                      f"»som {c.get('som')}«", "som",
                      hint="ret »som« eller »efter«/»før«, så de passer sammen")
    _check_som_count(c, kind_word, units)
    if pos_key and c.get("anker_der_bliver") is not None:
        # "efter stk. 10, der bliver stk. 9," (the earlier clause repealed stk. 9): the anchor must have that
        # number once the earlier changes are made (lovteknik: "der bliver" names what EARLIER numre and
        # clauses did), so before this insertion moves it: "før stk. 2, der bliver stk. 1," after "stk. 1
        # ophæves" is right although the new stk. then makes the anchor stk. 2 again
        said = str(c.get("anker_der_bliver"))
        got = cite_path(anchor, ap.parents).split(", ")[-1]
        if pos_key == "før":
            same = [u for u in parent.children if u.kind == anchor.kind]
            at = same.index(anchor) - sum(1 for u in units if u.kind == anchor.kind)
            if at >= 0:  # the unit now standing where the anchor stood before: it took the anchor's number
                got = cite_path(same[at], ap.parents).split(", ")[-1]
        if got != said:
            raise c.error(f"{c.get(pos_key)} bliver {got}, ikke {said}",
                          "anker_der_bliver", hint="nummeret kan ikke udføres; markér det som ikke udført")
    ap.r.placements.append(Placement(c, "new", [parent.wid], anchor.wid if pos_key else None, pos_key,
                                       [u.wid for u in units]))


_PARAGRAPH_NOUNS = ("ny paragraf", "nye paragraffer")


def _check_paragraph_noun(c) -> None:
    """"Efter § 15 indsættes som ny paragraf:": the new text is one § ("nye paragraffer": more than one),
    without a heading or a chapter of its own; anything else does not match the words and is refused."""
    said = str(c.get("betegnelse"))
    text, tail = _split_at_container(str(c.get("tekst")))
    chunks = split_units("section", text) if text.strip() else []
    nums = [label_num("section", ch) for ch in chunks]
    one = said == "ny paragraf"
    if c.get("ny") != "paragraf" or tail or not chunks or None in nums or (len(nums) == 1) != one:
        found = ("et kapitel" if c.get("ny") in ("kapitel", "afsnit") or tail else
                 "tekst uden paragraf" if not chunks else "en overskrift før paragraffen" if nums[0] is None
                 else f"{len(nums)} paragraffer" if len(nums) > 1 else "én paragraf")
        raise c.error(f"der indsættes »som {said}«, men den nye tekst er {found}", "betegnelse",
                      hint="nummeret kan ikke udføres; markér det som ikke udført")


def _check_som_count(c, kind_word: str, units: list[Unit]) -> None:
    """"som stk. 10-12", "som nr. 4 og 5": the new text holds exactly the units named, numbered so."""
    m = re.fullmatch(r"(?:stk|nr)\. (\d+)(?:(-| og )(\d+))?", str(c.get("som") or ""))
    if m is None or m.group(2) is None:
        return
    lo, hi = int(m.group(1)), int(m.group(3))
    want = [str(n) for n in range(lo, hi + 1)] if m.group(2) == "-" else [str(lo), str(hi)]
    got = [u.num for u in units]
    if got != want:
        raise c.error(f"der indsættes »som {c.get('som')}«, men den nye tekst giver {kind_word}. {', '.join(got)}",
                      "som", hint="nummeret kan ikke udføres; markér det som ikke udført")


def _item_body(u: Unit) -> list:
    """_body with the end of the item's own text left out: its last punctuation and a closing "og"/"eller"."""
    b = _body(u)
    b[0] = re.sub(r"(?:\s*[,.;:]|\s+(?:og|eller))+\s*$", "", b[0])
    return b


def _warn_last_item(ap, c, sibs: list[Unit]) -> None:
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
    ap.r.warnings.append(c.warning(
        f"{sibs[-1].cite()} ender med ».«, men står nu ikke sidst i opregningen: "
        f"ret tegnsætningen i en ændring for sig (fx ».« til », og«)", "ny"))


def _sibling(ap, c, parent: Unit, kind: str, kind_word: str, text: str, key: str) -> Unit:
    m = re.match(r"^\s*(?:(?:stk|nr)\.?|litra)?\s*([0-9]+|[a-zæøå])\s*$", str(text), re.I)
    if not m:
        raise c.error(f"»{key}: {text}« kan ikke læses", key, hint=f"skriv fx »{key}: {kind_word}. 3«")
    num = m.group(1)
    base_parent = ap.base_units.get(parent.wid) or (parent if parent.wid in ap.r.inserted else None)
    for u in (base_parent.children if base_parent else []):
        if u.kind == kind and u.num == num:
            return _place_sibling(ap, c, u, key)
    have = ", ".join(u.cite() for u in (base_parent.children if base_parent else []) if u.kind == kind)
    raise c.error(f"{parent.cite()} har ikke {kind_word}. {num} i {ap.r.base.key}", key,
                  hint=f"{parent.cite()} har: {have or 'ingen'}")


def _place_sibling(ap, c, u: Unit, key: str) -> Unit:
    """A stk., nr. or litra cited only as the place of a new one ("I § 16 indsættes efter stk. 2
    som nyt stykke:") that an earlier nummer of the act rewrote ("§ 16, stk. 2, affattes således:",
    lov 1230/2010 § 1, nr. 3 and 4): the rewritten unit is still that place, as a rewritten § is
    for a new § (place). Not when the rewrite made more units of it (which of them is "stk. 2"
    then is the act's to say), nor when it or a unit around it is repealed."""
    chain = ap.ancestors_and_self(u.wid)
    other = ap.r.rewritten.get(u.wid)
    if other is not None and other is not c and not any(w in ap.r.removed for w in chain) \
            and not any(w in ap.r.rewritten for w in chain[1:]):
        pl = next((p for p in ap.r.placements if p.what == "rewrite" and p.targets == [u.wid]), None)
        if pl is not None and not pl.new_wids:
            return ap.units[u.wid]
    gone = ap.r.removed.get(u.wid)
    if gone is not None and gone is not c and gone.verb == "affattes":
        # "§ 15, stk. 6 og 7, affattes således: »Stk. 6. … Stk. 7. …«" and then "I § 15 indsættes efter stk. 7
        # som nyt stykke:" (lov 1396/2012, § 1, nr. 3 and 4): the rewrite made as many units of the kind as it
        # took, the same numbers in the same order; the new stk. 7 is that place (LBK 16/2013 prints it so)
        pl = next((p for p in ap.r.placements if p.change is gone and p.what == "replace" and u.wid in p.targets), None)
        if pl is not None and len(pl.new_wids) == len(pl.targets):
            old = [ap.base_units.get(w) for w in pl.targets]
            new = [ap.units.get(w) for w in pl.new_wids]
            if all(o is not None and n is not None and o.kind == n.kind == u.kind and o.num == n.num
                   and n.wid not in ap.r.removed for o, n in zip(old, new)):
                return new[pl.targets.index(u.wid)]
    return ap.live(c, u, key)


def _new_pkt(ap, c, unit: Unit) -> None:
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
        som = ap.som(c, "pkt", unit)
        n = len(addr.punktum_spans(unit))  # as pkt_span counts: a punktum over two lines is one
        if not 1 <= som <= n + 1:
            raise c.error(f"{unit.cite()} har {n} punktummer; et nyt kan ikke blive {som}. pkt.", "som",
                          hint=f"et nyt punktum kan blive 1.-{n + 1}. pkt.")
        if key and som != k_pkt + (1 if key == "efter" else 0):
            raise c.error(f"»{key}: {c.get(key)}« og »som: {c.get('som')}« passer ikke sammen", "som",
                          hint="ret den ene, så de angiver samme sted")
        if key is None and som <= n:
            key, k_pkt = "før", som
    if key:
        k, s, e = ap.pkt_span(c, unit, k_pkt, key if key in c.data else "som")
        if key == "før":
            ap.add_edit(c, k, unit, s, s, tekst + " ", key)
        else:
            ap.add_edit(c, k, unit, e, e, " " + tekst, key)
        ap.r.placements.append(Placement(c, "new", [unit.wid], None, key, offset=(k[1], k[2], s if key == "før" else e)))
        return
    part, i, line = lines[-1]
    if part == "intro" and any(ch.kind in ("paragraph", "point") for ch in unit.children):
        # "I § 20, stk. 1, indsættes som 2. pkt.:" where stk. 1 is "Med bøde straffes den, der / 1) … /
        # 2) …." (lov 590/2012 § 5, nr. 2): the new last punktum follows the list, never the words that
        # open it ("den, der Med bøde straffes …", a wrong text before)
        unit.wrapup.append(Line(tekst))
        ap.touch(unit.wid, c)
        ap.r.placements.append(Placement(c, "new", [unit.wid], None, None,
                                           offset=("wrapup", len(unit.wrapup) - 1, 0)))
        return
    end = len(line.text.rstrip())
    ap.add_edit(c, (unit.wid, part, i), unit, end, end, " " + tekst, "ny")
    ap.r.placements.append(Placement(c, "new", [unit.wid], None, None, offset=(part, i, end)))


def _new_container(ap, c) -> None:
    """A new chapter or part with its heading and §§ (lovteknik §9.1 template 16)."""
    kind = "chapter" if c.get("ny") == "kapitel" else "part"
    before_heading = _BEFORE_HEADING_OF.fullmatch(str(c.get("placering") or ""))
    if before_heading and ("før" not in c.data or _norm_query(str(c.get("før"))) != before_heading.group(1)):
        raise c.error(f"et nyt {c.get('ny')} »{c.get('placering')}« kan lawdiff endnu ikke placere", "placering",
                      hint="nummeret kan ikke udføres; markér det som ikke udført")
    num = addr.canonical_num(str(c.get("nummer")))
    word = "Kapitel" if kind == "chapter" else "Afsnit"
    for old in [u for u in ap.r.new.walk() if u.kind == kind and u.num and addr.canonical_num(u.num) == num]:
        if not _is_repealed_container(old):
            raise c.error(f"{word.lower()} {num} findes allerede", "nummer")
        # "Kapitel 21 (Ophævet)" with "§ 114. (Ophævet)" …: the new chapter 21 takes its number and
        # place, as a new § takes a "(Ophævet)" §'s (lov 1380/2012 § 1, nr. 54, LAB LBK 706/2012)
        ap.siblings(ap.parents[old.wid]).remove(old)
        for u in old.walk():
            ap.r.removed[u.wid] = c
            if u.wid in ap.base_units:
                ap.touch(u.wid, c)
    key = "efter" if "efter" in c.data else "før" if "før" in c.data else None
    if key is None:
        raise c.error(f"et nyt {c.get('ny')} kræver »efter« eller »før« (fx efter: \"kapitel 12\")", "ny")
    target = ap.resolve(c, str(c.get(key)), key)
    anchor = ap.live(c, target.units[0], key)
    if before_heading:
        anchor = _container_opened_by(ap, c, anchor, kind)
    elif anchor.kind == "section":
        # "Efter § 25 indsættes før afsnit IV": after the container that ends with that §
        while anchor.wid in ap.parents and ap.parents[anchor.wid] is not None \
                and ap.parents[anchor.wid].kind not in ("book",) \
                and ap.parents[anchor.wid].children[-1] is anchor \
                and _rank(ap.parents[anchor.wid].kind) <= _rank(kind):
            anchor = ap.parents[anchor.wid]
    parent = ap.parents[anchor.wid]
    sibs = ap.siblings(parent)
    i = sibs.index(anchor) + (1 if key == "efter" else 0)
    children = ap.parse_body(c, within=True)
    sections = [u for top in children for u in top.walk() if u.kind == "section"]
    # "Kapitel 3 a … Kapitel 3 b …": the later chapters (parts) of the text follow the new one,
    # they are not inside it
    j = next((n for n, u in enumerate(children) if u.kind == kind), len(children))
    children, more = children[:j], children[j:]
    if any(u.kind != kind for u in more):
        raise c.error(f"teksten blander {word.lower()}er og andre enheder efter »{more[0].label}«", "tekst")
    unit = Unit(kind, num=num, label=f"{word} {num}", heading=Line(_norm_query(c.get("overskrift"))),
                children=children)
    unit.wid = f"new{next(ap.fresh)}_{c.item}_{c.index}"
    ap.units[unit.wid] = unit
    ap.r.inserted[unit.wid] = c
    ap.touch(unit.wid, c)
    for top in children:
        ap.parents[top.wid] = unit
    sibs[i:i] = [unit] + more
    for u in [unit] + more:
        ap.parents[u.wid] = parent
    for u in more:
        if u.num and any(x.kind == kind and x.num and addr.canonical_num(x.num) == addr.canonical_num(u.num)
                         and x is not u for x in ap.r.new.walk()):
            raise c.error(f"{word.lower()} {u.num} findes allerede", "tekst")
    ap.r.placements.append(Placement(c, "new", [parent.wid if parent is not None else ""], anchor.wid, key,
                                       [unit.wid] + [u.wid for u in more]))
    existing = {addr.canonical_num(s.num) for s in ap.r.new.sections() if s.num} - \
        {addr.canonical_num(s.num) for s in sections}
    for sec in sections:
        if addr.canonical_num(sec.num) in existing:
            raise c.error(f"§ {sec.num} findes allerede", "tekst")


def _container_opened_by(ap, c, sec: Unit, kind: str) -> Unit:
    """"Før overskriften før § 25 indsættes: »Kapitel 5 a / … / § 24 a. …«": a new chapter (part) goes before
    the chapter (part) § 25 opens, first in it or first under a mellemrubrik that opens it; the heading before
    § 25 is then the chapter's own or stands right under it. A § inside a chapter is refused: the new chapter
    would split the chapter, and which of its §§ it takes is not said."""
    u = sec
    up = ap.parents.get(u.wid)
    while up is not None and up.kind == "group" and _first_kept(ap, up) is u:
        u, up = up, ap.parents.get(up.wid)
    if up is None or up.kind != kind or _first_kept(ap, up) is not u:
        word = "kapitel" if kind == "chapter" else "afsnit"
        raise c.error(f"placeringen »{c.get('placering')}« passer ikke: {sec.cite()} står ikke først i et {word}, "
                      f"og et nyt {word} midt i et {word} ville dele det", "placering",
                      hint="nummeret kan ikke udføres; markér det som ikke udført")
    return up


def _first_kept(ap, unit: Unit) -> Unit | None:
    """The first child of `unit` that no earlier change of the run inserted."""
    return next((x for x in unit.children if x.wid not in ap.r.inserted), None)


# "Sjette afsnit. Den Uafhængige Politiklagemyndighed": a new part of retsplejeloven, its ordinal label and its
# heading on one line, before the new chapter's "Kapitel 11 a" (lov 404/2010 § 1, nr. 2)
_ORDINAL_PART_LINE = re.compile(rf"((?i:{'|'.join(labels.ORDINAL_WORDS)}) afsnit\.) (\S.*)")
_ORDINAL_NUMBER = {w: (i if i < 2 else i - 1) + 1 for i, w in enumerate(labels.ORDINAL_WORDS)}  # anden = andet = 2


def _new_part(ap, c, label: str, heading: str, tail: str) -> None:
    """"Efter § 117 indsættes: »Sjette afsnit. Den Uafhængige Politiklagemyndighed / Kapitel 11 a / § 118. …«" (lov
    404/2010 § 1, nr. 2): a new part with the chapters and §§ of `tail`, after the part that § 117 ends (a "§ 118.
    (Ophævet)" after it gives its number up), named by the ordinal after that part's. Refused where § 117 does
    not end its part, the part has no ordinal label, or the new one is not the next ordinal."""
    if "efter" not in c.data:
        raise c.error("et nyt afsnit med en ny paragraf kræver »efter« (fx efter: \"§ 117\")", "ny")
    anchor = ap.place(c, ap.resolve(c, str(c.get("efter")), "efter").units[-1], "efter")
    up = ap.parents.get(anchor.wid)
    while up is not None and up.kind != "part":
        up = ap.parents.get(up.wid)
    have = labels.ordinal_container(up.label) if up is not None else None
    want = labels.ordinal_container(label)
    if have is None or have[0] != "afsnit" or _ORDINAL_NUMBER[want[1]] != _ORDINAL_NUMBER[have[1]] + 1:
        raise c.error(f"teksten indsætter »{label}« efter {anchor.cite()}, som ikke står i afsnittet før det"
                      + (f" (den står i »{up.label}«)" if up is not None else " (den står ikke i et afsnit)"), "tekst",
                      hint="nummeret kan ikke udføres; markér det som ikke udført")
    first = label_num("section", next((ln for ln in tail.splitlines() if ln.strip().startswith("§")), ""))
    if first is None or first != addr.canonical_num(str(c.get("nummer"))):
        raise c.error(f"»nummer: {c.get('nummer')}« passer ikke med teksten, hvis første paragraf er »§ {first}.«",
                      "nummer", hint="ret den ene, så de er ens")
    part = Unit("part", label=label, heading=Line(_norm_query(heading)))
    part.wid = f"new{next(ap.fresh)}_{c.item}_{c.index}"
    ap.units[part.wid] = part
    ap.r.inserted[part.wid] = c
    ap.touch(part.wid, c)
    ap.chapters_after(c, anchor, tail, part=part)
    parent = ap.parents.get(part.wid)
    ap.r.placements.append(Placement(c, "new", [parent.wid if parent is not None else ""], up.wid, "efter",
                                       [part.wid]))


def _new_section(ap, c) -> None:
    text, tail = _split_at_container(str(c.get("tekst")))
    m = _ORDINAL_PART_LINE.fullmatch(_norm_query(text).strip()) if tail else None
    if m:
        return _new_part(ap, c, m.group(1), m.group(2), tail)
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
    target = ap.resolve(c, str(c.get(key)), key)
    # the anchor only gives the place: a § that the same act rewrites is still a place
    cited = target.units[-1 if key == "efter" else 0]
    if key == "efter" and cited.kind == "section" and cited.wid in ap.r.removed \
            and ap.units.get(cited.wid) not in ap.siblings(ap.parents.get(cited.wid)):
        anchor, key = _where_it_stood(ap, c, cited, key)
    else:
        anchor = ap.place(c, cited, key)
    _check_before_heading(ap, c, anchor, key)
    anchor, key = _into_next_chapter(ap, c, anchor, key)
    anchor = _before_heading(ap, c, anchor, key)
    opener = _heading_opener(ap, c, anchor, key)
    if opener is not None:
        if heading is not None:
            raise c.error(f"placeringen »{c.get('placering')}« sætter den nye paragraf under en overskrift, men "
                          f"teksten begynder med sin egen overskrift »{heading}«", "placering",
                          hint="nummeret kan ikke udføres; markér det som ikke udført")
        anchor, key = opener, "før"  # the new § opens the group: before the § that opened it
    parent = ap.parents[anchor.wid]
    sibs = ap.siblings(parent)
    i = sibs.index(anchor) + (1 if key == "efter" else 0)
    _free_in_repealed_range(ap, c, nums)
    new_units = []
    for num, chunk in zip(nums, chunks):
        ap.free_section_number(c, num)
        k = addr.section_key(num)
        # "Efter § 141 indsættes: § 141 a … § 141 b …": pass new §§ already inserted here
        while (key == "efter" and i < len(sibs) and sibs[i].wid in ap.r.inserted and sibs[i].num
               and addr.section_key(sibs[i].num) < k):
            i += 1
        before = next((s for s in reversed(sibs[:i]) if s.kind == "section" and s.num), None)
        after = next((s for s in sibs[i:] if s.kind == "section" and s.num), None)
        if (before and addr.section_key(before.num) >= k) or (after and addr.section_key(after.num) <= k):
            raise c.error(f"§ {num} passer ikke ind mellem {before.cite() if before else 'begyndelsen'} og "
                          f"{after.cite() if after else 'slutningen'}", "nummer",
                          hint="en ny paragraf får nummeret før den plus et bogstav (§ 68 c → § 68 d)")
        unit = ap.parse_unit(c, "section", chunk)
        unit.num, unit.label = num, f"§ {num}."
        sibs.insert(i, unit)
        ap.parents[unit.wid] = parent
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
    if nxt is not None and nxt.kind == "section" and nxt.num and nxt.wid not in ap.r.inserted:
        line = _trailing_heading(new_units[-1])
        if line is not None:
            inner.append((line, nxt))
    for k in range(len(new_units) - 1, 0, -1):
        line = _trailing_heading(new_units[k - 1])
        if line is not None:
            inner.append((line, new_units[k]))
    for line, unit in inner:
        ap.group(c, line.text, ap.parents[unit.wid], [unit])
    if heading is not None:
        group = ap.group(c, heading, parent, new_units)
        new_units = [group]
    elif inner:
        new_units = [u for u in new_units if ap.parents[u.wid] is parent] + [
            ap.parents[u.wid] for _, u in reversed(inner) if u.wid in ap.r.inserted]
    last_section = [u for u in new_units for u in u.walk() if u.kind == "section"][-1]
    _check_placering(ap, c, new_units[0])
    if tail:
        new_units += ap.chapters_after(c, last_section, tail)
    if parent is not None:
        ap.touch(parent.wid, c)
    ap.r.placements.append(Placement(c, "new", [parent.wid if parent is not None else ""], anchor.wid, key,
                                       [u.wid for u in new_units]))


_RANGE_NUM = re.compile(r"(\d+(?: ?[a-zæøå]{1,2})?)\s*-\s*(?:§\s*)?(\d+(?: ?[a-zæøå]{1,2})?|[a-zæøå]{1,2})")


def _free_in_repealed_range(ap, c, nums: list[str]) -> None:
    """New §§ whose numbers lie in a repealed range ("§§ 16-24. (Ophævet)"): lov 894/2013 § 1, nr. 33 inserts
    §§ 23 and 24 in the social policy act (LBK 190/2012), and the next LBK (806/2015) prints "§§ 16-22.
    (Ophævet)" before them. Executed only when the new numbers are the range's last ones, without a gap (the
    range keeps its first numbers); anything else is refused: a new § beside a range that still names its
    number is a wrong law text."""
    for s in list(ap.r.new.sections()):
        m = _RANGE_NUM.fullmatch(re.sub(r"\s+", " ", s.num or "").strip())
        if not m or not _is_placeholder(s):
            continue
        lo, hi = m.group(1), m.group(2)
        if not hi[0].isdigit():
            hi = re.match(r"\d+", lo).group(0) + " " + hi
        # a number the range names for certain: a plain number between plain bounds (whether
        # "§§ 20-31" covers a § 30 a is not said: a lettered § between them is left to free_section_number as
        # before; lov 1380/2012 § 1, nr. 19 inserts a § 30 a beside LBK 810/2012's »§§ 20-31. (Ophævet)«)
        plain = lo.isdigit() and hi.isdigit()
        inside = [n for n in nums if plain and n.isdigit() and int(lo) <= int(n) <= int(hi)]
        if not inside:
            continue
        ints = sorted(int(n) for n in inside) if plain and all(n.isdigit() for n in inside) else []
        if not ints or ints != list(range(ints[0], int(hi) + 1)) or ints[0] <= int(lo):
            raise c.error(f"§ {inside[0]} ligger i »§§ {s.num}. (Ophævet)«; lawdiff deler kun et ophævet interval, når de "
                          "nye paragraffer er dets sidste numre", "nummer",
                          hint="nummeret kan ikke udføres; markér det som ikke udført")
        last = ints[0] - 1
        s.num = f"{lo}-{last}" if last > int(lo) else lo
        s.label = f"§§ {s.num}." if last > int(lo) else f"§ {s.num}."
        ap.touch(s.wid, c)


def _where_it_stood(ap, c, cited: Unit, key: str) -> tuple[Unit, str]:
    """"Efter § 49 indsættes:" where an earlier nummer of the act repealed § 49 (lov 628/2010, § 1, nr. 8-9:
    "Overskriften før § 49 og § 49 ophæves." / "Efter § 49 indsættes: »Udveksling af oplysninger … § 49 a.
    …«"): the act cites the law as it stood before it, so the new § stands where § 49 stood, in § 49's
    group (or chapter), before the § that followed it there, or after the one before it. Refused when
    § 49's place is gone with it (its group repealed too) or nothing of that group is left to give it."""
    parent = ap.base_parents.get(cited.wid)
    live_parent = ap.units.get(parent.wid) if parent is not None else None
    if parent is not None and (live_parent is None or parent.wid in ap.r.removed):
        raise c.error(f"{cited.cite()} er ophævet af {ap.r.removed[cited.wid].ref}, og det samme er den "
                      f"enhed, den stod i", key, hint="nummeret kan ikke udføres; markér det som ikke udført")
    base_sibs = parent.children if parent is not None else ap.r.base.body
    live_sibs = ap.siblings(live_parent)
    i = base_sibs.index(cited)
    after = next((u for u in base_sibs[i + 1:] if u.kind == "section" and ap.units.get(u.wid) in live_sibs), None)
    before = next((u for u in reversed(base_sibs[:i]) if u.kind == "section" and ap.units.get(u.wid) in live_sibs),
                  None)
    if after is not None:
        anchor, where = ap.units[after.wid], "før"
    elif before is not None:
        anchor, where = ap.units[before.wid], "efter"
    else:
        raise c.error(f"{cited.cite()} er ophævet af {ap.r.removed[cited.wid].ref}, og ingen paragraf står "
                      f"tilbage, hvor den stod", key, hint="nummeret kan ikke udføres; markér det som ikke udført")
    ap.r.warnings.append(c.warning(f"{cited.cite()}, som {ap.r.removed[cited.wid].ref} ophæver, angiver stedet "
                                   f"(loven, som ændringsloven citerer): den nye tekst står, hvor {cited.cite()} "
                                   f"stod, {where} {anchor.cite()}", key))
    return anchor, where


# "efter overskriften før § 47" as the (last part of the) placement of "Efter § 46 a indsættes …"
_AFTER_NAMED_HEADING = re.compile(r"(?:^| )efter overskriften »([^«»]*)«$")
_AFTER_HEADING_BEFORE = re.compile(r"(?:^| )efter overskriften (?:før|til|for) (§ \d+(?: [a-zæøåA-ZÆØÅ]{1,2})?)$")


# "før overskriften før § 21", "før overskrifterne før § 21", "før overskriften til § 21", "før
# overskriften »Tankanlæg«" as the (last part of the) placement of "Efter § 20 b indsættes …"
_BEFORE_HEADING = re.compile(r"(?:^| )før overskrift(?:en|erne) (?:(?:før|til|for) (§ \d+(?: (?!i (?:kapitel|afsnit) )"
                             r"[a-zæøåA-ZÆØÅ]{1,2})?)|»([^«»]*)«)(?: i (?:kapitel|afsnit) [0-9IVXLC]+(?: [a-zæøåA-ZÆØÅ])?)?$")


def _check_before_heading(ap, c, anchor: Unit, key: str) -> None:
    """"Efter § 20 b indsættes før overskriften før § 21:": the new § goes after § 20 b in its group,
    which is before the heading only when the § after § 20 b (leaving out §§ earlier numre of the act
    inserted there) opens a unit with a heading: § 21, or the heading named »…«. Anything else is
    refused: the act would say one place and the engine put the § in another."""
    p = str(c.get("placering") or "")
    m = _BEFORE_HEADING.search(p)
    if not m or key != "efter":
        return
    hint = "nummeret kan ikke udføres; markér det som ikke udført"
    secs = [u for u in ap.r.new.walk() if u.kind == "section" and u.num]
    k = next((n for n, u in enumerate(secs) if u is anchor), None)
    nxt = next((u for u in secs[k + 1:] if u.wid not in ap.r.inserted), None) if k is not None else None
    if nxt is None:
        raise c.error(f"placeringen »{p}« passer ikke: der står ingen paragraf efter {anchor.cite()}",
                      "placering", hint=hint)
    if m.group(1):
        named = ap.place(c, ap.resolve(c, m.group(1), "placering").units[0], "placering")
        if named is not nxt:
            raise c.error(f"placeringen »{p}« passer ikke: efter {anchor.cite()} følger {nxt.cite()}, ikke "
                          f"{named.cite()}", "placering", hint=hint)
    up = ap.parents.get(nxt.wid)
    first = None if up is None else next((u for u in up.children if u.wid not in ap.r.inserted), None)
    if up is None or up.heading is None or first is not nxt:
        if c.get("ny") == "paragraf" and nxt.num and addr.canonical_num(nxt.num) == addr.canonical_num(
                str(c.get("nummer") or "")):
            # lov 275/2011 § 1, nr. 8 on LBK 668/2011 (LBK 1240/2013's chain): the law already holds the § the nummer
            # inserts, where it would stand; that, not a missing heading, is what the drafter must see
            raise c.error(f"{nxt.cite()}, som nummeret indsætter, står allerede i loven efter {anchor.cite()}",
                          "nummer", hint="loven, som ændringen gælder, har allerede paragraffen (er nummeret allerede "
                                         "indarbejdet?); nummeret kan ikke udføres; markér det som ikke udført")
        raise c.error(f"placeringen »{p}« passer ikke: der står ingen overskrift mellem {anchor.cite()} og "
                      f"{nxt.cite()}", "placering", hint=hint)
    if m.group(2) is not None:
        # the heading named may be one of several in a row ("Voksne" over "Anvendelsesområde" before
        # § 124 of the social service act, lov 153/2011 § 1, nr. 1): any unit nxt opens
        found, u = [], nxt
        while (up is not None and next((x for x in up.children if x.wid not in ap.r.inserted), None) is u):
            if up.heading is not None:
                found.append(up.heading.text)
            u, up = up, ap.parents.get(up.wid)
        if _norm_query(m.group(2)) not in [_norm_query(h) for h in found]:
            raise c.error(f"placeringen »{p}« passer ikke: overskriften efter {anchor.cite()} er "
                          f"»{found[0]}«", "placering", hint=hint)


_BEFORE_HEADING_IN = re.compile(r"(?:^| )før overskriften (?:før|til|for) (§ \d+(?: (?!i (?:kapitel|afsnit) )[a-zæøåA-ZÆØÅ]{1,2})?)"
                                r" i kapitel ([0-9IVXLC]+(?: [a-zæøåA-ZÆØÅ])?)$")


def _into_next_chapter(ap, c, anchor: Unit, key: str) -> tuple[Unit, str]:
    """"Efter § 258 indsættes før overskriften før § 284 i kapitel 18:" (lov 308/2015 § 1, nr. 62),
    where § 258 ends chapter 16 and the group of § 284 opens chapter 18: the new §§ open chapter 18,
    before that group (returned as the anchor, with "før"). _check_before_heading has checked that
    § 284 is the § after § 258 and opens a group with a heading; here the group must open the
    chapter named. When the anchor is in that chapter already, nothing changes."""
    m = _BEFORE_HEADING_IN.search(str(c.get("placering") or ""))
    if not m or key != "efter":
        return anchor, key
    up = ap.parents.get(anchor.wid)
    while up is not None and up.kind != "chapter":
        up = ap.parents.get(up.wid)
    if up is not None and (up.num or "").lower() == m.group(2).lower():
        return anchor, key
    sec = ap.place(c, ap.resolve(c, m.group(1), "placering").units[0], "placering")
    group = ap.parents.get(sec.wid)
    chapter = ap.parents.get(group.wid) if group is not None else None
    first = None if chapter is None else next((u for u in chapter.children if u.wid not in ap.r.inserted), None)
    if group is None or group.kind != "group" or chapter is None or chapter.kind != "chapter" \
            or (chapter.num or "").lower() != m.group(2).lower() or first is not group:
        raise c.error(f"placeringen »{c.get('placering')}« passer ikke: overskriften før {sec.cite()} står ikke "
                      f"først i kapitel {m.group(2)}", "placering",
                      hint="nummeret kan ikke udføres; markér det som ikke udført")
    return group, "før"


_BEFORE_HEADING_OF = re.compile(r"før overskriften (?:før|til|for) (§ \d+(?: [a-zæøåA-ZÆØÅ]{1,2})?)")


def _before_heading(ap, c, anchor: Unit, key: str) -> Unit:
    """"Før overskriften før § 23 indsættes:" (`før: "§ 23"`, the same § in the placement; lov 1000/2015
    § 1, nr. 16): the new text goes before the mellemrubrik that stands over § 23, i.e. before the group
    § 23 opens (returned as the anchor), never inside it under that heading. Refused unless § 23 stands
    first in a group with a heading, that group is the only one § 23 opens (two headings in a row: which
    is meant is not certain), and something of the act stands before the group in its chapter (first in
    a chapter, the chapter's own heading stands before it too)."""
    p = str(c.get("placering") or "")
    m = _BEFORE_HEADING_OF.fullmatch(p)
    if not m or key != "før":
        return anchor
    hint = "nummeret kan ikke udføres; markér det som ikke udført"
    named = ap.place(c, ap.resolve(c, m.group(1), "placering").units[0], "placering")
    if named is not anchor:
        raise c.error(f"placeringen »{p}« passer ikke med »før: {c.get('før')}«", "placering", hint=hint)

    def first_of(u: Unit | None) -> Unit | None:
        return None if u is None else next((x for x in ap.siblings(u) if x.wid not in ap.r.inserted), None)

    group = ap.parents.get(anchor.wid)
    if group is None or group.kind != "group" or group.heading is None or first_of(group) is not anchor:
        raise c.error(f"placeringen »{p}« passer ikke: {anchor.cite()} står ikke først efter en mellemrubrik",
                      "placering", hint=hint)
    outer = ap.parents.get(group.wid)
    if outer is not None and outer.kind == "group" and outer.heading is not None and first_of(outer) is group:
        raise c.error(f"placeringen »{p}« er ikke entydig: der står to overskrifter i træk før {anchor.cite()} "
                      f"(»{outer.heading.text}« og »{group.heading.text}«)", "placering", hint=hint)
    if next((x for x in ap.siblings(outer) if x.wid not in ap.r.inserted), None) is group and outer is not None:
        raise c.error(f"placeringen »{p}« er ikke entydig: overskriften før {anchor.cite()} står først i "
                      f"{outer.label or outer.cite()}, efter dens egen overskrift", "placering", hint=hint)
    return group


def _heading_opener(ap, c, anchor: Unit, key: str) -> Unit | None:
    """"Efter § 46 a indsættes efter overskriften før § 47:" (lov 574/2014 § 3, nr. 22): the new §
    opens the group of § 47, right after its heading. Executed only when the placement and the
    anchor agree: § 47 stands first under a heading and § 46 a is the § right before that heading
    (in the act as the earlier numre left it); anything else is refused. The § that opened the
    group is returned (the new § goes before it); None when the placement says nothing of this.
    "Efter overskriften før § 69 indsættes:" (`før: "§ 69"`, the same § in the placement) only
    needs § 69 to stand first under a mellemrubrik."""
    p = str(c.get("placering") or "")
    hint = "nummeret kan ikke udføres; markér det som ikke udført"
    named = _AFTER_NAMED_HEADING.search(p)
    if named and key == "efter":
        # "Efter § 35 indsættes i kapitel 6 efter overskriften »Pristillæg m.v. til vindmøller«:" (lov
        # 576/2012 § 1, nr. 1): the § after § 35 must open the heading's chapter, part or group;
        # _check_placering then checks the heading's words and "i kapitel 6"
        secs = [u for u in ap.r.new.walk() if u.kind == "section" and u.num]
        k = next((n for n, u in enumerate(secs) if u is anchor), None)
        if k is None or k + 1 >= len(secs):
            raise c.error(f"placeringen »{p}« passer ikke: der står ingen paragraf efter {anchor.cite()}",
                          "placering", hint=hint)
        opener = secs[k + 1]
        up = ap.parents.get(opener.wid)
        if up is None or up.heading is None or up.children[0] is not opener:
            raise c.error(f"placeringen »{p}« passer ikke: efter {anchor.cite()} følger {opener.cite()} uden en "
                          f"overskrift imellem", "placering", hint=hint)
        return opener
    m = _AFTER_HEADING_BEFORE.search(p)
    if not m:
        return None
    opener = ap.place(c, ap.resolve(c, m.group(1), "placering").units[0], "placering")
    if key != "efter" and opener is not anchor:
        # "Efter overskriften før § 69 indsættes:" is `før: "§ 69"` with the same §
        raise c.error(f"placeringen »{p}« passer ikke med »{key}: {c.get(key)}«", "placering", hint=hint)
    group = ap.parents.get(opener.wid)
    if group is None or group.kind != "group" or group.heading is None or group.children[0] is not opener:
        raise c.error(f"placeringen »{p}« passer ikke: {opener.cite()} står ikke først efter en mellemrubrik",
                      "placering", hint=hint)
    if key != "efter":
        return opener
    secs = [u for u in ap.r.new.walk() if u.kind == "section" and u.num]
    k = next(n for n, u in enumerate(secs) if u is opener)
    if k == 0 or secs[k - 1] is not anchor:
        before = secs[k - 1].cite() if k else "ingen paragraf"
        raise c.error(f"placeringen »{p}« passer ikke: paragraffen før overskriften er {before}, ikke "
                      f"{anchor.cite()}", "placering", hint=hint)
    return opener


def _check_placering(ap, c, unit: Unit) -> None:
    """`placering` of an imported act ("Efter § 19 indsættes i kapitel 4:"): the new § goes
    after the § it names, in that §'s group; a placement that says otherwise is refused, never
    executed in the wrong place. "i kapitel N"/"i afsnit N" is checked against where the §
    landed. "efter overskriften »X«" (worded first: "I kapitel 10 efter overskriften »X« indsættes
    før § 57:") is checked: the new § must stand first under the heading X, i.e. the § it goes
    before opened that chapter, part or group. "efter overskriften før § N" is placed by
    _heading_opener (the new § opens § N's group, the anchor § must stand right before it)."""
    p = str(c.get("placering") or "")
    if not p:
        return
    named = re.search(r"efter overskriften »([^«»]*)«", p)
    if named:
        up = ap.parents.get(unit.wid)
        if up is not None and (up.wid, "heading", 0) in ap.r.edits:
            raise c.error(f"placeringen »{p}« nævner en overskrift, som {ap.r.edits[(up.wid, 'heading', 0)][0].change.ref} "
                          f"ændrer", "placering", hint="nummeret kan ikke udføres; markér det som ikke udført")
        found = None if up is None or up.heading is None else up.heading.text
        if found is None or up.children[0] is not unit or _norm_query(found) != _norm_query(named.group(1)):
            where = f"{c.get('før') or c.get('efter')}"
            raise c.error(f"placeringen »{p}« passer ikke: {where} står ikke først efter overskriften "
                          f"»{named.group(1)}« (overskriften før den er: »{found or 'ingen'}«)", "placering",
                          hint="nummeret kan ikke udføres; markér det som ikke udført")
    elif "efter overskrift" in p and not _AFTER_HEADING_BEFORE.search(p):
        raise c.error(f"placeringen »{p}« kan lawdiff endnu ikke udføre (den nye paragraf skal stå "
                      f"efter en overskrift)", "placering", hint="nummeret kan ikke udføres; markér det som ikke udført")
    for word, num in re.findall(r"\bi (kapitel|afsnit|Afsnit) ([0-9IVXLC]+(?: [a-zæøåA-ZÆØÅ](?![\wæøå]))?)", p):
        kind = "chapter" if word == "kapitel" else "part"
        up = ap.parents.get(unit.wid)
        while up is not None and up.kind != kind:
            up = ap.parents.get(up.wid)
        if up is None or (up.num or "").lower() != num.lower():
            raise c.error(f"placeringen »{p}« passer ikke: den nye paragraf kommer efter {c.get('efter') or c.get('før')} "
                          f"i {up.label if up is not None else 'loven uden for et ' + word}", "placering",
                          hint="lawdiff flytter endnu ikke en ny paragraf til et andet kapitel; nummeret kan ikke udføres")
