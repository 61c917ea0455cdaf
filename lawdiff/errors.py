"""Errors a user can act on. Each renders as one `file:line: message` line."""
from __future__ import annotations


class LawdiffError(Exception):
    """An error for the user (never a traceback): where, what was found, what to do."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None,
                 column: int | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint

    def where(self) -> str:
        parts = [p for p in (self.file, self.line, self.column) if p is not None]
        return ":".join(str(p) for p in parts)

    def __str__(self) -> str:
        where = self.where()
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f"\n  → {self.hint}"
        return text


class MappingError(LawdiffError):
    """A source document (LexDania, text) that cannot be mapped onto the act model."""


class AddressError(LawdiffError):
    """A citation that cannot be parsed or does not exist in the act."""


class StoreError(LawdiffError):
    """A problem with the statute store (missing law, version, unreadable file)."""
