"""xmlsafe.parse_bytes: no DOCTYPE, no entity; the Entity walk is skipped only where it cannot find one."""
import pytest

from lawdiff.errors import MappingError
from lawdiff.xmlsafe import _ENTITY_REF, ascii_compatible, has_entity_ref, parse_bytes


@pytest.mark.parametrize("data", [
    b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
    b'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
    b"<a>&e;</a>",
])
def test_entities_are_refused(data):
    with pytest.raises(MappingError):
        parse_bytes(data, "x.xml")


def test_only_predefined_entities_and_character_references_skip_the_walk():
    assert _ENTITY_REF.search(b"<a>&amp;&lt;&gt;&quot;&apos;&#65;&#x41;</a>") is None
    assert not has_entity_ref(b"<a>&amp;&lt;&gt;&quot;&apos;&#65;&#x41;</a>") and not has_entity_ref(b"<a/>")
    for ref in (b"&e;", b"&ampx;", b"&am;", b"&AMP;"):
        assert _ENTITY_REF.search(b"<a>" + ref + b"</a>") is not None
        assert has_entity_ref(b"<a>" + ref + b"</a>") and has_entity_ref(b"&amp;&#1;" + ref)
        assert has_entity_ref(ref)


@pytest.mark.parametrize("data, compatible", [
    (b"<a/>", True), (b'<?xml version="1.0" encoding="UTF-8"?><a/>', True), (b"\xef\xbb\xbf<a/>", True),
    (b'<?xml version="1.0" encoding="ISO-8859-1"?><a/>', True),
    ("<a/>".encode("utf-16"), False),  # lxml reports "UTF-8" for it
    ('<?xml version="1.0" encoding="UTF-16"?><a/>'.encode("utf-16"), False),
])
def test_ascii_compatible(data, compatible):
    assert ascii_compatible(data, parse_bytes(data, "x.xml")) is compatible


# --- blank_text=False: white space between elements left out, no other text changed -------------

from hypothesis import given, settings, strategies as st  # noqa: E402

from lawdiff.xmlsafe import blank_text_ignorable  # noqa: E402


@pytest.mark.parametrize("data, ignorable", [
    (b'<?xml version="1.0" encoding="UTF-8"?>\n<a> <b/> </a>', True),
    (b'\xef\xbb\xbf<?xml version="1.0"?><a/>', True),
    (b"<a> <!-- c --> x</a>", False),  # the blank before the comment would go, and " x" lose a space
    (b"<a> <![CDATA[x]]></a>", False),
    (b"<a> <?pi x?> y</a>", False),
    (b'<!DOCTYPE a><a/>', False),
    (b"<a> \r\nx</a>", False),  # the blank before the CR would go
])
def test_blank_text_ignorable(data, ignorable):
    assert blank_text_ignorable(data) is ignorable


