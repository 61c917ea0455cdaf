"""The rarer heading and chapter forms (changes/heading.py) executed on real acts: each change is the
amendment reader's data for the real nummer, run on the act it amends (or the nearest LBK of it the
corpus holds), and compared with the official LBK that follows the amending act."""
from __future__ import annotations

from functools import lru_cache

import pytest

from lawdiff.importers.amending import read_amending_file
from lawdiff.proposal import ProposalError
from tests.conftest import lexdania
from tests.test_engine_acts import corpus_act, run, text


@lru_cache(maxsize=None)
def _doc(act: str) -> dict:
    return read_amending_file(lexdania(f"{act}.xml")).doc


def nummer_changes(act: str, paragraf: str, nummer: str) -> list[dict]:
    """The changes of one real nummer as the amendment reader gives them (refused: a test failure)."""
    par = next(p for p in _doc(act)["paragraffer"] if str(p["nummer"]) == paragraf)
    n = next(n for n in par["numre"] if str(n["nummer"]).rstrip(".") == nummer)
    assert "ikke_udført" not in n, n.get("ikke_udført")
    return [dict(c) for c in n["ændringer"]]


def _layout(act, chapter: str) -> list[tuple]:
    """A chapter's children as (kind, num, heading, [§ numbers of a group])."""
    ch = next(u for u in act.walk() if u.kind == "chapter" and u.num == chapter)
    return [(u.kind, u.num, u.heading.text if u.heading else None,
             [s.num for s in u.children] if u.kind == "group" else None) for u in ch.children]


def test_efter_og_foer_overskriften_places_the_new_group_between_the_section_and_the_heading():
    """Lov nr. 1486 af 23/12/2014, § 1, nr. 40: "Efter § 33 og før overskriften før § 34 indsættes:
    »Pulje til uddannelsesløft / § 33 a. …«" (lov om en aktiv beskæftigelsesindsats). The act amends
    LBK 990/2014, which the corpus lacks; LBK 415/2013 has the same § 33 and heading before § 34, and
    LBK 807/2015 after the act is the oracle for § 33 a and its place."""
    lr = run("2013/2013-415", nummer_changes("2014/2014-1486", "1", "40"))
    official = corpus_act("2015/2015-807")
    assert text(lr.new, "§ 33 a") == text(official, "§ 33 a")
    want = [x for x in _layout(official, "10") if x[1] in ("33",) or x[2] in ("Pulje til uddannelsesløft",
                                                                             "Særligt om varighed")]
    got = [x for x in _layout(lr.new, "10") if x[1] in ("33",) or x[2] in ("Pulje til uddannelsesløft",
                                                                           "Særligt om varighed")]
    assert got == want
    assert [x[2] for x in want] == [None, "Pulje til uddannelsesløft", "Særligt om varighed"]


def test_efter_og_foer_a_heading_that_is_not_there_is_refused():
    ch = nummer_changes("2014/2014-1486", "1", "40")[0]
    ch["placering"] = "før overskriften før § 35"  # § 35 opens no group: the act would say another place
    with pytest.raises(ProposalError, match="placeringen »før overskriften før § 35« passer ikke"):
        run("2013/2013-415", [ch])


def _group_headings(act, first: str, last: str) -> list[str | None]:
    """The headings of the groups whose §§ lie between § first and § last (None: no heading)."""
    nums = [s.num for s in act.sections() if s.num]
    span = set(nums[nums.index(first):nums.index(last) + 1])
    return [u.heading.text if u.heading else None for u in act.walk()
            if u.kind == "group" and any(c.num in span for c in u.children)]


def test_the_heading_of_a_repealed_section_is_repealed():
    """Lov nr. 433 af 16/5/2012, § 1, nr. 35 and 36: "Overskriften før § 45, der er ophævet, ophæves."
    (aktieavancebeskatningsloven, LBK 796/2011 -> LBK 1298/2013, where §§ 44-45 A share one heading).
    The headings go; the model keeps §§ 45 and 45 A in groups without a heading (README, Known limits)
    where the LBK puts them under the heading before."""
    lr = run("2011/2011-796", nummer_changes("2012/2012-433", "1", "35") + nummer_changes("2012/2012-433", "1", "36"))
    official = corpus_act("2013/2013-1298")
    assert _group_headings(lr.base, "44", "46") == ["Skattefritagelse for visse børsnoterede aktier",
                                                   "Overgangsregel for aktier ejet i mindre end 3 år",
                                                   "Overgangssaldo", "Øvrige overgangsregler"]
    got = [h for h in _group_headings(lr.new, "44", "46") if h is not None]
    assert got == _group_headings(official, "44", "46")
    assert text(lr.new, "§ 45") == text(official, "§ 45") and text(lr.new, "§ 45 A") == text(official, "§ 45 A")


