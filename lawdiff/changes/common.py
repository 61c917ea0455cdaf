"""What the change kinds share: a cursor over a nummer's sentence, quotes, locations."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..address import scan_citation

COUNT_WORDS = {1: "et", 2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks", 7: "syv", 8: "otte", 9: "ni", 10: "ti"}
COUNT_OF = {v: k for k, v in COUNT_WORDS.items()}


class Unreadable(Exception):
    """A nummer whose wording cannot be read with certainty (the reason is Danish)."""


# Reader.rx's compiled patterns (re.compile's own cache lookup was ~230,000 calls per corpus import).
_COMPILED: dict[str, re.Pattern] = {}


@dataclass
class Reader:
    """A cursor over one nummer's instruction text, with the warnings of what it repaired."""
    text: str
    pos: int = 0
    warnings: list[str] = field(default_factory=list)

    def rest(self) -> str:
        return self.text[self.pos:]

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def lit(self, s: str) -> bool:
        if self.text.startswith(s, self.pos):
            self.pos += len(s)
            return True
        return False

    def rx(self, pattern: str) -> re.Match | None:
        rx = _COMPILED.get(pattern)
        if rx is None:  # the patterns are the readers' literals: a bounded set
            rx = _COMPILED[pattern] = re.compile(pattern)
        m = rx.match(self.text, self.pos)
        if m:
            self.pos = m.end()
        return m

    def quote(self) -> str | None:
        """»…« at the cursor; a closing » written for « is repaired when unambiguous."""
        if not self.text.startswith("»", self.pos):
            return None
        end = self.text.find("«", self.pos + 1)
        nxt = self.text.find("»", self.pos + 1)
        if nxt != -1 and (end == -1 or nxt < end):
            inner = self._nested()
            if inner is not None:
                return inner
            # "»afgørelse»: »…«" — a » where « belongs, directly before the sentence goes on
            after = self.text[nxt + 1:nxt + 3]
            if after[:1] in (":", ",", ".", " ") and not (end != -1 and self.text[nxt + 1:end].strip() == ""):
                if after.startswith(":") or after.startswith(" til") or after.startswith(" "):
                    self.warnings.append(f"»{self.text[self.pos + 1:nxt]}» har » i stedet for « i kilden; læst som »…«")
                    q = self.text[self.pos + 1:nxt]
                    self.pos = nxt + 1
                    return q
            raise Unreadable("citationstegnene »…« passer ikke sammen")
        if end == -1:
            raise Unreadable("et citat »… lukkes aldrig med «")
        q = self.text[self.pos + 1:end]
        self.pos = end + 1
        return q

    def _nested(self) -> str | None:
        """»…»…«…« at the cursor: a quotation holding a quotation (»»Min Plan««, 2014-1486), when
        the marks pair up and the sentence goes on as after a quote; else None."""
        depth = 0
        for i in range(self.pos, len(self.text)):
            c = self.text[i]
            depth += 1 if c == "»" else -1 if c == "«" else 0
            if depth == 0:
                after = self.text[i + 1:i + 2]
                if after in ("", ".", ",", ":", " "):
                    q = self.text[self.pos + 1:i]
                    self.pos = i + 1
                    return q
                return None
        return None

    def citation_single(self) -> str | None:
        end = scan_citation(self.text, self.pos, single=True)
        if end == self.pos:
            return None
        c = self.text[self.pos:end]
        self.pos = end
        return c

    def citation(self) -> str | None:
        end = scan_citation(self.text, self.pos)
        if end == self.pos:
            return None
        c = self.text[self.pos:end]
        self.pos = end
        return c


def steder(n: int) -> str:
    """'to steder', 'et sted'."""
    return f"{COUNT_WORDS[n]} {'sted' if n == 1 else 'steder'}"


def needs_comma(citation: str) -> bool:
    """'I § 68 a, stk. 4, ændres' but 'I § 42 ændres' and 'I § 4, stk. 3, og § 5 ændres'."""
    return "," in citation.rsplit("§", 1)[-1]


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def uncap(s: str) -> str:
    return s[:1].lower() + s[1:]


def q(s: str) -> str:
    return f"»{s}«"


# --- locations: "I § 5, stk. 2, der bliver stk. 3," / "To steder i …" / "Overalt i loven" ----------

