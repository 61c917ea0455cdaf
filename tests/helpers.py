"""Build proposals and drafting roots in tests without writing YAML by hand."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from lawdiff.proposal import parse_proposal


def make_proposal(changes: list[dict], laws: dict | None = None, path: str = "test.yaml", **extra):
    data = {"titel": "Test", "organisation": "Test", "dato": "2020-01-01", "status": "udkast",
            "love": laws or {"lab": "lab@2016-11-21"},
            "forslag": [{"titel": "Forslag", "ændringer": changes}], **extra}
    return parse_proposal(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode(), path)


def drafting_root(tmp_path_factory, name: str = "root") -> Path:
    """A fresh project root for a drafter: a copy of the repository's statutes and an empty proposals/."""
    from tests.conftest import ROOT

    r = tmp_path_factory.mktemp(name)
    shutil.copytree(ROOT / "statutes", r / "statutes")
    (r / "proposals").mkdir()
    return r
