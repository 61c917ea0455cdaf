"""`lawdiff consolidate`: base selection, entry into force, order, refusals, --partial, the record."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawdiff import akn
from lawdiff.cli import main
from lawdiff.consolidate import ConsolidateError, consolidate, parse_scope, preamble_acts
from lawdiff.render.text import render_unit
from lawdiff.store import Store
from tests.conftest import ROOT

FIX = ROOT / "tests/fixtures/amendments"


def fixture_root(dest: Path) -> Path:
    """A project at `dest` with LAB's 2015 and 2016 versions and the fixture amending acts."""
    (dest / "statutes/lab").mkdir(parents=True)
    for f in (ROOT / "statutes/lab").glob("201[56]-*.xml"):  # LBK 807/2015 and 1342/2016: the fixture acts amend these
        shutil.copy(f, dest / "statutes/lab" / f.name)
    (dest / "amendments").mkdir()
    for f in FIX.glob("*.yaml"):
        shutil.copy(f, dest / "amendments" / f.name)
    return dest


@pytest.fixture
def root(tmp_path) -> Path:
    return fixture_root(tmp_path)


def _text(act, address):
    from lawdiff.address import resolve

    return " ".join(render_unit(u, notes=False) for u in resolve(act, address).units)


def test_consolidate_applies_acts_in_force_in_order_and_records_them(root, capsys):
    assert main(["--root", str(root), "consolidate", "lab", "--at", "2017-06-01"]) == 0
    out = capsys.readouterr().out
    assert "afventer: lov-2017-9001, § 1, nr. 3: ministeren fastsætter tidspunktet" in out
    act = Store(root).load("lab@2017-06-01")
    # base: the newest version on or before --at; source names it and every act applied
    assert act.source == ("LBK nr. 1342 af 21/11/2016 med ændringer ifølge lov nr. 9002 af 15/01/2017 "
                          "og lov nr. 9001 af 01/02/2017")
    rec = act.consolidation
    assert rec.base == "lab@2016-11-21"
    # order: 9002 enters into force first (2017-02-01), then 9001 (2017-03-01)
    assert [(a.act, a.numre) for a in rec.applied] == [
        ("lov-2017-9002", ["§ 2, nr. 1", "§ 2, nr. 2"]), ("lov-2017-9001", ["§ 1, nr. 1", "§ 1, nr. 2"])]
    assert [(p.act, p.nummer) for p in rec.pending] == [("lov-2017-9001", "§ 1, nr. 3")]
    assert "alvorlig sygdom" in _text(act, "§ 68 a, stk. 2")
    assert _text(act, "§ 68 a, stk. 4") == "Stk. 4. Kommunen skal tilbyde personen en koordinerende sagsbehandler."
    assert "højst 3 års varighed" in _text(act, "§ 68 a, stk. 5")
    assert "længerevarende offentlig" in _text(act, "§ 68 a, stk. 1, nr. 1")  # minister: not applied
    # every unit records the act and nummer that last changed it
    by_eid = {u.eid: rec.changed_by.get(u.wid) for u in act.walk()}
    assert by_eid["sec_68a__subsec_2"] == "lov nr. 9002 af 15/01/2017, § 2, nr. 1"
    assert by_eid["sec_68a__subsec_4"] == "lov nr. 9001 af 01/02/2017, § 1, nr. 2"
    assert by_eid["sec_68a__subsec_5"] == "lov nr. 9001 af 01/02/2017, § 1, nr. 1"
    assert by_eid["sec_68a__subsec_6"] is None
    # the file validates against the AKN XSD and round-trips byte for byte
    data = Store(root).path("lab", "2017-06-01").read_bytes()
    assert akn.validate(akn.to_tree(act)) == []
    assert akn.to_bytes(akn.from_bytes(data, "x")) == data


def test_entry_into_force_by_nummer_not_by_act_date(root):
    # at 2017-02-15 only lov 9002's general rule (2017-02-01) is in force; its § 2, nr. 1 waits for 2017-04-01
    act, plan = consolidate(Store(root), "lab", "2017-02-15", root=root)
    assert [(a.act, a.numre) for a in act.consolidation.applied] == [("lov-2017-9002", ["§ 2, nr. 2"])]
    assert "svær sygdom" in _text(act, "§ 68 a, stk. 2")


