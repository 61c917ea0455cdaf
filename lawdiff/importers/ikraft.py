"""The commencement provisions of an amending act read as data (`ikrafttræden`, docs/format.md,
"Commencement"): the sentences of its commencement §§ ("Loven træder i kraft den 1. juli 2011",
"§ 1, nr. 5 og 6, træder først i kraft den 1. januar 2016", "Tidspunktet for ikrafttrædelsen af lovens
§ 1, nr. 1 og 2, fastsættes af …ministeren") become rules: a date, "dagen efter bekendtgørelsen", or a
minister who sets the date, each with `gælder` naming the numre and §§ when the sentence does.

Read from the text of the §§ (importers/amending.py gives it, verbatim, as for `øvrige`); a sentence
that says when a part of the act enters into force and that no rule reads is reported
(`unread_commencement`), so that the caller gives no rules at all: a general date must never reach
numre that such a sentence excepts.
"""
from __future__ import annotations

import datetime
import re
from typing import Callable

from lxml import etree

from ..text import has_invisible, norm
from ..validate import MONTHS


# "træder i kraft den 1. juli 2011", also "træder dog [først] i kraft den …" (an exception to the
# general rule: lov 745/2014 § 3, stk. 2-3; lov 1613/2013 § 5, stk. 3) and "træder i kraft og har
# virkning fra og med den …" (lov 1227/2012 § 4, stk. 3): each names the day the numre enter into force
_IKRAFT_DATE = re.compile(r"træder(?: dog)?(?: først)?(?: i øvrigt)? i kraft(?: og har virkning fra og med)? den (\d{1,2})\. (\w+) "
                          r"(\d{4})")
# After the date (or "dagen efter bekendtgørelsen"), words that make an exception for a part of the act
# in the same sentence: "Loven træder i kraft den 1. juli 2000, § 6 dog først den 1. juli 2002", "…, dog
# træder § 99 i kraft den 1. august 1996", "…, bortset fra bestemmelserne i lovens §§ 7 og 8, der træder i
# kraft …", "§ 1, nr. 3, træder i kraft den 1. juli 2017, og § 1, nr. 4, træder i kraft den 1. januar 2018"
# (wordings of the LBKs' notes on older acts). The rule read from the first date gave the excepted numre
# the general date, silently; now the sentence gives no rule and is reported (unread_commencement).
# "jf. dog stk. 2" is the usual pointer to the next stk. (read on its own), and a note's text
# ("12) Ændringslovens § 1, nr. 2, vedrører …", printed inside the sentence in some LOV H) is no part of it.
_POINTER = re.compile(r"\bjf\.,? dog\b|\bdog jf\.")
_NOTE_IN_SENTENCE = re.compile(r"\s\d{1,3}\)\s")
_EXCEPTION_AFTER = re.compile(r"\b(?:dog|bortset|undtagen|undtaget|undtagelse|idet|men|først|træder|trådt)\b")
# "træder i kraft dagen efter bekendtgørelsen i Lovtidende", also "træder dog i kraft …" and "dagen
# efter lovens bekendtgørelse i Lovtidende" (lov 465/2011 § 2, stk. 2; lov 706/2010)
# "træder i kraft ved bekendtgørelsen i Lovtidende" (lov 399/2016, 1505/2016, 1705/2016): on the day of
# publication, `bekendtgørelse: ved`
_IKRAFT_PUBLICATION = re.compile(r"træder(?: dog)? i kraft (?P<when>dagen efter|ved) (?:lovens bekendtgørelse|bekendtgørelsen) i "
                                 r"Lovtidende")
