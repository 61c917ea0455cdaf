"""`lawdiff import lexdania` into a store that already holds the act versions: each version's
Akoma Ntoso is made once (for the comparison that guards against overwriting, then saved as made),
and the files are what the first import wrote."""
from __future__ import annotations

from lawdiff import akn, store as store_mod
from lawdiff.cli import main
from tests.conftest import CORPUS

FILES = [str(CORPUS / "2010" / "2010-731.xml"), str(CORPUS / "2016" / "2016-1270.xml")]


def _files(root):
    return {p.relative_to(root): p.read_bytes() for p in sorted((root / "statutes").rglob("*.xml"))}


def test_importing_again_makes_each_version_once_and_writes_the_same(tmp_path, monkeypatch):
    assert main(["--root", str(tmp_path), "import", "lexdania", *FILES]) == 0
    first = _files(tmp_path)
    assert len(first) == 2
    made = []
    real = akn.to_bytes

    def counted(act):
        made.append(act.key)
        return real(act)

    monkeypatch.setattr(akn, "to_bytes", counted)
    assert main(["--root", str(tmp_path), "import", "lexdania", *FILES]) == 0
    assert sorted(made) == sorted({k.as_posix().split("/")[1] + "@" + k.stem for k in first})  # once each
    assert _files(tmp_path) == first


def test_a_changed_version_is_still_refused_without_force(tmp_path, capsys):
    assert main(["--root", str(tmp_path), "import", "lexdania", FILES[0]]) == 0
    (path,) = (tmp_path / "statutes").rglob("*.xml")
    path.write_bytes(path.read_bytes().replace(b"</body>", b"</body>", 1) + b"\n")
    before = path.read_bytes()
    assert main(["--root", str(tmp_path), "import", "lexdania", FILES[0]]) == 1
    assert "findes allerede" in capsys.readouterr().err
    assert path.read_bytes() == before
    store_mod.Store(tmp_path).load(path.parent.name)  # still a readable version
