"""Replay the real consolidation chains of ../shared/corpus/chains.json (issue 9 §2).

A chain is a base LBK, the amending acts the next LBK's preamble lists, and that next LBK (the
target). Replaying one: import base and target, read the acts into amendment files (the
ændringsparagraffer that amend the base act are linked to it: by its title, its short or popular
title, or the lovbekendtgørelse they cite, see `amends`), `consolidate --include` what the editor
incorporated (`editor_includes`: the acts or the numre the target's preamble lists, less the numre
its notes say are not incorporated) at the target's date, and compare the result with the official
target § by § word for word (normalised white space, also before punctuation: compare_text;
"(Ophævet)" placeholders, single or ranges, count as the same text).

Every § that differs is classified:
- "delvis": a nummer the editor left out (the preamble lists only other numre of its act) touches
  the §, and lawdiff applied it by its own ikrafttræden;
- "ikke udført": the § is touched by a nummer lawdiff refused (reader or engine);
- "redaktionel": no nummer that lawdiff executed or refused touches the § (an editorial correction
  of the LBK, or a change no act of the chain states); a nummer touches a § by its addresses (`Touched`),
  by the record (the last nummer changing a unit of it), and, when it changes words throughout the act
  ("overalt"), when the §'s text as lawdiff made it still holds the words it changes;
- "redaktionel: lov uden for korpus": the same (or "tekst ingen nummer skrev", below), and the LBK's own
  note says that an act its preamble lists and the corpus does not hold amends the § ("Ændringslovens § 2
  vedrører §§ 72-76 a, …": `outside_corpus`);
- "redaktionel: retskrivning": the same, and the LBK only spells otherwise ("særligt" for "særlig"; `_spelling`);
- "redaktionel: ressort": every difference names a minister or an agency (a change of ressort by
  royal decree, which no act states);
- "udeladt": the target prints "(Udeladt, …)" where a nummer of the chain's acts wrote text (the
  editor left out what was not yet in force; `consolidate --include` applies the whole act), or where a
  nummer the editor left out names the § (LBK 668/2011 § 12: its note leaves out lov 275/2011, § 1, nr. 8,
  which "affatter § 12, stk. 2 og 3"; the LBK prints the § with those two stk. "(Udeladt …)");
- "senere ikrafttræden": the target kept the base's text of the § where lawdiff executed a nummer
  that enters into force, by its act's own words, after the target's date (`consolidate
  --include` applies such numre, as the LBKs do unless a note says otherwise; this LBK did not,
  and says nothing);
- "redaktionel: LBK afviger fra nummerets nye ord": lawdiff's text holds a nummer's new words verbatim
  where the LBK prints a ministry's name instead (LBK 466/2013 § 23 a; explain), or a word or two, no
  number, otherwise (LBK 440/2013 § 1: "til kommunen og til Udbetaling Danmark");
- "lawdiff": a nummer touching the § was executed, and the text still differs.
"delvis" and "ikke udført" come first; "redaktionel: ressort" is given before "lawdiff" too, as
every remaining difference is a renaming no act of the chain states.
"""
from __future__ import annotations

import difflib
import html
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lawdiff.changes.intro import act_names as intro_act_names
from lawdiff.address import _section_span, canonical_num, resolve, section_key
from lawdiff.consolidate import (ConsolidateError, consolidate, editor_notes, ikraft_of, load_act, parse_scope,
                                 preamble_acts, save)
from lawdiff.diff import is_placeholder
from lawdiff.errors import LawdiffError
from lawdiff.render.text import plain_text
from lawdiff.store import Store
from lawdiff.text import norm

PH = "(Ophævet)"


@dataclass
class ChainResult:
    target: str
    refused: str | None = None  # consolidate without --partial refused: the message
    error: str | None = None  # the chain could not be replayed at all (import failed)
    sections: int = 0
    identical: int = 0
    changed: int = 0  # §§ the target changed relative to the base
    changed_identical: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)  # (§, class)
    texts: dict[str, tuple] = field(default_factory=dict)  # § of a miss -> (target's text, lawdiff's text, numre)
    attributed: dict[str, str] = field(default_factory=dict)  # unit cite -> the act and nummer the record gives
    not_executed: list[tuple[str, str, str]] = field(default_factory=list)  # (act, nummer, why)
    include: list[str] = field(default_factory=list)  # the --include specs the target's preamble and notes give
    blame: dict[str, tuple[int, int]] = field(default_factory=dict)  # check_blame: kind -> (right, checked)
    blame_wrong: list[str] = field(default_factory=list)


def compare_text(text: str) -> str:
    """The text as compared: white space normalised, and none before a comma, full stop, semicolon,
    colon or closing parenthesis nor after an opening one; the editors' "(Udelades)" is their
    "(Udeladt)" (LBKs differ in such spacing only:
    "el.lign. ," in one, "el.lign.," in the next)."""
    t = norm(text)
    t = t.replace("(Udelades)", "(Udeladt)").replace("udelades)", "udeladt)")  # the editors' two spellings
    t = re.sub(r"\s+([,.;:)])", r"\1", t)
    return re.sub(r"\(\s+", "(", t)


# a repealed § whose number is kept, as the LBKs print it: "§ 10. (ophævet)", "§ 20. (Ophævet.)",
# "§ 13 og § 14. (Ophævet)." (is_placeholder knows the commonest forms)
_PH_TEXT = re.compile(r"^§§?\s*[\dA-Za-zæøå ]+?(?:\s*(?:og|-|–)\s*(?:§\s*)?(?P<to>\d+(?: ?[a-zæøå])?))?\.\s*"
                      r"\(?\s*ophævet\s*\.?\s*\)?\s*\.?$", re.I)


def _texts(act) -> tuple[dict[str, str], list[tuple]]:
    texts, ranges = {}, []
    for s in act.sections():
        if not s.num:
            continue
        n = canonical_num(s.num)
        text = compare_text(plain_text(s))
        m = _PH_TEXT.match(text)
        if is_placeholder(s) or m:
            if "-" in n or " og " in n:
                ranges.append(_section_span(n))
            if m and m.group("to"):  # "§ 13 og § 14. (Ophævet)." under one number
                ranges.append((section_key(n), section_key(canonical_num(m.group("to")))))
            texts[n] = PH
        else:
            texts[n] = text
    return texts, ranges


def _value(texts, ranges, num):
    if num in texts:
        return texts[num]
    if any(lo <= section_key(num) <= hi for lo, hi in ranges):
        return PH
    return None


def _same(a, b) -> bool:
    return a == b or {a, b} <= {PH, None}


_SEC = re.compile(r"§§?\s*(\d+(?:\s?[a-zæøå](?![\wæøå]))?)")
_RANGE = re.compile(r"§§\s*(\d+(?:\s?[a-zæøå](?![\wæøå]))?)\s*[-–]\s*(?:§\s*)?(\d+(?:\s?[a-zæøå](?![\wæøå]))?)")
_NUM = r"\d+(?!\d)(?:\s?[a-zæøå](?![\wæøå]))?"
# "§§ 17 og 20", "§§ 3, 5 og 9": every § of the list (_SEC takes only the first)
_LIST = re.compile(r"§§\s*(" + _NUM + r"(?:\s*(?:,|og|eller)\s*" + _NUM + r")+)(?!\s*[-–])")
_ADDRESS_KEYS = ("i", "affattes", "ophæves", "efter", "før", "som", "der_bliver", "rykning")


