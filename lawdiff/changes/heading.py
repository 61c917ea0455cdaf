"""Headings and the act's title: a heading rewritten (`overskrift: kapitel 3`, or »affattes« of
"overskriften til kapitel 3"), a mellemrubrik repealed (»Overskriften før § 5 ophæves«) or inserted
(`ny: overskrift`), and the title (»Lovens titel affattes således:«) and its footnote.

Official text mostly reads these as targets of the other kinds (rewrite.py, repeal.py, insert.py
read "Overskriften til kapitel 3 affattes således:"; their `format` words them); this module
executes them, for those kinds and for the proposal verb `overskrift`.

It also reads and words the rarer forms around headings that the other kinds do not (`read`,
`format`, `is_kind`; hooked first into nummer._clause, listed first in nummer.KINDS). Each gives
the data of an existing verb plus a small key naming the form, so the execution is the other
kind's with one more check where the form says more:
    Efter § 33 og før overskriften før § 34 indsættes:   {ny, efter: "§ 33",
                                                          placering: "før overskriften før § 34",
                                                          efter_og: true}
    Overskriften før § 45, der er ophævet, ophæves.       {ophæves: "overskriften før § 45",
                                                          der_er_ophævet: true}
    Overskriften før §§ 36 og 36 a, »A«, ændres til: »B«  {affattes: "overskriften før §§ 36 og 36 a",
                                                          overskrift_citat: A, ændres_til: true,
                                                          tekst: B, inline: true}
    Overskriften til 24. kapitel affattes således:        {affattes: "overskriften til kapitel 24",
                                                          ordenstal: true}
    Overskriften til kapitel 3 A affattes således:        {affattes: "overskriften til kapitel 3 a",
                                                          versal: true}
    Kapitel VII B ophæves.                                {ophæves: "kapitel VII b", versal: true}
    Overalt i kapitel 8 a ændres »A« til: »B«.            {overalt, i: "kapitel 8 a", ændres, til}
                                                          (worded by words.py)
    I titlen udgår »(SVU)«.                               {i: "lovens titel", udgår, titlen: true}
    I overskriften til kapitel 3, før § 10 og til kapitel 14 ændres »A« til: »B«.
                        {i: "overskriften til kapitel 3, overskriften før § 10 og overskriften til
                         kapitel 14", ændres, til, overskrift_liste: true}
    I kapitel 4 a ophæves §§ 24-24 c og 24 e-24 j med tilhørende overskrifter og overskriften til § 24 d.
                        {ophæves: "§§ 24-24 c og 24 e-24 j", med_overskrift: overskrifter,
                         i_kapitel: "kapitel 4 a"}, {ophæves: "overskriften til § 24 d", elliptisk: true}
    I kapitel 5 ophæves overskriften »Udpegning af drikkevandsforekomster«, og § 8 ophæves.
                        {ophæves: "kapitel 5", overskrift_citat: "Udpegning af …"}, {ophæves: "§ 8"}
                        (a mellemrubrik of the chapter named by its words: the one group of the chapter
                        with that heading loses it; never the chapter)
    Overskriften efter § 61 før overskriften til § 62 affattes således:
                        {affattes: "overskriften efter § 61", før_overskriften: "til § 62"}
                        (of two headings between § 61 and § 62 the first, over the one of § 62)
    §§ 25, 25 a og 26 og overskrifterne før §§ 25 og 26 ophæves.
                        {ophæves: "§§ 25, 25 a og 26", verbum_sidst: true},
                        {ophæves: "overskriften før § 25 og overskriften før § 26", overskrifterne: true}
(`ordenstal`, `versal` and `titlen` are forms: the citation is stored as address.py reads it, and printed as
the act has it)
"""
from __future__ import annotations

import re

from .. import address as addr
from ..labels import ORDINAL_WORDS, ordinal_container
from ..model import Line, Unit
from ..text import norm, norm_map
from . import words
from .common import Reader, cap
from .log import TITLE_KEY, Edit, Placement
from .tree import _norm_query

# --- reading and wording of the rarer forms --------------------------------------------------------

_SEC = r"§ \d+(?: [a-zæøåA-ZÆØÅ]{1,2})?"
# "Efter § 33 og før overskriften før § 34 indsættes:" (lov 1486/2014 § 1, nr. 40), "Efter § 14 og
# før overskriften »Bankens øvrige Virksomhed« indsættes:" (lov 579/2010 § 16, nr. 1): the placement
# "Efter § 20 b indsættes før overskriften før § 21:" (insert.py) worded before the verb
_EFTER_OG_FOER = re.compile(rf"(?:Efter|efter) ({_SEC}) og (før overskriften (?:før {_SEC}|»[^«»]+«)) indsættes:")
# "Overskriften før § 45, der er ophævet, ophæves." (lov 433/2012 § 1, nr. 35 and 36): the heading of
# a § the act repealed earlier; executed as a repeal of the heading once the § is seen to be repealed
_FOER_OPHAEVET = re.compile(rf"([Oo]verskriften før {_SEC}), der er ophævet, (ophæves|udgår)")
# "Overskriften før §§ 36 og 36 a, »Definitioner af tobaksvarer m.v.«, ændres til: »…«" (lov 1361/2010
# § 3, nr. 4): the heading named by place and by its words, rewritten; executed only when the heading
# at that place has those words and stands over exactly the §§ cited
_SECS = r"(?:§ \d+(?: [a-zæøåA-ZÆØÅ]{1,2})?|§§ \d+(?: [a-zæøåA-ZÆØÅ]{1,2})?(?:, \d+(?: [a-zæøåA-ZÆØÅ]{1,2})?)* og \d+(?: [a-zæøåA-ZÆØÅ]{1,2})?)"
_NAMED_CHANGED = re.compile(rf"([Oo]verskriften (?:før|til) {_SECS}), »([^«»]+)«, ændres til:")


