"""Danish citations: parse, format and resolve "§ 68 a, stk. 2, nr. 3, litra b, 2. pkt.".

Accepted forms (with or without commas and no-break spaces):

    § 68 a                      § 68 a, stk. 3, 2. pkt.       § 30 a, stk. 3, nr. 2
    § 10, stk. 1, nr. 4, litra b                              §§ 9-12    §§ 9 og 10
    kapitel 12 a                afsnit III                    første bog, femte afsnit
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .errors import AddressError
from .labels import LETTERS, ORDINAL_WORDS, ordinal_container
from .model import Act, Line, Unit
from .text import canonical_num, goes_on, join_lines, norm, split_punktum  # noqa: F401 (canonical_num: re-exported)

_SEC = r"\d+(?:\s?[a-zæøå]{1,2})?"
# "første bog", "første bog, femte afsnit": retsplejeloven's books and their parts, named by ordinal words
_ORD = "(?:" + "|".join(ORDINAL_WORDS) + ")"
_RX = re.compile(
    rf"""^\s*(?:
        (?P<range>§§\s*(?P<r1>{_SEC})\s*(?:-|–|og)\s*(?P<r2>{_SEC}))
      | (?:§\s*(?P<sec>{_SEC})
          (?:\s*,?\s*stk\.\s*(?P<stk>\d+))?
          (?:\s*,?\s*nr\.\s*(?P<nr>\d+\s?[a-z]?))?
          (?:\s*,?\s*litra\s+(?P<litra>[a-zæøå]{{1,3}}))?
          (?:\s*,?\s*(?:(?P<pkt>\d+)\.|(?P<last>sidste))\s*pkt\.?)?)
      | (?:kapitel\s+(?P<chap>\d+(?:\s?[a-zæøå])?))
      | (?:afsnit\s+(?P<part>[IVXLC]+(?:\s?[a-z])?))
      | (?:(?P<book>{_ORD})\s+bog(?:\s*,\s*(?P<bpart>{_ORD})\s+afsnit)?)
    )\s*,?\s*$""",
    re.X | re.I,
)


# --- punktummer: the one count every layer uses (engine, show, blame, rykning) --------------
#
# A line that ends in a word, a number or ")" and a next line of the same text that begins in lower case are
# one punktum the law prints over two lines (LBK 930/2012 § 65, stk. 1, 1. pkt.: "… anerkendelse,
# fyldbyrdelse" / "og samarbejde … kan indbringes for de sociale nævn."). A list label on a line of its own
# ("b)", "17)") neither goes on from the line before nor into the next (LBK 323/2011 § 7, stk. 2: "b)" /
# "en nettoomsætning på 72 mio. kr. og" / "c)" / "et gennemsnitligt …": four punktummer, as before the
# merge of lines; "a)" / "En balancesum …" are two all the same). A line that begins with a comma, full
# stop, semicolon, colon or closing parenthesis goes on from the line before whatever that ends in: the
# LBK broke the punktum for a note (LBK 1657/2015 (økologiloven) § 4, stk. 3, 3. pkt.: "… henholdsvis
# Miljøministeriet" / note 1) / ", Foreningen for Biodynamisk Jordbrug, …, Landbrugsraadet" / note 2) /
# ", Dansk Landbrug" / … / ", den danske detailhandel, … og Dansk Akvakultur.": one punktum over six lines,
# not eight punktummer; "… jf. § 90, stk. 1" / note / "." in LBK 1096/2010). Each line is a boundary
# otherwise (text.count_punktum).
_OPEN_END = re.compile(r"[0-9A-Za-zæøåÆØÅ)]\s*$")
_LOWER_START = re.compile(r"\s*[a-zæøå]")
_LIST_LABEL = re.compile(r"\s*(?:[a-zæøå]{1,3}|\d+)\)")
_LABEL_ONLY = re.compile(r"\s*(?:[a-zæøå]{1,3}|\d+)\)\s*$")


def punktum_spans_of(lines: list[str | None]) -> list[list[tuple[int, int, int]]]:
    """The punktummer of a counting unit's lines (None: a block that is not a line, a table, which no
    punktum crosses) as lists of (index in `lines`, start, end): one span for a punktum on one line, one
    per line for a punktum the law prints over several."""
    out: list[list[tuple[int, int, int]]] = []
    open_end = False
    prev: str | None = None  # the line before, if it holds a punktum
    for i, text in enumerate(lines):
        if text is None:
            open_end, prev = False, None
            continue
        pos = 0
        pieces = split_punktum(text)
        for j, piece in enumerate(pieces):
            # find this piece in the line (the splitter keeps the text, folding white space)
            start = text.find(piece.split(" ", 1)[0], pos)
            end = start
            for word in piece.split(" "):
                end = text.find(word, end) + len(word)
            pos = end
            if j == 0 and out and ((open_end and _LOWER_START.match(text) and not _LIST_LABEL.match(text))
                                   or (prev is not None and goes_on(prev, text))):
                out[-1].append((i, start, end))
            else:
                out.append([(i, start, end)])
        open_end = bool(pieces) and _OPEN_END.search(text) is not None and not _LABEL_ONLY.match(text)
        prev = text if pieces else prev
    return out


def unit_lines(unit: Unit) -> list[tuple[tuple[str, int], str | None]]:
    """((part, index), text or None) for the blocks of a unit's intro and wrap-up, a None between the two
    parts and for a block that is not a line: the input of punktum_spans_of."""
    out: list[tuple[tuple[str, int], str | None]] = []
    for part in ("intro", "wrapup"):
        if out:
            out.append(((part, -1), None))
        out.extend(((part, i), b.text if isinstance(b, Line) else None) for i, b in enumerate(getattr(unit, part)))
    return out


def punktum_spans(unit: Unit) -> list[list[tuple[str, int, int, int]]]:
    """The unit's punktummer as lists of (part, index of the line, start, end) (punktum_spans_of)."""
    lines = unit_lines(unit)
    return [[(*lines[i][0], s, e) for i, s, e in p] for p in punktum_spans_of([t for _, t in lines])]