class Touched:
    """§ number -> the numre whose changes name it. A nummer names the §§ of its addresses (`i`,
    `ophæves`, `affattes`, …; "§§ 72-76" names every § between, "kapitel 5" the §§ the base has in
    that chapter) and the new §§ it inserts; the §§ its new text merely cites are not counted. A
    nummer the reader marked ikke_udført, or one whose addresses name no §, names every § its text
    mentions."""

    def __init__(self, numre, base=None):
        self.single: dict[str, list] = {}
        self.ranges: list[tuple[tuple, tuple, object]] = []
        for n in numre:
            found = False
            for c in n.data.get("ændringer") or [] if not n.data.get("ikke_udført") else []:
                for k in _ADDRESS_KEYS:
                    v = c.get(k)
                    if isinstance(v, str):
                        found |= self._scan(v, n, base)
                if c.get("ny") == "paragraf" and c.get("nummer"):
                    self.single.setdefault(canonical_num(str(c["nummer"])), []).append(n)
                    found = True
                for line in str(c.get("tekst") or "").splitlines():
                    m = re.match(r"§\s*(\d+(?:\s?[a-zæøå](?![\wæøå]))?)\.", line)
                    if m and (c.get("ny") or c.get("affattes") or c.get("ophæves")):  # "… ophæves, og i stedet indsættes:"
                        self.single.setdefault(canonical_num(m.group(1)), []).append(n)
            if not found:
                self._scan(json.dumps(n.data, ensure_ascii=False), n, None)

    def _scan(self, text: str, n, base) -> bool:
        found = False
        for m in _RANGE.finditer(text):
            self.ranges.append((section_key(m.group(1)), section_key(m.group(2)), n))
            found = True
        for m in _SEC.finditer(text):
            self.single.setdefault(canonical_num(m.group(1)), []).append(n)
            found = True
        for m in _LIST.finditer(text):
            for x in re.split(r"\s*(?:,|og|eller)\s*", m.group(1))[1:]:
                self.single.setdefault(canonical_num(x), []).append(n)
        if base is not None and re.match(r"\s*(kapitel|afsnit)\b", text, re.I):
            try:
                units = resolve(base, text).units
            except LawdiffError:
                return found
            for u in units:
                for x in u.walk():
                    if x.kind == "section" and x.num:
                        self.single.setdefault(canonical_num(x.num), []).append(n)
                        found = True
        return found

    def get(self, num: str, default=None) -> list:
        k = section_key(num)
        out = list(self.single.get(num, []))
        out += [n for lo, hi, n in self.ranges if lo <= k <= hi and n not in out]
        return out or (default if default is not None else [])


_MINISTRY = re.compile(r"minist|styrelse|direktorat|departement", re.I)


def _ressort(want: str | None, got: str | None) -> bool:
    """Whether every difference between the two texts names a ministry or an agency on at least one
    side (with the rest of a hyphenated name it is part of): the LBK carries a change of ressort (a royal decree renaming a minister), which no act of
    the chain states. Still a difference; the class only says what kind."""
    if not want or not got:
        return False
    a, b = want.split(), got.split()
    def end(words: list[str], i: int) -> int:
        """Carried on over a chain of hyphenated parts: "Social-, børne- og integrationsministeren" is
        one name, so a difference in "børne- og" reaches "integrationsministeren"."""
        while i < len(words) and i > 0 and (words[i - 1].endswith(("-", "-,")) or
                                            words[i - 1] == "og" and i > 1 and words[i - 2].endswith(("-", "-,"))):
            i += 1
        return i

    ops = [(a[i1:end(a, i2)], b[j1:end(b, j2)], a[max(i1 - 6, 0):i1], b[max(j1 - 6, 0):j1]) for tag, i1, i2, j1, j2 in
           difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if tag != "equal"]
    return bool(ops) and all(_MINISTRY.search(" ".join(x + y)) and _only_names(x, bx) and _only_names(y, by)
                             and not _punct_only(x, y) for x, y, bx, by in ops)


