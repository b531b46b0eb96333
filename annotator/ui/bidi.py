"""Keeping names, keys and colours whole inside translated, possibly mirrored text.

A code's English name or a key such as ``Ctrl+]`` inside an Arabic sentence would otherwise be
reordered by the bidirectional algorithm (the bracket and the quotes jump to the wrong side), and
in a mirrored table cell ``Samira K.`` shows as ``.Samira K``. First-strong isolates (U+2068 …
U+2069) let such a run take its own direction and leave the text around it alone; they are
invisible in either direction.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

FSI, PDI = "\u2068", "\u2069"


def isolate(text: str) -> str:
    """``text`` as one isolated run (nothing for empty text): for runs inside a sentence."""
    return f"{FSI}{text}{PDI}" if text else text


def isolate_if_mirrored(text: str) -> str:
    """``text`` isolated only in a right-to-left interface: for whole cells and buttons, whose
    text tests and code also read back in English."""
    return isolate(text) if QGuiApplication.isRightToLeft() else text


def plain(text: str) -> str:
    """``text`` without the isolates this module adds."""
    return text.replace(FSI, "").replace(PDI, "")