def _ignorable_by_the_pairs(data: bytes) -> bool:
    """The definition blank_text_ignorable implements with memchr on the rare character."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    return data.find(b"<!") == -1 and data.find(b"\r") == -1 and data.find(b"<?", start + 1) == -1


@given(st.lists(st.sampled_from([b"<", b"!", b"?", b"\r", b"a", b" ", b">", b"\xef\xbb\xbf", b"<?xml"]),
                max_size=12).map(b"".join))
def test_blank_text_ignorable_is_the_search_for_the_pairs(data):
    assert blank_text_ignorable(data) is _ignorable_by_the_pairs(data)


def test_blank_text_false_keeps_the_blank_content_of_an_element():
    data = b"<a>\n  <Linea>\n    <Char> </Char>\n    <Char>x</Char> <Char> y </Char>\n  </Linea>\n</a>"
    full, lean = parse_bytes(data, "x.xml").getroot(), parse_bytes(data, "x.xml", blank_text=False).getroot()
    assert [c.text for c in lean.iter("Char")] == [c.text for c in full.iter("Char")] == [" ", "x", " y "]
    assert full.text == "\n  " and lean.text is None and lean[0].tail is None
    assert [c.tail for c in lean.iter("Char")] == [None, None, None]


@pytest.mark.parametrize("data", [b"<a><Char> <!-- c --> x</Char></a>", b"<a><Char> <![CDATA[x]]></Char></a>",
                                  b"<a><Char> <?pi c?> x</Char></a>", b"<a><Char> \r\nx</Char></a>"])
def test_blank_text_false_parses_as_usual_where_a_blank_could_be_joined_to_text(data):
    full, lean = parse_bytes(data, "x.xml").getroot(), parse_bytes(data, "x.xml", blank_text=False).getroot()
    assert lean[0].text == full[0].text and lean[0].text.endswith("x") and lean[0].text.startswith(" ")


@pytest.mark.parametrize("data", [b"<a><b></a>", b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', b"<a>&e;</a>"])
def test_blank_text_false_refuses_as_usual(data):
    with pytest.raises(MappingError) as full:
        parse_bytes(data, "x.xml")
    with pytest.raises(MappingError) as lean:
        parse_bytes(data, "x.xml", blank_text=False)
    assert str(lean.value) == str(full.value)


# (a CR, rare here, sends the document to the usual parse: blank_text_ignorable)
_BLANK = st.sampled_from(["", "", " ", "\n", "\n  ", "\n    ", "\t", " \n ", " \r\n "])
_WORD = st.sampled_from(["x", " x", "x ", " x y ", "\xa0", "&amp;", " &#32; ", "\u2003", "\nx\n", " \r\nx"])


@st.composite
def _element(draw, depth=0):
    text = draw(st.one_of(_BLANK, _WORD))
    kids = draw(st.lists(_element(depth + 1), max_size=3)) if depth < 3 else []
    out = f"<e{depth}>{text}"
    for k in kids:
        out += k + draw(st.one_of(_BLANK, _WORD))
    return out + f"</e{depth}>"


@settings(max_examples=600, deadline=None, derandomize=True)
@given(_element())
def test_blank_text_false_changes_only_blank_runs_beside_elements(doc):
    """Every text and tail that holds more than blanks is the same; an element without children
    keeps its text, blank or not; what goes is a run of blanks beside an element."""
    data = doc.encode()
    full = list(parse_bytes(data, "x.xml").getroot().iter())
    lean = list(parse_bytes(data, "x.xml", blank_text=False).getroot().iter())
    assert [e.tag for e in lean] == [e.tag for e in full]
    for f, g in zip(full, lean):
        for a, b in ((f.text, g.text), (f.tail, g.tail)):
            if a and a.strip(" \t\r\n"):
                assert b == a
            else:
                assert b in (a, None)
        if not len(f):
            assert g.text == f.text


@pytest.mark.parametrize("enc", ["ISO-8859-1", "windows-1252", "latin-1", "ISO-8859-15"])
def test_utf8_bytes_declared_as_a_one_byte_encoding_are_refused(enc):
    """Found by tests/importers/test_unseen_mutations.py: UTF-8 bytes declared ISO-8859-1 decode
    without an error, »æ« as »Ã¦«; an act whose text has only æ, ø, å and § beyond ASCII was refused
    only where a label broke ("paragrafbetegnelsen 'Â§ 1.' kan ikke læses"), elsewhere read as
    mojibake."""
    from lawdiff.xmlsafe import as_utf8
    data = f'<?xml version="1.0" encoding="{enc}"?>\n<Dokument>\n<Char>Ærø</Char></Dokument>'.encode("utf-8")
    with pytest.raises(MappingError, match=f"erklæret som {enc}.*UTF-8") as e:
        as_utf8(data, "x.xml")
    assert e.value.file == "x.xml" and e.value.line == 3
    # the same text really in the declared encoding, and plain ASCII, are read
    real = f'<?xml version="1.0" encoding="{enc}"?>\n<Dokument>\n<Char>Ærø</Char></Dokument>'.encode(enc)
    assert "Ærø" in as_utf8(real, "x.xml").decode("utf-8")
    ascii_only = f'<?xml version="1.0" encoding="{enc}"?>\n<Dokument/>'.encode("ascii")
    assert as_utf8(ascii_only, "x.xml") == b'<?xml version="1.0" encoding="UTF-8"?>\n<Dokument/>'