def _spelling(want: str | None, got: str | None) -> bool:
    """Whether the two texts differ only as spelling does: every word-level difference is one word against one
    word (or punctuation alone) that `_small` calls a typo or a spelling ("særlig"/"særligt", "linie"/"linje"),
    no number among them. For a § no nummer of the chain touches: the LBK's editor modernised the spelling."""
    if not want or not got:
        return False
    a, b = want.split(), got.split()
    ops = [(a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in
           difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if tag != "equal"]
    return bool(ops) and all((len(x) == len(y) == 1 or _punct_only(x, y)) and _small(x, y) for x, y in ops)


def _punct_only(x: list[str], y: list[str]) -> bool:
    """Whether two word runs differ in punctuation or spacing only: no renaming, though the words name an agency
    (LBK 983/2013 § 51 ends "… alene Ankestyrelsen" where lov 493/2013, § 1, nr. 5 writes "Ankestyrelsen.")."""
    return _PUNCT.sub("", " ".join(x)).lower() == _PUNCT.sub("", " ".join(y)).lower()


def _only_names(words: list[str], before: list[str] = ()) -> bool:
    """Whether a run of words is no more than ministry or agency names: words naming one, the parts of
    a hyphenated name ("Social-", "børne-", "og"), and the few words of a "ministeren for …" name ("by,
    bolig og landdistrikter", "forskning, innovation og videregående uddannelser"). A whole § that one
    side has and the other not ("(Ophævet)" against "§ 73. Skatteministeren fastsætter …") is more than
    a renaming."""
    rest = [w for w in words if not _MINISTRY.search(w) and not w.endswith(("-", "-,"))
            and w.strip(",.").lower() not in ("og", "for", "")]
    # the name may begin before the difference: "Ministeren for forskning, innovation og videregående
    # uddannelser" against "Økonomi- og erhvervsministeren" differs in two places
    named = re.search(r"minister(?:en|iet)\s+for\b", " ".join(list(before) + words), re.I)
    return len(rest) <= (6 if named else 1)


_PUNCT = re.compile(r"[\s,.;:»«\"'()\-–]+")


def _small(x: list[str], y: list[str]) -> bool:
    """Whether two word runs differ as a typo or a comma does: only by punctuation, spacing,
    hyphens or case ("re-gionsrådsformand", "15. -dagen", "år."/"år", "Med"/"med"), or by at most
    two characters in one word ("registret"/"registeret", "borgelig"/"borgerlig")."""
    a, b = " ".join(x), " ".join(y)
    if _PUNCT.sub("", a).lower() == _PUNCT.sub("", b).lower():
        return True
    if len(x) > 1 or len(y) > 1 or re.sub(r"\D", "", a) != re.sub(r"\D", "", b):
        return False  # a number is never a typo ("stk. 4" for "stk. 6": a reference, not a spelling)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal") <= 2


def explain(want: str | None, got: str | None, before: str | None, by) -> str | None:
    """The editorial class of a § that a nummer of the chain changed and that still differs from
    the official LBK, when every difference has evidence of being the LBK's own correction;
    None when one of them may be lawdiff's (then the § counts as "lawdiff"). Per difference
    (a word-level opcode between the LBK's text and lawdiff's):
    - "tekst ingen nummer skrev": lawdiff's words there are the base's (no nummer wrote them: the
      executed numre changed other words of the §), and the act's numre do not hold the LBK's words
      there (so it is not a change lawdiff failed to make): "særlig" -> "særligt", "Tilbudet" ->
      "Tilbuddet", and larger: færdselsloven § 134, stk. 2, nr. 14 of LBK 1047/2011 is gone where lov
      184/2011's only nummer on § 134 changes a reference in stk. 4;
    - "lovens ord": the two differ only as a typo or a comma does, and lawdiff's words there, with
      two words of context on each side or on one side (the quotation may end there), are the act's
      own words (a quotation of a nummer that touches the §): "fængsel indtil 4 år." where the LBK
      prints "år", "… sagkyndig institution eller organisation" (lov 574/2012) where it prints
      "organisationer";
    - "ressort": the difference names a ministry or an agency on one side (`_ressort`).
    A § the act rewrote or repealed whole, which the LBK still prints with the base's text, is
    "LBK beholder ophævet tekst" (LBK 1139/2013 keeps retsplejeloven §§ 645-652 after lov 1387/2012,
    § 1, nr. 12, rewrote kapitel 57 as §§ 641-644)."""
    if got is None and want is not None and want == before:
        return "redaktionel: LBK beholder ophævet tekst"
    if not want or not got:
        return None
    cls = _explain(want, got, before, by)
    return cls if cls is not None else _lbk_left_out(want, got, before, by)


def other_law(want: str | None, got: str | None, foreign: list[str], by) -> str | None:
    """"LBK trykker en anden lovs tekst": the LBK's text of the § holds a run of 25 words or more that is
    new text an act of the chain wrote into another law, and that neither lawdiff's text nor any nummer
    for this law holds. LBK 521/2013 (folkeskoleloven) prints in § 28 a, stk. 1-2 the § 16 a that lov
    1569/2010 § 1, nr. 3 inserted in lov om pædagogikum i de gymnasiale uddannelser ("kan tildele
    undervisningskompetence ved de gymnasiale uddannelser …"), where § 2, nr. 2 of the same act inserts
    a different § 28 a in folkeskoleloven (lawdiff's text is that one)."""
    if not want or not foreign:
        return None
    a = compare_text(want).split()
    mine = compare_text(" ".join([got or ""] + [json.dumps(n.data, ensure_ascii=False) for n in by]).replace("\\n", " "))
    for f in foreign:
        b = f.split()
        m = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
        if m.size >= 25 and " ".join(a[m.a:m.a + m.size]) not in mine:
            return "redaktionel: LBK trykker en anden lovs tekst"
    return None


_CITED_TITLE = re.compile(r"\b[Ll]ov(?: nr\. \d+ af \d{1,2}\. \w+ \d{4})? om [^.;:»«]*$")
_CITED_TITLE_AFTER = re.compile(r"^[^.;:»«]*?, jf\. lovbekendtgørelse nr\.")


def cited_title(want: str | None, got: str | None, before: str | None, by) -> str | None:
    """"overalt i en citeret lovs titel (advarsel)": an "overalt" nummer changes words that the LBK keeps
    where they stand in the title of an act cited by its lovbekendtgørelse ("lov om Arbejdsgivernes
    Elevrefusion, jf. lovbekendtgørelse nr. 169 af …": LBK 203/2013 §§ 33 and 41, lov 1347/2012 § 1,
    nr. 2), and with those places changed as the nummer says the LBK's text is lawdiff's (or differs only
    as the editorial classes allow). lawdiff executes the words as written and warns at each such place
    (engine._warn_cited_titles): which reading is meant is for an editor."""
    if not want or not got:
        return None
    for n in by:
        for c in n.data.get("ændringer") or []:
            if not (isinstance(c, dict) and c.get("overalt") and isinstance(c.get("ændres"), str)
                    and isinstance(c.get("til"), str)):
                continue
            old, new = c["ændres"], c["til"]
            out, k, hit = [], 0, False
            for m in re.finditer(re.escape(old), want):
                if _CITED_TITLE.search(want[:m.start()]) and _CITED_TITLE_AFTER.search(want[m.end():]):
                    out.append(want[k:m.start()] + new)
                    k, hit = m.end(), True
            fixed = "".join(out) + want[k:]
            if hit and (compare_text(fixed) == compare_text(got) or _explain(fixed, got, before, by) is not None):
                return "overalt i en citeret lovs titel (advarsel)"
    return None


def _dehyphenate(words: list[str]) -> list[str]:
    """"Påhængs- vogn" -> "Påhængsvogn" (a word broken across a narrow table column), not "påhængs- og"."""
    out: list[str] = []
    for w in words:
        if out and out[-1].endswith("-") and len(out[-1]) > 1 and w[:1].islower() and w not in ("og", "eller", "til"):
            out[-1] = out[-1][:-1] + w
        else:
            out.append(w)
    return out


def table_order(want: str | None, got: str | None, by) -> str | None:
    """"redaktionel: LBK's tabel i en anden celleorden": lawdiff's § holds verbatim the whole new text of a
    nummer of the chain that holds a table, and the LBK's § has exactly the same words (counted, a word
    broken across a narrow column joined), in another order. LBK 788/2012 § 3: lov 1384/2011, § 6, nr. 1
    wrote the table whose head in the act's XML has "Vægtafgift" in the row of "Udligningsafgift"; the LBK's
    XML sets it in the row below, before "kr.", and breaks "Påhængs- vogn": the same table, encoded in
    another cell order."""
    if not want or not got or want == got:
        return None
    a, r = _dehyphenate(compare_text(want).split()), _dehyphenate(compare_text(got).split())
    if sorted(a) != sorted(r) or a == r:
        return None
    mine = compare_text(got)
    for n in by:
        for c in n.data.get("ændringer") or []:
            t = c.get("tekst") if isinstance(c, dict) else None
            if isinstance(t, str) and "|" in t and compare_text(t.replace("|", " ").replace("\n", " ")) in mine:
                return "redaktionel: LBK's tabel i en anden celleorden"
    return None


def superseded(want: str | None, got: str | None, by) -> str | None:
    """"redaktionel: LBK udførte ikke nummeret" for a rewrite: the LBK's text holds a run of 25 words or
    more of the new text of one act's nummer that a nummer of a later act of the chain rewrote whole
    ("affattes"), and lawdiff's text (which has the later act's words) does not. LBK 339/2013 § 3 prints
    the table lov 924/2012 § 9, nr. 2 wrote in § 3, stk. 1 ("Benzindrevne personbiler", "8.890"), where
    lov 1353/2012 § 8, nr. 1 ("som ændret ved § 9 i lov nr. 924", the same date, listed in the LBK's
    preamble) rewrote § 3 ("Benzindrevne biler", "7.890"); lov 1353/2012 § 15, nr. 1 also repealed lov 924's
    § 9, nr. 2 before it entered into force, so lawdiff does not execute it (consolidate.Repeal)."""
    if not want or not got:
        return None
    a = compare_text(want).split()
    mine = compare_text(got)

    def texts(n):
        return [c["tekst"] for c in n.data.get("ændringer") or [] if isinstance(c, dict) and isinstance(c.get("tekst"), str)]

    def places(n, keys):
        return {compare_text(c[k]) for c in n.data.get("ændringer") or [] if isinstance(c, dict)
                for k in keys if isinstance(c.get(k), str)}

    for y in by:
        rewrites = places(y, ("affattes",))
        for x in by:
            if x.act.id == y.act.id or x.act.date > y.act.date:
                continue
            # the later rewrite covers the earlier text: the same address, or the whole § it lies in
            if not any(r == p or (re.fullmatch(r"§ \d+(?: [a-z])?", r) and p.startswith(r + ","))
                       for r in rewrites for p in places(x, ("affattes", "i"))):
                continue
            for t in texts(x):
                b = compare_text(" ".join(t.replace("|", " ").split())).split()  # a table's cells as words
                for m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
                    if m.size >= 25 and " ".join(a[m.a:m.a + m.size]) not in mine:
                        return "redaktionel: LBK udførte ikke nummeret"
    return None


def _lbk_left_out(want: str, got: str, before: str | None, by) -> str | None:
    """"LBK udførte ikke nummeret": the LBK still prints, at one place, the words an executed nummer
    of the chain removes or replaces there (»X« udgår / »X« ændres til »Y«), the base had them too,
    and with that one place changed as the nummer says the LBK's text is lawdiff's, or differs from
    it only as the other classes allow. LBK 1065/2012 § 22, stk. 1, nr. 1 keeps ", Center for
    Energibesparelser", which lov 574/2012 § 1, nr. 7 removes from "§ 21, stk. 1, og § 22, stk. 1,
    nr. 1"; the LBK removed it in § 21 and its own note lists "§ 22, stk. 1, nr. 1" among what § 1 of
    that act amends. lawdiff executed the nummer as worded; the LBK left it out at one place."""
    for n in by:
        for c in n.data.get("ændringer") or []:
            if not isinstance(c, dict) or c.get("overalt"):
                continue
            old = c.get("udgår") if isinstance(c.get("udgår"), str) else c.get("ændres")
            if not isinstance(old, str) or not old.strip() or (before or "").count(old) < want.count(old):
                continue
            new = c.get("til", "") if "ændres" in c else ""
            k = want.find(old)
            while k != -1:
                fixed = " ".join((want[:k] + new + want[k + len(old):]).split())
                if compare_text(fixed) == compare_text(got) or _explain(fixed, got, before, by) is not None:
                    return "redaktionel: LBK udførte ikke nummeret"
                k = want.find(old, k + 1)
    return None


def _explain(want: str, got: str, before: str | None, by) -> str | None:
    a, r, b = want.split(), got.split(), (before or "").split()
    from_base = set()
    for blk in difflib.SequenceMatcher(None, r, b, autojunk=False).get_matching_blocks():
        from_base.update(range(blk.a, blk.a + blk.size))
    acts = compare_text(" ".join(json.dumps(n.data, ensure_ascii=False) for n in by).replace("\\n", " "))
    quotes = [str(v) for n in by for c in n.data.get("ændringer") or [] if isinstance(c, dict)
              for k, v in c.items() if k in ("ændres", "til", "tekst", "udgår") and isinstance(v, str)]
    seams = any(re.match(r"\s*[,.;:]", q) or re.search(r"[,.;:]\s*$", q) for q in quotes)
    # a nummer's new words (4 words or more), verbatim in lawdiff's text and nowhere in the LBK's text of
    # the §, where the LBK prints a ministry's name instead: lov 478/2012, § 2, nr. 22 writes "Ministeriet
    # for Forskning, Innovation og Videregående Uddannelser eller en statslig myndighed under ministeriet"
    # in § 23 a, stk. 2; LBK 466/2013 prints "Ministeren for Forskning, Innovation og Videregående
    # Uddannelser" (no act of the chain says so). The differences inside such a place are "nummerets ord"
    # when every one lies inside it and the LBK's words there, together, are no more than a ministry's name
    ops = [op for op in difflib.SequenceMatcher(None, a, r, autojunk=False).get_opcodes() if op[0] != "equal"]
    renamed: set = set()
    verbatim: set = set()  # other small differences inside such a place
    mine = " ".join(a)
    for n in by:
        for c in n.data.get("ændringer") or []:
            for k in ("til", "tekst"):
                q = compare_text(str(c.get(k) or "")).split() if isinstance(c, dict) else []
                if len(q) < 4 or " ".join(q) in mine:
                    continue
                for i in range(len(r) - len(q) + 1):
                    if r[i:i + len(q)] != q:
                        continue
                    inside = [op for op in ops if op[3] < i + len(q) and op[4] > i or op[3] == op[4] and i < op[3] < i + len(q)]
                    if not inside or any(op[3] < i or op[4] > i + len(q) for op in inside):
                        continue
                    lbk_words = [w for op in inside for w in a[op[1]:op[2]]]
                    first = min(op[1] for op in inside)
                    if _MINISTRY.search(" ".join(lbk_words)) and _only_names(lbk_words, a[max(first - 6, 0):first]) \
                            and not any(_punct_only(a[op[1]:op[2]], r[op[3]:op[4]]) for op in inside):
                        renamed.update(inside)
                    elif all(max(op[2] - op[1], op[4] - op[3]) <= 2 and not re.search(r"\d", " ".join(
                            a[op[1]:op[2]] + r[op[3]:op[4]])) for op in inside):
                        # a word or two, no number, inside a nummer's new words that lawdiff's text holds
                        # verbatim: lov 357/2013, § 2, nr. 4 writes "oplysninger til kommunen og Udbetaling
                        # Danmark"; LBK 440/2013 § 1, stk. 2 prints "til kommunen og til Udbetaling Danmark"
                        verbatim.update(inside)
    kinds = set()
    for tag, i1, i2, j1, j2 in ops:
        x, y = a[i1:i2], r[j1:j2]
        span = range(j1, j2) if j2 > j1 else range(max(j1 - 1, 0), min(j1 + 1, len(r)))
        if _MINISTRY.search(" ".join(x + y)) and _only_names(x, a[max(i1 - 6, 0):i1]) and \
                _only_names(y, r[max(j1 - 6, 0):j1]) and not _punct_only(x, y):
            kinds.add("ressort")
        elif (tag, i1, i2, j1, j2) in verbatim and not _punct_only(x, y):
            kinds.add("lovens ord" if _small(x, y) else "nummerets ord")  # a typo of the act's words, or other words
        elif all(k in from_base for k in span) and not (x and (
                (len(" ".join(x)) >= 4 and compare_text(" ".join(x)) in acts)
                # (also without the punctuation after them: LBK 1126/2014 § 21, stk. 2 keeps "§ 27, stk. 5, 2.
                # pkt.,", where lov 1354/2012, § 15, nr. 7 changes »§ 27, stk. 5, 2. pkt.« to »§ 27, stk. 5«)
                or (len(" ".join(x).strip(",.;: ")) >= 4 and compare_text(" ".join(x)).strip(",.;: ") in acts)
                or compare_text(" ".join(a[max(i1 - 1, 0):i2 + 1])) in acts)):
            kinds.add("tekst ingen nummer skrev")
        elif (tag, i1, i2, j1, j2) in renamed:
            kinds.add("nummerets ord")
        elif not _small(x, y):
            return None
        elif any(compare_text(" ".join(r[max(j1 - lo, 0):j2 + hi])) in acts for lo, hi in ((2, 2), (2, 0), (0, 2))
                 if r[max(j1 - lo, 0):j2 + hi]) or (len(" ".join(y)) >= 8 and compare_text(" ".join(y)) in acts) \
                or (len(" ".join(y).strip(",.;:")) >= 8 and compare_text(" ".join(y).strip(",.;:")) in acts):
            # (the word without the punctuation after it: lov 624/2010, § 4, nr. 1 writes »børne- og
            # ungeydelse« before ", jf."; LBK 81/2011 prints "børne- og ungeydelsen,")
            kinds.add("lovens ord")
        elif "".join(x) == "".join(y) and len(x) < len(y) and any(
                q.startswith(y[k]) and q.split()[0] == y[k] or q.endswith(y[k - 1]) and q.split()[-1] == y[k - 1]
                for k in range(1, len(y)) for q in (compare_text(q) for q in quotes) if q.split()):
            # the LBK joins two words where a nummer's quotation begins or ends (a space lost at the seam): LBK
            # 1126/2014 § 8, stk. 4 prints "stk. 1eller betaling", where lov 1354/2012, § 15, nr. 1 inserts »eller
            # betaling …« after »beskatning efter stk. 1«
            kinds.add("lovens ord")
        elif _PUNCT.sub("", " ".join(x)) == _PUNCT.sub("", " ".join(y)) and seams:
            # only punctuation differs, next to a change whose quotation itself begins or ends with
            # punctuation: lawdiff did what the words say (»og« til: »,«; udgår », medmindre andet er
            # fastsat,«), the LBK set the punctuation otherwise
            kinds.add("lovens ord")
        else:
            return None
    if "nummerets ord" in kinds:
        return "redaktionel: LBK afviger fra nummerets nye ord"
    if "lovens ord" in kinds:
        return "redaktionel: rettelse af lovens ord"
    if "tekst ingen nummer skrev" in kinds:
        return "redaktionel: tekst ingen nummer skrev"
    return "redaktionel: ressort"


def _touched(numre, base=None) -> Touched:
    """§ number -> the numre whose changes name it (`Touched`; `.get(num, [])` as a dict)."""
    return Touched(numre, base)


def _drop_empty(x):
    """The strict loader refuses empty values; the reader of issue 8 writes some (e.g. an empty
    "betegnelse"): leave them out."""
    if isinstance(x, dict):
        return {k: _drop_empty(v) for k, v in x.items() if v not in ("", None)}
    if isinstance(x, list):
        return [_drop_empty(v) for v in x]
    return x


_MONTH = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]
_LBK = re.compile(r"lovbekendtgørelse nr\. (\d+) af \d{1,2}\. (" + "|".join(_MONTH) + r") (\d{4})")


