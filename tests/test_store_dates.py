"""store.plain_date: the date check of `lawdiff diff`'s path that needs no validate, datetime."""
from __future__ import annotations

import datetime

from hypothesis import given, settings, strategies as st

from lawdiff import names, store


def test_plain_date_accepts_exactly_the_real_dates():
    day = datetime.date(1599, 12, 1)
    while day <= datetime.date(3000, 1, 31):
        s = day.isoformat()
        assert store.plain_date(s) == names.is_date(s), s
        day += datetime.timedelta(days=1 if day.year in (1599, 1600, 1700, 1900, 2000, 2100, 2999, 3000) else 97)
    for y in (1600, 1700, 1900, 2000, 2015, 2016, 2100, 2400, 2999):
        for m in range(0, 14):
            for d in range(0, 33):
                s = f"{y:04d}-{m:02d}-{d:02d}"
                assert store.plain_date(s) == names.is_date(s), s


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(st.one_of(st.text(max_size=12), st.from_regex(r"[0-9٠-٩]{4}-[0-9]{1,2}-[0-9²]{2}", fullmatch=True),
                 st.none(), st.integers()))
def test_plain_date_never_accepts_what_names_refuses(value):
    if store.plain_date(value):
        assert names.is_date(value)
    assert store.is_date(value) == names.is_date(value)


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(st.one_of(st.text(alphabet="ab-z09A_ æ.\n", max_size=6), st.text(max_size=3),
                 st.from_regex(r"[a-z0-9-]{118,122}", fullmatch=True), st.none(), st.just(0)))
def test_is_law_is_names_is_law(value):
    assert store.is_law(value) == names.is_law(value)


def test_is_law_on_edges():
    for value in ("lab", "a", "-lab", "lab-", "0", "a" * 120, "a" * 121, "", "lab\n", "Lab", "lab@x", "æ", "lab "):
        assert store.is_law(value) == names.is_law(value), value
