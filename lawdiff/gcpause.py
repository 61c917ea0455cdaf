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
