"""Executed amending acts under amendments/: they reproduce the stored versions, from official text."""
from lxml import etree

from lawdiff import akn
from lawdiff.address import resolve
from lawdiff.engine import as_version, run
from lawdiff.importers.lexdania import _Reader
from lawdiff.proposal import load_proposal
from lawdiff.render.text import plain_text
from lawdiff.text import norm
from tests.conftest import ROOT, lexdania

SOURCE = "LBK nr. 731 af 15/06/2010 med § 2, nr. 4, i lov nr. 1380 af 23/12/2012"


def test_styringsloven_2012_is_reproduced_by_its_amendment(store):
    result = run(load_proposal(ROOT / "amendments/lov-2012-1380-styringsloven.yaml"), store)
    act = as_version(result.laws["styringsloven"], "2012-12-23", SOURCE)
    assert akn.to_bytes(act) == (ROOT / "statutes/styringsloven/2012-12-23.xml").read_bytes()


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