def test_the_heading_of_a_section_that_is_not_repealed_is_not_repealed():
    ch = nummer_changes("2012/2012-433", "1", "35")[0]
    ch["ophæves"] = "overskriften før § 44"  # § 44 is in force: "der er ophævet" does not fit
    with pytest.raises(ProposalError, match="§ 44 er ikke ophævet"):
        run("2011/2011-796", [ch])


def test_a_heading_named_by_its_words_is_rewritten_only_where_it_reads_so():
    """Lov nr. 1361 af 8/12/2010, § 3, nr. 4: "Overskriften før §§ 36 og 36 a, »Definitioner af
    tobaksvarer m.v.«, ændres til: »Administrative regler for afgiftsfritagne varer m.v.«"
    (tobaksafgiftsloven). The act amends LBK 635/1998, which the corpus lacks; LBK 379/2014 has the
    new heading over §§ 36 and 36 a. Run on it, the real nummer is refused (the heading no longer
    reads »Definitioner …«); its inverse (the same form, the words swapped) gives the old heading back."""
    real = nummer_changes("2010/2010-1361", "3", "4")
    assert real == [{"affattes": "overskriften før §§ 36 og 36 a", "tekst": "Administrative regler for afgiftsfritagne varer m.v.",
                     "overskrift_citat": "Definitioner af tobaksvarer m.v.", "ændres_til": True}]
    with pytest.raises(ProposalError, match="overskriften før §§ 36 og 36 a er »Administrative regler for "
                                            "afgiftsfritagne varer m.v.«, ikke »Definitioner af tobaksvarer m.v.«"):
        run("2014/2014-379", real)
    inverse = dict(real[0], overskrift_citat=real[0]["tekst"], tekst=real[0]["overskrift_citat"])
    lr = run("2014/2014-379", [inverse])
    assert _group_headings(lr.new, "35", "37") == ["Uregelmæssighed ved varetransport", "Definitioner af tobaksvarer m.v.",
                                                  "Overgangs- og ikrafttrædelsesbestemmelser"]
    with pytest.raises(ProposalError, match="står over § 36, § 36 a, ikke over §§ 36 og 37"):
        run("2014/2014-379", [dict(inverse, affattes="overskriften før §§ 36 og 37")])


def _chapter_heading(act, label: str) -> str:
    [u] = [u for u in act.walk() if u.kind == "chapter" and u.label == label]
    return u.heading.text


def test_the_heading_of_a_chapter_labelled_with_an_ordinal_is_rewritten():
    """Lov nr. 633 af 12/6/2013, § 1, nr. 7: "Overskriften til 24. kapitel affattes således: »24. kapitel
    Seksualforbrydelser«" (straffeloven, LBK 1007/2012 -> LBK 1028/2013; the model keeps straffeloven's
    chapters unnumbered with their label "24. kapitel")."""
    lr = run("2012/2012-1007", nummer_changes("2013/2013-633", "1", "7"))
    assert _chapter_heading(lr.base, "24. kapitel") == "Forbrydelser mod kønssædeligheden"
    assert _chapter_heading(lr.new, "24. kapitel") == _chapter_heading(corpus_act("2013/2013-1028"), "24. kapitel") \
        == "Seksualforbrydelser"


def test_an_ordinal_chapter_that_is_not_there_is_refused():
    ch = dict(nummer_changes("2013/2013-633", "1", "7")[0], affattes="overskriften til kapitel 99")
    with pytest.raises(ProposalError):
        run("2012/2012-1007", [ch])


