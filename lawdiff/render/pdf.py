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
import mimetypes
import os
import re
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlsplit

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


# Bump when anything that changes the PDF bytes changes outside the HTML and CSS (this module's
# post-processing, the fetcher's policy): it is part of every cache key.
RENDERER_VERSION = "lawdiff-pdf-1"


class RefusedURL(Exception):
    """A resource the PDF renderer will not load."""


def _static_dir() -> str:
    return os.path.realpath(str(resources.files("lawdiff") / "static"))


def fetch_local(url: str) -> tuple[bytes, str | None]:
    """The policy of the PDF renderer's URL fetcher: the project's own static files, nothing else.

    No http(s), no ftp, no data: URLs, no file: outside lawdiff's static folder: a bemærkning
    with a remote or local image can never make the build machine fetch anything (127.0.0.1,
    /etc/…), and nothing fetched ends up in a published PDF. A refused URL makes WeasyPrint
    leave the resource out and log a warning. Returns (bytes, MIME type).
    """
    parsed = urlsplit(url)
    if parsed.scheme == "file" and not parsed.netloc:
        path = os.path.realpath(unquote(parsed.path))
        static = _static_dir()
        if os.path.commonpath([path, static]) == static and os.path.isfile(path):
            with open(path, "rb") as f:
                return f.read(), mimetypes.guess_type(path)[0]
    raise RefusedURL(f"lawdiff henter ikke {url[:80]!r} ind i en PDF")


def url_fetcher(url: str, timeout: int = 10, ssl_context=None) -> dict:
    """fetch_local for WeasyPrint before 68 (a function returning a dict)."""
    data, mime = fetch_local(url)
    return {"string": data, "mime_type": mime, "redirected_url": url}


def _fetcher():
    """fetch_local in the form the installed WeasyPrint expects (since 68: a URLFetcher object)."""
    try:
        from weasyprint.urls import URLFetcher, URLFetcherResponse
    except ImportError:
        return url_fetcher

    class LocalFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols={"file"}, allow_redirects=False)

        def fetch(self, url, headers=None):
            data, mime = fetch_local(url)
            return URLFetcherResponse(url, data, {"Content-Type": mime} if mime else None)

    return LocalFetcher()


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
    fetcher = _fetcher()
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=[CSS(string=css, url_fetcher=fetcher)], pdf_identifier=ident)


def write_pdf(html: str, target: Path, date: str) -> None:
    target.write_bytes(render_pdf(html, date))
