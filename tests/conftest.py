"""Shared fixtures. The real corpus in ../shared is the test oracle; it must be there."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LAWDIFF_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "lexdania"

# the head of a one-forslag proposal on LAB 2016, for tests that add the changes
PROPOSAL_HEAD = """\
titel: Prøve
organisation: Prøveforeningen
dato: "2020-12-11"
status: udkast
love:
  lab: lab@2016-11-21
forslag:
  - titel: Et forslag
    ændringer:
"""


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    files = sorted(CORPUS.glob("*/*.xml"))
    # never skip silently: without the corpus the oracle tests cannot run
    assert files, f"the LexDania corpus is missing at {CORPUS} (set LAWDIFF_SHARED)"
    return files


@pytest.fixture(scope="session")
def corpus_results(corpus_files):
    from lawdiff.importers.lexdania import read_lexdania_file

    return {str(f.relative_to(CORPUS)): read_lexdania_file(f) for f in corpus_files}


@pytest.fixture(scope="session")
def store():
    from lawdiff.store import Store

    return Store(ROOT)


def lexdania(path: str) -> Path:
    return CORPUS / path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The repository's site with PDFs, built once for the site, browser and PDF tests."""
    from lawdiff.render.site import build_site

    out = tmp_path_factory.mktemp("build") / "site"
    build_site(ROOT, out, pdf=True)
    return out
