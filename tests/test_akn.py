import pytest
from lxml import etree

from lawdiff import akn
from lawdiff.importers.lexdania import read_lexdania_file
from tests.conftest import ROOT, lexdania


def test_every_stored_statute_validates_against_the_akn_xsd():
    files = sorted((ROOT / "statutes").glob("*/*.xml"))
    assert len(files) >= 6
    for f in files:
        assert akn.validate(etree.parse(str(f))) == [], f


def test_stored_files_round_trip_byte_identically():
    for f in sorted((ROOT / "statutes").glob("*/*.xml")):
        data = f.read_bytes()
        assert akn.to_bytes(akn.from_bytes(data, str(f))) == data, f


@pytest.mark.corpus
def test_whole_corpus_validates_and_round_trips(corpus_results):
    n = 0
    for rel, res in corpus_results.items():
        if not res.act:
            continue
        data = akn.to_bytes(res.act)
        root = etree.fromstring(data)
        assert akn.validate(root) == [], rel
        assert akn.duplicate_eids(root) == [], rel
        assert akn.to_bytes(akn.from_bytes(data, rel)) == data, rel
        n += 1
    assert n == 1024


def test_frbr_metadata():
    act = read_lexdania_file(lexdania("2016/2016-1342.xml")).act
    root = etree.fromstring(akn.to_bytes(act))
    ns = {"a": akn.NS}
    assert root.xpath("//a:FRBRWork/a:FRBRalias[@name='eli']/@value", namespaces=ns) == [
        "https://www.retsinformation.dk/eli/lta/2016/1342"]
    assert root.xpath("//a:FRBRWork/a:FRBRalias[@name='source']/@value", namespaces=ns) == [
        "LBK nr. 1342 af 21/11/2016"]
    assert root.xpath("//a:FRBRWork/a:FRBRdate/@date", namespaces=ns) == ["2016-11-21"]
    assert root.xpath("//a:FRBRWork/a:FRBRname/@value", namespaces=ns) == ["lov om en aktiv beskæftigelsesindsats"]
    assert root.xpath("//a:section[@eId='sec_68a']/a:num/text()", namespaces=ns) == ["§ 68 a."]


def test_schema_rejects_a_broken_document():
    act = read_lexdania_file(lexdania("2014/2014-1482.xml")).act
    root = etree.fromstring(akn.to_bytes(act))
    sec = root.find(f".//{{{akn.NS}}}section")
    etree.SubElement(sec, f"{{{akn.NS}}}bogus")
    assert akn.validate(root)
