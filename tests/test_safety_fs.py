"""Issue 10, "Data loss" and "Reaching outside": a test per class.

Each case proves: exit status 1, one Danish `fejl: …` line (with file:line where there is a file)
and a hint, no traceback, and, by hashing every file of the project before and after, that no file
of the user changed. The cases are samples of classes: every class is tried with several inputs.
"""
from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from lawdiff.cli import main
from lawdiff.render import publish
from lawdiff.store import atomic_write
from tests.conftest import ROOT, lexdania

LAB = "statutes/lab/2016-11-21.xml"


_OPENED: list[str] | None = None


def _audit(event, args):
    if _OPENED is not None and event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        _OPENED.append(os.path.realpath(os.fsdecode(args[0])))


sys.addaudithook(_audit)


@pytest.fixture
def opened():
    """Every file this process opens while the test runs (Python's audit hook), real paths."""
    global _OPENED
    _OPENED = []
    yield _OPENED
    _OPENED = None


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the repository's statutes, proposals and amendments, plus a file of the user."""
    root = tmp_path / "repo"
    root.mkdir()
    for d in ("statutes", "proposals", "amendments"):
        shutil.copytree(ROOT / d, root / d)
    (root / "README.md").write_text("brugerens egen fil\n", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return root


def tree_hash(folder: Path, skip=("site", ".lawdiff-cache")) -> dict[str, str]:
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder)
        if rel.parts and rel.parts[0] in skip:
            continue
        if p.is_symlink():
            out[rel.as_posix()] = "link:" + os.readlink(p)
        elif p.is_file():
            out[rel.as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
        elif p.is_dir():
            out[rel.as_posix()] = "dir"
    return out


def refused(capsys, argv: list[str], *words: str) -> str:
    """Run the command; it must exit 1 with one Danish error line (plus hint), no traceback."""
    rc = main(argv)
    cap = capsys.readouterr()
    err = cap.err
    assert rc == 1, (cap.out, err)
    assert "Traceback" not in err and "Traceback" not in cap.out
    lines = [ln for ln in err.splitlines() if ln.strip()]
    fejl = [ln for ln in lines if "fejl:" in ln.lower() or "FEJL" in ln]
    assert fejl, err
    for w in words:
        assert w in err, (w, err)
    return err


# --- build --out: the site folder is lawdiff's own -------------------------------------------

@pytest.mark.parametrize("out, word", [
    (".", "projektmappen"),
    ("..", "projektmappen"),
    ("statutes", "statutes/"),
    ("statutes/lab", "statutes/"),
    ("proposals", "proposals/"),
    ("proposals/site", "proposals/"),
    ("amendments/x", "amendments/"),
    (".git", ".git/"),
    ("README.md", "er en fil"),
    ("unrelated", "ikke har skrevet"),
    ("/", "rodmappen"),
])
def test_build_refuses_outputs_that_are_not_its_own(project, capsys, out, word):
    (project / "unrelated").mkdir()
    (project / "unrelated" / "notes.txt").write_text("mine\n")
    before = tree_hash(project)
    target = out if out == "/" else str(project / out)
    refused(capsys, ["--root", str(project), "build", "--out", target, "--no-pdf"], word)
    assert tree_hash(project) == before
    assert not [p for p in project.parent.rglob(".*tmp-*")]


def test_build_refuses_a_symlink_and_leaves_its_target(project, tmp_path, capsys):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("x")
    (project / "site").symlink_to(elsewhere)
    refused(capsys, ["--root", str(project), "build", "--no-pdf"], "symbolsk link")
    assert (elsewhere / "keep.txt").read_text() == "x" and (project / "site").is_symlink()


def test_build_replaces_only_a_marked_empty_or_absent_folder(project, capsys):
    site = project / "site"
    assert main(["--root", str(project), "build", "--no-pdf"]) == 0  # absent
    assert (site / publish.MARKER).is_file()
    assert main(["--root", str(project), "build", "--no-pdf"]) == 0  # marked
    empty = project / "empty"
    empty.mkdir()
    assert main(["--root", str(project), "build", "--out", str(empty), "--no-pdf"]) == 0  # empty
    assert (empty / "index.html").exists()
    capsys.readouterr()
    (site / publish.MARKER).unlink()  # no longer recognisably lawdiff's
    refused(capsys, ["--root", str(project), "build", "--no-pdf"], publish.MARKER)
    assert (site / "index.html").exists()


def test_stale_temporaries_are_removed_and_foreign_folders_kept(project):
    out = project / "site"
    assert main(["--root", str(project), "build", "--out", str(out), "--no-pdf"]) == 0
    stale_tmp = project / ".site.tmp-dead1"
    stale_tmp.mkdir()
    (stale_tmp / publish.MARKER).write_text("x")
    (stale_tmp / "index.html").write_text("half")
    stale_old = project / ".site.old-dead2"
    stale_old.mkdir()
    foreign = project / ".site.tmp-notours"
    foreign.mkdir()
    (foreign / "data.txt").write_text("the user's")
    assert main(["--root", str(project), "build", "--out", str(out), "--no-pdf"]) == 0
    assert not stale_tmp.exists() and not stale_old.exists()
    assert (foreign / "data.txt").read_text() == "the user's"


def test_a_kill_between_the_fallback_renames_is_repaired(project):
    out = project / "site"
    assert main(["--root", str(project), "build", "--no-pdf"]) == 0
    old = project / ".site.old-killed"
    os.rename(out, old)  # the state a kill between the two renames leaves
    publish._clean_stale(out)
    assert (out / "index.html").exists() and not old.exists()


def test_the_swap_leaves_a_complete_site_at_every_instant(project):
    out = project / "site"
    assert main(["--root", str(project), "build", "--no-pdf"]) == 0
    missing = []
    done = threading.Event()

    def watch():
        while not done.is_set():
            for name in ("index.html", publish.MARKER, "static/lawdiff.css"):
                if not os.path.exists(out / name):
                    missing.append(name)

    t = threading.Thread(target=watch)
    t.start()
    try:
        for _ in range(3):
            assert main(["--root", str(project), "build", "--no-pdf"]) == 0
    finally:
        done.set()
        t.join()
    assert missing == []
    assert publish._exchange.__name__  # the atomic exchange is what made this hold on Linux


def test_two_builds_into_one_folder_one_refuses(project, capsys):
    import fcntl

    (project / "site").mkdir()
    fd = os.open(project, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another build holds the lock
    try:
        refused(capsys, ["--root", str(project), "build", "--no-pdf"], "en anden lawdiff build")
    finally:
        os.close(fd)
    assert main(["--root", str(project), "build", "--no-pdf"]) == 0


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002])
def test_files_and_folders_honour_the_umask(project, mask):
    old = os.umask(mask)
    try:
        assert main(["--root", str(project), "build", "--no-pdf"]) == 0
        atomic_write(project / "statutes" / "x" / "f.xml", b"<x/>")
    finally:
        os.umask(old)
    site = project / "site"
    assert os.stat(site).st_mode & 0o777 == 0o777 & ~mask
    for p in [site, *site.rglob("*")]:
        want = (0o777 if p.is_dir() else 0o666) & ~mask
        assert os.stat(p).st_mode & 0o777 == want, p
    assert os.stat(project / "statutes/x/f.xml").st_mode & 0o777 == 0o666 & ~mask


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_a_full_or_read_only_disk_is_a_message(project, capsys, monkeypatch, err):
    assert main(["--root", str(project), "build", "--no-pdf"]) == 0
    site_before = publish.digest(project / "site")
    before = tree_hash(project)
    real_put = publish._put

    def put(dst, data):
        if dst.name.endswith(".html") and "forslag" in dst.parts:
            raise OSError(err, os.strerror(err), str(dst))
        real_put(dst, data)

    monkeypatch.setattr(publish, "_put", put)
    refused(capsys, ["--root", str(project), "build", "--no-pdf"], "kan ikke skrive webstedet", os.strerror(err))
    assert publish.digest(project / "site") == site_before and tree_hash(project) == before
    assert not list(project.glob(".site.*"))


