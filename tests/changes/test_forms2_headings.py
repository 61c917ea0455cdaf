"""Several headings in one citation (issue 8, brief forms2): "Overskrifterne før §§ 123 a, 123 b og 123 c ophæves."
and "I overskrifterne til §§ 42 og 43 ændres »…« til: »…«." read, worded back word for word and executed on a real
lovbekendtgørelse; in "overskriften til kapitel 2 og § 31" the "§ 31" is the § itself, as real acts write it."""
from __future__ import annotations

import pytest

from lawdiff.address import parse_citation
from lawdiff.changes.nummer import format_sentence, read_sentence
from lawdiff.proposal import ProposalError
from tests.test_engine_acts import corpus_act, run

SENTENCES = [
    # lov 647/2016 (serviceloven)
    ("Overskrifterne før §§ 123 a, 123 b og 123 c ophæves.",
     {"ophæves": "overskriften før § 123 a, overskriften før § 123 b og overskriften før § 123 c",
      "overskrifterne": True}),
    ("Overskrifterne før §§ 12 og 13 ophæves.",
     {"ophæves": "overskriften før § 12 og overskriften før § 13", "overskrifterne": True}),
    # lov 484/2010 § 1, nr. 3 and 5 (naturbeskyttelsesloven)
    ("I overskrifterne til §§ 42 og 43 ændres »Naturklagenævnet« til: »Natur- og Miljøklagenævnet«.",
     {"i": "overskriften til § 42 og overskriften til § 43", "ændres": "Naturklagenævnet",
      "til": "Natur- og Miljøklagenævnet", "overskrifterne": True}),
    ("I overskrifterne til §§ 44 og 48 ændres »Naturklagenævnets« til: »Natur- og Miljøklagenævnets«.",
     {"i": "overskriften til § 44 og overskriften til § 48", "overskrifterne": True}),
]


@pytest.mark.parametrize("sentence,want", SENTENCES)
def test_several_headings_read_and_worded_back(sentence, want):
    warnings: list[str] = []
    out = read_sentence(sentence, warnings)
    assert len(out) == 1
    for k, v in want.items():
        assert out[0].get(k) == v, (k, out[0])
    assert format_sentence(out) == sentence
    assert warnings == []


def _headings(act, first: tuple[str, ...]) -> list[tuple[str | None, list[str]]]:
    return [(u.heading.text if u.heading else None, [c.num for c in u.children]) for u in act.walk()
            if u.kind == "group" and u.children and u.children[0].num in first]


def test_the_headings_before_three_sections_repealed_on_the_social_services_act():
    """Lov 647/2016 on LBK 1284/2015 (serviceloven): the headings before §§ 123 a, 123 b and 123 c go, the one
    before § 123 stays (another nummer repeals it) and so do the §§."""
    ch = read_sentence("Overskrifterne før §§ 123 a, 123 b og 123 c ophæves.", [])[0]
    base = corpus_act("2015/2015-1284")
    assert [h for h, _ in _headings(base, ("123", "123 a", "123 b", "123 c"))] == [
        "Børn og unge", "Undersøgelse af børn og unges person og opholdsrum",
        "Anbringelse på delvis lukkede døgninstitutioner og delvis lukkede afdelinger på døgninstitutioner",
        "Tilbageholdelse umiddelbart efter en anbringelse"]
    lr = run("2015/2015-1284", [ch])
    assert [h for h, _ in _headings(lr.new, ("123", "123 a", "123 b", "123 c"))] == ["Børn og unge", None, None, None]
    assert [s.num for s in lr.new.sections() if s.num.startswith("123")] == ["123", "123 a", "123 b", "123 c", "123 d"]


def test_words_in_the_headings_of_two_sections_on_the_nature_protection_act():
    """The form of lov 484/2010 § 1, nr. 3 (the LBK before it is not in the corpus: the words changed back on LBK
    951/2013): both headings change, the one before § 44 does not."""
    ch = read_sentence("I overskrifterne til §§ 42 og 43 ændres »Natur- og Miljøklagenævnet« til: "
                       "»Naturklagenævnet«.", [])[0]
    lr = run("2013/2013-951", [ch])
    assert [h for h, _ in _headings(lr.new, ("42", "43", "44"))] == [
        "Forelæggelse for Naturklagenævnet", "Klage til Naturklagenævnet", "Natur- og Miljøklagenævnets afgørelse"]


def test_words_missing_in_one_of_the_headings_are_refused():
    ch = read_sentence("I overskrifterne til §§ 42 og 44 ændres »Klage til« til: »Indbringelse for«.", [])[0]
    with pytest.raises(ProposalError, match="Klage til"):
        run("2013/2013-951", [ch])


