"""The interface language: Qt translators for the app and for Qt's own dialogs, and the mirrored
layout that Arabic needs.

Translations are Qt Linguist sources, ``resources/translations/<area>_<language>.ts``, one file per
part of the interface so that people can work on them side by side. ``pyside6-lrelease`` builds all
of a language's sources into one catalogue, ``annotator_<language>.qm``: ``make`` does it at install
time and ``make bundle`` before freezing. A developer who edits a ``.ts`` file and starts the app
from the source tree gets the catalogue rebuilt into the user cache, so a stale binary never hides
an edit; the binaries are build products and are not committed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from platformdirs import user_cache_dir
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from annotator.resources import resource_path

ENGLISH, ARABIC = "en", "ar"
LANGUAGES: dict[str, str] = {ARABIC: "العربية", ENGLISH: "English"}  # i18n: not shown
"""Interface languages, each named in itself (as language menus do)."""
RIGHT_TO_LEFT = frozenset({ARABIC})
QT_CATALOGUES = ("qtbase",)
"""Qt's own catalogues (standard buttons, file dialogs), shipped with PySide6."""
TRANSLATIONS_DIR = "translations"
LANGUAGE_VARIABLE = "ANNOTATOR_LANGUAGE"
LRELEASE_SECONDS = 60

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []


def system_language() -> str:
    """The interface language the system asks for, when we have it; English otherwise."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return ENGLISH


def chosen_language(stored: str) -> str:
    """``ANNOTATOR_LANGUAGE`` when set, else the stored choice, else the system's language."""
    for choice in (os.environ.get(LANGUAGE_VARIABLE, ""), stored):
        if choice in LANGUAGES:
            return choice
    return system_language()


def translations_dir() -> Path:
    """``resources/translations``: the Linguist sources and the catalogues built from them."""
    return resource_path(TRANSLATIONS_DIR)


def translation_sources(language: str) -> list[Path]:
    """The Linguist sources of one language, in a stable order."""
    return sorted(translations_dir().glob(f"*_{language}.ts"))


def shipped_catalogue(language: str) -> Path:
    return resource_path(TRANSLATIONS_DIR, f"annotator_{language}.qm")


def lrelease_program() -> str | None:
    """``pyside6-lrelease`` beside this Python (a virtual environment), on the PATH, or in PySide6."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.is_file():
        return str(beside)
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    try:
        import PySide6
    except ImportError:  # pragma: no cover - the GUI cannot run without it anyway
        return None
    inside = Path(PySide6.__file__).parent / "lrelease"
    return str(inside) if inside.is_file() else None


def build_catalogue(language: str, target: Path) -> Path:
    """Compile a language's ``.ts`` sources into one ``.qm`` at ``target``; raises on failure."""
    sources, program = translation_sources(language), lrelease_program()
    if not sources:
        raise FileNotFoundError(f"no translation sources for {language!r}")
    if program is None:
        raise FileNotFoundError("pyside6-lrelease is not installed")
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([program, "-silent", *map(str, sources), "-qm", str(target)], check=True,
                   capture_output=True, timeout=LRELEASE_SECONDS)
    return target


def catalogue_for(language: str) -> Path | None:
    """The newest usable catalogue of a language: shipped, else rebuilt from edited sources."""
    shipped, sources = shipped_catalogue(language), translation_sources(language)
    newest_source = max((s.stat().st_mtime for s in sources), default=0.0)
    if shipped.is_file() and shipped.stat().st_mtime >= newest_source:
        return shipped
    if sources:
        cached = Path(user_cache_dir("framing-annotator")) / (
            f"annotator_{language}-{_sources_key(sources)}.qm")
        if cached.is_file():
            return cached
        try:
            partial = cached.with_name(f"{cached.stem}.{os.getpid()}.part")
            build_catalogue(language, partial)
            return partial.replace(cached)  # whole or absent, whoever else is building it
        except (OSError, subprocess.SubprocessError) as error:
            log.warning("cannot build the %s interface catalogue: %s", language, error)
    return shipped if shipped.is_file() else None


def _sources_key(sources: list[Path]) -> str:
    """Names the catalogue built from exactly these sources (several checkouts share one cache)."""
    digest = hashlib.sha1()
    for source in sources:
        stat = source.stat()
        digest.update(f"{source.resolve()}\0{stat.st_mtime_ns}\0{stat.st_size}\n".encode())
    return digest.hexdigest()[:16]


def install_language(language: str, app: QCoreApplication | None = None) -> bool:
    """Make ``language`` the interface language; True when its catalogue was found and loaded.

    English is the source language: its catalogue only spells plurals. Arabic also mirrors the whole interface (``Qt.RightToLeft``), which
    Qt applies to every widget made afterwards; windows that exist must be rebuilt.
    """
    app = app or QCoreApplication.instance()
    assert app is not None, "install_language needs the application object"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    loaded = _load_catalogues(app, language) or language == ENGLISH
    direction = (Qt.LayoutDirection.RightToLeft if language in RIGHT_TO_LEFT and loaded
                 else Qt.LayoutDirection.LeftToRight)
    if hasattr(app, "setLayoutDirection"):
        app.setLayoutDirection(direction)
    return loaded


def _load_catalogues(app: QCoreApplication, language: str) -> bool:
    catalogue = catalogue_for(language)
    if catalogue is None or not _install(app, str(catalogue)):
        if language != ENGLISH:  # English only needs its catalogue for plural forms
            log.warning("no %s interface catalogue; the interface stays in English", language)
        return False
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in QT_CATALOGUES:
        _install(app, str(Path(qt_dir) / f"{name}_{language}.qm"))
    return True


def _install(app: QCoreApplication, path: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(path):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
