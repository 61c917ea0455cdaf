"""One nummer of an amending act: its instruction sentences read into changes, and worded back.

A nummer holds one or more sentences (one per LexDania <Aendring>); a sentence holds one or
more clauses joined by ", ", " og " or ", og " ("I § 8, stk. 1, udgår »75 pct.«, og stk. 2
ophæves."). Each clause is one change, read and worded by its kind's module. Surface forms
that are not implied by the data are recorded as small keys (docs/format.md, "Forms"):
`bindeord` (the joiner before a clause where it is not the usual one), `punktum` (the full stop
at the end of the sentence where the usual rule — R7 — would not give it), `ny_sætning`.
"""
from __future__ import annotations

import re

from . import annex, chapterlabel, heading, insert, repeal, rewrite, words
from .common import Reader, Unreadable, place, read_location

KINDS = (annex, chapterlabel, heading, words, insert, rewrite, repeal)  # heading, annex: only their own forms (is_kind)


def kind_module(ch: dict):
    for k in KINDS:
        if k.is_kind(ch):
            return k
    raise ValueError(f"ukendt ændring: {sorted(ch)}")


def _clause(r: Reader, prev: dict | None, first: bool) -> dict:
    if not first:
        ch = words.read_follow_on(r, prev) or insert.read_follow_on(r, prev)
        if ch:
            return ch
    # annex.read claims only whole sentences of its forms ("Efter bilag 1 indsættes bilag 2, der affattes
    # som …"), which the others would refuse at their first words
    # a reader is tried only where the word each of its forms needs stands after the position
    # (insert.TOP_NEEDS, rewrite.NEEDS): a substring test instead of its regexes and citation scan
    # (tests/changes/test_dispatch.py: a reader the test skips reads nothing there)
    text, pos = r.text, r.pos
    ch = annex.read(r, prev, first) or chapterlabel.read(r, prev, first) or heading.read(r, prev, first) or (
        insert.read_top(r, prev, first) if text.find(insert.TOP_NEEDS, pos) != -1 else None)
    if ch:
        return ch
    start = r.pos
    loc = _location(r, prev, first)
    if loc is not None:
        after_loc = r.pos
        ch = words.read_verb(r, loc)
        if ch is not None and ch.get("elliptisk") and "ændres" in ch and not (prev and "ændres" in prev):
            # the verb said once is another ("I § 5 udgår i 1. pkt. »A«, og i 2. pkt. »C« til: »D«."): »ændres« is
            # not said, and the sentence is not read (words.read_verb reads the later place with the verb before)
            ch, r.pos = None, after_loc
        ch = ch or insert.read_in(r, loc) or repeal.read_in(r, loc)
        if ch:
            if loc.get("uden_i"):
                r.warnings.append("»I« mangler foran stedet i kilden (trykfejl); gengivet som i kilden")
            return ch
        r.pos = start
    # (rewrite.read skipped: its target, read again by repeal.read at the same position, is all it
    # would have read, with the same warning for a stray "I")
    ch = (rewrite.read(r, prev, first) if text.find(rewrite.NEEDS, r.pos) != -1 else None) or repeal.read(r, prev, first)
    if ch:
        return ch
    raise Unreadable(_not_read(r.text) + f"sætningen kan ikke læses ved »{r.rest()[:70]}«")


# Forms of real acts outside the corpus that lawdiff does not read (tests/fixtures/real-instructions),
# each named in the refusal with the reason: the place is not one the engine can find with certainty.
_NOT_READ = [
    # "I overskriften til § 3, stk. 1, tabel A og B, ændres …" (lov 1532/2014), "tabelafsnit D" (lov 1503/2014)
    (re.compile(r"\btabel(?:afsnit|len|lerne)?\b"),
     "stedet er en del af en tabel i loven, som lawdiff ikke kan finde med sikkerhed"),
    # "I bilag 1 i afsnittet om kort over oversvømmelsesrisikoen, litra c, ændres …", "I bilag 2 ændres i 2. afsnit
    # »…« til: …" (lov 1631/2013): a part of an annex named by its subject or as its n-th paragraph
    (re.compile(r"\bbilag \d+\b.*?\bi (?:afsnittet om\b|\d+\. afsnit\b)"),
     "stedet er et afsnit i et bilag, nævnt ved sit emne eller sit nummer; lawdiff kan ikke finde et bilags "
     "afsnit med sikkerhed"),
]