@pytest.mark.parametrize("citation,want", [
    ("overskriften før § 49 og § 49", ["overskriften før § 49", "§ 49"]),
    ("overskriften før §§ 36 og 36 a", ["overskriften før § 36", "overskriften før § 36 a"]),
    ("overskriften til kapitel 3 og 4", ["overskriften til kapitel 3", "overskriften til kapitel 4"]),
    ("overskriften til kapitel 2 og i § 2, stk. 1, 1. pkt., og § 31",
     ["overskriften til kapitel 2", "§ 2, stk. 1, 1. pkt.", "§ 31"]),
    # a § or chapter cited with its own "§"/"kapitel" after a heading is the unit itself: "overskriften til kapitel
    # 9, § 49, § 51, stk. 1, …" (lov 132/2016), "overskriften før § 75 og §§ 75 og 76" (lov 894/2013 § 1, nr. 6),
    # "overskriften før § 18, § 18, overskriften før § 19, §§ 19-24, § 26 og …" (lov 204/2017 § 1, nr. 32) were
    # read as the headings of § 49, § 51, stk. 1, § 76 and § 26; LBK notes write "ophævede overskriften til § 22 og
    # § 25 a" for a repealed § 25 a (LBK 662/2010)
    ("overskriften til kapitel 9, § 49, § 51, stk. 1", ["overskriften til kapitel 9", "§ 49", "§ 51, stk. 1"]),
    ("overskriften før § 75 og §§ 75 og 76", ["overskriften før § 75", "§ 75", "§ 76"]),
    ("overskriften før § 18, § 18, overskriften før § 19, §§ 19-24, § 26 og overskriften før § 27",
     ["overskriften før § 18", "§ 18", "overskriften før § 19", "§§ 19-24", "§ 26", "overskriften før § 27"]),
    ("overskriften før § 29, §§ 29 og 30, overskriften før § 31 og § 31",
     ["overskriften før § 29", "§ 29", "§ 30", "overskriften før § 31", "§ 31"]),
    ("overskriften til kapitel 2 og § 31", ["overskriften til kapitel 2", "§ 31"]),
    ("overskriften til kapitel 15, § 53 og kapitel 15 a", ["overskriften til kapitel 15", "§ 53", "kapitel 15 a"]),
])
def test_a_heading_list_reads_as_the_act_writes_it(citation, want):
    assert [str(c) for c in parse_citation(citation)] == want


# --- "Kapitel 4 og 4 b-4 d ophæves." (lov 334/2015 § 2, nr. 4): lettered chapters as a range -------------------

def test_a_range_of_lettered_chapters_reads():
    assert [str(c) for c in parse_citation("kapitel 4 og 4 b-4 d")] == ["kapitel 4", "kapitel 4 b", "kapitel 4 c",
                                                                       "kapitel 4 d"]
    out = read_sentence("Kapitel 4 og 4 b-4 d ophæves.", [])
    assert out == [{"ophæves": "kapitel 4 og 4 b-4 d"}]
    assert format_sentence(out) == "Kapitel 4 og 4 b-4 d ophæves."


def _chapters(act) -> list[tuple[str, list[str]]]:
    return [(u.num, [s.num for s in u.walk() if s.kind == "section"]) for u in act.walk() if u.kind == "chapter"]


def test_a_range_of_lettered_chapters_repealed_on_the_bus_act():
    """LBK 1050/2012 (buskørsel) has chapters 4, 4 a, 4 b and 4 c: 4, 4 b and 4 c go with their §§, 4 a stays."""
    lr = run("2012/2012-1050", read_sentence("Kapitel 4 og 4 b-4 c ophæves.", []))
    base = dict(_chapters(corpus_act("2012/2012-1050")))
    got = _chapters(lr.new)
    assert [n for n, _ in got] == ["1", "2", "2 a", "3", "4 a", "5", "6", "7"]
    assert dict(got)["4 a"] == base["4 a"]
    gone = base["4"] + base["4 b"] + base["4 c"]
    assert not {s.num for s in lr.new.sections()} & set(gone)


def test_a_range_with_a_letter_the_act_lacks_is_refused():
    with pytest.raises(ProposalError, match="kapitel 4 d findes ikke"):
        run("2012/2012-1050", read_sentence("Kapitel 4 a-4 d ophæves.", []))


@pytest.mark.parametrize("sentence", ["Kapitel 4-5 ophæves.", "I kapitel 4-5 ændres »Trafikstyrelsen« til: »Styrelsen«."])
def test_a_range_of_chapters_that_leaves_out_lettered_chapters_is_refused(sentence):
    """LBK 1050/2012 has chapters 4 a-4 c between 4 and 5: "kapitel 4-5" was spread to 4 and 5 and left them (exit 0)."""
    with pytest.raises(ProposalError, match="loven har også kapitel 4 a, 4 b, 4 c imellem"):
        run("2012/2012-1050", read_sentence(sentence, []))


def test_a_range_of_chapters_without_letters_between_is_executed():
    lr = run("2012/2012-1050", read_sentence("Kapitel 5-7 ophæves.", []))
    assert [n for n, _ in _chapters(lr.new)] == ["1", "2", "2 a", "3", "4", "4 a", "4 b", "4 c"]
