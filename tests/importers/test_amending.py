"""The amending-act reader on real acts: data, warnings, refusals, YAML, loading, printing, CLI."""
import subprocess
import sys

import pytest
from lxml import etree

from lawdiff.importers.amending import dump, new_text, official_text, read_amending_file
from lawdiff.proposal import load_proposal, parse_proposal, select
from lawdiff.render.instructions import amendment_lines, nummer_lines
from lawdiff.text import norm
from lawdiff.yamlfile import ProposalError, load_yaml
from tests.conftest import lexdania


def _nummer(doc, par, nr):
    p = next(p for p in doc["paragraffer"] if p["nummer"] == par)
    return next(n for n in p["numre"] if n["nummer"] == nr)


def test_lov_173_2017_is_read_into_data():
    act = read_amending_file(lexdania("2017/2017-173.xml"))
    doc = act.doc
    assert doc["kilde"] == "lov nr. 173 af 20. februar 2017"
    p1 = doc["paragraffer"][0]
    assert (p1["nummer"], p1["lovtitel"], p1["henvisning"]) == (
        "1", "lov om en aktiv beskæftigelsesindsats", "lovbekendtgørelse nr. 1342 af 21. november 2016")
    assert _nummer(doc, "1", "1") == {"nummer": "1", "ændringer": [{"ophæves": "§ 16 a, stk. 6"}],
                                      "rykning": "Stk. 7 og 8 bliver herefter stk. 6 og 7."}
    nr5 = _nummer(doc, "1", "5")["ændringer"]  # "ændres: »uddannelse« …, og 2. pkt. ophæves."
    assert nr5[1] == {"ophæves": "§ 26 a, stk. 3, 2. pkt.", "forkortet": True}
    nr13 = _nummer(doc, "1", "13")["ændringer"][0]
    assert nr13["ny"] == "litra" and nr13["tekst"].startswith("b) har været ledig") and nr13["punktum_efter"]
    # the typo "ændres:" is read and reported with file, §, nummer
    assert any("§ 1, nr. 5: advarsel: »ændres:«" in w for w in act.warnings)


def test_new_text_is_one_line_per_unit_with_labels():
    root = etree.parse(str(lexdania("2012/2012-1380.xml"))).getroot()
    acp = [a for a in root.iter("AendringCentreretParagraf") if norm(a.findtext("Explicatus")) == "§ 2"][0]
    nr4 = [n for n in acp.findall("AendringsNummer") if norm(n.findtext("Explicatus")) == "4."][0]
    lines = new_text(nr4.find("Aendring/AendringAktion/AendringNyTekst")).split("\n")
    assert lines[:4] == ["Afsnit III a", "Rehabiliteringsteam m.v.", "Kapitel 3 a",
                         "Opgaver, formål og sammensætning af rehabiliteringsteam"]
    assert lines[4].startswith("§ 25 a. Kommunalbestyrelsen skal oprette")
    assert lines[6] == "Stk. 3. Rehabiliteringsteamet skal drøfte og give indstilling om,"
    assert lines[7].startswith("1) hvorvidt borgeren")


def test_every_nummer_of_an_act_prints_back_as_official():
    path = lexdania("2017/2017-173.xml")
    act = read_amending_file(path)
    doc = load_yaml(dump(act.doc).encode(), "x.yaml")[0]
    root = etree.parse(str(path)).getroot()
    for acp in root.iter("AendringCentreretParagraf"):
        par = norm(acp.findtext("Explicatus"))[2:]
        for an in acp.findall("AendringsNummer"):
            entry = _nummer(doc, par, norm(an.findtext("Explicatus")).rstrip("."))
            printed = norm(" ".join(nummer_lines(entry)))
            # also nr. 5, whose typo "ændres:" is warned about and kept as the act prints it
            assert printed == official_text(an)


def test_a_nummer_that_cannot_be_read_is_kept_verbatim_and_not_executed():
    # "I § 289, stk. 1, ophæves »6) Kreditorernes krav anmeldt efter § 278 er afgjort.«" (a nr. repealed by its text
    # in quotation marks; lov 1557/2010, § 1, nr. 48). Lov 724/2010, § 14, nr. 2 ("I §§ 3 og 4 ændres i alt tre steder
    # …"), the example before, is read since branch forms3; lov 388/2012, § 1, nr. 14, the one before that, since
    # "et sted" is (tests/changes/test_kinds.py)
    act = read_amending_file(lexdania("2010/2010-1557.xml"))
    refused = [r for r in act.refused if "§ 1, nr. 48:" in r]
    assert refused and refused[0].startswith("2010-1557.xml:")
    assert ", nr. " in refused[0] and "§ " in refused[0]
    loaded = parse_proposal(dump(act.doc).encode(), "lov-2010-1557.yaml")
    bad = [n for n in loaded.act.numre if n.refused]
    assert bad and all(not n.changes for n in bad)
    entry = bad[0].data
    assert nummer_lines(entry) == [entry["ikke_udført"]["tekst"]]


