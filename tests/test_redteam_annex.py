"""Red-team review of annex changes (changes/annex.py, proposal.py): each test a case where a careless
or hostile drafter, or an act worded otherwise, got a wrong law text or bill with exit 0, or a
traceback. Hand-written proposals on CPR-loven (LBK 5/2013, bilag 1); real amending acts, edited, on
årsregnskabsloven (LBK 323/2011, lov 616/2013), VVM-loven (lov 425/2016, lov 204/2017) and CPR-loven
(lov 658/2016)."""
from __future__ import annotations

from pathlib import Path

import pytest

from lawdiff import cli
from lawdiff.engine import run
from lawdiff.proposal import parse_proposal
from lawdiff.render.instructions import build_lovforslag
from lawdiff.store import Store
from lawdiff.yamlfile import ProposalError
from tests.conftest import lexdania
from tests.test_proposal_annex import CPR, _run, _texts
from tests.test_proposal_annex import HEAD as HEAD_CPR

HEAD = HEAD_CPR + "  - titel: F\n    ændringer:\n"


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("redteam-annex")
    assert cli.main(["import", "--root", str(root), "lexdania", str(lexdania("2013/2013-5.xml"))]) == 0
    return root


def test_a_later_change_in_a_new_annex_leaves_the_proposals_own_annex_as_written(root):
    """"Som bilag 2 indsættes bilag 1 til denne lov." and then words changed in the new bilag 2: the
    law gets the changed words, but the lovforslag's own bilag 1 must still read as written (it was
    changed in place: the bill printed »1) Sidste.« beside the nummer changing »Første«)."""
    text = HEAD + """\
      - ny: bilag
        som: bilag 2
        fra_bilag: "1"
  - titel: G
    ændringer:
      - i: bilag 2
        ændres: Første
        til: Sidste
bilag:
  - betegnelse: Bilag 1
    indhold:
      - "1) Første."
"""
    result = _run(root, text)
    assert _texts(result.laws[CPR].new.annexes[1]) == ["1) Sidste."]
    lf = build_lovforslag(result)
    assert lf.text().endswith("\n\nBilag 1\n1) Første.\n")
    # and a second run of the same proposal gives the same law
    prop = parse_proposal(text.encode("utf-8"), "p.yaml")
    first = _texts(run(prop, Store(root)).laws[CPR].new.annexes[1])
    assert _texts(run(prop, Store(root)).laws[CPR].new.annexes[1]) == first == ["1) Sidste."]


def test_a_proposals_own_annex_keeps_its_quotation_marks(root):
    """A hand-written annex is not quoted (»…«) as an amending act's new text is: a first line
    beginning with » and a last line ending with « are the drafter's words (they were cut off)."""
    text = HEAD + """\
      - ny: bilag
        som: bilag 2
        fra_bilag: "1"
bilag:
  - betegnelse: Bilag 1
    overskrift:
      - "»Kolonihaver« i lovens forstand"
    indhold:
      - "1) Området kaldes »Haven«"
"""
    result = _run(root, text)
    want = ["»Kolonihaver« i lovens forstand", "1) Området kaldes »Haven«"]
    assert _texts(result.laws[CPR].new.annexes[1]) == want
    assert build_lovforslag(result).text().endswith("Bilag 1\n" + "\n".join(want) + "\n")


@pytest.mark.parametrize("changes", [
    "      - ophæves: bilag 1\n",  # no change uses the own annexes at all
    "      - affattes: bilag 1\n        som_bilag: \"2\"\n",  # bilag 1 of the file named by none
])
def test_an_own_annex_no_change_names_is_refused(changes):
    """The lovforslag printed every annex under »bilag:« after its last §, used or not: a bill whose
    bilag 1 no nummer puts into the law (»Bilag 1 ophæves.« followed by »Bilag 1 / 1) Første.«)."""
    text = HEAD + changes + """\
bilag:
  - betegnelse: Bilag 1
    indhold:
      - "1) Første."
  - betegnelse: Bilag 2
    indhold:
      - "1) Andet."
"""
    with pytest.raises(ProposalError) as e:
        parse_proposal(text.encode("utf-8"), "p.yaml")
    line = text.split("\n").index("  - betegnelse: Bilag 1") + 1
    assert f"p.yaml:{line}:5: forslagets »Bilag 1« (bilag nr. 1 under »bilag:«) nævnes ikke af nogen ændring" in str(e.value)


# --- a path of headings in an annex table (lov 616/2013 § 3 on årsregnskabsloven, LBK 323/2011) ---

SCHEME = ("Bilag 2, Skemaer for balancer og resultatopgørelser, 1. Skema for balance i kontoform (regnskabsklasse B, "
          "C og D), ")


