"""`lawdiff diff`'s fast path (issue 9 §6): what it reads of two stored versions without the model
stands for the model exactly, and the command's path imports only what it needs."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

from tests.conftest import ROOT


# what the diff command must not import: the model and what only it needs, pickle, argparse, and
# the readers of other commands
_NOT_IMPORTED = ("lawdiff.model", "dataclasses", "inspect", "pickle", "argparse", "lawdiff.akn", "lxml",
                 "lawdiff.validate", "datetime", "lawdiff.render.text", "yaml", "jinja2", "hashlib", "lawdiff.names",
                 "difflib")


def test_the_diff_command_imports_only_what_it_needs(tmp_path):
    shutil.copytree(ROOT / "statutes/lab", tmp_path / "statutes/lab")
    code = ("import sys, io, contextlib\n"
            "from lawdiff.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            f"    status = main(['--root', {str(tmp_path)!r}, 'diff', 'lab@2015-07-01', 'lab@2016-11-21'])\n"
            f"print(status, [m for m in {_NOT_IMPORTED!r} if m in sys.modules])\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert first.stdout.startswith("0 ")  # the first run reads the files (and may import anything)
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert again.stdout.strip() == "0 []", again.stdout + again.stderr


def test_only_the_diff_program_skips_the_last_collection(tmp_path, monkeypatch, capsys):
    """main() called with arguments (tests, other programs) leaves the collector as it was; run as the
    program (`lawdiff diff`, arguments from sys.argv) it turns the collector off and freezes what is
    alive at exit, after its output."""
    import atexit
    import gc

    from lawdiff import cli

    shutil.copytree(ROOT / "statutes/lab", tmp_path / "statutes/lab")
    argv = ["--root", str(tmp_path), "diff", "lab@2015-07-01", "lab@2016-11-21"]
    registered = []
    monkeypatch.setattr(atexit, "register", registered.append)
    assert gc.isenabled()
    assert cli.main(argv) == 0 and registered == [] and gc.get_freeze_count() == 0 and gc.isenabled()
    monkeypatch.setattr(sys, "argv", ["lawdiff", *argv])
    try:
        assert cli.main() == 0 and registered == [cli._skip_last_collection] and gc.get_freeze_count() == 0
        assert not gc.isenabled()  # off until the program ends
    finally:
        gc.enable()  # this test's process goes on
    monkeypatch.setattr(sys, "argv", ["lawdiff", "--root", str(tmp_path), "show", "lab"])
    assert cli.main() == 0 and len(registered) == 1 and gc.isenabled()  # only for diff
    capsys.readouterr()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "lawdiff.cli", *argv], capture_output=True, env=env, cwd="/")
    assert run.returncode == 0 and run.stdout.endswith(b"\n") and b"paragraffer" in run.stdout and not run.stderr
