"""Finding quoted words in the act: `find_all` (normalised, on word boundaries), `find_typo` (a
one-character misprint a reader repairs without doubt) and the applier's search by address and count
(`_Finding`: scope, find, _find_in and the counted locations)."""
from __future__ import annotations

import re

from .. import address as addr
from ..changes.log import TITLE_KEY, LineKey
from ..changes.tree import _as_list, _der_groups, _norm_query, _with, citations, cite_path
from ..errors import AddressError, LawdiffError
from ..model import Line, Unit
from ..proposal import Change
from ..text import norm_map


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def find_all(text: str, query: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Spans of `query` in `text[lo:hi]` (original indices), matched normalised and on word boundaries."""
    hi = len(text) if hi is None else hi
    normed, idx = norm_map(text)
    q = _norm_query(query)
    if not q:
        return []
    out = []
    start = normed.find(q)
    while start != -1:
        end = start + len(q)
        before = normed[start - 1] if start > 0 else " "
        after = normed[end] if end < len(normed) else " "
        ok_left = not (_is_word(q[0]) and _is_word(before))
        ok_right = not (_is_word(q[-1]) and _is_word(after))
        o_start, o_end = idx[start], idx[end - 1] + 1
        if ok_left and ok_right and lo <= o_start and o_end <= hi:
            out.append((o_start, o_end))
        start = normed.find(q, start + 1)
    return out


def _one_edit(a: str, b: str) -> tuple[int, str, str] | None:
    """When `a` and `b` differ by exactly one inserted, deleted or replaced character: where in `a`
    and the two differing pieces (the character in `a` or "", the one in `b` or ""); else None."""
    if a == b or abs(len(a) - len(b)) > 1:
        return None
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return (i, a[i], b[i]) if a[i + 1:] == b[i + 1:] else None
    if len(a) > len(b):
        return (i, a[i], "") if a[i + 1:] == b[i:] else None
    return (i, "", b[i]) if a[i:] == b[i + 1:] else None


TYPO_MIN = 20  # the shortest quotation a one-character typo is repaired in (and at least three words)


def _typo_ok(q: str, i: int, x: str, y: str) -> bool:
    """A one-character difference a reader repairs without doubt: no digit (another number: "stk. 5"
    is not "stk. 6"), not a letter's case, and not in a word's last two letters (an inflection:
    "kommunalbestyrelsen" is not "kommunalbestyrelser")."""
    if any(ch.isdigit() for ch in x + y) or (x and y and x.lower() == y.lower()):
        return False
    if not (x + y).isalpha():
        return True
    end = i
    while end < len(q) and _is_word(q[end]):
        end += 1
    return end - i > 2


def find_typo(text: str, query: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Spans of `text[lo:hi]` (original indices, on word boundaries) that differ from `query` by one
    character a reader repairs without doubt (_typo_ok), for quotations of TYPO_MIN characters and three
    words or more: »erhvervsakademiuddannnelser og efter- og videreuddannelser« (lov 1614/2013 § 1,
    nr. 3), »jf. dog § 118, stk. 1, nr. 3, og § 119 nr. 3« for "… § 119, nr. 3" (lov 152/2012 § 2, nr. 6)."""
    hi = len(text) if hi is None else hi
    normed, idx = norm_map(text)
    q = _norm_query(query)
    if len(q) < TYPO_MIN or len(q.split()) < 3:
        return []
    out = []
    for start in range(len(normed)):
        if start > 0 and _is_word(normed[start - 1]) and _is_word(normed[start]):
            continue
        for n in (len(q) - 1, len(q), len(q) + 1):
            end = start + n
            if end > len(normed) or n <= 0:
                continue
            cand = normed[start:end]
            if end < len(normed) and _is_word(cand[-1]) and _is_word(normed[end]):
                continue
            d = _one_edit(q, cand)
            if d is None or not _typo_ok(q, *d):
                continue
            o_start, o_end = idx[start], idx[end - 1] + 1
            if lo <= o_start and o_end <= hi:
                out.append((o_start, o_end))
    return out


def _count_word(n: int) -> str:
    return {2: "To", 3: "Tre", 4: "Fire", 5: "Fem", 6: "Seks"}.get(n, str(n))


def _clip(text: str, n: int = 300) -> str:
    return text if len(text) <= n else text[:n] + " …"


def _closest(words: str, text: str) -> str:
    """The passage of `text` most like `words`, for the error message."""
    import difflib

    toks = text.split()
    size = max(1, len(words.split()))
    best, score = "", 0.0
    for i in range(0, max(1, len(toks) - size + 1)):
        cand = " ".join(toks[i:i + size])
        r = difflib.SequenceMatcher(None, words, cand).ratio()
        if r > score:
            best, score = cand, r
    return f"nærmeste: »{best}«" if best else "teksten er tom"


class _Finding:
    """The search for a change's words (a part of _Applier, applier.py)."""

    def scope(self, c: Change, key: str = "i", where=None) -> list[tuple[LineKey, Line, Unit, int, int]]:
        """The lines (with an allowed span) a change of words may touch."""
        if c.get("overalt"):
            skip: set[str] = set()
            for text in [w for v in _as_list(c.get("bortset_fra")) for w, _ in citations(v)]:
                sp = self.special(c, text, "bortset_fra")
                if sp is not None:
                    raise c.error(f"»bortset_fra: {text}« skal være en bestemmelse", "bortset_fra")
                target = self.resolve(c, text, "bortset_fra")
                if target.address.pkt:
                    raise c.error("»bortset_fra« kan ikke angive et punktum", "bortset_fra")
                for bu in target.units:
                    skip.update(u.wid for u in bu.walk())
            if c.get("i") is not None and where is None:
                # "Overalt i § 22 a ændres …" (lov 644/2016): throughout the cited units only, never the act
                plain = _with(c, overalt=False)
                return [x for w, _ in citations(c.get("i")) for x in self.scope(plain, key, w) if x[2].wid not in skip]
            return [(k, ln, u, 0, len(ln.text)) for sec in self.r.new.sections() for k, ln, u in self._lines(sec)
                    if u.wid not in skip]
        where = c.get("i") if where is None else where
        sp = self.special(c, where, key)
        if sp is not None:
            kind, bu = sp
            if kind == "title":
                line = Line(self.r.new.title)
                self.units[""] = self.units.get("", Unit("book"))
                return [(TITLE_KEY, line, self.units[""], 0, len(line.text))]
            if kind == "note":
                raise c.error("fodnoten til lovens titel er ikke en del af lawdiffs model af loven", key,
                              hint="nummeret kan ikke udføres; markér det som ikke udført (ikke_udført)")
            unit = self.live(c, bu, key)
            if unit.heading is None:
                raise c.error(f"overskriften til {bu.cite()} er ophævet", key)
            return [((unit.wid, "heading", 0), unit.heading, unit, 0, len(unit.heading.text))]
        target = self.resolve(c, where, key)
        out = []
        for bu in target.units:
            unit = self.live(c, bu, key)
            if target.address.pkt:  # a punktum the law prints over two lines: both (pkt_spans)
                for k, s, e in self.pkt_spans(c, unit, target.address.pkt, key):
                    line = getattr(self.units[k[0]], k[1])[k[2]]
                    out.append((k, line, unit, s, e))
            else:
                out.extend((k, ln, u, 0, len(ln.text)) for k, ln, u in self._lines(unit))
        return out

    def _one_near_place(self, c: Change, words: str, lines: list, place: str, key: str) -> list:
        """Where the quoted words stand nowhere as written: the one place that differs from them only by a
        slip a reader sees without doubt, executed there with a warning; [] if there is none or several.
        In turn: a typo in the act's quotation ("erhvervsakademiuddannnelser": one character, no digit, in a
        quotation of TYPO_MIN characters or more); the space after "stk."/"nr."/"pkt."/"§" before a number
        missing in the act (»i stk.1.« where the law has "i stk. 1.", lov 518/2012, § 1, nr. 6); a space after
        the dash of a range in the law (»kapitel 7-8« where the heading of LBK 526/2012's kapitel 13 a prints
        "kapitel 7- 8", lov 458/2013, § 16, nr. 5)."""
        spaced = re.sub(r"(?<![\w.])(stk|nr|pkt|litra)\.(?=\d)", r"\1. ", re.sub(r"§(?=\d)", "§ ", words))
        dashed = re.sub(r"(?<=\d)([-–])(?=\d)", r"\1 ", words)
        readings = [(lambda t, lo, hi: find_typo(t, words, lo, hi), "ét tegn (trykfejl i ændringsloven)"),
                    (lambda t, lo, hi: find_all(t, spaced, lo, hi) if spaced != words else [],
                     "et manglende mellemrum (trykfejl i ændringsloven)"),
                    (lambda t, lo, hi: find_all(t, dashed, lo, hi) if dashed != words else [],
                     "et mellemrum efter tankestregen (trykfejl i loven)")]
        for finder, slip in readings:
            found = [(k, ln, u, s, e) for k, ln, u, lo, hi in lines for s, e in finder(ln.text, lo, hi)]
            if len(found) == 1:
                _k, ln, _u, s, e = found[0]
                self.r.warnings.append(c.warning(
                    f"»{_norm_query(words)}« står ikke i {place}; læst som »{ln.text[s:e]}«, der kun afviger med "
                    f"{slip}", key))
                return found
        return []

    def find(self, c: Change, words: str, key: str) -> list[tuple[LineKey, Line, Unit, int, int]]:
        """The places of `words`: for each address of `i` (one or a list) as many as `antal` says."""
        if c.get("overalt"):
            return self._find_in(c, words, key, None)
        out = []
        cites = self.cites(c, "i")
        inner = self._inner_addresses([w for w, _ in cites])
        for wheres, said in _der_groups(cites):
            self.check_der_bliver(c, wheres, said, "i")
        if c.get("i_alt") and c.get("antal") is not None:
            return self._find_in_all(c, words, key, [w for w, _ in cites], int(c.get("antal")), inner)
        segments = self._count_segments(c, cites)
        if segments is not None:
            for seg, n in segments:
                out += self._find_segment(c, words, key, seg, n, inner)
            return out
        counted = self._counted_addresses(c)
        if counted is None and len(cites) > 1:
            gone = [w for w, _ in cites if self._repealed_since(w)]
            if gone and len(gone) < len(cites):
                # "I § 53, stk. 3 og 4, … og § 74 h, stk. 9, udgår »og 6«" (lov 912/2010, § 1, nr. 1), where
                # lov 1365/2011, passed later but in force first, repealed § 74 h: nothing is left there to
                # change; the other places are changed (LBK 642/2012 prints them so), with a warning
                for w in gone:
                    self.r.warnings.append(c.warning(
                        f"{w} er ophævet af en ændringslov, der blev vedtaget efter denne, men trådte i kraft før "
                        "den; ændringen er udført de andre steder, den nævner", key))
                cites = [x for x in cites if x[0] not in gone]
        if counted is None and len(cites) > 1 and c.get("antal") is not None and c.get("forekomst") is None and (
                c.get("antal_efter_verbum") or c.get("antal_efter_citat") or c.get("antal_sidst")):
            # the count after the verb or the quotation belongs to the whole list: "I § 745 e, stk. 2, 1. og 3.
            # pkt., … udgår to steder »eller sigtet«" (lov 167/2016 § 1, nr. 6: once in each punktum) is n in
            # all or n at each address, as a count in front of a list's part (_find_segment); it was asked
            # of each address, and the nummer refused
            return self._find_segment(c, words, key, [w for w, _ in cites], int(c.get("antal")), inner)
        for where, der_bliver in cites:
            if counted is None:
                out += self._find_in(c, words, key, where, exclude=inner.get(where))
            else:
                out += self._find_in(c, words, key, where, count=counted[1], uncounted=where not in counted[0],
                                     exclude=inner.get(where))
        return out

    def _find_in_all(self, c: Change, words: str, key: str, wheres: list[str], n: int,
                     inner: dict[str, set[str]]) -> list[tuple[LineKey, Line, Unit, int, int]]:
        """"I §§ 3 og 4 ændres i alt tre steder »nr. 3« til: »nr. 2«." (lov 724/2010 § 14, nr. 2): the words stand n times
        at the addresses together, at each at least once; anything else is refused."""
        per = [self._find_in(c, words, key, w, count=n, exclude=inner.get(w), every=True) for w in wheres]
        found = [len(h) for h in per]
        if sum(found) != n:
            said = ", ".join(f"{f} {'gang' if f == 1 else 'gange'} i {w}" for f, w in zip(found, wheres))
            raise c.error(f"»{words}« står {said}; ændringen siger i alt {_count_word(n).lower()} steder", key,
                          hint="nummeret kan ikke udføres; markér det som ikke udført")
        return [h for hs in per for h in hs]

    def _cited(self, where: str):
        """What `where` names in the law as the act cites it (`cite_base`); None without one, or where
        the address names nothing there."""
        if getattr(self, "cite_base", None) is None:
            return None
        try:
            return addr.resolve(self.cite_base, where)
        except LawdiffError:
            return None

    def _changed_since(self, where: str, words: str) -> bool:
        """Whether `words` stand at `where` in the law as the act cites it (`cite_base`), and the units there
        were rewritten or changed since by an act run before this one that was passed after it."""
        t = self._cited(where)
        if t is None:
            return False
        if not any(find_all(ln.text, words) for u in t.units for _, ln, _ in self._lines(u)):
            return False
        now = [self.base_units.get(u.wid) for u in t.units]
        return any(n is None or [ln.text for _, ln, _ in self._lines(n)] != [ln.text for _, ln, _ in self._lines(u)]
                   for n, u in zip(now, t.units))

    def _repealed_since(self, where: str) -> bool:
        """Whether the units `where` names in the law as the act cites it (`cite_base`) are all gone from
        the text the act runs on and the address names nothing there: repealed by an act run before it
        that was passed after it."""
        t = self._cited(where)
        if t is None:
            return False
        if any(u.wid in self.base_units for u in t.units):
            return False
        try:
            addr.resolve(self.r.base, where)
        except LawdiffError:
            return True
        return False

    def _unclaimed(self, c: Change, words: str, hits: list, want: int) -> list:
        """The places of `words` that no other change of the same nummer at the same address quotes within
        longer words, when exactly `want` are left: "I § 57 a, stk. 6, ændres »børnefamilieydelse« til:
        »børne- og ungeydelse« og »lov om en børnefamilieydelse« til: »lov om en børne- og ungeydelse«"
        (lov 624/2010, § 4, nr. 1; the text: "… modtage børnefamilieydelse, jf. lov om en
        børnefamilieydelse."): the second occurrence is the second change's; the first change is the
        other one (LBK 81/2011 changes both so). Else `hits` unchanged (the count is refused)."""
        siblings = [x for x in getattr(self, "nummer_changes", {}).get((c.paragraf, c.nummer), [])
                    if x is not c and x.get("i") == c.get("i") and not x.get("overalt")]
        claimed: list[tuple] = []
        for x in siblings:
            q = x.get("ændres") if isinstance(x.get("ændres"), str) else x.get("udgår")
            if not isinstance(q, str) or q == words or not find_all(q, words):
                continue
            for k, ln, u, s, e in hits:
                claimed += [(k, a, b) for a, b in find_all(ln.text, q)]
        if claimed:
            left = [h for h in hits if not any(h[0] == k and a <= h[3] and h[4] <= b for k, a, b in claimed)]
            if len(left) == want:
                return left
        if c.get("samme_sted") and want == 1:
            # "… efter »fastsætter regler om ydelse af vederlag« indsættes: »…«, og efter »og« indsættes: »om«"
            # (lov 1252/2012, § 1, nr. 1; the text "Økonomi- og indenrigsministeren fastsætter regler om ydelse
            # af vederlag og efterløn …"): "samme sted" as the change before it — the one place that follows
            # that change's words with nothing but white space between
            prev = next((x for x in siblings if x.sub == c.sub - 1), None)
            q = next((prev.get(k) for k in ("indsættes_efter", "ændres", "udgår") if prev is not None
                      and isinstance(prev.get(k), str)), None)
            if q:
                after = [h for h in hits if any(b <= h[3] and not h[1].text[b:h[3]].strip()
                                                for a, b in find_all(h[1].text, q))]
                if len(after) == 1:
                    return after
        return hits

    def _inner_addresses(self, wheres: list[str]) -> dict[str, set[str]]:
        """For each address, the units of the other addresses of the same change that lie inside it:
        "to steder i § 9 g, stk. 2, og i § 9 g, stk. 2, nr. 1" (lov 478/2012 § 2, nr. 8) counts the
        words of stk. 2 outside nr. 1, which is cited on its own."""
        wids: dict[str, set[str]] = {}
        for w in wheres:
            try:
                t = self.cited(w)
            except (AddressError, LawdiffError):
                continue
            if not t.address.pkt:
                wids[w] = {u.wid for u in t.units}
        out: dict[str, set[str]] = {}
        for w, mine in wids.items():
            for other, theirs in wids.items():
                if other == w:
                    continue
                for wid in theirs:
                    if set(self.ancestors_and_self(wid)[1:]) & mine:
                        out.setdefault(w, set()).update(u.wid for u in self.base_units[wid].walk())
        return out

    def _count_segments(self, c: Change, cites: list[tuple[str, str | None]]
                        ) -> list[tuple[list[str], int | None]] | None:
        """A location with a count in front, "Seks steder i § 24 og i § 25, stk. 2," (lov 562/2012
        § 2, nr. 6), cut into its parts: each "[N steder] i …" of the list is one part, and its
        count belongs to the addresses of that part only; a part without a count holds the words
        once at each address. So "To steder i § 72, tre steder i § 74, i § 75, stk. 1, og § 168,
        stk. 2" (lov 496/2013 § 1, nr. 19) is 2, 3, 1 and 1, and "Seks steder i § 24 og i § 25,
        stk. 2" is 6 in § 24 and 1 in § 25, stk. 2 (LBK 815/2012 changed all seven; § 24 holds the
        words six times). A count is never met by words in another part (lovteknik §9: "I § 9,
        stk. 2, 2. pkt., og to steder i § 10, stk. 3, ændres …").

        "I § 24, stk. 5, og to steder i § 73 a, stk. 2" (no count in front): once in § 24, stk. 5.

        None (the caller counts as before) when there is no count in the location or it is not in
        front of it (after the verb or the quotation), with `forekomst`, for a single address, or
        when the parts cannot be matched to the addresses with certainty."""
        i = c.get("i")
        n = c.get("antal")
        if not isinstance(i, str) or len(cites) < 2 or c.get("forekomst") is not None or \
                c.get("antal_efter_verbum") or c.get("antal_efter_citat") or c.get("antal_sidst"):
            return None
        cuts = list(re.finditer(r"(?:,? og |, | )(?:(to|tre|fire|fem|seks|syv|otte|ni|ti) steder |(et) sted )?i "
                                r"(?=§|stk\. |nr\. |\d+\. pkt\.)", i))
        if n is None and not any(m.group(1) or m.group(2) for m in cuts):
            return None  # no count anywhere: once at each address, as before
        bounds = [0] + [m.start() for m in cuts] + [len(i)]
        words = ["to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti"]
        counts = [None if n is None else int(n)] + [words.index(m.group(1)) + 2 if m.group(1) else
                                                    1 if m.group(2) else None for m in cuts]
        whole = [w for w, _ in cites]
        out, done = [], 0
        for k, count in enumerate(counts):
            upto = [w for w, _ in citations(i[:bounds[k + 1]])]
            if upto != whole[:len(upto)] or len(upto) <= done:
                return None  # a part read differently on its own than in the list: count as before
            out.append((whole[done:len(upto)], count))
            done = len(upto)
        return out if done == len(whole) else None

    def _find_segment(self, c: Change, words: str, key: str, seg: list[str], n: int | None,
                      inner: dict[str, set[str]]) -> list[tuple[LineKey, Line, Unit, int, int]]:
        """The places of `words` in one part of a counted location (`_count_segments`): n times at
        its one address; at several ("to steder i § 340 a, stk. 2, 1. og 3. pkt.") n times at each
        or n in all, each holding the words; without a count, once at each address."""
        if n is None or len(seg) == 1:
            out = []
            for where in seg:
                out += self._find_in(c, words, key, where, count=n or 1, exclude=inner.get(where))
            return out
        per = [self._find_in(c, words, key, where, count=n, exclude=inner.get(where), every=True)
               for where in seg]
        found = [len(h) for h in per]
        if all(f == n for f in found) or sum(found) == n:
            return [h for hs in per for h in hs]
        said = ", ".join(f"{f} {'gang' if f == 1 else 'gange'} i {w}" for f, w in zip(found, seg))
        raise c.error(f"»{words}« står {said}; ændringen siger {_count_word(n).lower()} steder (i alt eller ved hver "
                      f"adresse)", key,
                      hint="ret antallet, eller skriv adresserne hver med sit antal (»to steder i … og i …«)")

    def _counted_addresses(self, c: Change) -> tuple[set[str], int] | None:
        """"I § 24, stk. 5, i § 73 a, stk. 1, og to steder i § 73 a, stk. 2, udgår …" (lov 1380/2012
        § 1, nr. 16): the addresses after "to steder i", which the count belongs to; None when the
        count is not inside the list of addresses. The others hold the words once, or as many times
        as the count says (every such act in the chains: lov 1380/2012 § 1, nr. 16, § 24, stk. 5; lov
        633/2013 § 1, nr. 24; lov 251/2012 § 1, nr. 2; the LBKs change each place), with a warning."""
        i = c.get("i")
        if not isinstance(i, str):
            return None
        m = list(re.finditer(r"(?:^|\s)(to|tre|fire|fem|seks|syv|otte|ni|ti) steder i ", i))
        if len(m) != 1 or m[0].start() == 0:
            return None
        n = ["to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti"].index(m[0].group(1)) + 2
        if c.get("antal") is not None and int(c.get("antal")) != n:
            return None
        # up to the next "i …" of the list: "to steder i § 9 g, stk. 2, og i § 9 g, stk. 2, nr. 1, …"
        rest = re.split(r",? (?:og )?i (?=§)", i[m[0].end():], maxsplit=1)[0]
        counted = [w for w, _ in citations(rest)]
        if counted and all(w.startswith("§ None, ") for w in counted) and i.endswith(rest):
            # "§ 171, stk. 1, 2., 3. og to steder i 4. pkt." (lov 268/2014): the counted part is short; it is
            # the list's last address(es), which end as it does (it was "§ None, 4. pkt.", no address: the
            # count was never checked)
            whole = [w for w, _ in citations(i)]
            tail = whole[-len(counted):]
            if len(whole) > len(counted) and all(t.endswith(w[len("§ None"):]) for t, w in zip(tail, counted)):
                counted = tail
        return set(counted), n

    def _find_in(self, c: Change, words: str, key: str, where, count: int | None = None, uncounted: bool = False,
                 exclude: set[str] | None = None, every: bool = False) -> list[tuple[LineKey, Line, Unit, int, int]]:
        """The places of `words` at one address, `count` (default the change's `antal`) times;
        `every`: all of them, however many (the caller checks the count over several addresses)."""
        lines = self.scope(c, "i", where)
        if exclude:
            lines = [x for x in lines if x[2].wid not in exclude]
        place = "loven" if c.get("overalt") else str(where if where is not None else c.get("i"))
        hits = [(k, ln, u, s, e) for k, ln, u, lo, hi in lines for s, e in find_all(ln.text, words, lo, hi)]
        if not hits and c.verb != "udgår" and words[:1].isalpha() and words[:1] != words[:1].swapcase():
            # »selvejende« where the law begins a punktum with "Selvejende": the same word (the act
            # quotes it in lower case); only at the start of a line or after a full stop
            alt = words[:1].swapcase() + words[1:]
            hits = [(k, ln, u, s, e) for k, ln, u, lo, hi in lines for s, e in find_all(ln.text, alt, lo, hi)
                    if re.search(r"(^|[.!?]\s+)$", ln.text[:s])]
        want = c.get("antal") if count is None else count
        occ = c.get("forekomst")
        if not hits and not c.get("overalt") and (want or 1) == 1 and occ is None:
            hits = self._one_near_place(c, words, lines, place, key)
        if not hits:
            text = " ".join(ln.text[lo:hi] for _, ln, _, lo, hi in lines)
            if where is not None and self._changed_since(str(where), words):
                # lov 326/2012, § 1, nr. 24 strikes words of § 33 d, stk. 1, which lov 1380/2012, passed later
                # but in force first, rewrote whole (LBK 390/2013 prints 1380's text)
                place += (" (ændret af en ændringslov, der blev vedtaget efter denne, men trådte i kraft før "
                          "den; ordene står i den tekst, denne lov citerer)")
            self._refuse_label(c, words, key, where)
            raise c.error(f"»{words}« findes ikke i {place}", key,
                          hint=f"{_closest(words, text)}; teksten er: »{_clip(text)}«")
        if occ is not None:
            if occ > len(hits):
                raise c.error(f"forekomst {occ} af »{words}« findes ikke; ordene står {len(hits)} "
                              f"{'gang' if len(hits) == 1 else 'gange'} i {place}", "forekomst")
            return [hits[occ - 1]]
        if c.get("overalt") and want is None or every:
            if c.get("overalt"):
                self._warn_cited_titles(c, words, key, hits)
            return hits
        if uncounted:
            if len(hits) == 1:
                return hits
            if len(hits) == int(want) and len(hits) > 1:
                self.r.warnings.append(c.warning(
                    f"»{_norm_query(words)}« står {len(hits)} gange i {place}; ændringen nævner antallet "
                    f"({want}) ved en anden adresse; ændret alle {len(hits)} steder", key))
                return hits
            want = 1
        want = want or 1
        if len(hits) > want:
            hits = self._unclaimed(c, words, hits, want)
        if len(hits) != want:
            raise c.error(f"»{words}« står {len(hits)} {'gang' if len(hits) == 1 else 'gange'} i "
                          f"{place}, ikke {want}", key,
                          hint="fjern »antal« (ordene står ét sted)" if len(hits) == 1 else
                          f"skriv antal: {len(hits)} (»{_count_word(len(hits))} steder i …«), "
                          "vælg én med forekomst: N, eller citér flere ord, så stedet er entydigt")
        return hits

    def _refuse_label(self, c: Change, words: str, key: str, where) -> None:
        """"I første bog ændres »Sjette afsnit. Advokater« til: »Syvende afsnit. Advokater«." (lov 404/2010 § 1,
        nr. 3): the words are a part's (chapter's) label and heading, which a change of words does not reach
        (lawdiff relabels no part): refused as such, not as words found nowhere."""
        if where is None:
            return
        try:
            target = self.resolve(c, str(where), key)
        except LawdiffError:
            return
        want = _norm_query(words)
        for bu in target.units:
            for u in self.live(c, bu, key).walk():
                if u.kind in ("book", "part", "chapter") and u.label and u.heading is not None \
                        and _norm_query(f"{u.label} {u.heading.text}") == want:
                    raise c.error(f"»{words}« er betegnelsen og overskriften for {_norm_query(u.label)} i {where}; "
                                  "lawdiff ændrer ikke et afsnits eller kapitels betegnelse ved en ændring af ord", key,
                                  hint="nummeret kan ikke udføres; markér det som ikke udført")

    # the title of an act cited with its own consolidation or number: "lov om Arbejdsgivernes Elevrefusion,
    # jf. lovbekendtgørelse nr. 169 af …", "lov nr. 1380 af 23. december 2012 om …"
    _TITLE_BEFORE = re.compile(r"\b[Ll]ov(?: nr\. \d+ af \d{1,2}\. \w+ \d{4})? om [^.;:»«]*$")

    _TITLE_AFTER = re.compile(r"^[^.;:»«]*?, jf\. lovbekendtgørelse nr\.")

    def _warn_cited_titles(self, c: Change, words: str, key: str, hits) -> None:
        """An "overalt" change whose words stand inside the title of an act cited by its
        lovbekendtgørelse ("Lov om Arbejdsgivernes Elevrefusion, jf. lovbekendtgørelse nr. 169 af …",
        a transitional rule of LAB's sister act): executed, as the words say, but an editor often keeps
        a cited act's title as it was (LBK 203/2013 §§ 33 and 41 keep "Elevrefusion" where lov
        1347/2012 § 1, nr. 2 changes it "overalt i loven"); a warning names the place."""
        for _, ln, u, s, e in hits:
            if self._TITLE_BEFORE.search(ln.text[:s]) and self._TITLE_AFTER.search(ln.text[e:]):
                self.r.warnings.append(c.warning(
                    f"»{_norm_query(words)}« i {cite_path(u, self.parents) if u.wid in self.parents else u.cite()} står i titlen på en lov, der citeres med sin "
                    f"lovbekendtgørelse (»{_clip(ln.text[max(0, s - 40):e + 40])}«); ændret, som »overalt« "
                    f"siger: kontrollér, om titlen skal stå uændret", key))