def _not_read(text: str) -> str:
    """The reason a known form outside »…« is not read, as the start of the refusal, or ""."""
    outside = re.sub(r"»[^«]*«", "»«", text) if "»" in text else text
    for rx, why in _NOT_READ:
        if rx.search(outside):
            return why + "; "
    return ""


def _location(r: Reader, prev: dict | None, first: bool):
    # (imported with the module: an import statement here ran the import machinery for each clause)
    return read_location(r, first, prev)


# Typos in a citation that leave its meaning plain (outside »…« only): the sentence is read in the
# repaired form, and `trykfejl` on its first change records [repaired, as printed] pairs so that it
# prints back as the act has it. Each is warned about.
CITATION_TYPOS = [
    (re.compile(r"(stk\. \d+(?: [a-z])?),(\d+\. pkt\.)"), r"\1, \2", "mellemrum mangler efter komma"),
    (re.compile(r"(stk\. \d+(?: [a-z])?)\. (\d+\. pkt\.)"), r"\1, \2", "punktum for komma"),
    (re.compile(r"(stk\. \d+(?: [a-z])?)\.,(?= )"), r"\1,", "punktum før komma"),
    (re.compile(r"(\d+\. pkt),(?= )"), r"\1.,", "punktum mangler efter »pkt«"),
    (re.compile(r"(?<=, )(\d+) pkt\."), r"\1. pkt.", "punktum mangler efter tallet"),
    # "stk. 5, 1, pkt.," (lov 1569/2015), "der bliver stk. 3, 1, pkt.," (lov 631/2016): the stk. or § before is kept
    # in the recorded repair, so that printing back finds the place ("stk. 5, 1. pkt., der bliver stk. 3, 1. pkt.")
    (re.compile(r"((?:stk\.|§) \d+(?: [a-zæøåA-Z]{1,2})?, )(\d+), (pkt\.)"), r"\1\2. \3", "komma for punktum efter tallet"),
    (re.compile(r"(, )stk (\d+)"), r"\1stk. \2", "punktum mangler efter »stk«"),
    (re.compile(r"(§ \d+(?: [a-zæøåA-Z]{1,2})?) (stk\. \d+)"), r"\1, \2", "komma mangler før »stk.«"),
]


# Any of the typos anywhere in the sentence, in one pass: a match inside a piece outside the
# quotes is also a match in the whole sentence (the lookarounds see more there, never less), so a
# sentence this does not match has nothing to repair (nearly all: one search instead of 7 per piece).
_ANY_TYPO = re.compile("|".join(f"(?:{rx.pattern})" for rx, _, _ in CITATION_TYPOS))


# CITATION_TYPOS' first three, and its last, from their literal starts ("stk. ", "§ "), which `re`
# looks for before it tries the rest
_TYPO_STK = re.compile(r"stk\. \d+(?: [a-z])?(?:,\d+\. pkt\.|\. \d+\. pkt\.|\.,(?= ))")
_TYPO_NO_COMMA = re.compile(r"§ \d+(?: [a-zæøåA-Z]{1,2})? stk\. \d")


def _may_hold_typo(text: str) -> bool:
    """False when no pattern of CITATION_TYPOS can match: the fourth needs "pkt,", the sixth "stk ",
    the fifth " pkt." after something else than a full stop, the first three and the last their
    own match (the literal start found first). Several times faster than _ANY_TYPO's scan, which
    then runs on few sentences (the substring tests before, "pkt", ".," …, let a third through)."""
    if "pkt," in text or "stk " in text:
        return True
    i = text.find(" pkt.")
    while i != -1:
        if i == 0 or text[i - 1] != ".":
            return True
        i = text.find(" pkt.", i + 1)
    return (("stk. " in text and _TYPO_STK.search(text) is not None)
            or (" stk. " in text and _TYPO_NO_COMMA.search(text) is not None))


