"""Punktum counting checked against the law's own in-text references."""
import pytest

from lawdiff.refs import check_pkt_refs

# Reviewed by hand: references in the official text that are stale (the cited
# unit has fewer punktummer than the reference needs), e.g. retsplejeloven
# § 973 a cites "§ 968, stk. 1, 2. pkt." while § 968, stk. 1 has one punktum, and
# ikraft §§ of lov om menighedsråd that cite the numbering of an older act.
KNOWN_STALE = {
    ("2010/2010-1237.xml", "sec_973a__subsec_1", "§ 968, stk. 1"),
    ("2011/2011-1063.xml", "sec_973a__subsec_1", "§ 968, stk. 1"),
    ("2010/2010-510.xml", "sec_35__subsec_1__para_10", "§ 19, stk. 10"),
    ("2011/2011-171.xml", "sec_35__subsec_1__para_10", "§ 19, stk. 10"),
    ("2010/2010-584.xml", "sec_49__subsec_2", "§ 8, stk. 6"),
    ("2012/2012-146.xml", "sec_49__subsec_2", "§ 8, stk. 6"),
    ("2013/2013-771.xml", "sec_49__subsec_1", "§ 10, stk. 1"),
    ("2013/2013-771.xml", "sec_49__subsec_2", "§ 8, stk. 6"),
    # Reviewed by hand when the corpus grew to 2,060 documents: the cited stk. has fewer
    # punktummer than the reference needs (transitional rules citing an older wording, e.g.
    # kursgevinstloven § 42 citing "§ 16, 4.-6. pkt." where § 16 is now "(Ophævet)";
    # miljøbeskyttelsesloven-style "stk. 2, 4. og 5. pkt." where stk. 2 has three).
    ('2010/2010-1010.xml', 'sec_21__subsec_3', '§ 2, stk. 1'),
    ('2010/2010-616.xml', 'sec_34__subsec_3', '§ 34, stk. 1'),
    ('2011/2011-287.xml', 'sec_81__subsec_1__para_4', '§ 65, stk. 3'),
    ('2011/2011-365.xml', 'sec_107__subsec_4', '§ 98, stk. 1'),
    ('2011/2011-916.xml', 'sec_42__subsec_2', '§ 16'),
    ('2011/2011-916.xml', 'sec_42__subsec_3', '§ 16'),
    ('2012/2012-1121.xml', 'sec_42__subsec_2', '§ 16'),
    ('2012/2012-1121.xml', 'sec_42__subsec_3', '§ 16'),
    ('2012/2012-938.xml', 'sec_57__subsec_3', '§ 11, stk. 1'),
    ('2013/2013-1113.xml', 'sec_42__subsec_2', '§ 16'),
    ('2013/2013-1113.xml', 'sec_42__subsec_3', '§ 16'),
    ('2013/2013-962.xml', 'sec_23__subsec_1', '§ 7, stk. 5'),
    ('2015/2015-1017.xml', 'sec_15b__subsec_6', '§ 15 b, stk. 4'),
    ('2015/2015-1531.xml', 'sec_56__subsec_6', '§ 56, stk. 2'),
    ('2015/2015-613.xml', 'sec_107__subsec_4', '§ 98, stk. 1'),
    ('2015/2015-772.xml', 'sec_21__subsec_3', '§ 2, stk. 1'),
    ('2015/2015-831.xml', 'sec_70__subsec_1__para_2', '§ 11, stk. 2'),
    ('2016/2016-1216.xml', 'sec_51__subsec_11', '§ 51, stk. 7'),
    ('2016/2016-1251.xml', 'sec_56__subsec_6', '§ 56, stk. 2'),
    ('2016/2016-1283.xml', 'sec_42__subsec_2', '§ 16'),
    ('2016/2016-1283.xml', 'sec_42__subsec_3', '§ 16'),
}

