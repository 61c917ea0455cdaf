"""The proposal loader refuses every class of bad input with Danish file:line:column errors, all at once.

Each class is tried with several samples: the loader must refuse the class, not the example.
"""
from __future__ import annotations

import textwrap
import time
import unicodedata

import pytest

from lawdiff.errors import LawdiffError
from lawdiff.proposal import parse_proposal
from lawdiff.yamlfile import MAX_DEPTH, ProposalError, load_yaml
from tests.conftest import PROPOSAL_HEAD

HEAD = PROPOSAL_HEAD


def change(body: str, head: str = HEAD) -> str:
    lines = textwrap.dedent(body).strip().split("\n")
    return head + "      - " + lines[0] + "\n" + "".join(f"        {ln}\n" for ln in lines[1:])


def refuse(text: str | bytes) -> ProposalError:
    """Parse; it must fail with a ProposalError whose every line is Danish file:line:col: message."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(ProposalError) as e:
        parse_proposal(data, "p.yaml")
    for x in e.value.errors:
        assert x.file == "p.yaml" and x.line >= 1 and x.column >= 1, x
        assert str(x).startswith(f"p.yaml:{x.line}:{x.column}: ")
        for english in ("should", "is not", "is a required", "Failed", "expected", "found", "Error"):
            assert english not in x.message, x.message
    return e.value


def lines_of(e: ProposalError) -> list[int]:
    return [x.line for x in e.errors]


# --- 1. dates -------------------------------------------------------------------

@pytest.mark.parametrize("where, bad", [
    ("dato", '"2021-02-30"'), ("dato", '"2021-13-01"'), ("dato", '"2021-00-10"'), ("dato", '"2021-04-31"'),
    ("dato", "2021-02-30"),      # unquoted: YAML's timestamp would crash on it
    ("dato", "2021-13-01"),
    ("ikrafttræden", '"2021-02-29"'), ("ikrafttræden", "2022-00-01"),
    ("love", "lab@2016-02-30"),
])
def test_impossible_dates_are_refused_where_read(where, bad):
    if where == "love":
        text = HEAD.replace("lab: lab@2016-11-21", f"lab: {bad}")
        line = 6
    elif where == "dato":
        text = HEAD.replace('dato: "2020-12-11"', f"dato: {bad}")
        line = 3
    else:
        text = HEAD.replace("status: udkast", f"status: udkast\nikrafttræden: {bad}")
        line = 5
    e = refuse(change('i: "§ 68 a, stk. 4"\nudgår: "5 års"', text))
    assert any(x.line == line and "ikke en gyldig dato" in x.message for x in e.errors), str(e)


def test_unquoted_valid_date_is_read_as_text():
    p = parse_proposal(change('i: "§ 68 a, stk. 4"\nudgår: "5 års"', HEAD.replace('"2020-12-11"', "2020-12-11"))
                       .encode(), "p.yaml")
    assert p.date == "2020-12-11"


# --- 2. empty texts ---------------------------------------------------------------

@pytest.mark.parametrize("body, key, words", [
    ('i: "§ 68 a, stk. 4"\nændres: "5 års"\ntil: ""', "til", "udgår"),
    ('i: "§ 68 a, stk. 4"\nændres: "5 års"\ntil: "  "', "til", "udgår"),
    ('i: "§ 68 a, stk. 4"\nændres: "5 års"\ntil:', "til", ""),           # null
    ('i: "§ 30 a, stk. 3, nr. 2"\nindsættes_efter: "områder"\ntekst: ""', "tekst", "udgår"),
    ('ny: stk\ni: "§ 68 a"\ntekst: ""', "tekst", ""),
    ('affattes: "§ 68 a, stk. 2"\ntekst: " "', "tekst", ""),
    ('overskrift: "kapitel 12 a"\ntekst: ""', "tekst", ""),
    ('ny: kapitel\nnummer: "12 c"\nefter: "kapitel 12 b"\noverskrift: ""\ntekst: "§ 68 k. X."', "overskrift", ""),
    ('i: ""\nudgår: "x"', "i", ""),
])
def test_empty_texts_are_refused(body, key, words):
    e = refuse(change(body))
    hit = [x for x in e.errors if f"»{key}«" in x.message]
    assert hit, str(e)
    assert words in (hit[0].hint or "") + hit[0].message


# --- 4. text hygiene ----------------------------------------------------------------

def test_nfd_input_is_normalised_to_nfc():
    nfd = unicodedata.normalize("NFD", change('i: "§ 68 a, stk. 4"\nændres: "5 års"\ntil: "3 års"'))
    assert nfd != unicodedata.normalize("NFC", nfd)
    p = parse_proposal(nfd.encode(), "p.yaml")
    c = p.changes[0]
    assert c.get("ændres") == "5 års" and c.get("til") == "3 års" and c.verb == "ændres"
    assert p.organisation == "Prøveforeningen"


@pytest.mark.parametrize("ch", ["\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\x00", "\x07", "\x1b", "\x85",
                                "\ufffd"])
def test_control_and_bidi_characters_are_refused_with_line_and_column(ch):
    text = change('i: "§ 68 a, stk. 4"\nændres: "5 års"\ntil: "3 ' + ch + 'års"')
    e = refuse(text)
    x = e.errors[0]
    assert f"U+{ord(ch):04X}" in x.message
    # the column points at the character itself
    line = text.split("\n")[x.line - 1]
    assert line[x.column - 1] == ch


def test_escaped_bidi_character_is_refused_too():
    e = refuse(change('i: "§ 68 a, stk. 4"\nændres: "5 års"\ntil: "3 \\u202eårs"'))
    assert "U+202E" in str(e)


def test_bidi_character_in_a_comment_is_refused():
    e = refuse(change('i: "§ 68 a, stk. 4"  # \u202e skjult\nudgår: "5 års"'))
    assert "U+202E" in str(e)


@pytest.mark.parametrize("value, odd", [
    ('"§ 68 \u0430, stk. 4"', "\u0430"),          # Cyrillic а as the letter of a §
    ('"§ 68 a, stk. 4"\nændres: "5 \u0430rs"', "\u0430"),
    ('"§ 68 a, stk. 4"\nændres: "5 \u03bfrs"', "\u03bf"),  # Greek omicron
    ('"§ \u0666\u0668 a"', "\u0666"),            # Arabic-Indic digits
    ('"§ 68 a, ｓtk. 4"', "ｓ"),                   # fullwidth s
])
def test_confusable_letters_are_named(value, odd):
    body = f"i: {value}" + ("" if "ændres" in value else "\nændres: \"5 års\"") + "\ntil: \"3 år\""
    text = change(body)
    e = refuse(text)
    x = next(x for x in e.errors if f"U+{ord(odd):04X}" in x.message)
    assert "ligner" in x.message and "»" in x.hint
    assert text.split("\n")[x.line - 1][x.column - 1] == odd


def test_greek_quotation_in_remarks_is_allowed():
    text = change('i: "§ 68 a, stk. 4"\nændres: "5 års"\ntil: "3 år"').replace(
        "  - titel: Et forslag\n", "  - titel: Et forslag\n    bemærkninger: \"Som i λόγος og в и на\"\n")
    assert parse_proposal(text.encode(), "p.yaml").items[0].remarks.startswith("Som i")


# --- 5. no tracebacks ------------------------------------------------------------------

@pytest.mark.parametrize("text, line, words", [
    (change('i: "§ 68 a, stk. 4"\nændres: "års"\ntil: "år"\nforekomst: 1.0'), 13, "helt tal"),
    (change('i: "§ 68 a, stk. 4"\nændres: "års"\ntil: "år"\nantal: 2.5'), 13, "helt tal"),
    (change('i: "§ 68 a, stk. 4"\nændres: "års"\ntil: "år"\nantal: true'), 13, "helt tal"),
    (HEAD.replace("status: udkast", "status: udkast\nx: &a {b: 1}") + "<<: *a\n", 5, "aliaser"),
    (HEAD + "<<: {titel: x}\n", 10, "fletning"),
    (change('<<: {i: "§ 68 a"}\nudgår: "5 års"'), 10, "fletning"),
    (change('i: "§ 68 a, stk. 4"\nudgår: "5 års"\nantal: ' + "9" * 5000), 12, "tal"),
    (HEAD.replace("titel: Prøve", "titel: " + "[" * 10_000), 1, "indlejret"),
    (HEAD.replace("titel: Prøve", "titel: " + "{a: " * 10_000), 1, "indlejret"),
    (HEAD + "x:\n" + "".join("  " * i + "- \n" for i in range(1, 200)), 30, "indlejret"),
    (HEAD.replace("titel: Prøve", "titel: Pr\x00øve"), 1, "U+0000 NUL"),
    (HEAD.replace("titel: Prøve", "? [a, b]\n: c"), 1, "nøgle skal være et ord"),
    (HEAD.replace("titel: Prøve", "titel: !!binary aGVq"), 1, "YAML-mærket"),
    (HEAD + "---\ntitel: x\n", 10, "mere end ét dokument"),
], ids=lambda v: v if isinstance(v, str) and len(v) < 30 else None)
def test_crashers_become_one_danish_line(text, line, words):  # ids: the words
    t = time.perf_counter()
    e = refuse(text)
    assert time.perf_counter() - t < 2
    assert any(x.line == line and words in x.message for x in e.errors), str(e)


def test_nesting_within_the_bound_is_fine():
    load_yaml(("x: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)).encode(), "p.yaml")


# --- 6. every error, in Danish, sorted by position --------------------------------------------

def test_every_error_is_reported_sorted_by_position():
    text = HEAD.replace('dato: "2020-12-11"', 'dato: "2021-02-30"').replace("status: udkast", "status: kladde")
    text = change('i: "§ 68 a, stk. 4"\nændres: "5 års"\ntil: ""', text)
    text += '      - i: "§ 68 a, stk. 4"\n        ændres: "x"\n        udgår: "y"\n'
    text += '      - i: "§ 68 a, stk. 4"\n        aendres: "x"\n        til: "y"\n'
    text += '      - i: "§ 68 a, stk. 4"\n        ændres: "x"\n        til: "y"\n        forekomst: 1.0\n'
    e = refuse(text)
    got = [(x.line, x.message) for x in e.errors]
    assert lines_of(e) == sorted(lines_of(e))
    assert [ln for ln, _ in got] == [3, 4, 12, 15, 17, 22], got
    assert "februar 2021 har 28 dage" in got[0][1]
    assert "»kladde« er ikke tilladt" in got[1][1]
    assert "»til« er tom" in got[2][1]
    assert "både »ændres« og »udgår«" in got[3][1]
    assert "ukendt nøgle »aendres«" in got[4][1]
    assert "helt tal" in got[5][1]
    assert str(e).count("\n") >= 5  # one line (plus hint) per error


@pytest.mark.parametrize("text, words", [
    (HEAD.split("forslag:")[0] + "forslag: []\n", "»forslag«: er tom; der skal være mindst én"),
    (HEAD.replace("love:\n  lab: lab@2016-11-21", "love: {}"), "»love«: er tom"),
    (HEAD.replace("titel: Prøve", 'titel: ""'), "»titel« er tom"),
    (HEAD.replace("status: udkast", "status: 3"), "»status«: 3 er ikke tilladt"),
    (change('i: "§ 68 a, stk. 4"\nændres: "års"\ntil: "år"\nantal: 0'), "er for lille; mindst 1"),
    (change('i: "§ 68 a"\nny: kapitel\nnummer: "1"\noverskrift: "x"\nefter: "kapitel 1"\ntekst: [1]'),
     "»tekst«: skal være tekst, ikke en liste"),
])
def test_schema_errors_are_danish(text, words):
    assert words in str(refuse(text))


def test_exact_sizes():
    e = refuse(HEAD + "bemærkninger: |\n" + "  " + "x" * (1_000_120 - len(HEAD) - 20) + "\n")
    assert "fylder 1.000.1" in e.message and "højst fylde 1.000.000 byte" in e.message


def test_lawdiff_error_is_the_only_failure_class():
    assert issubclass(ProposalError, LawdiffError)


@pytest.mark.parametrize("body", [
    'i: "§ 68 a, stk. 4"\nændres: "5 års"\ntil: " 3  års "',
    'i: "§ 30 a, stk. 3, nr. 2"\nindsættes_efter: "indsats på disse områder"\ntekst: " og  mere\t"',
    'ny: stk\ni: "§ 68 a"\nefter: "stk. 3"\ntekst: "Ny   tekst. "',
    'affattes: "§ 68 a, stk. 2"\ntekst: |\n  Stk. 2.  Personer,  hvor  x.\n',
])
def test_no_double_spaces_reach_the_law_or_the_formula(body):
    from lawdiff.engine import run
    from lawdiff.render.instructions import build_lovforslag
    from lawdiff.store import Store
    from tests.conftest import ROOT

    p = parse_proposal(change(body).encode(), "p.yaml")
    for k, v in p.changes[0].data.items():
        assert "  " not in str(v) and str(v) == str(v).strip(" "), (k, v)
    result = run(p, Store(ROOT))
    text = build_lovforslag(result).text()
    assert "  " not in text and "» " not in text and " «" not in text, text
    for u in result.laws["lab"].new.walk():
        for line in u.intro + u.wrapup:
            assert "  " not in line.text, line.text