def popular_title(path: Path) -> str | None:
    """The LexDania metadata's <PopularTitle> ("Retsplejeloven" for lov om rettens pleje)."""
    try:
        head = path.read_bytes()[:20000].decode("utf-8", "replace")
    except OSError:
        return None
    m = re.search(r"<PopularTitle>([^<]+)</PopularTitle>", head)
    return m.group(1) if m else None


def act_names(title: str, popular: str | None = None) -> set[str]:
    """The names an ændringsparagraf may give the act titled `title`: the product's own rule
    (changes.intro.act_names, which the import's linking uses) on the normalised title and popular title."""
    return intro_act_names(norm(title), norm(popular or ""))


_SOM_AENDRET = re.compile(r"(?:§\s*(\d+(?:\s?[a-zæøå](?![\wæøå]))?)\s+i\s+)?lov\s+nr\.\s*(\d+)"
                          r"(?:\s+af\s+\d{1,2}\.\s*[a-zæøå]+\s+(\d{4}))?")


def cites_the_preamble(par: dict, cited: dict) -> bool:
    """Whether an ændringsparagraf's "som ændret ved …" names two acts or more, each with its year, and every
    one (or its §) is among the acts the chain's LBKs say they incorporate (`cited`: preamble_acts, act id
    -> {None} or {(§, nummer)}): the § of an amending act that amends a law amends that law only, so the
    paragraf amends the chain's act whatever title it gives. Lov 1609/2010, § 1 amends "lov om en
    børnefamilieydelse … som ændret ved § 1 i lov nr. 318 af 30. april 2008, § 102 i lov nr. 1336 …" —
    the act LBK 339/2011 consolidates under its new title "lov om en børne- og ungeydelse" (lov 624/2010
    renamed it), and whose preamble names those §§ of those acts."""
    text = norm(str(par.get("som_ændret") or ""))
    pairs = [(m.group(1), m.group(2), m.group(3)) for m in _SOM_AENDRET.finditer(text)]
    if len(pairs) < 2 or any(y is None for _, _, y in pairs):
        return False
    for sec, nr, year in pairs:
        scope = cited.get(f"lov-{year}-{nr}")
        if scope is None or not (None in scope or (sec is not None and any(p == sec for p, _ in scope))):
            return False
    return True