def test_include_applies_minister_numre_and_later_consolidation_builds_on_the_record(root, capsys):
    assert main(["--root", str(root), "consolidate", "lab", "--at", "2017-06-01"]) == 0
    assert main(["--root", str(root), "consolidate", "lab", "--at", "2017-08-01", "--include", "lov-2017-9001"]) == 0
    act = Store(root).load("lab@2017-08-01")
    rec = act.consolidation
    # only the nummer not yet incorporated is executed; the record names its direct base, the official
    # base's source and every act since
    assert rec.base == "lab@2017-06-01" and rec.base_source == "LBK nr. 1342 af 21/11/2016"
    assert [(a.act, a.numre) for a in rec.applied][-1] == ("lov-2017-9001", ["§ 1, nr. 1", "§ 1, nr. 2", "§ 1, nr. 3"])
    assert "længerevarende offentlig" not in _text(act, "§ 68 a, stk. 1, nr. 1")
    assert rec.changed_by[next(u.wid for u in act.walk() if u.eid == "sec_68a__subsec_2")] == \
        "lov nr. 9002 af 15/01/2017, § 2, nr. 1"  # carried over from lab@2017-06-01
    assert act.source.endswith("og lov nr. 9001 af 01/02/2017")


def test_refusal_stops_everything_and_partial_records_it(root, capsys):
    bad = (FIX / "lov-2017-9001.yaml").read_text(encoding="utf-8").replace("ændres: 5 års", "ændres: 7 års")
    (root / "amendments/lov-2017-9001.yaml").write_text(bad, encoding="utf-8")
    assert main(["--root", str(root), "consolidate", "lab", "--at", "2017-06-01"]) == 1
    err = capsys.readouterr().err
    assert "lov nr. 9001 af 01/02/2017, § 1, nr. 1: kan ikke udføres: »7 års« findes ikke" in err
    assert "Traceback" not in err
    assert not (root / "statutes/lab/2017-06-01.xml").exists()  # nothing written
    assert main(["--root", str(root), "consolidate", "lab", "--at", "2017-06-01", "--partial"]) == 0
    assert "ikke udført: lov-2017-9001, § 1, nr. 1" in capsys.readouterr().err
    act = Store(root).load("lab@2017-06-01")
    assert [(s.act, s.nummer) for s in act.consolidation.not_executed] == [("lov-2017-9001", "§ 1, nr. 1")]
    assert "højst 5 års" in _text(act, "§ 68 a, stk. 5")  # the rest of the act was executed
    assert main(["--root", str(root), "show", "lab@2017-06-01", "§ 68 a, stk. 5"]) == 0
    assert "ufuldstændig: lov-2017-9001, § 1, nr. 1 er ikke udført" in capsys.readouterr().err