# a minister sets the entry into force: "Beskæftigelsesministeren fastsætter tidspunktet for
# ikrafttrædelsen af § 1, nr. 1-6, og § 6.", "Ministeren for videnskab, teknologi og udvikling
# fastsætter tidspunktet for ikrafttrædelsen af …", "Skatteministeren fastsætter ikrafttrædelsen af
# § 1, nr. 1-7.", "Tidspunktet for ikrafttrædelsen af lovens § 1, nr. 1 og 2, fastsættes af social- og
# integrationsministeren." (lov 495/2013, § 3, stk. 2), "Lovens § 2 træder i kraft på et tidspunkt,
# der fastsættes af …ministeren."
_MINISTER_NAME = r"(?:[\wæøå-]*ministeren|[Mm]inisteren for [\wæøå ,-]+?|Ministeren)"
_MINISTER_RULES = [
    # also "… fastsætter efter aftale med skatteministeren tidspunktet for ikrafttræden af § 3." (lov
    # 702/2010), "… fastsætter tidspunktet for lovens ikrafttræden og kan herunder fastsætte, at lovens
    # §§ 1-4 træder i kraft på forskellige tidspunkter." (lov 715/2010; 271/2011), "… for lovens eller
    # dele af lovens ikrafttræden." (lov 1233/2012: the whole act, each part at the minister's date), "…
    # fastsætter efter forhandling med justitsministeren, … tidspunktet for lovens ikrafttræden." (lov 80/2017),
    # "… fastsætter tidspunktet for ikrafttrædelse af § 2, stk. 2, … som affattet henholdsvis ændret ved denne
    # lovs § 1, nr. 1-4." (lov 430/2010), "… fastsætter ikrafttrædelsestidspunktet for § 89 … i lov om en aktiv
    # beskæftigelsesindsats som ændret henholdsvis affattet ved denne lovs § 1, nr. 15 og 16, …" (lov 431/2010):
    # unread, these numre had the act's general date
    re.compile(_MINISTER_NAME + r"\s+fastsætter\s+(?:efter\s+(?:aftale|indstilling|forhandling)\s+(?:med|fra)\s+[^.]+?\s+)?"
               r"(?:tidspunktet\s+for\s+)?(?:lovens\s+(?:eller\s+dele\s+af\s+lovens\s+)?)?"
               r"(?:ikrafttræ(?:delsen|delse|den)(?:\s+af\s+(?P<scope>.+?))?|ikrafttrædelsestidspunktet\s+for\s+(?P<scope3>.+?))"
               r"(?:,\s*(?:jf\.(?!\s+(?:denne\s+lovs\s+|lovens\s+)?§)|herunder\b).*"
               r"|\s+og\s+kan\s+herunder\s+fastsætte,\s+at\s+lovens\s+(?:§§?\s+[\d\s,a-z-]+|bestemmelser)\s+træder\s+i\s+kraft"
               r"\s+på\s+forskellige\s+tidspunkter)?\.$"),
    # also "…, jf. dog stk. 2." (lov 1606/2010) and "…, dog senest den 1. april 2015." (lov 358/2013: the
    # minister's date, which the act bounds; still unknown)
    re.compile(r"^(?:Stk\. \d+\. )?[Tt]idspunktet\s+for\s+(?:lovens\s+)?ikrafttræ(?:delsen|delse|den)"
               r"(?:\s+af\s+(?P<scope>.+?))?,?\s+fastsættes\s+af\s+(?:[\wæøå ,-]*?ministeren|ministeren for [\wæøå ,-]+?)"
               r"(?:,\s+jf\.\s+dog\s+stk\.\s+\d+(?:\s+og\s+\d+)?|,\s+dog\s+senest\s+den\s+\d{1,2}\.\s+\w+\s+\d{4})?\.$"),
    re.compile(r"^(?:Stk\. \d+\. )?(?:Loven|Lovens (?P<scope>.+?)|(?P<scope2>§§? .+?)) træder i kraft på et "
               r"tidspunkt, (?:der|som) fastsættes af\s+[\wæøå ,-]*?ministeren\.$"),
    # "Økonomi- og erhvervsministeren bemyndiges til at fastsætte lovens ikrafttrædelsestidspunkt." (lov 619/2011),
    # "… bemyndiges til at fastsætte ikrafttrædelsestidspunktet for lovens § 1, nr. 5, 6, 8 og 9, og §§ 4 og 5."
    # (lov 273/2012)
    re.compile(_MINISTER_NAME + r"\s+bemyndiges\s+til\s+at\s+fastsætte\s+(?:tidspunktet\s+for\s+)?"
               r"(?:lovens\s+)?(?:ikrafttræ(?:delsestidspunkt|delsen|den)(?:\s+af\s+(?P<scope>.+?))?"
               r"|ikrafttrædelsestidspunktet\s+for\s+(?P<scope3>.+?))\.$"),
    # "Miljøministeren kan fastsætte, at § 32, stk. 3, i lov om miljøbeskyttelse som affattet ved denne lovs § 2,
    # nr. 3, træder i kraft på et andet tidspunkt end resten af loven." (lov 484/2010): that part's date is the
    # minister's (pending), whatever date the act's other rules give
    re.compile(_MINISTER_NAME + r"\s+kan\s+(?:dog\s+)?fastsætte,\s+at\s+(?P<scope>(?:lovens\s+)?§§?\s.+?)\s+træder\s+i\s+"
               r"kraft\s+på\s+et\s+(?:andet|senere)\s+tidspunkt(?:\s+end\s+resten\s+af\s+loven)?\.$"),
    # "§§ 70 og 71 træder dog i kraft efter justitsministerens nærmere bestemmelse." (lov 594/2011, § 86)
    re.compile(r"^(?:Stk\. \d+\. )?(?:Loven|Lovens (?P<scope>.+?)|(?P<scope2>§§? .+?)) træder(?: dog)? i kraft "
               r"efter\s+[\wæøå ,-]*?ministerens\s+nærmere\s+bestemmelse\.$"),
]
# a sentence that states when (part of) the act enters into force: its subject is the act or its §§
# ("Loven …", "Lovens § 2 …", "§§ 70 og 71 …") and it says "træder … i kraft", or it leaves the
# date to a minister. Used to refuse an original act's commencement § that has one the reader
# cannot turn into a rule (original_ikraft).
# Not a sentence whose verb is another ("Loven bortset fra § 1, nr. 15, finder ikke anvendelse …, som
# træder i kraft …", lov 281/2011; "§ 1, nr. 18, finder tilsvarende anvendelse …"), nor one where a
# minister sets something else ("Justitsministeren fastsætter bestemmelser om … inden lovens
# ikrafttræden", lov 479/2011; "Såfremt skatteministeren fastsætter, at lovens §§ 1, 3 og 4 har virkning
# …", lov 624/2011).
# commencement sentences no rule reads, so never a rule's subject: the verb first ("Dog træder § 18 i
# kraft den 1. juli 1990", an LBK's note on an older act), or a minister who may set another date for
# a part ("Ministeren kan dog fastsætte, at § 1, nr. 3, træder i kraft på et senere tidspunkt")
# ("Ministeren kan herunder fastsætte, at bestemmelserne træder i kraft på forskellige tidspunkter" and "…
# for Færøerne og Grønland på andre tidspunkter", in 37 acts, say how the minister who sets the act's date
# may use the power, or where the act applies: no exception to a date)
_VERB_FIRST = (r"|^(?:Stk\. \d+\. )?(?:Dog|Endvidere|Desuden|Samtidig) træder\b.*\bi kraft\b"
               r"|^(?!.*\b(?:herunder|forskellige|Færøerne|Grønland)\b).*\bfastsætte(?:r|\b),? at\b.*\btræder\b.*\bi kraft\b")