# "Overskriften efter § 61 før overskriften til § 62 affattes således:" (lov 1520/2014, vejloven): two headings stand
# between § 61 and § 62 (a chapter's and a mellemrubrik's); the first, over the heading of § 62, is rewritten
_STACKED = re.compile(rf"Overskriften efter ({_SEC}) før overskriften (til|før) ({_SEC}) affattes således:")


# "Overskriften til 24. kapitel affattes således:" (lov 633/2013 § 1, nr. 7: straffeloven numbers its
# chapters "24. kapitel") and "Overskriften til kapitel 3 A affattes således:" (lov 1636/2013 § 1,
# nr. 5: a capital letter). The engine finds the chapter by its label (applier.heading_unit).
_CHAPTER_REWRITE = re.compile(r"([Oo])verskriften til (?:(\d+)\. kapitel|kapitel (\d+) ([A-ZÆØÅ])) affattes således:")


# "Kapitel VII B ophæves." (lov 310/2015 § 1, nr. 30, 31 and 45): a chapter cited with a capital letter
_CHAPTER_REPEAL = re.compile(r"Kapitel ([IVXLC]+|\d+) ([A-ZÆØÅ]) ophæves(?=\.?$)")


# "Overskriften til første bog, femte afsnit, affattes således: »Femte afsnit. Politiet«" (lov 404/2010 § 1,
# nr. 1) and "Tredje bog, sjette afsnit, ophæves." (lov 594/2011 § 81, nr. 12): retsplejeloven's books and
# parts, named by ordinal words (address.py: "første bog, femte afsnit"); the comma after the part is the act's
_ORD = "(?:" + "|".join(ORDINAL_WORDS) + ")"
_BOOK_REWRITE = re.compile(rf"[Oo]verskriften til ({_ORD} bog, {_ORD} afsnit, |{_ORD} bog )affattes således:")
_BOOK_REPEAL = re.compile(rf"((?i:{_ORD}) bog, {_ORD} afsnit), ophæves(?=\.?$)")


# "Overalt i kapitel 8 a ændres »…« til: »…«." (lov 1575/2015 § 1, nr. 7): a word change throughout a
# chapter (common.read_location reads "Overalt i" before §, stk. and nr. only)
_OVERALT_KAPITEL = re.compile(r"(?:Overalt|overalt) i (kapitel [\dIVXLC]+(?: [a-zæøå])?) (?=ændres|udgår|indsættes)")
# "I overskriften til kapitel 3, før § 10, før § 13 og til kapitel 14 ændres »…« til: »…«." (lov 557/2012
# § 1, nr. 9): several headings, "overskriften" printed once; `i` holds each as address.py cites it
_HEAD_PART = r"(?:til kapitel \d+(?: [a-zæøå])?|(?:før|til) § \d+(?: [a-zæøå]{1,2})?)"
_HEADING_LIST = re.compile(rf"I overskriften ({_HEAD_PART}(?:, {_HEAD_PART})* og {_HEAD_PART}) (?=ændres|udgår|indsættes)")
# "I kapitel 4 a ophæves §§ 24-24 c og 24 e-24 j med tilhørende overskrifter og overskriften til § 24 d."
# (lov 1384/2011 § 4, nr. 2): §§ of a chapter (checked: they stand in it) with their headings, and then
# (elliptic, the verb shared) one more heading
_IN_CHAPTER_REPEAL = re.compile(r"I (kapitel \d+(?: [a-zæøå])?) ophæves (§§? [^»«]+?) med tilhørende (overskrifter|overskrift)"
                                r"(?=\.?$| og overskriften (?:til|før) § )")
# "I kapitel 5 ophæves overskriften »Udpegning af drikkevandsforekomster«, og § 8 ophæves." (lov 1631/2013, miljømålsloven):
# a mellemrubrik of a chapter named by its words alone (no § named as its place); `ophæves` cites the chapter, and
# `overskrift_citat` says that only the heading with those words inside it goes (execute_named_in_chapter)
_IN_CHAPTER_NAMED = re.compile(r"I (kapitel \d+(?: [a-zæøå])?) ophæves overskriften »([^«»]+)«(?=, og |\.?$)")
_AND_HEADING = re.compile(rf"overskriften (?:til|før) {_SEC}(?=\.?$)")
# "§§ 25, 25 a, 26, 27 c, 28-31 a og 32 a og overskrifterne før §§ 25, 26, 28, 29 og 32 a ophæves." (lov
# 1364/2011 § 2, nr. 17): §§ and a list of headings, one verb at the end
_N = r"\d+(?: [a-zæøå](?![a-zæøå]))?"
_SECS_THEN_HEADINGS = re.compile(rf"(§§ [^»«]+?)(?= og overskrifterne før §§ {_N}(?:, {_N})* og {_N} ophæves\.?$)")
_HEADINGS_LIST = re.compile(rf"overskrifterne før §§ ({_N}(?:, {_N})* og {_N}) ophæves(?=\.?$)")
# "Overskrifterne før §§ 123 a, 123 b og 123 c ophæves." (lov 647/2016) alone, and "I overskrifterne til §§ 42 og 43
# ændres »…« til: »…«." (lov 484/2010 § 1, nr. 3 and 5): several headings, one per §; `ophæves`/`i` holds each as
# address.py cites it ("overskriften før § 123 a, overskriften før § 123 b og …")
_HEADINGS_ALONE = re.compile(rf"Overskrifterne (før|til) §§ ({_N}(?:, {_N})* og {_N}) ophæves(?=\.?$)")
_IN_HEADINGS = re.compile(rf"I overskrifterne (før|til) §§ ({_N}(?:, {_N})* og {_N}) (?=ændres|udgår|indsættes)")


