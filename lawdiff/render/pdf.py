"""PDF from the site's own HTML and CSS with WeasyPrint: A4, page numbers, running header,
Danish hyphenation, DejaVu fonts (æøå, »«, §, –).

Hyphenation: soft hyphens from render/hyphen.py (compound-aware, at least 3 letters each side).

Deterministic and independent of where it is built: the stylesheet is passed directly,
links to other pages of the site (which a PDF reader cannot follow) are dropped, links
within the document and to the web are kept, the PDF identifier is the hash of the HTML,
and the document's dates are the source's date.
"""
from __future__ import annotations

import hashlib
import re
from importlib import resources
from pathlib import Path

_STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="[^"]*">\n?')
_RELATIVE_HREF = re.compile(r'<a ([^>]*?)href="(?!#|https?:|mailto:)[^"]*"')


def _prepare(html: str, date: str) -> str:
    from .hyphen import hyphenate_html

    html = hyphenate_html(html)  # Danish breaks as soft hyphens; print CSS sets hyphens: manual
    stamp = f"{date}T00:00:00Z"
    meta = (f'<meta name="dcterms.created" content="{stamp}">\n'
            f'<meta name="dcterms.modified" content="{stamp}">\n')
    html = _STYLESHEET_LINK.sub("", html)
    html = _RELATIVE_HREF.sub(r"<a \1", html)
    return re.sub(r"(<head>\n?)", r"\1" + meta, html, count=1)


def render_pdf(html: str, date: str) -> bytes:
    from weasyprint import CSS, HTML

    html = _prepare(html, date)
    css = (resources.files("lawdiff") / "static" / "lawdiff.css").read_text("utf-8")
    ident = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode()
    return HTML(string=html).write_pdf(stylesheets=[CSS(string=css)], pdf_identifier=ident)


def write_pdf(html: str, target: Path, date: str) -> None:
    target.write_bytes(render_pdf(html, date))
