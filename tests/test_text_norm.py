"""text.norm: the str.split form gives what the regular expressions gave."""
import re
import sys

from hypothesis import given, settings, strategies as st

from lawdiff.text import norm

_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_WS_RE = re.compile(r"\s+")
_SPACES = [chr(c) for c in range(0x10000) if chr(c).isspace() or _WS_RE.fullmatch(chr(c))]


def _regex_norm(s: str) -> str:
    return _WS_RE.sub(" ", _INVISIBLE_RE.sub("", s)).strip()


def test_whitespace_is_what_the_regex_calls_whitespace():
    assert all(c.isspace() and _WS_RE.fullmatch(c) for c in _SPACES)
    assert not any(chr(c).isspace() for c in range(0x10000, sys.maxunicode + 1))


@settings(max_examples=3000)
@given(st.text(alphabet=st.one_of(st.sampled_from(_SPACES + list("\u00ad\u200b\u200c\u200d\u2060\ufeff") + list("ab§æ.")),
                                  st.characters())))
def test_norm_is_the_regex_norm(s):
    assert norm(s) == _regex_norm(s)


def test_norm_removes_each_invisible_alone_and_together():
    # norm looks for each invisible with a substring test before its regex (a fast path)
    for ch in "\u00ad\u200b\u200c\u200d\u2060\ufeff":
        assert norm(f" a{ch}b \u00a0c ") == "ab c"
    assert norm("\u00ad\u200b\u200c\u200d\u2060\ufeffx  y") == "x y"


def test_the_written_out_spaces_are_what_isspace_says():
    from lawdiff import text

    assert sorted(text._SPACE_CODES) == [c for c in range(0x3001) if chr(c).isspace() and c != 0x20]


_NUM_LETTER = re.compile(r"(\d)\s*([a-zA-Zæøå])")
_DIGITS = [chr(c) for c in range(0x10000) if chr(c).isdecimal() or chr(c).isdigit()][::7]


@settings(max_examples=3000)
@given(st.text(alphabet=st.one_of(st.sampled_from(list("0123456789 \u00a0aAbzæøåÆ§.-") + _DIGITS + ["\u00ad"]),
                                  st.characters()), max_size=8))
def test_canonical_num_is_the_regex_form(num):
    # canonical_num returns a number of digits alone without its regex (compiled only on first use)
    from lawdiff.text import canonical_num

    canonical_num.cache_clear()
    assert canonical_num(num) == _NUM_LETTER.sub(r"\1 \2", _regex_norm(num))


def test_importing_text_compiles_no_pattern():
    import subprocess

    code = ("import re, sys; compiled = []; real = re._compile\n"
            "re._compile = lambda *a: compiled.append(a) or real(*a)\n"
            "import lawdiff.text as t\n"
            "assert not compiled, compiled\n"
            "assert t.canonical_num('68') == '68' and not compiled, compiled\n"
            "assert t.canonical_num('68a') == '68 a' and t.canonical_num('68 b') == '68 b' and not compiled\n"
            "assert t.canonical_num('2ab') == '2 ab' and len(compiled) == 1\n"
            "assert t.split_punktum('A. B') == ['A.', 'B']")
    subprocess.run([sys.executable, "-c", code], check=True)
