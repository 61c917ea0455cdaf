"""Changes of words: »X« ændres til »Y«, »X« udgår, indsættes efter/før »X«: »Y«.

    I § 5, stk. 2, ændres »X« til: »Y«.            {i, ændres, til}
    To steder i § 5 ændres …  / I § 5 ændres to steder …   {antal (, antal_efter_verbum)}
    Overalt i loven[, bortset fra § 3,] ændres …    {overalt, bortset_fra}
    I § 5 udgår »X«.                                 {i, udgår}
    I § 5 indsættes efter »X«: »Y«.                  {i, indsættes_efter, tekst}
    I § 5 indsættes efter »X« to steder: »Y«.        {…, antal, antal_efter_citat}
    …, og »X« ændres til: »Y«  /  …, og »X« til: »Y«  /  …, og »X« udgår  /  …, og efter »X« indsættes: »Y«
                                                     the same place as the change before it
                                                     (elliptisk: the verb is left out)
    …, og efter »X« udgår »Y«  /  …, og før »X« udgår »Y«
                                                     {udgår: Y, udgår_efter/udgår_før: X}: the words Y
                                                     right after (before) the words X go
"""
from __future__ import annotations

import re

from ..errors import LawdiffError
from ..model import PROVISIONS, Line, Unit
from ..text import norm_map
from .common import COUNT_OF, COUNT_WORDS, Reader, Unreadable, format_location, q, steder
from .log import Placement
from .tree import _PUNCT_START, _apply_edits, _norm_query, _widen_deletion, citations, cite_path

VERBS = ("ændres", "udgår", "indsættes_efter", "indsættes_før")


def _til(r: Reader, ch: dict) -> str:
    """' til: »Y«' after the old words; 'til »Y«' without the colon (an older house style) is
    read too and recorded as `til_kolon: false`, so that it prints back as the act has it."""
    if r.lit(" til: "):
        pass
    elif r.lit(" til:"):
        r.warnings.append("»til:« står uden mellemrum før citatet i kilden; læst som »til: «")
    elif r.lit(" til "):
        ch["til_kolon"] = False
    else:
        raise Unreadable("»ændres »…«« følges ikke af »til: »…««")
    new = r.quote()
    if new is None:
        raise Unreadable("»til:« følges ikke af et citat »…«")
    return new


# "i 1. pkt.", "i 4. pkt., der bliver 5. pkt.,", and a list of punktummer "i 2. og 3. pkt.", "i 2., 3. og to
# steder i 4. pkt." (lov 268/2014: the same place as "I § 84 c, stk. 1, 2. og 3. pkt., og to steder i 4. pkt.")
_PKT_AFTER = (r"(?:i (\d+\. pkt\.(?:, der bliver \d+\. pkt\.,)?"
              r"|(?:\d+\., )*\d+\. og (?:(?:et|to|tre|fire|fem|seks|syv|otte|ni|ti) ste(?:d|der) i )?\d+\. pkt\.) )?")
_COUNT_RX = r"(?:(et|to|tre|fire|fem|seks|syv|otte|ni|ti) ste(?:d|der) )?"


def _with_pkt(loc: dict, pkt: str | None) -> dict:
    """'ændres i 1. pkt. »…«': the punktum is named after the verb; `delt` records it."""
    if not pkt:
        return dict(loc)
    if "i" not in loc:
        raise Unreadable(f"»i {pkt}« efter udsagnsordet har intet sted at høre til")
    if len(citations(loc["i"])) != 1 or re.search(r"\bpkt\.$", loc["i"]):
        # "I § 5, stk. 1 og 2, ændres i 2. pkt." (or "I § 5, stk. 1, 2. pkt., ændres i 3. pkt."): whose
        # punktum? The place was "§ 5, stk. 1 og 2, 2. pkt.", executed as stk. 1 whole and stk. 2, 2. pkt.
        # (and "§ 5, stk. 1, 2. pkt., 3. pkt." as both punktummer). Every real form names one unit.
        raise Unreadable(f"»i {pkt}« efter udsagnsordet hører til »{loc['i']}«, der ikke er én enhed uden "
                         "punktum; det er ikke sikkert, hvilke punktummer der menes (skriv hvert sted fuldt ud)")
    if ", der bliver " in pkt:
        # "I § 47 ændres i 4. pkt., der bliver 5. pkt., »…« til: »…«" (lov 1252/2012 § 3, nr. 13 and
        # § 5, nr. 9): the punktum's number after earlier numre, named after the verb with it
        if "der_bliver" in loc:
            raise Unreadable(f"»i {pkt}« efter en henvisning, der selv har »der bliver«")
        pkt, der = pkt.rstrip(",").split(", der bliver ")
        return {**loc, "i": f"{loc['i']}, {pkt}", "delt": 1, "der_bliver": der, "der_bliver_efter_verbum": True}
    return {**loc, "i": f"{loc['i']}, {pkt}", "delt": len(pkt.split(", "))}


