"""Commencement wordings no act of the corpus has, but older acts do (the LBKs' notes quote them):
an exception in the same sentence as the general date, the verb first, a second date. Read, the
first date became a rule for the whole act (or for the first part) and the excepted numre entered
into force on it: `consolidate` by date then wrote the wrong law text, exit 0. Now such a sentence
gives no rule and is reported (`unread_commencement`), so the act gets no rule at all (its numre
stay pending, `--include` runs them), as for every other sentence the reader cannot read.
"""
from __future__ import annotations

import copy

import pytest
from lxml import etree

from lawdiff.importers import amending, ikraft
from tests.conftest import CORPUS
from tests.importers.test_metamorphic import _serialise

UNREAD = [
    # seen in the notes of the corpus's LBKs on older acts
    "Loven træder i kraft den 1. juli 2000, § 6 dog først den 1. juli 2002.",
    "Loven træder i kraft den 1. januar 1997, dog træder § 99 i kraft den 1. august 1996.",
    "Loven træder i kraft den 1. januar 2006, bortset fra bestemmelserne i lovens §§ 7 og 8, der træder i kraft den "
    "1. juli 2006.",
    "Loven træder i kraft den 1. juli 2015, og § 2, nr. 1 og 4-9, træder i kraft den 1. januar 2015.",
    "Loven træder i kraft dagen efter bekendtgørelsen i Lovtidende, dog træder lovens §§ 4 og 5 i kraft den 1. "
    "juli 2005.",
    # the same, worded as other acts word exceptions
    "Loven træder i kraft den 1. januar 2017, bortset fra § 1, nr. 3.",
    "Loven træder i kraft den 1. januar 2017 med undtagelse af § 1, nr. 3.",
    "Loven træder i kraft den 1. januar 2017, idet § 1, nr. 3, dog først træder i kraft den 1. juli 2017.",
    "Loven træder i kraft den 1. januar 2017, men § 1, nr. 3, træder først i kraft den 1. juli 2017.",
    "§ 1, nr. 3, træder i kraft den 1. juli 2017, og nr. 4 den 1. januar 2018.",
    "Ministeren kan dog fastsætte, at § 1, nr. 3, ikke træder i kraft.",
    # a date that does not exist
    "Loven træder i kraft den 31. juni 2017.",
]


@pytest.mark.parametrize("sentence", UNREAD)
def test_an_exception_in_a_commencement_sentence_gives_no_rule_and_is_reported(sentence):
    text = f"§ 3\nLoven træder i kraft den 1. januar 2017.\nStk. 2. {sentence}" if sentence.startswith("Min") \
        else f"§ 3\n{sentence}"
    assert ikraft.unread_commencement(text) == [sentence]


@pytest.mark.parametrize("sentence,rule", [
    ("Loven træder i kraft den 1. januar 2017, jf. dog stk. 2.", {"dato": "2017-01-01"}),
    ("Loven træder i kraft den 1. januar 2011, dog jf. stk. 2.", {"dato": "2011-01-01"}),  # lov 1546/2010
    ("Loven træder i kraft den 1. juli 2008, jf., dog stk. 2-5.", {"dato": "2008-07-01"}),  # lov 389/2011
    ("Loven træder i kraft den 1. januar 2017 og har virkning fra den 1. juli 2016.", {"dato": "2017-01-01"}),
    ("Loven træder i kraft den 1. februar 2010 og har gyldighed til og med den 31. januar 2011, jf. dog stk. 2.",
     {"dato": "2010-02-01"}),  # lov 78/2010
    ("§ 1, nr. 1-7 og 9, træder i kraft den 1. januar 2011 og finder anvendelse på sager om arbejdsulykker, hvor "
     "arbejdsulykken er indtrådt den 1. januar 2011 eller senere.", {"dato": "2011-01-01", "gælder": ["§ 1, nr. 1-7 og 9,"]}),
    ("Loven træder i øvrigt i kraft den 1. januar 2017.", {"dato": "2017-01-01"}),
    # the verb first (an LBK's note on an older act; lov 546/2012 § 10, stk. 2)
    ("Dog træder § 18 i kraft den 1. juli 1990.", {"dato": "1990-07-01", "gælder": ["§ 18"]}),
    ("Dog træder § 9 først i kraft den 1. januar 2007.", {"dato": "2007-01-01", "gælder": ["§ 9"]}),
    # a part whose date a minister may set apart from the act's (lov 484/2010 § 34, stk. 2)
    ("Ministeren kan dog fastsætte, at § 1, nr. 3, træder i kraft på et senere tidspunkt.",
     {"minister": True, "gælder": ["§ 1, nr. 3"]}),
])
def test_the_real_forms_after_the_date_still_give_their_rule(sentence, rule):
    assert ikraft.ikraft_rules(f"§ 3\n{sentence}") == [rule]
    assert ikraft.unread_commencement(f"§ 3\n{sentence}") == []


def test_an_act_whose_commencement_has_an_exception_gets_no_rule_and_a_warning():
    """Lov nr. 651 af 12/06/2013 § 5 ("Loven træder i kraft den 1. januar 2014.") with an exception in
    the sentence: the amendment file had `ikrafttræden: [{dato: 2014-01-01}]` for every nummer."""
    name = "2013/2013-651.xml"
    root = etree.fromstring((CORPUS / name).read_bytes())
    before = amending.read_amending_root(copy.deepcopy(root), "x.xml")
    assert before.doc["ikrafttræden"] == [{"dato": "2014-01-01"}]
    ik = next(root.iter("IkraftCentreretParagraf"))  # "§ 5" (with a no-break space)
    char = ik.find("Stk/Exitus/Linea/Char")
    char.text = "Loven træder i kraft den 1. januar 2014, dog træder § 1, nr. 3, i kraft den 1. juli 2014."
    act = amending.read_amending(_serialise(root), "x.xml")
    assert "ikrafttræden" not in act.doc
    assert any(w.startswith(f"x.xml:{ik.sourceline}: § 5 »Loven træder i kraft den 1. januar 2014, dog træder") and
               "kan ikke læses som en ikrafttrædelsesregel" in w for w in act.warnings)


def test_a_real_sentence_with_the_verb_first_is_read():
    """Lov nr. 546 af 11/06/2012 § 10, stk. 2: "Dog træder § 1, stk. 4 og 5, og § 9 i kraft den 1.
    september 2012." was no commencement sentence to the reader: those §§ had the act's 1 November."""
    name = "2012/2012-546.xml"
    act = amending.read_amending((CORPUS / name).read_bytes(), name)
    assert act.doc["ikrafttræden"] == [{"dato": "2012-11-01"},
                                       {"dato": "2012-09-01", "gælder": ["§ 1, stk. 4 og 5, og § 9"]}]
