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
