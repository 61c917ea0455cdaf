"""The log of an engine run, as the kinds' `execute` functions write it: edits of words on lines of
the base text (`Edit`, keyed by `LineKey`), and one `Placement` per change (where it acted), and who
made a change (`change_id`). The engine (lawdiff/engine/) collects them in its `LawResult`."""
from __future__ import annotations

from dataclasses import dataclass, field


def change_id(c) -> str:
    """Who made a change, for the redline and the log: "2.1" (forslag 2, ændring 1) in a proposal;
    in an amending act the change's `attribution` ("lov nr. 1380 af 23. december 2012, § 1, nr. 53")
    when the reader gives one."""
    who = getattr(c, "attribution", None)
    return who() if callable(who) else who or f"{c.item}.{c.index}"


@dataclass
class Edit:
    """A change of words on one line of the base text: [start, end) becomes `new`."""
    start: int
    end: int
    new: str
    change: object  # a proposal.Change (a layer above; never imported here)


LineKey = tuple[str, str, int]  # (unit wid, "intro"|"wrapup"|"heading", block index)


@dataclass
class Placement:
    """Where a change acts, in the base act: what the amendment text generator needs."""
    change: object  # a proposal.Change (a layer above; never imported here)
    what: str  # "words", "repeal", "rewrite", "new", "heading"
    targets: list[str]  # base wids the change is in (new units: the parent, "" for the top level)
    anchor: str | None = None  # new units: the base sibling they go "efter"/"før"
    side: str | None = None  # "efter", "før", or None (at the end)
    new_wids: list[str] = field(default_factory=list)  # the units a "new" change inserted
    offset: tuple = ()  # changes of words: (part, block, start) of the first edit


TITLE_KEY: LineKey = ("", "title", 0)  # the act's title as a line of its own
