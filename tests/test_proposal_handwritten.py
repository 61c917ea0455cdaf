"""Hand-written proposals use what imported amending acts hold (issue 8, item 3): address lists,
headings, mellemrubrikker and the title as targets, "Overalt i loven bortset fra …", new
mellemrubrikker and nummer groups — loaded with the same keys and checks, executed by the same
engine on LAB 2016, and worded as the acts of 2010-2017 word them (tests/golden/handwritten.txt).

To accept an intended change of wording, run with LAWDIFF_UPDATE_GOLDEN=1 and review the diff.
"""
from __future__ import annotations

import os
import re
import shutil
import textwrap

import pytest

from lawdiff.cli import main
from lawdiff.engine import run
from lawdiff.proposal import load_proposal, parse_proposal
from lawdiff.render.instructions import build_lovforslag, join_citations
from lawdiff.yamlfile import ProposalError
from tests.conftest import PROPOSAL_HEAD, ROOT
from tests.helpers import drafting_root

FIXTURE = ROOT / "tests/fixtures/handwritten.yaml"
GOLDEN = ROOT / "tests/golden/handwritten.txt"

HEAD = PROPOSAL_HEAD


def proposal(*changes: str, head: str = HEAD) -> bytes:
    """HEAD plus changes (each the YAML of one list entry, unindented)."""
    out = head
    for body in changes:
        lines = textwrap.dedent(body).strip().splitlines()
        out += "      - " + lines[0] + "\n" + "".join(f"        {ln}\n" for ln in lines[1:])
    return out.encode("utf-8")


def errors_of(data: bytes) -> list[ProposalError]:
    with pytest.raises(ProposalError) as e:
        parse_proposal(data, "p.yaml")
    return list(getattr(e.value, "errors", [e.value]))


# --- the loader -----------------------------------------------------------------------------------

def test_fixture_loads_with_groups():
    p = load_proposal(FIXTURE)
    cs = p.changes
    assert len(cs) == 12
    assert [c.index for c in cs] == list(range(1, 13))  # a group's changes count one by one
    grouped = [(c.index, c.group, c.sub, c.of) for c in cs if c.group is not None]
    assert grouped == [(9, 9, 1, 2), (10, 9, 2, 2), (11, 10, 1, 2), (12, 10, 2, 2)]
    assert [c.verb for c in cs[:5]] == ["affattes", "ændres", "ophæves", "affattes", "ny"]
    assert cs[1].get("bortset_fra") == "§ 99"
    assert cs[4].get("ny") == "overskrift"


GOOD = [
    ('i: "§ 16, stk. 1, og § 18, stk. 1, 1. pkt."\nændres: a\ntil: b', "ændres"),
    ('i: "§§ 16 og 17"\nudgår: a', "udgår"),
    ("i: overskriften før § 19\nindsættes_efter: a\ntekst: b", "indsættes_efter"),
    ("i: lovens titel\nudgår: a", "udgår"),
    ("overalt: true\nbortset_fra: \"§ 1, stk. 3, og § 18\"\nændres: a\ntil: b", "ændres"),
    ("affattes: lovens titel\ntekst: Lov om noget", "affattes"),
    ("affattes: overskriften til kapitel 3\ntekst: Ny", "affattes"),
    ("ophæves: overskriften før § 18 a", "ophæves"),
    ('ophæves: "§ 5 og § 7"', "ophæves"),
    ('ny: overskrift\nefter: "§ 4"\ntekst: Ny overskrift', "ny"),
]


@pytest.mark.parametrize("body, verb", GOOD, ids=[g[0].split("\n")[0] for g in GOOD])
def test_loader_accepts(body, verb):
    p = parse_proposal(proposal(body), "p.yaml")
    assert [c.verb for c in p.changes] == [verb]


