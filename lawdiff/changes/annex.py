"""Annexes (bilag): every change addressed to an annex of the amended act, in one home.

Execution (`execute(ap, c)`) of the change data the readers give (docs/format.md, "Annexes"):

    Bilag 3 ophæves.                                        {ophæves: "bilag 3"}   ("bilag 2-7", "bilag 1 og 2")
    Bilag 2 affattes som bilag 1 til denne lov.             {affattes: "bilag 2", som_bilag: "1"}
    Bilag 4 affattes således: »Bilag 4 / …«                 {affattes: "bilag 4", tekst}
    Som bilag 4 indsættes bilag 2 til denne lov.            {ny: bilag, som: "bilag 4", fra_bilag: "2"}
    Som bilag 2 indsættes: »Bilag 2 / …«                    {ny: bilag, som: "bilag 2", tekst}
    Overskriften til bilag 4 affattes således: »…«          {affattes: "overskriften til bilag 4", tekst}
    I bilag 1[, nr. 3] ændres »A« til: »B«.                 {i: "bilag 1, nr. 3", ændres, til}  (also udgår,
                                                            indsættes_efter / indsættes_før + tekst)

The text of "bilag N til denne lov" is the amending act's own annex (the amendment file's `bilag`,
which the loader hands to the change as `_bilag`). Anything not certain is refused with the act, §
and nummer: an annex number the act does not have, a number already taken, an annex of the
amending act that is missing or has no text, a new annex whose printed label ("»Bilag 4") is not
the number it is given, words that stand in the annex more or less than once, an address inside an
annex other than "nr. N" (a line beginning "N)" or "N."). A hand-written proposal's annex changes
are the forms proposal.py accepts (whole annexes from its own `bilag`, words), worded by the kinds.

    Efter bilag 1 indsættes bilag 2, der affattes som       {ny: bilag, efter: "bilag 1", som: "bilag 2",
    bilag 1 til denne lov.                                   fra_bilag: "1", der_affattes: true}
    Lovens bilag 1 ophæves, og i stedet indsættes bilag     {ophæves: "lovens bilag 1", som: "bilag 1-3",
    1-3, der affattes som bilag 1-3 til denne lov.           fra_bilag: "1-3", der_affattes: true}

    Efter bilag 3 indsættes som bilag 3 a: »Bilag 3 a. …«    {ny: bilag, efter: "bilag 3", som: "bilag 3 a", tekst}
                                                            (also "Før bilag N"; a label and heading set in
                                                            the first row of a table are read as such)
    Som bilag 1 til loven indsættes bilag 1 til denne lov.   {ny: bilag, som: "bilag 1", fra_bilag: "1",
                                                             til_loven: true}
    I bilag 1, liste A, indsættes som nr. 35: »35) …«       {ny: nr, i: "bilag 1", liste: "A", som: "nr. 35", tekst}
    Bilag 1, liste A, nr. 35, ophæves.                      {ophæves: "bilag 1, nr. 35", liste: "A"}

An annex's list is the lines after its one line "Liste A", up to the next "Liste B"; its items are the
lines beginning "35) ". A new item is executed only as the next number after the list's last item,
a repealed item only when it is of one line; the items after it move up one number ("Nr. 17-34
bliver herefter nr. 16-33."), recorded as a renumbering of kind "bilag-nr" that engine/rykning.py
holds to the nummer's rykningsklausul (none, or another, is refused).

Reading and wording: the shapes "Efter bilag 1 indsættes bilag 2, der affattes som …", "… ophæves, og i
stedet indsættes …" and the four above are this module's own (`is_kind`; listed first in
nummer.KINDS). The others have the shape of the kind owning their verb, which words them: the
common sentences are still read where they were before this kind existed — `rewrite` ("Bilag 2
affattes som bilag 1 til denne lov"), `insert` ("Som bilag 5 indsættes bilag 1 til denne lov"),
`repeal` and `words` (an annex as the address) — and `read` here reads the forms they did not ("Bilag
4 og 5 affattes som bilag 1 og 2 til denne lov", "Bilag B-D ophæves", "Som bilag 2 a indsættes …").
Not read (the reader refuses the sentence): other parts of an annex ("I bilag 2 affattes afsnittet »Metode
C« således:", whose end in the annex is not marked; "I bilag 2 affattes nr. 12" of a table; "Bilag 1, 4.
afsnit, …"; a path of headings with another verb, "…, IV. Andre reserver, indsættes efter nr. 4 som nyt
nummer:"), each refused with its reason (_PARTS_REFUSED). Words in the row a path of headings names are
read and executed ("I Bilag 2, Skemaer for …, 1. Skema …, AKTIVER, OMSÆTNINGSAKTIVER, II. Tilgodehavender,
nr. 6, indsættes efter »…«: »…«": {i: "Bilag 2, …, nr. 6", indsættes_efter, tekst}, worded by `words`;
_path_words says when the path is certain). Words in footnotes of annexes are read and executed ("I fodnote 7 til lovens bilag 1
og i fodnote 9 til lovens bilag 2 ændres »…« til: »…«": {i: "fodnote 7 til lovens bilag 1 og i fodnote 9
til lovens bilag 2", ændres, til}, worded by `words`): each footnote found by its marker in its annex.

    Før bilag 1 indsættes som bilag 1, 2, 2 a, 3 og 4       {ny: bilag, før: "bilag 1", som: "bilag 1, 2, 2 a,
    bilag 1, 2, 3, 4 og 5 til denne lov. Bilag 1 bliver      3 og 4", fra_bilag: "1, 2, 3, 4 og 5"}, the
    herefter bilag 5.                                        nummer's rykning "Bilag 1 bliver herefter bilag 5."

New annexes before an annex whose number they take or pass renumber it (and those after it) with the
next numbers after the last new one (_make_room: only annexes "Bilag N"), recorded as the change's
renumbering of kind "bilag"; engine/rykning.py then holds the nummer's rykningsklausul to it (none, or
another, is refused).

Each change leaves a `Placement(c, "annex", ["bilag 2", …])` naming the annexes it made, changed
or repealed: the redline credits an annex's changes to it (annexdiff.attribute) and a consolidation
records per annex the act and nummer that last changed it (`blame LAW "bilag 2"`).
"""
from __future__ import annotations

import copy
import re

from ..model import Annex, Cell, Line, Note, Table, annex_num
from ..text import norm_map
from .log import Placement

VERBS: tuple[str, ...] = ()  # an annex change uses the other kinds' verbs: dispatched by `handles`

_ONE = r"(?:\d+(?:\s?[a-zæøå])?|[A-ZÆØÅ]|[IVXLC]+)"
_LIST = rf"{_ONE}(?:(?:\s*,\s*|\s+og\s+|\s*-\s*){_ONE}(?![\w]))*"
_ADDR = re.compile(rf"^\s*(?:lovens\s+)?bilag\s+(?P<nums>{_LIST})\s*(?:,\s*(?P<rest>.+?))?\s*,?\s*$", re.I)
_HEADING = re.compile(r"^\s*overskriften\s+til\s+(?:lovens\s+)?bilag\s+(?P<nums>\S+(?:\s[a-zæøå])?)\s*,?\s*$", re.I)
_NUMS = re.compile(rf"^(?P<a>{_ONE})(?:\s*-\s*(?P<b>{_ONE})|(?P<more>(?:,\s*{_ONE})*\s+og\s+{_ONE}))?$")
_LABEL_LINE = re.compile(r"^»?\s*Bilag\s+(?P<num>\S+(?:\s[a-zæøå])?)\.?\s*$")
_WORD_VERBS = ("ændres", "udgår", "indsættes_efter", "indsættes_før")
_KNOWN = {"i", "affattes", "ophæves", "ny", "som", "som_bilag", "fra_bilag", "tekst", "samme_sted",
          "punktum_efter", "til", "delt", "_bilag", "efter", "før", "der_affattes", "henholdsvis", "til_loven",
          "liste", *_WORD_VERBS}


