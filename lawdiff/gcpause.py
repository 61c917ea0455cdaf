"""Pausing Python's cyclic garbage collector while one document is read.

Reading a document (LexDania into the model, or a stored Akoma Ntoso file) creates hundreds of
thousands of small objects and no reference cycles. A caller that keeps what it read (`lawdiff
import` reads every file before writing any; linking amending acts loads hundreds of stored acts)
made the collector scan all earlier documents' objects again and again: a quarter to a third of
the CPU time (benchmarks/bench_import.py). Objects are still freed by reference counting; the
collector runs as usual once the document is read.
"""
from __future__ import annotations

import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextlib.contextmanager
def keeping() -> Iterator[None]:
    """For a loop that keeps everything each step reads (`lawdiff import lexdania` reads every
    document before it writes any): call `kept()` after each step to move what is alive now to
    the collector's permanent generation (gc.freeze), so that later collections no longer scan
    earlier documents. Re-enabling the collector after each document still cost a full scan of
    all kept documents every few files (~4.7 s of a 24 s corpus import under cProfile). At the
    end everything is handed back to the collector (gc.unfreeze)."""
    try:
        yield
    finally:
        gc.unfreeze()


def kept() -> None:
    gc.freeze()
