"""Each change kind reads real instruction sentences into data and words the data back identically."""
import pytest

from lawdiff.address import parse_citation
from lawdiff.changes import intro, rykning
from lawdiff.changes.common import Unreadable
from lawdiff.changes.nummer import format_sentence, read_sentence

# (sentence as printed in Lovtidende, what must be in the data) — all from the corpus
SENTENCES = [
    # words.py
    ("I § 7, nr. 1, ændres »eller til offentlig vej« til: », til offentlig vej eller til søterritoriet«.",
     [{"i": "§ 7, nr. 1", "ændres": "eller til offentlig vej"}]),
    ("I § 14 ændres »stk. 3 og 5« til: »stk. 7 og 9«.", [{"i": "§ 14"}]),
    ("I § 51, stk. 4, der bliver stk. 5, ændres »stk. 1-3« til: »stk. 1-4«.", [{"der_bliver": "stk. 5"}]),
    ("I § 32, stk. 1, nr. 1, ændres »13 uger« til: »26 uger«, og »120 timer« ændres til: »240 timer«.",
     [{}, {"samme_sted": True, "ændres": "120 timer"}]),
    ("I § 2, stk. 1, nr. 2, ændres »100.000 kr.« til: »150.000 kr.« og »100 år« til: »50 år«.",
     [{}, {"elliptisk": True, "bindeord": "og"}]),
    ("To steder i § 26, stk. 6, ændres »Miljøklagenævnet« til: »Natur- og Miljøklagenævnet«.", [{"antal": 2}]),
    # lov 388/2012, § 1, nr. 14: a count per part, the last "et sted"
    ("To steder i § 39, stk. 1, og et sted i § 39, stk. 2, 2. pkt., ændres »Tilladelse« til: »Fiskerilicens«.",
     [{"antal": 2, "i": "§ 39, stk. 1, og et sted i § 39, stk. 2, 2. pkt."}]),
    ("I § 3, stk. 1, ændres to steder »arbejdsgiverens« til: »rederens eller arbejdsgiverens«.",
     [{"antal": 2, "antal_efter_verbum": True}]),
    ("Overalt i loven ændres »Fællesskabet« til: »Unionen«.", [{"overalt": True}]),
    ("I § 30, nr. 3, udgår »eller stk. 2«.", [{"udgår": "eller stk. 2"}]),
    ("I § 26 a, stk. 2, indsættes efter »Kursusprisen for«: »videregående«.",
     [{"indsættes_efter": "Kursusprisen for", "tekst": "videregående"}]),
    ("I § 1 ændres »950 mia. kr.« til: »2.000 mia. kr.«", [{}]),  # R7: no period after ».«
    ("I § 2, stk. 2, 1. pkt., § 10, § 34, stk. 1, nr. 4, § 34, stk. 5, og § 36, stk. 1, nr. 2, ændres »EF’s« "
     "til: »EU’s«.", [{"i": "§ 2, stk. 2, 1. pkt., § 10, § 34, stk. 1, nr. 4, § 34, stk. 5, og § 36, stk. 1, nr. 2"}]),
    ("I § 4, stk. 3, og § 5 ændres »EF-forordning nr. 1408/71« til: »EF-forordninger«.", [{}]),
    ("I § 91 a, stk. 2, 1. pkt., ændres »200 mio. kr.« til: »220 mio. kr.«, og i 3. pkt. ændres »2008« til: "
     "»2012«.", [{}, {"i": "§ 91 a, stk. 2, 3. pkt.", "forkortet": True}]),
    ("I § 46 b, stk. 3, der bliver stk. 4, ændres i 1. pkt. »stk. 2« til: »stk. 3«.",
     [{"i": "§ 46 b, stk. 3, 1. pkt.", "delt": 1}]),
    ("I overskriften før § 60 a ændres »vådområder« til: »vådområder og ådale«.",
     [{"i": "overskriften før § 60 a"}]),
    ("I fodnoten til lovens titel ændres »a« til: »b«.", [{"i": "fodnoten til lovens titel"}]),
    # repeal.py / rewrite.py
    ("§ 13, stk. 3, ophæves.", [{"ophæves": "§ 13, stk. 3"}]),
    ("§ 47 b ophæves.", [{"ophæves": "§ 47 b"}]),
    ("I § 26 a, stk. 3, 1. pkt., ændres »uddannelse« til: »kurser«, og 2. pkt. ophæves.",
     [{}, {"ophæves": "§ 26 a, stk. 3, 2. pkt.", "forkortet": True}]),
    ("I § 4 ophæves stk. 2, og i stk. 3 og 4, der bliver stk. 2 og 3, udgår »og 2«.",
     [{"ophæves": "§ 4, stk. 2", "delt": 1}, {"i": "§ 4, stk. 3 og 4", "der_bliver": "stk. 2 og 3"}]),
    ("Overskriften før § 41 ophæves.", [{"ophæves": "overskriften før § 41"}]),
    ("I § 3 ophæves stk. 3 og 4.", [{"ophæves": "§ 3, stk. 3 og 4", "delt": 1}]),  # 2010-244 § 1, nr. 6
    ("I § 11 ophæves stk. 2-4.", [{"ophæves": "§ 11, stk. 2-4", "delt": 1}]),  # 2011-549 § 1, nr. 5
    ("Overskriften før § 239 udgår.", [{"verbum": "udgår"}]),
    ("Overskriften »Børnemiljøvurdering« efter § 11 udgår.",  # 2011-275 § 1, nr. 7
     [{"ophæves": "overskriften efter § 11", "overskrift_citat": "Børnemiljøvurdering", "verbum": "udgår"}]),
    ("Bilag 2 affattes som bilag 1 til denne lov.", [{"affattes": "bilag 2", "som_bilag": "1"}]),
    # chapterlabel.py (2011-594 § 85, nr. 5)
    ("Kapitelbetegnelsen »Kapitel 5 a« ændres til: »Kapitel 5 b«.",
     [{"i": "kapitel 5 a", "ændres": "Kapitel 5 a", "til": "Kapitel 5 b", "kapitelbetegnelsen": True}]),
    # annex.py: the whole-annex forms the others do not read (2016-637 § 1, nr. 6; 2016-297 § 1, nr. 6;
    # 2014-1472 § 1, nr. 2; 2015-543 § 1, nr. 5) and an annex letter as an address (2011-465 § 1, nr. 43)
    ("Bilag 4 og 5 affattes som bilag 1 og 2 til denne lov.", [{"affattes": "bilag 4 og 5", "som_bilag": "1 og 2"}]),
    ("Bilag B-D ophæves.", [{"ophæves": "bilag B-D"}]),
    ("Som bilag 2 a indsættes bilag 1 til denne lov.", [{"ny": "bilag", "som": "bilag 2 a", "fra_bilag": "1"}]),
    ("Som bilag 1 a, 4 og 5 indsættes bilag 1, 2 og 3 til denne lov.",
     [{"ny": "bilag", "som": "bilag 1 a, 4 og 5", "fra_bilag": "1, 2 og 3"}]),
    ("I bilag A ændres »§ 4, stk. 2, nr. 3« til: »§ 4, stk. 3, nr. 3«.", [{"i": "bilag A"}]),
    ("Lovens bilag 1 ophæves, og i stedet indsættes bilag 1-3, der affattes som bilag 1-3 til denne lov.",  # 2010-535
     [{"ophæves": "lovens bilag 1", "som": "bilag 1-3", "fra_bilag": "1-3", "der_affattes": True}]),
    ("Efter bilag 1 indsættes bilag 2 og 3, der affattes som henholdsvis bilag 1 og bilag 2 til denne lov.",  # 2011-159
     [{"ny": "bilag", "efter": "bilag 1", "som": "bilag 2 og 3", "fra_bilag": "1 og 2", "henholdsvis": True}]),
    ("Efter bilag 1 indsættes bilag 2, der affattes som bilag 1 til denne lov.",  # 2011-632
     [{"ny": "bilag", "efter": "bilag 1", "som": "bilag 2", "fra_bilag": "1", "der_affattes": True}]),
    ("Bilag 1 ophæves, og i stedet indsættes bilag 1 og 2 til denne lov.",  # 2016-657
     [{"ophæves": "bilag 1", "fra_bilag": "1 og 2"}]),
    # new text quoted in the sentence (2012-1287 § 2, nr. 51; 2012-1354 § 11, nr. 1)
    ("Overskriften til kapitel 27 affattes således: »Inddragelse af tilladelse«.",
     [{"affattes": "overskriften til kapitel 27", "tekst": "Inddragelse af tilladelse", "inline": True}]),
    ("I § 16 C, stk. 9, indsættes efter 1. pkt.: »Investeringsinstitutter kan ikke efterfølgende ændre princip.«",
     [{"ny": "pkt", "efter": "1. pkt.", "inline": True}]),
    # several old words or anchors with one new text (2011-470 § 1, nr. 1; 2014-734 § 1, nr. 25)
    ("Overalt i loven ændres »Statens Luftfartsvæsen«, »luftfartsvæsenet« og »Luftfartsvæsenet« til: "
     "»Trafikstyrelsen«, og »Statens Luftfartsvæsens« ændres til: »Trafikstyrelsens«.",
     [{"fælles": True}, {"fælles": True, "ændres": "luftfartsvæsenet"}, {"til": "Trafikstyrelsen"}, {}]),
    ("I § 48 a indsættes efter »§ 48, stk. 2,« og »§ 49, stk. 2,«: »1. pkt.,«.",
     [{"fælles": True, "tekst": "1. pkt.,"}, {"kun_citat": True, "indsættes_efter": "§ 49, stk. 2,"}]),
    ("I § 50, § 51, stk. 1, og § 74 a, stk. 2, nr. 3, ændres »jobplan« til: »»Min Plan««.",
     [{"til": "»Min Plan«"}]),  # 2014-1486 § 3, nr. 10
]
BLOCKS = [  # sentences that end with a colon: new text follows
    ("§ 21, stk. 1, affattes således:", {"affattes": "§ 21, stk. 1"}),
    ("§ 19, stk. 4, der bliver stk. 2, affattes således:", {"der_bliver": "stk. 2"}),
    ("§ 4, stk. 2-7, ophæves, og i stedet indsættes:", {"ophæves": "§ 4, stk. 2-7"}),
    # 2010-579 § 2, nr. 2 / 2010-548 § 1, nr. 2 (a stray "I", a typo kept as printed)
    ("§ 32, stk. 1, 2. pkt., udgår, og i stedet indsættes:", {"ophæves": "§ 32, stk. 1, 2. pkt.", "verbum": "udgår"}),
    ("I § 161, stk. 4, affattes således:", {"affattes": "§ 161, stk. 4", "overflødigt_i": True}),
    ("I § 17 indsættes som stk. 2:", {"ny": "stk", "som": "stk. 2"}),
    ("I § 16 indsættes efter stk. 2 som nyt stykke:", {"ny": "stk", "efter": "stk. 2"}),
    ("I § 16, stk. 1, indsættes efter 1. pkt.:", {"ny": "pkt", "efter": "1. pkt."}),
    ("I § 15 a indsættes efter stk. 2, der bliver stk. 3, som nyt stykke:", {"anker_der_bliver": "stk. 3"}),
    ("Efter § 17 indsættes:", {"ny": None, "efter": "§ 17"}),
    ("Efter § 20 b indsættes før overskriften før § 21:", {"placering": "før overskriften før § 21"}),
    ("Efter § 19 indsættes i kapitel 4:", {"placering": "i kapitel 4"}),
    # lov 738/2015 § 1, nr. 91: the new § opens the group of the § named
    ("Efter overskriften før § 69 indsættes:", {"før": "§ 69", "placering": "efter overskriften før § 69"}),
    # lov 326/2012 § 1, nr. 40 and § 2, nr. 32: the placement worded before the verb
    ("I kapitel 10 efter overskriften »Administration mv.« indsættes før § 57:",
     {"før": "§ 57", "placering": "i kapitel 10 efter overskriften »Administration mv.«"}),
    ("Overskriften før § 128 affattes således:", {"affattes": "overskriften før § 128"}),
    ("Lovens titel affattes således:", {"affattes": "lovens titel"}),
    ("Som fodnote til lovens titel indsættes:", {"ny": "fodnote"}),
    ("§ 21 u med tilhørende overskrift affattes således:", {"med_overskrift": "overskrift"}),
    # 2012-1380 § 1, nr. 35: a mellemrubrik between a chapter's heading and its first §
    ("Efter overskriften til kapitel 13 indsættes før § 69:",
     {"ny": "overskrift", "før": "§ 69", "placering": "efter overskriften til kapitel 13"}),
]