def amends(par: dict, names: set[str], lbks: set[str], cited: dict | None = None) -> bool:
    """Whether an ændringsparagraf amends the act: its title is one of the act's names, or the
    lovbekendtgørelse it cites ("I retsplejeloven, jf. lovbekendtgørelse nr. 1008 af 24. oktober 2012")
    is one of the act's own (`lbks`: "2012/2012-1008")."""
    if norm(str(par.get("lovtitel", ""))).lower() in names:
        return True
    m = _LBK.fullmatch(norm(str(par.get("henvisning", ""))))
    if m and f"{m.group(3)}/{m.group(3)}-{m.group(1)}" in lbks:
        return True
    return bool(cited) and bool(m) and cites_the_preamble(par, cited)


def link(doc: dict, title: str, law: str, ref: str | None = None, names: set[str] | None = None,
         lbks: set[str] = frozenset(), cited: dict | None = None) -> dict:
    """Link the ændringsparagraffer that amend the act titled `title` (or known by one of `names`, or
    citing one of its lovbekendtgørelser `lbks`) to the stored act `law`."""
    doc = _drop_empty(dict(doc))
    # the act's other §§ are not executed; the reader of issue 8 may leave their "nummer" empty
    doc["øvrige"] = [o for o in doc.get("øvrige") or [] if o.get("nummer")] or None
    if doc["øvrige"] is None:
        del doc["øvrige"]
    names = names or act_names(title)
    for par in doc.get("paragraffer") or []:
        if amends(par, names, lbks, cited):
            par["lov"] = law
            doc["love"] = dict(doc.get("love") or {}, **{law: ref or law})
    return doc


def editor_includes(target, acts) -> list[str]:
    """The --include specs that say what the editor of `target` incorporated from `acts` (the chain's
    acts, loaded): the acts or the §§ and numre its preamble lists ("§ 1, nr. 1-13 og nr. 15-19, i lov
    nr. 1365 af 28. december 2011"), less the numre its notes say are not incorporated ("… er ikke
    indarbejdet i denne lovbekendtgørelse, da …"). An act the preamble does not name (its citation
    unreadable) is included whole."""
    listed = preamble_acts(target)
    notes = editor_notes(target)
    include = []

    def covered(scope, n) -> bool:
        return scope is not None and (None in scope or (n.paragraf, None) in scope or (n.paragraf, n.nummer) in scope)

    for a in acts:
        scope = listed.get(a.id, {None})
        chosen = [n for n in a.numre if covered(scope, n) and not covered(notes.excluded.get(a.id), n)]
        if not chosen:
            continue
        if len(chosen) == len(a.numre):
            include.append(a.id)
        else:
            include.append(a.id + ":" + "; ".join(f"§ {n.paragraf}, nr. {n.nummer}" for n in chosen))
    return include


def chain_acts(chain: dict, target, corpus: Path) -> list[str]:
    """The chain's acts: chains.json's "amending", and every act the target's preamble lists that the
    corpus holds and the list lacks (by date). chains.json says it lists the acts the next LBK's preamble
    lists, but for two chains it does not: LBK 382/2013 (personskatteloven) lists none of the eight acts
    its preamble names, seven of which the corpus holds (lov 554/2011 § 2, lov 599/2011 § 9, …), and LBK
    1126/2014 (pensionsafkastbeskatningsloven) only lov 1561/2010 of its ten. Without them every § those
    acts changed looked like an editorial difference ("redaktionel": no nummer of the chain touches it)."""
    acts = list(chain["amending"])
    extra = [k for k in (_act_key(aid) for aid in preamble_acts(target))
             if k and k not in acts and (corpus / (k + ".xml")).exists()]
    return acts + sorted(extra, key=lambda k: (k.split("/")[0], int(k.split("-")[1])))


def _act_key(aid: str) -> str | None:
    """"lov-2011-554" -> "2011/2011-554", the act's file in the corpus (without ".xml"); None for another id."""
    m = re.fullmatch(r"lov-(\d{4})-(\d+)", aid)
    return f"{m.group(1)}/{m.group(1)}-{m.group(2)}" if m else None


def outside_corpus(target_file: Path, corpus: Path, target) -> Touched:
    """The §§ that acts the target's preamble lists and the corpus lacks amend, as the LBK's own notes say:
    "Lov nr. 1338 af 19. december 2008 om ændring af lov om registrering af køretøjer, færdselsloven, … Ændringslovens
    § 2 vedrører §§ 72-76 a, § 88 a, stk. 1, 3. pkt., … og § 134 d." (LBK 1047/2011, whose preamble lists § 2 of that
    act; the corpus holds no act of 2008). `.get(num)` names the act(s)."""
    out = Touched([], None)
    missing = [aid for aid in preamble_acts(target) if _act_key(aid) and not (corpus / (_act_key(aid) + ".xml")).exists()]
    if not missing:
        return out
    raw = target_file.read_text(encoding="utf-8")
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
    for aid in missing:
        year, nr = aid[4:8], aid[9:]
        for m in re.finditer(rf"\bLov nr\. {nr} af \d{{1,2}}\. [a-zæøå]+ {year}\b(.{{0,600}}?)Ændringslovens §§? [\d, og]+ "
                             rf"vedrører (.+?)\.? indeholder", text):
            out._scan(m.group(2), aid, None)
    return out


