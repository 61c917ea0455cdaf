"""The byte-level prefilter of the LexDania importer's check for forbidden characters."""
import pytest

from lawdiff.errors import MappingError
from lawdiff.importers.lexdania import _refuse_odd_characters, may_hold_odd_characters
from lawdiff.validate import _FORBIDDEN, forbidden_in_file

_ALL = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def test_every_forbidden_character_passes_the_prefilter():
    forbidden = _FORBIDDEN.findall(_ALL)
    assert len(forbidden) > 100
    for ch in forbidden:
        data = f"<Linea><Char>a{ch}b</Char></Linea>".encode()
        assert may_hold_odd_characters(data), hex(ord(ch))
        assert forbidden_in_file(data.decode()) is not None
        assert may_hold_odd_characters(f"a&#x{ord(ch):X};b".encode())


def test_ordinary_danish_text_does_not():
    text = "§ 68 a. Stk. 2. »Æble«, ø, å – “x” … € ½ ÆØÅ ü é\t\r\n"
    assert not may_hold_odd_characters(text.encode())


def test_the_prefilter_never_hides_a_character_the_full_check_finds():
    # a sample across every plane, as UTF-8: whenever the full check finds something, so does the prefilter
    for start in range(0, len(_ALL), 997):
        chunk = _ALL[start:start + 997]
        data = chunk.encode()
        if forbidden_in_file(chunk) is not None:
            assert may_hold_odd_characters(data)


def test_a_forbidden_character_is_still_refused_with_its_position():
    data = "<Dokument>\n<Linea>ab\u202ecd</Linea>\n</Dokument>".encode()
    with pytest.raises(MappingError) as e:
        _refuse_odd_characters(data, "x.xml")
    assert e.value.line == 2
