"""The lawdiff command end to end, in a fresh process, as a user runs it."""
import subprocess
import sys

from tests.conftest import CORPUS, ROOT


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "lawdiff.cli", *args], cwd=cwd, capture_output=True, text=True)


def test_show_unit_and_pkt():
    r = run("show", "lab@2016-11-21", "§ 68 a, stk. 1")
    assert r.returncode == 0 and r.stdout.startswith("Personer under 40 år, der har komplekse problemer")
    r = run("show", "lab", "§ 30 a, stk. 3, nr. 2")
    assert r.returncode == 0 and "indsats på disse områder" in r.stdout
    r = run("show", "lab", "§\u00a068\u00a0a,\u00a0stk.\u00a08,\u00a02.\u00a0pkt.")
    assert r.stdout.strip() == "Fylder personen 40 år under et ressourceforløb, fortsætter forløbet, til det er afsluttet."


def test_show_whole_act_in_official_layout():
    r = run("show", "organiseringsloven")
    assert r.returncode == 0
    assert "\nKapitel 1 " in r.stdout and "\n§ 1. " in r.stdout and "\nStk. 2. " in r.stdout


def test_show_errors_name_the_nearest_units():
    r = run("show", "lab", "§ 68 z")
    assert r.returncode == 1 and "§ 68 z findes ikke" in r.stderr and "§ 69" in r.stderr
    r = run("show", "lab@1999-01-01", "§ 1")
    assert r.returncode == 1 and "versioner: 2011-06-23, 2012-06-27, " in r.stderr and "2015-07-01, 2016-11-21" in r.stderr
    r = run("show", "nosuchlaw")
    assert r.returncode == 1 and "kendte love" in r.stderr
    assert "Traceback" not in r.stderr


def test_check_passes_on_the_repository():
    r = run("check")
    assert r.returncode == 0, r.stdout
    assert "0 problemer" in r.stdout


def test_import_into_an_empty_root(tmp_path):
    files = [str(CORPUS / "2016/2016-1342.xml"), str(CORPUS / "2012/2012-1380.xml")]
    r = run("--root", str(tmp_path), "import", "lexdania", *files)
    assert r.returncode == 0, r.stderr
    assert "1 lov importeret, 1 ændringslov genkendt, 0 fejl" in r.stdout
    assert (tmp_path / "statutes/lab/2016-11-21.xml").read_bytes() == (ROOT / "statutes/lab/2016-11-21.xml").read_bytes()
    assert run("--root", str(tmp_path), "check").returncode == 0


def test_failed_file_leaves_nothing_half_written(tmp_path):
    """Each good file is imported whole; a bad one is reported and leaves no trace."""
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<Dokument><Meta>")
    r = run("--root", str(tmp_path), "import", "lexdania", str(CORPUS / "2016/2016-1342.xml"), str(bad))
    assert r.returncode == 1
    assert f"{bad}" in r.stderr and "ugyldig XML" in r.stderr
    assert "1 lov importeret, 0 ændringslove genkendt, 1 fejl" in r.stdout
    written = sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "statutes").rglob("*") if p.is_file())
    assert written == ["statutes/lab/2016-11-21.xml"]  # no temporary or partial files


def test_show_prints_annexes_after_the_law_text_and_one_annex_by_its_number(tmp_path):
    r = run("import", "lexdania", str(CORPUS / "2014/2014-1109.xml"), "--law", "zone", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("show", "zone", cwd=tmp_path)
    assert r.returncode == 0 and "\nBilag A\nFølgende lande er omfattet af zone A:\n" in r.stdout
    r = run("show", "zone", "bilag A", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.startswith("Bilag A\nFølgende lande er omfattet af zone A:\n")
    r = run("show", "zone", "bilag 2", cwd=tmp_path)
    assert r.returncode == 1 and "har ikke bilag 2 (loven har: Bilag A)" in r.stderr and "Traceback" not in r.stderr