def test_store_write_on_a_full_disk_is_a_message(project, capsys, monkeypatch):
    from lawdiff import paths

    def full(*a, **k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    before = tree_hash(project)
    monkeypatch.setattr(paths, "temp_file", full)  # creating the temporary file fails
    src = project / "lab.txt"
    src.write_text("§ 1. Loven gælder.\n", encoding="utf-8")
    before = tree_hash(project)
    refused(capsys, ["--root", str(project), "import", "text", str(src), "--law", "nylov",
                     "--source", "LBK nr. 1 af 01/01/2020"], "kan ikke skrive filen", "nylov")
    assert tree_hash(project) == before


# --- import never overwrites an act version without --force ------------------------------------

def test_import_text_refuses_to_replace_a_version(project, capsys):
    src = project / "kort.txt"
    src.write_text("§ 1. Kort lov.\n\n§ 2. Slut.\n", encoding="utf-8")
    before = tree_hash(project)
    err = refused(capsys, ["--root", str(project), "import", "text", str(src), "--law", "lab",
                           "--source", "LBK nr. 1342 af 21/11/2016"], "lab@2016-11-21 findes allerede", "--force")
    assert f"{src}:" in err
    assert tree_hash(project) == before
    assert main(["--root", str(project), "import", "text", str(src), "--law", "lab",
                 "--source", "LBK nr. 1342 af 21/11/2016", "--force"]) == 0
    assert tree_hash(project)[LAB] != before[LAB]


def test_import_lexdania_refuses_to_replace_a_version(project, capsys):
    lab = project / LAB
    lab.write_bytes(lab.read_bytes().replace(b"ressourceforl", b"RESSOURCEFORL", 1))  # a local edit
    before = tree_hash(project)
    refused(capsys, ["--root", str(project), "import", "lexdania", "--law", "lab",
                     str(lexdania("2015/2015-807.xml")), str(lexdania("2016/2016-1342.xml"))],
            "lab@2016-11-21 findes allerede", "--force", "intet importeret")
    assert tree_hash(project) == before  # nothing written, not even the 2015 version
    assert main(["--root", str(project), "import", "lexdania", "--law", "lab", "--force",
                 str(lexdania("2016/2016-1342.xml"))]) == 0
    assert (project / LAB).read_bytes() == (ROOT / LAB).read_bytes()
    # importing what is already stored, byte for byte, is not a replacement
    assert main(["--root", str(project), "import", "lexdania", "--law", "lab",
                 str(lexdania("2016/2016-1342.xml"))]) == 0


@pytest.mark.parametrize("law", ["../../x", "../lab", "/tmp/x", "LAB", "lab/../../x", "-x", "a b", "lab.", "lab_x"])
def test_law_names_that_would_leave_statutes_are_refused(project, capsys, law):
    src = project / "kort.txt"
    src.write_text("§ 1. Kort lov.\n", encoding="utf-8")
    before = tree_hash(project)
    outside = set(project.parent.iterdir())
    refused(capsys, ["--root", str(project), "import", "text", str(src), f"--law={law}",
                     "--source", "LBK nr. 1 af 01/01/2020"], "kortnavn")
    assert tree_hash(project) == before and set(project.parent.iterdir()) == outside
    capsys.readouterr()
    refused(capsys, ["--root", str(project), "show", "--", law])


# --- bygger_på reaches only regular files inside the proposal's folder --------------------------

SECRET = "HEMMELIG-LINJE-1"


def _builds_on(project: Path, target: str) -> Path:
    p = project / "proposals" / "ovenpaa.yaml"
    p.write_text(f"""titel: Ovenpå
organisation: Test
dato: "2020-12-11"
status: udkast
bygger_på: {target}
love:
  lab: lab@2016-11-21
forslag:
  - titel: Et forslag
    ændringer:
      - i: "§ 68 a, stk. 4"
        ændres: 5 års
        til: 4 års
""", encoding="utf-8")
    return p


@pytest.fixture
def secret(tmp_path) -> Path:
    s = tmp_path / "secret.yaml"
    s.write_text(f"{SECRET}: [\n", encoding="utf-8")
    return s


@pytest.mark.parametrize("kind", ["absolute", "dotdot", "dotdot-inner", "symlink-out", "dev-zero-abs",
                                  "symlink-dev-zero", "etc", "home"])
def test_builds_on_outside_the_folder_is_refused(project, capsys, secret, kind, opened):
    proposals = project / "proposals"
    target = {"absolute": str(secret), "dotdot": "../../secret.yaml",
              "dotdot-inner": "sub/../../../secret.yaml", "symlink-out": "link.yaml",
              "dev-zero-abs": "/dev/zero", "symlink-dev-zero": "zero.yaml", "etc": "/etc/passwd",
              "home": "~/x.yaml"}[kind]
    (proposals / "link.yaml").symlink_to(secret)
    (proposals / "zero.yaml").symlink_to("/dev/zero")
    p = _builds_on(project, target)
    before = tree_hash(project)
    opened.clear()
    err = refused(capsys, ["--root", str(project), "apply", str(p)], "»bygger_på«", f"{p}:5:")
    assert SECRET not in err and "root:" not in err
    assert tree_hash(project) == before
    assert opened and not [p for p in opened if p in (str(secret), "/dev/zero", "/etc/passwd")], opened


def test_builds_on_a_fifo_does_not_block(project, tmp_path):
    proposals = project / "proposals"
    os.mkfifo(proposals / "fifo.yaml")
    p = _builds_on(project, "fifo.yaml")
    r = subprocess.run([sys.executable, "-m", "lawdiff.cli", "--root", str(project), "apply", str(p)],
                       capture_output=True, text=True, timeout=60, cwd=ROOT,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "FIFO" in r.stderr and "almindelig fil" in r.stderr, r.stderr


def test_builds_on_reads_at_most_the_cap(project, capsys, monkeypatch):
    # a sparse 2 GB file inside proposals/: refused from its size, without reading it
    big = project / "proposals" / "stor.yaml"
    with open(big, "wb") as f:
        f.truncate(2 * 1024 ** 3)
    p = _builds_on(project, "stor.yaml")
    refused(capsys, ["--root", str(project), "apply", str(p)], "et forslag må højst fylde 1.000.000 byte",
            "2.147.483.648 byte")


def test_read_regular_caps_what_it_reads_not_what_stat_says():
    from lawdiff.paths import UnsafePath, read_regular

    with pytest.raises(UnsafePath, match="enhed"):
        read_regular("/dev/zero", 1000)
    # /proc files report st_size 0 and may be longer: the cap is on bytes actually read
    with pytest.raises(UnsafePath, match="højst fylde"):
        read_regular("/proc/self/maps", 10)


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/null", "/etc"])
def test_proposal_file_that_is_not_a_regular_file_is_refused(capsys, path):
    refused(capsys, ["--root", str(ROOT), "apply", path], "ikke en almindelig fil")


def test_builds_on_inside_the_folder_still_works(project, capsys):
    p = _builds_on(project, "aftale-2020-ressourceforloeb.yaml")
    # the aftale changes 5 → 3 years; building on it, »5 års« is gone: the error proves it was applied
    rc = main(["--root", str(project), "apply", str(p)])
    err = capsys.readouterr().err
    assert rc == 1 and "5 års" in err and "Traceback" not in err


# --- values read from statute files are validated on read -------------------------------------

HOSTILE = [
    ("eid-quote", b'eId="sec_68a"', b'eId="sec_68a&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"', "eId"),
    ("eid-js", b'eId="sec_68a"', b'eId="javascript:alert(1)"', "eId"),
    ("wid", b'wId="sec_68a"', b'wId="x&quot; onmouseover=&quot;alert(1)"', "wId"),
    ("act-name", b'<act name="lab">', b'<act name="../../../x">', "kortnavn"),
    ("frbr-date", b'<FRBRdate date="2016-11-21" name="Generation"/>',
     b'<FRBRdate date="2016-11-21&quot;&gt;&lt;x" name="Generation"/>', "FRBRdate"),
    ("frbr-date-feb30", b'<FRBRdate date="2016-11-21" name="Expression"/>',
     b'<FRBRdate date="2016-02-30" name="Expression"/>', "FRBRdate"),
    ("frbr-uri", b'<FRBRuri value="/akn/dk/act/lbk/2016/1342"/>',
     b'<FRBRuri value="/akn/dk/act/lbk/2016/1342&quot;&gt;&lt;b"/>', "FRBRuri"),
    ("frbr-uri-js", b'<FRBRuri value="/akn/dk/act/lbk/2016/1342"/>',
     b'<FRBRuri value="/akn/dk/act/lbk/javascript:x/1342"/>', "FRBRuri"),
]


@pytest.mark.parametrize("name, old, new, word", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_statute_values_are_refused_everywhere(project, capsys, name, old, new, word):
    f = project / LAB
    data = f.read_bytes()
    assert old in data, name
    f.write_bytes(data.replace(old, new, 1))
    line = f.read_bytes().split(new)[0].count(b"\n") + 1
    before = tree_hash(project)
    out_before = set(project.parent.iterdir())
    refused(capsys, ["--root", str(project), "build", "--no-pdf"], word, f"{f}:{line}:")
    assert not (project / "site").exists()
    refused(capsys, ["--root", str(project), "show", "lab@2016-11-21"], word)
    rc = main(["--root", str(project), "check"])
    out = capsys.readouterr().out
    assert rc == 1 and f"{f}:{line}: " in out and word in out, out
    assert tree_hash(project) == before and set(project.parent.iterdir()) == out_before


def test_check_flags_every_bad_value_of_a_file_and_stray_names(project, capsys):
    f = project / LAB
    data = f.read_bytes()
    data = data.replace(b'eId="sec_68a"', b'eId="sec_68a x"', 1).replace(b'<act name="lab">', b'<act name="LAB">', 1)
    f.write_bytes(data)
    bad_dir = project / "statutes" / "Bad..Name"
    bad_dir.mkdir()
    shutil.copy(project / "statutes/organiseringsloven/2014-12-23.xml", bad_dir / "2014-12-23.xml")
    shutil.copy(project / "statutes/organiseringsloven/2014-12-23.xml",
                project / "statutes/organiseringsloven/2014-02-30.xml")
    assert main(["--root", str(project), "check"]) == 1
    out = capsys.readouterr().out
    assert f"{f}:" in out and "eId 'sec_68a x'" in out and "kortnavn" in out
    assert "Bad..Name" in out and "2014-02-30.xml" in out


def test_check_reports_duplicate_sections_and_every_eid_collision(project, capsys):
    f = project / "statutes/organiseringsloven/2014-12-23.xml"
    data = f.read_bytes()
    # § 2 renumbered as a second § 1, with the eIds of § 1 and its stk. 1
    data = data.replace(b"<num>\xc2\xa7 2.</num>", b"<num>\xc2\xa7 1.</num>", 1)
    data = data.replace(b'eId="sec_2"', b'eId="sec_1"', 1).replace(b'eId="sec_2__subsec_1"', b'eId="sec_1__subsec_1"', 1)
    f.write_bytes(data)
    assert main(["--root", str(project), "check"]) == 1
    out = capsys.readouterr().out
    assert "§ 1 findes to gange" in out
    assert out.count("eId 'sec_1") >= 2, out


def test_store_refuses_a_file_that_does_not_hold_what_its_name_says(project, capsys):
    shutil.copy(project / "statutes/lab/2015-07-01.xml", project / LAB)
    refused(capsys, ["--root", str(project), "show", "lab@2016-11-21"], "lab@2015-07-01")


def test_statute_symlinked_out_of_the_store_is_not_read(project, capsys, tmp_path, opened):
    outside = tmp_path / "outside.xml"
    shutil.copy(project / LAB, outside)
    (project / LAB).unlink()
    (project / LAB).symlink_to(outside)
    opened.clear()
    refused(capsys, ["--root", str(project), "show", "lab@2016-11-21"], "uden for")
    assert str(outside) not in opened


# --- real processes: a build killed with SIGKILL, two builds at once -------------------------

def _lawdiff(project: Path, *args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "lawdiff.cli", "--root", str(project), *args],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True, **kw)


def test_a_build_killed_in_the_pdf_phase_leaves_the_old_site_and_the_next_build_cleans_up(project):
    import signal
    import time

    assert main(["--root", str(project), "build", "--no-pdf"]) == 0
    site = project / "site"
    before = publish.digest(site)
    proc = _lawdiff(project, "build")  # with PDFs, from an empty cache: minutes of rendering
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline:  # wait until the pages are written and the PDFs are rendering
            tmps = list(project.glob(".site.tmp-*"))
            if tmps and (tmps[0] / "index.html").exists() and (tmps[0] / "static/lawdiff.css").exists():
                break
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.05)
        else:
            pytest.fail("the build never reached its PDF phase")
        time.sleep(0.5)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the build and its PDF workers (a session of their own)
        proc.communicate()
    assert publish.digest(site) == before  # the old site, complete
    assert list(project.glob(".site.tmp-*"))  # what the kill left behind
    assert main(["--root", str(project), "build", "--no-pdf"]) == 0
    assert not list(project.glob(".site.*")) and (site / "index.html").exists()


def test_two_builds_at_once_never_give_a_traceback(project):
    procs = [_lawdiff(project, "build", "--no-pdf") for _ in range(3)]
    results = [(p.wait(timeout=600), *p.communicate()) for p in procs]
    for rc, out, err in results:
        assert "Traceback" not in err and rc in (0, 1), err
        if rc == 1:
            assert "en anden lawdiff build skriver allerede" in err, err
    assert any(rc == 0 for rc, _, _ in results)
    assert (project / "site" / "index.html").exists() and (project / "site" / publish.MARKER).exists()
    assert not list(project.glob(".site.*"))