def read_verb(r: Reader, loc: dict) -> dict | None:
    """The verb phrase after a location: returns the change, or None when it is not a word change."""
    start = r.pos
    if loc.get("forkortet") is not None and r.text.startswith("»", r.pos):
        # "I § 124, stk. 6, der bliver stk. 5, ændres i 1. pkt. »A« til: »B« og i 2. pkt. »C« til: »D«." (lov 408/2010
        # § 1, nr. 3): the verb said once, for a later place named short after the first; only with "til"
        old = r.quote()
        if old is not None and r.text.startswith(" til", r.pos):
            ch = {**loc, "ændres": old, "elliptisk": True}
            ch["til"] = _til(r, ch)
            return ch
        r.pos = start
    # (the citation is expanded only where the words say "i alt": expanding it for every change of words cost the
    # reader ~4 % of its instructions)
    m = r.rx(r"ændres i alt (to|tre|fire|fem|seks|syv|otte|ni|ti) steder (?=»)") \
        if r.text.startswith("ændres i alt ", r.pos) and len(citations(loc.get("i") or "")) > 1 else None
    if m:  # "I §§ 3 og 4 ændres i alt tre steder »nr. 3« til: »nr. 2«." (lov 724/2010 § 14, nr. 2): the count is the sum
        ch = {**loc, "antal": COUNT_OF[m.group(1)], "antal_efter_verbum": True, "i_alt": True, "ændres": r.quote()}
        ch["til"] = _til(r, ch)
        return ch
    m = r.rx(r"ændres(:)? " + _PKT_AFTER + _COUNT_RX + r"(?=»)")
    if m:
        ch = _with_pkt(loc, m.group(2))
        if m.group(1):
            r.warnings.append("»ændres:« har et kolon i kilden (trykfejl); gengivet som i kilden")
            ch["verbum_kolon"] = True
        if m.group(3):
            _set_count(ch, m.group(3), "antal_efter_verbum")
        ch["ændres"] = r.quote()
        _more_quotes(r, ch, r" til\b")
        c = r.rx(r" (to|tre|fire|fem|seks|syv|otte|ni|ti) steder(?= til)")
        if c:
            _set_count(ch, c.group(1), "antal_efter_citat")
        ch["til"] = _til(r, ch)
        return _count_last(r, ch)
    m = r.rx(r"udgår(:)? " + _PKT_AFTER + _COUNT_RX + r"(?=»)")
    if m:
        ch = _with_pkt(loc, m.group(2))
        if m.group(1):  # "I § 13, stk. 13, udgår: »…«" (lov 665/2016), as "ændres: »…«"
            r.warnings.append("»udgår:« har et kolon i kilden (trykfejl); gengivet som i kilden")
            ch["verbum_kolon"] = True
        if m.group(3):
            _set_count(ch, m.group(3), "antal_efter_verbum")
        ch["udgår"] = r.quote()
        if ch["udgår"] is not None and r.text.startswith(", og i stedet indsættes: »", r.pos):
            # "I § 75, stk. 3, 1. pkt., udgår », der har«, og i stedet indsættes: »…«" (lov 310/2015
            # § 1, nr. 50): a change of words (`ændres`/`til`), worded so (`udgår_i_stedet`)
            r.pos += len(", og i stedet indsættes: ")
            ch["ændres"], ch["til"], ch["udgår_i_stedet"] = ch.pop("udgår"), r.quote(), True
            return ch
        return _count_last(r, ch)
    m = r.rx(r"indsættes " + _PKT_AFTER + _COUNT_RX + r"(efter|før)(:)? (?=»)")
    if m:
        ch = _with_pkt(loc, m.group(1))
        if m.group(4):
            r.warnings.append(f"»indsættes {m.group(3)}:« har et kolon i kilden (trykfejl); gengivet som i kilden")
            ch["verbum_kolon"] = True
        anchor = r.quote()
        _more_quotes(r, ch, r":", sides=True)
        flere = ch.get("_flere", [])
        if any(side.strip() not in ("", m.group(3)) for _, side, _ in flere) and any(not side for _, side, _ in flere):
            # "indsættes efter »A«, før »B« og »C«: »D«": which side of »C«?
            raise Unreadable("ankrene står både med »efter« og »før«, og ikke hvert anker siger sin side")
        c = None if m.group(2) or ch.get("_flere") else r.rx(r" (to|tre|fire|fem|seks|syv|otte|ni|ti) steder(?=:)")
        if c:  # "indsættes efter »A« to steder: »B«" (lov 518/2012 § 1, nr. 2): the count after the anchor
            _set_count(ch, c.group(1), "antal_efter_citat")
        if not r.lit(": "):
            if r.lit(":"):
                r.warnings.append("kolon uden mellemrum efter ankeret i kilden")
            elif r.lit(" til: "):
                r.warnings.append("»indsættes efter »…« til: »…«« i kilden; læst som »indsættes efter »…«: »…««")
            else:
                raise Unreadable("»indsættes efter »…«« følges ikke af »: »…««")
        new = r.quote()
        if new is None:
            raise Unreadable("»indsættes efter »…«:« følges ikke af et citat")
        ch[f"indsættes_{m.group(3)}"] = anchor
        ch["tekst"] = new
        if m.group(2):
            _set_count(ch, m.group(2), "antal_efter_verbum")
        return ch
    r.pos = start
    return None