# (change entries, line of the error, words in it)
BAD = [
    ([ "ændres: a\ntil: b\nbortset_fra: \"§ 3\"\ni: \"§ 4\""], 12, "»bortset_fra« hører til »overalt: true«"),
    (['i: "§ 16, stk. 1, og paragraf 18"\nudgår: a'], 10, "kan ikke læses"),
    (["i: fodnoten til lovens titel\nudgår: a"], 10, "fodnote er ikke en del af lawdiffs model"),
    (['ny: stk\ni: "§ 5 og § 7"\ntekst: Ny.'], 11, "kan i et forslag kun have én adresse"),
    (['i: "§ 5 og § 7"\nudgår: a\nantal: 2'], 10, "»antal« og »forekomst« kan ikke bruges"),
    (['overalt: true\nudgår: a\nforekomst: 2'], 12, "»overalt: true« og »forekomst« kan ikke bruges sammen"),
    (['i: "§ 5, stk. 4, der bliver stk. 5"\nudgår: a'], 10, "uden »der bliver«"),
    (['i: "overskriften før § 5 og § 7"\nudgår: a'], 10, "blander en overskrift"),
    (['ny: stk\ni: overskriften før § 5\ntekst: Ny.'], 11, "kan ikke bruges med »ny«"),
    (['ny: overskrift\nnummer: "5 a"\nfør: "§ 5"\ntekst: Ny'], 11, "»nummer« hører ikke til »ny: overskrift«"),
    (["ny: overskrift\ntekst: Ny"], 10, "kræver »før« eller »efter«"),
    (['ophæves: "§ 5, stk. 2, og § 7"\ntekst: "Stk. 2. Ny."'], 10, "»ophæves« med »tekst« kan i et forslag kun"),
    (['ændringer:\n  - i: "§ 5"\n    udgår: a\n  - i: "§ 6"\n    udgår: b\nlov: lab'], 15,
     "en gruppe (»ændringer«) har kun sine ændringer"),
    (['ændringer:\n  - ændringer:\n      - i: "§ 5"\n        udgår: a\n      - i: "§ 6"\n        udgår: b\n'
      '  - i: "§ 7"\n    udgår: c'], 10, "en gruppe kan ikke indeholde en gruppe"),
    (['ændringer:\n  - affattes: "§ 5"\n    tekst: "§ 5. Ny."\n  - i: "§ 6"\n    udgår: b'], 11,
     "kun den sidste ændring have ny tekst"),
    (['ændringer:\n  - i: "§ 5"\n    udgår: a'], 11, "mindst 2"),
    (['overalt: true\ni: "§ 5"\nbortset_fra: "§ 5, stk. 2"\nudgår: a'], 12, "bortset_fra« bruges kun med"),
    (['ændringer:\n  - i: "§ 5"\n    udgår: a\n  - i: "§ 6"\n    udgår: b'], 10, "samme paragraf (lovteknik R2)"),
    (['ændringer:\n  - ophæves: overskriften før § 5\n  - i: "§ 5"\n    udgår: b'], 10, "samme paragraf"),
]


@pytest.mark.parametrize("changes, line, words", BAD, ids=[b[2][:40] for b in BAD])
def test_loader_refuses(changes, line, words):
    errs = errors_of(proposal(*changes))
    assert any(e.line == line and words in e.message for e in errs), [f"{e.line}: {e.message}" for e in errs]
    assert all(e.file == "p.yaml" for e in errs)


def test_every_error_at_once():
    """Errors inside groups and outside them are all reported, in one run, sorted by line."""
    data = proposal('i: "§ 5"\nudgår: a\nbortset_fra: "§ 3"',
                    'ændringer:\n  - i: "§ 6"\n    udgår: a\n    bortset_fra: "§ 3"\n  - i: "§ 6, stk. 2, der bliver stk. 3"\n'
                    '    udgår: b',
                    "ny: overskrift\ntekst: Ny")
    errs = errors_of(data)
    lines = [e.line for e in errs]
    assert len(errs) == 4 and lines == sorted(lines), [f"{e.line}: {e.message}" for e in errs]


def test_group_of_two_laws_is_refused():
    head = HEAD.replace("  lab: lab@2016-11-21\n", "  lab: lab@2016-11-21\n  serviceloven: serviceloven@2016-10-24\n")
    errs = errors_of(proposal('ændringer:\n  - lov: lab\n    i: "§ 5"\n    udgår: a\n  - lov: serviceloven\n'
                              '    i: "§ 6"\n    udgår: b', head=head))
    assert any("samme lov" in e.message and e.line == 11 for e in errs), [e.message for e in errs]


# --- the engine, on LAB 2016 -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def result(store):
    return run(load_proposal(FIXTURE), store)


