"""Shared value validation: real dates, clean text, Danish counts."""
from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawdiff.validate import (ValueProblem, byte_size, clean_text, confusable, count, danish_date, forbidden,
                              is_iso_date, iso_date, source_dates, span)


@pytest.mark.parametrize("s, words", [
    ("2021-02-30", "februar 2021 har 28 dage"),
    ("2021-02-29", "februar 2021 har 28 dage"),
    ("2021-04-31", "april 2021 har 30 dage"),
    ("2021-00-10", "ingen måned 0"),
    ("2021-13-01", "ingen måned 13"),
    ("2021-01-00", "januar 2021 har 31 dage"),
    ("0000-01-01", "året 0"),
    ("2021-1-1", "formen ÅÅÅÅ-MM-DD"),
    ("21-01-2021", "formen ÅÅÅÅ-MM-DD"),
    (" 2021-01-01", "formen ÅÅÅÅ-MM-DD"),
    ("2021-01-01T00:00", "formen ÅÅÅÅ-MM-DD"),
    ("２０２１-01-01", "formen ÅÅÅÅ-MM-DD"),  # fullwidth digits are \d to Python's re
])
def test_iso_date_refuses(s, words):
    with pytest.raises(ValueProblem) as e:
        iso_date(s)
    assert words in e.value.message and "ÅÅÅÅ-MM-DD" in e.value.hint


def test_iso_date_accepts_leap_day_and_dates():
    assert iso_date("2020-02-29") == dt.date(2020, 2, 29)
    assert iso_date("2016-11-21") == dt.date(2016, 11, 21)
    assert iso_date(dt.date(2016, 11, 21)) == dt.date(2016, 11, 21)
    assert not is_iso_date(20161121)


@given(st.dates(min_value=dt.date(1600, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_every_real_date_is_accepted_in_both_forms(d):
    assert iso_date(d.isoformat()) == d
    assert danish_date(d.strftime("%d/%m/%Y")) == d
    assert danish_date(f"{d.day}/{d.month}/{d.year}") == d


@given(st.integers(1600, 2999), st.integers(0, 99), st.integers(0, 99))
def test_iso_date_agrees_with_the_calendar(y, m, d):
    s = f"{y:04d}-{m:02d}-{d:02d}"
    try:
        real = dt.date(y, m, d)
    except ValueError:
        real = None
    if real is None:
        with pytest.raises(ValueProblem):
            iso_date(s)
    else:
        assert iso_date(s) == real


def test_source_dates():
    assert source_dates("LBK nr. 1342 af 21/11/2016") == [dt.date(2016, 11, 21)]
    assert source_dates("lov nr. 1380 af 23. december 2012") == []
    for bad in ("LBK nr. 1 af 99/99/2020", "LBK nr. 1 af 31/04/2016", "LBK nr. 1 af 29/02/2021",
                "LBK nr. 1 af 21/13/2016", "LBK nr. 1 af 21/11/16"):
        with pytest.raises(ValueProblem):
            source_dates(bad)


def test_danish_date_refuses():
    with pytest.raises(ValueProblem, match="ingen måned 99"):
        danish_date("99/99/2020")
    with pytest.raises(ValueProblem, match="formen DD/MM/ÅÅÅÅ"):
        danish_date("2020-01-01")


def test_clean_text_is_nfc():
    nfd = unicodedata.normalize("NFD", "5 års")
    assert nfd != "5 års"
    assert clean_text(nfd) == "5 års"


@pytest.mark.parametrize("ch", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u202a", "\u202b", "\u202c", "\u202d",
                                "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\ufffd",
                                "\ud800", "\uffff"])
def test_forbidden_characters_are_named_with_position(ch):
    with pytest.raises(ValueProblem) as e:
        clean_text("3 år" + ch + "s")
    assert e.value.offset == 4
    assert f"U+{ord(ch):04X}" in e.value.message and "tegn 5" in e.value.message


def test_tabs_and_newlines_and_official_invisibles_are_allowed():
    # the official text holds zero-width (non-)joiners and soft hyphens; matching ignores them
    s = "Stk. 1.\tx\nStk. 2. lovens\u00ad \u200d\u200cord"
    assert clean_text(s) == s


@pytest.mark.parametrize("s, offset, like", [
    ("§ 68 \u0430", 5, "a"),          # Cyrillic а
    ("5 \u0430rs", 2, "a"),           # mixed-script word
    ("§ 68 \u03bf", 5, "o"),          # Greek omicron
    ("\uff4cov", 0, "l"),             # fullwidth l
    ("§ \u0666\u0668", 2, "6"),       # Arabic-Indic digits
    ("\U0001d41a", 0, "a"),           # mathematical bold a
    ("B\u0415K nr. 1", 1, "E"),       # Cyrillic Е in a Latin word
])
def test_confusables_are_named(s, offset, like):
    p = confusable(s)
    assert p is not None and p.offset == offset and f"»{like}«" in p.message
    assert "U+" in p.message
    with pytest.raises(ValueProblem):
        clean_text(s)


@pytest.mark.parametrize("s", ["Съставено в Лугано на тридесети октомври", "στις τριάντα Οκτωβρίου του έτους",
                               "hvor α = kompensation", "Ære være Åge", "5 års", "naïve façade"])
def test_real_greek_and_cyrillic_text_and_symbols_are_not_confusables(s):
    assert confusable(s) is None


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x24f, whitelist_categories=("L", "N", "P", "Zs", "S"))))
def test_latin_text_is_left_as_it_is(s):
    s = unicodedata.normalize("NFC", s)
    assert forbidden(s) is None and confusable(s) is None
    assert clean_text(s) == s


def test_span():
    assert span(None) == span("") == 1
    assert span("3") == 3
    for bad in ("abc", "0", "-1", "1.5", "１", "100000"):
        with pytest.raises(ValueProblem):
            span(bad)


def test_counts_and_sizes_in_danish():
    assert count(1, "konflikt", "konflikter") == "1 konflikt"
    assert count(0, "konflikt", "konflikter") == "0 konflikter"
    assert count(2, "lovversion", "lovversioner") == "2 lovversioner"
    assert count(1200, "fejl", "fejl") == "1.200 fejl"
    assert byte_size(1_000_120) == "1.000.120 byte"