def replay(chain: dict, root: Path, corpus: Path, read_amending, dump, check_blame: bool = False) -> ChainResult:
    """Replay one chain in `root` (a fresh folder). `read_amending(path) -> doc` and `dump(doc) -> str`
    are the amendment reader of issue 8 (lawdiff.importers.amending)."""
    from lawdiff.importers.lexdania import read_lexdania_file

    res = ChainResult(chain["target"])
    try:
        base = read_lexdania_file(corpus / (chain["base"] + ".xml")).act
        target = read_lexdania_file(corpus / (chain["target"] + ".xml")).act
    except LawdiffError as e:
        res.error = f"import: {e}"
        return res
    law = "kaede"
    base.law = target.law = law
    store = Store(root)
    store.save(base)
    (root / "amendments").mkdir(exist_ok=True)
    include = []
    names = act_names(base.title, popular_title(corpus / (chain["base"] + ".xml"))) | \
        act_names(target.title, popular_title(corpus / (chain["target"] + ".xml")))
    lbks = {chain["base"], chain["target"]}
    chains_file = corpus.parent / "chains.json"
    if chains_file.exists():  # every LBK of the act that the corpus's chains name
        for c in json.loads(chains_file.read_text(encoding="utf-8")):
            if c.get("title") == chain.get("title"):
                lbks |= {c["base"], c["target"]}
    foreign: list[str] = []  # the new texts the chain's acts write into other laws
    cited = preamble_acts(base)  # the acts (and §§) the chain's LBKs say they incorporate: cites_the_preamble
    for k, v in preamble_acts(target).items():
        cited[k] = set(cited.get(k, set())) | set(v)
    for a in chain_acts(chain, target, corpus):
        try:
            doc = read_amending(corpus / (a + ".xml"))
        except LawdiffError:
            continue  # an original act (LOV H) amending in passing: not an amending act file
        y, n = a.split("/")[1].split("-")
        aid = f"lov-{y}-{n}"
        linked = link(doc, base.title, law, base.key, names, lbks, cited)
        (root / "amendments" / f"{aid}.yaml").write_text(dump(linked), encoding="utf-8")
        foreign += [compare_text(" ".join(c["tekst"].split())) for p in linked.get("paragraffer") or []
                    if p.get("lov") != law for e in p.get("numre") or [] for c in e.get("ændringer") or []
                    if isinstance(c, dict) and isinstance(c.get("tekst"), str)]
        include.append(aid)
    acts = [x for x in (load_act(root / "amendments" / f"{aid}.yaml", law) for aid in include) if x]
    res.include = include = editor_includes(target, acts)
    try:
        consolidate(store, law, target.date, include, partial=False, root=root)
    except ConsolidateError as e:
        res.refused = e.message
    try:
        result, _ = consolidate(store, law, target.date, include, partial=True, root=root)
    except LawdiffError as e:
        res.error = f"consolidate --partial: {e.message}"
        return res
    save(store, result)  # for blame
    rec = result.consolidation
    from lawdiff.blame import _Version

    old_units = {u.wid: u for u in base.walk()}
    version = _Version(result)
    for u in result.walk():  # units whose own text the consolidation changed
        if u.kind in ("subsection", "paragraph", "point") and u.wid in rec.changed_by:
            o = old_units.get(u.wid)
            if o is not None and [norm(x) for x in o.own_lines()] != [norm(x) for x in u.own_lines()]:
                res.attributed[version.cite(u)] = rec.changed_by[u.wid]
    skipped = {(s.act, s.nummer) for s in rec.not_executed}
    # numre another act of the chain repealed before they entered into force (consolidate.Repeal): not
    # executed on purpose; they still bear on a § whose LBK prints their text (superseded)
    repealed = {(s.act, s.nummer) for s in rec.pending if s.reason.startswith("ophævet ved")}
    res.not_executed = [(s.act, s.nummer, s.reason) for s in rec.not_executed]
    numre = [n for a in acts for n in a.numre]
    touched = Touched(numre, base)
    applied = {(a.act, x) for a in rec.applied for x in a.numre}
    chosen = {}  # act id -> the numre the editor incorporated ({None}: all)
    for spec in include:
        aid, _, scope = spec.partition(":")
        chosen[aid] = parse_scope(scope) if scope else {None}
    by_attr = {n.attribution: n for n in numre}
    ran = applied | skipped
    overalt = {id(n): [compare_text(c["ændres"]) for c in n.data.get("ændringer") or [] if isinstance(c, dict)
                       and c.get("overalt") and isinstance(c.get("ændres"), str) and len(c["ændres"].strip()) >= 4]
               for n in numre}
    recorded: dict[str, list] = {}  # § -> the numre the record names as last changing one of its units
    for sec in result.sections():
        if sec.num:
            for u in sec.walk():
                n = by_attr.get(rec.changed_by.get(u.wid, ""))
                if n is not None and n not in recorded.setdefault(canonical_num(sec.num), []):
                    recorded[canonical_num(sec.num)].append(n)
    bt, br = _texts(base)
    tt, tr = _texts(target)
    rt, rr = _texts(result)
    outside = outside_corpus(corpus / (chain["target"] + ".xml"), corpus, target)
    for num in tt:
        if "-" in num or " og " in num:
            continue
        res.sections += 1
        t, r, b = _value(tt, tr, num), _value(rt, rr, num), _value(bt, br, num)
        ok = _same(t, r)
        res.identical += ok
        if not _same(t, b):
            res.changed += 1
            res.changed_identical += ok
        if ok:
            continue
        # the numre that bear on the § as lawdiff made it: those executed or refused (a nummer neither
        # executed nor refused — left out by the editor, or pending — did not change lawdiff's text)
        by = [n for n in touched.get(num, []) if (n.act.id, n.cite) in applied or (n.act.id, n.cite) in skipped
              or (n.act.id, n.cite) in repealed]
        # and every nummer the record names as the last to change a unit of the § (a nummer that changes
        # words throughout the act, or whose address the scan above misses)
        by += [n for n in recorded.get(num, []) if n not in by]
        # and every nummer that changes words throughout the act ("overalt") executed or refused, whose old
        # words still stand in lawdiff's text of the §: lov 1392/2012, § 1, nr. 2 (»Kort- og Matrikelstyrelsen«
        # ændres overalt til »Geodatastyrelsen«) is refused, so LBK 1210/2013 §§ 1-7 differ by it, not by a
        # renaming no act states ("redaktionel: ressort" hid that)
        by += [n for n in numre if n not in by and r and (n.act.id, n.cite) in ran
               and any(w in r for w in overalt.get(id(n), ()))]
        # the numre that name the § but were neither executed nor refused: left out by the editor (the
        # preamble or a note) or not yet in force
        left = [n for n in touched.get(num, []) if n not in by]
        if any((n.act.id, n.cite) in applied and None not in chosen.get(n.act.id, {None})
               and (n.paragraf, n.nummer) not in chosen[n.act.id] for n in by):
            cls = "delvis"  # a nummer the editor left out was applied by its date
        elif any((n.act.id, n.cite) in skipped for n in by):
            cls = "ikke udført"
        elif t and "(Udeladt" in t and (by or left):
            cls = "udeladt"
        elif _same(t, b) and any((ikraft_of(n).date or "") > target.date for n in by):
            cls = "senere ikrafttræden"  # the LBK kept the base's text where a nummer in force after it wrote
        elif _ressort(t, r):
            cls = "redaktionel: ressort"
        elif not by and outside.get(num):
            cls = "redaktionel: lov uden for korpus"  # the LBK's note: an act the corpus lacks amends the §
        elif not by and _spelling(t, r):
            cls = "redaktionel: retskrivning"  # "særligt" for the base's "særlig", "linje" for "linie"
        elif not by:
            cls = "redaktionel"
        else:
            cls = explain(t, r, b, by) or other_law(t, r, foreign, by) or cited_title(t, r, b, by) or \
                superseded(t, r, by) or table_order(t, r, by) or "lawdiff"
            if cls == "redaktionel: tekst ingen nummer skrev" and outside.get(num):
                cls = "redaktionel: lov uden for korpus"  # LBK 1047/2011 § 118: lov 1338/2008 removed "§ 72, §§ 74-75,"
        res.misses.append((num, cls))
        res.texts[num] = (t, r, [f"{n.act.id} {n.cite}" for n in by])
    if check_blame:
        _check_blame(res, store, base, result, numre, touched, applied,
                     {m for m in tt if _same(_value(tt, tr, m), _value(rt, rr, m))})
    return res


