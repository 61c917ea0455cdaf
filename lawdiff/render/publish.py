"""Writing a built site to disk: pages, static files and PDFs, swapped in atomically."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path


@dataclass
class Page:
    path: str  # relative to the output folder
    html: str
    pdf_date: str | None = None  # ISO date for the PDF's metadata; None: no PDF
    pdf_html: str | None = None  # the HTML the PDF is made from, if not `html`
    docx: bytes | None = None  # a proposal's Word document, written beside the page as .docx


@dataclass
class Site:
    pages: list[Page] = field(default_factory=list)

    def add(self, path: str, html: str, pdf_date: str | None = None, pdf_html: str | None = None,
            docx: bytes | None = None) -> None:
        self.pages.append(Page(path, html, pdf_date, pdf_html, docx))


def _css() -> str:
    return (resources.files("lawdiff") / "static" / "lawdiff.css").read_text("utf-8")


def write_site(site: Site, out: Path, pdf: bool = True) -> list[str]:
    """Write the site atomically: into a temporary folder, swapped in at the end."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    written = []
    try:
        for page in site.pages:
            dst = tmp / page.path
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_text(page.html, encoding="utf-8")
            written.append(page.path)
            if page.docx is not None:
                dst.with_suffix(".docx").write_bytes(page.docx)
                written.append(page.path.replace(".html", ".docx"))
        static = tmp / "static"
        static.mkdir(exist_ok=True)
        (static / "lawdiff.css").write_text(_css(), encoding="utf-8")
        written.append("static/lawdiff.css")
        if pdf:
            from .pdf import write_pdf

            for page in site.pages:
                if page.pdf_date:
                    target = tmp / page.path.replace(".html", ".pdf")
                    write_pdf(page.pdf_html or page.html, target, page.pdf_date)
                    written.append(page.path.replace(".html", ".pdf"))
        old = None
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            os.rmdir(old)
            os.replace(out, old)
        os.replace(tmp, out)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return written


def digest(folder: Path) -> dict[str, str]:
    """sha256 of every file in a built site (for the determinism test)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
