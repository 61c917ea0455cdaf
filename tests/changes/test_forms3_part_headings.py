"""The headings of two parts, "overskriften" said once (issue 8, brief forms3): "Overskriften til afsnit I og III
ophæves." (lov 1564/2015 § 198, nr. 2, tilbudsloven, whose nr. 10 repeals afsnit II) was refused ("sætningen kan ikke
læses": address.py read no bare roman number after "afsnit I og"). It is read and printed back word for word; the
engine refuses it with its reason (a part without its heading: whether the label »Afsnit I« stays or the division
into parts ends is not said). Executed on LBK 1074/2016, which has parts I-IV; the corpus has no LBK of tilbudsloven."""
from __future__ import annotations

import pytest

from lawdiff.address import parse_citation
from lawdiff.importers.amending import read_amending_file
from lawdiff.proposal import ProposalError
from lawdiff.render.instructions import nummer_lines
from lawdiff.text import norm
from tests.conftest import lexdania
from tests.test_engine_acts import run


@pytest.mark.parametrize("citation,want", [
    ("overskriften til afsnit I og III", ["overskriften til afsnit I", "overskriften til afsnit III"]),
    ("afsnit II og IV", ["afsnit II", "afsnit IV"]),
    ("bilag A og I", ["bilag A", "bilag I"]),  # (an annex's letter, as before)
])
def test_parts_by_roman_number_after_afsnit(citation, want):
    assert [str(c) for c in parse_citation(citation)] == want


@pytest.mark.parametrize("citation", ["§ 5 og I", "afsnit I og B", "kapitel 2 og III"])
def test_a_roman_number_elsewhere_is_not_read(citation):
    with pytest.raises(Exception, match="kan ikke læses"):
        parse_citation(citation)


def test_the_nummer_is_read_and_printed_back():
    par = next(p for p in read_amending_file(lexdania("2015/2015-1564.xml")).doc["paragraffer"] if p["nummer"] == "198")
    entry = next(e for e in par["numre"] if e["nummer"] == "2")
    assert entry["ændringer"] == [{"ophæves": "overskriften til afsnit I og III"}]
    assert norm(" ".join(nummer_lines(entry))) == "2. Overskriften til afsnit I og III ophæves."


def test_the_engine_refuses_it_with_its_reason():
    with pytest.raises(ProposalError, match="overskriften til afsnit I kan ikke ophæves: lawdiff kan ikke vide, om "
                                            "betegnelsen »Afsnit I« bliver stående"):
        run("2016/2016-1074", [{"ophæves": "overskriften til afsnit I og III"}])
