"""model.assign_eids gives the eIds (and, with wids, the wIds) of its former form, kept here as the
reference: the memo of eId parts by kind, then number, and the collision look are a faster way to
the same ids, on any tree (collisions, unnumbered units, groups, repeated numbers, kept wIds)."""
import copy

from hypothesis import given, settings, strategies as st

from lawdiff.model import Act, Unit, _EID_PART, _ORDINAL_ONLY, assign_eids, eid_num

_NUM = st.one_of(st.none(), st.sampled_from(["1", "2", "2 a", "68 a", "b", "75 æ", "67 a-67 f", "", "I", "2_2"]))


def _units(depth: int):
    kids = st.lists(st.deferred(lambda: _units(depth - 1)), max_size=3) if depth else st.just([])
    return st.builds(Unit, st.sampled_from(["book", "part", "chapter", "group", "ikraft", "section", "subsection",
                                            "paragraph", "point", "indent"]),
                     num=_NUM, children=kids, wid=st.sampled_from(["", "", "kept_1"]))


def _reference(act: Act, wids: bool) -> None:
    """assign_eids as it was written before the memo by kind (9d554c2)."""
    used: set[str] = set()

    def visit(units, prefix):
        counters: dict[str, int] = {}
        for u in units:
            kind = u.kind
            n = counters[kind] = counters.get(kind, 0) + 1
            num = u.num
            if num and kind not in _ORDINAL_ONLY:
                part = _EID_PART[kind] + eid_num(num)
                eid = part if kind == "section" else prefix + part
            else:
                eid = prefix + _EID_PART[kind] + str(n)
            if eid in used:
                k = 2
                while f"{eid}_{k}" in used:
                    k += 1
                eid = f"{eid}_{k}"
            used.add(eid)
            u.eid = eid
            if wids and not u.wid:
                u.wid = eid
            if u.children:
                visit(u.children, prefix if kind == "group" else eid + "__")

    visit(act.body, "")


def _ids(act: Act) -> list[tuple[str, str]]:
    return [(u.eid, u.wid) for u in act.walk()]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(_units(3), max_size=5), st.booleans())
def test_assign_eids_gives_the_reference_ids(body, wids):
    a = Act("lov", "t", "T", "lov", "2016", "1", "2016-01-01", "LOV nr. 1 af 01/01/2016", body=body)
    b = copy.deepcopy(a)
    _reference(a, wids)
    assign_eids(b, wids=wids)
    assert _ids(a) == _ids(b)
    assign_eids(b, wids=wids)  # again, every part memoised
    assert _ids(a) == _ids(b)
