"""Review of the retsplej merge, the lovforslag lawdiff writes (`lawdiff instructions`): a hand-written
proposal on retsplejeloven (LBK 1063/2011) that rewrites a part's heading or inserts a new part printed
"Overskriften til afsnit None affattes således:" and "»Afsnit None / …«" with exit 0."""
from __future__ import annotations

import pytest

from lawdiff.cli import main
from tests.conftest import CORPUS

HEAD = """\
titel: Prøve
organisation: Prøveforeningen
dato: "2026-11-25"
status: udkast
love:
  rpl: rpl@2011-11-17
forslag:
  - titel: Et forslag
    ændringer:
"""


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    root = tmp_path_factory.mktemp("rpl")
    assert main(["--root", str(root), "import", "lexdania", str(CORPUS / "2011/2011-1063.xml"), "--law", "rpl"]) == 0
    return root


def _run(root, capsys, body: str, cmd: str = "instructions"):
    p = root / "p.yaml"
    p.write_text(HEAD + body, encoding="utf-8")
    capsys.readouterr()
    rc = main(["--root", str(root), cmd, str(p)])
    out = capsys.readouterr()
    return rc, out.out + out.err


@pytest.mark.corpus
@pytest.mark.parametrize("tekst", ["Femte afsnit. Politi og anklagemyndighed", "Politi og anklagemyndighed"])
def test_a_part_heading_rewritten_is_worded_as_lov_404_2010_words_it(root, capsys, tekst):
    body = f"      - affattes: overskriften til første bog, femte afsnit\n        tekst: {tekst}\n"
    rc, out = _run(root, capsys, body)
    assert rc == 0, out
    assert "None" not in out
    assert ("1. Overskriften til første bog, femte afsnit, affattes således:\n"
            "»Femte afsnit. Politi og anklagemyndighed«.") in out, out
    # executed: the part keeps its label, its heading is the new one (never the label twice)
    rc, out = _run(root, capsys, body, "apply")
    assert rc == 0, out
    assert "Femte afsnit. [-Politiet-][+Politi og anklagemyndighed+]" in out, out


@pytest.mark.corpus
def test_a_new_part_is_not_worded_as_afsnit_none(root, capsys):
    body = ("      - ny: paragraf\n        nummer: 147 i\n        efter: § 147 f\n        tekst: |-\n"
            "          Ottende afsnit. Nye regler\n          Kapitel 15 z\n          § 147 i. Ny tekst.\n")
    rc, out = _run(root, capsys, body)
    assert "None" not in out, out
    if rc == 0:  # worded as lov 404/2010 § 1, nr. 2 words it
        assert "Efter § 147 h indsættes:\n»Ottende afsnit. Nye regler\nKapitel 15 z\n§ 147 i. Ny tekst.«" in out, out
    else:
        assert "ottende afsnit" in out, out


@pytest.mark.corpus
def test_a_part_heading_beginning_with_another_parts_label_is_refused(root, capsys):
    body = "      - affattes: overskriften til første bog, femte afsnit\n        tekst: Sjette afsnit. Politiet\n"
    rc, out = _run(root, capsys, body, "apply")
    assert rc != 0
    assert "begynder ikke med betegnelsen »Femte afsnit.«" in out, out


@pytest.mark.corpus
@pytest.mark.parametrize("where, want", [("første bog, syvende afsnit", "1. Første bog, syvende afsnit, ophæves."),
                                         ("kapitel 12", "1. Kapitel 12 ophæves.")])
def test_a_part_or_chapter_repealed_is_worded_with_its_citation(root, capsys, where, want):
    """Printed "1.  ophæves." (no citation: a chapter or part is no provision in the citation chain)."""
    rc, out = _run(root, capsys, f"      - ophæves: {where}\n")
    assert rc == 0, out
    assert want in out, out


@pytest.mark.corpus
def test_a_book_heading_rewritten_has_no_comma_after_the_book(root, capsys):
    """The comma of lov 404/2010 ("Overskriften til første bog, femte afsnit, affattes således:") closes a citation
    of two parts; a book alone takes none (it printed "Overskriften til første bog, affattes således:")."""
    from lawdiff.changes import heading

    rc, out = _run(root, capsys, "      - affattes: overskriften til første bog\n        tekst: Første bog. Domsmagten\n")
    assert rc == 0, out
    assert "1. Overskriften til første bog affattes således:\n»Første bog. Domsmagten«." in out, out
    # and the reader reads that wording back
    from lawdiff.changes.common import Reader

    text = "Overskriften til første bog affattes således:"
    got = heading.read(Reader(text), None, True)
    assert got is not None and got.get("affattes") == "overskriften til første bog" and got.get("bog"), got
