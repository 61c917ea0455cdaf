"""Round trip over every amending act of the corpus: read → YAML → load → print → compare.

The oracle is the official nummer as printed in Lovtidende (definition text, new text in »…«
with the full stop the source's punktumEfterSlutcitationstegn gives, rykningsklausul), whitespace
normalised (importers/amending.official_text reads it straight from the XML) and compared in Unicode
NFC, the form every loaded YAML value has (the source's U+0387 "·" is NFC's U+00B7: the same text). The printed nummer
is worded from the loaded change data by lawdiff/changes; numre refused by the reader are counted
apart (they are printed verbatim, so they never count as identical).
"""
import collections
import re
import unicodedata

import pytest
from lxml import etree

from lawdiff.importers.amending import _label, _label_alone, dump, has_amendments, hoist_nested, official_text, read_amending
from lawdiff.proposal import parse_proposal
from lawdiff.render.instructions import nummer_lines
from lawdiff.text import norm
from lawdiff.yamlfile import load_yaml


def _cause(official: str, printed: str) -> str:
    if re.search(r"»[^«»]*»(?=[:, ])", official) or re.search(r"indsættes (?:efter|før) »[^«]*« til:", official):
        return "trykfejl i kilden rettet (advarsel): » for «, »til:« efter ankeret"
    if re.match(r"^\d+ ", official):
        return "nummerets betegnelse uden punktum i kilden"
    return "anden forskel"


_CITATION_TYPO = re.compile(
    r"stk\. \d+,\d|stk\. \d+\. \d+\. pkt|\d\. pkt,|\b\d pkt\.|stk \d|§ \d+(?: [a-zæøåA-Z])? stk\.|stk\. , "
    r"|^\d+\. \d+|^\d+\. I \d+,|§ \d+, [A-Z], stk|stk\. \d+\.,|der bliver (?:\d|nummer|til)|\d\. -\d"
    r"|\d-\d\. pkt|indsætte som|affates|stk\. 1\. pkt\.")
_QUOTE_TYPO = re.compile(r"til: «|«:|til«|til»|»: til|indsættes:[»,]|«\.«|»; »|« : »|efter: »|efter § »|nr\. 12: « »"
                         r"|^\d+\. I [^»]*, »ændres|« to steder: »|: [a-zæø§][^»]*«\.?$")


def _refusal_cause(official: str, reason: str) -> str:
    """What kind of nummer the reader refuses, for the printed figures."""
    head = official.split("»", 1)[0]
    if re.search(r"\b[Bb]ilag\b", head):
        return "bilag: parts of an annex ('liste A, nr. 32', 'afsnittet »…«') and rarer forms"
    if re.match(r"^\d+\. I § 1, nr\. \d+,", official):
        return "a nummer amending a nummer of another amending act"
    if "tabel" in reason:
        return "a table inside the instruction itself"
    if "ingen ny tekst" in reason:
        return "the new text is missing in the source"
    if _CITATION_TYPO.search(head):
        return "a typo in a citation (\"stk. 1,1. pkt.\", \"2 pkt.\", \"§ 83 stk. 2\")"
    if _QUOTE_TYPO.search(official) or "citat" in reason or "citationstegn" in reason:
        return "a typo in quotation marks or colons"
    if re.search(r"[Oo]verskrift|[Kk]apitel|afsnit|\bbog\b|[Ff]odnote|titlen", head):
        return "headings, chapters, parts, footnotes in rarer forms"
    return "other rare wordings"