def test_unreadable_nummer_from_the_importer_is_a_refusal(root, capsys):
    text = (FIX / "lov-2017-9002.yaml").read_text(encoding="utf-8").replace(
        '''      - nummer: "2"
        ændringer:''', '''      - nummer: "3"
        ikke_udført:
          tekst: "I § 68 a ændres noget uforståeligt."
          årsag: "formuleringen kendes ikke"
      - nummer: "2"
        ændringer:''')
    (root / "amendments/lov-2017-9002.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConsolidateError) as e:
        consolidate(Store(root), "lab", "2017-06-01", root=root)
    assert "§ 2, nr. 3: kan ikke udføres: nummeret kunne ikke læses ved importen (formuleringen kendes ikke)" \
        in e.value.message


def test_unknown_include_and_bad_date_are_errors(root, capsys):
    assert main(["--root", str(root), "consolidate", "lab", "--at", "2017-06-01", "--include", "lov-2099-1"]) == 1
    assert "--include lov-2099-1: ingen ændringer af lab" in capsys.readouterr().err
    assert main(["--root", str(root), "consolidate", "lab", "--at", "1. juni"]) == 1
    assert main(["--root", str(root), "consolidate", "lab", "--at", "2000-01-01"]) == 1
    assert "ingen version af 2000-01-01 eller før" in capsys.readouterr().err


def test_preamble_names_the_acts_an_lbk_incorporates(store):
    inc = preamble_acts(store.load("lab@2016-11-21"))
    assert inc["lov-2015-994"] == {("35", None)}
    assert inc["lov-2016-625"] == {("5", None)}
    assert len(inc) == 8
    assert parse_scope("§ 1, nr. 1-3, 5 og 7") == {("1", "1"), ("1", "2"), ("1", "3"), ("1", "5"), ("1", "7")}
    assert parse_scope("§§ 1 og 3") == {("1", None), ("3", None)}
    assert parse_scope("loven") is None


def test_the_nummers_rykningsklausul_is_checked(root):
    """A rykningsklausul on the nummer (as the importer writes it) is checked as apply_proposal checks
    it: one that does not say what the engine did stops the consolidation; one that names only the
    first units of the run is accepted only if a later nummer moves the rest."""
    def with_clause(clause):
        bad = (FIX / "lov-2017-9001.yaml").read_text(encoding="utf-8").replace(
            "Stk. 4-9 bliver herefter stk. 5-10.", clause)
        (root / "amendments/lov-2017-9001.yaml").write_text(bad, encoding="utf-8")

    with_clause("Stk. 4-9 bliver herefter stk. 6-11.")
    with pytest.raises(ConsolidateError) as e:
        consolidate(Store(root), "lab", "2017-06-01", root=root)
    assert "§ 1, nr. 2: kan ikke udføres: rykningsklausulen »Stk. 4-9 bliver herefter stk. 6-11.« passer ikke" \
        in e.value.message
    act, _ = consolidate(Store(root), "lab", "2017-06-01", root=root, partial=True)
    assert [(s.act, s.nummer) for s in act.consolidation.not_executed] == [("lov-2017-9001", "§ 1, nr. 2")]

    with_clause("Stk. 4-8 bliver herefter stk. 5-9.")  # stk. 9 moves too, and no later nummer says where
    with pytest.raises(ConsolidateError) as e:
        consolidate(Store(root), "lab", "2017-06-01", root=root)
    assert "§ 1, nr. 2: kan ikke udføres: rykningsklausulen »Stk. 4-8 bliver herefter stk. 5-9.« nævner ikke " \
           "§ 68 a, stk. 10" in e.value.message
    act, _ = consolidate(Store(root), "lab", "2017-06-01", root=root, partial=True)
    assert [(s.act, s.nummer) for s in act.consolidation.not_executed] == [("lov-2017-9001", "§ 1, nr. 2")]


def test_include_takes_part_of_an_act(root, capsys):
    """`--include "lov-2017-9001:§ 1, nr. 3"` applies only that nummer (its date a minister sets); the act's
    other numre follow their own ikrafttræden (2017-03-01, after --at: not applied)."""
    assert main(["--root", str(root), "consolidate", "lab", "--at", "2017-02-15",
                 "--include", "lov-2017-9001:§ 1, nr. 3"]) == 0
    rec = Store(root).load("lab@2017-02-15").consolidation
    assert [(a.act, a.numre) for a in rec.applied] == [("lov-2017-9002", ["§ 2, nr. 2"]),
                                                        ("lov-2017-9001", ["§ 1, nr. 3"])]
    act = Store(root).load("lab@2017-02-15")
    assert "længerevarende offentlig" not in _text(act, "§ 68 a, stk. 1, nr. 1")  # nr. 3 executed
    assert "højst 5 års" in _text(act, "§ 68 a, stk. 4")  # nr. 1 not
    # the preambles' own forms: several numre, ranges, "og nr.", several §§ joined by ";"
    act, _ = consolidate(Store(root), "lab", "2017-02-15", include=["lov-2017-9001:§ 1, nr. 1 og nr. 3",
                                                                      "lov-2017-9002:§ 2"], root=root)
    assert [(a.act, a.numre) for a in act.consolidation.applied] == [
        ("lov-2017-9002", ["§ 2, nr. 1", "§ 2, nr. 2"]), ("lov-2017-9001", ["§ 1, nr. 1", "§ 1, nr. 3"])]
    act, _ = consolidate(Store(root), "lab", "2017-02-15", include=["lov-2017-9001:§ 1, nr. 1-2"], root=root)
    assert [(a.act, a.numre) for a in act.consolidation.applied][-1] == ("lov-2017-9001", ["§ 1, nr. 1", "§ 1, nr. 2"])


@pytest.mark.parametrize("spec, message", [
    ("lov-2017-9001:§ 1, nr. 9", "--include lov-2017-9001: § 1, nr. 9 findes ikke blandt lovens numre, der ændrer lab"),
    ("lov-2017-9001:§ 4", "--include lov-2017-9001: § 4 findes ikke blandt lovens numre, der ændrer lab"),
    ("lov-2017-9001:nr. 1-3", "»nr. 1-3« kan ikke læses som paragraffer og numre i lov-2017-9001"),
    ("lov-2017-9001:§ 1, nr. 1 og noget mere", "kan ikke læses som paragraffer og numre"),
    ("lov-2017-9001:", "kan ikke læses som paragraffer og numre"),
    ("lov-2017-9001:§§ 1 og 2, nr. 3", "kan ikke læses som paragraffer og numre"),
    ("lov 2017 9001", "--include »lov 2017 9001« kan ikke læses: ventede lov-ÅÅÅÅ-NNN"),
])
def test_include_that_cannot_be_read_is_refused(root, capsys, spec, message):
    assert main(["--root", str(root), "consolidate", "lab", "--at", "2017-02-15", "--include", spec]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) <= 2  # one line, and a hint
    assert not (root / "statutes/lab/2017-02-15.xml").exists()


def test_preamble_is_read_up_to_its_notes(tmp_path):
    """LBK 642/2012 lists "§ 1, nr. 1-13 og nr. 15-19, i lov nr. 1365" (both ranges), and its note says nr. 14
    "er ikke indarbejdet"; the notes of its base, LBK 838/2011, name numre it does not incorporate, and
    they are not counted as incorporated."""
    from lawdiff.consolidate import editor_notes
    from lawdiff.importers.lexdania import read_lexdania_file
    from tests.conftest import CORPUS

    lbk = read_lexdania_file(CORPUS / "2012/2012-642.xml").act
    inc = preamble_acts(lbk)
    assert inc["lov-2011-1365"] == {("1", str(i)) for i in [*range(1, 14), *range(15, 20)]}
    assert inc["lov-2010-1540"] == {("1", "14"), ("1", "15"), ("1", "16")}
    assert editor_notes(lbk).excluded == {"lov-2011-1365": {("1", "14")}}
    base = read_lexdania_file(CORPUS / "2011/2011-838.xml").act
    inc = preamble_acts(base)
    assert "lov-2010-912" not in inc  # "… er ikke indarbejdet …, da ændringerne først træder i kraft den 2. juli 2012"
    assert inc["lov-2010-1540"] == {("1", str(i)) for i in range(1, 14)} | {("2", None)}
    assert editor_notes(base).excluded == {"lov-2010-912": {None}, "lov-2010-1540": {("1", "14"), ("1", "15"), ("1", "16")}}


def test_a_minister_sentence_in_the_commencement_text_keeps_numre_pending():
    """Lov nr. 495 af 21/05/2013, § 3: "Stk. 1. Loven træder i kraft den 1. juli 2013, jf. dog stk. 2. Stk. 2.
    Tidspunktet for ikrafttrædelsen af lovens § 1, nr. 1 og 2, fastsættes af social- og
    integrationsministeren." The amendment file may hold only the general date; the sentence in its
    `øvrige` still keeps nr. 1 and 2 pending (LBK 1093/2013: "… er ikke indarbejdet …, da tidspunktet for
    ikrafttrædelsen af denne ændring fastsættes af …ministeren"), and a rule naming a nummer still wins."""
    from lawdiff.consolidate import AmendingAct, Nummer, ikraft_of, minister_rules

    act = AmendingAct("lov-2013-495", "x.yaml", "", "2013-05-21", "lov nr. 495 af 21/05/2013", [],
                      [{"dato": "2013-07-01"}, {"dato": "2013-08-01", "gælder": ["§ 1, nr. 2"]}],
                      ["§ 3\nStk. 1. Loven træder i kraft den 1. juli 2013, jf. dog stk. 2.\nStk. 2. Tidspunktet for "
                       "ikrafttrædelsen af lovens § 1, nr. 1 og 2, fastsættes af social- og integrationsministeren."])
    assert [s for s, _ in minister_rules(act)] == [{("1", "1"), ("1", "2")}]
    nr = {k: Nummer(act, "1", k, {}, ()) for k in ("1", "2", "3")}
    assert ikraft_of(nr["1"]).date is None and "ministeren fastsætter" in ikraft_of(nr["1"]).pending
    assert ikraft_of(nr["2"]).date == "2013-08-01"  # the rule that names it
    assert ikraft_of(nr["3"]).date == "2013-07-01"
    for text, scope in [
        ("Stk. 5. Beskæftigelsesministeren fastsætter tidspunktet for ikrafttrædelsen af § 1, nr. 1-6, og § 6.",
         {("1", str(i)) for i in range(1, 7)} | {("6", None)}),
        ("Undervisningsministeren fastsætter tidspunktet for lovens ikrafttræden, jf. dog stk. 2.", None),
        ("Skatteministeren fastsætter ikrafttrædelsen af § 1, nr. 1-7.", {("1", str(i)) for i in range(1, 8)}),
        ("Loven træder i kraft den 1. januar 2012.", "none"),
    ]:
        act.other = [text]
        got = minister_rules(act)
        assert (got == [] if scope == "none" else [s for s, _ in got] == [scope]), (text, got)


def test_the_importer_carries_a_ministers_ikrafttraeden_as_data_and_consolidate_uses_it(tmp_path):
    """Issue 8 §2 (ikrafttræden as data per nummer): lov nr. 495 af 21/05/2013, § 3, stk. 2, "Tidspunktet
    for ikrafttrædelsen af lovens § 1, nr. 1 og 2, fastsættes af social- og integrationsministeren.", is
    in the amendment file as a rule (`minister: true`, `gælder: ["§ 1, nr. 1 og 2"]`), and consolidate
    keeps those numre pending by the data alone (the verbatim commencement text taken out of the file);
    nr. 3 enters into force on the act's date. Lov nr. 154 af 28/02/2012: the commencement §'s label and
    heading ("§ 3 / Ikrafttrædelses- og overgangsbestemmelser / Loven træder i kraft den 5. marts 2012.")
    are no scope: the date is the whole act's (it was read as a rule for a "§ 3", which left its § 1
    without a date)."""
    from lawdiff.consolidate import ikraft_of, load_act
    from lawdiff.importers.amending import dump, read_amending_file
    from tests.chain_replay import link
    from tests.conftest import lexdania

    doc = read_amending_file(lexdania("2013/2013-495.xml")).doc
    assert doc["ikrafttræden"] == [{"dato": "2013-07-01"}, {"minister": True, "gælder": ["§ 1, nr. 1 og 2"]}]
    doc = link(doc, "lov om social service", "x", "x@2013-01-01", names={"lov om social service"})
    doc.pop("øvrige", None)  # the data alone decides
    f = tmp_path / "lov-2013-495.yaml"
    f.write_text(dump(doc), encoding="utf-8")
    act = load_act(f, "x")
    nr = {n.nummer: n for n in act.numre if n.paragraf == "1"}
    assert {"1", "2", "3"} <= set(nr)
    for k in ("1", "2"):
        assert ikraft_of(nr[k]).date is None and "ministeren fastsætter" in ikraft_of(nr[k]).pending
    assert ikraft_of(nr["3"]).date == "2013-07-01"

    assert read_amending_file(lexdania("2012/2012-154.xml")).doc["ikrafttræden"] == [{"dato": "2012-03-05"}]


def test_a_note_on_numre_not_incorporated_says_the_others_are():
    """LBK 1152/2011 (sygedagpengeloven) lists only lov 1599/2010 in its preamble; its note "De ændringer,
    der følger af § 1, nr. 4-10, i lov nr. 1539 af 21. december 2010, er ikke indarbejdet …" says that
    lov 1539/2010's other numre (nr. 1-3, in force 3/1/2011) are in it. They were executed a second time,
    and lov 1539/2010 ran at their date before lov 154/2012, so that its nr. 8 ("pr. dag" -> "pr. dag, jf.
    dog § 53 a") came before lov 154/2012, nr. 8 rewrote § 52, stk. 2 (LBK 653/2012 has "jf. dog § 53 a")."""
    from lawdiff.consolidate import AmendingAct, Nummer, incorporated, is_incorporated
    from lawdiff.importers.lexdania import read_lexdania_file
    from tests.conftest import lexdania

    base = read_lexdania_file(lexdania("2011/2011-1152.xml")).act
    inc = incorporated(base, None)
    act = AmendingAct("lov-2010-1539", "x.yaml", "", "2010-12-21", "lov nr. 1539 af 21/12/2010", [], [], [])
    got = {k: is_incorporated(inc, Nummer(act, "1", k, {}, ())) for k in ("1", "3", "4", "8", "10", "11")}
    assert got == {"1": True, "3": True, "4": False, "8": False, "10": False, "11": True}
    other = AmendingAct("lov-2010-1599", "y.yaml", "", "2010-12-22", "lov nr. 1599 af 22/12/2010", [], [], [])
    assert is_incorporated(inc, Nummer(other, "1", "1", {}, ()))


def test_two_acts_inserting_at_the_same_words_are_warned_about():
    """consolidate.same_place_warnings: numre of two acts inserting at the same words of the same address,
    or rewriting the same unit on the same date, are named in one warning; one act alone, or different
    words, is no warning."""
    from types import SimpleNamespace

    from lawdiff.consolidate import same_place_warnings

    def nummer(act, nr, **change):
        a = SimpleNamespace(id=act, source=f"lov nr. {act[-4:]}")
        return SimpleNamespace(act=a, cite=f"§ 1, nr. {nr}", attribution=f"{a.source}, § 1, nr. {nr}",
                               data={"ændringer": [change]})

    a1 = nummer("lov-2012-1387", 1, i="§ 12, stk. 3", indsættes_efter="borgerlige sager", tekst="og x")
    a2 = nummer("lov-2013-0429", 1, i="§ 12, stk. 3", indsættes_efter="borgerlige sager", tekst="og y")
    b1 = nummer("lov-2013-0429", 2, i="§ 12, stk. 3", indsættes_efter="andre ord", tekst="og z")
    steps = [("2013-07-01", a1.act, [a1]), ("2013-07-01", a2.act, [a2, b1])]
    [w] = same_place_warnings(steps, set())
    assert "lov nr. 1387, § 1, nr. 1 og lov nr. 0429, § 1, nr. 1 indsætter begge tekst efter »borgerlige sager« " \
           "i § 12, stk. 3" in w
    assert same_place_warnings(steps, {("lov-2013-0429", "§ 1, nr. 1")}) == []  # not executed: no conflict
    assert same_place_warnings([("2013-07-01", a2.act, [a2, b1])], set()) == []
    r1 = nummer("lov-2012-0001", 3, affattes="§ 5", tekst="§ 5. A.")
    r2 = nummer("lov-2012-0002", 4, affattes="§ 5", tekst="§ 5. B.")
    [w] = same_place_warnings([("2013-01-01", r1.act, [r1]), ("2013-01-01", r2.act, [r2])], set())
    assert "nyaffatter begge § 5 med virkning fra 2013-01-01" in w
    assert same_place_warnings([("2013-01-01", r1.act, [r1]), ("2014-01-01", r2.act, [r2])], set()) == []


def test_each_nummer_runs_at_its_own_entry_into_force(root):
    """Issue 9, per nummer: lov 9002's § 2, nr. 2 enters into force on 2017-02-01, its nr. 1 on
    2017-04-01, and lov 9001's numre on 2017-03-01 between them. Before, lov 9002 ran whole at
    2017-02-01; now it runs in two parts with lov 9001 between (its parts give the same text as one
    run, so R3 holds), and a warning names both acts."""
    act, plan = consolidate(Store(root), "lab", "2017-06-01", root=root)
    assert [(d, a.id, [n.cite for n in ns]) for d, a, ns in plan.steps] == [
        ("2017-02-01", "lov-2017-9002", ["§ 2, nr. 2"]),
        ("2017-03-01", "lov-2017-9001", ["§ 1, nr. 1", "§ 1, nr. 2"]),
        ("2017-04-01", "lov-2017-9002", ["§ 2, nr. 1"])]
    assert any("lov nr. 9002 af 15/01/2017 udføres i dele efter numrenes ikrafttræden (2017-02-01: § 2, nr. 2; "
               "2017-04-01: § 2, nr. 1) med lov nr. 9001 af 01/02/2017 imellem" in w for w in plan.warnings), plan.warnings
    # the record lists each act's numre in the act's order, and the last changer of each unit
    assert [(a.act, a.numre) for a in act.consolidation.applied] == [
        ("lov-2017-9002", ["§ 2, nr. 1", "§ 2, nr. 2"]), ("lov-2017-9001", ["§ 1, nr. 1", "§ 1, nr. 2"])]


def test_an_act_whose_parts_do_not_give_the_text_of_one_run_runs_whole(root):
    """An act whose later nummer cites a stk. that its earlier nummer (in force before another act)
    moves: nr. 1 inserts a new stk. 2 in § 68 a, nr. 2 changes words in "stk. 2, der bliver stk. 3" (the
    law before the act: R3). Run in parts, nr. 2 would meet the new stk. 2; so the act runs whole at its
    earliest date, as before, with a warning."""
    (root / "amendments" / "lov-2017-9003.yaml").write_text('''titel: Lov om ændring af lov om en aktiv beskæftigelsesindsats (tredje testlov)
organisation: Beskæftigelsesministeriet
dato: "2017-01-10"
status: vedtaget
kilde: lov nr. 9003 af 10. januar 2017
love:
  lab: lab@2016-11-21
paragraffer:
  - nummer: "1"
    lov: lab
    lovtitel: lov om en aktiv beskæftigelsesindsats
    numre:
      - nummer: "1"
        ændringer:
          - ny: stk
            i: "§ 68 a"
            som: stk. 2
            tekst: "Stk. 2. Ny regel om ressourceforløb."
        rykning: Stk. 2-9 bliver herefter stk. 3-10.
      - nummer: "2"
        ændringer:
          - i: "§ 68 a, stk. 2"
            der_bliver: stk. 3
            ændres: betydelige funktionsnedsættelser
            til: meget betydelige funktionsnedsættelser
ikrafttræden:
  - dato: "2017-01-20"
    gælder: ["§ 1, nr. 1"]
  - dato: "2017-05-01"
    gælder: ["§ 1, nr. 2"]
''', encoding="utf-8")
    act, plan = consolidate(Store(root), "lab", "2017-06-01", root=root, partial=True)
    mine = [(d, [n.cite for n in ns]) for d, a, ns in plan.steps if a.id == "lov-2017-9003"]
    assert mine == [("2017-01-20", ["§ 1, nr. 1", "§ 1, nr. 2"])], mine
    assert any("lov nr. 9003 af 10/01/2017s numre træder i kraft på forskellige dage" in w and
               "loven er udført samlet den 2017-01-20" in w for w in plan.warnings), plan.warnings
    assert "meget betydelige funktionsnedsættelser" in _text(act, "§ 68 a, stk. 3")
    assert "Ny regel om ressourceforløb" in _text(act, "§ 68 a, stk. 2")


def test_acts_amending_acts_reads_repeals_of_numre(tmp_path):
    """An ændringsparagraf that amends an amending act (its henvisning is "lov nr. N af …", as lov
    1379/2012, § 3): a nummer that only repeals numre ("§ 1, nr. 3 og 4, ophæves.") is a Repeal of those
    numre, and one that repeals a whole § too (lov 1380/2012, § 19: "§ 2, nr. 2, § 3 og § 7, nr. 1, ophæves");
    any other change of the act is an OtherChange (consolidate never executes it: it refuses the numre it
    touches, and warns about one that touches none)."""
    from lawdiff.consolidate import OtherChange, Repeal, acts_amending_acts

    (tmp_path / "amendments").mkdir()
    (tmp_path / "amendments" / "lov-2012-1379.yaml").write_text(
        "titel: Lov om ændring af lov om seniorjob\ndato: '2012-12-23'\nkilde: lov nr. 1379 af 23. december 2012\n"
        "ikrafttræden:\n- dato: '2013-01-01'\n"
        "paragraffer:\n"
        "- nummer: '3'\n  lovtitel: lov om ændring af lov om arbejdsløshedsforsikring m.v.\n"
        "  henvisning: lov nr. 928 af 18. september 2012\n"
        "  numre:\n  - nummer: '1'\n    ændringer:\n    - ophæves: § 1, nr. 3 og 4\n"
        "  - nummer: '2'\n    ændringer:\n    - ophæves: § 8, stk. 2\n"
        "  - nummer: '3'\n    ændringer:\n    - ophæves: § 2, nr. 2, § 3 og § 7, nr. 1\n",
        encoding="utf-8")
    found = acts_amending_acts(tmp_path)
    rep = [x for x in found if isinstance(x, Repeal)]
    other = [x for x in found if isinstance(x, OtherChange)]
    assert [(x.act, x.scope, x.by.cite) for x in rep] == [("lov-2012-928", {("1", "3"), ("1", "4")}, "§ 3, nr. 1"),
                                                         ("lov-2012-928", {("2", "2"), ("3", None), ("7", "1")},
                                                          "§ 3, nr. 3")]
    assert [(x.act, x.by.cite) for x in other] == [("lov-2012-928", "§ 3, nr. 2")]
    assert rep[0].by.attribution == "lov nr. 1379 af 23/12/2012, § 3, nr. 1"


def test_touches_reads_ranges_lists_and_the_ikrafttraeden_of_an_amending_act():
    """consolidate._touches on an amending act (§ 1 amends the law; § 2 another law; § 3 the ikrafttræden,
    whose stk. 2 dates § 1, nr. 5): a range or list of numre touches each; a date changed in the stk. that
    dates § 1's numre, or the whole ikrafttræden § repealed, touches their ikrafttræden; a change of § 2
    or of a stk. that dates only § 2 touches nothing."""
    from lawdiff.consolidate import AmendingAct, Nummer, _touches

    act = AmendingAct("lov-2013-1", "amendments/lov-2013-1.yaml", "t", "2013-01-01", "lov nr. 1 af 01/01/2013", [],
                      [], ["§ 3\nStk. 1. Loven træder i kraft den 1. juli 2013.\n"
                           "Stk. 2. § 1, nr. 5, træder i kraft den 1. januar 2014.\n"
                           "Stk. 3. § 2 har virkning fra den 1. januar 2013."])
    act.numre = [Nummer(act, "1", str(i), {}, ()) for i in range(1, 7)]
    by = AmendingAct("lov-2013-2", "amendments/lov-2013-2.yaml", "t", "2013-02-01", "lov nr. 2 af 01/02/2013", [],
                     [])

    def touches(*changes):
        numre, when = _touches(Nummer(by, "9", "1", {"ændringer": list(changes)}, ()), act)
        return [n.nummer for n in numre], when

    assert touches({"i": "§ 1, nr. 3-5", "ændres": "a", "til": "b"}) == (["3", "4", "5"], None)
    assert touches({"i": "§ 1, nr. 2 og 6", "ændres": "a", "til": "b"}) == (["2", "6"], None)
    assert touches({"i": "§ 3, stk. 2", "ændres": "1. januar 2014", "til": "1. juli 2014"}) == ([], "§ 3, stk. 2")
    assert touches({"i": "§ 3, stk. 1", "ændres": "1. juli 2013", "til": "1. januar 2014"}) == ([], "§ 3, stk. 1")
    assert touches({"ophæves": "§ 3"}) == ([], "§ 3")
    assert touches({"i": "§ 3, stk. 3", "ændres": "1. januar 2013", "til": "1. juli 2013"}) == ([], None)
    assert touches({"i": "§ 2, nr. 1", "ændres": "a", "til": "b"}) == ([], None)
