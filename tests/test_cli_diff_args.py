"""cli._diff_args: the `diff` command line read without argparse gives exactly argparse's result,
and leaves everything else to argparse."""
from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import given, settings, strategies as st

from lawdiff.cli import _diff, _diff_args, build_parser


def _argparse(argv: list[str]) -> dict | None:
    """vars() of argparse's result, None where argparse refuses the line (or prints help)."""
    try:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            return vars(build_parser().parse_args(argv))
    except SystemExit:
        return None


@pytest.mark.parametrize("argv", [
    ["diff", "lab@2015-07-01", "lab@2016-11-21"],
    ["--root", "x", "diff", "a", "b"],
    ["diff", "a", "b", "--root", "y"],
    ["--root", "x", "diff", "a", "b", "--root", "y"],
    ["--root", "x", "--root", "z", "diff", "a", "b"],
    ["diff", "--format", "json", "a", "b"],
    ["diff", "a", "--format", "html", "b"],
    ["diff", "a", "b", "--format", "html", "--format", "text"],
    ["diff", "--root", "diff", "diff", "a"],
    ["--root", "diff", "diff", "a", "b"],
    ["diff", "", "b"],
    ["diff", "proposals/x.yaml:lab", "lab"],
])
def test_read_as_argparse_reads_it(argv):
    got = _diff_args(argv)
    assert got is not None
    assert vars(got) == _argparse(argv)
    assert got.func is _diff


@pytest.mark.parametrize("argv", [
    [], ["diff"], ["diff", "a"], ["diff", "a", "b", "c"], ["show", "a", "b"], ["diff", "-h", "a"],
    ["--help"], ["diff", "a", "b", "--format"], ["diff", "a", "b", "--format", "pdf"],
    ["--format", "json", "diff", "a", "b"], ["diff", "a", "b", "--root"], ["diff", "a", "b", "--root", "-x"],
    ["diff", "a", "b", "--form", "json"], ["diff", "a", "b", "--root=x"], ["diff", "--", "a", "b"],
    ["diff", "-a", "b"], ["check", "--root", "x"],
])
def test_everything_else_is_left_to_argparse(argv):
    assert _diff_args(argv) is None


_WORDS = ["diff", "show", "a", "lab@2015-07-01", "", "--root", "--format", "text", "json", "html", "pdf",
          "-h", "--", "-x", "--form", "--root=x", "x y"]


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_WORDS), max_size=7))
def test_any_line_read_without_argparse_is_read_as_argparse_reads_it(argv):
    got = _diff_args(argv)
    if got is not None:
        assert vars(got) == _argparse(argv)


_VALUES = ["a", "lab@2015-07-01", "", "diff", "x y", "text", "json"]


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.sampled_from(["--root", "--format"]), st.sampled_from(_VALUES + ["html", "pdf"])),
                max_size=2),
       st.lists(st.sampled_from(_VALUES), min_size=1, max_size=4),
       st.lists(st.tuples(st.sampled_from(["--root", "--format"]), st.sampled_from(_VALUES + ["html"])), max_size=3),
       st.randoms(use_true_random=False))
def test_diff_lines_with_options_anywhere_are_read_as_argparse_reads_them(before, positionals, after, rnd):
    tail = [[p] for p in positionals[1:]] + [list(o) for o in after]
    rnd.shuffle(tail)
    argv = [x for o in before for x in o] + [positionals[0]] + [x for part in tail for x in part]
    got = _diff_args(argv)
    if got is not None:
        assert vars(got) == _argparse(argv)
    elif positionals[0] == "diff" and len(positionals) == 3 and not before and all(
            o == "--root" or v in ("text", "json", "html") for o, v in after):
        raise AssertionError(f"a plain diff line left to argparse: {argv}")


def test_the_clis_count_is_validates():
    from lawdiff import cli, validate

    for n in list(range(0, 2100)) + [10 ** k for k in range(3, 10)] + [1_234_567, -1, -1000]:
        assert cli.count(n, "paragraf", "paragraffer") == validate.count(n, "paragraf", "paragraffer")


@pytest.mark.parametrize("argv", [
    ["diff", "lab@2015-07-01", "lab@2016-11-21"], ["diff", "lab@2015-02-29", "lab"], ["diff", "lab@2016-02-29", "lab"],
    ["diff", "lab@1599-12-31", "lab"], ["diff", "lab@2015-13-01", "lab"], ["diff", "lab@2015-1-01", "lab"],
    ["diff", "lab@", "lab"], ["diff", "lab@x", "lab"], ["diff", "lab@2015-07-01x", "lab"], ["--root", "a@2015-02-30", "diff", "a", "b"],
    ["diff", "lab@٢٠١٥-07-01", "lab"], ["diff", "lab@2015-07-00", "lab"]])
def test_the_values_checked_without_validate_are_those_it_passes(argv, tmp_path):
    """cli._plain_values lets only values pass that validate's checks pass: otherwise those run."""
    from lawdiff import cli

    args = cli.build_parser().parse_args(argv)
    if cli._plain_values(args):
        cli._check_values(args)  # raises if the shortcut passed something the checks refuse


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(list("ab0-9@\n.zZ_ ")), st.characters()), max_size=12))
def test_law_at_is_the_pattern(value):
    import re

    from lawdiff.cli import _law_at

    assert _law_at(value) == (re.fullmatch(r"[a-z0-9][a-z0-9-]*@.*", value) is not None)
    for v in (f"lab@{value}", f"{value}@2016-01-01", f"lab-{value}"):
        assert _law_at(v) == (re.fullmatch(r"[a-z0-9][a-z0-9-]*@.*", v) is not None)
