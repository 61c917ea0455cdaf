"""Bemærkninger in Markdown, rendered safely: no raw HTML, only http(s), mailto and relative links."""
from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def _validate_link(url: str) -> bool:
    """Relative links and http(s)/mailto only: no javascript:, data:, file: or anything else."""
    m = _SCHEME.match(url.strip())
    return m is None or m.group(1).lower() in ALLOWED_SCHEMES


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _validate_link
    return md


def render(text: str) -> Markup:
    return Markup(_md().render(text or ""))