def _headings(side: str, nums: str) -> str:
    """"før", "123 a, 123 b og 123 c" -> "overskriften før § 123 a, overskriften før § 123 b og …"."""
    cits = [f"overskriften {side} § {n}" for n in re.split(r", | og ", nums)]
    return ", ".join(cits[:-1]) + " og " + cits[-1]


def _headings_worded(cit: str) -> str:
    """The inverse of _headings: "overskrifterne før §§ 123 a, 123 b og 123 c"."""
    parts = re.findall(r"overskriften (før|til) § (\d+(?: [a-zæøå](?![a-zæøå]))?)", cit)
    if len(parts) < 2 or len({side for side, _ in parts}) != 1 or _headings(parts[0][0], ", ".join(
            n for _, n in parts[:-1]) + " og " + parts[-1][1]) != cit:
        raise ValueError(f"»overskrifterne« passer ikke til »{cit}«")
    nums = [n for _, n in parts]
    return f"overskrifterne {parts[0][0]} §§ {', '.join(nums[:-1])} og {nums[-1]}"
# "I titlen udgår »(SVU)«." (lov 275/2015 § 1, nr. 1): words of the act's title
_I_TITLEN = re.compile(r"I titlen (?=ændres|udgår|indsættes)")


def read(r: Reader, prev: dict | None, first: bool) -> dict | None:
    """One of the rarer heading forms at the reader's position, or None (the reader unmoved)."""
    start = r.pos
    text = r.text
    # every form below matches one of these words at or after the position (most sentences have none:
    # the import tries this reader first on each of the corpus's ~20,000 clauses)
    if text.find("verskrift", start) == -1 and text.find("apitel", start) == -1 and text.find("titlen", start) == -1 \
            and text.find(" bog, ", start) == -1:
        return None
    m = r.rx(_SECS_THEN_HEADINGS.pattern) if first else None
    if m:
        return {"ophæves": m.group(1), "verbum_sidst": True}
    m = r.rx(_HEADINGS_LIST.pattern) if prev is not None and prev.get("verbum_sidst") else None
    if m:
        return {"ophæves": _headings("før", m.group(1)), "overskrifterne": True}
    m = r.rx(_HEADINGS_ALONE.pattern) if first else None
    if m:
        return {"ophæves": _headings(m.group(1), m.group(2)), "overskrifterne": True}
    m = r.rx(_IN_HEADINGS.pattern) if first else None
    if m:
        ch = words.read_verb(r, {"i": _headings(m.group(1), m.group(2))})
        if ch is None:
            r.pos = start
            return None
        ch["overskrifterne"] = True
        return ch
    m = r.rx(_IN_CHAPTER_REPEAL.pattern) if first else None
    if m:
        return {"ophæves": m.group(2), "med_overskrift": m.group(3), "i_kapitel": m.group(1)}
    m = r.rx(_IN_CHAPTER_NAMED.pattern) if first else None
    if m:
        return {"ophæves": m.group(1), "overskrift_citat": m.group(2)}
    m = r.rx(_AND_HEADING.pattern) if prev is not None and prev.get("i_kapitel") else None
    if m:
        return {"ophæves": m.group(0), "elliptisk": True}
    for rx, loc in ((_OVERALT_KAPITEL, lambda m: {"overalt": True, "i": m.group(1)}),
                    (_I_TITLEN, lambda m: {"i": "lovens titel"}),
                    (_HEADING_LIST, lambda m: {"i": re.sub(rf"(^|, | og )(?={_HEAD_PART})", r"\1overskriften ",
                                                           m.group(1))})):
        m = r.rx(rx.pattern) if first else None
        if m:
            ch = words.read_verb(r, loc(m))
            if ch is None:
                r.pos = start
                return None
            if rx is _I_TITLEN:
                ch["titlen"] = True
            if rx is _HEADING_LIST:
                ch["overskrift_liste"] = True
            return ch
    m = r.rx(_EFTER_OG_FOER.pattern)
    if m:
        return {"ny": None, "efter": m.group(1), "placering": m.group(2), "efter_og": True, "_blok": True}
    m = r.rx(_NAMED_CHANGED.pattern)
    if m:
        return {"affattes": m.group(1)[0].lower() + m.group(1)[1:], "overskrift_citat": m.group(2),
                "ændres_til": True, "_blok": True}  # the new text follows inline (nummer._read_sentence)
    m = r.rx(_STACKED.pattern) if first else None
    if m:
        return {"affattes": f"overskriften efter {m.group(1)}", "før_overskriften": f"{m.group(2)} {m.group(3)}",
                "_blok": True}
    m = r.rx(_CHAPTER_REWRITE.pattern)
    if m:
        if m.group(2):
            return {"affattes": f"overskriften til kapitel {m.group(2)}", "ordenstal": True, "_blok": True}
        return {"affattes": f"overskriften til kapitel {m.group(3)} {m.group(4).lower()}", "versal": True,
                "_blok": True}
    m = r.rx(_BOOK_REWRITE.pattern)
    if m:
        return {"affattes": f"overskriften til {m.group(1).rstrip(', ')}", "bog": True, "_blok": True}
    m = r.rx(_BOOK_REPEAL.pattern) if first else None
    if m:
        return {"ophæves": m.group(1)[0].lower() + m.group(1)[1:], "bog": True}
    m = r.rx(_CHAPTER_REPEAL.pattern) if first else None
    if m:
        return {"ophæves": f"kapitel {m.group(1)} {m.group(2).lower()}", "versal": True}
    m = r.rx(_FOER_OPHAEVET.pattern)
    if m:
        ch = {"ophæves": m.group(1)[0].lower() + m.group(1)[1:], "der_er_ophævet": True}
        if m.group(2) == "udgår":
            ch["verbum"] = "udgår"
        return ch
    return None


