"""An amending act's § given as its label alone, with its text in the next element (issue 8): 14 amending
acts of the corpus print their ikrafttræden § as an <AendringCentreretParagraf> holding only "§ 3",
followed by an <IkraftCentreretParagraf> whose Stk.s (in <Exitus>) have no label. The reader kept "§ 3"
with no text and the text apart, unnumbered, so a change of "§ 3, stk. 2" (an act amending the act)
found no text to read."""
import pytest
from lxml import etree

from lawdiff.importers import amending
from lawdiff.importers.amending import read_amending_file
from tests.conftest import CORPUS, lexdania


def test_lov_573_2011_paragraf_3_holds_its_ikrafttraeden_text():
    act = read_amending_file(lexdania("2011/2011-573.xml"))
    assert act.doc["øvrige"] == [{"nummer": "3", "tekst": (
        "§ 3\nStk. 1. Undervisningsministeren fastsætter tidspunktet for lovens ikrafttræden, jf. dog stk. 2.\n"
        "Stk. 2. § 1, nr. 10 og 13, træder i kraft dagen efter bekendtgørelsen i Lovtidende.")}]
    assert act.doc["ikrafttræden"] == [{"minister": True},
                                       {"bekendtgørelse": "dagen efter", "gælder": ["§ 1, nr. 10 og 13,"]}]
    assert "2011-573.xml:460: § 3 står i kilden som betegnelse alene, og paragraffens tekst står i det næste " \
        "element (linje 463, <IkraftCentreretParagraf> uden betegnelse); læst som én paragraf, § 3" in act.warnings


def test_the_chain_reads_the_paragraf_by_its_number():
    from lawdiff.consolidate import _own_paragraphs

    act = type("A", (), {"other": [o["tekst"] for o in read_amending_file(lexdania("2010/2010-912.xml")).doc["øvrige"]]})()
    assert _own_paragraphs(act) == {"2": "§ 2\nLoven træder i kraft den 2. juli 2012."}


def test_a_label_followed_by_a_labelled_paragraf_is_not_joined():
    """Only the shape seen: the next element has no label of its own and no numre."""
    root = etree.parse(str(lexdania("2011/2011-573.xml"))).getroot()
    ik = next(root.iter("IkraftCentreretParagraf"))
    label = etree.SubElement(ik, "Explicatus")
    label.text = "§ 4"
    ik.insert(0, label)
    doc = amending.read_amending_root(root, "x.xml").doc
    assert doc["øvrige"][0] == {"nummer": "3", "tekst": "§ 3"}
    assert doc["øvrige"][1]["nummer"] == "4"


@pytest.mark.corpus
def test_every_label_alone_in_the_corpus_gets_its_text():
    """The measure over the corpus's amending acts (LOV Æ): 14 give a § as its label alone (13 an
    ikrafttræden §, lov 1614/2013 an ændringsparagraf), 14 ændringsparagraffer in 5 acts are marked up as
    ikrafttræden §§; after reading, no § of any amending act is kept as its label alone, and numre left
    as text are reported (none left: lov 405/2010's are read)."""
    joined, marked, alone, left = [], [], [], []
    for f in sorted(CORPUS.glob("*/*.xml")):
        data = f.read_bytes()
        if b"LOV \xc3\x86" not in data[:3000] or b"<IkraftCentreretParagraf>" not in data:
            continue
        act = read_amending_file(f)
        joined += [w for w in act.warnings if "står i kilden som betegnelse alene" in w or "står alene i linje" in w]
        marked += [w for w in act.warnings if "er i kilden mærket som ikrafttrædelsesparagraf" in w]
        left += [w for w in act.warnings if "ikke kan læses som en ændringsparagraf" in w]
        alone += [f"{f.name} {o}" for o in act.doc.get("øvrige") or [] if o.get("nummer") and "\n" not in o["tekst"]
                  and o["tekst"].strip() == f"§ {o['nummer']}"]
    assert len(joined) == 14, joined
    assert len(marked) == 14 and len({w.split(":")[0] for w in marked}) == 5, marked
    assert alone == []
    # lov 405/2010's were the only ones; they are read now (amending._continued, tests/test_retsplej.py)
    assert left == []


def test_an_amending_paragraf_marked_as_ikraft_is_read_with_its_numre():
    """Lov 706/2010 §§ 2-7 amend six other laws, each an <IkraftCentreretParagraf> holding one Stk with the
    intro and the numre: they were kept as text under `øvrige` (30 numre, unexecuted, no word said)."""
    act = read_amending_file(lexdania("2010/2010-706.xml"))
    pars = {p["nummer"]: p for p in act.doc["paragraffer"]}
    assert {k: len(p["numre"]) for k, p in pars.items()} == {"1": 7, "2": 15, "3": 5, "4": 4, "5": 4, "6": 1, "7": 1}
    assert pars["3"]["lovtitel"] == "sundhedsloven"
    assert [o["nummer"] for o in act.doc["øvrige"]] == ["8", "9"]
    assert sum("er i kilden mærket som ikrafttrædelsesparagraf" in w for w in act.warnings) == 6
    # lov 1614/2013 § 3: the label alone, then the ændringsparagraf unlabelled
    act = read_amending_file(lexdania("2013/2013-1614.xml"))
    pars = {p["nummer"]: p for p in act.doc["paragraffer"]}
    assert pars["3"]["lovtitel"] == "lov om medie- og journalisthøjskolen"
    assert pars["3"]["numre"][0]["nummer"] == "1"
    assert [o["nummer"] for o in act.doc["øvrige"]] == ["5"]


def test_numre_in_an_unlabelled_ikraft_paragraf_after_a_paragraf_are_its_own():
    """Lov 405/2010 prints § 1's nr. 2-3 (and nr. 1's rykning "Nr. 2-5 bliver herefter nr. 3-6.") inside an
    unlabelled <IkraftCentreretParagraf> right after § 1. No § can stand unnumbered, the numbers go on from
    § 1's last and the clause is nr. 1's (it inserts a nr. 2): read as § 1's, with a warning (were kept
    verbatim; the full test: tests/test_retsplej.py)."""
    act = read_amending_file(lexdania("2010/2010-405.xml"))
    assert [n["nummer"] for n in act.doc["paragraffer"][0]["numre"]] == ["1", "2", "3"]
    assert any(w.startswith("2010-405.xml:92: § 1, nr. 2-3 står i kilden i en ikrafttrædelsesparagraf") for w in act.warnings)
