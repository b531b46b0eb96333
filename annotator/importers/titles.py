"""Titles people can see: invisible formatting characters kept out, the file name when none is left.

A title made only of bidi controls and zero-width characters is accepted by every reader yet shows
blank in the document list; one with an unbalanced right-to-left override reorders what follows
it. The canonical *text* keeps these characters (offsets index it); titles do not.
"""

from __future__ import annotations

import re

# Bidi marks, embeddings, overrides and isolates; zero-width space, word joiner and invisible
# operators; byte order mark; soft hyphen; Mongolian vowel separator.
_INVISIBLE = re.compile("[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\u00ad\u180e]")
# Zero-width (non-)joiners shape the letters around them (Persian, emoji sequences): kept inside
# a title, dropped at its ends, and never enough on their own.
_EDGES = re.compile(r"^[\s\u200c\u200d]+|[\s\u200c\u200d]+$")


def visible_title(candidate: str | None) -> str | None:
    """``candidate`` without invisible formatting characters and trimmed; None if nothing is left."""
    if candidate is None:
        return None
    return _EDGES.sub("", _INVISIBLE.sub("", candidate)) or None


def first_visible_line(text: str) -> str | None:
    """The first line of ``text`` that shows something, as a title (lines read lazily)."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if title := visible_title(text[start:end]):
            return title
        start = end + 1
    return None