def is_note_address(text) -> bool:
    """"fodnote 7 til lovens bilag 1 og i fodnote 9 til lovens bilag 2" (footnotes of annexes) or
    "Bilag 2, Skemaer …, AKTIVER, …, II. Tilgodehavender, nr. 6" (a path of headings in an annex):
    addresses this kind finds itself (address.parse_citation does not read them)."""
    return isinstance(text, str) and bool(_NOTE_ADDR.match(text) or _PATH_ADDR.match(text))


def _is_annex(text) -> bool:
    return isinstance(text, str) and (bool(re.match(r"^\s*(?:lovens\s+)?bilag\b", text, re.I))
                                      or bool(_HEADING.match(text)) or bool(_NOTE_ADDR.match(text)))


def handles(c) -> bool:
    """Whether change `c` is addressed to an annex (the engine then executes it here)."""
    d = c.data
    return (d.get("ny") == "bilag" or "som_bilag" in d or "fra_bilag" in d
            or any(_is_annex(d.get(k)) for k in ("i", "affattes", "ophæves")))


# --- reading and wording ------------------------------------------------------------------------

_R_LIST = r"(?:\d+(?: [a-zæøå])?|[A-ZÆØÅ])(?:(?:, | og |-)(?:\d+(?: [a-zæøå])?|[A-ZÆØÅ])\b)*"
_R_REWRITE = rf"(Lovens bilag|Bilag) ({_R_LIST}) affattes som bilag ({_R_LIST}) til denne lov(?=\.?$)"
_R_REPEAL = rf"(Lovens bilag|Bilag) ({_R_LIST}) ophæves(?=\.?$)"
_R_INSERT = rf"Som bilag ({_R_LIST}) indsættes bilag ({_R_LIST}) til denne lov(?=\.?$)"


_R_THEIRS = rf"(henholdsvis )?bilag ({_R_LIST}|\d+(?: [a-zæøå])?(?:, bilag \d+(?: [a-zæøå])?)* og bilag \d+(?: [a-zæøå])?) til denne lov"
_R_AFTER = rf"Efter bilag ({_R_LIST}) indsættes bilag ({_R_LIST}), der affattes som {_R_THEIRS}(?=\.?$)"
_R_INSTEAD = (rf"(Lovens bilag|Bilag) ({_R_LIST}) ophæves, og i stedet indsættes bilag ({_R_LIST})"
              rf"(?:, der affattes som {_R_THEIRS}| til denne lov)(?=\.?$)")


# "Efter bilag 3 indsättes som bilag 3 a:" (lov 625/2011 § 1, nr. 12): the new annex's text follows
_R_PLACED = rf"(Efter|Før) bilag ({_R_LIST}) indsættes som bilag ({_R_LIST}):$"
# "Før bilag 1 indsættes som bilag 1, 2, 2 a, 3 og 4 bilag 1, 2, 3, 4 og 5 til denne lov." (lov 658/2016 § 1,
# nr. 12; its rykningsklausul "Bilag 1 bliver herefter bilag 5." is the nummer's `rykning`)
_R_PLACED_THEIRS = rf"(Efter|Før) bilag ({_R_LIST}) indsættes som bilag ({_R_LIST}) bilag ({_R_LIST}) til denne lov(?=\.?$)"
# "Som bilag 1 til loven indsættes bilag 1 til denne lov." (lov 594/2012 § 1, nr. 27)
_R_TO_LAW = rf"Som bilag ({_R_LIST}) til loven indsættes bilag ({_R_LIST}) til denne lov(?=\.?$)"
# an item of a list of an annex: "I bilag 1, liste A, indsættes som nr. 35:" (lov 247/2011 § 27, nr. 2),
# "Bilag 1, liste A, nr. 35, ophæves." (lov 1395/2012 § 8, nr. 2)
_R_LIST_NEW = r"I bilag (\d+(?: [a-zæøå])?|[A-ZÆØÅ]), liste ([A-ZÆØÅ]), indsættes som nr\. (\d+):$"
_R_LIST_REPEAL = r"Bilag (\d+(?: [a-zæøå])?|[A-ZÆØÅ]), liste ([A-ZÆØÅ]), nr\. (\d+), ophæves(?=\.?$)"
# words in an item of such a list: "I bilag 1, liste A, nr. 22, ændres »…« til: »…«" (lov 1532/2014 § 1)
_R_LIST_WORDS = r"I bilag (\d+(?: [a-zæøå])?|[A-ZÆØÅ]), liste ([A-ZÆØÅ]), nr\. (\d+), (?=ændres|udgår|indsættes (?:efter|før) »)"


_ANNEX_ONLY = "lawdiff finder kun hele bilag, »nr. N« og »liste A, nr. N« i et bilag"
_PARTS_REFUSED = [
    (r"^I bilag (\S+) affattes afsnittet »([^«»]+)«",
     "afsnittet »{1}« i bilag {0}: bilaget markerer ikke, hvor afsnittet slutter; " + _ANNEX_ONLY),
    (r"^I bilag (\S+) affattes nr\. (\d+) ",
     "nr. {1} i bilag {0} nyaffattes: hvilke linjer og tabelrækker nummeret består af, kan ikke afgøres sikkert"),
    (r"^Bilag (\S+), nr\. (\d+), under »([^«»]+)«",
     "nr. {1} under »{2}« i bilag {0}: " + _ANNEX_ONLY),
    (r"^Bilag (\S+), (\d+)\. afsnit, ", "{1}. afsnit af bilag {0}: bilaget nummererer ikke sine afsnit; " + _ANNEX_ONLY),
    (r"^I Bilag (\S+?)[,.] ([A-ZÆØÅ][^,]{0,40})",
     "en sti af overskrifter i bilag {0} (»{1} …«): lawdiff læser en sti af overskrifter kun, når den ender i "
     "»nr. N« og ændrer ord i det (»…, nr. 6, indsættes efter »…«: »…««)"),
    (r"^I fodnote (\S+) til lovens bilag (\S+)", "fodnote {0} til bilag {1}: lawdiff læser kun ændrede og udgåede ord "
                                                   "i »fodnote N til lovens bilag M«"),
]


_R_NOTES = r"fodnote \d+ til lovens bilag \d+(?: [a-zæøå](?!\w))?(?: og i fodnote \d+ til lovens bilag \d+(?: [a-zæøå](?!\w))?)*"


# "I Bilag 2, Skemaer for balancer og resultatopgørelser, 1. Skema for balance i kontoform (regnskabsklasse B,
# C og D), AKTIVER, OMSÆTNINGSAKTIVER, II. Tilgodehavender, nr. 6, indsættes efter »…«: »…«" (lov 616/2013 § 3)
_R_PATH = r"I (Bilag \d+(?: [a-zæøå](?!\w))?, (?!nr\. )[^»«]+?, nr\. \d+), (?=indsættes efter|ændres|udgår)"
_PATH_ADDR = re.compile(r"^Bilag \d+(?: [a-zæøå](?!\w))?, (?!nr\. )[^»«]+, nr\. \d+$")


def _theirs(m, at: int) -> tuple[str, bool]:
    """fra_bilag from "henholdsvis bilag 1 og bilag 2" / "bilag 1-3": ("1 og 2", True) / ("1-3", False)."""
    return m.group(at + 1).replace("bilag ", ""), bool(m.group(at))


