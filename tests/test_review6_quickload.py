"""Review 6: yamlfile.quick_load (libyaml's events under the guard) picks which amendment files
build and serve read in full. It must give what the safe loader gives on every file lawdiff
itself has and writes: the repository's amendment files and proposals, and generated YAML of the
shapes the importer writes (nested maps and lists of Danish text, numbers, dates, block text)."""
from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lawdiff.yamlfile import quick_load
from tests.conftest import ROOT


def test_the_repository_files_read_alike():
    files = sorted((ROOT / "amendments").glob("*.yaml")) + sorted((ROOT / "proposals").glob("*.yaml"))
    assert files
    for f in files:
        text = f.read_text("utf-8")
        assert quick_load(text, str(f)) == yaml.safe_load(text), f


_text = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "Zs", "S")), max_size=40)
_scalar = st.one_of(_text, st.integers(-10**6, 10**6), st.booleans(), st.none(),
                    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))
_doc = st.recursive(_scalar, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(_text, inner, max_size=4)),
                    max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(_doc, st.sampled_from(["plain", "block"]))
def test_generated_yaml_reads_alike(doc, style):
    text = yaml.safe_dump({"titel": "x", "data": doc}, allow_unicode=True, sort_keys=False,
                          default_style="|" if style == "block" else None)
    assert quick_load(text, "x.yaml") == yaml.safe_load(text)