_RELATIVE = re.compile(r"^(?:stk\.|nr\.|litra|\d+\.|sidste pkt\.)")  # ("og sidste pkt. ophæves", forms2)


def parts(citation: str) -> list[str]:
    return citation.split(", ")


_ORDER = ["§", "stk.", "nr.", "litra", "pkt."]


def _level(part: str) -> int:
    for i, w in enumerate(_ORDER):
        # ("sidste pkt.", forms2: "…, og sidste pkt. ophæves" was read as a § and refused as "§ None, sidste pkt.")
        if part.startswith(w) or (w == "pkt." and re.match(r"\d+\.|sidste pkt\.", part)):
            return i
    return 0


_COUNTED = re.compile(r"^(?:et|to|tre|fire|fem|seks|syv|otte|ni|ti) ste(?:d|der) i ")


def absolute(rel: str, prev: str) -> str:
    """'3. pkt.' cited after '§ 91 a, stk. 2, 1. pkt.' is '§ 91 a, stk. 2, 3. pkt.'; after a list, the
    parts `rel` takes over must be one: 'stk. 1, 2. pkt.' after '§ 26, stk. 1, 1. pkt., og stk. 2,
    2. pkt.' is '§ 26, stk. 1, 2. pkt.' (lov 1717/2016), but '2. pkt.' after '§ 26, stk. 1
    og 2' (or 'stk. 1, og stk. 2', 'stk. 4, 3. pkt., stk. 5 og stk. 6') could be either stk.'s: refused.
    (It was read as '§ 26, 2. pkt.', or as stk. 1 and stk. 2, 2. pkt., or as the first stk.)"""
    need = _level(rel)
    idx = prev.rfind("§")  # the last address of prev, from its last "§"
    if idx > 0 and "§" in prev[:idx]:
        # "stk. 3" after "§ 26 og § 27, stk. 2" could be either paragraf's (it was read as § 27's)
        raise Unreadable(f"»{rel}« henviser til »{prev}«, der nævner flere steder; det er ikke sikkert, "
                         "hvilket af dem der menes")
    last = prev[idx:] if idx >= 0 else prev
    cur: dict[int, str] = {}
    prev_level = -1
    for p in parts(last):
        joined = re.match(r"(?:og|eller) ", p)
        unit = _COUNTED.sub("", p[joined.end():] if joined else p)  # "og to steder i 4. pkt." (lov 268/2014)
        lv = _level(unit)
        # a part that starts another address of a list ("og stk. 2", or "stk. 5" after "stk. 4, 3. pkt."),
        # or a list in one part ("stk. 1 og 2", "stk. 1-3"), at a level rel takes over: more than one place
        if lv < need and (joined or lv <= prev_level or re.search(r" og | eller |-", unit)):
            raise Unreadable(f"»{rel}« henviser til »{prev}«, der nævner flere steder; det er ikke sikkert, "
                             "hvilket af dem der menes")
        cur = {k: v for k, v in cur.items() if k < lv}
        cur[lv] = unit
        prev_level = lv
    return ", ".join([cur[k] for k in sorted(cur) if k < need] + [rel])


def relative(full: str, prev: str, keep: bool | int = True) -> str:
    """The inverse of `absolute`: drop the leading parts `full` shares with `prev`'s last address
    (or, with keep=N, print the last N parts of the address: "og i stk. 1, nr. 3,")."""
    f = parts(full)
    if keep is not True:
        return ", ".join(f[-keep:])
    idx = prev.rfind("§")
    last = parts(prev[idx:] if idx >= 0 else prev)
    n = 0
    while n < len(f) - 1 and n < len(last) and f[n] == last[n]:
        n += 1
    return ", ".join(f[n:])


def shortened(rel: str, full: str, prev: str) -> bool | int:
    """How an abbreviated citation is recorded: True when `relative` gives it back, else its part count."""
    return True if relative(full, prev) == rel else len(parts(rel))


def is_relative(citation: str) -> bool:
    return bool(_RELATIVE.match(citation))


