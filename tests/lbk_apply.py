"""Changes applied to a real LBK of the corpus in a test (tests/changes/test_repeal_groups.py,
test_insert_where_repealed.py, tests/test_engine_pkt_lines.py)."""
from __future__ import annotations

from functools import lru_cache

from lawdiff.engine import apply_proposal
from lawdiff.importers.lexdania import read_lexdania_file
from tests.conftest import lexdania
from tests.helpers import make_proposal


@lru_cache(maxsize=8)
def lbk(path: str):
    """The act version of ../shared/corpus/lexdania/`path` under the short name "x"."""
    act = read_lexdania_file(lexdania(path)).act
    act.law = "x"
    return act


def apply_to(path: str, changes: list[dict]):
    """The LawResult of `changes` (proposal changes) on the LBK at `path`."""
    act = lbk(path)
    return apply_proposal(make_proposal(changes, {"x": f"x@{act.date}"}), {"x": act})["x"]


def apply_act_to(path: str, changes: list[dict]):
    """The LawResult of `changes` as one nummer of an amending act (amendments/*.yaml: the act's own
    forms, e.g. a count inside `i`, which a hand-written proposal must write otherwise) on the LBK at `path`."""
    import yaml

    from lawdiff.proposal import parse_proposal

    act = lbk(path)
    doc = {"titel": "Lov om ændring af x", "organisation": "x", "dato": "2020-01-01", "status": "vedtaget",
           "kilde": "lov nr. 1 af 1. januar 2020", "love": {"x": f"x@{act.date}"},
           "paragraffer": [{"nummer": "1", "lov": "x", "lovtitel": "x",
                            "numre": [{"nummer": "1", "ændringer": changes}]}]}
    prop = parse_proposal(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode(), "amendments/lov-2020-1.yaml")
    return apply_proposal(prop, {"x": act})["x"]