def format(ch: dict, prev: dict | None, first: bool) -> str:
    if ch.get("efter_og"):
        s = f"efter {ch['efter']} og {ch['placering']} indsættes:"
        return cap(s) if first else s
    if ch.get("før_overskriften") and "affattes" in ch:
        s = f"{ch['affattes']} før overskriften {ch['før_overskriften']} affattes således:"
        return cap(s) if first else s
    if ch.get("ændres_til"):
        s = f"{ch['affattes']}, »{ch['overskrift_citat']}«, ændres til:"
        return cap(s) if first else s
    if ch.get("verbum_sidst"):
        return cap(ch["ophæves"]) if first else ch["ophæves"]
    if ch.get("overskrifterne") and "i" in ch:
        plain = words.format({k: v for k, v in ch.items() if k != "overskrifterne"}, prev, first)
        head = (("I " if first else "i ") + ch["i"] + " ")
        if not plain.startswith(head):
            raise ValueError(f"»overskrifterne« passer ikke til ændringen: {sorted(ch)}")
        return head[:2] + _headings_worded(ch["i"]) + " " + plain[len(head):]
    if ch.get("overskrifterne"):
        s = f"{_headings_worded(ch['ophæves'])} ophæves"
        return cap(s) if first else s
    if named_in_chapter(ch):
        s = f"i {ch['ophæves']} ophæves overskriften »{ch['overskrift_citat']}«"
        return cap(s) if first else s
    if ch.get("i_kapitel"):
        s = f"i {ch['i_kapitel']} ophæves {ch['ophæves']} med tilhørende {ch['med_overskrift']}"
        return cap(s) if first else s
    if ch.get("elliptisk") and "ophæves" in ch:
        return ch["ophæves"]
    if ch.get("titlen"):
        plain = words.format({k: v for k, v in ch.items() if k != "titlen"}, prev, first)
        if not plain.startswith(("I lovens titel ", "i lovens titel ")):
            raise ValueError(f"»titlen« passer ikke til ændringen: {sorted(ch)}")
        return plain[:2] + "titlen " + plain[len("I lovens titel "):]
    if ch.get("overskrift_liste"):
        plain = words.format({k: v for k, v in ch.items() if k != "overskrift_liste"}, prev, first)
        head = (("I " if first else "i ") + ch["i"] + " ")
        if not plain.startswith(head):
            raise ValueError(f"»overskrift_liste« passer ikke til ændringen: {sorted(ch)}")
        parts = re.sub(r"(, | og )overskriften ", r"\1", ch["i"])
        return head[:2] + parts + " " + plain[len(head):]
    if ch.get("versal") and "ny" in ch:
        # "Efter kapitel VII B indsættes:" (read by insert.read_top)
        side = "efter" if "efter" in ch else "før"
        num, letter = ch[side].removeprefix("kapitel ").rsplit(" ", 1)
        s = f"{side} kapitel {num} {letter.upper()} indsættes" + (f" {ch['placering']}" if ch.get("placering") else "") + ":"
        return cap(s) if first else s
    if ch.get("versal") and "ophæves" in ch:
        num, letter = ch["ophæves"].removeprefix("kapitel ").rsplit(" ", 1)
        s = f"kapitel {num} {letter.upper()} ophæves"
        return cap(s) if first else s
    if ch.get("ordenstal") or ch.get("versal"):
        m = re.fullmatch(r"overskriften til kapitel (\d+)(?: ([a-zæøå]))?", ch["affattes"])
        cit = f"{m.group(1)}. kapitel" if ch.get("ordenstal") else f"kapitel {m.group(1)} {m.group(2).upper()}"
        s = f"overskriften til {cit} affattes således:"
        return cap(s) if first else s
    if ch.get("bog"):
        # the comma closes a citation of two parts ("første bog, femte afsnit, affattes"), not a book alone
        s = f"{ch['affattes']}{',' * (', ' in ch['affattes'])} affattes således:" if "affattes" in ch \
            else f"{ch['ophæves']}, ophæves"
        return cap(s) if first else s
    if ch.get("der_er_ophævet"):
        s = f"{ch['ophæves']}, der er ophævet, {ch.get('verbum', 'ophæves')}"
        return cap(s) if first else s
    raise ValueError(f"ukendt overskriftsform: {sorted(ch)}")


