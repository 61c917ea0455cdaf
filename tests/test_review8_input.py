"""Review 8: red-team of the morning's merges (forms2, instrlist3, review7, chainaudit) on hand-written proposals
and real acts. Each test failed before its fix: a correct real form refused, or a wrong law text with exit 0."""
from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.test_review7_input import _run as _run7
from tests.test_review7_input import root as _review7_root

root = _review7_root  # the fixture: the repository's statutes in a tmp root


def _run(root, capsys, body: str, command: str = "apply", *more: str) -> tuple[int, str, str]:
    status, out, err, _ = _run7(root, capsys, body, command, *more)
    return status, out, err


# --- review7's _labels_inside on real new text -------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    # lov 596/2012 § 1, nr. 7 (serviceloven): "Efter § 176 indsættes: »§ 176 a. Stk. 1. I de tilfælde, …"; every other
    # new-text block of the corpus's amending acts that review7 refused has unbalanced »« in the source
    '      - ny: paragraf\n        nummer: "68 h"\n        efter: "§ 68 g"\n        tekst: |\n'
    '          § 68 h. Stk. 1. Ny tekst A.\n          Stk. 2. Ny tekst B.\n',
    '      - affattes: "§ 68 b"\n        tekst: |\n          § 68 b. Stk. 1. Ny tekst A.\n          Stk. 2. Ny tekst B.\n',
])
def test_a_first_stk_labelled_after_its_paragraph_label_is_not_two_units(root, capsys, body):
    """Review7 refused "»Stk. 1.« står midt i en linje" (exit 1); before review7 it was executed as the LBKs print
    it: the § label, the first stk.'s text, "Stk. 2." on its own line."""
    status, out, err = _run(root, capsys, body)
    assert status == 0, err
    assert "Ny tekst A.+]" in out and "[+Stk. 2.+] [+Ny tekst B.+]" in out, out
    assert "Stk. 1." not in out, out


def test_a_second_stk_label_after_the_first_is_still_refused(root, capsys):
    body = ('      - ny: paragraf\n        nummer: "68 h"\n        efter: "§ 68 g"\n        tekst: >-\n'
            '          § 68 h. Stk. 1. Ny tekst A.\n          Stk. 2. Ny tekst B.\n')
    status, _, err = _run(root, capsys, body)
    assert status == 1 and "»Stk. 2.« står midt i en linje" in err, err


# --- a stk. emptied by repealing its punktummer -----------------------------------------------------------------

@pytest.mark.parametrize("body, where, line", [
    # LAB § 68 b, stk. 2 has one punktum: before, "Stk. 2." stood with no text (exit 0); "sidste pkt." (forms2) the same
    ('      - ophæves: "§ 68 b, stk. 2, 1. pkt."\n', "§ 68 b, stk. 2", 10),
    ('      - ophæves: "§ 68 b, stk. 2, sidste pkt."\n', "§ 68 b, stk. 2", 10),
    ('      - ophæves: "§ 68 c, stk. 1, 1. og 2. pkt."\n', "§ 68 c, stk. 1", 10),
    ('      - ophæves: "§ 68 c, stk. 1, 1. pkt."\n      - ophæves: "§ 68 c, stk. 1, sidste pkt."\n', "§ 68 c, stk. 1", 11),
])
def test_a_unit_whose_punktummer_are_all_repealed_is_refused(root, capsys, body, where, line):
    status, _, err = _run(root, capsys, body)
    assert status == 1, err
    assert f"x.yaml:{line}:" in err and f"{where} står uden tekst, når dens punktummer er ophævet" in err, err
    assert f'ophæves: "{where}"' in err, err


def test_a_punktum_repealed_and_replaced_or_one_of_two_is_executed(root, capsys):
    body = ('      - ophæves: "§ 68 b, stk. 2, 1. pkt."\n        tekst: "Ny."\n'
            '      - ophæves: "§ 68 c, stk. 1, sidste pkt."\n')
    status, out, err = _run(root, capsys, body)
    assert status == 0, err
    assert "Stk. 2. [-Hvis personen ikke følger forløbet, kan kommunen træffe afgørelse om, at forløbet ophører-][+Ny+]." \
        in out, out
    assert "efter § 68 a eller § 68 b. [-Sagsbehandleren skal" in out, out


