"""Red team 4: files in amendments/ that are not what they seem. `check`, `consolidate` and
`blame` refused an amendment file that is a symbolic link out of amendments/ or a FIFO, but
`build` (and `serve`, the same builder) read every amendments/*.yaml with a plain read: a FIFO
hung the build for ever, /dev/zero behind a link filled the memory, and a link to a file outside
the project was read and published on the history page, with exit 0. Every command now reads
amendment files as `check` does: regular files, inside amendments/, bounded.
"""
from __future__ import annotations

import os
import shutil
import threading

import pytest

from lawdiff.cli import main
from tests.conftest import ROOT

AMENDMENT = "lov-2012-1380.yaml"


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "repo"
    (root / "amendments").mkdir(parents=True)
    shutil.copytree(ROOT / "statutes" / "lab", root / "statutes" / "lab")
    shutil.copy(ROOT / "amendments" / AMENDMENT, root / "amendments" / AMENDMENT)
    return root


def _run(argv, timeout=120):
    """main(argv) in a thread: (rc, stdout+stderr), or the test fails if it does not finish."""
    import contextlib
    import io

    box = {}
    buf = io.StringIO()

    def go():
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
            box["rc"] = main(argv)
    t = threading.Thread(target=go, daemon=True)
    t.start()
    t.join(timeout)
    assert not t.is_alive(), f"{argv} hangs"
    return box.get("rc"), buf.getvalue()


def _link_out(project, tmp_path):
    secret = tmp_path / "outside" / "hemmelig.yaml"
    secret.parent.mkdir()
    text = (ROOT / "amendments" / AMENDMENT).read_text("utf-8")
    secret.write_text(text.replace("titel: Lov om ændring", "titel: HEMMELIG Lov om ændring", 1), "utf-8")
    (project / "amendments" / AMENDMENT).unlink()
    (project / "amendments" / AMENDMENT).symlink_to(secret)


COMMANDS = [
    ["build", "--no-pdf"],
    ["check"],
    ["consolidate", "lab", "--at", "2017-01-01"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: a[0])
def test_an_amendment_linked_from_outside_the_project_is_never_read(project, tmp_path, argv):
    _link_out(project, tmp_path)
    rc, out = _run(["--root", str(project), *argv])
    assert rc == 1, out
    assert "HEMMELIG" not in out
    assert "Traceback" not in out
    assert "symbolsk link" in out or "uden for" in out, out
    assert AMENDMENT in out
    site = project / "site"
    assert not any("HEMMELIG" in p.read_text("utf-8") for p in site.rglob("*.html")) if site.exists() else True


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: a[0])
def test_a_fifo_in_amendments_is_refused_and_hangs_nothing(project, argv):
    os.mkfifo(project / "amendments" / "fifo.yaml")
    rc, out = _run(["--root", str(project), *argv], timeout=60)
    assert rc == 1, out
    assert "fifo.yaml" in out and "FIFO" in out, out
    assert "Traceback" not in out


def test_an_amendment_that_is_a_link_to_dev_zero_is_refused_without_reading_it(project):
    (project / "amendments" / "nul.yaml").symlink_to("/dev/zero")
    rc, out = _run(["--root", str(project), "build", "--no-pdf"], timeout=60)
    assert rc == 1, out
    assert "nul.yaml" in out and "Traceback" not in out, out


def test_a_link_inside_amendments_is_read(project):
    (project / "amendments" / "kopi").mkdir()
    os.rename(project / "amendments" / AMENDMENT, project / "amendments" / "kopi" / AMENDMENT)
    (project / "amendments" / AMENDMENT).symlink_to(os.path.join("kopi", AMENDMENT))
    rc, out = _run(["--root", str(project), "build", "--no-pdf"])
    assert rc == 0, out
    assert "lov nr. 1380" in (project / "site" / "historik" / "lab.html").read_text("utf-8")


def test_a_hand_edited_amendment_that_does_not_load_fails_the_build(project):
    """It was swallowed: the history page was built without any amending act (the broken file's
    nor the good ones'), exit 0, so the reader was told the act was never amended."""
    (project / "amendments" / "lov-2099-1.yaml").write_text(
        "titel: Lov om ændring af lov om en aktiv beskæftigelsesindsats\norganisation: x\ndato: '2099-01-01'\n"
        "status: vedtaget\nkilde: lov nr. 1 af 1. januar 2099\nlove:\n  lab: lab@2016-11-21\nparagraffer:\n"
        "- nummer: '1'\n  lov: lab\n  numre:\n  - nummer: '1'\n    ændringer:\n    - i: [§ 2]\n", "utf-8")
    rc, out = _run(["--root", str(project), "build", "--no-pdf"])
    assert rc == 1, out
    assert "lov-2099-1.yaml:" in out and "Traceback" not in out, out


def test_the_history_page_lists_the_amending_acts(project):
    rc, out = _run(["--root", str(project), "build", "--no-pdf"])
    assert rc == 0, out
    assert "lov nr. 1380" in (project / "site" / "historik" / "lab.html").read_text("utf-8")


@pytest.mark.parametrize("argv", [["build", "--no-pdf"], ["check"], ["consolidate", "lab", "--at", "2017-01-01"]],
                         ids=lambda a: a[0])
def test_an_amendment_nested_200000_deep_is_a_message_not_a_crash(project, argv):
    """libyaml's composer (yaml.CSafeLoader, which build used to pick the amendment files of an
    act) recursed into 200,000 [ and died with a segmentation fault: `build` gave an internal
    error, `serve` died. Run in a child process, since the crash kills the process."""
    import subprocess
    import sys

    (project / "amendments" / "dyb.yaml").write_text("paragraffer: " + "[" * 200_000 + "]" * 200_000 + "\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    p = subprocess.run([sys.executable, "-m", "lawdiff.cli", "--root", str(project), *argv],
                       capture_output=True, text=True, env=env, timeout=300)
    out = p.stdout + p.stderr
    assert p.returncode == 1, (p.returncode, out)
    assert "dyb.yaml:1:" in out and "niveauer" in out and "intern fejl" not in out, out


def test_quick_load_is_bounded_like_load_yaml():
    from lawdiff.yamlfile import MAX_DEPTH, ProposalError, quick_load

    assert quick_load("a: [1, {b: c}]\n", "f.yaml") == {"a": [1, {"b": "c"}]}
    with pytest.raises(ProposalError, match="niveauer"):
        quick_load("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5), "f.yaml")
    with pytest.raises(ProposalError, match="aliaser"):
        quick_load("a: &x [1]\nb: *x\n", "f.yaml")


def test_the_acts_amending_acts_are_read_from_regular_files_only(project, tmp_path):
    from lawdiff.consolidate import acts_amending_acts

    os.mkfifo(project / "amendments" / "fifo.yaml")
    (project / "amendments" / "nul.yaml").symlink_to("/dev/zero")
    outside = tmp_path / "ude.yaml"
    outside.write_text("henvisning: lov nr. 1 af 1. januar 2099\n")
    (project / "amendments" / "ude.yaml").symlink_to(outside)
    box = {}
    t = threading.Thread(target=lambda: box.setdefault("r", acts_amending_acts(project)), daemon=True)
    t.start()
    t.join(60)
    assert not t.is_alive(), "acts_amending_acts hangs on a FIFO"
    assert isinstance(box["r"], list)