def read(r, prev: dict | None, first: bool) -> dict | None:
    """The whole-annex sentences the other kinds do not read: several annexes or an annex letter
    or "2 a" ("Bilag 4 og 5 affattes som bilag 1 og 2 til denne lov", "Bilag B-D ophæves", "Som bilag 2 a
    indsættes bilag 1 til denne lov"). The data has the other kinds' shape (rewrite, repeal, insert),
    which word it back."""
    if not first or not r.rest().startswith(("Bilag ", "Lovens bilag ", "Som bilag ", "Efter bilag ", "Før bilag ",
                                              "I bilag ", "I Bilag ", "I fodnote ")):
        return None
    m = r.rx(_R_PLACED)
    if m:  # "Efter bilag 3 indsættes som bilag 3 a:" and the new annex's text
        return {"ny": "bilag", m.group(1).lower(): f"bilag {m.group(2)}", "som": f"bilag {m.group(3)}", "_blok": True}
    m = r.rx(_R_PLACED_THEIRS)
    if m:  # "Før bilag 1 indsættes som bilag 1, 2, 2 a, 3 og 4 bilag 1, 2, 3, 4 og 5 til denne lov"
        return {"ny": "bilag", m.group(1).lower(): f"bilag {m.group(2)}", "som": f"bilag {m.group(3)}",
                "fra_bilag": m.group(4)}
    m = r.rx(_R_TO_LAW)
    if m:  # "Som bilag 1 til loven indsættes bilag 1 til denne lov"
        return {"ny": "bilag", "som": f"bilag {m.group(1)}", "fra_bilag": m.group(2), "til_loven": True}
    m = r.rx(_R_LIST_NEW)
    if m:  # "I bilag 1, liste A, indsættes som nr. 35:" and the item
        return {"ny": "nr", "i": f"bilag {m.group(1)}", "liste": m.group(2), "som": f"nr. {m.group(3)}", "_blok": True}
    m = r.rx(_R_LIST_REPEAL)
    if m:  # "Bilag 1, liste A, nr. 35, ophæves"
        return {"ophæves": f"bilag {m.group(1)}, nr. {m.group(3)}", "liste": m.group(2)}
    start = r.pos
    m = r.rx(_R_LIST_WORDS)
    if m:  # "I bilag 1, liste A, nr. 22, ændres »…« til: »…«"
        from .words import read_verb

        ch = read_verb(r, {"i": f"bilag {m.group(1)}, nr. {m.group(3)}"})
        if ch and not set(ch) & {"antal", "overalt", "punktum", "antal_efter_verbum", "antal_efter_citat"}:
            return {**ch, "liste": m.group(2)}
        r.pos = start
    m = r.rx(rf"I ({_R_NOTES}) (?=ændres|udgår)")
    if m:  # "I fodnote 7 til lovens bilag 1 og i fodnote 9 til lovens bilag 2 ændres »…« til: »…«"
        from .words import read_verb

        ch = read_verb(r, {"i": m.group(1)})
        if ch:
            return ch
        r.pos = start
    m = r.rx(_R_PATH)
    if m:  # "I Bilag 2, Skemaer for …, AKTIVER, OMSÆTNINGSAKTIVER, II. Tilgodehavender, nr. 6, indsættes efter …"
        from .words import read_verb

        ch = read_verb(r, {"i": m.group(1)})
        if ch:
            return ch
        r.pos = start
    for rx, why in _PARTS_REFUSED:  # parts of an annex that cannot be found with certainty: said precisely
        m = re.match(rx, r.rest())
        if m:
            from .common import Unreadable

            raise Unreadable(why.format(*m.groups()))
    if r.rest().startswith(("Før bilag ", "I bilag ", "I Bilag ", "I fodnote ")):
        return None
    m = r.rx(_R_AFTER)
    if m:  # "Efter bilag 1 indsættes bilag 2 og 3, der affattes som henholdsvis bilag 1 og bilag 2 til denne lov"
        fra, hhv = _theirs(m, 3)
        return {"ny": "bilag", "efter": f"bilag {m.group(1)}", "som": f"bilag {m.group(2)}", "fra_bilag": fra,
                "der_affattes": True, **({"henholdsvis": True} if hhv else {})}
    m = r.rx(_R_INSTEAD)
    if m:  # "Lovens bilag 1 ophæves, og i stedet indsættes bilag 1-3, der affattes som bilag 1-3 til denne lov"
        ch = {"ophæves": f"{m.group(1).lower()} {m.group(2)}"}
        if m.group(5) is None:  # "…, og i stedet indsættes bilag 1 og 2 til denne lov"
            return {**ch, "fra_bilag": m.group(3)}
        fra, hhv = _theirs(m, 4)
        return {**ch, "som": f"bilag {m.group(3)}", "fra_bilag": fra, "der_affattes": True,
                **({"henholdsvis": True} if hhv else {})}
    m = r.rx(_R_REWRITE)
    if m:
        return {"affattes": f"{m.group(1).lower()} {m.group(2)}", "som_bilag": m.group(3)}
    m = r.rx(_R_REPEAL)
    if m:
        return {"ophæves": f"{m.group(1).lower()} {m.group(2)}"}
    m = r.rx(_R_INSERT)
    if m:
        return {"ny": "bilag", "som": f"bilag {m.group(1)}", "fra_bilag": m.group(2)}
    return None


def _their_words(ch: dict) -> str:
    fra = str(ch["fra_bilag"])
    if ch.get("henholdsvis"):
        parsed = parse_nums(fra)
        nums = parsed[0] if parsed and not parsed[1] else [fra]
        return "henholdsvis " + ", ".join(f"bilag {n}" for n in nums[:-1]) + f" og bilag {nums[-1]}"
    return f"bilag {fra}"


def format(ch: dict, prev: dict | None, first: bool) -> str:
    """The annex's own shapes (`is_kind`): "Efter bilag 1 indsættes bilag 2, der affattes som …" and
    "Bilag 1 ophæves, og i stedet indsættes …". Other annex data has the shape of rewrite, repeal or
    insert, which word it."""
    if not is_kind(ch):
        from . import nummer

        return nummer.kind_module(ch).format(ch, prev, first)
    if ch.get("til_loven"):
        return f"Som {ch['som']} til loven indsættes bilag {ch['fra_bilag']} til denne lov"
    if "liste" in ch:
        where = str(ch.get("i") or ch.get("ophæves"))
        m = re.match(r"^(bilag [^\s,]+(?: [a-zæøå](?=,|$))?)(.*)$", where)
        listed = f"{m.group(1)}, liste {ch['liste']}{m.group(2)}"
        if "ophæves" in ch:
            return f"{listed[:1].upper()}{listed[1:]}, ophæves"
        if any(v in ch for v in _WORD_VERBS):  # "I bilag 1, liste A, nr. 22, ændres »…« til: »…«"
            from .words import format as word_format

            plain = word_format({k: v for k, v in ch.items() if k != "liste"}, prev, first)
            head = f"I {where}, " if first else f"i {where}, "
            if not plain.startswith(head):
                raise ValueError(f"»liste« passer ikke til ændringen: {sorted(ch)}")
            return f"{head[:2]}{listed}, {plain[len(head):]}"
        return f"I {listed}, indsættes som {ch['som']}:"
    if ch.get("ny") == "bilag" and "fra_bilag" not in ch:  # "Efter bilag 3 indsættes som bilag 3 a:"
        side = "efter" if "efter" in ch else "før"
        return f"{side.capitalize()} {ch[side]} indsættes som {ch['som']}:"
    if ch.get("ny") == "bilag" and not ch.get("der_affattes"):  # "Før bilag 1 indsættes som bilag 1 og 2 bilag 1 og 2 …"
        side = "efter" if "efter" in ch else "før"
        return f"{side.capitalize()} {ch[side]} indsættes som {ch['som']} bilag {ch['fra_bilag']} til denne lov"
    if "efter" in ch:
        return (f"Efter {ch['efter']} indsættes {ch['som']}, der affattes som {_their_words(ch)} til denne lov")
    head = str(ch["ophæves"])
    head = head[:1].upper() + head[1:]
    if ch.get("der_affattes"):
        return (f"{head} ophæves, og i stedet indsættes {ch['som']}, der affattes som {_their_words(ch)} "
                f"til denne lov")
    return f"{head} ophæves, og i stedet indsættes bilag {ch['fra_bilag']} til denne lov"


def is_kind(ch: dict) -> bool:
    """The shapes only this kind words; listed first in nummer.KINDS."""
    return (bool(ch.get("der_affattes")) or ("ophæves" in ch and "fra_bilag" in ch) or bool(ch.get("til_loven"))
            or "liste" in ch or (ch.get("ny") == "bilag" and ("efter" in ch or "før" in ch)))


# --- numbers -------------------------------------------------------------------------------------

def _key(num: str) -> str:
    return re.sub(r"\s+", "", num).lower()


def _order(num: str) -> tuple:
    """A sort key for annex numbers: "2" < "2 a" < "3"; letters ("A" < "B") after numbers."""
    m = re.match(r"^(\d+)\s?([a-zæøå]?)$", num)
    if m:
        return (0, int(m.group(1)), m.group(2))
    return (1, 0, num)


