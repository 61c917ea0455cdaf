"""Review of the retsplej merge: retsplejeloven's parts carry no number ("Femte afsnit."), and their citation
printed "afsnit None" in every message that names them (the hint of a part not found, `show`, the engine's
errors)."""
from __future__ import annotations

import pytest

from lawdiff.address import resolve
from lawdiff.errors import AddressError
from lawdiff.importers.lexdania import read_lexdania_file
from lawdiff.model import Unit
from tests.conftest import CORPUS


def test_a_part_named_by_an_ordinal_word_cites_its_label():
    assert Unit("part", label="Femte afsnit.").cite() == "femte afsnit"
    assert Unit("part", label="Fjerde afsnit (Ophævet)").cite() == "fjerde afsnit"
    assert Unit("book", label="Første bog.").cite() == "første bog"
    assert Unit("part", num="III", label="Afsnit III").cite() == "afsnit III"
    assert Unit("chapter", num="11 a", label="Kapitel 11 a").cite() == "kapitel 11 a"
    # no number and no label: the kind alone, never "None"
    assert Unit("part").cite() == "afsnit"
    assert Unit("chapter").cite() == "kapitel"


@pytest.mark.corpus
def test_a_roman_part_not_found_lists_the_parts_by_their_book():
    """LBK 1063/2011 (retsplejeloven): "afsnit V" is no address of it; the hint names the parts as they are
    cited ("første bog, femte afsnit"), not "afsnit None" 23 times."""
    act = read_lexdania_file(CORPUS / "2011/2011-1063.xml").act
    with pytest.raises(AddressError) as e:
        resolve(act, "afsnit V")
    hint = e.value.hint
    assert "None" not in hint
    assert "første bog, femte afsnit" in hint and "tredje bog, sjette afsnit" in hint