def test_the_heading_of_a_chapter_with_a_capital_letter_is_rewritten():
    """Lov nr. 1636 af 26/12/2013, § 1, nr. 5: "Overskriften til kapitel 3 A affattes således: »Kapitel 3 A
    Opgørelsen og ansættelsen …«" (kulbrinteskatteloven, LBK 971/2011 -> LBK 862/2014)."""
    lr = run("2011/2011-971", nummer_changes("2013/2013-1636", "1", "5"))
    want = _chapter_heading(corpus_act("2014/2014-862"), "Kapitel 3 A")
    assert _chapter_heading(lr.new, "Kapitel 3 A") == want != _chapter_heading(lr.base, "Kapitel 3 A")


@pytest.mark.parametrize("nummer,label,secs", [
    ("30", "Kapitel VII B", ["46 j", "46 k", "46 l", "46 m", "46 n", "46 o", "46 p", "46 q"]),
    ("45", "Kap. X A", ["63 a", "63 b", "63 c", "63 d", "63 e", "63 f", "63 g", "63 h"]),  # the base's own label
])
def test_a_chapter_with_a_roman_number_and_a_capital_letter_is_repealed(nummer, label, secs):
    """Lov nr. 310 af 25/3/2015, § 1, nr. 30 and 45: "Kapitel VII B ophæves.", "Kapitel X A ophæves."
    (lov om leje, LBK 963/2010 -> LBK 809/2015). The chapter and its §§ go; LBK 809/2015 keeps the
    chapter's heading over "(Ophævet)", a placeholder the engine does not produce (README, Known
    limits): its §§ are gone there too."""
    lr = run("2010/2010-963", nummer_changes("2015/2015-310", "1", nummer))
    official = corpus_act("2015/2015-809")
    assert [s.num for s in lr.base.sections() if s.num in secs] == secs
    assert [s.num for s in lr.new.sections() if s.num in secs] == [s.num for s in official.sections() if s.num in secs] == []
    assert label not in [u.label for u in lr.new.walk() if u.kind == "chapter"]
    assert len(list(lr.new.sections())) == len(list(lr.base.sections())) - len(secs)


def test_a_chapter_that_is_not_there_is_refused():
    with pytest.raises(ProposalError, match="kapitel VII d"):
        run("2010/2010-963", [{"ophæves": "kapitel VII d", "versal": True}])


def test_words_are_changed_throughout_a_chapter():
    """Lov nr. 1575 af 15/12/2015, § 1, nr. 7: "Overalt i kapitel 8 a ændres »den centrale Eurodac-enhed«
    til: »det centrale Eurodac-system«." (udlændingeloven). The act amends LBK 1021/2014, which the
    corpus lacks; LBK 863/2013 has the words 18 times, all in kapitel 8 a; LBK 412/2016 none."""
    from lawdiff.render.text import plain_text

    lr = run("2013/2013-863", nummer_changes("2015/2015-1575", "1", "7"))

    def count(act, words: str, chapter: bool) -> int:
        units = [next(u for u in act.walk() if u.kind == "chapter" and u.num == "8 a")] if chapter else act.body
        return sum(plain_text(u).count(words) for u in units)

    old, new = "den centrale Eurodac-enhed", "det centrale Eurodac-system"
    assert count(lr.base, old, True) == count(lr.base, old, False) == 18 and count(lr.base, new, True) == 0
    assert count(lr.new, old, False) == count(corpus_act("2016/2016-412"), old, False) == 0
    assert count(lr.new, new, True) == 18


def test_words_of_the_title_cited_as_titlen():
    """Lov nr. 275 af 27/3/2015, § 1, nr. 1: "I titlen udgår »(SVU)«." (LBK 364/2014 is not in the
    corpus; LBK 206/2013 has the same title)."""
    lr = run("2013/2013-206", nummer_changes("2015/2015-275", "1", "1"))
    assert lr.base.title == "lov om statens voksenuddannelsesstøtte (SVU)"
    assert lr.new.title == "lov om statens voksenuddannelsesstøtte"


def test_words_that_udgaar_og_i_stedet_indsaettes_are_replaced():
    """Lov nr. 310 af 25/3/2015, § 1, nr. 50: "I § 75, stk. 3, 1. pkt., udgår », der har«, og i stedet
    indsættes: »af en lejlighed, …, og har lejeren«." (lov om leje, LBK 963/2010 -> LBK 809/2015)."""
    lr = run("2010/2010-963", nummer_changes("2015/2015-310", "1", "50"))
    assert text(lr.new, "§ 75, stk. 3") == text(corpus_act("2015/2015-809"), "§ 75, stk. 3") != text(lr.base, "§ 75, stk. 3")


