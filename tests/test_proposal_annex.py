"""A hand-written proposal changes an act's annexes (bilag): loaded (schema, proposal.py), executed
(changes/annex.py), worded as the ministries word it (render/instructions.py, by the kinds that print
the real acts), shown beside the current wording in Bilag 1, on the proposal's page and in the Word
export, with the proposal's own annexes after the lovforslag.

The act is CPR-loven (LBK 5/2013, bilag 1). The real lov 311/2014, § 1, nr. 5 changes words in its
bilag 1, nr. 10: the same change written by hand gives the official sentence word for word and the
annex the consolidation with the real act gives. Golden file for the formal text:
tests/golden/annexes/cpr-proposal.lovforslag.txt (regenerate only after reading the new text)."""
from __future__ import annotations

import collections
import io
import re
from pathlib import Path

import pytest
from lxml import etree

from lawdiff import cli
from lawdiff.annexdiff import block_text
from lawdiff.changes.nummer import read_sentence
from lawdiff.engine import run
from lawdiff.importers.amending import official_text
from lawdiff.proposal import parse_proposal
from lawdiff.render.bilag import bilag, bilag_text
from lawdiff.render.instructions import build_lovforslag
from lawdiff.store import Store
from lawdiff.text import norm
from lawdiff.yamlfile import ProposalError
from tests.conftest import lexdania

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "annexes" / "cpr-proposal.lovforslag.txt"
CPR = "det-centrale-personregister"

HEAD = f"""\
titel: Bedre registrering
organisation: Prøveforeningen
dato: "2014-01-10"
status: udkast
love:
  {CPR}: {CPR}@2013-01-09
forslag:
"""

# words in bilag 1, a new bilag 2 (the proposal's own bilag 1) and words in a § (the § first)
BILAG = HEAD + """\
  - titel: Bilagene
    ændringer:
      - i: bilag 1
        ændres: "lov om planlægning (sommerhuse)"
        til: "lov om planlægning (sommerhuse og kolonihaver)"
      - ny: bilag
        som: bilag 2
        fra_bilag: "1"
      - i: "§ 1, nr. 1"
        ændres: "et personnummer"
        til: "et personnummer og en digital postkasse"
bilag:
  - betegnelse: Bilag 1
    overskrift:
      - Oplysninger om kolonihaver
    indhold:
      - "1) Kolonihavens adresse."
      - "2) Lejerens navn."
      - tabel:
          - [Felt, Indhold]
          - [Lejer, Navn og adresse]
"""

# lov 311/2014, § 1, nr. 5, written by hand as a group of two changes in bilag 1, nr. 10
AS_311 = HEAD + """\
  - titel: Forskerbeskyttelse ophæves
    ændringer:
      - ændringer:
          - i: bilag 1, nr. 10
            udgår: "beskyttelse mod forskerhenvendelse, jf. § 29, stk. 2,"
          - i: bilag 1, nr. 10
            ændres: stk. 3
            til: stk. 2
"""

REWRITE = HEAD + """\
  - titel: Nyt bilag 1
    ændringer:
      - affattes: bilag 1
        som_bilag: "1"
bilag:
  - betegnelse: Bilag 1
    overskrift:
      - Dataindholdet i CPR
    indhold:
      - "1) Personnummeroplysninger."
"""

REPEAL = HEAD + """\
  - titel: Bilaget udgår
    ændringer:
      - ophæves: bilag 1
"""


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    """CPR-loven (LBK 5/2013) and its consolidation with the real lov 311/2014 (2014-04-01)."""
    root = tmp_path_factory.mktemp("cprprop")
    for f in ("2013/2013-5.xml", "2014/2014-311.xml"):
        assert cli.main(["import", "--root", str(root), "lexdania", str(lexdania(f))]) == 0
    assert cli.main(["consolidate", "--root", str(root), CPR, "--at", "2014-04-01"]) == 0
    (root / "proposals").mkdir(exist_ok=True)
    for name, text in (("bilag", BILAG), ("som-311", AS_311), ("affattes", REWRITE), ("ophaeves", REPEAL)):
        (root / "proposals" / f"cpr-{name}.yaml").write_text(text, "utf-8")
    return root