def _check_blame(res, store, base, result, numre, touched, applied, identical: set[str]) -> None:
    """Blame, checked against the operations: for every stk./nr./litra/pkt. of the consolidated
    version, `lawdiff blame` must name "oprindelig tekst" of the base where the text is the base's,
    and otherwise a nummer of the chain that was executed and whose instructions name that § (or
    that changes words throughout the act: "overalt"). Counted in `res.blame`; the first wrong
    lines kept in `res.blame_wrong`."""
    from lawdiff.blame import _pkts, blame_units

    by_attr = {n.attribution: n for n in numre}
    old = {u.wid: u for u in base.walk()}
    overalt = {id(n) for n in numre if any(isinstance(c, dict) and c.get("overalt")
                                           for c in n.data.get("ændringer") or [])}
    origin = f"oprindelig tekst (første kendte version: {base.source}, {base.key})"
    cache: dict = {}
    for sec in result.sections():
        if not sec.num:
            continue
        num = canonical_num(sec.num)
        for u, k, cite, who in blame_units(store, result, [sec], cache):
            o = old.get(u.wid)
            if o is None or o.kind != u.kind:  # a unit the engine made anew: the base's unit at its address
                try:
                    found = resolve(base, re.sub(r", \d+\. pkt\.$", "", cite)).units
                except LawdiffError:
                    found = []
                o = found[0] if len(found) == 1 and found[0].kind == u.kind else None
            mine, before = _pkts(u), (_pkts(o) if o is not None else None)
            same = before is not None and (mine == before if k is None else k < len(before) and before[k] == mine[k])
            kind = "changed" if not same else "unchanged"
            if same:
                good = who == origin
            else:
                n = next((by_attr[a] for a in by_attr if who.startswith(a + " (")), None)
                good = n is not None and (n.act.id, n.cite) in applied and \
                    (n in touched.get(num, []) or id(n) in overalt)
            key = kind + (" (§ identisk med LBK)" if num in identical else "")
            ok, total = res.blame.get(key, (0, 0))
            res.blame[key] = (ok + good, total + 1)
            if not good and len(res.blame_wrong) < 5:
                res.blame_wrong.append(f"{res.target}: {cite}: {who}")


def refusal_cause(why: str) -> str:
    """A refusal message as a cause: quotations, numbers and letters of addresses elided."""
    why = why.split("\n", 1)[0]
    why = re.sub(r"»[^«]*«", "»…«", why)
    why = re.sub(r"\b\d+(?: [a-z]\b)?", "N", why)
    return why[:110]


def summary(results: list[ChainResult]) -> tuple[str, dict]:
    done = [r for r in results if r.error is None]
    fig = {
        "chains": len(results),
        "replayed": len(done),
        "without_refusal": sum(1 for r in done if r.refused is None),
        "fully_identical": sum(1 for r in done if r.identical == r.sections),
        "sections": sum(r.sections for r in done),
        "identical": sum(r.identical for r in done),
        "changed": sum(r.changed for r in done),
        "changed_identical": sum(r.changed_identical for r in done),
    }
    classes = Counter(c for r in done for _, c in r.misses)
    lines = [
        f"chains: {fig['chains']}, replayed: {fig['replayed']} (import errors: {fig['chains'] - fig['replayed']})",
        f"replayed without refusal: {fig['without_refusal']}",
        f"chains fully identical: {fig['fully_identical']}",
        f"§§ identical: {fig['identical']:,} of {fig['sections']:,} "
        f"({100 * fig['identical'] / max(fig['sections'], 1):.2f} %)",
        f"changed §§ identical: {fig['changed_identical']:,} of {fig['changed']:,} "
        f"({100 * fig['changed_identical'] / max(fig['changed'], 1):.2f} %)",
        "differences by class: " + ", ".join(f"{k} {v}" for k, v in classes.most_common()),
    ]
    for r in results:
        if r.error:
            lines.append(f"  {r.target}: {r.error}")
    # the numre not executed, grouped by cause (the refusal with its quotations and numbers elided):
    # the table issue 9's "ikke udført" class is worked from
    causes = Counter(refusal_cause(why) for r in done for _, _, why in dict.fromkeys(r.not_executed))
    if causes:
        lines.append(f"numre not executed: {sum(causes.values())}, by cause:")
        lines += [f"  {n:4d}  {c}" for c, n in causes.most_common()]
    lawdiff = [(r.target, num) for r in done for num, c in r.misses if c == "lawdiff"]
    if lawdiff:
        lines.append("class lawdiff: " + ", ".join(f"{t} § {num}" for t, num in lawdiff))
    return "\n".join(lines), fig


# --- the date path: consolidate without --include (issue 9, item 1: the numre chosen by their own
# ikrafttræden), against what the target LBK's preamble lists and against the target's text -------

@dataclass
class DateResult:
    target: str
    error: str | None = None
    date: str = ""  # the target LBK's date (--at)
    base_date: str = ""
    by_date: set = field(default_factory=set)  # (act id, "§ 1, nr. 3") chosen by date alone
    by_preamble: set = field(default_factory=set)  # chosen with --include of the preamble's numre
    only_date: dict = field(default_factory=dict)  # nummer -> class
    only_preamble: dict = field(default_factory=dict)  # nummer -> class
    sections: int = 0
    identical: int = 0  # §§ of the date path's text identical to the target
    identical_include: int = 0  # §§ of the --include path's text identical to the target
    changed: int = 0
    changed_identical: int = 0
    changed_identical_include: int = 0
    pending: list = field(default_factory=list)  # (act, nummer, why) the date path keeps pending
    warnings: list = field(default_factory=list)  # the date path's warnings about ikrafttræden


def setup_chain(chain: dict, root: Path, corpus: Path, read_amending, dump):
    """The store of one chain in `root`, as `replay` makes it: (base, target, [AmendingAct], law) —
    the base LBK saved as "kaede", the chain's acts written to amendments/ and linked to it."""
    from lawdiff.importers.lexdania import read_lexdania_file

    base = read_lexdania_file(corpus / (chain["base"] + ".xml")).act
    target = read_lexdania_file(corpus / (chain["target"] + ".xml")).act
    law = "kaede"
    base.law = target.law = law
    store = Store(root)
    store.save(base)
    (root / "amendments").mkdir(exist_ok=True)
    names = act_names(base.title, popular_title(corpus / (chain["base"] + ".xml"))) | \
        act_names(target.title, popular_title(corpus / (chain["target"] + ".xml")))
    lbks = {chain["base"], chain["target"]}
    chains_file = corpus.parent / "chains.json"
    if chains_file.exists():
        for c in json.loads(chains_file.read_text(encoding="utf-8")):
            if c.get("title") == chain.get("title"):
                lbks |= {c["base"], c["target"]}
    ids = []
    cited = preamble_acts(base)  # the acts (and §§) the chain's LBKs say they incorporate: cites_the_preamble
    for k, v in preamble_acts(target).items():
        cited[k] = set(cited.get(k, set())) | set(v)
    for a in chain_acts(chain, target, corpus):
        try:
            doc = read_amending(corpus / (a + ".xml"))
        except LawdiffError:
            continue
        y, n = a.split("/")[1].split("-")
        aid = f"lov-{y}-{n}"
        (root / "amendments" / f"{aid}.yaml").write_text(dump(link(doc, base.title, law, base.key, names, lbks, cited)),
                                                         encoding="utf-8")
        ids.append(aid)
    acts = [x for x in (load_act(root / "amendments" / f"{aid}.yaml", law) for aid in ids) if x]
    return base, target, acts, law, store