def _split_der_bliver(r: Reader, c: str) -> str:
    """One address with its new number ("§ 5, stk. 4, der bliver stk. 5"): the citation without
    the "der bliver" part, which is read apart (in a list it stays inline)."""
    # (" bliver " first: the pattern needs it, and nearly no citation has it)
    m = re.search(r",? (der|som) bliver ", c) if " bliver " in c else None
    if m and scan_citation(c, m.end(), single=True) == len(c):
        r.pos -= len(c) - m.start()
        return c[:m.start()]
    return c


def _read_der_bliver(r: Reader, out: dict) -> None:
    """", der bliver stk. 5" / ", som bliver …" after a citation, into der_bliver (and som_bliver)."""
    m = r.rx(r",? (der|som) bliver ")
    if m:
        d = r.citation_single()
        if not d:
            raise Unreadable("»der bliver« følges ikke af en henvisning")
        out["der_bliver"] = d
        if m.group(1) == "som":
            out["som_bliver"] = True


def _end_of_citation(r: Reader, c: str, out: dict, start: int) -> bool:
    """The comma and space after a citation `c`: a comma where house style has none, or none where
    it has one, is recorded as `komma`; without the space the citation is not one (the reader
    goes back to `start`)."""
    comma = r.lit(",")
    if comma != (needs_comma(c) or "der_bliver" in out):
        out["komma"] = comma
    if not r.lit(" "):
        r.pos = start
        return False
    return True


def read_location(r: Reader, first: bool, prev: dict | None) -> dict | None:
    """The place a change of words (or a new stk./nr./pkt.) acts on, or None."""
    start = r.pos
    loc: dict = {}
    m = r.rx(r"(Overalt|overalt) i loven")
    if m:
        loc["overalt"] = True
        b = r.rx(r"(,)? bortset fra (i )?")
        if b:
            c = r.citation()
            if not c:
                raise Unreadable("»bortset fra« følges ikke af en henvisning")
            loc["bortset_fra"] = c
            closing = r.lit(",")
            if not r.lit(" "):
                raise Unreadable("»bortset fra …« følges ikke af et udsagnsord")
            if not b.group(1) or not closing or b.group(2):
                loc["bortset_form"] = (b.group(1) or "") + "|" + (b.group(2) or "") + "|" + ("," if closing else "")
            return loc
        if not r.lit(" "):
            r.pos = start
            return None
        return loc
    m = r.rx(r"(Overalt|overalt) i (?=§|stk\.|nr\.)")
    if m:
        loc["overalt"] = True
    else:
        m = r.rx(r"(I|i|(Et|To|Tre|Fire|Fem|Seks|Syv|Otte|Ni|Ti|et|to|tre|fire|fem|seks|syv|otte|ni|ti) ste(?:d|der) i) ")
        if not m and first and r.text.startswith("§", r.pos):
            # "§ 12, stk. 1, ændres »…« til: »…«." (the "I" left out, a typo): only before a verb
            # that acts on words or inserts into the unit, never "§ 5 ophæves" (a repeal)
            end = scan_citation(r.text, r.pos)
            if end > r.pos and re.compile(r",? (ændres|udgår|indsættes) ").match(r.text, end):
                loc["uden_i"] = True  # warned about by nummer._clause when the clause is read so
                m = True
        if not m:
            return None
        if m is not True and m.group(2):
            loc["antal"] = COUNT_OF[m.group(2).lower()]
    c = r.citation()
    if not c:
        r.pos = start
        return None
    c = _split_der_bliver(r, c)
    if is_relative(c):
        if not prev or not place(prev):
            raise Unreadable(f"»{c}« henviser til et sted, der ikke er nævnt før i nummeret")
        loc["i"] = absolute(c, place(prev))
        loc["forkortet"] = shortened(c, loc["i"], place(prev))
    else:
        loc["i"] = c
    _read_der_bliver(r, loc)
    if not _end_of_citation(r, c, loc, start):
        return None
    return loc


