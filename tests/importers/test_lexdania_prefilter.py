"""The byte-level prefilter of the LexDania importer's check for forbidden characters."""
import pytest

from lawdiff.errors import MappingError
from lawdiff.importers.lexdania import _refuse_odd_characters
from lawdiff.validate import _FORBIDDEN, forbidden_in_file, odd_bytes

_ALL = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def test_every_forbidden_character_passes_the_prefilter():
    forbidden = _FORBIDDEN.findall(_ALL)
    assert len(forbidden) > 100
    for ch in forbidden:
        data = f"<Linea><Char>a{ch}b</Char></Linea>".encode()
        assert odd_bytes(data), hex(ord(ch))
        assert forbidden_in_file(data.decode()) is not None
        assert odd_bytes(f"a&#x{ord(ch):X};b".encode())


def test_ordinary_danish_text_does_not():
    text = "§ 68 a. Stk. 2. »Æble«, ø, å – “x” … € ½ ÆØÅ ü é\t\r\n"
    assert not odd_bytes(text.encode())


def test_the_prefilter_never_hides_a_character_the_full_check_finds():
    # a sample across every plane, as UTF-8: whenever the full check finds something, so does the prefilter
    for start in range(0, len(_ALL), 997):
        chunk = _ALL[start:start + 997]
        data = chunk.encode()
        if forbidden_in_file(chunk) is not None:
            assert odd_bytes(data)


def test_a_forbidden_character_is_still_refused_with_its_position():
    data = "<Dokument>\n<Linea>ab\u202ecd</Linea>\n</Dokument>".encode()
    with pytest.raises(MappingError) as e:
        _refuse_odd_characters(data, "x.xml")
    assert e.value.line == 2


# --- after the parse: lxml refuses every C0 control but TAB, LF, CR (parse_lexdania relies on it)

_PLACES = [b"<a>X</a>", b'<a b="X"/>', b"<a><!--X--></a>", b"<a><![CDATA[X]]></a>", b"<a><?p X?></a>",
           b"<a X/>", b"<aX/>", b"<a/>X", b"X<a/>"]


@pytest.mark.parametrize("version", [b"1.0", b"1.1"])
def test_lxml_refuses_every_c0_control_raw_or_as_reference(version):
    from lxml import etree
    from lawdiff.xmlsafe import _parser
    for c in [b for b in range(0x20) if b not in (0x09, 0x0a, 0x0d)]:
        for place in _PLACES:
            # a reference is one only in text and attribute values (elsewhere it is the text
            # "&#1;", which the parsed prefilter finds by its "&#")
            refs = (b"&#%d;" % c, b"&#x%X;" % c) if place in (b"<a>X</a>", b'<a b="X"/>') else ()
            for x in (bytes([c]),) + refs:
                data = b'<?xml version="' + version + b'" encoding="UTF-8"?>' + place.replace(b"X", x)
                with pytest.raises(etree.XMLSyntaxError):
                    etree.fromstring(data, _parser())


def test_lxml_refuses_a_surrogate_in_utf8():
    from lxml import etree
    from lawdiff.xmlsafe import _parser
    for s in (b"\xed\xa0\x80", b"\xed\xbf\xbf"):
        for place in _PLACES:
            with pytest.raises(etree.XMLSyntaxError):
                etree.fromstring(place.replace(b"X", s), _parser())


def test_the_parsed_prefilter_finds_every_forbidden_character_but_c0():
    for ch in _FORBIDDEN.findall(_ALL):
        if ord(ch) < 0x20:
            continue  # refused by lxml's parse (above); surrogates are not in _ALL (refused, above)
        assert odd_bytes(f"<Linea><Char>a{ch}b</Char></Linea>".encode(), parsed=True), hex(ord(ch))
        assert odd_bytes(f"a&#x{ord(ch):X};b".encode(), parsed=True)


@pytest.mark.parametrize("data, line, what", [
    ("<Dokument>\n<Linea>ab\u202ecd</Linea>\n</Dokument>", 2, "\u202e in a parsed file"),
    ("<Dokument>\n<Linea>ab\x7fcd</Linea>\n</Dokument>", 2, "DEL in a parsed file"),
    ("<Dokument>\n<Linea>ab&#x202E;cd</Linea>\n</Dokument>", 2, "a reference to \u202e"),
    ("<Dokument>\n\n<Linea>ab\x01cd</Linea>\n</Dokument>", 3, "a control character lxml refuses: named first"),
    ("<Dokument>\n\n<Linea>ab\u202ecd</Linea>\n</Dokumen>", 3, "bad XML and a bidi override: named first"),
])
def test_parse_lexdania_refuses_a_forbidden_character_with_its_position(data, line, what):
    from lawdiff.importers.lexdania import parse_lexdania
    with pytest.raises(MappingError) as e:
        parse_lexdania(data.encode(), "x.xml")
    assert e.value.line == line and "XML" not in e.value.message, what


def test_parse_lexdania_checks_a_file_in_another_encoding_in_full():
    from lawdiff.importers.lexdania import parse_lexdania
    data = '<?xml version="1.0" encoding="UTF-16"?><Dokument>a\x7fb</Dokument>'.encode("utf-16")
    assert parse_lexdania(data, "x.xml").tag == "Dokument"  # as before: not UTF-8, checked as it is mapped


def test_the_parsed_prefilter_looks_past_the_bom_and_at_every_ampersand():
    def parsed(data):
        return odd_bytes(data, parsed=True)
    bom = b"\xef\xbb\xbf"
    assert not parsed(bom + "<a>§ »x« – “y” &amp; &lt;</a>".encode())
    assert parsed(bom + "<a>\ufffd</a>".encode()) and parsed("<a>\ufdd0</a>".encode())
    assert parsed(b"<a>&amp; &amp; &#x202E;</a>") and parsed(b"&#1;")
    assert parsed(bom + "<a>\u061c</a>".encode()) and parsed(b"\x7f")