def is_kind(ch: dict) -> bool:
    return any(ch.get(k) for k in ("efter_og", "der_er_ophævet", "før_overskriften", "ændres_til", "ordenstal", "versal", "titlen", "bog",
                                   "overskrift_liste", "i_kapitel", "verbum_sidst", "overskrifterne")) or bool(ch.get("elliptisk") and "ophæves" in ch) \
        or named_in_chapter(ch)


def named_in_chapter(ch) -> bool:
    """`ophæves: kapitel 5` with `overskrift_citat`: a mellemrubrik of chapter 5 named by its words (never the
    chapter: `overskrift_citat` says only a heading goes)."""
    return isinstance(ch.get("ophæves"), str) and ch.get("overskrift_citat") is not None and \
        re.fullmatch(r"kapitel \S+(?: [a-zæøå])?", norm(ch["ophæves"]).strip(), re.I) is not None

# --- execution: the change made on the engine's working copy of the act --------------------------
# `ap` is the engine's applier (lawdiff/engine/applier.py: the machinery every kind uses); `c` a
# proposal.Change (its data in the format of docs/format.md).

VERBS = ("overskrift",)  # the proposal verb(s) this kind executes


def execute(ap, c, where=None) -> None:
    """A heading rewritten: `overskrift: kapitel 3` (or `affattes: overskriften til kapitel 3`)."""
    key = "overskrift" if c.verb == "overskrift" else "affattes"
    where = c.get(key) if where is None else where
    sp = ap.special(c, where, key)
    if sp is not None and sp[0] == "heading":
        unit = sp[1]
    elif sp is not None:
        return title(ap, c, key, sp[0])
    else:
        unit = ap.heading_unit(c, where, key)
    if c.get("før_overskriften") is not None:
        unit = _stacked(ap, c, unit, where, key)
    live = ap.live(c, unit, key)
    if live.heading is None:
        raise c.error(f"{unit.cite()} har ingen overskrift", key)
    if c.get("overskrift_citat") is not None and key == "affattes":
        _check_named(ap, c, live, where)
    tekst = str(c.get("tekst")).strip().splitlines()
    if len(tekst) > 1 and live.kind in ("chapter", "part") and norm_map(tekst[0])[0].strip().lower() in (
            f"{'kapitel' if live.kind == 'chapter' else 'afsnit'} {live.num}".lower(), (live.label or "").lower()):
        # "Kapitel 3 / Ny overskrift", "24. kapitel / Ny overskrift": the label line is not part of the heading
        tekst = tekst[1:]
    lead = re.match(r"(\w+ (?:afsnit|bog)\.?) ", _norm_query(tekst[0])) if len(tekst) == 1 else None
    if len(tekst) == 1 and live.kind in ("book", "part") and live.label and (
            c.get("bog") or (lead and ordinal_container(lead.group(1)))):  # (hand-written: "bog" is wording)
        # "»Femte afsnit. Politiet«": the part's label and its new heading on one line (lov 404/2010 § 1, nr. 1);
        # the label must be the part's own
        label = _norm_query(live.label)
        if not _norm_query(tekst[0]).startswith(label + " "):
            raise c.error(f"den nye overskrift »{tekst[0]}« begynder ikke med betegnelsen »{norm(live.label)}«",
                          "tekst", hint="nummeret kan ikke udføres; markér det som ikke udført")
        tekst = [_norm_query(tekst[0])[len(label) + 1:]]
    if len(tekst) != 1:
        raise c.error("en overskrift er én linje", "tekst")
    lkey = (live.wid, "heading", 0)
    if lkey in ap.r.edits:
        raise c.error(f"overskriften ændres allerede af {ap.r.edits[lkey][0].change.ref}", key)
    ap.r.edits[lkey] = [Edit(0, len(live.heading.text), _norm_query(tekst[0]), c)]
    ap.touch(live.wid, c)
    ap.r.placements.append(Placement(c, "heading", [live.wid]))


def _stacked(ap, c, inner: Unit, where, key: str) -> Unit:
    """"Overskriften efter § 61 før overskriften til § 62": the heading after § 61 (`inner`, the one that opens the
    unit of § 62) must be the heading of § 62 named, and exactly one more heading must stand over it, opened by the
    same § (a chapter's over a mellemrubrik's): that one. None or several more are refused: with three headings
    between the §§ "the one before the heading of § 62" and "the heading after § 61" are not the same."""
    fo = str(c.get("før_overskriften"))
    m = re.fullmatch(r"(?:til|før) (§ \d+(?: [a-zæøå]{1,2})?)", norm(fo).strip(), re.I)
    if not m or not re.fullmatch(r"overskriften efter § \d+(?: [a-zæøå]{1,2})?", norm(str(where)).strip(), re.I):
        raise c.error(f"»{where} før overskriften {fo}« kan ikke læses; skriv »overskriften efter § N« og "
                      f"»før_overskriften: til § M«", "før_overskriften")
    named = ap.heading_unit(c, m.group(1), "før_overskriften")
    if named is not inner:
        raise c.error(f"overskriften {where.split(' ', 1)[1]} er ikke den, der står {fo}", "før_overskriften",
                      hint="nummeret kan ikke udføres; markér det som ikke udført")
    above, u = [], inner
    p = ap.base_parents.get(u.wid)
    while p is not None and p.children and p.children[0] is u:
        if p.heading is not None:
            above.append(p)
        u, p = p, ap.base_parents.get(p.wid)
    if len(above) != 1:
        sec = where.split(" ", 2)[2]
        raise c.error(f"mellem {sec} og {m.group(1)} står {len(above) + 1} overskrifter, ikke 2: »overskriften efter "
                      f"{sec} før overskriften {fo}« er ikke entydig" if above else
                      f"der står ingen overskrift efter {sec} før overskriften {fo} (kun »{inner.heading.text}«)",
                      "før_overskriften", hint="nummeret kan ikke udføres; markér det som ikke udført")
    return above[0]