def _set_count(ch: dict, word: str, where: str) -> None:
    """The count of places, said after the verb or after the quote (`where`): a count the place
    already has ("To steder i § 40 ændres to steder »…«", "Tre steder … ændres to steder …") is
    said twice, and two counts are never read as one."""
    if ch.get("antal"):
        raise Unreadable("antallet af steder står to gange i ændringen")
    ch["antal"] = COUNT_OF[word]
    ch[where] = True


def _count_last(r: Reader, ch: dict) -> dict:
    """'ændres »A« til: »B« tre gange' / 'udgår »A« to steder': the count after the quotes
    (`antal`, with `antal_sidst` the word the act uses)."""
    m = r.rx(r" (to|tre|fire|fem|seks|syv|otte|ni|ti) (gange|steder)(?=$|[.,]| og )")
    if m:
        if ch.get("antal") or ch.get("_flere"):
            raise Unreadable("antallet af steder står to gange i ændringen")
        ch["antal"] = COUNT_OF[m.group(1)]
        ch["antal_sidst"] = m.group(2)
    return ch


def _more_quotes(r: Reader, ch: dict, then: str, sides: bool = False) -> None:
    """'ændres »A«, »B« og »C« til: »D«' / 'indsættes efter »A« og [efter] »B«: »C«': several old
    words (anchors) with one new text. Each is a change of its own (nummer.read_sentence makes
    them: all but the last are `fælles`, printing no new text); here they are collected in
    `_flere` as (joiner, side word or "", quote)."""
    start = r.pos
    more = []
    while True:
        m = r.rx(r"(, | og )((?:efter|før) )?(?=»)" if sides else r"(, | og )(?=»)")
        if not m:
            break
        more.append((m.group(1), (m.group(2) or "") if sides else "", r.quote()))
    if more and not re.compile(then).match(r.text, r.pos):
        r.pos = start  # not a list that ends in the new text: the clauses are read one by one
        return
    if more:
        if ch.get("antal"):
            raise Unreadable("flere citater med et antal steder kan ikke læses med sikkerhed")
        ch["_flere"] = more