def _clean(changes):
    return [{k: v for k, v in c.items() if not k.startswith("_")} for c in changes]


@pytest.mark.parametrize("text,want", SENTENCES)
def test_sentence_reads_into_data_and_words_back(text, want):
    changes = read_sentence(text, [])
    assert len(changes) == len(want)
    for ch, w in zip(changes, want):
        for k, v in w.items():
            assert ch.get(k) == v, (k, ch)
    assert format_sentence(_clean(changes)) == text


@pytest.mark.parametrize("text,want", BLOCKS)
def test_block_sentence(text, want):
    changes = read_sentence(text, [])
    assert changes[-1]["_blok"]
    for k, v in want.items():
        assert changes[-1].get(k) == v, (k, changes)
    data = _clean(changes)
    data[-1]["tekst"] = "Stk. 2. Ny tekst."
    if data[-1].get("ny") is None and "ny" in data[-1]:
        data[-1]["ny"] = "paragraf"
    assert format_sentence(data) == text


@pytest.mark.parametrize("text,warning", [
    ("I § 30, stk. 2, indsættes efter »afgørelse»: », samt at …«.", "» i stedet for «"),
])
def test_typos_are_read_with_a_warning_and_worded_correctly(text, warning):
    warnings = []
    changes = read_sentence(text, warnings)
    assert any(warning in w for w in warnings), warnings
    assert format_sentence(_clean(changes)) != text  # printed in the correct form