def _repair_citations(text: str) -> tuple[str, list[list[str]], list[str]]:
    if not _may_hold_typo(text) or _ANY_TYPO.search(text) is None:
        return text, [], []
    pieces = re.split(r"(»[^«]*«)", text)
    pairs: list[list[str]] = []
    notes: list[str] = []
    for k in range(0, len(pieces), 2):  # the parts outside the quotes
        for rx, rep, why in CITATION_TYPOS:
            for m in list(rx.finditer(pieces[k])):
                fixed = m.expand(rep)
                pairs.append([fixed, m.group(0)])
                notes.append(f"»{m.group(0)}« i en henvisning: {why} (trykfejl); læst som »{fixed}«, gengivet som i kilden")
            pieces[k] = rx.sub(rep, pieces[k])
    return "".join(pieces), pairs, notes


# Typos in the quotation marks, colons and a few words of an instruction, each seen in the corpus and
# each with one meaning a reader sees at once (issue 8, 6: "ændres: »…«", "til:»", a missing »).
# Unlike CITATION_TYPOS they are tried only when the sentence cannot be read as printed, so that no
# sentence that reads today is read differently. The sentence is then read in the repaired form,
# `trykfejl` records [repaired, as printed] (printed back as the act has it; a repair that does not
# print back exactly is not used), and each is warned about. Where a typo leaves two readings the
# sentence stays refused (e.g. "indsættes efter »nr. 12: « »og 17«", lov 722/2010 § 5, nr. 24).
# (pattern, replacement, why, where): where "hele" = the whole sentence (the quotation marks themselves
# are what is wrong), "uden_for" = only outside »…«, "start" = only at the start of the sentence.
_OPENING_MISSING = "»»« mangler foran citatet"
FALLBACK_TYPOS = [
    # »§ 2, stk. 4«, til: »…« (lov 571/2010 § 1, nr. 32; lov 628/2010 § 1, nr. 52)
    (re.compile(r"(»[^»«]*«), til: »"), r"\1 til: »", "komma før »til:«", "hele"),
    # »bevis efter § 12«: til »…« (lov 523/2015 § 6, nr. 8; lov 720/2014 § 2, nr. 19)
    (re.compile(r"(»[^»«]*«): til »"), r"\1 til: »", "kolonet står før »til«", "hele"),
    # »… nr. 1-10.« til»den …« (lov 1488/2014 § 1, nr. 24)
    (re.compile(r"(»[^»«]*«) til»"), r"\1 til: »", "kolon og mellemrum mangler efter »til«", "hele"),
    # »§ 33 i lov om …« til«: »§ 23 …« (lov 1482/2014 § 58, nr. 4)
    (re.compile(r"(»[^»«]*«) til«: »"), r"\1 til: »", "»«« efter »til«", "hele"),
    # til: «frivillig indbetaling …« (lov 998/2015 § 1, nr. 5)
    (re.compile(r"(«|\btil): «(?=[^»«]*«)"), r"\1: »", "»«« for »»« foran citatet", "hele"),
    # »§ 7 a,«: herunder …,« (lov 1149/2012 § 2, nr. 1); til: § 7, stk. 1, 2 eller 4,« (lov 903/2013 § 3, nr. 15)
    (re.compile(r"(«|\btil): (?=[^»«\s][^»«]*«)"), r"\1: »", _OPENING_MISSING, "hele"),
    # »brændstofforbrugsafgiftsloven,« : »godkendte blokvogne« (lov 1558/2016 § 12, nr. 1)
    (re.compile(r"« : »"), "«: »", "mellemrum før kolonet", "hele"),
    # og efter »stk. 3 eller 4« indsættes:», jf. dog stk. 2« (lov 720/2014 § 1, nr. 49)
    (re.compile(r"(« indsættes):»"), r"\1: »", "mellemrum mangler efter kolonet", "hele"),
    # indsættes efter »en aftale om netting«; », der …« (lov 1556/2010 § 3, nr. 11)
    (re.compile(r"(indsættes (?:efter|før) »[^»«]*«); »"), r"\1: »", "semikolon for kolon", "hele"),
    # og efter »§§«: indsættes »43 a-43 e og« (lov 576/2012 § 1, nr. 13 and § 2, nr. 11)
    (re.compile(r"((?:efter|før) »[^»«]*«): indsættes »"), r"\1 indsættes: »",
     "kolonet står efter ankeret i stedet for efter »indsættes«", "hele"),
    # og efter »nævnte overenskomster« indsættes »og aftaler« (lov 360/2014 § 1, nr. 2)
    (re.compile(r"(, og (?:efter|før) »[^»«]*«) indsættes »"), r"\1 indsættes: »", "kolon mangler efter »indsættes«",
     "hele"),
    # og i nr. 2 ændres »§ 25, stk. 1, nr. 2,« ændres til: »…« (lov 894/2013 § 1, nr. 86)
    (re.compile(r"(\bændres »[^»«]*«) ændres til: »"), r"\1 til: »", "»ændres« står to gange", "hele"),
    # I § 26, stk. 2, »ændres »…« til: »…« (lov 221/2015 § 1, nr. 10)
    (re.compile(r", »ændres »"), ", ændres »", "overflødigt »»« foran »ændres«", "hele"),
    # indsættes efter § »3, stk. 1-3,«: (lov 179/2015 § 2, nr. 5)
    (re.compile(r"\b(efter|før) § »(?=\d)"), r"\1 »§ ", "»»« står efter »§« i stedet for foran", "hele"),
    # ændres 1. -4. pkt.« til: »1. -5. pkt.« (lov 174/2011 § 3, nr. 3)
    # (not where the verb's own words may come first: "ændres i 2. pkt. X«", "ændres to steder X«"
    # leave it open whether they belong to the quote)
    (re.compile(r"(, ændres )(?![»«])(?!i \d|(?:et|to|tre|fire|fem|seks|syv|otte|ni|ti) ste)(?=[^»«]+« til: »)"),
     r"\1»", _OPENING_MISSING, "hele"),
    # …, og § 11 a, nr. 9.« ændres til: »…« (lov 179/2015 § 1, nr. 6)
    (re.compile(r"(, og )(?=§ [^»«]+« ændres til: »)"), r"\1»", _OPENING_MISSING, "hele"),
    # indsættes som 2., 3. og 4 pkt.: (lov 653/2010 § 1, nr. 4)
    (re.compile(r"(?<= og )(\d+) pkt\.(?=:)"), r"\1. pkt.", "punktum mangler efter tallet", "uden_for"),
    # …, og 2-4. pkt. ophæves. (lov 612/2016 § 1, nr. 27)
    (re.compile(r"(?<![\d.])\b(\d+)-(\d+)\. pkt\."), r"\1.-\2. pkt.", "punktum mangler efter det første tal",
     "uden_for"),
    # I § 43, indsætte som stk. 12: (lov 385/2016 § 1, nr. 6); affates (lov 580/2015 § 1, nr. 31)
    (re.compile(r"\bindsætte(?= som )"), "indsættes", "»indsætte« for »indsættes«", "uden_for"),
    (re.compile(r"\baffates(?= således:)"), "affattes", "»affates« for »affattes«", "uden_for"),
    # 73, stk. 3, 2. pkt., ophæves. (lov 446/2012 § 1, nr. 19); I 282, stk. 1, … (lov 616/2013 § 1, nr. 152)
    (re.compile(r"^(I )?(?=\d+(?: [a-z])?, stk\. \d)"), r"\1§ ", "»§« mangler foran paragrafnummeret", "start"),
    # I Overskriften til kapitel 6 ændres … (lov 618/2011 § 1, nr. 19)
    (re.compile(r"^I Overskriften\b"), "I overskriften", "stort »O« i »Overskriften«", "start"),
    # § 361, stk. 1, nr. 22, der bliver 21, ophæves. (lov 598/2013 § 197, nr. 6)
    (re.compile(r"(\bnr\. \d+(?: [a-z])?, der bliver )(?=\d+(?: [a-z])?,)"), r"\1nr. ", "»nr.« mangler efter »der bliver«",
     "uden_for"),
    # I § 60, stk. 8, 1. pkt., bliver stk. 7, 1. pkt., ændres … (lov 1715/2016, outside the corpus)
    # (only before the verb of a change at that place: "§ 60, stk. 8, 2. pkt., bliver stk. 9, 1. pkt., og stk. 9
    # ophæves." may say that the punktum becomes a stk.; repaired, it was the repeal of both)
    (re.compile(r"(\d+\. pkt\., )bliver (?=stk\. \d+(?: [a-z])?, \d+\. pkt\., (?:ændres|udgår|indsættes) )"),
     r"\1der bliver ",
     "»der« mangler foran »bliver«", "uden_for"),
    # nr. 4, der bliver nummer 3, (lov 427/2016 § 4, nr. 12)
    (re.compile(r"(\bnr\. \d+(?: [a-z])?, der bliver )nummer (?=\d)"), r"\1nr. ", "»nummer« for »nr.«", "uden_for"),
]


