"""model.assign_eids(act, wids=True), the importers' one walk, gives every unit the eId and wId
that assign_eids followed by assign_wids give; the memo of eId parts changes no eId."""
import copy

from hypothesis import given, settings, strategies as st

from lawdiff.model import Act, Unit, assign_eids, assign_wids

_NUM = st.one_of(st.none(), st.sampled_from(["1", "2", "2 a", "68 a", "b", "75 æ", "67 a-67 f", "", "I"]))


def _units(depth: int):
    kids = st.lists(st.deferred(lambda: _units(depth - 1)), max_size=3) if depth else st.just([])
    return st.builds(Unit, st.sampled_from(["book", "part", "chapter", "group", "ikraft", "section", "subsection",
                                            "paragraph", "point", "indent"]),
                     num=_NUM, children=kids, wid=st.sampled_from(["", "", "kept_1"]))


def _ids(act: Act) -> list[tuple[str, str]]:
    return [(u.eid, u.wid) for u in act.walk()]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_units(3), max_size=4))
def test_one_walk_equals_the_two(body):
    a = Act("lov", "t", "T", "lov", "2016", "1", "2016-01-01", "LOV nr. 1 af 01/01/2016", body=body)
    b = copy.deepcopy(a)
    assign_eids(a)
    assign_wids(a)
    assign_eids(b, wids=True)
    assert _ids(a) == _ids(b)
    assign_eids(b)  # again, with every part memoised: the same eIds
    assert _ids(a) == _ids(b)
