"""A new chapter's number as the amending act prints it, with its letter in either case."""
import copy

import pytest

from lawdiff.engine import apply_proposal
from lawdiff.importers import amending
from lawdiff.importers.lexdania import read_lexdania_file
from lawdiff.proposal import ProposalError, parse_proposal
from tests.conftest import lexdania


def _new_chapters(path: str) -> list[tuple[str, str]]:
    doc = amending.read_amending_file(lexdania(path)).doc
    return [(c["nummer"], c["tekst"].split("\n", 1)[0]) for p in doc["paragraffer"] for n in p["numre"]
            for c in n.get("ændringer", []) if c.get("ny") == "kapitel"]


def test_an_upper_case_chapter_letter_is_part_of_the_number():
    # lov nr. 1370 af 28/12/2011, § 1, nr. 11: »Kapitel 10 D / Gebyrer / § 98. …«; the reader took
    # "10" (a lower-case letter only), and the engine would have labelled the new chapter "Kapitel 10"
    assert ("10 D", "Kapitel 10 D") in _new_chapters("2011/2011-1370.xml")
    assert all(num.split()[-1] == label.split()[-1] for num, label in _new_chapters("2011/2011-1370.xml"))
    assert _new_chapters("2014/2014-725.xml") == [("13 B", "Kapitel 13 B")]


def _lodslov_with(nummer: str) -> tuple[object, bytes]:
    """lov nr. 725 af 25/06/2014, § 1, nr. 13 (new chapter 13 B after chapter 13 a), run on the lodslov
    as LBK 352/2016 prints it (a base that has chapter 13 a and no 13 b: a mechanical test of labels)."""
    base = read_lexdania_file(lexdania("2016/2016-352.xml"), law="x").act
    doc = copy.deepcopy(amending.read_amending_file(lexdania("2014/2014-725.xml")).doc)
    par = next(p for p in doc["paragraffer"] if any(c.get("ny") == "kapitel" for n in p["numre"]
                                                      for c in n.get("ændringer", [])))
    nr = next(n for n in par["numre"] if any(c.get("ny") == "kapitel" for c in n.get("ændringer", [])))
    ch = next(c for c in nr["ændringer"] if c.get("ny") == "kapitel")
    ch["nummer"] = nummer
    par = {**par, "lov": "x", "numre": [nr]}
    doc = {**doc, "paragraffer": [par], "love": {"x": f"x@{base.date}"}}
    doc.pop("øvrige", None)
    return base, amending.dump(doc).encode()


def test_the_new_chapter_carries_the_label_its_text_prints():
    base, raw = _lodslov_with("13 B")
    new = apply_proposal(parse_proposal(raw, "a.yaml"), {"x": base})["x"].new
    chapter = next(u for u in new.walk() if u.kind == "chapter" and u.num and u.num.lower() == "13 b")
    assert chapter.label == "Kapitel 13 B"
    assert chapter.heading.text == "Lodsning i grønlandske farvande"


def test_a_chapter_number_that_disagrees_with_its_text_is_refused():
    _, raw = _lodslov_with("13")
    with pytest.raises(ProposalError, match="nummer 13 passer ikke med tekstens »Kapitel 13 B«"):
        parse_proposal(raw, "a.yaml")
