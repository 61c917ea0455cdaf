"""Typos in an instruction's quotation marks, colons and words that leave one meaning
(changes/nummer.FALLBACK_TYPOS): the sentence is read in the repaired form, warned about, and
printed back exactly as the act has it. Each case is a real nummer that was refused before."""
import pytest

from lawdiff.changes.nummer import FALLBACK_TYPOS, Unreadable, format_sentence, read_sentence
from lawdiff.render.instructions import nummer_lines
from lawdiff.text import norm
from tests.importers.test_amending_kinds import _entry, _execute

CASES = [
    # (act, §, nr, the change data the repaired sentence gives (a subset of the first change))
    ("2010/2010-571.xml", "1", "32", {"ændres": "§ 2, stk. 4", "til": "§ 2, stk. 6"}),  # »…«, til:
    ("2015/2015-523.xml", "6", "8", {"ændres": "bevis efter § 12", "til": "sundhedskort efter § 12, stk. 1,"}),
    ("2014/2014-1488.xml", "1", "24", {"til": "den bestemmelse, der er nævnt i nr. 1,"}),  # til»
    ("2015/2015-998.xml", "1", "5", {"til": "frivillig indbetaling af acontoskat efter pensionsafkastbeskatningsloven"}),
    ("2012/2012-1149.xml", "2", "1", {"indsættes_efter": "§ 7 a,"}),  # »§ 7 a,«: herunder …,«
    ("2013/2013-903.xml", "3", "15", {"til": "§ 7, stk. 1, 2 eller 4,"}),  # til: § 7 …,«
    ("2016/2016-1558.xml", "12", "1", {"tekst": "godkendte blokvogne"}),  # »…« : »…«
    ("2010/2010-1556.xml", "3", "11", {"indsættes_efter": "en aftale om netting"}),  # »…«; »…«
    ("2015/2015-221.xml", "1", "10", {"i": "§ 26, stk. 2", "ændres": "§ 15, stk. 2, nr. 16"}),  # , »ændres
    ("2015/2015-179.xml", "2", "5", {"indsættes_efter": "§ 3, stk. 1-3,", "tekst": "§ 3 a, stk. 1,"}),  # § »3
    ("2011/2011-174.xml", "3", "3", {"ændres": "1. -4. pkt.", "til": "1. -5. pkt."}),  # ændres 1. -4. pkt.«
    ("2016/2016-385.xml", "1", "6", {"i": "§ 43"}),  # indsætte som stk. 12
    ("2015/2015-580.xml", "1", "31", {"affattes": "§ 72, stk. 1, nr. 1"}),  # affates
    ("2012/2012-446.xml", "1", "19", {"ophæves": "§ 73, stk. 3, 2. pkt."}),  # 73, stk. 3 (no "§")
    ("2016/2016-427.xml", "4", "12", {"der_bliver": "nr. 3"}),  # der bliver nummer 3
    ("2011/2011-618.xml", "1", "19", {"ændres": "Konkurrencestyrelsens"}),  # I Overskriften
    # "og i nr. 2 ændres »…« ændres til: »…«" (the base LBK 190/2012's § 74 a, stk. 3, has no nr.
    # yet, so the corpus cannot execute it)
    ("2013/2013-894.xml", "1", "86", {"ændres": "§ 25, stk. 1, nr. 1,", "til": "§ 25, stk. 2, nr. 1,"}),
    ("2016/2016-612.xml", "1", "27", {"i": "§ 9 m, stk. 1, 1. pkt."}),  # "og 2-4. pkt. ophæves"
    # "indsættes som 2., 3. og 4 pkt.:" (its base, LBK 1757/2006, is not in the corpus)
    ("2010/2010-653.xml", "1", "4", {"ny": "pkt", "i": "§ 15 a, stk. 1", "som": "2., 3. og 4. pkt."}),
]


@pytest.mark.parametrize("act, par, nr, want", CASES)
def test_a_typo_with_one_meaning_is_read_and_printed_as_the_act_has_it(act, par, nr, want):
    entry, official = _entry(act, par, nr)
    assert "ikke_udført" not in entry, entry
    first = entry["ændringer"][0]
    assert {k: first.get(k) for k in want} == want
    assert norm(" ".join(nummer_lines(entry))) == official


