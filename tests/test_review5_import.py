"""Review of the retsplej merge, the LexDania reader: a part labelled by an ordinal word ("Femte afsnit.") is
reached only as "første bog, femte afsnit" (address.py), i.e. only inside a book labelled by an ordinal word.
One outside such a book was imported without a number, silently, and no address reached it."""
from __future__ import annotations

import pytest

from lawdiff.address import resolve
from lawdiff.errors import AddressError
from lawdiff.importers.lexdania import read_lexdania, read_lexdania_file
from tests.conftest import CORPUS

LBK = CORPUS / "2011/2011-1063.xml"  # retsplejeloven: "Første bog." … each with "Første afsnit." …


@pytest.mark.corpus
def test_ordinal_parts_of_a_book_without_an_ordinal_label_are_reported_unreachable():
    data = LBK.read_bytes()
    head = b'<Bog id="Bog1">\n      <Explicatus>F\xc3\xb8rste bog.</Explicatus>'
    assert data.count(head) == 1
    res = read_lexdania(data.replace(head, b'<Bog id="Bog1">'), str(LBK))
    with pytest.raises(AddressError):
        resolve(res.act, "første bog, femte afsnit")
    unreachable = [w for w in res.repairs if "ingen henvisning når" in w and "afsnit." in w]
    assert len(unreachable) == 7, unreachable  # første bog's første to syvende afsnit
    assert any("»Femte afsnit.«" in w for w in unreachable)


@pytest.mark.corpus
def test_ordinal_parts_inside_their_book_are_not_reported():
    res = read_lexdania_file(LBK)
    assert not any("ingen henvisning når" in w and "afsnit" in w for w in res.repairs)
    assert resolve(res.act, "første bog, femte afsnit").units[0].heading.text == "Politiet"


@pytest.mark.corpus
def test_a_part_printed_before_the_first_book_in_the_1237_layout_is_reported_unreachable():
    """LBK 1237/2010 prints its books and parts as <Rubrica>s (chapters_apart); without "Første bog." the
    parts of the first book stand before any book, and no address reaches them."""
    path = CORPUS / "2010/2010-1237.xml"
    data = path.read_bytes()
    book = "<Char>Første bog.</Char>".encode()
    assert data.count(book) == 1
    res = read_lexdania(data.replace(book, "<Char>Domsmagten</Char>".encode()), str(path))
    unreachable = [w for w in res.repairs if "står før lovens første bog" in w]
    assert [w.split(": ", 1)[1] for w in unreachable][:1] == [
        "»Første afsnit.« står før lovens første bog; importeret som afsnit uden nummer, som ingen henvisning når"]
    assert len(unreachable) == 6  # første bog's første to sjette afsnit (the base has no syvende)


_BASE = CORPUS / "2010/2010-1237.xml"
_ALONE = '<Kapitel id="Kap1a">\n          <Explicatus>Kapitel 1 a</Explicatus>\n        </Kapitel>'


def _1237_with(old: str, new: str):
    data = _BASE.read_text(encoding="utf-8")
    assert data.count(old) == 1
    return read_lexdania(data.replace(old, new).encode("utf-8"), str(_BASE))


@pytest.mark.corpus
def test_a_label_alone_followed_by_another_label_alone_is_refused():
    """Near miss of the 1237 layout: "Kapitel 1 a" alone, then "Kapitel 1 b" alone. Read as before, kapitel 1 a
    was a chapter without text and its heading and §§ went to kapitel 1 b, with exit 0."""
    from lawdiff.importers.lexdania import MappingError

    with pytest.raises(MappingError, match=r"»Kapitel 1 a« står alene.*hverken paragraffer"):
        _1237_with(_ALONE, _ALONE + '\n        <Kapitel id="Kap1b">\n          <Explicatus>Kapitel 1 b</Explicatus>\n'
                           '        </Kapitel>')


@pytest.mark.corpus
def test_a_label_alone_followed_by_a_labelled_chapter_is_refused():
    """Near miss: the §§ after "Kapitel 1 a"'s heading stand in a labelled <Kapitel> ("Kapitel 1 b"): kapitel 1 a
    got the heading and no §§, kapitel 1 b the §§ 22-27."""
    from lawdiff.importers.lexdania import MappingError

    with pytest.raises(MappingError, match=r"»Kapitel 1 a« står alene.*hverken paragraffer"):
        _1237_with('<Kapitel id="Kap1_2">', '<Kapitel id="Kap1_2">\n          <Explicatus>Kapitel 1 b</Explicatus>')