def read_follow_on(r: Reader, prev: dict | None) -> dict | None:
    """'»X« ændres til: »Y«', '»X« til: »Y«', '»X« udgår', 'efter »X« indsættes: »Y«' (place of prev)."""
    if not prev or not any(v in prev for v in VERBS):
        return None
    place = {k: prev[k] for k in ("i", "overalt", "der_bliver", "bortset_fra", "som_bliver") if k in prev}
    start = r.pos
    m = r.rx(r"(efter|før) (?=»)")
    if m:
        anchor = r.quote()
        if r.lit(" udgår "):
            # "…, og efter »§ 84, stk. 1,« udgår »og«" (lov 403/2014), "…, og efter »tilsyn med« udgår
            # »anbringelsesstedet eller«" (lov 647/2016): the words right after (before) the anchor go
            gone = r.quote()
            if anchor is None or gone is None:
                raise Unreadable(f"»{m.group(1)} »…« udgår« følges ikke af et citat")
            return {**place, "udgår": gone, f"udgår_{m.group(1)}": anchor, "samme_sted": True}
        if r.lit(": ") and any(k.startswith("indsættes_") for k in prev):  # "og efter »c«: »d«"
            new = r.quote()
            if new is None:
                raise Unreadable("»efter »…«:« følges ikke af et citat")
            return {**place, f"indsættes_{m.group(1)}": anchor, "tekst": new, "samme_sted": True,
                    "elliptisk": True}
        if not r.lit(" indsættes: "):
            r.pos = start
            return None
        new = r.quote()
        if new is None:
            raise Unreadable("»indsættes:« følges ikke af et citat")
        return {**place, f"indsættes_{m.group(1)}": anchor, "tekst": new, "samme_sted": True}
    m = r.rx(r"(et|to|tre|fire|fem|seks|syv|otte|ni|ti) ste(?:d|der) indsættes (efter|før) (?=»)")
    if m:  # "…: »…«, og to steder indsættes efter »A«: »B«" (lov 1549/2016 § 1, nr. 57)
        anchor = r.quote()
        if not r.lit(": "):
            raise Unreadable(f"»{m.group(0)}»…«« følges ikke af »: »…««")
        new = r.quote()
        if new is None:
            raise Unreadable(f"»{m.group(0)}»…«:« følges ikke af et citat")
        return {**place, "antal": COUNT_OF[m.group(1)], f"indsættes_{m.group(2)}": anchor, "tekst": new,
                "samme_sted": True}
    m = r.rx(r"(et|to|tre|fire|fem|seks|syv|otte|ni|ti) ste(?:d|der) (ændres )?(?=»)")
    if m and ("ændres" in prev or m.group(2)):  # "…: »…«, og to steder ændres »A« til: »B«" (lov 1490/2014)
        old = r.quote()
        ch = {**place, "antal": COUNT_OF[m.group(1)], "ændres": old, "samme_sted": True}
        ch["til"] = _til(r, ch)
        if not m.group(2):
            ch["elliptisk"] = True
        return ch
    r.pos = start
    old = r.quote()
    if old is None:
        return None
    if _udgaar_after_list(r):  # "…, »A« og »B« udgår" (lov 632/2016): »A« goes too, the verb said once, after »B«
        return {**place, "udgår": old, "samme_sted": True, "elliptisk": True}
    m = r.rx(r" ændres (to|tre|fire|fem|seks|syv|otte|ni|ti) steder(?= til)")
    if m:
        ch = {**place, "antal": COUNT_OF[m.group(1)], "antal_efter_citat": True, "ændres": old, "samme_sted": True}
        ch["til"] = _til(r, ch)
        return ch
    if r.lit(" ændres til "):
        new = r.quote()
        if new is None:
            raise Unreadable("»ændres til« følges ikke af et citat")
        return {**place, "ændres": old, "til": new, "samme_sted": True, "til_kolon": False}
    if r.lit(" ændres til: ") or r.lit(" ændres til:"):
        new = r.quote()
        if new is None:
            raise Unreadable("»ændres til:« følges ikke af et citat")
        return {**place, "ændres": old, "til": new, "samme_sted": True}
    if r.text.startswith(" til", r.pos) and "ændres" in prev:
        ch = {**place, "ændres": old, "samme_sted": True, "elliptisk": True}
        ch["til"] = _til(r, ch)
        return _count_last(r, ch)
    if r.lit(" udgår"):
        return {**place, "udgår": old, "samme_sted": True}
    if "udgår" in prev:  # "udgår »a« og »b«"
        return {**place, "udgår": old, "samme_sted": True, "elliptisk": True}
    r.pos = start
    return None