def test_yaml_is_deterministic_with_block_scalars():
    act = read_amending_file(lexdania("2012/2012-1380.xml"))
    a, b = dump(act.doc), dump(read_amending_file(lexdania("2012/2012-1380.xml")).doc)
    assert a == b
    assert "tekst: |-\n        Afsnit III a\n" in a


def test_loader_checks_imported_acts():
    act = read_amending_file(lexdania("2017/2017-173.xml"))
    text = dump(act.doc)
    p = parse_proposal(text.encode(), "lov-2017-173.yaml")
    assert p.act is not None and p.laws == {} and not p.changes  # not linked: nothing executed
    with pytest.raises(ProposalError, match="ukendt nøgle|kan ikke læses|nøgle"):
        parse_proposal(text.replace("ophæves: § 16 a, stk. 6", "ophæves: § 16 a, stk. 6\n      forkert: 1").encode(),
                       "x.yaml")
    with pytest.raises(ProposalError, match="henvisningen"):
        parse_proposal(text.replace("ophæves: § 16 a, stk. 6", "ophæves: paragraf seksten").encode(), "x.yaml")


def test_select_keeps_one_nummer(tmp_path):
    from tests.conftest import ROOT
    p = load_proposal(ROOT / "amendments/lov-2012-1380.yaml")
    one = select(p, "2", ["4"])
    assert [c.ref for c in one.changes] == ["§ 2, nr. 4"]
    with pytest.raises(ProposalError):
        select(p, "2", ["999"])


def _cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "lawdiff.cli", *args], cwd=cwd, capture_output=True, text=True)