def test_two_fallback_repairs_in_one_nummer_and_a_second_clause():
    # lov 576/2012 § 1, nr. 13: "…, og efter »§§«: indsættes »43 a-43 e og«." (the colon after the anchor)
    entry, official = _entry("2012/2012-576.xml", "1", "13")
    assert [c.get("indsættes_efter") for c in entry["ændringer"]] == ["at pristillæg", "§§"]
    assert entry["ændringer"][1]["tekst"] == "43 a-43 e og"
    assert norm(" ".join(nummer_lines(entry))) == official
    # lov 360/2014 § 1, nr. 2: "… til »§§ 1 og 1 a«, og efter »nævnte overenskomster« indsættes »og aftaler«."
    entry, official = _entry("2014/2014-360.xml", "1", "2")
    assert entry["ændringer"][1]["tekst"] == "og aftaler"
    assert norm(" ".join(nummer_lines(entry))) == official


def test_the_repair_is_warned_about():
    warnings: list[str] = []
    out = read_sentence("I § 53, stk. 1, ændres »§ 2, stk. 4«, til: »§ 2, stk. 6«.", warnings)
    assert out[0]["ændres"] == "§ 2, stk. 4" and out[0]["til"] == "§ 2, stk. 6"
    assert any("komma før »til:«" in w and "trykfejl" in w for w in warnings), warnings
    assert format_sentence(out) == "I § 53, stk. 1, ændres »§ 2, stk. 4«, til: »§ 2, stk. 6«."


def test_der_bliver_without_nr():
    # lov 598/2013 § 197, nr. 6 (its "§ 197." defeats _entry's lookup: read the sentence itself)
    text = "§ 361, stk. 1, nr. 22, der bliver 21, ophæves."
    out = read_sentence(text, [])
    assert out[0]["ophæves"] == "§ 361, stk. 1, nr. 22" and out[0]["der_bliver"] == "nr. 21"
    assert format_sentence(out) == text


def test_a_sentence_that_reads_as_printed_is_not_repaired():
    # the fallback is tried only when the sentence as printed cannot be read
    warnings: list[str] = []
    out = read_sentence("I § 5 ændres »A« til: »B«.", warnings)
    assert "trykfejl" not in out[0] and warnings == []


@pytest.mark.parametrize("text", [
    # two readings: is »nr. 12: « the anchor, or was the colon meant after it? (lov 722/2010 § 5, nr. 24)
    "I § 14, nr. 4, indsættes efter »nr. 12: « »og 17«.",
    # the number of the stk. is missing (lov 1563/2016 § 1, nr. 5)
    "I § 9 a, stk. , indsættes som nr. 4:",
])
def test_a_typo_with_two_readings_stays_refused(text):
    with pytest.raises(Unreadable):
        read_sentence(text, [])


def test_every_fallback_pattern_names_its_scope():
    assert {w for *_, w in FALLBACK_TYPOS} <= {"hele", "uden_for", "start"}


def test_a_repaired_nummer_executes_on_the_real_law():
    # lov 518/2012 § 1, nr. 2 ("indsættes efter »den almene boligorganisation« to steder: »…«", the count
    # after the anchor) on LBK 884/2011 (the chain to LBK 1023/2013): both places, as the LBK has it
    base, lr = _execute("2012/2012-518.xml", "2011/2011-884.xml", "1", "2")
    sec = next(s for s in lr.new.sections() if s.num == "2")
    text = norm(" ".join(ln for u in sec.walk() for ln in u.own_lines()))
    assert text.count("den almene boligorganisation eller den selvejende almene ungdomsboliginstitution") == 2


def test_2_4_pkt_is_read_as_2_to_4_pkt_and_executed():
    """Lov nr. 612 af 8/6/2016, § 1, nr. 27: "…, og 2-4. pkt. ophæves." (udlændingeloven, LBK 412/2016,
    the act's base; no later LBK in the corpus): 2.-4. pkt. of § 9 m, stk. 1 go, the 1. pkt. is changed."""
    from lawdiff.address import resolve
    from tests.test_engine_headings import nummer_changes, run, text

    chs = nummer_changes("2016/2016-612", "1", "27")
    assert chs[1]["ophæves"] == "§ 9 m, stk. 1, 2.-4. pkt."
    lr = run("2016/2016-412", chs)
    assert text(lr.new, "§ 9 m, stk. 1") == resolve(lr.base, "§ 9 m, stk. 1, 1. pkt.").pkt_text.replace(
        "nr. 1-13, eller stk. 11", "nr. 1-12, eller stk. 10")
