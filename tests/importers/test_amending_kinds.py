"""Wordings the reader learned for the ≥ 99 % round trip, each on a real nummer of the corpus:
read → YAML → print back word for word (the official text is the oracle), and executed by the
engine on the amended act as it stood (its LBK from the corpus) with the meaning the act states."""
import copy

import pytest
from lxml import etree

from lawdiff.engine import apply_proposal
from lawdiff.errors import LawdiffError
from lawdiff.importers import amending
from lawdiff.importers.lexdania import read_lexdania_file
from lawdiff.importers.text import read_unit
from lawdiff.model import Table
from lawdiff.proposal import parse_proposal, select
from lawdiff.render.instructions import nummer_lines
from lawdiff.text import norm
from lawdiff.yamlfile import load_yaml
from tests.conftest import lexdania


def _entry(act_path: str, par: str, nr: str) -> tuple[dict, str]:
    """The nummer as loaded from the written YAML, and the official text of it."""
    act = amending.read_amending_file(lexdania(act_path))
    doc = load_yaml(amending.dump(act.doc).encode(), "x.yaml")[0]
    entry = next(e for p in doc["paragraffer"] if p["nummer"] == par for e in p["numre"] if e["nummer"] == nr)
    root = etree.parse(str(lexdania(act_path))).getroot()
    for acp in root.iter("AendringCentreretParagraf"):
        if norm(acp.findtext("Explicatus")) == f"§ {par}":
            for an in acp.findall("AendringsNummer"):
                if norm(an.findtext("Explicatus")).rstrip(".") == nr:
                    return entry, amending.official_text(an)
    raise AssertionError("nummer not in the source")


def _execute(act_path: str, base_path: str, par: str, nr: str):
    """Run one nummer of the act on its base LBK (as `lawdiff apply --nummer` does)."""
    base = read_lexdania_file(lexdania(base_path), law="x").act
    doc = copy.deepcopy(amending.read_amending_file(lexdania(act_path)).doc)
    p = next(q for q in doc["paragraffer"] if q["nummer"] == par)
    p["lov"] = "x"
    doc["paragraffer"], doc["love"] = [p], {"x": f"x@{base.date}"}
    doc.pop("øvrige", None)
    prop = select(parse_proposal(amending.dump(doc).encode(), "a.yaml"), par, [nr])
    return base, apply_proposal(prop, {"x": base})["x"]


def test_new_text_with_a_table_round_trips_and_executes_as_a_table():
    # lov nr. 1384 af 28/12/2011, § 1, nr. 1: "§ 3, stk. 1, affattes således:" + text and a table
    entry, official = _entry("2011/2011-1384.xml", "1", "1")
    tekst = entry["ændringer"][0]["tekst"]
    assert "\n| Under | 20,0 | men ikke under | 18,2 | 560 | |\n" in tekst
    assert norm(" ".join(nummer_lines(entry))) == official
    base, lr = _execute("2011/2011-1384.xml", "2011/2011-835.xml", "1", "1")
    stk = next(s for s in lr.new.sections() if s.num == "3").children[0]
    assert [type(b).__name__ for b in stk.intro] == ["Line", "Table"]
    assert [c.text for c in stk.intro[1].rows[1]] == ["Kilometer pr. liter mindst", "20,0", "290", ""]
    # the table's words are those of the next official LBK (nr. 637 af 20/06/2012), § 3, stk. 1
    target = read_lexdania_file(lexdania("2012/2012-637.xml"), law="x").act
    want = [b.text for b in next(s for s in target.sections() if s.num == "3").children[0].intro
            if isinstance(b, Table)]  # the LBK prints A and B as two tables, the act as one
    assert norm(stk.intro[1].text) == norm(" ".join(want))


def test_table_rows_in_drafted_text():
    unit = read_unit("subsection", "Afgiften er:\n| A | 1 |\n| B | |\nOg mere tekst.")
    assert [type(b).__name__ for b in unit.intro] == ["Line", "Table", "Line"]
    assert isinstance(unit.intro[1], Table) and [c.text for c in unit.intro[1].rows[1]] == ["B", ""]


def test_new_mellemrubrik_before_a_paragraf():
    # lov nr. 634 af 14/06/2011, § 1, nr. 16: "Før § 13 indsættes som ny overskrift: »Vedtægter«"
    entry, official = _entry("2011/2011-634.xml", "1", "16")
    assert entry["ændringer"] == [{"ny": "overskrift", "før": "§ 13", "tekst": "Vedtægter"}]
    assert norm(" ".join(nummer_lines(entry))) == official
    _base, lr = _execute("2011/2011-634.xml", "2010/2010-753.xml", "1", "16")
    sec = next(s for s in lr.new.sections() if s.num == "13")
    group = next(u for u in lr.new.walk() if sec in u.children)
    assert group.kind == "group" and group.heading.text == "Vedtægter" and group.children[0] is sec


def test_placement_of_several_parts_is_kept():
    # lov nr. 641 af 12/06/2013, § 1, nr. 24: "Efter § 35 indsættes i kapitel 6 efter overskriften før § 36:"
    entry, official = _entry("2013/2013-641.xml", "1", "24")
    assert entry["ændringer"][0]["placering"] == "i kapitel 6 efter overskriften før § 36"
    assert norm(" ".join(nummer_lines(entry))) == official


