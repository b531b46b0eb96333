"""Counted nouns in messages: "1 document", "2 documents", never "1 documents"."""

from __future__ import annotations


def counted(n: int, singular: str, plural: str | None = None, *, grouped: bool = False) -> str:
    """``counted(1, "document")`` → ``1 document``; ``grouped`` writes ``12,000``."""
    number = f"{n:,}" if grouped else str(n)
    return f"{number} {singular if n == 1 else (plural or singular + 's')}"
