"""Readers of official and plain-text sources (LexDania XML, amending acts, plain text)."""
from __future__ import annotations

from pathlib import Path

from ..errors import MappingError


def read_source(path: str | Path) -> tuple[bytes, str]:
    """The bytes of a source file and its path as a string; an unreadable file is a MappingError
    naming it (one place for the readers' *_file functions)."""
    p = str(path)
    try:
        return Path(p).read_bytes(), p
    except OSError as e:
        raise MappingError(f"kan ikke læse filen: {e.strerror}", file=p) from None