# References the checker (lawdiff.refs) attributes to this act although they are not: a chain
# continuing a reference to another act ("vurderingslovens § 33, stk. 5, 2. pkt., § 33, stk. 6,
# 2. pkt."; "forordningens artikel 8, stk. 1, 1. og 2. pkt."; "ophavsretslovens … § 55, 3. pkt.";
# "Lovens § 3, nr. 5, § 4, § 7, 2. pkt." of a repealed act), a reference to an older version
# ("§ 2, 2. pkt., som affattet ved lovbekendtgørelse nr. 627 af 29. september 1987"), a sentence
# split inside "§ 29, stk. 1, 1.-7. pkt." (retsinformation's text is right) and the source's note
# "Stk. 1. 2. pkt. (Udeladt)". Limits of the checker, not of the import; listed so that any
# change shows.
KNOWN_MISREAD = {
    ('2010/2010-1365.xml', 'sec_16__subsec_9', '§ 33, stk. 7'),
    ('2010/2010-1403.xml', 'sec_60__subsec_1__point_f', '§ 13, stk. 1'),
    ('2011/2011-1017.xml', 'sec_16__subsec_9', '§ 33, stk. 7'),
    ('2011/2011-916.xml', 'sec_41__subsec_1', '§ 2'),
    ('2011/2011-916.xml', 'sec_41__subsec_15', '§ 2'),
    ('2011/2011-916.xml', 'sec_41__subsec_16', '§ 2'),
    ('2011/2011-916.xml', 'sec_41__subsec_6', '§ 2'),
    ('2011/2011-916.xml', 'sec_41__subsec_7', '§ 2'),
    ('2011/2011-916.xml', 'sec_41__subsec_8', '§ 2'),
    ('2012/2012-1050.xml', 'sec_24__subsec_1_2', '§ 24, stk. 1'),
    ('2012/2012-1121.xml', 'sec_41__subsec_1', '§ 2'),
    ('2012/2012-1121.xml', 'sec_41__subsec_15', '§ 2'),
    ('2012/2012-1121.xml', 'sec_41__subsec_16', '§ 2'),
    ('2012/2012-1121.xml', 'sec_41__subsec_6', '§ 2'),
    ('2012/2012-1121.xml', 'sec_41__subsec_7', '§ 2'),
    ('2012/2012-1121.xml', 'sec_41__subsec_8', '§ 2'),
    ('2013/2013-1065.xml', 'sec_54__subsec_1', '§ 54, stk. 1'),
    ('2013/2013-1113.xml', 'sec_41__subsec_1', '§ 2'),
    ('2013/2013-1113.xml', 'sec_41__subsec_15', '§ 2'),
    ('2013/2013-1113.xml', 'sec_41__subsec_16', '§ 2'),
    ('2013/2013-1113.xml', 'sec_41__subsec_6', '§ 2'),
    ('2013/2013-1113.xml', 'sec_41__subsec_7', '§ 2'),
    ('2013/2013-1113.xml', 'sec_41__subsec_8', '§ 2'),
    ('2013/2013-1275.xml', 'sec_87a__subsec_2', '§ 87 a, stk. 1'),
    ('2013/2013-1329.xml', 'sec_87a__subsec_2', '§ 87 a, stk. 1'),
    ('2013/2013-1331.xml', 'sec_49a__subsec_2', '§ 49 a, stk. 1'),
    ('2013/2013-252.xml', 'sec_32__subsec_2', '§ 7'),
    ('2013/2013-405.xml', 'sec_16__subsec_9', '§ 33, stk. 7'),
    ('2015/2015-1081.xml', 'sec_16__subsec_9', '§ 33, stk. 6'),
    ('2015/2015-1150.xml', 'sec_32__subsec_2', '§ 7'),
    ('2016/2016-1019.xml', 'sec_32__subsec_2', '§ 7'),
    ('2016/2016-1157.xml', 'sec_49a__subsec_2', '§ 49 a, stk. 1'),
    ('2016/2016-1162.xml', 'sec_16__subsec_9', '§ 33, stk. 6'),
    ('2016/2016-117.xml', 'sec_60__subsec_1__point_f', '§ 13, stk. 1'),
    ('2016/2016-1283.xml', 'sec_41__subsec_1', '§ 2'),
    ('2016/2016-1283.xml', 'sec_41__subsec_15', '§ 2'),
    ('2016/2016-1283.xml', 'sec_41__subsec_16', '§ 2'),
    ('2016/2016-1283.xml', 'sec_41__subsec_6', '§ 2'),
    ('2016/2016-1283.xml', 'sec_41__subsec_7', '§ 2'),
    ('2016/2016-1283.xml', 'sec_41__subsec_8', '§ 2'),
    ('2016/2016-1581.xml', 'sec_701__subsec_2__para_1', '§ 55'),
    ('2016/2016-418.xml', 'sec_87a__subsec_2', '§ 87 a, stk. 1'),
    ('2017/2017-50.xml', 'sec_32__subsec_2', '§ 7'),
}


@pytest.mark.corpus
def test_pkt_references_across_the_corpus(corpus_results, capsys):
    checked = skipped = 0
    failures = set()
    for rel, res in corpus_results.items():
        if not res.act:
            continue
        rep = check_pkt_refs(res.act)
        checked += len(rep.checked)
        skipped += rep.skipped
        failures |= {(rel, f.unit.eid, str(f.target)) for f in rep.failures}
    with capsys.disabled():
        print(f"\n'N. pkt.' references: {checked} checked, {skipped} skipped as ambiguous or external, "
              f"{len(failures & KNOWN_STALE)} stale in the official text, "
              f"{len(failures & KNOWN_MISREAD)} misread by the checker")
    assert checked > 2500
    assert failures == KNOWN_STALE | KNOWN_MISREAD


def test_reference_in_lab_is_checked(store):
    lab = store.load("lab@2016-11-21")
    rep = check_pkt_refs(lab)
    assert rep.checked and not rep.failures
    assert any(r.text.startswith("§ 26 a, stk. 3, 2. pkt") for r in rep.checked)