def _repair_fallback(text: str) -> tuple[str, list[list[str]], list[str]]:
    """The sentence with FALLBACK_TYPOS repaired: (text, [repaired, as printed] pairs, warnings)."""
    pairs: list[list[str]] = []
    notes: list[str] = []

    def fix(rx, rep, why, piece: str) -> str:
        def one(m):
            fixed = m.expand(rep)
            # the pair with some context, so that the repaired form is found at its own place when
            # printed, and with no space at either end (YAML values keep none)
            # (the sentence's own full stop is added after the pairs are put back: never in the context)
            end = len(m.string) - m.string.endswith(".")
            left, right = m.string[max(0, m.start() - 12):m.start()], m.string[m.end():min(m.end() + 12, end)]
            pairs.append([(left + fixed + right).strip(" "), (left + m.group(0) + right).strip(" ")])
            tail = m.string[m.end():m.end() + 12]  # the words after it, for a repair that only adds a mark
            notes.append(f"»{(m.group(0) + tail).strip()}«: {why} (trykfejl); læst som »{(fixed + tail).strip()}«, "
                         "gengivet som i kilden")
            return fixed
        return rx.sub(one, piece)

    for rx, rep, why, where in FALLBACK_TYPOS:
        if where == "hele" or where == "start":
            text = fix(rx, rep, why, text)
            continue
        pieces = re.split(r"(»[^«]*«)", text)
        for k in range(0, len(pieces), 2):
            pieces[k] = fix(rx, rep, why, pieces[k])
        text = "".join(pieces)
    return text, pairs, notes