def format_location(ch: dict, prev: dict | None, first: bool) -> str:
    if ch.get("delt"):  # the last parts are named after the verb ("ændres i 1. pkt.")
        ch = {**ch, "i": ", ".join(ch["i"].split(", ")[:-ch["delt"]])}
        ch.pop("delt")
    if ch.get("overalt") and "i" not in ch:
        s = "Overalt i loven"
        if "bortset_fra" in ch:
            pre, i_, post = ch.get("bortset_form", ",||,").split("|")
            return s + f"{pre} bortset fra {i_}{ch['bortset_fra']}{post} "
        return s + " "
    cit = ch["i"]
    if ch.get("forkortet") and prev:
        cit = relative(cit, place(prev), ch["forkortet"])
    if ch.get("overalt"):
        head = "Overalt i "
    elif ch.get("antal") and not ch.get("antal_efter_verbum") and not ch.get("antal_efter_citat"):
        head = f"{steder(ch['antal'])} i "
    else:
        head = "" if ch.get("uden_i") else "i "
    s = head + cit
    if "der_bliver" in ch:
        s += (", som bliver " if ch.get("som_bliver") else ", der bliver ") + ch["der_bliver"]
    if ch.get("forekomst") == 1:
        # "I § 55, 2. pkt. første gang, ændres …" (lov 627/2016): the one form the acts of 2010-2017
        # use for one occurrence of several; only hand-written proposals carry `forekomst`
        s += " første gang"
        want = True
    else:
        want = needs_comma(cit) or "der_bliver" in ch
    if ch.get("komma", want):
        s += ","
    s = s + " "
    return cap(s) if first else s


def read_target(r: Reader, prev: dict | None, first: bool) -> dict | None:
    """A cited unit at the start of a clause ("§ 5, stk. 2, der bliver stk. 3," / "Overskriften før § 7"
    / "3. pkt." after an earlier place): {"cit", "der_bliver", "komma", "forkortet"} or None."""
    start = r.pos
    stray_i = False
    if first and r.text.startswith("I §", r.pos):
        # "I § 161, stk. 4, affattes således:" — an "I" before the cited unit of a rewrite or repeal
        # (a typo: the meaning is plain); kept as printed (`overflødigt_i`) and warned about
        r.pos += 2
        stray_i = True
    if first or r.text[r.pos:r.pos + 1].isupper():
        # the sentence starts with a capital: read the citation in lower case
        low = r.text[:r.pos] + r.text[r.pos:r.pos + 1].lower() + r.text[r.pos + 1:]
        end = scan_citation(low, r.pos)
        c = low[r.pos:end]
    else:
        end = scan_citation(r.text, r.pos)
        c = r.text[r.pos:end]
    if end == r.pos:
        r.pos = start
        return None
    r.pos = end
    out: dict = {"overflødigt_i": True} if stray_i else {}
    c = _split_der_bliver(r, c)
    if is_relative(c):
        p = place(prev) if prev else None
        if not p:
            r.pos = start
            return None
        out["cit"] = absolute(c, p)
        out["forkortet"] = shortened(c, out["cit"], p)
    else:
        out["cit"] = c
    _read_der_bliver(r, out)
    m = r.rx(r" med tilhørende (overskrifter|overskrift)")
    if m:
        out["med_overskrift"] = m.group(1)
    if not _end_of_citation(r, c, out, start):
        return None
    if stray_i:
        r.warnings.append(f"»I {c}« står foran en henvisning, der ikke tager »I« (trykfejl); gengivet som i kilden")
    return out


def format_target(ch: dict, key: str, prev: dict | None, first: bool) -> str:
    cit = ch[key]
    if ch.get("forkortet") and prev:
        cit = relative(cit, place(prev), ch["forkortet"])
    s = cit
    if "der_bliver" in ch:
        s += (", som bliver " if ch.get("som_bliver") else ", der bliver ") + ch["der_bliver"]
    if "med_overskrift" in ch:
        s += f" med tilhørende {ch['med_overskrift']}"
    if ch.get("komma", needs_comma(cit) or "der_bliver" in ch):
        s += ","
    s += " "
    if ch.get("overflødigt_i"):
        return "I " + s
    return cap(s) if first else s


def target_fields(t: dict, key: str) -> dict:
    out = {key: t["cit"]}
    for k in ("der_bliver", "som_bliver", "med_overskrift", "komma", "forkortet", "overflødigt_i"):
        if k in t:
            out[k] = t[k]
    return out


def place(ch: dict | None) -> str | None:
    """The unit a change acts on, for a later citation that abbreviates it ("og 2. pkt. ophæves")."""
    if not ch:
        return None
    for k in ("i", "ophæves", "affattes"):
        if isinstance(ch.get(k), str):
            return ch[k]
    return None
