"""The shipped Arabic font (Noto Naskh Arabic) and the fallbacks behind it."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from annotator.resources import resource_path

log = logging.getLogger(__name__)

ARABIC_FAMILY = "Noto Naskh Arabic"  # i18n: not shown
FALLBACK_FAMILIES = ("Amiri", "Scheherazade New",  # i18n: not shown
                     "Noto Sans Arabic", "Arial", "DejaVu Sans",  # i18n: not shown
                     "Noto Color Emoji")  # i18n: not shown
_FONT_FILES = ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")  # i18n: not shown
_registered: list[str] = []


def register_fonts() -> list[str]:
    """Add the shipped fonts to Qt's database once per process; returns the families added."""
    if _registered:
        return list(_registered)
    for name in _FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id < 0:
            log.warning("could not load the font %s; using system fonts", name)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in _registered:
                _registered.append(family)
    return list(_registered)


def document_font(point_size: int) -> QFont:
    """The reading font: Noto Naskh Arabic, then common Arabic fonts, then emoji."""
    register_fonts()
    font = QFont()
    font.setFamilies([ARABIC_FAMILY, *FALLBACK_FAMILIES])
    font.setPointSize(point_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def ui_arabic_font(base: QFont) -> QFont:
    """The widget font with the Arabic family in front, for lists and tables that show Arabic."""
    register_fonts()
    font = QFont(base)
    font.setFamilies([*base.families(), ARABIC_FAMILY, *FALLBACK_FAMILIES])
    return font
