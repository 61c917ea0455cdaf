"""The lovforslag has one wording path: render/instructions.py's _Builder derives each change as
amendment-format data (docs/format.md) from the engine's result, and the kinds' `format`
(lawdiff/changes/, strung together by `nummer.format_sentence`) words every nummer from it — the
functions that print the imported acts. These tests hold the builder to that: every nummer of the
hand-written proposals carries its data and is worded from it, every template family (3-17) is
among them, and each sentence, read back by the importer's reader of official acts, gives the
builder's data again (the sentence is one an act could print, and says what the builder meant)."""
from __future__ import annotations

from collections import Counter

import pytest

from lawdiff.changes.nummer import format_sentence, read_sentence
from lawdiff.engine import run
from lawdiff.proposal import load_proposal
from lawdiff.render import instructions
from tests.conftest import ROOT

CASES = [ROOT / "tests/fixtures/templates.yaml", ROOT / "tests/fixtures/handwritten.yaml",
         *sorted((ROOT / "proposals").glob("*.yaml"))]


@pytest.fixture(scope="module")
def built(store):
    """(every nummer the builder made, with its placement kind; every nummer of the lovforslag)."""
    made: list[tuple[str, instructions.Nummer]] = []
    final: list[instructions.Nummer] = []
    orig = instructions._Builder.nummer

    def nummer(self, p, n):
        nr = orig(self, p, n)
        made.append((p.what, nr))
        return nr

    instructions._Builder.nummer = nummer
    try:
        for path in CASES:
            lf = instructions.build_lovforslag(run(load_proposal(path), store))
            final += [nr for par in lf.paragraffer for nr in par.numre]
    finally:
        instructions._Builder.nummer = orig
    return made, final


def test_every_nummer_is_worded_by_the_kinds_from_its_data(built):
    made, final = built
    kinds = Counter(what for what, _nr in made)
    print(f"\nnumre built: {len(made)}, all with data; in the lovforslag: {len(final)}; by placement kind: "
          f"{dict(kinds)}")
    assert all(nr.data is not None for _w, nr in made)
    # every template family: words (3-7), rewrite (8), repeal (9), replace (10), new units (11-16:
    # stk., nr., litra, pkt., §§, chapters, a mellemrubrik), headings and the title (17)
    assert set(kinds) >= {"words", "rewrite", "repeal", "replace", "new", "heading", "title"}
    new = Counter(nr.data["ny"] for what, nr in made if "ny" in nr.data)
    assert set(new) >= {"stk", "nr", "litra", "pkt", "paragraf", "kapitel", "overskrift"}, new
    for nr in final:
        assert nr.clauses, nr.head
        assert nr.head == format_sentence(nr.clauses)
    assert any(len(nr.clauses) > 1 for nr in final)  # a nummer group, worded as one sentence


# what the reader records that is not part of the change the builder derives: the new text (the
# reader takes it from the quote, here left out), and the reader's working marks
_NOT_COMPARED = {"tekst", "inline", "punktum"}


def test_each_sentence_reads_back_as_the_builders_data(built):
    made, _final = built
    differ = []
    for _what, nr in made:
        read = [{k: v for k, v in ch.items() if not k.startswith("_") and k not in _NOT_COMPARED and v is not None}
                for ch in read_sentence(nr.head, [])]
        want = {k: v for k, v in nr.data.items() if k not in _NOT_COMPARED}
        if want.get("ny") in ("paragraf", "kapitel", "afsnit"):
            # "Efter § 141 indsættes:": the reader learns the kind of unit from the quoted text
            want.pop("ny")
        if read != [want]:
            differ.append(f"»{nr.head}«: read {read}, built {want}")
    print(f"\nsentences read back as built: {len(made) - len(differ)} of {len(made)}")
    assert not differ, "\n".join(differ)


def test_the_builders_data_is_amendment_format(built):
    """Each clause is a change as an amendment YAML holds it (the schema's `actchange`): no field the
    format does not document."""
    import json

    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "lawdiff/schemas/proposal.schema.json").read_text("utf-8"))
    validator = Draft202012Validator({"$ref": "#/$defs/actchange", "$defs": schema["$defs"]})
    _made, final = built
    bad = [(nr.head, e.message) for nr in final for ch in nr.clauses for e in validator.iter_errors(ch)]
    assert not bad, bad


FIRST = """titel: T
organisation: lawdiff
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
        forekomst: 1
"""


def test_forste_gang_is_data_worded_by_the_words_kind(store):
    from lawdiff.proposal import parse_proposal

    lf = instructions.build_lovforslag(run(parse_proposal(FIRST.encode(), "p.yaml"), store))
    nr = lf.paragraffer[0].numre[0]
    assert nr.data == {"ændres": "at", "til": "med at", "i": "§ 68 a, stk. 2", "forekomst": 1}
    assert nr.head == format_sentence(nr.clauses) == "I § 68 a, stk. 2 første gang, ændres »at« til: »med at«."