def parse_nums(text: str) -> tuple[list[str], bool] | None:
    """"2" -> (["2"], False); "1 og 2", "1, 2 og 3" -> ([…], False); "2-7", "B-D" -> (["2", "7"], True)."""
    m = _NUMS.match(text.strip())
    if not m:
        return None
    if m.group("b"):
        return [m.group("a"), m.group("b")], True
    if m.group("more"):
        return [m.group("a")] + [x.strip() for x in re.split(r",|\bog\b", m.group("more")) if x.strip()], False
    return [m.group("a")], False


def expand(text: str) -> list[str] | None:
    """The numbers a list or range names: "1 og 2" -> ["1", "2"], "1-3" -> ["1", "2", "3"], "B-D" ->
    ["B", "C", "D"]; None when it cannot be read (a range "2-3 a" is not expanded: refused)."""
    parsed = parse_nums(text)
    if parsed is None:
        return None
    nums, is_range = parsed
    if not is_range:
        return nums
    a, b = nums
    if a.isdigit() and b.isdigit() and int(a) <= int(b):
        return [str(n) for n in range(int(a), int(b) + 1)]
    if len(a) == 1 == len(b) and a.isalpha() and b.isalpha() and a.isupper() and b.isupper() and a <= b:
        return [chr(n) for n in range(ord(a), ord(b) + 1)]
    return None


def _find(annexes: list[Annex], num: str) -> int | None:
    k = _key(num)
    hits = [i for i, a in enumerate(annexes) if a.num is not None and _key(a.num) == k]
    return hits[0] if len(hits) == 1 else None


def _not_moved(c, ap, n: str, key: str) -> None:
    """Refuse an annex number that an earlier nummer of the act moved to another annex ("Bilag 1
    bliver herefter bilag 5"): the act cites the law as it stands before it (engine R3), so "bilag 1"
    is the annex now numbered 5, while the number names the new bilag 1; which one is meant is not
    certain (it was read as the new one)."""
    for moves in ap.r.renumbered.values():
        for _w, _p, kind, old, new in moves:
            if kind == "bilag" and _key(old) == _key(n):
                raise c.error(f"bilag {n} er af en tidligere ændring i samme lov blevet bilag {new}, og et nyt bilag "
                              f"har fået nummer {n}: det er ikke sikkert, hvilket af dem »bilag {n}« er", key,
                              hint="markér nummeret som ikke udført")


def _not_rewritten(c, ap, n: str, key: str) -> None:
    """Refuse a change of an annex that an earlier change of the act rewrote ("Bilag 1 affattes som bilag
    1 til denne lov."): the act cites the law before it, whose bilag 1 is gone (engine R3: a unit an
    earlier change rewrote cannot be changed again); the new text is the act's own to write."""
    for p in ap.r.placements:
        if p.what == "annex" and p.change is not c and "affattes" in p.change.data \
                and any(_key(t.removeprefix("bilag ")) == _key(n) for t in p.targets):
            raise c.error(f"bilag {n} er nyaffattet af en tidligere ændring ({p.change.ref}) og kan ikke ændres igen",
                          key, hint="skriv ændringen ind i den nye tekst til bilaget" + ("" if c.paragraf is None
                                                                                         else ", eller markér nummeret som ikke udført"))


def _targets(c, ap, text: str, key: str) -> tuple[list[int], str | None]:
    """The indexes of the annexes `text` cites ("bilag 2", "bilag 1 og 2", "bilag 2-7": every annex
    from 2 to 7 as the act orders them), and what follows the number (", nr. 3")."""
    m = _ADDR.match(text)
    parsed = parse_nums(m.group("nums")) if m else None
    if parsed is None:
        raise c.error(f"»{text}«: bilagets nummer kan ikke læses", key, hint="skriv fx »bilag 2« eller »bilag 2-4«")
    nums, is_range = parsed
    annexes = ap.r.new.annexes
    found = []
    for n in nums:
        _not_moved(c, ap, n, key)
        if key not in ("før", "efter"):
            _not_rewritten(c, ap, n, key)
        i = _find(annexes, n)
        if i is None:
            have = ", ".join(a.num for a in annexes if a.num) or "ingen nummererede bilag"
            raise c.error(f"loven har ikke bilag {n} (loven har: {have})", key,
                          hint="ret bilagets nummer" + (", eller markér nummeret som ikke udført"
                                                        if c.paragraf is not None else ""))
        found.append(i)
    if is_range:
        if found[0] > found[1]:
            raise c.error(f"»{text}«: bilag {nums[0]} står efter bilag {nums[1]} i loven", key)
        found = list(range(found[0], found[1] + 1))
    return found, m.group("rest")


# --- the amending act's own annexes and new text -----------------------------------------------------

def from_data(d: dict) -> Annex:
    """An annex of the amendment file (`bilag`: betegnelse, overskrift, indhold) as a model.Annex."""
    label = str(d.get("betegnelse", ""))
    return Annex(label, annex_num(label), [_block(b) for b in d.get("overskrift") or []],
                 [_block(b) for b in d.get("indhold") or []])


def _block(b):
    if isinstance(b, str):
        return Line(b)
    if "tabel" in b:
        return Table([[Cell(x) if isinstance(x, str) else
                       Cell(x.get("celle", ""), bool(x.get("hoved")), int(x.get("kolonner", 1)), int(x.get("rækker", 1)))
                       for x in row] for row in b["tabel"]])
    return Line(b.get("linje", ""), [Note(n["markør"], list(n["linjer"])) for n in b.get("noter") or []])


def _own(c, num: str, key: str) -> Annex:
    own = c.data.get("_bilag")
    mine = c.paragraf is None  # a hand-written proposal's own annexes
    if not own:
        raise c.error(f"bilag {num} til denne lov: filen har ingen bilag (»bilag:«)", key,
                      hint="skriv bilaget under »bilag:« i forslaget" if mine else
                      "importér ændringsloven igen med lawdiff import lexdania, så dens bilag kommer med")
    hits = [a for a in own if a.num is not None and _key(a.num) == _key(num)]
    if len(hits) != 1:
        have = ", ".join(a.label for a in own)
        raise c.error(f"bilag {num} til denne lov findes ikke i filens »bilag:« (filen har: {have})", key,
                      hint="ret nummeret" + ("" if mine else ", eller markér nummeret som ikke udført"))
    return hits[0]


def _text_blocks(text: str) -> list:
    """New annex text as written in a change's `tekst`: one line per line, a run of "| a | b |" rows
    one table."""
    out: list = []
    in_table = False
    for ln in str(text).split("\n"):
        s = ln.strip()
        if len(s) >= 2 and s.startswith("|") and s.endswith("|"):
            row = [Cell(x.strip()) for x in s[1:-1].split("|")]
            if in_table:
                out[-1].rows.append(row)
            else:
                out.append(Table([row]))
            in_table = True
        elif s:
            out.append(Line(s))
            in_table = False
    return out


