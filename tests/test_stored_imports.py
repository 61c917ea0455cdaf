"""The repository's statutes/ and amendments/ are what scripts/import-statutes.sh and
scripts/import-lab-history.sh produce with today's code, byte for byte.

The stored files are generated; when the importer or the engine changes what they write, the
stored copies must be regenerated in the same commit (the site, the seed proposals and every
test read them). This test runs each `lawdiff` line of the two scripts, in order, in a fresh
folder (the corpus as the scripts' $C) and compares every file they write with the repository's.
"""
from __future__ import annotations

import shlex


from lawdiff.cli import main
from tests.conftest import CORPUS, ROOT

SCRIPTS = [ROOT / "scripts/import-statutes.sh", ROOT / "scripts/import-lab-history.sh"]


def _commands(script) -> list[list[str]]:
    """The `lawdiff …` command lines of a script (continuation lines joined, $C the corpus)."""
    text = script.read_text(encoding="utf-8").replace("\\\n", " ")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("lawdiff "):
            args = shlex.split(line.replace("$C", str(CORPUS)))[1:]
            out.append(args)
    return out


def _tree(root) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes()
            for d in ("statutes", "amendments") for p in sorted((root / d).rglob("*")) if p.is_file()}


def test_stored_acts_and_amendment_files_are_what_the_scripts_write(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the scripts run in the root: their relative paths (amendments/…) are its
    commands = [c for s in SCRIPTS for c in _commands(s)]
    assert len(commands) >= 8 and any(c[:2] == ["import", "lexdania"] for c in commands)
    for args in commands:
        assert main(["--root", str(tmp_path), *args]) == 0, args
    capsys.readouterr()
    made, stored = _tree(tmp_path), _tree(ROOT)
    assert sorted(made) == sorted(stored), "run scripts/import-statutes.sh and scripts/import-lab-history.sh"
    stale = [name for name in made if made[name] != stored[name]]
    assert stale == [], f"stale, regenerate with the scripts: {stale}"