def read_sentence(text: str, warnings: list[str]) -> list[dict]:
    """The changes of one instruction sentence; Unreadable when it cannot be read with certainty."""
    try:
        return _read_sentence(text, text, [], [], warnings)
    except Unreadable:
        fixed, pairs, notes = _repair_fallback(text)
        if not pairs:
            raise
    try:
        return _read_sentence(fixed, text, pairs, notes, warnings)
    except Unreadable:
        pass
    return _read_sentence(text, text, [], [], warnings)  # raises the refusal of the sentence as printed


def _read_sentence(text: str, original: str, repaired: list[list[str]], repair_notes: list[str],
                   warnings: list[str]) -> list[dict]:
    text, typos, notes = _repair_citations(text)
    typos, notes = typos + repaired, notes + repair_notes
    r = Reader(text)
    out: list[dict] = []
    seps: list[str] = []
    prev = None
    while True:
        ch = _clause(r, prev, not out)
        out.append(ch)
        for sep, side, old in ch.pop("_flere", []):
            seps.append(sep)
            out[-1]["fælles"] = True
            out.append(_one_more(ch, side, old))
        if out[-1] is not ch and "til_kolon" in ch:  # "til" is printed with the last of the list
            out[-1]["til_kolon"] = ch.pop("til_kolon")
        ch = prev = out[-1]
        if ch.get("_blok") and r.text.startswith(" »", r.pos):
            # "Overskriften til kapitel 27 affattes således: »Inddragelse af tilladelse«.": the new
            # text quoted in the sentence itself (`inline`), not in a text block after it
            r.pos += 1
            ch.pop("_blok")
            ch["tekst"] = r.quote()
            ch["inline"] = True
        if ch.get("_blok"):
            if not r.at_end():
                raise Unreadable(f"der står mere efter kolon: »{r.rest()[:60]}«")
            break
        if r.at_end():
            break
        if r.rest() == ".":
            r.pos += 1
            break
        for sep in (", og ", " og ", ", "):
            if r.lit(sep):
                seps.append(sep)
                break
        else:
            raise Unreadable(f"sætningen fortsætter uventet: »{r.rest()[:60]}«")
    for ch in out:
        _record_spaces(ch)
        _no_alternative(ch)
    ended_with_period = text.endswith(".") and not out[-1].get("_blok")
    for i, sep in enumerate(seps, 1):
        if sep != default_joiner(i, len(out)):
            out[i]["bindeord"] = JOINER_NAMES[sep]
    if not out[-1].get("_blok"):
        body = format_sentence(out, period=False)
        if body == text:  # the last citation's own full stop ends the sentence ("ophæves 2. pkt.")
            ended_with_period = False
        if ended_with_period != default_period(body):
            out[-1]["punktum"] = ended_with_period
    if typos:
        out[0]["trykfejl"] = typos
        if format_sentence(out) != original and (repaired or not out[-1].get("_blok")):
            raise Unreadable("en trykfejl i en henvisning kan ikke gengives sikkert")
        warnings.extend(notes)
    warnings.extend(dict.fromkeys(r.warnings))  # a clause tried by two kinds warns once
    return out


