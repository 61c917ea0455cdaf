"""PDF from the site's own HTML and CSS with WeasyPrint: A4, page numbers, running header,
Danish hyphenation, DejaVu fonts (æøå, »«, §, –).

Deterministic and independent of where it is built: the stylesheet is passed directly,
links to other pages of the site (which a PDF reader cannot follow) are dropped, links
within the document and to the web are kept, the PDF identifier is the hash of the HTML,
and the document's dates are the source's date.
"""
from __future__ import annotations

import hashlib
import mimetypes
import os
import re
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlsplit

_STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="[^"]*">\n?')
_RELATIVE_HREF = re.compile(r'<a ([^>]*?)href="(?!#|https?:|mailto:)[^"]*"')


def _prepare(html: str, date: str) -> str:
    stamp = f"{date}T00:00:00Z"
    meta = (f'<meta name="dcterms.created" content="{stamp}">\n'
            f'<meta name="dcterms.modified" content="{stamp}">\n')
    html = _STYLESHEET_LINK.sub("", html)
    html = _RELATIVE_HREF.sub(r"<a \1", html)
    return re.sub(r"(<head>\n?)", r"\1" + meta, html, count=1)


# Bump when anything that changes the PDF bytes changes outside the HTML and CSS (this module's
# post-processing, the fetcher's policy): it is part of every cache key.
RENDERER_VERSION = "lawdiff-pdf-1"


class RefusedURL(Exception):
    """A resource the PDF renderer will not load."""


def _static_dir() -> str:
    return os.path.realpath(str(resources.files("lawdiff") / "static"))


def url_fetcher(url: str, timeout: int = 10, ssl_context=None) -> dict:
    """WeasyPrint's only way to load a resource: the project's own static files, nothing else.

    No http(s), no ftp, no data: URLs, no file: outside lawdiff's static folder: a bemærkning
    with a remote or local image can never make the build machine fetch anything (127.0.0.1,
    /etc/…), and nothing fetched ends up in a published PDF. A refused URL makes WeasyPrint
    leave the resource out and log a warning.
    """
    parsed = urlsplit(url)
    if parsed.scheme == "file" and not parsed.netloc:
        path = os.path.realpath(unquote(parsed.path))
        static = _static_dir()
        if os.path.commonpath([path, static]) == static and os.path.isfile(path):
            with open(path, "rb") as f:
                return {"string": f.read(), "mime_type": mimetypes.guess_type(path)[0], "redirected_url": url}
    raise RefusedURL(f"lawdiff henter ikke {url[:80]!r} ind i en PDF")


def _css() -> str:
    return (resources.files("lawdiff") / "static" / "lawdiff.css").read_text("utf-8")


def pdf_key(html: str, date: str) -> str:
    """The cache key of a PDF: sha256 of everything its bytes depend on (the prepared HTML with its
    dates, the stylesheet, this renderer's and WeasyPrint's versions). Fonts come from the system;
    after changing them, delete the cache (.lawdiff-cache/)."""
    import weasyprint

    h = hashlib.sha256()
    for part in (RENDERER_VERSION, weasyprint.__version__, _css(), _prepare(html, date)):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def render_pdf(html: str, date: str) -> bytes:
    from weasyprint import CSS, HTML

    html = _prepare(html, date)
    css = _css()
    ident = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode()
    return HTML(string=html, url_fetcher=url_fetcher).write_pdf(
        stylesheets=[CSS(string=css, url_fetcher=url_fetcher)], pdf_identifier=ident)


def write_pdf(html: str, target: Path, date: str) -> None:
    target.write_bytes(render_pdf(html, date))
