"""Shared value validation: calendar dates, text hygiene, and Danish counts and sizes.

Every value that reaches law text, a file name or a printed date passes through here, wherever
it is read (proposals, statute files, the command line). A check either returns the clean value
or raises `ValueProblem` with a Danish message and hint; the caller adds file:line. This module
imports nothing from lawdiff, so every layer may use it.

- Dates: `iso_date("2021-02-30")` refuses (februar 2021 har 28 dage); `danish_date("21/11/2016")`
  reads the form of a source citation; `source_dates` checks every date inside a citation.
- Text: `clean_text` returns the NFC form and refuses NUL and other control characters,
  bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) and invisible direction
  marks, lone surrogates, noncharacters and U+FFFD (and, in what a drafter types, invisible
  characters the official texts never hold: tag characters, fillers, separators; `_HIDDEN`); `confusable` names a letter that only looks
  Latin (Cyrillic "а" in "§ 68 а", fullwidth "ａ", Arabic-Indic digits), with its position.
- Counts and sizes: `count(1, "konflikt", "konflikter")` -> "1 konflikt"; `byte_size`.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december")


def long_date(iso: str) -> str:
    """'2016-11-21' -> '21. november 2016' (the long form acts and lovforslag print)."""
    y, m, d = iso.split("-")
    return f"{int(d)}. {MONTHS[int(m) - 1]} {y}"


# years a Danish act, proposal or version can carry (Danske Lov is of 1683)
MIN_YEAR, MAX_YEAR = 1600, 2999


class ValueProblem(ValueError):
    """A value that cannot be used. `offset` is the index of the odd character in the value."""

    def __init__(self, message: str, hint: str | None = None, offset: int | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.offset = offset


# --- dates --------------------------------------------------------------------

ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_ISO_HINT = "skriv en dato, der findes, som ÅÅÅÅ-MM-DD, fx 2021-07-01"


def _calendar(y: int, m: int, d: int, shown: str, hint: str) -> _dt.date:
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise ValueProblem(f"»{shown}« er ikke en gyldig dato: året {y} kan ikke bruges "
                           f"(mellem {MIN_YEAR} og {MAX_YEAR})", hint)
    if not 1 <= m <= 12:
        raise ValueProblem(f"»{shown}« er ikke en gyldig dato: der er ingen måned {m} (1-12)", hint)
    last = ((_dt.date(y + (m == 12), m % 12 + 1, 1)) - _dt.timedelta(days=1)).day
    if not 1 <= d <= last:
        raise ValueProblem(f"»{shown}« er ikke en gyldig dato: {MONTHS[m - 1]} {y} har {last} dage", hint)
    return _dt.date(y, m, d)


def iso_date(s: object) -> _dt.date:
    """'2021-07-01' -> date; anything else (wrong form, 30 February, month 13) -> ValueProblem."""
    if isinstance(s, _dt.date):
        s = s.isoformat()
    if not isinstance(s, str):
        raise ValueProblem(f"{s!r} er ikke en dato", _ISO_HINT)
    m = ISO_DATE.fullmatch(s)
    if not m:
        raise ValueProblem(f"»{s}« er ikke en dato på formen ÅÅÅÅ-MM-DD", _ISO_HINT)
    return _calendar(int(m[1]), int(m[2]), int(m[3]), s, _ISO_HINT)


def is_iso_date(s: object) -> bool:
    try:
        iso_date(s)
    except ValueProblem:
        return False
    return True


# "21/11/2016", "1/7/2015", "21-11-2016", "21.11.2016": the forms of a source citation
DANISH_DATE = re.compile(r"(?<![0-9/.-])([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})(?![0-9/.-])")
_DK_HINT = "skriv datoen som DD/MM/ÅÅÅÅ, fx 21/11/2016, og tjek at den findes"


def danish_date(s: str) -> _dt.date:
    """'21/11/2016' -> date; '99/99/2020' -> ValueProblem."""
    m = DANISH_DATE.fullmatch(s.strip())
    if not m:
        raise ValueProblem(f"»{s}« er ikke en dato på formen DD/MM/ÅÅÅÅ", _DK_HINT)
    return _calendar(int(m[4]), int(m[3]), int(m[1]), s.strip(), _DK_HINT)


def source_dates(s: str) -> list[_dt.date]:
    """Every date in a source citation ("LBK nr. 1342 af 21/11/2016"), each a real date.

    A run of digits with slashes that is not a date ("99/99/2020", "21/11/16") is refused too:
    a citation's date is always DD/MM/ÅÅÅÅ.
    """
    out = []
    for m in re.finditer(r"(?<![\w/.-])[0-9]{1,4}(?:[/.-][0-9]{1,4}){2,}(?![\w/-])", s):
        text = m.group().rstrip(".")
        if ISO_DATE.fullmatch(text):
            out.append(iso_date(text))
            continue
        if "/" not in text and not DANISH_DATE.fullmatch(text):
            continue  # "1.2.3" (a numbered item) or "2016-1342-1": not meant as a date
        out.append(danish_date(text))
    return out


# --- text ---------------------------------------------------------------------

_CONTROL_NAMES = {0: "NUL", 0x1b: "ESC", 0x7f: "DEL", 0x85: "NEXT LINE (NEL)"}
# always refused: C0/C1 controls except tab and line breaks, direction overrides and isolates,
# invisible direction marks, surrogates, noncharacters, the replacement character
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                        "\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\ufffd]")


def char_name(ch: str) -> str:
    """'U+0430 CYRILLIC SMALL LETTER A'."""
    o = ord(ch)
    name = _CONTROL_NAMES.get(o) or unicodedata.name(ch, "")
    if not name and unicodedata.category(ch) == "Cc":
        name = "kontroltegn"
    return f"U+{o:04X}" + (f" {name}" if name else "")


def _forbidden_problem(ch: str, i: int) -> ValueProblem:
    o = ord(ch)
    if 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069 or o in (0x200E, 0x200F, 0x061C):
        why, hint = ("et usynligt retningstegn, der kan vende teksten, så den læses anderledes, end den står",
                     "slet tegnet; det er usynligt i de fleste editorer (søg efter det med dets U+-nummer)")
    elif o == 0xFFFD:
        why, hint = ("erstatningstegnet, som står, hvor et tegn er gået tabt ved en forkert tegnkodning",
                     "skriv det rigtige tegn (typisk æ, ø eller å) i stedet")
    elif unicodedata.category(ch) in ("Cc",):
        why, hint = ("et kontroltegn, som ikke kan stå i en lovtekst",
                     "slet tegnet; det kommer typisk fra en kopi fra et andet program")
    else:
        why, hint = "et tegn, der ikke er et gyldigt Unicode-tegn", "slet tegnet"
    return ValueProblem(f"tegn {i + 1} er {char_name(ch)}: {why}", hint, i)


# Invisible characters that are neither white space nor one of the invisibles the official texts
# carry (soft hyphen, zero-width space/joiners, word joiner, BOM: text.norm drops those): in a new
# text they would stand in the law unseen on the page, in the PDF and in Word, and make the words
# differ from what the reader sees. Refused in what a drafter types (proposals, the command line;
# `forbidden`), not in imported statutes (`forbidden_in_file`: the corpus holds none of them, and
# the importer's byte prefilter is bound to _FORBIDDEN): the combining grapheme joiner, Hangul and
# Khmer fillers, Mongolian selectors, the line and paragraph separators (YAML reads them as line
# breaks), invisible operators, deprecated format characters, variation selectors, interlinear
# annotation, musical format characters and tag characters (text hidden in plain sight).
_HIDDEN = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2028\u2029\u2061-\u2064"
                     "\u206a-\u206f\u3164\ufe00-\ufe0f\uffa0\ufff9-\ufffb\U0001d173-\U0001d17a"
                     "\U000e0000-\U000e007f\U000e0100-\U000e01ef]")


def forbidden(s: str) -> ValueProblem | None:
    """The first character of `s` that may never stand in a lawdiff file a drafter writes, or None."""
    m = _FORBIDDEN.search(s)
    h = _HIDDEN.search(s, 0, m.start() if m else len(s))
    if h:
        return ValueProblem(f"tegn {h.start() + 1} er {char_name(h.group())}: et usynligt tegn, som ville stå "
                            f"i teksten uden at kunne ses", "slet tegnet; det er usynligt i de fleste editorer "
                            "(søg efter det med dets U+-nummer)", h.start())
    return _forbidden_problem(m.group(), m.start()) if m else None


_CHARREF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def forbidden_in_file(text: str) -> tuple[int, ValueProblem] | None:
    """The first forbidden character in a whole file (XML or text), also when written as an XML
    character reference (&#x202E;): (index into `text`, problem worded for a file position)."""
    found = []
    m = _FORBIDDEN.search(text)
    if m:
        found.append((m.start(), m.group()))
    if "&#" in text:
        for r in _CHARREF.finditer(text):
            cp = int(r[1], 16) if r[1] else int(r[2])
            if cp <= 0x10FFFF and _FORBIDDEN.match(chr(cp)):
                found.append((r.start(), chr(cp)))
                break
    if not found:
        return None
    at, ch = min(found)
    p = _forbidden_problem(ch, 0)
    return at, ValueProblem(p.message.replace("tegn 1 er", "tegnet", 1), p.hint, at)


# Every character forbidden_in_file refuses is, in UTF-8, a C0 control or DEL byte (what
# `translate` leaves when it deletes _ALL_BUT_C0_DEL), or one of these byte sequences; a
# character reference starts with "&#" (tests/test_review6_statutes.py checks the whole set).
# Each pattern starts with a literal byte, which `bytes.find` looks for with memchr: much faster
# than decoding a file and scanning every character.
_ALL_BUT_C0_DEL = bytes(b for b in range(256) if not ((b < 0x20 and b not in (0x09, 0x0a, 0x0d)) or b == 0x7f))
_ODD_UTF8 = tuple((p[:1], re.compile(p)) for p in (
    b"\xc2[\x80-\x9f]",  # C1 controls
    b"\xd8\x9c",  # U+061C
    b"\xe2(?:\x80[\x8e\x8f\xaa-\xae]|\x81[\xa6-\xa9])",  # bidi marks, overrides, isolates
    b"\xed[\xa0-\xbf]",  # surrogates (not UTF-8 at all)
    b"\xef(?:\xb7[\x90-\xaf]|\xbf[\xbd-\xbf])",  # non-characters, U+FFFD
))


def odd_bytes(data: bytes, parsed: bool = False) -> bool:
    """False when `data`, read as UTF-8, certainly holds no character forbidden_in_file refuses
    (then that need not decode and scan the file: reading a stored version stays as fast).
    `parsed`: the bytes of an XML file libxml2 has parsed, which holds no C0 control but TAB, LF
    and CR (libxml2 refuses them everywhere, also as references): only DEL is looked for.
    The importer's pre-test too (importers/lexdania: the files it reads, before and after parsing).
    Each sequence's first byte is found with memchr and the pattern searched from there; the \xef
    of a BOM is skipped (it opens no sequence), so a file with a BOM is not scanned to its end."""
    if (data.find(b"\x7f") != -1 if parsed else bool(data.translate(None, _ALL_BUT_C0_DEL))) or has_char_ref(data):
        return True
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    for first, r in _ODD_UTF8:
        at = data.find(first, start)
        if at != -1 and r.search(data, at) is not None:
            return True
    return False


def has_char_ref(data: bytes) -> bool:
    """Whether "&#" occurs: each "&" found with memchr (100x faster than data.find(b"&#"); "&" is rare
    in LexDania files: 150 in the corpus). Also the importers' pre-test (lexdania)."""
    i = data.find(b"&")
    while i != -1:
        if data.startswith(b"#", i + 1):
            return True
        i = data.find(b"&", i + 1)
    return False


def index_line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of text[index]."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


# Letters of other scripts that look like Latin letters (Unicode's confusables, the ones a
# keyboard or a copy from a PDF actually produces), and what they look like.
_LOOKALIKE = {
    # Cyrillic
    "а": "a", "в": "B", "е": "e", "к": "k", "м": "M", "н": "H", "о": "o", "р": "p", "с": "c", "т": "T",
    "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "ï", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l",
    "һ": "h", "ё": "ë",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I", "Һ": "H",
    "Ё": "Ë",
    # Greek
    "α": "a", "ο": "o", "ν": "v", "ρ": "p", "τ": "t", "ι": "i", "κ": "k", "υ": "u", "χ": "x", "γ": "y",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # letterlike symbols
    "ℓ": "l",
}
_CANDIDATE = re.compile("[\u0370-\u03ff\u0400-\u052f\u2113\uff21-\uff3a\uff41-\uff5a"
                        "\U0001d400-\U0001d7ff\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\uff10-\uff19]")


# lone Greek letters used as symbols in formulas; ο, ι, κ, υ are never told from Latin letters
_GREEK_SYMBOLS = set("αγνρτχ")


def _looks_like(ch: str) -> str | None:
    """The ASCII/Latin character `ch` is easily taken for, if `ch` is not itself that."""
    if ch in _LOOKALIKE:
        return _LOOKALIKE[ch]
    cat = unicodedata.category(ch)
    if cat == "Nd" and not ("0" <= ch <= "9"):
        return str(unicodedata.digit(ch))  # Arabic-Indic, fullwidth, mathematical digits
    if cat[0] == "L":
        k = unicodedata.normalize("NFKC", ch)
        if k != ch and len(k) == 1 and k.isascii() and k.isalpha():
            return k  # fullwidth ａ, mathematical 𝐚
    return None


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def confusable(s: str) -> ValueProblem | None:
    """The first letter or digit of `s` that only looks like a Latin one, or None.

    A Cyrillic or Greek letter counts when its word also has Latin letters ("аrs" mixes scripts),
    or when every letter of its word has a Latin look-alike and nothing else in `s` is written in
    that script ("§ 68 а" has a lone Cyrillic "а"). Real Greek or Cyrillic text ("Съставено в
    Лугано", "του έτους") and a lone Greek letter used as a symbol ("hvor α = …") are
    not flagged. Fullwidth and mathematical letters and non-ASCII digits always count.
    """
    for m in _CANDIDATE.finditer(s):
        ch, i = m.group(), m.start()
        like = _looks_like(ch)
        if like is None:
            continue
        script = _script(ch)
        if script in ("CYRILLIC", "GREEK"):
            a = i
            while a > 0 and s[a - 1].isalpha():
                a -= 1
            b = i + 1
            while b < len(s) and s[b].isalpha():
                b += 1
            word = s[a:b]
            if not any(_script(c) == "LATIN" for c in word):
                if not all(_looks_like(c) is not None for c in word):
                    continue  # a real word of that script
                if any(_script(c) == script for c in s[:a] + s[b:] if c.isalpha()):
                    continue  # text in that script
                if script == "GREEK" and word in _GREEK_SYMBOLS:
                    continue  # a symbol: "hvor α = kompensation …"
        kind = "ciffer" if unicodedata.category(ch) == "Nd" else "bogstav"
        return ValueProblem(
            f"tegn {i + 1} er {char_name(ch)}, et {kind}, der ligner »{like}« men ikke er det",
            f"skriv »{like}« med et almindeligt tastatur (tegnet kommer typisk fra en kopi)", i)
    return None


def clean_text(s: str, *, look_alikes: bool = True) -> str:
    """`s` in Unicode NFC, or ValueProblem naming the first odd character (offset into the NFC form)."""
    s = unicodedata.normalize("NFC", s)
    problem = forbidden(s) or (confusable(s) if look_alikes else None)
    if problem:
        raise problem
    return s


# --- numbers for tables, counts and sizes ---------------------------------------

def span(value: str | None, what: str = "colspan", limit: int = 1000) -> int:
    """A table cell's colspan/rowspan: a whole number 1..limit (absent or empty: 1)."""
    if value is None or not value.strip():
        return 1
    v = value.strip()
    if not v.isascii() or not v.isdigit() or not 1 <= int(v) <= limit:
        raise ValueProblem(f"{what}=»{value}« er ikke et helt tal mellem 1 og {limit}",
                           f"ret {what} til antallet af kolonner/rækker cellen spænder over")
    return int(v)


def thousands(n: int) -> str:
    """1000120 -> '1.000.120' (Danish digit grouping)."""
    return f"{n:,}".replace(",", ".")


def count(n: int, one: str, many: str) -> str:
    """'1 konflikt', '2 konflikter', '0 konflikter'."""
    return f"{thousands(n)} {one if n == 1 else many}"


def byte_size(n: int) -> str:
    """Exact: '1.000.120 byte' (never rounded, so a limit and a size can be compared)."""
    return f"{thousands(n)} byte"
