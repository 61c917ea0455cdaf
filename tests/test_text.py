from hypothesis import given, strategies as st

from lawdiff.text import count_punktum, norm, split_punktum


def test_norm_folds_invisibles_and_no_break_spaces():
    assert norm("§\u00a068 c") == "§ 68 c"
    assert norm("fleks\u00adjob pro\u00adce\u00addu\u200dre") == "fleksjob procedure"
    assert norm("  a \n\t b  ") == "a b"


def test_split_on_capital_after_period():
    line = "Personen kan tilbydes flere forløb. Fylder personen 40 år, fortsætter forløbet."
    assert split_punktum(line) == ["Personen kan tilbydes flere forløb.",
                                   "Fylder personen 40 år, fortsætter forløbet."]


def test_abbreviations_do_not_end_sentences():
    # lovteknik §9.3: "jf." before a capital, "nr. L 331", dates and ordinals, lower-case followers
    assert len(split_punktum("Reglerne gælder, jf. Europa-Parlamentets forordning nr. L 331 af 1. januar 2014.")) == 1
    assert len(split_punktum("Der ydes tilskud, jf. stk. 2, bl.a. ved kurser m.v., og i øvrigt.")) == 1


def test_abbreviations_end_before_capital():
    assert split_punktum("Beløbet er 500 kr. Det reguleres årligt.") == ["Beløbet er 500 kr.", "Det reguleres årligt."]
    assert len(split_punktum("Prøvetiden kan ikke overstige 5 år. § 57 finder tilsvarende anvendelse.")) == 2
    assert len(split_punktum("Stk. 1 gælder. 1. pkt. gælder dog ikke for børn.")) == 2


def test_lead_in_sentence_without_period_is_one_punktum():
    assert count_punktum(["Det er en betingelse, at personen"]) == 1
    assert count_punktum(["Første. Andet.", "Tredje."]) == 3


@given(st.lists(st.sampled_from(["Loven gælder", "kr.", "jf.", "stk. 2", "Det", "§ 5", "1.", "pkt.", "og", "Æ"]),
                min_size=1, max_size=20))
def test_split_loses_no_text(words):
    line = " ".join(words)
    assert " ".join(split_punktum(line)) == norm(line)


@given(st.text(alphabet="ab §\u00a0\u00ad\u200d\n\t.", max_size=40))
def test_norm_map_agrees_with_norm_and_maps_back(s):
    from lawdiff.text import norm_map

    normed, idx = norm_map(s)
    assert normed.strip() == norm(s)
    assert len(idx) == len(normed) + 1 and idx[-1] == len(s)
    for i, ch in enumerate(normed):
        assert s[idx[i]] == ch or (ch == " " and s[idx[i]] in " \u00a0\n\t")