# --- a new chapter heading between §§ in the lovforslag ------------------------------------------------------------

_CHAPTER_HEADING = ('      - ny: overskrift\n        efter: "§ 68 e"\n        tekst: |\n          Kapitel 12 c\n'
                    '          Ny opfølgning\n')


def test_a_new_chapter_heading_between_sections_is_worded_as_a_heading(root, capsys):
    """forms2 executes "Efter § 56 a indsættes som ny overskrift: »Kapitel 13 a / …«" (lov 1882/2015 § 1, nr. 7): the
    §§ after it go under the new chapter. The lovforslag printed "Efter kapitel 12 b indsættes: »Kapitel 12 c / Ny
    opfølgning / § 68 f. … § 68 g. …«" (exit 0): read as an act, new §§ 68 f and 68 g beside the law's own."""
    status, out, err = _run(root, capsys, _CHAPTER_HEADING, "instructions")
    assert status == 0, err
    assert "1. Efter § 68 e indsættes som ny overskrift:\n»Kapitel 12 c\nNy opfølgning«." in out, out
    assert "§ 68 f." not in out and "Efter kapitel 12 b" not in out, out


def test_the_worded_chapter_heading_read_back_gives_the_apply_text():
    from types import SimpleNamespace

    from lawdiff.changes.nummer import read_sentence
    from lawdiff.engine import apply_proposal
    from lawdiff.store import Store
    from tests.test_engine_acts import change

    data = read_sentence("Efter § 68 e indsættes som ny overskrift:", [])[0]
    data = {k: v for k, v in data.items() if k != "_blok"} | {"tekst": "Kapitel 12 c\nNy opfølgning"}
    c = change(data, 1, nummer="1")
    c.paragraf = "1"
    lr = apply_proposal(SimpleNamespace(changes=[c]), {"x": Store(ROOT).load("lab@2016-11-21")})["x"]
    chapters = {u.num: (u.heading.text, [s.num for s in u.children]) for u in lr.new.walk() if u.kind == "chapter"}
    assert chapters["12 b"] == ("Jobafklaringsforløb", ["68 d", "68 e"])
    assert chapters["12 c"] == ("Ny opfølgning", ["68 f", "68 g"])


# --- "§§ 34 c-f" (instrlist3) where the range does not begin with a lettered § -----------------------------------

@pytest.mark.parametrize("cited", ["§ 68-b", "§§ 68-b"])
def test_a_letter_ending_a_range_of_a_section_without_letter_is_refused(root, capsys, cited):
    """"§ 68-b" (a typo: "§ 68 a-b"? "§§ 68-69"?) was read as §§ 68-68 b and §§ 68, 68 a and 68 b were repealed
    (exit 0); before instrlist3 it was not read."""
    status, out, err = _run(root, capsys, f'      - ophæves: "{cited}"\n')
    assert status == 1, out
    assert "kan kun slutte et interval, der begynder med en paragraf med bogstav" in err, err


def test_a_letter_ending_a_range_of_lettered_sections_is_read():
    from lawdiff import address as addr

    assert [str(c) for c in addr.parse_citation("§§ 34 c-f")] == ["§§ 34 c-34 f"]


@pytest.mark.parametrize("cited, named", [
    # read as all of §§ 68 a-68 c and § 68 a, stk. 2: a words change would be made in every stk. of the three §§
    ("§ 68 a-c, stk. 2", "stk. 2"), ("§§ 68 a-68 c, stk. 2", "stk. 2"), ("§§ 68-68 c, 1. pkt.", "1. pkt."),
])
def test_a_part_after_a_range_of_sections_is_refused(root, capsys, cited, named):
    body = f'      - i: "{cited}"\n        ændres: "svær sygdom"\n        til: "alvorlig sygdom"\n'
    status, out, err = _run(root, capsys, body)
    assert status == 1, out
    assert f"»{cited}« nævner et interval af paragraffer og derefter {named}" in err, err
