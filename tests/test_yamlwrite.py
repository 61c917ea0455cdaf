"""yamlwrite.dump writes what PyYAML writes (amending._Dumper, the options of amending.dump), or
leaves the document to PyYAML."""
import yaml
from hypothesis import given, settings, strategies as st

from lawdiff import yamlwrite
from lawdiff.importers import amending

_KW = dict(allow_unicode=True, sort_keys=False, width=100_000, default_flow_style=False)
# single characters YAML gives a meaning, and whole words PyYAML's resolver reads as something else
_ALPHA = st.sampled_from(list("ab §»«æ&<>\"'\n\t.:-#|>!%@`{}[],?*0123 ~=^\\/")
                         + ["\x85", "\u2028", "\ufeff", "\xa0", "\U0001f600", "\x00", "\u0301", "\u200b", "\ufffd",
                            "\x7f", "\u3000",
                            # outside the BMP: printable up to U+10FFFE (lov 518/2013 prints U+7DBBD)
                            "\U00010000", "\U0007dbbd", "\U0010fffe", "\U0010ffff"])
_WORDS = st.sampled_from(["null", "Null", "~", "true", "yes", "No", "on", "1", "-1", "0x1f", "0o7", "1_000", "1.5",
                          ".inf", "-.Inf", ".nan", "2016-01-01", "2016-1-1 10:00", "=", "<<", "1:30", "---",
                          "...", "- a", "? a", ": a", "a: b", "a #b", "a#b", "a:", "# x", "§ 1, stk. 2",
                          "»ændres«", "nr. 3", "'a'", '"a"', "a'b"])
_TEXT = st.one_of(st.text(alphabet=_ALPHA, max_size=14), _WORDS,
                  st.lists(st.one_of(_WORDS, st.text(alphabet=_ALPHA, max_size=6)), max_size=4).map(" ".join),
                  st.lists(st.one_of(_WORDS, st.text(alphabet=st.sampled_from(list("ab §:#-'")), max_size=6)),
                           min_size=1, max_size=4).map("\n".join))  # mostly literal blocks
_KEYS = st.one_of(st.sampled_from(["nummer", "tekst", "ændringer", "ikke_udført", "a b", "1", "null", "", "- x",
                                   "a: b", "'k'", "k" * 130]), st.text(alphabet=_ALPHA, max_size=5))
_VALUE = st.recursive(st.one_of(_TEXT, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False)),
                      lambda c: st.one_of(st.lists(c, max_size=3), st.dictionaries(_KEYS, c, max_size=3)),
                      max_leaves=12)


def _pyyaml(doc) -> str:
    return yaml.dump(doc, Dumper=amending._Dumper, **_KW)


@settings(max_examples=2000, deadline=None)
@given(st.dictionaries(_KEYS, _VALUE, max_size=4))
def test_dump_is_what_pyyaml_writes_or_nothing(doc):
    got = yamlwrite.dump(doc)
    if got is not None:
        assert got == _pyyaml(doc)
        assert yaml.safe_load(got) == doc


@given(st.lists(st.text(alphabet=st.sampled_from(list("ab §.,»«æ1")), min_size=1, max_size=8)
                .map(str.strip).filter(bool), min_size=1, max_size=4))
def test_ordinary_text_is_written_directly(lines):
    doc = {"titel": lines[0], "paragraffer": [{"nummer": "1", "numre": [{"nummer": "2", "tekst": "\n".join(lines)}]}]}
    assert yamlwrite.dump(doc) == _pyyaml(doc)


def test_shapes():
    doc = {"titel": "Lov om ændring af lov om x", "dato": "2016-01-01", "love": {}, "tom": [], "minister": True,
           "n": 3, "intet": None, "blok": "\nb",
           "paragraffer": [{"nummer": "1", "numre": [{"nummer": "2", "tekst": "§ 5. Stk. 2.\n\nStk. 3. »x«"}],
                            "lister": [["a", {"b": "c"}], [], {}], "øvrige": [{"tekst": "a\nb"}]}]}
    got = yamlwrite.dump(doc)
    assert got == _pyyaml(doc)
    assert "dato: '2016-01-01'\n" in got and "blok: |2-\n\n  b\n" in got


def test_characters_outside_the_bmp_are_written_directly():
    # lov 518/2013's annex prints a form's check boxes as U+7DBBD: left to PyYAML, its amendment
    # file cost 0.3 s of the corpus import's YAML text
    for doc in [{"a": "\U0001f600"}, {"a": "\U0007dbbd a"}, {"\U0007dbbd": "x\n\U0007dbbd y"},
                {"a": ["\U00010000", "\U0010fffe"]}]:
        got = yamlwrite.dump(doc)
        assert got is not None and got == _pyyaml(doc), doc
        assert yaml.safe_load(got) == doc


def test_what_it_leaves_to_pyyaml():
    shared = {"a": 1}
    for doc in [{"a": [shared, shared]}, {"a": 1.5}, {1: "a"}, {"a": "x\ty"}, {"a": "x\n"}, {"a": " x\ny"},
                {"a": "\U0010ffff"}, {"a": "x" * 60_000}, {"k" * 130: 1}, {"": 1}, {"a": ("t",)}]:
        assert yamlwrite.dump(doc) is None, doc


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from(list(":# -?.a,[]{}&*!|>'\"%@`é")), max_size=7))
def test_block_indicator_test_equals_the_regex(s):
    # yamlwrite._has_block_indicator replaces _BLOCK_INDICATOR.search for strings without line breaks
    from lawdiff.yamlwrite import _BLOCK_INDICATOR, _has_block_indicator

    assert _has_block_indicator(s) == (_BLOCK_INDICATOR.search(s) is not None)
