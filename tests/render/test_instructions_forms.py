"""Wording of proposals by the generator: only phrases real acts use."""
import pytest

from lawdiff.engine import run
from lawdiff.proposal import ProposalError, parse_proposal
from lawdiff.render.instructions import build_lovforslag

# LAB § 68 a, stk. 2 holds "at" twice ("… formålsløst at forsøge at udvikle …")
TEXT = """titel: T
organisation: O
dato: "2020-01-01"
status: udkast
love:
  lab: lab@2016-11-21
forslag:
  - titel: F
    ændringer:
      - i: "§ 68 a, stk. 2"
        ændres: "at"
        til: "med at"
        forekomst: {n}
"""


def test_first_of_several_occurrences_is_worded_forste_gang(store):
    lf = build_lovforslag(run(parse_proposal(TEXT.format(n=1).encode(), "p.yaml"), store))
    assert "1. I § 68 a, stk. 2 første gang, ændres »at« til: »med at«." in lf.text()


def test_a_later_occurrence_is_refused_not_invented(store):
    result = run(parse_proposal(TEXT.format(n=2).encode(), "p.yaml"), store)  # the engine can execute it
    with pytest.raises(ProposalError, match="forekomst: 2"):
        build_lovforslag(result)  # but no act words it: refused, never an invented phrase


OVERALT = """titel: T
organisation: lawdiff
dato: "2020-01-01"
status: udkast
love:
  lab: lab@2016-11-21
forslag:
  - titel: F
    ændringer:
      - overalt: true
        ændres: "Styrelsen for Arbejdsmarked og Rekruttering"
        til: "Styrelsen for Arbejdsmarked"
        forekomst: 2
"""


def test_overalt_with_forekomst_is_refused_not_worded_as_every_occurrence(store):
    # the engine would change the second occurrence only; "Overalt i loven ændres …" would say all.
    # The loader refuses the pair (file:line), for proposals and amendment files alike
    with pytest.raises(ProposalError, match="»overalt: true« og »forekomst« kan ikke bruges sammen"):
        parse_proposal(OVERALT.encode(), "p.yaml")
