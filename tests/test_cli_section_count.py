"""cli._section_count (the §§ `lawdiff import` prints) is sum(1 for _ in act.sections())."""
from hypothesis import given, settings, strategies as st

from lawdiff.cli import _section_count
from lawdiff.model import Act, Unit
from lawdiff.store import Store
from tests.conftest import ROOT

_KINDS = st.sampled_from(["book", "chapter", "group", "section", "subsection", "paragraph", "ikraft"])
# any tree, also one that holds a § inside a § or a stk.: every § counts, wherever it stands
_UNITS = st.recursive(_KINDS.map(Unit), lambda c: st.tuples(_KINDS, st.lists(c, max_size=4)).map(
    lambda kc: Unit(kc[0], children=kc[1])), max_leaves=30)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_UNITS, max_size=5))
def test_section_count_is_the_number_of_sections(body):
    act = Act("x", "t", "t", "lbk", "2016", "1", "2016-01-01", "LBK nr. 1 af 01/01/2016", body=body)
    assert _section_count(act) == sum(1 for _ in act.sections())


def test_section_count_of_the_stored_acts():
    store = Store(ROOT)
    for law in store.laws():
        for v in store.versions(law):
            act = store.load(f"{law}@{v}")
            assert _section_count(act) == sum(1 for _ in act.sections()) > 0