def test_new_sections_before_the_heading_that_opens_the_next_chapter():
    """Lov nr. 308 af 25/3/2015, § 1, nr. 62: "Efter § 258 indsættes før overskriften før § 284 i
    kapitel 18: »Rapport om solvens og finansiel situation / § 283. …«" (lov om finansiel virksomhed,
    LBK 182/2015 -> LBK 174/2017). § 258 ends chapter 16 and the group of § 284 opens chapter 18 (chapter
    17 holds only "(Ophævet)"): the new group opens chapter 18. LBK 174/2017 has later acts' changes
    too (a ministry renamed in stk. 3): stk. 1 and 2 and the chapter's layout are compared."""
    lr = run("2015/2015-182", nummer_changes("2015/2015-308", "1", "62"))
    official = corpus_act("2017/2017-174")
    for stk in ("1", "2"):
        assert text(lr.new, f"§ 283, stk. {stk}") == text(official, f"§ 283, stk. {stk}")
    assert _layout(lr.new, "18")[:3] == _layout(official, "18")[:3]
    assert _layout(lr.new, "18")[0][2:] == ("Rapport om solvens og finansiel situation", ["283"])


def test_a_heading_that_does_not_open_the_chapter_named_is_refused():
    ch = dict(nummer_changes("2015/2015-308", "1", "62")[0], placering="før overskriften før § 284 i kapitel 19")
    with pytest.raises(ProposalError, match="står ikke først i kapitel 19"):
        run("2015/2015-182", [ch])


def _headings_at(act) -> list[str]:
    """Kapitel 3's heading, the mellemrubrikker before §§ 10 and 13, kapitel 14's heading."""
    out = []
    for kind, num in (("chapter", "3"), ("group", "10"), ("group", "13"), ("chapter", "14")):
        if kind == "chapter":
            out.append(next(u for u in act.walk() if u.kind == "chapter" and u.num == num).heading.text)
        else:
            out.append(next(u for u in act.walk() if u.kind == "group" and u.children and u.children[0].num == num).heading.text)
    return out


def test_words_in_a_list_of_headings():
    """Lov nr. 557 af 18/6/2012, § 1, nr. 9: "I overskriften til kapitel 3, før § 10, før § 13 og til
    kapitel 14 ændres »investeringsforeninger« til: »danske UCITS«." (lov om investeringsforeninger
    m.v., lov nr. 456/2011 -> LBK 935/2012). LBK 935/2012 left the heading before § 13 as it was
    ("Andelsklasser i investeringsforeninger, …"); the next, LBK 333/2013, has it changed as the act says:
    that heading is compared with LBK 333/2013, the other three with LBK 935/2012."""
    lr = run("2011/2011-456", nummer_changes("2012/2012-557", "1", "9"))
    got = _headings_at(lr.new)
    first, then = _headings_at(corpus_act("2012/2012-935")), _headings_at(corpus_act("2013/2013-333"))
    assert first[2] == _headings_at(lr.base)[2] != then[2]
    assert got == first[:2] + then[2:3] + first[3:]
    assert all("danske UCITS" in h for h in got) and all("investeringsforeninger" in h for h in _headings_at(lr.base))


def test_sections_of_a_chapter_go_with_their_headings():
    """Lov nr. 1384 af 28/12/2011, § 4, nr. 2: "I kapitel 4 a ophæves §§ 24-24 c og 24 e-24 j med
    tilhørende overskrifter og overskriften til § 24 d." (lov om vandforsyning, LBK 635/2010 -> LBK
    1199/2013). Every mellemrubrik of the chapter goes (seven emptied with their §§, the one over § 24 d
    by the second clause); LBK 1199/2013 keeps "(Ophævet)" placeholders for the §§ (README, Known
    limits) and no mellemrubrik."""
    lr = run("2010/2010-635", nummer_changes("2011/2011-1384", "4", "2"))
    official = corpus_act("2013/2013-1199")
    assert len(_layout(lr.base, "4 a")) == 8
    assert _layout(lr.new, "4 a") == [("group", None, None, ["24 d"])]
    assert [x for x in _layout(official, "4 a") if x[0] == "group"] == []
    assert text(lr.new, "§ 24 d") == text(official, "§ 24 d")
    for n in ("24", "24 a", "24 c", "24 e", "24 j"):
        assert text(official, f"§ {n}") == f"§ {n}. (Ophævet)"
        assert all(s.num != n for s in lr.new.sections())