# the keys that hold a citation of the amended law (quoted words are never among them)
_CITING = ("i", "affattes", "ophæves", "efter", "før", "som", "der_bliver", "anker_der_bliver", "bortset_fra")


# "stk. 2 og nr. 4", "§ 5 og stk. 2", "stk. 2, og nr. 4", "stk. 2-nr. 4": "og" or "-" before a unit of a
# lower kind than the one before it ("nr. 3, og stk. 4" goes up a level: 29 in the corpus, read)
_MIXED_OG = re.compile(r"(?:\b(stk\.|nr\.|litra) [0-9a-zæøå]+(?: [a-z])?|(§) \d+(?: [a-z])?)(?=(?:,? og |-)"
                       r"(stk\.|nr\.|litra|\d+\. pkt))")  # (a lookahead: "stk. 1 og stk. 2 og nr. 1" is two pairs)
_RANK = {"§": 0, "stk.": 1, "nr.": 2, "litra": 3}


def _og_down(v: str) -> bool:
    return any(_RANK[m.group(1) or m.group(2)] < _RANK.get(m.group(3), 4) for m in _MIXED_OG.finditer(v))


def _no_alternative(ch: dict) -> None:
    """"§ 5, stk. 2 eller 3, ophæves": a law's text cites alternatives so, an instruction never (no
    act of the corpus): which unit it changes is not certain (parse_citation reads "eller" as "og").
    "§ 5, stk. 2 og nr. 4": parse_citation reads "stk. 2, nr. 4", one unit; whether nr. 4 is of
    stk. 2 or beside it is not certain (the corpus joins with "og" only units of one kind)."""
    for key in _CITING:
        v = ch.get(key)
        if isinstance(v, str) and " eller " in v:
            raise Unreadable(f"henvisningen »{v}« har »eller«; det er ikke sikkert, hvilken enhed der ændres")
        if isinstance(v, str) and (" og " in v or "-" in v) and _og_down(v):
            raise Unreadable(f"henvisningen »{v}« forbinder to slags enheder med »og«; det er ikke sikkert, "
                             "hvilke enheder der ændres")