def _check_named(ap, c, live: Unit, where) -> None:
    """"Overskriften før §§ 36 og 36 a, »A«, ændres til: »B«": the heading found must read A and (for
    "§§ …") stand over exactly the §§ named; anything else is refused, never rewritten."""
    said = str(c.get("overskrift_citat"))
    if _norm_query(live.heading.text) != _norm_query(said):
        raise c.error(f"overskriften {str(where).split(' ', 1)[1]} er »{live.heading.text}«, ikke »{said}«",
                      "overskrift_citat", hint="nummeret kan ikke udføres; markér det som ikke udført")
    m = re.search(r"§§ (.+)$", str(where))
    if m:
        named = [n.strip().lower() for n in re.split(r", | og ", m.group(1))]
        under = [(u.num or "").lower() for u in live.children if u.kind == "section"]
        if live.kind != "group" or under != named:
            raise c.error(f"overskriften »{said}« står over {', '.join('§ ' + n for n in under) or 'ingen paragraffer'}, "
                          f"ikke over {m.group(0)}", "affattes",
                          hint="nummeret kan ikke udføres; markér det som ikke udført")


def title(ap, c, key: str, kind: str) -> None:
    if kind == "note":
        # The importer does not keep the title's footnote (EU directives): nothing in the model
        # changes, and the user is told so.
        ap.r.warnings.append(c.warning("fodnoten til lovens titel er ikke en del af lawdiffs model af "
                                         "loven; ændringen er ikke udført", key))
        ap.r.placements.append(Placement(c, "title", []))
        return
    if TITLE_KEY in ap.r.edits:
        raise c.error(f"lovens titel ændres allerede af {ap.r.edits[TITLE_KEY][0].change.ref}", key)
    new = _norm_query(c.get("tekst")).rstrip(".")
    if re.match(r"^Lov\b", new) and ap.r.new.title[:1].islower():
        new = new[:1].lower() + new[1:]  # the model keeps "lov om …" (the title as cited)
    ap.r.edits[TITLE_KEY] = [Edit(0, len(ap.r.new.title), new, c)]
    ap.r.placements.append(Placement(c, "title", []))


def repeal_heading(ap, c, unit: Unit) -> None:
    """"Overskriften før § 5 ophæves": the mellemrubrik goes; its §§ stay where they are.

    The group is kept without a heading (its §§ keep their place and stable ids) rather than
    merged into the group before it."""
    if unit.kind == "part":
        # "Overskriften til afsnit I og III ophæves." (lov 1564/2015 § 198, nr. 2, after nr. 10 repeals afsnit II): a part
        # without its heading is not in lawdiff's model, and whether its label »Afsnit I« stays or the act's division
        # into parts ends is not said
        raise c.error(f"overskriften til {unit.cite()} kan ikke ophæves: lawdiff kan ikke vide, om betegnelsen "
                      f"»{norm(unit.label or '')}« bliver stående, eller om lovens inddeling i afsnit ophører", "ophæves",
                      hint="nummeret kan ikke udføres; markér det som ikke udført, eller nyaffat overskriften")
    if unit.kind != "group":
        raise c.error(f"overskriften til {unit.cite()} kan ikke ophæves (et kapitel har altid en overskrift)",
                      "ophæves", hint="nyaffat overskriften, eller ophæv kapitlet")
    live = ap.live(c, unit, "ophæves")
    if c.get("der_er_ophævet"):
        _check_repealed(ap, c, live)
    if (live.wid, "heading", 0) in ap.r.edits:
        raise c.error(f"overskriften ændres allerede af {ap.r.edits[(live.wid, 'heading', 0)][0].change.ref}",
                      "ophæves")
    live.heading = None
    ap.r.removed_headings[live.wid] = c
    ap.touch(live.wid, c)
    ap.r.placements.append(Placement(c, "heading", [live.wid]))


def repeal_named_in_chapter(ap, c) -> None:
    """"I kapitel 5 ophæves overskriften »Udpegning af drikkevandsforekomster«": the one mellemrubrik of chapter 5
    (as the act stands) whose words are those goes (repeal_heading); none or several such, or the chapter's own
    heading, is refused: the heading is named by its words alone."""
    said = str(c.get("overskrift_citat"))
    chapter = ap.live(c, ap.resolve(c, str(c.get("ophæves")), "ophæves").units[0], "ophæves")
    if chapter.kind != "chapter":
        raise c.error(f"»{c.get('ophæves')}« er ikke et kapitel", "ophæves")
    if chapter.heading is not None and _norm_query(chapter.heading.text) == _norm_query(said):
        raise c.error(f"»{said}« er overskriften til {chapter.cite()}; et kapitel har altid en overskrift", "ophæves",
                      hint="nyaffat overskriften, eller ophæv kapitlet")
    found = [u for u in chapter.walk() if u.kind == "group" and u.heading is not None
             and _norm_query(u.heading.text) == _norm_query(said)]
    if len(found) != 1:
        heads = [f"»{u.heading.text}«" for u in chapter.walk() if u.kind == "group" and u.heading is not None]
        raise c.error(f"{chapter.cite()} har {'ingen' if not found else len(found)} overskrift"
                      f"{'er' if len(found) > 1 else ''} »{said}«"
                      + (f" (dets overskrifter: {', '.join(heads)})" if heads and not found else ""), "overskrift_citat",
                      hint="nummeret kan ikke udføres; markér det som ikke udført")
    repeal_heading(ap, c, found[0])


