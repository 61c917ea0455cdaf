"""Executed amending acts under amendments/: they reproduce the stored versions, from official text."""
from lxml import etree

from lawdiff import akn
from lawdiff.address import resolve
from lawdiff.engine import as_version, run
from lawdiff.importers.amending import dump, read_amending_file
from lawdiff.importers.lexdania import _Reader
from lawdiff.proposal import load_proposal, select
from lawdiff.render.text import plain_text
from lawdiff.text import norm
from tests.conftest import ROOT, lexdania

SOURCE = "LBK nr. 731 af 15/06/2010 med § 2, nr. 4, i lov nr. 1380 af 23/12/2012"
FILE = ROOT / "amendments/lov-2012-1380.yaml"


def test_styringsloven_2012_is_reproduced_by_executing_section_2_nr_4(store):
    act = load_proposal(FILE)
    assert act.laws["styringsloven"] == "styringsloven@2010-06-15"
    result = run(select(act, "2", ["4"]), store)
    assert [c.ref for c in result.laws["styringsloven"].placements[0:1] for c in [c.change]] == ["§ 2, nr. 4"]
    new = as_version(result.laws["styringsloven"], "2012-12-23", SOURCE)
    assert akn.to_bytes(new) == (ROOT / "statutes/styringsloven/2012-12-23.xml").read_bytes()


def test_the_amendment_file_is_what_the_importer_writes_today():
    # the file is the imported act (apart from `lov`/`love`, which link it to the store: § 1 to lab,
    # § 2 to styringsloven)
    doc = read_amending_file(lexdania("2012/2012-1380.xml")).doc
    written = FILE.read_text("utf-8")
    assert "lov: styringsloven" in written and "lov: lab" in written
    stripped = written.replace("  lov: styringsloven\n", "").replace("  lov: lab\n", "").replace(
        "love:\n  lab: lab@2012-06-28\n  styringsloven: styringsloven@2010-06-15\n", "love: {}\n")
    assert stripped == dump(doc)


def test_section_25a_equals_the_official_text_of_lov_1380(store):
    root = etree.parse(str(lexdania("2012/2012-1380.xml"))).getroot()
    reader = _Reader("2012-1380.xml", False)
    official = {}
    for acp in root.iter("AendringCentreretParagraf"):
        if norm(acp.findtext("Explicatus") or "") == "§ 2":
            for p in acp.iter("Paragraf"):
                for sec in reader.sections(p):
                    official[sec.num] = norm(plain_text(sec))
    assert set(official) >= {"25 a", "25 b", "25 c", "25 d", "25 e"}
    act = store.load("styringsloven@2012-12-23")
    for num in ("25 a", "25 b", "25 c", "25 d", "25 e"):
        assert norm(plain_text(resolve(act, f"§ {num}").units[0])) == official[num]
    part = next(u for u in act.walk() if u.kind == "part" and u.num == "III a")
    assert part.heading.text == "Rehabiliteringsteam m.v."
    assert [c.num for c in part.children] == ["3 a", "3 b"]