def punktummer(unit: Unit) -> list[str]:
    """The text of each of the unit's punktummer, a punktum over several lines joined as the law reads it."""
    lines = unit_lines(unit)
    return [join_lines(lines[i][1][s:e] for i, s, e in p) for p in punktum_spans_of([t for _, t in lines])]


# "sidste pkt." (lov 439/2014: "I § 47, stk. 1, sidste pkt., ændres …"): the unit's last punktum in the law as
# cited; `resolve` gives the Target the punktum's number, so that no layer after it sees this value
LAST_PKT = -1


@dataclass(frozen=True)
class Address:
    section: str | None = None
    subsection: str | None = None
    paragraph: str | None = None
    point: str | None = None
    pkt: int | None = None
    section_to: str | None = None  # "§§ 9-12": section="9", section_to="12"
    chapter: str | None = None
    part: str | None = None  # "III"; an ordinal word ("femte") within a book
    book: str | None = None  # an ordinal word: "første" bog

    def __str__(self) -> str:
        if self.book:
            return f"{self.book} bog" + (f", {self.part} afsnit" if self.part else "")
        if self.chapter:
            return f"kapitel {self.chapter}"
        if self.part:
            return f"afsnit {self.part}"
        if self.section_to:
            return f"§§ {self.section}-{self.section_to}"
        parts = [f"§ {self.section}"]
        if self.subsection:
            parts.append(f"stk. {self.subsection}")
        if self.paragraph:
            parts.append(f"nr. {self.paragraph}")
        if self.point:
            parts.append(f"litra {self.point}")
        if self.pkt == LAST_PKT:
            parts.append("sidste pkt.")
        elif self.pkt:
            parts.append(f"{self.pkt}. pkt.")
        return ", ".join(parts)

    def unit_address(self) -> "Address":
        """The same address without its punktum."""
        return replace(self, pkt=None)


# careless spellings of an address, tried only to suggest the intended one in an error's hint
_SUGGEST = [
    (re.compile(r"^\s*(?:paragraf|par\.?)\s*(?=\d)", re.I), "§ "),
    (re.compile(r"§(?=\d)"), "§ "),
    (re.compile(r"\b(Stk|Nr|Litra|Pkt)\b"), lambda m: m.group(1).lower()),
    (re.compile(r"\b(stk|nr)(?=\s)"), r"\1."),
    (re.compile(r"\b(\d+)\.?\s*pkt\b\.?"), r"\1. pkt."),
    (re.compile(r"(\d)\s*,?\s+(?=(?:stk|nr|litra)\b|\d+\. pkt)"), r"\1, "),
]


def _suggestion(text: str, readable=lambda s: _RX.match(s) is not None) -> str | None:
    """The careless spelling's one readable form, or None (only ever a hint; nothing is read leniently)."""
    s = norm(text).strip()
    for rx, repl in _SUGGEST:
        s = rx.sub(repl, s)
    return s if s != norm(text).strip() and readable(s) else None


def parse(text: str) -> Address:
    m = _RX.match(norm(text))
    if not m:
        meant = _suggestion(text)
        raise AddressError(
            f"adressen {text!r} kan ikke læses",
            hint=f'mente du "{meant}"?' if meant else
                 'skriv den som i loven, fx "§ 68 a, stk. 3, 2. pkt.", "§ 30 a, stk. 3, nr. 2", '
                 '"§ 10, stk. 1, nr. 4, litra b" eller "§§ 9-12"')
    g = m.groupdict()
    if g["range"]:
        return Address(section=canonical_num(g["r1"]), section_to=canonical_num(g["r2"]))
    if g["chap"]:
        return Address(chapter=canonical_num(g["chap"]))
    if g["part"]:
        return Address(part=g["part"].upper())
    if g["book"]:
        return Address(book=g["book"].lower(), part=g["bpart"] and g["bpart"].lower())
    return Address(section=canonical_num(g["sec"]), subsection=g["stk"],
                   paragraph=g["nr"] and canonical_num(g["nr"]).replace(" ", ""),
                   point=g["litra"] and g["litra"].lower(),
                   pkt=_pkt(g["pkt"], text) if g["pkt"] else LAST_PKT if g["last"] else None)


