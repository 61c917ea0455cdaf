"""The rarer heading and chapter forms that changes/heading.py reads (issues 8/9): each sentence is
the real act's nummer, read into data and worded back word for word; what stays ambiguous is refused."""
import pytest

from lawdiff.changes.common import Unreadable
from lawdiff.changes.nummer import format_sentence, read_sentence

# (sentence as printed in Lovtidende, what must be in the data)
SENTENCES = [
    # lov 1486/2014 § 1, nr. 40
    ("Efter § 33 og før overskriften før § 34 indsættes:",
     [{"ny": None, "efter": "§ 33", "placering": "før overskriften før § 34", "efter_og": True}]),
    # lov 579/2010 § 16, nr. 1
    ("Efter § 14 og før overskriften »Bankens øvrige Virksomhed« indsættes:",
     [{"efter": "§ 14", "placering": "før overskriften »Bankens øvrige Virksomhed«", "efter_og": True}]),
    # lov 433/2012 § 1, nr. 35 and 36
    ("Overskriften før § 45, der er ophævet, ophæves.", [{"ophæves": "overskriften før § 45", "der_er_ophævet": True}]),
    ("Overskriften før § 45 A, der er ophævet, ophæves.",
     [{"ophæves": "overskriften før § 45 A", "der_er_ophævet": True}]),
    # lov 1361/2010 § 3, nr. 4 (the new text follows as a block; here quoted inline)
    ("Overskriften før §§ 36 og 36 a, »Definitioner af tobaksvarer m.v.«, ændres til: »Administrative regler for "
     "afgiftsfritagne varer m.v.«", [{"affattes": "overskriften før §§ 36 og 36 a",
                                     "overskrift_citat": "Definitioner af tobaksvarer m.v.", "ændres_til": True}]),
    ("Overskriften før §§ 36 og 36 a, »Definitioner af tobaksvarer m.v.«, ændres til:",
     [{"affattes": "overskriften før §§ 36 og 36 a", "ændres_til": True}]),
    # lov 633/2013 § 1, nr. 7 (straffeloven); lov 1636/2013 § 1, nr. 5 (kulbrinteskatteloven)
    ("Overskriften til 24. kapitel affattes således:", [{"affattes": "overskriften til kapitel 24", "ordenstal": True}]),
    ("Overskriften til kapitel 3 A affattes således:", [{"affattes": "overskriften til kapitel 3 a", "versal": True}]),
    # lov 310/2015 § 1, nr. 30 and 45 (lov om leje)
    ("Kapitel VII B ophæves.", [{"ophæves": "kapitel VII b", "versal": True}]),
    ("Kapitel X A ophæves.", [{"ophæves": "kapitel X a", "versal": True}]),
    # lov 1575/2015 § 1, nr. 7; lov 275/2015 § 1, nr. 1
    ("Overalt i kapitel 8 a ændres »den centrale Eurodac-enhed« til: »det centrale Eurodac-system«.",
     [{"overalt": True, "i": "kapitel 8 a", "ændres": "den centrale Eurodac-enhed"}]),
    ("I titlen udgår »(SVU)«.", [{"i": "lovens titel", "udgår": "(SVU)", "titlen": True}]),
    # lov 557/2012 § 1, nr. 9
    ("I overskriften til kapitel 3, før § 10, før § 13 og til kapitel 14 ændres »investeringsforeninger« til: "
     "»danske UCITS«.", [{"i": "overskriften til kapitel 3, overskriften før § 10, overskriften før § 13 og "
                               "overskriften til kapitel 14", "overskrift_liste": True}]),
    # lov 1384/2011 § 4, nr. 2
    ("I kapitel 4 a ophæves §§ 24-24 c og 24 e-24 j med tilhørende overskrifter og overskriften til § 24 d.",
     [{"ophæves": "§§ 24-24 c og 24 e-24 j", "med_overskrift": "overskrifter", "i_kapitel": "kapitel 4 a"},
      {"ophæves": "overskriften til § 24 d", "elliptisk": True, "bindeord": "og"}]),
    # lov 1364/2011 § 2, nr. 17
    ("§§ 25, 25 a, 26, 27 c, 28-31 a og 32 a og overskrifterne før §§ 25, 26, 28, 29 og 32 a ophæves.",
     [{"ophæves": "§§ 25, 25 a, 26, 27 c, 28-31 a og 32 a", "verbum_sidst": True},
      {"ophæves": "overskriften før § 25, overskriften før § 26, overskriften før § 28, overskriften før § 29 og "
                  "overskriften før § 32 a", "overskrifterne": True, "bindeord": "og"}]),
    # insert.py: lov 308/2015 § 1, nr. 62 (the § letter is never the "i" of "i kapitel 18")
    ("Efter § 258 indsættes før overskriften før § 284 i kapitel 18:",
     [{"ny": None, "efter": "§ 258", "placering": "før overskriften før § 284 i kapitel 18"}]),
    # repeal.py: lov 190/2017 § 1, nr. 17
    ("§ 11 ophæves, og som nyt kapitel indsættes:", [{"ophæves": "§ 11", "som_nyt_kapitel": True}]),
    # words.py: lov 1252/2012 § 5, nr. 9 (and § 3, nr. 13)
    ("I § 53, stk. 1, ændres i 4. pkt., der bliver 5. pkt., »navn, bopæl og fødselsdato« til: »sit navn og sin "
     "bopæl«, og efter 3. pkt. indsættes: »Valglisteføreren skal forlange.«",
     [{"i": "§ 53, stk. 1, 4. pkt.", "delt": 1, "der_bliver": "5. pkt.", "der_bliver_efter_verbum": True},
      {"ny": "pkt", "efter": "3. pkt.", "samme_sted": True}]),
    # words.py: lov 310/2015 § 1, nr. 50
    ("I § 75, stk. 3, 1. pkt., udgår », der har«, og i stedet indsættes: »af en lejlighed, der delvis er udlejet til "
     "andet end beboelse, og har lejeren«.", [{"i": "§ 75, stk. 3, 1. pkt.", "ændres": ", der har",
                                               "til": "af en lejlighed, der delvis er udlejet til andet end beboelse, "
                                                      "og har lejeren", "udgår_i_stedet": True}]),
]