def _split(c, blocks: list, heads: int, want: list[str], key: str, quoted: bool = True) -> list[Annex]:
    """The new annexes `want` (numbers) made of `blocks` (the first `heads` of which are heading
    lines): split where a line is a label "»Bilag N" / "Bilag N."; without such lines the whole
    text is one annex. The label lines must name exactly the numbers wanted; the quotation marks
    around the whole (»…«) go."""
    blocks = list(blocks)
    row = _label_row(blocks)
    if row is not None:  # the label and heading in a table's first row (lov 625/2011 § 1, nr. 12)
        label, head, rest = row
        blocks = [Line(label), Line(head)] + ([rest] if rest.rows else []) + blocks[1:]
        heads = 2
    starts = [i for i, b in enumerate(blocks) if isinstance(b, Line) and _LABEL_LINE.match(b.text)]
    if want is None:  # the numbers are the text's own labels
        if len(starts) != 1:
            raise c.error("ændringen giver ikke de nye bilags numre, og teksten har ikke netop én linje »Bilag N«",
                          key, hint="markér nummeret som ikke udført")
        want = [_LABEL_LINE.match(blocks[starts[0]].text).group("num")]
    if not starts:
        if len(want) != 1:
            raise c.error(f"teksten skal indeholde bilag {', '.join(want)}, men ingen linje »Bilag N« deler den",
                          key, hint="markér nummeret som ikke udført")
        parts = [(want[0], 0, len(blocks))]
    else:
        got = [_LABEL_LINE.match(blocks[i].text).group("num") for i in starts]
        if [_key(g) for g in got] != [_key(w) for w in want]:
            raise c.error(f"den nye tekst er bilag {', '.join(got)}, men skal være bilag {', '.join(want)}", key,
                          hint="ret nummeret i ændringen eller teksten, så de passer sammen")
        if any(isinstance(b, Line) and b.text.strip() for b in blocks[:starts[0]]):
            raise c.error("den nye tekst har tekst før »Bilag N«", key, hint="markér nummeret som ikke udført")
        parts = [(w, s + 1, e) for w, s, e in zip(want, starts, starts[1:] + [len(blocks)])]
    out = []
    for num, s, e in parts:
        heads_here = max(0, min(heads, e) - s)
        a = Annex(f"Bilag {num}", num, blocks[s:s + heads_here], blocks[s + heads_here:e])
        out.append(a)
    if quoted:
        _unquote(out)
    if not any(b for a in out for b in a.body + a.headings):
        raise c.error("den nye tekst til bilaget er tom (bilaget har kun billeder eller ingen tekst)", key,
                      hint="markér nummeret som ikke udført; lawdiff har kun bilags tekst og tabeller")
    return out


_LABEL_CELL = re.compile(r"^»?\s*(Bilag\s+\S+(?:\s[a-zæøå])?)\.\s+(\S.*)$")


def _label_row(blocks: list):
    """A new annex's text that begins with a table whose first row is one cell "Bilag 3 a. Satser …"
    (the source set the label and heading in the table): (label, heading, the table without that
    row); None for any other text. Only the first block, only a row of one cell with text."""
    if not blocks or not isinstance(blocks[0], Table) or not blocks[0].rows:
        return None
    cells = [c for c in blocks[0].rows[0] if c.text.strip()]
    m = _LABEL_CELL.match(cells[0].text.strip()) if len(cells) == 1 else None
    if m is None or not _LABEL_LINE.match(m.group(1)):
        return None
    return m.group(1), m.group(2), Table(blocks[0].rows[1:])


def _unquote(annexes: list[Annex]) -> None:
    """Drop the » before the first text line and the « after the last one, where the source quotes."""
    blocks = [b for a in annexes for b in a.headings + a.body if not isinstance(b, Line) or b.text]
    lines = [b for b in blocks if isinstance(b, Line)]
    if not lines:
        return
    if lines[0].text.startswith("»"):
        lines[0].text = lines[0].text[1:].lstrip()
    if isinstance(blocks[-1], Table):  # the text ends in a table: the « closes its last cell with text
        _unquote_table(blocks[-1])
    elif lines[-1].text.endswith("«"):
        lines[-1].text = lines[-1].text[:-1].rstrip()
    for a in annexes:
        a.headings = [b for b in a.headings if not isinstance(b, Line) or b.text or b.notes]
        a.body = [b for b in a.body if not isinstance(b, Line) or b.text or b.notes]


def _unquote_table(t: Table) -> None:
    """Drop the « from the last cell with text of a table that ends the new text (lov 70/2013, bilag
    1: a last row of empty cells and »««); a row left with no text at all goes with it."""
    for k in range(len(t.rows) - 1, -1, -1):
        cells = [c for c in t.rows[k] if c.text.strip()]
        if not cells:
            continue
        if cells[-1].text.rstrip().endswith("«"):
            cells[-1].text = cells[-1].text.rstrip()[:-1].rstrip()
            if not any(c.text.strip() for c in t.rows[k]):
                del t.rows[k]
        return


def _new_from(c, want: list[str], key: str) -> list[Annex]:
    """The new annexes `want` from the change: the amending act's own annexes (som_bilag /
    fra_bilag) or the change's `tekst`."""
    src = c.data.get("som_bilag") or c.data.get("fra_bilag")
    if src is not None:
        nums = expand(str(src))
        if nums is None:
            raise c.error(f"»bilag {src} til denne lov« kan ikke læses", key)
        # copies: later changes edit the law's annex, never the file's own (a lovforslag prints it,
        # a second run reads it again); a hand-written proposal's annex is not quoted (»…«)
        own = [copy.deepcopy(_own(c, n, key)) for n in nums]
        q = c.paragraf is not None
        if want is None:  # "… og i stedet indsættes bilag 1 og 2 til denne lov": their labels number them
            return [a for o in own for a in _split(c, o.headings + o.body, len(o.headings), None, key, q)]
        if len(own) == len(want):
            return [a for o, w in zip(own, want) for a in _split(c, o.headings + o.body, len(o.headings), [w], key, q)]
        if len(own) == 1:  # "Bilag 4-7 affattes som bilag 1 til denne lov": one annex holds them all
            o = own[0]
            return _split(c, o.headings + o.body, len(o.headings), want, key, q)
        raise c.error(f"{len(want)} bilag skal erstattes af {len(own)} bilag til denne lov", key,
                      hint="markér nummeret som ikke udført")
    if c.data.get("tekst") is None:
        raise c.error("den nye tekst til bilaget mangler (hverken »tekst« eller »bilag N til denne lov«)", key,
                      hint="tilføj teksten, eller markér nummeret som ikke udført")
    return _split(c, _text_blocks(c.data["tekst"]), 0, want, key)


# --- execution -----------------------------------------------------------------------------------

def execute(ap, c) -> None:
    extra = sorted(k for k in c.data if k not in _KNOWN)
    if extra:
        raise c.error(f"lawdiff kan ikke udføre en ændring af et bilag med »{extra[0]}«", extra[0],
                      hint="markér nummeret som ikke udført")
    d = c.data
    annexes = ap.r.new.annexes
    if d.get("liste") is not None:
        return _list_item(ap, c)
    if d.get("ny") == "bilag":
        want = _new_nums(c, "som")
        moved, before = _make_room(ap, c, want) if d.get("før") is not None else ([], None)
        for n in want:
            if _find(annexes, n) is not None:
                raise c.error(f"loven har allerede bilag {n}", "som",
                              hint="ophæv eller nyaffat det gamle bilag først, eller vælg et ledigt nummer")
        if c.paragraf is None:
            _no_gap(c, annexes, want)
        new = _new_from(c, want, "som")
        side = "efter" if d.get("efter") is not None else "før" if d.get("før") is not None else None
        if side is not None:  # "Efter bilag 1 indsættes bilag 2, der affattes som …", "… som bilag 3 a:"
            if before is None:
                idx, rest = _targets(c, ap, str(d[side]), side)
                if rest or len(idx) != 1:
                    raise c.error(f"»{d[side]}«: nye bilag indsættes {side} ét bilag", side)
                before = idx[0]
            at = before + 1 if side == "efter" else before
            nums = [a.num for a in annexes[:at]] + [a.num for a in new] + [a.num for a in annexes[at:]]
            known = [_order(n) for n in nums if n is not None]
            if known != sorted(known):
                raise c.error(f"bilag {', '.join(a.num for a in new)} kan ikke stå {side} {d[side]}: bilagenes "
                              "numre ville ikke stå i rækkefølge", side, hint="markér nummeret som ikke udført")
            annexes[at:at] = new
            if moved:
                from .log import change_id

                ap.r.renumbered.setdefault(change_id(c), []).extend(
                    (f"bilag-{b}", "", "bilag", a, b) for a, b in moved)
        else:
            for a in new:
                at = next((i for i, x in enumerate(annexes) if x.num is not None and _order(x.num) > _order(a.num)),
                          len(annexes))
                annexes.insert(at, a)
        ap.r.placements.append(Placement(c, "annex", _keys(new) + [f"bilag {b}" for _, b in moved]))
        return
    if _HEADING.match(str(d.get("affattes") or "")):
        return _heading(ap, c)
    if d.get("affattes") is not None:
        idx, rest = _targets(c, ap, str(d["affattes"]), "affattes")
        if rest:
            raise c.error(f"»{d['affattes']}«: lawdiff kan ikke nyaffatte en del af et bilag", "affattes",
                          hint="markér nummeret som ikke udført")
        want = [annexes[i].num for i in idx]
        new = _new_from(c, want, "affattes")
        annexes[idx[0]:idx[-1] + 1] = new
        ap.r.placements.append(Placement(c, "annex", _keys(new)))
        return
    if d.get("ophæves") is not None and d.get("fra_bilag") is not None:
        # "Lovens bilag 1 ophæves, og i stedet indsættes bilag 1-3, der affattes som bilag 1-3 til denne lov"
        idx, rest = _targets(c, ap, str(d["ophæves"]), "ophæves")
        if rest:
            raise c.error(f"»{d['ophæves']}«: lawdiff kan kun erstatte hele bilag", "ophæves")
        gone = _keys([annexes[i] for i in idx])
        new = _new_from(c, _new_nums(c, "som") if d.get("som") is not None else None, "ophæves")
        annexes[idx[0]:idx[-1] + 1] = new
        taken = [a.num for a in annexes if a.num is not None]
        dup = next((n for n in taken if sum(_key(x) == _key(n) for x in taken) > 1), None)
        if dup is not None:
            raise c.error(f"loven får to bilag {dup}", "ophæves", hint="markér nummeret som ikke udført")
        ap.r.placements.append(Placement(c, "annex", gone + [k for k in _keys(new) if k not in gone]))
        return
    if d.get("ophæves") is not None:
        idx, rest = _targets(c, ap, str(d["ophæves"]), "ophæves")
        if rest or d.get("tekst") is not None:
            raise c.error(f"»{d['ophæves']}«: lawdiff kan kun ophæve hele bilag", "ophæves",
                          hint="markér nummeret som ikke udført")
        gone = _keys([annexes[i] for i in idx])
        for i in sorted(idx, reverse=True):
            del annexes[i]
        ap.r.placements.append(Placement(c, "annex", gone))
        return
    verb = next((v for v in _WORD_VERBS if v in d), None)
    if verb is None or d.get("i") is None:
        raise c.error("lawdiff kan ikke udføre denne ændring af et bilag", hint="markér nummeret som ikke udført")
    if _NOTE_ADDR.match(str(d["i"])):
        return _note_words(ap, c, verb)
    return _words(ap, c, verb)


