"""Broken proposals: each is refused with exit status 1, file:line(:column), a clear message, nothing written."""
from __future__ import annotations

import textwrap

import pytest

from lawdiff.cli import main
from tests.conftest import PROPOSAL_HEAD, ROOT
from tests.helpers import drafting_root

HEAD = PROPOSAL_HEAD


def change(body: str) -> str:
    """HEAD plus one change (body is the change's YAML, unindented)."""
    lines = textwrap.dedent(body).strip().splitlines()
    return HEAD + "      - " + lines[0] + "\n" + "".join(f"        {ln}\n" for ln in lines[1:])


def two(a: str, b: str) -> str:
    out = change(a)
    lines = textwrap.dedent(b).strip().splitlines()
    return out + "      - " + lines[0] + "\n" + "".join(f"        {ln}\n" for ln in lines[1:])


BILLION_LAUGHS = HEAD.replace("titel: Prøve", 'titel: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
                              'x1: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nx2: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
                              'x3: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nx4: [*d,*d,*d,*d,*d,*d,*d,*d,*d]')

# name, content (str or bytes), expected line, expected words in the message
CASES = [
    ("empty", "", 1, "filen er tom"),
    ("only-comment", "# intet\n", 1, "filen er tom"),
    ("yaml-syntax", HEAD + "      - i: \"§ 68 a\n        ændres: x\n", 10, "aldrig lukket"),
    ("bad-indent", "titel: a\n  organisation: b\n", 2, "ugyldig YAML"),
    ("python-tag", "titel: !!python/object/apply:os.system ['echo hi']\n", 1, "YAML-mærket"),
    ("custom-tag", HEAD.replace("titel: Prøve", "titel: !ting Prøve"), 1, "YAML-mærket"),
    ("billion-laughs", BILLION_LAUGHS, 1, "aliaser"),
    ("alias", HEAD.replace('titel: Prøve', 'titel: &t Prøve').replace("organisation: Prøveforeningen",
                                                                        "organisation: *t"), 1, "aliaser"),
    ("not-utf8", HEAD.encode("utf-8").replace("Prøveforeningen".encode(), "Prøveforeningen".encode("latin-1")),
     2, "ikke UTF-8"),
    ("duplicate-key", HEAD.replace("status: udkast", "status: udkast\nstatus: endelig"), 5, "står to gange"),
    ("too-big", HEAD + "bemærkninger: |\n" + ("  " + "x" * 1000 + "\n") * 20_500, 1, "højst fylde"),
    ("top-level-list", "- titel: a\n", 1, "nøgle-værdi-tabel"),
    ("typo-top-key", HEAD.replace("organisation:", "organisaton:"), 2, "mente du »organisation«"),
    ("missing-title", HEAD.replace("titel: Prøve\n", ""), 1, "mangler »titel«"),
    ("forslag-not-list", HEAD.split("forslag:")[0] + "forslag: ingen\n", 7, "skal være en liste"),
    ("bad-status", HEAD.replace("status: udkast", "status: kladde"), 4, "»kladde« er ikke tilladt"),
    ("bad-date", HEAD.replace('dato: "2020-12-11"', 'dato: "11/12/2020"'), 3, "forkert form"),
    ("bad-law-ref", HEAD.replace("lab: lab@2016-11-21", "lab: lab-2016"), 6, "ikke en lovversion"),
    ("unknown-version", HEAD.replace("lab@2016-11-21", "lab@1999-01-01") + change("i: \"§ 1\"\nudgår: x")[len(HEAD):],
     1, "har ingen version af 1999-01-01"),
    ("empty-forslag", HEAD.split("forslag:")[0] + "forslag: []\n", 7, "er tom; der skal være mindst én"),
    ("no-verb", change('i: "§ 68 a, stk. 4"\ntil: "3 års"'), 10, "siger ikke, hvad der skal ske"),
    ("two-verbs", change('i: "§ 68 a, stk. 4"\nændres: "5 års"\ntil: "3 års"\nudgår: "mindst"'), 13,
     "både »ændres« og »udgår«"),
    ("typo-change-key", change('i: "§ 68 a, stk. 4"\naendres: "5 års"\ntil: "3 års"'), 11, "mente du »ændres«"),
    ("missing-til", change('i: "§ 68 a, stk. 4"\nændres: "5 års"'), 11, "»ændres« kræver »til«"),
    ("stray-field", change('i: "§ 68 a, stk. 4"\nændres: "5 års"\ntil: "3 års"\ntekst: "x"'), 13,
     "»tekst« hører ikke til »ændres«"),
    ("words-not-found", change('i: "§ 68 a, stk. 4"\nændres: "6 års"\ntil: "3 års"'), 11,
     "»6 års« findes ikke i § 68 a, stk. 4"),
    ("words-twice", change('i: "§ 68 a, stk. 1"\nændres: "denne lov"\ntil: "loven"'), 11,
     "står 3 gange i § 68 a, stk. 1, ikke 1"),
    ("wrong-count", change('i: "§ 68 a, stk. 4"\nændres: "års"\ntil: "år"\nantal: 3'), 11, "står 1 gang"),
    ("occurrence-out-of-range", change('i: "§ 68 a, stk. 4"\nændres: "års"\ntil: "år"\nforekomst: 2'), 13,
     "forekomst 2"),
    ("address-missing", change('i: "§ 68 z"\nudgår: "x"'), 10, "§ 68 z findes ikke"),
    ("address-garbage", change('i: "paragraf 68"\nudgår: "x"'), 10, "kan ikke læses"),
    ("pkt-missing", change('i: "§ 68 a, stk. 4, 2. pkt."\nudgår: "x"'), 10, "har ikke 2. pkt."),
    ("overlap", two('i: "§ 68 a, stk. 4"\nændres: "højst 5 års"\ntil: "højst 3 års"',
                    'i: "§ 68 a, stk. 4"\nændres: "5 års varighed"\ntil: "3 års varighed"'), 14,
     "rører ved de samme ord som forslag 1, ændring 1"),
    ("after-repeal", two('ophæves: "§ 68 a, stk. 4"', 'i: "§ 68 a, stk. 4"\nændres: "5 års"\ntil: "3 års"'), 11,
     "ophævet af forslag 1, ændring 1"),
    ("after-rewrite", two('affattes: "§ 68 a, stk. 1"\ntekst: "Alle kan få et ressourceforløb."',
                          'i: "§ 68 a, stk. 1, nr. 1"\nudgår: "længerevarende"'), 12,
     "nyaffattet af forslag 1, ændring 1"),
    ("law-not-declared", change('lov: serviceloven\ni: "§ 1"\nudgår: "x"'), 10, "står ikke under »love«"),
    ("section-exists", change('ny: paragraf\nnummer: "68 b"\nefter: "§ 68 a"\ntekst: "§ 68 b. Ny."'), 11,
     "§ 68 b findes allerede"),
    ("section-out-of-order", change('ny: paragraf\nnummer: "69 z"\nefter: "§ 68 a"\ntekst: "Ny."'), 11,
     "passer ikke ind"),
    ("new-stk-bad-anchor", change('ny: stk\ni: "§ 68 a"\nefter: "stk. 12"\ntekst: "Ny."'), 12,
     "har ikke stk. 12"),
    ("antal-and-forekomst", change('i: "§ 68 a, stk. 4"\nændres: "års"\ntil: "år"\nantal: 1\nforekomst: 1'), 14,
     "kan ikke bruges sammen"),
    ("antal-zero", change('i: "§ 68 a, stk. 4"\nændres: "års"\ntil: "år"\nantal: 0'), 13,
     "er for lille; mindst 1"),
    ("builds-on-missing", HEAD.replace("status: udkast", "status: udkast\nbygger_på: findes-ikke.yaml")
     + change('i: "§ 68 a, stk. 4"\nændres: "5 års"\ntil: "3 års"')[len(HEAD):], 5, "findes ikke"),
]


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return drafting_root(tmp_path_factory)


