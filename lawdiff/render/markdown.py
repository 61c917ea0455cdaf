"""Bemærkninger in Markdown, rendered safely: no raw HTML, only http(s), mailto and relative links.

Images are never loaded: `![alt](url)` becomes a link "[billede: alt]" to the url, so a page of
the site makes no request outside itself and the PDF renderer is never asked for a remote or
local image (its url_fetcher would refuse it anyway)."""
from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
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
    md.add_render_rule("image", _image)
    return md


def _image(self, tokens, idx, options, env) -> str:
    """An image as a link to it, never as <img>: nothing is fetched when the page is shown."""
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env).strip()
    src = token.attrGet("src") or ""
    text = f"[billede: {alt}]" if alt else "[billede]"
    if not src:
        return escapeHtml(text)
    return f'<a class="billede" href="{escapeHtml(src)}">{escapeHtml(text)}</a>'


def render(text: str) -> Markup:
    return Markup(_md().render(text or ""))