def _udgaar_after_list(r: Reader) -> bool:
    """Whether the quote just read is followed by more quotes and then »udgår« ("»A« og »B« udgår", "»A«, »B« og
    »C« udgår"): the position is left at the separator after the quote, where the next clause is read."""
    at = r.pos
    try:
        while r.rx(r"(, | og )(?=»)"):
            if r.quote() is None:
                return False
            if r.text.startswith(" udgår", r.pos):
                return True
        return False
    finally:
        r.pos = at


def _to(ch: dict) -> str:
    """'til: »Y«' (or 'til »Y«' where the act leaves out the colon)."""
    return f"til{':' if ch.get('til_kolon', True) else ''} {q(ch['til'])}"


def format(ch: dict, prev: dict | None, first: bool) -> str:
    if ch.get("udgår_i_stedet"):  # "udgår »A«, og i stedet indsættes: »B«" (read_verb)
        rest = {k: v for k, v in ch.items() if k not in ("ændres", "til", "udgår_i_stedet")}
        return f"{_format({**rest, 'udgår': ch['ændres']}, prev, first)}, og i stedet indsættes: {q(ch['til'])}"
    if ch.get("antal_sidst"):  # the count is printed last ("… til: »B« tre gange")
        s = _format({k: v for k, v in ch.items() if k not in ("antal", "antal_sidst")}, prev, first)
        return f"{s} {COUNT_WORDS[ch['antal']]} {ch['antal_sidst']}"
    s = _format(ch, prev, first)
    if ch.get("fælles"):  # the new text is printed once, after the last of the list
        tail = f" {_to(ch)}" if "ændres" in ch else f": {q(ch['tekst'])}"
        s = s[:-len(tail)] if s.endswith(tail) else s
    return s


def _format(ch: dict, prev: dict | None, first: bool) -> str:
    if ch.get("samme_sted"):
        if "ændres" in ch and ch.get("antal"):
            verb = "" if ch.get("elliptisk") else "ændres "
            if ch.get("antal_efter_citat"):
                return f"{q(ch['ændres'])} ændres {steder(ch['antal'])} {_to(ch)}"
            return f"{steder(ch['antal'])} {verb}{q(ch['ændres'])} {_to(ch)}"
        if "ændres" in ch:
            return f"{q(ch['ændres'])} {_to(ch)}" if ch.get("elliptisk") else \
                f"{q(ch['ændres'])} ændres {_to(ch)}"
        if "udgår" in ch and (ch.get("udgår_efter") or ch.get("udgår_før")):
            side = "efter" if ch.get("udgår_efter") else "før"
            return f"{side} {q(ch['udgår_' + side])} udgår {q(ch['udgår'])}"
        if "udgår" in ch:
            return q(ch["udgår"]) if ch.get("elliptisk") else f"{q(ch['udgår'])} udgår"
        side = "efter" if "indsættes_efter" in ch else "før"
        if ch.get("antal"):  # "to steder indsættes efter »A«: »B«"
            return f"{steder(ch['antal'])} indsættes {side} {q(ch['indsættes_' + side])}: {q(ch['tekst'])}"
        if ch.get("kun_citat"):  # "indsættes efter »A« og »B«: »C«"
            return f"{q(ch['indsættes_' + side])}: {q(ch['tekst'])}"
        if ch.get("elliptisk"):
            return f"{side} {q(ch['indsættes_' + side])}: {q(ch['tekst'])}"
        return f"{side} {q(ch['indsættes_' + side])} indsættes: {q(ch['tekst'])}"
    later = ch.get("der_bliver_efter_verbum")  # "ændres i 4. pkt., der bliver 5. pkt., »…«"
    where = format_location({k: v for k, v in ch.items() if k != "der_bliver"} if later else ch, prev, first)
    colon = ":" if ch.get("verbum_kolon") else ""
    pkt = ""
    if ch.get("delt"):
        pkt = "i " + ", ".join(ch["i"].split(", ")[-ch["delt"]:]) + (f", der bliver {ch['der_bliver']}," if later else "") + " "
    if "ændres" in ch and ch.get("elliptisk") and not pkt:  # "og i 2. pkt. »C« til: »D«" (read_verb)
        return f"{where}{q(ch['ændres'])} {_to(ch)}"
    if "ændres" in ch:
        n = f" {steder(ch['antal'])}" if ch.get("antal") else ""
        if ch.get("antal_efter_citat"):
            return f"{where}ændres{colon} {pkt}{q(ch['ændres'])}{n} {_to(ch)}"
        if not ch.get("antal_efter_verbum"):
            n = ""
        elif ch.get("i_alt"):
            n = " i alt" + n
        return f"{where}ændres{colon} {pkt}{n[1:]}{' ' if n else ''}{q(ch['ændres'])} {_to(ch)}"
    if "udgår" in ch:
        n = f"{steder(ch['antal'])} " if ch.get("antal_efter_verbum") else ""
        return f"{where}udgår{colon} {pkt}{n}{q(ch['udgår'])}"
    side = "efter" if "indsættes_efter" in ch else "før"
    n = f"{steder(ch['antal'])} " if ch.get("antal_efter_verbum") else ""
    after = f" {steder(ch['antal'])}" if ch.get("antal_efter_citat") else ""
    return f"{where}indsættes {pkt}{n}{side}{colon} {q(ch['indsættes_' + side])}{after}: {q(ch['tekst'])}"