# a part of the act named by the amended law's words, "denne lovs" its numre: "Færdselslovens § 119 a, …
# som affattet eller ændret ved denne lovs § 1, nr. 9-15, 18-21 og 24-29, træder i kraft den 1. oktober
# 2010." (lov 716/2010 § 3, stk. 2; 15 sentences in 12 amending acts, among them lov 641/2010 and 275/2011
# of the chains). No rule reads such a subject: unread, so the act's general date never reaches those
# numre (it did, with exit 0, until review3 found it). Not a sentence whose main verb is another, or where
# "træder i kraft" stands in a clause of time ("Indtil § 1 … træder i kraft, finder …", "…, der udstedes,
# før § 4, nr. 2, træder i kraft", "Bilag 1 til denne lov gælder, indtil § 1 træder i kraft").
_NOT_MAIN = r"(?:(?!\b(?:finder|har|gælder|kan|skal|før|indtil|Indtil|når|inden)\b).)*?"
_OTHER_SUBJECT = (r"|^(?:Stk\. \d+\. )?(?!Loven\b|Lovens\b|§)" + _NOT_MAIN + r"\b[Dd]enne\s+lovs?\b" + _NOT_MAIN
                  + r"\btræder\b(?:\s+(?:dog|først))*\s+i\s+kraft\b")
