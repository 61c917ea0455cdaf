"""review9: hand-written proposals using the merged keys wrongly. `kapitelbetegnelsen` with `antal`, `forekomst`
or `bortset_fra` renamed the chapter and dropped the key without a word (LBK 190/2012: 'Kapitel 3' -> 'Kapitel 3 a'
with forekomst: 2, exit 0); `i_alt` without `antal` was executed as if it were not there. Now refused by the loader,
in Danish, with file:line."""
from __future__ import annotations

import pytest

from lawdiff.proposal import ProposalError, parse_proposal
from tests.test_engine_acts import run
from tests.test_proposal_handwritten import errors_of, proposal

LABEL = 'i: "kapitel 3"\nændres: "Kapitel 3"\ntil: "Kapitel 3 a"\nkapitelbetegnelsen: true'


@pytest.mark.parametrize("extra,key", [("antal: 2", "antal"), ("forekomst: 2", "forekomst"), ("i_alt: true", "i_alt"),
                                       ("overalt: true", "overalt")])
def test_a_chapter_label_takes_no_count(extra, key):
    label = LABEL.replace('i: "kapitel 3"\n', "") if key == "overalt" else LABEL
    (e,) = errors_of(proposal(label + "\n" + extra))
    assert f"»{key}« hører ikke til »kapitelbetegnelsen«" in str(e) and "p.yaml:" in str(e), str(e)


def test_i_alt_needs_a_count():
    (e,) = errors_of(proposal('i: "§ 8 og § 14"\nændres: "Kommunen"\ntil: "K"\ni_alt: true'))
    assert "»i_alt« kræver »antal«" in str(e) and "p.yaml:" in str(e), str(e)


def test_the_chapter_label_alone_is_loaded_and_executed():
    p = parse_proposal(proposal(LABEL), "p.yaml")
    (c,) = p.changes
    new = run("2012/2012-190", [dict(c.data)]).new
    assert [u.label for u in new.walk() if u.kind == "chapter" and u.num == "3 a"] == ["Kapitel 3 a"]



# --- the same in an amendment file (amendments/*.yaml, docs/format.md) -----------------------------

def _act(par_extra: str, change: str) -> bytes:
    return ("titel: Lov om ændring af lov om en aktiv beskæftigelsesindsats\norganisation: x\ndato: '2099-01-01'\n"
            "status: vedtaget\nkilde: lov nr. 1 af 1. januar 2099\nlove:\n  lab: lab@2016-11-21\nparagraffer:\n"
            "- nummer: '1'\n  lov: lab\n" + par_extra +
            "  numre:\n  - nummer: '1'\n    ændringer:\n    - " + change.replace("\n", "\n      ") + "\n").encode("utf-8")


INTRO = "  lovtitel: lov om en aktiv beskæftigelsesindsats\n  henvisning: lovbekendtgørelse nr. 1342 af 21. november 2016\n"
WORDS = 'i: § 2\nændres: "a"\ntil: "b"'


def test_an_amendment_file_with_its_intro_as_data_loads():
    parse_proposal(_act(INTRO, WORDS), "a.yaml")


def test_a_form_that_does_not_fit_the_title_is_refused():
    # form »I henvisning titel« cuts "lov " off the title: "I lovbekendtgørelse nr. 1342 af … om en aktiv …"
    # reads back as another form; with »lodsloven« it printed "I lov nr. 567 af 9. juni 2006 loven foretages …"
    bad = ("  lovtitel: lodsloven\n  henvisning: lov nr. 567 af 9. juni 2006\n  form: I henvisning titel\n")
    (e,) = errors_of_file(_act(bad, WORDS))
    assert "kan ikke læses tilbage" in str(e) and "a.yaml:" in str(e), str(e)


def test_a_chapter_label_with_a_count_is_refused_in_an_amendment_file():
    (e,) = errors_of_file(_act(INTRO, LABEL + "\nantal: 2"))
    assert "»antal« hører ikke til »kapitelbetegnelsen«" in str(e) and "a.yaml:" in str(e), str(e)


def errors_of_file(data: bytes) -> list[ProposalError]:
    with pytest.raises(ProposalError) as e:
        parse_proposal(data, "a.yaml")
    return list(getattr(e.value, "errors", [e.value]))