def _run(root: Path, text: str):
    return run(parse_proposal(text.encode("utf-8"), "p.yaml"), Store(root))


def _texts(annex) -> list[str]:
    return [h.text for h in annex.headings] + [block_text(b) for b in annex.body]


def test_the_lovforslag_and_bilag_1_word_the_annex_changes(root):
    result = _run(root, BILAG)
    lf = build_lovforslag(result)
    text = lf.text() + "\n" + bilag_text(bilag(lf, result))
    assert text == GOLDEN.read_text("utf-8"), "cpr-proposal.lovforslag.txt differs"
    heads = [nr.head for nr in lf.paragraffer[0].numre]
    # the § first, then the annexes in their order (R1: the order of the law)
    assert heads == ["I § 1, nr. 1, ændres »et personnummer« til: »et personnummer og en digital postkasse«.",
                     "I bilag 1 ændres »lov om planlægning (sommerhuse)« til: »lov om planlægning (sommerhuse og "
                     "kolonihaver)«.",
                     "Som bilag 2 indsættes bilag 1 til denne lov."]
    new = result.laws[CPR].new
    assert [a.label for a in new.annexes] == ["Bilag 1", "Bilag 2"]
    assert _texts(new.annexes[1]) == ["Oplysninger om kolonihaver", "1) Kolonihavens adresse.",
                                      "2) Lejerens navn.", "Felt | Indhold\nLejer | Navn og adresse"]
    assert "f) Flyttepåbud efter lov om planlægning (sommerhuse og kolonihaver)." in _texts(new.annexes[0])


def test_each_annex_sentence_reads_back_as_the_builders_data(root):
    """Read back by the reader of official acts, each sentence gives the data it was worded from
    (the sentence is one an act could print, and says what the builder meant)."""
    for text in (BILAG, REWRITE, REPEAL, AS_311):
        for nr in build_lovforslag(_run(root, text)).paragraffer[0].numre:
            read = [{k: v for k, v in ch.items() if not k.startswith("_") and v is not None}
                    for ch in read_sentence(nr.head, [])]
            assert read == nr.clauses, nr.head


def test_lov_311_2014_written_by_hand_gives_the_official_sentence_and_annex(root):
    """The hand-written group words lov 311/2014, § 1, nr. 5 as the act does, and executes to the
    bilag 1 that the consolidation with the real act gives."""
    result = _run(root, AS_311)
    [nr] = build_lovforslag(result).paragraffer[0].numre
    xml = etree.parse(str(lexdania("2014/2014-311.xml")))
    official = next(official_text(an) for an in xml.iter("AendringsNummer")
                    if norm(an.findtext("Explicatus") or "") == "5.")
    assert norm(f"{nr.n}. {nr.head}".replace("1.", "5.", 1)) == norm(official)
    real = Store(root).load(f"{CPR}@2014-04-01")
    assert _texts(result.laws[CPR].new.annexes[0]) == _texts(real.annexes[0])


def test_a_rewritten_and_a_repealed_annex(root):
    lf = build_lovforslag(result := _run(root, REWRITE))
    assert lf.text().endswith("1. Bilag 1 affattes som bilag 1 til denne lov.\n\nBilag 1\nDataindholdet i CPR\n"
                              "1) Personnummeroplysninger.\n")
    assert _texts(result.laws[CPR].new.annexes[0]) == ["Dataindholdet i CPR", "1) Personnummeroplysninger."]
    # Bilag 1 quotes the annex as it reads today beside the nummer
    [row] = [r for r in bilag(lf, result) if r.right and r.right[0].startswith("1. Bilag 1")]
    assert row.left[:2] == ["Bilag 1", "Dataindholdet i Det Centrale Personregister (CPR), jf. § 4, er følgende:"]
    lf = build_lovforslag(result := _run(root, REPEAL))
    assert [nr.head for nr in lf.paragraffer[0].numre] == ["Bilag 1 ophæves."]
    assert result.laws[CPR].new.annexes == []