COMMENCEMENT_SENTENCE = re.compile(
    r"^(?:Stk\. \d+\. )?(?:Loven\b|Lovens\b|§§?\s)(?:(?!\b(?:finder|har|gælder|kan|skal)\b).)*?\btræder\b.*\bi\s+kraft\b"
    r"|ikrafttræ(?:delsen|delse|den)\b.*\bfastsættes\s+af\b"
    r"|\bfastsætte(?:r|\b)\s+(?:efter\s+(?:aftale|indstilling|forhandling)\s+[^.]*?\s+)?(?:tidspunktet\s+for\s+)?"
    r"(?:lovens\s+(?:eller\s+dele\s+af\s+lovens\s+)?)?ikrafttræ"
    + _VERB_FIRST + _OTHER_SUBJECT)


# a commencement sentence for a part of the act: "§ 1, nr. 2, træder i kraft efter første nyvalg til
# Folketinget …" (lov 130/2016), "Ministeren fastsætter tidspunktet for ikrafttræden af ophævelsen af
# …" (lov 653/2010). When one cannot be read, the act's other rules are not given either: a general
# date would otherwise be applied to the numre the sentence excepts (lov 745/2014's "§ 1, nr. 5 og 6,
# træder først i kraft den 1. januar 2016" was such a sentence before it was read: its numre had the
# general date 1/8/2014). Not a transitional rule that mentions commencement ("§ 2, nr. 24 og 25,
# finder ikke anvendelse for klager …, før bestemmelserne træder i kraft").
_PART_COMMENCEMENT = re.compile(
    r"^(?:Stk\. \d+\. )?(?:§§? |Lovens )(?:(?!\b(?:finder|har|gælder|kan|skal)\b).)*? træder\b.*\bi kraft\b"
    r"|ikrafttræ(?:delsen|delse|den) af\b|ikrafttrædelsestidspunktet for\b" + _VERB_FIRST + _OTHER_SUBJECT)


def is_commencement(sent: str) -> bool:
    """COMMENCEMENT_SENTENCE.search(sent) is not None. Each of its alternatives needs "kraft" ("i
    kraft", "ikrafttræ…"): a substring test spares the search (its alternatives have no literal
    start, so it steps through the whole sentence) for most sentences of an act's §§."""
    return "kraft" in sent and COMMENCEMENT_SENTENCE.search(sent) is not None


def unread_commencement(text: str) -> list[str]:
    """The sentences of a commencement § that state when a part of the act enters into force and
    give no rule (_PART_COMMENCEMENT)."""
    return [sent for sent in sentences(text) if is_commencement(sent)
            and (_PART_COMMENCEMENT.search(sent) or _date_unread(sent)) and not sentence_rules(sent)]