@pytest.mark.parametrize("text,want", SENTENCES)
def test_heading_form_reads_into_data_and_words_back(text, want):
    warnings: list[str] = []
    out = read_sentence(text, warnings)
    assert len(out) == len(want)
    for ch, w in zip(out, want):
        for k, v in w.items():
            assert ch.get(k) == v, (k, ch)
    assert format_sentence(out) == text
    assert warnings == []


@pytest.mark.parametrize("text", [
    "Efter § 33 og før overskriften før § 34 indsættes",  # no colon: the new text is not announced
    "Efter § 33 og før § 34 indsættes:",  # not a heading: not a form lawdiff knows
    "Overskriften før § 45, der er ophævet, ophæves, og i stedet indsættes:",  # which heading text goes where
])
def test_unclear_heading_forms_are_refused(text):
    with pytest.raises(Unreadable):
        read_sentence(text, [])


@pytest.mark.parametrize("text,som", [
    ("I § 46, stk. 10, ophæves, og i stedet indsættes som nye stykker:", "nye stykker"),  # lov 590/2012 § 3, nr. 3
    ("§ 25, stk. 3, ophæves, og i stedet indsættes som stk. 3-5:", "stk. 3-5"),  # lov 1742/2015 § 3, nr. 21
])
def test_what_replaces_a_repealed_stk_is_read_and_worded(text, som):
    out = read_sentence(text, [])
    assert out[0]["i_stedet_som"] == som and out[0].pop("_blok")
    out[0]["tekst"] = "Stk. 3. …"  # the block (the amendment reader adds it)
    assert format_sentence(out) == text


def test_a_new_stk_after_an_anchor_with_its_number_said():
    # lov 512/2016 § 1, nr. 5
    text = "I § 3 indsættes efter stk. 2, der bliver stk. 4, som stk. 5:"
    out = read_sentence(text, [])
    assert {k: out[0][k] for k in ("ny", "i", "efter", "anker_der_bliver", "som")} == {
        "ny": "stk", "i": "§ 3", "efter": "stk. 2", "anker_der_bliver": "stk. 4", "som": "stk. 5"}
    out[0].pop("_blok")
    out[0]["tekst"] = "Stk. 5. …"
    assert format_sentence(out) == text