def _snapshot(root):
    return {p: (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}


def test_there_are_at_least_30_distinct_cases():
    assert len({name for name, *_ in CASES}) == len(CASES) >= 30


@pytest.mark.parametrize("name, content, line, words", CASES, ids=[c[0] for c in CASES])
def test_broken_proposal_is_refused(name, content, line, words, root, capsys):
    f = root / "proposals" / f"{name}.yaml"
    f.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    try:
        before = _snapshot(root)
        status = main(["--root", str(root), "apply", str(f)])
        err = capsys.readouterr().err
        assert status == 1
        assert f"{f}:{line}:" in err, err
        assert words in err, err
        assert "Traceback" not in err
        assert _snapshot(root) == before  # nothing written
        # `check` reports the same error and fails too
        status = main(["--root", str(root), "check"])
        out = capsys.readouterr().out
        assert status == 1 and f"{f}:{line}:" in out
    finally:
        f.unlink()


@pytest.mark.parametrize("value", ["1.0", "true"])
def test_forekomst_in_an_amendment_file_must_be_the_integer_1(value, root, capsys):
    """The amendment format's `forekomst` is `const: 1`, which JSON Schema also meets with 1.0 (and the
    engine then indexed the hits with a float: a traceback, found by tests/test_fuzz.py's corpus run)."""
    (root / "amendments").mkdir(exist_ok=True)
    f = root / "amendments" / "lov-2012-152.yaml"
    lines = (ROOT / "amendments" / "lov-2012-152.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines.index("    - i: § 49, stk. 1\n")
    lines.insert(at + 1, f"      forekomst: {value}\n")
    f.write_text("".join(lines), encoding="utf-8")
    status = main(["--root", str(root), "apply", str(f), "--law", "lab"])
    err = capsys.readouterr().err
    assert status == 1, err
    assert f"{f}:{at + 2}:" in err, err
    assert "forekomst" in err and "Traceback" not in err


def test_overalt_with_forekomst_in_an_amendment_file_is_refused(root, capsys):
    """The same slip as in a proposal: "Overalt i § 49 …" and only the first place (proposal.py)."""
    (root / "amendments").mkdir(exist_ok=True)
    f = root / "amendments" / "lov-2012-152.yaml"
    lines = (ROOT / "amendments" / "lov-2012-152.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines.index("    - i: § 49, stk. 1\n")
    lines[at + 1:at + 1] = ["      overalt: true\n", "      forekomst: 1\n"]
    f.write_text("".join(lines), encoding="utf-8")
    status = main(["--root", str(root), "apply", str(f), "--law", "lab"])
    err = capsys.readouterr().err
    assert status == 1, err
    assert f"{f}:{at + 3}:" in err and "»overalt: true« og »forekomst« kan ikke bruges sammen" in err, err