def _heading_before(act, num: str):
    """The heading of the group whose first § is § num (None when the § opens no group)."""
    for u in act.walk():
        if u.kind == "group" and u.children and u.children[0].kind == "section" and u.children[0].num == num:
            return u.heading.text if u.heading else None
    return None


def test_engine_on_lab(result):
    lr = result.laws["lab"]
    old, new = lr.base, lr.new
    assert new.title == "lov om en aktiv beskæftigelsesindsats og ressourceforløb"
    assert _heading_before(old, "18 a") == "Ret til koordinerende sagsbehandler"
    assert _heading_before(new, "18 a") is None
    assert _heading_before(new, "19") == "De første samtaler"
    assert _heading_before(new, "21") == "Regler om kontaktforløbet"
    assert _heading_before(new, "99") == "Uddannelse ved ansættelse"
    chapter22 = next(u for u in new.walk() if u.kind == "chapter" and u.num == "22")
    assert chapter22.heading.text == "Forsøg med ressourceforløb"

    def text(act, num):
        sec = next(s for s in act.sections() if s.num == num)
        return " ".join(ln for u in sec.walk() for ln in u.own_lines())

    assert "et rehabiliteringsforløb, jf. § 30 a, stk. 1" in text(new, "68 a")
    assert "deltage i et rehabiliteringsforløb" in text(new, "68 b")
    assert "mindst 2 og højst 3 års varighed" in text(new, "68 a")
    assert "tilbydes to på hinanden følgende ressourceforløb." in text(new, "68 a")
    assert "Fylder personen 40 år" not in text(new, "68 a")
    # "Overalt i loven bortset fra § 99": § 99 keeps the word, the rest of the act does not
    assert "ressourceforløbsydelse" in text(new, "99") and "ressourceforløbsydelse" in text(old, "99")
    rest = " ".join(text(new, s.num) for s in new.sections() if s.num and s.num != "99")
    assert "ressourceforløbsydelse" not in rest.replace("ressourceforløbsydelsen", "")
    assert "ressourceydelse" in text(new, "2")


# --- the formal text ----------------------------------------------------------------------------------