def test_a_heading_that_also_stands_over_a_section_that_stays_is_refused():
    # "Afgiftsgrundlag" stands over §§ 24 a and 24 b: "§ 24 a med tilhørende overskrift" cannot take it
    with pytest.raises(ProposalError, match="står også over § 24 b, som ikke ophæves"):
        run("2010/2010-635", [{"ophæves": "§ 24 a", "med_overskrift": "overskrift"}])


def test_sections_said_to_be_in_a_chapter_they_are_not_in_are_refused():
    with pytest.raises(ProposalError, match="står ikke i kapitel 4"):
        run("2010/2010-635", [{"ophæves": "§§ 24-24 c", "med_overskrift": "overskrifter", "i_kapitel": "kapitel 4"}])


def test_a_section_replaced_by_a_new_chapter_that_reuses_its_number():
    """Lov nr. 190 af 28/2/2017, § 1, nr. 17: "§ 11 ophæves, og som nyt kapitel indsættes: »Kapitel 1 c /
    … / § 11. … § 11 a. … § 11 b. …«" (lov om psykologer m.v., LBK 229/2012; the corpus has no LBK after
    the act: the new §§ are compared with the act's own text). § 11 ends chapter 1: the new chapter
    follows it, and the new § 11 takes the number of the one it replaces (before, the engine lost § 11's
    place in the act when the new text held a § of the same number, and then called the number taken)."""
    from tests.test_engine_acts import new_text

    lr = run("2012/2012-229", nummer_changes("2017/2017-190", "1", "17"))
    chapters = [(u.label, [s.num for s in u.walk() if s.kind == "section"]) for u in lr.new.walk() if u.kind == "chapter"]
    assert chapters[:3] == [("Kapitel 1", [str(n) for n in range(1, 11)]), ("Kapitel 1 c", ["11", "11 a", "11 b"]),
                            ("Kapitel 2", ["12", "13", "14", "15", "16"])]
    want = new_text("2017/2017-190", "§ 1", "17.")
    for n in ("11", "11 a", "11 b"):
        assert text(lr.new, f"§ {n}") in " ".join(want.split("\n"))
    assert text(lr.new, "§ 11") != text(lr.base, "§ 11")


def test_som_nyt_kapitel_with_text_that_is_no_chapter_is_refused():
    ch = dict(nummer_changes("2017/2017-190", "1", "17")[0], tekst="§ 11. Psykolognævnet fører en fortegnelse.")
    with pytest.raises(ProposalError, match="begynder ikke med »Kapitel"):
        run("2012/2012-229", [ch])


def test_a_stk_replaced_by_new_stykker():
    """Lov nr. 590 af 18/6/2012, § 3, nr. 3: "I § 46, stk. 10, ophæves, og i stedet indsættes som nye
    stykker: »Stk. 10. … Stk. 11. … Stk. 12. …«" (momsloven, LBK 287/2011 -> LBK 106/2013)."""
    from lawdiff.address import resolve

    lr = run("2011/2011-287", nummer_changes("2012/2012-590", "3", "3"))
    official = corpus_act("2013/2013-106")
    assert len(resolve(lr.new, "§ 46").units[0].children) == len(resolve(official, "§ 46").units[0].children) == 13
    for k in range(10, 14):
        assert text(lr.new, f"§ 46, stk. {k}") == text(official, f"§ 46, stk. {k}")