def test_import_writes_amendment_file_and_refuses_to_overwrite(tmp_path):
    src = str(lexdania("2017/2017-173.xml"))
    r = _cli("--root", str(tmp_path), "import", "lexdania", src, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = tmp_path / "amendments" / "lov-2017-173.yaml"
    assert out.is_file()
    assert "findes ikke i lageret (ikke en fejl)" in r.stdout
    r2 = _cli("--root", str(tmp_path), "import", "lexdania", src, cwd=tmp_path)
    assert r2.returncode == 1 and "--force" in r2.stderr
    (tmp_path / "statutes").mkdir()  # a project without the amended acts: printed all the same
    r3 = _cli("--root", str(tmp_path), "instructions", str(out), cwd=tmp_path)
    assert r3.returncode == 0, r3.stderr
    lines = r3.stdout.splitlines()
    assert "§ 1" in lines and "1. § 16 a, stk. 6, ophæves." in lines
    assert "Stk. 7 og 8 bliver herefter stk. 6 og 7." in lines
    assert lines == amendment_lines(load_yaml(out.read_bytes(), str(out))[0])


def test_check_lists_numre_that_are_not_executed(tmp_path):
    from lawdiff.proposal import check_amendments
    folder = tmp_path / "amendments"
    folder.mkdir()
    act = read_amending_file(lexdania("2010/2010-1557.xml"))  # (§ 1, nr. 48 is not read)
    (folder / act.file_name).write_text(dump(act.doc), "utf-8")
    (folder / "broken.yaml").write_text(dump(act.doc).replace("status: vedtaget", "status: måske"), "utf-8")
    errors, notes = check_amendments(folder)
    assert len(errors) == 1 and "broken.yaml" in errors[0]
    assert len(notes) == len(act.refused) > 0
    assert notes[0].startswith(f"{folder / act.file_name}:") and "ikke udført:" in notes[0] and ", nr. " in notes[0]


def test_original_act_amending_other_acts_gives_an_amendment_file():
    # LOV 261/2016 (an original act) amends three acts in §§ 7-9
    act = read_amending_file(lexdania("2016/2016-261.xml"))
    pars = act.doc["paragraffer"]
    assert [p["nummer"] for p in pars] == ["7", "8", "9"]
    assert pars[0]["lovtitel"] == "lov om elforsyning"
    assert act.numre == 4 and "øvrige" not in act.doc
    parse_proposal(dump(act.doc).encode(), act.file_name)


def _ikraft(doc, cites):
    """What consolidate reads from the file's rules for each (§, nr.): the date, or why it is pending."""
    from lawdiff.consolidate import AmendingAct, Nummer, ikraft_of

    act = AmendingAct("x", "x.yaml", "", doc["dato"], doc["kilde"], [], doc.get("ikrafttræden", []))
    out = {}
    for par, nr in cites:
        ik = ikraft_of(Nummer(act, par, nr, {}, ()))
        out[(par, nr)] = ik.date or ik.pending
    return out


def test_original_act_gives_its_commencement_rules_per_nummer():
    """LOV 1537/2010 (privatvejsloven, LOV H) amends other acts in §§ 104-107; its § 101: "Loven træder i
    kraft den 1. januar 2012, jf. dog stk. 2 og 3. Stk. 2. § 107 træder i kraft dagen efter
    bekendtgørelsen i Lovtidende. Stk. 3. § 105, nr. 1 og 4, træder i kraft dagen efter bekendtgørelsen
    i Lovtidende." Its stk. 4 ("Veje, som … til bestemmelserne i § 105, nr. 1 og 4, træder i kraft, …")
    is no rule and no refusal."""
    act = read_amending_file(lexdania("2010/2010-1537.xml"))
    assert [p["nummer"] for p in act.doc["paragraffer"]] == ["104", "105", "106", "107"]
    assert act.doc["ikrafttræden"][0] == {"dato": "2012-01-01"}
    assert _ikraft(act.doc, [("104", "1"), ("105", "1"), ("105", "2"), ("105", "4"), ("106", "1"), ("107", "1")]) == {
        ("104", "1"): "2012-01-01", ("105", "1"): "publication", ("105", "2"): "2012-01-01",
        ("105", "4"): "publication", ("106", "1"): "2012-01-01", ("107", "1"): "publication"}
    assert not any("ikrafttrædelsesregel" in w for w in act.warnings)
    assert "øvrige" not in act.doc  # the act's other §§ are its own text, imported as an act version
    parse_proposal(dump(act.doc).encode(), act.file_name)


def test_original_act_with_a_minister_sentence_for_other_paragraphs():
    """LOV 594/2011 (ægtefælleskifteloven) § 86: "Loven træder i kraft den 1. marts 2012. §§ 70 og 71
    træder dog i kraft efter justitsministerens nærmere bestemmelse." §§ 70 and 71 are not among its
    ændringsparagraffer (§§ 81-85), whose numre get the general date."""
    act = read_amending_file(lexdania("2011/2011-594.xml"))
    assert act.doc["ikrafttræden"] == [{"dato": "2012-03-01"}, {"minister": True, "gælder": ["§§ 70 og 71"]}]
    assert set(_ikraft(act.doc, [("81", "1"), ("85", "12")]).values()) == {"2012-03-01"}
    assert "ministeren fastsætter" in _ikraft(act.doc, [("70", None)])[("70", None)]


def test_original_act_whose_minister_sets_the_date_except_for_some_paragraphs():
    """LOV 136/2017 § 21: "Energi-, forsynings- og klimaministeren fastsætter tidspunktet for lovens
    ikrafttræden, jf. dog stk. 2. … Stk. 2. §§ 12, 13, 22 og 24 træder i kraft den 1. juli 2017." (", jf.
    dog" after the minister's sentence was not read before.) Its ændringsparagraffer are §§ 23 and 24;
    a sentence that only mentions an ikrafttræden ("… ikrafttræden af lov … fastsættes til …", lov
    1528/2010 § 77) is no commencement sentence."""
    act = read_amending_file(lexdania("2017/2017-136.xml"))
    assert act.doc["ikrafttræden"] == [{"minister": True}, {"dato": "2017-07-01", "gælder": ["§§ 12, 13, 22 og 24"]}]
    got = _ikraft(act.doc, [("23", "1"), ("24", "1")])
    assert "ministeren fastsætter" in got[("23", "1")] and got[("24", "1")] == "2017-07-01"
    assert "ikrafttræden" in read_amending_file(lexdania("2010/2010-1528.xml")).doc


def test_original_act_whose_commencement_sentence_cannot_be_read_gets_no_rule(tmp_path):
    """Refuse, never guess: had § 86's second sentence a form the reader does not know, the general
    date might be applied to numre it excepts; so no rule at all, and a warning naming § 86."""
    from lawdiff.importers.amending import read_amending

    data = lexdania("2011/2011-594.xml").read_bytes().replace(
        "efter justitsministerens nærmere bestemmelse".encode(), "senere".encode())
    act = read_amending(data, "2011-594.xml")
    assert "ikrafttræden" not in act.doc
    assert set(_ikraft(act.doc, [("81", "1")]).values()) == {"lovens ikrafttræden står ikke i ændringsfilen"}
    assert any(w.startswith("2011-594.xml:") and "§ 86. »§§ 70 og 71 træder dog i kraft senere.«" in w
               for w in act.warnings)


def test_a_labels_full_stop_set_as_a_heading_is_joined_to_the_label():
    # lov 1380/2012 §§ 21-23: <Explicatus>§ 21</Explicatus><Rubrica><Linea><Char>.</Char>…; printed
    # "§ 21\n." in øvrige before
    act = read_amending_file(lexdania("2012/2012-1380.xml"))
    others = {o["nummer"]: o["tekst"] for o in act.doc["øvrige"]}
    assert others["21"].startswith("§ 21.\nStk. 1. Loven træder i kraft den 1. januar 2013")
    assert others["23"].startswith("§ 23.\nEn sikringspligtig forsikringstager")
    assert not any(line.strip() == "." for t in others.values() for line in t.split("\n"))
    warned = [w for w in act.warnings if "stod som overskrift" in w]
    assert warned == [f"2012-1380.xml:{n}: punktummet efter »§ {p}« stod som overskrift (<Rubrica>) i kilden; "
                      f"læst som »§ {p}.«" for n, p in ((6591, 21), (6672, 22), (6880, 23))]


def test_numre_the_source_nests_inside_a_closed_new_text_are_read_as_the_next_numre():
    """lov 251/2012: the markup puts § 1, nr. 2-6 inside nr. 1's new text, after its closing «.
    They were inserted as law text by nr. 1 (and never executed); now they are numre of their
    own, with a warning naming file:line."""
    act = read_amending_file(lexdania("2012/2012-251.xml"))
    (par,) = act.doc["paragraffer"]
    assert [n["nummer"] for n in par["numre"]] == ["1", "2", "3", "4", "5", "6", "7"]
    (change,) = _nummer(act.doc, "1", "1")["ændringer"]
    assert change["tekst"].endswith("omkostningstillægget efter stk. 3.") and "To steder" not in change["tekst"]
    assert "»han« til: »medlemmet«" not in change["tekst"]
    assert any(w.startswith("2012-251.xml:97: nr. 2. står i kilden inde i den nye tekst til nr. 1.;")
               for w in act.warnings)
    assert not act.refused


def test_paragraphs_the_source_nests_inside_a_new_text_are_read_as_the_acts_next_paragraphs():
    """lov 1567/2010: § 3 (an ændringsparagraf) and the ikrafttræden § 4 stand inside § 2, nr. 5's
    new § 14; they were inserted as law text. Their numbers continue the act's §§, so they are
    read as the act's § 3 and § 4."""
    act = read_amending_file(lexdania("2010/2010-1567.xml"))
    assert [p["nummer"] for p in act.doc["paragraffer"]] == ["1", "2", "3"]
    text = str(_nummer(act.doc, "2", "5"))
    assert "De hidtil gældende regler" not in text and "foretages følgende ændring" not in text
    assert [o.get("nummer") for o in act.doc["øvrige"]] == ["4"]
    assert any(w.startswith("2010-1567.xml:746: § 4 står i kilden inde i den nye tekst til § 2;") for w in act.warnings)


def test_new_text_that_quotes_amendment_numre_keeps_them():
    """lov 1609/2010 § 4, nr. 1 inserts text that itself holds a nummer (nr. 7) inside its quote:
    nothing is moved out or refused."""
    act = read_amending_file(lexdania("2010/2010-1609.xml"))
    assert [n["nummer"] for n in act.doc["paragraffer"][3]["numre"]] == ["1", "2"]
    assert "I § 2, nr. 5, ændres" in str(_nummer(act.doc, "4", "1"))
    assert not act.refused and not any("inde i den nye tekst" in w for w in act.warnings)


def test_citation_problem_is_parse_citations_verdict():
    from lawdiff.address import parse_citation
    from lawdiff.errors import AddressError
    from lawdiff.importers.amending import _citation_problem
    for c in ("§ 5, stk. 2", "§ 16, stk. 1, og § 18, stk. 1, 1. pkt.", "hest", "§ 5, stk.", "§ 5, stk. 2"):
        try:
            parse_citation(c)
            want = None
        except AddressError as e:
            want = e.message
        assert _citation_problem(c) == want
    assert _citation_problem("hest") is not None
