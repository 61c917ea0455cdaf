"""Load and validate an amendment proposal (YAML), keeping file:line:column of every value.

The loader is deliberately strict: UTF-8 only, at most 1 MB, no YAML tags other
than the plain ones, no anchors/aliases (which also stops "billion laughs"), no
duplicate keys. The shape is checked against the shipped JSON Schema
(`lawdiff/schemas/proposal.schema.json`); the meaning of each change (which verb,
which fields go with it) is checked here, with messages a drafter can act on.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .text import canonical_num
from .yamlfile import MAX_BYTES, Pos, ProposalError, _Positions, load_yaml, raise_all, schema_problems


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads((resources.files("lawdiff") / "schemas" / "proposal.schema.json").read_text("utf-8"))


# --- the proposal -------------------------------------------------------------

VERBS = ("ændres", "udgår", "indsættes_efter", "indsættes_før", "affattes", "ophæves", "ny", "overskrift")
# `overskrift` is a verb of its own (a heading is rewritten) unless it goes with `ny`
# fields each verb requires / allows (besides lov)
_REQUIRES = {
    "ændres": {"til"}, "udgår": set(), "indsættes_efter": {"tekst"}, "indsættes_før": {"tekst"},
    "affattes": {"tekst"}, "ophæves": set(), "ny": {"tekst"}, "overskrift": {"tekst"},
}
_ALLOWS = {
    "ændres": {"i", "til", "antal", "forekomst", "overalt", "bortset_fra", "kapitelbetegnelsen", "i_alt"},
    "udgår": {"i", "antal", "forekomst", "overalt", "bortset_fra"},
    "indsættes_efter": {"i", "tekst", "antal", "forekomst"},
    "indsættes_før": {"i", "tekst", "antal", "forekomst"},
    "affattes": {"tekst", "som_bilag", "før_overskriften"},
    "ophæves": {"tekst", "overskrift_citat"},  # with tekst: "ophæves, og i stedet indsættes:" (template 10)
    "ny": {"i", "tekst", "efter", "før", "nummer", "overskrift", "som", "fra_bilag"},
    "overskrift": {"tekst"},
}
# Citations a hand-written change may give (docs/format.md, "Citations"): one address or several
# ("§ 16, stk. 1, og § 18, stk. 1, 1. pkt."), and addresses beyond provisions (headings, the title).
_CITING = ("i", "affattes", "ophæves", "bortset_fra")
_NOTE_RX = r"^\s*(?:fodnote(?:n|rne)\s+til|fodnote\s+\d+\s+til)\s+(?:lovens\s+)?titel|^\s*lovens\s+fodnote"


@dataclass
class Change:
    item: int  # 1-based number of the forslag (in an act: of the ændringsparagraf, in file order)
    index: int  # 1-based number of the change within the forslag (in an act: within the paragraf)
    law: str
    verb: str
    data: dict
    file: str
    positions: dict[str, Pos]
    pos: Pos
    paragraf: str | None = None  # an imported act: the ændringsparagraf's official number
    nummer: str | None = None  # … and the nummer's
    sub: int = 0  # … and the change's place within the nummer (1-based)
    of: int = 1  # how many changes the nummer holds
    group: int | None = None  # a hand-written nummer group: the entry's 1-based place in the forslag

    @property
    def ref(self) -> str:
        if self.paragraf is not None:
            r = f"§ {self.paragraf}, nr. {self.nummer}"
            return r + (f", ændring {self.sub}" if self.of > 1 else "")
        return f"forslag {self.item}, ændring {self.index}"

    def get(self, key: str, default=None):
        return self.data.get(key, default)

    def error(self, message: str, key: str | None = None, hint: str | None = None) -> ProposalError:
        p = self.positions.get(key, self.pos) if key else self.pos
        return ProposalError(f"{self.ref}: {message}", self.file, p.line, p.col, hint=hint)

    def warning(self, message: str, key: str | None = None) -> str:
        p = self.positions.get(key, self.pos) if key else self.pos
        return f"{self.file}:{p.line}:{p.col}: advarsel: {self.ref}: {message}"


@dataclass
class Item:
    number: int
    title: str
    remarks: str
    changes: list[Change]


@dataclass
class Proposal:
    path: str
    title: str
    organisation: str
    date: str
    status: str
    laws: dict[str, str]
    items: list[Item]
    remarks: str = ""
    author: str = ""
    subtitle: str = ""
    builds_on: str | None = None
    builds_on_pos: Pos | None = None
    ikraft: str | None = None
    act: "ActFile | None" = None  # an imported amending act (paragraffer)
    annexes: list = field(default_factory=list)  # a proposal's own annexes (`bilag`: model.Annex)

    @property
    def changes(self) -> list[Change]:
        return [c for it in self.items for c in it.changes]

    @property
    def slug(self) -> str:
        return Path(self.path).stem


def _change(cdata: dict, item: int, index: int, laws: dict[str, str], file: str, pos: _Positions,
            path: tuple) -> Change:
    cpos = pos.value[path]
    positions = {k: pos.value.get(path + (k,), cpos) for k in cdata}
    verbs = [v for v in VERBS if v in cdata and not (v == "overskrift" and "ny" in cdata)]
    c = Change(item, index, "", "", cdata, file, positions, cpos)
    if not verbs:
        raise c.error("ændringen siger ikke, hvad der skal ske",
                      hint="brug en af: " + ", ".join(VERBS))
    if len(verbs) > 1:
        raise c.error(f"ændringen har både »{verbs[0]}« og »{verbs[1]}«", verbs[1],
                      hint="del den op i to ændringer")
    verb = verbs[0]
    c.verb = verb
    _one_line(c, cdata, verb)
    for req in sorted(_REQUIRES[verb]):
        if req == "tekst" and ("som_bilag" in cdata or "fra_bilag" in cdata or cdata.get("ny") == "bilag"):
            continue  # the text is the proposal's own annex (`bilag`): _annex checks it
        if req not in cdata:
            raise c.error(f"»{verb}« kræver »{req}«", verb, hint=f"tilføj »{req}: …«")
    for k in cdata:
        if k in ("lov", verb) or k in _ALLOWS[verb]:
            continue
        raise c.error(f"»{k}« hører ikke til »{verb}«", k,
                      hint=f"til »{verb}« hører: {', '.join(sorted(_ALLOWS[verb] | {'lov'}))}")
    if verb == "ændres" and isinstance(cdata.get("ændres"), str) and isinstance(cdata.get("til"), str):
        from .text import norm

        if norm(cdata["ændres"]) == norm(cdata["til"]):
            # "I § 68 a, stk. 4, ændres »5 års« til: »5 års«." changes nothing: a slip, never a proposal
            raise c.error(f"»ændres« og »til« er de samme ord (»{cdata['til']}«); ændringen ændrer intet", "til",
                          hint="skriv de nye ord i »til«, eller slet ændringen")
    if verb in ("ændres", "udgår") and not cdata.get("overalt") and "i" not in cdata:
        raise c.error(f"»{verb}« kræver »i« (hvor i loven) eller »overalt: true«", verb)
    if verb.startswith("indsættes_") and "i" not in cdata:
        raise c.error(f"»{verb}« kræver »i« (hvor i loven)", verb)
    if "antal" in cdata and "forekomst" in cdata:
        raise c.error("»antal« og »forekomst« kan ikke bruges sammen", "forekomst",
                      hint="»antal« ændrer alle N steder; »forekomst« ændrer kun det N'te")
    _overalt_or_forekomst(c, cdata)
    if "bortset_fra" in cdata and not cdata.get("overalt"):
        raise c.error("»bortset_fra« hører til »overalt: true« (»Overalt i loven bortset fra § 3 ændres …«)",
                      "bortset_fra", hint="tilføj »overalt: true«, eller fjern »bortset_fra«")
    if "bortset_fra" in cdata and "i" in cdata:
        raise c.error("»bortset_fra« bruges kun med »Overalt i loven« (uden »i«)", "bortset_fra",
                      hint="fjern »i«, eller fjern »bortset_fra« og citér kun de enheder, ændringen gælder")
    _counted_keys(c, cdata)
    _annex(c, cdata, verb)  # before the citations: an annex's own message
    _check_citations(c, cdata, verb)
    _one_unit(c, cdata, verb)
    _labels_inside(c, cdata)
    _new_text_shape(c, cdata, verb)
    if verb == "ny":
        if "efter" in cdata and "før" in cdata:
            raise c.error("en ny enhed kan ikke stå både »efter« og »før«", "før")
        if cdata["ny"] == "overskrift":
            # a new mellemrubrik: "Før § 99 indsættes som ny overskrift:" (lov 557/2012, § 1, nr. 60)
            for k in ("i", "nummer", "overskrift"):
                if k in cdata:
                    raise c.error(f"»{k}« hører ikke til »ny: overskrift«", k,
                                  hint="en ny overskrift har »før« eller »efter« (en paragraf) og »tekst«")
            if "før" not in cdata and "efter" not in cdata:
                raise c.error("en ny overskrift kræver »før« eller »efter«, fx før: \"§ 5\"", "ny")
        if cdata["ny"] in ("paragraf", "kapitel", "afsnit") and "nummer" not in cdata:
            raise c.error(f"et nyt {cdata['ny']} kræver »nummer«, fx nummer: \"68 d\"", "ny")
        if cdata["ny"] in ("kapitel", "afsnit") and "overskrift" not in cdata:
            raise c.error(f"et nyt {cdata['ny']} kræver »overskrift«", "ny")
        if "overskrift" in cdata and cdata["ny"] not in ("kapitel", "afsnit"):
            raise c.error("»overskrift« hører kun til ny: kapitel eller ny: afsnit", "overskrift")
    law = cdata.get("lov")
    if law is None:
        if len(laws) != 1:
            raise c.error("forslaget ændrer flere love; angiv »lov«", hint=f"love: {', '.join(laws)}")
        law = next(iter(laws))
    elif law not in laws:
        raise c.error(f"loven »{law}« står ikke under »love«", "lov",
                      hint=f"tilføj den under »love«, eller brug en af: {', '.join(laws)}")
    c.law = law
    return c


_WORD_KEYS = ("ændres", "til", "udgår", "indsættes_efter", "indsættes_før")


def _one_line(c: Change, cdata: dict, verb: str) -> None:
    """Words that are changed, deleted or inserted stand on one line of the law. A value written as
    a block (`til: |`) ends with a line break: that one is dropped, as is white space the loader
    does not fold at the ends (a no-break space copied from Word: `til: "3 års\u00a0"` entered the
    law and the lovforslag printed »3 års «). A line break inside is refused: the engine read
    "3\nårs" as "3 års", while the lovforslag printed »3\nårs\n«."""
    if isinstance(cdata.get("tekst"), str) and cdata["tekst"] != cdata["tekst"].strip():
        cdata["tekst"] = cdata["tekst"].strip()
    keys = _WORD_KEYS + (("tekst",) if verb.startswith("indsættes_") else ())
    for k in keys:
        v = cdata.get(k)
        if not isinstance(v, str) or v == v.strip() and "\n" not in v:
            continue
        v = v.strip()
        if "\n" in v:
            raise c.error(f"»{k}« står på flere linjer; ord, der ændres, udgår eller indsættes, står på én linje",
                          k, hint="skriv ordene på én linje; en ny bestemmelse indsættes med »ny:«, en hel ny "
                                  "tekst med »affattes:«")
        cdata[k] = v


# the label that opens a unit of each level in new text, as the engine splits it (engine._UNIT_LABEL)
_LABELS = {"section": (re.compile(r"^§\s*\d+(?:\s?[a-zæøå]{1,2})?\.(?=\s|$)"), "§", "ny: paragraf"),
           "subsection": (re.compile(r"^Stk\.\s*\d+\.(?=\s|$)"), "stk.", "ny: stk"),
           "paragraph": (re.compile(r"^\d+\s?[a-z]?\)(?=\s|$)"), "nr.", "ny: nr"),
           "point": (re.compile(r"^[a-zæøå]{1,2}\)(?=\s|$)"), "litra", "ny: litra")}


def _one_unit(c: Change, cdata: dict, verb: str) -> None:
    """`affattes` rewrites one §, stk., nr. or litra (lovteknik 1.6): a `tekst` whose lines open two
    ("Stk. 2. …" and "Stk. 3. …") was executed as a rewrite and a new stk., with the followers
    renumbered, while the lovforslag quoted the first only and said nothing of the rest; a second
    "§ 68 bb. …" line became words of the rewritten §."""
    from . import address as addr
    from .errors import AddressError

    if verb != "affattes" or not isinstance(cdata.get("affattes"), str) or not isinstance(cdata.get("tekst"), str):
        return
    try:
        cited = addr.parse_citation(cdata["affattes"])
    except AddressError:
        return  # reported by _check_citations
    a = cited[0].address if len(cited) == 1 and not cited[0].special else None
    if a is None or a.pkt:
        return
    level = "point" if a.point else "paragraph" if a.paragraph else "subsection" if a.subsection \
        else "section" if a.section and not a.section_to else None
    if level is None:
        return
    rx, noun, new = _LABELS[level]
    opened = [ln for ln in cdata["tekst"].splitlines()[1:] if rx.match(ln.strip().replace("\u00a0", " "))]
    if opened:
        raise c.error(f"»affattes: {cdata['affattes']}« nyaffatter ét {noun}, men »tekst« begynder også et nyt "
                      f"({opened[0].strip()[:20]} …)", "tekst",
                      hint=f"skriv de nye med »{new}« for sig, eller brug »ophæves: {cdata['affattes']}« med "
                           "»tekst« (… ophæves, og i stedet indsættes:)")


# a label of a unit that YAML folded into the line before it ("tekst: >-" or a quoted string broken over
# lines): "Stk. N." anywhere but at a line's start (none of the 2,060 corpus documents has one inside a
# line); "5)", "b)" or "§ 68 e." only right after a clause ends, and only as the number that follows the
# line's own opening label ("4) …, 5) …"; an inline list "som 1) har … eller 2) havde" and "jf. § 30 a."
# stay text)
_STK_INSIDE = re.compile(r"(?<=\S)\s+(Stk\.\s*\d+\.)(?=\s|$)")
# "§ 176 a. Stk. 1. I de tilfælde, …" (lov 596/2012 § 1, new § 176 a of serviceloven): a § whose first stk. carries its
# label is one unit, not two folded together
_FIRST_STK = re.compile(r"§\s*\d+(?:\s?[a-zæøå]{1,2})?\.\s+Stk\.\s*1\.$")
_NEXT_INSIDE = {
    "paragraph": (re.compile(r"^(\d+)\s?([a-z]?)\)\s"), re.compile(r"(?:[,;.]|\bog|\beller)\s+((\d+)\s?([a-z]?)\))\s")),
    "point": (re.compile(r"^()([a-zæøå])\)\s"), re.compile(r"(?:[,;.]|\bog|\beller)\s+(()([a-zæøå])\))\s")),
    "section": (re.compile(r"^§\s*(\d+)\s?([a-zæøå]?)\.\s"),
                re.compile(r"(?<!jf)(?<!\bi)(?<!\bog)[.;:]\s+(§\s*(\d+)\s?([a-zæøå]?)\.)\s+(?=[A-ZÆØÅ])")),
}


def _follows(num: str, letter: str, num2: str, letter2: str) -> bool:
    """"5" or "4 a" after "4"; "4 b" or "5" after "4 a"; "b" after "a" (litra: `num` empty)."""
    if not num:
        return len(letter) == 1 and len(letter2) == 1 and ord(letter2) == ord(letter) + 1
    if num2 == str(int(num) + 1) and not letter2:
        return True
    nxt = chr(ord(letter) + 1) if letter else "a"
    return num2 == num and letter2 == nxt


def _labels_inside(c: Change, cdata: dict) -> None:
    """Quotation marks in new text come in pairs (» … «). New text holds one unit per line (docs/format.md): a label inside a line is two units that YAML
    folded into one (`tekst: >-`, or a quoted string broken over lines). Before, "Stk. 2. A.\nStk. 3. B."
    written so became one stk. 2 reading "A. Stk. 3. B." (exit 0); "4) A,\n5) B." one nr. 4."""
    from .text import norm

    for k in ("tekst", "til", "indsættes_efter", "indsættes_før"):
        v = cdata.get(k)
        if not isinstance(v, str):
            continue
        depth = 0
        for ch in v:
            depth += (ch == "»") - (ch == "«")
            if depth < 0:
                break
        if depth:
            # "til: 3 års« og »x": the lovforslag's »…« around the new words then read as another instruction
            # ("ændres »5 års« til: »3 års« og »x«.")
            raise c.error(f"»{k}« har anførselstegn (» og «), der ikke passer sammen: »{v[:60]}«", k,
                          hint="sæt » før og « efter de citerede ord inde i teksten, eller brug ingen")
        for ln in v.splitlines():
            ln = norm(ln).strip()
            found = next((x for x in _STK_INSIDE.finditer(ln) if not _FIRST_STK.match(ln[:x.end()])), None)
            label = found.group(1) if found else None
            for start, inside in _NEXT_INSIDE.values():
                m = start.match(ln)
                if label or not m:
                    continue
                for x in inside.finditer(ln, m.end()):
                    if _follows(m.group(1), m.group(2), x.group(2), x.group(3)):
                        label = x.group(1)
                        break
            if label:
                raise c.error(f"»{label}« står midt i en linje af »{k}«; hver ny enhed skal stå på sin egen "
                              "linje", k, hint="skriv teksten som »tekst: |« (der bevarer linjeskiftene) og hver "
                                               "enhed på sin egen linje; »>-« og en tekst i anførselstegn over flere "
                                               "linjer samler linjerne til én")


_ABOVE = {"pkt": ("section", "subsection", "paragraph", "point"), "litra": ("section", "subsection", "paragraph"),
          "nr": ("section", "subsection"), "stk": ("section",)}
_OWN_LEVEL = {"stk": "subsection", "nr": "paragraph", "litra": "point", "paragraf": "section"}


def _new_text_shape(c: Change, cdata: dict, verb: str) -> None:
    """New text of a stk., nr., litra or punktum (`ny`): it does not open with the label of a higher
    level ("§ 68 c. Ny." as a new stk. was a stk. reading so), a label of its own kind has text ("Stk. 3."
    alone was a new stk. with no text), and a new punktum ends its sentence ("Ny sætning" before 1. pkt.
    ran into it: "Ny sætning Ressourceforløbet skal …"). All were executed with exit 0."""
    from .text import norm

    kind = cdata.get("ny") if verb == "ny" else None
    text = cdata.get("tekst")
    if kind not in _ABOVE and kind != "paragraf" or not isinstance(text, str) or not text.strip():
        return
    lines = [norm(ln).strip() for ln in text.splitlines() if norm(ln).strip()]
    for level in _ABOVE.get(kind, ()):
        m = _LABELS[level][0].match(lines[0])
        if m:
            raise c.error(f"teksten til et nyt {kind}. begynder med »{m.group(0)}«, som er betegnelsen for et "
                          f"{_LABELS[level][1]}", "tekst",
                          hint=f"skriv kun {kind}.s egen tekst, eller brug »{_LABELS[level][2]}«")
    own = _LABELS[_OWN_LEVEL[kind]][0] if kind in _OWN_LEVEL else None
    for i, ln in enumerate(lines):
        m = own.match(ln) if own else None
        if m and not ln[m.end():].strip() and (i + 1 == len(lines) or own.match(lines[i + 1])):
            raise c.error(f"»{m.group(0)}« står uden tekst", "tekst", hint="skriv den nye tekst efter betegnelsen")
    if kind == "pkt" and not lines[-1].rstrip("»«\"')").endswith((".", ":", "!", "?")):
        raise c.error(f"et nyt punktum slutter med punktum (».«): »…{lines[-1][-30:]}«", "tekst",
                      hint="afslut sætningen med ».«; uden det løber punktummet sammen med det næste")


_ANNEX_RX = re.compile(r"^bilag \d+(?: [a-zæøå])?$")
_ANNEX_NR_RX = re.compile(r"^bilag \d+(?: [a-zæøå])?, nr\. \d+$")  # a line "10) …" of the annex


def _annex(c: Change, cdata: dict, verb: str) -> None:
    """An annex change of a hand-written proposal, in the forms the ministries word (changes/annex.py):
    "Bilag 2 affattes som bilag 1 til denne lov." (affattes + som_bilag), "Som bilag 3 indsættes bilag 1
    til denne lov." (ny: bilag + som + fra_bilag), "Bilag 2 ophæves." and word changes "I bilag 1
    ændres »…« til: »…«." A new or rewritten annex's text is the proposal's own annex (`bilag`), one
    annex per change."""
    target = next((cdata[k] for k in ("affattes", "ophæves", "i") if isinstance(cdata.get(k), str)), None)
    is_annex = cdata.get("ny") == "bilag" or (target is not None and target.strip().lower().startswith("bilag"))
    if not is_annex:
        for k in ("som", "som_bilag", "fra_bilag"):
            if k in cdata:
                raise c.error(f"»{k}« hører kun til en ændring af et bilag", k)
        return
    words = verb in ("ændres", "udgår", "indsættes_efter", "indsættes_før")
    if target is not None and not (_ANNEX_RX.match(target.strip()) or (words and _ANNEX_NR_RX.match(target.strip()))):
        key = next(k for k in ("affattes", "ophæves", "i") if cdata.get(k) == target)
        raise c.error(f"»{target}«: et forslag kan kun ændre et helt bilag, skrevet »bilag N«, eller ord i et "
                      "bilag eller i dets »nr. N«", key,
                      hint="fx »bilag 2«; en del af et bilag ændres med ord: i: \"bilag 2\" (eller \"bilag 2, "
                           "nr. 10\") og ændres/til")
    if verb == "affattes" and "som_bilag" not in cdata:
        raise c.error("et bilag nyaffattes som et af forslagets egne bilag: »som_bilag«", "affattes",
                      hint="tilføj »som_bilag: \"1\"« og bilaget under »bilag:« (»Bilag 2 affattes som bilag 1 "
                           "til denne lov.«)")
    if verb == "ny":
        for k in ("i", "efter", "før", "nummer", "overskrift", "tekst"):
            if k in cdata:
                raise c.error(f"»{k}« hører ikke til »ny: bilag«", k,
                              hint="et nyt bilag har »som« (dets nummer) og »fra_bilag« (forslagets bilag)")
        for k in ("som", "fra_bilag"):
            if k not in cdata:
                raise c.error(f"»ny: bilag« kræver »{k}«", "ny",
                              hint="fx som: \"bilag 3\" og fra_bilag: \"1\" (»Som bilag 3 indsættes bilag 1 til "
                                   "denne lov.«)")
        if not _ANNEX_RX.match(str(cdata["som"]).strip()):
            raise c.error(f"»som: {cdata['som']}«: skriv det nye bilags nummer som »bilag N«", "som")
    for k in ("som_bilag", "fra_bilag"):
        if k in cdata and not re.fullmatch(r"\d+", str(cdata[k]).strip()):
            raise c.error(f"»{k}: {cdata[k]}«: ét af forslagets bilag, fx \"1\"", k)
    if "tekst" in cdata and verb in ("affattes", "ophæves"):
        raise c.error(f"»tekst« hører ikke til »{verb}: {target}«", "tekst",
                      hint="et bilags nye tekst står under »bilag:« og nævnes med »som_bilag«")


_COUNT_WORDS = ["et", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti"]
_COUNTED_RX = re.compile(r"(?:^|(?<=\s))(" + "|".join(_COUNT_WORDS) + r")\s+sted(?:er)?\s+i\s+", re.I)


def _check_citations(c: Change, cdata: dict, verb: str) -> None:
    """The citations of a hand-written change: each must read as a citation (address.parse_citation),
    and the forms no amending act of the corpus uses are refused with the form that it uses."""
    import re as _re

    from . import address as addr
    from .errors import AddressError

    for key in _CITING:
        v = cdata.get(key)
        if not isinstance(v, str):
            continue
        counted = _COUNTED_RX.search(v) if key == "i" else None
        if counted:
            # "§ 68 a, stk. 4, og to steder i § 68 a, stk. 6": the engine changed each place as counted, but the
            # lovforslag printed the addresses without the count ("I § 68 a, stk. 4, og § 68 a, stk. 6, ændres …")
            n = _COUNT_WORDS.index(counted.group(1).lower()) + 1
            rest = v[counted.end():].strip()
            raise c.error(f"»{counted.group(0).strip()}« kan ikke stå i »i«" + (
                          "" if counted.start() == 0 else " sammen med andre adresser"), key,
                          hint=f"skriv i: \"{rest}\" og antal: {n}" if counted.start() == 0 else
                               f"skriv ændringen ved den adresse for sig med antal: {n}, og de øvrige adresser i en "
                               "anden ændring")
        try:
            cited = addr.parse_citation(v)
        except AddressError as e:
            raise c.error(e.message, key, hint=e.hint) from None
        if _re.match(_NOTE_RX, v, _re.I):
            raise c.error("lovens fodnote er ikke en del af lawdiffs model af loven", key,
                          hint="skriv ændringen af fodnoten i bemærkningerne")
        words = verb in ("ændres", "udgår", "indsættes_efter", "indsættes_før")
        if len(cited) > 1:
            if any(x.special for x in cited):
                raise c.error(f"»{v}« blander en overskrift eller titlen med andre adresser", key,
                              hint="skriv en ændring for hver")
            if key != "bortset_fra" and not (words or verb == "ophæves"):
                raise c.error(f"»{verb}« kan i et forslag kun have én adresse (»{v}« har {len(cited)})", key,
                              hint="skriv en ændring for hver enhed, eller saml dem i en gruppe (»ændringer:«)")
            if key == "ophæves" and "tekst" in cdata:
                raise c.error("»ophæves« med »tekst« kan i et forslag kun have én adresse", key,
                              hint="ophæv de øvrige enheder i en ændring for sig")
            if key == "i" and ("antal" in cdata and not cdata.get("i_alt") or "forekomst" in cdata):
                raise c.error("»antal« og »forekomst« kan ikke bruges, når »i« har flere adresser", key,
                              hint="skriv en ændring for hver adresse")
            if any(x.der_bliver for x in cited):
                raise c.error("skriv adresserne, som loven står før forslaget, uden »der bliver«", key,
                              hint="lawdiff tilføjer selv »der bliver …« i lovforslagets tekst")
        elif cited and cited[0].der_bliver:
            raise c.error("skriv adressen, som loven står før forslaget, uden »der bliver«", key,
                          hint="lawdiff tilføjer selv »der bliver …« i lovforslagets tekst")
        if key == "i" and cited and cited[0].special and verb not in ("ændres", "udgår", "indsættes_efter",
                                                                         "indsættes_før"):
            raise c.error(f"»i: {v}« kan ikke bruges med »{verb}«", key,
                          hint="en overskrift nyaffattes med »affattes: overskriften før § …« og indsættes "
                               "med »ny: overskrift«")


def _check_changes(raw: dict, pos: _Positions, file: str, problems: list) -> None:
    """Add the errors of every change whose shape the schema accepted (so all are reported)."""
    bad = [p.path for p in problems if p.path is not None]
    if any(not b or b[0] in ("love", "forslag") and len(b) <= 2 for b in bad):
        return  # the frame is broken; the changes cannot be read reliably
    for i, idata in enumerate(raw["forslag"], 1):
        for entry in _entries(idata, i, file, pos, problems):
            j, path, cd, group, sub, of = entry
            if any(b[:len(path)] == path or path[:len(b)] == b for b in bad):
                continue
            try:
                _grouped(_change(cd, i, j, raw["love"], file, pos, path), group, sub, of)
            except ProposalError as e:
                problems.append(e)
        _check_group_laws(raw, i, file, pos, problems)


def _changes_of(idata: dict) -> list:
    """A forslag's `ændringer`, or [] where it is not a list (`ændringer: 5`: the schema's error,
    reported with its line; it was an internal error, TypeError, in check, apply and build)."""
    changes = idata.get("ændringer")
    return changes if isinstance(changes, list) else []


def _entries(idata: dict, i: int, file: str, pos: _Positions, problems: list | None = None):
    """The changes of forslag i in order, a group's changes one by one: (index, path, data, group, sub, of).

    An entry holding only `ændringer` is a nummer group (several changes worded in one nummer, as in
    an imported act; docs/format.md). `index` counts every change of the forslag (1-based)."""
    j = 0
    for g, cd in enumerate(_changes_of(idata), 1):
        path = ("forslag", i - 1, "ændringer", g - 1)
        if isinstance(cd, dict) and "ændringer" in cd:
            inner = cd.get("ændringer") if isinstance(cd.get("ændringer"), list) else []  # else: a schema error
            extra = [k for k in cd if k != "ændringer"]
            p = pos.value.get(path + ((extra[0],) if extra else ()), Pos(1, 1))
            problem = None
            if extra:
                problem = ProposalError(f"forslag {i}, ændring {j + 1}: en gruppe (»ændringer«) har kun sine ændringer;"
                                        f" »{extra[0]}« hører til hver ændring i gruppen", file, p.line, p.col,
                                        hint="flyt nøglen ind i ændringerne")
            elif any(isinstance(x, dict) and "ændringer" in x for x in inner):
                problem = ProposalError(f"forslag {i}, ændring {j + 1}: en gruppe kan ikke indeholde en gruppe",
                                        file, p.line, p.col, hint="skriv ændringerne direkte i den ene gruppe")
            if problem is not None:
                if problems is None:
                    raise problem
                problems.append(problem)
                j += len(inner)
                continue
            secs = {_paragraf_of(x) for x in inner}
            if len(inner) > 1 and (None in secs or len(secs) > 1):
                # lovteknik §9.2 R2: one nummer only for changes in the same paragraf
                p = pos.value.get(path, Pos(1, 1))
                problem = ProposalError(
                    f"forslag {i}, ændring {j + 1}: ændringerne i en gruppe skal stå i samme paragraf (lovteknik R2)",
                    file, p.line, p.col, hint="skriv dem som ændringer for sig, eller som én ændring med flere "
                                              "adresser (i: \"§ 5 og § 7\"), hvis det er den samme ændring")
                if problems is None:
                    raise problem
                problems.append(problem)
            for k, inner_cd in enumerate(inner, 1):
                j += 1
                if k < len(inner) and isinstance(inner_cd, dict) and _has_block(inner_cd):
                    p = pos.value.get(path + ("ændringer", k - 1), Pos(1, 1))
                    problem = ProposalError(
                        f"forslag {i}, ændring {j}: i en gruppe kan kun den sidste ændring have ny tekst "
                        "efter kolon (»… affattes således:«, »… indsættes:«)", file, p.line, p.col,
                        hint="flyt ændringen sidst i gruppen, eller skriv den som en ændring for sig")
                    if problems is None:
                        raise problem
                    problems.append(problem)
                yield j, path + ("ændringer", k - 1), inner_cd, g, k, len(inner)
        else:
            j += 1
            yield j, path, cd, None, 0, 1


def _paragraf_of(cd: dict) -> str | None:
    """The one § a change acts in, read from its citation (None: a heading, the title, "overalt",
    several §§, a new §, or a citation that does not parse — reported elsewhere)."""
    from . import address as addr
    from .errors import AddressError

    if not isinstance(cd, dict) or cd.get("overalt") or cd.get("ny") in ("paragraf", "kapitel", "afsnit", "overskrift"):
        return None
    v = next((cd[k] for k in ("i", "affattes", "ophæves") if isinstance(cd.get(k), str)), None)
    if v is None:
        return None
    m = re.match(r"^(bilag \d+(?: [a-zæøå])?)(?:,|$)", v.strip())
    if m:  # an annex is its own place: the changes of a group in one annex stand together
        return m.group(1)
    try:
        cited = addr.parse_citation(v)
    except AddressError:
        return None
    secs = {c.address.section if c.address and not c.special else None for c in cited}
    return secs.pop() if len(secs) == 1 else None


def _has_block(cd: dict) -> bool:
    """The change is worded with its new text quoted after a colon (so it must end its nummer)."""
    return "affattes" in cd or "ny" in cd or "overskrift" in cd or ("ophæves" in cd and "tekst" in cd)


def _grouped(c: Change, group: int | None, sub: int, of: int) -> Change:
    c.group, c.sub, c.of = group, sub, of
    return c


def _check_group_laws(raw: dict, i: int, file: str, pos: _Positions, problems: list) -> None:
    """A group is one nummer, and a nummer belongs to one ændringsparagraf: one act."""
    laws = raw["love"]
    for g, cd in enumerate(_changes_of(raw["forslag"][i - 1]), 1):
        if not (isinstance(cd, dict) and isinstance(cd.get("ændringer"), list)) or len(laws) < 2:
            continue
        named = {x.get("lov") for x in cd["ændringer"] if isinstance(x, dict)}
        if len(named) > 1:
            p = pos.value.get(("forslag", i - 1, "ændringer", g - 1), Pos(1, 1))
            problems.append(ProposalError(f"forslag {i}: ændringerne i en gruppe skal ændre samme lov "
                                          f"(gruppen nævner {', '.join(sorted(str(x) for x in named))})",
                                          file, p.line, p.col, hint="del gruppen op, én for hver lov"))


def parse_proposal(data: bytes, file: str) -> Proposal:
    raw, pos = load_yaml(data, file, defer=True)
    if not isinstance(raw, dict):
        raise ProposalError("et forslag skal være en nøgle-værdi-tabel (titel:, organisation:, …)", file, 1, 1,
                            hint="start fra eksemplet i README.md")
    # every error at once: the loader's and the schema's, then each change's own (yamlfile.raise_all)
    problems = schema_problems(raw, pos, file, schema())
    if "paragraffer" in raw:  # an imported amending act
        raise_all(problems)
        return _parse_act(raw, pos, file)
    _check_changes(raw, pos, file, problems)
    raise_all(problems)
    items = []
    for i, idata in enumerate(raw["forslag"], 1):
        changes = [_grouped(_change(cd, i, j, raw["love"], file, pos, path), group, sub, of)
                   for j, path, cd, group, sub, of in _entries(idata, i, file, pos)]
        items.append(Item(i, idata["titel"], idata.get("bemærkninger", ""), changes))
    annexes = _own_annexes(raw, items)
    _own_annexes_used(annexes, items, file, pos)
    return Proposal(
        path=file, title=raw["titel"], organisation=raw["organisation"], date=raw["dato"],
        status=raw["status"], laws=dict(raw["love"]), items=items, remarks=raw.get("bemærkninger", ""),
        author=raw.get("forfatter", ""), subtitle=raw.get("undertitel", ""),
        builds_on=raw.get("bygger_på"), builds_on_pos=pos.value.get(("bygger_på",)),
        ikraft=raw.get("ikrafttræden"), annexes=annexes,
    )


# characters of a file name that cannot stand in the site's links to the proposal's page, PDF and
# .docx (forslag/<name>.html, and <name>.docx from the page itself): "#" and "?" cut the link short,
# "%" starts an escape (and `serve` refuses a path that is still %-encoded after decoding), a colon
# makes "javascript:alert(1).docx" a script link (a file proposals/javascript:alert(1).yaml ran
# script when its page's Word link was clicked), a backslash or a control character is a path
# separator or invisible in some browser
_NOT_IN_LINK = re.compile(r"[#?%:\\\x00-\x1f\x7f]")


def _check_name(p: str) -> None:
    stem = Path(p).stem
    bad = _NOT_IN_LINK.search(stem)
    if bad:
        raise ProposalError(f"filnavnet »{Path(p).name}« kan ikke bruges: tegnet »{bad.group()}« kan ikke stå i "
                            "webstedets links til forslaget", p, 1, 1,
                            hint="omdøb filen; brug bogstaver, tal, bindestreg og understregning")


def load_proposal(path: str | Path) -> Proposal:
    from .paths import UnsafePath, read_regular, relative_inside

    p = str(path)
    _check_name(p)
    try:  # a regular file only (never blocks on a FIFO), and never more than MAX_BYTES + 1 bytes read;
        # really in its own folder: proposals/x.yaml as a symlink to /etc/passwd or to a file outside
        # the project was read (and its lines quoted in the errors); a link within the folder is fine
        relative_inside(Path(p).parent, Path(p).name, "filen")
        data = read_regular(p, MAX_BYTES, inside=Path(p).parent, what="forslaget", noun="et forslag")
    except UnsafePath as e:
        raise ProposalError(e.message, p, 1, 1, hint=e.hint) from None
    return parse_proposal(data, p)


# --- an imported amending act (amendments/lov-YYYY-NNN.yaml): paragraffer → numre → changes ----------

ACT_VERBS = ("ændres", "udgår", "indsættes_efter", "indsættes_før", "affattes", "ophæves", "ny")


@dataclass
class Nummer:
    paragraf: str
    nummer: str
    changes: list[Change]
    data: dict
    refused: str | None = None  # ikke_udført: why
    pos: Pos = Pos(1, 1)


@dataclass
class ActFile:
    """The ændringsparagraffer of an imported act, each with its numre (docs/format.md)."""
    source: str
    paragraffer: list[dict]
    numre: list[Nummer]

    def refused(self) -> list[Nummer]:
        return [n for n in self.numre if n.refused]


def _counted_keys(c: Change, cdata: dict) -> None:
    """Keys the change kind would drop without a word (in a proposal and in an amendment file alike)."""
    if cdata.get("kapitelbetegnelsen"):
        # a chapter's label is one; changes/chapterlabel.py read none of these and renamed the chapter anyway
        for k in ("antal", "forekomst", "overalt", "bortset_fra", "i_alt"):
            if k in cdata:
                raise c.error(f"»{k}« hører ikke til »kapitelbetegnelsen« (et kapitel har én betegnelse)", k,
                              hint="fjern »" + k + "«")
    if cdata.get("i_alt") and "antal" not in cdata:
        raise c.error("»i_alt« kræver »antal« (»ændres i alt tre steder«)", "i_alt",
                      hint="tilføj »antal: N«, eller fjern »i_alt«")


def _overalt_or_forekomst(c: Change, cdata: dict) -> None:
    """"Overalt i loven ændres …" changes every place; "forekomst" only the N'th: one of them is a slip
    (in a proposal and in an amendment file alike)."""
    if cdata.get("overalt") and "forekomst" in cdata:
        raise c.error("»overalt: true« og »forekomst« kan ikke bruges sammen", "forekomst",
                      hint="»overalt« ændrer alle steder i loven; »forekomst« (med »i«) kun det N'te sted")


def _act_change(cdata: dict, item: int, index: int, law: str, file: str, pos: _Positions, path: tuple,
                par: str, nr: str, sub: int, of: int) -> Change:
    from . import address as addr
    from .changes import rykning  # noqa: F401  (the kinds' vocabulary lives there)
    from .errors import AddressError

    cpos = pos.value[path]
    positions = {k: pos.value.get(path + (k,), cpos) for k in cdata}
    c = Change(item, index, law, "", dict(cdata), file, positions, cpos, par, nr, sub, of)
    verbs = [v for v in ACT_VERBS if v in cdata]
    if len(verbs) != 1:
        raise c.error("ændringen skal have netop ét udsagn" + (f" (har {', '.join(verbs)})" if verbs else ""),
                      hint="brug en af: " + ", ".join(ACT_VERBS))
    c.verb = verbs[0]
    from .changes.annex import is_note_address

    for key in ("i", "affattes", "ophæves", "bortset_fra"):
        v = cdata.get(key)
        if isinstance(v, str) and not is_note_address(v):
            try:
                addr.parse_citation(v)
            except AddressError as e:
                raise c.error(e.message, key, hint=e.hint) from None
    if c.verb in ("ændres", "udgår", "indsættes_efter", "indsættes_før") and "i" not in cdata \
            and not cdata.get("overalt"):
        raise c.error(f"»{c.verb}« kræver »i« eller »overalt: true«", c.verb)
    _overalt_or_forekomst(c, cdata)
    _counted_keys(c, cdata)
    if c.verb == "ændres" and "til" not in cdata:
        raise c.error("»ændres« kræver »til«", "ændres")
    if c.verb in ("affattes", "indsættes_efter", "indsættes_før") and "tekst" not in cdata \
            and "som_bilag" not in cdata:
        raise c.error(f"»{c.verb}« kræver »tekst«", c.verb)
    _container_label(c, cdata)
    c.data = _engine_view(c.data)
    return c


def _container_label(c: Change, d: dict) -> None:
    """A new chapter's (part's) `nummer` must be the number its text's label prints: the engine
    labels the chapter from `nummer`, so a mismatch would give the law a chapter "Kapitel 13" whose
    text says "Kapitel 13 B" (the importer read only a lower-case letter until 2026-11-25)."""
    if d.get("ny") not in ("kapitel", "afsnit") or "nummer" not in d or not isinstance(d.get("tekst"), str):
        return
    m = re.match(r"^(?:Kapitel|Afsnit) (.+)$", d["tekst"].split("\n", 1)[0])
    if m and canonical_num(str(d["nummer"])).lower() != canonical_num(m.group(1).strip()).lower():
        raise c.error(f"nummer {d['nummer']} passer ikke med tekstens »{m.group(0).strip()}«", "nummer",
                      hint="ret nummeret, så det er det, teksten viser")


def _engine_view(d: dict) -> dict:
    """The change as the engine reads it: a new chapter or part whose text starts with its label and
    heading gets them as `nummer`/`overskrift` (the text keeps the rest); an `i` that is a single
    address stays a string. Nothing here changes what the file says."""
    import re as _re
    out = dict(d)
    if out.get("ny") in ("kapitel", "afsnit") and isinstance(out.get("tekst"), str):
        lines = out["tekst"].split("\n")
        m = _re.match(r"^(?:Kapitel|Afsnit) (.+)$", lines[0])
        if m and len(lines) >= 2:
            out.setdefault("nummer", m.group(1))
            out.setdefault("overskrift", lines[1])
            out["tekst"] = "\n".join(lines[2:])
    # `som` stays: the engine places the new unit so that it gets that number ("som nyt stk. 3" in
    # the middle; "som stk. 9" at the end) and refuses a number that cannot be reached
    return out


def _intro_reads_back(par: dict, pi: int, pos: _Positions, file: str) -> None:
    """An ændringsparagraf's intro as data (lovtitel, henvisning, form, …: changes/intro.py) must word a sentence
    that reads back as the same data: a hand-written `form` that does not fit its title ("I henvisning titel" with
    »lodsloven«) printed "I lov nr. 567 af 9. juni 2006 loven foretages …" in `lawdiff instructions`, exit 0."""
    from .changes import intro

    if "lovtitel" not in par or "indledning" in par or not isinstance(par.get("henvisning"), str):
        return
    keys = ("lovtitel", "henvisning", "som_ændret", "som_ændres", "ental", "form", "komma_før_foretages")
    data = {k: par[k] for k in keys if k in par}
    sentence = intro.format(data)
    if intro.read(sentence) != data:
        p = pos.value.get(("paragraffer", pi, "form" if "form" in par else "lovtitel"), Pos(1, 1))
        raise ProposalError(f"§ {par['nummer']}: indledningen »{sentence}« kan ikke læses tilbage som de samme data "
                            f"(lovtitel, henvisning, form …)", file, p.line, p.col,
                            hint="ret »form« eller »lovtitel«, eller skriv sætningen ordret under »indledning«")


def _parse_act(raw: dict, pos: _Positions, file: str) -> Proposal:
    laws = dict(raw.get("love") or {})
    numre: list[Nummer] = []
    items: list[Item] = []
    for pi, par in enumerate(raw["paragraffer"]):
        law = par.get("lov")
        if law is not None and law not in laws:
            p = pos.value.get(("paragraffer", pi, "lov"), Pos(1, 1))
            raise ProposalError(f"§ {par['nummer']}: loven »{law}« står ikke under »love«", file, p.line, p.col,
                                hint=f"tilføj den under »love«, eller brug en af: {', '.join(laws) or 'ingen'}")
        _intro_reads_back(par, pi, pos, file)
        changes: list[Change] = []
        for ni, entry in enumerate(par["numre"]):
            if "ikke_udført" in entry:
                numre.append(Nummer(par["nummer"], entry["nummer"], [], entry,
                                    refused=entry["ikke_udført"].get("årsag", ""),
                                    pos=pos.value.get(("paragraffer", pi, "numre", ni), Pos(1, 1))))
                continue
            mine = []
            chs = entry["ændringer"]
            for ci, cd in enumerate(chs):
                c = _act_change(cd, pi + 1, len(changes) + 1, law or "", file, pos,
                                ("paragraffer", pi, "numre", ni, "ændringer", ci), par["nummer"],
                                entry["nummer"], ci + 1, len(chs))
                mine.append(c)
                changes.append(c)
            numre.append(Nummer(par["nummer"], entry["nummer"], mine, entry))
        # only acts in the store are executed; the others stay in the file
        items.append(Item(pi + 1, f"§ {par['nummer']}", "", changes if law else []))
    _own_annexes(raw, items)
    act = ActFile(raw.get("kilde", ""), raw["paragraffer"], numre)
    ik = raw.get("ikrafttræden")
    return Proposal(path=file, title=raw["titel"], organisation=raw["organisation"], date=raw["dato"],
                    status=raw["status"], laws=laws, items=items, subtitle=raw.get("undertitel", ""),
                    ikraft=ik if isinstance(ik, str) else None, act=act)


def _own_annexes(raw: dict, items: list[Item]) -> None:
    """Hand the amending act's own annexes (`bilag`) to the changes that cite "bilag N til denne lov"
    (as `_bilag`: changes/annex.py executes them)."""
    from .changes.annex import from_data

    own = [from_data(d) for d in raw.get("bilag") or []]
    for it in items:
        for c in it.changes:
            if "som_bilag" in c.data or "fra_bilag" in c.data:
                c.data["_bilag"] = own
    return own


def _own_annexes_used(annexes: list, items: list[Item], file: str, pos: _Positions) -> None:
    """Each of a hand-written proposal's own annexes (`bilag`) must be named by a change (som_bilag,
    fra_bilag): the lovforslag prints them all after its last §, and an annex no nummer puts into
    the law would stand in the bill without effect (a som_bilag or fra_bilag naming the wrong one)."""
    from .changes.annex import _key, expand

    used = {_key(n) for it in items for c in it.changes for k in ("som_bilag", "fra_bilag")
            if c.data.get(k) is not None for n in expand(str(c.data[k])) or []}
    for k, a in enumerate(annexes):  # "bilag 1 til denne lov" is the first: the bill numbers them in order
        if a.num is None or _key(a.num) != str(k + 1):
            p = pos.value.get(("bilag", k), Pos(1, 1))
            raise ProposalError(f"forslagets bilag nr. {k + 1} under »bilag:« hedder »{a.label}«, men skal hedde "
                                f"»Bilag {k + 1}«: lovforslagets bilag nummereres 1, 2, 3 … i den rækkefølge, de står",
                                file, p.line, p.col, hint="ret betegnelsen eller rækkefølgen (og »som_bilag« / "
                                "»fra_bilag«, der henviser til dem)")
    if used - {_key(a.num) for a in annexes if a.num is not None}:
        return  # a change names an annex the file lacks: its execution says which (changes/annex.py)
    for k, a in enumerate(annexes):
        if a.num is None or _key(a.num) not in used:
            p = pos.value.get(("bilag", k), Pos(1, 1))
            raise ProposalError(f"forslagets »{a.label}« (bilag nr. {k + 1} under »bilag:«) nævnes ikke af nogen "
                                "ændring: det ville stå i lovforslaget uden at blive sat ind i loven", file, p.line,
                                p.col, hint="henvis til det med »som_bilag« eller »fra_bilag« (fx fra_bilag: \"1\"), "
                                "giv det betegnelsen »Bilag N«, eller fjern det")


def select(proposal: Proposal, paragraf: str, numre: list[str]) -> Proposal:
    """The same act with only the given numre of one ændringsparagraf executed (e.g. § 2, nr. 4)."""
    from dataclasses import replace as _replace
    if proposal.act is None:
        raise ProposalError("kun en indlæst ændringslov har ændringsparagraffer", proposal.path)
    items = []
    for it in proposal.items:
        keep = [c for c in it.changes if c.paragraf == paragraf and c.nummer in numre]
        items.append(_replace(it, changes=keep))
    found = {c.nummer for it in items for c in it.changes}
    missing = [n for n in numre if n not in found]
    if missing:
        raise ProposalError(f"§ {paragraf}, nr. {', '.join(missing)} findes ikke eller kan ikke udføres",
                            proposal.path, hint="se lawdiff check for numre markeret ikke_udført")
    return _replace(proposal, items=items)


def load_raw(path: str | Path) -> dict:
    """The file's data as written (after the same checks as load_proposal)."""
    load_proposal(path)
    return load_yaml(Path(path).read_bytes(), str(path))[0]


def check_amendments(folder: Path) -> tuple[list[str], list[str]]:
    """`lawdiff check` for amendments/*.yaml: (errors, notes). Every file must load; every nummer
    marked ikke_udført is listed (informative: it is kept verbatim and never executed)."""
    errors: list[str] = []
    notes: list[str] = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            p = load_proposal(path)
        except ProposalError as e:
            errors.extend(str(x) for x in getattr(e, "errors", [e]))
            continue
        if p.act is None:
            continue
        for n in p.act.refused():
            notes.append(f"{path}:{n.pos.line}: § {n.paragraf}, nr. {n.nummer}: ikke udført: {n.refused}\n"
                         f"  → nummeret står ordret i filen og udføres ikke; skriv det som ændringer i hånden, "
                         f"hvis det skal udføres")
    return errors, notes