def _chosen(p) -> set:
    return {(n.act.id, n.cite) for _, _, numre in p.steps for n in numre}


def classify_only_preamble(n, base_date: str, at: str, inc, pending: str | None = None) -> str:
    """Why the date path did not choose a nummer the target's preamble lists (--include chose it);
    `pending`: the reason the date path gave when it listed the nummer as pending."""
    from lawdiff.consolidate import PUBLICATION_MARGIN, _plus, is_incorporated

    if is_incorporated(inc, n):
        return "grundlaget har den allerede (ifølge dets indledning)"
    if pending and "ikke er indarbejdet" in pending:
        return "grundlagets note: ikke indarbejdet, men i kraft før grundlaget (afventer)"
    ik = ikraft_of(n)
    if ik.date is not None:
        if ik.date > at:
            return "træder i kraft efter LBK'ens dato (LBK'en medtager den)"
        if ik.date <= base_date:
            return "trådte i kraft før grundlagets dato (grundlaget nævner den ikke)"
        return "??? i kraft mellem grundlag og LBK"
    why = ik.pending or ""
    if why == "publication":
        if _plus(n.act.date, PUBLICATION_MARGIN) > at:
            return "dagen efter bekendtgørelsen: datoen kendes ikke (LBK'en lige efter loven)"
        return "dagen efter bekendtgørelsen: før grundlagets dato"
    if "minister" in why:
        return "ministeren fastsætter datoen (afventer)"
    if "kan ikke afgøres" in why:
        return "ikrafttrædelsesbestemmelsen kan læses på to måder (afventer)"
    if "står ikke i ændringsfilen" in why:
        return "ikrafttræden ikke læst"
    if "kan ikke læses" in why:
        return "ikrafttrædelsesbestemmelse kan ikke læses"
    return "andet: " + why[:60]


def classify_only_date(n, listed, notes) -> str:
    """Why the date path chose a nummer that the target's preamble does not list."""
    scope = listed.get(n.act.id)
    ex = notes.excluded.get(n.act.id)
    if ex is not None and (None in ex or (n.paragraf, None) in ex or (n.paragraf, n.nummer) in ex):
        return "LBK'ens note: ikke indarbejdet"
    if scope is None:
        return "loven står ikke i LBK'ens indledning"
    return "LBK'en medtager kun en del af loven"


def replay_by_date(chain: dict, root: Path, corpus: Path, read_amending, dump) -> DateResult:
    """Consolidate one chain by date alone (--at the target's date, no --include, --partial) and with
    --include of the target preamble's numre; compare the numre each chose, and both texts with the
    official target § by § (as `replay` compares)."""
    from lawdiff.consolidate import incorporated

    res = DateResult(chain["target"])
    try:
        base, target, acts, law, store = setup_chain(chain, root, corpus, read_amending, dump)
    except LawdiffError as e:
        res.error = f"import: {e}"
        return res
    res.date, res.base_date = target.date, base.date
    include = editor_includes(target, acts)
    try:
        by_date, pd = consolidate(store, law, target.date, [], partial=True, root=root)
        by_inc, pi = consolidate(store, law, target.date, include, partial=True, root=root)
    except LawdiffError as e:
        res.error = f"consolidate --partial: {e.message}"
        return res
    res.by_date, res.by_preamble = _chosen(pd), _chosen(pi)
    res.pending = [(s.act, s.nummer, s.reason) for s in pd.pending]
    res.warnings = [w for w in pd.warnings if "ikrafttræd" in w]
    numre = {(n.act.id, n.cite): n for a in acts for n in a.numre}
    inc = incorporated(base, store.load)
    listed, notes = preamble_acts(target), editor_notes(target)
    for k in sorted(res.by_preamble - res.by_date):
        res.only_preamble[k] = classify_only_preamble(numre[k], base.date, target.date, inc,
                                                      {(s.act, s.nummer): s.reason for s in pd.pending}.get(k))
    for k in sorted(res.by_date - res.by_preamble):
        res.only_date[k] = classify_only_date(numre[k], listed, notes)
    bt, br = _texts(base)
    tt, tr = _texts(target)
    dt_, dr = _texts(by_date)
    it, ir = _texts(by_inc)
    for num in tt:
        if "-" in num or " og " in num:
            continue
        res.sections += 1
        t, b = _value(tt, tr, num), _value(bt, br, num)
        d_ok, i_ok = _same(t, _value(dt_, dr, num)), _same(t, _value(it, ir, num))
        res.identical += d_ok
        res.identical_include += i_ok
        if not _same(t, b):
            res.changed += 1
            res.changed_identical += d_ok
            res.changed_identical_include += i_ok
    return res


def summary_by_date(results: list[DateResult]) -> tuple[str, dict]:
    done = [r for r in results if r.error is None]
    fig = {
        "chains": len(results),
        "replayed": len(done),
        "same_numre": sum(1 for r in done if r.by_date == r.by_preamble),
        "only_date": sum(len(r.only_date) for r in done),
        "only_preamble": sum(len(r.only_preamble) for r in done),
        "by_preamble": sum(len(r.by_preamble) for r in done),
        "sections": sum(r.sections for r in done),
        "identical": sum(r.identical for r in done),
        "identical_include": sum(r.identical_include for r in done),
        "changed": sum(r.changed for r in done),
        "changed_identical": sum(r.changed_identical for r in done),
        "changed_identical_include": sum(r.changed_identical_include for r in done),
    }
    pct = lambda a, b: f"{100 * a / max(b, 1):.2f} %"  # noqa: E731
    lines = [
        f"chains: {fig['chains']}, replayed: {fig['replayed']}",
        f"chains where the date path chose the preamble's numre: {fig['same_numre']} of {fig['replayed']}",
        f"numre chosen with --include: {fig['by_preamble']:,}; by date but not in the preamble: {fig['only_date']}; "
        f"in the preamble but not by date: {fig['only_preamble']}",
        f"§§ identical to the target: by date {fig['identical']:,}, with --include {fig['identical_include']:,} "
        f"of {fig['sections']:,} ({pct(fig['identical'], fig['sections'])} / {pct(fig['identical_include'], fig['sections'])})",
        f"changed §§ identical: by date {fig['changed_identical']:,}, with --include {fig['changed_identical_include']:,} "
        f"of {fig['changed']:,} ({pct(fig['changed_identical'], fig['changed'])} / "
        f"{pct(fig['changed_identical_include'], fig['changed'])})",
    ]
    for title, attr in (("by date, not in the preamble", "only_date"), ("in the preamble, not by date", "only_preamble")):
        c = Counter(v for r in done for v in getattr(r, attr).values())
        lines.append(f"{title}, by class:")
        lines += [f"  {n:4d}  {k}" for k, n in c.most_common()]
    lines.append("per chain (target: numre by date / with --include; only by date; only in the preamble):")
    for r in results:
        if r.error:
            lines.append(f"  {r.target}: {r.error}")
            continue
        mark = "same" if r.by_date == r.by_preamble else "DIFF"
        lines.append(f"  {r.target} ({r.base_date} -> {r.date}): {mark} {len(r.by_date)}/{len(r.by_preamble)}; "
                     f"§§ identical {r.identical}/{r.identical_include} of {r.sections}"
                     + (f"; +{len(r.only_date)} -{len(r.only_preamble)}" if mark == "DIFF" else ""))
        for k, v in list(r.only_date.items())[:3]:
            lines.append(f"      + {k[0]} {k[1]}: {v}")
        for k, v in list(r.only_preamble.items())[:3]:
            lines.append(f"      - {k[0]} {k[1]}: {v}")
    return "\n".join(lines), fig