def test_instructions_golden(result):
    text = build_lovforslag(result).text()
    if os.environ.get("LAWDIFF_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_instructions_use_corpus_phrases(result):
    """Each form below is the one the acts of 2010-2017 use (counts over the corpus, normalised
    white space): "Lovens titel affattes således:" 50, "Overalt i loven bortset fra" 5 (never with a
    comma before "bortset"), "Overskriften før § N ophæves." 31, "Før § N indsættes som ny
    overskrift:" 5, "I overskriften før § N ændres »" 12, "I overskriften til kapitel N … indsættes"
    49, "I § N, stk. N, og § N, stk. N, ændres »" 332, "«, og »X« ændres til: »" 267, "«, og N. pkt.
    ophæves" 23."""
    lines = build_lovforslag(result).text().splitlines()
    want = [
        "1. Lovens titel affattes således:",
        "»Lov om en aktiv beskæftigelsesindsats og ressourceforløb«.",
        "2. Overalt i loven bortset fra § 99 ændres »ressourceforløbsydelse« til: »ressourceydelse«.",
        "3. Overskriften før § 18 a ophæves.",
        "5. Før § 21 indsættes som ny overskrift:",
        "6. I § 68 a, stk. 4, ændres »mindst 1« til: »mindst 2«, og »5 års« ændres til: »3 års«.",
        "7. I § 68 a, stk. 5, og § 68 b, stk. 1, ændres »et ressourceforløb« til: »et rehabiliteringsforløb«.",
        "8. I § 68 a, stk. 8, 1. pkt., ændres »flere på hinanden følgende« til: »to på hinanden følgende«, "
        "og 2. pkt. ophæves.",
        "9. I overskriften før § 99 ændres »Opkvalificering« til: »Uddannelse«.",
        "10. I overskriften til kapitel 22 indsættes efter »Forsøg«: »med ressourceforløb«.",
    ]
    for w in want:
        assert w in lines, w


def test_join_citations():
    assert join_citations(["§ 16, stk. 1", "§ 18, stk. 1, 1. pkt."]) == "§ 16, stk. 1, og § 18, stk. 1, 1. pkt."
    assert join_citations(["§ 16", "§ 17"]) == "§§ 16 og 17"
    assert join_citations(["§ 5", "§ 7, stk. 2", "§ 9"]) == "§ 5, § 7, stk. 2, og § 9"
    assert join_citations(["§ 5, stk. 2", "§ 7"]) == "§ 5, stk. 2, og § 7"


def test_group_may_end_with_new_text(store, tmp_path):
    """The last change of a group may carry the new text after the colon; a later place in the same
    § is cited from the one before it."""
    data = proposal('ændringer:\n  - i: "§ 68 a, stk. 4"\n    ændres: 5 års\n    til: 3 års\n'
                    '  - affattes: "§ 68 a, stk. 7"\n    tekst: "Stk. 7. Kommunen beslutter."')
    f = tmp_path / "p.yaml"
    f.write_bytes(data)
    text = build_lovforslag(run(load_proposal(f), store)).text()
    assert "1. I § 68 a, stk. 4, ændres »5 års« til: »3 års«, og stk. 7 affattes således:\n" \
           "»Stk. 7. Kommunen beslutter.«\n" in text, text


def test_group_follows_r2(store, tmp_path):
    """lovteknik R2: no group over a unit an earlier nummer moved (one paragraf: the loader checks)."""
    first, words = 'ny: stk\ni: "§ 68 a"\nefter: stk. 3\ntekst: "Stk. 4. Ny regel."', "som et tidligere nummer har flyttet"
    group = ('ændringer:\n  - i: "§ 68 a, stk. 4"\n    ændres: 5 års\n    til: 3 års\n'
             '  - i: "§ 68 a, stk. 7"\n    udgår: fremadrettet')
    f = tmp_path / "p.yaml"
    f.write_bytes(proposal(first, group))
    with pytest.raises(ProposalError) as e:
        build_lovforslag(run(load_proposal(f), store))
    assert words in e.value.message and "R2" in e.value.message


def test_multi_address_repeal_with_rykning_is_refused(store, tmp_path):
    f = tmp_path / "p.yaml"
    f.write_bytes(proposal('ophæves: "§ 68 a, stk. 7, og § 68 b, stk. 2"'))
    with pytest.raises(ProposalError) as e:
        build_lovforslag(run(load_proposal(f), store))
    assert "rykker op" in e.value.message


# --- the commands -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def root(tmp_path_factory):
    r = drafting_root(tmp_path_factory)
    shutil.copy(FIXTURE, r / "proposals" / "handwritten.yaml")
    return r


def test_apply_check_and_docx(root, capsys):
    f = str(root / "proposals" / "handwritten.yaml")
    assert main(["--root", str(root), "apply", f]) == 0
    out = capsys.readouterr().out
    assert "Lovens titel: lov om en aktiv beskæftigelsesindsats[+ og ressourceforløb+]" in out
    assert "[-Ret til koordinerende sagsbehandler-]" in out
    assert "[+Regler om kontaktforløbet+]" in out
    assert main(["--root", str(root), "check"]) == 0
    capsys.readouterr()
    docx = root / "hw.docx"
    assert main(["--root", str(root), "docx", f, "--out", str(docx)]) == 0
    assert docx.stat().st_size > 10_000


# --- what the reader sees -----------------------------------------------------------------------------

def test_redline_keeps_a_section_moved_under_a_new_mellemrubrik(result):
    """§ 21 goes under the new mellemrubrik "Regler om kontaktforløbet": it is not repealed and
    inserted again, and only the heading is new."""
    from lawdiff import redline

    lr = result.laws["lab"]
    red = redline.build(lr.base, lr.new, lr)
    s21 = [u for u in red.sections() if (u.new_num or u.old_num) == "21"]
    assert len(s21) == 1 and s21[0].status == redline.UNCHANGED and not s21[0].has_changes
    groups = [u for u in red.walk() if u.kind == "group" and u.status == redline.INSERTED]
    assert [(g.heading[0].text, [c.new_num for c in g.children if c.kind == "section"][:1]) for g in groups] \
        == [("Regler om kontaktforløbet", ["21"])]
    assert red.title is not None


def test_proposal_page_shows_headings_and_title(root, tmp_path):
    from lawdiff.render.site import build_site

    out = tmp_path / "site"
    build_site(root, out, pdf=False)
    page = (out / "forslag" / "handwritten.html").read_text("utf-8")
    assert '<div class="overskrift lovtitel"><p>Lovens titel: lov om en aktiv beskæftigelsesindsats' \
           '<ins data-change="1.1"> og ressourceforløb</ins></p></div>' in page
    assert '<div class="overskrift"><p><del data-change="1.3">Ret til koordinerende sagsbehandler</del></p></div>' \
        in page
    assert '<div class="overskrift inserted"><p><ins data-change="1.5">Regler om kontaktforløbet</ins></p></div>' \
        in page
    assert re.search(r"Kapitel(?: |&nbsp;|\xa0)22<br>Forsøg<ins", page)
    assert "(ophævet)" not in page  # no § is repealed by this proposal
    # every change's link names where it acts, also a new mellemrubrik given `før` and `overalt`
    labels = re.findall(r'class="change-link"[^>]*>Ændring [0-9.]+: [^<]*?, ([^<]*)</a>', page)
    assert labels and all(label.strip() for label in labels), labels
    assert any(label.replace("\xa0", " ") == "§ 21" for label in labels)
    assert "overalt i loven" in labels
    assert (out / "forslag" / "handwritten.docx").exists()


def test_readme_example_loads():
    """The README's example of these features is a valid list of changes."""
    readme = (ROOT / "README.md").read_text("utf-8")
    start = readme.index("The same features as an imported act")
    block = readme[readme.index("```yaml\n", start) + 8:readme.index("```\n", readme.index("```yaml\n", start) + 8)]
    p = parse_proposal((HEAD + block).encode("utf-8"), "README.md")
    assert len(p.changes) == 9 and sum(1 for c in p.changes if c.group is not None) == 2


def test_bilag_golden(result):
    """Bilag 1: a heading change stands beside the heading as it reads today, the title beside the title."""
    from lawdiff.render.bilag import bilag, bilag_text

    text = bilag_text(bilag(build_lovforslag(result), result))
    path = ROOT / "tests/golden/handwritten.bilag.txt"
    if os.environ.get("LAWDIFF_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
    assert "Ret til koordinerende sagsbehandler | 3. Overskriften før § 18 a ophæves." in text
    assert "Lov om en aktiv beskæftigelsesindsats | 1. Lovens titel affattes således:" in text


def test_any_grouping_loads_or_is_refused_cleanly():
    """Property: the fixture's changes cut into groups in any way (nested, mixed, one-element) either
    load, keeping every change in order, or are refused with ProposalError — never another error."""
    import yaml
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    raw = yaml.safe_load(FIXTURE.read_text("utf-8"))
    flat = [c for e in raw["forslag"][0]["ændringer"] for c in (e["ændringer"] if "ændringer" in e else [e])]

    @settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.integers(min_value=0, max_value=3), min_size=len(flat), max_size=len(flat)),
           st.booleans())
    def check(cuts, nest):
        entries, run_ = [], []
        for c, n in zip(flat, cuts):
            run_.append(c)
            if n == 0:
                entries.append({"ændringer": run_} if len(run_) > 1 or nest else run_[0])
                run_ = []
        if run_:
            entries.append({"ændringer": [{"ændringer": run_}] if nest else run_})
        doc = {**raw, "forslag": [{**raw["forslag"][0], "ændringer": entries}]}
        data = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")
        try:
            p = parse_proposal(data, "g.yaml")
        except ProposalError:
            return
        assert [c.data for c in p.changes] == flat

    check()


def test_overalt_in_a_unit_stays_in_it(store, tmp_path):
    """"Overalt i § 68 a ændres …" (the form of lov 644/2016) changes § 68 a only — before, the engine
    changed the words throughout the act and exited 0 (a wrong law text)."""
    f = tmp_path / "p.yaml"
    f.write_bytes(proposal('overalt: true\ni: "§ 68 a"\nændres: ressourceforløb\ntil: rehabiliteringsforløb'))
    r = run(load_proposal(f), store)
    lr = r.laws["lab"]
    changed = sorted({k[0] for k in lr.edits})
    sec = next(s for s in lr.base.sections() if s.num == "68 a")
    assert changed and set(changed) <= {u.wid for u in sec.walk()}, changed
    assert "1. Overalt i § 68 a ændres »ressourceforløb« til: »rehabiliteringsforløb«." \
        in build_lovforslag(r).text().splitlines()
