"""Pausing Python's cycle collector around work that allocates many long-lived small objects.

Loading a document's spans, reading a project for agreement or review, and importing a large
annotations file each create hundreds of thousands of tuples, dicts and small objects, none of
them in reference cycles. Every allocation threshold crossed then sets off a collection that
scans them all again: an eighth to a third of the time of such work. Reference counting still
frees everything as usual; the collector resumes afterwards, also when the work fails or is
cancelled, and unreachable cycles are collected at its next run.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The block runs with the cycle collector off (unless it was off already)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