def _run_616(path: str, after: str):
    """Lov 616/2013 § 3, nr. 4 on LBK 323/2011 with its path and words replaced."""
    from lawdiff.importers.lexdania import read_lexdania_file
    from tests.changes.test_annex import _run as run_act

    def edit(doc):
        [p] = [p for p in doc["paragraffer"] if p["nummer"] == "3"]
        [n] = [n for n in p["numre"] if n["nummer"] == "4"]
        n["ændringer"][0]["i"] = path
        n["ændringer"][0]["indsættes_efter"] = after

    return run_act(read_lexdania_file(lexdania("2011/2011-323.xml")).act, "2013/2013-616.xml", "3", ["4"], edit)


@pytest.mark.parametrize("path, after, message", [
    # "V. Overført overskud eller underskud" has no items: its nr. 9 is not "9. Selskabsskat" under
    # GÆLDSFORPLIGTELSER further down (it was executed there)
    (SCHEME + "PASSIVER, EGENKAPITAL, V. Overført overskud eller underskud, nr. 9", "Selskabsskat",
     "nr. 9 står 0 gange under bilag 2"),
    # "EGENKAPITAL" has no nr. 10 of its own: "10. Anden gæld" stands under GÆLDSFORPLIGTELSER
    (SCHEME + "PASSIVER, EGENKAPITAL, nr. 10", "Anden gæld", "nr. 10 står 0 gange under bilag 2"),
])
def test_a_path_whose_heading_has_not_the_item_is_refused_not_executed_in_the_next_section(path, after, message):
    from lawdiff.errors import LawdiffError

    with pytest.raises(LawdiffError) as e:
        _run_616(path, after)
    assert "§ 3, nr. 4" in str(e.value) and message in str(e.value), str(e.value)


def test_a_path_with_an_unclosed_parenthesis_is_refused_without_a_traceback():
    from lawdiff.errors import LawdiffError

    path = ("Bilag 2, Skemaer for balancer og resultatopgørelser, 1. Skema for balance i kontoform (regnskabsklasse B, "
            "C og D, AKTIVER, nr. 6")
    with pytest.raises(LawdiffError) as e:
        _run_616(path, "Krav på indbetaling af virksomhedskapital")
    assert "§ 3, nr. 4" in str(e.value) and "parentes" in str(e.value), str(e.value)


def test_a_footnote_named_twice_is_refused_not_changed_twice():
    """Lov 204/2017 § 5, nr. 1 on lov 425/2016 (VVM) with one footnote named twice and new words that
    hold the old: the words were inserted twice (»… husdyrbrug og gødning og gødning«)."""
    from lawdiff.errors import LawdiffError
    from lawdiff.importers.lexdania import read_lexdania_file
    from tests.changes.test_annex import _run as run_act

    def edit(doc):
        [p] = [p for p in doc["paragraffer"] if p["nummer"] == "5"]
        p["numre"][0]["ændringer"][0].update({
            "i": "fodnote 7 til lovens bilag 1 og i fodnote 7 til lovens bilag 1",
            "ændres": "lov om miljøgodkendelse m.v. af husdyrbrug",
            "til": "lov om miljøgodkendelse m.v. af husdyrbrug og gødning"})

    with pytest.raises(LawdiffError) as e:
        run_act(read_lexdania_file(lexdania("2016/2016-425.xml")).act, "2017/2017-204.xml", "5", ["1"], edit)
    assert "§ 5, nr. 1" in str(e.value) and "fodnote 7 til bilag 1 nævnes 2 gange" in str(e.value), str(e.value)


@pytest.mark.parametrize("labels, wrong", [
    (["Bilag 2", "Bilag 1"], "forslagets bilag nr. 1 under »bilag:« hedder »Bilag 2«, men skal hedde »Bilag 1«"),
    (["Bilag 1", "Bilag 3"], "forslagets bilag nr. 2 under »bilag:« hedder »Bilag 3«, men skal hedde »Bilag 2«"),
    (["Bilag A"], "forslagets bilag nr. 1 under »bilag:« hedder »Bilag A«, men skal hedde »Bilag 1«"),
])
def test_own_annexes_out_of_order_are_refused(labels, wrong):
    """The lovforslag prints the own annexes in the file's order after its last §: »Bilag 2« before
    »Bilag 1«, or a bill with bilag 1 and 3, was printed as written."""
    changes = "".join(f"      - ny: bilag\n        som: bilag {k + 2}\n        fra_bilag: \"{k + 1}\"\n"
                      for k, la in enumerate(labels))
    own = "bilag:\n" + "".join(f"  - betegnelse: {la}\n    indhold:\n      - \"1) Tekst.\"\n" for la in labels)
    with pytest.raises(ProposalError) as e:
        parse_proposal((HEAD + changes + own).encode("utf-8"), "p.yaml")
    assert wrong in str(e.value), str(e.value)


