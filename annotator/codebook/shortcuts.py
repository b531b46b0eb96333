"""Keyboard shortcuts of codes: one key combination in Qt's portable text form, checked without Qt.

Accepted: a single character (``1``, ``q``, ``ب``), a named key (``F5``, ``Space``, ``PgDown``), or
either with modifiers (``Ctrl+1``, ``Shift+Alt+F2``). Qt reads letters case-insensitively, so ``Q`` and
``q`` are the same shortcut; :func:`shortcut_identity` gives the form used to find duplicates.
"""

from __future__ import annotations

MAX_LENGTH = 30
MODIFIERS = ("Ctrl", "Alt", "Shift", "Meta")
NAMED_KEYS = (
    "Esc", "Tab", "Backspace", "Return", "Enter", "Ins", "Del", "Home", "End",
    "Left", "Up", "Right", "Down", "PgUp", "PgDown", "Space",
    *(f"F{n}" for n in range(1, 36)),
)  # fmt: skip
_MODIFIER_BY_FOLD = {name.casefold(): name for name in MODIFIERS}
_NAMED_BY_FOLD = {name.casefold(): name for name in NAMED_KEYS}


def parse_shortcut(text: str) -> tuple[frozenset[str], str]:
    """Modifiers and key of a shortcut, both in canonical spelling; ``ValueError`` says what is wrong."""
    parts = _split(text)
    *modifiers, key = parts
    canonical_mods = [_modifier(m, text) for m in modifiers]
    if len(set(canonical_mods)) != len(canonical_mods):
        raise ValueError(f"shortcut {text!r} repeats a modifier")
    return frozenset(canonical_mods), _key(key, text)


def shortcut_identity(text: str) -> str:
    """The shortcut as Qt would see it (``ctrl+Q`` and ``Ctrl+q`` → ``Ctrl+Q``); ``""`` stays ``""``."""
    if not text:
        return ""
    modifiers, key = parse_shortcut(text)
    ordered = [m for m in MODIFIERS if m in modifiers]
    return "+".join([*ordered, key])


def _split(text: str) -> list[str]:
    if len(text) > MAX_LENGTH:
        raise ValueError(f"shortcut {text[:MAX_LENGTH]!r}… is longer than {MAX_LENGTH} characters")
    if not text or text != text.strip():
        raise ValueError(f"shortcut {text!r} is empty or has surrounding spaces")
    if ", " in text:
        raise ValueError(f"shortcut {text!r}: one key combination only, not a sequence")
    if text == "+":
        return [text]
    parts = [*text[:-2].split("+"), "+"] if text.endswith("++") else text.split("+")
    if not all(parts):
        raise ValueError(f"shortcut {text!r} has an empty part")
    return parts


def _modifier(name: str, text: str) -> str:
    try:
        return _MODIFIER_BY_FOLD[name.casefold()]
    except KeyError:
        raise ValueError(
            f"shortcut {text!r}: unknown modifier {name!r} (use {', '.join(MODIFIERS)})"
        ) from None


def _key(key: str, text: str) -> str:
    if len(key) == 1:
        if not key.isprintable() or key.isspace():
            raise ValueError(f"shortcut {text!r}: the key is not a printable character")
        return key.upper()
    named = _NAMED_BY_FOLD.get(key.casefold())
    if named is None:
        raise ValueError(
            f"shortcut {text!r}: {key!r} is neither one character nor a key name such as F5 or Space"
        )
    return named