@pytest.mark.parametrize("changes, words", [
    ("      - affattes: bilag 1\n        tekst: Ny\n", "nyaffattes som et af forslagets egne bilag"),
    ("      - ny: bilag\n        som: bilag 2\n", "»ny: bilag« kræver »fra_bilag«"),
    ("      - ny: bilag\n        som: bilag 2\n        fra_bilag: \"1\"\n        efter: bilag 1\n",
     "»efter« hører ikke til »ny: bilag«"),
    ("      - ophæves: bilag 1, afsnit 2\n", "kan kun ændre et helt bilag"),
    ("      - i: \"§ 1\"\n        ændres: a\n        til: b\n        som_bilag: \"1\"\n", "»som_bilag« hører ikke til"),
])
def test_annex_changes_that_cannot_be_worded_with_certainty_are_refused(changes, words):
    data = (HEAD + "  - titel: F\n    ændringer:\n" + changes).encode("utf-8")
    with pytest.raises(ProposalError) as e:
        parse_proposal(data, "p.yaml")
    assert words in str(e.value)


def test_a_missing_own_annex_is_refused_at_execution(root):
    text = HEAD + "  - titel: F\n    ændringer:\n      - ny: bilag\n        som: bilag 2\n        fra_bilag: \"2\"\n" \
        + BILAG[BILAG.index("bilag:\n"):]
    with pytest.raises(Exception) as e:
        _run(root, text)
    assert "bilag 2 til denne lov findes ikke i filens »bilag:« (filen har: Bilag 1)" in str(e.value)


def test_the_site_and_the_word_export_show_the_annexes(root, tmp_path):
    out = tmp_path / "site"
    assert cli.main(["--root", str(root), "build", "--no-pdf", "--out", str(out)]) == 0
    html = (out / "forslag" / "cpr-bilag.html").read_text("utf-8")
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert [i for i, n in collections.Counter(ids).items() if n > 1] == []
    # the lovforslag's own annex after its §§, the changed and the new annex under the forslag
    assert '<section class="bilag" id="lf-bilag-1">\n<h3>Bilag 1</h3>' in html
    assert '<section class="bilag-aendring changed" id="f1-bilag-1">' in html
    assert '<section class="bilag-aendring inserted" id="f1-bilag-2">' in html
    assert "(sommerhuse<ins data-change=\"1.1\"> og kolonihaver</ins>)" in html
    # the forslag's links lead to them
    assert '<a class="change-link" href="#f1-bilag-1">Ændring 1: lov om Det Centrale Personregister, bilag' in html
    assert '<a class="change-link" href="#f1-bilag-2">Ændring 2: lov om Det Centrale Personregister, bilag' in html
    # Bilag 1 (the comparison table): the annex line beside the nummer
    assert "f) Flyttepåbud efter lov om planlægning (sommerhuse)." in html[html.index('id="bilag1"'):]
    from docx import Document

    assert cli.main(["--root", str(root), "docx", str(root / "proposals" / "cpr-bilag.yaml"),
                     "--out", str(tmp_path / "p.docx")]) == 0
    doc = Document(io.BytesIO((tmp_path / "p.docx").read_bytes()))
    paras = [p.text for p in doc.paragraphs]
    at = paras.index("3. Som bilag 2 indsættes bilag 1 til denne lov.")
    assert paras[at + 1:at + 5] == ["Bilag 1", "Oplysninger om kolonihaver", "1) Kolonihavens adresse.",
                                    "2) Lejerens navn."]
    assert any([[c.text for c in r.cells] for r in t.rows] == [["Felt", "Indhold"], ["Lejer", "Navn og adresse"]]
               for t in doc.tables)