def commencement_text(text: str) -> str:
    """A commencement § as one line of prose: its label line ("§ 3") and its headings
    ("Ikrafttrædelses- og overgangsbestemmelser": a line without closing punctuation that is no stk.)
    left out, so that they are not read as the subject of the first sentence (lov 154/2012's
    "§ 3 Ikrafttrædelses- og overgangsbestemmelser Loven træder i kraft …" was a rule for a "§ 3"); a
    label on the line of the text is left out too."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if lines and re.fullmatch(r"§\s*\d+\s*[a-zæøå]?\.?", lines[0]):
        lines = lines[1:]
    elif lines:
        # the label on the line of the text, without its full stop ("§ 2 Loven træder i kraft den 1.
        # marts 2012.", lov 159/2012; 10 acts): read, it was the subject, a rule for "§ 2 Loven" only,
        # and the act's ændringsparagraf § 1 had no date
        lines[0] = re.sub(r"^§\s*\d+\s*[a-zæøå]?\s+(?=[A-ZÆØÅ]|§)", "", lines[0])
    # a line without its closing full stop that says "… træder i kraft …" is no heading ("Loven træder i
    # kraft den 1. januar 2011", lov 705/2010)
    lines = [ln for ln in lines if ln.startswith("Stk.") or re.search(r"[.:;,]$", ln)
             or re.search(r"\btræder\b.*\bi kraft\b", ln)]
    return " ".join(lines)


def sentences(text: str) -> list[str]:
    # not after an abbreviation: "…af 2. pkt. i fodnoten til lovens titel, jf. § 1, nr. 1." (lov 478/2012)
    return re.split(r"(?<=\.)(?<!\bjf\.)(?<!\bnr\.)(?<!\bstk\.)(?<!\bpkt\.)\s+(?=[A-ZÆØÅ§])", commencement_text(text))


def ikraft_rules(text: str) -> list[dict]:
    """The commencement rules a commencement § states, as data (docs/format.md, "Commencement"): a
    date for the act or for the numre and §§ a sentence names, "dagen efter bekendtgørelsen", or a
    minister who sets the date (`minister: true`, with `gælder` naming the numre when the sentence
    does). A sentence read by none of these gives no rule."""
    return [r for sent in sentences(text) for r in sentence_rules(sent)]


def commencement(text: str) -> tuple[list[dict], list[str]]:
    """(ikraft_rules(text), unread_commencement(text)) with the § split into sentences, and each
    sentence's rules read, once (the amending reader asks both of every § it keeps verbatim).
    Every rule and every commencement sentence needs "kraft" ("i kraft", "ikrafttræ…": each pattern
    of sentence_rules and of COMMENCEMENT_SENTENCE holds it), and a sentence is a piece of the §'s
    lines joined by spaces: a § without it has neither, and is not split."""
    if "kraft" not in text:
        return [], []
    rules: list[dict] = []
    unread: list[str] = []
    for sent in sentences(text):
        got = sentence_rules(sent) if "kraft" in sent else []  # (the other sentences of the §)
        rules.extend(got)
        if not got and is_commencement(sent) and (_PART_COMMENCEMENT.search(sent) or _date_unread(sent)):
            unread.append(sent)
    return rules, unread


# a second date that is no date of effect or application ("og har virkning fra den 1. januar 2011", "og finder
# anvendelse på sager, hvor arbejdsulykken er indtrådt den 1. januar 2011 eller senere"): "…, og nr. 4 den 1.
# januar 2018"
_SECOND_DATE = re.compile(r"\bden \d{1,2}\. [a-zæøå]+ \d{4}")
_EFFECT = re.compile(r"\b(?:virkning|anvendelse|gyldighed)\b")


def _exception_after(sent: str, end: int) -> bool:
    """Whether the sentence goes on after its date with an exception for a part of the act."""
    rest = _POINTER.sub("", _NOTE_IN_SENTENCE.split(sent[end:], 1)[0])
    if _EXCEPTION_AFTER.search(rest):
        return True
    date = _SECOND_DATE.search(rest)
    return date is not None and not _EFFECT.search(rest, 0, date.start())


def _date_unread(sent: str) -> bool:
    """Whether the sentence names its date in a form `sentence_rules` reads but gives no rule for it:
    an exception follows the date, or the date does not exist ("den 31. juni 2017")."""
    m = _IKRAFT_DATE.search(sent) or _IKRAFT_PUBLICATION.search(sent)
    if m is None:
        return False
    if m.re is _IKRAFT_DATE and m.group(2) in MONTHS:
        try:
            datetime.date(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1)))
        except ValueError:
            return True
    return _exception_after(sent, m.end())


# the verb first: "Dog træder § 1, stk. 4 og 5, og § 9 i kraft den 1. september 2012." (lov 546/2012 § 10,
# stk. 2: unread, these §§ had the act's general date) is read as "§ 1, … og § 9 træder dog i kraft den …"
_DOG_FIRST = re.compile(r"^(Stk\. \d+\. )?Dog træder (først )?(§§? .+?|[Ll]ovens .+?) (først )?i kraft\b")


def _minister_rule(sent: str) -> re.Match | None:
    """The first of _MINISTER_RULES that matches `sent`. Each needs "inisteren" (a minister's title,
    "…ministeren", "Ministeren", "…ministerens"): most sentences are spared the searches."""
    if "inisteren" not in sent:
        return None
    return next((mm for rx in _MINISTER_RULES for mm in [rx.search(sent)] if mm), None)


def sentence_rules(sent: str) -> list[dict]:
    """ikraft_rules for one sentence: at most one rule."""
    rules = []
    v = _DOG_FIRST.match(sent)
    if v:
        subject = re.sub(r"^lovens", "Lovens", v.group(3))
        sent = f"{v.group(1) or ''}{subject} træder dog {v.group(2) or v.group(4) or ''}i kraft{sent[v.end():]}"
    if _date_unread(sent):
        return rules
    m = _IKRAFT_DATE.search(sent)
    # "Denne lovs § 1, nr. 20, træder i kraft …" (lov 1391/2012 § 2, stk. 2) is "Lovens § 1, nr. 20, …"
    who = re.match(r"^(?:Stk\. \d+\. )?(Loven|(?:Lovens|Denne lovs) (.+?)|(§§? .+?)) træder", sent)
    if m and m.group(2) in MONTHS and who:
        rule = {"dato": f"{m.group(3)}-{MONTHS.index(m.group(2)) + 1:02d}-{int(m.group(1)):02d}"}
        scope = who.group(2) or who.group(3)
        if scope:
            rule["gælder"] = [scope]
        rules.append(rule)
    elif _IKRAFT_PUBLICATION.search(sent) and who:
        rule = {"bekendtgørelse": _IKRAFT_PUBLICATION.search(sent).group("when")}
        if who.group(2) or who.group(3):
            rule["gælder"] = [who.group(2) or who.group(3)]
        rules.append(rule)
    elif minister := _minister_rule(sent):
        rule = {"minister": True}
        scope = next((v for k, v in minister.groupdict().items() if k.startswith("scope") and v), None)
        if scope and scope.strip(" ,") != "loven":  # "… tidspunktet for ikrafttræden af loven" (lov 722/2010): the act
            rule["gælder"] = [re.sub(r"^lovens\s+", "", scope).rstrip(" ,")]
        rules.append(rule)
    return rules


def may_hold_kraft(el: etree._Element) -> bool:
    """False only when the text of the § `el` as the amending reader gives it (amending._verbatim)
    cannot hold "kraft". That text is made of the texts of its <Explicatus>es, each set apart by
    white space, and of its <Char>s, which run together only within one <Linea> (all of its runs,
    in document order); the reader changes only white space and deletes the invisibles norm
    deletes. So "kraft" there is in an <Explicatus>'s text or in the <Char>s' texts run together,
    or an invisible is."""
    return any("kraft" in t or has_invisible(t)
               for t in ("".join(el.itertext("Char", with_tail=False)), *el.itertext("Explicatus", with_tail=False)))


def original_ikraft(body: etree._Element, name: str, warnings: list[str],
                    verbatim: Callable[[etree._Element], str]) -> list[dict]:
    """The commencement rules of an original act (LOV H) that also amends other acts, read from its
    own commencement §§ ("§ 101. Loven træder i kraft den 1. januar 2012, jf. dog stk. 2 og 3. Stk. 2.
    § 107 træder i kraft dagen efter bekendtgørelsen i Lovtidende.") by the reader of the amending
    acts. The §-numbers its rules name are the act's own, which are also the numbers of its
    ændringsparagraffer. A commencement § is a § without ændringsnumre that has a sentence saying
    when the act or some of its §§ enter into force (COMMENCEMENT_SENTENCE). Refuse, never guess:
    when one such sentence gives no rule (its date is not read, or its scope is missing), the act
    gets no rule at all (its numre stay pending in `consolidate`, as before) and a warning names
    the § and the sentence; a general date would otherwise be applied to numre the sentence
    excepts."""
    rules: list[dict] = []
    for el in body.iter("Paragraf", "IkraftCentreretParagraf"):
        if next(el.iter("AendringsNummer"), None) is not None:  # el.find(".//…") without ElementPath
            continue
        if not may_hold_kraft(el):  # most §§ of the act: no sentence of it is one (is_commencement)
            continue
        text = verbatim(el)
        # a sentence holds no more than its § (its lines, stripped and joined): without "kraft" in
        # the § no sentence of it is one (is_commencement), and it is not split (most §§ of the act)
        found = [sent for sent in sentences(text) if is_commencement(sent)] if "kraft" in text else []
        for sent in found:
            got = sentence_rules(sent)
            if not got:
                label = norm(el.findtext("Explicatus") or "")
                warnings.append(f"{name}:{el.sourceline}: {label} »{sent}« kan ikke læses som en "
                                f"ikrafttrædelsesregel; lovens ændringer får ingen ikrafttræden og "
                                f"udføres kun med --include")
                return []
            rules.extend(got)
    return rules