def _pkt(num: str, text: str) -> int:
    """A punktum's number; "0. pkt." was read as no punktum: the whole unit was repealed or rewritten."""
    if int(num) < 1:
        raise AddressError(f"{text!r}: der er intet 0. pkt.; punktummer tælles fra 1",
                           hint="skriv punktummets nummer (1. pkt. er det første), eller udelad det for hele enheden")
    return int(num)


# --- ordering of section numbers ------------------------------------------

_KEY = re.compile(r"^(\d+)\s*([a-zæøå]*)$")


def section_key(num: str) -> tuple[int, int]:
    m = _KEY.match(canonical_num(num).lower().replace(" ", ""))
    if not m:
        return (10**9, 0)
    suffix = m.group(2)
    rank = 0
    for ch in suffix:
        rank = rank * 30 + LETTERS.index(ch) + 1
    return (int(m.group(1)), rank)


def _section_span(num: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """A placeholder such as '67 a-67 f' covers a range of numbers."""
    m = re.match(r"^(.+?)\s*(?:-|–|og)\s*(.+)$", num)
    if m:
        return section_key(m.group(1)), section_key(m.group(2))
    k = section_key(num)
    return k, k


# --- resolution ------------------------------------------------------------

@dataclass
class Target:
    """What an address resolves to: one or more units, and maybe a punktum of the first."""
    address: Address
    units: list[Unit]
    pkt_text: str | None = None


def _listing(units: list[Unit]) -> str:
    return ", ".join(u.cite() for u in units) or "ingen"


def section_index(act: Act) -> tuple[list[Unit], dict[str, list[Unit]]]:
    """The act's numbered §§ in order, and by number; built once per act.

    Acts are not changed after they are built (the engine changes a deep copy and
    drops the copied index), so the index is kept on the act.
    """
    idx = act.__dict__.get("_section_index")
    if idx is None:
        secs = [s for s in act.sections() if s.num]
        by_num: dict[str, list[Unit]] = {}
        for s in secs:
            by_num.setdefault(canonical_num(s.num), []).append(s)
        idx = (secs, by_num)
        act.__dict__["_section_index"] = idx
    return idx


def find_section(act: Act, num: str, address: Address) -> Unit:
    want = section_key(num)
    secs, by_num = section_index(act)
    hits = by_num.get(canonical_num(num), [])
    if not hits:
        hits = [s for s in secs if _section_span(s.num)[0] <= want <= _section_span(s.num)[1]
                and _section_span(s.num)[0] != _section_span(s.num)[1]]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise AddressError(f"{address} findes {len(hits)} gange i {act.key}",
                           hint="loven har flere paragraffer med samme nummer; meld det som en fejl i kilden")
    other_case = [s for s in secs if canonical_num(s.num).lower() == canonical_num(num).lower()]
    if other_case:
        # "§ 68 A" where the act has "§ 68 a": only a hint; an address is never read case-blind
        raise AddressError(f"§ {num} findes ikke i {act.key}",
                           hint=f"mente du {_listing(other_case)}? skriv bogstavet som i loven")
    before = [s for s in secs if _section_span(s.num)[1] < want][-2:]
    after = [s for s in secs if _section_span(s.num)[0] > want][:2]
    raise AddressError(f"§ {num} findes ikke i {act.key}",
                       hint=f"nærmeste paragraffer: {_listing(before + after)}")


def _child(parent: Unit, kind: str, num: str, address: Address, path: str) -> Unit:
    kids = [c for c in parent.children if c.kind == kind]
    for c in kids:
        if c.num and c.num.replace(" ", "").lower() == num.replace(" ", "").lower():
            return c
    # a placeholder such as "Stk. 2-6. (Ophævet)" covers a range
    for c in kids:
        m = re.match(r"^(\d+)\s*-\s*(\d+)$", c.num or "")
        if m and num.isdigit() and int(m.group(1)) <= int(num) <= int(m.group(2)):
            return c
    name = {"subsection": "stk.", "paragraph": "nr.", "point": "litra"}[kind]
    have = ", ".join(f"{name} {c.num}" for c in kids) or f"ingen {name}"
    raise AddressError(f"{path} har ikke {name} {num}", hint=f"{path} har: {have}")


def resolve(act: Act, address: Address | str) -> Target:
    """Find the unit(s) an address points to; AddressError names the nearest units."""
    if isinstance(address, str):
        address = parse(address)
    if address.book:
        return Target(address, [_ordinal(act, address)])
    if address.chapter or address.part:
        kind = "chapter" if address.chapter else "part"
        num = address.chapter or address.part
        hits = [u for u in act.walk() if u.kind == kind and u.num
                and canonical_num(u.num).lower() == canonical_num(num).lower()]
        if not hits:
            have = [u for u in act.walk() if u.kind == kind]
            raise AddressError(f"{address} findes ikke i {act.key}", hint=f"loven har: {_containers(act, have)}")
        if len(hits) > 1:  # the source numbers two chapters alike (LBK 810/2012: "Afsnit IV" twice)
            raise AddressError(f"{address} findes {len(hits)} gange i {act.key}",
                               hint="kilden nummererer flere ens; angiv i stedet en § i den rigtige")
        return Target(address, hits)
    if address.section_to:
        lo, hi = section_key(address.section), section_key(address.section_to)
        first = find_section(act, address.section, address)
        last = find_section(act, address.section_to, address)
        secs = section_index(act)[0]
        i, j = secs.index(first), secs.index(last)
        if lo > hi or i > j:
            raise AddressError(f"{address}: intervallet er omvendt", hint="skriv det laveste nummer først")
        return Target(address, secs[i:j + 1])
    unit = find_section(act, address.section, address)
    path = f"§ {unit.num}"
    if address.subsection:
        unit = _child(unit, "subsection", address.subsection, address, path)
        path += f", stk. {address.subsection}"
    elif address.paragraph or address.point or address.pkt:
        # "§ 2, nr. 1" and "§ 42, 2. pkt." cite a § that has only one stk.
        subs = [c for c in unit.children if c.kind == "subsection"]
        if len(subs) != 1:
            raise AddressError(f"{address}: {path} har {len(subs)} stykker", hint="angiv stykket, fx stk. 1")
        unit = subs[0]
    if address.paragraph:
        unit = _child(unit, "paragraph", address.paragraph, address, path)
        path += f", nr. {address.paragraph}"
    if address.point:
        unit = _child(unit, "point", address.point, address, path)
        path += f", litra {address.point}"
    if address.pkt == LAST_PKT:
        pieces = punktummer(unit)
        if not pieces:
            raise AddressError(f"{path} har ingen punktummer")
        return Target(replace(address, pkt=len(pieces)), [unit], pieces[-1])
    if address.pkt:
        pieces = punktummer(unit)
        if address.pkt > len(pieces):
            raise AddressError(f"{path} har ikke {address.pkt}. pkt.",
                               hint=f"{path} har {len(pieces)} punktum{'mer' if len(pieces) != 1 else ''}")
        return Target(address, [unit], pieces[address.pkt - 1])
    return Target(address, [unit])


def _containers(act: Act, units: list[Unit]) -> str:
    """The citations of chapters or parts for a hint; a part of a book named by an ordinal word as it is cited,
    with its book ("første bog, femte afsnit")."""
    book_of = {id(p): b for b in act.walk() if b.kind == "book" and ordinal_container(b.label)
               for p in b.walk() if p.kind == "part"}
    cites = [f"{book_of[id(u)].cite()}, {u.cite()}" if id(u) in book_of and not u.num and ordinal_container(u.label)
             else u.cite() for u in units]
    return ("; " if any("," in x for x in cites) else ", ").join(cites) or "ingen"


def _ordinal(act: Act, address: Address) -> Unit:
    """The book ("første bog") or the part of a book ("første bog, femte afsnit") an address names by
    ordinal words, found by its label ("Første bog.", "Femte afsnit."); exactly one, else AddressError."""
    books = [u for u in act.walk() if u.kind == "book" and ordinal_container(u.label) == ("bog", address.book)]
    if len(books) != 1:
        have = [norm(u.label or "") for u in act.walk() if u.kind == "book" and u.label]
        raise AddressError(f"{address.book} bog findes {'ikke' if not books else f'{len(books)} gange'} i {act.key}",
                           hint=f"loven har: {', '.join(have) or 'ingen bøger'}")
    if not address.part:
        return books[0]
    parts = [u for u in books[0].walk() if u.kind == "part" and ordinal_container(u.label) == ("afsnit", address.part)]
    if len(parts) != 1:
        have = [norm(u.label or "") for u in books[0].walk() if u.kind == "part" and u.label]
        raise AddressError(f"{address} findes {'ikke' if not parts else f'{len(parts)} gange'} i {act.key}",
                           hint=f"{address.book} bog har: {', '.join(have) or 'ingen afsnit'}")
    return parts[0]


def citation(ancestors: list[Unit]) -> str:
    """A unit's citation from its ancestor chain (section first)."""
    return ", ".join(u.cite() for u in ancestors if u.is_provision)


# --- citations: one or several addresses as an amending act writes them ------------
#
# "§ 16, stk. 1, og § 18, stk. 1, 1. pkt."   "§ 31, stk. 1 og 2"   "§ 9, stk. 1-3"
# "§§ 2, 3 og 5"   "§ 3 c, stk. 3, 1. og 2. pkt."   "§ 8 a, stk. 7, der bliver stk. 6, og stk. 8"
# "overskriften før § 128"   "overskriften til kapitel 3"   "lovens titel"   "bilag 1"
#
# A citation is kept as text in an amendment file (it is how the act cites); `parse_citation`
# expands it into the addresses it covers, `scan_citation` finds where one ends in a sentence.

_NUM = r"\d+(?:\s?(?!og\b|i\s(?:lov|kapitel|afsnit|denne|stk|nr|§|bilag))[a-zæøåA-ZÆØÅ]{1,2}\b)?"
_CIT_TOKENS = re.compile(
    rf"""(?P<secs>§§\s?{_NUM})
       | (?P<sec>§\s?{_NUM})
       | (?P<stk>stk\.\s?\d+)
       | (?P<nr>nr\.\s?\d+(?:\s?[a-z]\b)?)
       | (?P<litra>litra\s[a-zæøå]{{1,2}}\b)
       | (?P<pkt>(?:\d+\.|sidste)\s?pkt\.)
       | (?P<ord>\d+\.(?=\s?(?:-|og|,|eller)))
       | (?P<kap>kapitel\s[\dIVXLC]+(?:\s?[a-zæøå]\b)?)
       | (?P<afsnit>afsnit\s[IVXLC]+(?:\s?[a-zæøå]\b)?)
       | (?P<bog>{_ORD}\sbog(?:,\s{_ORD}\safsnit)?)
       | (?P<bilag>bilag\s(?:\d+(?:\s?[a-z]\b)?|[A-ZÆØÅ]\b))
       | (?P<head>(?:overskriften|mellemrubrikken)\s(?:før|til|efter)(?=\s(?:§|kapitel|afsnit|bilag|{_ORD}\sbog)))
       | (?P<titlenote>fodnote(?:n|rne)\stil\slovens\stitel|lovens\sfodnote|fodnote\s\d+\stil\slovens\stitel)
       | (?P<lbilag>lovens\sbilag\s(?:\d+(?:\s?[a-z]\b)?|[A-ZÆØÅ]\b))
       | (?P<title>lovens\stitel)
       | (?P<bare>{_NUM}(?![.\d]))
       | (?P<letter>[a-zæøå](?=,|\s|$|-))
       | (?P<uletter>[A-ZÆØÅ](?=,|\s|$|-))
       | (?P<roman>[IVXLC]+(?=,|\s|$|-))
    """, re.X)  # uletter: an annex's letter after the first ("bilag B-D", "bilag A og B")
_COUNT = r"(?:(?:to|tre|fire|fem|seks|syv|otte|ni|ti)\ssteder|et\ssted)\si\s"  # "og et sted i § 39, stk. 2"
# between the addresses of a list; "og i § 24 e", "og to steder i § 23, stk. 2" give a count per address
_CIT_SEP = re.compile(rf"(?:,\sog\s(?:{_COUNT}|i\s)?|,\s(?:{_COUNT}|i\s(?=§|stk\.\s))?|\s(?:og|eller)\s(?:{_COUNT}|i\s)?|\s?-\s?)")
_DER_BLIVER = re.compile(r",?\s(?:der|som)\sbliver\s")


def scan_citation(text: str, pos: int = 0, single: bool = False) -> int:
    """The end of the citation that starts at `pos` (pos itself when there is none).

    The citation runs as long as address tokens follow each other with Danish separators,
    including ", der bliver …" annotations; a trailing separator is not part of it.
    """
    end = pos
    i = pos
    first = True
    want_token = True
    last = None
    top = None  # single: the level of the first token; ", stk. 8" after "stk. 7, 1. pkt." is a new address
    sep = ""
    while True:
        if not want_token:
            m = None if single else _DER_BLIVER.match(text, i)
            if m:
                j = scan_citation(text, m.end(), single=True)
                if j == m.end():
                    return end
                end = i = j
                continue
            s = _CIT_SEP.match(text, i)
            sep = s.group(0) if s else ""
            if not s or (single and ("og" in sep or sep.endswith("i ")) and (
                    not re.match(r"\d", text[s.end():]) or sep.endswith("i "))):
                return end
            i = s.end()
        t = _CIT_TOKENS.match(text, i)
        if not t or (first and t.lastgroup in ("bare", "letter")) or (t.lastgroup == "letter" and last != "litra"
                                                                      and not _letter_range(last, sep)) \
                or (t.lastgroup == "uletter" and last not in ("bilag", "lbilag") and not (
                    last == "afsnit" and t.group(0) in "IVXLC")) \
                or (t.lastgroup == "roman" and last != "afsnit"):  # "overskriften til afsnit I og III" (lov 1564/2015)
            return end
        if t.lastgroup == "head":  # "overskriften før" is followed by its §/kapitel
            i = t.end() + 1
            want_token = True
            continue
        if single and not first and sep.startswith(",") and "og" not in sep and \
                _LEVEL.get(t.lastgroup, 9) <= (top if top is not None else -1):
            return end  # "der bliver stk. 8, 1. pkt., stk. 8, 1. pkt., der bliver …": the list goes on outside
        if first:
            top = _LEVEL.get(t.lastgroup)
        first = False
        want_token = False
        if t.lastgroup not in ("letter", "uletter"):
            last = t.lastgroup
        end = i = t.end()


def _letter_range(last: str | None, sep: str) -> bool:
    """"§§ 34 c-f" (lov 615/2013 § 1, nr. 71): the end of a range of lettered §§ by its letter alone."""
    return last in ("sec", "secs") and sep.strip() == "-"


_LEVEL = {"lbilag": 0, "sec": 0, "secs": 0, "kap": 0, "afsnit": 0, "bog": 0, "bilag": 0, "title": 0, "titlenote": 0,
          "stk": 1, "nr": 2, "litra": 3, "pkt": 4, "ord": 4}


def _spread(a: str, b: str) -> list[str] | None:
    if a.isdigit() and b.isdigit() and int(a) <= int(b):
        # no unit has thousands of stk., nr. or punktummer: "stk. 1-99999999" hung (not read)
        return [str(n) for n in range(int(a), int(b) + 1)] if int(b) - int(a) <= 5000 else None
    if len(a) == 1 and len(b) == 1 and a in LETTERS and b in LETTERS and a <= b:
        return list(LETTERS[LETTERS.index(a):LETTERS.index(b) + 1])
    m, n = re.fullmatch(r"(\d+) ([a-zæøå])", a), re.fullmatch(r"(\d+) ([a-zæøå])", b)
    if m and n and m.group(1) == n.group(1) and m.group(2) <= n.group(2):
        # "kapitel 4 b-4 d" (lov 334/2015 § 2, nr. 4): the letters of one number; each is resolved on its own, so
        # a letter the act lacks is refused, not skipped
        lo, hi = LETTERS.index(m.group(2)), LETTERS.index(n.group(2))
        return [f"{m.group(1)} {x}" for x in LETTERS[lo:hi + 1]]
    upper = LETTERS.upper()  # annexes lettered "Bilag A", "Bilag B": "bilag B-D"
    if len(a) == 1 and len(b) == 1 and a in upper and b in upper and a <= b:
        return list(upper[upper.index(a):upper.index(b) + 1])
    return None


@dataclass(frozen=True)
class Cited:
    """One address of a citation; `special` for units that are not provisions."""
    address: Address
    special: str | None = None  # "overskriften før", "overskriften til", "mellemrubrikken før", "lovens titel",
    #                               "fodnoten til lovens titel", "bilag"
    bilag: str | None = None
    der_bliver: str | None = None
    # ("stk", "3", "5") for an address a range of numbers "stk. 3-5" gave (range_gap)
    spread: tuple[str, str, str] | None = field(default=None, compare=False)

    def __str__(self) -> str:
        if self.special in ("lovens titel", "fodnoten til lovens titel"):
            return self.special
        if self.special and self.special.endswith("bilag"):
            return f"{self.special} {self.bilag}"
        base = str(self.address)
        return f"{self.special} {base}" if self.special else base


def parse_citation(text: str) -> list[Cited]:
    """Every address a citation covers, in order; AddressError if it is not a citation."""
    src = norm(text).strip().rstrip(",")
    if scan_citation(src, 0) != len(src):
        meant = _suggestion(src, lambda s: scan_citation(s, 0) == len(s))
        raise AddressError(f"henvisningen {text!r} kan ikke læses",
                           hint=f'mente du "{meant}"?' if meant else
                                'skriv den som i en ændringslov, fx "§ 16, stk. 1, og § 18, stk. 1, 1. pkt."')
    out: list[Cited] = []
    path: dict[str, str] = {}
    level = -1
    special: str | None = None
    pending_range = False
    after_head = False
    last_kind = None
    rng: tuple[str, str, str, list[str]] | None = None  # the range of numbers being emitted ("nr", "3", "5", […])

    def emit() -> None:
        if not path:
            return
        if "title" in path or "titlenote" in path:
            out.append(Cited(Address(), special="lovens titel" if "title" in path else "fodnoten til lovens titel"))
        elif "bilag" in path:
            out.append(Cited(Address(), special=f"{special} bilag" if special else "bilag", bilag=path["bilag"]))
        elif "kap" in path:
            out.append(Cited(Address(chapter=canonical_num(path["kap"])), special=special))
        elif "afsnit" in path:
            out.append(Cited(Address(part=path["afsnit"].upper()), special=special))
        elif "bog" in path:
            out.append(Cited(parse(path["bog"]), special=special))
        elif "secs_to" in path:
            out.append(Cited(Address(section=canonical_num(path["sec"]), section_to=canonical_num(path["secs_to"]))))
        else:
            out.append(Cited(Address(section=canonical_num(path["sec"]) if "sec" in path else None,
                                     subsection=path.get("stk"), paragraph=path.get("nr"), point=path.get("litra"),
                                     pkt=(LAST_PKT if path["pkt"] == "sidste" else _pkt(path["pkt"], text))
                                     if "pkt" in path else None), special=special,
                             spread=rng[:3] if rng and path.get(rng[0]) in rng[3] else None))

    i = 0
    while i < len(src):
        m = _DER_BLIVER.match(src, i)
        if m and out is not None and path:
            j = scan_citation(src, m.end(), single=True)
            emit()
            out[-1] = replace(out[-1], der_bliver=src[m.end():j])
            path = {k: v for k, v in path.items()}
            path["_emitted"] = "1"
            i = j
            continue
        s = _CIT_SEP.match(src, i)
        if s and i > 0:
            pending_range = "-" in s.group(0)
            if s.group(0).endswith(" i ") and special:
                # "overskriften til kapitel 2 og i § 2, stk. 1, …" (lov 322/2016): "i" opens a new place,
                # which is not a heading: the heading wording ends here
                if path and "_emitted" not in path:
                    emit()
                    path = {"_emitted": "1"}
                special = None
            i = s.end()
        t = _CIT_TOKENS.match(src, i)
        if not t:
            raise AddressError(f"henvisningen {text!r} kan ikke læses ved {src[i:i + 20]!r}")
        kind, val = t.lastgroup, t.group(0)
        i = t.end()
        if kind == "head":
            if path and "_emitted" not in path:
                emit()
                path = {"_emitted": "1"}
            special = re.sub(r"\s+", " ", val)
            after_head = True
            i += 1
            continue
        if kind == "letter" and pending_range and last_kind in ("sec", "secs") and "sec" in path:
            if not re.search(r"\d\s?[a-zæøåA-ZÆØÅ]{1,2}$", path["sec"]):
                # "§ 68-b": no lettered § to take the number from (it was read as §§ 68-68 b and all three repealed)
                raise AddressError(f"intervallet i {text!r} kan ikke læses: »-{val}« kan kun slutte et interval, der "
                                   "begynder med en paragraf med bogstav (»§§ 34 c-f«)",
                                   hint="skriv begge ender af intervallet (fx »§§ 68-68 b«)")
            val = re.sub(r"\s?[a-zæøåA-ZÆØÅ]{1,2}$", "", path["sec"]) + " " + val  # "§§ 34 c-f": the end is § 34 f
        fresh, after_head = after_head, False  # the unit right after "overskriften før"
        if kind in ("bare", "letter", "uletter", "roman"):
            kind = last_kind or "sec"
            if kind == "secs":
                kind = "sec"
        num = re.sub(r"^(§§|§|stk\.|nr\.|litra|kapitel|afsnit|bilag|lovens\sbilag)\s?", "", val)
        num = re.sub(r"\.?\s?(pkt\.)?$", "", num) if kind in ("pkt", "ord") else num
        if kind == "nr":
            num = num.replace(" ", "")
        key = {"secs": "sec", "ord": "pkt", "lbilag": "bilag"}.get(kind, kind)
        lvl = _LEVEL[kind]
        if pending_range and last_kind is not None and key in path and "_emitted" not in path:
            lo = path[key]
            spread = _spread(lo, num) if key != "sec" else None

            if key == "sec" or spread is None:
                if key == "sec":
                    path["secs_to"] = num
                    emit()
                    path = {"_emitted": "1", **{k: v for k, v in path.items() if k != "secs_to"}}
                    pending_range = False
                    last_kind = kind
                    level = lvl
                    continue
                raise AddressError(f"intervallet {lo}-{num} i {text!r} kan ikke læses")
            rng = (key, lo, num, spread) if key in ("stk", "nr") and lo.isdigit() and num.isdigit() else None
            for n in spread[1:]:
                emit() if n == spread[1] else None
                path[key] = n
                if n != spread[-1]:
                    emit()
            pending_range = False
            last_kind = kind
            continue
        pending_range = False
        if "_emitted" not in path and path and lvl <= level:
            emit()
        if rng and lvl <= _LEVEL[rng[0]]:
            rng = None
        path.pop("_emitted", None)
        if lvl == 0:
            path = {}
            if kind not in ("kap", "afsnit", "bog", "bilag", "lbilag") or not special:
                special = None if kind not in ("sec", "secs") or not special else special
            if special and not fresh and t.lastgroup in ("sec", "secs", "kap", "afsnit"):
                # "overskriften før § 49 og § 49", "overskriften til kapitel 9, § 49, § 51, stk. 1" (lov 132/2016),
                # "overskriften før § 75 og §§ 75 og 76" (lov 894/2013 § 1, nr. 6): a § or chapter cited with its own
                # "§"/"kapitel" after a heading is the unit itself, as every real act and LBK note writes it (two
                # headings are "overskrifterne før §§ 12 og 13", "overskriften før §§ 36 og 36 a", "overskriften
                # til kapitel 3, før § 10 og til kapitel 14"); only a bare number goes on naming headings
                special = None
        else:
            path = {k: v for k, v in path.items() if _LEVEL.get(k, 0) < lvl or k in ("sec",)}
        path[key] = num if kind not in ("title", "titlenote") else "1"
        level = lvl
        last_kind = kind
    if "_emitted" not in path:
        emit()
    if len(out) > 1 and any(c.address.pkt == LAST_PKT for c in out):
        # "1. og sidste pkt." is one punktum where the unit has one: refused rather than changed twice
        raise AddressError(f"henvisningen {text!r} nævner »sidste pkt.« i en liste af steder",
                           hint="nævn punktummet ved sit nummer, eller skriv en ændring for sig")
    return out


_RANGE_KIND = {"stk": "subsection", "nr": "paragraph"}
_SECS_THEN_PART = re.compile(r"§§?\s?\d+(?:\s?[a-zæøå])?\s?-\s?(?:\d+)?(?:\s?[a-zæøå])?\s?,\s?"
                             r"(stk\.\s?\d+|nr\.\s?\d+(?:\s?[a-z]\b)?|litra\s[a-zæøå]{1,2}\b|\d+\.\s?pkt\.)")


def range_gap(act: Act, text) -> str | None:
    """Why a citation's range of numbers "nr. 3-4" cannot be executed on `act`, or None: parse_citation spreads
    it to nr. 3 and 4, and the unit has lettered nr. between them that the numbers leave out (nr. 3 a of
    selskabsskatteloven § 1, stk. 1, LBK 1164/2016: "I § 1, stk. 1, nr. 3-4, ændres …" changed nr. 3 and 4 and left
    3 a, exit 0); the chapters of "kapitel 4-5" likewise (chapter_range_gap)."""
    gap = chapter_range_gap(act, text)
    if gap is not None or not isinstance(text, str) or "-" not in text:
        return gap
    m = _SECS_THEN_PART.search(norm(text))
    if m:
        # "§§ 68 a-68 c, stk. 2" (and instrlist3's "§ 68 a-c, stk. 2") was read as all of §§ 68 a-68 c and § 68 a,
        # stk. 2: whether each §'s stk. 2 is meant is not said
        return (f"»{m.group(0)}« nævner et interval af paragraffer og derefter {m.group(1)}; om det er {m.group(1)} i "
                "hver af dem, siger henvisningen ikke sikkert")
    try:
        cits = parse_citation(text)
    except AddressError:
        return None
    for c in cits:
        if c.spread is None or c.special:
            continue
        key, lo, hi = c.spread
        up = replace(c.address, subsection=None if key == "stk" else c.address.subsection, paragraph=None,
                     point=None, pkt=None)
        try:
            parent = resolve(act, up).units[0]
        except AddressError:
            continue
        extra = [f"{m.group(1)} {m.group(2)}" for u in parent.children if u.kind == _RANGE_KIND[key] and u.num
                 for m in [_KEY.match(u.num.strip().lower())] if m and m.group(2) and int(lo) <= int(m.group(1)) < int(hi)]
        if extra:
            where = str(up) if up.section else "stedet"
            return (f"»{key}. {lo}-{hi}« i {where} nævner {key}. {lo} til {hi}, men der står også {key}. "
                    f"{', '.join(extra)} imellem; om de er med, siger henvisningen ikke sikkert")
    return None


_CHAPTERS = re.compile(r"\bkapitel\s([^§]*)", re.I)  # "kapitel 2-5, " up to a § ("og kapitel 7-11" again)
_NUM_RANGE = re.compile(r"(\d+)\s?-\s?(\d+)\b(?!\s?[a-zæøå]\b)")


def chapter_range_gap(act: Act, text) -> str | None:
    """Why a citation's range of chapters "kapitel 4-5" cannot be executed on `act`, or None: parse_citation
    spreads it to chapters 4 and 5, and the act has chapters between them that the numbers leave out ("4 a",
    "4 b", "4 c" in LBK 1050/2012; "Kapitel 4-5 ophæves." repealed 4 and 5 and left them, exit 0)."""
    if not isinstance(text, str) or "apitel" not in text:
        return None
    for m in (r for k in _CHAPTERS.finditer(norm(text)) for r in _NUM_RANGE.finditer(k.group(1))):
        lo, hi = int(m.group(1)), int(m.group(2))
        # (between: "4 a" after 4, up to the last letter before 5; "5 a" comes after the range)
        extra = [u.num for u in act.walk() if u.kind == "chapter" and u.num and _KEY.match(u.num.lower())
                 and lo <= int(_KEY.match(u.num.lower()).group(1)) < hi and not u.num.strip().isdigit()]
        if extra:
            return (f"»kapitel {lo}-{hi}« nævner kapitel {lo} til {hi}, men loven har også kapitel "
                    f"{', '.join(extra)} imellem; om de er med, siger henvisningen ikke sikkert")
    return None
