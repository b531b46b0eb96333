"""Bidi isolates for text placed inside a sentence of the other direction.

An Arabic title (or one starting with a number) inside an English undo label would otherwise
take its neighbours into its own run: "Mark ‘99 قتيلا’ done" shows the 99 at the wrong end.
First-strong isolates (U+2068 … U+2069) let each inserted piece keep its own direction.
"""

from __future__ import annotations

import re

FSI, PDI = "\u2068", "\u2069"
_QUOTED = re.compile(f"(‘|«)(?!{FSI})((?<=‘)[^’]*(?=’)|(?<=«)[^»]*(?=»))")


def isolate(text: str) -> str:
    """``text`` as a first-strong isolate."""
    return f"{FSI}{text}{PDI}"


def isolate_quoted(text: str) -> str:
    """Isolate every ‘quoted’ (or, in Arabic, «quoted») piece of a label (pieces already isolated
    are left alone)."""
    return _QUOTED.sub(lambda match: f"{match[1]}{isolate(match[2])}", text)