@pytest.mark.parametrize("text,form,warning", [
    # a colon after the verb (a typo: warned, kept as the act prints it), 2010-1609 § 2, nr. 1
    ("I § 26, stk. 1, ændres: »velfærdsministeren« til: »beskæftigelsesministeren«.", {"verbum_kolon": True},
     "ændres:"),
    ("I § 149 a, stk. 1, indsættes efter: »flyvehavari eller en«: »alvorlig«.", {"verbum_kolon": True},
     "indsættes efter:"),  # 2013-654 § 1, nr. 9
    # "til »…«" without the colon: an older house style (2012-1287 § 11, nr. 7; 2014-1486 § 6, nr. 1)
    ("I § 66 a, stk. 11 og 12, ændres »nr. 19« til »nr. 18«.", {"til_kolon": False}, None),
    ("I § 14, stk. 2, nr. 5, udgår »orlovsydelse til kontanthjælpsmodtagere«, og »selvvalgt uddannelse« ændres "
     "til »jobrettet uddannelse, jobrotationsydelse«.", {"til_kolon": False}, None),
    # a quote that holds a space at an end (2010-1564 § 2, nr. 1; 2010-493 § 5, nr. 3)
    ("I § 8, stk. 2, ændres »1,25 « til: »1,2« og »0,65« til: »0,67«.",
     {"ændres": "1,25", "mellemrum": {"ændres": "efter"}}, None),
    ("I § 187 indsættes efter »kontinentalsokkel«: » eller at udføre opgaver på dansk søterritorium«.",
     {"tekst": "eller at udføre opgaver på dansk søterritorium", "mellemrum": {"tekst": "før"}}, None),
    # the count after the quotes (2012-603 § 1, nr. 4; 2011-1387 § 1, nr. 8)
    ("I § 146, stk. 3, ændres »1.300 kr.« til: »1.450 kr. (2012-tal)« tre gange og »2.800 kr.« til: "
     "»3.130 kr. (2012-tal)« to gange.", {"antal": 3, "antal_sidst": "gange"}, None),
    ("I § 149, stk. 1, udgår »§ 146 a, stk. 2,« to steder.", {"antal": 2, "antal_sidst": "steder"}, None),
    # the place without its "I" (2013-493 § 4, nr. 1), warned; "§ 5 ophæves." stays a repeal
    ("§ 12, stk. 1, ændres »det sociale nævn« til: »Ankestyrelsen«.", {"uden_i": True, "i": "§ 12, stk. 1"}, "»I«"),
    # typos in a citation, read repaired and printed as the act has them (2010-431 § 1, nr. 16;
    # 2012-557 § 1, nr. 124); a typo inside »…« is never touched
    ("I § 90 a, stk. 1,1. pkt., ændres »30 måneder« til: »123 uger«.",
     {"i": "§ 90 a, stk. 1, 1. pkt.", "trykfejl": [["stk. 1, 1. pkt.", "stk. 1,1. pkt."]]}, "trykfejl"),
    ("I § 75, stk. 4, § 83 stk. 2 og 3, og § 84, stk. 2, ændres »Foreningen« til: »Den danske UCITS«.",
     {"i": "§ 75, stk. 4, § 83, stk. 2 og 3, og § 84, stk. 2"}, "komma mangler"),
    ("I § 5 ændres »§ 83 stk. 2« til: »§ 83, stk. 2«.", {"ændres": "§ 83 stk. 2"}, None),
    # the citation's own full stop ends the sentence (2011-320 § 1, nr. 28)
    ("I § 41, stk. 2, ophæves 2. pkt.", {"ophæves": "§ 41, stk. 2, 2. pkt."}, None),
])
def test_source_forms_print_back_as_the_act_has_them(text, form, warning):
    warnings = []
    changes = read_sentence(text, warnings)
    for k, v in form.items():
        assert any(c.get(k) == v for c in changes), (k, changes)
    assert (warning is None and not warnings) or any(warning in w for w in warnings), warnings
    assert format_sentence(_clean(changes)) == text