@pytest.mark.parametrize("change", [
    {"i": "bilag 1", "ændres": "Råolieraffinaderier", "til": "Olieraffinaderier"},
    {"ophæves": "bilag 1"},
])
def test_an_annex_renumbered_by_an_earlier_nummer_is_not_cited_by_its_number(change):
    """Lov 658/2016 § 1, nr. 12 on CPR-loven (LBK 5/2013): "Før bilag 1 indsættes som bilag 1, 2, 2 a, 3 og
    4 bilag 1, 2, 3, 4 og 5 til denne lov. Bilag 1 bliver herefter bilag 5." A later nummer of the same act
    citing "bilag 1" (the law before the act: the annex now numbered 5, engine R3) was executed on the
    new bilag 1 (»Råolieraffinaderier« changed, or the new annex repealed): refused."""
    from lawdiff.errors import LawdiffError
    from lawdiff.importers.lexdania import read_lexdania_file
    from tests.changes.test_annex import _run as run_act

    def edit(doc):
        [p] = [p for p in doc["paragraffer"] if p["nummer"] == "1"]
        at = next(k for k, n in enumerate(p["numre"]) if n["nummer"] == "12")
        p["numre"].insert(at + 1, {"nummer": "12 a", "ændringer": [dict(change)]})

    with pytest.raises(LawdiffError) as e:
        run_act(read_lexdania_file(lexdania("2013/2013-5.xml")).act, "2016/2016-658.xml", "1", ["12", "12 a"], edit)
    assert "§ 1, nr. 12 a" in str(e.value) and "bilag 1 er af en tidligere ændring i samme lov blevet bilag 5" \
        in str(e.value), str(e.value)


def test_an_annex_rewritten_by_an_earlier_change_is_not_changed_again(root):
    """"Bilag 1 affattes som bilag 1 til denne lov." and a later »I bilag 1 ændres »Første« til: »Sidste««:
    the bill cites the law before it, whose bilag 1 has no »Første« (engine R3, as for a rewritten §);
    it was executed on the new text with exit 0."""
    text = HEAD + """\
      - affattes: bilag 1
        som_bilag: "1"
  - titel: G
    ændringer:
      - i: bilag 1
        ændres: Første
        til: Sidste
bilag:
  - betegnelse: Bilag 1
    indhold:
      - "1) Første."
"""
    with pytest.raises(ProposalError) as e:
        _run(root, text)
    assert "forslag 2, ændring 1: bilag 1 er nyaffattet af en tidligere ændring (forslag 1, ændring 1) og kan ikke " \
        "ændres igen" in str(e.value), str(e.value)
    # repealed after being rewritten: the same
    with pytest.raises(ProposalError) as e:
        _run(root, text.replace("      - i: bilag 1\n        ændres: Første\n        til: Sidste\n",
                                "      - ophæves: bilag 1\n"))
    assert "bilag 1 er nyaffattet af en tidligere ændring" in str(e.value), str(e.value)


def test_words_that_are_a_whole_line_of_an_annex_do_not_leave_an_empty_line(root):
    """»I bilag 1, nr. 18, udgår »18) For de i nr. 1-17 … styredata.««: the whole line went, and an empty
    line stood in the law's bilag 1 (exit 0)."""
    line = ("18) For de i nr. 1-17 nævnte oplysninger registreres endvidere ajourføringstidspunkt, gyldighedsstart og "
            "eventuel slutdato m.m. samt den myndighed, som har godkendt eller ajourført registreringen, og eventuel "
            "særlig dokumentation for en given oplysning samt visse tekniske styredata.")
    with pytest.raises(ProposalError) as e:
        _run(root, HEAD + f"      - i: bilag 1, nr. 18\n        udgår: \"{line}\"\n")
    assert "forslag 1, ændring 1: alle ord i linjen i bilag 1, nr. 18 udgår, så en tom linje ville stå tilbage" \
        in str(e.value), str(e.value)


@pytest.mark.parametrize("som, message", [
    ("bilag 5", "bilag 5 ville stå uden bilag 4 foran sig (loven har: 1)"),
    ("bilag 2 b", "bilag 2 b ville stå uden bilag 2 a foran sig (loven har: 1)"),
])
def test_a_new_annex_of_a_proposal_takes_the_next_number(root, som, message):
    """»Som bilag 5 indsættes bilag 1 til denne lov.« in CPR-loven, which has bilag 1 only, was executed
    (a law with bilag 1 and 5)."""
    text = HEAD + f"      - ny: bilag\n        som: {som}\n        fra_bilag: \"1\"\n" \
        + "bilag:\n  - betegnelse: Bilag 1\n    indhold:\n      - \"1) Første.\"\n"
    with pytest.raises(ProposalError) as e:
        _run(root, text)
    assert f"forslag 1, ændring 1: {message}" in str(e.value), str(e.value)
    assert [a.num for a in _run(root, text.replace(som, "bilag 1 a")).laws[CPR].new.annexes] == ["1", "1 a"]
