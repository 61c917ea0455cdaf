"""The names lawdiff reads from files and the command line and later uses in paths and HTML.

Every value that ends up in a file name (a law's short name, a version date) or in an HTML id or
link (an eId, a wId) is checked here when it is read, so that nothing downstream has to trust it:
a short name is `[a-z0-9][a-z0-9-]*`, a date is a real calendar date written YYYY-MM-DD, eIds
follow the Akoma Ntoso naming convention as lawdiff writes it (`sec_68a__subsec_1__para_2`).
"""
from __future__ import annotations

import re

LAW = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
DATE = re.compile(r"\d{4}-\d\d-\d\d")
# one eId component: an element name and an optional number ("sec_68a", "subsec_1_2", "chp_12a-12b")
_COMPONENT = r"[a-z]+(?:_[a-z0-9]+(?:[-_][a-z0-9]+)*)?"
EID = re.compile(rf"{_COMPONENT}(?:__{_COMPONENT})*")
WID = re.compile(r"[a-z][a-z0-9_-]{0,399}")
DOC_TYPE = re.compile(r"[a-z]{2,10}")
YEAR = re.compile(r"\d{4}")
NUMBER = re.compile(r"\d{1,6}")


def is_law(name: str | None) -> bool:
    return bool(name) and LAW.fullmatch(name) is not None


def is_date(value: str | None) -> bool:
    """A real calendar date written YYYY-MM-DD ("2021-02-30" and month 13 are not)."""
    from .validate import ValueProblem, iso_date

    if not isinstance(value, str) or not DATE.fullmatch(value):
        return False
    try:
        iso_date(value)  # the same rule as for dates in proposals and on the command line
    except ValueProblem:
        return False
    return True


def is_eid(value: str | None) -> bool:
    return bool(value) and len(value) <= 400 and EID.fullmatch(value) is not None


def is_wid(value: str | None) -> bool:
    return bool(value) and WID.fullmatch(value) is not None


def shown(value: str, limit: int = 40) -> str:
    """A value for an error message: quoted, control characters made visible, cut short."""
    text = repr(value[:limit])
    return text + ("…" if len(value) > limit else "")
