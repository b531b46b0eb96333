"""Keeping Python's cyclic garbage collector off the key path.

A document's rows (tens of thousands of small tuples) and the app's own objects live until they are
replaced; full collections would walk them all, stalling the UI for 25–100 ms at random moments
while a coder types. Freezing moves what exists now out of the collector's sight; objects freed by
reference counting (nearly all) are still freed as usual.
"""

from __future__ import annotations

import gc


def freeze_long_lived() -> None:
    gc.freeze()


def collect_and_freeze() -> None:
    """At start-up (and when a window opens): collect everything once, then freeze it."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