def repeal_with_headings(ap, c, groups: list) -> None:
    """"§§ 10 og 11 med tilhørende overskrifter ophæves." (lov 621/2011 § 1, nr. 3): the §§ are gone
    (repeal.execute); here their headings go. A mellemrubrik whose every § went goes with them; one
    that still stands over a § that stays is refused (the heading is not theirs alone), and so is a
    repeal that finds no heading of its own to take along. `groups` holds (group, its first unit
    before the repeal) for the groups the §§ stood in."""
    dropped = 0
    for group, first in groups:
        if group.heading is None:
            continue
        if group.children:
            if first.wid in ap.r.removed:
                raise c.error(f"overskriften »{group.heading.text}« står også over {group.children[0].cite()}, "
                              "som ikke ophæves", "ophæves", hint="ophæv overskriften for sig, eller lad den stå")
            continue
        parent = ap.parents[group.wid]
        ap.siblings(parent).remove(group)
        ap.r.removed[group.wid] = c
        if parent is not None:
            ap.touch(parent.wid, c)
        dropped += 1
    if not dropped:
        raise c.error(f"»{c.get('ophæves')} med tilhørende {c.get('med_overskrift')}«: ingen overskrift står over "
                      "de ophævede paragraffer alene", "med_overskrift",
                      hint="nummeret kan ikke udføres; markér det som ikke udført")


def check_in_chapter(ap, c, units: list) -> None:
    """"I kapitel 4 a ophæves §§ 24-24 c …": every unit cited stands in that chapter."""
    chapter = ap.resolve(c, str(c.get("i_kapitel")), "i_kapitel").units[0]
    inside = {u.wid for u in chapter.walk()}
    for u in units:
        if u.wid not in inside:
            raise c.error(f"{u.cite()} står ikke i {c.get('i_kapitel')}", "i_kapitel",
                          hint="nummeret kan ikke udføres; markér det som ikke udført")


_REPEALED = re.compile(r"^\(\s*ophævet\s*\)\.?$", re.I)


def _check_repealed(ap, c, group: Unit) -> None:
    """"Overskriften før § 45, der er ophævet, ophæves.": § 45, the first § under the heading, must
    be repealed in the act as it stands (its text only "(Ophævet)", or removed by an earlier nummer)."""
    m = re.search(r"§ (\d+(?: [a-zæøåA-ZÆØÅ]{1,2})?)$", str(c.get("ophæves")))
    sec = next((u for u in group.children if u.kind == "section"), None)
    if m is None or sec is None or (sec.num or "").lower() != m.group(1).lower():
        raise c.error(f"»{c.get('ophæves')}«: paragraffen står ikke først under overskriften", "ophæves")
    own = " ".join(t for u in sec.walk() for t in u.own_lines()).strip()  # "(Ophævet)." sits in stk. 1
    if sec.wid in ap.r.removed or _REPEALED.match(own):
        return
    raise c.error(f"»{c.get('ophæves')}, der er ophævet«: § {sec.num} er ikke ophævet (teksten er »{own[:60]}«)",
                  "ophæves", hint="nummeret kan ikke udføres; markér det som ikke udført")


