"""Real ændringsdefinitioner, most from acts outside the corpus (issue 8): each sentence read by the
importer's own reader of one nummer and printed back from what it read.

A sentence is read word for word (the printed nummer equals it), read with a warned typo repaired,
refused with a Danish reason, or a crash; a sentence read but printed differently is a MISREAD (a wrong
law text with exit 0: the worst kind). Figures are printed apart for acts in our corpus and for unseen
ones; the sources and what part of them is here: tests/fixtures/real-instructions/README.md.
"""
from __future__ import annotations

import collections

import pytest

from tests.conftest import CORPUS
from tests.importers.real_instructions import FIXTURES, classify, in_corpus, load

YEARS = sorted(int(p.name[:4]) for p in FIXTURES.glob("*.txt.gz"))


def _outcomes():
    return [classify(act, s) for y in YEARS for act, s in load(y)]


@pytest.mark.corpus
def test_every_real_sentence_is_read_word_for_word_or_refused():
    outcomes = _outcomes()
    figures: dict[str, collections.Counter] = {"corpus": collections.Counter(), "unseen": collections.Counter()}
    refusals: dict[str, list] = {"corpus": [], "unseen": []}
    for o in outcomes:
        side = "corpus" if in_corpus(o.act, CORPUS) else "unseen"
        figures[side][o.status] += 1
        if o.status == "refused":
            refusals[side].append(o)
    for side in ("corpus", "unseen"):
        f = figures[side]
        acts = len({o.act for o in outcomes if in_corpus(o.act, CORPUS) == (side == "corpus")})
        print(f"\n{side}: {acts} acts, {sum(f.values())} sentences: {f['identical']} read, printed identical; "
              f"{f['repaired']} read with a warned typo repaired; {f['refused']} refused; {f['differs']} MISREAD; "
              f"{f['crash']} crashes; {f['damaged']} source line damaged")
        for o in refusals[side]:
            print(f"  refused {o.act}: {o.sentence}\n    {o.detail}")
    bad = [o for o in outcomes if o.status in ("crash", "differs")]
    assert not bad, "\n".join(f"{o.status} {o.act}: {o.sentence}\n  {o.detail}" for o in bad)
    assert len(outcomes) == 5781  # the fixture's sentences (all of them are there)
    # measured floors (2026-11-25, branch instrlist; before it, on the same sentences: unseen 1,397 read, 22
    # refused, and one of the 1,397 read into a wrong place: "i 3. pkt." after "2. og 3. pkt., og to steder i 4.
    # pkt.", lov 268/2014, which the round trip cannot see)
    # branch instrlist2 added 2,215 sentences of 57 more unseen acts (2013, 2015, 2016): before its fixes 18 of them were
    # refused, after them 11 ("efter »…« udgår »…«" (lov 647/2016), two source typos "ændres et »…«" and "ændres og »…«", two parts of an annex named by
    # subject or number, two headings named by their text with a repeal, "Overskrifterne før §§ 123 a, 123 b og 123 c
    # ophæves", "ophæves stk. 9, og efter stk. 10, der bliver stk. 9, indsættes som stk. 10-12", "Efter § 15 indsættes
    # som ny paragraf:" and an address list with ", i stk. 1, 2. pkt.," in it)
    # branch insertforms: unseen 1,414 read, 5 refused ("Efter kapitel VII B indsættes:", "Før overskriften før
    # § 23 indsættes:", "Efter § 13, stk. 7, indsættes som stk. 8:", "I bilag 1, liste A, nr. 22, ændres …")
    # merged (lead): 3,608 read, 16 refused
    # branch instrlist3 added 891 sentences of 18 more unseen acts and more lines of three (lov 1382/2011, 1240/2012,
    # 615/2013, 1490, 554, 722, 733, 403, 268 and 84/2014, 1894, 527, 529, 530, 576, 579, 649, 650, 994, 995 and
    # 999/2015): before its fixes 887 of them were read word for word, two refused ("Som fodnote 2 til lovens titel
    # indsættes:", lov 554/2014; "§§ 34 c-f ophæves, og i stedet indsættes:", lov 615/2013) and two were source lines
    # damaged: unseen 4,495 read, 18 refused (the 16 before and those two)
    # "…, og efter »A« udgår »B«" read (changes/words.py; lov 403/2014, lov 647/2016): 4,497 read, 16 refused
    # "§§ 34 c-f" read as §§ 34 c-34 f (address.py; lov 615/2013): 4,498 read, 15 refused
    # then 13 more sentences of lov 274/2013 (the page at 80,000), all read word for word: 4,511 read, 15 refused
    # after the merge with forms2 (headings one per §, "ny paragraf", "før overskriften for", title footnotes, "der
    # bliver" with "som stk. 10-12"): 4,517 read, 9 refused (lead, 2026-11-25)
    # branch forms3: 4,521 read, 5 refused (", i stk. 1, 2. pkt.," in lov 395/2016's list of places; "I kapitel 5 ophæves
    # overskriften »…«, og § 8 ophæves" twice, lov 1631/2013; "Overskriften efter § 61 før overskriften til § 62
    # affattes således:", lov 1520/2014)
    assert figures["unseen"]["identical"] >= 4521 and figures["unseen"]["refused"] <= 5
    assert figures["corpus"]["identical"] >= 1230 and figures["corpus"]["refused"] == 0