def _one_more(ch: dict, side: str, old: str) -> dict:
    """The next change of a list of old words with one new text ("»A« og »B« til: »C«"): the same
    place and new text, worded elliptically."""
    place = {k: ch[k] for k in ("i", "overalt", "der_bliver", "bortset_fra", "som_bliver") if k in ch}
    verb = next(v for v in ("ændres", "indsættes_efter", "indsættes_før") if v in ch)
    if side.strip() and verb != "ændres":
        # "indsættes før »A« og efter »B«: »C«": each anchor keeps the side said before it
        verb = "indsættes_" + side.strip()
    new = {**place, verb: old, "samme_sted": True, "elliptisk": True}
    if verb == "ændres":
        new["til"] = ch["til"]
    else:
        new["tekst"] = ch["tekst"]
        if not side:
            new["kun_citat"] = True
    return new


# Quoted words whose quote holds a space at an end ("»1,25 «", "» eller en«"): YAML values keep
# no spaces at their ends (yamlfile folds them, and the engine matches words without them), so
# the value is stored trimmed and `mellemrum` records the side(s) as a word, for printing only.
QUOTED = ("ændres", "til", "udgår", "indsættes_efter", "indsættes_før", "tekst")


def _record_spaces(ch: dict) -> None:
    sides = {}
    for k in QUOTED:
        v = ch.get(k)
        if not isinstance(v, str) or v == v.strip(" ") or not v.strip(" "):
            continue
        lead, trail = v.startswith(" "), v.endswith(" ")
        sides[k] = "begge" if lead and trail else "før" if lead else "efter"
        ch[k] = v.strip(" ")
    if sides:
        ch["mellemrum"] = sides


def with_spaces(ch: dict) -> dict:
    """The change with the spaces `mellemrum` records put back into its quoted words."""
    if "mellemrum" not in ch:
        return ch
    out = dict(ch)
    for k, side in ch["mellemrum"].items():
        out[k] = (" " if side in ("før", "begge") else "") + out[k] + (" " if side in ("efter", "begge") else "")
    return out


# `bindeord` is written as words: YAML values keep no spaces at their ends (yamlfile folds them)
JOINER_NAMES = {", ": "komma", " og ": "og", ", og ": "komma og"}
JOINERS = {v: k for k, v in JOINER_NAMES.items()}


def default_joiner(i: int, n: int) -> str:
    """The joiner before the i'th clause (0-based) of n: ', ' between, ', og ' before the last."""
    return ", og " if i == n - 1 else ", "


def default_period(body: str) -> bool:
    """R7: a full stop after the closing « unless the quoted text already ends with one; none after
    an abbreviation that ends the sentence ("… ophæves 2. pkt.")."""
    return not body.endswith((".«", "."))


def format_sentence(changes: list[dict], period: bool | None = None) -> str:
    parts = []
    prev = None
    n = len(changes)
    for i, ch in enumerate(changes):
        s = kind_module(ch).format(with_spaces(ch), prev, i == 0)
        if ch.get("inline"):
            s += f" »{with_spaces(ch)['tekst']}«"
        if i:
            parts.append(JOINERS[ch["bindeord"]] if "bindeord" in ch else default_joiner(i, n))
        parts.append(s)
        prev = ch
    body = "".join(parts)
    for fixed, printed in changes[0].get("trykfejl", []):  # as the act printed its citations
        body = body.replace(fixed, printed, 1)
    if period is False or body.endswith(":"):
        return body
    last = changes[-1]
    if last.get("punktum", default_period(body)):
        body += "."
    return body


__all__ = ["read_sentence", "format_sentence", "Unreadable", "place"]
