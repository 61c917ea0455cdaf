"""yamlfile's fast loader (libyaml's events under lawdiff's own composer) reads exactly what the
reference loader (PyYAML in pure Python) reads: the same nodes — tag, value, line, column and
character index of start and end — for every YAML file of the repository, for mutated ones, and
(corpus) for the amending acts of the corpus written as YAML. Where the fast loader meets any error,
load_yaml reads the text again with the reference loader, so the messages are the reference's; the
tests check that the fast loader never accepts a text the reference refuses."""
from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lawdiff import yamlfile
from tests.conftest import CORPUS, ROOT
from tests.test_fuzz import PROFILE, YAML_DATA, YAML_SMALL, YAML_SPECIALS, _mutations, _structural, mutate, restructure

pytestmark = pytest.mark.skipif(yamlfile._CLoader is None, reason="PyYAML without libyaml")


def _dump(n) -> tuple | None:
    if n is None:  # an empty document
        return None
    where = (n.tag, n.start_mark.line, n.start_mark.column, n.start_mark.index, n.end_mark.index)
    if isinstance(n, yaml.ScalarNode):
        return where + (n.value,)
    if isinstance(n, yaml.SequenceNode):
        return where + (tuple(_dump(x) for x in n.value),)
    return where + (tuple((_dump(k), _dump(v)) for k, v in n.value),)


def _read(cls, text: str):
    loader = cls(text, "x.yaml")
    try:
        return _dump(loader.get_single_node())
    except (yaml.YAMLError, yamlfile.ProposalError) as e:
        return ("refused", type(e).__name__)
    finally:
        loader.dispose()


def _same(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # load_yaml refuses it before any YAML is read
    text = text[1:] if text.startswith("\ufeff") else text
    fast = _read(yamlfile._CLoader, text)
    if fast is not None and fast[0] == "refused":
        return  # load_yaml falls back to the reference loader: its outcome, by construction
    assert _read(yamlfile._Loader, text) == fast


YAML_REPO = sorted({*ROOT.glob("proposals/*.yaml"), *ROOT.glob("amendments/*.yaml"), *ROOT.glob("tests/**/*.yaml"),
                    *ROOT.glob("tests/**/*.yml")})


@pytest.mark.parametrize("path", YAML_REPO, ids=lambda p: str(p.relative_to(ROOT)))
def test_fast_loader_reads_every_repository_file_as_the_reference(path):
    _same(path.read_bytes())


def test_load_yaml_gives_the_same_values_positions_and_problems_either_way(monkeypatch):
    for path in YAML_REPO:
        data = path.read_bytes()
        try:
            fast = yamlfile.load_yaml(data, str(path), defer=True)
        except yamlfile.ProposalError as e:
            fast = ("error", [str(x) for x in e.errors])
        with monkeypatch.context() as m:
            m.setattr(yamlfile, "_CLoader", None)
            try:
                slow = yamlfile.load_yaml(data, str(path), defer=True)
            except yamlfile.ProposalError as e:
                slow = ("error", [str(x) for x in e.errors])
        if fast[0] == "error":
            assert fast == slow
        else:
            assert fast[0] == slow[0]
            assert fast[1].key == slow[1].key and fast[1].value == slow[1].value
            assert [str(p) for p in fast[1].problems] == [str(p) for p in slow[1].problems]


def test_errors_are_the_reference_loaders(monkeypatch):
    def message(text: str) -> str:
        with pytest.raises(yamlfile.ProposalError) as e:
            yamlfile.load_yaml(text.encode(), "x.yaml")
        return "\n".join(str(x) for x in e.value.errors)

    for text in ["a: &x 1\nb: *x\n", "a: [1, 2\n", "a: 1\n---\nb: 2\n", "[" * 60 + "]" * 60, "a: 'x\n",
                 "a: b: c\n", "- a\nb: c\n", "a:\n\t- b\n", "a: !!python/object x\n", "a: 1\na: 2\n"]:
        fast = message(text)
        with monkeypatch.context() as m:
            m.setattr(yamlfile, "_CLoader", None)
            assert message(text) == fast, text


@settings(max_examples=400, **PROFILE)
@given(st.sampled_from(YAML_SMALL), _structural(), _mutations(YAML_SPECIALS))
def test_fast_loader_reads_mutated_files_as_the_reference(name, sops, ops):
    data = YAML_DATA[name]
    try:
        data = restructure(data, sops)
    except (yaml.YAMLError, UnicodeError):
        pass
    _same(mutate(data, ops, YAML_SPECIALS))


@pytest.mark.corpus
def test_fast_loader_reads_the_corpus_amending_acts_as_the_reference():
    from lawdiff.errors import LawdiffError
    from lawdiff.importers import amending

    files = sorted(CORPUS.glob("lov/*/*.xml")) if (CORPUS / "lov").is_dir() else sorted(CORPUS.rglob("*.xml"))
    n = 0
    for f in files:
        data = f.read_bytes()
        if not amending.has_amendments(data):
            continue
        try:
            doc = amending.read_amending_file(f).doc
        except LawdiffError:
            continue
        _same(amending.dump(doc).encode("utf-8"))
        n += 1
    print(f"{n} amending acts of the corpus as YAML: fast loader = reference")
    assert n > 100
