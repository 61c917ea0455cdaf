"""The new keys of brief forms3 in a hand-written proposal on LAB 2016, worded as the acts word them (issue 8): a chapter
renumbered ("Kapitelbetegnelsen …", lov 594/2011), a mellemrubrik named by its words (worded by its place), a count
over several places together ("i alt tre steder", lov 724/2010)."""
from __future__ import annotations

from lawdiff.engine import run
from lawdiff.proposal import parse_proposal
from lawdiff.render.instructions import build_lovforslag
from tests.test_engine_acts import text
from tests.test_proposal_handwritten import proposal


def test_the_lovforslag_words_them_as_the_acts_do(store):
    lab = store.load("lab")
    n = text(lab, "§ 18 a").count("personen") + text(lab, "§ 19").count("personen")
    assert n == 3
    p = parse_proposal(proposal('i: "kapitel 2 a"\nændres: "Kapitel 2 a"\ntil: "Kapitel 2 b"\nkapitelbetegnelsen: true',
                                'ophæves: "kapitel 7"\noverskrift_citat: "Ret til koordinerende sagsbehandler"',
                                'i: "§ 18 a og § 19"\nændres: "personen"\ntil: "borgeren"\nantal: 3\ni_alt: true'),
                       "p.yaml")
    lines = build_lovforslag(run(p, store)).text().splitlines()
    assert [ln for ln in lines if ln[:2] in ("1.", "2.", "3.")] == [
        "1. Kapitelbetegnelsen »Kapitel 2 a« ændres til: »Kapitel 2 b«.",
        "2. Overskriften før § 18 a ophæves.",
        "3. I §§ 18 a og 19 ændres i alt tre steder »personen« til: »borgeren«."]