def test_a_stk_replaced_by_stk_3_to_5():
    """Lov nr. 1742 af 22/12/2015, § 3, nr. 21: "§ 25, stk. 3, ophæves, og i stedet indsættes som stk.
    3-5:" (lov om kommunale og regionale valg, LBK 363/2014; no later LBK in the corpus: the new stk.
    are compared with the act's text). A text that is not stk. 3-5 is refused."""
    from lawdiff.address import resolve
    from tests.test_engine_acts import new_text

    ch = nummer_changes("2015/2015-1742", "3", "21")
    lr = run("2014/2014-363", ch)
    assert [u.num for u in resolve(lr.new, "§ 25").units[0].children] == ["1", "2", "3", "4", "5"]
    want = " ".join(new_text("2015/2015-1742", "§ 3", "21.").split("\n"))
    for k in (3, 4, 5):
        assert text(lr.new, f"§ 25, stk. {k}") in want
    with pytest.raises(ProposalError, match="den nye tekst er ikke stk. 3-6"):
        run("2014/2014-363", [dict(ch[0], i_stedet_som="stk. 3-6")])


def test_a_new_stk_whose_number_is_said_after_its_anchor():
    """Lov nr. 512 af 18/5/2016, § 1, nr. 1-5 (lov om befordringsrabat, LBK 1189/2013, the act's base; no
    later LBK in the corpus), nr. 5: "I § 3 indsættes efter stk. 2, der bliver stk. 4, som stk. 5:". The
    number said is checked against where the new stk. lands."""
    from lawdiff.address import resolve
    from tests.test_engine_acts import new_text

    cs = [c for n in ("1", "2", "3", "4", "5") for c in nummer_changes("2016/2016-512", "1", n)]
    lr = run("2013/2013-1189", cs)
    assert [u.num for u in resolve(lr.new, "§ 3").units[0].children] == ["1", "2", "3", "4", "5"]
    assert text(lr.new, "§ 3, stk. 5") == " ".join(new_text("2016/2016-512", "§ 1", "5.").split("\n"))
    with pytest.raises(ProposalError, match="det nye stk. bliver stk. 5, men ændringen siger »som stk. 6«"):
        run("2013/2013-1189", cs[:-1] + [dict(cs[-1], som="stk. 6")])


@pytest.mark.parametrize("paragraf,nummer,base,target,where", [
    ("5", "9", "2011/2011-105", "2013/2013-127", "§ 53, stk. 1"),  # lov om kommunale og regionale valg
    ("3", "13", "2011/2011-107", "2013/2013-128", "§ 47"),  # lov om valg til Folketinget
])
def test_a_punktum_whose_new_number_is_named_after_the_verb(paragraf, nummer, base, target, where):
    """Lov nr. 1252 af 18/12/2012, § 5, nr. 9 and § 3, nr. 13: "I § 53, stk. 1, ændres i 4. pkt., der
    bliver 5. pkt., »navn, bopæl og fødselsdato« til: »sit navn og sin bopæl«, og efter 3. pkt. indsættes:
    »…«" (two chains of the corpus: LBK 105/2011 -> 127/2013, LBK 107/2011 -> 128/2013)."""
    lr = run(base, nummer_changes("2012/2012-1252", paragraf, nummer))
    assert text(lr.new, where) == text(corpus_act(target), where) != text(lr.base, where)


def test_sections_and_a_list_of_headings_repealed_by_one_verb():
    """Lov nr. 1364 af 28/12/2011, § 2, nr. 17: "§§ 25, 25 a, 26, 27 c, 28-31 a og 32 a og overskrifterne før
    §§ 25, 26, 28, 29 og 32 a ophæves." (integrationsloven, LBK 1062/2010 -> LBK 1071/2012; the LBK keeps
    "(Ophævet)" placeholders and has new §§ 25-26 from other numre: the five headings are compared)."""
    lr = run("2010/2010-1062", nummer_changes("2011/2011-1364", "2", "17"))
    gone = ["Generelle betingelser", "Rådighedsforpligtelse og pligt til at udnytte sine arbejdsmuligheder",
            "Udbetaling og beregning af introduktionsydelse m.v.", "Sanktioner", "Tilsyn"]

    def headings(act):
        return [u.heading.text for u in act.walk() if u.kind == "group" and u.heading]

    assert all(h in headings(lr.base) for h in gone)
    assert not any(h in headings(lr.new) or h in headings(corpus_act("2012/2012-1071")) for h in gone)
    left = {s.num for s in lr.new.sections()}
    assert not left & {"25", "25 a", "26", "27 c", "28", "30 a", "31 a", "32 a"} and {"27", "27 b", "32"} <= left