def test_quotes_with_spaces_and_til_without_colon_print_as_the_act_has_them():
    entry, official = _entry("2010/2010-1564.xml", "2", "1")  # "ændres »1,25 « til: »1,2« og …"
    assert entry["ændringer"][0]["ændres"] == "1,25" and entry["ændringer"][0]["mellemrum"] == {"ændres": "efter"}
    assert norm(" ".join(nummer_lines(entry))) == official
    entry, official = _entry("2012/2012-1287.xml", "11", "7")  # "ændres »nr. 19« til »nr. 18«."
    assert entry["ændringer"][0]["til_kolon"] is False
    assert norm(" ".join(nummer_lines(entry))) == official


def test_rykningsklausul_in_a_layout_table_of_the_instruction():
    # lov nr. 1230 af 15/12/2010, § 1, nr. 11: "§ 19, stk. 2 og 3, ophæves." + a one-cell table
    # holding "Stk. 4 bliver herefter stk. 2."; nr. 4: the table is a second <Aendring> of its own
    entry, official = _entry("2010/2010-1230.xml", "1", "11")
    assert entry["rykning"] == "Stk. 4 bliver herefter stk. 2."
    assert norm(" ".join(nummer_lines(entry))) == official
    entry, official = _entry("2010/2010-1230.xml", "1", "4")
    assert entry["rykning"] == "Stk. 3 bliver herefter stk. 4." and entry["ændringer"][0]["ny"] == "stk"
    assert norm(" ".join(nummer_lines(entry))) == official
    base, lr = _execute("2010/2010-1230.xml", "2010/2010-775.xml", "1", "11")
    assert [u.num for u in next(s for s in lr.new.sections() if s.num == "19").children] == ["1", "2"]


def test_several_anchors_with_one_new_text_are_one_change_each():
    # lov nr. 113 af 15/02/2012, § 1, nr. 16: "indsættes efter »kan institutionen« og efter »dertil,«: »…«"
    entry, official = _entry("2012/2012-113.xml", "1", "16")
    a, b = entry["ændringer"]
    assert a["fælles"] and a["indsættes_efter"] == "kan institutionen" and a["tekst"] == "uden retskendelse"
    assert b["samme_sted"] and b["indsættes_efter"] == "dertil," and b["tekst"] == "uden retskendelse"
    assert norm(" ".join(nummer_lines(entry))) == official
    _base, lr = _execute("2012/2012-113.xml", "2010/2010-1162.xml", "1", "16")
    stk8 = next(s for s in lr.new.sections() if s.num == "60").children[7]
    text = norm(" ".join(b.text for b in stk8.intro))
    assert "kan institutionen uden retskendelse gennemlæse" in text
    assert "bemyndiges dertil, uden retskendelse træffe" in text
    # lov nr. 542 af 26/05/2010, § 1, nr. 1: "Overalt i loven ændres »A« og »B« til: »C«."
    entry, official = _entry("2010/2010-542.xml", "1", "1")
    assert [c["ændres"] for c in entry["ændringer"]] == ["Dansk Olie og Naturgas A/S", "Dansk Olie & Naturgas A/S"]
    assert all(c["til"] == "DONG Oil Pipe A/S" and c["overalt"] for c in entry["ændringer"])
    assert norm(" ".join(nummer_lines(entry))) == official


def _act_with(change: dict) -> bytes:
    doc = {"titel": "Lov om ændring af lov om en aktiv beskæftigelsesindsats", "organisation": "Folketinget",
           "dato": "2017-01-01", "status": "vedtaget", "kilde": "lov nr. 1 af 1. januar 2017",
           "love": {"lab": "lab@2016-11-21"},
           "paragraffer": [{"nummer": "1", "lov": "lab", "lovtitel": "lov om en aktiv beskæftigelsesindsats",
                            "henvisning": "lovbekendtgørelse nr. 1342 af 21. november 2016",
                            "numre": [{"nummer": "1", "ændringer": [change]}]}]}
    return amending.dump(doc).encode()


def test_a_placement_the_engine_cannot_honour_is_refused_never_misplaced(store):
    new = {"ny": "paragraf", "nummer": "68 h", "efter": "§ 68 g", "tekst": "§ 68 h. Ny."}
    lab = store.load("lab@2016-11-21")
    # § 68 g ends kapitel 12 b: "i kapitel 12 b" is where the engine puts the new §
    lr = apply_proposal(parse_proposal(_act_with({**new, "placering": "i kapitel 12 b"}), "a.yaml"), {"lab": lab})["lab"]
    chap = next(u for u in lr.new.walk() if u.kind == "chapter" and u.num == "12 b")
    assert [s.num for s in chap.walk() if s.kind == "section"][-1] == "68 h"
    # "efter overskriften før § 69": § 68 g stands right before that mellemrubrik, which opens chapter 13
    # (changes/insert._heading_opener): the new § opens its group, in chapter 13
    lr = apply_proposal(parse_proposal(_act_with({**new, "placering": "i kapitel 13 efter overskriften før § 69"}),
                                       "a.yaml"), {"lab": lab})["lab"]
    chap = next(u for u in lr.new.walk() if u.kind == "chapter" and u.num == "13")
    assert chap.children[0].kind == "group" and [s.num for s in chap.children[0].children[:2]] == ["68 h", "69"]
    for placering, words in (("i kapitel 13", "passer ikke"), ("i kapitel 13 efter overskriften før § 70", "passer ikke"),
                             ("i kapitel 13 efter overskriften til kapitel 13", "endnu ikke")):
        with pytest.raises(LawdiffError) as e:
            apply_proposal(parse_proposal(_act_with({**new, "placering": placering}), "a.yaml"), {"lab": lab})
        assert words in str(e.value) and "§ 1, nr. 1" in str(e.value)
