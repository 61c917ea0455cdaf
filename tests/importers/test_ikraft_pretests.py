"""The substring tests that spare the commencement reader's regexes (importers/ikraft.py): each
says "no match" only where the regex it guards cannot match, so the rules read are unchanged."""
from hypothesis import given, settings
from hypothesis import strategies as st

from lawdiff.importers import ikraft

# the words the patterns are made of, their near misses, and filler: sentences that match some
# alternatives, and some that nearly do
_WORDS = ["Loven", "Lovens", "loven", "lovens", "§", "§§", "1,", "nr.", "2", "a", "og", "træder", "dog", "først",
          "i", "kraft", "Kraft", "kraf", "ikrafttrædelsen", "ikrafttræden", "ikrafttrædelse", "ikrafttrædelsestidspunktet",
          "ikrafttrædelsestidspunkt", "Ikrafttrædelsen", "for", "af", "fastsættes", "fastsætter", "fastsætte,",
          "fastsætte", "at", "Ministeren", "ministeren", "Beskæftigelsesministeren", "social-", "justitsministerens",
          "ministerens", "Minister", "minister", "nærmere", "bestemmelse.", "tidspunktet", "Tidspunktet", "på", "et",
          "tidspunkt,", "der", "som", "bemyndiges", "til", "kan", "senere", "tidspunkt", "andet", "efter", "aftale",
          "med", "den", "1.", "juli", "2011", "dagen", "bekendtgørelsen", "Lovtidende", "Dog", "Stk.", "2.", "Samtidig",
          "herunder", "forskellige", "tidspunkter.", "jf.", "stk.", "eller", "dele", "resten", "ved", "."]

sentences = st.lists(st.sampled_from(_WORDS), max_size=24).map(" ".join)


@settings(max_examples=3000)
@given(sentences)
def test_is_commencement_is_the_regex(sent):
    assert ikraft.is_commencement(sent) == (ikraft.COMMENCEMENT_SENTENCE.search(sent) is not None)


@settings(max_examples=3000)
@given(sentences)
def test_the_minister_rule_is_the_first_regex_that_matches(sent):
    want = next((m for rx in ikraft._MINISTER_RULES for m in [rx.search(sent)] if m), None)
    got = ikraft._minister_rule(sent)
    assert (got is None) == (want is None)
    if want is not None:
        assert (got.re, got.span(), got.groupdict()) == (want.re, want.span(), want.groupdict())


def test_real_sentences():
    for sent, commencement, minister in [
            ("Loven træder i kraft den 1. juli 2011.", True, False),
            ("Beskæftigelsesministeren fastsætter tidspunktet for ikrafttrædelsen af § 1, nr. 1-6, og § 6.", True, True),
            ("Tidspunktet for ikrafttrædelsen af lovens § 1, nr. 1 og 2, fastsættes af social- og "
             "integrationsministeren.", True, True),
            ("§§ 70 og 71 træder dog i kraft efter justitsministerens nærmere bestemmelse.", True, True),
            ("Loven finder anvendelse på sager, der indbringes efter lovens ikrafttræden.", False, False)]:
        assert ikraft.is_commencement(sent) is commencement, sent
        assert (ikraft._minister_rule(sent) is not None) is minister, sent


# a commencement § as the amending reader gives it: a label line, lines of sentences ("Stk. 2." and a
# heading among them); words that split sentences and join lines
_PARAGRAPH = st.lists(st.sampled_from(_WORDS + ["Stk. 2.", "§ 3", "\n", "\n", "Kraften", "ikraft", "kraftig", "nr. 1."]),
                      max_size=60).map(" ".join)


@settings(max_examples=3000)
@given(_PARAGRAPH)
def test_commencement_is_the_rules_and_the_unread_sentences(text):
    # the amending reader's one pass (sentences split, and each sentence's rules read, once)
    assert ikraft.commencement(text) == (ikraft.ikraft_rules(text), ikraft.unread_commencement(text))


def test_commencement_of_real_paragraphs():
    for text, rules, unread in [
            ("§ 3\nLoven træder i kraft den 1. juli 2011.", [{"dato": "2011-07-01"}], []),
            ("§ 4\nStk. 1. Loven træder i kraft den 1. januar 2016, jf. dog stk. 2.\nStk. 2. § 1, nr. 5, træder "
             "i kraft den 1. juli 2016.", [{"dato": "2016-01-01"}, {"dato": "2016-07-01", "gælder": ["§ 1, nr. 5,"]}],
             []),
            ("§ 2\n§ 1, nr. 2, træder i kraft efter første nyvalg til Folketinget.", [],
             ["§ 1, nr. 2, træder i kraft efter første nyvalg til Folketinget."]),
            ("§ 5\nLoven gælder ikke for Færøerne og Grønland.", [], [])]:
        assert ikraft.commencement(text) == (rules, unread), text
        assert ikraft.commencement(text) == (ikraft.ikraft_rules(text), ikraft.unread_commencement(text))


@settings(max_examples=3000)
@given(sentences)
def test_a_sentence_without_kraft_has_no_rule(sent):
    # ikraft.commencement reads the rules of a sentence holding "kraft" only
    if "kraft" not in sent:
        assert ikraft.sentence_rules(sent) == []
        assert not any(rx.search(sent) for rx in ikraft._MINISTER_RULES)
