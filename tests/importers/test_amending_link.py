"""`lawdiff import lexdania` links each ændringsparagraf of an amending act to the stored law it amends: by
the title, by another name of the law (its popular title, the short name in its title's parentheses), and by
the lovbekendtgørelse the intro cites (another name only with that confirmation); where they disagree nothing is
linked (importers/amending.link)."""
from __future__ import annotations

import yaml

from lawdiff import cli
from lawdiff.changes.intro import act_names
from lawdiff.store import Store
from tests.conftest import lexdania

RPL = "2013/2013-1139.xml"  # LBK 1139/2013, lov om rettens pleje; <PopularTitle>Retsplejeloven</PopularTitle>
UNSEEN = "tests/fixtures/unseen-lexdania/retsplejeloven/LOVC2016-168.xml"


def _import(root, *files) -> int:
    return cli.main(["import", "--root", str(root), "lexdania", "--force", *map(str, files)])


def test_names_of_an_act():
    assert act_names("lov om integration af udlændinge i Danmark (integrationsloven)") == {
        "lov om integration af udlændinge i danmark (integrationsloven)", "lov om integration af udlændinge i danmark",
        "integrationsloven"}
    # a subtitle in parentheses is no name of the act
    assert act_names("lov om x (Nedsættelse af dagpengeperioden)") == {"lov om x (nedsættelse af dagpengeperioden)",
                                                                       "lov om x"}
    assert act_names("lov om rettens pleje", "Retsplejeloven") == {"lov om rettens pleje", "retsplejeloven"}


def test_the_popular_title_is_kept_in_the_store(tmp_path):
    assert _import(tmp_path, lexdania(RPL)) == 0
    store = Store(tmp_path)
    (law,) = store.laws()
    assert store.load(law).popular == "Retsplejeloven"
    assert Store(tmp_path).names()["retsplejeloven"] == [law]


def test_a_popular_title_alone_does_not_link_but_says_which_law_it_may_be(tmp_path, capsys):
    # lov 168/2016: "I retsplejeloven, jf. lovbekendtgørelse nr. 1255 af 16. november 2015, …"; the store holds LBK
    # 1139/2013 ("lov om rettens pleje", popular title Retsplejeloven) but not LBK 1255/2015. A popular title alone
    # is not enough (LexDania gives »Betalingsloven« to two laws: tests/test_review9_link.py): not linked, and the
    # import says which law it may be and what to do (before, it said only "findes ikke i lageret")
    assert _import(tmp_path, lexdania(RPL)) == 0
    (law,) = Store(tmp_path).laws()
    capsys.readouterr()
    assert _import(tmp_path, UNSEEN) == 0
    out = capsys.readouterr().out
    doc = yaml.safe_load((tmp_path / "amendments" / "lov-2016-168.yaml").read_text("utf-8"))
    rpl = [p for p in doc["paragraffer"] if p.get("lovtitel") == "retsplejeloven"]
    assert rpl and not any("lov" in p for p in rpl), rpl
    assert f"kan være {law}" in out and "lovbekendtgørelse nr. 1255 af 16. november 2015 findes ikke i lageret" in out, out


def test_a_popular_title_with_the_cited_lbk_stored_is_linked(tmp_path):
    from lawdiff.importers.amending import link

    assert _import(tmp_path, lexdania(RPL)) == 0
    store = Store(tmp_path)
    (law,) = store.laws()
    doc = {"dato": "2014-06-01", "love": {}, "paragraffer": [
        {"nummer": "1", "lovtitel": "retsplejeloven", "henvisning": "lovbekendtgørelse nr. 1139 af 24. september 2013"}]}
    notes = link(doc, store)
    assert doc["paragraffer"][0].get("lov") == law and doc["love"] == {law: f"{law}@2013-09-24"}, notes


def test_an_intro_citing_a_stored_lbk_is_linked_whatever_name_it_gives(tmp_path):
    from lawdiff.importers.amending import link

    assert _import(tmp_path, lexdania(RPL)) == 0
    store = Store(tmp_path)
    (law,) = store.laws()
    doc = {"dato": "2014-06-01", "love": {}, "paragraffer": [
        {"nummer": "1", "lovtitel": "lov om en ukendt titel", "henvisning": "lovbekendtgørelse nr. 1139 af 24. september 2013"}]}
    notes = link(doc, store)
    assert doc["paragraffer"][0].get("lov") == law, notes


def test_a_name_and_a_cited_lbk_of_different_laws_link_nothing(tmp_path):
    from lawdiff.importers.amending import link

    assert _import(tmp_path, lexdania(RPL), lexdania("2016/2016-1188.xml")) == 0
    store = Store(tmp_path)
    doc = {"dato": "2017-01-01", "love": {}, "paragraffer": [
        {"nummer": "1", "lovtitel": "sundhedsloven", "henvisning": "lovbekendtgørelse nr. 1139 af 24. september 2013"}]}
    notes = link(doc, store)
    assert "lov" not in doc["paragraffer"][0] and doc["love"] == {}
    assert "ikke koblet" in notes[0] and "LBK nr. 1139 af 24/09/2013" in notes[0], notes
