import shutil

from lawdiff.check import check_file, check_store
from lawdiff.store import Store
from tests.conftest import ROOT


def test_repository_statutes_pass():
    assert check_store(Store(ROOT).files()) == []


def _copy(tmp_path, law="lab", date="2016-11-21"):
    dst = tmp_path / "statutes" / law / f"{date}.xml"
    dst.parent.mkdir(parents=True)
    shutil.copy(ROOT / "statutes" / law / f"{date}.xml", dst)
    return dst


def test_numbering_gap_is_reported_with_file_and_line(tmp_path):
    f = _copy(tmp_path)
    f.write_bytes(f.read_bytes().replace(b"<num>Stk. 3.</num>", b"<num>Stk. 4.</num>", 1))
    problems = check_file(f)
    assert any("nummerering" in p.message and "ventede 3" in p.message for p in problems)
    assert all(p.line > 1 for p in problems if "nummerering" in p.message)


def test_duplicate_eid_and_schema_errors_are_reported(tmp_path):
    f = _copy(tmp_path)
    f.write_bytes(f.read_bytes().replace(b'eId="sec_2"', b'eId="sec_1"', 1))
    assert any("eId 'sec_1'" in p.message for p in check_file(f))
    f.write_bytes(f.read_bytes().replace(b"<num>", b"<nummer>", 1))
    assert check_file(f)


def test_pkt_reference_inconsistency_is_reported(tmp_path):
    f = _copy(tmp_path)
    # § 16 a, stk. 6 cites "§ 26 a, stk. 3, 2. pkt."; make § 26 a, stk. 3 a single punktum
    data = f.read_bytes()
    assert b"Samtalen efter \xc2\xa7 26 a, stk. 3, 2. pkt." in data
    data = data.replace(b"\xc2\xa7 26 a, stk. 3, 2. pkt.", b"\xc2\xa7 26 a, stk. 3, 9. pkt.", 1)
    f.write_bytes(data)
    assert any("9. pkt." in p.message for p in check_file(f))


def test_misnamed_file_is_reported(tmp_path):
    f = _copy(tmp_path)
    wrong = f.with_name("2000-01-01.xml")
    f.rename(wrong)
    assert any("skal hedde lab/2016-11-21.xml" in p.message for p in check_file(wrong))
