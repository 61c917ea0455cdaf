"""§§ under several mellemrubrikker repealed and replaced by new text (changes/repeal._replace_across_groups), on
forvaltningsloven as LBK 988/2012 prints it: kapitel 4 holds "Retten til aktindsigt" § 9, "Omfanget af
aktindsigt" § 10, "Udsættelse af sagen" § 11, "Undtagelse af dokumenter" §§ 12-14, "Undtagelse af
oplysninger" § 15, … "Aktindsigt i straffesager" § 18; kapitel 5 "Retten til at afgive udtalelse" § 19.
The real nummer (lov 638/2013, § 1, nr. 2) is in tests/test_chains.py."""
import pytest

from lawdiff.proposal import ProposalError
from tests.lbk_apply import apply_to


LBK = "2012/2012-988.xml"


def chapter_4(act):
    ch = next(u for u in act.walk() if u.kind == "chapter" and u.num == "4")
    return [(g.heading.text if g.heading else None, [s.num for s in g.children]) for g in ch.children][:5]


def test_the_headings_inside_the_range_go_and_the_new_ones_open_groups():
    lr = apply_to(LBK, [{"ophæves": "§§ 10-12", "tekst": "§ 10. Første nye.\n\nNy rubrik\n\n§ 11. Anden nye.\n\n"
                                                      "Undtagelse af dokumenter\n\n§ 12. Tredje nye."}])
    assert chapter_4(lr.new) == [("Retten til aktindsigt", ["9"]), ("Omfanget af aktindsigt", ["10"]),
                                 ("Ny rubrik", ["11"]), ("Undtagelse af dokumenter", ["12", "13", "14"]),
                                 ("Undtagelse af oplysninger", ["15"])]


def test_a_range_over_two_chapters_is_refused():
    with pytest.raises(ProposalError) as e:
        apply_to(LBK, [{"ophæves": "§§ 18-19", "tekst": "§ 18. Første nye.\n\n§ 19. Anden nye."}])
    assert "af samme slags og i samme enhed" in str(e.value)