def is_words(ch: dict) -> bool:
    return any(v in ch for v in VERBS)


is_kind = is_words  # the name every kind module uses


# --- execution: the change made on the engine's working copy of the act --------------------------
# `ap` is the engine's applier (lawdiff/engine/applier.py: the machinery every kind uses); `c` a
# proposal.Change (its data in the format of docs/format.md).


def execute(ap, c) -> None:
    verb = c.verb
    if verb == "udgår" and (c.get("udgår_efter") or c.get("udgår_før")):
        _execute_next_to(ap, c)
        return
    hits = ap.find(c, c.get(verb), verb)
    _place_words(ap, c, hits)
    for k, ln, u, s, e in hits:
        if verb == "ændres":
            til = _norm_query(c.get("til")) if c.get("til").strip() else ""
            if til and ln.text[s:s + 1].isupper() and c.get("ændres")[:1].islower() and til[:1].islower():
                til = til[:1].upper() + til[1:]  # the words began a punktum: so does their replacement
            if not til:
                s, e = _widen_deletion(ln.text, s, e)
            elif _PUNCT_START.match(til) and s > 0 and ln.text[s - 1] == " ":
                s -= 1  # »og« til: »,« gives "et tilbud, et …", never "et tilbud , et …"
            elif (_PUNCT_START.match(_norm_query(c.get("ændres"))) and not _PUNCT_START.match(til)
                  and s > 0 and ln.text[s - 1] != " "):
                # »,udviklingsarbejde og …« til: »og forsknings- …« (lov 1614/2013 § 1, nr. 6) gives
                # "uddannelse og forsknings-", never "uddannelseog forsknings-": the comma clung to the
                # word before, its replacement is a word of its own
                til = " " + til
            ap.add_edit(c, k, u, s, e, til, verb)
        elif verb == "udgår":
            s, e = _widen_deletion(ln.text, s, e)
            ap.add_edit(c, k, u, s, e, "", verb)
        elif verb == "indsættes_efter":
            tekst = _norm_query(c.get("tekst"))
            # a range's end clings to its start: "Efter »§ 86, stk. 1« indsættes: »-3«" gives "stk. 1-3"
            # (lov 273/2013, § 1, nr. 8), never "stk. 1 -3"
            glued = _PUNCT_START.match(tekst) or (re.match(r"[-–]\d", tekst) and ln.text[e - 1:e].isdigit())
            ap.add_edit(c, k, u, e, e, tekst if glued else " " + tekst, verb)
        else:
            tekst = _norm_query(c.get("tekst"))
            if _PUNCT_START.match(tekst) and s > 0 and ln.text[s - 1] == " ":
                # indsættes før »og«: »,« -> "tilsynsfaglige, og", never "tilsynsfaglige , og"
                ap.add_edit(c, k, u, s - 1, s - 1, tekst, verb)
            else:
                ap.add_edit(c, k, u, s, s, tekst + " ", verb)
    if verb == "udgår" or (verb == "ændres" and not c.get("til").strip()):
        for u in {id(u): u for _k, _ln, u, _s, _e in hits}.values():
            _refuse_emptied(ap, c, u, verb)


