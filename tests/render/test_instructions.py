"""Golden files for the formal amendment text (lovteknik §9.1 templates 3-17) and Bilag 1.

To accept an intended change of wording, run with LAWDIFF_UPDATE_GOLDEN=1 and review the diff
of tests/golden/ before committing.
"""
from __future__ import annotations

import os
import re

import pytest

from lawdiff.engine import run
from lawdiff.proposal import load_proposal
from lawdiff.render.bilag import bilag, bilag_text
from lawdiff.render.instructions import build_lovforslag, long_date, num_range
from tests.conftest import ROOT

GOLDEN = ROOT / "tests/golden"
CASES = {
    "templates": ROOT / "tests/fixtures/templates.yaml",
    "ds-11-forslag": ROOT / "proposals/ds-11-forslag-ressourceforloeb.yaml",
}


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("LAWDIFF_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with LAWDIFF_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def results(store):
    return {k: run(load_proposal(v), store) for k, v in CASES.items()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_amendment_text_golden(results, name):
    _check(f"{name}.txt", build_lovforslag(results[name]).text())


@pytest.mark.parametrize("name", sorted(CASES))
def test_bilag_golden(results, name):
    r = results[name]
    _check(f"{name}.bilag.txt", bilag_text(bilag(build_lovforslag(r), r)))


def test_every_template_is_covered(results):
    text = build_lovforslag(results["templates"]).text()
    expected = {
        3: r"\n\d+\. I § 68 a, stk\. 4, der bliver stk\. 5, ændres »5 års« til: »3 års«\.",
        4: r"\n\d+\. Tre steder i § 68 a, stk\. 1, ændres »denne lov« til: »loven«\.",
        5: r"\n1\. Overalt i loven ændres »Styrelsen for Arbejdsmarked og Rekruttering« til:",
        6: r"I § 68 c, stk\. 2, udgår »i kommunen«\.",
        7: r"indsættes efter »indsats på disse områder«: »samt anbefaling til borgerens videre forløb«\.",
        8: r"§ 68 a, stk\. 2, affattes således:\n»Stk\. 2\. Personer",
        9: r"§ 68 a, stk\. 7, der bliver stk\. 8, ophæves\.",
        10: r"§ 30 a, stk\. 4, ophæves, og i stedet indsættes:\n»Stk\. 4\..*\nStk\. 5\..*«\nStk\. 5 bliver herefter stk\. 6\.",
        11: r"Efter § 68 g indsættes i kapitel 12 b:\n»§ 68 h\.",
        12: r"I § 68 a indsættes efter stk\. 3 som nyt stykke:\n»Stk\. 4\..*«\nStk\. 4-6 bliver herefter stk\. 5-7\.",
        13: r"I § 68 a, stk\. 8, indsættes efter 1\. pkt\.:\n»Forløbene",
        14: r"I § 1, nr\. 4, ændres »få arbejde\.« til: »få arbejde, og«\.\n\n\d+\. I § 1 indsættes som nr\. 5:",
        15: r"indsættes efter litra a som nyt litra:\n»b\) .*, eller«\nLitra b bliver herefter litra c\.",
        16: r"Efter kapitel 12 b indsættes:\n»Kapitel 12 c\nForsøg med ressourceforløb\n§ 68 k\.",
        17: r"Overskriften til kapitel 12 a affattes således:\n»Kapitel 12 a\nRessourceforløb og rehabilitering«\.",
    }
    for template, pattern in expected.items():
        assert re.search(pattern, text), f"template {template}"
    assert "I § 30 a, stk. 3, nr. 2, der bliver nr. 3, indsættes" in text  # R3 "der bliver"
    assert "I § 68 e indsættes før stk. 1 som nyt stykke:" in text and "Stk. 1-4 bliver herefter stk. 2-5." in text
    assert text.rstrip().endswith("Loven træder i kraft den 1. januar 2021.")


def test_ds_paragraph_1(results):
    text = build_lovforslag(results["ds-11-forslag"]).text()
    assert text.startswith("Forslag\ntil\nLov om ændring af lov om en aktiv beskæftigelsesindsats, lov om "
                           "organisering og understøttelse af beskæftigelsesindsatsen m.v., lov om social service "
                           "og sundhedsloven\n(Forbedrede ressourceforløb)\n")
    assert ("I lov om en aktiv beskæftigelsesindsats, jf. lovbekendtgørelse nr. 1342 af 21. november 2016, "
            "foretages følgende ændringer:") in text
    assert ("1. I § 30 a, stk. 3, nr. 2, indsættes efter »indsats på disse områder«: "
            "»samt anbefaling til borgerens videre forløb«.") in text
    assert "I § 68 a indsættes efter stk. 3, der bliver stk. 4, som nyt stykke:" in text
    assert "\nStk. 3 bliver herefter stk. 4.\n" in text and "\nStk. 4-9 bliver herefter stk. 6-11.\n" in text
    assert ("I lov nr. 1482 af 23. december 2014 om organisering og understøttelse af beskæftigelsesindsatsen "
            "m.v. foretages følgende ændringer:") in text
    assert "Efter § 118 a indsættes i kapitel 34:" in text


def test_helpers():
    assert long_date("2016-11-21") == "21. november 2016"
    assert num_range(["3"]) == "3" and num_range(["3", "4"]) == "3 og 4" and num_range(["3", "4", "5"]) == "3-5"
