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
