"""The project's codebook as the workspace needs it: codes by id, kinds, colours, shortcuts, attributes.

Read when the window opens, and again after each edit in the codebook editor
(:func:`annotator.ui.codebook_editor.reload_codebook`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QGuiApplication
from sqlalchemy.orm import Session

from annotator.codebook import AttributeSpec, CodeSpec, codes_of_kind
from annotator.db.services.codebook import export_codebook
from annotator.domain import CodeKind
from annotator.errors import ProjectError

# Distinct, colour-blind-safe hues (Okabe & Ito) for other coders' layers in the lead view.
CODER_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F3C8D")
translate = QCoreApplication.translate
KIND_TITLES = {
    CodeKind.CLAIM: QT_TRANSLATE_NOOP("CodeKind", "Claim — ادعاء"),
    CodeKind.SOURCE: QT_TRANSLATE_NOOP("CodeKind", "Source — مصدر"),
    CodeKind.ACTOR: QT_TRANSLATE_NOOP("CodeKind", "Actor — فاعل"),
    CodeKind.FRAMING_DEVICE: QT_TRANSLATE_NOOP("CodeKind", "Framing device — أداة تأطير"),
}
"""Roots of trees and menus: both names in English (as the code labels), the kind alone in Arabic."""


@dataclass(frozen=True)
class CodeInfo:
    """One code, flat, with what menus, trees and highlights show."""

    uuid: str
    parent: str | None
    kind: CodeKind
    path: str
    name_en: str
    name_ar: str
    colour: str
    shortcut: str
    definition: str = ""
    include: str = ""
    exclude: str = ""
    attributes: tuple[AttributeSpec, ...] = field(default_factory=tuple)

    @property
    def label(self) -> str:
        """``Claim/Factual`` as undo texts and tables show it."""
        return self.path


class CodeCatalog:
    """All codes of the project, in codebook order (depth first, kinds in their fixed order)."""

    def __init__(self, codes: list[CodeInfo]) -> None:
        self._codes = codes
        self._by_id = {code.uuid: code for code in codes}

    @classmethod
    def load(cls, session: Session) -> CodeCatalog:
        """Read the codebook once (codes with their attributes) and flatten it depth first."""
        try:
            spec = export_codebook(session)
        except ProjectError:  # a project without a codebook yet: nothing to code with
            return cls([])
        return cls([info for kind in CodeKind for code in codes_of_kind(spec, kind)
                    for info in _flatten(code, None, kind.label)])

    def __iter__(self) -> Iterator[CodeInfo]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

    def get(self, code_id: str) -> CodeInfo | None:
        return self._by_id.get(code_id)

    def __getitem__(self, code_id: str) -> CodeInfo:
        return self._by_id[code_id]

    def children(self, parent: str | None, kind: CodeKind | None = None) -> list[CodeInfo]:
        """Direct children of a code, or with ``parent=None`` the top-level codes of ``kind``."""
        return [c for c in self._codes if c.parent == parent and (kind is None or c.kind is kind)]

    def with_shortcuts(self) -> list[CodeInfo]:
        return [code for code in self._codes if code.shortcut]


def _flatten(code: CodeSpec, parent: str | None, prefix: str) -> Iterator[CodeInfo]:
    path = f"{prefix}/{code.name_en}"
    yield CodeInfo(code.uuid, parent, code.kind, path, code.name_en, code.name_ar, code.colour,
                   code.shortcut, code.definition, code.include, code.exclude,
                   tuple(code.attributes))
    for child in code.children:
        yield from _flatten(child, code.uuid, path)


def kind_title(kind: CodeKind) -> str:
    """``Claim — ادعاء`` (in Arabic ``ادعاء``): the label of a kind's root in trees and menus."""
    return translate("CodeKind", KIND_TITLES[kind])


def _hsl(colour: str) -> tuple[float, float, float]:
    base = QColor(colour)
    if not base.isValid():
        base = QColor("#ffe08a")
    hue, saturation, lightness, _ = base.getHslF()
    return max(0.0, hue), saturation, lightness


def background(colour: str, lightness: float = 0.84) -> QColor:
    """A light version of ``colour`` (pastels stay as they are): black Arabic text stays legible."""
    hue, saturation, own = _hsl(colour)
    return QColor.fromHslF(hue, saturation, max(own, lightness))


def emphasis(colour: str, lightness: float = 0.68) -> QColor:
    """A deeper version of ``colour`` for the selected annotation and flashes."""
    hue, saturation, _ = _hsl(colour)
    return QColor.fromHslF(hue, max(saturation, 0.6), lightness)


def strong(colour: str) -> QColor:
    """A dark, saturated version of ``colour`` for underlines, swatch borders and margin marks."""
    hue, saturation, own = _hsl(colour)
    return QColor.fromHslF(hue, max(saturation, 0.65), min(own, 0.42))


def coder_colour(index: int) -> str:
    return CODER_COLOURS[index % len(CODER_COLOURS)]


def code_label(code: CodeInfo) -> str:
    """``Factual — ادعاء وقائعي``: the interface language's name first (names are data)."""
    first, second = ((code.name_ar, code.name_en) if QGuiApplication.isRightToLeft()
                     else (code.name_en, code.name_ar))
    return f"{first} — {second}"