@pytest.mark.corpus
def test_every_amending_act_prints_back_word_for_word(corpus_files):
    total = identical = refused = acts = originals = 0
    causes: collections.Counter = collections.Counter()
    examples: dict[str, str] = {}
    refusals: collections.Counter = collections.Counter()
    for f in corpus_files:
        data = f.read_bytes()
        root = etree.fromstring(data)
        dtype = root.findtext("Meta/DocumentType") or ""
        if dtype.startswith("LOV H") and has_amendments(data):
            originals += 1  # an original act's ændringsparagraffer
        elif dtype.startswith("LOV Æ"):
            acts += 1
        else:
            continue
        act = read_amending(data, str(f))
        text = dump(act.doc)
        parse_proposal(text.encode("utf-8"), f.name)  # schema and semantic checks pass
        doc = load_yaml(text.encode("utf-8"), f.name)[0]
        official = {}
        hoist_nested(root, f.name)  # the source's nesting errors, repaired as the reader does (warned)
        for an in root.iter("AendringsNummer"):
            holder = an.getparent()
            if holder.tag == "Stk":
                holder = holder.getparent()
            label = holder.findtext("Explicatus")
            prev = holder.getprevious()
            if label is None and prev is not None and _label_alone(prev, holder) is holder:
                label = prev.findtext("Explicatus")  # "§ 3" alone before it (lov 1614/2013), warned
            continued = f"{f.name}:{holder.sourceline}: "
            if label is None and prev is not None and any(w.startswith(continued) and "rykningsklausul" in w
                                                          and w.endswith("s numre") for w in act.warnings):
                # § 1's nr. 2-3 in the unlabelled § after it, behind nr. 1's rykningsklausul (lov 405/2010),
                # warned: the §'s numre, and the clause the last nummer's before them
                label = prev.findtext("Explicatus")
                key = (re.sub(r"^§\s*", "", norm(label)).rstrip("."), norm(_label(prev.findall("AendringsNummer")[-1]))
                       .rstrip("."))
                clause = norm(" ".join(an.getprevious().itertext())) if an.getprevious().tag == "Exitus" else None
                if clause and key in official and not official[key].endswith(clause):
                    official[key] = f"{official[key]} {clause}"
            pn = re.sub(r"^§\s*", "", norm(label or "")).rstrip(".")
            if pn in ("l", "I"):  # "§ l" (lov 485/2010): the reader takes the letter for the digit 1, warned
                pn = "1"
            official.setdefault((pn, norm(an.findtext("Explicatus") or "").rstrip(".")),
                                unicodedata.normalize("NFC", official_text(an)))
        for par in doc["paragraffer"]:
            for entry in par["numre"]:
                total += 1
                if "ikke_udført" in entry:
                    refused += 1
                    rc = _refusal_cause(entry["ikke_udført"]["tekst"], entry["ikke_udført"]["årsag"])
                    refusals[rc] += 1
                    examples.setdefault(rc, f"{f.name} § {par['nummer']}: {entry['ikke_udført']['tekst'][:150]}")
                    continue
                printed = norm(" ".join(nummer_lines(entry)))
                want = official[(par["nummer"], entry["nummer"])]
                if printed == want:
                    identical += 1
                else:
                    c = _cause(want, printed)
                    causes[c] += 1
                    examples.setdefault(c, f"{f.name} § {par['nummer']}, nr. {entry['nummer']}:\n  O: {want[:200]}\n"
                                           f"  P: {printed[:200]}")
    pct = 100 * identical / total
    print(f"\n{acts} ændringslove og {originals} oprindelige love med ændringsparagraffer, {total} numre: {identical} identiske ({pct:.2f} %), "
          f"{refused} ikke udført ({100 * refused / total:.2f} %), {total - identical - refused} forskellige")
    for c, n in causes.most_common():
        print(f"  forskellig, {c}: {n}\n    {examples[c]}")
    for c, n in refusals.most_common():
        print(f"  ikke udført, {c}: {n}\n    {examples[c]}")
    assert acts == 1036
    assert pct >= 99.0  # the aim of issue 8
    # measured floors (2026-11-24, branch fidelity): 19,290 identical, 123 not executed, 3 differing (the
    # source's typos repaired with a warning); 30 numre more read since changes/nummer.FALLBACK_TYPOS
    # branch newkind: 19,293 identical, 120 not executed (placements after a heading: lov 326/2012 § 1,
    # nr. 40, § 2, nr. 32, lov 738/2015 § 1, nr. 91)
    # branch newkind, round 2: 19,319 identical, 94 not executed (headings, chapters, parts, footnotes
    # 35 -> 18, other rare wordings 22 -> 16, "typos in a citation" 8 -> 5: changes/heading.py's rarer
    # forms, "udgår »A«, og i stedet indsættes:", "ophæves, og i stedet indsættes som stk. 3-5:", "som nyt
    # kapitel", "efter stk. 2, der bliver stk. 4, som stk. 5:", "… før § 284 i kapitel 18:", "ændres i 4.
    # pkt., der bliver 5. pkt., »…«", three more typos of FALLBACK_TYPOS)
    # branch annex: 19,332 identical, 81 not executed (bilag 34 -> 21: changes/annex.py reads "Bilag 4 og
    # 5 affattes som bilag 1 og 2 til denne lov", "Bilag B-D ophæves", "Som bilag 2 a indsættes bilag 1
    # til denne lov", "Lovens bilag 1 ophæves, og i stedet indsættes bilag 1-3, der affattes som …",
    # "Efter bilag 1 indsættes bilag 2, der affattes som …", and an annex letter as an address)
    # branch chainfix: 19,321 identical, 92 not executed ("To steder i § 39, stk. 1, og et sted i § 39, stk. 2,
    # 2. pkt., ændres …", lov 388/2012 § 1, nr. 14 and lov 1543/2016 § 2, nr. 3: a count per part, "et sted")
    # both, merged (2026-11-24): 19,334 identical, 79 not executed
    # branch annexview: 19,343 identical, 70 not executed (bilag 21 -> 12: "Efter bilag 3 indsættes som
    # bilag 3 a:", "Som bilag 1 til loven indsættes bilag 1 til denne lov", "I bilag 1, liste A, indsættes
    # som nr. 35:", "Bilag 1, liste A, nr. 32, ophæves", "Før bilag 1 indsættes som bilag 1, 2, 2 a, 3 og 4
    # bilag 1, 2, 3, 4 og 5 til denne lov. Bilag 1 bliver herefter bilag 5.")
    # branch annexwork: 19,344 identical, 69 not executed (bilag 12 -> 11: "I fodnote 7 til lovens bilag 1 og
    # i fodnote 9 til lovens bilag 2 ændres »…« til: »…«", lov 204/2017 § 5, nr. 1); then 19,348 identical, 65 not
    # executed (bilag 11 -> 7: a path of headings in an annex's table, "I Bilag 2, Skemaer for …, AKTIVER, …,
    # II. Tilgodehavender, nr. 6, indsættes efter »…«: »…«", lov 616/2013 § 3, nr. 4, 5, 7 and 8)
    # branch chainref (2026-11-25): 19,455 numre (was 19,416), 19,382 identical, 70 not executed: 39 numre of
    # ændringsparagraffer the source marks up as ikrafttræden §§ (lov 706/2010 §§ 2-7, lov 536/2010, 580/2010,
    # 715/2010, 1614/2013) are read as numre; they were kept as text under `øvrige`, unreported
    # (tests/importers/test_amending_exitus.py)
    # merged on main (2026-11-25, annexwork + chainref): 19,455 numre, 19,387 identical (99.65 %), 65 not executed
    # branch retsplej (2026-11-25): retsplejeloven's books and parts by ordinal words ("Overskriften til første
    # bog, femte afsnit, affattes således:", "Tredje bog, sjette afsnit, ophæves.", "I første bog ændres »…«
    # til: »…«": lov 404/2010 § 1, nr. 1 and 3, lov 594/2011 § 81, nr. 12): 19,390 identical, 62 not executed
    # and lov 405/2010 § 1, nr. 2-3, printed in the unlabelled § after § 1 (importers/amending._continued): 19,457
    # numre, 19,392 identical
    # branch insertforms (2026-11-25): 19,395 identical, 59 not executed (headings, chapters … 17 -> 14: "Efter
    # kapitel 3 A indsættes:", "Før overskriften før § 25 indsættes:", lov 894/2013 § 1, nr. 33, and one more)
    # branch forms2 (2026-11-25): 19,397 identical, 57 not executed ("I overskrifterne til §§ 42 og 43 ændres …", lov
    # 484/2010 § 1, nr. 3 and 5); 19,398 identical, 56 not executed ("Kapitel 4 og 4 b-4 d ophæves.", lov 334/2015 § 2,
    # nr. 4); 19,401 identical, 53 not executed (the title's footnotes: "Som fodnote nr. 2 til lovens titel indsættes:",
    # "Som fodnote 2 …", "Fodnoterne til lovens titel affattes således:", warned by the engine as not in the model)
    # 19,404 identical, 50 not executed (the new text in the second <AendringAktion>, the first empty: lov 1543/2016 § 2,
    # nr. 8, lov 626/2016 § 1, nr. 21, lov 532/2015 § 14, nr. 1; tests/importers/test_forms2_actions.py)
    # 19,405 identical, 49 not executed (a new chapter heading between §§: "Efter § 56 a indsættes som ny overskrift:
    # »Kapitel 13 a / …«", lov 1882/2015 § 1, nr. 7, changes/heading._new_chapter_heading)
    # branch forms3 (2026-11-25): 19,408 identical, 46 not executed ("I § 83, stk. 2, 1. pkt., og to steder i 2. pkt., i stk.
    # 3, 2. pkt., …", lov 1287/2012 § 2, nr. 15: ", i stk." in a list of places; "Kapitelbetegnelsen »Kapitel 5 a« ændres
    # til: »Kapitel 5 b«.", lov 594/2011 § 85, nr. 5, changes/chapterlabel.py; "Overskriften til afsnit I og III
    # ophæves.", lov 1564/2015 § 198, nr. 2, read and printed back, refused by the engine with its reason); 19,409
    # identical, 45 not executed ("§ 25, stk. 7, bliver herefter § 25, stk. 6.", lov 574/2011 § 1, nr. 20); 19,410
    # identical, 44 not executed ("I §§ 3 og 4 ændres i alt tre steder »…« til: »…«.", lov 724/2010 § 14, nr. 2); 19,411
    # identical, 43 not executed ("… ændres i 1. pkt. »A« til: »B« og i 2. pkt. »C« til: »D«.", lov 408/2010 § 1, nr. 3)
    assert identical >= 19411 and refused <= 43
