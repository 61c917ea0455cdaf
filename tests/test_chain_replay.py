"""The helpers of the chain replay (tests/chain_replay.py): which ændringsparagraf amends the chain's
act, what the comparison treats as the same text, and the classes of differences."""
from __future__ import annotations

from lawdiff.address import canonical_num
from tests.chain_replay import PH, _PH_TEXT, _ressort, act_names, amends, compare_text, popular_title
from tests.conftest import CORPUS


def test_an_amending_act_is_linked_by_title_short_title_popular_title_or_cited_lbk():
    names = act_names("lov om integration af udlændinge i Danmark (integrationsloven)")
    assert {"integrationsloven", "lov om integration af udlændinge i danmark"} <= names
    assert amends({"lovtitel": "integrationsloven"}, names, set())
    names = act_names("lov om rettens pleje", popular_title(CORPUS / "2010/2010-1237.xml"))
    assert amends({"lovtitel": "retsplejeloven"}, names, set())
    assert amends({"lovtitel": "loven", "henvisning": "lovbekendtgørelse nr. 1008 af 24. oktober 2012"},
                  set(), {"2012/2012-1008"})
    # an act amending an earlier amending act of the same law is not the law itself
    names = act_names("lov om arbejdsløshedsforsikring m.v.")
    assert not amends({"lovtitel": "lov om ændring af lov om arbejdsløshedsforsikring m.v. (Nedsættelse af "
                                   "dagpengeperioden)", "henvisning": "lov nr. 703 af 25. juni 2010"}, names, set())
    assert "nedsættelse af dagpengeperioden" not in act_names("lov om x (Nedsættelse af dagpengeperioden)")


def test_comparison_ignores_spacing_before_punctuation_and_reads_placeholders():
    assert compare_text("el.lign. , og ( a )") == compare_text("el.lign., og (a)")
    assert compare_text("stk. 1") != compare_text("stk.1")  # a missing space inside a citation still differs
    assert compare_text("(Udelades).") == compare_text("(Udeladt).")
    for t in ("§ 10. (ophævet)", "§ 20. (Ophævet.)", "§ 6 a. (Ophævet)"):
        assert _PH_TEXT.match(compare_text(t)), t
    assert canonical_num(_PH_TEXT.match("§ 13 og § 14. (Ophævet).").group("to")) == "14"
    assert not _PH_TEXT.match("§ 10. Ophævet ved lov nr. 1 af 2. januar 2012.")
    assert PH == "(Ophævet)"


def test_ressort_class_needs_every_difference_to_name_a_ministry():
    assert _ressort("Børne- og undervisningsministeren kan", "Undervisningsministeren kan")
    assert _ressort("Social-, børne- og integrationsministeren kan", "Social- og integrationsministeren kan")
    assert not _ressort("stk. 2. Ministeren kan", "stk. 2 eller 6. Ministeren kan")
    assert not _ressort("Socialministeren kan særligt", "Beskæftigelsesministeren kan særlig")
    assert not _ressort(None, "x")
