"""Red team: hostile values of a proposal reach the page, the Word file and the formal text only as text.

Every free-text value of a proposal (titles, organisation, author, bemærkninger in Markdown, the
new words of a change) is drawn from payloads that break HTML, Jinja, Word XML and Markdown
("<script>", "{{7*7}}", "]]>", "&amp;", a `javascript:` link, raw HTML, an image from a remote
host …). The only acceptable outcomes: the loader or the engine refuses the file (a LawdiffError),
or every rendering carries the value as text — the page gains no element, attribute, script,
link scheme or remote resource, the .docx stays well-formed XML with the words in it, and the
lovforslag's text quotes the new words exactly (one source, many renderings).
"""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lhtml

from lawdiff.engine import run
from lawdiff.errors import LawdiffError
from lawdiff.proposal import parse_proposal
from lawdiff.render.docx import render_docx
from lawdiff.render.instructions import build_lovforslag
from lawdiff.render.site import _Builder
from tests.conftest import ROOT

PROFILE = dict(derandomize=True, database=None, deadline=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

PAYLOADS = [
    "<script>alert(1)</script>", "<img src=http://127.0.0.1/x onerror=alert(1)>", "\"><svg onload=alert(1)>",
    "{{ 7*7 }}", "{% raw %}", "{# c #}", "]]>", "<![CDATA[x]]>", "<!--", "-->", "&amp;", "&lt;b&gt;", "&#60;",
    "</w:t></w:r><w:r><w:t>x", "<w:ins/>", "javascript:alert(1)", "'", "\"", "`", "\\", "%s", "%(x)s",
    "${x}", "</style>", "</body>", "<body>", "[+x+]", "[-x-]", "»", "«", "§", "–", "æøå", "\u00a0",
]
# Markdown that tries to smuggle HTML, scripts and remote loads into the bemærkninger
MARKDOWN = [
    "<script>alert(1)</script>", "<img src=\"http://127.0.0.1/x\">", "![x](http://127.0.0.1/a.png)",
    "![x](file:///etc/passwd)", "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))",
    "[x](java&#x09;script:alert(1))", "[x](data:text/html,<script>alert(1)</script>)", "<javascript:alert(1)>",
    "[x](vbscript:msgbox)", "[x]: javascript:alert(1)\n\n[y][x]", "<iframe src=//evil>", "<style>*{}</style>",
    "<a href=\"http://x\" onclick=\"alert(1)\">x</a>", "[x](http://x \"t\\\" onmouseover=\\\"alert(1)\")",
    "![a\" onerror=\"alert(1)](x.png)", "<http://127.0.0.1/x>", "[x](//evil.example/x)", "`<b>`", "```\n</pre><script>\n```",
]

word = st.sampled_from(PAYLOADS) | st.text(alphabet="abcæøå <>&\"'`/\\{}%#»«§", min_size=1, max_size=12)
value = st.lists(word, min_size=1, max_size=4).map(" ".join)
markdown = st.lists(st.sampled_from(MARKDOWN) | value, min_size=1, max_size=4).map("\n\n".join)


def q(s: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def proposal(title, org, author, remarks, item_title, item_remarks, til) -> bytes:
    return f"""\
titel: {q(title)}
organisation: {q(org)}
forfatter: {q(author)}
dato: "2020-12-11"
status: udkast
love:
  lab: lab@2016-11-21
bemærkninger: {q(remarks)}
forslag:
  - titel: {q(item_title)}
    bemærkninger: {q(item_remarks)}
    ændringer:
      - i: "§ 68 a, stk. 4"
        ændres: 5 års
        til: {q(til)}
""".encode("utf-8")


@pytest.fixture(scope="module")
def builder():
    return _Builder(ROOT, pdf=False)


@pytest.fixture(scope="module")
def baseline(builder):
    """The page of a plain proposal: the elements, scripts and links the templates themselves make."""
    return _page(builder, proposal("Prøve", "Forening", "Navn", "Tekst", "Et forslag", "Tekst", "3 års"))[1]


def _page(builder, data: bytes):
    result = run(parse_proposal(data, "proposals/rt.yaml"), builder.store)
    builder.site.pages = []
    builder.with_docx = False
    builder.proposal_page(result)
    [page] = builder.site.pages
    return result, _shape(page.html), page.html


_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def _shape(html: str) -> dict:
    doc = lhtml.document_fromstring(html)
    hrefs = [a.get("href") or "" for a in doc.iter("a")]
    return {
        "tags": sorted({el.tag for el in doc.iter() if isinstance(el.tag, str)}),
        "scripts": len(doc.xpath("//script")),
        "on": [(el.tag, k) for el in doc.iter() if isinstance(el.tag, str) for k in el.attrib if k.lower().startswith("on")],
        # a URL's scheme as a browser reads it (WHATWG URL: a letter, then letters, digits, + - .)
        "schemes": sorted({m[1].lower() for h in hrefs if (m := _SCHEME.match(h.strip(" \t\n\r\f")))}),
        "src": sorted({el.get("src") for el in doc.xpath("//*[@src]")}),
        "styles": len(doc.xpath("//style")),
    }


@settings(max_examples=40, **PROFILE)
@given(value, value, value, markdown, value, markdown, value)
# found in a full run: a trailing no-break space reached the law and the lovforslag (»… \u00a0«)
@example("a", "a", "a", "a", "a", "a", "<script>alert(1)</script> \u00a0")
def test_hostile_values_stay_text_on_the_page_in_word_and_in_the_formal_text(
        builder, baseline, title, org, author, remarks, item_title, item_remarks, til):
    data = proposal(title, org, author, remarks, item_title, item_remarks, til)
    try:
        result, shape, html = _page(builder, data)
    except LawdiffError:
        return  # refused with a message: fine
    # the page: no element, script, handler, scheme or resource the plain page does not have
    assert set(shape["tags"]) <= set(baseline["tags"]) | {"em", "strong", "code", "pre", "blockquote", "ul", "ol",
                                                          "li", "hr", "br", "a", "h1", "h2", "h3", "h4", "h5", "h6"}
    assert shape["scripts"] == baseline["scripts"] and shape["styles"] == baseline["styles"]
    assert shape["on"] == baseline["on"]
    assert set(shape["schemes"]) <= set(baseline["schemes"]) | {"http", "https", "mailto"}
    assert shape["src"] == baseline["src"]
    text = lhtml.document_fromstring(html).text_content().replace("\u00a0", " ").replace("\u00ad", "")
    assert " ".join(til.split()) in " ".join(text.split())  # the new words, as text
    # the formal text quotes the new words exactly
    formal = build_lovforslag(result).text()
    assert f"til: »{' '.join(til.split())}«" in " ".join(formal.split())  # (an inner NBSP is kept)
    assert not re.search(r"til: »\s|\s«\.\n", formal)  # no white space at the quote's ends
    # Word: every part is well-formed XML, and the new words are in the document as text
    docx = render_docx(result)
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))
        body = etree.fromstring(z.read("word/document.xml"))
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    words = "".join(t.text or "" for t in body.iterfind(".//w:t", ns))
    assert " ".join(til.split()) in words.replace("\u00a0", " ")