def _execute_next_to(ap, c) -> None:
    """»efter »A« udgår »B««: the words B where they stand right after A (»før«: right before A) go, A
    stays. The place must hold »A B« (»B A«) as many times as the change says (once when it says
    nothing), as any change of words; B elsewhere in the place is not touched."""
    side = "efter" if c.get("udgår_efter") else "før"
    anchor, gone = _norm_query(c.get("udgår_" + side)), _norm_query(c.get("udgår"))
    together = f"{anchor} {gone}" if side == "efter" else f"{gone} {anchor}"
    try:
        hits = ap.find(c, together, "udgår")
    except LawdiffError as e:
        if f"»{together}« findes ikke" not in e.message:
            raise
        # "»afvises tilbageføres« findes ikke i § 29 a, stk. 1": the drafter reads why first
        raise c.error(f"»{gone}« står ikke lige {side} »{anchor}«: " + e.message.split(": ", 1)[-1], "udgår",
                      hint=e.hint) from None
    _place_words(ap, c, hits)
    for k, ln, u, s, e in hits:
        span = _end_span(ln.text, gone, s, e, at_end=side == "efter")
        if span is None:
            raise c.error(f"»{gone}« kan ikke skilles fra »{anchor}« i teksten", "udgår")
        gs, ge = _widen_deletion(ln.text, *span)
        ap.add_edit(c, k, u, gs, ge, "", "udgår")
    for u in {id(u): u for _k, _ln, u, _s, _e in hits}.values():
        _refuse_emptied(ap, c, u, "udgår")


def _end_span(text: str, words: str, s: int, e: int, at_end: bool) -> tuple[int, int] | None:
    """The span of `words` (matched normalised, as the engine finds words) that ends at `e` (at_end)
    or begins at `s` within text[s:e]; None when there is none."""
    normed, idx = norm_map(text)
    q = _norm_query(words)
    start = normed.find(q)
    while start != -1 and q:
        o_start, o_end = idx[start], idx[start + len(q) - 1] + 1
        if s <= o_start and o_end <= e and (o_end == e if at_end else o_start == s):
            return o_start, o_end
        start = normed.find(q, start + 1)
    return None


def _place_words(ap, c, hits) -> None:
    wids = list(dict.fromkeys(u.wid for _k, _ln, u, _s, _e in hits))
    k, _ln, _u, start, _e = hits[0]
    ap.r.placements.append(Placement(c, "words", wids, offset=(k[1], k[2], start)))


def _refuse_emptied(ap, c, u: Unit, verb: str) -> None:
    """A deletion of words that leaves a stk., nr. or litra with no text of its own and nothing
    under it ("Stk. 4." alone, "1) ,") is refused: a unit is removed by »ophæves«, which also
    moves the units after it (lovteknik), never by deleting its words."""
    if u.kind not in PROVISIONS or u.children:
        return
    had = now = False
    for part in ("intro", "wrapup"):
        for i, b in enumerate(getattr(u, part)):
            if not isinstance(b, Line):
                return  # a table: not only words
            had = had or any(ch.isalnum() for ch in b.text)
            edits = ap.r.edits.get((u.wid, part, i))
            now = now or any(ch.isalnum() for ch in (_apply_edits(b.text, edits) if edits else b.text))
    if had and not now:
        where = cite_path(u, ap.parents)
        raise c.error(f"ændringen efterlader {where} uden tekst", verb,
                      hint=f"skriv »{where} ophæves« (de følgende enheder rykker så op), "
                           "eller lad noget af teksten stå")
