"""A count over several places together (issue 8, brief forms3): "I §§ 3 og 4 ændres i alt tre steder »nr. 3« til:
»nr. 2«." (lov 724/2010 § 14, nr. 2) was refused ("sætningen kan ikke læses"). Read as {antal: 3, i_alt: true}: the
words stand three times at the places together, at each at least once; executed so on LBK 190/2012 (»Kommunen«
stands twice in § 8 and three times in § 14), anything else refused. (The act's own base, lov 498/2006, is not in the
corpus.)"""
from __future__ import annotations

import pytest

from lawdiff.changes.nummer import format_sentence, read_sentence
from lawdiff.importers.amending import read_amending_file
from lawdiff.proposal import ProposalError, parse_proposal
from lawdiff.render.instructions import nummer_lines
from lawdiff.text import norm
from tests.conftest import lexdania
from tests.test_engine_acts import corpus_act, run, text
from tests.test_proposal_handwritten import proposal


def test_the_nummer_of_the_act_is_read_and_printed_back():
    par = next(p for p in read_amending_file(lexdania("2010/2010-724.xml")).doc["paragraffer"] if p["nummer"] == "14")
    entry = next(e for e in par["numre"] if e["nummer"] == "2")
    assert entry["ændringer"] == [{"i": "§§ 3 og 4", "antal": 3, "antal_efter_verbum": True, "i_alt": True,
                                   "ændres": "nr. 3", "til": "nr. 2"}]
    assert norm(" ".join(nummer_lines(entry))) == "2. I §§ 3 og 4 ændres i alt tre steder »nr. 3« til: »nr. 2«."


def test_one_place_is_not_read_so():
    with pytest.raises(Exception, match="kan ikke læses"):
        read_sentence("I § 3 ændres i alt tre steder »nr. 3« til: »nr. 2«.", [])


def test_the_sum_is_changed():
    s = "I §§ 8 og 14 ændres i alt fem steder »Kommunen« til: »Kommunalbestyrelsen«."
    changes = read_sentence(s, [])
    assert format_sentence(changes) == s
    base, new = corpus_act("2012/2012-190"), run("2012/2012-190", changes).new
    assert [text(new, w).count("Kommunalbestyrelsen") - text(base, w).count("Kommunalbestyrelsen")
            for w in ("§ 8", "§ 14")] == [2, 3]
    assert text(new, "§ 8").count("Kommunen") == text(new, "§ 14").count("Kommunen") == 0


@pytest.mark.parametrize("sentence,why", [
    ("I §§ 8 og 14 ændres i alt fire steder »Kommunen« til: »Kommunalbestyrelsen«.",
     "»Kommunen« står 2 gange i § 8, 3 gange i § 14; ændringen siger i alt fire steder"),
    ("I §§ 8 og 12 ændres i alt to steder »Kommunen« til: »Kommunalbestyrelsen«.", "»Kommunen« findes ikke i § 12"),
])
def test_another_count_is_refused(sentence, why):
    with pytest.raises(ProposalError, match=why):
        run("2012/2012-190", read_sentence(sentence, []))


def test_in_a_hand_written_proposal():
    p = parse_proposal(proposal('i: "§ 8 og § 14"\nændres: "Kommunen"\ntil: "Kommunalbestyrelsen"\nantal: 5\ni_alt: true'),
                       "p.yaml")
    assert [c.data.get("i_alt") for c in p.changes] == [True]