def _no_gap(c, annexes: list[Annex], want: list[str]) -> None:
    """A hand-written proposal's new annexes take the next numbers: bilag N after bilag N-1, bilag N a
    after bilag N, N b after N a ("Som bilag 5 indsættes" in a law with bilag 1 only is a slip)."""
    have = {_key(a.num) for a in annexes if a.num}
    for n in want:
        m = re.fullmatch(r"(\d+)\s*([a-zæøå])?", n.strip())
        prev = None if m is None else (m.group(1) if m.group(2) == "a" else f"{m.group(1)} {chr(ord(m.group(2)) - 1)}")\
            if m.group(2) else (str(int(m.group(1)) - 1) if int(m.group(1)) > 1 else None)
        if prev is not None and _key(prev) not in have:
            raise c.error(f"bilag {n} ville stå uden bilag {prev} foran sig (loven har: "
                          f"{', '.join(a.num for a in annexes if a.num) or 'ingen nummererede bilag'})", "som",
                          hint="giv det nye bilag det næste ledige nummer")
        have.add(_key(n))


def _make_room(ap, c, want: list[str]) -> tuple[list[tuple[str, str]], int]:
    """New annexes `want` before annex "før": the annex they go before, and those after it, whose numbers
    the new ones take or pass, get the next numbers after the last new one ("Før bilag 1 indsættes som bilag
    1-4 …": bilag 1 becomes bilag 5, lov 658/2016 § 1, nr. 12), in order; the nummer's rykningsklausul must
    say so (engine/rykning.py checks it). Only annexes numbered "N" and labelled "Bilag N" are renumbered;
    anything else is refused. Returns the (old, new) numbers and the index of the annex "før" names."""
    annexes = ap.r.new.annexes
    idx, rest = _targets(c, ap, str(c.data["før"]), "før")
    if rest or len(idx) != 1:
        raise c.error(f"»{c.data['før']}«: nye bilag indsættes før ét bilag", "før")
    last = max(want, key=_order)
    moved = []
    for a in annexes[idx[0]:]:
        if a.num is None or _order(a.num) > _order(last):
            break
        if not (a.num.isdigit() and last.replace(" ", "").rstrip("abcdefghijklmnopqrstuvwxyzæøå").isdigit()
                and annex_num(a.label) == a.num):
            raise c.error(f"{a.label or 'bilaget'} skal have et nyt nummer efter bilag {last}, men lawdiff kan kun "
                          "rykke bilag med numre som »Bilag 5«", "før", hint="markér nummeret som ikke udført")
        new = str(int(re.match(r"\d+", last).group()) + 1)
        moved.append((a.num, new))
        a.num, a.label, last = new, f"Bilag {new}", new
    return moved, idx[0]


def _keys(annexes: list[Annex]) -> list[str]:
    """The targets of an annex change's Placement: "bilag 2" for each annex it made, changed or
    repealed (annexdiff.attribute credits the redline's annexes with them, consolidate the record)."""
    return [f"bilag {a.num}" if a.num else (a.label or "bilag") for a in annexes]


def _new_nums(c, key: str) -> list[str]:
    """The numbers the new annexes get: "som: bilag 4", "bilag 1-3", "bilag 1 a, 4 og 5"."""
    som = str(c.data.get(key) or "")
    m = _ADDR.match(som)
    nums = expand(m.group("nums")) if m and not m.group("rest") else None
    if nums is None:
        raise c.error(f"»{som}«: de nye bilags numre kan ikke læses", key, hint="skriv fx »som: bilag 4«")
    return nums


def _heading(ap, c) -> None:
    """"Overskriften til bilag 4 affattes således: »Bilag 4. Satser …«": the annex's heading lines
    become the new text (its label "Bilag 4." in front is the annex's label, checked and dropped)."""
    d = c.data
    num = _HEADING.match(str(d["affattes"])).group("nums")
    i = _find(ap.r.new.annexes, num)
    if i is None:
        raise c.error(f"loven har ikke bilag {num}", "affattes", hint="ret bilagets nummer")
    if d.get("tekst") is None:
        raise c.error("den nye overskrift mangler", "affattes", hint="tilføj »tekst«")
    lines = [ln.strip() for ln in str(d["tekst"]).split("\n") if ln.strip()]
    m = re.match(r"^Bilag\s+(\S+(?:\s[a-zæøå])?)\.\s+(.+)$", lines[0]) if lines else None
    if m:
        if _key(m.group(1)) != _key(num):
            raise c.error(f"den nye overskrift begynder med »Bilag {m.group(1)}.«, men ændringen gælder bilag {num}",
                          "tekst", hint="ret nummeret, så de passer sammen")
        lines[0] = m.group(2)
    ap.r.new.annexes[i].headings = [Line(ln) for ln in lines]
    ap.r.placements.append(Placement(c, "annex", _keys([ap.r.new.annexes[i]])))


def _words(ap, c, verb: str) -> None:
    """Words changed in an annex (or in its item "nr. N": the one line that begins "N)" or "N."):
    the quoted words must stand there exactly once, in a line of text (not a table)."""
    d = c.data
    idx, rest = _targets(c, ap, str(d["i"]), "i")
    if len(idx) != 1:
        raise c.error(f"»{d['i']}«: ændringen skal gælde ét bilag", "i", hint="skriv en ændring pr. bilag")
    annex = ap.r.new.annexes[idx[0]]
    blocks = [b for b in annex.headings + annex.body if isinstance(b, Line)]
    where = f"bilag {annex.num}"
    if rest and _PATH_ADDR.match(str(d["i"])):
        return _path_words(ap, c, verb, annex, rest)
    if rest:
        m = re.fullmatch(r"nr\.\s*(\d+(?:\s?[a-zæøå])?)", rest.strip())
        if not m:
            raise c.error(f"»{d['i']}«: lawdiff kan kun finde »nr. N« inde i et bilag", "i",
                          hint="markér nummeret som ikke udført")
        n = m.group(1)
        items = [b for b in blocks if re.match(rf"^{re.escape(n)}[.)]\s", b.text)]
        if len(items) != 1:
            raise c.error(f"{where} har {len(items)} linjer, der begynder med »{n})« eller »{n}.«; nr. {n} "
                          f"kan ikke findes entydigt", "i", hint="markér nummeret som ikke udført")
        blocks, where = items, f"{where}, nr. {n}"
    _edit_once(c, verb, blocks, where)
    ap.r.placements.append(Placement(c, "annex", _keys([annex])))


