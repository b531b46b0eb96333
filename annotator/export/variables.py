"""Variable names SPSS, Stata and R all accept, made from code paths.

A name is ASCII letters, digits and underscores, starts with a letter, is at most 31 bytes, is
unique regardless of case and is not a reserved word of either program. Stata allows 32 for a
variable, but pyreadstat names a variable's value-label set after it and Stata allows 31 there
(SPSS allows 64).
The mapping from code path to name is listed in the Codebook table and the README.
"""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 31
RESERVED = frozenset(word.casefold() for word in (
    # SPSS
    "ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH",
    # Stata
    "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n",
    "_N", "_pi", "_pred", "_rc", "_skip", "strL", "using",
    *(f"str{n}" for n in range(1, 2046)),
))


def ascii_stem(text: str) -> str:
    """Letters and digits of ``text`` in ASCII (accents dropped), words joined by ``_``."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^A-Za-z0-9]+", "_", plain).strip("_").lower()
    return stem


class VariableNames:
    """Hands out valid, unique names; ask in a fixed order to get the same names every time."""

    def __init__(self, taken: tuple[str, ...] = ()) -> None:
        self._used: set[str] = set()
        for name in taken:
            self.claim(name, "")

    def claim(self, stem: str, suffix: str) -> str:
        """A new valid name made of ``stem`` and ``suffix`` (kept whole), numbered if taken."""
        stem = ascii_stem(stem) or "v"
        if not stem[0].isalpha():
            stem = "v_" + stem
        for number in range(1, 10_000):
            tail = suffix if number == 1 else f"{suffix}_{number}"
            name = stem[:MAX_LENGTH - len(tail)].rstrip("_") + tail
            if name.casefold() not in self._used and name.casefold() not in RESERVED:
                self._used.add(name.casefold())
                return name
        raise ValueError(f"no free variable name for {stem!r}")


def is_valid_name(name: str) -> bool:
    """What the tests and the readers check: the rules above, for one name."""
    return (re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", name) is not None
            and len(name.encode("ascii")) <= MAX_LENGTH and name.casefold() not in RESERVED)
