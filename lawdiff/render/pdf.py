"""PDF from the site's own HTML and CSS with WeasyPrint: A4, page numbers, running header,
Danish hyphenation, DejaVu fonts (æøå, »«, §, –). Deterministic: the PDF identifier is the
hash of the HTML, and the document's dates are the source's date."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path


def _with_dates(html: str, date: str) -> str:
    stamp = f"{date}T00:00:00Z"
    meta = (f'<meta name="dcterms.created" content="{stamp}">\n'
            f'<meta name="dcterms.modified" content="{stamp}">\n')
    return re.sub(r"(<head>\n?)", r"\1" + meta, html, count=1)


def render_pdf(html: str, base_url: str, date: str) -> bytes:
    from weasyprint import HTML

    html = _with_dates(html, date)
    ident = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode()
    return HTML(string=html, base_url=base_url).write_pdf(pdf_identifier=ident)


def write_pdf(html_path: Path, target: Path, date: str) -> None:
    data = render_pdf(html_path.read_text(encoding="utf-8"), str(html_path), date)
    target.write_bytes(data)