def _edit_once(c, verb: str, holders: list, where: str) -> None:
    """The change's words, standing exactly once in the texts of `holders` (lines, cells: anything
    with a `text`), changed there by its verb; matched in normalised text (no-break spaces are
    spaces) and mapped back."""
    old = norm_map(str(c.data[verb]))[0].strip()
    hits = []
    for h in holders:
        text, idx = norm_map(h.text)
        hits += [(h, idx[i], idx[i + len(old) - 1] + 1) for i in _occurrences(text, old)]
    if len(hits) != 1:
        raise c.error(f"»{old}« står {len(hits)} gange i {where} (skal stå én gang)", verb,
                      hint="ret de citerede ord, så de står præcis som i loven, eller markér nummeret som ikke udført")
    h, i, j = hits[0]
    text = _edited(c, verb, h.text, i, j)
    if isinstance(h, Line) and not text.strip():  # an empty line would stand in the law
        raise c.error(f"alle ord i linjen i {where} udgår, så en tom linje ville stå tilbage", verb,
                      hint="lawdiff ophæver ikke en hel linje i et bilag med »udgår«; nyaffat bilaget, eller markér "
                           "nummeret som ikke udført")
    h.text = text


def _path_parts(rest: str) -> list[str]:
    """"Skemaer …, 1. Skema … (regnskabsklasse B, C og D), AKTIVER, II. Tilgodehavender, nr. 6" cut at
    its commas outside parentheses."""
    out, depth, cur = [], 0, ""
    for ch in rest:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    return out + [cur.strip()]


_NUMBERED = re.compile(r"^(?:(\d+)|([IVXLC]+))\.(?:\s|$)")


def _rows(annex) -> list[list]:
    """The annex's text as rows: a line is a row of itself, a table's row its cells with text."""
    out = []
    for b in annex.body:
        rows = getattr(b, "rows", None)
        out += [[x for x in row if x.text.strip()] for row in rows] if rows is not None else [[b]]
    return out


def _row_text(row: list) -> str:
    return " ".join(" ".join(x.text.split()) for x in row)


def _kind(row: list) -> tuple | None:
    """A numbered heading's kind: arabic or roman, and its number of cells ("II." | "Tilgodehavender":
    roman, 2); None for a row without a number."""
    m = _NUMBERED.match(_row_text(row))
    return None if m is None else ("arabic" if m.group(1) else "roman", len(row))


def _path_words(ap, c, verb: str, annex, rest: str) -> None:
    """Words in the row a path of headings names in an annex ("Skemaer …, 1. Skema …, AKTIVER,
    OMSÆTNINGSAKTIVER, II. Tilgodehavender, nr. 6"). Each heading is a row whose text is exactly it,
    found after the one before it and inside its scope: a numbered heading ("1. Skema …", "II. …")
    reaches to the next row of its kind (the next number of the same sort and shape), an unnumbered
    one to the end of the scope it stands in, in which it must stand exactly once; the row "6. …"
    must stand once in the last heading's scope, the words once in it. Anything else is refused."""
    *heads, last = _path_parts(rest)
    m = re.fullmatch(r"nr\. (\d+)", last)
    if m is None or rest.count("(") != rest.count(")") or not all(heads):
        raise c.error(f"stien »{rest}« kan ikke deles entydigt i overskrifter (en parentes er ikke lukket, eller "
                      "et led er tomt)", "i", hint="ret stien, så den står som i loven, eller markér nummeret som "
                      "ikke udført")
    rows = _rows(annex)
    texts = [_row_text(r) for r in rows]
    lo, hi = 0, len(rows)  # the scope: rows lo..hi-1
    where = f"bilag {annex.num}"
    for h in heads:
        hits = [i for i in range(lo, hi) if texts[i] == " ".join(h.split())]
        if len(hits) != 1:
            raise c.error(f"»{h}« står {len(hits)} gange som overskrift i {where} efter det foregående led af "
                          "stien (skal stå én gang)", "i", hint="markér nummeret som ikke udført")
        at = hits[0]
        kind = _kind(rows[at])
        if kind is not None:  # to the next heading of its kind
            hi = next((i for i in range(at + 1, hi) if _kind(rows[i]) == kind), hi)
        lo, where = at + 1, f"{where}, »{h}«"
    # the items are the run of numbered rows right after the last heading: the next heading (a row
    # without a number, or of another kind) ends it, so that a heading without items never reaches
    # the items of the section after it ("V. Overført overskud …, nr. 9" is not "9. Selskabsskat")
    kind, end = None, lo
    while end < hi and (not rows[end] or _kind(rows[end]) is not None and _kind(rows[end])[0] == "arabic"
                        and _kind(rows[end]) == (kind or _kind(rows[end]))):
        kind = kind or _kind(rows[end])
        end += 1
    items = [i for i in range(lo, end) if rows[i] and rows[i][0].text.strip() == f"{m.group(1)}."]
    if len(items) != 1:
        raise c.error(f"nr. {m.group(1)} står {len(items)} gange under {where} (skal stå én gang)", "i",
                      hint="markér nummeret som ikke udført")
    _edit_once(c, verb, rows[items[0]], f"nr. {m.group(1)} under {where}")
    ap.r.placements.append(Placement(c, "annex", _keys([annex])))


def _edited(c, verb: str, t: str, i: int, j: int) -> str:
    """`t` with the words at t[i:j] changed by the change's verb (ændres, udgår, indsættes_efter/før)."""
    d = c.data
    if verb == "ændres":
        return t[:i] + str(d["til"]) + t[j:]
    if verb == "udgår":
        before, after = t[:i], t[j:]
        if before.endswith(" ") and (after.startswith(" ") or after[:1] in (",", ".", ";", ":", ")") or not after):
            before = before[:-1]
        elif not before and after.startswith(" "):
            after = after[1:]
        return before + after
    new = str(d.get("tekst") or "")
    if not new:
        raise c.error("den nye tekst mangler", verb, hint="tilføj »tekst«")
    if verb == "indsættes_efter":
        sep = "" if new[:1] in (",", ".", ";", ":", ")") or new[:1].isspace() else " "
        return t[:j] + sep + new + t[j:]
    return t[:i] + new + ("" if new[-1:].isspace() else " ") + t[i:]


# "I fodnote 7 til lovens bilag 1 og i fodnote 9 til lovens bilag 2 ændres »…« til: »…«" (lov 204/2017,
# § 5, nr. 1): words in footnotes of annexes, each footnote found by its marker ("7)") in its annex
_NOTE_ONE = r"fodnote (\d+) til lovens bilag (\d+(?: [a-zæøå](?!\w))?)"
_NOTE_ADDR = re.compile(rf"^{_NOTE_ONE}(?: og i {_NOTE_ONE})*$")


class _NoteLine:
    """A line of a footnote as something with a `text` (_edit_once)."""

    def __init__(self, note: Note, k: int) -> None:
        self.note, self.k = note, k

    @property
    def text(self) -> str:
        return self.note.lines[self.k]

    @text.setter
    def text(self, value: str) -> None:
        self.note.lines[self.k] = value