def _tracked_sides(doc) -> tuple[list[str], list[str]]:
    """The paragraphs after "Lovteksten med ændringerne" as Word gives them after Reject all (old)
    and Accept all (new): inserted runs and paragraph marks only on the new side, deleted ones only
    on the old side (a removed mark runs the paragraph on into the next)."""
    from docx.oxml.ns import qn

    paras = list(doc.element.body.iter(qn("w:p")))
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in paras]
    start = texts.index("Lovteksten med ændringerne") + 2
    sides: dict[str, list[str]] = {"old": [], "new": []}
    for p in paras[start:]:
        buf = {"old": "", "new": ""}
        for el in p.iter(qn("w:t"), qn("w:delText")):
            inside = {a.tag for a in el.iterancestors()}
            if el.tag == qn("w:delText"):
                buf["old"] += el.text or ""
            elif qn("w:ins") in inside:
                buf["new"] += el.text or ""
            else:
                buf["old"] += el.text or ""
                buf["new"] += el.text or ""
        ppr = p.find(qn("w:pPr"))
        rpr = ppr.find(qn("w:rPr")) if ppr is not None else None
        mark = "ins" if rpr is not None and rpr.find(qn("w:ins")) is not None else \
            "del" if rpr is not None and rpr.find(qn("w:del")) is not None else ""
        for side, gone in (("old", "ins"), ("new", "del")):
            if mark == gone:
                continue
            sides[side].append(buf[side])
    return sides["old"], sides["new"]


@pytest.mark.parametrize("name", ["bilag", "som-311", "affattes", "ophaeves"])
def test_the_word_exports_tracked_text_gives_the_annexes_in_force_and_changed(root, tmp_path, name):
    """"Lovteksten med ændringerne" holds the changed annexes after the §§ as tracked changes: Reject
    all gives each annex in force, Accept all the changed one, line for line (a line whose aligned
    words would not give both texts exactly is tracked as the whole annex deleted and inserted)."""
    from docx import Document

    from lawdiff.annexdiff import changed, lines
    from lawdiff.proposal import load_proposal

    path = root / "proposals" / f"cpr-{name}.yaml"
    assert cli.main(["--root", str(root), "docx", str(path), "--out", str(tmp_path / "p.docx")]) == 0
    old, new = _tracked_sides(Document(str(tmp_path / "p.docx")))
    lr = run(load_proposal(path), Store(root)).laws[CPR]
    for o, n, _r in changed(lr.base.annexes, lr.new.annexes):
        for side, a in ((old, o), (new, n)):
            if a is not None:
                want = [a.label] + lines(a)
                at = side.index(a.label)
                assert side[at:at + len(want)] == want
    if name == "bilag":  # the changed words are tracked in their line, the comment names the forslag
        doc = Document(str(tmp_path / "p.docx"))
        xml = doc.element.body.xml
        assert ">og kolonihaver</w:t>" in xml or "> og kolonihaver</w:t>" in xml
        assert "f) Flyttepåbud efter lov om planlægning (sommerhuse og kolonihaver)." in new
        assert "f) Flyttepåbud efter lov om planlægning (sommerhuse)." in old


def test_readme_example_of_annex_changes_loads():
    """The README's example of the four annex forms, with its own annexes, is a valid proposal whose
    changes read as the comments beside them say."""
    readme = (ROOT / "README.md").read_text("utf-8")
    start = readme.index("Annexes (bilag) in four forms")
    block = readme[readme.index("```yaml\n", start) + 8:readme.index("```\n", readme.index("```yaml\n", start) + 8)]
    changes, own = block.split("\nbilag:", 1)
    text = ('titel: T\norganisation: O\ndato: "2020-01-01"\nstatus: udkast\nlove:\n  lab: lab@2016-11-21\n'
            "forslag:\n  - titel: F\n    ændringer:\n" + changes + "\nbilag:" + own)
    p = parse_proposal(text.encode("utf-8"), "README.md")
    assert [c.verb for c in p.changes] == ["affattes", "ny", "ophæves", "ændres"]
    assert [a.num for a in p.annexes] == ["1", "2"]