def new_heading(ap, c) -> None:
    """`ny: overskrift` before (`før: "§ 5"`) or after (`efter: "§ 4"`) a §: a new mellemrubrik."""
    key = "før" if "før" in c.data else "efter" if "efter" in c.data else None
    if key is None:
        raise c.error("en ny overskrift kræver »før« eller »efter« (fx før: \"§ 5\")", "ny")
    lines = [ln for ln in str(c.get("tekst")).strip().splitlines() if ln.strip()]
    if len(lines) == 2 and _CHAPTER_LINE.fullmatch(_norm_query(lines[0])):
        return _new_chapter_heading(ap, c, key, _CHAPTER_LINE.fullmatch(_norm_query(lines[0])).group(1), lines[1])
    target = ap.resolve(c, str(c.get(key)), key)
    sec = target.units[0]
    if sec.kind != "section":
        raise c.error("en ny overskrift indsættes før eller efter en paragraf", key)
    if key == "efter":
        secs = [s for s in ap.r.base.sections() if s.num]
        i = secs.index(sec)
        if i + 1 >= len(secs):
            raise c.error(f"der står ingen paragraf efter {sec.cite()}", key)
        sec = secs[i + 1]
    live = ap.place(c, sec, key)
    parent = ap.parents[live.wid]
    if parent is not None and parent.kind == "group" and parent.children[0] is live and parent.heading is None \
            and parent.wid in ap.r.removed_headings:
        # the group's heading an earlier nummer of the act repealed (lov 628/2010, § 1, nr. 8 "Overskriften før
        # § 49 og § 49 ophæves", nr. 10 "Før § 50 indsættes: »Børnefaglig undersøgelse«"): the new heading
        # stands over the group's §§, up to the next heading
        lines = [ln for ln in str(c.get("tekst")).strip().splitlines() if ln.strip()]
        if len(lines) != 1 or c.get("placering"):
            raise c.error("en overskrift er én linje" if len(lines) != 1 else
                          f"placeringen »{c.get('placering')}« passer ikke efter en ophævet overskrift", "tekst")
        parent.heading = Line(_norm_query(lines[0]))
        ap.touch(parent.wid, c)
        ap.r.placements.append(Placement(c, "new", [parent.wid], sec.wid, "før", [parent.wid]))
        return
    if parent is not None and parent.kind == "group" and parent.children[0] is live:
        raise c.error(f"der står allerede en overskrift før {sec.cite()}", key,
                      hint="nyaffat den med »affattes: overskriften før § …«")
    p = str(c.get("placering") or "")
    if p:
        # "Efter overskriften til kapitel 13 indsættes før § 69:": § 69 must open chapter 13
        m = re.fullmatch(r"efter overskriften til (kapitel|afsnit) (\S+(?: [a-zæøå])?)", p)
        want = "chapter" if m and m.group(1) == "kapitel" else "part"
        if not m or key != "før" or parent is None or parent.kind != want \
                or (parent.num or "").lower() != m.group(2).lower() or parent.children[0] is not live:
            raise c.error(f"placeringen »{p}« passer ikke: {sec.cite()} står ikke først efter den overskrift",
                          "placering", hint="nummeret kan ikke udføres; markér det som ikke udført")
    lines = [ln for ln in str(c.get("tekst")).strip().splitlines() if ln.strip()]
    if len(lines) != 1:
        raise c.error("en overskrift er én linje", "tekst")
    group = ap.group(c, lines[0], parent, [live])
    ap.r.placements.append(Placement(c, "new", [parent.wid if parent is not None else ""], sec.wid, "før",
                                       [group.wid]))


_CHAPTER_LINE = re.compile(r"Kapitel (\d+(?: [a-zæøå])?)")


def _new_chapter_heading(ap, c, key: str, num: str, heading: str) -> None:
    """"Efter § 56 a indsættes som ny overskrift: »Kapitel 13 a / Forhåndsgodkendelse og rekvireret vejledning«"
    (lov 1882/2015 § 1, nr. 7, fødevareloven): a new chapter whose heading stands after § 56 a, over the §§ after it
    up to the next chapter (LBK 43/2016: chapter 13 ends with § 56 a, chapter 13 a holds § 56 b). Refused where the
    place is not certain: the § is not in a chapter, the new heading would split a mellemrubrik's §§, no § follows
    in the chapter, or the number does not fall between the chapter's and the next one's."""
    hint = "nummeret kan ikke udføres; markér det som ikke udført"
    sec = ap.place(c, ap.resolve(c, str(c.get(key)), key).units[0], key)
    if sec.kind != "section":
        raise c.error("en ny kapiteloverskrift indsættes før eller efter en paragraf", key)
    top, chapter = sec, ap.parents.get(sec.wid)
    if chapter is not None and chapter.kind == "group":
        top, chapter = chapter, ap.parents.get(chapter.wid)
    if chapter is None or chapter.kind != "chapter":
        raise c.error(f"{sec.cite()} står ikke i et kapitel; en ny kapiteloverskrift kan ikke placeres", key, hint=hint)
    if top is not sec and (top.children[-1] if key == "efter" else top.children[0]) is not sec:
        raise c.error(f"den nye kapiteloverskrift ville dele mellemrubrikken »{top.heading.text if top.heading else ''}«, "
                      f"som {sec.cite()} står under", key, hint=hint)
    j = chapter.children.index(top) + (1 if key == "efter" else 0)
    moved = chapter.children[j:]
    if not moved or j == 0:
        raise c.error(f"der står ingen paragraf {'efter' if key == 'efter' else 'før'} {sec.cite()} i {chapter.label}",
                      key, hint=hint)
    chapters = [u for u in ap.r.new.walk() if u.kind == "chapter"]
    k = chapters.index(chapter)
    after = chapters[k + 1] if k + 1 < len(chapters) else None
    if chapter.num is None or any((u.num or "").lower() == num.lower() for u in chapters) or not (
            addr.section_key(chapter.num) < addr.section_key(num)
            and (after is None or after.num is None or addr.section_key(num) < addr.section_key(after.num))):
        raise c.error(f"kapitel {num} passer ikke ind efter {chapter.label}"
                      + (f" og før {after.label}" if after is not None else ""), "tekst", hint=hint)
    new = Unit("chapter", num=num, label=f"Kapitel {num}", heading=Line(_norm_query(heading)), children=moved)
    new.wid = f"new{next(ap.fresh)}_{c.item}_{c.index}"
    ap.units[new.wid] = new
    ap.r.inserted[new.wid] = c
    del chapter.children[j:]
    for u in moved:
        ap.parents[u.wid] = new
    parent = ap.parents.get(chapter.wid)
    sibs = ap.siblings(parent)
    sibs.insert(sibs.index(chapter) + 1, new)
    ap.parents[new.wid] = parent
    ap.touch(chapter.wid, c)
    ap.touch(new.wid, c)
    ap.r.placements.append(Placement(c, "new", [parent.wid if parent is not None else ""], sec.wid, key, [new.wid]))