def _note_words(ap, c, verb: str) -> None:
    """Words changed in footnotes of annexes: each footnote must stand once in its annex (by its
    marker, "7)"), the quoted words exactly once in it, within one of its lines."""
    d = c.data
    if verb not in ("ændres", "udgår"):
        raise c.error(f"lawdiff kan kun ændre ord og lade ord udgå i et bilags fodnote, ikke »{verb}«", verb,
                      hint="markér nummeret som ikke udført")
    annexes = ap.r.new.annexes
    keys = []
    named = re.findall(_NOTE_ONE, str(d["i"]))
    for note_num, annex_numm in named:  # each once: else its words would be changed twice
        times = sum(_key(a) == _key(annex_numm) and n == note_num for n, a in named)
        if times > 1:
            raise c.error(f"fodnote {note_num} til bilag {annex_numm} nævnes {times} gange i »{d['i']}«",
                          "i", hint="nævn hver fodnote én gang")
    for note_num, annex_numm in named:
        _not_moved(c, ap, annex_numm, "i")
        _not_rewritten(c, ap, annex_numm, "i")
        at = _find(annexes, annex_numm)
        if at is None:
            have = ", ".join(a.num for a in annexes if a.num) or "ingen nummererede bilag"
            raise c.error(f"loven har ikke bilag {annex_numm} (loven har: {have})", "i",
                          hint="markér nummeret som ikke udført")
        annex = annexes[at]
        notes = [n for b in annex.headings + annex.body if isinstance(b, Line) for n in b.notes
                 if n.marker.strip().rstrip(")") == note_num]
        where = f"fodnote {note_num} til bilag {annex.num}"
        if len(notes) != 1:
            raise c.error(f"bilag {annex.num} har {len(notes)} fodnoter med mærket »{note_num})« (skal have én)", "i",
                          hint="markér nummeret som ikke udført")
        _edit_once(c, verb, [_NoteLine(notes[0], k) for k in range(len(notes[0].lines))], where)
        keys += [k2 for k2 in _keys([annex]) if k2 not in keys]
    ap.r.placements.append(Placement(c, "annex", keys))


_ITEM = re.compile(r"^(\d+)\)\s")
_LIST_HEAD = re.compile(r"^Liste\s+([A-ZÆØÅ])\.?$")


def _list_item(ap, c) -> None:
    """An item of a list of an annex: "Bilag 1, liste A, nr. 35, ophæves." / "I bilag 1, liste A, indsættes
    som nr. 35: »35) …«". The list is the lines after the one line "Liste A" of the annex, up to the
    next line "Liste B" (or the annex's end); an item is a line beginning "35) ". Executed only where
    certain: the list and the item found once, an item of one line (a repealed item), no item after
    the one repealed (their numbers would move: lawdiff does not renumber an annex's list yet) and a
    new item numbered next after the list's last item, its text beginning with its number."""
    d = c.data
    key = "ophæves" if d.get("ophæves") is not None else "i"
    idx, rest = _targets(c, ap, str(d[key]), key)
    if len(idx) != 1:
        raise c.error(f"»{d[key]}«: ændringen skal gælde ét bilag", key)
    annex = ap.r.new.annexes[idx[0]]
    body = annex.body
    letter = str(d["liste"])
    where = f"bilag {annex.num}, liste {letter}"
    heads = [i for i, b in enumerate(body) if isinstance(b, Line) and _LIST_HEAD.match(b.text.strip())]
    mine = [i for i in heads if _LIST_HEAD.match(body[i].text.strip()).group(1) == letter]
    if len(mine) != 1:
        raise c.error(f"bilag {annex.num} har {len(mine)} linjer »Liste {letter}«; listen kan ikke findes entydigt",
                      "liste", hint="markér nummeret som ikke udført")
    start = mine[0] + 1
    end = next((i for i in heads if i > mine[0]), len(body))
    if any(not isinstance(b, Line) for b in body[start:end]):
        raise c.error(f"{where} indeholder en tabel; lawdiff finder kun numre i en liste af linjer", "liste",
                      hint="markér nummeret som ikke udført")
    items = [(i, int(m.group(1))) for i in range(start, end) for m in [_ITEM.match(body[i].text)] if m]
    if key == "ophæves":
        m = re.fullmatch(r"nr\.\s*(\d+)", (rest or "").strip())
        if not m:
            raise c.error(f"»{d[key]}«: lawdiff kan kun ophæve »nr. N« i en liste i et bilag", key)
        n = int(m.group(1))
        hits = [k for k, (_, num) in enumerate(items) if num == n]
        if len(hits) != 1:
            raise c.error(f"{where} har {len(hits)} linjer, der begynder med »{n})«; nr. {n} kan ikke findes entydigt",
                          key, hint="markér nummeret som ikke udført")
        i = items[hits[0]][0]
        following = items[hits[0] + 1:]
        if (following[0][0] if following else end) != i + 1:
            raise c.error(f"{where}, nr. {n}, fortsætter på linjen efter; lawdiff kan ikke afgøre, hvor nummeret slutter",
                          key, hint="markér nummeret som ikke udført")
        if [num for _, num in following] != list(range(n + 1, n + 1 + len(following))):
            raise c.error(f"numrene efter {where}, nr. {n}, følger ikke efter hinanden; de kan ikke rykkes sikkert", key,
                          hint="markér nummeret som ikke udført")
        from .log import change_id

        for k, num in following:  # "Nr. 33 og 34 bliver herefter nr. 32 og 33.": checked by engine/rykning.py
            body[k].text = f"{num - 1}){body[k].text[len(str(num)) + 1:]}"
            ap.r.renumbered.setdefault(change_id(c), []).append(
                (f"{where}, nr. {num - 1}", where, "bilag-nr", str(num), str(num - 1)))
        del body[i]
        ap.r.placements.append(Placement(c, "annex", _keys([annex])))
        return
    verb = next((v for v in _WORD_VERBS if d.get(v) is not None), None)
    if verb is not None:
        # words in an item ("I bilag 1, liste A, nr. 22, ændres »…« til: »…«"): in the item's first line, the
        # one that begins "22) " (where the item ends is not marked; a line after it is not searched)
        m = re.fullmatch(r"nr\.\s*(\d+)", (rest or "").strip())
        if not m or d.get("ny") is not None:
            raise c.error(f"»{d[key]}«: lawdiff kan kun ændre ord i »nr. N« i en liste i et bilag", key,
                          hint="markér nummeret som ikke udført")
        n = int(m.group(1))
        hits = [i for i, num in items if num == n]
        if len(hits) != 1:
            raise c.error(f"{where} har {len(hits)} linjer, der begynder med »{n})«; nr. {n} kan ikke findes entydigt",
                          key, hint="markér nummeret som ikke udført")
        _edit_once(c, verb, [body[hits[0]]], f"{where}, nr. {n}")
        ap.r.placements.append(Placement(c, "annex", _keys([annex])))
        return
    m = re.fullmatch(r"nr\.\s*(\d+)", str(d.get("som") or "").strip())
    if not m or d.get("ny") != "nr":
        raise c.error(f"»{d.get('som')}«: lawdiff kan kun indsætte »som nr. N« i en liste i et bilag", "som")
    n = int(m.group(1))
    text = str(d.get("tekst") or "").strip()
    if "\n" in text or not text.startswith(f"{n}) "):
        raise c.error(f"den nye tekst skal være én linje, der begynder med »{n})«", "tekst",
                      hint="markér nummeret som ikke udført")
    last = items[-1][1] if items else 0
    if last != n - 1:
        raise c.error(f"{where} slutter med nr. {last}; nr. {n} kan ikke indsættes som det næste", "som",
                      hint="markér nummeret som ikke udført")
    at = items[-1][0] + 1 if items else start
    if at != end:
        raise c.error(f"{where}, nr. {last}, fortsætter på linjen efter; lawdiff kan ikke afgøre, hvor nr. {n} skal stå",
                      "som", hint="markér nummeret som ikke udført")
    body.insert(at, Line(text))
    ap.r.placements.append(Placement(c, "annex", _keys([annex])))


def _occurrences(text: str, words: str) -> list[int]:
    """Where `words` stands in `text` as whole words."""
    out = []
    for m in re.finditer(re.escape(words), text):
        s, e = m.start(), m.end()
        if (s == 0 or not (text[s - 1].isalnum() and words[:1].isalnum())) and \
                (e == len(text) or not (text[e].isalnum() and words[-1:].isalnum())):
            out.append(s)
    return out
