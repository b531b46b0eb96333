"""brat offsets to the canonical text's code points.

The ``.txt`` is read as UTF-8 with any BOM removed (the BOM is not counted). Offsets count the
text's code points as stored, so a CRLF counts two (what brat's own files hold when the text was
written with CRLF); if the ``T`` lines only agree with the text when each CRLF counts one (a tool
that read the file with universal newlines), that reading is used instead. Either way offsets are
then mapped through the CRLF -> LF change of canonicalisation; a span boundary between CR and LF is
refused. A text that is not in Unicode NFC is refused: NFC would move the offsets.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence

from annotator.brat_format import span_text
from annotator.errors import InputError
from annotator.importers.brat_ann import Entity
from annotator.text import canonicalize


def _mismatch(where: str, base: str, entities: Sequence[Entity]) -> InputError | None:
    """The first T line whose offsets or text do not fit ``base``, as an error; else None."""
    for entity in entities:
        if not entity.start < entity.end <= len(base):
            return InputError(where, f"{entity.id} offsets {entity.start}-{entity.end} are "
                              f"outside the text's {len(base)} characters", line=entity.line)
        found = span_text(base[entity.start:entity.end])
        if found != entity.text:
            return InputError(where, f"{entity.id} text {entity.text!r} differs from the .txt "
                              f"characters {entity.start}-{entity.end}: {found!r}",
                              line=entity.line)
    return None


def _crlf_mapper(where: str, raw: str) -> Callable[[int, Entity], int]:
    crlf = [i for i in range(len(raw) - 1) if raw[i] == "\r" and raw[i + 1] == "\n"]
    inside = {i + 1 for i in crlf}

    def canonical(position: int, entity: Entity) -> int:
        if position in inside:
            raise InputError(where, f"{entity.id} begins or ends between the CR and LF of a "
                             "line break", line=entity.line)
        return position - bisect_right(crlf, position - 2)

    return canonical


def canonical_spans(where: str, raw: str,
                    entities: Sequence[Entity]) -> tuple[str, dict[str, tuple[int, int]]]:
    """The canonical text and each T id's ``(start, end)`` in it; raises InputError naming the
    ``.ann`` line when offsets or text do not fit."""
    if not unicodedata.is_normalized("NFC", raw):
        raise InputError(where, "the .txt text is not in Unicode NFC, so offsets cannot be "
                         "mapped to the project's canonical text; normalise it to NFC first")
    error = _mismatch(where, raw, entities)
    if error is None:
        to_canonical = _crlf_mapper(where, raw)
        spans = {e.id: (to_canonical(e.start, e), to_canonical(e.end, e)) for e in entities}
        return canonicalize(raw), spans
    if "\r\n" in raw and _mismatch(where, raw.replace("\r\n", "\n"), entities) is None:
        return canonicalize(raw), {e.id: (e.start, e.end) for e in entities}
    raise error