@pytest.mark.parametrize("text", [
    "I § 5 ændres »a« til: »b« mange gange.",
    "I § 5 ændres »a til: »b«.",
    "Denne sætning er ingen ændring.",
])
def test_unreadable_sentences_are_refused(text):
    with pytest.raises(Unreadable):
        read_sentence(text, [])


@pytest.mark.parametrize("text", [
    "Stk. 7 og 8 bliver herefter stk. 6 og 7.", "Stk. 2-7 bliver herefter stk. 3-8.",
    "Nr. 4 bliver herefter nr. 5.", "Litra b-g bliver herefter litra c-h.", "Stk. 13-22 bliver stk. 11-20.",
])
def test_rykningsklausul_round_trip(text):
    assert rykning.format(rykning.read(text)) == text


@pytest.mark.parametrize("text", [
    "I lov om en aktiv beskæftigelsesindsats, jf. lovbekendtgørelse nr. 1342 af 21. november 2016, foretages "
    "følgende ændringer:",
    "I lov om ægteskabs indgåelse og opløsning, jf. lovbekendtgørelse nr. 1818 af 23. december 2015, som ændret ved "
    "lov nr. 1729 af 27. december 2016, foretages følgende ændringer:",
    "I lov nr. 606 af 12. juni 2013 om offentlighed i forvaltningen foretages følgende ændring:",
    "I lov nr. 1528 af 21. december 2010 om arbejdsskadesikring i Grønland, som ændret ved lov nr. 1568 af "
    "15. december 2015, foretages følgende ændringer:",
    "I retsplejelov for Grønland, lov nr. 305 af 30. april 2008, som ændret bl.a. ved lov nr. 740 af 25. juni "
    "2014 og senest ved lov nr. 639 af 8. juni 2016, foretages følgende ændringer:",
])
def test_intro_round_trip(text):
    d = intro.read(text)
    assert d is not None and intro.format(d) == text


def test_citations_expand_to_their_addresses():
    got = [str(c) for c in parse_citation("§ 8 a, stk. 7, 2. pkt., der bliver stk. 6, 2. pkt., og stk. 8, "
                                           "der bliver stk. 7")]
    assert got == ["§ 8 a, stk. 7, 2. pkt.", "§ 8 a, stk. 8"]
    assert [str(c) for c in parse_citation("§ 9, stk. 1-3")] == ["§ 9, stk. 1", "§ 9, stk. 2", "§ 9, stk. 3"]
    assert [str(c) for c in parse_citation("§ 3 c, stk. 3, 1. og 2. pkt.")] == [
        "§ 3 c, stk. 3, 1. pkt.", "§ 3 c, stk. 3, 2. pkt."]
    assert [str(c) for c in parse_citation("overskriften til kapitel 1 og i overskriften før § 3")] == [
        "overskriften til kapitel 1", "overskriften før § 3"]
    assert [str(c) for c in parse_citation("§ 7, stk. 1, litra g-j")][-1] == "§ 7, stk. 1, litra j"
